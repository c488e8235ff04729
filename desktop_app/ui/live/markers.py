"""Event markers: every event of a plot drawn by one graphics item (not one InfiniteLine each).

A 6 h session has hundreds of events on four panels; separate items made opening a session
and every repaint slow. This item paints vertical dashed lines across the visible range in
device coordinates, coloured by kind, with optional labels (top panel), putting each
label on the first row where it clears its left neighbour, always inside the plot.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPen

MAX_LABEL_ROWS = 4
GAP = 3  # px between a line and its label
ROW_GAP = 2  # px between label rows
INK_SAMPLE = "整點Ág"  # Chinese glyphs come from a fallback font taller than the Latin one


class _TextSizes:
    """Label widths and the label row height for one font, measured once (not on every paint)."""

    def __init__(self, font: QFont) -> None:
        self.metrics = QFontMetricsF(font)
        ink = self.metrics.boundingRect(INK_SAMPLE)
        self.top = min(ink.top(), -self.metrics.ascent())  # above the baseline, fallback glyphs included
        self.height = max(ink.bottom(), self.metrics.descent()) - self.top
        self.widths: dict[str, float] = {}

    def width(self, label: str) -> float:
        w = self.widths.get(label)
        if w is None:
            w = self.widths[label] = self.metrics.horizontalAdvance(label)
        return w


class MarkerLines(pg.GraphicsObject):
    def __init__(self, labels: bool) -> None:
        super().__init__()
        self.labels = labels
        self.marks: list[tuple[float, str, str]] = []  # (x, colour, label)
        self._sizes: dict[str, _TextSizes] = {}  # by font key
        # Labelled (top panel): above the curves, so a label's backing keeps the curve out of its text.
        self.setZValue(5 if labels else -5)

    def sizes(self, font: QFont) -> _TextSizes:
        key = font.key()
        if key not in self._sizes:
            self._sizes[key] = _TextSizes(font)
        return self._sizes[key]

    def set_marks(self, marks: list[tuple[float, str, str]]) -> None:
        self.marks = sorted(marks)
        self.update()

    def viewRangeChanged(self) -> None:
        self.prepareGeometryChange()
        self.update()

    def boundingRect(self) -> QRectF:
        rect = self.viewRect()  # the visible range in our own coordinates (as InfiniteLine does)
        return QRectF() if rect is None else QRectF(rect)

    def dataBounds(self, axis, frac=1.0, orthoRange=None):
        return None  # markers never widen the auto range

    def paint(self, painter, *_args) -> None:
        rect = self.viewRect()
        if rect is None or not self.marks:
            return
        transform = painter.transform()  # item → device (GraphicsItem.deviceTransform crashes inside paint)
        sizes = self.sizes(painter.font())
        painter.save()
        painter.resetTransform()
        lines, labels = self.layout(transform, rect, sizes)
        y0, y1 = self._device_y(transform, rect)
        for px, colour in lines:
            pen = QPen(QColor(colour), 1, Qt.PenStyle.DashLine)
            pen.setCosmetic(True)
            painter.setPen(pen)
            painter.drawLine(QPointF(px, y0), QPointF(px, y1))
        view = self.getViewWidget()
        # Labels on a backing of the chart's background: later markers' lines and the curves pass
        # behind the text instead of through it.
        backing = QColor(view.backgroundBrush().color() if view is not None else Qt.GlobalColor.white)
        backing.setAlpha(215)
        for box, colour, label in labels:
            painter.fillRect(box, backing)
            painter.setPen(QColor(colour))
            painter.drawText(QPointF(box.left(), box.top() - sizes.top), label)
        painter.restore()

    def placed_labels(self) -> list[tuple[QRectF, str]]:
        """Where the labels go in the view's device (pixel) coordinates, as paint draws them."""
        rect, view = self.viewRect(), self.getViewWidget()
        if rect is None or view is None:
            return []
        transform = self.sceneTransform() * view.viewportTransform()
        return [(box, label) for box, _colour, label in
                self.layout(transform, rect, self.sizes(view.font()))[1]]

    @staticmethod
    def _device_y(transform, rect: QRectF) -> tuple[float, float]:
        top = transform.map(QPointF(rect.left(), rect.bottom())).y()
        bottom = transform.map(QPointF(rect.left(), rect.top())).y()
        return min(top, bottom), max(top, bottom)

    def layout(self, transform, rect: QRectF, sizes: _TextSizes
               ) -> tuple[list[tuple[float, str]], list[tuple[QRectF, str, str]]]:
        """Device x and colour of each visible line; box, colour and text of each label.

        A label sits right of its line, or left of it where it would cross the plot's right edge
        (the newest event, at the live edge, is the one a specialist looks for), on the first row
        where it clears the label before it; none left: skipped (the events list and the
        crosshair still name it). A box spans the text's ink, fallback (Chinese) glyphs included,
        and rows are that tall plus a gap: a Chinese label no longer runs into the row below."""
        y0, y1 = self._device_y(transform, rect)
        x_left = transform.map(QPointF(rect.left(), rect.top())).x()
        x_right = transform.map(QPointF(rect.right(), rect.top())).x()
        line_h = sizes.height + ROW_GAP
        max_rows = max(1, min(MAX_LABEL_ROWS, int((y1 - y0) // (2 * line_h))))
        rows_free: list[float] = []  # per label row, the x where its last label ends
        lines: list[tuple[float, str]] = []
        labels: list[tuple[QRectF, str, str]] = []
        for x, colour, label in self.marks:
            if not rect.left() <= x <= rect.right():
                continue
            px = transform.map(QPointF(x, rect.top())).x()
            lines.append((px, colour))
            if not (self.labels and label):
                continue
            width = sizes.width(label)
            left = px + GAP if px + GAP + width <= x_right else max(x_left, px - GAP - width)
            for row in range(max_rows):
                if row == len(rows_free):
                    rows_free.append(-1e9)
                if left >= rows_free[row]:
                    rows_free[row] = left + width + 2 * GAP
                    labels.append((QRectF(left, y0 + line_h * row + 1, width, sizes.height), colour, label))
                    break
        return lines, labels
