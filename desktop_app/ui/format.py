"""Display formatting at the edge: local times in the session's zone, money, ratios, "—" for NULL."""

from __future__ import annotations

from datetime import datetime

from desktop_app.domain.metrics import metric_unit
from desktop_app.domain.money import format_money
from desktop_app.domain.timeutil import from_iso, local

DASH = "—"


def local_time(value: str | datetime | None, tz: str, fmt: str = "%Y-%m-%d %H:%M") -> str:
    if value is None:
        return DASH
    dt = from_iso(value) if isinstance(value, str) else value
    return local(dt, tz).strftime(fmt)


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
    return f"{value:,.{decimals}f}"


def ratio(value: float | None) -> str:
    return DASH if value is None else f"{value * 100:.2f}%"


def duration(seconds: float | None) -> str:
    if seconds is None:
        return DASH
    s = int(seconds)
    return f"{s // 3600}:{s % 3600 // 60:02d}:{s % 60:02d}"


def metric_value(key: str, value: float | int | None, currency: str) -> str:
    unit = metric_unit(key)
    if value is None:
        return DASH
    if unit == "money":
        return format_money(round(value), currency)
    if unit == "ratio":
        return ratio(value)
    if unit == "s":
        return duration(value)
    if key.endswith("roi") or unit == "number":
        return number(value, 2)
    return number(value)
