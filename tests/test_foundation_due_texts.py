"""Due times read one way everywhere (ui/format): the checklist area, the next-due list and the
reminder banner; the banner drops reminders that no longer apply when a session changes phase."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtWidgets import QMainWindow

from desktop_app.domain.enums import Phase
from desktop_app.messages import set_language
from desktop_app.services import checklists as engine
from desktop_app.services import lifecycle
from desktop_app.storage import checklists as repo
from desktop_app.ui import format as fmt
from desktop_app.ui.checklists.area import ChecklistArea
from desktop_app.ui.checklists.clock import clock_for
from desktop_app.ui.checklists.reminders import ReminderCenter
from desktop_app.ui.state import AppState

TZ = "Asia/Shanghai"
NOW = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)  # 20:00 in Shanghai


@pytest.mark.parametrize("lang, due, window_end, expected", [
    ("zh_CN", NOW + timedelta(minutes=5), None, "20:05（5 分钟后）"),
    ("en", NOW + timedelta(minutes=5), None, "8:05 PM (in 5 min)"),
    ("zh_CN", NOW + timedelta(seconds=40), None, "20:00（40 秒后）"),
    ("zh_CN", NOW - timedelta(minutes=3, seconds=20), None, "19:56（已逾期 3 分钟）"),
    ("en", NOW - timedelta(minutes=3, seconds=20), None, "7:56 PM (3 min overdue)"),
    ("zh_CN", NOW - timedelta(seconds=1), None, "19:59（现在到期）"),  # a reminder's own tick: not "0 s overdue"
    ("zh_CN", NOW - timedelta(minutes=1), NOW + timedelta(minutes=4), "19:59（进行中，还剩 4 分钟）"),
    ("en", NOW - timedelta(minutes=1), NOW + timedelta(minutes=4), "7:59 PM (now, 4 min left)"),
    ("zh_CN", NOW + timedelta(hours=2), None, "22:00（2 小时后）"),
    ("zh_CN", NOW + timedelta(hours=2, minutes=5), None, "22:05（2 小时 5 分钟后）"),
    ("zh_CN", NOW + timedelta(days=1, hours=3), None, "11-27 23:00（1 天 3 小时后）"),  # another day: with the date
    ("en", NOW + timedelta(days=2), None, "11/28 8:00 PM (in 2 d)"),
])
def test_due_text_is_one_locale_aware_form(lang, due, window_end, expected):
    set_language(lang)
    assert fmt.due_text(due, NOW, TZ, window_end) == expected


def test_due_text_without_a_due_time_is_a_dash():
    assert fmt.due_text(None, NOW, TZ) == fmt.DASH


@pytest.fixture
def state(ctx, qtbot):
    s = AppState(ctx, poll=False)
    clock_for(s).timer.stop()  # the test drives the clock
    yield s
    s.stop()


@pytest.fixture
def center(qtbot, state):
    window = QMainWindow()
    qtbot.addWidget(window)
    window.resize(900, 600)
    window.show()
    return ReminderCenter(state, window)


def _bring_due(state, clock, at):
    """Tick once just before ``at`` and once at it: only what is due at ``at`` comes due then."""
    clock.set(at - timedelta(seconds=1))
    clock_for(state).last = clock.now() - timedelta(days=30)
    clock_for(state).tick()
    clock.set(at)
    clock_for(state).tick()


def test_banner_and_checklist_area_show_a_due_time_the_same_way(qtbot, state, clock, planned, center):
    _bring_due(state, clock, planned.scheduled_start_utc - timedelta(hours=2))  # pre.h2.* fall due
    assert center.banner.isVisible()
    clock.advance(minutes=10)  # ten minutes later the area shows the same run 10 min overdue
    area = ChecklistArea(state, Phase.PRE)
    qtbot.addWidget(area)
    area.set_session(planned.id)
    area.now = clock.now()
    view = next(v for v in area.model.rows if v.item.key == "pre.h2.network")
    row = area.model.rows.index(view)
    due_clock = fmt.due_clock(view.run.due_at, clock.now(), planned.timezone)
    assert area.model.index(row, 1).data() == f"{due_clock}（已逾期 10 分钟）"
    lines = center.banner.body.text().splitlines()
    assert any(line.startswith(f"• {due_clock}（现在到期）") for line in lines), lines  # not "%H:%M", not ISO


def test_going_live_clears_the_pre_broadcast_reminders(qtbot, ctx, state, clock, planned, center):
    _bring_due(state, clock, planned.scheduled_start_utc - timedelta(hours=2))
    assert center.banner.isVisible() and center.shown
    assert all(v.item.phase == Phase.PRE for v in center.shown)
    state.emit_changes(lifecycle.start_preparing(ctx, planned.id))
    assert center.banner.isVisible()  # still before the broadcast: the reminders still apply
    state.emit_changes(lifecycle.go_live(ctx, planned.id, override_reason="提前开播"))
    assert not center.banner.isVisible() and center.shown == []


def test_ticking_a_reminded_item_takes_its_line_off_the_banner(qtbot, ctx, state, clock, planned, center):
    _bring_due(state, clock, planned.scheduled_start_utc - timedelta(hours=2))
    before = len(center.shown)
    assert before >= 2
    first = center.shown[0]
    run = repo.get_run(ctx.ws, first.run.id)
    state.emit_changes(engine.skip_run(ctx, run.id, "不需要"))
    assert center.banner.isVisible() and len(center.shown) == before - 1
    assert all(v.run.id != run.id for v in center.shown)
    assert first.item.text_zh[:6] not in center.banner.body.text()
    assert center.banner.hide_timer.isActive()  # the refreshed banner still hides on its own


def test_next_due_list_leads_with_how_long_and_keeps_the_time_in_the_tooltip(qtbot, ctx, state, clock, planned):
    from desktop_app.ui.checklists.next_due import NextDueWidget

    clock.set(planned.scheduled_start_utc)
    lifecycle.start_preparing(ctx, planned.id)
    lifecycle.go_live(ctx, planned.id, override_reason="x")
    clock.advance(minutes=2)
    widget = NextDueWidget(state, phase=Phase.LIVE)
    qtbot.addWidget(widget)
    widget.set_session(planned.id)
    when = widget.rows[0][0]
    up = widget.items[0]
    assert when.text() == fmt.due_state(up.due_at, clock.now(), up.window_end)[0]
    assert "分钟" in when.text() and "（" not in when.text()  # no clock time in the narrow list
    assert when.toolTip() == fmt.due_text(up.due_at, clock.now(), planned.timezone, up.window_end)
    assert when.toolTip().startswith(fmt.due_clock(up.due_at, clock.now(), planned.timezone) + "（")
