"""The shell through real widgets: roster, planning, lifecycle buttons, resume offer, lock, language."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox

from desktop_app.domain.enums import SessionStatus
from desktop_app.services import event_log, lifecycle
from desktop_app.storage import roster as roster_repo
from desktop_app.storage import sessions as session_repo
from desktop_app.ui.dialogs import AnchorDialog, PlanSessionDialog
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.state import AppState


@pytest.fixture
def window(qtbot, ctx):
    state = AppState(ctx, poll=False)
    w = MainWindow(state)
    qtbot.addWidget(w)
    yield w
    QApplication.processEvents()  # deliver pending LanguageChange/refresh while the database is open
    w.close()


def test_anchor_dialog_creates_anchor_with_specialist(qtbot, ctx):
    state = AppState(ctx, poll=False)
    dialog = AnchorDialog(state)
    qtbot.addWidget(dialog)
    dialog.name.insert("阿强")  # QTest cannot type CJK; insert() is what an IME commits
    dialog.platform.setCurrentIndex(dialog.platform.findData("kuaishou"))
    qtbot.keyClicks(dialog.account, "ks_aq")
    dialog.specialist.setCurrentIndex(dialog.specialist.findText("王运营"))
    dialog._on_ok()
    anchors = {a.name: a for a in roster_repo.list_anchors(ctx.ws)}
    assert anchors["阿强"].platform.value == "kuaishou"
    assignment = roster_repo.active_assignment(ctx.ws, anchors["阿强"].id)
    assert roster_repo.get_person(ctx.ws, assignment.specialist_id).name == "王运营"


def test_anchor_dialog_without_specialist_shows_inline_error_and_saves_nothing(qtbot, ctx):
    state = AppState(ctx, poll=False)
    dialog = AnchorDialog(state)
    qtbot.addWidget(dialog)
    dialog.name.insert("无人负责")
    dialog._on_ok()
    assert not dialog.error.isHidden()
    assert "运营专家" in dialog.error.text()
    assert "无人负责" not in {a.name for a in roster_repo.list_anchors(ctx.ws)}


def test_plan_session_through_dialog(qtbot, ctx):
    state = AppState(ctx, poll=False)
    dialog = PlanSessionDialog(state)
    qtbot.addWidget(dialog)
    dialog.anchor.setCurrentIndex(1)
    dialog.title_edit.clear()
    dialog.title_edit.insert("双十二预热场")
    dialog.gmv.setValue(50000)
    dialog.refund.setValue(8)
    dialog._on_ok()
    assert dialog.result() == dialog.DialogCode.Accepted
    s = dialog.session
    stored = session_repo.get_session(ctx.ws, s.id)
    assert stored.title == "双十二预热场" and stored.status == SessionStatus.PLANNED
    assert stored.specialist_id == ctx.fixture["specialist"].id
    targets = {t.metric_key: t for t in session_repo.get_targets(ctx.ws, s.id)}
    assert targets["gmv"].value == 5_000_000  # 元 → 分
    assert targets["refund_rate"].direction.value == "max"
    assert targets["refund_rate"].value == pytest.approx(0.08)


def test_plan_session_end_before_start_is_refused_naming_the_field(qtbot, ctx):
    state = AppState(ctx, poll=False)
    dialog = PlanSessionDialog(state)
    qtbot.addWidget(dialog)
    dialog.anchor.setCurrentIndex(1)
    dialog.end.setDateTime(dialog.start.dateTime().addSecs(-3600))
    dialog._on_ok()
    assert "计划下播时间" in dialog.error.text()
    assert session_repo.list_sessions(ctx.ws) == []


def test_session_page_moves_through_lifecycle(qtbot, window, ctx, planned, clock, monkeypatch):
    window.open_session(planned.id)
    page = window.session_page
    assert page.buttons["prepare"].isVisibleTo(page)
    page.buttons["prepare"].click()
    assert session_repo.get_session(ctx.ws, planned.id).status == SessionStatus.PRE
    # required pre items are open: going live asks for a reason; give one through the dialog
    from desktop_app.ui.dialogs import ReasonDialog

    def answer(dialog):  # the person types a reason and presses OK in the modal dialog
        dialog.findChild(QLineEdit, "reason").setText("主播已到场，清单稍后补")
        dialog._on_ok()
        return dialog.result()

    monkeypatch.setattr(ReasonDialog, "exec", answer)
    page.buttons["go_live"].click()
    s = session_repo.get_session(ctx.ws, planned.id)
    assert s.status == SessionStatus.LIVE
    kinds = [e.kind.value for e in event_log.repo.list_events(ctx.ws, planned.id)]
    assert "override" in kinds
    assert page.buttons["end"].isVisibleTo(page)
    assert page.meta_labels["status"].text() == "直播中"


def test_resume_offer_for_killed_live_session(qtbot, window, ctx, planned, clock, monkeypatch):
    lifecycle.start_preparing(ctx, planned.id)
    lifecycle.go_live(ctx, planned.id, override_reason="测试")
    clock.advance(minutes=30)
    event_log.log_event(ctx, planned.id, "giveaway", "福袋")
    clock.advance(minutes=90)
    chosen = {}

    def fake_exec(box):
        end = [b for b in box.buttons() if b is not box.buttons()[0]]
        chosen["text"] = box.text()
        box.clickedButton = lambda: end[0]  # the user chooses "end at last logged time"
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    window.offer_resume()
    s = session_repo.get_session(ctx.ws, planned.id)
    assert "测试场" in chosen["text"]
    assert s.status == SessionStatus.POST
    assert s.off_air_utc == planned.scheduled_start_utc.__class__.fromisoformat("2026-11-26T02:30:00+00:00")


def test_language_switch_retranslates_without_restart(qtbot, window):
    window.set_language("en")
    qtbot.waitUntil(lambda: window.nav.item(0).text() == "Today")
    assert window.menus["file"].title() == "&File"
    assert window.session_page.buttons["go_live"].text() == "Go live"
    window.set_language("zh_CN")
    qtbot.waitUntil(lambda: window.nav.item(0).text() == "今天")
    assert window.session_page.buttons["go_live"].text() == "开播"
    assert window.menus["file"].title() == "文件(&F)"


def test_external_write_is_noticed(qtbot, ctx, planned):
    from desktop_app.services.workspace_service import open_workspace

    state = AppState(ctx)
    seen = []
    state.workspace_changed.connect(seen.append)
    other = open_workspace(ctx.ws.path, clock=ctx.clock)
    lifecycle.start_preparing(other, planned.id)
    other.ws.close()
    qtbot.waitUntil(lambda: any(c.external for c in seen), timeout=3000)
    state.stop()


def test_second_instance_on_same_workspace_is_refused(ctx):
    from desktop_app.storage.errors import WorkspaceLocked
    from desktop_app.storage.lock import WorkspaceLock

    first = WorkspaceLock(ctx.ws.path)
    first.acquire()
    try:
        with pytest.raises(WorkspaceLocked) as err:
            WorkspaceLock(ctx.ws.path).acquire()
        assert "已在另一个窗口中打开" in err.value.text()
    finally:
        first.release()


def test_demo_workspace_opens_in_main_window(qtbot, demo_copy):
    from desktop_app.domain.clock import FixedClock
    from desktop_app.services.workspace_service import open_workspace
    from tests.conftest import T0

    c = open_workspace(demo_copy, clock=FixedClock(T0))
    w = MainWindow(AppState(c, poll=False))
    qtbot.addWidget(w)
    rows = w.sessions.model.rows
    assert len(rows) >= 4
    planned_today = [r for r in w.today.model.rows if r["status"] == "planned"]
    assert planned_today, "the demo has a session planned for today"
    w.open_session(rows[-1]["session_id"])
    assert w.session_page.title.text() == rows[-1]["title"]
    c.ws.close()


def test_start_now_dialog_creates_live_session(qtbot, ctx, clock):
    state = AppState(ctx, poll=False)
    dialog = PlanSessionDialog(state, start_now=True)
    qtbot.addWidget(dialog)
    dialog.anchor.setCurrentIndex(1)
    dialog._on_ok()
    s = session_repo.get_session(ctx.ws, dialog.session.id)
    assert s.status == SessionStatus.LIVE and s.origin.value == "started_now"
    assert s.on_air_utc == clock.now()
    assert s.on_air_utc - clock.now() == timedelta(0)


def test_plan_dialog_shows_times_in_the_session_zone_not_the_computers(qtbot, ctx, clock):
    from zoneinfo import ZoneInfo

    from desktop_app.ui.dialogs import from_qdatetime

    state = AppState(ctx, poll=False)
    dialog = PlanSessionDialog(state)
    qtbot.addWidget(dialog)
    start = (clock.now() + timedelta(hours=1)).replace(minute=0, second=0, microsecond=0)
    assert dialog.timezone.currentText() == "Asia/Shanghai"
    assert dialog.start.text() == start.astimezone(ZoneInfo("Asia/Shanghai")).strftime("%Y-%m-%d %H:%M")
    assert from_qdatetime(dialog.start.dateTime()) == start
    # another zone keeps the typed wall-clock time and reads it there
    dialog.timezone.setCurrentText("Europe/Berlin")
    wall = start.astimezone(ZoneInfo("Asia/Shanghai")).replace(tzinfo=ZoneInfo("Europe/Berlin"))
    assert dialog.start.text() == wall.strftime("%Y-%m-%d %H:%M")
    assert from_qdatetime(dialog.start.dateTime()) == wall
    assert from_qdatetime(dialog.end.dateTime()) == wall + timedelta(hours=3)


@pytest.fixture
def zh_window(qtbot, ctx):
    """A main window built with the Chinese Qt translation installed, whatever ran before
    (switching afterwards would post LanguageChange to earlier tests' leftover widgets too)."""
    from PySide6.QtCore import QCoreApplication, QEvent

    from desktop_app.ui import i18n

    i18n.apply_language("zh_CN")
    QCoreApplication.removePostedEvents(None, QEvent.Type.LanguageChange)
    state = AppState(ctx, poll=False)
    w = MainWindow(state)
    qtbot.addWidget(w)
    yield w
    QApplication.processEvents()
    w.close()


def test_session_page_without_a_session_says_where_to_find_one(qtbot, zh_window):
    window = zh_window
    page = window.session_page
    page.set_session(None)
    qtbot.waitUntil(lambda: "双击" in page.empty_hint.text())
    assert page.empty_hint.isVisibleTo(page)
    assert not page.tabs.isVisibleTo(page)
    assert not page.meta_names["status"].isVisibleTo(page)


def test_session_page_follows_the_phase_after_each_step(qtbot, window, ctx, planned, clock, monkeypatch):
    from desktop_app.ui.dialogs import ReasonDialog

    page = window.session_page
    window.open_session(planned.id)
    assert page.tabs.isVisibleTo(page) and not page.empty_hint.isVisibleTo(page)
    page.tabs.setCurrentIndex(0)  # the person looks at the overview
    page.buttons["prepare"].click()
    assert page.phase_of_tab[page.tabs.currentIndex()] == "pre"

    def answer(dialog):
        dialog.findChild(QLineEdit, "reason").setText("主播已到场")
        dialog._on_ok()
        return dialog.result()

    monkeypatch.setattr(ReasonDialog, "exec", answer)
    clock.advance(hours=10)
    page.tabs.setCurrentIndex(0)
    page.buttons["go_live"].click()
    assert page.phase_of_tab[page.tabs.currentIndex()] == "live"
    assert page.meta_labels["actual"].text() == "2026-11-26 20:00 –"  # still on air: no end yet
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    clock.advance(hours=3)
    page.buttons["end"].click()
    assert page.phase_of_tab[page.tabs.currentIndex()] == "post"
    assert page.meta_labels["actual"].text() == "2026-11-26 20:00 – 23:00"


def test_time_spans_show_the_end_date_only_when_it_differs():
    from datetime import UTC, datetime

    from desktop_app.ui.format import time_span

    start = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)  # 20:00 Shanghai
    tz = "Asia/Shanghai"
    assert time_span(start, start + timedelta(hours=3), tz) == "2026-11-26 20:00 – 23:00"
    assert time_span(start, start + timedelta(hours=5), tz) == "2026-11-26 20:00 – 2026-11-27 01:00"
    assert time_span(start, None, tz) == "2026-11-26 20:00 –"
    assert time_span(None, None, tz) == "—"


def test_today_heading_shows_the_date_of_the_injected_clock(qtbot, zh_window):
    from desktop_app.ui.pages import SessionsPage

    window = zh_window
    today = next(p for p in window.findChildren(SessionsPage) if p.today_only)
    qtbot.waitUntil(lambda: today.heading.text().startswith("今天 · 2026年11月26日"))


def test_welcome_builds_the_demo_off_the_gui_thread_then_opens_it(qtbot, tmp_path, demo_file, monkeypatch, clock):
    import shutil
    import threading

    from desktop_app.services import demo
    from desktop_app.ui.welcome import WelcomeDialog

    monkeypatch.setenv("LIVEOPS_DATA_DIR", str(tmp_path))
    threads = []

    def fake_build(path, *, clock, progress=None, **kw):  # the real one takes ~30 s; the flow is what counts
        threads.append(threading.current_thread() is threading.main_thread())
        progress(1, 2)
        shutil.copy(demo_file, path)
        return type("C", (), {"ws": type("W", (), {"close": lambda self: None})()})()

    monkeypatch.setattr(demo, "build_demo_workspace", fake_build)

    class Controller:
        opened: list = []

        def __init__(self):
            self.clock = clock

        def open_path(self, path, parent=None):
            self.opened.append(path)
            return True

    controller = Controller()
    dialog = WelcomeDialog(controller)
    qtbot.addWidget(dialog)
    dialog.buttons[0].click()
    assert not dialog.buttons[0].isEnabled()  # busy while it builds
    qtbot.waitUntil(lambda: bool(controller.opened), timeout=5000)
    assert threads == [False]
    assert controller.opened[0].name == "demo.liveops" and controller.opened[0].exists()
    assert dialog.result() == dialog.DialogCode.Accepted
