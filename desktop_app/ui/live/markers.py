"""Event markers: every event of a plot drawn by one graphics item (not one InfiniteLine each).

A 6 h session has hundreds of events on four panels; separate items made opening a session
and every repaint slow. This item paints vertical dashed lines across the visible range in
device coordinates, coloured by kind, with optional labels (top panel), putting each
label on the first row where it clears its left neighbour.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPen

MAX_LABEL_ROWS = 4


class MarkerLines(pg.GraphicsObject):
    def __init__(self, labels: bool) -> None:
        super().__init__()
        self.labels = labels
        self.marks: list[tuple[float, str, str]] = []  # (x, colour, label)
        self.setZValue(-5)

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
        painter.save()
        painter.resetTransform()
        top = transform.map(QPointF(rect.left(), rect.bottom())).y()
        bottom = transform.map(QPointF(rect.left(), rect.top())).y()
        y0, y1 = min(top, bottom), max(top, bottom)
        metrics = painter.fontMetrics()
        line_h = metrics.height()
        rows_free: list[float] = []  # per label row, the x where its last label ends
        for x, colour, label in self.marks:
            if not rect.left() <= x <= rect.right():
                continue
            px = transform.map(QPointF(x, rect.top())).x()
            pen = QPen(QColor(colour), 1, Qt.PenStyle.DashLine)
            pen.setCosmetic(True)
            painter.setPen(pen)
            painter.drawLine(QPointF(px, y0), QPointF(px, y1))
            if self.labels and label:
                self._label(painter, px, y0, y1, label, metrics.horizontalAdvance(label), line_h, rows_free)
        painter.restore()

    @staticmethod
    def _label(painter, px: float, y0: float, y1: float, label: str, width: int, line_h: int,
               rows_free: list[float]) -> None:
        """First label row where it does not overlap its left neighbour; none left: skipped
        (the events list and the crosshair still name it)."""
        max_rows = max(1, min(MAX_LABEL_ROWS, int((y1 - y0) // (2 * line_h))))
        for row in range(max_rows):
            if row == len(rows_free):
                rows_free.append(-1e9)
            if px + 3 >= rows_free[row]:
                rows_free[row] = px + 3 + width + 6
                painter.drawText(QPointF(px + 3, y0 + line_h * (row + 1)), label)
                return
