"""Chart axes shared by every pyqtgraph view (live console, trends)."""

from __future__ import annotations

import math

import pyqtgraph as pg

from desktop_app.ui import format as fmt


class NumberAxis(pg.AxisItem):
    """Tick labels as the app writes numbers (80,000 / 1.65), never pyqtgraph's "80000" or "1e+06"."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.enableAutoSIPrefix(False)  # "x1e+03" beside the axis would rescale the labels we format

    def tickStrings(self, values, scale, spacing):  # noqa: N802 - pyqtgraph's name
        decimals = 0 if spacing * scale >= 1 else min(4, max(1, -int(math.floor(math.log10(spacing * scale)))))
        return [fmt.number(v * scale, decimals) for v in values]
