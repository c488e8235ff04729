"""Review (复盘), action items, carry-over and the sign-off state machine."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from desktop_app.domain.errors import TransitionRefused, ValidationError
from desktop_app.domain.review import Signoff
from desktop_app.services import event_log, lifecycle, metrics_entry, review
from desktop_app.storage import summaries


def _to_post(ctx, session, clock):
    lifecycle.start_preparing(ctx, session.id)
    clock.set(session.scheduled_start_utc)
    lifecycle.go_live(ctx, session.id, override_reason="测试")
    clock.advance(minutes=30)
    metrics_entry.record_snapshot(ctx, session.id, {"gmv": "1000", "uv": 500, "orders": 20, "buyers": 18,
                                                    "online_viewers": 300})
    event_log.log_event(ctx, session.id, "giveaway", "第一轮福袋开奖")
    clock.advance(minutes=30)
    lifecycle.end_broadcast(ctx, session.id)
    clock.advance(hours=2)
    return session


@pytest.fixture
def post(ctx, planned, clock):
    return _to_post(ctx, planned, clock)


def _signoff(ctx, sid) -> str:
    return summaries.get_summary(ctx.ws, sid).signoff


def _as(ctx, who):
    ctx.actor_id = ctx.fixture[who].id


def test_draft_autosave_is_idempotent_and_cheap(ctx, post):
    changes = review.save_draft(ctx, post.id, {"anchor_performance": "状态好", "internal_notes": "迟到5分钟"})
    assert post.id in changes.reviews
    before = ctx.ws.query_one("SELECT modified_at, fields_json FROM reviews WHERE session_id = ?", (post.id,))
    again = review.save_draft(ctx, post.id, {"anchor_performance": "状态好"})
    assert again.empty
    after = ctx.ws.query_one("SELECT modified_at, fields_json FROM reviews WHERE session_id = ?", (post.id,))
    assert tuple(before) == tuple(after)
    view = review.get_review(ctx, post.id)
    assert view.content.values["internal_notes"] == "迟到5分钟"
    assert _signoff(ctx, post.id) == "draft"


def test_review_of_a_live_session_is_refused(ctx, planned, clock):
    lifecycle.start_preparing(ctx, planned.id)
    with pytest.raises(TransitionRefused):
        review.save_draft(ctx, planned.id, {"summary": "x"})


def test_unknown_field_and_bad_steps_stage_are_refused(ctx, post):
    with pytest.raises(ValidationError):
        review.save_draft(ctx, post.id, {"nonsense": "x"})
    with pytest.raises(ValidationError) as err:
        review.save_draft(ctx, post.id, {"steps_stage": "moon"})
    assert "moon" in err.value.text("en")
    assert ctx.ws.query_one("SELECT count(*) FROM reviews")[0] == 0


def test_action_due_before_the_session_is_refused_with_a_clear_message(ctx, post):
    with pytest.raises(ValidationError) as err:
        review.add_action(ctx, post.id, "复核库存", owner="运营", due=date(2026, 11, 20))
    assert err.value.key == "error.review.action_due_before_session"
    assert "2026-11-20" in err.value.text("zh_CN") and "截止日期" in err.value.text("zh_CN")
    assert "before the session" in err.value.text("en")
    assert ctx.ws.query_one("SELECT count(*) FROM action_items")[0] == 0


def test_client_facing_review_never_has_internal_fields(ctx, post):
    review.save_draft(ctx, post.id, {"summary": "节奏稳定", "internal_notes": "主播迟到", "stock_issues": "断货8分钟",
                                     "traffic_sources": "自然流量为主"}, client_facing={"traffic_sources": False})
    review.add_action(ctx, post.id, "对外行动项", due=date(2026, 11, 28), client_visible=True)
    review.add_action(ctx, post.id, "内部行动项", due=date(2026, 11, 28))
    out = review.client_facing_review(ctx, post.id)
    keys = {f["key"] for f in out["fields"]}
    assert keys == {"summary"}
    assert [a["text"] for a in out["action_items"]] == ["对外行动项"]
    assert out["signed_off"] is False
    # internal_notes can never be switched to client-facing
    review.save_draft(ctx, post.id, {}, client_facing={"internal_notes": True})
    assert "internal_notes" not in {f["key"] for f in review.client_facing_review(ctx, post.id)["fields"]}


def test_submit_approve_return_state_machine(ctx, post, clock):
    with pytest.raises(TransitionRefused):
        review.submit(ctx, post.id)  # nothing written yet
    review.save_draft(ctx, post.id, {"summary": "ok"})
    _as(ctx, "lead")
    with pytest.raises(TransitionRefused):
        review.approve(ctx, post.id)  # a draft cannot be approved
    _as(ctx, "specialist")
    review.submit(ctx, post.id)
    assert _signoff(ctx, post.id) == "submitted"
    with pytest.raises(TransitionRefused):
        review.submit(ctx, post.id)
    with pytest.raises(TransitionRefused) as err:
        review.approve(ctx, post.id)  # a specialist cannot approve
    assert err.value.key == "error.review.lead_only"
    _as(ctx, "lead")
    with pytest.raises(ValidationError):
        review.return_review(ctx, post.id, "  ")
    review.return_review(ctx, post.id, "货的部分写具体款")
    view = review.get_review(ctx, post.id)
    assert view.return_comment == "货的部分写具体款" and _signoff(ctx, post.id) == "returned"
    _as(ctx, "specialist")
    review.save_draft(ctx, post.id, {"best_products": "补水面膜"})
    review.submit(ctx, post.id)
    _as(ctx, "lead")
    clock.advance(hours=1)
    review.approve(ctx, post.id)
    view = review.get_review(ctx, post.id)
    assert view.approved_by == ctx.fixture["lead"].id
    assert len(ctx.ws.query_one("SELECT approval_hash FROM reviews")[0]) == 64
    assert _signoff(ctx, post.id) == "approved"
    assert review.client_facing_review(ctx, post.id)["signed_off"] is True


def _approved(ctx, post, clock):
    review.save_draft(ctx, post.id, {"summary": "ok"})
    review.submit(ctx, post.id)
    _as(ctx, "lead")
    clock.advance(minutes=5)
    review.approve(ctx, post.id)
    _as(ctx, "specialist")
    clock.advance(minutes=5)


def test_a_later_event_outdates_the_signoff_until_approved_again(ctx, post, clock):
    _approved(ctx, post, clock)
    event_log.log_event(ctx, post.id, "note", "补记：超卖12单", ts=post.scheduled_start_utc + timedelta(minutes=40))
    assert _signoff(ctx, post.id) == "outdated"
    assert review.signoff_for(ctx.ws, post.id) == Signoff.OUTDATED
    _as(ctx, "lead")
    review.approve(ctx, post.id)  # a lead re-approves what is there now
    assert _signoff(ctx, post.id) == "approved"


def test_editing_an_event_or_the_review_outdates_the_signoff(ctx, post, clock):
    _approved(ctx, post, clock)
    ev = ctx.ws.query_one("SELECT id FROM events WHERE kind = 'giveaway'")[0]
    event_log.edit_event(ctx, ev, text="第一轮福袋开奖（改）")
    assert _signoff(ctx, post.id) == "outdated"
    _as(ctx, "lead")
    review.approve(ctx, post.id)
    _as(ctx, "specialist")
    review.save_draft(ctx, post.id, {"summary": "改过的总结"})
    assert _signoff(ctx, post.id) == "outdated"


def test_a_later_realtime_sample_outdates_but_settlement_only_marks_resettled(ctx, post, clock):
    _approved(ctx, post, clock)
    review.settle(ctx, post.id, {"gmv": "980", "refunds_amount": "50"}, as_of=date(2026, 11, 27))
    assert _signoff(ctx, post.id) == "resettled"
    metrics_entry.record_snapshot(ctx, post.id, {"gmv": "1010"}, ts=post.scheduled_start_utc + timedelta(minutes=50))
    assert _signoff(ctx, post.id) == "outdated"


def test_app_ticked_runs_do_not_outdate_but_hand_ticked_do(ctx, post, clock):
    _approved(ctx, post, clock)
    ctx.ws.conn.execute("UPDATE checklist_runs SET status = 'done', auto = 1 WHERE session_id = ?"
                        " AND item_key = 'post.h24.client_export'", (post.id,))
    summaries.refresh(ctx.ws, post.id, clock.now())
    assert _signoff(ctx, post.id) == "approved"
    run = ctx.ws.query_one("SELECT id FROM checklist_runs WHERE session_id = ? AND status = 'open' AND auto = 0"
                           " LIMIT 1", (post.id,))
    with ctx.ws.write():
        ctx.ws.conn.execute("UPDATE checklist_runs SET status = 'done', done_at = ? WHERE id = ?",
                            ("2026-11-26T20:00:00.000Z", run[0]))
    assert _signoff(ctx, post.id) == "outdated"


def test_summary_follows_close_resettle_and_reopen(ctx, post, clock):
    before = summaries.get_summary(ctx.ws, post.id)
    assert before.kpis["gmv"].value == 100000 and str(before.kpis["gmv"].basis) == "provisional"
    ctx.ws.conn.execute("UPDATE checklist_runs SET status = 'done' WHERE session_id = ?", (post.id,))
    lifecycle.close_session(ctx, post.id)
    assert ctx.ws.query_one("SELECT status FROM session_summaries WHERE session_id = ?", (post.id,))[0] == "closed"
    review.settle(ctx, post.id, {"gmv": "950"}, as_of=date(2026, 11, 27))
    s = summaries.get_summary(ctx.ws, post.id)
    assert s.kpis["gmv"].value == 95000 and str(s.kpis["gmv"].basis) == "settled"
    review.settle(ctx, post.id, {"gmv": "940"}, as_of=date(2026, 12, 3))
    assert summaries.get_summary(ctx.ws, post.id).kpis["gmv"].value == 94000
    lifecycle.reopen(ctx, post.id, "补充复盘")
    row = ctx.ws.query_one("SELECT status, gmv FROM session_summaries WHERE session_id = ?", (post.id,))
    assert tuple(row) == ("post", 94000)
    # the real-time value is still there, visible as provisional
    assert review.provisional_and_settled(ctx, post.id)["gmv"] == {"provisional": 100000, "settled": 94000,
                                                                   "as_of": "2026-12-03"}


def test_action_items_carry_over_to_the_anchors_next_session(ctx, post, clock):
    nxt, _ = lifecycle.plan_session(ctx, anchor_id=ctx.fixture["anchor"].id, title="下一场",
                                    scheduled_start=post.scheduled_start_utc + timedelta(days=2))
    item, _ = review.add_action(ctx, post.id, "开播前复核福袋库存", owner="运营", due=date(2026, 11, 28))
    carried = ctx.ws.query_one("SELECT carried_to_session_id FROM action_items WHERE id = ?", (item.id,))[0]
    assert carried == nxt.id
    assert [a.text for a in review.carryover_items(ctx, nxt.id)] == ["开播前复核福袋库存"]
    note = ctx.ws.query_one("SELECT note FROM checklist_runs WHERE session_id = ? AND item_key = 'pre.h4.carryover'",
                            (nxt.id,))
    if note is not None:  # the default template has the carry-over item
        assert "开播前复核福袋库存" in note[0]
    review.update_action(ctx, item.id, done=True)
    assert review.carryover_items(ctx, nxt.id) == []
    note = ctx.ws.query_one("SELECT note FROM checklist_runs WHERE session_id = ? AND item_key = 'pre.h4.carryover'",
                            (nxt.id,))
    if note is not None:  # nothing left open: no "0 items" note on the run
        assert not note[0]


def test_a_session_planned_later_picks_up_open_action_items(ctx, post, clock):
    review.add_action(ctx, post.id, "换暖光补光灯", due=date(2026, 11, 29))
    nxt, _ = lifecycle.plan_session(ctx, anchor_id=ctx.fixture["anchor"].id, title="下一场",
                                    scheduled_start=post.scheduled_start_utc + timedelta(days=3))
    assert ctx.ws.query_one("SELECT carried_to_session_id FROM action_items")[0] == nxt.id
