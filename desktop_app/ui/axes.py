"""Chart axes shared by every pyqtgraph view (live console, trends)."""

from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6.QtGui import QFontMetricsF

from desktop_app.ui import format as fmt

LABEL_PITCH = 1.25  # a value label's line height plus a quarter line of air to its neighbour


def _next_nice(spacing: float) -> float:
    """The next tick spacing up in the 1-2-5 series (20 → 50, 50 → 100, 0.2 → 0.5)."""
    unit = 10.0 ** math.floor(math.log10(spacing))
    return next(f * unit for f in (1, 2, 5, 10) if f * unit > spacing * (1 + 1e-9))


class NumberAxis(pg.AxisItem):
    """Tick labels as the app writes numbers (80,000 / 1.65), never pyqtgraph's "80000" or "1e+06"."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.enableAutoSIPrefix(False)  # "x1e+03" beside the axis would rescale the labels we format

    def tickStrings(self, values, scale, spacing):  # noqa: N802 - pyqtgraph's name
        decimals = 0 if spacing * scale >= 1 else min(4, max(1, -int(math.floor(math.log10(spacing * scale)))))
        return [fmt.number(v * scale, decimals) for v in values]

    def tickSpacing(self, minVal, maxVal, size):  # noqa: N802, N803 - pyqtgraph's names
        """pyqtgraph always labels every major tick, so on a short panel its labels ran over one another
        ("100,000" on "80,000"): a vertical axis takes the next coarser 1-2-5 spacing until the labels
        stand a line apart, and keeps a finer level only where its labels would fit as well. Runs only
        when the axis is redrawn (range or size changed), not per chart tick."""
        levels = super().tickSpacing(minVal, maxVal, size)
        if self.orientation not in ("left", "right") or not levels or size <= 0 or self._tickSpacing is not None:
            return levels
        need = self._label_height() * LABEL_PITCH * abs(maxVal - minVal) / size  # in axis units
        major = levels[0][0]
        while major < need:
            major = _next_nice(major)
        return [(major, 0.0)] + [level for level in levels[1:] if need <= level[0] < major]

    def _label_height(self) -> float:
        return QFontMetricsF(self.style["tickFont"] or self.font()).height()
