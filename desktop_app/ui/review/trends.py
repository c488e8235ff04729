"""Weekly trends per anchor, client or specialist (money per currency), and specialist rates."""

from __future__ import annotations

from datetime import datetime, time

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.messages import msg
from desktop_app.services import history
from desktop_app.ui import format as fmt
from desktop_app.ui.axes import NumberAxis
from desktop_app.ui.i18n import Retranslating
from desktop_app.ui.state import AppState

COLORS = ("#d9480f", "#1c7ed6", "#2f9e44", "#ae3ec9")
TREND_KPIS = (("gmv", "money"), ("uv_value", "money"), ("view_to_order_rate", "ratio"), ("refund_rate", "ratio"),
              ("compliance_rate", "ratio"))



def _epoch(d) -> float:
    return datetime.combine(d, time(12)).timestamp()


class TrendsDialog(Retranslating, QDialog):
    def __init__(self, state: AppState, parent=None) -> None:
        super().__init__(parent)
        self.state = state
        self.group = QComboBox()
        self.entity = QComboBox()
        self.group_label, self.entity_label = QLabel(), QLabel()
        self.plots: dict[str, pg.PlotWidget] = {}
        grid = QGridLayout()
        for n, (key, kind) in enumerate(TREND_KPIS):
            w = pg.PlotWidget(axisItems={"left": NumberAxis("left", suffix="%" if kind == "ratio" else "")})
            w.setBackground("w")  # as the live console's charts
            w.showGrid(x=True, y=True, alpha=0.25)
            w.getAxis("left").setWidth(72)
            w.getAxis("left").enableAutoSIPrefix(False)
            w.getAxis("bottom").enableAutoSIPrefix(False)  # epoch seconds: never "x1e+09"
            w.getViewBox().setDefaultPadding(0.08)  # first and last week not on the frame
            w.addLegend()
            self.plots[key] = w
            grid.addWidget(w, n // 2, n % 2)
        trend_tab = QWidget()
        tl = QVBoxLayout(trend_tab)
        row = QHBoxLayout()
        for w in (self.group_label, self.group, self.entity_label, self.entity):
            row.addWidget(w)
        row.addStretch(1)
        tl.addLayout(row)
        tl.addLayout(grid)
        self.rates = QTableWidget(0, 4)
        self.rates.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.tabs = QTabWidget()
        self.tabs.addTab(trend_tab, "")
        self.tabs.addTab(self.rates, "")
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        self.resize(1100, 760)
        self.group.currentIndexChanged.connect(self._fill_entities)
        self.entity.currentIndexChanged.connect(self.draw)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Trends"))
        self.tabs.setTabText(0, self.tr("Weekly trends"))
        self.tabs.setTabText(1, self.tr("Specialists: compliance and on-time"))
        self.group_label.setText(self.tr("By:"))
        self.entity_label.setText(self.tr("Which:"))
        current = self.group.currentData()
        self.group.blockSignals(True)
        self.group.clear()
        for key, text in (("anchors", self.tr("Anchor")), ("clients", self.tr("Client")),
                          ("people", self.tr("Specialist"))):
            self.group.addItem(text, key)
        self.group.setCurrentIndex(max(self.group.findData(current), 0))
        self.group.blockSignals(False)
        self.rates.setHorizontalHeaderLabels([self.tr("Specialist"), self.tr("Sessions"), self.tr("Compliance"),
                                              self.tr("On time")])
        if not getattr(self, "_filled", False):
            self._filled = True
            self._fill_entities()
            self._fill_rates()

    def _fill_entities(self) -> None:
        names = history.roster_names(self.state.ctx)[self.group.currentData() or "anchors"]
        self.entity.blockSignals(True)
        self.entity.clear()
        for pid, name in sorted(names.items(), key=lambda x: x[1]):
            self.entity.addItem(name, pid)
        self.entity.blockSignals(False)
        self.draw()

    def trends(self) -> dict[str, list]:
        eid = self.entity.currentData()
        if not eid:
            return {}
        kw = {"anchors": "anchor_id", "clients": "client_id", "people": "specialist_id"}[self.group.currentData()]
        return history.weekly_trends(self.state.ctx, **{kw: eid})

    def draw(self) -> None:
        data = self.trends()
        weeks = sorted({p.week for points in data.values() for p in points})
        # One tick per week, labelled with its Monday ("11-16"): bare day numbers read as days.
        ticks = [[(_epoch(d), d.strftime("%m-%d")) for d in weeks]]
        for key, kind in TREND_KPIS:
            w = self.plots[key]
            w.clear()
            w.plotItem.legend.clear()
            w.setTitle(msg(f"metric.{key}") if key != "compliance_rate" else self.tr("Checklist compliance"))
            for n, (currency, points) in enumerate(sorted(data.items())):
                xs = [_epoch(p.week) for p in points if getattr(p, key) is not None]
                ys = [getattr(p, key) for p in points if getattr(p, key) is not None]
                if kind == "money":
                    ys = [y / 100.0 for y in ys]
                elif kind == "ratio":
                    ys = [y * 100.0 for y in ys]
                # One line per currency: money is never added across currencies. A legend only
                # tells lines apart: with one currency it would just say "CNY" over a percentage.
                name = currency if len(data) > 1 else None
                w.plot(xs, ys, pen=pg.mkPen(COLORS[n % len(COLORS)], width=2), symbol="o", symbolSize=6, name=name)
            # Money in major units of each line's currency: name the currency (there is no legend
            # with one currency), e.g. "CNY".
            if kind != "ratio":  # a percentage axis says % on every label
                w.setLabel("left", " / ".join(sorted(data)) or self.tr("major units"))
            w.setLabel("bottom", self.tr("week starting"))
            w.getAxis("bottom").setTicks(ticks)
            if len(weeks) == 1:  # a single point: give it room instead of a zero-width range
                w.setXRange(_epoch(weeks[0]) - 4 * 86400, _epoch(weeks[0]) + 4 * 86400)
            else:
                w.enableAutoRange()

    def _fill_rates(self) -> None:
        rows = history.specialist_rates(self.state.ctx)
        self.rates.setRowCount(len(rows))
        for r, item in enumerate(rows):
            for c, text in enumerate((item.name, str(item.sessions), fmt.ratio(item.compliance_rate),
                                      fmt.ratio(item.on_time_rate))):
                cell = QTableWidgetItem(text)
                if c:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.rates.setItem(r, c, cell)
