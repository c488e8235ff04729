"""Native line charts over the timeline with cached values in every series.

Viewers that do not recalculate (phone previewers, chat-app file previews) draw a chart
from ``numCache`` / ``strCache`` or not at all, and openpyxl writes bare references, so
each reference here carries its cache. The caches are serialised by a small subclass
(one lxml element per point) because openpyxl's generic descriptors would build and walk
a Python object per point, which dominates the time for a 21,600-point timeline.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


def _classes():
    from openpyxl.chart.data_source import NumData, StrData
    from openpyxl.xml.functions import Element, SubElement

    class CachedNums(NumData):
        def __init__(self, values: Sequence[float | None], fmt: str | None = None) -> None:
            super().__init__(formatCode=fmt, ptCount=len(values))
            self._values = values

        def to_tree(self, tagname=None, idx=None, namespace=None):
            el = Element(tagname or "numCache")
            if self.formatCode:
                SubElement(el, "formatCode").text = self.formatCode
            SubElement(el, "ptCount", val=str(self.ptCount))
            for i, v in enumerate(self._values):
                if v is not None:
                    SubElement(SubElement(el, "pt", idx=str(i)), "v").text = repr(float(v))
            return el

    class CachedStrs(StrData):
        def __init__(self, values: Sequence[str]) -> None:
            super().__init__(ptCount=len(values))
            self._values = values

        def to_tree(self, tagname=None, idx=None, namespace=None):
            el = Element(tagname or "strCache")
            SubElement(el, "ptCount", val=str(self.ptCount))
            for i, v in enumerate(self._values):
                SubElement(SubElement(el, "pt", idx=str(i)), "v").text = v
            return el

    return CachedNums, CachedStrs


def _ref(sheet_title: str, col: int, first: int, last: int) -> str:
    from openpyxl.utils import get_column_letter, quote_sheetname

    letter = get_column_letter(col)
    return f"{quote_sheetname(sheet_title)}!${letter}${first}:${letter}${last}"


def line_chart(*, title: str, sheet_title: str, n_rows: int, categories: Sequence[float], cat_format: str,
               series: list[tuple[int, str, Sequence[float | None], str]], y_title: str, y_format: str,
               label_skip: int) -> Any:
    """A line chart whose series are (column, header, values, format) of the timeline sheet.

    ``categories`` are the clock times as Excel serial numbers (column A), shown with
    ``cat_format`` on a text axis so Excel does not turn them into a day-based date axis.
    """
    from openpyxl.chart import LineChart
    from openpyxl.chart.data_source import AxDataSource, NumDataSource, NumRef, StrRef
    from openpyxl.chart.marker import Marker
    from openpyxl.chart.series import Series, SeriesLabel
    from openpyxl.chart.shapes import GraphicalProperties
    from openpyxl.drawing.line import LineProperties

    CachedNums, CachedStrs = _classes()
    chart = LineChart()
    chart.title = title
    chart.height, chart.width = 9, 24
    chart.legend.position = "b"
    first, last = 2, n_rows + 1
    cat_ref = _ref(sheet_title, 1, first, last)
    for n, (col, header, values, fmt) in enumerate(series):
        s = Series(idx=n, order=n, val=NumDataSource(numRef=NumRef(f=_ref(sheet_title, col, first, last),
                                                                   numCache=CachedNums(values, fmt))))
        s.tx = SeriesLabel(strRef=StrRef(f=_ref(sheet_title, col, 1, 1).split(":")[0],
                                         strCache=CachedStrs([header])))
        s.cat = AxDataSource(numRef=NumRef(f=cat_ref, numCache=CachedNums(categories, cat_format)))
        s.smooth = False
        s.marker = Marker(symbol="none")
        s.graphicalProperties = GraphicalProperties(ln=LineProperties(w=19050))
        chart.series.append(s)
    chart.x_axis.number_format = cat_format
    chart.x_axis.tickLblSkip = label_skip
    chart.x_axis.tickMarkSkip = label_skip
    chart.x_axis.delete = False
    chart.x_axis.auto = False  # a text axis: every row its own category, labelled with its clock time
    chart.y_axis.title = y_title
    chart.y_axis.number_format = y_format
    chart.y_axis.delete = False
    return chart
