"""The chart time axis reads in the session's time zone, daylight saving included."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import numpy as np

from desktop_app.domain.enums import Platform, SessionOrigin, SessionStatus
from desktop_app.domain.models import Session
from desktop_app.ui.live.charts import LiveCharts

# Europe/Berlin leaves summer time on 2026-10-25 at 01:00 UTC: 03:00 CEST becomes 02:00 CET.
ON_AIR = datetime(2026, 10, 24, 23, 0, tzinfo=UTC)  # 01:00 CEST


def _session(tz: str) -> Session:
    return Session(id="s", anchor_id="a", specialist_id="p", client_id=None, platform=Platform.DOUYIN,
                   title="跨夏令时", timezone=tz, currency="EUR", status=SessionStatus.LIVE,
                   origin=SessionOrigin.STARTED_NOW, scheduled_start_utc=ON_AIR, scheduled_end_utc=None,
                   on_air_utc=ON_AIR)


def _labels(charts: LiveCharts) -> list[tuple[float, str, str]]:
    """(position, label, tick format) of every tick the visible time axis writes."""
    charts.grab()  # paint once: the axis measures its labels' font on paint
    axis = charts.plots[3].getAxis("bottom")
    x0, x1 = charts.plots[0].getViewBox().viewRange()[0]
    out = []
    for spacing, values in axis.tickValues(x0, x1, axis.width() or 1200):
        spec = next(s for s in axis.zoomLevel.tickSpecs if s.spacing == spacing)
        out += [(x, text, spec.format) for x, text in zip(values, axis.tickStrings(values, 1.0, spacing),
                                                          strict=True)]
    return out


def test_axis_labels_follow_the_session_zone_across_the_october_change(qtbot):
    charts = LiveCharts()
    qtbot.addWidget(charts)
    charts.timer.stop()
    charts.resize(1280, 800)
    charts.show()
    t = ON_AIR.timestamp() + np.arange(0, 4 * 3600, 60, dtype=np.float64)  # 01:00 CEST → 03:00 CET
    charts.set_session(_session("Europe/Berlin"), {"online_viewers": (t, np.full(len(t), 100.0))})
    charts.set_zoom(0)
    charts.tick()
    labels = _labels(charts)
    berlin = ZoneInfo("Europe/Berlin")
    hours = [(x, text) for x, text, f in labels if f == "%H:%M"]
    assert len(hours) >= 4
    for x, text, f in labels:
        assert text == datetime.fromtimestamp(x, berlin).strftime(f), (x, text)
        if "%H" not in f:  # a day tick sits at the zone's midnight
            assert datetime.fromtimestamp(x, berlin).strftime("%H:%M") == "00:00"
    # After 01:00 UTC Berlin is on CET (+01:00): a fixed on-air offset (+02:00) would label every
    # later tick an hour too late.
    change = datetime(2026, 10, 25, 1, 0, tzinfo=UTC).timestamp()
    after = [(x, text) for x, text in hours if x >= change]
    assert after
    for x, text in after:
        assert text == datetime.fromtimestamp(x + 3600, UTC).strftime("%H:%M")
        assert text != datetime.fromtimestamp(x + 7200, UTC).strftime("%H:%M")
    assert any(x < change and text == datetime.fromtimestamp(x + 7200, UTC).strftime("%H:%M") for x, text in hours)


def test_axis_zone_changes_with_the_session(qtbot):
    charts = LiveCharts()
    qtbot.addWidget(charts)
    charts.timer.stop()
    charts.resize(1280, 800)
    charts.show()
    t = ON_AIR.timestamp() + np.arange(0, 3600, 10, dtype=np.float64)
    arrays = {"online_viewers": (t, np.full(len(t), 100.0))}
    charts.set_session(_session("Europe/Berlin"), arrays)
    charts.set_zoom(0)
    charts.tick()
    berlin = {text for _x, text, _f in _labels(charts)}
    charts.set_session(replace(_session("Asia/Shanghai")), arrays)
    charts.set_zoom(0)
    charts.tick()
    shanghai = _labels(charts)
    assert {text for _x, text, _f in shanghai} != berlin
    for x, text, f in shanghai:
        assert text == datetime.fromtimestamp(x, ZoneInfo("Asia/Shanghai")).strftime(f)
