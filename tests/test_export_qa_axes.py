"""Number axes (live console, trends): one number of decimals along an axis, locale separators,
and a % suffix on percentage axes, read from the labels pyqtgraph actually draws."""

from __future__ import annotations

import pyqtgraph as pg
import pytest
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication

from desktop_app import messages
from desktop_app.ui.axes import NumberAxis


@pytest.fixture(params=["zh_CN", "en"])
def lang(request):
    before = messages.current_language()
    messages.set_language(request.param)
    yield request.param
    messages.set_language(before)


def drawn_labels(qtbot, lo: float, hi: float, height: int, suffix: str = "") -> list[str]:
    axis = NumberAxis("left", suffix=suffix)
    plot = pg.PlotWidget(axisItems={"left": axis})
    qtbot.addWidget(plot)
    plot.resize(500, height)
    plot.setYRange(lo, hi, padding=0)
    plot.show()
    qtbot.waitExposed(plot)
    for _ in range(3):  # a first paint widens the axis to its labels; the next one draws them all
        plot.grab()
        QApplication.processEvents()
    image = QImage(10, 10, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        specs = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    return [text for _rect, _flags, text in specs[2]]


def decimals(text: str) -> int:
    body = text.rstrip("%")
    return len(body.split(".")[1]) if "." in body else 0


@pytest.mark.parametrize(("lo", "hi", "height"), [(0, 2.5, 300), (0, 2.5, 500), (2, 3, 600), (2, 2.6, 400)])
def test_every_label_along_an_axis_has_the_same_decimals(qtbot, lang, lo, hi, height):
    labels = drawn_labels(qtbot, lo, hi, height)
    assert len(labels) >= 3
    assert any(decimals(t) for t in labels), labels  # halves/quarters are labelled, not rounded away
    assert len({decimals(t) for t in labels}) == 1, labels  # "0, 0.5, 1" mixed 0 and 1 decimals
    for text in labels:  # and every label is the exact tick value (0.25 steps were written "2.3")
        value = float(text)
        assert round(value * 4) == pytest.approx(value * 4) or round(value * 10) == pytest.approx(value * 10)


def test_large_numbers_have_separators_and_no_decimals(qtbot, lang):
    labels = drawn_labels(qtbot, 0, 1e6, 400)
    assert "1,000,000" in labels or "500,000" in labels, labels
    assert all("." not in t and "e" not in t for t in labels), labels
    assert len(labels) >= 3


def test_a_percent_axis_writes_percent_with_one_number_of_decimals(qtbot, lang):
    for lo, hi, height in ((1.2, 1.9, 300), (0, 2.5, 300), (0, 100, 600)):
        labels = drawn_labels(qtbot, lo, hi, height, suffix="%")
        assert labels and all(t.endswith("%") for t in labels), labels
        assert len({decimals(t) for t in labels}) == 1, labels
