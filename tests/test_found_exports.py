"""Exports as a client reads them on paper: a header stands over its own column's values."""

from __future__ import annotations

from datetime import date

import openpyxl
import pytest

from desktop_app.services.export import ExportOptions
from desktop_app.services.export.multi import MultiOptions, export_multi
from desktop_app.services.export.session import export_session
from tests.export_helpers import closed_sessions, open_demo


@pytest.fixture
def demo(demo_copy, clock):
    ctx = open_demo(demo_copy, clock)
    yield ctx
    ctx.ws.close()


def _header_alignment(sheet, row: int) -> dict[str, str | None]:
    return {c.value: c.alignment.horizontal for c in sheet[row] if c.value}


def test_headers_over_numbers_and_times_are_right_aligned_like_their_values(demo, tmp_path):
    sid = closed_sessions(demo)[0]
    out = tmp_path / "r.xlsx"
    export_session(demo, sid, out, ExportOptions(variant="internal", lang="zh_CN"))
    book = openpyxl.load_workbook(out)
    checklist = book["检查清单"]
    totals = _header_alignment(checklist, 1)
    assert totals["范围"] is None and totals["按时"] == "right" and totals["合规率"] == "right"
    runs_header = next(r for r in range(2, 20) if checklist.cell(r, 1).value == "阶段")
    runs = _header_alignment(checklist, runs_header)
    assert runs["检查项"] is None and runs["次序"] == "right" and runs["完成时间"] == "right"
    status_col = [c.value for c in checklist[runs_header]].index("状态") + 1
    status = checklist.cell(runs_header + 1, status_col)
    # not glued to the time on its left (an indent needs an explicit left alignment to show)
    assert status.value and status.alignment.indent >= 1 and status.alignment.horizontal == "left"
    summary = book["概览"]
    kpi_row = next(r for r in range(1, 40) if summary.cell(r, 1).value == "指标")
    kpis = _header_alignment(summary, kpi_row)
    assert kpis["数值"] == "right" and kpis["目标"] == "right" and kpis["指标"] is None
    basis = summary.cell(kpi_row + 1, 5)
    assert basis.value and basis.alignment.horizontal == "left" and basis.alignment.indent >= 1
    events = _header_alignment(book["事件"], 1)
    assert events["时间"] == "right" and events["内容"] is None


def test_multi_session_money_columns_have_right_aligned_headers(demo, tmp_path):
    out = tmp_path / "m.xlsx"
    export_multi(demo, out, MultiOptions(start=date(2020, 1, 1), end=date(2099, 12, 31)))
    sessions = openpyxl.load_workbook(out).worksheets[0]
    header = {c.value: (c.column, c.alignment.horizontal) for c in sessions[1] if c.value}
    gmv = next(v for k, v in header.items() if k.startswith("成交金额"))
    assert isinstance(sessions.cell(2, gmv[0]).value, int | float)
    assert gmv[1] == "right"
    title = next(v for k, v in header.items() if k == "场次标题")
    assert title[1] is None


def test_wrapped_definition_and_review_rows_are_tall_enough_for_their_lines(demo, tmp_path):
    """LibreOffice and the printout keep a generated row one line high, so wrapped lines ran over
    the next rows; each wrapped row now carries the height its longest cell needs."""
    from desktop_app.services.export.xlsx import DEFINITION_WIDTHS, LINE_HEIGHT, wrapped_height

    assert wrapped_height(["short", "also short"], DEFINITION_WIDTHS) is None
    assert wrapped_height(["x" * 50], (22,)) == 3 * LINE_HEIGHT  # 50 columns in 21 per line
    assert wrapped_height(["福" * 15], (22,)) == 2 * LINE_HEIGHT  # CJK counts twice: 30 columns
    assert wrapped_height(["a\nb\nc"], (22,)) == 3 * LINE_HEIGHT

    sid = closed_sessions(demo)[0]
    out = tmp_path / "r.xlsx"
    export_session(demo, sid, out, ExportOptions(variant="internal", lang="en"))
    sheet = openpyxl.load_workbook(out)["Definitions"]
    tall = 0
    for row in sheet.iter_rows(min_row=2):
        texts = [str(c.value or "") for c in row]
        need = wrapped_height(texts, DEFINITION_WIDTHS)
        if need:
            tall += 1
            assert sheet.row_dimensions[row[0].row].height == need, texts
    assert tall > 5  # the English notes wrap (Raw cumulative, "Running total since on-air ...")


def test_long_wrapped_headers_get_a_tall_enough_header_row(demo, tmp_path):
    from desktop_app.services.export.xlsx import LINE_HEIGHT

    sid = closed_sessions(demo)[0]
    out = tmp_path / "r.xlsx"
    export_session(demo, sid, out, ExportOptions(variant="internal", lang="zh_CN"))
    products = openpyxl.load_workbook(out)["商品"]
    longest = max((str(c.value) for c in products[1] if c.value), key=len)
    assert len(longest) > 30, longest  # "成交金额（支付GMV）gmv（支付口径）· 讲解窗口增量 · 实时暂估（CNY）"
    assert products.row_dimensions[1].height >= 2 * LINE_HEIGHT
