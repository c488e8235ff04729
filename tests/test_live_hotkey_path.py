"""The lean hotkey path keeps every rule: parsed sessions and event items are reused only while
the rows they came from are unchanged, whichever connection changed them; a product hotkey's run
is written done, tied to its event, in one row."""

from __future__ import annotations

import sqlite3
from dataclasses import replace

import pytest

from desktop_app.domain.enums import RunStatus
from desktop_app.domain.errors import TransitionRefused
from desktop_app.domain.models import Trigger
from desktop_app.services import event_log, lifecycle
from desktop_app.storage import checklists as checklist_repo
from desktop_app.storage.rows import new_id


@pytest.fixture
def live(ctx, clock, planned):
    clock.set(planned.scheduled_start_utc)
    lifecycle.start_preparing(ctx, planned.id)
    lifecycle.go_live(ctx, planned.id, override_reason="测试")
    clock.advance(minutes=1)
    return lifecycle.get(ctx, planned.id)


def other_connection(ctx) -> sqlite3.Connection:
    """Another SQLite client on the same file (the CLI, a merge, the sqlite3 shell)."""
    from desktop_app.storage.fts_text import register

    conn = sqlite3.connect(ctx.ws.path, isolation_level=None)
    register(conn)
    return conn


def runs_of(ctx, sid, key):
    return [r for r in checklist_repo.list_runs(ctx.ws, sid) if r.item_key == key]


def test_product_hotkey_run_is_done_and_tied_to_its_event(ctx, clock, live):
    [item] = [i for i in checklist_repo.event_items(ctx.ws, live.id, "product") if i.trigger.subtype is None]
    event, _ = event_log.log_event(ctx, live.id, "product", "")
    [run] = runs_of(ctx, live.id, item.key)
    assert (run.status, run.done_at, run.done_by, run.auto) == (RunStatus.DONE, event.ts_utc, event.author_id, True)
    assert checklist_repo.run_event_id(ctx.ws, run.id) == event.id


def test_an_event_item_added_by_another_connection_gets_its_run(ctx, clock, live):
    event_log.log_event(ctx, live.id, "giveaway", "")  # the giveaway items are parsed and kept now
    template = checklist_repo.event_items(ctx.ws, live.id, "product")[0]
    extra = replace(template, key="merged.giveaway.check", trigger=Trigger("event", event_kind="giveaway"))
    row = {"id": new_id(), "session_id": live.id, "adhoc": 1,
           **checklist_repo.item_columns(extra, checklist_repo.next_session_position(ctx.ws, live.id))}
    conn = other_connection(ctx)
    conn.execute(f"INSERT INTO session_items ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
                 tuple(row.values()))
    conn.close()
    clock.advance(seconds=5)
    event_log.log_event(ctx, live.id, "giveaway", "")
    assert len(runs_of(ctx, live.id, "merged.giveaway.check")) == 1


def test_a_session_ended_by_another_connection_refuses_the_next_hotkey(ctx, clock, live):
    event_log.log_event(ctx, live.id, "giveaway", "")  # the parsed session is kept now
    conn = other_connection(ctx)
    conn.execute("UPDATE sessions SET status = 'closed', modified_at = '2099-01-01T00:00:00.000Z' WHERE id = ?",
                 (live.id,))
    conn.close()
    before = len(event_log.repo.list_events(ctx.ws, live.id))
    clock.advance(seconds=5)
    with pytest.raises(TransitionRefused):
        event_log.log_event(ctx, live.id, "giveaway", "")
    assert len(event_log.repo.list_events(ctx.ws, live.id)) == before


def test_a_status_change_without_a_new_modified_time_is_still_seen(ctx, clock, live):
    """The whole row is compared, not only modified_at (a foreign client may not bump it)."""
    event_log.log_event(ctx, live.id, "giveaway", "")
    conn = other_connection(ctx)
    conn.execute("UPDATE sessions SET status = 'cancelled' WHERE id = ?", (live.id,))
    conn.close()
    with pytest.raises(TransitionRefused):
        event_log.log_event(ctx, live.id, "giveaway", "")
