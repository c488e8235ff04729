"""What openpyxl's read-only mode does not report: which columns of a sheet are hidden.

Read straight from the sheet's XML: ``<cols><col min= max= hidden="1"/></cols>`` comes before
``<sheetData>``, so parsing stops there and a 100 MB sheet costs a few kilobytes of reading.
"""

from __future__ import annotations

import posixpath
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def hidden_columns(path: Path, sheet: str | None) -> set[int]:
    """0-based indexes of the hidden columns of ``sheet`` (the first sheet when None); empty on any doubt."""
    try:
        with zipfile.ZipFile(path) as zf:
            member = _sheet_member(zf, sheet)
            if member is None:
                return set()
            with zf.open(member) as fh:
                return _hidden_in(fh)
    except (OSError, zipfile.BadZipFile, ET.ParseError, KeyError):
        return set()  # the reader reports a damaged file; hidden columns are only a hint


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
