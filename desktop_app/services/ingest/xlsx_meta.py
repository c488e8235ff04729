"""What openpyxl's read-only mode does not report: hidden columns, hidden sheets, hidden rows.

Read straight from the XML: ``<cols><col min= max= hidden="1"/></cols>`` comes before
``<sheetData>``, so parsing stops there and a 100 MB sheet costs a few kilobytes of reading;
a sheet's ``state`` is in xl/workbook.xml; hidden rows (``<row r= hidden="1">``, what a filter
leaves behind) need the sheet data itself, so that scan is bounded (see ``hidden_rows``).
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar
from xml.etree import ElementTree as ET

_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
T = TypeVar("T")


def hidden_columns(path: Path, sheet: str | None) -> set[int]:
    """0-based indexes of the hidden columns of ``sheet`` (the first sheet when None); empty on any doubt."""
    return _read_sheet(path, sheet, _hidden_in, set())


def _read_sheet(path: Path, sheet: str | None, read: Callable, default: T) -> T:
    """``read(file object)`` of the sheet's XML, or ``default`` when the file is damaged or has no such
    sheet: the reader reports a damaged file; what is read here is only a note or a hint."""
    try:
        with zipfile.ZipFile(path) as zf:
            member = _sheet_member(zf, sheet)
            if member is None:
                return default
            with zf.open(member) as fh:
                return read(fh)
    except (OSError, zipfile.BadZipFile, ET.ParseError, KeyError, ValueError):
        return default


def _sheet_member(zf: zipfile.ZipFile, sheet: str | None) -> str | None:
    wb = ET.fromstring(zf.read("xl/workbook.xml"))
    sheets = wb.find(f"{_NS}sheets")
    if sheets is None:
        return None
    chosen = next((s for s in sheets if sheet is None or s.get("name") == sheet), None)
    if chosen is None:
        return None
    rid = chosen.get(_REL)
    rels = ET.fromstring(zf.read("xl/_rels/workbook.xml.rels"))
    for rel in rels:
        if rel.get("Id") == rid:
            target = rel.get("Target", "")
            return target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
    return None


def _hidden_in(fh) -> set[int]:
    hidden: set[int] = set()
    for _event, el in ET.iterparse(fh, events=("start",)):
        tag = el.tag
        if tag == f"{_NS}sheetData":
            break
        if tag == f"{_NS}col" and el.get("hidden") in ("1", "true"):
            lo, hi = int(el.get("min", "0")), int(el.get("max", "0"))
            if 1 <= lo <= hi and hi - lo < 16384:
                hidden.update(range(lo - 1, hi))
    return hidden


def sheet_states(path: Path) -> dict[str, str]:
    """Each sheet's visibility from xl/workbook.xml: "visible", "hidden" or "veryHidden"; empty on any doubt."""
    try:
        with zipfile.ZipFile(path) as zf:
            sheets = ET.fromstring(zf.read("xl/workbook.xml")).find(f"{_NS}sheets")
    except (OSError, zipfile.BadZipFile, ET.ParseError, KeyError):
        return {}
    if sheets is None:
        return {}
    return {s.get("name", ""): s.get("state") or "visible" for s in sheets}


@dataclass(frozen=True)
class HiddenRows:
    """Rows below the header that the sheet hides (a filter, or hidden by hand) but that hold cells."""

    count: int = 0
    rows: tuple[int, ...] = ()  # the first row numbers (1-based): the note names some, the preview marks them
    complete: bool = True  # False: only the first SCAN_BYTES of a large sheet were looked at
    checked_to: int = 0  # the last row number looked at


SCAN_BYTES = 8 * 1024 * 1024  # the sheet XML read for hidden rows (~25,000 rows); the import reads the rest
_ROW_TAG = re.compile(rb"<row\b([^>]*?)(/?)>(</row>)?")
_ROW_NUM = re.compile(rb"""\br\s*=\s*["'](\d+)["']""")
_HIDDEN = re.compile(rb"""\bhidden\s*=\s*["'](?:1|true)["']""")


def hidden_rows(path: Path, sheet: str | None, after_row: int, *, budget: int | None = None,
                listed: int = 200, chunk: int = 1 << 20) -> HiddenRows:
    """Count the non-empty rows after ``after_row`` marked hidden in ``sheet``'s XML (first sheet when None).

    Reading a sheet's XML costs its decompression, so a large sheet is looked at up to ``budget``
    bytes only (``complete`` False); the count is then of the rows before ``checked_to``.
    """
    budget = SCAN_BYTES if budget is None else budget
    return _read_sheet(path, sheet, lambda fh: _scan_rows(fh, after_row, budget, listed, chunk), HiddenRows())


def _scan_rows(fh, after_row: int, budget: int, listed: int, size: int) -> HiddenRows:
    count, rows, rownum, read, tail = 0, [], 0, 0, b""
    while True:
        chunk = fh.read(min(size, budget - read)) if read < budget else b""
        read += len(chunk)
        data = tail + chunk
        # Rows before the last "<row" are whole (tag and content): an empty one ends at once (</row>).
        cut = data.rfind(b"<row") if chunk else len(data)
        if cut <= 0:
            tail = data
            if chunk:
                continue
            break
        for m in _ROW_TAG.finditer(data, 0, cut):
            num = _ROW_NUM.search(m.group(1))
            rownum = int(num.group(1)) if num else rownum + 1
            if rownum > after_row and not (m.group(2) or m.group(3)) and _HIDDEN.search(m.group(1)):
                count += 1
                if len(rows) < listed:
                    rows.append(rownum)
        tail = data[cut:]
        if not chunk:
            break
    complete = read < budget or fh.read(1) == b""
    return HiddenRows(count, tuple(rows), complete, rownum)
