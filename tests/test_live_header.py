"""Live console header and mini window: key numbers vs their targets; the hidden mini window idles."""

from __future__ import annotations

import pytest

from desktop_app.domain.enums import Direction
from desktop_app.domain.models import Target
from desktop_app.services import lifecycle, metrics_entry
from desktop_app.ui.state import AppState

pytestmark = pytest.mark.usefixtures("clean_live_settings")


def test_numbers_show_their_targets_and_mini_next_due_loads_only_when_shown(qtbot, ctx, clock):
    from desktop_app.ui.live.console import LiveConsole

    s, _ = lifecycle.start_now(ctx, anchor_id=ctx.fixture["anchor"].id, title="目标场")
    lifecycle.set_targets(ctx, s.id, [Target("online_viewers", 1500, Direction.MIN),
                                      Target("orders", 800, Direction.MIN)])
    clock.advance(minutes=5)
    metrics_entry.record_snapshot(ctx, s.id, {"online_viewers": 1512, "orders": 711})
    console = LiveConsole(AppState(ctx, poll=False), robots=False)
    qtbot.addWidget(console)
    console.set_session(s.id)
    text = console.numbers.text()
    assert "1,512 / 1,500" in text and "711 / 800" in text
    if console.mini_next_due is not None:
        assert console.mini_next_due.session_id is None  # hidden: no reload on every change
        console.toggle_mini()
        assert console.mini_next_due.session_id == s.id
        assert "1,512 / 1,500" in console.mini.numbers.text()
        console.toggle_mini()
        assert console.mini_next_due.session_id is None
    console.shutdown()
