"""The fast XLSX reader gives exactly what openpyxl's read-only mode gives, or hands over to it."""

from __future__ import annotations

import re
import zipfile
from datetime import datetime, time, timedelta
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_app.services.ingest import reader, xlsx_fast

DATA = Path(__file__).parent / "data" / "ingest"
SHEET = "xl/worksheets/sheet1.xml"


def openpyxl_rows(path: Path, sheet: str | None = None) -> list[tuple[int, list]]:
    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        ws = wb[sheet] if sheet else wb.worksheets[0]
        ws.reset_dimensions()
        return [(n, _trim(r)) for n, r in enumerate(ws.iter_rows(values_only=True), start=1)]
    finally:
        wb.close()


def fast_rows(path: Path, sheet: str | None = None) -> list[tuple[int, list]]:
    table = reader.open_table(path)
    try:
        if sheet:
            table = table.with_sheet(sheet)
        return [(n, _trim(r)) for n, r in table.rows()]
    finally:
        table.close()


def _trim(row) -> list:
    row = list(row)
    while row and row[-1] is None:
        row.pop()
    return row


def _same(a: list, b: list) -> None:
    # openpyxl may add trailing empty rows up to a declared size; the content must match row by row.
    while a and not a[-1][1]:
        a.pop()
    while b and not b[-1][1]:
        b.pop()
    assert a == b


def test_every_xlsx_fixture_reads_the_same_as_openpyxl():
    files = sorted(DATA.glob("*.xlsx"))
    assert files, "the fixtures are generated into tests/data"
    compared = 0
    for path in files:
        try:
            expected = openpyxl_rows(path)
            got = fast_rows(path)
        except Exception:  # noqa: BLE001 - damaged or oversized on purpose: test_ingest_import covers them
            continue
        _same(got, expected)
        compared += 1
    assert compared >= 3  # compass, kuaishou, buyin at least


# -- hand-written sheet XML ------------------------------------------------------------------
def _base(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """An openpyxl workbook whose styles hold a date, a percent and a duration format; returns the
    style ids its cells use, so hand-written sheet XML can refer to them."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"] = datetime(2026, 1, 5, 9, 3)
    ws["A1"].number_format = "yyyy-mm-dd hh:mm:ss"
    ws["B1"] = 0.123
    ws["B1"].number_format = "0.0%"
    ws["C1"] = timedelta(hours=1, minutes=2, seconds=3)
    ws["C1"].number_format = "[h]:mm:ss"
    ws["D1"] = time(9, 30)
    ws["D1"].number_format = "h:mm"
    path = tmp_path / "base.xlsx"
    wb.save(path)
    with zipfile.ZipFile(path) as zf:
        xml = zf.read(SHEET).decode()
    styles = {ref: s for ref, s in re.findall(r'<c r="([A-D]1)" s="(\d+)"', xml)}
    return path, styles


def _with_sheet(base: Path, out: Path, sheet_xml: str, *, date1904: bool = False) -> Path:
    with zipfile.ZipFile(base) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == SHEET:
                data = sheet_xml.encode("utf-8")
            elif info.filename == "xl/workbook.xml" and date1904:
                text = data.decode()
                text = re.sub(r"<workbookPr\b[^>]*/>", '<workbookPr date1904="1"/>', text) \
                    if "<workbookPr" in text else text.replace("<bookViews>", '<workbookPr date1904="1"/><bookViews>')
                data = text.encode()
            dst.writestr(info, data)
    return out


def _sheet(rows: str, *, prefix: str = "", dimension: str = "") -> str:
    p = f"{prefix}:" if prefix else ""
    ns = f"xmlns{':' + prefix if prefix else ''}=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
    dim = f'<{p}dimension ref="{dimension}"/>' if dimension else ""
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<{p}worksheet {ns}>{dim}'
            f"<{p}sheetData>{rows}</{p}sheetData></{p}worksheet>")


def test_every_cell_kind_matches_openpyxl(tmp_path):
    base, s = _base(tmp_path)
    rows = (
        f'<row r="1" spans="1:6"><c r="A1" s="{s["A1"]}"><v>46027.37708333333</v></c>'
        f'<c r="B1" s="{s["B1"]}"><v>0.123</v></c><c r="C1" s="{s["C1"]}"><v>1.5</v></c>'
        f'<c r="D1" s="{s["D1"]}"><v>0.25</v></c><c r="E1" t="b"><v>1</v></c><c r="F1" t="e"><v>#N/A</v></c></row>'
        '<row r="2"><c r="A2" t="inlineStr"><is><t xml:space="preserve"> 成交 &amp; &lt;GMV&gt; </t></is></c>'
        '<c r="B2" t="inlineStr"><is><r><rPr><b/></rPr><t>富</t></r><r><t>文本</t></r>'
        '<rPh sb="0" eb="1"><t>フ</t></rPh></is></c>'
        '<c r="C2" t="str"><f>A2&amp;""</f><v>公式 结果</v></c><c r="D2"><v>1.5E+3</v></c>'
        '<c r="E2"><v>-12</v></c><c r="G2" t="d"><v>2026-01-05T09:03:00</v></c></row>'
        '<row r="5"><c r="B5"><v>7</v></c><c r="C5" t="inlineStr"><is><t>line1\r\nline2&#13;</t></is></c></row>'
        "<row><c><v>1</v></c><c/><c><v>3</v></c></row>"
        "<row r='8'><c r='A8' t='inlineStr'><is><t>single quotes</t></is></c><c r='B8'><v></v></c></row>"
        '<row r="9"/>'
        '<row r="10"><c r="AB10"><v>28</v></c></row>'
    )
    path = _with_sheet(base, tmp_path / "kinds.xlsx", _sheet(rows, dimension="A1"))
    expected = openpyxl_rows(path)
    got = fast_rows(path)
    assert got == expected
    assert got[0][1][0] == datetime(2026, 1, 5, 9, 3)
    assert got[1][1][:2] == [" 成交 & <GMV> ", "富文本"]
    assert got[2] == (3, [])  # the missing rows 3 and 4 come back empty, as in openpyxl
    assert got[5][1] == [1, None, 3]  # row 6: cells without references go left to right


def test_1904_workbooks_shift_dates_like_openpyxl(tmp_path):
    base, s = _base(tmp_path)
    rows = f'<row r="1"><c r="A1" s="{s["A1"]}"><v>44561.5</v></c></row>'
    path = _with_sheet(base, tmp_path / "1904.xlsx", _sheet(rows), date1904=True)
    assert fast_rows(path) == openpyxl_rows(path)
    assert fast_rows(path)[0][1][0].year == 2026


def _numbered_rows(first: int, last: int) -> str:
    return "".join(f'<row r="{i}"><c r="A{i}"><v>{i}</v></c><c r="B{i}" t="inlineStr"><is><t>行{i}</t></is></c></row>'
                   for i in range(first, last + 1))


@pytest.mark.parametrize("variant", ["prefixed", "cdata_mid_sheet", "comment_mid_sheet"])
def test_xml_the_fast_reader_does_not_model_is_read_by_openpyxl(tmp_path, monkeypatch, variant):
    monkeypatch.setattr(xlsx_fast, "CHUNK", 4096)  # small chunks: the odd XML turns up mid-stream
    base, _s = _base(tmp_path)
    if variant == "prefixed":
        body = _numbered_rows(1, 3000).replace("<", "<x:").replace("<x:/", "</x:")
        xml = _sheet(body, prefix="x")
    elif variant == "cdata_mid_sheet":
        odd = '<row r="2000"><c r="A2000" t="inlineStr"><is><t><![CDATA[a<b]]></t></is></c></row>'
        xml = _sheet(_numbered_rows(1, 1999) + odd + _numbered_rows(2001, 3000))
    else:
        xml = _sheet(_numbered_rows(1, 1999) + "<!-- written by a tool -->" + _numbered_rows(2000, 3000))
    path = _with_sheet(base, tmp_path / f"{variant}.xlsx", xml)
    got = fast_rows(path)
    assert got == openpyxl_rows(path)
    assert len(got) == 3000
    if variant == "cdata_mid_sheet":
        assert got[1999][1] == ["a<b"]


def test_an_understated_dimension_does_not_cut_the_import_short(tmp_path, ctx, clock):
    """Some exporters write <dimension ref="A1"/> for a whole sheet; openpyxl alone then stops at row 1."""
    from zoneinfo import ZoneInfo

    from openpyxl.utils.datetime import to_excel

    from desktop_app.services import lifecycle
    from desktop_app.services.ingest import importer

    session, _ = lifecycle.start_now(ctx, anchor_id=ctx.fixture["anchor"].id, title="t")
    start = to_excel(session.on_air_utc.astimezone(ZoneInfo("Asia/Shanghai")).replace(tzinfo=None))
    base, s = _base(tmp_path)
    header = ('<row r="1"><c r="A1" t="inlineStr"><is><t>时间</t></is></c>'
              '<c r="B1" t="inlineStr"><is><t>实时在线人数</t></is></c></row>')
    body = "".join(f'<row r="{i}"><c r="A{i}" s="{s["A1"]}"><v>{start + (i - 1) / 1440}</v></c>'
                   f'<c r="B{i}"><v>{100 + i}</v></c></row>' for i in range(2, 62))
    path = _with_sheet(base, tmp_path / "dim.xlsx", _sheet(header + body, dimension="A1"))
    clock.advance(hours=2)
    lifecycle.end_broadcast(ctx, session.id, off_air=clock.now())
    clock.advance(days=1)
    insp = importer.inspect(ctx, path, session_id=session.id)
    result = importer.run(ctx, insp, session_id=session.id)
    assert result.accepted == 60


# -- generated sheets ------------------------------------------------------------------------
_cells = st.one_of(
    st.none(),
    st.integers(min_value=-10**12, max_value=10**12),
    st.floats(allow_nan=False, allow_infinity=False, width=64),
    st.booleans(),
    st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from("<>&\"' \t"),
            max_size=12),
    st.datetimes(min_value=datetime(1901, 1, 1), max_value=datetime(2100, 1, 1)),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(grid=st.lists(st.lists(_cells, max_size=6), min_size=1, max_size=8), write_only=st.booleans())
def test_generated_sheets_read_the_same_as_openpyxl(tmp_path, grid, write_only):
    wb = openpyxl.Workbook(write_only=write_only)
    ws = wb.create_sheet("data") if write_only else wb.active
    for row in grid:
        ws.append(row)
    path = tmp_path / "gen.xlsx"
    wb.save(path)
    _same(fast_rows(path), openpyxl_rows(path))


def test_the_second_sheet_is_read_when_chosen(tmp_path):
    wb = openpyxl.Workbook()
    wb.active.title = "汇总"
    wb.active.append(["总计", 1])
    data = wb.create_sheet("分钟数据")
    data.append(["时间", "在线"])
    data.append([datetime(2026, 1, 5, 9, 0), 10])
    path = tmp_path / "two.xlsx"
    wb.save(path)
    assert fast_rows(path, "分钟数据") == openpyxl_rows(path, "分钟数据")
    book = xlsx_fast.FastBook(path)
    try:
        assert book.sheetnames == ["汇总", "分钟数据"]
        assert book.dimension_rows("分钟数据") == 2
    finally:
        book.close()
