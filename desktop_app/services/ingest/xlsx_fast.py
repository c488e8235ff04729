"""A streaming reader for the cell values of one XLSX sheet, several times faster than openpyxl.

openpyxl's read-only mode builds an element per XML node and first scans a sheet without a
``<dimension>`` whole just to learn its size; that is most of an import's time on a 100k-row
file. This reader scans the sheet XML with regular expressions, one row at a time, and gives
exactly openpyxl's ``iter_rows(values_only=True)`` values (same numbers, strings, booleans,
date/time conversion, gap rows). The workbook's metadata (sheets, shared strings, styles,
1900/1904 epoch) is still read by openpyxl's own parsers, so both agree on what a cell means.

Anything this reader does not model (namespace-prefixed tags, CDATA, comments, a non-UTF-8
part) raises ``Unsupported``; callers then read the rest of the sheet with openpyxl
(``tests/test_ingest_xlsx_fast.py`` checks both agree on every fixture and on generated sheets).
"""

from __future__ import annotations

import codecs
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from html import unescape
from pathlib import Path

# openpyxl at the top is fine here: reader.py imports this module only when an XLSX is opened.
from openpyxl.utils.datetime import from_excel, from_ISO8601

CHUNK = 1 << 20

_ROW = re.compile(r"<row\b([^>]*?)(?:/>|>(.*?)</row>)", re.DOTALL)
# The cells nearly every producer writes: r, then s/t in either order, at most a <v>. A row whose
# cells all look like this (one match per "<c") takes the fast path; any other row the general one.
_CELL_PLAIN = re.compile(r'<c r="([A-Z]{1,3})\d+"(?: s="(\d+)")?(?: t="([a-z]+)")?(?: s="(\d+)")?\s*'
                         r'(?:/>|>(?:<v>([^<]*)</v>)?</c>)')
_CELL = re.compile(r"<c\b([^>]*?)(?:/>|>(.*?)</c>)", re.DOTALL)
_ATTR = re.compile(r"""([\w:]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_VALUE = re.compile(r"<v(?:\s[^>]*)?>(.*?)</v>", re.DOTALL)
_INLINE = re.compile(r"<is(?:\s[^>]*)?(?:/>|>(.*?)</is>)", re.DOTALL)
_PHONETIC = re.compile(r"<rPh\b.*?</rPh>", re.DOTALL)
_TEXT = re.compile(r"<t(?:\s[^>]*)?(?:/>|>(.*?)</t>)", re.DOTALL)
_DIMENSION = re.compile(r"<dimension\b[^>]*\bref\s*=\s*[\"']([^\"']*)[\"']")
_UNSUPPORTED = ("<![CDATA[", "<!--", "<!DOCTYPE", "<!ENTITY")
_LETTERS: dict[str, int] = {}


class Unsupported(Exception):
    """The part uses XML this reader does not model: read it with openpyxl instead."""


@dataclass(frozen=True)
class Styles:
    dates: frozenset[int]
    timedeltas: frozenset[int]
    percents: frozenset[int]


class FastBook:
    """The metadata of an XLSX file, read once, and a fast row stream per sheet."""

    def __init__(self, path: Path) -> None:
        from openpyxl.reader.excel import ExcelReader
        from openpyxl.styles.stylesheet import apply_stylesheet

        # openpyxl's own steps of load_workbook, minus read_worksheets (the per-sheet size scan).
        reader = ExcelReader(str(path), read_only=True, data_only=True)
        try:
            reader.read_manifest()
            reader.read_strings()
            reader.read_workbook()
            apply_stylesheet(reader.archive, reader.wb)
            self._sheets = {sheet.name: rel.target for sheet, rel in reader.parser.find_sheets()
                            if rel.target in reader.valid_files and "chartsheet" not in rel.Type}
            self.states = {sheet.name: sheet.state for sheet, rel in reader.parser.find_sheets()}
        except BaseException:
            reader.archive.close()
            raise
        self.archive: zipfile.ZipFile = reader.archive
        self.strings = list(reader.shared_strings)
        wb = reader.wb
        self.epoch = wb.epoch
        self.styles = _styles(wb)

    @property
    def sheetnames(self) -> list[str]:
        return list(self._sheets)

    def close(self) -> None:
        self.archive.close()

    def dimension_rows(self, sheet: str) -> int | None:
        """The last row the sheet declares in ``<dimension>``, or None when it declares none."""
        with self.archive.open(self._sheets[sheet]) as src:
            head = src.read(64 * 1024).decode("utf-8", errors="replace")
        before_data = head.split("<sheetData", 1)[0]
        m = _DIMENSION.search(before_data)
        if not m:
            return None
        last = m.group(1).split(":")[-1].lstrip("$").upper().lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ$")
        return int(last) if last.isdigit() else None

    def rows(self, sheet: str, *, min_row: int = 1, max_row: int | None = None,
             with_styles: bool = False) -> Iterator[tuple[int, list]]:
        """(row number, values) like openpyxl's read-only ``iter_rows(values_only=True)``: rows missing
        from the XML come as empty lists; with_styles gives (value, style id) pairs instead of values."""
        counter = min_row
        for idx, cells in self._parsed_rows(sheet, with_styles):
            if max_row is not None and idx > max_row:
                return
            while counter < idx:
                yield counter, []
                counter += 1
            if counter == idx:
                counter += 1
                yield idx, cells

    # -- parsing --------------------------------------------------------------------
    def _parsed_rows(self, sheet: str, with_styles: bool) -> Iterator[tuple[int, list]]:
        row_counter = 0
        for attrs, inner in _row_elements(self.archive, self._sheets[sheet]):
            r = _attrs(attrs).get("r") if attrs else None
            if r is not None:
                try:
                    row_counter = int(r)
                except ValueError:
                    as_float = float(r)
                    if not as_float.is_integer():
                        raise Unsupported(f"row number {r!r}") from None
                    row_counter = int(as_float)
            else:
                row_counter += 1
            yield row_counter, self._cells(inner, with_styles) if inner else []

    def _cells(self, inner: str, with_styles: bool) -> list:
        plain = _CELL_PLAIN.findall(inner)
        if with_styles or len(plain) != inner.count("<c"):
            return self._cells_general(inner, with_styles)
        values: list = []
        for letters, s1, kind, s2, text in plain:
            col = _LETTERS.get(letters) or _column(letters)
            if len(values) < col - 1:
                values.extend([None] * (col - 1 - len(values)))
            value = self._text_value(kind or "n", text, int(s1 or s2 or 0)) if text else None
            if len(values) < col:
                values.append(value)
            else:
                values[col - 1] = value
        return values

    def _cells_general(self, inner: str, with_styles: bool) -> list:
        values: list = []
        col = 0
        for attrs, body in _CELL.findall(inner):
            a = _attrs(attrs)
            ref = a.get("r")
            col = _column(ref) if ref else col + 1
            style = a.get("s")
            style_id = int(style) if style else 0
            value = self._value(a.get("t", "n"), body, style_id)
            if len(values) < col:
                values.extend([None] * (col - len(values)))
            values[col - 1] = (value, style_id) if with_styles else value
        return values

    def _value(self, kind: str, body: str, style_id: int):
        if kind == "inlineStr":
            return _inline_text(body)
        m = _VALUE.search(body) if body else None
        text = m.group(1) if m else None
        if not text:  # openpyxl: findtext(...) or None
            return None
        return self._text_value(kind, text, style_id)

    def _text_value(self, kind: str, text: str, style_id: int):
        """The value of a cell whose <v> holds ``text`` (non-empty), as openpyxl's parse_cell gives it."""
        if "&" in text or "\r" in text:
            text = _xml_text(text)
        if kind == "n":
            number = float(text) if ("." in text or "E" in text or "e" in text) else int(text)
            if style_id in self.styles.dates:
                return _excel_date(number, self.epoch, style_id in self.styles.timedeltas)
            return number
        if kind == "s":
            return self.strings[int(text)]
        if kind == "b":
            return bool(int(text))
        if kind == "d":
            return from_ISO8601(text)
        return text  # str (a formula's text result), e (an error such as #N/A), anything else


def _row_elements(archive: zipfile.ZipFile, member: str) -> Iterator[tuple[str, str | None]]:
    """(attribute text, inner XML or None) of every <row> in <sheetData>, streamed chunk by chunk."""
    decoder = codecs.getincrementaldecoder("utf-8")(errors="strict")
    with archive.open(member) as src:
        buf = ""
        started = ended = False
        first = True
        while not ended:
            chunk = src.read(CHUNK)
            try:
                text = decoder.decode(chunk, final=not chunk)
            except UnicodeDecodeError as exc:
                raise Unsupported("not UTF-8") from exc
            if first:
                first = False
                _check_prolog(text)
            if any(mark in text for mark in _UNSUPPORTED):
                raise Unsupported("CDATA, comment or DTD")
            buf += text
            if not started:
                start = buf.find("<sheetData")
                if start < 0:
                    if ":sheetData" in buf:
                        raise Unsupported("namespace prefix")
                    if not chunk:
                        return
                    buf = buf[-16:]
                    continue
                started = True
                buf = buf[start + len("<sheetData"):]
                if buf.lstrip().startswith("/>"):
                    return
            end = buf.find("</sheetData>")
            if end >= 0:
                buf, ended = buf[:end], True
            pos = 0
            for m in _ROW.finditer(buf):
                pos = m.end()
                yield m.group(1), m.group(2)
            buf = buf[pos:]
            if not chunk:
                break
        if "<row" in buf:
            raise Unsupported("truncated row")


def _check_prolog(text: str) -> None:
    head = text[:200]
    if head.startswith("<?xml"):
        decl = head.split("?>", 1)[0].lower()
        m = re.search(r"encoding\s*=\s*[\"']([^\"']+)", decl)
        if m and m.group(1).replace("-", "").replace("_", "") not in ("utf8",):
            raise Unsupported("encoding " + m.group(1))


def _attrs(text: str) -> dict[str, str]:
    return {k: (v1 if v1 or not v2 else v2) for k, v1, v2 in _ATTR.findall(text)}


def _column(ref: str) -> int:
    letters = ref.rstrip("0123456789$").lstrip("$")
    col = _LETTERS.get(letters)
    if col is None:
        col = 0
        for ch in letters.upper():
            if not "A" <= ch <= "Z":
                raise Unsupported(f"cell reference {ref!r}")
            col = col * 26 + ord(ch) - 64
        _LETTERS[letters] = col
    return col


def _xml_text(text: str) -> str:
    # An XML parser normalises line ends in text; &#13; (already escaped) survives as \r.
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unescape(text) if "&" in text else text


def _inline_text(body: str) -> str | None:
    m = _INLINE.search(body) if body else None
    if m is None:
        return None
    inner = m.group(1) or ""
    if "<rPh" in inner:
        inner = _PHONETIC.sub("", inner)
    return "".join(_xml_text(t) for t in _TEXT.findall(inner))


def _excel_date(number, epoch, timedelta: bool):
    try:
        return from_excel(number, epoch, timedelta=timedelta)
    except (OverflowError, ValueError):
        return "#VALUE!"  # what openpyxl gives for a serial outside the calendar


def _styles(wb) -> Styles:
    from openpyxl.styles.numbers import BUILTIN_FORMATS, BUILTIN_FORMATS_MAX_SIZE

    percents = set()
    for idx, style in enumerate(getattr(wb, "_cell_styles", ()) or ()):
        fmt_id = style.numFmtId
        if fmt_id < BUILTIN_FORMATS_MAX_SIZE:
            fmt = BUILTIN_FORMATS.get(fmt_id, "General")
        else:
            fmt = wb._number_formats[fmt_id - BUILTIN_FORMATS_MAX_SIZE]
        if "%" in fmt:
            percents.add(idx)
    return Styles(frozenset(getattr(wb, "_date_formats", ()) or ()),
                  frozenset(getattr(wb, "_timedelta_formats", ()) or ()), frozenset(percents))
