"""Native line charts over the timeline with cached values in every series.

Viewers that do not recalculate (phone previewers, chat-app file previews) draw a chart
from ``numCache`` / ``strCache`` or not at all, and openpyxl writes bare references, so
each reference here carries its cache. A cache is built as XML text while the timeline
rows stream past (``CacheBuffer``: one short string per point, no Python float or lxml
element per point kept), and spliced into the chart part when the workbook is saved
(``xlsx.Book.save``): openpyxl's object model would hold and walk an object per point.
"""

from __future__ import annotations

import io
import itertools
import shutil
import tempfile
from collections.abc import Iterable
from typing import IO, Any

_markers = itertools.count(1)

# Nice label steps for a time axis, in seconds: labels land on round clock times.
LABEL_STEPS_S = (1, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400)
MAX_LABELS = 12


class CacheBuffer:
    """The ``<pt>`` elements of one cached series, as XML text in a temporary file once it
    outgrows 256 KiB, so a long timeline's caches do not grow the process."""

    def __init__(self) -> None:
        self._file = tempfile.SpooledTemporaryFile(max_size=1 << 18)  # noqa: SIM115 - closed by close()
        self.count = 0
        self.marker = f"LIVEOPS_CACHE_{next(_markers)}"

    def add(self, idx: int, value: float | None) -> None:
        if value is not None:
            self._file.write(f'<pt idx="{idx}"><v>{float(value)!r}</v></pt>'.encode("ascii"))
        self.count = idx + 1

    def extend(self, values: Iterable[float | None]) -> CacheBuffer:
        for i, v in enumerate(values):
            self.add(i, v)
        return self

    def copy_to(self, out: IO[bytes]) -> None:
        self._file.seek(0)
        shutil.copyfileobj(self._file, out, 1 << 16)
        self._file.seek(0, io.SEEK_END)

    def xml(self) -> bytes:
        buf = io.BytesIO()
        self.copy_to(buf)
        return buf.getvalue()

    def close(self) -> None:
        self._file.close()

    @property
    def placeholder(self) -> bytes:
        return f'<pt idx="-1"><v>{self.marker}</v></pt>'.encode("ascii")


def label_skip(n_points: int, interval_s: int) -> tuple[int, int]:
    """(tickLblSkip, seconds between labels): at most ~12 labels, each on a round clock time."""
    span = max(1, (n_points - 1) * interval_s)
    for step in LABEL_STEPS_S:
        if step >= interval_s and step % interval_s == 0 and span / step <= MAX_LABELS:
            return step // interval_s, step
    return max(1, n_points // MAX_LABELS), max(1, n_points // MAX_LABELS) * interval_s


def splice(xml: bytes, caches: Iterable[CacheBuffer], out: IO[bytes]) -> None:
    """Write a chart part with each cache's placeholder replaced by its points, streamed."""
    at: list[tuple[int, CacheBuffer]] = []
    for cache in dict.fromkeys(caches):
        start = xml.find(cache.placeholder)
        while start >= 0:
            at.append((start, cache))
            start = xml.find(cache.placeholder, start + 1)
        if not any(c is cache for _, c in at):
            raise RuntimeError(f"chart cache placeholder {cache.marker} missing")  # a change in openpyxl
    pos = 0
    for start, cache in sorted(at, key=lambda x: x[0]):
        out.write(xml[pos:start])
        cache.copy_to(out)
        pos = start + len(cache.placeholder)
    out.write(xml[pos:])


def _classes():
    from openpyxl.chart.data_source import NumData, StrData
    from openpyxl.xml.functions import Element, SubElement

    class CachedNums(NumData):
        def __init__(self, cache: CacheBuffer, fmt: str | None = None) -> None:
            super().__init__(formatCode=fmt, ptCount=cache.count)
            self._cache = cache

        def to_tree(self, tagname=None, idx=None, namespace=None):
            el = Element(tagname or "numCache")
            if self.formatCode:
                SubElement(el, "formatCode").text = self.formatCode
            SubElement(el, "ptCount", val=str(self._cache.count))
            SubElement(SubElement(el, "pt", idx="-1"), "v").text = self._cache.marker
            return el

    class CachedStrs(StrData):
        def __init__(self, values: list[str]) -> None:
            super().__init__(ptCount=len(values))
            self._values = values

        def to_tree(self, tagname=None, idx=None, namespace=None):
            el = Element(tagname or "strCache")
            SubElement(el, "ptCount", val=str(self.ptCount))
            for i, v in enumerate(self._values):
                SubElement(SubElement(el, "pt", idx=str(i)), "v").text = v
            return el

    return CachedNums, CachedStrs


def _slanted_labels() -> Any:
    from openpyxl.chart.text import RichText
    from openpyxl.drawing.text import CharacterProperties, Paragraph, ParagraphProperties, RichTextProperties

    return RichText(bodyPr=RichTextProperties(rot=-2700000, vert="horz"),
                    p=[Paragraph(pPr=ParagraphProperties(defRPr=CharacterProperties(sz=900)), endParaRPr=None)])


def _ref(sheet_title: str, col: int, first: int, last: int) -> str:
    from openpyxl.utils import get_column_letter, quote_sheetname

    letter = get_column_letter(col)
    return f"{quote_sheetname(sheet_title)}!${letter}${first}:${letter}${last}"


def line_chart(*, title: str, sheet_title: str, categories: CacheBuffer, cat_format: str, axis_format: str,
               series: list[tuple[int, str, CacheBuffer, str]], y_title: str, y_format: str,
               label_skip: int, first_row: int = 2) -> Any:
    """A line chart whose series are (column, header, cache, format) of a table sheet.

    ``categories`` are the clock times as Excel serial numbers (column A), shown with
    ``axis_format`` on a text axis so Excel does not turn them into a day-based date axis;
    every ``label_skip``-th category carries a label and a tick mark, so labels do not
    crowd together however many points the chart has.
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
    first, last = first_row, first_row + categories.count - 1
    cat_ref = _ref(sheet_title, 1, first, last)
    caches = [categories]
    for n, (col, header, cache, fmt) in enumerate(series):
        s = Series(idx=n, order=n, val=NumDataSource(numRef=NumRef(f=_ref(sheet_title, col, first, last),
                                                                   numCache=CachedNums(cache, fmt))))
        caches.append(cache)
        s.tx = SeriesLabel(strRef=StrRef(f=_ref(sheet_title, col, first - 1, first - 1).split(":")[0],
                                         strCache=CachedStrs([header])))
        s.cat = AxDataSource(numRef=NumRef(f=cat_ref, numCache=CachedNums(categories, cat_format)))
        s.smooth = False
        s.marker = Marker(symbol="none")
        s.graphicalProperties = GraphicalProperties(ln=LineProperties(w=19050))
        chart.series.append(s)
    chart.x_axis.number_format = axis_format
    chart.x_axis.numFmt.sourceLinked = False  # the axis's own clock format, not the cells' date+time
    chart.x_axis.tickLblSkip = label_skip
    chart.x_axis.tickMarkSkip = label_skip
    chart.x_axis.noMultiLvlLbl = True
    # LibreOffice does not implement tickLblSkip (its importer: "TODO show n-th category") and only
    # drops labels that would overlap; slanted labels leave each one room, so it drops more of them
    # and the rest stay legible. Excel and WPS honour the skip above.
    chart.x_axis.txPr = _slanted_labels()
    chart.x_axis.delete = False
    chart.x_axis.auto = False  # a text axis: every row its own category, labelled with its clock time
    chart.y_axis.title = y_title
    chart.y_axis.number_format = y_format
    chart.y_axis.delete = False
    chart.liveops_caches = caches
    return chart
