"""Open a platform export as a stream of rows: CSV in any of the encodings platforms write, or XLSX.

The file type is decided by its bytes, not its name (a renamed binary is refused, an XLSX
saved as .csv is read as XLSX). Rows stream (flat memory); XLSX cells are read by
``xlsx_fast`` (openpyxl's metadata parsers, a regex row scanner) and by openpyxl's read-only
mode for XML that scanner does not model; both are imported lazily so the CLI starts fast. File-level problems raise
``FileRejected`` with a catalog message naming the file.
"""

from __future__ import annotations

import codecs
import csv
import io
import zipfile
from collections.abc import Generator, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop_app.domain.errors import LiveOpsError

SNIFF_BYTES = 256 * 1024
HEAD_ROWS = 40  # rows scanned for title lines and the header
MAX_ROWS = 1_500_000  # beyond Excel's own limit: a generated or hostile file
MAX_UNCOMPRESSED = 1024 * 1024 * 1024  # 1 GiB of XML in one archive member
MAX_RATIO = 150  # real sheets compress 5-30×; a zip bomb far more
RATIO_MIN_SIZE = 20 * 1024 * 1024  # small members may compress a lot legitimately
MAX_CELL = 1024 * 1024

_BINARY_MAGIC = (b"\x89PNG", b"%PDF", b"GIF8", b"\xff\xd8\xff", b"\x7fELF", b"\x1f\x8b", b"MZ", b"Rar!",
                 b"7z\xbc\xaf", b"BM", b"SQLite format 3")
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


class FileRejected(LiveOpsError):
    """The whole file is refused; nothing was written."""


@dataclass
class TableFile:
    path: Path
    fmt: str  # "csv" | "xlsx"
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None
    sheets: list[str] = field(default_factory=list)
    max_rows: int = MAX_ROWS
    _wb: object = field(default=None, repr=False, compare=False)
    _fast: object = field(default=None, repr=False, compare=False)  # xlsx_fast.FastBook, or False: not usable

    @property
    def name(self) -> str:
        return self.path.name

    def rows(self) -> Iterator[tuple[int, list]]:
        """(1-based row number, cells) for every row, blank ones included (cells: a list or tuple)."""
        if self.fmt == "csv":
            yield from self._csv_rows()
        else:
            yield from self._xlsx_rows(values_only=True)

    def head(self, n: int = HEAD_ROWS) -> list[list]:
        out = []
        for _, cells in self.rows():
            out.append(cells)
            if len(out) >= n:
                break
        return out

    def percent_columns(self, first_row: int, n: int = 200) -> set[int]:
        """0-based columns whose number cells mostly carry an Excel % number format (XLSX only)."""
        return {j for j, (pct, plain) in self.percent_formats(first_row, n).items() if pct and pct >= plain}

    def percent_formats(self, first_row: int, n: int = 200) -> dict[int, tuple[int, int]]:
        """Per 0-based column with number cells: (cells with an Excel % format, cells without), XLSX only."""
        if self.fmt != "xlsx":
            return {}
        fast = self.fast_book()
        if fast is not None:
            try:
                return self._fast_percent_formats(fast, first_row, n)
            except Exception:  # noqa: BLE001 - Unsupported or damaged XML: openpyxl decides below
                pass
        counts: dict[int, list[int]] = {}
        for _rownum, cells in self._xlsx_rows(values_only=False, min_row=first_row, max_row=first_row + n):
            for j, c in enumerate(cells):
                if type(getattr(c, "value", None)) in (int, float):
                    fmt = getattr(c, "number_format", None) or ""
                    counts.setdefault(j, [0, 0])[0 if "%" in fmt else 1] += 1
        return {j: (a, b) for j, (a, b) in counts.items()}

    def _fast_percent_formats(self, fast, first_row: int, n: int) -> dict[int, tuple[int, int]]:
        counts: dict[int, list[int]] = {}
        percents = fast.styles.percents
        for _rownum, cells in fast.rows(self._sheet_name(fast), min_row=first_row, max_row=first_row + n,
                                        with_styles=True):
            for j, cell in enumerate(cells):
                if cell is not None and type(cell[0]) in (int, float):
                    counts.setdefault(j, [0, 0])[0 if cell[1] in percents else 1] += 1
        return {j: (a, b) for j, (a, b) in counts.items()}

    # -- CSV --------------------------------------------------------------------------
    def _csv_rows(self) -> Iterator[tuple[int, list]]:
        try:
            with self.path.open("r", encoding=self.encoding, newline="", errors="strict") as fh:
                reader = csv.reader(fh, delimiter=self.delimiter or ",")
                n = 0
                for n, row in enumerate(reader, start=1):
                    if n > self.max_rows:
                        raise self.too_many_rows()
                    yield n, row
        except UnicodeDecodeError as exc:
            raise FileRejected("error.ingest.encoding_mid_file", file=self.name, encoding=self.encoding,
                               offset=exc.start) from None
        except csv.Error as exc:
            raise FileRejected("error.ingest.csv_broken", file=self.name, detail=str(exc)) from None
        except OSError as exc:
            raise FileRejected("error.ingest.unreadable", file=self.name, detail=exc.strerror or str(exc)) from None

    # -- XLSX -------------------------------------------------------------------------
    def workbook(self):
        """The read-only workbook, opened once: opening scans a sheet without a <dimension> whole."""
        if self._wb is None:
            import openpyxl  # lazily: the CLI and CSV imports never pay for it

            try:
                self._wb = openpyxl.load_workbook(self.path, read_only=True, data_only=True)
            except Exception as exc:  # openpyxl raises many types for a damaged archive
                raise FileRejected("error.ingest.xlsx_damaged", file=self.name, detail=type(exc).__name__) from None
        return self._wb

    def fast_book(self):
        """The fast reader's view of the file, or None when openpyxl must read it (opened once)."""
        if self._fast is None:
            from desktop_app.services.ingest import xlsx_fast

            try:
                self._fast = xlsx_fast.FastBook(self.path)
            except Exception:  # noqa: BLE001 - openpyxl's load_workbook then gives the verdict
                self._fast = False
        return self._fast or None

    def _sheet_name(self, fast) -> str:
        return self.sheet if self.sheet else fast.sheetnames[0]

    def close(self) -> None:
        """Release the workbook's file handles (Windows keeps an open file locked)."""
        if self._wb is not None:
            self._wb.close()
            self._wb = None
        if self._fast:
            self._fast.close()
        self._fast = None

    def _xlsx_rows(self, *, values_only: bool, min_row: int = 1,
                   max_row: int | None = None) -> Iterator[tuple[int, list]]:
        if values_only:
            fast = self.fast_book()
            if fast is not None:
                from desktop_app.services.ingest.xlsx_fast import Unsupported

                done = yield from self._checked(fast.rows(self._sheet_name(fast), min_row=min_row, max_row=max_row),
                                                min_row, resumable=Unsupported)
                if done is None:
                    return
                min_row = done + 1  # the fast reader met XML it does not model: openpyxl goes on
        wb = self.workbook()
        # The workbook stays open for the next pass (decisions, preview, import); close() releases it.
        ws = wb[self.sheet] if self.sheet else wb.worksheets[0]
        # A wrong <dimension> (some exporters write "A1") must not cut the sheet short.
        ws.reset_dimensions()
        rows = enumerate(ws.iter_rows(min_row=min_row, max_row=max_row, values_only=values_only), start=min_row)
        yield from self._checked(rows, min_row)

    def _checked(self, rows: Iterator[tuple[int, Any]], first: int,
                 resumable: type[Exception] | None = None) -> Generator[tuple[int, Any], None, int | None]:
        """Either reader's rows, with the file-level refusals both share: more rows than ``max_rows``,
        and a damaged archive or sheet XML (zip, XML, shared-string errors) as ``xlsx_damaged``.

        Returns None when the rows ran out; when the reader raised ``resumable`` (XML the fast
        reader does not model), the last row number it gave, so openpyxl can go on from there.
        """
        last = first - 1
        try:
            for n, row in rows:
                if n > self.max_rows:
                    raise self.too_many_rows()
                last = n
                yield n, row
        except LiveOpsError:
            raise
        except Exception as exc:
            if resumable is not None and isinstance(exc, resumable):
                return last
            raise FileRejected("error.ingest.xlsx_damaged", file=self.name, detail=type(exc).__name__) from None
        return None

    def too_many_rows(self) -> FileRejected:
        return FileRejected("error.ingest.too_many_rows", file=self.name, limit=self.max_rows)

    def with_sheet(self, sheet: str) -> TableFile:
        return TableFile(self.path, self.fmt, self.encoding, self.delimiter, sheet, self.sheets, self.max_rows,
                         self._wb, self._fast)


def open_table(path: Path | str, *, max_rows: int = MAX_ROWS) -> TableFile:
    """Sniff the file and return how to read it, or raise FileRejected."""
    path = Path(path)
    try:
        with path.open("rb") as fh:
            head = fh.read(SNIFF_BYTES)
            size = path.stat().st_size
    except FileNotFoundError:
        raise FileRejected("error.ingest.missing", file=str(path)) from None
    except IsADirectoryError:
        raise FileRejected("error.ingest.wrong_type", file=path.name) from None
    except OSError as exc:
        raise FileRejected("error.ingest.unreadable", file=path.name, detail=exc.strerror or str(exc)) from None
    if not head.strip():
        raise FileRejected("error.ingest.empty", file=path.name)
    if head.startswith(b"PK\x03\x04"):
        return _open_xlsx(path, max_rows)
    if head.startswith(_OLE_MAGIC):
        raise _old_binary(path)
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        raise FileRejected("error.ingest.xlsx_damaged", file=path.name, detail="not a zip archive")
    encoding = _sniff_encoding(head, path.name, complete=size <= SNIFF_BYTES)
    text = _decode_prefix(head, encoding)
    delimiter = _sniff_delimiter(text)
    return TableFile(path, "csv", encoding, delimiter, max_rows=max_rows)


def _sniff_encoding(head: bytes, name: str, *, complete: bool) -> str:
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if any(head.startswith(m) for m in _BINARY_MAGIC):
        raise FileRejected("error.ingest.binary", file=name)
    sample = head[:4096]
    if b"\x00" in sample:
        # UTF-16 without a BOM: every other byte of ASCII text is NUL.
        odd, even = sample[1::2].count(0), sample[0::2].count(0)
        if odd > len(sample) * 0.3 and even == 0:
            return "utf-16-le"
        if even > len(sample) * 0.3 and odd == 0:
            return "utf-16-be"
        raise FileRejected("error.ingest.binary", file=name)
    for enc in ("utf-8", "gb18030"):
        try:
            codecs.getincrementaldecoder(enc)(errors="strict").decode(head, final=complete)
        except UnicodeDecodeError:
            continue
        text = head.decode(enc, errors="ignore")
        controls = sum(1 for ch in text[:4096] if ord(ch) < 32 and ch not in "\t\r\n\x0c")
        if controls > 8:
            raise FileRejected("error.ingest.binary", file=name)
        return enc
    raise FileRejected("error.ingest.encoding", file=name)


def _decode_prefix(head: bytes, encoding: str) -> str:
    return codecs.getincrementaldecoder(encoding)(errors="replace").decode(head, final=False)


def _sniff_delimiter(text: str) -> str:
    """The delimiter giving the most consistent multi-column rows over the first lines."""
    lines = [ln for ln in text.splitlines()[:60] if ln.strip()]
    if len(lines) > 1:
        lines = lines[:-1]  # the prefix may end mid-line
    best, best_score = ",", -1.0
    for delim in (",", "\t", ";", "|"):
        try:
            counts = [len(r) for r in csv.reader(io.StringIO("\n".join(lines)), delimiter=delim)]
        except csv.Error:
            continue
        multi = [c for c in counts if c > 1]
        if not multi:
            continue
        common = max(set(multi), key=multi.count)
        score = multi.count(common) * common + len(multi)
        if score > best_score:
            best, best_score = delim, score
    return best


def _open_xlsx(path: Path, max_rows: int) -> TableFile:
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            names = {i.filename for i in infos}
            if "xl/workbook.xml" not in names:
                raise _other_archive(path, names, zf)
            for info in infos:
                _check_member(info, path.name, max_rows)
    except zipfile.BadZipFile:
        raise FileRejected("error.ingest.xlsx_damaged", file=path.name, detail="zip") from None
    except OSError as exc:
        raise FileRejected("error.ingest.unreadable", file=path.name, detail=exc.strerror or str(exc)) from None
    table = TableFile(path, "xlsx", max_rows=max_rows)
    table.sheets = _sheet_names(table)
    table.sheet = table.sheets[0] if table.sheets else None
    return table


def _check_member(info: zipfile.ZipInfo, name: str, max_rows: int) -> None:
    size, packed = info.file_size, max(info.compress_size, 1)
    if size > MAX_UNCOMPRESSED or (size > RATIO_MIN_SIZE and size / packed > MAX_RATIO):
        raise FileRejected("error.ingest.too_large", file=name, member=info.filename,
                           size_mb=round(size / 1024 / 1024), limit=max_rows)


def _sheet_names(table: TableFile) -> list[str]:
    """The sheet names; a sheet that declares more rows than the limit is refused before a row is read
    (an undeclared one is refused while streaming)."""
    try:
        fast = table.fast_book()
        if fast is not None:
            sizes = [fast.dimension_rows(name) for name in fast.sheetnames]
            names = fast.sheetnames
        else:
            wb = table.workbook()
            sizes = [ws.max_row for ws in wb.worksheets]  # declared (or scanned) size
            names = list(wb.sheetnames)
        if any((rows or 0) > table.max_rows for rows in sizes):
            raise table.too_many_rows()
        return names
    except BaseException:
        table.close()
        raise


# -- spreadsheets this app does not read: name the format and say how to convert it -------------
_OLE_FORMATS = {".xls": "xls", ".xlt": "xls", ".et": "et", ".ett": "et", ".wps": "et", ".dbf": "xls"}


def _old_binary(path: Path) -> FileRejected:
    """An OLE2 compound file: Excel 97-2003 .xls, or WPS 表格 .et (same container, other app)."""
    fmt = _OLE_FORMATS.get(path.suffix.lower(), "ole")
    if fmt == "xls":
        return FileRejected("error.ingest.xls_old", file=path.name)
    return FileRejected("error.ingest.other_format", file=path.name, format=_format_name(fmt))


def _other_archive(path: Path, names: set[str], zf: zipfile.ZipFile) -> FileRejected:
    """A zip that is not an XLSX: Apple Numbers, Excel binary (.xlsb), OpenDocument (.ods), or other."""
    suffix = path.suffix.lower()
    if suffix == ".numbers" or any(n.startswith("Index/") and n.endswith(".iwa") for n in names):
        fmt = "numbers"
    elif "xl/workbook.bin" in names or suffix == ".xlsb":
        fmt = "xlsb"
    elif "mimetype" in names and b"opendocument.spreadsheet" in zf.read("mimetype")[:100]:
        fmt = "ods"
    else:
        return FileRejected("error.ingest.wrong_type", file=path.name)
    return FileRejected("error.ingest.other_format", file=path.name, format=_format_name(fmt))


def _format_name(fmt: str):
    from desktop_app.messages import Message

    return Message(f"ingest.format.{fmt}")  # rendered in the language the error is shown in
