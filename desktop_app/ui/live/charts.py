"""Live charts: stacked pyqtgraph panels sharing a time axis in the session's zone.

Panels: online viewers; cumulative GMV with target and pace lines; orders/min with
conversion (buyers/uv) on a right axis; ad spend with overall ROI on a right axis.
Redraw happens on a timer: at most one ``setData`` per curve per tick, with data already
decimated to about two points per pixel column (decimate.py), never pyqtgraph's own
downsampling. Event markers are labelled vertical lines coloured by kind; a crosshair
shows every value at the pointed minute; follow-live stops when the user pans and
resumes with one key (End); zoom to the last 10/30/60 min or all; a compare overlay
draws an earlier session aligned by minutes since its start.
"""

from __future__ import annotations

import bisect
import math
from datetime import datetime, timedelta

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.enums import SessionStatus
from desktop_app.domain.models import Event, Session
from desktop_app.domain.timeutil import local
from desktop_app.messages import msg
from desktop_app.ui.axes import NumberAxis
from desktop_app.ui.i18n import Retranslating
from desktop_app.ui.live.flow import FlowLayout
from desktop_app.ui.live.markers import MarkerLines
from desktop_app.ui.live.series import CURVES, SeriesStore
from desktop_app.ui.live.time_axis import ZonedDateAxis

KIND_COLORS = {
    "giveaway": "#e8590c", "product": "#1971c2", "traffic": "#2f9e44", "incident": "#e03131",
    "compliance": "#9c36b5", "milestone": "#f59f00", "report": "#868e96", "note": "#495057",
    "checklist": "#0ca678", "override": "#c2255c", "system": "#adb5bd",
}
CURVE_PENS = {"online": "#1971c2", "gmv": "#e8590c", "orders_per_min": "#2f9e44", "conversion": "#9c36b5",
              "ad_spend": "#c2255c", "roi": "#0c8599"}
ZOOMS = (10, 30, 60, 0)  # minutes; 0 = all
TICK_MS = 500
TITLE_PT = 9
VIEW_MIN_LINES = 3.0  # a panel's plot area never shorter than three label lines: one or two values


def kind_label(kind: str) -> str:
    return msg(f"event_kind.{kind}")


class LiveCharts(Retranslating, QWidget):
    follow_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = SeriesStore()
        self.compare = SeriesStore()
        self.follow = True
        self.zoom_minutes = 30
        self.live_zoom = 30  # the zoom chosen while on air; a finished broadcast opens whole ("all")
        self.session: Session | None = None
        self.dirty = True
        self.marker_count = 0
        self.event_names: list[tuple[float, str]] = []  # (time, kind: whole text) for the crosshair readout
        self.set_data_calls = 0  # counted for tests: one per curve per tick at most
        self._build()
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.tick)
        self.timer.start()
        self.retranslate()

    # -- construction ------------------------------------------------------------------------
    def _build(self) -> None:
        self.axis = ZonedDateAxis(orientation="bottom")
        self.glw = pg.GraphicsLayoutWidget()
        self.glw.setBackground("w")
        self.plots: list[pg.PlotItem] = []
        self.twins: dict[int, pg.ViewBox] = {}
        for row in range(4):
            axis = {"bottom": self.axis if row == 3 else ZonedDateAxis(orientation="bottom"),
                    "left": NumberAxis("left"), "right": NumberAxis("right")}  # "80,000", not "80000"
            p = self.glw.addPlot(row=row, col=0, axisItems=axis)
            # No grid: pyqtgraph's axis-drawn grid costs more than all curves together per repaint.
            p.setMenuEnabled(False)
            p.getViewBox().setAutoVisible(y=True)
            if row:
                p.setXLink(self.plots[0])
            if row < 3:  # one time axis for the stack: fewer axes to repaint every tick
                p.hideAxis("bottom")
            p.getViewBox().sigRangeChangedManually.connect(self._user_moved)
            p.getViewBox().sigXRangeChanged.connect(self._mark_dirty)
            p.getViewBox().sigResized.connect(self._mark_dirty)  # more pixel columns: decimate anew
            self.plots.append(p)
        self.twins[2] = self._twin(self.plots[2])
        self.twins[3] = self._twin(self.plots[3])
        self._align_axes()
        self.curves: dict[str, pg.PlotDataItem] = {}
        places = {"online": (0, None), "gmv": (1, None), "orders_per_min": (2, None), "conversion": (2, 2),
                  "ad_spend": (3, None), "roi": (3, 3)}
        for key in CURVES:
            row, twin = places[key]
            item = pg.PlotDataItem(pen=pg.mkPen(CURVE_PENS[key], width=1.6), skipFiniteCheck=True)
            item.setDownsampling(auto=False)
            item.setClipToView(False)
            (self.twins[twin] if twin is not None else self.plots[row]).addItem(item)
            self.curves[key] = item
        self.compare_curves: dict[str, pg.PlotDataItem] = {}
        for key, row in (("online", 0), ("gmv", 1)):
            item = pg.PlotDataItem(pen=pg.mkPen(QColor(120, 120, 120, 150), width=1.2, style=Qt.PenStyle.DashLine),
                                   skipFiniteCheck=True)
            item.setDownsampling(auto=False)
            self.plots[row].addItem(item)
            self.compare_curves[key] = item
        self.target_line = pg.InfiniteLine(angle=0, movable=False, pen=pg.mkPen("#e03131", width=1,
                                                                                  style=Qt.PenStyle.DashLine))
        self.pace_line = pg.PlotDataItem(pen=pg.mkPen("#f59f00", width=1, style=Qt.PenStyle.DotLine))
        # Not ignoreBounds: a horizontal line reports its y to auto-range, so the GMV panel always
        # shows the target (and the visible stretch of the pace line), not only once GMV nears it.
        self.plots[1].addItem(self.target_line)
        self.plots[1].addItem(self.pace_line)
        self.target_line.hide()
        self.marker_items = [MarkerLines(labels=row == 0) for row in range(len(self.plots))]
        for p, item in zip(self.plots, self.marker_items, strict=True):
            p.addItem(item, ignoreBounds=True)
        self.cross = [pg.InfiniteLine(angle=90, movable=False, pen=pg.mkPen("#888", width=0.8)) for _ in self.plots]
        for p, line in zip(self.plots, self.cross, strict=True):
            p.addItem(line, ignoreBounds=True)
            line.hide()
        self._mouse = pg.SignalProxy(self.glw.scene().sigMouseMoved, rateLimit=30, slot=self._mouse_moved)

        self.readout = QLabel()
        self.readout.setObjectName("crosshairReadout")
        self.readout.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.readout.setWordWrap(True)  # all seven values on a narrow screen too, over two lines
        self.zoom_buttons = QButtonGroup(self)
        zooms = QWidget()
        zl = QHBoxLayout(zooms)
        zl.setContentsMargins(0, 0, 0, 0)
        for i, minutes in enumerate(ZOOMS):
            b = QToolButton()  # as wide as its text: push buttons' 80 px minimum crowded the bar
            b.setCheckable(True)
            b.setObjectName(f"zoom_{minutes}")
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no maximum width: "60 分钟" was clipped
            self.zoom_buttons.addButton(b, i)
            zl.addWidget(b)
            # Window-wide like the event hotkeys: the keyboard rests in the entry line, not on the chart.
            QShortcut(QKeySequence(f"Ctrl+{i + 1}"), self, activated=lambda m=minutes: self.set_zoom(m),
                      context=Qt.ShortcutContext.WindowShortcut)
        self.zoom_buttons.idClicked.connect(lambda i: self.set_zoom(ZOOMS[i]))
        self.follow_button = QToolButton()
        self.follow_button.setObjectName("followLive")
        self.follow_button.setCheckable(True)
        self.follow_button.setChecked(True)
        self.follow_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.follow_button.toggled.connect(self.set_follow)
        # Window-wide too; a text field or list with the focus keeps End for itself (end of line/list).
        self.follow_shortcut = QShortcut(QKeySequence(Qt.Key.Key_End), self, activated=lambda: self.set_follow(True),
                                         context=Qt.ShortcutContext.WindowShortcut)
        self.compare_label = QLabel()
        self.compare_box = QComboBox()
        self.compare_box.setObjectName("compareSession")
        self.compare_box.setMinimumContentsLength(8)
        self.compare_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        compare = QWidget()
        cl = QHBoxLayout(compare)
        cl.setContentsMargins(0, 0, 0, 0)
        cl.addWidget(self.compare_label)
        cl.addWidget(self.compare_box)
        # The bar wraps onto a second row where the panel is narrow (1024 px screens) instead of
        # widening the window; the zoom buttons, and the compare label with its box, stay together.
        self.toolbar = QWidget()
        self.toolbar.setObjectName("chartToolbar")
        bar = FlowLayout(self.toolbar, spacing=12)
        for w in (zooms, self.follow_button, compare):
            bar.addWidget(w)
        self.glw.setMinimumHeight(self._stack_min_height())
        # Where the window is short (700 px) the panels keep a readable height and scroll, rather
        # than squeezing each to a sliver whose value labels run over one another.
        self.scroll = QScrollArea()
        self.scroll.setObjectName("chartScroll")
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(self.glw)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.readout)
        layout.addWidget(self.scroll, 1)
        self.zoom_buttons.button(ZOOMS.index(self.zoom_minutes)).setChecked(True)

    def _align_axes(self) -> None:
        """Same left and right axis widths in every panel, so one minute sits at the same pixel column in
        all four (markers and the crosshair line up; GMV's wider numbers no longer shift its panel)."""
        width = self.fontMetrics().horizontalAdvance("8,888,888") + 12
        for p in self.plots:
            p.showAxis("right")
            p.getAxis("left").setWidth(width)
            p.getAxis("right").setWidth(width)
        for p in self.plots[:2]:  # no twin axis here: an empty right axis keeps the width
            p.getAxis("right").setStyle(showValues=False)
            p.getAxis("right").setPen(pg.mkPen(None))

    def _stack_min_height(self) -> int:
        """Room for every panel's title and VIEW_MIN_LINES lines of value labels, plus the time axis."""
        line = QFontMetrics(self.glw.font()).height()
        axis = self.plots[-1].getAxis("bottom").maximumHeight()
        return len(self.plots) * (self._title_height() + round(VIEW_MIN_LINES * line) + 10) + axis + 8

    def _title_height(self) -> int:
        font = QFont(self.glw.font())
        font.setPointSizeF(TITLE_PT)
        return QFontMetrics(font).height() + 2

    def _twin(self, plot: pg.PlotItem) -> pg.ViewBox:
        vb = pg.ViewBox()
        vb.setMenuEnabled(False)
        plot.showAxis("right")
        plot.scene().addItem(vb)
        plot.getAxis("right").linkToView(vb)
        vb.setXLink(plot)
        vb.enableAutoRange(axis=pg.ViewBox.YAxis)
        vb.setAutoVisible(y=True)

        def sync() -> None:
            vb.setGeometry(plot.getViewBox().sceneBoundingRect())

        plot.getViewBox().sigResized.connect(sync)
        return vb

    def retranslate(self) -> None:
        titles = [self.tr("Online viewers"), self.tr("Cumulative GMV (target, pace)"),
                  self.tr("Orders / min · conversion % (right)"), self.tr("Ad spend · overall ROI (right)")]
        title_height = self._title_height()
        for p, t in zip(self.plots, titles, strict=True):
            p.setTitle(t, size=f"{TITLE_PT:g}pt")
            # pyqtgraph's fixed 30 px title row took a fifth of a short panel: the title's own height
            p.titleLabel.setMaximumHeight(title_height)
            p.layout.setRowFixedHeight(0, title_height)
        for i, minutes in enumerate(ZOOMS):
            self.zoom_buttons.button(i).setText(self.tr("All") if minutes == 0 else self.tr("%1 min").replace("%1", str(minutes)))
        self.follow_button.setText(self.tr("Follow live (End)"))
        self._update_follow_tip()
        self.compare_label.setText(self.tr("Compare with:"))

    # -- data ----------------------------------------------------------------------------------
    def set_session(self, session: Session | None, arrays: dict | None = None, exponent: int = 2) -> None:
        self.session = session
        self.store = SeriesStore(money_scale=10.0 ** exponent)
        if arrays:
            self.store.load(arrays)
        self.compare = SeriesStore(money_scale=10.0 ** exponent)
        self.set_events([])
        if session is not None:  # labels in the session's zone, DST included, whatever this PC's zone
            for p in self.plots:
                p.getAxis("bottom").set_zone(session.timezone)
        on_air = session is not None and session.status == SessionStatus.LIVE
        self.set_live(on_air)
        self.zoom_minutes = self.live_zoom if on_air else 0
        self.zoom_buttons.button(ZOOMS.index(self.zoom_minutes)).setChecked(True)
        self.follow = True
        self.follow_button.setChecked(True)
        self.dirty = True
        self.tick()  # ranges and data now, so the first paint has numbered axes (not pyqtgraph's 0..1)

    def set_live(self, live: bool) -> None:
        """Following the live edge only means something while on air: a finished broadcast has no edge
        that moves, so the button is greyed (its tooltip says why) and End does nothing."""
        self.follow_button.setEnabled(live)
        self.follow_shortcut.setEnabled(live)
        self._update_follow_tip()

    def _update_follow_tip(self) -> None:
        self.follow_button.setToolTip(
            self.tr("Keep the newest minutes in view as readings arrive (End)") if self.follow_button.isEnabled()
            else self.tr("Only a session on air can be followed live; this one is not on air."))

    def add_rows(self, rows: list[tuple[str, float, float]]) -> None:
        self.store.add_rows(rows)
        self.dirty = True

    def set_compare(self, arrays: dict | None, shift_s: float = 0.0) -> None:
        """An earlier session's series, shifted so its start lines up with this session's."""
        self.compare = SeriesStore(self.store.money_scale)
        if arrays:
            self.compare.load({k: (np.asarray(t) + shift_s, v) for k, (t, v) in arrays.items()})
        self.dirty = True

    def set_target(self, gmv_target_minor: float | None, planned: timedelta | None) -> None:
        if gmv_target_minor is None or self.session is None or self.session.on_air_utc is None:
            self.target_line.hide()
            self.pace_line.setData([], [])
            return
        target = gmv_target_minor / self.store.money_scale
        self.target_line.setPos(target)
        self.target_line.show()
        if planned:
            t0 = self.session.on_air_utc.timestamp()
            # One point a minute, so auto-scaling of the visible range takes the pace into account.
            xs = np.linspace(t0, t0 + planned.total_seconds(), max(2, int(planned.total_seconds() // 60) + 1))
            self.pace_line.setData(xs, (xs - t0) / planned.total_seconds() * target)

    def set_events(self, events: list[Event]) -> None:
        """Labelled vertical lines for every event but system ones (colour by kind)."""
        marks = []
        self.event_names = []
        for e in events:
            if e.kind.value == "system":
                continue
            label = "" if e.kind.value == "report" else (e.text or kind_label(e.kind.value))[:10]
            marks.append((e.ts_utc.timestamp(), KIND_COLORS.get(e.kind.value, "#495057"), label))
            if label:
                name = kind_label(e.kind.value) + (f": {e.text}" if e.text else "")
                self.event_names.append((e.ts_utc.timestamp(), name.replace("\n", " ")))
        self.event_names.sort()
        self.marker_count = len(marks)
        for item in self.marker_items:
            item.set_marks(marks)

    # -- view ----------------------------------------------------------------------------------
    def set_zoom(self, minutes: int) -> None:
        self.zoom_minutes = minutes
        if self.session is not None and self.session.status == SessionStatus.LIVE:
            self.live_zoom = minutes
        self.zoom_buttons.button(ZOOMS.index(minutes)).setChecked(True)
        self.set_follow(True)

    def set_follow(self, on: bool) -> None:
        if self.follow != on:
            self.follow = on
            self.follow_changed.emit(on)
        if self.follow_button.isChecked() != on:
            self.follow_button.setChecked(on)
        self.dirty = True
        if on:
            self.tick()

    def _user_moved(self, *_args) -> None:
        self.set_follow(False)

    def _mark_dirty(self, *_args) -> None:
        self.dirty = True

    def _x_window(self) -> tuple[float, float] | None:
        last = self.store.last_x
        start = self.session.on_air_utc.timestamp() if self.session and self.session.on_air_utc else self.store.first_x
        if start is None:
            return None
        if last is None:  # on air, nothing entered yet: the window starting at on-air, in real times
            return start, start + (self.zoom_minutes or 10) * 60.0
        # The right edge moves in steps of 1/100 of the window, not every second: the axes
        # (the costliest part of a repaint) then regenerate only when the step is crossed.
        if self.zoom_minutes == 0:
            span = max(last - start, 60.0)
            step = 60.0 * 2 ** max(0, math.ceil(math.log2(span / 100 / 60)))  # stable until the span doubles
            return start, start + (math.floor((last - start) / step) + 2) * step
        span = self.zoom_minutes * 60.0
        step = span / 100
        right = (math.floor(last / step) + 2) * step
        return max(start, right - span), right

    def tick(self) -> None:
        """One redraw: at most one setData per curve."""
        if self.follow:
            window = self._x_window()
            if window is not None:
                vb = self.plots[0].getViewBox()
                (cx0, cx1) = vb.viewRange()[0]
                if abs(cx0 - window[0]) > 0.5 or abs(cx1 - window[1]) > 0.5:
                    vb.setXRange(*window, padding=0)
        if not self.dirty:
            return
        self.dirty = False
        x0, x1 = self.plots[0].getViewBox().viewRange()[0]
        # At most one min/max block per pixel column: about two points per column.
        columns = max(100, int(self.plots[0].getViewBox().width()))
        for key, item in self.curves.items():
            xs, ys = self.store.curves[key].view(x0, x1, columns)
            item.setData(xs, ys)
            self.set_data_calls += 1
        for key, item in self.compare_curves.items():
            xs, ys = self.compare.curves[key].view(x0, x1, columns)
            item.setData(xs, ys)
            self.set_data_calls += 1

    # -- crosshair -----------------------------------------------------------------------------
    def _mouse_moved(self, evt) -> None:
        pos = evt[0]
        for p in self.plots:
            if p.sceneBoundingRect().contains(pos):
                self.show_crosshair(p.getViewBox().mapSceneToView(pos).x())
                return

    def values_at(self, x: float) -> dict[str, float | None]:
        minute = x - (x % 60) + 59.999  # the last reading within that minute
        return {k: self.store.curves[k].value_at(minute) for k in CURVES}

    def show_crosshair(self, x: float) -> None:
        for line in self.cross:
            line.setPos(x)
            line.show()
        v = self.values_at(x)
        tz = self.session.timezone if self.session else "UTC"
        when = local(datetime.fromtimestamp(x - x % 60).astimezone(), tz).strftime("%H:%M")

        def f(val, fmt):
            return "—" if val is None else fmt.format(val)

        self.readout.setText(self.tr("%1 · online %2 · GMV %3 · orders/min %4 · conversion %5 · spend %6 · ROI %7")
                             .replace("%1", when).replace("%2", f(v["online"], "{:,.0f}"))
                             .replace("%3", f(v["gmv"], "{:,.2f}")).replace("%4", f(v["orders_per_min"], "{:.1f}"))
                             .replace("%5", f(v["conversion"], "{:.2f}%")).replace("%6", f(v["ad_spend"], "{:,.2f}"))
                             .replace("%7", f(v["roi"], "{:.2f}")) + self._event_near(x))

    def _event_near(self, x: float) -> str:
        """The event nearest the crosshair within a minute, in full: a marker label is cut to ten
        characters, and left out where no label row is free."""
        names = self.event_names
        i = bisect.bisect_left(names, (x,))
        near = [names[j] for j in (i - 1, i) if 0 <= j < len(names) and abs(names[j][0] - x) <= 60]
        if not near:
            return ""
        _ts, name = min(near, key=lambda n: abs(n[0] - x))
        return " · " + name
