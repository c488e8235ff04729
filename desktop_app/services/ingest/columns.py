"""Per-column cell converters: one compiled function per mapped column, built from its decision.

Hot path of every import: numeric XLSX cells take a fast path; text goes through the tolerant
parsers of domain/parsing. A converter returns the value to store (int/float, Decimal for money
in major units, aware UTC datetime, text) or None (not collected), or raises ValidationError.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from desktop_app.domain import ingest as rules
from desktop_app.domain import parsing as p
from desktop_app.domain.errors import ValidationError
from desktop_app.messages import msg

Converter = Callable[[object], object]


@dataclass
class ColumnMap:
    index: int  # 0-based
    header: str
    key: str | None  # GLOSSARY key or column role; None = not imported
    detected: str | None  # what recognition suggested (PII columns: "pii", never imported by default)
    decision: rules.ColumnDecision = field(default_factory=rules.ColumnDecision)
    hint: rules.UnitHint = field(default_factory=rules.UnitHint)
    hidden: bool = False  # hidden in the workbook: shown as such in the preview, loses a key tie to a visible column
    # Rate columns: its number cells carry Excel's % format (0.123 shown as 12.3 %): they are the rate itself.
    percent_formatted: bool = False
    percent_formats: tuple[int, int] = (0, 0)  # (%-formatted, plain) number cells seen in the first rows
    percent_evidence: p.PercentEvidence | None = None  # what the preview rows showed (notes quote its examples)

    @property
    def kind(self) -> str:
        return rules.column_kind(self.key)

    @property
    def unit(self) -> str:
        return rules.unit_of(self.key)

    @property
    def pii(self) -> bool:
        return self.detected == rules.PII

    def to_json(self) -> dict:
        return {"column": self.index + 1, "header": self.header, "key": self.key, "unit": self.unit}


def build_converter(col: ColumnMap, *, tz: str, base_date: date | None) -> Converter:
    """The column's converter, built once: the hot path is a type check and a C-level conversion."""
    kind, d, hint, field_name = col.kind, col.decision, col.hint, col.key or "value"
    mult = hint.multiplier
    # Refund columns often carry the accounting sign ((1,234.00), 1,234.00-, -3): the amount
    # refunded is its magnitude. Anywhere else a negative count or amount is refused.
    magnitude = col.key in REFUND_KEYS
    if kind == rules.K_COUNT:
        allow_fraction = bool(col.key and col.key.endswith("_reported"))
        return _count(field_name, d.locale, mult, allow_fraction, magnitude)
    if kind == rules.K_MONEY:
        return _money(field_name, d.locale, mult, magnitude)
    if kind == rules.K_NUMBER:
        return _number(field_name, d.locale, mult)
    if kind == rules.K_PERCENT:
        # A "%" header (点击率(%)) already decided the column as SIGN: its bare numbers are percent points.
        return _percent(field_name, d.percent_mode, d.locale, numbers_explicit=col.percent_formatted)
    if kind == rules.K_DURATION:
        unit_seconds = hint.unit_seconds

        def duration(cell: object) -> object:
            v = p.parse_duration(cell, field=field_name, unit_seconds=unit_seconds)
            return None if v is None else _int_or_float(v)
        return duration
    if kind == rules.K_DATETIME:
        return _datetime(field_name, p.DateContext(tz, d.date_order, base_date))
    return _text


def _text(cell: object) -> object:
    if cell is None:
        return None
    s = str(cell).strip()
    return s or None


def _int_or_float(v: Decimal) -> int | float:
    return int(v) if v == v.to_integral_value() else float(v)


def _datetime(field_name: str, ctx: p.DateContext) -> Converter:
    zone = ZoneInfo(ctx.tz)

    def convert(cell: object) -> object:
        t = type(cell)
        if t is datetime and cell.tzinfo is None:  # type: ignore[union-attr]
            if cell.microsecond:  # type: ignore[union-attr]
                cell = p.round_to_second(cell)  # type: ignore[arg-type]
            return cell.replace(tzinfo=zone).astimezone(UTC)  # type: ignore[union-attr]
        if t is str and len(cell) == 19 and cell[4] == "-" and cell[13] == ":":  # type: ignore[arg-type, index]
            try:  # ISO "2026-01-01 12:00:00" / "...T12:00:00", the common machine-written form
                return datetime.fromisoformat(cell).replace(tzinfo=zone).astimezone(UTC)  # type: ignore[arg-type]
            except ValueError:
                pass
        return p.parse_datetime(cell, field=field_name, ctx=ctx)
    return convert


REFUND_KEYS = frozenset({"refunds_amount", "quality_refunds_amount", "refund_orders", "quality_refund_orders"})


def _count(field_name: str, locale: str, mult: Decimal, allow_fraction: bool, magnitude: bool = False) -> Converter:
    plain = mult == 1

    def convert(cell: object) -> object:
        t = type(cell)
        if plain:
            if t is int:
                if cell < 0:  # type: ignore[operator]
                    if magnitude:
                        return -cell  # type: ignore[operator]
                    raise ValidationError("error.metric.negative", field=field_name, key=field_name)
                return cell
            if t is str and cell.isdigit() and cell.isascii():  # type: ignore[union-attr]
                return int(cell)  # type: ignore[arg-type]
            if t is float and cell.is_integer() and cell >= 0:  # type: ignore[union-attr, operator]
                return int(cell)  # type: ignore[arg-type]
        n = p.parse_number(cell, field=field_name, locale=locale)  # type: ignore[arg-type]
        if n is None:
            return None
        n *= mult
        if n < 0:
            if not magnitude:
                raise ValidationError("error.metric.negative", field=field_name, key=field_name)
            n = -n
        if n != n.to_integral_value():
            if not allow_fraction:
                raise ValidationError("error.metric.not_integer", field=field_name, key=field_name, value=str(cell))
            return float(n)
        return int(n)
    return convert


def _money(field_name: str, locale: str, mult: Decimal, magnitude: bool = False) -> Converter:
    plain = mult == 1

    plain_text = plain and locale == p.DOT

    def convert(cell: object) -> object:
        if plain and type(cell) is float and cell >= 0 and cell == cell and cell != _INF:  # type: ignore[operator]
            return Decimal(repr(cell))
        if plain_text and type(cell) is str and _PLAIN_DECIMAL_RE.fullmatch(cell):  # type: ignore[arg-type]
            return Decimal(cell)  # type: ignore[arg-type]  # "1234.5" as CSV writes it: what parse_number gives
        n = p.parse_number(cell, field=field_name, locale=locale)  # type: ignore[arg-type]
        if n is None:
            return None
        n *= mult
        if n < 0:
            if not magnitude:
                raise ValidationError("error.metric.negative", field=field_name, key=field_name)
            n = -n
        return n
    return convert


_INF = float("inf")
_PLAIN_DECIMAL_RE = re.compile(r"\d+(?:\.\d+)?")


def _number(field_name: str, locale: str, mult: Decimal) -> Converter:
    def convert(cell: object) -> object:
        n = p.parse_number(cell, field=field_name, locale=locale)  # type: ignore[arg-type]
        return None if n is None else float(n * mult)
    return convert


def _percent(field_name: str, mode: str, locale: str, *, numbers_explicit: bool = False) -> Converter:
    """A rate as a fraction. Text with % and (``numbers_explicit``) Excel %-formatted number cells say
    their value; every other ("bare") number is read by the column's one decision ``mode``."""
    fraction = mode == p.PCT_FRACTION

    def convert(cell: object) -> object:
        t = type(cell)
        if (t is float or t is int) and cell == cell and abs(cell) != _INF:  # type: ignore[arg-type, operator]
            if numbers_explicit:
                return float(cell)  # type: ignore[arg-type]
            if fraction and t is float:
                if abs(cell) > 1:  # type: ignore[arg-type]
                    raise ValidationError("error.ingest.fraction_over_one", field=field_name, value=str(cell))
                return cell  # float(Decimal(repr(x))) == x: the Decimal path would give the same
        n = p.parse_percent(cell, field=field_name, mode=mode, locale=locale)
        if n is not None and fraction and abs(n) > 1 and not _has_sign(cell):
            # A column read as fractions (chosen by the user, or decided on earlier rows) cannot
            # hold 12.5: storing it would mean 1250 %. Refused with a reason, never guessed.
            raise ValidationError("error.ingest.fraction_over_one", field=field_name, value=str(cell))
        return None if n is None else float(n)
    return convert


def _has_sign(cell: object) -> bool:
    return isinstance(cell, str) and cell.strip().endswith(("%", "％", "‰"))


def unit_label(unit: str, currency: str | None = None, lang: str | None = None) -> str:
    """A column's unit as the user reads it (元 / 日期时间 / 秒 …); JSON output keeps the code."""
    if not unit:
        return ""
    if unit == "money":
        code = currency or "CNY"
        return msg("ingest.unit.money_cny", lang=lang) if code == "CNY" else msg("ingest.unit.money", lang=lang,
                                                                                 currency=code)
    key = _UNIT_KEYS.get(unit)
    return msg(f"ingest.unit.{key}", lang=lang) if key else unit


_UNIT_KEYS = {"datetime": "datetime", "s": "seconds", "ratio": "ratio", "number": "number", "人": "persons",
              "次": "times", "单": "orders", "件": "items", "count": "count"}
