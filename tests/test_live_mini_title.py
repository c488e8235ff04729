"""The mini window shows the session's title whole, whatever its length, beside a clock that is never cut."""

from __future__ import annotations

import pytest

from desktop_app.services import lifecycle
from desktop_app.ui.state import AppState

pytestmark = pytest.mark.usefixtures("clean_live_settings")


def test_a_long_title_wraps_under_the_clock_instead_of_being_cut(qtbot, ctx, clock):
    from desktop_app.ui.live.console import LiveConsole

    title = "11月27日 小美 补水专场 · 双十二预热 玻尿酸面膜福利返场"
    s, _ = lifecycle.start_now(ctx, anchor_id=ctx.fixture["anchor"].id, title=title)
    clock.advance(minutes=7)
    console = LiveConsole(AppState(ctx, poll=False), robots=False)
    qtbot.addWidget(console)
    try:
        console.set_session(s.id)
        console.show()
        console.toggle_mini()
        mini = console.mini
        qtbot.waitExposed(mini)
        qtbot.waitUntil(lambda: mini.elapsed.text() == "0:07:00")
        for label in (mini.elapsed, mini.title):
            assert label.sizeHint().width() <= label.width() or label.wordWrap(), label.objectName()
            assert label.heightForWidth(label.width()) <= label.height() if label.wordWrap() else True
        assert mini.title.text() == title
        assert mini.elapsed.geometry().right() <= mini.contentsRect().right()
    finally:
        console.shutdown()
