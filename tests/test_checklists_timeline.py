"""Ticks by hand on the session timeline (checklist events), the CLI on the services' clock,
and the closed-session refusal in both languages."""

from __future__ import annotations

from datetime import timedelta

import pytest

from desktop_app.cli import main as cli_main
from desktop_app.cli import options as cli_options
from desktop_app.domain.enums import EventKind, RunStatus, Source
from desktop_app.domain.errors import TransitionRefused, ValidationError
from desktop_app.messages import set_language
from desktop_app.services import checklists as engine
from desktop_app.services import lifecycle
from desktop_app.storage import checklists as repo
from desktop_app.storage import events as event_repo


def run_of(ctx, session_id, key, occurrence=1):
    return next(r for r in repo.list_runs(ctx.ws, session_id) if r.item_key == key and r.occurrence == occurrence)


def checklist_events(ctx, session_id, client_visible_only=False):
    return [e for e in event_repo.list_events(ctx.ws, session_id, client_visible_only=client_visible_only)
            if e.kind == EventKind.CHECKLIST]


def test_a_tick_by_hand_puts_its_values_on_the_timeline(ctx, clock, planned):
    set_language("en")
    run = run_of(ctx, planned.id, "pre.h2.stream_test")
    changes = engine.do_run(ctx, run.id, {"bitrate": "6000", "resolution_fps": "1080p60"}, note="OBS")
    assert planned.id in changes.events
    [event] = checklist_events(ctx, planned.id)
    assert event.text == ("Checklist item done: Test stream (companion app/OBS) "
                          "(Bitrate: 6000 kbps; Resolution / frame rate: 1080p60) — OBS")
    assert event.ts_utc == clock.now() and event.source == Source.CHECKLIST
    assert event.author_id == ctx.fixture["specialist"].id
    assert event.internal  # the item is not client-visible: the event never reaches a client export
    assert checklist_events(ctx, planned.id, client_visible_only=True) == []
    count = ctx.ws.query_one("SELECT event_count FROM session_summaries WHERE session_id = ?", (planned.id,))[0]
    assert count == len(event_repo.list_events(ctx.ws, planned.id))


def test_tick_text_is_in_the_acting_persons_language(ctx, planned):
    engine.do_run(ctx, run_of(ctx, planned.id, "pre.h4.rehearsal").id, {"done": True})
    [event] = checklist_events(ctx, planned.id)
    assert event.text.startswith("已完成检查项：主播、副播过脚本")


def test_skip_and_undo_are_logged_and_a_rejected_tick_logs_nothing(ctx, clock, planned):
    set_language("en")
    run = run_of(ctx, planned.id, "pre.h2.network")
    with pytest.raises(ValidationError):
        engine.do_run(ctx, run.id, {"upload_bandwidth": "fast"})
    assert checklist_events(ctx, planned.id) == []
    engine.skip_run(ctx, run_of(ctx, planned.id, "pre.d1.preheat").id, "no teaser this time")
    clock.advance(minutes=5)
    engine.reopen_run(ctx, run_of(ctx, planned.id, "pre.d1.preheat").id)
    skipped, undone = checklist_events(ctx, planned.id)
    assert skipped.text == "Checklist item skipped: Warm-up (reason: no teaser this time)"
    assert undone.text == "Checklist tick undone: Warm-up" and undone.ts_utc == clock.now()
    assert run_of(ctx, planned.id, "pre.d1.preheat").status == RunStatus.OPEN


def test_a_client_visible_item_makes_a_client_visible_event(ctx, clock, planned):
    lifecycle.start_preparing(ctx, planned.id)
    lifecycle.go_live(ctx, planned.id, override_reason="测试")
    clock.advance(hours=2)
    lifecycle.end_broadcast(ctx, planned.id)
    clock.advance(minutes=3)
    engine.do_run(ctx, run_of(ctx, planned.id, "post.e0.restore_prices").id, {"done": True})
    [event] = checklist_events(ctx, planned.id, client_visible_only=True)
    assert "关闭直播专享价和直播券" in event.text and not event.internal


@pytest.fixture
def cli_clock(clock, monkeypatch):
    monkeypatch.setattr(cli_options, "clock", clock)
    return clock


def test_cli_ticks_on_the_services_clock_and_takes_an_optional_time(ctx, cli_clock, planned, capsys):
    ws = str(ctx.ws.path)
    cli_clock.advance(hours=3)
    assert cli_main(["checklist", "tick", ws, "--session", planned.id, "pre.h4.rehearsal", "done=yes"]) == 0
    assert run_of(ctx, planned.id, "pre.h4.rehearsal").done_at == cli_clock.now()
    # Asia/Shanghai 12:30 = 04:30 UTC, earlier than now (13:00 Shanghai)
    assert cli_main(["checklist", "tick", ws, "--session", planned.id, "pre.h4.room_setup", "done=yes",
                     "--ts", "2026-11-26T12:30"]) == 0
    done_at = run_of(ctx, planned.id, "pre.h4.room_setup").done_at
    assert done_at == cli_clock.now() - timedelta(minutes=30)
    assert [e.ts_utc for e in checklist_events(ctx, planned.id) if "直播间设置" in e.text] == [done_at]
    capsys.readouterr()
    code = cli_main(["checklist", "tick", ws, "--session", planned.id, "pre.h4.roles", "crew=A,B",
                     "--ts", "2026-11-26T14:00", "--lang", "en"])
    assert code == 1
    assert "The tick time 2026-11-26 14:00 is later than now" in capsys.readouterr().err
    assert run_of(ctx, planned.id, "pre.h4.roles").status == RunStatus.OPEN


@pytest.mark.parametrize("lang, text", [
    ("zh_CN", "场次“测试场”状态为“已结束”，检查项不能再修改。"),
    ("en", "Session “测试场” is Closed: its checklist can no longer change."),
])
def test_closed_session_refusal_names_the_status_in_the_language(ctx, planned, lang, text):
    ctx.ws.conn.execute("UPDATE sessions SET status = 'closed' WHERE id = ?", (planned.id,))
    with pytest.raises(TransitionRefused) as exc:
        engine.do_run(ctx, run_of(ctx, planned.id, "pre.h4.rehearsal").id, {"done": True})
    assert exc.value.text(lang) == text
    assert "closed" not in exc.value.text("zh_CN")
