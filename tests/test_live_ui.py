"""Live console through the real widgets: hotkeys, notes, quick entry, metric form, charts, mini window."""

from __future__ import annotations

import subprocess
import sys
from datetime import timedelta

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtWidgets import QApplication, QPushButton

from desktop_app.domain.enums import EventKind, Source
from desktop_app.services import metrics_entry
from desktop_app.storage import events as event_repo
from desktop_app.storage import samples as sample_repo
from desktop_app.ui.live import hotkeys as hk
from desktop_app.ui.live.decimate import MinMaxPyramid
from desktop_app.ui.state import AppState

pytestmark = pytest.mark.usefixtures("clean_live_settings")


@pytest.fixture
def console(qtbot, ctx, session):
    from desktop_app.ui.live.console import LiveConsole

    state = AppState(ctx, poll=False)
    c = LiveConsole(state, robots=False)
    qtbot.addWidget(c)
    c.set_session(session.id)
    c.resize(1280, 800)
    c.show()
    c.activateWindow()
    qtbot.waitUntil(c.isActiveWindow)
    yield c
    c.shutdown()


LIVEOPS = [sys.executable, "-c", "import sys; from desktop_app.cli import main; sys.exit(main())"]


def type_text(qtbot, widget, text: str) -> None:
    """Type like a user: ASCII as key presses, Chinese as an input-method commit (how an IME delivers it)."""
    from PySide6.QtGui import QInputMethodEvent

    for ch in text:
        if ch.isascii():
            qtbot.keyClicks(widget, ch)
        else:
            ev = QInputMethodEvent()
            ev.setCommitString(ch)
            QApplication.sendEvent(widget, ev)


def user_events(ctx, sid):
    return [e for e in event_repo.list_events(ctx.ws, sid) if e.kind != EventKind.SYSTEM]


def test_f1_commits_at_once_and_the_typed_note_edits_that_event(qtbot, ctx, session, console, clock):
    qtbot.keyClick(console.events.quick, Qt.Key.Key_F1)
    [e] = user_events(ctx, session.id)
    assert (e.kind, e.text, e.source, e.internal) == (EventKind.GIVEAWAY, "", Source.HOTKEY, False)
    assert e.ts_utc == clock.now()
    assert QApplication.focusWidget() is console.events.note  # keyboard stays on the note
    type_text(qtbot, console.events.note, "福袋 88元")
    qtbot.keyClick(console.events.note, Qt.Key.Key_Return)
    [e] = user_events(ctx, session.id)
    assert e.text == "福袋 88元"
    assert len(event_repo.event_audit(ctx.ws, e.id)) == 1  # the note is an audited edit
    assert console.events.model.rowCount() == 2 and "福袋 88元" in console.events.model.index(1, 2).data()


def test_each_default_hotkey_logs_its_kind_and_a_second_key_keeps_the_first_note(qtbot, ctx, session, console):
    qtbot.keyClick(console.events.quick, Qt.Key.Key_F2)
    type_text(qtbot, console.events.note, "玻尿酸面膜")
    qtbot.keyClick(console.events.note, Qt.Key.Key_F3)  # next event before pressing Enter
    for key in (Qt.Key.Key_F4, Qt.Key.Key_F5, Qt.Key.Key_F6):
        qtbot.keyClick(QApplication.focusWidget(), key)
    kinds = [(e.kind, e.text, e.internal) for e in user_events(ctx, session.id)]
    assert kinds == [(EventKind.PRODUCT, "玻尿酸面膜", False), (EventKind.TRAFFIC, "", False),
                     (EventKind.INCIDENT, "", True), (EventKind.COMPLIANCE, "", True),
                     (EventKind.MILESTONE, "", False)]


def test_escape_skips_the_note_and_the_event_stays(qtbot, ctx, session, console):
    qtbot.keyClick(console.events.quick, Qt.Key.Key_F1)
    type_text(qtbot, console.events.note, "不要了")
    qtbot.keyClick(console.events.note, Qt.Key.Key_Escape)
    [e] = user_events(ctx, session.id)
    assert e.text == "" and not console.events.note.isEnabled()


def test_quick_entry_prefixes_and_internal_flag(qtbot, ctx, session, console):
    type_text(qtbot, console.events.quick, "g 整点福袋")
    qtbot.keyClick(console.events.quick, Qt.Key.Key_Return)
    type_text(qtbot, console.events.quick, "!违规 提到“最便宜”")
    qtbot.keyClick(console.events.quick, Qt.Key.Key_Return)
    qtbot.mouseClick(console.events.internal, Qt.MouseButton.LeftButton)
    type_text(qtbot, console.events.quick, "主播嗓子哑了")
    qtbot.keyClick(console.events.quick, Qt.Key.Key_Return)
    got = [(e.kind, e.text, e.internal) for e in user_events(ctx, session.id)]
    assert got == [(EventKind.GIVEAWAY, "整点福袋", False), (EventKind.COMPLIANCE, "违规 提到“最便宜”", True),
                   (EventKind.NOTE, "主播嗓子哑了", True)]
    assert console.events.quick.text() == ""
    console.events.vis_filter.setCurrentIndex(console.events.vis_filter.findData("internal"))
    assert console.events.proxy.rowCount() == 3  # the two above and the system "went live" event
    console.events.vis_filter.setCurrentIndex(0)
    console.events.kind_filter.setCurrentIndex(console.events.kind_filter.findData("giveaway"))
    assert console.events.proxy.rowCount() == 1


def test_edit_and_delete_keep_an_audit_trail(qtbot, ctx, session, console, monkeypatch):
    from PySide6.QtWidgets import QDialog, QMessageBox

    from desktop_app.ui.live import events_panel

    type_text(qtbot, console.events.quick, "p 过款一号")
    qtbot.keyClick(console.events.quick, Qt.Key.Key_Return)
    console.events.view.selectRow(1)

    def fake_exec(dialog):
        dialog.text.setText("过款 一号链接")
        dialog.internal.setChecked(True)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(events_panel.EventEditDialog, "exec", fake_exec)
    console.events.edit_selected()
    [e] = user_events(ctx, session.id)
    assert (e.text, e.internal) == ("过款 一号链接", True)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    console.events.view.selectRow(1)
    console.events.delete_selected()
    assert user_events(ctx, session.id) == []
    actions = [r["action"] for r in event_repo.event_audit(ctx.ws, e.id)]
    assert actions == ["edit", "delete"]


def test_hotkey_clash_is_refused_inline(qtbot):
    dialog = hk.HotkeyDialog(hk.load_bindings(), False)
    qtbot.addWidget(dialog)
    edit = dialog.edits["product"]
    edit.setFocus()
    edit.setKeySequence("F1")  # F1 belongs to giveaway
    assert "F1" in dialog.error.text() and "福袋" in dialog.error.text()
    assert dialog.bindings["product"] == "F2" and edit.keySequence().toString() == "F2"
    edit.setKeySequence("Ctrl+R")  # a console binding (report now)
    assert "Ctrl+R" in dialog.error.text()
    dialog.edits["note"].setKeySequence("F7")
    assert dialog.error.text() == "" and dialog.bindings["note"] == "F7"


def test_rebound_hotkey_works_and_old_one_does_nothing(qtbot, ctx, session, console, monkeypatch):
    bindings = hk.load_bindings()
    bindings["giveaway"], bindings["note"] = "F8", "F1"
    hk.save_bindings(bindings)
    console.bindings = hk.load_bindings()
    console.install_hotkeys()
    qtbot.keyClick(console.events.quick, Qt.Key.Key_F8)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F1)
    assert [e.kind for e in user_events(ctx, session.id)] == [EventKind.GIVEAWAY, EventKind.NOTE]
    assert "F8" in console.events.hint.text()


def test_system_wide_option_explains_missing_pynput(qtbot, monkeypatch):
    monkeypatch.setattr(hk, "pynput_available", lambda: False)
    dialog = hk.HotkeyDialog(hk.load_bindings(), True)
    qtbot.addWidget(dialog)
    assert not dialog.global_box.isEnabled() and not dialog.global_on
    assert "pynput" in dialog.global_note.text()
    assert hk.to_pynput("Ctrl+Shift+G") == "<ctrl>+<shift>+g" and hk.to_pynput("F1") == "<f1>"
    assert not hk.global_enabled()  # off by default


def type_metrics(qtbot, console, values: dict[str, str], ts: str = ""):
    for key, text in values.items():
        type_text(qtbot, console.metrics.fields[key], text)
    if ts:
        type_text(qtbot, console.metrics.ts, ts)
    qtbot.keyClick(console.metrics.fields["online_viewers"], Qt.Key.Key_Return)


def test_metric_form_saves_only_typed_fields_and_shows_hints(qtbot, ctx, session, console):
    type_metrics(qtbot, console, {"online_viewers": "3,456", "gmv": "1.2万", "orders": "120"})
    values = {s.metric_key: s.value for s in sample_repo.list_samples(ctx.ws, session.id)}
    assert values == {"online_viewers": 3456, "gmv": 1_200_000, "orders": 120}
    assert console.metrics.fields["gmv"].text() == ""
    assert console.metrics.fields["gmv"].placeholderText() == "¥12,000.00"
    assert console.metrics.fields["uv"].placeholderText() == ""


def test_metric_form_bad_input_is_inline_and_saves_nothing(qtbot, ctx, session, console):
    type_metrics(qtbot, console, {"gmv": "12abc", "orders": "5"})
    assert "成交金额" in console.metrics.error.text() and console.metrics.fields["gmv"].text() == "12abc"
    assert sample_repo.list_samples(ctx.ws, session.id) == []
    console.metrics.fields["gmv"].clear()
    type_metrics(qtbot, console, {"gmv": "-5"})
    assert "负数" in console.metrics.error.text()
    assert sample_repo.list_samples(ctx.ws, session.id) == []
    for e in console.metrics.fields.values():
        e.clear()
    type_metrics(qtbot, console, {"gmv": "5"}, ts="2026-11-26 09:00:00")
    assert "开播" in console.metrics.error.text()
    assert sample_repo.list_samples(ctx.ws, session.id) == []


def test_counter_decrease_warns_but_saves(qtbot, ctx, session, console, clock):
    type_metrics(qtbot, console, {"orders": "100"})
    clock.advance(seconds=30)
    type_metrics(qtbot, console, {"orders": "90"})
    assert "比上次记录少" in console.metrics.warning.text()
    assert len(sample_repo.list_samples(ctx.ws, session.id)) == 2


def test_counter_decrease_warning_shows_money_as_typed_not_in_fen(qtbot, ctx, session, console, clock):
    type_metrics(qtbot, console, {"gmv": "2.5万", "orders": "1200"})
    clock.advance(seconds=30)
    type_metrics(qtbot, console, {"gmv": "1w", "orders": "1100"})
    text = console.metrics.warning.text()
    assert "¥25,000.00 → ¥10,000.00" in text and "1,200 → 1,100" in text
    assert "2500000" not in text


def test_chart_holds_the_entered_samples(qtbot, ctx, session, console, clock):
    for minute, (online, gmv) in enumerate([(100, "100"), (150, "250"), (120, "400")]):
        clock.advance(minutes=1)
        type_metrics(qtbot, console, {"online_viewers": str(online), "gmv": gmv, "uv": "1000", "buyers": "10"})
        assert minute >= 0
    console.charts.tick()
    x, y = console.charts.curves["online"].getData()
    assert list(y) == [100, 150, 120]
    _, gmv = console.charts.curves["gmv"].getData()
    assert list(gmv) == [100.0, 250.0, 400.0]  # 元 on the chart
    _, conv = console.charts.curves["conversion"].getData()
    assert list(conv) == [1.0, 1.0, 1.0]
    values = console.charts.values_at(float(x[1]))
    assert values["online"] == 150 and values["gmv"] == 250.0


def test_one_set_data_per_curve_per_tick(qtbot, console, ctx, session, clock):
    for _ in range(5):
        clock.advance(seconds=10)
        metrics_entry.record_snapshot(ctx, session.id, {"online_viewers": 100, "gmv": 1000})
    console.state.emit_changes(__import__("desktop_app.services.context", fromlist=["Changes"]).Changes(
        samples=frozenset({session.id})))
    before = console.charts.set_data_calls
    console.charts.dirty = True
    console.charts.tick()
    assert console.charts.set_data_calls - before == len(console.charts.curves) + len(console.charts.compare_curves)


def test_follow_live_stops_on_pan_and_resumes_with_end(qtbot, console, ctx, session, clock):
    for _ in range(120):
        clock.advance(seconds=30)
        metrics_entry.record_snapshot(ctx, session.id, {"online_viewers": 100})
    console.set_session(session.id)
    console.charts.set_zoom(10)
    console.charts.tick()
    x0, x1 = console.charts.plots[0].getViewBox().viewRange()[0]
    assert x1 - x0 == pytest.approx(10 * 60, abs=1)
    last = console.charts.store.last_x
    assert x0 < last <= x1 <= last + 2 * 6  # the newest reading is in view, with a small step of headroom
    vb = console.charts.plots[0].getViewBox()
    vb.sigRangeChangedManually.emit([True, False])  # what a mouse drag emits
    assert not console.charts.follow
    console.charts.setFocus()
    qtbot.keyClick(console.charts, Qt.Key.Key_End)
    assert console.charts.follow and console.charts.follow_button.isChecked()


def test_pyramid_keeps_every_extreme_with_two_points_per_column():
    rng = np.random.default_rng(1)
    p = MinMaxPyramid()
    x = np.arange(21_600, dtype=float)
    y = rng.normal(size=len(x)).cumsum()
    y[12_345] = 999.0  # a spike must survive decimation
    p.extend(x[:10_000], y[:10_000])
    for i in range(10_000, len(x)):
        p.append(x[i], y[i])
    xs, ys = p.view(0, 21_599, 1000)
    assert len(xs) <= 2 * 1000 + 64
    assert ys.max() == 999.0 and ys.min() == y.min()
    assert np.all(np.diff(xs) >= 0)
    xs, ys = p.view(20_000, 20_100, 1000)  # zoomed in: raw points
    assert list(ys) == list(y[19_999:20_102])


def test_mini_window_takes_hotkeys_and_notes_and_remembers_its_place(qtbot, ctx, session, console):
    console.toggle_mini()
    mini = console.mini
    qtbot.waitExposed(mini)
    assert mini.windowFlags() & Qt.WindowType.WindowStaysOnTopHint
    assert mini.windowFlags() & Qt.WindowType.FramelessWindowHint
    mini.activateWindow()
    qtbot.waitUntil(mini.isActiveWindow)
    qtbot.keyClick(mini.note, Qt.Key.Key_F2)
    type_text(qtbot, mini.note, "第二款")
    qtbot.keyClick(mini.note, Qt.Key.Key_Return)
    [e] = user_events(ctx, session.id)
    assert (e.kind, e.text) == (EventKind.PRODUCT, "第二款")
    assert mini.title.text() == "直播测试" and mini.elapsed.text() == "0:01:00"
    mini.move(QPoint(123, 77))
    assert QSettings().value("live/mini/pos") == QPoint(123, 77)
    mini.close()


def test_demo_feed_drives_the_console(qtbot, ctx, session, console, clock):
    console.demo_speed.setCurrentIndex(2)  # 60x
    console.toggle_demo()
    assert console.demo.running
    for _ in range(40):
        clock.advance(seconds=1)
        console.demo.tick()
    console.toggle_demo()
    assert not console.demo.running
    samples = sample_repo.list_samples(ctx.ws, session.id)
    assert samples and {s.source for s in samples} == {Source.DEMO}
    assert len(console.charts.store.curves["online"]) == 40
    assert any(e.source == Source.DEMO for e in user_events(ctx, session.id))


def test_report_now_stores_copies_and_shows(qtbot, ctx, session, console, clock):
    clock.advance(minutes=5)
    metrics_entry.record_snapshot(ctx, session.id, {"gmv": "500", "orders": "5"})
    clock.advance(minutes=20)
    qtbot.keyClick(console.events.quick, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    [e] = [e for e in user_events(ctx, session.id) if e.kind == EventKind.REPORT]
    assert QApplication.clipboard().text() == e.text == console.report_text.toPlainText()
    assert "战报" in e.text


def test_auto_report_fires_once_per_boundary(qtbot, ctx, session, console, clock):
    metrics_entry.record_snapshot(ctx, session.id, {"gmv": "100"})
    console.report_interval.setCurrentIndex(console.report_interval.findData(5))
    clock.set(session.on_air_utc + timedelta(minutes=5, seconds=2))
    console.on_clock()
    console.on_clock()
    reports = [e for e in user_events(ctx, session.id) if e.kind == EventKind.REPORT]
    assert len(reports) == 1 and reports[0].subtype == "interval:5:1"


def test_closed_or_planned_session_takes_no_entries(qtbot, ctx, planned, console):
    console.set_session(planned.id)
    assert not console.events.quick.isEnabled() and not console.metrics.isEnabled()
    console.events.commit_hotkey("giveaway")
    assert "直播" in console.status.text() or console.status.text()
    assert event_repo.list_events(ctx.ws, planned.id) == []


def test_open_app_shows_cli_entries_within_a_second(qtbot, ctx, session, tmp_path):
    """A CLI process writes; the AppState poller notices (data_version) and the console shows it."""
    from desktop_app.ui.live.console import LiveConsole

    state = AppState(ctx, poll=True)
    c = LiveConsole(state, robots=False)
    qtbot.addWidget(c)
    c.set_session(session.id)
    cmd = [*LIVEOPS, "log", str(ctx.ws.path), "--live", "--kind", "giveaway",
           "--text", "外部按钮"]
    subprocess.run(cmd, check=True, capture_output=True, timeout=60)
    cmd = [*LIVEOPS, "sample", str(ctx.ws.path), "--live", "online_viewers=777"]
    subprocess.run(cmd, check=True, capture_output=True, timeout=60)
    qtbot.waitUntil(lambda: any("外部按钮" in (e.text or "") for e in c.events.model.events), timeout=1500)
    qtbot.waitUntil(lambda: len(c.charts.store.curves["online"]) == 1, timeout=1500)
    state.stop()
    c.shutdown()


def test_external_changes_refresh_without_poller(qtbot, ctx, session, console):
    from desktop_app.services import event_log
    from desktop_app.services.context import Changes

    event_log.log_event(ctx, session.id, "milestone", "破万", source=Source.CLI)
    console.state.workspace_changed.emit(Changes(external=True))
    assert any(e.text == "破万" for e in console.events.model.events)


def test_event_markers_follow_the_log_with_kind_colours(qtbot, ctx, session, console, clock):
    from desktop_app.ui.live.charts import KIND_COLORS

    metrics_entry.record_snapshot(ctx, session.id, {"online_viewers": 10})
    qtbot.keyClick(console.events.quick, Qt.Key.Key_F1)
    clock.advance(seconds=30)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F4)
    marks = console.charts.marker_items[0].marks
    assert [m[1] for m in marks] == [KIND_COLORS["giveaway"], KIND_COLORS["incident"]]
    assert all(item.marks == marks for item in console.charts.marker_items)
    console.charts.tick()
    assert not console.charts.grab().isNull()  # markers paint (device-space drawing) without trouble


def test_report_goes_to_the_group_robot_off_the_gui_thread_and_failures_show(qtbot, ctx, session, clock):
    import threading

    from desktop_app.services import webhooks
    from desktop_app.ui.live.console import LiveConsole
    from tests.test_live_webhooks import Robot

    robot = Robot()
    robot.replies = [(500, {"errcode": -1})]
    webhooks.save_target(ctx, kind="wecom", url=robot.url + "/send?key=k")
    c = LiveConsole(AppState(ctx, poll=False), robots=True)
    qtbot.addWidget(c)
    c.set_session(session.id)
    try:
        metrics_entry.record_snapshot(ctx, session.id, {"gmv": "100"})
        clock.advance(minutes=16)
        sent_from = []
        orig_deliver = webhooks.deliver_due

        def deliver(ctx_, **kw):
            sent_from.append(threading.current_thread() is threading.main_thread())
            return orig_deliver(ctx_, **kw)

        import desktop_app.ui.live.robots as robots_mod
        robots_mod.webhooks.deliver_due = deliver
        c.report_now()
        qtbot.waitUntil(lambda: len(robot.requests) == 1 and not c.sender.busy, timeout=5000)
        assert sent_from and not any(sent_from)  # never on the GUI thread (the 15 s timer may add a round)
        assert "1 waiting" in c.robot_status.text() and "HTTP 500" in c.robot_status.text()
        clock.advance(seconds=31)  # backoff passed: the queue retries
        c.sender.kick()
        qtbot.waitUntil(lambda: len(robot.requests) == 2 and not c.sender.busy, timeout=5000)
        assert c.robot_status.text() == ""
        assert "战报" in robot.requests[-1][1]["text"]["content"]
    finally:
        robots_mod.webhooks.deliver_due = orig_deliver
        c.shutdown()
        robot.close()


def test_compare_overlay_aligns_an_earlier_session_by_minutes_since_start(qtbot, ctx, session, console, clock):
    from desktop_app.services import lifecycle as lc

    earlier, _ = lc.plan_session(ctx, anchor_id=ctx.fixture["anchor"].id, title="上一场",
                                 scheduled_start=session.on_air_utc - timedelta(days=1))
    ctx.ws.conn.execute("UPDATE sessions SET status = 'live', on_air_utc = ? WHERE id = ?",
                        ("2026-11-25T02:00:00.000Z", earlier.id))
    for minute, online in ((1, 50), (2, 80)):
        clock.set(session.on_air_utc - timedelta(days=1) + timedelta(minutes=minute))
        metrics_entry.record_snapshot(ctx, earlier.id, {"online_viewers": online})
    clock.set(session.on_air_utc - timedelta(days=1) + timedelta(minutes=3))
    lc.end_broadcast(ctx, earlier.id)
    clock.set(session.on_air_utc + timedelta(minutes=5))
    metrics_entry.record_snapshot(ctx, session.id, {"online_viewers": 10})
    console.set_session(session.id)
    box = console.charts.compare_box
    assert box.count() == 2 and "上一场" in box.itemText(1)
    box.setCurrentIndex(1)
    console.charts.set_zoom(0)
    console.charts.tick()
    xs, ys = console.charts.compare_curves["online"].getData()
    start = session.on_air_utc.timestamp()
    assert list(ys) == [50, 80] and list(xs) == [start + 60, start + 120]  # minute 1 and 2 of this session


def test_robot_dialog_refuses_bad_urls_inline_and_adds_good_ones(qtbot, ctx):
    from PySide6.QtWidgets import QPushButton

    from desktop_app.services import webhooks
    from desktop_app.ui.live.robots import RobotDialog

    dialog = RobotDialog(ctx, "Asia/Shanghai")
    qtbot.addWidget(dialog)
    dialog.url.setText("not a url")
    qtbot.mouseClick(dialog.findChild(QPushButton, "addRobot"), Qt.MouseButton.LeftButton)
    assert "Webhook" in dialog.error.text() and webhooks.list_targets(ctx) == []
    dialog.kind.setCurrentIndex(dialog.kind.findData("dingtalk"))
    dialog.url.setText("https://oapi.dingtalk.com/robot/send?access_token=x")
    dialog.secret.setText("SEC123")
    dialog.add()
    [t] = webhooks.list_targets(ctx)
    assert (t.kind, t.secret) == ("dingtalk", "SEC123") and dialog.targets.rowCount() == 1


def test_a_refused_key_press_keeps_the_old_binding(qtbot):
    """Pressing a taken key in the editor (as a user does, not setKeySequence) refuses it and
    leaves the kind on its old key: the editor clears itself when recording starts, and that
    empty sequence must not become the binding."""
    dialog = hk.HotkeyDialog(hk.load_bindings(), False)
    qtbot.addWidget(dialog)
    dialog.show()
    edit = dialog.edits["product"]
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_F1)  # F1 belongs to giveaway
    qtbot.waitUntil(lambda: "F1" in dialog.error.text())
    assert dialog.bindings["product"] == "F2"
    edit.clearFocus()  # leaving the editor shows the binding that stands
    qtbot.waitUntil(lambda: edit.keySequence().toString() == "F2")
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: dialog.bindings["product"] == "F9")
    assert dialog.error.text() == ""
    dialog.findChild(QPushButton, "clear_note").click()  # the Clear button does unbind
    assert dialog.bindings["note"] == ""
    dialog.findChild(QPushButton, "clear_product").click()
    assert dialog.bindings["product"] == "" and edit.keySequence().isEmpty()


def test_event_list_follows_live_and_stays_put_while_the_user_reads(qtbot, ctx, session, console, clock):
    view = console.events.view
    bar = view.verticalScrollBar()

    def last_row_visible() -> bool:
        last = console.events.proxy.index(console.events.proxy.rowCount() - 1, 0)
        return view.viewport().rect().contains(view.visualRect(last).center())

    for _ in range(40):  # more than the list can show
        qtbot.keyClick(QApplication.focusWidget() or console, Qt.Key.Key_F1)
        clock.advance(seconds=5)
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    assert last_row_visible()  # following the newest entry
    bar.setValue(0)  # the user scrolls up to read
    qtbot.keyClick(QApplication.focusWidget() or console, Qt.Key.Key_F2)
    assert bar.value() == 0
    bar.setValue(bar.maximum())  # back at the bottom: follows again
    qtbot.keyClick(QApplication.focusWidget() or console, Qt.Key.Key_F3)
    assert last_row_visible()
    console.events.kind_filter.setCurrentIndex(console.events.kind_filter.findData("product"))
    console.events.kind_filter.setCurrentIndex(0)  # clearing a filter does not stop following
    qtbot.keyClick(QApplication.focusWidget() or console, Qt.Key.Key_F4)
    assert last_row_visible()
    qtbot.keyClicks(console.events.text_filter, "zz")  # nothing matches: an empty list
    console.events.text_filter.clear()
    qtbot.keyClick(QApplication.focusWidget() or console, Qt.Key.Key_F5)
    assert last_row_visible()
    panel = console.events
    panel.vis_filter.setCurrentIndex(panel.vis_filter.findData("internal"))  # a short list, then all again
    panel.vis_filter.setCurrentIndex(panel.vis_filter.findData("all"))
    console.log("note", "外部来的", internal=None, source="cli")
    assert last_row_visible()
    console.log("giveaway", "福袋 88元", internal=None, source="manual")
    qtbot.keyClicks(panel.text_filter, "88")  # a few rows match, then the filter is cleared
    assert panel.proxy.rowCount() == 1
    qtbot.waitUntil(lambda: bar.maximum() == 0)  # the view laid out the short list
    panel.text_filter.clear()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    console.log("note", "又一条", internal=None, source="cli")
    assert last_row_visible()


def test_event_list_opens_at_the_newest_entry(qtbot, ctx, session, clock):
    from desktop_app.services import event_log
    from desktop_app.ui.live.console import LiveConsole

    for i in range(40):
        event_log.log_event(ctx, session.id, "note", f"记录 {i}")
        clock.advance(seconds=5)
    c = LiveConsole(AppState(ctx, poll=False), robots=False)
    qtbot.addWidget(c)
    c.set_session(session.id)  # loaded while hidden, as the session page builds it
    c.resize(1280, 800)
    c.show()
    view = c.events.view
    last = c.events.proxy.index(c.events.proxy.rowCount() - 1, 0)
    qtbot.waitUntil(lambda: view.viewport().rect().contains(view.visualRect(last).center()))
    c.shutdown()


def test_a_key_of_the_main_window_is_refused_as_an_event_hotkey(qtbot, ctx, session):
    """Ctrl+O (open workspace) or Alt+2 (go to a page) are taken by the window around the console;
    as an event hotkey they were accepted and then neither worked (an ambiguous shortcut)."""
    from PySide6.QtGui import QAction, QKeySequence, QShortcut
    from PySide6.QtWidgets import QMainWindow

    from desktop_app.ui.live.console import LiveConsole

    window = QMainWindow()
    qtbot.addWidget(window)
    open_action = QAction("打开工作区…", window)
    open_action.setShortcut(QKeySequence("Ctrl+O"))
    window.addAction(open_action)
    QShortcut(QKeySequence("Alt+2"), window)
    console = LiveConsole(AppState(ctx, poll=False), robots=False)
    window.setCentralWidget(console)
    try:
        dialog = hk.HotkeyDialog(console.bindings, False, console)
        qtbot.addWidget(dialog)
        dialog.show()
        edit = dialog.edits["note"]
        edit.setFocus()
        qtbot.keyClick(edit, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: "Ctrl+O" in dialog.error.text())
        assert "打开工作区" in dialog.error.text() and dialog.bindings["note"] == ""
        qtbot.keyClick(edit, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
        qtbot.waitUntil(lambda: "Alt+2" in dialog.error.text())
        assert dialog.bindings["note"] == ""
        qtbot.keyClick(edit, Qt.Key.Key_F7)  # the console's own keys are not "taken" by the window
        qtbot.waitUntil(lambda: dialog.bindings["note"] == "F7")
    finally:
        console.shutdown()


def test_the_real_main_window_keys_are_refused_by_name(qtbot, ctx, session):
    from desktop_app.ui.main_window import MainWindow

    window = MainWindow(AppState(ctx, poll=False))
    qtbot.addWidget(window)
    window.open_session(session.id)
    page = window.session_page
    live_tab = next(i for i, ph in page.phase_of_tab.items() if ph == "live")
    page.tabs.setCurrentIndex(live_tab)
    from desktop_app.ui.live.console import LiveConsole

    console = window.findChild(LiveConsole)
    try:
        dialog = hk.HotkeyDialog(console.bindings, False, console)
        qtbot.addWidget(dialog)
        taken = dialog.taken
        assert "Ctrl+O" in taken and taken["Ctrl+O"] and "&" not in taken["Ctrl+O"]
        assert "Alt+2" in taken
        assert "F1" not in taken and "Ctrl+R" not in taken  # the console's own
    finally:
        console.shutdown()
