"""Migration 0011: the summary's event count follows the events table whoever writes it (a hotkey,
the CLI, a plain sqlite3 client, an edit or a soft/hard delete), and survives an upgrade."""

from __future__ import annotations

import sqlite3

import pytest

from desktop_app.domain.enums import PersonRole, Platform
from desktop_app.services import event_log, lifecycle, roster
from desktop_app.services.workspace_service import create_workspace, open_workspace
from desktop_app.storage.fts_text import register
from desktop_app.storage.rows import new_id

INSERT = ("INSERT INTO events (id, session_id, ts_utc, kind, text, internal, source, created_at, modified_at)"
          " VALUES (?,?,?,?,?,?,?,?,?)")
T = "2099-01-01T00:00:00.000Z"


def stored(path_or_ctx, sid) -> int:
    if hasattr(path_or_ctx, "ws"):
        return path_or_ctx.ws.query_one("SELECT event_count FROM session_summaries WHERE session_id = ?", (sid,))[0]
    conn = sqlite3.connect(path_or_ctx)
    try:
        return conn.execute("SELECT event_count FROM session_summaries WHERE session_id = ?", (sid,)).fetchone()[0]
    finally:
        conn.close()


def true_count(ctx, sid) -> int:
    return ctx.ws.query_one("SELECT count(*) FROM events WHERE session_id = ? AND deleted = 0", (sid,))[0]


def plain_client(ctx) -> sqlite3.Connection:
    conn = sqlite3.connect(ctx.ws.path, isolation_level=None)
    register(conn)  # the schema's full-text triggers call these
    return conn


def test_a_row_inserted_by_plain_sqlite3_is_counted(ctx, clock, session):
    before = stored(ctx, session.id)
    conn = plain_client(ctx)
    conn.execute(INSERT, (new_id(), session.id, T, "giveaway", "", 0, "manual", T, T))
    conn.execute(INSERT, (new_id(), session.id, T, "product", "外部", 0, "manual", T, T))
    conn.close()
    assert stored(ctx, session.id) == before + 2 == true_count(ctx, session.id)


def test_service_edit_delete_and_plain_updates_keep_the_count(ctx, clock, session):
    events = []
    for kind in ("giveaway", "product", "incident"):
        clock.advance(seconds=5)
        events.append(event_log.log_event(ctx, session.id, kind, "")[0])
    n = true_count(ctx, session.id)
    assert stored(ctx, session.id) == n
    event_log.edit_event(ctx, events[0].id, text="改了备注", kind="incident")
    assert stored(ctx, session.id) == n
    event_log.delete_event(ctx, events[1].id)
    assert stored(ctx, session.id) == n - 1 == true_count(ctx, session.id)
    conn = plain_client(ctx)
    conn.execute("UPDATE events SET deleted = 1 WHERE id = ?", (events[2].id,))
    assert stored(ctx, session.id) == n - 2
    conn.execute("UPDATE events SET deleted = 1 WHERE id = ?", (events[2].id,))  # already deleted: no change
    assert stored(ctx, session.id) == n - 2
    conn.execute("UPDATE events SET deleted = 0 WHERE id = ?", (events[1].id,))  # undeleted
    assert stored(ctx, session.id) == n - 1
    conn.execute("DELETE FROM events WHERE id = ?", (events[1].id,))  # hard delete of a live row
    conn.execute("DELETE FROM events WHERE id = ?", (events[2].id,))  # of a soft-deleted one: no change
    conn.close()
    assert stored(ctx, session.id) == n - 2 == true_count(ctx, session.id)


def test_an_event_moved_to_another_session_moves_its_count(ctx, clock, session, planned):
    clock.advance(seconds=5)
    event, _ = event_log.log_event(ctx, session.id, "giveaway", "")
    a, b = stored(ctx, session.id), stored(ctx, planned.id)
    conn = plain_client(ctx)
    conn.execute("UPDATE events SET session_id = ? WHERE id = ?", (planned.id, event.id))
    conn.close()
    assert (stored(ctx, session.id), stored(ctx, planned.id)) == (a - 1, b + 1)
    assert (a - 1, b + 1) == (true_count(ctx, session.id), true_count(ctx, planned.id))


def test_a_rejected_hotkey_changes_no_count(ctx, clock, session, monkeypatch):
    before = stored(ctx, session.id)

    def broken_hook(ctx, session, event):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(event_log, "after_event_hooks", [broken_hook])
    clock.advance(seconds=5)
    with pytest.raises(OSError):
        event_log.log_event(ctx, session.id, "giveaway", "")
    assert stored(ctx, session.id) == before == true_count(ctx, session.id)


def test_upgrade_recounts_and_keeps_counting(tmp_path, clock, migrations_upto):
    path = tmp_path / "old.liveops"
    with migrations_upto(10):
        ctx = create_workspace(path, "旧工作区", clock=clock)
        assert ctx.ws.schema_version() == 10
        spec, _ = roster.create_person(ctx, "李运营", PersonRole.SPECIALIST)
        ctx.actor_id = spec.id
        anchor, _ = roster.create_anchor(ctx, "小美", Platform.DOUYIN, specialist_id=spec.id)
        s, _ = lifecycle.start_now(ctx, anchor_id=anchor.id, title="旧场次")
        logged = []
        for kind in ("giveaway", "traffic", "milestone"):  # no checklist item answers these (0012 writes those runs)
            clock.advance(seconds=5)
            logged.append(event_log.log_event(ctx, s.id, kind, "")[0])
        event_log.delete_event(ctx, logged[0].id)
        ctx.ws.close()
    conn = sqlite3.connect(path)
    expected = conn.execute("SELECT count(*) FROM events WHERE session_id = ? AND deleted = 0", (s.id,)).fetchone()[0]
    # What the older build kept (it counted in Python; this code counts only by the new triggers) ...
    conn.execute("UPDATE session_summaries SET event_count = ? WHERE session_id = ?", (expected, s.id))
    # ... and a plain client of that schema inserted without counting: the row is one behind.
    conn.execute(INSERT, (new_id(), s.id, T, "giveaway", "", 0, "manual", T, T))
    conn.commit()
    conn.close()
    assert stored(path, s.id) == expected
    ctx = open_workspace(path, clock=clock)
    try:
        assert ctx.ws.schema_version() >= 11
        assert stored(ctx, s.id) == expected + 1 == true_count(ctx, s.id)
        clock.advance(seconds=5)
        event_log.log_event(ctx, s.id, "giveaway", "")
        assert stored(ctx, s.id) == expected + 2 == true_count(ctx, s.id)
    finally:
        ctx.ws.close()
