"""Prices as the locale writes them: `QLocale.toCurrencyString` with the currency's own symbol.

Qt knows each locale's own currency, not the symbol of every currency in every locale; the
symbol is taken from a locale that uses the currency, preferring one of the same language
(a French kiosk shows CHF from fr_CH), then the currency's home country in English (US$ is
"$" from en_US), else the ISO code itself. Where the symbol goes, the digit grouping and the
spaces are the display locale's: 39.900 € in German, 39 900 € in French, €39,900 in US English.
"""

from __future__ import annotations

import functools

from PySide6.QtCore import QLocale

from kiosk.content.catalog import Car

_ISO = QLocale.CurrencySymbolFormat.CurrencyIsoCode


@functools.cache
def _locales_by_currency() -> dict[str, tuple[QLocale, ...]]:
    every = QLocale.matchingLocales(
        QLocale.Language.AnyLanguage, QLocale.Script.AnyScript, QLocale.Country.AnyCountry
    )
    found: dict[str, list[QLocale]] = {}
    for locale in every:
        found.setdefault(locale.currencySymbol(_ISO), []).append(locale)
    return {code: tuple(locales) for code, locales in found.items() if code}


def currency_symbol(code: str, locale: QLocale) -> str:
    """The symbol for ISO currency `code` shown in `locale` (the code itself when none is known)."""
    if locale.currencySymbol(_ISO) == code and locale.currencySymbol():
        return locale.currencySymbol()

    def rank(other: QLocale) -> tuple[bool, bool, bool]:
        home = other.name().split("_")[-1] == code[:2]
        return (other.language() != locale.language(), not home, other.language() != QLocale.Language.English)

    for other in sorted(_locales_by_currency().get(code, ()), key=rank):
        if other.currencySymbol():
            return other.currencySymbol()
    return code


def format_price(amount: float, currency: str, locale: QLocale | None = None) -> str:
    """`amount` of ISO `currency` as `locale` (the default locale) writes money; no cents when whole.

    The "C" locale (a system without a language set) writes money as US English does.
    """
    shown = locale if locale is not None else QLocale()
    if shown.language() == QLocale.Language.C:
        shown = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    symbol = currency_symbol(currency, shown)
    decimals = 0 if float(amount).is_integer() else 2
    return _spaced(shown.toCurrencyString(float(amount), symbol, decimals), symbol)


def _spaced(text: str, symbol: str) -> str:
    """A space between a symbol made of letters and the digits ("CHF 39,900", not "CHF39,900")."""
    if symbol[-1:].isalpha() and text.startswith(symbol) and text[len(symbol) : len(symbol) + 1].isdigit():
        return f"{symbol}\u00a0{text[len(symbol) :]}"
    if symbol[:1].isalpha() and text.endswith(symbol) and text[: -len(symbol)][-1:].isdigit():
        return f"{text[: -len(symbol)]}\u00a0{symbol}"
    return text


def price_text(car: Car, locale: QLocale | None = None) -> str:
    """The car's price for the screen; "" when it has none."""
    if car.price is not None:
        return format_price(car.price, car.currency, locale)
    return car.price_text
