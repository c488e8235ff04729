"""Display formatting at the edge, following the chosen UI language (the one helper module).

Storage keeps UTC, integer minor units and raw numbers; only widgets format them, always here:
local times in the session's zone, numbers, money, ratios, durations, file sizes, "—" for NULL.
The language chosen in View → 中文 / English (messages.current_language) decides the locale, so
every table follows a switch without a restart once it re-reads its cells:

- zh_CN: 2026-11-26 20:05 (GB/T 7408, what Chinese platforms and spreadsheets show), 1,234.5, ¥1,234.50
- en:    11/26/2026 8:05 PM (QLocale en_US, four-digit year), 1,234.5, ¥1,234.50

Callers may still pass a strftime-style pattern ("%m-%d %H:%M:%S"); it says which parts to show
(year? date? time? seconds?) and the locale decides their order and separators.
"""

from __future__ import annotations

import re
from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime, QTimeZone

from desktop_app import messages
from desktop_app.domain.metrics import metric_unit
from desktop_app.domain.money import currency as currency_info
from desktop_app.domain.timeutil import from_iso, local

DASH = "—"
DEFAULT_PATTERN = "%Y-%m-%d %H:%M"

# Per language: (date with year, date without year, time, time with seconds) as Qt patterns.
_ZH = ("yyyy-MM-dd", "MM-dd", "HH:mm", "HH:mm:ss")


def locale() -> QLocale:
    """The QLocale of the chosen UI language (not the OS's): numbers, money, date patterns."""
    if messages.current_language() == "zh_CN":
        return QLocale(QLocale.Language.Chinese, QLocale.Country.China)
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)


def _patterns() -> tuple[str, str, str, str]:
    if messages.current_language() == "zh_CN":
        return _ZH
    loc = locale()
    short = QLocale.FormatType.ShortFormat
    # Qt's short English date has a two-digit year ("11/26/26"): ambiguous in reports.
    date = re.sub(r"y+", "yyyy", loc.dateFormat(short))
    no_year = re.sub(r"^y+[^dMy]*|[^dMy]*y+$", "", date)
    time = loc.timeFormat(short)
    seconds = time if "ss" in time else time.replace("mm", "mm:ss")
    return date, no_year, time, seconds


def qt_pattern(pattern: str = DEFAULT_PATTERN) -> str:
    """A Qt date/time pattern for the parts a strftime-style ``pattern`` shows, in the locale's style
    (also for QDateTimeEdit.setDisplayFormat)."""
    date, no_year, time, seconds = _patterns()
    parts = []
    if "%d" in pattern or "%m" in pattern:
        parts.append(date if "%Y" in pattern else no_year)
    if "%H" in pattern or "%M" in pattern:
        parts.append(seconds if "%S" in pattern else time)
    return " ".join(parts) or date


def _qdatetime(value: datetime, tz: str) -> QDateTime:
    lt = value.astimezone(ZoneInfo(tz))
    return QDateTime(QDate(lt.year, lt.month, lt.day), QTime(lt.hour, lt.minute, lt.second),
                     QTimeZone(tz.encode()))


def local_time(value: str | datetime | None, tz: str, fmt: str = DEFAULT_PATTERN) -> str:
    """``value`` (UTC ISO text or aware datetime) in zone ``tz``, parts chosen by ``fmt``."""
    if value is None:
        return DASH
    dt = from_iso(value) if isinstance(value, str) else value
    # CLDR puts a narrow no-break space before AM/PM; a plain one pastes cleanly into spreadsheets.
    return locale().toString(_qdatetime(dt, tz), qt_pattern(fmt)).replace("\u202f", " ")


def datetime_text(value: datetime | None, tz: str, *, seconds: bool = False) -> str:
    return local_time(value, tz, "%Y-%m-%d %H:%M:%S" if seconds else DEFAULT_PATTERN)


def date_text(value: datetime | None, tz: str) -> str:
    return local_time(value, tz, "%Y-%m-%d")


def time_span(start: datetime | None, end: datetime | None, tz: str) -> str:
    """``2026-11-26 20:00 – 23:00``; the end's date only when it differs; ``20:00 –`` while open."""
    if start is None:
        return DASH if end is None else f"{DASH} – {local_time(end, tz)}"
    head = local_time(start, tz)
    if end is None:
        return f"{head} –"
    same_day = local(start, tz).date() == local(end, tz).date()
    return f"{head} – {local_time(end, tz, '%H:%M' if same_day else '%Y-%m-%d %H:%M')}"


def number(value: float | int | None, decimals: int = 0) -> str:
    if value is None:
        return DASH
    if decimals == 0:
        return locale().toString(int(round(value)))
    return locale().toString(float(value), "f", decimals)


def ratio(value: float | None, decimals: int = 2) -> str:
    """A 0–1 ratio as a percentage in the locale's style."""
    if value is None:
        return DASH
    loc = locale()
    return loc.toString(value * 100, "f", decimals) + loc.percent()


def money(minor: int | float | None, code: str) -> str:
    """Integer minor units (分) as the locale writes money, with the currency's own symbol."""
    if minor is None:
        return DASH
    cur = currency_info(code)
    return locale().toCurrencyString(round(minor) / (10 ** cur.exponent), cur.symbol, cur.exponent)


def duration(seconds: float | None) -> str:
    if seconds is None:
        return DASH
    s = int(seconds)
    return f"{s // 3600}:{s % 3600 // 60:02d}:{s % 60:02d}"


def file_size(size: int) -> str:
    units = ("B", "KB", "MB", "GB")
    value, unit = float(size), 0
    while value >= 1024 and unit < len(units) - 1:
        value, unit = value / 1024, unit + 1
    return f"{number(value, 0 if unit == 0 else 1)} {units[unit]}"


def metric_value(key: str, value: float | int | None, currency: str) -> str:
    unit = metric_unit(key)
    if value is None:
        return DASH
    if unit == "money":
        return money(value, currency)
    if unit == "ratio":
        return ratio(value)
    if unit == "s":
        return duration(value)
    if key.endswith("roi") or unit == "number":
        return number(value, 2)
    return number(value)


# -- due times (checklist area, next-due list, reminders): one form everywhere -------------------
def span(seconds: float) -> str:
    """A length of time for people: 45 秒 / 4 分钟 / 1 小时 5 分钟 / 1 天 3 小时 (45 s, 4 min, 1 h 5 min, 1 d 3 h)."""
    s = abs(int(seconds))
    if s < 60:
        return messages.msg("fmt.span.seconds", n=s)
    if s < 3600:
        return messages.msg("fmt.span.minutes", n=s // 60)
    if s < 86400:
        h, m = s // 3600, s % 3600 // 60
        return messages.msg("fmt.span.hours", h=h, m=m) if m else messages.msg("fmt.span.hours_only", h=h)
    d, h = s // 86400, s % 86400 // 3600
    return messages.msg("fmt.span.days", d=d, h=h) if h else messages.msg("fmt.span.days_only", d=d)


def due_state(due: datetime, now: datetime, window_end: datetime | None = None) -> tuple[str, bool]:
    """(“5 分钟后” / “现在” / “已逾期 3 分钟” / “进行中，还剩 4 分钟”, overdue?) for an open run; due
    inside its window counts the time left in the window."""
    if window_end is not None and due <= now < window_end:
        return messages.msg("fmt.due.left", span=span((window_end - now).total_seconds())), False
    if due > now:
        return messages.msg("fmt.due.in", span=span((due - now).total_seconds())), False
    if (now - due).total_seconds() < 60:  # just came due (a reminder shows within a tick): not "0 s overdue"
        return messages.msg("fmt.due.now"), False
    return messages.msg("fmt.due.overdue", span=span((now - due).total_seconds())), True


def due_clock(due: datetime, now: datetime, tz: str) -> str:
    """The due time in the session's zone: the time alone today, with the date on another day."""
    same_day = local(due, tz).date() == local(now, tz).date()
    return local_time(due, tz, "%H:%M" if same_day else "%m-%d %H:%M")


def due_text(due: datetime | None, now: datetime, tz: str, window_end: datetime | None = None) -> str:
    """``20:05（5 分钟后）`` / ``8:05 PM (in 5 min)``: when, then how long until or since."""
    if due is None:
        return DASH
    state, _overdue = due_state(due, now, window_end)
    return messages.msg("fmt.due.with_state", time=due_clock(due, now, tz), state=state)
