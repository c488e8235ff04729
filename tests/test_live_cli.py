"""`liveops log` / `sample` / `report` / `webhook` from outside the app."""

from __future__ import annotations

from datetime import timedelta

import pytest

from desktop_app.cli import main
from desktop_app.domain.enums import EventKind, SessionStatus, Source
from desktop_app.services import lifecycle
from desktop_app.storage import events as event_repo
from desktop_app.storage import samples as sample_repo
from desktop_app.storage.sessions import get_session, short_id
from tests.conftest import T0


@pytest.fixture
def live(ctx, planned):
    lifecycle.start_preparing(ctx, planned.id)
    lifecycle.go_live(ctx, planned.id, override_reason="测试")
    return planned


def run(capsys, *args):
    code = main([*map(str, args)])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_log_live_event_with_text_and_internal_flag(ctx, live, capsys):
    code, out, _ = run(capsys, "log", ctx.ws.path, "--live", "--kind", "giveaway", "--text", "福袋 88元",
                       "--internal")
    assert code == 0 and "福袋" in out and "内部事件" in out
    [e] = [e for e in event_repo.list_events(ctx.ws, live.id) if e.kind == EventKind.GIVEAWAY]
    assert (e.text, e.internal, e.source) == ("福袋 88元", True, Source.CLI)


def test_log_with_session_prefix_and_local_ts(ctx, live, capsys):
    code, _, err = run(capsys, "log", ctx.ws.path, "--session", short_id(live.id), "--kind", "product",
                       "--ts", "2026-11-26T10:05:00")
    assert code == 0, err
    [e] = [e for e in event_repo.list_events(ctx.ws, live.id) if e.kind == EventKind.PRODUCT]
    assert e.ts_utc == T0 + timedelta(minutes=5) and not e.internal


def test_log_before_start_is_refused(ctx, live, capsys):
    code, _, err = run(capsys, "log", ctx.ws.path, "--live", "--kind", "note", "--ts", "2026-11-26T09:00:00")
    assert code == 1 and "开播" in err
    assert not [e for e in event_repo.list_events(ctx.ws, live.id) if e.kind == EventKind.NOTE]


def test_live_refuses_when_no_session_is_live(ctx, planned, capsys):
    code, _, err = run(capsys, "log", ctx.ws.path, "--live", "--kind", "note", "--text", "x")
    assert code == 1 and "没有正在直播" in err
    code, _, err = run(capsys, "sample", ctx.ws.path, "--live", "gmv=100")
    assert code == 1 and "没有正在直播" in err


def test_live_refuses_and_lists_when_several_are_live(ctx, live, capsys):
    other, _ = lifecycle.start_now(ctx, anchor_id=ctx.fixture["anchor"].id, title="第二场")
    code, _, err = run(capsys, "log", ctx.ws.path, "--live", "--kind", "note", "--text", "x")
    assert code == 1 and "测试场" in err and "第二场" in err and short_id(live.id) in err
    assert event_repo.list_events(ctx.ws, other.id)[-1].kind == EventKind.SYSTEM  # nothing logged


def test_closed_session_refuses_entries(ctx, live, capsys, clock):
    lifecycle.end_broadcast(ctx, live.id)
    ctx.ws.conn.execute("UPDATE sessions SET status = 'closed' WHERE id = ?", (live.id,))
    assert get_session(ctx.ws, live.id).status == SessionStatus.CLOSED
    code, _, err = run(capsys, "log", ctx.ws.path, "--session", live.id, "--kind", "note", "--text", "x")
    assert code == 1 and "测试场" in err
    code, _, err = run(capsys, "sample", ctx.ws.path, "--session", live.id, "gmv=1")
    assert code == 1 and "测试场" in err


def test_final_snapshot_after_the_broadcast_is_taken_at_its_end(ctx, live, capsys, clock):
    """After going off air the final snapshot is typed minutes later without a time: it is the
    reading at the end (it was refused as "later than the end" although no time was given)."""
    clock.advance(minutes=30)
    lifecycle.end_broadcast(ctx, live.id)
    off_air = get_session(ctx.ws, live.id).off_air_utc
    clock.advance(minutes=5)
    code, _, err = run(capsys, "sample", ctx.ws.path, "--session", live.id, "gmv=3.2万", "orders=410")
    assert code == 0, err
    assert {(s.metric_key, s.ts_utc) for s in sample_repo.list_samples(ctx.ws, live.id)} == {
        ("gmv", off_air), ("orders", off_air)}
    code, _, err = run(capsys, "sample", ctx.ws.path, "--session", live.id, "--ts", "2026-11-26T23:59:00",
                       "gmv=3.3万")  # an explicit time after the end is still refused
    assert code == 1 and "下播" in err
    assert len(sample_repo.list_samples(ctx.ws, live.id)) == 2


def test_sample_parses_values_like_the_form(ctx, live, capsys, clock):
    clock.advance(minutes=1)
    code, out, err = run(capsys, "sample", ctx.ws.path, "--live", "--ts", "2026-11-26T10:01:00", "gmv=1.2万",
                         "online_viewers=3,456", "orders=1k", "uv=")
    assert code == 0, err
    values = {s.metric_key: s.value for s in sample_repo.list_samples(ctx.ws, live.id)}
    assert values == {"gmv": 1_200_000, "online_viewers": 3456, "orders": 1000}  # blank uv: not recorded


def test_sample_bad_values_are_refused_and_nothing_saved(ctx, live, capsys):
    for bad in (["gmv=abc"], ["orders=-3"], ["gmv"], ["foo=1"]):
        code, _, err = run(capsys, "sample", ctx.ws.path, "--live", *bad)
        assert code == 1 and err.strip(), bad
    code, _, err = run(capsys, "sample", ctx.ws.path, "--live", "gmv=5", "orders=x")
    assert code == 1 and "orders" in err or "订单" in err
    assert sample_repo.list_samples(ctx.ws, live.id) == []


def test_sample_counter_decrease_warns_but_saves(ctx, live, capsys, clock):
    clock.advance(minutes=1)
    assert run(capsys, "sample", ctx.ws.path, "--live", "orders=10")[0] == 0
    code, _, err = run(capsys, "sample", ctx.ws.path, "--live", "orders=8")
    assert code == 0 and "比上次记录少" in err
    assert len(sample_repo.list_samples(ctx.ws, live.id)) == 2
    assert run(capsys, "--lang", "en", "sample", ctx.ws.path, "--live", "gmv=1.2万")[0] == 0
    code, _, err = run(capsys, "--lang", "en", "sample", ctx.ws.path, "--live", "gmv=9,999.5")
    assert code == 0 and "(¥12,000.00 → ¥9,999.50)" in err  # in 元 as typed, not in 分


def test_report_and_webhook_commands(ctx, live, capsys, clock):
    clock.advance(minutes=16)
    assert run(capsys, "sample", ctx.ws.path, "--live", "gmv=100")[0] == 0
    code, out, err = run(capsys, "report", ctx.ws.path, "--live", "--interval", "15", "--store")
    assert code == 0, err
    assert "战报" in out
    assert [e for e in event_repo.list_events(ctx.ws, live.id) if e.kind == EventKind.REPORT]
    code, _, err = run(capsys, "webhook", ctx.ws.path, "add", "--kind", "wecom", "--url", "not a url")
    assert code == 1 and "Webhook" in err
