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


def queued(ctx) -> int:
    return ctx.ws.query_one("SELECT count(*) FROM search_pending")[0]


def test_a_textless_hotkey_leaves_indexing_to_the_next_search_which_still_finds_everything(ctx, clock, live):
    from desktop_app.services import history

    assert queued(ctx) == 0  # going live committed (and indexed) everything before
    event, _ = event_log.log_event(ctx, live.id, "product", "")  # a hotkey: nothing to tokenise
    assert queued(ctx) > 0  # its queue entry waits: no index statements in the hotkey's commit
    # A plain SQLite client (a Stream Deck script) writes a noted event meanwhile.
    conn = other_connection(ctx)
    conn.execute("INSERT INTO events (id, session_id, ts_utc, kind, text, internal, source, created_at, modified_at)"
                 " VALUES (?,?,?,?,?,?,?,?,?)", (new_id(), live.id, "2099-01-01T00:00:00.000Z", "note", "外部福袋加码",
                                                 0, "manual", "2099-01-01T00:00:00.000Z", "2099-01-01T00:00:00.000Z"))
    conn.close()
    assert [h["text"] for h in history.search(ctx, "福袋加码")] == ["外部福袋加码"]
    assert queued(ctx) == 0  # the search indexed the queue first
    # The specialist types the hotkey's note afterwards: searchable at once.
    event_log.edit_event(ctx, event.id, text="主推款换成羽绒服")
    assert [h["id"] for h in history.search(ctx, "羽绒服")] == [event.id]


def test_a_noted_event_is_indexed_when_it_commits(ctx, clock, live):
    event_log.log_event(ctx, live.id, "product", "")
    event_log.log_event(ctx, live.id, "incident", "直播间断货提示")
    assert queued(ctx) == 0  # the noted event's commit indexed the hotkey's entry too
    assert ctx.ws.query_one("SELECT count(*) FROM search_fts WHERE search_fts MATCH '\"断货\"'")[0] == 1


def test_hotkeys_keep_event_count_and_signoff_of_the_summary(ctx, clock, live):
    def row():
        return tuple(ctx.ws.query_one("SELECT event_count, signoff FROM session_summaries WHERE session_id = ?",
                                      (live.id,)))

    count = ctx.ws.query_one("SELECT count(*) FROM events WHERE session_id = ? AND deleted = 0", (live.id,))[0]
    # A stale sign-off left by another client is put right by the next hotkey (no review: 'none').
    conn = other_connection(ctx)
    conn.execute("UPDATE session_summaries SET signoff = 'draft' WHERE session_id = ?", (live.id,))
    conn.close()
    for i in range(3):
        clock.advance(seconds=5)
        event_log.log_event(ctx, live.id, ("giveaway", "product")[i % 2], "")
    assert row() == (count + 3, "none")


def test_compliance_written_by_another_connection_is_corrected_by_the_next_product_event(ctx, clock, live):
    """A product event's run is written by the schema (0012), which marks the compliance stale; the
    service recomputes it from the runs, so another writer's wrong figure does not survive."""
    import json

    from desktop_app.services.checklists import session_compliance

    event_log.log_event(ctx, live.id, "product", "")
    stored = json.loads(ctx.ws.query_one("SELECT compliance_json FROM session_summaries WHERE session_id = ?",
                                         (live.id,))[0])
    stored["counts"]["skipped"] += 7  # another writer's different figure
    conn = other_connection(ctx)
    conn.execute("UPDATE session_summaries SET compliance_json = ? WHERE session_id = ?",
                 (json.dumps(stored), live.id))
    conn.close()
    clock.advance(seconds=5)
    event_log.log_event(ctx, live.id, "product", "")
    after = json.loads(ctx.ws.query_one("SELECT compliance_json FROM session_summaries WHERE session_id = ?",
                                        (live.id,))[0])
    assert after == session_compliance(ctx.ws, live.id, clock.now())
    assert after["counts"]["skipped"] == stored["counts"]["skipped"] - 7
    assert after["counts"]["on_time"] == stored["counts"]["on_time"] + 1


def test_to_iso_writes_exactly_what_isoformat_wrote():
    """The formatting shortcut (a hotkey formats ~10 timestamps) keeps the one storage format."""
    import random
    from datetime import UTC, datetime, timedelta, timezone
    from zoneinfo import ZoneInfo

    from desktop_app.domain.timeutil import to_iso

    rnd = random.Random(5)
    zones = [UTC, ZoneInfo("UTC"), ZoneInfo("Asia/Shanghai"), ZoneInfo("Europe/Berlin"),
             timezone(timedelta(hours=-5, minutes=-30))]
    for _ in range(5000):
        dt = datetime.fromtimestamp(rnd.uniform(-2e9, 4e9), rnd.choice(zones))
        dt = dt.replace(microsecond=rnd.choice([0, 999, 1000, 999_999, rnd.randrange(1_000_000)]))
        assert to_iso(dt) == dt.astimezone(UTC).isoformat(timespec="milliseconds")[:-6] + "Z"
    assert to_iso(datetime(5, 1, 2, 3, 4, 5, 6789, tzinfo=UTC)) == "0005-01-02T03:04:05.006Z"
    with pytest.raises(ValueError):
        to_iso(datetime(2026, 11, 26, 12, 0))  # naive: refused as before


def test_new_ids_are_rfc_version_7_uuids_in_time_order(monkeypatch):
    """The id shortcut (no uuid.UUID object per hotkey) still writes canonical, time-ordered v7 UUIDs."""
    import uuid

    from desktop_app.storage import rows

    ids = []
    for ns in (1_800_000_000_000_000_000, 1_800_000_000_001_000_000, 1_800_000_000_002_000_000):
        monkeypatch.setattr(rows.time, "time_ns", lambda ns=ns: ns)
        ids.append(rows.uuid7())
    for text in ids:
        parsed = uuid.UUID(text)
        assert str(parsed) == text and parsed.version == 7 and parsed.variant == uuid.RFC_4122
        assert parsed.int >> 80 == int(text.replace("-", "")[:12], 16)
    assert ids == sorted(ids) and len(set(ids)) == 3
    assert [uuid.UUID(t).int >> 80 for t in ids] == [1_800_000_000_000, 1_800_000_000_001, 1_800_000_000_002]
