"""Prices as the locale writes money (QLocale.toCurrencyString), never formatted by hand."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale

from kiosk.content.catalog import Car
from kiosk.content.currencies import ISO_4217
from kiosk.ui.showroom.prices import _locales_by_currency, currency_symbol, format_price, price_text

NBSP, NNBSP = "\u00a0", "\u202f"


@pytest.fixture
def default_locale() -> Iterator[None]:
    yield
    QLocale.setDefault(QLocale.system())


@pytest.mark.parametrize(
    ("locale", "currency", "expected"),
    [
        ("de_DE", "EUR", f"39.900{NBSP}€"),
        ("de_AT", "EUR", f"€{NBSP}39{NBSP}900"),
        ("fr_FR", "EUR", f"39{NNBSP}900{NBSP}€"),
        ("en_US", "USD", "$39,900"),
        ("en_US", "EUR", "€39,900"),
        ("de_DE", "USD", f"39.900{NBSP}$"),
        ("en_US", "CHF", f"CHF{NBSP}39,900"),
        ("fr_FR", "GBP", f"39{NNBSP}900{NBSP}£"),
    ],
)
def test_prices_follow_the_locale(locale: str, currency: str, expected: str) -> None:
    assert format_price(39900, currency, QLocale(locale)) == expected


def test_cents_are_shown_only_when_there_are_some() -> None:
    assert format_price(25990.5, "USD", QLocale("en_US")) == "$25,990.50"
    assert format_price(25990.5, "EUR", QLocale("de_DE")) == f"25.990,50{NBSP}€"


def test_a_kiosk_without_a_language_writes_money_as_us_english() -> None:
    assert format_price(19990, "EUR", QLocale.c()) == "€19,990"


def test_the_showroom_uses_the_default_locale(default_locale: None, tmp_path: Path) -> None:
    car = Car("x", "X", "", 48900.0, "EUR", tmp_path / "x.jpg")
    QLocale.setDefault(QLocale("de_DE"))
    assert price_text(car) == f"48.900{NBSP}€"
    QLocale.setDefault(QLocale("fr_FR"))
    assert price_text(car) == f"48{NNBSP}900{NBSP}€"
    legacy = Car("y", "Y", "", None, "EUR", tmp_path / "y.jpg", price_text="€ 48,900")
    assert price_text(legacy) == "€ 48,900"  # a version-1 text price, shown as written
    assert price_text(Car("z", "Z", "", None, "EUR", tmp_path / "z.jpg")) == ""


def test_every_currency_qt_knows_is_an_accepted_code() -> None:
    assert set(_locales_by_currency()) <= ISO_4217
    assert currency_symbol("XCG", QLocale("en_US")) != ""  # known to Qt and to the list
