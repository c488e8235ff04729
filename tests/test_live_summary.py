"""A hotkey updates only what an event changes in the session summary, and the row stays exactly
what a full recompute gives (issue 5: a product hotkey in a 6 h session must not recount samples)."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from desktop_app.domain import checklists as rules
from desktop_app.services import event_log, lifecycle, metrics_entry, review
from desktop_app.storage import summaries

JSON_COLS = ("kpis_json", "compliance_json")


def _row(ctx, sid) -> dict:
    """The summary row, JSON parsed; updated_at is when its compliance was last computed (an event
    that creates no checklist run leaves it), so it is not compared."""
    r = dict(ctx.ws.query_one("SELECT * FROM session_summaries WHERE session_id = ?", (sid,)))
    r.pop("updated_at")
    for c in JSON_COLS:
        r[c] = json.loads(r[c]) if r[c] else None
    return r


def _recomputed(ctx, sid, now) -> dict:
    """The row a full refresh would write now (rolled back: the stored row is left as it was)."""
    ctx.ws.conn.execute("BEGIN IMMEDIATE")
    try:
        summaries.refresh(ctx.ws, sid, now)
        return _row(ctx, sid)
    finally:
        ctx.ws.conn.execute("ROLLBACK")


def _assert_exact(ctx, sid, clock) -> None:
    assert _row(ctx, sid) == _recomputed(ctx, sid, clock.now())


@pytest.fixture
def live(ctx, clock, planned):
    clock.set(planned.scheduled_start_utc)
    lifecycle.start_preparing(ctx, planned.id)
    lifecycle.go_live(ctx, planned.id, override_reason="测试")
    clock.advance(minutes=1)
    metrics_entry.record_snapshot(ctx, planned.id, {"online_viewers": 300, "gmv": "1200", "orders": 12,
                                                    "uv": 800, "buyers": 11})
    return lifecycle.get(ctx, planned.id)


def test_hotkeys_keep_the_summary_equal_to_a_full_recompute(ctx, clock, live):
    _assert_exact(ctx, live.id, clock)
    script = [("product", None), ("giveaway", None), ("incident", "complaint_spike"), ("traffic", None),
              ("product", None), ("compliance", None), ("milestone", None), ("incident", None)]
    for minutes, (kind, subtype) in enumerate(script, start=2):
        clock.advance(minutes=minutes)
        event_log.log_event(ctx, live.id, kind, f"{kind} {minutes}", subtype=subtype)
        _assert_exact(ctx, live.id, clock)
    row = _row(ctx, live.id)
    assert row["event_count"] >= len(script)
    assert row["compliance_json"]["counts"]["on_time"] >= 4  # item switch ×2, incident ×2 logged by the event
    # Edit and delete move only the count and the sign-off.
    first = ctx.ws.query_one("SELECT id FROM events WHERE session_id = ? AND kind = 'product'", (live.id,))["id"]
    event_log.edit_event(ctx, first, text="过款 1号链接（改）")
    _assert_exact(ctx, live.id, clock)
    event_log.delete_event(ctx, first)
    _assert_exact(ctx, live.id, clock)


def test_an_earlier_run_falling_due_between_hotkeys_is_counted_as_a_full_recompute_would(ctx, clock, live):
    lifecycle.end_broadcast(ctx, live.id)
    off_air = lifecycle.get(ctx, live.id).off_air_utc
    event_log.log_event(ctx, live.id, "product", "补记过款", ts=off_air - timedelta(minutes=5))
    before = _row(ctx, live.id)["compliance_json"]["counts"]["overdue"]
    # Post runs without a window turn overdue as time passes; the next (back-dated) hotkey must see it.
    clock.advance(days=2)
    event_log.log_event(ctx, live.id, "product", "再补记过款", ts=off_air - timedelta(minutes=1))
    after = _row(ctx, live.id)["compliance_json"]["counts"]["overdue"]
    assert after > before
    _assert_exact(ctx, live.id, clock)


def test_a_hotkey_in_a_session_with_a_summary_never_runs_the_full_refresh(ctx, clock, live, monkeypatch):
    def full_refresh(*_a, **_k):
        raise AssertionError("a hotkey recomputed the whole summary (recounts every sample)")

    monkeypatch.setattr(summaries, "refresh", full_refresh)
    for kind in ("product", "giveaway", "incident", "traffic"):
        clock.advance(seconds=30)
        event_log.log_event(ctx, live.id, kind, "")
    monkeypatch.undo()
    _assert_exact(ctx, live.id, clock)


def test_an_event_after_approval_marks_the_signoff_outdated(ctx, clock, live):
    lifecycle.end_broadcast(ctx, live.id)
    off_air = lifecycle.get(ctx, live.id).off_air_utc
    review.save_draft(ctx, live.id, {"summary": "ok"})
    review.submit(ctx, live.id)
    ctx.actor_id = ctx.fixture["lead"].id
    clock.advance(minutes=5)
    review.approve(ctx, live.id)
    assert _row(ctx, live.id)["signoff"] == "approved"
    event_log.log_event(ctx, live.id, "note", "复盘后补记", ts=off_air - timedelta(minutes=2))
    assert _row(ctx, live.id)["signoff"] == "outdated"
    _assert_exact(ctx, live.id, clock)


def test_compliance_plus_equals_compliance_over_all_runs(ctx, clock, live):
    from desktop_app.storage import checklists as repo

    items = repo.session_items(ctx.ws, live.id)
    runs = repo.list_runs(ctx.ws, live.id)
    by_key = {i.key: i for i in items}
    now = clock.now()
    acc = None
    for run in runs:
        acc = rules.compliance_plus(acc, [(by_key[run.item_key], rules.run_outcome(run, now))], include_pre=True)
    assert acc == rules.compliance(items, runs, now, include_pre=True)
    # Runs that do not count (pre runs of a started-now session) leave it unchanged.
    pre = [i for i in items if str(i.phase) == "pre"]
    assert rules.compliance_plus(None, [(pre[0], "open")], include_pre=False) is None
