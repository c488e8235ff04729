"""Opening a session in the console: the chart arrays come straight from SQLite with exact times,
and a closed session lists no next checks (nothing can be ticked there) until it is reopened."""

from __future__ import annotations

import random
import uuid
from datetime import UTC, datetime, timedelta

import numpy as np
import pytest

from desktop_app.domain.enums import Source
from desktop_app.domain.models import MetricSample
from desktop_app.domain.timeutil import to_iso
from desktop_app.services import lifecycle
from desktop_app.services.context import Changes
from desktop_app.storage import samples as sample_repo
from desktop_app.ui.live.series import iso_to_epoch, load_arrays
from desktop_app.ui.state import AppState

pytestmark = pytest.mark.usefixtures("clean_live_settings")


def test_chart_arrays_hold_every_stored_millisecond_exactly(ctx, session):
    rnd = random.Random(5)
    start = session.on_air_utc
    stamps = sorted({start + timedelta(milliseconds=rnd.randrange(0, 6 * 3600 * 1000)) for _ in range(3000)})
    # a leap day and a year end too (julianday arithmetic must hold across them)
    extra = [datetime(2028, 2, 29, 23, 59, 59, 999000, tzinfo=UTC), datetime(2030, 12, 31, 23, 59, 59, 1000,
                                                                                  tzinfo=UTC)]
    rows = [MetricSample(str(uuid.uuid4()), session.id, ts, "gmv", float(i), Source.DEMO, True, None, None,
                         ctx.actor_id) for i, ts in enumerate([*stamps, *extra])]
    with ctx.ws.write():
        sample_repo.insert_samples(ctx.ws, rows, start)
    t, v = load_arrays(ctx.ws, session.id, ("gmv",))["gmv"]
    stored = [r[0] for r in ctx.ws.query("SELECT ts_utc FROM metric_samples WHERE metric_key = 'gmv' ORDER BY ts_utc")]
    assert stored[0] == to_iso(stamps[0])
    assert np.array_equal(t, iso_to_epoch(stored))  # bit for bit what parsing the text gives
    assert np.array_equal(v, np.arange(len(rows), dtype=np.float64))


def test_a_closed_session_lists_no_next_checks_until_reopened(qtbot, ctx, session, clock):
    from desktop_app.ui.live.console import LiveConsole

    c = LiveConsole(AppState(ctx, poll=False), robots=False)
    qtbot.addWidget(c)
    if c.next_due_widget is None:
        pytest.skip("the checklists feature's next-due widget is not installed")
    c.set_session(session.id)
    assert c.next_due_widget.session_id == session.id
    ctx.ws.conn.execute("UPDATE sessions SET status = 'closed' WHERE id = ?", (session.id,))
    c.on_changes(Changes(external=True))
    assert c.next_due_widget.session_id is None and c.next_due_widget.items == []
    c.set_session(None)
    c.set_session(session.id)  # opened again while closed
    assert c.next_due_widget.session_id is None
    clock.advance(minutes=1)
    c.state.emit_changes(lifecycle.reopen(ctx, session.id, "补录"))
    assert c.next_due_widget.session_id == session.id
    c.shutdown()


def test_a_finished_broadcast_opens_whole_and_a_live_one_keeps_the_chosen_zoom(qtbot, ctx, session, clock):
    from desktop_app.services import metrics_entry
    from desktop_app.ui.live.charts import ZOOMS
    from desktop_app.ui.live.console import LiveConsole

    for _ in range(90):  # 90 minutes of readings: more than the 30- and 60-minute windows
        clock.advance(minutes=1)
        metrics_entry.record_snapshot(ctx, session.id, {"online_viewers": "1000"})
    c = LiveConsole(AppState(ctx, poll=False), robots=False)
    qtbot.addWidget(c)
    c.set_session(session.id)
    charts = c.charts
    assert charts.zoom_minutes == 30
    charts.set_zoom(10)  # the specialist's choice on air
    clock.advance(minutes=1)
    lifecycle.end_broadcast(ctx, session.id)
    c.set_session(None)
    c.set_session(session.id)
    assert charts.zoom_minutes == 0 and charts.zoom_buttons.checkedId() == ZOOMS.index(0)
    left, right = charts._x_window()
    assert left <= session.on_air_utc.timestamp() and right >= session.on_air_utc.timestamp() + 90 * 60
    other, _ = lifecycle.start_now(ctx, anchor_id=ctx.fixture["anchor"].id, title="下一场")
    c.set_session(other.id)
    assert charts.zoom_minutes == 10  # back on air: the zoom chosen on air
    c.shutdown()
