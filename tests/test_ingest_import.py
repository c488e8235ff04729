"""Importing messy platform exports end to end: values, sessions, idempotency, rejection, safety."""

from __future__ import annotations

import hashlib
import json
import shutil
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from desktop_app.cli import main as cli_main
from desktop_app.domain.enums import EventKind, SessionOrigin, SessionStatus
from desktop_app.services import event_log, lifecycle, metrics_entry
from desktop_app.services.ingest import importer
from desktop_app.services.ingest.importer import ImportCancelled
from desktop_app.services.ingest.reader import FileRejected
from desktop_app.storage import roster as roster_repo
from desktop_app.storage import summaries

DATA = Path(__file__).parent / "data" / "ingest"
AFTER = datetime(2026, 11, 27, 4, 0, tzinfo=UTC)


def samples(ctx, session_id, provisional=None):
    sql = "SELECT metric_key, value, provisional, as_of, ts_utc, product_id FROM metric_samples WHERE session_id = ?"
    rows = ctx.ws.query(sql + " ORDER BY ts_utc, metric_key", (session_id,))
    return [dict(r) for r in rows if provisional is None or r["provisional"] == provisional]


def settled(ctx, session_id) -> dict:
    return {r["metric_key"]: r["value"] for r in samples(ctx, session_id, provisional=0)}


def db_digest(ctx) -> str:
    ctx.ws.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return hashlib.sha256(Path(ctx.ws.path).read_bytes()).hexdigest()


def do_import(ctx, name, **kw):
    run_kw = {k: kw.pop(k) for k in ("strict", "dry_run", "cancelled", "progress") if k in kw}
    insp = importer.inspect(ctx, DATA / name, **kw)
    return importer.run(ctx, insp, anchor_id=kw.get("anchor_id"), session_id=kw.get("session_id"), **run_kw)


@pytest.fixture
def later(ctx, clock):
    clock.set(AFTER)
    return ctx


def test_douyin_list_with_bom_title_rows_units_totals_and_pii(later):
    ctx = later
    r = do_import(ctx, "douyin_sessions_utf8bom.csv")
    insp = r.inspection
    assert insp.table.encoding == "utf-8-sig" and insp.header_row == 4
    assert insp.preset.name == "douyin_compass_sessions"
    assert insp.as_of == date(2026, 11, 25)  # end of the title's date range
    pii = [c for c in insp.columns if c.header == "买家昵称"][0]
    assert pii.pii and pii.key is None  # buyer nicknames are never imported by default
    assert r.counts == {"accepted": 3, "rejected": 1, "skipped": 3}  # blank, repeated header, total
    assert [(x.row, x.column, x.value) for x in r.rejected] == [(10, "开播时间", "bad-date")]
    assert r.committed and sorted(r.sessions.values()) == ["created"] * 3
    rows = ctx.ws.query("SELECT * FROM sessions ORDER BY on_air_utc")
    assert [x["status"] for x in rows] == ["closed"] * 3
    assert {x["origin"] for x in rows} == {str(SessionOrigin.IMPORTED)}
    assert rows[0]["anchor_id"] == ctx.fixture["anchor"].id  # matched by the 抖音号 column
    assert rows[0]["title"] == "双十一返场"
    assert rows[0]["on_air_utc"] == "2026-11-20T12:00:00.000Z" and rows[0]["off_air_utc"] == "2026-11-20T15:00:00.000Z"
    first, second, third = (settled(ctx, x["id"]) for x in rows)
    assert first == {"gmv": 1234560, "orders": 120, "uv": 12000, "peak_online_reported": 860,
                     "avg_watch_seconds_reported": 90, "product_ctr_reported": pytest.approx(0.123)}
    assert second["gmv"] == 800000 and "peak_online_reported" not in second  # "-" is NULL, never 0
    assert "peak_online_reported" not in third  # "--" too
    assert third["gmv"] == 1500000 and third["uv"] == 23456 and third["avg_watch_seconds_reported"] == 120
    assert {r["as_of"] for r in samples(ctx, rows[0]["id"])} == {"2026-11-25"}
    rec = ctx.ws.query_one("SELECT file_name, sha256, counts_json FROM imports")
    assert rec["file_name"] == "douyin_sessions_utf8bom.csv" and json.loads(rec["counts_json"])["accepted"] == 3
    assert "买家" not in json.dumps([dict(x) for x in ctx.ws.query("SELECT * FROM metric_samples")], ensure_ascii=False)


def test_reimport_changes_nothing_byte_for_byte(later):
    ctx = later
    do_import(ctx, "douyin_sessions_utf8bom.csv")
    before = db_digest(ctx)
    r = do_import(ctx, "douyin_sessions_utf8bom.csv")
    assert not r.committed and set(r.sessions.values()) == {"unchanged"}
    assert db_digest(ctx) == before
    assert ctx.ws.query_one("SELECT count(*) FROM imports")[0] == 1


@pytest.mark.parametrize("name,key", [
    ("binary_renamed.csv", "error.ingest.binary"),
    ("no_header.csv", "error.ingest.no_header"),
    ("header_only.csv", "error.ingest.no_rows"),
    ("truncated.xlsx", "error.ingest.xlsx_damaged"),
    ("zip_bomb.xlsx", "error.ingest.too_large"),
])
def test_rejected_files_leave_the_workspace_byte_for_byte_unchanged(later, name, key):
    before = db_digest(later)
    with pytest.raises(FileRejected) as err:
        do_import(later, name, anchor_id=later.fixture["anchor"].id)
    assert err.value.key == key
    assert name in err.value.text("en") and name in err.value.text("zh_CN")
    assert db_digest(later) == before
    assert later.ws.query_one("PRAGMA foreign_keys")[0] == 1  # switched off only inside the import


def test_strict_rejects_the_whole_file(later):
    before = db_digest(later)
    with pytest.raises(FileRejected) as err:
        do_import(later, "douyin_sessions_utf8bom.csv", strict=True)
    assert err.value.key == "error.ingest.strict" and err.value.result.rejected[0].row == 10
    assert db_digest(later) == before


def test_cancel_commits_nothing(later):
    before = db_digest(later)
    with pytest.raises(ImportCancelled):
        do_import(later, "douyin_sessions_utf8bom.csv", cancelled=lambda: True)
    assert db_digest(later) == before


def test_dry_run_reports_but_writes_nothing(later):
    before = db_digest(later)
    r = do_import(later, "douyin_sessions_utf8bom.csv", dry_run=True)
    assert r.counts["accepted"] == 3 and not r.committed
    assert [s["id"] for s in r.to_json()["sessions"]] == [None, None, None]
    assert db_digest(later) == before


def test_gbk_semicolons_w_suffix_and_new_anchor_for_unknown_account(later):
    ctx = later
    r = do_import(ctx, "kuaishou_sessions_gbk.csv")
    assert r.inspection.table.encoding == "gb18030" and r.inspection.table.delimiter == ";"
    a = [x for x in roster_repo.list_anchors(ctx.ws) if x.account_id == "ks_dalong"][0]
    assert a.platform == "kuaishou"
    assert roster_repo.active_assignment(ctx.ws, a.id).specialist_id == ctx.actor_id
    rows = ctx.ws.query("SELECT id FROM sessions WHERE anchor_id = ? ORDER BY on_air_utc", (a.id,))
    first, second = (settled(ctx, x["id"]) for x in rows)
    assert first == {"gmv": 3200000, "orders": 210, "uv": 56000, "new_followers": 320, "ad_spend": 120000}
    assert second == {"gmv": 210000, "orders": 30, "new_followers": 15}
    assert r.changes.roster


def test_no_anchor_anywhere_is_refused_asking_for_anchor(later):
    with pytest.raises(FileRejected) as err:
        do_import(later, "minutes_tab_comma_decimal.csv")
    assert err.value.key == "error.ingest.anchor_needed"
    assert "--anchor" in err.value.text("en")


def test_unicode_text_tabs_rupiah_dot_thousands_bare_percent(later):
    ctx = later
    r = do_import(ctx, "tiktok_live_unicode.txt", anchor_id=ctx.fixture["anchor"].id)
    assert r.inspection.table.encoding == "utf-16" and r.inspection.table.delimiter == "\t"
    ctr = [c for c in r.inspection.columns if c.header == "CTR"][0]
    assert ctr.decision.percent_mode == "percent" and ctr.key == "product_ctr_reported"
    rows = ctx.ws.query("SELECT * FROM sessions ORDER BY on_air_utc")
    assert [x["currency"] for x in rows] == ["IDR"] * 3
    assert rows[0]["on_air_utc"] == "2026-11-20T12:00:00.000Z"  # 8:00 PM in the anchor's zone
    assert rows[0]["off_air_utc"] == "2026-11-20T13:02:03.000Z"  # + 1h 2m 3s
    first = settled(ctx, rows[0]["id"])
    assert first["gmv"] == 123456700 and first["uv"] == 3400
    assert first["product_ctr_reported"] == pytest.approx(0.125)
    assert settled(ctx, rows[2]["id"])["gmv"] == 1250000000


def test_minute_rows_into_the_live_session(ctx, clock):
    clock.set(datetime(2026, 11, 26, 11, 59, tzinfo=UTC))
    s, _ = lifecycle.start_now(ctx, anchor_id=ctx.fixture["anchor"].id, title="今晚")
    clock.set(datetime(2026, 11, 26, 12, 30, tzinfo=UTC))
    r = do_import(ctx, "minutes_tab_comma_decimal.csv", session_id=s.id)
    assert r.inspection.kind == "timeseries" and r.counts["accepted"] == 10
    gmv = [x for x in samples(ctx, s.id) if x["metric_key"] == "gmv"]
    assert gmv[0]["ts_utc"] == "2026-11-26T12:00:00.000Z" and gmv[0]["provisional"] == 1
    assert gmv[1]["value"] == 37035  # "370,35" with a comma decimal point
    assert gmv[-1]["value"] == pytest.approx(678975)  # "6 789,75": space thousands
    assert r.sessions == {s.id: "updated"}


def test_minute_rows_before_going_live_are_rejected_rows(ctx, clock):
    clock.set(datetime(2026, 11, 26, 12, 5, 30, tzinfo=UTC))
    s, _ = lifecycle.start_now(ctx, anchor_id=ctx.fixture["anchor"].id, title="晚开播")
    clock.set(datetime(2026, 11, 26, 12, 30, tzinfo=UTC))
    r = do_import(ctx, "minutes_tab_comma_decimal.csv", session_id=s.id)
    assert r.counts["accepted"] == 4 and r.counts["rejected"] == 6


def test_xlsx_merged_header_serial_rounding_percent_cells_and_skips(later):
    ctx = later
    r = do_import(ctx, "compass_minutes.xlsx", anchor_id=ctx.fixture["anchor"].id)
    insp = r.inspection
    assert insp.table.sheet == "分钟趋势" and insp.header_row == 4 and insp.header_rows_used == 2
    keys = {c.header: c.key for c in insp.columns}
    assert keys["时间"] == "ts" and keys["成交金额"] == "gmv" and keys["实时在线人数"] == "online_viewers"
    assert r.counts == {"accepted": 10, "rejected": 0, "skipped": 3}
    sid = next(iter(r.sessions))
    rows = samples(ctx, sid)
    times = sorted({x["ts_utc"] for x in rows})
    assert times[0] == "2026-11-26T12:00:00.000Z" and times[-1] == "2026-11-26T12:09:00.000Z"
    ctr = [x["value"] for x in rows if x["metric_key"] == "product_ctr_reported"]
    assert ctr[0] == pytest.approx(0.05)
    watch = [x["value"] for x in rows if x["metric_key"] == "avg_watch_seconds_reported"]
    assert watch[:2] == [90, 91]
    s = lifecycle.get(ctx, sid)
    assert s.status == SessionStatus.CLOSED and s.off_air_utc == datetime(2026, 11, 26, 12, 9, tzinfo=UTC)


def test_settlement_matches_session_supersedes_realtime_keeps_notes(ctx, clock):
    clock.set(datetime(2026, 11, 20, 12, 3, tzinfo=UTC))
    s, _ = lifecycle.start_now(ctx, anchor_id=ctx.fixture["anchor"].id, title="双十一返场")
    event_log.log_event(ctx, s.id, EventKind.NOTE, "主播嗓子哑了")
    clock.advance(hours=1)
    metrics_entry.record_snapshot(ctx, s.id, {"gmv": "9000", "orders": "100"})
    lifecycle.end_broadcast(ctx, s.id)
    clock.set(AFTER)
    notes_before = [dict(x) for x in ctx.ws.query("SELECT * FROM events ORDER BY id")]
    r = do_import(ctx, "douyin_sessions_utf8bom.csv")
    assert r.sessions[s.id] == "updated"
    summary = summaries.get_summary(ctx.ws, s.id)
    assert summary.kpis["gmv"].value == 1234560 and summary.kpis["gmv"].basis == "settled"
    assert summary.kpis["gmv"].as_of == "2026-11-25"
    assert [x["value"] for x in samples(ctx, s.id, provisional=1) if x["metric_key"] == "gmv"] == [900000]
    assert [dict(x) for x in ctx.ws.query("SELECT * FROM events ORDER BY id")] == notes_before
    # A later export with a corrected figure updates the imported settlement, never the manual one.
    audit = ctx.ws.query("SELECT action FROM audit_log WHERE session_id = ?", (s.id,))
    assert [a[0] for a in audit] == []  # the session was in post, not closed: no audit needed


def test_products_file_into_a_session(ctx, clock):
    clock.set(datetime(2026, 11, 20, 12, 0, tzinfo=UTC))
    s, _ = lifecycle.start_now(ctx, anchor_id=ctx.fixture["anchor"].id, title="货盘场")
    clock.advance(hours=2)
    lifecycle.end_broadcast(ctx, s.id)
    r = do_import(ctx, "douyin_products.csv", session_id=s.id)
    assert r.inspection.kind == "products" and r.counts == {"accepted": 2, "rejected": 0, "skipped": 1}
    products = ctx.ws.query("SELECT id, name, sku FROM products WHERE session_id = ? ORDER BY position", (s.id,))
    assert [(p["name"], p["sku"]) for p in products] == [("玻尿酸面膜", "sku-1"), ("防晒霜", "sku-2")]
    by_product = {(x["product_id"], x["metric_key"]): x["value"] for x in samples(ctx, s.id)}
    assert by_product[(products[0]["id"], "gmv")] == 897000
    phone = [c for c in r.inspection.columns if "手机" in c.header][0]
    assert phone.pii and phone.key is None


def test_mapping_is_remembered_per_header_signature(later):
    ctx = later
    insp = importer.inspect(ctx, DATA / "qianchuan_ads.csv", overrides={6: None})
    assert insp.preset.name == "douyin_qianchuan_ads"
    importer.run(ctx, insp)
    again = importer.inspect(ctx, DATA / "qianchuan_ads.csv")
    assert again.remembered and again.columns[6].key is None
    assert again.columns[2].key == "ad_spend" and again.columns[2].decision.locale == "dot"


def test_unknown_session_or_preset_is_a_usage_error(later, tmp_path):
    copy = tmp_path / "w.liveops"
    later.ws.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copy(later.ws.path, copy)
    assert cli_main(["import", str(copy), str(DATA / "qianchuan_ads.csv"), "--preset", "nope"]) == 2
    assert cli_main(["import", str(copy), str(DATA / "qianchuan_ads.csv"), "--anchor", "nobody"]) == 2


def test_cli_json_shape_and_exit_codes(later, tmp_path, capsys):
    later.ws.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    copy = tmp_path / "w.liveops"
    shutil.copy(later.ws.path, copy)
    args = ["import", str(copy), str(DATA / "douyin_sessions_utf8bom.csv"), "--json", "--as", "李运营"]
    assert cli_main(args + ["--dry-run"]) == 3
    out = json.loads(capsys.readouterr().out)
    assert set(out) >= {"file", "sha256", "encoding", "sheet", "preset", "header_row", "mapping", "counts",
                        "rejected", "sessions", "dry_run", "committed"}
    assert out["dry_run"] is True and out["committed"] is False and out["header_row"] == 4
    assert out["mapping"][0] == {"column": 1, "header": "抖音号", "key": "account", "unit": ""}
    assert out["rejected"][0]["row"] == 10 and out["rejected"][0]["column"] == "开播时间"
    assert cli_main(args) == 3
    out = json.loads(capsys.readouterr().out)
    assert out["committed"] is True and {s["action"] for s in out["sessions"]} == {"created"}
    assert cli_main(["import", str(copy), str(DATA / "qianchuan_ads.csv")]) == 0
    capsys.readouterr()
    assert cli_main(["import", str(copy), str(DATA / "binary_renamed.csv"), "--json"]) == 1
    out = json.loads(capsys.readouterr().out)
    assert out["committed"] is False and "binary_renamed.csv" in out["error"]
    assert set(out) >= {"file", "sha256", "mapping", "counts", "rejected", "sessions", "dry_run"}  # same shape
    assert out["counts"] == {"accepted": 0, "rejected": 0, "skipped": 0} and len(out["sha256"]) == 64
    assert cli_main(["import", str(copy), str(DATA / "douyin_sessions_utf8bom.csv"), "--strict"]) == 1


def test_preview_shows_parsed_values_and_errors(later):
    insp = importer.inspect(later, DATA / "douyin_sessions_utf8bom.csv")
    rows = importer.preview(insp)
    first = rows[0]
    gmv_col = [c.index for c in insp.columns if c.key == "gmv"][0]
    assert first.status == "data" and str(first.values[gmv_col]) == "12345.60"
    assert [r.status for r in rows if r.status != "data"] == ["blank", "repeated_header", "rejected", "total"]


def test_progress_is_reported(later):
    seen = []
    do_import(later, "compass_minutes.xlsx", anchor_id=later.fixture["anchor"].id,
              progress=lambda done, total: seen.append((done, total)))
    assert seen and seen[-1][0] == seen[-1][1]


def test_closed_session_import_is_audited(later, clock):
    ctx = later
    do_import(ctx, "douyin_sessions_utf8bom.csv")
    sid = ctx.ws.query_one("SELECT id FROM sessions ORDER BY on_air_utc")[0]
    r = do_import(ctx, "qianchuan_ads.csv")
    assert r.sessions[sid] == "updated" and settled(ctx, sid)["ad_spend"] == 250000
    assert [a[0] for a in ctx.ws.query("SELECT action FROM audit_log WHERE session_id = ?", (sid,))] == ["import"]
    assert lifecycle.get(ctx, sid).on_air_utc == datetime(2026, 11, 20, 12, tzinfo=UTC)
    assert timedelta(0) == timedelta(0)


def test_disk_full_mid_import_rolls_back_with_a_clear_error(later):
    from desktop_app.storage.errors import DiskFull

    before = db_digest(later)
    pages = later.ws.query_one("PRAGMA page_count")[0]
    later.ws.conn.execute(f"PRAGMA max_page_count = {pages + 1}")
    with pytest.raises(DiskFull) as err:
        do_import(later, "compass_minutes.xlsx", anchor_id=later.fixture["anchor"].id)
    assert str(later.ws.path) in err.value.text("en")
    later.ws.conn.execute("PRAGMA max_page_count = 1073741823")
    assert db_digest(later) == before
    assert later.ws.query_one("PRAGMA foreign_keys")[0] == 1


def test_export_file_locked_by_another_program(later, monkeypatch):
    real_open = Path.open

    def locked(self, *a, **kw):
        if self.name == "qianchuan_ads.csv":
            raise PermissionError(13, "The process cannot access the file because it is being used")
        return real_open(self, *a, **kw)

    monkeypatch.setattr(Path, "open", locked)
    with pytest.raises(FileRejected) as err:
        do_import(later, "qianchuan_ads.csv")
    assert err.value.key == "error.ingest.unreadable" and "qianchuan_ads.csv" in err.value.text("zh_CN")


def test_manual_settlement_is_never_overwritten(ctx, clock):
    clock.set(datetime(2026, 11, 20, 12, 0, tzinfo=UTC))
    s, _ = lifecycle.start_now(ctx, anchor_id=ctx.fixture["anchor"].id, title="手工结算")
    clock.advance(hours=3)
    lifecycle.end_broadcast(ctx, s.id)
    metrics_entry.record_settlement(ctx, s.id, {"gmv": "11111"}, as_of=date(2026, 11, 25))
    clock.set(AFTER)
    do_import(ctx, "douyin_sessions_utf8bom.csv")
    manual = ctx.ws.query("SELECT value, source FROM metric_samples WHERE session_id = ? AND metric_key = 'gmv'"
                          " AND provisional = 0", (s.id,))
    assert [(r[0], r[1]) for r in manual] == [(1111100, "manual")]
    assert settled(ctx, s.id)["orders"] == 120  # the other settled figures were imported


def test_duplicate_rows_in_one_file_are_stored_once(ctx, clock, tmp_path):
    clock.set(datetime(2026, 11, 26, 11, 59, tzinfo=UTC))
    s, _ = lifecycle.start_now(ctx, anchor_id=ctx.fixture["anchor"].id, title="重复行")
    clock.set(datetime(2026, 11, 26, 12, 30, tzinfo=UTC))
    path = tmp_path / "dup.csv"
    row = "2026-11-26 20:01:00,800,100\n"
    path.write_text("时间,实时在线人数,成交金额\n" + row + row + "2026-11-26 20:02:00,810,150\n", encoding="utf-8")
    insp = importer.inspect(ctx, path, session_id=s.id)
    r = importer.run(ctx, insp, session_id=s.id)
    assert r.counts["accepted"] == 3
    assert ctx.ws.query_one("SELECT count(*) FROM metric_samples WHERE session_id = ? AND metric_key = 'gmv'",
                            (s.id,))[0] == 2


def test_a_backup_is_taken_before_a_new_file_is_imported(later):
    from desktop_app.services.backup import list_for

    do_import(later, "douyin_sessions_utf8bom.csv", dry_run=True)
    assert list_for(later) == []
    do_import(later, "douyin_sessions_utf8bom.csv")
    do_import(later, "douyin_sessions_utf8bom.csv")  # known file: no second backup
    backups = list_for(later)
    assert [b.reason for b in backups] == ["import"] and backups[0].sessions == 0


def test_cli_text_names_units_in_the_chosen_language_json_keeps_codes(later, tmp_path, capsys):
    later.ws.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    copy = tmp_path / "w.liveops"
    shutil.copy(later.ws.path, copy)
    args = ["import", str(copy), str(DATA / "douyin_sessions_utf8bom.csv"), "--dry-run", "--as", "李运营"]
    cli_main(args + ["--lang", "zh_CN"])
    out = capsys.readouterr().out
    assert "成交金额(元) → gmv (元)" in out and "开播时间 → start (日期时间)" in out and "(money)" not in out
    created = [ln.strip() for ln in out.splitlines() if "新建场次" in ln]
    assert created == ["新建场次"] * 3  # a dry run shows no ids of sessions it did not create
    cli_main(args + ["--lang", "en"])
    out = capsys.readouterr().out
    assert "gmv (yuan (CNY))" in out and "start (date & time)" in out
    cli_main(args + ["--json"])
    mapping = {m["key"]: m["unit"] for m in json.loads(capsys.readouterr().out)["mapping"]}
    assert mapping["gmv"] == "money" and mapping["start"] == "datetime"
