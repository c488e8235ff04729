"""A pyqtgraph date axis in a named time zone, daylight saving included.

pyqtgraph's DateAxisItem takes one fixed UTC offset; a session crossing a DST change (or a
session in Europe/Berlin viewed in October) would be labelled an hour off on one side of it.
Here tick positions are placed with the zone's offset at the middle of the visible range (so
they fall on round local times) and every label is formatted with the zone's offset at that
instant, so 00:30 and 01:30 UTC on 2026-10-25 read 02:30 CEST and 02:30 CET.
"""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pyqtgraph as pg

DAY = 24 * 3600


class ZonedDateAxis(pg.DateAxisItem):
    def __init__(self, *args, zone: str = "UTC", **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.zone = ZoneInfo(zone)

    def set_zone(self, zone: str) -> None:
        self.zone = ZoneInfo(zone)
        self.picture = None  # labels change: drop pyqtgraph's cached drawing
        self.update()

    def _offset_west(self, t: float) -> int:
        """Seconds west of UTC at ``t`` (pyqtgraph's convention, like time.timezone)."""
        return -int(datetime.fromtimestamp(t, self.zone).utcoffset().total_seconds())

    def tickValues(self, minVal, maxVal, size):  # noqa: N802 (pyqtgraph's name)
        try:
            self.utcOffset = self._offset_west((minVal + maxVal) / 2.0)
        except (OverflowError, OSError, ValueError):
            self.utcOffset = 0
        out = []
        for spacing, values in super().tickValues(minVal, maxVal, size):
            if spacing >= DAY and values:  # day ticks at the zone's real midnight, not the range's offset
                values = [self._local_midnight(v) for v in values]
            out.append((spacing, values))
        return out

    def _local_midnight(self, v: float) -> float:
        wall = datetime.fromtimestamp(v - (self.utcOffset or 0), UTC).replace(tzinfo=None)
        try:
            return wall.replace(tzinfo=self.zone).timestamp()
        except (OverflowError, OSError, ValueError):
            return v

    def tickStrings(self, values, scale, spacing):  # noqa: N802
        spec = next((s for s in self.zoomLevel.tickSpecs if s.spacing == spacing), None)
        if spec is None:
            return super().tickStrings(values, scale, spacing)
        out = []
        for v in values:
            try:
                s = datetime.fromtimestamp(v, self.zone).strftime(spec.format)
            except (OverflowError, OSError, ValueError):
                out.append("")
                continue
            if "%f" in spec.format:
                s = s[:-3]
            elif "%Y" in spec.format:
                s = s.lstrip("0")
            out.append(s)
        return out
