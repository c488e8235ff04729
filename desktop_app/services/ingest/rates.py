"""Rate columns: which number cells say their own value, and what the preview says about the rest.

A rate cell is explicit when it is text with % ("12.3%") or, in XLSX, a number cell carrying
Excel's % format (0.123 shown as 12.3 %). Every other number is *bare* and is read by ONE
decision for the whole column (domain.parsing.PercentEvidence): percent points when the column
writes % anywhere (its header, its text, its cell format), else fractions when every value is
<= 1, else percent points. The notes built here show that decision with a real value of the file,
so the user can override it under "Reading" before importing; the CLI --json prints the same notes.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from desktop_app.domain import ingest as rules
from desktop_app.domain import parsing as p
from desktop_app.domain.errors import ValidationError
from desktop_app.messages import Message

if TYPE_CHECKING:
    from desktop_app.services.ingest.columns import ColumnMap
    from desktop_app.services.ingest.importer import Inspection


def apply_formats(insp: Inspection, formats: dict[int, tuple[int, int]]) -> None:
    """Record which columns' number cells carry Excel's % format (by majority of the first rows)."""
    insp.percent_formatted = {j for j, (pct, plain) in formats.items() if pct and pct >= plain}
    for c in insp.columns:
        c.percent_formats = formats.get(c.index, (0, 0))
        c.percent_formatted = c.index in insp.percent_formatted


def rate_notes(insp: Inspection) -> list[Message]:
    """One note per reason, naming the rate columns whose bare numbers it decided (pinned ones are the
    user's own choice and need no explanation)."""
    groups: dict[str, list[ColumnMap]] = {}
    out: list[Message] = []
    for c in insp.mapped:
        if c.kind != rules.K_PERCENT:
            continue
        pct, plain = c.percent_formats
        if pct and plain:
            out.append(Message("ingest.note.rate_formats_mixed", {
                "column": c.header, "formatted": pct, "plain": plain,
                "reading": Message("ingest.note.rate_reading." + ("explicit" if c.percent_formatted else "bare"))}))
        if "percent_mode" in c.decision.pinned or _example(c) is None:
            continue
        groups.setdefault(_reason(c), []).append(c)
    for reason, cols in groups.items():
        example = _example(cols[0])
        out.append(Message(f"ingest.note.rate_{reason}", {
            "columns": "、".join(c.header for c in cols), "example": _shown(example),
            "reading": _reading(example, cols[0].decision.percent_mode)}))
    return out


def _reason(c: ColumnMap) -> str:
    mode = c.decision.percent_mode
    if mode == p.PCT_FRACTION:
        return "fraction"
    if mode == p.PCT_PERCENT:
        return "percent"
    ev = c.percent_evidence
    if c.hint.percent and not c.percent_formatted and not (ev and ev.sign):
        return "header"  # 点击率(%) over bare numbers
    return "sign"


def _example(c: ColumnMap) -> object:
    """The first bare number of the column's preview rows (a %-formatted number cell is not bare)."""
    ev = c.percent_evidence
    if ev is None:
        return None
    if ev.example_text is not None:
        return ev.example_text
    return None if c.percent_formatted else ev.example_number


def _shown(value: object) -> str:
    if isinstance(value, float):
        return repr(value) if abs(value) >= 1e-4 or value == 0 else f"{value:f}"
    return str(value)


def _reading(value: object, mode: str) -> str:
    """What the decision makes of ``value``, as the user writes a rate: 0.5 → "0.5%" or "50%"."""
    try:
        n = p.parse_percent(value, mode=mode)
    except ValidationError:
        return ""
    if n is None:
        return ""
    pct = (n * 100).normalize()
    return f"{pct:f}%" if pct != pct.to_integral_value() else f"{pct.quantize(Decimal(1)):f}%"
