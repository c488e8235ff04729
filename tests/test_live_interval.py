"""Interval report numbers against hand-computed values (GLOSSARY §5)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from desktop_app.domain import intervals
from desktop_app.domain.enums import Direction, EventKind
from desktop_app.domain.errors import TransitionRefused, ValidationError
from desktop_app.domain.models import Target
from desktop_app.services import interval_report, lifecycle, metrics_entry
from desktop_app.storage import events as event_repo
from tests.conftest import T0

ROWS = {  # minutes after L0: readings (money in 元 as typed)
    5: {"gmv": "1000", "orders": "10", "buyers": "8", "uv": "400", "pv": "500", "online_viewers": "200",
        "ad_spend": "100", "entries": "450", "exits": "250"},
    15: {"gmv": "3000", "orders": "30", "buyers": "24", "uv": "1000", "pv": "1300", "online_viewers": "300",
         "ad_spend": "300", "entries": "1200", "exits": "900"},
    25: {"gmv": "5000", "orders": "50", "buyers": "40", "uv": "1500", "pv": "2000", "online_viewers": "500",
         "ad_spend": "500", "entries": "2000", "exits": "1500"},
    35: {"gmv": "7000", "orders": "60", "buyers": "45", "uv": "1800", "pv": "2400", "online_viewers": "400",
         "ad_spend": "600", "entries": "2600", "exits": "2200"},
}


@pytest.fixture
def live(ctx, planned, clock):
    lifecycle.set_targets(ctx, planned.id, [Target("gmv", 20000_00, Direction.MIN)])
    clock.set(T0)
    lifecycle.start_preparing(ctx, planned.id)
    lifecycle.go_live(ctx, planned.id, override_reason="测试")
    for minute, values in ROWS.items():
        clock.set(T0 + timedelta(minutes=minute))
        metrics_entry.record_snapshot(ctx, planned.id, values)
    return planned


def test_bucket_alignment_reports_the_bucket_just_ended_on_a_boundary():
    b = intervals.bucket_at(T0, T0 + timedelta(minutes=30), 15)
    assert (b.index, b.start, b.end, b.partial) == (2, T0 + timedelta(minutes=15), T0 + timedelta(minutes=30), False)
    b = intervals.bucket_at(T0, T0 + timedelta(minutes=37), 15)
    assert (b.index, b.start, b.end, b.partial) == (3, T0 + timedelta(minutes=30), T0 + timedelta(minutes=37), True)
    assert intervals.bucket_at(T0, T0, 15) is None
    with pytest.raises(ValueError):
        intervals.bucket_at(T0, T0 + timedelta(minutes=3), 7)


def test_interval_numbers_match_hand_computed_values(ctx, live):
    r = interval_report.build_report(ctx, live.id, 15, at=T0 + timedelta(minutes=30))
    n = r.numbers
    d = {k: v.value for k, v in n.deltas.items()}
    # gmv at 30 min interpolates 25 min (5000) and 35 min (7000) → 6000 元; at 15 min exact 3000 元
    assert d["gmv"] == pytest.approx(3000_00)
    assert n.deltas["gmv"].approx
    assert n.previous["gmv"].value == pytest.approx(3000_00)  # 0 at L0 → 3000 元
    assert d["orders"] == pytest.approx(25)
    assert d["buyers"] == pytest.approx(18.5) and d["uv"] == pytest.approx(650)
    assert n.bucket_rates["view_to_order_rate"] == pytest.approx(18.5 / 650)
    assert n.cumulative_rates["view_to_order_rate"] == pytest.approx(42.5 / 1650)
    assert n.bucket_rates["gpm"] == pytest.approx(3000_00 / 900 * 1000)
    assert n.bucket_rates["overall_roi"] == pytest.approx(3000 / 250)
    assert n.cumulative_rates["overall_roi"] == pytest.approx(6000 / 550)
    assert n.bucket_rates["ad_roi"] is None  # attributed GMV never collected: NULL, not 0
    assert (n.online.at_end, n.online.peak, n.online.mean) == (500, 500, pytest.approx(400))
    assert n.net_flow.value == pytest.approx((2300 - 1850) - (1200 - 900))
    pace = n.gmv_pace
    assert pace.expected == pytest.approx(20000_00 / 6)
    assert pace.share_of_target == pytest.approx(0.3)
    assert pace.bucket_expected == pytest.approx(20000_00 * 15 / 180)


def test_report_text_is_chinese_with_the_numbers(ctx, live):
    text = interval_report.build_report(ctx, live.id, 15, at=T0 + timedelta(minutes=30)).text
    assert "第2段战报" in text and "10:15–10:30" in text
    assert "本段 ~¥3,000.00" in text and "+0.0%" in text
    assert "看播成交转化率 本段 2.85%｜累计 2.58%" in text
    assert "整体ROI 本段 12.00｜累计 10.91" in text
    assert "领先 ¥2,666.67" in text
    assert "投放ROI" not in text  # no attributed GMV: the line is left out
    en = interval_report.build_report(ctx, live.id, 15, at=T0 + timedelta(minutes=30), lang="en").text
    assert "Interval report #2" in en and "ahead by" in en


def test_partial_bucket_uses_latest_reading_at_the_live_edge(ctx, live):
    n = interval_report.build_report(ctx, live.id, 15, at=T0 + timedelta(minutes=37)).numbers
    assert n.bucket.partial and n.bucket.index == 3
    assert n.deltas["gmv"].value == pytest.approx(1000_00)  # ~7000 (last reading) − ~6000 (interpolated)
    assert n.deltas["gmv"].approx


def test_publish_stores_one_report_event_and_auto_does_not_duplicate(ctx, live, clock):
    clock.set(T0 + timedelta(minutes=36))
    report, event, changes = interval_report.publish_report(ctx, live.id, 15, at=T0 + timedelta(minutes=30),
                                                            auto=True)
    assert event.kind == EventKind.REPORT and not event.internal and event.text == report.text
    assert event.ts_utc == T0 + timedelta(minutes=30)
    assert live.id in changes.events
    _, again, _ = interval_report.publish_report(ctx, live.id, 15, at=T0 + timedelta(minutes=30), auto=True)
    assert again is None
    reports = [e for e in event_repo.list_events(ctx.ws, live.id) if e.kind == EventKind.REPORT]
    assert len(reports) == 1


def test_report_refuses_bad_interval_and_not_started_sessions(ctx, live, planned, clock):
    with pytest.raises(ValidationError):
        interval_report.build_report(ctx, live.id, 7)
    other, _ = lifecycle.plan_session(ctx, anchor_id=ctx.fixture["anchor"].id, title="未开播",
                                      scheduled_start=T0 + timedelta(days=1))
    with pytest.raises(TransitionRefused):
        interval_report.build_report(ctx, other.id, 15)


def test_counter_missing_near_boundary_gives_null_not_zero():
    pts = [(T0 + timedelta(minutes=1), 10.0), (T0 + timedelta(minutes=40), 50.0)]
    b = intervals.Bucket(2, T0 + timedelta(minutes=15), T0 + timedelta(minutes=30), 15)
    assert intervals.delta(pts, b, T0, "gmv").value is None


def test_automatic_report_skips_a_bucket_without_readings(ctx, clock):
    s, _ = lifecycle.start_now(ctx, anchor_id=ctx.fixture["anchor"].id, title="无数据")
    clock.advance(minutes=15)
    _, event, _ = interval_report.publish_report(ctx, s.id, 15, auto=True)
    assert event is None
    _, event, _ = interval_report.publish_report(ctx, s.id, 15)  # on demand: the user asked, so it is stored
    assert event is not None and "—" in event.text
