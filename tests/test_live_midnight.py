"""Late-night broadcasts: a bare clock time typed after midnight, and readings dated in the future."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt

from desktop_app.cli import main
from desktop_app.domain.errors import ValidationError
from desktop_app.services import lifecycle, metrics_entry
from desktop_app.storage import samples as sample_repo
from desktop_app.ui.state import AppState

pytestmark = pytest.mark.usefixtures("clean_live_settings")

ON_AIR = datetime(2026, 11, 26, 15, 30, tzinfo=UTC)  # 23:30 in Asia/Shanghai


@pytest.fixture
def night(ctx, clock):
    clock.set(ON_AIR)
    s, _ = lifecycle.start_now(ctx, anchor_id=ctx.fixture["anchor"].id, title="深夜场")
    clock.set(ON_AIR + timedelta(minutes=40))  # 00:10 the next day
    return s


def test_a_clock_time_typed_after_midnight_is_the_evening_before(qtbot, ctx, night, clock):
    from desktop_app.ui.live.console import LiveConsole

    c = LiveConsole(AppState(ctx, poll=False), robots=False)
    qtbot.addWidget(c)
    try:
        c.set_session(night.id)
        c.metrics.fields["gmv"].setText("1.5万")
        c.metrics.ts.setText("23:50")  # twenty minutes ago, before midnight
        qtbot.keyClick(c.metrics.ts, Qt.Key.Key_Return)
        assert c.metrics.error.text() == ""
        [s] = sample_repo.list_samples(ctx.ws, night.id)
        assert s.ts_utc == ON_AIR + timedelta(minutes=20)
    finally:
        c.shutdown()


def test_a_reading_dated_in_the_future_is_refused(ctx, night, clock, capsys, monkeypatch):
    from desktop_app.cli import options as cli_options

    monkeypatch.setattr(cli_options, "clock", clock)
    with pytest.raises(ValidationError) as exc:
        metrics_entry.record_snapshot(ctx, night.id, {"gmv": "100"}, ts=clock.now() + timedelta(hours=1))
    assert exc.value.field == "ts" and "晚于" in exc.value.text()
    code = main(["--lang", "en", "sample", str(ctx.ws.path), "--live", "--ts", "2026-11-27T02:00", "gmv=1"])
    assert code == 1 and "future" in capsys.readouterr().err
    assert sample_repo.list_samples(ctx.ws, night.id) == []
    # a device clock a little ahead is tolerated
    metrics_entry.record_snapshot(ctx, night.id, {"gmv": "100"}, ts=clock.now() + timedelta(seconds=90))
    assert len(sample_repo.list_samples(ctx.ws, night.id)) == 1


def test_after_the_broadcast_the_form_says_an_empty_time_is_the_end(qtbot, ctx, night, clock):
    from desktop_app.ui.live.console import LiveConsole

    c = LiveConsole(AppState(ctx, poll=False), robots=False)
    qtbot.addWidget(c)
    try:
        c.set_session(night.id)
        assert "现在" in c.metrics.ts_label.text() or "now" in c.metrics.ts_label.text()
        clock.advance(minutes=5)
        c.state.emit_changes(lifecycle.end_broadcast(ctx, night.id))
        assert "下播" in c.metrics.ts_label.text() or "end of broadcast" in c.metrics.ts_label.text()
        clock.advance(minutes=3)
        c.metrics.fields["orders"].setText("321")
        qtbot.keyClick(c.metrics.fields["orders"], Qt.Key.Key_Return)
        assert c.metrics.error.text() == ""
        [s] = sample_repo.list_samples(ctx.ws, night.id)
        assert s.ts_utc == ON_AIR + timedelta(minutes=45)  # the end, not now
    finally:
        c.shutdown()
