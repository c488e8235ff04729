"""Items an event ticks whole (每次过款 by each `product` event, 异常 by each `incident`) get their done
run from the schema, inside the event's INSERT (migration 0012); the summary's compliance is marked
stale and settled by the service, or a moment later by the console after a hotkey."""

from __future__ import annotations

import json
import sqlite3
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt

from desktop_app.domain.enums import Source
from desktop_app.domain.timeutil import from_iso, to_iso
from desktop_app.services import event_log
from desktop_app.services.checklists import EVENT_WINDOW_MINUTES, session_compliance
from desktop_app.storage import checklists as run_repo
from desktop_app.storage.rows import new_id

EVENT_INSERT = ("INSERT INTO events (id, session_id, ts_utc, kind, subtype, text, internal, source, author_id,"
                " product_id, deleted, created_at, modified_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)")


def runs_of(ctx, session_id, key):
    return sorted((r for r in run_repo.list_runs(ctx.ws, session_id) if r.item_key == key), key=lambda r: r.occurrence)


def summary(ctx, session_id):
    r = ctx.ws.query_one("SELECT compliance_json, compliance_stale FROM session_summaries WHERE session_id = ?",
                         (session_id,))
    return json.loads(r[0]) if r[0] else None, r[1]


def test_each_product_event_writes_one_done_run_like_the_python_rule(ctx, session, clock):
    first, _ = event_log.log_event(ctx, session.id, "product", "", product_id="SKU-88")
    clock.advance(seconds=30)
    second, _ = event_log.log_event(ctx, session.id, "product", "换款")
    runs = runs_of(ctx, session.id, "live.ev.item_switch")
    assert [r.occurrence for r in runs] == [1, 2]
    for run, event in zip(runs, (first, second), strict=True):
        assert run.status == "done" and run.auto
        assert (run.due_at, run.done_at, run.done_by) == (event.ts_utc, event.ts_utc, event.author_id)
        assert run.window_end == event.ts_utc + timedelta(minutes=EVENT_WINDOW_MINUTES)
        assert run_repo.run_event_id(ctx.ws, run.id) == event.id
    assert runs[0].values == {"product_id": "SKU-88"}
    assert runs[1].values == {}
    assert len({r.id for r in run_repo.list_runs(ctx.ws, session.id)}) == len(run_repo.list_runs(ctx.ws, session.id))


def test_an_incident_with_a_subtype_ticks_the_whole_item_and_opens_the_specific_one(ctx, session):
    event_log.log_event(ctx, session.id, "incident", "改价错误", subtype="price_stock_error")
    [whole] = runs_of(ctx, session.id, "live.ev.incident")
    assert whole.status == "done" and whole.values == {"incident_type": "price_stock_error"}
    [specific] = runs_of(ctx, session.id, "live.ev.price_error")
    assert specific.status == "open" and not specific.auto  # a response still to carry out
    event_log.log_event(ctx, session.id, "incident", "断流", subtype="not_a_listed_type")
    assert runs_of(ctx, session.id, "live.ev.incident")[1].values == {}  # only a listed choice is kept
    comp, stale = summary(ctx, session.id)
    assert not stale and comp == session_compliance(ctx.ws, session.id, ctx.now())


def test_kinds_no_item_answers_write_no_run(ctx, session):
    before = len(run_repo.list_runs(ctx.ws, session.id))
    for kind in ("giveaway", "traffic", "compliance", "milestone", "note"):
        event_log.log_event(ctx, session.id, kind, "")
    assert len(run_repo.list_runs(ctx.ws, session.id)) == before
    assert summary(ctx, session.id)[1] == 0


def test_a_deferred_hotkey_leaves_the_compliance_stale_until_settled(ctx, session, clock):
    event_log.log_event(ctx, session.id, "product", "")
    counted, _ = summary(ctx, session.id)
    clock.advance(seconds=10)
    _, changes = event_log.log_event(ctx, session.id, "product", "", source=Source.HOTKEY, defer_summary=True)
    assert changes.checklists == {session.id}
    comp, stale = summary(ctx, session.id)
    assert stale == 1 and comp == counted  # the keystroke's commit did not recount
    assert event_log.settle(ctx, session.id).checklists == {session.id}
    comp, stale = summary(ctx, session.id)
    assert stale == 0 and comp["counts"]["on_time"] == counted["counts"]["on_time"] + 1
    assert comp == session_compliance(ctx.ws, session.id, clock.now())
    assert event_log.settle(ctx, session.id).empty  # nothing left to do


def test_a_plain_sqlite_client_gets_the_run_and_the_app_settles_its_compliance(ctx, session, clock):
    """The CLI of an older build, a Stream Deck script or the sqlite3 shell insert the bare row."""
    now = to_iso(clock.now())
    conn = sqlite3.connect(ctx.ws.path, isolation_level=None)
    from desktop_app.storage.fts_text import register

    register(conn)
    conn.execute(EVENT_INSERT, (new_id(), session.id, now, "product", None, "", 0, "cli", None, "A1", 0, now, now))
    conn.close()
    [run] = runs_of(ctx, session.id, "live.ev.item_switch")
    assert run.status == "done" and run.values == {"product_id": "A1"} and run.done_at == from_iso(now)
    assert summary(ctx, session.id)[1] == 1
    event_log.settle(ctx, session.id)
    assert summary(ctx, session.id) == (session_compliance(ctx.ws, session.id, clock.now()), 0)


def test_a_failed_insert_leaves_neither_event_nor_run(ctx, session, monkeypatch):
    """The run is part of the event's statement: a refused commit (disk full) keeps neither."""
    from desktop_app.domain.errors import LiveOpsError
    from desktop_app.storage import workspace as ws_mod

    before = (len(run_repo.list_runs(ctx.ws, session.id)), summary(ctx, session.id))
    original = ws_mod.Workspace.index_pending

    def full(self):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(ws_mod.Workspace, "index_pending", full)
    with pytest.raises(LiveOpsError):
        event_log.log_event(ctx, session.id, "product", "带文字的换款")
    monkeypatch.setattr(ws_mod.Workspace, "index_pending", original)
    assert (len(run_repo.list_runs(ctx.ws, session.id)), summary(ctx, session.id)) == before
    assert not [e for e in event_log.repo.list_events(ctx.ws, session.id) if e.kind == "product"]


def test_an_upgraded_workspace_ticks_by_schema(tmp_path, clock, migrations_upto):
    from desktop_app.domain.enums import PersonRole, Platform
    from desktop_app.services import lifecycle, roster
    from desktop_app.services.workspace_service import create_workspace, open_workspace

    path = tmp_path / "old.liveops"
    with migrations_upto(11):
        ctx = create_workspace(path, "旧工作区", clock=clock)
        spec, _ = roster.create_person(ctx, "李运营", PersonRole.SPECIALIST)
        anchor, _ = roster.create_anchor(ctx, "小美", Platform.DOUYIN, specialist_id=spec.id)
        s, _ = lifecycle.start_now(ctx, anchor_id=anchor.id, title="旧场次")
        ctx.ws.close()
    ctx = open_workspace(path, clock=clock)
    try:
        assert ctx.ws.schema_version() >= 12
        clock.advance(minutes=1)
        event_log.log_event(ctx, s.id, "product", "")
        assert [r.status for r in runs_of(ctx, s.id, "live.ev.item_switch")] == ["done"]
    finally:
        ctx.ws.close()


@pytest.mark.usefixtures("clean_live_settings")
def test_console_hotkey_ticks_at_once_and_settles_the_compliance_a_moment_later(qtbot, ctx, session):
    from desktop_app.ui.live.console import LiveConsole
    from desktop_app.ui.state import AppState

    state = AppState(ctx, poll=False)
    console = LiveConsole(state, robots=False)
    qtbot.addWidget(console)
    console.set_session(session.id)
    console.show()
    console.activateWindow()
    qtbot.waitUntil(console.isActiveWindow)
    try:
        before, _ = summary(ctx, session.id)
        qtbot.keyClick(console.events.quick, Qt.Key.Key_F2)  # 过款
        assert [r.status for r in runs_of(ctx, session.id, "live.ev.item_switch")] == ["done"]
        assert summary(ctx, session.id) == (before, 1)
        qtbot.waitUntil(lambda: summary(ctx, session.id)[1] == 0, timeout=5000)
        assert summary(ctx, session.id)[0] == session_compliance(ctx.ws, session.id, ctx.now())
    finally:
        console.shutdown()
