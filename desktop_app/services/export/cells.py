"""Cell values for write_only sheets, injection-safe.

openpyxl stores any string that starts with ``=`` as a formula, and in write_only mode it
even reuses one cell object for unstyled values; so text that a spreadsheet or a CSV
reader could take for a formula (``= + - @``, tab, CR) becomes its own cell with
``data_type = "s"`` (an inline string) and ``quotePrefix`` set, which is how Excel itself
marks "typed with a leading apostrophe": it stays text even when someone edits the cell.
Control characters that XML cannot carry are replaced, never dropped silently.
"""

from __future__ import annotations

import re
from typing import Any

RISKY_START = ("=", "+", "-", "@", "\t", "\r")
_ILLEGAL = re.compile(r"[\000-\010\013\014\016-\037]")


def is_risky(text: str) -> bool:
    return text.startswith(RISKY_START)


def clean_text(text: str) -> str:
    return _ILLEGAL.sub("\ufffd", text)


def text_cell(ws: Any, text: str, style: dict | None = None) -> Any:
    from openpyxl.cell import WriteOnlyCell

    text = clean_text(text)
    cell = WriteOnlyCell(ws)
    cell._value = text  # bypass the setter: it would turn "=..." into a formula
    cell.data_type = "s"
    cell.quotePrefix = True
    if style:
        apply_style(cell, style)
    return cell


def value_cell(ws: Any, value: Any, fmt: str | None = None, style: dict | None = None) -> Any:
    """A value as it should be written: raw when unstyled and harmless, else a styled cell."""
    if isinstance(value, str):
        if is_risky(value) or _ILLEGAL.search(value):
            return text_cell(ws, value, style)
        if not style:
            return value
    elif value is None and not style:
        return None
    elif fmt is None and not style and not isinstance(value, bool):
        return value
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(ws, value)
    if fmt and not isinstance(value, str):
        cell.number_format = fmt
    if style:
        apply_style(cell, style)
    return cell


def apply_style(cell: Any, style: dict) -> None:
    for attr, value in style.items():
        setattr(cell, attr, value)


def csv_text(value: Any) -> Any:
    """CSV cells: a risky text gets a leading apostrophe (OWASP), numbers stay numbers."""
    if isinstance(value, str):
        value = clean_text(value)
        if is_risky(value):
            return "'" + value
    return value
