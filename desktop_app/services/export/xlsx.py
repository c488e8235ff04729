"""Write a SessionReport to .xlsx with openpyxl in write_only mode (flat memory).

openpyxl is imported here, at the first export, never at application start-up.
"""

from __future__ import annotations

import struct
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

from desktop_app.messages import msg
from desktop_app.services.export import labels as L
from desktop_app.services.export.cells import text_cell, value_cell
from desktop_app.services.export.report import SessionReport, Table

Check = Callable[[], None]


class Styles:
    """Shared style objects (openpyxl de-duplicates them into one stylesheet entry each)."""

    def __init__(self) -> None:
        from openpyxl.styles import Alignment, Font, PatternFill

        self.header = {"font": Font(bold=True, color="FFFFFF"),
                       "fill": PatternFill("solid", start_color="305496", end_color="305496"),
                       "alignment": Alignment(wrap_text=True, vertical="center")}
        # Over a column of numbers or times (right-aligned), so a header sits above its values
        # and not above the next column's (a left header over right-aligned numbers reads as
        # belonging to the column on its right).
        self.header_right = {**self.header, "alignment": Alignment(wrap_text=True, vertical="center",
                                                                    horizontal="right")}
        self.title = {"font": Font(bold=True, size=16)}
        self.draft = {"font": Font(bold=True, size=14, color="C00000")}
        self.label = {"font": Font(bold=True)}
        self.note = {"font": Font(italic=True, color="595959")}
        self.wrap = {"alignment": Alignment(wrap_text=True, vertical="top")}
        # Text right of a right-aligned number; an indent only shows with an explicit left alignment
        # (LibreOffice and Excel ignore it under "general", so "4,067实时暂估" ran together).
        self.indent = {"alignment": Alignment(horizontal="left", indent=1)}


def sheet_title(key: str, lang: str) -> str:
    text = msg(f"export.sheet.{key}", lang=lang)
    for ch in "[]:*?/\\":
        text = text.replace(ch, " ")
    return text[:31]


class Book:
    def __init__(self, lang: str) -> None:
        from openpyxl import Workbook

        self.wb = Workbook(write_only=True)
        self.lang = lang
        self.styles = Styles()

    def sheet(self, key: str) -> Any:
        return self.wb.create_sheet(sheet_title(key, self.lang))

    def header_row(self, ws: Any, headers: list[str], numeric: set[int] | frozenset[int] = frozenset()) -> list[Any]:
        return [text_cell(ws, h, self.styles.header_right if i in numeric else self.styles.header)
                for i, h in enumerate(headers)]

    def row(self, ws: Any, values: list[Any], formats: list[str | None],
            numeric: set[int] | frozenset[int] = frozenset()) -> list[Any]:
        """One table row; a text right of a column of right-aligned numbers is indented so the two
        do not run together ("2026-11-25 15:33按时")."""
        out = []
        for i, v in enumerate(values):
            fmt = formats[i] if i < len(formats) else None
            if isinstance(v, tuple):
                v, fmt = v
            style = self.styles.indent if isinstance(v, str) and v and (i - 1) in numeric else None
            out.append(value_cell(ws, v, fmt, style))
        return out

    def table(self, ws: Any, table: Table, empty: str | None = None) -> None:
        """Append a table: its header row (right-aligned over numbers) and rows; ``empty`` is the
        note written in place of no rows."""
        numeric = numeric_columns(table)
        ws.append(self.header_row(ws, table.headers, numeric))
        for r in table.rows:
            ws.append(self.row(ws, r, table.formats, numeric))
        if not table.rows and empty:
            ws.append([text_cell(ws, empty, self.styles.note)])

    def save(self, fh: IO[bytes]) -> None:
        """openpyxl's save_workbook without its two surprises: it stamps ``modified`` from the wall
        clock, and on a write error it leaves the zip open for the garbage collector to trip over."""
        from zipfile import ZIP_DEFLATED, ZipFile

        from openpyxl.writer.excel import ExcelWriter
        from openpyxl.xml.functions import tostring

        from desktop_app.services.export.charts import splice

        class Writer(ExcelWriter):
            def _write_charts(self) -> None:
                # openpyxl's own loop, plus the chart caches spliced in as text (charts.py)
                for chart in self._charts:
                    with self._archive.open(chart.path[1:], "w") as out:
                        splice(tostring(chart._write()), getattr(chart, "liveops_caches", ()), out)
                    self.manifest.append(chart)

        archive = ZipFile(fh, "w", ZIP_DEFLATED, allowZip64=True)
        try:
            Writer(self.wb, archive).save()
        except BaseException:
            archive.fp = None  # abandon: the temp file is deleted by the caller
            raise
        finally:
            self.close_caches()

    def close_caches(self) -> None:
        for ws in self.wb._sheets:
            for chart in getattr(ws, "_charts", ()):
                for cache in getattr(chart, "liveops_caches", ()):
                    cache.close()

    def discard(self) -> None:
        """Drop a half-written book: finish each sheet's XML stream and delete its temp file, so an
        aborted export leaves nothing behind (and no generator complaining at garbage collection)."""
        import os

        self.close_caches()
        for ws in self.wb._sheets:
            writer = getattr(ws, "_writer", None)
            rows = getattr(ws, "_rows", None)
            try:
                if rows is not None:
                    rows.close()
                if writer is not None:
                    writer.xf.close()
            except Exception:  # noqa: BLE001 - best effort: the stream is abandoned anyway
                pass
            out = getattr(writer, "out", None)
            if isinstance(out, str):
                try:
                    os.remove(out)
                except OSError:
                    pass


def numeric_columns(table: Table) -> set[int]:
    """Columns of numbers, dates or times (right-aligned in a spreadsheet): by the column's format,
    else by the first value of the column (multi-session money cells carry their own format)."""
    out = set()
    for i in range(len(table.headers)):
        fmt = table.formats[i] if i < len(table.formats) else None
        if fmt and fmt != "@":
            out.add(i)
            continue
        first = next((r[i] for r in table.rows[:50] if i < len(r) and r[i] not in (None, "")), None)
        if isinstance(first, tuple):
            first = first[0]
        if isinstance(first, int | float) and not isinstance(first, bool):
            out.add(i)
    return out


def set_widths(ws: Any, table: Table, *, extra: list[list[Any]] | None = None, numeric: int = 14,
               header_cap: int = 28) -> list[float]:
    """Column widths from the texts and the numbers as shown (headers capped at ``header_cap``,
    they wrap; never narrower than a header's longest word, which would break mid-word); returns them."""
    from openpyxl.utils import get_column_letter

    widths = []
    for i, header in enumerate(table.headers):
        texts = [r[i] for r in table.rows[:500] if i < len(r) and isinstance(r[i], str)]
        texts += [r[i] for r in (extra or []) if i < len(r) and isinstance(r[i], str)]
        fmt = table.formats[i] if i < len(table.formats) else None
        shown = max((shown_width(r[i], fmt) for r in table.rows[:500] if i < len(r)), default=0)
        floor = 20 if fmt and "yyyy" in fmt and "hh" in fmt else numeric  # a date with time shows as ###
        heading = max(min(L.column_width([header], maximum=header_cap), header_cap), longest_word(header) + 2)
        width = max(L.column_width(texts), heading, floor, shown + 2)
        ws.column_dimensions[get_column_letter(i + 1)].width = width
        widths.append(width)
    return widths


def longest_word(text: str) -> int:
    """The widest run a wrapped header cannot break (a Latin word such as peak_online_viewers;
    CJK text wraps between any two characters)."""
    import re

    return max((len(w) for w in re.findall(r"[A-Za-z0-9_.%/()$-]+", text)), default=0)


def shown_width(value: Any, fmt: str | None) -> int:
    """Characters a number takes as the spreadsheet shows it (thousands separators, decimals,
    currency symbol, %); texts are measured elsewhere, dates by their format."""
    if isinstance(value, tuple):
        value, fmt = value
    if isinstance(value, bool) or not isinstance(value, int | float):
        return len(fmt) if (fmt and "yyyy" in fmt and value is not None) else 0
    fmt = fmt or ""
    if "%" in fmt:
        return len(f"{value * 100:,.2f}%")
    if "[h]" in fmt:
        return 9
    decimals = len(fmt.split(";")[0].split(".")[1].rstrip('"')) if "." in fmt.split(";")[0] else 0
    symbol = fmt.split('"')[1] if fmt.startswith('"') else ""
    return len(f"{value:,.{decimals}f}") + L.display_width(symbol)


def header_height(ws: Any, row: int, headers: list[str], widths: list[float]) -> None:
    """A header row tall enough for its wrapped headers (a long metric header with its 口径 and
    basis takes three lines; one line high, it printed over the first rows of data)."""
    height = wrapped_height(headers, [w - 2 for w in widths])  # bold: a little wider than body text
    if height:
        ws.row_dimensions[row].height = height


def print_setup(ws: Any, report: SessionReport, *, title_row: int | None = 1,
                widths: list[float] | None = None, title_cols: int = 0, grid: bool = True) -> None:
    page_frame(ws, grid=grid)
    print_width(ws, widths, title_cols=title_cols)
    if title_row:
        ws.print_title_rows = f"{title_row}:{title_row}"
    ws.oddHeader.left.text = _hf(report.header_text)
    ws.oddHeader.center.text = _hf(report.client_name)
    ws.oddHeader.right.text = _hf(report.title + ("  " + report.t("export.draft_mark") if report.draft else ""))
    ws.oddFooter.left.text = "&A"  # the sheet's name: loose printed pages stay identifiable
    ws.oddFooter.center.text = report.t("export.footer.page")


# --- printing on landscape A4 --------------------------------------------------------------------
# A column of width w (characters of the default font) prints about PX_PER_CHAR * w pixels wide at
# 96 dpi: measured in LibreOffice, which substitutes DejaVu Sans for Calibri where Calibri is missing
# (Excel with Calibri needs 7w + 5, less, so a page laid out for the wider case never spills).
PX_PER_CHAR = 9.4
SIDE_MARGIN_IN = 0.5
PAGE_PX = (297 / 25.4 - 2 * SIDE_MARGIN_IN) * 96  # landscape A4 inside the side margins
# Fit to one page wide only at this scale or more: below it, 11 pt prints under 8 pt and a CJK
# character becomes a smudge (the 25-column sessions sheet fitted to width printed at ~25 %).
MIN_SCALE = 70


def column_px(width: float) -> float:
    return PX_PER_CHAR * width


def fit_scale(widths: list[float]) -> int:
    """The scale (%) fitting these columns to one page wide would print at (100 at most)."""
    total = sum(column_px(w) for w in widths)
    return 100 if total <= PAGE_PX else int(100 * PAGE_PX / total)


def column_pages(widths: list[float], scale: int, title_cols: int = 0) -> list[list[int]]:
    """The columns (0-based) each page across holds at ``scale``, the repeated ``title_cols``
    first on every page, breaking between columns as a spreadsheet does."""
    room = PAGE_PX * 100 / scale - sum(column_px(w) for w in widths[:title_cols])
    pages: list[list[int]] = []
    used = room + 1
    for i in range(title_cols, len(widths)):
        px = column_px(widths[i])
        if used + px > room and (not pages or pages[-1][title_cols:]):
            pages.append(list(range(title_cols)))
            used = 0.0
        pages[-1].append(i)
        used += px
    return pages or [list(range(len(widths)))]


def wide_scale(widths: list[float], title_cols: int) -> int:
    """For a sheet too wide for one page: the largest scale (>= MIN_SCALE, in steps of 5) that
    needs no more pages across than MIN_SCALE would."""
    fewest = len(column_pages(widths, MIN_SCALE, title_cols))
    return next(s for s in range(100, MIN_SCALE - 1, -5) if len(column_pages(widths, s, title_cols)) <= fewest)


def page_frame(ws: Any, *, grid: bool = True) -> None:
    """Landscape A4, narrow side margins, printed gridlines on tables (a row of numbers across a
    landscape page is hard to follow without them)."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = "9"  # A4
    ws.page_margins.left = ws.page_margins.right = SIDE_MARGIN_IN
    ws.print_options.gridLines = grid


def print_width(ws: Any, widths: list[float] | None, *, title_cols: int = 0) -> None:
    """Fit to one page wide when that keeps a readable scale; else print at a fixed readable scale
    over as many pages as it takes, left to right before going down (the pages of one block of rows
    stay together), with the first ``title_cols`` columns repeated on each page so a row stays
    identifiable."""
    if widths is None or fit_scale(widths) >= MIN_SCALE:
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        return
    from openpyxl.utils import get_column_letter

    ws.sheet_properties.pageSetUpPr.fitToPage = False
    ws.page_setup.scale = wide_scale(widths, title_cols)
    ws.page_setup.pageOrder = "overThenDown"
    if title_cols:
        ws.print_title_cols = f"A:{get_column_letter(title_cols)}"


def _hf(text: str) -> str:
    return (text or "").replace("&", "&&")[:80]


def write_table_sheet(book: Book, key: str, table: Table, report: SessionReport) -> None:
    ws = book.sheet(key)
    widths = set_widths(ws, table)
    header_height(ws, 1, table.headers, widths)
    ws.freeze_panes = "A2"
    if table.rows:
        from openpyxl.utils import get_column_letter

        ws.auto_filter.ref = f"A1:{get_column_letter(len(table.headers))}{len(table.rows) + 1}"
    print_setup(ws, report, widths=widths, title_cols=1)
    book.table(ws, table, report.t("export.empty"))


DEFINITION_WIDTHS = (18, 16, 9, 9, 34, 30, 24)  # 140: one landscape page at >= 70 %


def write_definitions_rows(book: Book, ws: Any, table: Table) -> None:
    """口径: fixed widths and wrapped text, so formulas and notes stay readable on a printed page."""
    from openpyxl.utils import get_column_letter

    for i, w in enumerate(DEFINITION_WIDTHS[:len(table.headers)]):
        ws.column_dimensions[get_column_letter(i + 1)].width = w
    ws.freeze_panes = "A2"
    ws.append(book.header_row(ws, table.headers))
    for n, r in enumerate(table.rows, start=2):
        texts = [str(v or "") for v in r]
        height = wrapped_height(texts, DEFINITION_WIDTHS)
        if height:
            ws.row_dimensions[n].height = height
        ws.append([text_cell(ws, t, book.styles.wrap) for t in texts])


LINE_HEIGHT = 15.0  # points: one line of the default 11 pt font


def wrapped_height(texts: list[str], widths: tuple[float, ...] | list[float]) -> float | None:
    """The row height wrapped texts need, or None for one line. A spreadsheet app does not
    re-measure rows of a generated file (LibreOffice prints such rows one line high, the wrapped
    lines over the next rows), so the height is set from the text: the character columns of
    the text (CJK counted twice) over the column width, plus the text's own line breaks."""
    import math

    lines = 1
    for text, width in zip(texts, widths, strict=False):
        room = max(width - 1, 1)
        lines = max(lines, sum(max(math.ceil(L.display_width(part) / room), word_lines(part, room))
                               for part in text.split("\n")))
    return lines * LINE_HEIGHT if lines > 1 else None


def word_lines(text: str, room: float) -> int:
    """Lines a text takes wrapped at word boundaries (a CJK character is a word of its own): a
    word that does not fit the rest of a line starts the next one, so "Concurrent viewers
    online_viewers" needs more lines than its length over the width suggests."""
    import math
    import re

    lines, used = 1, 0.0
    for word in re.findall(r"[\u2e80-\uffff]|[^\s\u2e80-\uffff]+\s*|\s+", text):
        w = L.display_width(word.rstrip())
        if used and used + w > room:
            lines, used = lines + 1, 0.0
        if w > room:  # a word longer than the line breaks inside it
            lines += math.ceil(w / room) - 1
            w = w % room
        used += L.display_width(word)
    return lines


# --- Summary ------------------------------------------------------------------------------------

def write_summary(book: Book, report: SessionReport) -> None:
    ws = book.sheet("summary")
    t, st = report.t, book.styles
    kpi_headers = [t("export.col.metric"), t("export.col.key"), t("export.col.note"), t("export.col.value"),
                   t("export.col.basis"), t("export.col.target"), t("export.col.achieved"), t("export.col.met")]
    widths = [28, 20, 22, 18, 24, 16, 12, 10]  # 150: one landscape page at >= 70 %
    from openpyxl.utils import get_column_letter

    for i, w in enumerate(widths):
        ws.column_dimensions[get_column_letter(i + 1)].width = w
    print_setup(ws, report, title_row=None, widths=widths, grid=False)
    _logo(ws, report.logo_path)
    ws.append([text_cell(ws, t("export.summary.title", title=report.title), st.title)])
    if report.draft:
        ws.append([text_cell(ws, t("export.draft_banner"), st.draft)])
    else:
        ws.append([text_cell(ws, t(f"export.variant.{report.options.variant}"), st.note)])
    ws.append([])
    for label, value, fmt in report.info:
        ws.append([text_cell(ws, label, st.label), value_cell(ws, value, fmt)])
    ws.append([])
    numeric = {3, 5, 6}  # value, target, achieved
    if report.totals_included:
        ws.append(book.header_row(ws, kpi_headers, numeric))
        for k in report.kpis:
            ws.append(_kpi_cells(book, ws, report, k))
    else:
        ws.append([text_cell(ws, t("export.summary.no_totals"), st.note)])
        ws.append(book.header_row(ws, kpi_headers[:5], numeric))
        for k in report.client_totals:
            ws.append(_kpi_cells(book, ws, report, k)[:5])


def _kpi_cells(book: Book, ws: Any, report: SessionReport, k) -> list[Any]:
    lang = report.lang
    met = k.met
    return [
        text_cell(ws, L.metric_name(k.key, lang)), text_cell(ws, k.key), text_cell(ws, L.note(k.key, lang)),
        value_cell(ws, k.value, k.fmt), text_cell(ws, L.basis_label(k.basis, k.as_of, lang), book.styles.indent),
        value_cell(ws, k.target, k.fmt), value_cell(ws, k.achieved, L.PCT_FORMAT),
        text_cell(ws, "" if met is None else report.t("export.met" if met else "export.not_met"), book.styles.indent),
    ]


def _logo(ws: Any, path: str | None) -> None:
    """A PNG logo at the top right of the Summary sheet (no Pillow needed: size from the PNG header)."""
    if not path:
        return
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError:
        return
    if data[:8] != b"\x89PNG\r\n\x1a\n" or len(data) < 24:
        return
    from io import BytesIO

    from openpyxl.drawing.image import Image

    class PngImage(Image):
        def __init__(self, raw: bytes) -> None:  # noqa: D401 - skip PIL in the base class
            self.ref = BytesIO(raw)
            self._raw = raw
            w, h = struct.unpack(">II", raw[16:24])
            scale = min(1.0, 60 / max(h, 1))
            self.width, self.height = int(w * scale), int(h * scale)
            self.format = "png"
            self.anchor = "F1"

        def _data(self) -> bytes:
            return self._raw

    ws.add_image(PngImage(data))


# --- Timeline and charts ------------------------------------------------------------------------

# Charts over the timeline: (timeline columns (key, part), title message, y-axis message).
CHART_SPECS = (
    ((("online_viewers", "gauge"),), "export.chart.online", "export.axis.people"),
    ((("gmv", "cumulative"), ("gmv", "target")), "export.chart.gmv", "export.axis.money"),
    ((("orders", "delta"),), "export.chart.orders", "export.axis.orders"),
)


class ChartData:
    """Cached series for the charts, filled while the timeline rows stream past."""

    def __init__(self, report: SessionReport) -> None:
        cols = report.timeline.columns if report.timeline else []
        wanted = {p for parts, _t, _a in CHART_SPECS for p in parts}
        self.by_part = {(c.key, c.part): i for i, c in enumerate(cols) if (c.key, c.part) in wanted}
        from desktop_app.services.export.charts import CacheBuffer

        self.categories = CacheBuffer()
        self.values = {i: CacheBuffer() for i in self.by_part.values()}


class Serials:
    """Excel's day number for a UTC instant shown in a timezone. The UTC offset is looked up once
    per quarter hour (every real zone changes its offset on a quarter-hour boundary), not per row."""

    def __init__(self, tz) -> None:
        self.tz = tz
        self.bucket = -1
        self.offset = 0.0

    def __call__(self, ms: int) -> float:
        bucket = ms // 900_000
        if bucket != self.bucket:
            from datetime import datetime

            off = datetime.fromtimestamp(ms / 1000, self.tz).utcoffset()
            self.bucket, self.offset = bucket, off.total_seconds() if off else 0.0
        return 25569 + (ms / 1000 + self.offset) / 86400


def write_timeline(book: Book, report: SessionReport, check: Check, charts: ChartData | None) -> None:
    """Rows stream from SQL into the sheet: each row's values go into precreated cells (one per
    column and format) and, for charted columns, into the chart caches; nothing is kept per row."""
    from openpyxl.utils import get_column_letter

    from desktop_app.domain.timeutil import zone
    from desktop_app.services.export.stream import fixed_cell, stream_sheet

    tlm = report.timeline
    ws = stream_sheet(book.wb, sheet_title("timeline", book.lang))
    headers = [report.t("export.col.time_tz", tz=tlm.timezone)] + [c.header for c in tlm.columns]
    widths = [20.0] + [16.0] * len(tlm.columns)
    for i, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = w
    ws.freeze_panes = "B2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{len(tlm) + 1}"
    # At least three lines (metric, 口径, part and basis); an English header over a 16-wide column
    # takes four, and at a fixed 48 pt its first line printed cut off at the top.
    ws.row_dimensions[1].height = max(48.0, wrapped_height(headers, widths) or 0.0)
    print_setup(ws, report, widths=widths, title_cols=1)
    ws.append(book.header_row(ws, headers, set(range(len(headers)))))  # time and metrics: all numbers
    time_cell = fixed_cell(ws, 1, tlm.time_format)
    cells = [(fixed_cell(ws, i, c.fmt), fixed_cell(ws, i, L.interpolated(c.fmt)) if c.interpolates else None)
             for i, c in enumerate(tlm.columns, start=2)]
    serial_of = Serials(zone(tlm.timezone))
    cats = charts.categories if charts else None
    cached = list(charts.values.items()) if charts else []
    for i, (ms, values, flags) in enumerate(tlm.rows()):
        if i % 2000 == 0:
            check()
        serial = serial_of(ms)
        time_cell._value = serial
        row = [time_cell]
        for (plain, approx), v, interp in zip(cells, values, flags, strict=True):
            if v is None:
                row.append(None)
                continue
            cell = approx if interp else plain
            cell._value = v
            row.append(cell)
        ws.append(row)
        if cats is not None:
            cats.add(i, serial)
            for col, cache in cached:
                cache.add(i, values[col])


def write_charts(book: Book, report: SessionReport, data: ChartData) -> None:
    from desktop_app.services.export.charts import label_skip, line_chart

    tlm = report.timeline
    ws = book.sheet("charts")
    print_setup(ws, report, title_row=None, grid=False)  # before the first row: write_only streams fitToPage then
    t, lang = report.t, report.lang
    ws.append([text_cell(ws, t("export.charts.title", title=report.title), book.styles.title)])
    ws.append([text_cell(ws, t("export.charts.hint"), book.styles.note)])
    title = sheet_title("timeline", lang)
    cat_fmt = "hh:mm:ss" if tlm.interval_s < 60 else "hh:mm"
    skip, every_s = label_skip(data.categories.count, tlm.interval_s)
    axis_fmt = "hh:mm:ss" if every_s % 60 else "hh:mm"
    placed = 0
    for parts, title_key, axis_key in CHART_SPECS:
        found = [(data.by_part[p], tlm.columns[data.by_part[p]]) for p in parts if p in data.by_part]
        if not found:
            continue
        series = [(i + 2, c.header, data.values[i], c.fmt) for i, c in found]
        chart = line_chart(title=t(title_key, interval=_interval_text(tlm.interval_s, lang)), sheet_title=title,
                           categories=data.categories, cat_format=cat_fmt, axis_format=axis_fmt, series=series,
                           y_title=t(axis_key, currency=report.session.currency), y_format=found[0][1].fmt,
                           label_skip=skip)
        place_chart(ws, chart, placed)
        placed += 1


# A landscape A4 page holds one chart of CHART_ROWS rows (at the default 15 pt row height, ~20 cm wide);
# each chart starts on its own page, so none is cut by a page break.
CHART_FIRST_ROW, CHART_ROWS = 4, 30


def place_chart(ws, chart, n: int) -> None:
    from openpyxl.worksheet.pagebreak import Break

    chart.width, chart.height = 24.0, 12.5  # cm: fits the printable area of landscape A4 below the title rows
    row = CHART_FIRST_ROW + n * CHART_ROWS
    ws.add_chart(chart, f"A{row}")
    if n:
        ws.row_breaks.append(Break(id=row - 2))


def _interval_text(seconds: int, lang: str) -> str:
    if seconds % 60 == 0:
        return msg("export.interval.minutes", lang=lang, n=seconds // 60)
    return msg("export.interval.seconds", lang=lang, n=seconds)


# --- other sheets -------------------------------------------------------------------------------

def write_checklist(book: Book, report: SessionReport) -> None:
    ws = book.sheet("checklist")
    totals, runs = report.checklist_totals, report.checklist
    widths = set_widths(ws, runs, extra=[totals.headers] + totals.rows)
    start = len(totals.rows) + 3
    ws.freeze_panes = f"A{start + 1}"
    if runs.rows:
        from openpyxl.utils import get_column_letter

        ws.auto_filter.ref = f"A{start}:{get_column_letter(len(runs.headers))}{start + len(runs.rows)}"
    print_setup(ws, report, title_row=start, widths=widths, title_cols=1)
    book.table(ws, totals, report.t("export.empty"))
    ws.append([])
    book.table(ws, runs)


REVIEW_TEXT_WIDTH = 72


def write_review(book: Book, report: SessionReport) -> None:
    ws = book.sheet("review")
    from openpyxl.utils import get_column_letter

    labels = [r[0] for r in report.review.rows] + [r[0] for r in report.action_items.rows]
    first = max(24.0, L.column_width(labels, maximum=38) + 2)  # bold labels need a little more room
    widths = [first, REVIEW_TEXT_WIDTH, 14, 10, 12]  # one landscape page at >= 70 %
    for i, w in enumerate(widths):
        ws.column_dimensions[get_column_letter(i + 1)].width = w
    print_setup(ws, report, title_row=None, widths=widths)
    ws.append(book.header_row(ws, report.review.headers))
    for n, (label, text) in enumerate(report.review.rows, start=2):
        if isinstance(text, tuple):
            value = value_cell(ws, *text)
        else:
            value = text_cell(ws, text, book.styles.wrap)
            height = wrapped_height([text], (REVIEW_TEXT_WIDTH,))
            if height:
                ws.row_dimensions[n].height = height
        ws.append([text_cell(ws, label, book.styles.label), value])
    if not report.review.rows:
        ws.append([text_cell(ws, report.t("export.empty"), book.styles.note)])
    ws.append([])
    book.table(ws, report.action_items)


def write_properties(book: Book, report: SessionReport, now) -> None:
    p = book.wb.properties
    p.title = report.title[:200]
    p.subject = report.t("export.properties.subject", client=report.client_name or "—")
    p.creator = report.agency[:200]
    p.lastModifiedBy = report.agency[:200]
    p.keywords = f"LiveOps Desk; {report.session.id}; {report.options.variant}"
    p.category = report.t(f"export.variant.{report.options.variant}")
    p.description = report.t("export.draft_mark") if report.draft else ""
    p.created = p.modified = now.replace(tzinfo=None)
    p.language = "zh-CN" if report.lang == "zh_CN" else "en"


def write_report(report: SessionReport, fh: IO[bytes], *, now, check: Check,
                 progress: Callable[[int, int], None] | None = None) -> None:
    book = Book(report.lang)
    try:
        _write_all(book, report, fh, now, check)
    except BaseException:
        book.discard()
        raise


def _write_all(book: Book, report: SessionReport, fh: IO[bytes], now, check: Check) -> None:
    sheets = report.options.sheets
    write_summary(book, report)
    charts = None
    has_rows = report.timeline is not None and len(report.timeline) > 0
    if "charts" in sheets and has_rows:
        charts = ChartData(report)
    if "timeline" in sheets and report.timeline is not None:
        write_timeline(book, report, check, charts)
    check()
    if "events" in sheets:
        write_table_sheet(book, "events", report.events, report)
    if "checklist" in sheets:
        write_checklist(book, report)
    if "products" in sheets:
        write_table_sheet(book, "products", report.products, report)
    if "review" in sheets:
        write_review(book, report)
    if charts is not None:
        write_charts(book, report, charts)
    if "definitions" in sheets:
        ws = book.sheet("definitions")
        print_setup(ws, report, widths=list(DEFINITION_WIDTHS))
        write_definitions_rows(book, ws, report.definitions)
    write_properties(book, report, now)
    check()
    book.save(fh)
