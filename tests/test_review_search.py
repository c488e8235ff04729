"""Full-text search: Chinese two-character terms, English words, and writes by other SQLite clients.

Since migration 0006 the search triggers are plain SQL (they only queue row ids), so the
sqlite3 shell, DB Browser or an older liveops can write events and notes; the app indexes
the queue when it commits and before every search.
"""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest

from desktop_app.services import event_log, history, lifecycle
from desktop_app.services.context import Context
from desktop_app.storage.workspace import Workspace
from tests.conftest import T0

TERMS = ("福袋", "超卖", "断货", "oversell")


def _texts(hits) -> list[str]:
    # The setup's gate override names the open pre items by text, some of which mention 福袋;
    # these tests are about the rows they write themselves.
    return [h["text"] for h in hits if h["kind"] != "override"]


def _live(ctx, planned, clock):
    lifecycle.start_preparing(ctx, planned.id)
    clock.set(planned.scheduled_start_utc)
    lifecycle.go_live(ctx, planned.id, override_reason="测试")
    return planned


def test_two_character_chinese_terms_and_english_prefixes(ctx, planned, clock):
    s = _live(ctx, planned, clock)
    for text in ("整点福袋开奖", "面膜超卖12单", "第二轮断货了", "Oversell on the gift box", "福利款上架"):
        event_log.log_event(ctx, s.id, "note", text)
    assert _texts(history.search(ctx, "福袋")) == ["整点福袋开奖"]
    assert _texts(history.search(ctx, "超卖")) == ["面膜超卖12单"]
    assert _texts(history.search(ctx, "断货")) == ["第二轮断货了"]
    assert _texts(history.search(ctx, "over")) == ["Oversell on the gift box"]  # word prefix, any case
    assert _texts(history.search(ctx, "福")) == ["福利款上架", "整点福袋开奖"]  # one character: prefix
    assert history.search(ctx, "袋开奖 福袋")[0]["text"] == "整点福袋开奖"  # every term must occur
    assert history.search(ctx, "福货") == []  # not a substring: no false hit from bigram overlap
    with pytest.raises(Exception):  # noqa: B017 - an empty query is a validation error
        history.search(ctx, "   ")


def _plain_client(path: Path) -> sqlite3.Connection:
    """The stdlib sqlite3 module as another tool would use it: none of the app's functions."""
    conn = sqlite3.connect(path)
    with pytest.raises(sqlite3.OperationalError):
        conn.execute("SELECT liveops_fts_text('x')")
    return conn


def _plain_insert(conn: sqlite3.Connection, session_id: str, texts: list[str]) -> None:
    for n, text in enumerate(texts):
        conn.execute("INSERT INTO events (id, session_id, ts_utc, kind, text, internal, source, created_at,"
                     " modified_at) VALUES (?,?,?,?,?,?,?,?,?)",
                     (f"ext-{n}-{session_id[:8]}", session_id, "2026-11-26T12:05:00.000Z", "note", text, 0, "manual",
                      "2026-11-26T12:05:00.000Z", "2026-11-26T12:05:00.000Z"))


def test_a_plain_sqlite_client_can_write_and_the_app_finds_its_rows(ctx, planned, clock, tmp_path):
    s = _live(ctx, planned, clock)
    event_log.log_event(ctx, s.id, "note", "开场福袋预告")
    path = ctx.ws.path
    ctx.ws.close()

    conn = _plain_client(path)
    _plain_insert(conn, s.id, ["外部工具记的：福袋加码", "库存超卖3单", "主推款断货", "stream dropped for 30s"])
    conn.execute("UPDATE events SET text = '开场预告（已改）' WHERE text = '开场福袋预告'")
    run = conn.execute("SELECT id FROM checklist_runs WHERE session_id = ? LIMIT 1", (s.id,)).fetchone()[0]
    conn.execute("UPDATE checklist_runs SET note = '库存表核对：断货两款' WHERE id = ?", (run,))
    conn.commit()
    conn.close()

    # Read-only (liveops search): the queued rows are matched without writing anything.
    ro = Context(Workspace.open(path, read_only=True, migrate=False), clock)
    try:
        assert ro.ws.query_one("SELECT count(*) FROM search_pending")[0] > 0
        assert _texts(history.search(ro, "福袋")) == ["外部工具记的：福袋加码"]  # the edited row no longer matches
        assert {h["source"] for h in history.search(ro, "断货")} == {"event", "checklist"}
        assert ro.ws.query_one("SELECT count(*) FROM search_pending")[0] > 0
    finally:
        ro.ws.close()

    app = Context(Workspace.open(path), clock)
    try:
        for term, expected in (("福袋", "外部工具记的：福袋加码"), ("超卖", "库存超卖3单"), ("dropped", "stream dropped for 30s")):
            assert _texts(history.search(app, term)) == [expected]
        hits = history.search(app, "断货")
        assert sorted(_texts(hits)) == ["主推款断货", "库存表核对：断货两款"]
        assert next(h for h in hits if h["source"] == "checklist")["field"]
        # The search indexed the queue in the app's own transaction.
        assert app.ws.query_one("SELECT count(*) FROM search_pending")[0] == 0
    finally:
        app.ws.close()

    conn = _plain_client(path)
    conn.execute("DELETE FROM events WHERE text = '库存超卖3单'")
    conn.commit()
    conn.close()
    app = Context(Workspace.open(path), clock)
    try:
        assert history.search(app, "超卖") == []
        assert app.ws.query_one("SELECT count(*) FROM search_fts WHERE search_fts MATCH '\"超卖\"'")[0] == 0
    finally:
        app.ws.close()


def test_the_apps_own_writes_are_indexed_when_they_commit(ctx, planned, clock):
    s = _live(ctx, planned, clock)
    event_log.log_event(ctx, s.id, "incident", "直播间断货提示")
    assert ctx.ws.query_one("SELECT count(*) FROM search_pending")[0] == 0
    assert ctx.ws.query_one("SELECT count(*) FROM search_fts WHERE search_fts MATCH '\"断货\"'")[0] == 1


def test_upgrade_from_the_0005_schema_keeps_the_index_and_lets_plain_clients_write(tmp_path, clock,
                                                                                  migrations_upto):
    from desktop_app.domain.enums import PersonRole, Platform
    from desktop_app.services import roster
    from desktop_app.services.workspace_service import create_workspace

    path = tmp_path / "old.liveops"
    with migrations_upto(5):  # the 0005 build: its search triggers call the app's functions
        ctx = create_workspace(path, "旧工作区", clock=clock)
        assert ctx.ws.schema_version() == 5
        spec, _ = roster.create_person(ctx, "李运营", PersonRole.SPECIALIST)
        ctx.actor_id = spec.id
        anchor, _ = roster.create_anchor(ctx, "小美", Platform.DOUYIN, specialist_id=spec.id)
        s, _ = lifecycle.plan_session(ctx, anchor_id=anchor.id, title="旧场次", scheduled_start=T0 + timedelta(hours=10),
                                      scheduled_end=T0 + timedelta(hours=12))
        # The note as the 0005 build wrote it: today's code writes columns that schema lacks.
        with ctx.ws.write():
            ctx.ws.conn.execute(
                "INSERT INTO events (id, session_id, ts_utc, kind, text, internal, source, created_at, modified_at)"
                " VALUES ('old-note', ?, ?, 'note', '旧版记录：福袋超卖', 0, 'manual', ?, ?)",
                (s.id, "2026-11-26T12:01:00.000Z", "2026-11-26T12:01:00.000Z", "2026-11-26T12:01:00.000Z"))
        ctx.ws.close()
    conn = sqlite3.connect(path)
    with pytest.raises(sqlite3.OperationalError, match="liveops_fts_text"):
        _plain_insert(conn, s.id, ["before the upgrade"])
    conn.close()

    up = Context(Workspace.open(path, backup_dir=tmp_path / "bk"), clock)
    try:
        assert up.ws.schema_version() >= 6
        assert list((tmp_path / "bk").glob("*.liveops"))  # backed up before upgrading
        assert _texts(history.search(up, "福袋 超卖")) == ["旧版记录：福袋超卖"]
    finally:
        up.ws.close()
    conn = _plain_client(path)
    _plain_insert(conn, s.id, ["升级后外部写入：断货"])
    conn.commit()
    conn.close()
    up = Context(Workspace.open(path), clock)
    try:
        assert _texts(history.search(up, "断货")) == ["升级后外部写入：断货"]
        assert _texts(history.search(up, "福袋")) == ["旧版记录：福袋超卖"]
    finally:
        up.ws.close()


def _tick(ctx, session_id, key, lang, note=None):
    from desktop_app.messages import set_language
    from desktop_app.services import checklists as engine
    from desktop_app.storage import checklists as run_repo

    set_language(lang)
    run = next(r for r in run_repo.list_runs(ctx.ws, session_id) if r.item_key == key)
    engine.do_run(ctx, run.id, {}, note=note)
    return run


def _checklist_hits(ctx, query):
    return [h for h in history.search(ctx, query) if h["source"] == "event" and h["kind"] == "checklist"]


def test_checklist_events_are_found_in_either_language(ctx, planned):
    """A tick by a Chinese user is found by an English user's words and the other way round,
    and each sees the hit in their own language."""
    from desktop_app.messages import set_language

    _tick(ctx, planned.id, "pre.d1.preheat", "en")  # 预热 ticked in English
    _tick(ctx, planned.id, "pre.h2.stream_test", "zh_CN", note="OBS")  # 推流测试 ticked in Chinese
    set_language("zh_CN")
    zh_hits = _checklist_hits(ctx, "预热")
    assert len(zh_hits) == 1 and zh_hits[0]["text"].startswith("已完成检查项")
    assert len(_checklist_hits(ctx, "已完成检查项")) == 2
    set_language("en")
    en_hits = _checklist_hits(ctx, "test stream")
    assert len(en_hits) == 1 and en_hits[0]["text"].startswith("Checklist item done: Test stream")
    assert len(_checklist_hits(ctx, "checklist done")) == 2


def test_upgrade_reindexes_checklist_events_written_before(tmp_path, clock, migrations_upto):
    """A workspace indexed before 0010 (checklist events only in the writer's language) finds
    them in the other language after the upgrade."""
    from desktop_app.domain.enums import PersonRole, Platform
    from desktop_app.messages import set_language
    from desktop_app.services import roster
    from desktop_app.services.workspace_service import create_workspace, open_workspace

    path = tmp_path / "old.liveops"
    with migrations_upto(9):
        ctx = create_workspace(path, "旧工作区", clock=clock)
        spec, _ = roster.create_person(ctx, "李运营", PersonRole.SPECIALIST)
        ctx.actor_id = spec.id
        anchor, _ = roster.create_anchor(ctx, "小美", Platform.DOUYIN, specialist_id=spec.id)
        planned, _ = lifecycle.plan_session(ctx, anchor_id=anchor.id, title="旧场次",
                                            scheduled_start=T0 + timedelta(hours=10),
                                            scheduled_end=T0 + timedelta(hours=12))
        _tick(ctx, planned.id, "pre.h2.stream_test", "zh_CN")
        with ctx.ws.write() as conn:  # what the 0009 indexer stored: the Chinese wording only
            rowid = conn.execute("SELECT rowid FROM events WHERE kind = 'checklist'").fetchone()[0]
            conn.execute("DELETE FROM search_fts WHERE rowid = ?", (rowid * 4,))
            conn.execute("INSERT INTO search_fts (rowid, body) SELECT rowid * 4, text FROM events WHERE rowid = ?",
                         (rowid,))
        set_language("en")
        assert _checklist_hits(ctx, "stream") == []
        assert ctx.ws.schema_version() == 9
        ctx.ws.close()
    ctx = open_workspace(path, clock=clock)
    try:
        assert ctx.ws.schema_version() >= 10
        assert len(_checklist_hits(ctx, "stream")) == 1
    finally:
        ctx.ws.close()


def test_cli_search_lines_show_the_sessions_short_id_and_local_time(ctx, planned, clock, capsys):
    """`liveops search` printed the id's first 8 characters (the same for every session of a day)
    and the UTC time as if it were local; now the short id the other commands show and the time
    in the session's zone."""
    from zoneinfo import ZoneInfo

    from desktop_app.cli import main as cli_main
    from desktop_app.storage.sessions import short_id

    s = _live(ctx, planned, clock)  # on air at 12:00 UTC = 20:00 Shanghai
    event_log.log_event(ctx, s.id, "note", "整点福袋开奖")
    path = ctx.ws.path
    assert cli_main(["search", str(path), "福袋", "--lang", "zh_CN"]) == 0
    out = capsys.readouterr().out
    line = next(li for li in out.splitlines() if "整点福袋开奖" in li)
    assert line.startswith(short_id(s.id) + "  ")
    local = s.scheduled_start_utc.astimezone(ZoneInfo("Asia/Shanghai"))
    assert local.strftime("%Y-%m-%d %H:%M") in line
