"""Money as integer minor units plus an ISO 4217 code; formatting only at the edges."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from desktop_app.domain.errors import ValidationError


@dataclass(frozen=True)
class Currency:
    code: str
    exponent: int
    symbol: str


# ISO 4217 exponents for the currencies this trade meets (China, TikTok Shop markets).
CURRENCIES: dict[str, Currency] = {
    c.code: c
    for c in (
        Currency("CNY", 2, "¥"),
        Currency("HKD", 2, "HK$"),
        Currency("TWD", 2, "NT$"),
        Currency("USD", 2, "$"),
        Currency("GBP", 2, "£"),
        Currency("EUR", 2, "€"),
        Currency("IDR", 2, "Rp"),
        Currency("MYR", 2, "RM"),
        Currency("THB", 2, "฿"),
        Currency("PHP", 2, "₱"),
        Currency("SGD", 2, "S$"),
        Currency("VND", 0, "₫"),
        Currency("JPY", 0, "¥"),
        Currency("KRW", 0, "₩"),
        Currency("MXN", 2, "MX$"),
        Currency("BRL", 2, "R$"),
        Currency("SAR", 2, "SAR"),
    )
}


def currency(code: str) -> Currency:
    c = CURRENCIES.get((code or "").upper())
    if c is None:
        raise ValidationError("error.currency.unknown", field="currency", value=code)
    return c


def to_minor(major: Decimal | float | int | str, code: str) -> int:
    """Major units (元) to integer minor units (分), rounding half up."""
    try:
        d = Decimal(str(major))
    except InvalidOperation:
        raise ValidationError("error.number.invalid", field="money", value=major) from None
    scale = Decimal(10) ** currency(code).exponent
    return int((d * scale).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def to_major(minor: int | float | None, code: str) -> float | None:
    if minor is None:
        return None
    return float(Decimal(minor) / (Decimal(10) ** currency(code).exponent))


def format_money(minor: int | float | None, code: str, *, symbol: bool = True) -> str:
    if minor is None:
        return "—"
    c = currency(code)
    major = Decimal(minor) / (Decimal(10) ** c.exponent)
    text = f"{major:,.{c.exponent}f}"
    return f"{c.symbol}{text}" if symbol else text
