"""Locale-aware display of dates, numbers and money: follows the chosen UI language.

ui/i18n.apply_language sets QLocale's default (zh_CN or en_US); these helpers read it, so
"1,234.5" / "2026/11/26 20:00" / "¥1,234.50" change with the language without a restart.
Storage keeps UTC, integer minor units and raw numbers; this is only the edge.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime, QTimeZone

from desktop_app.domain.money import currency as currency_info

DASH = "—"


def locale() -> QLocale:
    return QLocale()


def number(value: float | int | None, decimals: int = 0) -> str:
    if value is None:
        return DASH
    if decimals == 0:
        return locale().toString(int(round(value)))
    return locale().toString(float(value), "f", decimals)


def ratio(value: float | None, decimals: int = 1) -> str:
    """A 0–1 ratio as a percentage in the locale's style."""
    if value is None:
        return DASH
    return locale().toString(value * 100, "f", decimals) + locale().percent()


def money(minor: int | None, code: str) -> str:
    """Integer minor units (分) as the locale writes money, with the currency's own symbol."""
    if minor is None:
        return DASH
    cur = currency_info(code)
    major = minor / (10 ** cur.exponent)
    return locale().toCurrencyString(major, cur.symbol, cur.exponent)


def _qdatetime(value: datetime, tz: str) -> QDateTime:
    local = value.astimezone(ZoneInfo(tz))
    return QDateTime(QDate(local.year, local.month, local.day),
                     QTime(local.hour, local.minute, local.second), QTimeZone(tz.encode()))


def datetime_text(value: datetime | None, tz: str, *, seconds: bool = False) -> str:
    if value is None:
        return DASH
    fmt = locale().dateTimeFormat(QLocale.FormatType.ShortFormat)
    if seconds and ":ss" not in fmt:
        fmt = fmt.replace(":mm", ":mm:ss")
    return locale().toString(_qdatetime(value, tz), _four_digit_year(fmt))


def date_text(value: datetime | None, tz: str) -> str:
    if value is None:
        return DASH
    local = value.astimezone(ZoneInfo(tz))
    fmt = _four_digit_year(locale().dateFormat(QLocale.FormatType.ShortFormat))
    return locale().toString(QDate(local.year, local.month, local.day), fmt)


def _four_digit_year(fmt: str) -> str:
    # Qt's short formats use two-digit years in English ("11/26/26"): ambiguous in reports.
    return fmt.replace("yyyy", "\0").replace("yy", "yyyy").replace("\0", "yyyy")


def file_size(size: int) -> str:
    units = ("B", "KB", "MB", "GB")
    value, unit = float(size), 0
    while value >= 1024 and unit < len(units) - 1:
        value, unit = value / 1024, unit + 1
    return f"{number(value, 0 if unit == 0 else 1)} {units[unit]}"
