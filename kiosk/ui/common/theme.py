"""The look: colours, type scale and the style sheet for the operator dialogs.

Sizes scale with the window height (`scale = height / 1080`), so a 1280x720 screen shows
the same layout as a 1920x1080 one, only smaller.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont

from kiosk.paths import resource_path

BACKGROUND = QColor("#0b0d10")
SURFACE = QColor(20, 23, 28, 215)
TEXT = QColor("#f2f0ec")
TEXT_MUTED = QColor("#9aa0a8")
TEXT_FAINT = QColor("#5f656e")
HAIRLINE = QColor(255, 255, 255, 34)
GOOD = QColor("#6fcf97")
WARN = QColor("#f2c94c")
BAD = QColor("#eb5757")

FONT_FAMILIES = ["Segoe UI", "Helvetica Neue", "Inter", "Nimbus Sans", "DejaVu Sans"]
DISPLAY_FAMILIES = ["Segoe UI Light", "Helvetica Neue", "Inter", "URW Gothic", "Nimbus Sans", "DejaVu Sans"]


def font(
    pixel_size: float,
    *,
    weight: QFont.Weight = QFont.Weight.Normal,
    display: bool = False,
    spacing: float = 0.0,
    caps: bool = False,
) -> QFont:
    """A font of `pixel_size` pixels; `spacing` is extra letter spacing in percent of the size."""
    result = QFont()
    result.setFamilies(DISPLAY_FAMILIES if display else FONT_FAMILIES)
    result.setPixelSize(max(6, round(pixel_size)))
    result.setWeight(weight)
    if spacing:
        result.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 100.0 + spacing)
    if caps:
        result.setCapitalization(QFont.Capitalization.AllUppercase)
    result.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return result


def with_alpha(color: QColor, alpha: float) -> QColor:
    result = QColor(color)
    result.setAlphaF(max(0.0, min(1.0, alpha)))
    return result


def mix(a: QColor, b: QColor, t: float) -> QColor:
    """The colour a fraction `t` of the way from `a` to `b`."""
    t = max(0.0, min(1.0, t))
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * t,
        a.greenF() + (b.greenF() - a.greenF()) * t,
        a.blueF() + (b.blueF() - a.blueF()) * t,
        a.alphaF() + (b.alphaF() - a.alphaF()) * t,
    )


def _icon(name: str) -> str:
    """A style-sheet url for one of resources/icons (forward slashes, also on Windows)."""
    return resource_path("resources", "icons", name).as_posix()


def font_family_css() -> str:
    """FONT_FAMILIES as a style sheet's font-family list (the showroom's type, in the dialogs too)."""
    return ", ".join(f'"{family}"' for family in FONT_FAMILIES)


def dialog_style_sheet(accent: str = "#c8a96a") -> str:
    """A dark style for the operator dialogs, in keeping with the showroom."""
    return f"""
    * {{ font-family: {font_family_css()}; }}
    QDialog, QWidget#settingsPage {{ background: #14171c; color: #e8e6e1; }}
    QLabel {{ color: #e8e6e1; }}
    QLabel#hint, QLabel#pinMessage {{ color: #9aa0a8; }}
    QLabel#error {{ color: #eb5757; }}
    QLabel#notice {{ color: #e8e6e1; background: #1b1f25; border-left: 3px solid {accent};
                     border-radius: 4px; padding: 6px 10px; }}
    QPushButton#advancedToggle {{ background: transparent; border: none; color: {accent};
                                  font-size: 15px; padding: 6px 0; text-align: left; }}
    QPushButton#advancedToggle:hover {{ color: #f2f0ec; }}
    QListWidget {{ background: #0f1215; border: none; color: #c9ccd1; font-size: 15px; padding: 8px; }}
    QListWidget::item {{ padding: 10px 12px; border-radius: 6px; }}
    QListWidget::item:selected {{ background: #232830; color: {accent}; }}
    QLineEdit, QSpinBox, QDoubleSpinBox, QComboBox, QPlainTextEdit {{
        background: #0f1215; color: #f2f0ec; border: 1px solid #2b3038; border-radius: 6px;
        padding: 6px 8px; selection-background-color: {accent};
    }}
    QLineEdit:focus, QSpinBox:focus, QDoubleSpinBox:focus, QComboBox:focus {{ border-color: {accent}; }}
    QPushButton {{ background: #232830; color: #f2f0ec; border: 1px solid #2f353e; border-radius: 6px;
                   padding: 7px 16px; }}
    QPushButton:hover {{ border-color: {accent}; }}
    QPushButton:disabled {{ color: #5f656e; }}
    QDialogButtonBox {{ dialogbuttonbox-buttons-have-icons: 0; }}
    QCheckBox {{ color: #e8e6e1; spacing: 8px; }}
    QGroupBox {{ border: 1px solid #2b3038; border-radius: 8px; margin-top: 14px; padding: 10px; }}
    QGroupBox::title {{ subcontrol-origin: margin; left: 10px; color: #9aa0a8; }}
    QSlider::groove:horizontal {{ height: 4px; background: #2b3038; border-radius: 2px; }}
    QSlider::handle:horizontal {{ background: {accent}; width: 14px; margin: -6px 0; border-radius: 7px; }}
    QLabel#pageHeading {{ font-size: 22px; font-weight: 300; padding-bottom: 4px; }}
    QLabel#hint {{ font-size: 12px; }}
    QScrollArea#pageScroll, QScrollArea#pageScroll > QWidget > QWidget {{ background: #14171c; }}
    QSpinBox, QDoubleSpinBox, QDateEdit {{ padding-right: 24px; }}
    QSpinBox::up-button, QDoubleSpinBox::up-button, QDateEdit::up-button {{
        subcontrol-origin: border; subcontrol-position: top right; width: 22px;
        background: #232830; border-left: 1px solid #2b3038; border-top-right-radius: 6px; }}
    QSpinBox::down-button, QDoubleSpinBox::down-button, QDateEdit::down-button {{
        subcontrol-origin: border; subcontrol-position: bottom right; width: 22px;
        background: #232830; border-left: 1px solid #2b3038; border-bottom-right-radius: 6px; }}
    QSpinBox::up-button:hover, QDoubleSpinBox::up-button:hover, QSpinBox::down-button:hover,
    QDoubleSpinBox::down-button:hover {{ background: #2f353e; }}
    QSpinBox::up-arrow, QDoubleSpinBox::up-arrow, QDateEdit::up-arrow {{
        image: url({_icon("arrow-up.png")}); width: 10px; height: 6px; }}
    QSpinBox::down-arrow, QDoubleSpinBox::down-arrow, QDateEdit::down-arrow, QComboBox::down-arrow {{
        image: url({_icon("arrow-down.png")}); width: 10px; height: 6px; }}
    QComboBox::drop-down, QDateEdit::drop-down {{ width: 24px; border-left: 1px solid #2b3038; }}
    QComboBox {{ combobox-popup: 0; }}
    QComboBox QAbstractItemView {{ background: #0f1215; color: #f2f0ec; border: 1px solid #2f353e;
                                   outline: 0; padding: 2px; selection-background-color: #232830;
                                   selection-color: {accent}; }}
    QComboBox QAbstractItemView::item {{ min-height: 30px; padding: 0 6px; }}
    QComboBoxPrivateContainer {{ background: #0f1215; border: none; }}
    QTableWidget {{ background: #0f1215; alternate-background-color: #13171b; color: #e8e6e1;
                    gridline-color: #2b3038; border: 1px solid #2b3038; border-radius: 6px; }}
    QTableWidget::item:selected {{ background: #232830; color: {accent}; }}
    QHeaderView::section {{ background: #1b1f25; color: #c9ccd1; border: none;
                            border-bottom: 1px solid #2b3038; padding: 6px 8px; }}
    QHeaderView {{ background: #1b1f25; border: none; }}
    QTableCornerButton::section {{ background: #1b1f25; border: none; }}
    QChartView, QGraphicsView {{ background: #14171c; border: none; }}
    QCalendarWidget QWidget {{ background: #14171c; color: #e8e6e1; alternate-background-color: #1b1f25; }}
    QCalendarWidget QToolButton {{ color: #e8e6e1; background: #232830; border: none; padding: 4px 8px; }}
    QCalendarWidget QAbstractItemView:enabled {{ color: #e8e6e1; selection-background-color: {accent};
                                                 selection-color: #101214; }}
    QCalendarWidget QAbstractItemView:disabled {{ color: #5f656e; }}
    QScrollBar:vertical {{ background: #0f1215; width: 12px; }}
    QScrollBar::handle:vertical {{ background: #2f353e; border-radius: 5px; min-height: 30px; margin: 2px; }}
    QScrollBar::add-line, QScrollBar::sub-line {{ height: 0; width: 0; }}
    QToolTip {{ background: #232830; color: #f2f0ec; border: 1px solid #2f353e; }}
    QWidget#statusPage {{ background: #14171c; }}
    QLabel#statusSummary {{ font-size: 17px; padding-bottom: 6px; }}
    QFrame#problemCard {{ background: #1b1f25; border: 1px solid #2b3038; border-left: 4px solid #f2c94c;
                          border-radius: 6px; }}
    QFrame#problemCard[degrades="true"] {{ border-left-color: #eb5757; }}
    QLabel#problemTitle {{ font-size: 15px; font-weight: 600; }}
    QLabel#problemDetail, QLabel#statusWhere {{ color: #9aa0a8; font-size: 12px; }}
    QFileDialog QTreeView, QFileDialog QListView {{
        background: #0f1215; color: #e8e6e1; alternate-background-color: #13171b;
        border: 1px solid #2b3038; border-radius: 6px; outline: 0;
        selection-background-color: #232830; selection-color: {accent}; }}
    QFileDialog QToolButton {{ background: #232830; border: 1px solid #2f353e; border-radius: 4px;
                               padding: 3px; }}
    QFileDialog QToolButton:hover {{ border-color: {accent}; }}
    QScrollBar:horizontal {{ background: #0f1215; height: 12px; }}
    QScrollBar::handle:horizontal {{ background: #2f353e; border-radius: 5px; min-width: 30px; margin: 2px; }}
    QMessageBox {{ background: #1b1f25; border: 1px solid #2f353e; }}
    QMessageBox QLabel#qt_msgbox_label {{ font-size: 17px; }}
    QMessageBox QPushButton {{ min-width: 110px; min-height: 34px; }}
    """
