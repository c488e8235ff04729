"""Follow-live and zoom keys as a keyboard-first specialist uses them: the keyboard is in the
quick-entry or note line (that is where hotkeys leave it), the mouse pans the chart."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from desktop_app.services import metrics_entry
from desktop_app.ui.state import AppState

pytestmark = pytest.mark.usefixtures("clean_live_settings")


@pytest.fixture
def console(qtbot, ctx, session, clock):
    from desktop_app.ui.live.console import LiveConsole

    for _ in range(120):
        clock.advance(seconds=30)
        metrics_entry.record_snapshot(ctx, session.id, {"online_viewers": 100})
    c = LiveConsole(AppState(ctx, poll=False), robots=False)
    qtbot.addWidget(c)
    c.set_session(session.id)
    c.resize(1280, 800)
    c.show()
    c.activateWindow()
    qtbot.waitUntil(c.isActiveWindow)
    yield c
    c.shutdown()


def drag_chart(qtbot, console) -> None:
    view = console.charts.glw.viewport()
    start = QPoint(view.width() // 2, view.height() // 6)
    qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=start)
    for dx in range(10, 200, 10):
        qtbot.mouseMove(view, start + QPoint(dx, 0))
    qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=start + QPoint(200, 0))


def test_a_mouse_pan_stops_following_and_a_zoom_key_resumes_from_the_entry_line(qtbot, console):
    charts = console.charts
    charts.set_zoom(10)
    charts.tick()
    console.events.quick.setFocus()
    drag_chart(qtbot, console)
    qtbot.waitUntil(lambda: not charts.follow)
    console.events.quick.setFocus()  # the keyboard goes back to the entry line
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert charts.follow and charts.follow_button.isChecked() and charts.zoom_minutes == 10
    x0, x1 = charts.plots[0].getViewBox().viewRange()[0]
    assert x0 < charts.store.last_x <= x1  # the newest reading back in view


def test_end_resumes_following_from_the_mini_button_row_and_metric_labels(qtbot, console):
    """End is window-wide: any focus that does not use End itself (a button, the side panel)."""
    charts = console.charts
    charts.set_follow(False)
    console.mini_button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    console.mini_button.setFocus()
    qtbot.keyClick(console.mini_button, Qt.Key.Key_End)
    assert charts.follow


def test_end_pressed_right_after_the_pan_resumes(qtbot, console):
    charts = console.charts
    console.events.quick.setFocus()
    drag_chart(qtbot, console)
    qtbot.waitUntil(lambda: not charts.follow)
    qtbot.keyClick(QApplication.focusWidget() or console, Qt.Key.Key_End)
    assert charts.follow


def test_zoom_keys_work_from_the_entry_line(qtbot, console):
    charts = console.charts
    console.events.quick.setFocus()
    qtbot.keyClick(console.events.quick, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert charts.zoom_minutes == 10
    qtbot.keyClick(console.events.quick, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert charts.zoom_minutes == 0


def test_crosshair_reads_every_panel_at_the_pointed_minute(qtbot, ctx, session, clock):
    """Pointing at the chart shows that minute's values of all panels (the last reading in it)."""
    from desktop_app.domain.timeutil import local
    from desktop_app.ui.live.console import LiveConsole

    clock.advance(minutes=2)
    metrics_entry.record_snapshot(ctx, session.id, {"online_viewers": "1,234", "gmv": "2.5万", "orders": "40",
                                                    "buyers": "30", "uv": "1000", "ad_spend": "5000"})
    when = clock.now()
    c = LiveConsole(AppState(ctx, poll=False), robots=False)
    qtbot.addWidget(c)
    try:
        c.set_session(session.id)
        c.resize(1280, 800)
        c.show()
        qtbot.waitExposed(c)
        charts = c.charts
        charts.set_zoom(0)
        charts.tick()
        vb = charts.plots[0].getViewBox()
        y0, y1 = vb.viewRange()[1]
        scene = vb.mapViewToScene(pg_point(when.timestamp() + 1, (y0 + y1) / 2))
        view = charts.glw
        qtbot.mouseMove(view.viewport(), view.mapFromScene(scene))
        qtbot.waitUntil(lambda: "1,234" in charts.readout.text())
        text = charts.readout.text()
        assert local(when, session.timezone).strftime("%H:%M") in text
        assert "25,000.00" in text and "3.00%" in text and "5.00" in text  # GMV, 30/1000, ROI 25000/5000
    finally:
        c.shutdown()


def pg_point(x: float, y: float):
    from PySide6.QtCore import QPointF

    return QPointF(x, y)
