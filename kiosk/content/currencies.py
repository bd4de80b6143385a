"""Currencies: the ISO 4217 codes a car price may be written in, the order a menu offers them,
and what a price written as text must look like. No Qt here.

`ISO_4217` is every code of money in use (ISO 4217, 2025), including the fund and accounting
units some markets quote in (Chile's CLF, Mexico's MXV ...), so a catalogue priced in one still
reads; not precious metals, bond units, SDRs or the test codes, which are no price for a car.
A menu offers `COMMON_CURRENCIES` first (the euro, the dollar, the pound, the franc, Europe's
other currencies, then the world's major ones), then the rest from A to Z without the fund units
(`chooser_currencies`): the one list the Cars page shows.
"""

from __future__ import annotations

import re

# fmt: off
ISO_4217: frozenset[str] = frozenset((
    "AED", "AFN", "ALL", "AMD", "AOA", "ARS", "AUD", "AWG", "AZN", "BAM", "BBD", "BDT", "BHD", "BIF",
    "BMD", "BND", "BOB", "BOV", "BRL", "BSD", "BTN", "BWP", "BYN", "BZD", "CAD", "CDF", "CHE", "CHF",
    "CHW", "CLF", "CLP", "CNY", "COP", "COU", "CRC", "CUP", "CVE", "CZK", "DJF", "DKK", "DOP", "DZD",
    "EGP", "ERN", "ETB", "EUR", "FJD", "FKP", "GBP", "GEL", "GHS", "GIP", "GMD", "GNF", "GTQ", "GYD",
    "HKD", "HNL", "HTG", "HUF", "IDR", "ILS", "INR", "IQD", "IRR", "ISK", "JMD", "JOD", "JPY", "KES",
    "KGS", "KHR", "KMF", "KPW", "KRW", "KWD", "KYD", "KZT", "LAK", "LBP", "LKR", "LRD", "LSL", "LYD",
    "MAD", "MDL", "MGA", "MKD", "MMK", "MNT", "MOP", "MRU", "MUR", "MVR", "MWK", "MXN", "MXV", "MYR",
    "MZN", "NAD", "NGN", "NIO", "NOK", "NPR", "NZD", "OMR", "PAB", "PEN", "PGK", "PHP", "PKR", "PLN",
    "PYG", "QAR", "RON", "RSD", "RUB", "RWF", "SAR", "SBD", "SCR", "SDG", "SEK", "SGD", "SHP", "SLE",
    "SOS", "SRD", "SSP", "STN", "SVC", "SYP", "SZL", "THB", "TJS", "TMT", "TND", "TOP", "TRY", "TTD",
    "TWD", "TZS", "UAH", "UGX", "USD", "USN", "UYI", "UYU", "UYW", "UZS", "VED", "VES", "VND", "VUV",
    "WST", "XAF", "XCD", "XCG", "XOF", "XPF", "YER", "ZAR", "ZMW", "ZWG",
))

# Units of account and funds, not the cash a car is sold for: still read, never offered.
FUND_UNITS: frozenset[str] = frozenset((
    "BOV",  # Bolivia: Mvdol
    "CHE", "CHW",  # Switzerland: WIR euro, WIR franc
    "CLF",  # Chile: Unidad de Fomento
    "COU",  # Colombia: Unidad de Valor Real
    "MXV",  # Mexico: Unidad de Inversión
    "USN",  # United States: next-day dollars
    "UYI", "UYW",  # Uruguay: indexed units, Unidad Previsional
))

# What dealers price in: the euro, the dollar, the pound and the franc; Europe's other
# currencies; then the world's major ones.
COMMON_CURRENCIES: tuple[str, ...] = (
    "EUR", "USD", "GBP", "CHF",
    "SEK", "NOK", "DKK", "ISK", "PLN", "CZK", "HUF", "RON", "RSD", "BAM", "MKD", "ALL", "MDL",
    "UAH", "TRY",
    "CAD", "AUD", "NZD", "JPY", "CNY", "HKD", "SGD", "KRW", "TWD", "INR", "AED", "SAR", "QAR",
    "ILS", "ZAR", "BRL", "MXN",
)

# Signs a price written as text may carry instead of its ISO code (the common ones; a text price
# is shown as it is written, so the sign only has to say that it is money).
CURRENCY_SIGNS: frozenset[str] = frozenset((
    "€", "$", "US$", "C$", "A$", "NZ$", "HK$", "S$", "R$", "Mex$", "£", "¥", "₹", "₩", "₺", "₽", "₪",
    "₴", "zł", "Kč", "Ft", "kr", "kr.", "Fr.", "CHF", "lei", "R",
))
# fmt: on

_NUMBER = re.compile(r"\d(?:[\d\s.,'’\u00a0\u202f]*\d)?(?:[.,]-{1,2})?")  # 39,900 · 39.900,- · 39 900
_PLAIN_AMOUNT = re.compile(r"^\d+(?:\.\d{1,2})?$")


def currency_problem(code: object) -> str:
    """Why `code` is no currency code ("" when it is one), naming it."""
    if not isinstance(code, str) or not code:
        return f"currency {code!r}: expected a three-letter ISO 4217 code such as EUR, USD or GBP"
    if code not in ISO_4217:
        hint = " (ISO codes are upper case)" if code.upper() in ISO_4217 else ""
        return f"currency {code!r} is not an ISO 4217 code such as EUR, USD or GBP{hint}"
    return ""


def chooser_currencies() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(common, others): what a currency menu offers, the common codes first in their order, then
    every other code of money from A to Z; fund and accounting units are left out."""
    others = sorted(ISO_4217 - FUND_UNITS - set(COMMON_CURRENCIES))
    return COMMON_CURRENCIES, tuple(others)


def plain_amount(text: str) -> float | None:
    """A price written as a bare number ("39900", "25990.50"), else None."""
    return float(text) if _PLAIN_AMOUNT.match(text.strip()) else None


def price_text_problem(text: str) -> str:
    """Why `text` is no price written with its currency ("" when it is one, such as "€ 39,900",
    "39.900,- €", "CHF 39'900" or "39 900 EUR"): one number, and an ISO code or a currency sign
    before or after it."""
    numbers = _NUMBER.findall(text)
    sign = _NUMBER.sub(" ", text).strip()
    if len(numbers) == 1 and (sign in ISO_4217 or sign in CURRENCY_SIGNS):
        return ""
    return (
        f"price {text!r} is not an amount like 39900, or a number with its currency like "
        f"'€ 39,900' or '39 900 EUR'"
    )
