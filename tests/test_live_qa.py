"""QA walk-through of the live console (issue #5): what a specialist saw wrong, each fixed here."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QEvent

from desktop_app.services import lifecycle, metrics_entry
from desktop_app.ui.state import AppState

pytestmark = pytest.mark.usefixtures("clean_live_settings")


def _console(qtbot, ctx, lang: str):
    from desktop_app.ui import i18n
    from desktop_app.ui.live.console import LiveConsole

    i18n.apply_language(lang)
    QCoreApplication.removePostedEvents(None, QEvent.Type.LanguageChange)
    c = LiveConsole(AppState(ctx, poll=False), robots=False)
    qtbot.addWidget(c)
    c.charts.timer.stop()
    return c


@pytest.fixture
def en_console(qtbot, ctx):
    c = _console(qtbot, ctx, "en")
    c.resize(1280, 800)
    yield c
    c.shutdown()


def _axis_labels(plot, side: str) -> list[str]:
    axis = plot.getAxis(side)
    lo, hi = axis.range
    return [s for spacing, values in axis.tickValues(lo, hi, axis.height())
            for s in axis.tickStrings([v for v in values if lo <= v <= hi], axis.autoSIPrefixScale, spacing)]


def test_money_and_count_axes_use_thousands_separators(qtbot, ctx, session, clock, en_console):
    for gmv in (20_000_00, 50_000_00, 93_563_10):  # minor units: up to ¥93,563.10
        clock.advance(minutes=1)
        metrics_entry.record_snapshot(ctx, session.id, {"gmv": gmv, "online_viewers": 12_000})
    en_console.set_session(session.id)
    en_console.show()
    qtbot.waitExposed(en_console)
    en_console.charts.glw.grab()
    gmv = _axis_labels(en_console.charts.plots[1], "left")
    assert any("," in s for s in gmv) and not any(s.isdigit() and len(s) > 3 for s in gmv), gmv  # was "80000"
    online = _axis_labels(en_console.charts.plots[0], "left")
    assert any("," in s for s in online), online


def test_trends_and_live_charts_share_one_number_axis():
    from desktop_app.ui.axes import NumberAxis
    from desktop_app.ui.review import trends

    assert trends.NumberAxis is NumberAxis


def test_finished_session_offers_no_follow_live(qtbot, ctx, session, clock, en_console):
    en_console.set_session(session.id)
    button = en_console.charts.follow_button
    assert button.isEnabled() and en_console.charts.follow_shortcut.isEnabled()
    clock.advance(minutes=30)
    changes = lifecycle.end_broadcast(ctx, session.id)
    en_console.state.emit_changes(changes)
    assert not button.isEnabled() and not en_console.charts.follow_shortcut.isEnabled()  # was still offered
    assert "not on air" in button.toolTip()
    en_console.set_session(None)
    en_console.set_session(session.id)  # opened afresh: still not offered
    assert not button.isEnabled() and "not on air" in button.toolTip()


def test_follow_a_csv_only_for_a_session_on_air(qtbot, ctx, session, clock):
    from desktop_app.ui.ingest.follow_widget import FollowWidget

    state = AppState(ctx, poll=False)
    w = FollowWidget(state)
    qtbot.addWidget(w)
    assert not w.start_button.isEnabled()
    w.set_session(session.id)
    assert w.start_button.isEnabled()
    clock.advance(minutes=30)
    state.emit_changes(lifecycle.end_broadcast(ctx, session.id))
    assert not w.start_button.isEnabled() and "not on air" in w.start_button.toolTip()  # was enabled
    w.set_session(None)
    w.set_session(session.id)
    assert not w.start_button.isEnabled()
    state.stop()
