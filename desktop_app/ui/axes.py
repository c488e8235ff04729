"""Chart axes shared by every pyqtgraph view (live console, trends)."""

from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6.QtGui import QFontMetricsF

from desktop_app.ui import format as fmt

MAX_DECIMALS = 4
LABEL_PITCH = 1.25  # a value label's line height plus a quarter line of air to its neighbour


def _next_nice(spacing: float) -> float:
    """The next tick spacing up in the 1-2-5 series (20 → 50, 50 → 100, 0.2 → 0.5)."""
    unit = 10.0 ** math.floor(math.log10(spacing))
    return next(f * unit for f in (1, 2, 5, 10) if f * unit > spacing * (1 + 1e-9))


def spacing_decimals(spacing: float) -> int:
    """The fewest decimals that write every multiple of ``spacing`` exactly: 1 → 0, 0.5 → 1,
    0.25 → 2, 2.5 → 1 (log10 of 0.25 gave 1 decimal, and 2.25 printed as "2.3")."""
    for d in range(MAX_DECIMALS + 1):
        scaled = spacing * 10 ** d
        if abs(scaled - round(scaled)) <= 1e-6 * max(1.0, abs(scaled)):
            return d
    return MAX_DECIMALS


class NumberAxis(pg.AxisItem):
    """Tick labels as the app writes numbers (80,000 / 1.65), never pyqtgraph's "80000" or "1e+06",
    and with one number of decimals along the whole axis: pyqtgraph labels each tick level (major,
    minor) separately, so a major "1" stood beside a minor "0.5" and "1.5". ``suffix`` follows each
    label ("%" on a percentage axis)."""

    def __init__(self, *args, suffix: str = "", **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.suffix = suffix
        self._decimals: int | None = None  # set while a draw is redone with every level alike
        self.enableAutoSIPrefix(False)  # "x1e+03" beside the axis would rescale the labels we format

    def tickStrings(self, values, scale, spacing):  # noqa: N802 - pyqtgraph's name
        decimals = self._decimals if self._decimals is not None else spacing_decimals(spacing * scale)
        return [fmt.number(v * scale, decimals) + self.suffix for v in values]

    def generateDrawSpecs(self, p):  # noqa: N802 - pyqtgraph's name
        """pyqtgraph decides per level whether its labels fit; only then is it known which levels
        are labelled, so when the labels drawn disagree on decimals the draw is redone with the
        most decimals any of them had."""
        self._decimals = None
        specs = super().generateDrawSpecs(p)
        if specs is None or self._tickLevels is not None:  # fixed ticks (setTicks) keep their texts
            return specs
        shown = {self.decimals_in(text) for _rect, _flags, text in specs[2]}
        if len(shown) > 1:
            self._decimals = max(shown)
            try:
                specs = super().generateDrawSpecs(p)
            finally:
                self._decimals = None
        return specs

    def decimals_in(self, text: str) -> int:
        point = fmt.locale().decimalPoint()
        body = text[: len(text) - len(self.suffix)] if self.suffix else text
        return len(body.rsplit(point, 1)[1]) if point in body else 0

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
