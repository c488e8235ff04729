"""When runs fall due: pre offsets in the session's zone (incl. DST), live recurrences from the
actual start until the actual end (late start, early end), post offsets from the actual end."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from desktop_app.domain.checklists import next_recurrence, offset_due, recurrence_dues
from desktop_app.domain.enums import RunStatus, SessionStatus
from desktop_app.services import checklists as engine
from desktop_app.services import lifecycle
from desktop_app.storage import checklists as repo


def due_of(ctx, session_id, key):
    return [r.due_at for r in repo.list_runs(ctx.ws, session_id) if r.item_key == key]


def plan(ctx, start, tz="Asia/Shanghai", hours=3):
    s, _ = lifecycle.plan_session(ctx, anchor_id=ctx.fixture["anchor"].id, title="排期测试", scheduled_start=start,
                                  scheduled_end=start + timedelta(hours=hours), timezone=tz)
    return s


def test_pre_offsets_in_shanghai(ctx):
    start = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)  # 20:00 Shanghai
    s = plan(ctx, start)
    assert due_of(ctx, s.id, "pre.d1.run_sheet") == [start - timedelta(days=1)]
    assert due_of(ctx, s.id, "pre.h4.links") == [start - timedelta(hours=4)]
    assert due_of(ctx, s.id, "pre.m30.go_nogo") == [start - timedelta(minutes=30)]
    pre_runs = [r for r in repo.list_runs(ctx.ws, s.id)]
    assert len(pre_runs) == 30 and all(r.status == RunStatus.OPEN and r.window_end is None for r in pre_runs)


def test_day_offsets_keep_the_wall_clock_across_the_berlin_dst_change(ctx):
    # Europe/Berlin springs forward on 2026-03-29 at 02:00 → 03:00.
    start = datetime(2026, 3, 29, 18, 0, tzinfo=UTC)  # 20:00 CEST
    s = plan(ctx, start, tz="Europe/Berlin")
    d1 = due_of(ctx, s.id, "pre.d1.run_sheet")[0]
    assert d1 == datetime(2026, 3, 28, 19, 0, tzinfo=UTC)  # 20:00 CET the day before: 23 h earlier
    assert start - d1 == timedelta(hours=23)
    assert due_of(ctx, s.id, "pre.h4.links") == [start - timedelta(hours=4)]  # hours stay absolute
    # And in autumn (back on 2026-10-25) a day is 25 h.
    autumn = datetime(2026, 10, 25, 19, 0, tzinfo=UTC)  # 20:00 CET
    assert autumn - offset_due(autumn, -1440, "Europe/Berlin") == timedelta(hours=25)
    assert offset_due(autumn, -30 * 1440, "Europe/Berlin") == datetime(2026, 9, 25, 18, 0, tzinfo=UTC)


def test_recurrence_across_a_six_hour_broadcast(ctx, clock, planned):
    clock.set(planned.scheduled_start_utc)
    lifecycle.start_preparing(ctx, planned.id)
    lifecycle.go_live(ctx, planned.id, override_reason="测试")
    l0 = clock.now()
    for _ in range(6 * 12):  # the UI timer, every 5 minutes
        clock.advance(minutes=5)
        engine.tick_clock(ctx)
    lifecycle.end_broadcast(ctx, planned.id)
    r15 = due_of(ctx, planned.id, "live.r15.snapshot")
    assert len(r15) == 24 and r15[0] == l0 and r15[-1] == l0 + timedelta(minutes=345)
    assert len(due_of(ctx, planned.id, "live.r5.online_flow")) == 72
    assert len(due_of(ctx, planned.id, "live.r30.client_report")) == 12
    runs = [r for r in repo.list_runs(ctx.ws, planned.id) if r.item_key == "live.r15.snapshot"]
    assert all(r.window_end == r.due_at + timedelta(minutes=15) for r in runs)
    # Nobody ticked: all passed windows are missed, pure domain agrees.
    assert all(r.status == RunStatus.MISSED for r in runs[:-1])
    assert recurrence_dues(l0, 15, l0 + timedelta(hours=6)) == r15


def test_late_start_counts_from_actual_on_air_and_early_end_stops_runs(ctx, clock, planned):
    clock.set(planned.scheduled_start_utc + timedelta(minutes=40))  # 40 minutes late
    lifecycle.start_preparing(ctx, planned.id)
    lifecycle.go_live(ctx, planned.id, override_reason="迟到")
    l0 = clock.now()
    clock.advance(minutes=50)  # ends after 50 minutes instead of 3 h
    lifecycle.end_broadcast(ctx, planned.id)
    e = clock.now()
    assert due_of(ctx, planned.id, "live.r30.client_report") == [l0, l0 + timedelta(minutes=30)]
    assert due_of(ctx, planned.id, "live.r15.snapshot") == [l0 + timedelta(minutes=m) for m in (0, 15, 30, 45)]
    # Post runs are due from the actual end.
    assert due_of(ctx, planned.id, "post.h24.settle") == [e + timedelta(days=1)]
    assert due_of(ctx, planned.id, "post.e0.final_snapshot") == [e]
    # Later clock ticks never add live runs after E.
    clock.advance(hours=3)
    engine.tick_clock(ctx)
    assert len(due_of(ctx, planned.id, "live.r15.snapshot")) == 4


def test_a_run_due_exactly_at_the_end_is_not_created(ctx, clock, planned):
    clock.set(planned.scheduled_start_utc)
    lifecycle.start_preparing(ctx, planned.id)
    lifecycle.go_live(ctx, planned.id, override_reason="x")
    clock.advance(minutes=30)
    lifecycle.end_broadcast(ctx, planned.id)
    assert len(due_of(ctx, planned.id, "live.r30.client_report")) == 1


def test_next_recurrence():
    l0 = datetime(2026, 1, 1, 12, tzinfo=UTC)
    assert next_recurrence(l0, 15, l0 - timedelta(minutes=1)) == l0
    assert next_recurrence(l0, 15, l0) == l0 + timedelta(minutes=15)
    assert next_recurrence(l0, 15, l0 + timedelta(minutes=16)) == l0 + timedelta(minutes=30)


def test_started_now_and_imported_sessions_get_no_pre_runs(ctx, clock):
    s, _ = lifecycle.start_now(ctx, anchor_id=ctx.fixture["anchor"].id, title="临时开播")
    clock.advance(minutes=1)
    engine.tick_clock(ctx)
    keys = {r.item_key for r in repo.list_runs(ctx.ws, s.id)}
    assert keys and not any(k.startswith("pre.") for k in keys)
    with ctx.ws.write():
        imported = lifecycle.create_imported(ctx, anchor_id=ctx.fixture["anchor"].id, title="历史",
                                             on_air=clock.now() - timedelta(days=3),
                                             off_air=clock.now() - timedelta(days=3) + timedelta(hours=2))
    assert repo.list_runs(ctx.ws, imported.id) == []


def test_moving_the_planned_start_moves_open_pre_runs(ctx, planned):
    new_start = planned.scheduled_start_utc + timedelta(hours=2)
    lifecycle.update_plan(ctx, planned.id, scheduled_start=new_start,
                          scheduled_end=new_start + timedelta(hours=3))
    assert due_of(ctx, planned.id, "pre.h2.stream_test") == [new_start - timedelta(hours=2)]


def test_planned_session_moves_to_pre_when_the_first_item_falls_due(ctx, clock):
    s = plan(ctx, clock.now() + timedelta(days=3))
    engine.tick_clock(ctx)
    assert lifecycle.get(ctx, s.id).status == SessionStatus.PLANNED
    clock.set(s.scheduled_start_utc - timedelta(hours=23))  # past T-1d
    changes = engine.tick_clock(ctx)
    assert s.id in changes.sessions
    assert lifecycle.get(ctx, s.id).status == SessionStatus.PRE


def test_imported_history_without_an_end_gets_no_live_recurrences_up_to_now(ctx, clock):
    """A sessions list without end times, imported months later: the closed sessions must not be
    filled with a run every few minutes from their start until today (it took minutes and made
    thousands of missed runs)."""
    on_air = datetime(2026, 7, 1, 12, tzinfo=UTC)
    clock.set(datetime(2026, 11, 27, 4, tzinfo=UTC))
    with ctx.ws.write():
        s = lifecycle.create_imported(ctx, anchor_id=ctx.fixture["anchor"].id, title="导入的场次", on_air=on_air,
                                      off_air=None)
        engine.advance(ctx, s.id)
    live_runs = ctx.ws.query_one(
        "SELECT count(*) FROM checklist_runs r JOIN session_items i ON i.session_id = r.session_id"
        " AND i.key = r.item_key WHERE r.session_id = ? AND i.phase = 'live'", (s.id,))[0]
    assert live_runs == 0
    with ctx.ws.write():  # with its end known, the window [on air, end) is filled as for any session
        ended = lifecycle.create_imported(ctx, anchor_id=ctx.fixture["anchor"].id, title="有结束时间",
                                          on_air=on_air, off_air=on_air + timedelta(hours=2))
        engine.advance(ctx, ended.id)
    dues = [r[0] for r in ctx.ws.query("SELECT due_at FROM checklist_runs WHERE session_id = ?", (ended.id,))]
    assert dues and max(dues) < "2026-07-01T14:00:00.000Z"
