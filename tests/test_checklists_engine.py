"""The checklist engine end to end: runs created, ticked by the app, completed from samples."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from desktop_app.domain.enums import EventKind, RunStatus, Source
from desktop_app.services import checklists as engine
from desktop_app.services import event_log, lifecycle, metrics_entry
from desktop_app.storage import checklists as repo

DATA = Path(__file__).parent / "data" / "ingest"


def runs_of(ctx, session_id, key):
    return [r for r in repo.list_runs(ctx.ws, session_id) if r.item_key == key]


@pytest.fixture
def live(ctx, clock, planned):
    """The planned session, gone live at its planned start (pre items overridden)."""
    clock.set(planned.scheduled_start_utc)
    lifecycle.start_preparing(ctx, planned.id)
    lifecycle.go_live(ctx, planned.id, override_reason="测试")
    return lifecycle.get(ctx, planned.id)


def test_product_event_creates_a_done_item_switch_run(ctx, clock, live):
    clock.advance(minutes=3)
    event, changes = event_log.log_event(ctx, live.id, EventKind.PRODUCT, "过款 1号链接", product_id=None)
    runs = runs_of(ctx, live.id, "live.ev.item_switch")
    assert [r.status for r in runs] == [RunStatus.DONE]
    assert runs[0].auto and runs[0].due_at == event.ts_utc
    assert live.id in changes.checklists
    event_log.log_event(ctx, live.id, EventKind.PRODUCT, "过款 2号链接")
    assert [r.occurrence for r in runs_of(ctx, live.id, "live.ev.item_switch")] == [1, 2]


def test_incident_with_subtype_logs_incident_and_opens_the_response(ctx, clock, live):
    clock.advance(minutes=10)
    event_log.log_event(ctx, live.id, EventKind.INCIDENT, "弹幕说是假货", subtype="complaint_spike")
    incident = runs_of(ctx, live.id, "live.ev.incident")
    response = runs_of(ctx, live.id, "live.ev.complaint_spike")
    assert incident[0].status == RunStatus.DONE
    assert incident[0].values == {"incident_type": "complaint_spike"}
    assert response[0].status == RunStatus.OPEN
    assert runs_of(ctx, live.id, "live.ev.price_error") == []
    # Unhandled past its window, the response run is missed.
    clock.advance(minutes=engine.EVENT_WINDOW_MINUTES + 1)
    engine.tick_clock(ctx)
    assert runs_of(ctx, live.id, "live.ev.complaint_spike")[0].status == RunStatus.MISSED


def test_metric_only_recurring_item_completes_from_typed_samples(ctx, clock, live):
    clock.advance(minutes=7)  # inside the second 5-minute window [L0+5, L0+10)
    metrics_entry.record_snapshot(ctx, live.id, {"online_viewers": 320, "entries": 900})
    flow = runs_of(ctx, live.id, "live.r5.online_flow")
    assert flow[1].status == RunStatus.OPEN  # exits still missing
    metrics_entry.record_snapshot(ctx, live.id, {"exits": 580})
    flow = runs_of(ctx, live.id, "live.r5.online_flow")
    assert flow[1].status == RunStatus.DONE and flow[1].auto
    assert flow[1].values == {"online_viewers": 320, "entries": 900, "exits": 580}
    assert flow[0].status == RunStatus.OPEN  # its window [L0, L0+5) had no samples
    # An item with a text field never completes itself.
    assert runs_of(ctx, live.id, "live.r5.comment_scan")[1].status == RunStatus.OPEN
    clock.advance(minutes=5)
    engine.tick_clock(ctx)
    flow = runs_of(ctx, live.id, "live.r5.online_flow")
    assert flow[0].status == RunStatus.MISSED and flow[1].status == RunStatus.DONE


def test_imported_samples_complete_windows_even_after_they_were_missed(ctx, clock, live):
    l0 = live.on_air_utc
    clock.advance(minutes=40)
    engine.tick_clock(ctx)
    assert runs_of(ctx, live.id, "live.r30.traffic_mix")[0].status == RunStatus.MISSED
    metrics_entry.record_snapshot(ctx, live.id, {"uv_paid": 100, "uv_followers": 40},
                                  ts=l0 + timedelta(minutes=12), source=Source.IMPORT)
    assert runs_of(ctx, live.id, "live.r30.traffic_mix")[0].status == RunStatus.DONE


def test_off_air_snapshot_ticks_final_snapshot_and_settlement_ticks_settle(ctx, clock, live):
    clock.advance(hours=2)
    lifecycle.end_broadcast(ctx, live.id)
    off_air = clock.now()
    assert runs_of(ctx, live.id, "post.e0.final_snapshot")[0].status == RunStatus.OPEN
    clock.advance(minutes=2)
    metrics_entry.record_snapshot(ctx, live.id, {"uv": 12000, "gmv": "8,800.50"}, ts=off_air)
    final = runs_of(ctx, live.id, "post.e0.final_snapshot")[0]
    assert final.status == RunStatus.DONE and final.values["uv"] == 12000 and final.values["gmv"] == 880050
    clock.advance(hours=20)
    metrics_entry.record_settlement(ctx, live.id, {"gmv": 8000}, as_of=date(2026, 11, 27))
    assert runs_of(ctx, live.id, "post.h24.settle")[0].status == RunStatus.DONE
    assert runs_of(ctx, live.id, "post.d7.resettle")[0].status == RunStatus.OPEN
    clock.advance(days=7)
    metrics_entry.record_settlement(ctx, live.id, {"gmv": 7900}, as_of=date(2026, 12, 4))
    assert runs_of(ctx, live.id, "post.d7.resettle")[0].status == RunStatus.DONE


def test_tick_by_app_inside_a_callers_transaction_and_noop_when_nothing_open(ctx, clock, live):
    clock.advance(hours=3)
    lifecycle.end_broadcast(ctx, live.id)
    with ctx.ws.write():
        changes = engine.tick_by_app(ctx, live.id, "review",
                                     item_keys=["post.h24.review_people"], values={"people_notes": "ok"})
    assert live.id in changes.checklists
    run = runs_of(ctx, live.id, "post.h24.review_people")[0]
    assert run.status == RunStatus.DONE and run.auto
    assert runs_of(ctx, live.id, "post.h24.review_goods")[0].status == RunStatus.OPEN
    with ctx.ws.write():
        again = engine.tick_by_app(ctx, live.id, "review", item_keys=["post.h24.review_people"])
    assert again.empty
    with ctx.ws.write():
        engine.tick_by_app(ctx, live.id, "client_export")
    assert runs_of(ctx, live.id, "post.h24.client_export")[0].status == RunStatus.DONE


def test_interval_report_ticks_the_current_window_only(ctx, clock, live):
    clock.advance(minutes=65)
    with ctx.ws.write():
        engine.tick_by_app(ctx, live.id, "interval_report")
    reports = runs_of(ctx, live.id, "live.r30.client_report")
    assert [r.status for r in reports] == [RunStatus.OPEN, RunStatus.OPEN, RunStatus.DONE]


def test_imported_minute_data_completes_metric_only_runs_of_its_windows(ctx, clock, tmp_path):
    from datetime import UTC, datetime

    from desktop_app.domain.models import FieldSpec
    from desktop_app.services.ingest import importer

    clock.set(datetime(2026, 11, 26, 12, 0, tzinfo=UTC))  # 20:00 Shanghai
    s, _ = lifecycle.start_now(ctx, anchor_id=ctx.fixture["anchor"].id, title="今晚")
    online = FieldSpec("online", "在线人数", "Online", "int", min=0, metric="online_viewers")
    engine.add_adhoc_item(ctx, s.id, text="看在线", phase="live", every_minutes=5, fields=(online,))
    clock.set(datetime(2026, 11, 26, 12, 20, tzinfo=UTC))
    lifecycle.end_broadcast(ctx, s.id)
    clock.advance(minutes=5)
    with ctx.ws.write():
        engine.advance(ctx, s.id)
    runs = {r.occurrence: r for r in repo.list_runs(ctx.ws, s.id) if r.item_key == "adhoc.live.1"}
    assert [r.status for r in runs.values()] == [RunStatus.MISSED] * 4
    title = (DATA / "minutes_tab_comma_decimal.csv").read_text(encoding="utf-8").splitlines()[0]
    csv = tmp_path / "minutes.csv"
    csv.write_text("\n".join([title, "时间\t实时在线人数"] + [f"20:{m:02d}\t{800 + m}" for m in range(10)]) + "\n",
                   encoding="utf-8")
    importer.run(ctx, importer.inspect(ctx, csv, session_id=s.id), session_id=s.id)
    runs = {r.occurrence: r for r in repo.list_runs(ctx.ws, s.id) if r.item_key == "adhoc.live.1"}
    assert runs[1].status == RunStatus.DONE and runs[1].auto and runs[1].values == {"online": 804}
    assert runs[2].status == RunStatus.DONE and runs[2].values == {"online": 809}
    assert runs[3].status == RunStatus.MISSED and runs[4].status == RunStatus.MISSED  # no data: still missed
