"""Printed exports: landscape A4 at a readable scale, header row (and, on wide sheets, the leading
columns) repeated on every page, gridlines, title and page numbers in the page header/footer.

The scale is judged from the file alone, the way a spreadsheet lays a sheet out: a column of width
w prints PX_PER_CHAR * w pixels (96 dpi; LibreOffice with its Calibri substitute, the widest case);
fitted to one page wide, the scale is the page over the total; at a fixed scale, the columns break
onto pages across, each page holding its repeated columns and as many more as fit.
"""

from __future__ import annotations

import re
from datetime import date

import openpyxl
import pytest
from export_helpers import closed_sessions, open_demo
from openpyxl.utils import column_index_from_string, get_column_letter

from desktop_app.services.export import ExportOptions
from desktop_app.services.export.multi import MultiOptions, export_multi
from desktop_app.services.export.session import export_session

PX_PER_CHAR = 9.4  # measured: a width-10 column printed 93 px wide by LibreOffice here
READABLE = 60  # % : below it 11 pt text prints under 7 pt


@pytest.fixture
def demo(demo_copy, clock):
    ctx = open_demo(demo_copy, clock)
    yield ctx
    ctx.ws.close()


def page_px(ws) -> float:
    width_in = 297 / 25.4 if ws.page_setup.orientation == "landscape" else 210 / 25.4
    return (width_in - ws.page_margins.left - ws.page_margins.right) * 96


def printed_widths(ws) -> list[float]:
    last = ws.max_column
    if ws.print_area:
        last = column_index_from_string(re.findall(r"\$([A-Z]+)\$\d+", ws.print_area)[-1])
    return [ws.column_dimensions[get_column_letter(i)].width or 13 for i in range(1, last + 1)]


def pages_across(widths: list[float], room: float, repeated: int) -> list[float]:
    """Pixel width of each page across: repeated columns, then columns until the next does not fit."""
    fixed = sum(w * PX_PER_CHAR for w in widths[:repeated])
    pages = [fixed]
    for w in widths[repeated:]:
        if pages[-1] + w * PX_PER_CHAR > room and pages[-1] > fixed:
            pages.append(fixed)
        pages[-1] += w * PX_PER_CHAR
    return pages


def check_print(ws) -> int:
    """Assert a readable printed layout of ``ws``; returns the scale it prints at."""
    ps = ws.page_setup
    assert ps.orientation == "landscape", ws.title
    assert str(ps.paperSize) == "9", ws.title  # A4
    widths = printed_widths(ws)
    total = sum(widths) * PX_PER_CHAR
    if ws.sheet_properties.pageSetUpPr.fitToPage:
        assert (ps.fitToWidth, ps.fitToHeight) == (1, 0), ws.title
        scale = min(100, int(100 * page_px(ws) / total))
    else:
        scale = ps.scale
        assert ps.pageOrder == "overThenDown", ws.title  # the pages of one block of rows together
        repeated = column_index_from_string(ws.print_title_cols.split(":")[-1].strip("$")) \
            if ws.print_title_cols else 0
        assert repeated, f"{ws.title}: a wide sheet repeats its leading columns"
        room = page_px(ws) * 100 / scale
        assert all(p <= room for p in pages_across(widths, room, repeated)), ws.title
    assert scale >= READABLE, f"{ws.title} prints at {scale} %"
    assert "&P" in ws.oddFooter.center.text and "&N" in ws.oddFooter.center.text, ws.title
    return scale


def test_multi_session_sheets_print_readable_on_a4_in_both_languages(demo, tmp_path):
    for lang, title in (("zh_CN", "多场次报告"), ("en", "Multi-session report")):
        out = tmp_path / f"multi_{lang}.xlsx"
        export_multi(demo, out, MultiOptions(start=date(2026, 11, 20), end=date(2026, 11, 30), lang=lang))
        wb = openpyxl.load_workbook(out)
        for ws in wb:
            check_print(ws)
            assert ws.print_title_rows == "$1:$1", ws.title  # the header row on every page
            assert ws.print_options.gridLines, ws.title
            assert title in ws.oddHeader.center.text, ws.title
        sessions = wb.worksheets[0]
        # 25 columns do not fit one page at a readable scale: across pages, date and anchor repeated
        assert not sessions.sheet_properties.pageSetUpPr.fitToPage
        assert sessions.print_title_cols == "$A:$B"
        id_col = sessions.max_column
        assert sessions.cell(1, id_col).value in ("场次ID", "Session id")
        assert len(printed_widths(sessions)) == id_col - 1  # the session ID is not printed
        trend = wb.worksheets[2]
        assert [b.id for b in trend.row_breaks.brk], "the trend chart starts on its own page"


def test_every_session_export_sheet_prints_readable_on_a4(demo, tmp_path):
    sid = closed_sessions(demo)[0]
    for lang in ("zh_CN", "en"):
        out = tmp_path / f"s_{lang}.xlsx"
        export_session(demo, sid, out, ExportOptions(variant="internal", lang=lang, allow_draft=True))
        wb = openpyxl.load_workbook(out)
        scales = {ws.title: check_print(ws) for ws in wb}
        assert len(scales) == 8
        timeline = wb.worksheets[1]
        assert timeline.print_title_cols == "$A:$A"  # the time column on every page across
        if lang == "en":  # "Concurrent viewers online_viewers · Provisional" wraps to 4+ lines in 16 characters
            assert timeline.row_dimensions[1].height >= 4 * 15  # at 48 pt its first line printed cut off
        charts = wb.worksheets[6]
        assert charts.sheet_properties.pageSetUpPr.fitToPage  # set before the rows: write_only streams it first
