"""Ticking and skipping runs: values checked per field, metric and target fields, attachments,
gates, compliance figures, ad-hoc items."""

from __future__ import annotations

from datetime import timedelta

import pytest

from desktop_app.domain.enums import Phase, RunStatus, SessionStatus, Source
from desktop_app.domain.errors import TransitionRefused, ValidationError
from desktop_app.services import checklists as engine
from desktop_app.services import lifecycle
from desktop_app.storage import checklists as repo
from desktop_app.storage import samples as sample_repo
from desktop_app.storage import sessions as session_repo
from desktop_app.storage import summaries


def run_of(ctx, session_id, key, occurrence=1):
    return next(r for r in repo.list_runs(ctx.ws, session_id) if r.item_key == key and r.occurrence == occurrence)


def test_tick_records_who_when_and_typed_values(ctx, clock, planned):
    run = run_of(ctx, planned.id, "pre.h2.stream_test")
    changes = engine.do_run(ctx, run.id, {"bitrate": "6,000", "resolution_fps": " 1080p60 "}, note="用OBS")
    assert planned.id in changes.checklists
    done = run_of(ctx, planned.id, "pre.h2.stream_test")
    assert done.status == RunStatus.DONE and done.done_by == ctx.fixture["specialist"].id
    assert done.done_at == clock.now() and done.values == {"bitrate": 6000, "resolution_fps": "1080p60"}
    assert done.note == "用OBS" and not done.auto
    rows = engine.recorded_values(ctx, planned.id, lang="en")
    assert rows[0]["item_key"] == "pre.h2.stream_test"
    assert ("Bitrate", "6000 kbps") in rows[0]["display"]


@pytest.mark.parametrize("key, values, field, zh, en", [
    ("pre.h2.stream_test", {"bitrate": "快"}, "bitrate", "“码率”应为数字：快", "“Bitrate” must be a number: 快"),
    ("pre.h2.stream_test", {"bitrate": "-5"}, "bitrate", "“码率”超出范围", "“Bitrate” is outside the range 0–∞"),
    ("pre.h2.stream_test", {"bitrate": "12.5"}, "bitrate", "“码率”应为整数", "“Bitrate” must be a whole number"),
    ("pre.m30.go_nogo", {"decision": "maybe"}, "decision", "“放行结论”只能是", "“Decision” must be one of: go, no_go"),
    ("pre.h4.rehearsal", {"rehearsed": "也许"}, None, "应为是或否", "must be yes or no"),
    ("pre.h2.stream_test", {"nonsense": 1}, "nonsense", "没有字段", "has no field"),
])
def test_wrong_values_name_the_field_and_save_nothing(ctx, planned, key, values, field, zh, en):
    run = run_of(ctx, planned.id, key)
    if field is None:  # the bool field's id, whatever the seed calls it
        item = engine.item_for(ctx, planned.id, key)
        field = item.fields[0].id
        values = {field: "也许"}
    with pytest.raises(ValidationError) as exc:
        engine.do_run(ctx, run.id, values)
    assert exc.value.field == field
    assert zh in exc.value.text("zh_CN") and en in exc.value.text("en")
    assert run_of(ctx, planned.id, key) == run


def test_target_fields_set_the_session_targets_in_minor_units(ctx, planned):
    run = run_of(ctx, planned.id, "pre.d1.targets")
    engine.do_run(ctx, run.id, {"target_gmv": "50,000", "target_uv": "20000", "target_overall_roi": "3.5"})
    targets = {t.metric_key: (t.value, str(t.direction)) for t in session_repo.get_targets(ctx.ws, planned.id)}
    assert targets["gmv"] == (5_000_000, "min") and targets["uv"] == (20000, "min")
    assert targets["overall_roi"] == (3.5, "min")
    run = run_of(ctx, planned.id, "pre.d1.ad_plan")
    engine.do_run(ctx, run.id, {"budget_cap": "3000"})
    assert {t.metric_key: str(t.direction) for t in session_repo.get_targets(ctx.ws, planned.id)}["ad_spend"] == "max"


def test_metric_fields_become_samples_and_complete_the_window(ctx, clock, planned):
    clock.set(planned.scheduled_start_utc)
    lifecycle.start_preparing(ctx, planned.id)
    lifecycle.go_live(ctx, planned.id, override_reason="x")
    clock.advance(minutes=16)
    engine.tick_clock(ctx)
    snap = run_of(ctx, planned.id, "live.r15.snapshot", 2)
    engine.do_run(ctx, snap.id, {"online_viewers": 500, "uv": 9000, "pv": 15000, "gmv": "1.2万", "orders": 80,
                                 "buyers": 70, "new_followers": 30, "ad_spend": 900})
    samples = {s.metric_key: s for s in sample_repo.list_samples(ctx.ws, planned.id)}
    assert samples["gmv"].value == 1_200_000 and samples["gmv"].source == Source.CHECKLIST
    assert samples["uv"].ts_utc == clock.now()
    # The same numbers complete the metric-only items of the same window: nobody types them twice.
    assert run_of(ctx, planned.id, "live.r10.follow_cue", 2).status == RunStatus.OPEN  # fan_club_joins missing
    assert run_of(ctx, planned.id, "live.r5.online_flow", 4).status == RunStatus.OPEN  # entries/exits missing
    assert summaries.get_summary(ctx.ws, planned.id).kpis["gmv"].value == 1_200_000


def test_per_product_stock_values_are_stored_per_product(ctx, clock, planned):
    from desktop_app.storage.ingest import find_or_add_product

    with ctx.ws.write():
        p1, _ = find_or_add_product(ctx.ws, planned.id, None, name="玻尿酸面膜", sku="MASK-01", now=clock.now())
        p2, _ = find_or_add_product(ctx.ws, planned.id, None, name="防晒霜", sku=None, now=clock.now())
    run = run_of(ctx, planned.id, "pre.d1.stock_plan")
    with pytest.raises(ValidationError) as exc:  # a product of another session (or a typo) saves nothing
        engine.do_run(ctx, run.id, {"stock_remaining": {p1: "100", "nope": 5}})
    assert exc.value.text("en") == "“Stock remaining”: this session has no product nope."
    assert run_of(ctx, planned.id, "pre.d1.stock_plan").status == RunStatus.OPEN
    engine.do_run(ctx, run.id, {"stock_remaining": {p1: "100", p2: 40}})
    rows = {s.product_id: s.value for s in sample_repo.list_samples(ctx.ws, planned.id, ["stock_remaining"])}
    assert rows == {p1: 100, p2: 40}
    [view] = [v for v in engine.session_runs(ctx, planned.id) if v.item.key == "pre.d1.stock_plan"]
    assert view.value_pairs("CNY", "en") == [("Stock remaining", "玻尿酸面膜 (MASK-01): 100 件, 防晒霜: 40 件")]


def test_attachments_are_stored_with_a_size_limit(ctx, planned, tmp_path):
    pic = tmp_path / "价格表.png"
    pic.write_bytes(b"\x89PNG" + b"x" * 1000)
    att = engine.add_attachment(ctx, planned.id, pic)
    run = run_of(ctx, planned.id, "pre.d1.price_sanity")
    engine.do_run(ctx, run.id, {"price_sheet": att})
    meta = engine.attachment_info(ctx, att)
    assert meta["run_id"] == run.id and meta["size"] == 1004 and meta["name"] == "价格表.png"
    out = tmp_path / "copy.png"
    engine.save_attachment_as(ctx, att, out)
    assert out.read_bytes() == pic.read_bytes()
    big = tmp_path / "huge.mov"
    with big.open("wb") as fh:
        fh.truncate(engine.MAX_ATTACHMENT_BYTES + 1)
    n = ctx.ws.query_one("SELECT count(*) AS n FROM attachments")["n"]
    with pytest.raises(ValidationError) as exc:
        engine.add_attachment(ctx, planned.id, big)
    assert "huge.mov" in exc.value.text("en") and "10 MB limit" in exc.value.text("en")
    assert "上限 10 MB" in exc.value.text("zh_CN")
    assert ctx.ws.query_one("SELECT count(*) AS n FROM attachments")["n"] == n
    with pytest.raises(ValidationError):
        engine.do_run(ctx, run_of(ctx, planned.id, "pre.d1.banned_terms").id, {"term_list": "not-an-attachment"})


def test_skip_needs_a_reason_and_only_a_lead_skips_the_signoff(ctx, clock, planned):
    run = run_of(ctx, planned.id, "pre.d1.preheat")
    with pytest.raises(ValidationError):
        engine.skip_run(ctx, run.id, "  ")
    engine.skip_run(ctx, run.id, "本场不做预热")
    skipped = run_of(ctx, planned.id, "pre.d1.preheat")
    assert skipped.status == RunStatus.SKIPPED and skipped.skip_reason == "本场不做预热"
    _to_post(ctx, clock, planned)
    signoff = run_of(ctx, planned.id, "post.h24.lead_signoff")
    with pytest.raises(TransitionRefused) as exc:
        engine.skip_run(ctx, signoff.id, "组长休假")
    assert "Only a lead" in exc.value.text("en")
    ctx.actor_id = ctx.fixture["lead"].id
    engine.skip_run(ctx, signoff.id, "组长休假，下周补签")
    assert run_of(ctx, planned.id, "post.h24.lead_signoff").status == RunStatus.SKIPPED


def _to_post(ctx, clock, session):
    clock.set(session.scheduled_start_utc)
    if lifecycle.get(ctx, session.id).status == SessionStatus.PLANNED:
        lifecycle.start_preparing(ctx, session.id)
    lifecycle.go_live(ctx, session.id, override_reason="测试")
    clock.advance(hours=2)
    lifecycle.end_broadcast(ctx, session.id)


def test_gates_pre_override_and_post_refusal(ctx, clock, planned):
    clock.set(planned.scheduled_start_utc)
    lifecycle.start_preparing(ctx, planned.id)
    with pytest.raises(TransitionRefused):
        lifecycle.go_live(ctx, planned.id)
    required = [r for r in repo.list_runs(ctx.ws, planned.id)
                if engine.item_for(ctx, planned.id, r.item_key).required]
    for r in required:
        engine.skip_run(ctx, r.id, "演练")
    lifecycle.go_live(ctx, planned.id)  # nothing required open: no override needed
    clock.advance(hours=1)
    lifecycle.end_broadcast(ctx, planned.id)
    with pytest.raises(TransitionRefused) as exc:
        lifecycle.close_session(ctx, planned.id)
    assert "post" in exc.value.text("en").lower() or "下播后" in exc.value.text("zh_CN")
    ctx.actor_id = ctx.fixture["lead"].id
    for r in repo.list_runs(ctx.ws, planned.id):
        item = engine.item_for(ctx, planned.id, r.item_key)
        if item.phase == Phase.POST and item.required and r.status == RunStatus.OPEN:
            engine.skip_run(ctx, r.id, "测试")
    lifecycle.close_session(ctx, planned.id)
    with pytest.raises(TransitionRefused):
        engine.do_run(ctx, run_of(ctx, planned.id, "post.h24.clips").id, {})


def test_overdue_pre_stays_open_and_compliance_counts(ctx, clock, planned):
    on_time = run_of(ctx, planned.id, "pre.h2.network")
    engine.do_run(ctx, on_time.id, {"upload_bandwidth": 50})
    clock.set(planned.scheduled_start_utc)
    late = run_of(ctx, planned.id, "pre.h4.links")
    engine.do_run(ctx, late.id, {"link_count": 12} if "link_count" in
                  {f.id for f in engine.item_for(ctx, planned.id, "pre.h4.links").fields} else {})
    engine.skip_run(ctx, run_of(ctx, planned.id, "pre.d1.preheat").id, "不需要")
    engine.tick_clock(ctx)
    assert run_of(ctx, planned.id, "pre.d1.sample_qc").status == RunStatus.OPEN  # overdue, not missed
    comp = summaries.get_summary(ctx.ws, planned.id).compliance
    assert comp["counts"]["on_time"] == 1 and comp["counts"]["late"] == 1 and comp["counts"]["skipped"] == 1
    assert comp["counts"]["overdue"] == 27 and comp["rate"] == pytest.approx(2 / 30)
    assert comp["optional"]["skipped"] == 1 and comp["required"]["on_time"] == 1
    assert comp["owners"]["specialist"]["on_time"] == 1
    row = ctx.ws.query_one("SELECT compliance_rate FROM session_summaries WHERE session_id = ?", (planned.id,))
    assert row["compliance_rate"] == pytest.approx(2 / 30)


def test_missed_live_runs_and_compliance_per_specialist_and_role(ctx, clock, planned):
    _to_post(ctx, clock, planned)  # 2 h live, nothing ticked
    engine.tick_clock(ctx)
    comp = summaries.get_summary(ctx.ws, planned.id).compliance
    assert comp["phases"]["live"]["missed"] > 0 and comp["phases"]["live"]["on_time"] == 0
    s2, _ = lifecycle.start_now(ctx, anchor_id=ctx.fixture["anchor"].id, title="临时",
                                specialist_id=ctx.fixture["specialist2"].id)
    clock.advance(minutes=1)
    engine.tick_clock(ctx)
    snap = run_of(ctx, s2.id, "live.r15.snapshot")
    engine.do_run(ctx, snap.id, {"uv": 10})
    report = engine.compliance_report(ctx, clock.now() - timedelta(days=2), clock.now() + timedelta(days=1))
    assert report["sessions"] == 2
    wang = report["by_specialist"][ctx.fixture["specialist2"].id]
    assert wang["name"] == "王运营" and wang["counts"]["on_time"] == 1
    assert report["by_specialist"][ctx.fixture["specialist"].id]["counts"]["missed"] > 0
    assert "live_controller" in report["by_owner"] or "specialist" in report["by_owner"]
    # A started-now session has no pre runs, so none count.
    assert summaries.get_summary(ctx.ws, s2.id).compliance["include_pre"] is False


def test_adhoc_items_for_one_session(ctx, clock, planned):
    item, _ = engine.add_adhoc_item(ctx, planned.id, text="确认直播间新背景板到货", phase="pre", required=True,
                                    due_at=planned.scheduled_start_utc - timedelta(hours=3))
    run = run_of(ctx, planned.id, item.key)
    assert run.due_at == planned.scheduled_start_utc - timedelta(hours=3)
    assert item.key in {i.key for i in engine.open_required(ctx, planned.id, Phase.PRE)}
    with pytest.raises(ValidationError):
        engine.add_adhoc_item(ctx, planned.id, text="", phase="pre")
    with pytest.raises(ValidationError):
        engine.add_adhoc_item(ctx, planned.id, text="x", phase="later")
    post_item, _ = engine.add_adhoc_item(ctx, planned.id, text="给品牌方寄回样品", phase="post")
    assert not [r for r in repo.list_runs(ctx.ws, planned.id) if r.item_key == post_item.key]
    _to_post(ctx, clock, planned)
    assert run_of(ctx, planned.id, post_item.key).due_at == clock.now()
    with pytest.raises(TransitionRefused):
        engine.add_adhoc_item(ctx, planned.id, text="太晚了", phase="pre")
    views = engine.session_runs(ctx, planned.id, phase=Phase.POST)
    assert any(v.adhoc and v.item.key == post_item.key for v in views)
    # Other sessions never see it.
    s2, _ = lifecycle.plan_session(ctx, anchor_id=ctx.fixture["anchor"].id, title="另一场",
                                   scheduled_start=clock.now() + timedelta(days=2))
    assert item.key not in {i.key for i in repo.session_items(ctx.ws, s2.id)}


def test_reminders_and_upcoming(ctx, clock, planned):
    since = clock.now()
    clock.set(planned.scheduled_start_utc - timedelta(hours=4))
    due = engine.came_due(ctx, since, clock.now())
    assert {v.item.key for v in due} >= {"pre.h4.links", "pre.h4.rehearsal"}
    assert "pre.h2.stream_test" not in {v.item.key for v in due}
    nxt = engine.upcoming(ctx, planned.id, limit=3)
    assert nxt[0].due_at <= nxt[1].due_at <= nxt[2].due_at
    lifecycle.start_preparing(ctx, planned.id)
    clock.set(planned.scheduled_start_utc)
    lifecycle.go_live(ctx, planned.id, override_reason="x")
    clock.advance(minutes=3)
    live_next = engine.upcoming(ctx, planned.id, phase=Phase.LIVE, limit=50)
    future = [u for u in live_next if u.run_id is None]
    assert future and min(u.due_at for u in future) == planned.scheduled_start_utc + timedelta(minutes=5)


def test_reopen_a_mistaken_tick(ctx, planned):
    run = run_of(ctx, planned.id, "pre.h2.props")
    engine.do_run(ctx, run.id, {})
    engine.reopen_run(ctx, run.id)
    assert run_of(ctx, planned.id, "pre.h2.props").status == RunStatus.OPEN
