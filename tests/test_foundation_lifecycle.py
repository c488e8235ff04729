"""Session lifecycle (DESIGN.md): planned → pre → live → post → closed, cancel, start now,
imported history, reopen, resume refusal, gates, and what each phase accepts."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from desktop_app.domain.enums import EventKind, Phase, RunStatus, SessionOrigin, SessionStatus, Source
from desktop_app.domain.errors import TransitionRefused, ValidationError
from desktop_app.domain.models import Target, short_title
from desktop_app.services import lifecycle, metrics_entry
from desktop_app.services.event_log import display_text, log_event
from desktop_app.storage import checklists as checklist_repo
from desktop_app.storage import events as event_repo
from desktop_app.storage import samples as sample_repo
from desktop_app.storage.summaries import get_summary


def status(ctx, sid) -> SessionStatus:
    return lifecycle.get(ctx, sid).status


def finish_runs(ctx, sid, phase: Phase) -> int:
    """Mark a phase's open runs done (the checklist feature's job; here only as set-up)."""
    keys = [i.key for i in checklist_repo.session_items(ctx.ws, sid) if i.phase == phase]
    with ctx.ws.write():
        cur = ctx.ws.conn.execute(
            f"UPDATE checklist_runs SET status = 'done' WHERE session_id = ? AND status = 'open'"
            f" AND item_key IN ({','.join('?' * len(keys))})", (sid, *keys))
    return cur.rowcount


def make_live(ctx, clock, sid) -> None:
    lifecycle.start_preparing(ctx, sid)
    finish_runs(ctx, sid, Phase.PRE)
    clock.advance(hours=10)
    lifecycle.go_live(ctx, sid)


def make_post(ctx, clock, sid) -> None:
    make_live(ctx, clock, sid)
    clock.advance(hours=3)
    lifecycle.end_broadcast(ctx, sid)


def make_closed(ctx, clock, sid) -> None:
    make_post(ctx, clock, sid)
    finish_runs(ctx, sid, Phase.POST)
    lifecycle.close_session(ctx, sid)


def system_texts(ctx, sid) -> list[str]:
    return [display_text(e, "en") for e in event_repo.list_events(ctx.ws, sid) if e.kind == EventKind.SYSTEM]


# -- planning ------------------------------------------------------------------------
def test_planning_takes_defaults_from_the_anchor_and_snapshots_the_template(ctx, planned):
    anchor = ctx.fixture["anchor"]
    assert (planned.specialist_id, planned.client_id, planned.platform) == (
        ctx.fixture["specialist"].id, anchor.client_id, anchor.platform)
    assert (planned.timezone, planned.currency, planned.status, planned.origin) == (
        "Asia/Shanghai", "CNY", SessionStatus.PLANNED, SessionOrigin.PLANNED)
    template = checklist_repo.get_template(ctx.ws, planned.template_id)
    assert planned.template_version == template.version
    items = checklist_repo.session_items(ctx.ws, planned.id)
    assert [i.key for i in items] == [i.key for i in template.items] and len(items) == 66
    pre_runs = checklist_repo.list_runs(ctx.ws, planned.id)
    assert pre_runs and all(r.status == RunStatus.OPEN for r in pre_runs)
    assert {i.phase for i in items if i.key in {r.item_key for r in pre_runs}} == {Phase.PRE}
    assert get_summary(ctx.ws, planned.id) is not None


def test_a_session_snapshot_survives_template_changes(ctx, planned):
    ctx.ws.conn.execute("UPDATE template_items SET text_zh = '改过了'")
    assert all(i.text_zh != "改过了" for i in checklist_repo.session_items(ctx.ws, planned.id))


def count_sessions(ctx) -> int:
    return ctx.ws.query_one("SELECT count(*) FROM sessions")[0]


@pytest.mark.parametrize("end_hours", [0, -1])
def test_an_end_not_after_the_start_is_refused(ctx, clock, end_hours):
    start = clock.now() + timedelta(hours=5)
    with pytest.raises(ValidationError) as exc:
        lifecycle.plan_session(ctx, anchor_id=ctx.fixture["anchor"].id, title="x", scheduled_start=start,
                               scheduled_end=start + timedelta(hours=end_hours))
    assert exc.value.field == "scheduled_end"
    assert exc.value.text("zh_CN").startswith("结束时间必须晚于开始时间")
    assert "Planned end" in exc.value.text("en")
    assert count_sessions(ctx) == 0


def test_moving_a_plan_so_it_ends_before_it_starts_is_refused(ctx, planned):
    with pytest.raises(ValidationError) as exc:
        lifecycle.update_plan(ctx, planned.id, scheduled_end=planned.scheduled_start_utc - timedelta(minutes=1))
    assert exc.value.field == "scheduled_end"
    assert lifecycle.get(ctx, planned.id).scheduled_end_utc == planned.scheduled_end_utc


@pytest.mark.parametrize("value", [-1, -0.01])
def test_a_negative_target_is_refused_naming_the_metric(ctx, clock, value):
    with pytest.raises(ValidationError) as exc:
        lifecycle.plan_session(ctx, anchor_id=ctx.fixture["anchor"].id, title="x",
                               scheduled_start=clock.now() + timedelta(hours=1),
                               targets=[Target("gmv", value, "min")])
    assert exc.value.field == "target.gmv"
    assert "成交金额" in exc.value.text("zh_CN") and "GMV" in exc.value.text("en")
    assert count_sessions(ctx) == 0


def test_targets_unknown_or_twice_are_refused(ctx, planned):
    for targets in ([Target("gmvv", 1, "min")], [Target("gmv", 1, "min"), Target("gmv", 2, "min")]):
        with pytest.raises(ValidationError):
            lifecycle.set_targets(ctx, planned.id, targets)
    lifecycle.set_targets(ctx, planned.id, [Target("gmv", 1000000, "min"), Target("refund_rate", 0.08, "max")])
    with pytest.raises(ValidationError):
        lifecycle.set_targets(ctx, planned.id, [Target("orders", -5, "min")])
    from desktop_app.storage.sessions import get_targets
    assert [(t.metric_key, t.direction.value) for t in get_targets(ctx.ws, planned.id)] == [
        ("gmv", "min"), ("refund_rate", "max")]


def test_planning_without_title_or_for_an_unknown_anchor_is_refused(ctx, clock):
    start = clock.now() + timedelta(hours=1)
    with pytest.raises(ValidationError) as exc:
        lifecycle.plan_session(ctx, anchor_id=ctx.fixture["anchor"].id, title="  ", scheduled_start=start)
    assert exc.value.field == "title"
    with pytest.raises(ValidationError) as exc:
        lifecycle.plan_session(ctx, anchor_id="nope", title="x", scheduled_start=start)
    assert exc.value.field == "anchor"
    with pytest.raises(ValidationError) as exc:
        lifecycle.plan_session(ctx, anchor_id=ctx.fixture["anchor"].id, title="x", scheduled_start=start,
                               currency="XXX")
    assert exc.value.field == "currency"
    assert count_sessions(ctx) == 0


# -- the happy path ----------------------------------------------------------------------
def test_a_session_goes_planned_pre_live_post_closed(ctx, clock, planned):
    sid = planned.id
    lifecycle.start_preparing(ctx, sid)
    assert status(ctx, sid) == SessionStatus.PRE
    assert finish_runs(ctx, sid, Phase.PRE) > 0
    on_air = clock.advance(hours=10)
    lifecycle.go_live(ctx, sid)
    s = lifecycle.get(ctx, sid)
    assert (s.status, s.on_air_utc) == (SessionStatus.LIVE, on_air)
    off_air = clock.advance(hours=3)
    lifecycle.end_broadcast(ctx, sid)
    s = lifecycle.get(ctx, sid)
    assert (s.status, s.off_air_utc) == (SessionStatus.POST, off_air)
    post_keys = {i.key for i in checklist_repo.session_items(ctx.ws, sid) if i.phase == Phase.POST}
    post_runs = [r for r in checklist_repo.list_runs(ctx.ws, sid) if r.item_key in post_keys]
    assert post_runs and all(r.due_at >= off_air for r in post_runs)
    finish_runs(ctx, sid, Phase.POST)
    lifecycle.close_session(ctx, sid)
    assert status(ctx, sid) == SessionStatus.CLOSED
    assert system_texts(ctx, sid) == ["Went live", "Went off air"]
    assert get_summary(ctx.ws, sid).kpis["duration_seconds"].value == 3 * 3600


@pytest.mark.parametrize("setup, action, labels", [
    (None, lambda ctx, sid: lifecycle.go_live(ctx, sid, override_reason="急"), ("已计划", "直播中")),
    (None, lambda ctx, sid: lifecycle.end_broadcast(ctx, sid), ("已计划", "下播后")),
    ("pre", lambda ctx, sid: lifecycle.end_broadcast(ctx, sid), ("开播前", "下播后")),
    ("pre", lambda ctx, sid: lifecycle.close_session(ctx, sid), ("开播前", "已结束")),
    ("live", lambda ctx, sid: lifecycle.close_session(ctx, sid), ("直播中", "已结束")),
    ("live", lambda ctx, sid: lifecycle.start_preparing(ctx, sid), ("直播中", "开播前")),
    ("post", lambda ctx, sid: lifecycle.go_live(ctx, sid, override_reason="again"), ("下播后", "直播中")),
])
def test_skipping_or_reversing_a_phase_is_refused(ctx, clock, planned, setup, action, labels):
    {None: lambda: None, "pre": lambda: lifecycle.start_preparing(ctx, planned.id),
     "live": lambda: make_live(ctx, clock, planned.id), "post": lambda: make_post(ctx, clock, planned.id)}[setup]()
    before = lifecycle.get(ctx, planned.id)
    events_before = len(event_repo.list_events(ctx.ws, planned.id))
    with pytest.raises(TransitionRefused) as exc:
        action(ctx, planned.id)
    assert lifecycle.get(ctx, planned.id) == before
    assert len(event_repo.list_events(ctx.ws, planned.id)) == events_before
    text = exc.value.text("zh_CN")
    assert labels[0] in text and labels[1] in text, text
    assert "planned" not in exc.value.text("en")  # labels, not raw ids


# -- cancel ------------------------------------------------------------------------------
@pytest.mark.parametrize("setup", [None, "pre"])
def test_cancel_works_from_planned_and_pre(ctx, planned, setup):
    if setup:
        lifecycle.start_preparing(ctx, planned.id)
    lifecycle.cancel_session(ctx, planned.id, "主播生病")
    assert status(ctx, planned.id) == SessionStatus.CANCELLED
    assert ctx.ws.query_one("SELECT cancel_reason FROM sessions WHERE id = ?", (planned.id,))[0] == "主播生病"
    with pytest.raises(TransitionRefused):
        lifecycle.start_preparing(ctx, planned.id)
    with pytest.raises(TransitionRefused):
        log_event(ctx, planned.id, "note", "还能记吗")


@pytest.mark.parametrize("setup", ["live", "post", "closed"])
def test_cancel_is_refused_once_the_session_went_live(ctx, clock, planned, setup):
    {"live": make_live, "post": make_post, "closed": make_closed}[setup](ctx, clock, planned.id)
    before = status(ctx, planned.id)
    with pytest.raises(TransitionRefused):
        lifecycle.cancel_session(ctx, planned.id, "不播了")
    assert status(ctx, planned.id) == before


def test_cancel_needs_a_reason(ctx, planned):
    with pytest.raises(ValidationError) as exc:
        lifecycle.cancel_session(ctx, planned.id, "  ")
    assert exc.value.field == "reason"
    assert status(ctx, planned.id) == SessionStatus.PLANNED


# -- start now and imported ------------------------------------------------------------------
def test_start_now_creates_a_live_session_without_pre_runs(ctx, clock):
    s, changes = lifecycle.start_now(ctx, anchor_id=ctx.fixture["anchor"].id, title="临时加播")
    assert (s.status, s.origin, s.on_air_utc) == (SessionStatus.LIVE, SessionOrigin.STARTED_NOW, clock.now())
    items = {i.key: i for i in checklist_repo.session_items(ctx.ws, s.id)}
    assert items  # the checklist snapshot is there for live and post items ...
    assert [r for r in checklist_repo.list_runs(ctx.ws, s.id) if items[r.item_key].phase == Phase.PRE] == []
    assert get_summary(ctx.ws, s.id).compliance is None  # ... but it counts for no pre compliance
    assert s.id in changes.sessions
    log_event(ctx, s.id, "giveaway", "福袋 1", ts=clock.now())


def test_imported_history_is_created_closed(ctx, clock):
    on_air = clock.now() - timedelta(days=3)
    with ctx.ws.write():
        s = lifecycle.create_imported(ctx, anchor_id=ctx.fixture["anchor"].id, title="历史场",
                                      on_air=on_air, off_air=on_air + timedelta(hours=2))
    s = lifecycle.get(ctx, s.id)
    assert (s.status, s.origin) == (SessionStatus.CLOSED, SessionOrigin.IMPORTED)
    assert (s.on_air_utc, s.off_air_utc) == (on_air, on_air + timedelta(hours=2))
    assert checklist_repo.list_runs(ctx.ws, s.id) == []


# -- reopen and settlement ----------------------------------------------------------------------
def test_reopen_moves_closed_to_post_and_is_audited(ctx, clock, planned):
    make_closed(ctx, clock, planned.id)
    at = clock.advance(days=2)
    with pytest.raises(ValidationError):
        lifecycle.reopen(ctx, planned.id, "")
    lifecycle.reopen(ctx, planned.id, "结算数据有误")
    assert status(ctx, planned.id) == SessionStatus.POST
    [row] = ctx.ws.query("SELECT * FROM audit_log WHERE session_id = ? AND action = 'reopen'", (planned.id,))
    assert json.loads(row["detail_json"]) == {"reason": "结算数据有误"}
    assert row["by_id"] == ctx.fixture["specialist"].id and row["at"].startswith(at.strftime("%Y-%m-%dT%H:%M"))
    assert any("结算数据有误" in t for t in system_texts(ctx, planned.id))
    with pytest.raises(TransitionRefused):
        lifecycle.reopen(ctx, planned.id, "again")


def test_settlement_on_a_closed_session_is_audited_and_wins(ctx, clock, planned):
    make_live(ctx, clock, planned.id)
    metrics_entry.record_snapshot(ctx, planned.id, {"gmv": "1000", "orders": 10})
    clock.advance(hours=3)
    lifecycle.end_broadcast(ctx, planned.id)
    finish_runs(ctx, planned.id, Phase.POST)
    lifecycle.close_session(ctx, planned.id)
    metrics_entry.record_settlement(ctx, planned.id, {"gmv": "950.5"}, as_of=date(2026, 11, 27))
    [row] = ctx.ws.query("SELECT * FROM audit_log WHERE action = 'settlement'")
    assert json.loads(row["detail_json"]) == {"as_of": "2026-11-27", "values": {"gmv": 95050}}
    gmv = get_summary(ctx.ws, planned.id).kpis["gmv"]
    assert (gmv.value, gmv.basis, gmv.as_of) == (95050, "settled", "2026-11-27")


def test_settlement_before_the_broadcast_ended_is_refused(ctx, clock, planned):
    make_live(ctx, clock, planned.id)
    with pytest.raises(TransitionRefused) as exc:
        metrics_entry.record_settlement(ctx, planned.id, {"gmv": "1"}, as_of=date(2026, 11, 27))
    assert "直播中" in exc.value.text("zh_CN")


# -- resume refusal ---------------------------------------------------------------------------
def test_declining_to_resume_ends_at_the_last_logged_time(ctx, clock, planned):
    make_live(ctx, clock, planned.id)
    on_air = clock.now()
    clock.advance(minutes=45)  # events and readings are never dated in the future
    log_event(ctx, planned.id, "note", "开场", ts=on_air + timedelta(minutes=5))
    metrics_entry.record_snapshot(ctx, planned.id, {"online_viewers": 300}, ts=on_air + timedelta(minutes=42))
    log_event(ctx, planned.id, "note", "福袋", ts=on_air + timedelta(minutes=30))
    clock.advance(days=1)  # the app was killed; it is reopened the next day
    assert [s.id for s in lifecycle.live_sessions_needing_resume(ctx)] == [planned.id]
    lifecycle.decline_resume(ctx, planned.id)
    s = lifecycle.get(ctx, planned.id)
    assert (s.status, s.off_air_utc) == (SessionStatus.POST, on_air + timedelta(minutes=42))
    assert lifecycle.live_sessions_needing_resume(ctx) == []


def test_declining_to_resume_with_nothing_logged_ends_at_on_air(ctx, clock, planned):
    make_live(ctx, clock, planned.id)
    on_air = clock.now()
    clock.advance(hours=20)
    lifecycle.decline_resume(ctx, planned.id)
    # the went-live system event is the last logged time
    assert lifecycle.get(ctx, planned.id).off_air_utc == on_air


# -- gates ----------------------------------------------------------------------------------
def test_short_titles_cut_at_the_colon_or_a_word_boundary():
    assert short_title("★ 价格核对：直播价、划线价") == "价格核对"
    assert short_title("Price check: live price and list price") == "Price check"
    long_en = "At off-air, log final real-time figures and screenshot the dashboard, marked provisional"
    assert short_title(long_en) == "At off-air, log final real-time figures…"
    assert short_title("上一场复盘未关闭行动项逐条核对并写入本场注意事项", 10) == "上一场复盘未关闭行动…"


def test_start_preparing_a_session_already_in_pre_changes_nothing(ctx, planned):
    """The checklist clock may move it first; the button a moment later must not show an error."""
    lifecycle.start_preparing(ctx, planned.id)
    before = lifecycle.get(ctx, planned.id)
    lifecycle.start_preparing(ctx, planned.id)
    assert lifecycle.get(ctx, planned.id) == before


def test_going_live_with_open_required_pre_items_needs_a_reason(ctx, clock, planned):
    lifecycle.start_preparing(ctx, planned.id)
    for reason in (None, "", "   "):
        with pytest.raises(TransitionRefused) as exc:
            lifecycle.go_live(ctx, planned.id, override_reason=reason)
        assert status(ctx, planned.id) == SessionStatus.PRE
    assert "原因" in exc.value.text("zh_CN")
    assert event_repo.list_events(ctx.ws, planned.id) == []
    lifecycle.go_live(ctx, planned.id, override_reason="平台临时改时间")
    assert status(ctx, planned.id) == SessionStatus.LIVE
    [override] = [e for e in event_repo.list_events(ctx.ws, planned.id) if e.kind == EventKind.OVERRIDE]
    assert override.text.startswith("平台临时改时间") and override.internal
    assert override.author_id == ctx.fixture["specialist"].id


def test_going_live_with_every_required_item_done_needs_no_reason(ctx, clock, planned):
    lifecycle.start_preparing(ctx, planned.id)
    ctx.ws.conn.execute("UPDATE checklist_runs SET status = 'skipped', skip_reason = 'n/a' WHERE session_id = ?",
                        (planned.id,))
    lifecycle.go_live(ctx, planned.id)
    assert [e for e in event_repo.list_events(ctx.ws, planned.id) if e.kind == EventKind.OVERRIDE] == []


def test_closing_with_open_required_post_items_is_refused(ctx, clock, planned):
    make_post(ctx, clock, planned.id)
    with pytest.raises(TransitionRefused) as exc:
        lifecycle.close_session(ctx, planned.id)
    assert status(ctx, planned.id) == SessionStatus.POST
    zh, en = exc.value.text("zh_CN"), exc.value.text("en")
    assert "下播后" in zh and "post-broadcast" in en
    # the items by name in each language, never their internal keys
    from desktop_app.services import checklists as engine

    first = engine.open_required(ctx, planned.id, Phase.POST)[0]
    assert short_title(first.text_zh, 20) in zh and short_title(first.text_en) in en
    assert "post." not in zh and "post." not in en
    finish_runs(ctx, planned.id, Phase.POST)
    lifecycle.close_session(ctx, planned.id)


def test_ending_before_going_live_is_refused(ctx, clock, planned):
    make_live(ctx, clock, planned.id)
    with pytest.raises(ValidationError) as exc:
        lifecycle.end_broadcast(ctx, planned.id, off_air=clock.now() - timedelta(seconds=1))
    assert exc.value.field == "off_air"
    assert status(ctx, planned.id) == SessionStatus.LIVE


# -- what each phase accepts -------------------------------------------------------------------
@pytest.mark.parametrize("final", ["closed", "cancelled"])
def test_closed_and_cancelled_sessions_refuse_events_and_typed_samples(ctx, clock, planned, final):
    if final == "closed":
        make_closed(ctx, clock, planned.id)
    else:
        lifecycle.cancel_session(ctx, planned.id, "取消")
    label_zh = {"closed": "已结束", "cancelled": "已取消"}[final]
    counts = ctx.ws.query_one("SELECT (SELECT count(*) FROM events), (SELECT count(*) FROM metric_samples)")
    with pytest.raises(TransitionRefused) as exc:
        log_event(ctx, planned.id, "note", "补一条")
    assert label_zh in exc.value.text("zh_CN") and "测试场" in exc.value.text("zh_CN")
    with pytest.raises(TransitionRefused) as exc:
        metrics_entry.record_snapshot(ctx, planned.id, {"gmv": "10"})
    assert label_zh in exc.value.text("zh_CN")
    assert tuple(ctx.ws.query_one(
        "SELECT (SELECT count(*) FROM events), (SELECT count(*) FROM metric_samples)")) == tuple(counts)


def test_events_and_samples_before_on_air_are_refused(ctx, clock, planned):
    make_live(ctx, clock, planned.id)
    early = clock.now() - timedelta(minutes=1)
    with pytest.raises(ValidationError) as exc:
        log_event(ctx, planned.id, "giveaway", "福袋", ts=early)
    assert exc.value.field == "ts" and "开播" in exc.value.text("zh_CN")
    with pytest.raises(ValidationError) as exc:
        metrics_entry.record_snapshot(ctx, planned.id, {"gmv": "1"}, ts=early)
    assert exc.value.field == "ts"
    assert sample_repo.list_samples(ctx.ws, planned.id) == []


def test_before_going_live_only_planning_events_are_accepted(ctx, planned):
    log_event(ctx, planned.id, "note", "备注")
    with pytest.raises(TransitionRefused) as exc:
        log_event(ctx, planned.id, "giveaway", "福袋")
    assert "福袋/优惠券" in exc.value.text("zh_CN")
    with pytest.raises(TransitionRefused):
        metrics_entry.record_snapshot(ctx, planned.id, {"gmv": "1"})


def test_post_sessions_refuse_events_after_the_end_but_imports_may_fill_the_range(ctx, clock, planned):
    make_post(ctx, clock, planned.id)
    off_air = lifecycle.get(ctx, planned.id).off_air_utc
    with pytest.raises(ValidationError):
        log_event(ctx, planned.id, "note", "late", ts=off_air + timedelta(minutes=1))
    log_event(ctx, planned.id, "note", "补记", ts=off_air - timedelta(minutes=1))
    metrics_entry.record_snapshot(ctx, planned.id, {"gmv": "5"}, ts=off_air)
    with pytest.raises(ValidationError):
        metrics_entry.record_snapshot(ctx, planned.id, {"gmv": "6"}, ts=off_air + timedelta(minutes=1))
    metrics_entry.record_snapshot(ctx, planned.id, {"gmv": "6"}, ts=off_air + timedelta(minutes=1),
                                  source=Source.IMPORT)


def test_a_counter_going_down_is_saved_with_a_translated_warning(ctx, clock, planned):
    make_live(ctx, clock, planned.id)
    metrics_entry.record_snapshot(ctx, planned.id, {"orders": 10})
    clock.advance(minutes=1)
    result = metrics_entry.record_snapshot(ctx, planned.id, {"orders": 8})
    [w] = result.warnings
    assert "成交订单数" in w.text("zh_CN") and "10 → 8" in w.text("zh_CN")
    assert len(sample_repo.list_samples(ctx.ws, planned.id)) == 2
