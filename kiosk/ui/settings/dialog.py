"""The operator settings dialog: pages on the left, Apply/OK save and apply at once.

The pages show one draft (`kiosk.settings.draft`): the settings as edited and, when the Cars
page changed them, the cars. Apply or OK commits it once, through `SettingsDraft.commit`: the
cars to the catalogue store the kiosk shows from, then the settings to the settings store.
No page saves anything itself.

Opened behind the PIN (see `main_window`); the showroom keeps running underneath. It fits
the screen's usable area (1280x720 included): each page scrolls, the buttons stay in view.
The Reactions page (`kiosk.ui.settings.reactions_page`) shows when the reaction database is open, and
a short note saying why not otherwise. The Status page (`kiosk.ui.operator.status_page`) lists every
current problem of the kiosk, with what to do, live.

Nothing is lost or changed by accident: Escape, Cancel or the window's close button ask before
unsaved changes are thrown away, and the mouse wheel scrolls the pages instead of changing the
field under the pointer (`kiosk.ui.settings.wheel_guard`).
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Mapping, Sequence
from pathlib import Path

from PySide6.QtCore import QRect, QSize, Qt, Signal, Slot
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.analytics import ReactionStore
from kiosk.session.catalog import CatalogStore
from kiosk.session.results import AnalysisResult
from kiosk.settings.draft import Draft, SettingsDraft
from kiosk.settings.model import KioskSettings
from kiosk.ui.common import theme
from kiosk.ui.common.i18n import QT_TRANSLATE_NOOP, translate
from kiosk.ui.common.settings_store import SettingsStore
from kiosk.ui.operator.status import OperatorStatus
from kiosk.ui.operator.status_page import StatusPage
from kiosk.ui.settings.camera_page import CameraPage
from kiosk.ui.settings.cars_page import CarsPage
from kiosk.ui.settings.detection_page import DetectionPage
from kiosk.ui.settings.fields import FieldEditor
from kiosk.ui.settings.fleet_page import FleetPage
from kiosk.ui.settings.kiosk_page import KioskPage
from kiosk.ui.settings.music_page import AudioPage
from kiosk.ui.settings.page import SettingsPage
from kiosk.ui.settings.reactions_page import ReactionsPage
from kiosk.ui.settings.showroom_page import ShowroomPage
from kiosk.ui.settings.wheel_guard import WheelGuard
from kiosk.ui.showroom.images import Car

log = logging.getLogger(__name__)

PREFERRED_SIZE = QSize(1100, 780)
NAV_WIDTH = 215  # the page list's least width
NAV_AIR = 6  # pixels beside the widest title (the frame width holds the style sheet's padding)
SCREEN_MARGIN = 24  # pixels left free around the dialog (a window manager adds its title bar)
RESTORED_NOTE = QT_TRANSLATE_NOOP(
    "SettingsDialog",
    "Defaults restored on every page: press Apply or OK to keep them. "
    "The staff zone and the PIN were kept; clear the staff zone on Detection & reaction if you mean to.",
)


def make_reactions_page(
    reaction_store: ReactionStore | None, notice: str = "", car_names: Mapping[str, str] | None = None
) -> ReactionsPage | QLabel:
    """The Reactions page over the open store, or a note (saying why) when there is none."""
    if reaction_store is not None:
        return ReactionsPage(reaction_store, notice, car_names=car_names)
    placeholder = QLabel(
        notice or translate("SettingsDialog", "Reaction records are not available on this kiosk.")
    )
    placeholder.setObjectName("reactionsPlaceholder")
    placeholder.setWordWrap(True)
    return placeholder


class SettingsDialog(QDialog):
    """Edits a copy of the settings; Apply/OK validate, save and apply them live."""

    exit_requested = Signal()

    def __init__(
        self,
        store: SettingsStore,
        *,
        reaction_store: ReactionStore | None = None,
        reaction_notice: str = "",
        operator: OperatorStatus | None = None,
        health_url: str = "",
        kiosk_id: str = "",
        cars: Sequence[Car] = (),
        catalog: CatalogStore | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Kiosk settings"))
        self.setStyleSheet(theme.dialog_style_sheet())
        self._store = store
        catalog = catalog or CatalogStore()
        self._draft = SettingsDraft(store.settings, save_settings=store.update, save_cars=catalog.save)
        self.pages: list[SettingsPage] = [
            CameraPage(),
            DetectionPage(),
            ShowroomPage(cars),
            CarsPage(catalog.folder),  # after Showroom: edited cars are shown instead of its catalog folder
            AudioPage(),
            KioskPage(),
            FleetPage(kiosk_id),
        ]
        names = {car.id: car.name for car in cars}
        self.reactions_page = make_reactions_page(reaction_store, reaction_notice, names)
        self.status_page: StatusPage | None = None
        if operator is not None:
            log_file = Path(store.path).parent / "logs" / "kiosk.log"
            self.status_page = StatusPage(operator, log_file=log_file, health_url=health_url)
            operator.changed.connect(self._on_operator_changed)
        self.storage_note = QLabel()
        self.storage_note.setObjectName("storageNote")
        self.storage_note.setWordWrap(True)
        self.discard_question: QMessageBox | None = None
        self._build()
        self._show_storage_problems()
        self._connect_pages()
        self.load(store.settings)
        self._draft.saved = self.edited()  # the stored settings as the pages show them
        self.wheel_guard = WheelGuard(self)
        self.fit_to(_available_area(parent))

    def fit_to(self, available: QRect) -> None:
        """The preferred size, or less to stay inside `available` (the pages scroll), centred in it."""
        width = min(PREFERRED_SIZE.width(), available.width() - SCREEN_MARGIN)
        height = min(PREFERRED_SIZE.height(), available.height() - 2 * SCREEN_MARGIN)
        self.resize(width, height)
        self.move(available.center() - self.rect().center())

    def _build(self) -> None:
        self.nav = QListWidget()
        self.nav.setFixedWidth(NAV_WIDTH)
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.stack = QStackedWidget()
        for page in self.pages:
            self.nav.addItem(page.title_text)
            self.stack.addWidget(_scrolling(page))
        self.nav.addItem(self.tr("Reactions"))
        self.stack.addWidget(self.reactions_page)
        if self.status_page is not None:
            self.nav.addItem(self.status_page.title_text)
            self.stack.addWidget(_scrolling(self.status_page))
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.nav.setCurrentRow(0)
        self.error = QLabel("")
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.notice = QLabel("")  # news that is no problem (defaults restored): not in the error's red
        self.notice.setObjectName("notice")
        self.notice.setWordWrap(True)
        self.notice.hide()
        buttons = QDialogButtonBox.StandardButton
        self.buttons = QDialogButtonBox(  # made in the dialog, so with its style (no icons)
            buttons.Ok | buttons.Apply | buttons.Cancel | buttons.RestoreDefaults, self
        )
        self.buttons.button(buttons.Ok).clicked.connect(self._on_ok_clicked)
        self.buttons.button(buttons.Apply).clicked.connect(self._on_apply_clicked)
        self.buttons.button(buttons.Cancel).clicked.connect(self.reject)
        self.buttons.button(buttons.RestoreDefaults).clicked.connect(self._on_restore_clicked)
        body = QHBoxLayout()
        body.addWidget(self.nav)
        body.addWidget(self.stack, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.storage_note)
        layout.addLayout(body, 1)
        layout.addWidget(self.notice)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self._fit_nav()  # in the dialog now, so with its style sheet

    def _fit_nav(self) -> None:
        """At least NAV_WIDTH, wider when a page's title needs it (German is long): never cut off."""
        self.nav.ensurePolished()  # the dialog's style sheet sets the font and the item padding
        needed = self.nav.sizeHintForColumn(0) + 2 * self.nav.frameWidth() + NAV_AIR
        self.nav.setFixedWidth(max(NAV_WIDTH, needed))

    def _connect_pages(self) -> None:
        for page in self.pages:
            if isinstance(page, AudioPage):
                self.finished.connect(page.stop_preview)
            if isinstance(page, KioskPage):
                page.exit_requested.connect(self.exit_requested)

    def page(self, kind: type[SettingsPage]) -> SettingsPage:
        return next(p for p in self.pages if isinstance(p, kind))

    def editor(self, name: str) -> FieldEditor:
        """The editor of one setting, whichever page shows it."""
        for page in self.pages:
            for form in page.forms():
                if name in form.editors:
                    return form[name]
        raise KeyError(name)

    def load(self, settings: KioskSettings) -> None:
        for page in self.pages:
            page.load(settings)
        self._load_retention(settings)
        self.error.setText("")
        self._show_notice("")

    def _load_retention(self, settings: KioskSettings) -> None:
        if isinstance(self.reactions_page, ReactionsPage):
            self.reactions_page.set_retention_days(settings.retention_days)

    def edited(self) -> KioskSettings:
        """The settings as the pages show them now (not yet validated)."""
        settings = self._store.settings
        for page in self.pages:
            settings = page.save(settings)
        if isinstance(self.reactions_page, ReactionsPage):
            days = int(self.reactions_page.retention_spin.value())
            settings = dataclasses.replace(settings, retention_days=days)
        return settings

    def draft(self) -> Draft:
        """What the pages show now: the settings, and the cars if the Cars page changed them."""
        cars = self._cars_page()
        edited = tuple(cars.cars) if cars.dirty else None
        return Draft(self.edited(), edited, cars.language)

    def apply(self) -> bool:
        """Commit the draft (checked, then saved, then applied by the kiosk); False, with the
        problems shown, when something is wrong."""
        draft = self.draft()
        committed = self._draft.commit(draft)
        cars = self._cars_page()
        if committed.catalog is not None:
            cars.show_saved(committed.catalog)
        if committed.car_problems:  # saved all or nothing; the Cars page says what failed
            cars.show_save_problems(committed.car_problems)
            self.error.setText(self.tr("The cars are not saved: see the Cars page."))
            return False
        if committed.settings_problems:
            self.error.setText("\n".join(committed.settings_problems))
            detection = self.page(DetectionPage)
            assert isinstance(detection, DetectionPage)
            detection.reveal_problems(draft.settings)
            return False
        self.error.setText("")
        self._show_notice("")
        self._draft.saved = self.edited()
        self._show_storage_problems()
        log.info("event settings_saved file=%s", self._store.path)
        return True

    def _cars_page(self) -> CarsPage:
        cars = self.page(CarsPage)
        assert isinstance(cars, CarsPage)
        return cars

    def has_unsaved_changes(self) -> bool:
        """Edits that Apply or OK would save: a setting the pages show otherwise than stored, or cars.

        Compared with the stored settings as the pages showed them when loaded (a value the
        editors round, such as a hand-written 0.555 shown as 56 %, is no change of the operator's).
        """
        return self._draft.changed(self.draft())

    def reject(self) -> None:
        """Escape, Cancel or the close button: gone at once without changes; else it asks first."""
        if self.has_unsaved_changes():
            self._ask_to_discard()
        else:
            super().reject()

    def discard(self) -> None:
        """Close and throw the unsaved changes away, without asking."""
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        """The close button asks (through reject); the kiosk closing the dialog as it ends does not."""
        if event.spontaneous():
            super().closeEvent(event)
            return
        self.discard()
        event.accept()

    def _ask_to_discard(self) -> None:
        if self.discard_question is not None:
            self.discard_question.raise_()
            return
        question = QMessageBox(self)
        question.setObjectName("discardQuestion")
        question.setWindowTitle(self.windowTitle())
        question.setText(self.tr("Discard the unsaved changes?"))
        question.setInformativeText(self.tr("The changes made on these pages are not saved yet."))
        question.addButton(QMessageBox.StandardButton.Save)
        question.addButton(QMessageBox.StandardButton.Discard)
        keep = question.addButton(self.tr("Keep editing"), QMessageBox.ButtonRole.RejectRole)
        question.setDefaultButton(keep)
        question.setEscapeButton(keep)
        question.buttonClicked.connect(self._on_discard_question_clicked)
        question.finished.connect(self._on_discard_question_finished)
        self.discard_question = question
        question.open()

    @Slot(QAbstractButton)
    def _on_discard_question_clicked(self, button: QAbstractButton) -> None:
        question = self.discard_question
        assert question is not None
        choice = question.standardButton(button)
        if choice == QMessageBox.StandardButton.Save:
            self._on_ok_clicked()  # stays open, with the problems shown, when something is wrong
        elif choice == QMessageBox.StandardButton.Discard:
            self.discard()

    @Slot(int)
    def _on_discard_question_finished(self, _result: int) -> None:
        if self.discard_question is not None:
            self.discard_question.deleteLater()
            self.discard_question = None

    def _show_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def _show_storage_problems(self) -> None:
        """Settings that cannot be saved (the Status page lists every other problem)."""
        text = self._store.save_problem
        self.storage_note.setText(text)
        self.storage_note.setVisible(bool(text))

    @Slot()
    def _on_operator_changed(self) -> None:
        if self.status_page is not None:
            self.nav.item(self.nav.count() - 1).setText(self.status_page.title_text)

    def show_result(self, result: AnalysisResult) -> None:
        row = self.stack.currentIndex()
        if 0 <= row < len(self.pages) and self.isVisible():
            self.pages[row].show_result(result)

    @Slot()
    def _on_ok_clicked(self) -> None:
        if self.apply():
            self.accept()

    @Slot()
    def _on_apply_clicked(self) -> None:
        self.apply()

    @Slot()
    def _on_restore_clicked(self) -> None:
        """Defaults, except the privacy and security settings: the staff zone and the PIN stay."""
        self.load(self.edited().with_defaults())
        self._show_notice(translate("SettingsDialog", RESTORED_NOTE))


def _scrolling(page: QWidget) -> QScrollArea:
    """The page in a scroll area, so a small screen scrolls it instead of hiding the buttons."""
    area = QScrollArea()
    area.setObjectName("pageScroll")
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    area.setWidget(page)
    return area


def _available_area(parent: QWidget | None) -> QRect:
    """The usable area (without task bars) of the parent's screen, or of the primary screen."""
    screen = parent.screen() if parent is not None else QGuiApplication.primaryScreen()
    return screen.availableGeometry()
