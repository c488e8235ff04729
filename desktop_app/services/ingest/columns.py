"""Per-column cell converters: one compiled function per mapped column, built from its decision.

Hot path of every import: numeric XLSX cells take a fast path; text goes through the tolerant
parsers of domain/parsing. A converter returns the value to store (int/float, Decimal for money
in major units, aware UTC datetime, text) or None (not collected), or raises ValidationError.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from desktop_app.domain import ingest as rules
from desktop_app.domain import parsing as p
from desktop_app.domain.errors import ValidationError

Converter = Callable[[object], object]


@dataclass
class ColumnMap:
    index: int  # 0-based
    header: str
    key: str | None  # GLOSSARY key or column role; None = not imported
    detected: str | None  # what recognition suggested (PII columns: "pii", never imported by default)
    decision: rules.ColumnDecision = field(default_factory=rules.ColumnDecision)
    hint: rules.UnitHint = field(default_factory=rules.UnitHint)

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
    kind, d, hint, field_name = col.kind, col.decision, col.hint, col.key or "value"
    mult = hint.multiplier
    if kind == rules.K_COUNT:
        allow_fraction = bool(col.key and col.key.endswith("_reported"))
        return _count(field_name, d.locale, mult, allow_fraction)
    if kind == rules.K_MONEY:
        return _money(field_name, d.locale, mult)
    if kind == rules.K_NUMBER:
        return _number(field_name, d.locale, mult)
    if kind == rules.K_PERCENT:
        mode = p.PCT_PERCENT if hint.percent and d.percent_mode != p.PCT_SIGN else d.percent_mode
        return _percent(field_name, mode, d.locale)
    if kind == rules.K_DURATION:
        unit_seconds = hint.unit_seconds

        def duration(cell: object) -> object:
            v = p.parse_duration(cell, field=field_name, unit_seconds=unit_seconds)
            return None if v is None else _int_or_float(v)
        return duration
    if kind == rules.K_DATETIME:
        ctx = p.DateContext(tz, d.date_order, base_date)
        return lambda cell: p.parse_datetime(cell, field=field_name, ctx=ctx)
    return _text


def _text(cell: object) -> object:
    if cell is None:
        return None
    s = str(cell).strip()
    return s or None


def _int_or_float(v: Decimal) -> int | float:
    return int(v) if v == v.to_integral_value() else float(v)


def _count(field_name: str, locale: str, mult: Decimal, allow_fraction: bool) -> Converter:
    def convert(cell: object) -> object:
        if type(cell) is int and mult == 1:
            if cell < 0:
                raise ValidationError("error.metric.negative", field=field_name, key=field_name)
            return cell
        n = p.parse_number(cell, field=field_name, locale=locale)  # type: ignore[arg-type]
        if n is None:
            return None
        n *= mult
        if n < 0:
            raise ValidationError("error.metric.negative", field=field_name, key=field_name)
        if n != n.to_integral_value():
            if not allow_fraction:
                raise ValidationError("error.metric.not_integer", field=field_name, key=field_name, value=str(cell))
            return float(n)
        return int(n)
    return convert


def _money(field_name: str, locale: str, mult: Decimal) -> Converter:
    def convert(cell: object) -> object:
        n = p.parse_number(cell, field=field_name, locale=locale)  # type: ignore[arg-type]
        if n is None:
            return None
        n *= mult
        if n < 0:
            raise ValidationError("error.metric.negative", field=field_name, key=field_name)
        return n
    return convert


def _number(field_name: str, locale: str, mult: Decimal) -> Converter:
    def convert(cell: object) -> object:
        n = p.parse_number(cell, field=field_name, locale=locale)  # type: ignore[arg-type]
        return None if n is None else float(n * mult)
    return convert


def _percent(field_name: str, mode: str, locale: str) -> Converter:
    def convert(cell: object) -> object:
        n = p.parse_percent(cell, field=field_name, mode=mode, locale=locale)
        if n is None:
            return None
        if mode == p.PCT_FRACTION and not isinstance(cell, str) and abs(n) > 1:
            # The column was read as fractions from its first rows; a later value > 1 contradicts it.
            raise ValidationError("error.ingest.fraction_over_one", field=field_name, value=str(cell))
        return float(n)
    return convert
