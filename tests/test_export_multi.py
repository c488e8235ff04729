"""Multi-session report, CSV tables and the `liveops export` command."""

from __future__ import annotations

import csv
from datetime import date

import openpyxl
import pytest
from export_helpers import NS, all_text, approve, chart_parts, closed_sessions, open_demo

from desktop_app.cli import main
from desktop_app.domain.errors import LiveOpsError
from desktop_app.services.export.multi import MultiOptions, export_multi


@pytest.fixture
def demo(demo_copy, clock):
    ctx = open_demo(demo_copy, clock)
    yield ctx
    ctx.ws.close()


RANGE = {"start": date(2026, 11, 20), "end": date(2026, 11, 30)}


def test_multi_session_report_rows_subtotals_per_currency_and_trend_chart(demo, tmp_path):
    sids = closed_sessions(demo)
    with demo.ws.write():
        demo.ws.conn.execute("UPDATE sessions SET currency = 'USD' WHERE id = ?", (sids[0],))
        demo.ws.conn.execute("UPDATE session_summaries SET currency = 'USD' WHERE session_id = ?", (sids[0],))
    out = tmp_path / "multi.xlsx"
    result = export_multi(demo, out, MultiOptions(**RANGE, csv=True))
    assert result.count == len(demo.ws.query("SELECT id FROM sessions WHERE status != 'cancelled'"))
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["场次", "小计", "趋势", "口径"]
    rows = list(wb["场次"].iter_rows(min_row=2, values_only=False))
    by_id = {r[-1].value: r for r in rows if r[-1].value}
    usd = by_id[sids[0]]
    header = [c.value for c in wb["场次"][1]]
    gmv_col = next(i for i, h in enumerate(header) if h.startswith("成交金额"))
    assert usd[gmv_col].number_format.startswith('"$"')
    assert by_id[sids[1]][gmv_col].number_format.startswith('"¥"')
    assert isinstance(by_id[sids[1]][gmv_col].value, float)
    subtotals = list(wb["小计"].iter_rows(min_row=2, values_only=True))
    currency_rows = {r[2]: r for r in subtotals if r[0] == "币种合计"}
    assert set(currency_rows) == {"USD", "CNY"}  # never one total across currencies
    cny_sum = sum(by_id[s][gmv_col].value for s in sids[1:])
    assert currency_rows["CNY"][4] == pytest.approx(cny_sum)
    assert currency_rows["USD"][4] == pytest.approx(usd[gmv_col].value)
    anchors = [r for r in subtotals if r[0] == "主播"]
    assert all(r[2] in ("CNY", "USD") for r in anchors)
    charts = chart_parts(out)
    assert len(charts) == 1
    sers = charts[0].findall(".//c:ser", NS)
    assert len(sers) == 2  # one GMV line per currency
    for ser in sers:
        assert ser.find("c:val/c:numRef/c:numCache/c:pt", NS) is not None
        assert ser.find("c:cat/c:numRef/c:numCache/c:pt", NS) is not None
    assert [p.name for p in result.csv_paths] == ["multi.sessions.csv", "multi.subtotals.csv", "multi.trend.csv",
                                                  "multi.definitions.csv"]
    raw = result.csv_paths[0].read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    table = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert table[0][0] == "日期" and len(table) == len(by_id) + 1
    assert demo.ws.query_one("SELECT variant, session_ids_json FROM exports")[0] == "internal"


def test_multi_client_report_needs_a_client_and_hides_internal_columns(demo, tmp_path):
    with pytest.raises(LiveOpsError) as e:
        export_multi(demo, tmp_path / "x.xlsx", MultiOptions(**RANGE, variant="client"))
    assert e.value.key == "error.export.multi_client_variant"
    client = demo.ws.query_one("SELECT id FROM clients ORDER BY name LIMIT 1")[0]
    out = tmp_path / "c.xlsx"
    export_multi(demo, out, MultiOptions(**RANGE, variant="client", client_id=client))
    header = [c.value for c in openpyxl.load_workbook(out)["场次"][1]]
    assert "合规率" not in header and "运营" not in header
    others = [r[0] for r in demo.ws.query("SELECT title FROM sessions WHERE client_id != ?", (client,))]
    text = all_text(out)
    assert others and not any(t in text for t in others)


def test_csv_cells_that_look_like_formulas_are_escaped(demo, tmp_path):
    sid = closed_sessions(demo)[0]
    with demo.ws.write():
        demo.ws.conn.execute("UPDATE sessions SET title = '=2+3 福利场' WHERE id = ?", (sid,))
        demo.ws.conn.execute("UPDATE session_summaries SET title = '=2+3 福利场' WHERE session_id = ?", (sid,))
    result = export_multi(demo, tmp_path / "m.xlsx", MultiOptions(**RANGE, csv=True))
    text = result.csv_paths[0].read_text(encoding="utf-8-sig")
    assert "'=2+3 福利场" in text and ",=2+3" not in text
    wb = openpyxl.load_workbook(tmp_path / "m.xlsx")
    cell = next(c for row in wb["场次"].iter_rows() for c in row if c.value == "=2+3 福利场")
    assert cell.data_type == "s"


def test_empty_range_and_reversed_dates_are_refused(demo, tmp_path):
    with pytest.raises(LiveOpsError) as e:
        export_multi(demo, tmp_path / "x.xlsx", MultiOptions(start=date(2020, 1, 1), end=date(2020, 1, 2)))
    assert e.value.key == "error.export.no_sessions"
    with pytest.raises(LiveOpsError):
        export_multi(demo, tmp_path / "x.xlsx", MultiOptions(start=date(2026, 11, 30), end=date(2026, 11, 1)))
    assert not (tmp_path / "x.xlsx").exists()


def test_cli_session_export_draft_confirmation_and_exit_codes(demo_copy, clock, tmp_path, capsys):
    ctx = open_demo(demo_copy, clock)
    sid = closed_sessions(ctx)[0]
    approve(ctx, sid, "submitted")
    ctx.ws.close()
    out = tmp_path / "cli.xlsx"
    code = main(["export", str(demo_copy), "--session", sid[-8:], "--out", str(out)])
    assert code == 1 and not out.exists()
    assert "--allow-draft" in capsys.readouterr().err
    code = main(["export", str(demo_copy), "--session", sid, "--allow-draft", "--lang", "en", "--out", str(out)])
    assert code == 0
    printed = capsys.readouterr().out
    assert "Exported" in printed and "draft" in printed
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames[0] == "Summary" and "未审核 (draft)" in wb["Summary"]["A2"].value
    code = main(["export", str(demo_copy), "--session", sid, "--variant", "internal", "--interval", "300",
                 "--sheets", "summary,timeline", "--out", str(out)])
    assert code == 0 and openpyxl.load_workbook(out).sheetnames == ["概览", "时间线"]
    assert main(["export", str(demo_copy), "--out", str(out)]) == 2


def test_cli_multi_session_report_with_csv(demo_copy, tmp_path, capsys):
    out = tmp_path / "month.xlsx"
    code = main(["export", str(demo_copy), "--from", "2026-11-01", "--to", "2026-11-30", "--csv", "--out", str(out)])
    assert code == 0
    assert out.exists() and (tmp_path / "month.sessions.csv").exists()
    assert main(["export", str(demo_copy), "--from", "2026-13-01", "--to", "2026-11-30", "--out", str(out)]) == 1


def test_multi_report_definitions_name_every_metric_in_the_chosen_language(demo, tmp_path):
    out = tmp_path / "defs.xlsx"
    export_multi(demo, out, MultiOptions(**RANGE, lang="en"))
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["Sessions", "Subtotals", "Trend", "Definitions"]
    rows = list(wb["Definitions"].iter_rows(values_only=True))
    assert rows[0][:5] == ("Metric", "Key", "Kind", "Unit", "Formula")
    keys = {r[1] for r in rows[1:]}
    header = " ".join(str(c.value) for c in wb["Sessions"][1])
    used = {k for k in keys if k and k not in ("compliance_rate", "duration_seconds")}
    assert all(f" {k}" in header for k in used)  # every defined metric is a column, and ...
    from desktop_app.services.export.multi import SESSION_KPIS

    assert set(SESSION_KPIS) | {"duration_seconds", "compliance_rate"} <= keys  # ... every column is defined
    by_key = {r[1]: r for r in rows[1:]}
    assert by_key["uv_value"][4] == "gmv / uv" and by_key["gmv"][3] == "session's currency"
    assert by_key["view_to_order_rate"][6].startswith("Session summary")
    assert not any("\u4e00" <= ch <= "\u9fff" for r in rows for v in r if isinstance(v, str) for ch in v)


def test_multi_report_uses_the_history_views_filters(demo, tmp_path):
    from desktop_app.services.history import HistoryFilter, history

    sids = closed_sessions(demo)
    title = demo.ws.query_one("SELECT title FROM sessions WHERE id = ?", (sids[0],))[0]
    approve(demo, sids[0], "approved")
    f = HistoryFilter(date_from=RANGE["start"], date_to=RANGE["end"], signoff="approved", text=title[:4])
    shown = {r[0] for r in history(demo, f)}
    assert sids[0] in shown and len(shown) < len(sids)
    out = tmp_path / "h.xlsx"
    result = export_multi(demo, out, MultiOptions(**RANGE, signoff="approved", text=title[:4]))
    ids = {r[-1] for r in openpyxl.load_workbook(out)["场次"].iter_rows(min_row=2, values_only=True) if r[-1]}
    assert ids == shown and result.count == len(shown)


def test_cli_multi_report_takes_the_history_filters(demo_copy, clock, tmp_path, capsys):
    ctx = open_demo(demo_copy, clock)
    sid = closed_sessions(ctx)[0]
    approve(ctx, sid, "approved")
    anchor, platform = ctx.ws.query_one("SELECT anchor_id, platform FROM sessions WHERE id = ?", (sid,))
    ctx.ws.close()
    out = tmp_path / "f.xlsx"
    code = main(["export", str(demo_copy), "--from", "2026-11-01", "--to", "2026-11-30", "--signoff", "approved",
                 "--anchor", anchor, "--platform", platform, "--status", "closed", "--out", str(out)])
    assert code == 0
    ids = [r[-1] for r in openpyxl.load_workbook(out)["场次"].iter_rows(min_row=2, values_only=True) if r[-1]]
    assert ids == [sid]
    code = main(["export", str(demo_copy), "--from", "2026-11-01", "--to", "2026-11-30", "--text", "no such title",
                 "--out", str(tmp_path / "none.xlsx")])
    assert code == 1 and not (tmp_path / "none.xlsx").exists()
