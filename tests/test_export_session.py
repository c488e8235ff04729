"""Session report: read every exported file back and check what a client or lead would see."""

from __future__ import annotations

import errno
import sqlite3
from datetime import datetime, timedelta

import openpyxl
import pytest
from export_helpers import (
    NS,
    all_text,
    approve,
    cell_strings,
    chart_parts,
    closed_sessions,
    open_demo,
    sheet_xml,
)

from desktop_app.domain.enums import EventKind, PersonRole, Source
from desktop_app.domain.errors import LiveOpsError, ValidationError
from desktop_app.domain.models import Event
from desktop_app.services import roster
from desktop_app.services.export import ExportOptions
from desktop_app.services.export import files as export_files
from desktop_app.services.export.session import export_session
from desktop_app.storage import events as event_repo
from desktop_app.storage.errors import DiskFull, FileLocked, ReadOnly
from desktop_app.storage.rows import dumps, new_id

INJECTIONS = ["=HYPERLINK(\"http://evil\",\"x\")", "+1+2", "-3+4", "@SUM(A1)", "\tTAB", "\rCR"]


@pytest.fixture
def demo(demo_copy, clock):
    ctx = open_demo(demo_copy, clock)
    yield ctx
    ctx.ws.close()


def _sid(ctx) -> str:
    return closed_sessions(ctx)[0]


def _export(ctx, sid, path, *, signed: bool = True, **kw):
    """Export; by default after a lead approves the session as it is at this moment."""
    if signed and kw.get("variant", "client") == "client" and not kw.get("allow_draft"):
        approve(ctx, sid)
    return export_session(ctx, sid, path, ExportOptions(**kw))


def test_session_report_has_every_sheet_with_typed_values_and_formats(demo, tmp_path):
    sid = _sid(demo)
    out = tmp_path / "report.xlsx"
    _export(demo, sid, out, variant="internal")
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["概览", "时间线", "事件", "检查清单", "商品", "复盘", "图表", "口径"]
    summary = wb["概览"]
    rows = {r[1].value: r for r in summary.iter_rows(min_row=1) if len(r) > 3 and r[1].value}
    gmv = rows["gmv"]
    assert isinstance(gmv[3].value, float) and gmv[3].value > 0
    assert gmv[3].number_format == '"¥"#,##0.00;-"¥"#,##0.00'
    assert "已结算" in gmv[4].value  # the demo settles GMV: the settled figure wins and says so
    assert rows["view_to_order_rate"][3].number_format == "0.00%"
    assert 0 < rows["view_to_order_rate"][3].value < 1
    assert rows["uv"][3].number_format == "#,##0"
    assert isinstance(rows["gmv"][6].value, float)  # % achieved vs target
    tl = wb["时间线"]
    assert tl.freeze_panes == "B2"
    assert tl.auto_filter.ref.startswith("A1:")
    assert tl.print_title_rows == "$1:$1"
    assert tl.page_setup.orientation == "landscape" and tl.print_title_cols == "$A:$A"  # too wide for one page
    header = [c.value for c in tl[1]]
    assert header[0] == "时间（Asia/Shanghai）"
    assert any(h.startswith("成交金额（支付GMV） gmv（支付口径） · 累计 · 实时暂估 (CNY)") for h in header)
    first, second = tl[2], tl[3]
    assert isinstance(first[0].value, datetime) and second[0].value - first[0].value == timedelta(minutes=1)
    assert first[0].number_format == "yyyy-mm-dd hh:mm"
    gmv_col = next(i for i, h in enumerate(header) if h.startswith("成交金额") and "累计" in h)
    assert first[gmv_col].value == 0  # counters read 0 at on-air
    assert isinstance(tl.cell(100, gmv_col + 1).value, float)
    assert tl.cell(100, gmv_col + 1).number_format.startswith('"¥"')
    session = demo.ws.query_one("SELECT on_air_utc, off_air_utc FROM sessions WHERE id = ?", (sid,))
    minutes = (datetime.fromisoformat(session[1]) - datetime.fromisoformat(session[0])).total_seconds() / 60
    assert tl.max_row == int(minutes) + 1 + 1 + (0 if minutes == int(minutes) else 1)
    assert wb.properties.title and wb.properties.creator == "演示工作区 Demo"
    defs = [r[1].value for r in wb["口径"].iter_rows(min_row=2)]
    assert {"gmv", "gpm", "view_to_order_rate", "online_viewers"} <= set(defs)


def test_charts_reference_timeline_cells_and_every_series_carries_a_cache(demo, tmp_path):
    sid = _sid(demo)
    out = tmp_path / "charts.xlsx"
    _export(demo, sid, out, variant="client")
    wb = openpyxl.load_workbook(out)
    tl = wb["时间线"]
    n = tl.max_row - 1
    charts = chart_parts(out)
    assert len(charts) == 3
    for chart in charts:
        for ser in chart.iterfind(".//c:ser", NS):
            f = ser.findtext("c:val/c:numRef/c:f", namespaces=NS)
            assert f.startswith("'时间线'!$") and f.endswith(f"${n + 1}")
            cache = ser.find("c:val/c:numRef/c:numCache", NS)
            assert int(cache.find("c:ptCount", NS).get("val")) == n
            col = openpyxl.utils.column_index_from_string(f.split("!$")[1].split("$")[0])
            cached = {int(p.get("idx")): float(p.findtext("c:v", namespaces=NS)) for p in cache.iterfind("c:pt", NS)}
            assert cached, "series without cached values"
            for idx in list(cached)[:: max(1, len(cached) // 20)]:
                assert cached[idx] == pytest.approx(tl.cell(idx + 2, col).value)
            assert ser.find("c:tx/c:strRef/c:strCache/c:pt/c:v", NS).text == tl.cell(1, col).value
            cat = ser.find("c:cat/c:numRef", NS)
            assert cat.findtext("c:f", namespaces=NS) == f"'时间线'!$A$2:$A${n + 1}"
            assert cat.find("c:numCache/c:formatCode", NS).text == "hh:mm"
            assert int(cat.find("c:numCache/c:ptCount", NS).get("val")) == n
        assert chart.find(".//c:catAx/c:delete", NS).get("val") == "0"
        assert chart.find(".//c:catAx/c:numFmt", NS).get("formatCode") == "hh:mm"
        skip = int(chart.find(".//c:catAx/c:tickLblSkip", NS).get("val"))
        assert n / skip <= 13 and (skip * 60) % 300 == 0  # ≤ ~12 labels, each on a round clock time
        assert chart.find(".//c:catAx/c:tickMarkSkip", NS).get("val") == str(skip)
    sheet = wb["图表"]
    anchors = sorted(c.anchor._from.row for c in sheet._charts)
    breaks = [b.id for b in sheet.row_breaks.brk]
    assert len(breaks) == len(anchors) - 1  # one chart per printed page, none cut by a page break
    assert all(a - 1 in breaks for a in anchors[1:])  # anchors are 0-based rows


def test_label_skip_puts_about_twelve_labels_on_round_clock_times():
    from desktop_app.services.export.charts import label_skip

    assert label_skip(21_601, 1) == (1800, 1800)  # 6 h at 1 s: a label every 30 min
    assert label_skip(241, 60) == (30, 1800)  # 4 h at 1 min
    assert label_skip(31, 60) == (5, 300)
    assert label_skip(2, 3600) == (1, 3600)


def _insert_event(ctx, sid, text, *, internal=False, kind=EventKind.NOTE, minutes=30, product_id=None):
    on_air = ctx.ws.query_one("SELECT on_air_utc FROM sessions WHERE id = ?", (sid,))[0]
    ts = datetime.fromisoformat(on_air) + timedelta(minutes=minutes)
    with ctx.ws.write():
        event_repo.insert_event(ctx.ws, Event(new_id(), sid, ts, kind, text, internal, Source.MANUAL, None,
                                              product_id=product_id), ctx.now())


def test_injection_strings_come_back_as_text_never_formulas(demo, tmp_path):
    sid = _sid(demo)
    for n, text in enumerate(INJECTIONS):
        _insert_event(demo, sid, text, minutes=10 + n)
    with demo.ws.write():
        demo.ws.conn.execute("UPDATE products SET name = '=cmd|'' /C calc''!A0' WHERE session_id = ? AND position = 0",
                             (sid,))
        demo.ws.conn.execute("UPDATE reviews SET fields_json = ? WHERE session_id = ?",
                             (dumps({"values": {"summary": "=1+1 总结", "internal_notes": "x"},
                                     "client_facing": {}}), sid))
    out = tmp_path / "inj.xlsx"
    _export(demo, sid, out, variant="client")
    text = sheet_xml(out)
    assert "<f>" not in text and "<f " not in text
    wb = openpyxl.load_workbook(out)
    found = {}
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if isinstance(c.value, str):
                    found[c.value] = c
    for s in INJECTIONS + ["=cmd|' /C calc'!A0", "=1+1 总结"]:
        assert s in found, s
        assert found[s].data_type == "s"
        assert found[s].quotePrefix


def test_client_file_contains_no_internal_text_anywhere(demo, tmp_path):
    sid = _sid(demo)
    _insert_event(demo, sid, "内部机密：主播迟到扣款", internal=True)
    _insert_event(demo, sid, "违禁词提醒 SECRET-42", internal=True, kind=EventKind.COMPLIANCE)
    with demo.ws.write():
        demo.ws.conn.execute(
            "INSERT INTO action_items (id, session_id, text, owner, client_visible, done, created_at, modified_at)"
            " VALUES (?, ?, '内部行动项：扣主播绩效', '组长', 0, 0, '2026-11-26T00:00:00.000Z', '2026-11-26T00:00:00.000Z')",
            (new_id(), sid))
        demo.ws.conn.execute("UPDATE checklist_runs SET note = '内部跑单备注 NOTE-7' WHERE session_id = ?", (sid,))
    internal = [r[0] for r in demo.ws.query("SELECT text FROM events WHERE session_id = ? AND internal = 1", (sid,))]
    hidden_items = [r[0] for r in demo.ws.query(
        "SELECT text_zh FROM session_items WHERE session_id = ? AND client_visible = 0", (sid,))]
    review = demo.ws.query_one("SELECT fields_json FROM reviews WHERE session_id = ?", (sid,))[0]
    import json

    fields = json.loads(review)["values"]
    hidden_fields = [fields[k] for k in ("internal_notes", "script", "scene_equipment") if k in fields]
    assert len(hidden_fields) == 3
    secrets = internal + hidden_items + hidden_fields
    secrets += ["内部行动项：扣主播绩效", "内部跑单备注 NOTE-7", "李运营"]
    out = tmp_path / "client.xlsx"
    _export(demo, sid, out, variant="client")
    raw = all_text(out)
    cells = "\n".join(cell_strings(openpyxl.load_workbook(out)))
    for s in secrets:
        assert s not in raw, s
        assert s not in cells, s
    assert fields["summary"] in cells  # the client-facing summary is there
    inside = tmp_path / "internal.xlsx"
    _export(demo, sid, inside, variant="internal")
    raw_internal = all_text(inside)
    for s in ["内部机密：主播迟到扣款", fields["internal_notes"], "内部行动项：扣主播绩效"]:
        assert s in raw_internal


def _two_clients(ctx, sid):
    """Give the session a second client's products with their own product-switch windows."""
    other, _ = roster.create_client(ctx, "暖阳食品")
    on_air = datetime.fromisoformat(ctx.ws.query_one("SELECT on_air_utc FROM sessions WHERE id = ?", (sid,))[0])
    pid = new_id()
    with ctx.ws.write():
        ctx.ws.conn.execute(
            "INSERT INTO products (id, session_id, client_id, name, sku, price, stock, position, created_at, modified_at)"
            " VALUES (?, ?, ?, '牛肉干礼盒 OTHER-SKU', 'X1', 8800, 300, 99, '2026-11-26T00:00:00.000Z',"
            " '2026-11-26T00:00:00.000Z')", (pid, sid, other.id))
        event_repo.insert_event(ctx.ws, Event(new_id(), sid, on_air + timedelta(minutes=95), EventKind.PRODUCT,
                                              "过款 牛肉干 OTHER-EVENT", False, Source.MANUAL, None, product_id=pid),
                                ctx.now())
    return other.id, pid


def test_multi_client_session_gives_each_client_only_its_own_products(demo, tmp_path):
    sid = _sid(demo)
    other, _ = _two_clients(demo, sid)
    primary = demo.ws.query_one("SELECT client_id FROM sessions WHERE id = ?", (sid,))[0]
    with pytest.raises(ValidationError) as e:
        _export(demo, sid, tmp_path / "x.xlsx", variant="client")
    assert e.value.key == "error.export.choose_client"
    out_a = tmp_path / "a.xlsx"
    _export(demo, sid, out_a, variant="client", client_id=primary)
    wb = openpyxl.load_workbook(out_a)
    assert "时间线" not in wb.sheetnames and "图表" not in wb.sheetnames  # no session-wide numbers
    raw = all_text(out_a)
    assert "OTHER-SKU" not in raw and "OTHER-EVENT" not in raw
    assert "多客户专场" in raw
    products = [r[0].value for r in wb["商品"].iter_rows(min_row=2)]
    own = [r[0] for r in demo.ws.query("SELECT name FROM products WHERE session_id = ? AND client_id = ?",
                                       (sid, primary))]
    assert sorted(products) == sorted(own)
    out_b = tmp_path / "b.xlsx"
    _export(demo, sid, out_b, variant="client", client_id=other)
    wb_b = openpyxl.load_workbook(out_b)
    rows_b = list(wb_b["商品"].iter_rows(min_row=2, values_only=True))
    assert [r[0] for r in rows_b] == ["牛肉干礼盒 OTHER-SKU"]
    assert rows_b[0][4] == 1 and rows_b[0][6] is not None  # one window, its GMV derived from the timeline
    for name in own:
        assert name not in all_text(out_b)
    # session-wide totals only by a lead's choice
    with pytest.raises(LiveOpsError) as e:
        _export(demo, sid, tmp_path / "c.xlsx", variant="client", client_id=other, allow_session_totals=True)
    assert e.value.key == "error.export.totals_lead_only"
    lead = demo.ws.query_one("SELECT id FROM people WHERE role = ?", (str(PersonRole.LEAD),))[0]
    demo.actor_id = lead
    out_c = tmp_path / "c.xlsx"
    _export(demo, sid, out_c, variant="client", client_id=other, allow_session_totals=True)
    assert "时间线" in openpyxl.load_workbook(out_c).sheetnames


def test_unsigned_review_needs_confirmation_and_marks_the_file_draft(demo, tmp_path):
    sid = closed_sessions(demo)[0]
    approve(demo, sid, "submitted")
    out = tmp_path / "draft.xlsx"
    with pytest.raises(LiveOpsError) as e:
        _export(demo, sid, out, variant="client", signed=False)
    assert e.value.key == "error.export.unsigned"
    assert not out.exists()
    assert demo.ws.query_one("SELECT count(*) FROM exports")[0] == 0
    result = _export(demo, sid, out, variant="client", allow_draft=True)
    assert result.draft
    summary = openpyxl.load_workbook(out)["概览"]
    assert "未审核 (draft)" in summary["A2"].value
    assert summary["A2"].font.color.rgb.endswith("C00000")
    assert demo.ws.query_one("SELECT draft FROM exports")[0] == 1
    # the internal variant is never a draft
    assert not _export(demo, sid, tmp_path / "i.xlsx", variant="internal").draft


def test_client_export_is_recorded_and_ticks_the_client_export_item(demo, tmp_path):
    sid = _sid(demo)
    with demo.ws.write():
        demo.ws.conn.execute("UPDATE checklist_runs SET status = 'open', done_at = NULL WHERE session_id = ?"
                             " AND item_key = 'post.h24.client_export'", (sid,))
        demo.ws.conn.execute("UPDATE sessions SET status = 'post' WHERE id = ?", (sid,))
    out = tmp_path / "rec.xlsx"
    result = _export(demo, sid, out, variant="client")
    row = demo.ws.query_one("SELECT * FROM exports")
    assert row["variant"] == "client" and row["by_id"] == demo.actor_id and row["file_name"] == "rec.xlsx"
    import hashlib

    assert row["sha256"] == hashlib.sha256(out.read_bytes()).hexdigest() == result.sha256
    assert row["session_ids_json"] == f'["{sid}"]'
    run = demo.ws.query_one("SELECT status FROM checklist_runs WHERE session_id = ? AND item_key ="
                            " 'post.h24.client_export'", (sid,))
    assert run["status"] == "done"
    assert sid in result.changes.checklists


def _existing(tmp_path):
    target = tmp_path / "report.xlsx"
    target.write_bytes(b"previous report")
    return target


def _no_temp_left(folder):
    return [p.name for p in folder.iterdir() if p.name.startswith(".~")] == []


def test_target_locked_by_excel_leaves_existing_file_and_records_nothing(demo, tmp_path, monkeypatch):
    sid = _sid(demo)
    target = _existing(tmp_path)

    def locked(src, dst):
        raise PermissionError(errno.EACCES, "The process cannot access the file", str(dst))

    monkeypatch.setattr(export_files, "_replace", locked)
    with pytest.raises(FileLocked) as e:
        _export(demo, sid, target, variant="internal")
    assert "Excel/WPS" in e.value.text()
    assert target.read_bytes() == b"previous report"
    assert _no_temp_left(tmp_path)
    assert demo.ws.query_one("SELECT count(*) FROM exports")[0] == 0


class _FullDisk:
    def __init__(self, fh, after: int) -> None:
        self.fh, self.left = fh, after

    def write(self, data):
        self.left -= len(data)
        if self.left < 0:
            raise OSError(errno.ENOSPC, "No space left on device")
        return self.fh.write(data)

    def __getattr__(self, name):
        return getattr(self.fh, name)


def test_full_disk_gives_a_clear_message_and_keeps_the_existing_file(demo, tmp_path, monkeypatch):
    sid = _sid(demo)
    target = _existing(tmp_path)
    real = export_files._open_temp

    def open_full(folder, name):
        fh, tmp = real(folder, name)
        return _FullDisk(fh, 20_000), tmp

    monkeypatch.setattr(export_files, "_open_temp", open_full)
    with pytest.raises(DiskFull) as e:
        _export(demo, sid, target, variant="internal")
    assert "磁盘已满" in e.value.text()
    assert target.read_bytes() == b"previous report"
    assert _no_temp_left(tmp_path)


@pytest.mark.parametrize("exc", [OSError(errno.EROFS, "Read-only file system"),
                                 PermissionError(errno.EACCES, "Permission denied")])
def test_read_only_folder_gives_a_clear_message(demo, tmp_path, monkeypatch, exc):
    sid = _sid(demo)
    target = _existing(tmp_path)

    def refuse(folder, name):
        raise exc

    monkeypatch.setattr(export_files, "_open_temp", refuse)
    with pytest.raises(ReadOnly) as e:
        _export(demo, sid, target, variant="internal")
    assert "只读" in e.value.text() and str(tmp_path) in e.value.text()
    assert "read-only" in e.value.text("en")
    assert target.read_bytes() == b"previous report"


def test_cancel_writes_nothing(demo, tmp_path):
    sid = _sid(demo)
    out = tmp_path / "c.xlsx"
    calls = iter(range(1000))
    with pytest.raises(LiveOpsError) as e:
        export_session(demo, sid, out, ExportOptions(variant="internal"), cancelled=lambda: next(calls) >= 2)
    assert e.value.key == "error.export.cancelled"
    assert not out.exists() and _no_temp_left(tmp_path)


def test_interval_choice_and_sample_rate_floor(demo, tmp_path):
    sid = _sid(demo)
    out = tmp_path / "i.xlsx"
    _export(demo, sid, out, variant="internal", interval_s=900, sheets=frozenset({"timeline"}))
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["概览", "时间线"]
    times = [r[0].value for r in wb["时间线"].iter_rows(min_row=2)]
    assert times[1] - times[0] == timedelta(minutes=15)
    with pytest.raises(ValidationError) as e:
        _export(demo, sid, out, variant="internal", interval_s=5)
    assert e.value.key == "error.export.interval_too_fine" and "10" in e.value.text()
    _export(demo, sid, out, variant="internal", interval_s=10, sheets=frozenset({"charts"}))
    wb = openpyxl.load_workbook(out)
    assert wb["时间线"]["A2"].number_format == "yyyy-mm-dd hh:mm:ss"


def test_english_headers_and_currency_formats_follow_the_session(demo, tmp_path):
    sid = _sid(demo)
    with demo.ws.write():
        demo.ws.conn.execute("UPDATE sessions SET currency = 'IDR' WHERE id = ?", (sid,))
    out = tmp_path / "en.xlsx"
    _export(demo, sid, out, variant="client", lang="en")
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["Summary", "Timeline", "Events", "Checklist", "Products", "Review", "Charts",
                             "Definitions"]
    rows = {r[1].value: r for r in wb["Summary"].iter_rows() if len(r) > 3 and r[1].value}
    assert rows["gmv"][3].number_format == '"Rp"#,##0;-"Rp"#,##0'
    assert rows["gmv"][0].value == "GMV (paid)"
    header = [c.value for c in wb["Timeline"][1]]
    assert "GMV (paid) gmv (paid) · cumulative · Real-time provisional (IDR)" in header or any(
        h.startswith("GMV (paid) gmv (paid) · cumulative") and h.endswith("(IDR)") for h in header)


def test_interpolated_cells_are_numbers_marked_with_a_tilde(demo, tmp_path):
    sid = _sid(demo)
    on_air = datetime.fromisoformat(demo.ws.query_one("SELECT on_air_utc FROM sessions WHERE id = ?", (sid,))[0])
    # drop the sample that sits exactly on minute 10, so that boundary is interpolated
    ts = (on_air + timedelta(minutes=10)).strftime("%Y-%m-%dT%H:%M:%S.000Z")
    with demo.ws.write():
        demo.ws.conn.execute("DELETE FROM metric_samples WHERE session_id = ? AND metric_key = 'gmv' AND ts_utc = ?",
                             (sid, ts))
    out = tmp_path / "t.xlsx"
    _export(demo, sid, out, variant="internal", sheets=frozenset({"timeline"}))
    tl = openpyxl.load_workbook(out)["时间线"]
    header = [c.value for c in tl[1]]
    col = next(i for i, h in enumerate(header) if h.startswith("成交金额") and "累计" in h) + 1
    cell = tl.cell(12, col)
    assert isinstance(cell.value, float) and cell.number_format.startswith('"~"')
    assert not tl.cell(13, col).number_format.startswith('"~"')


def test_unknown_session_and_bad_options_are_refused(demo, tmp_path):
    with pytest.raises(LiveOpsError):
        _export(demo, "nope", tmp_path / "x.xlsx")
    sid = _sid(demo)
    for kw in ({"variant": "public"}, {"lang": "fr"}, {"interval_s": 0}, {"sheets": frozenset({"pivot"})}):
        with pytest.raises(ValidationError):
            _export(demo, sid, tmp_path / "x.xlsx", **kw)
    with pytest.raises(LiveOpsError) as e:
        _export(demo, sid, tmp_path, variant="internal")
    assert e.value.key == "error.export.is_folder"


def test_openpyxl_is_not_imported_at_start_up():
    import subprocess
    import sys

    code = ("import sys, desktop_app.cli, desktop_app.services.export, desktop_app.services.export.session;"
            " print('openpyxl' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_exports_table_is_untouched_by_a_failed_sqlite_write(demo, tmp_path, monkeypatch):
    """A failure while recording rolls the rename back too: the target is not replaced."""
    sid = _sid(demo)
    target = _existing(tmp_path)
    from desktop_app.storage import exports as repo

    def broken(*a, **k):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(repo, "record_export", broken)
    with pytest.raises(DiskFull):
        _export(demo, sid, target, variant="internal")
    assert target.read_bytes() == b"previous report"


def _png(width: int, height: int) -> bytes:
    """A real PNG (orange with a blue bar), written without Pillow."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    rows = b"".join(b"\x00" + b"".join(b"\x20\x40\xc0" if y < height // 3 else b"\xf0\x80\x20" for _ in range(width))
                    for y in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def test_logo_and_client_name_from_the_workspace_settings(demo, tmp_path):
    import zipfile

    from desktop_app.services.workspace_service import update_settings

    logo = tmp_path / "logo.png"
    logo.write_bytes(_png(240, 80))
    update_settings(demo, export_logo=str(logo), export_header_text="星河MCN & Partners")
    sid = _sid(demo)
    out = tmp_path / "logo.xlsx"
    _export(demo, sid, out, variant="client")
    with zipfile.ZipFile(out) as z:
        media = [n for n in z.namelist() if n.startswith("xl/media/")]
        assert len(media) == 1 and z.read(media[0]) == logo.read_bytes()
        drawing = z.read("xl/drawings/drawing1.xml").decode()
        assert "<pic>" in drawing and "<blip" in drawing
        assert "<from><col>5</col>" in drawing  # top right of the Summary sheet (F1)
        assert f'cx="{180 * 9525}" cy="{60 * 9525}"' in drawing  # scaled to 60 px high, aspect kept
        rels = z.read("xl/worksheets/_rels/sheet1.xml.rels").decode()
        assert "drawing1.xml" in rels  # on the Summary sheet (the first)
    wb = openpyxl.load_workbook(out)  # opens (openpyxl reads images back only with Pillow installed)
    client = demo.ws.query_one("SELECT c.name FROM sessions s JOIN clients c ON c.id = s.client_id WHERE s.id = ?",
                               (sid,))[0]
    for ws in wb.worksheets:
        assert ws.oddHeader.center.text == client
        assert ws.oddHeader.left.text == "星河MCN && Partners"  # & escaped: it starts a header code
    update_settings(demo, export_logo=str(tmp_path / "missing.png"))
    _export(demo, sid, out, variant="client")  # a logo that went missing: the file is still written
    with zipfile.ZipFile(out) as z:
        assert not [n for n in z.namelist() if n.startswith("xl/media/")]


def test_branding_accepts_a_png_and_refuses_anything_else_without_changing_settings(demo, tmp_path):
    from desktop_app.services.export.branding import branding, set_branding

    logo = tmp_path / "logo.png"
    logo.write_bytes(_png(40, 20))
    set_branding(demo, logo=logo, header_text="  星河MCN  ")
    assert branding(demo) == (str(logo.resolve()), "星河MCN")
    fake = tmp_path / "logo.jpg"
    fake.write_bytes(b"\xff\xd8\xff\xe0 not a png")
    for bad, key in ((fake, "error.export.logo_not_png"), (tmp_path / "gone.png", "error.export.logo_unreadable")):
        with pytest.raises(LiveOpsError) as e:
            set_branding(demo, logo=bad, header_text="other")
        assert e.value.key == key
    assert branding(demo) == (str(logo.resolve()), "星河MCN")
    set_branding(demo, logo=None, header_text="")
    assert branding(demo) == (None, "")


def test_date_columns_are_wide_enough_for_date_and_time(demo, tmp_path):
    sid = _sid(demo)
    out = tmp_path / "w.xlsx"
    _export(demo, sid, out, variant="client", lang="en")
    wb = openpyxl.load_workbook(out)
    events = wb["Events"]
    assert events["A2"].number_format == "yyyy-mm-dd hh:mm:ss"
    assert events.column_dimensions["A"].width >= 20  # 19 characters; narrower shows ### in every viewer
