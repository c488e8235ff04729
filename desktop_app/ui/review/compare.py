"""Compare 2–6 sessions: KPIs side by side and curves overlaid by minutes since start."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from desktop_app.messages import msg
from desktop_app.services import history
from desktop_app.ui import format as fmt
from desktop_app.ui.i18n import Retranslating
from desktop_app.ui.state import AppState

KPI_ROWS = ("gmv", "orders", "buyers", "uv", "peak_online_viewers", "avg_online_viewers", "uv_value",
            "view_to_order_rate", "gmv_per_buyer", "refund_rate", "quality_refund_rate", "ad_spend", "overall_roi",
            "duration_seconds")
COLORS = ("#d9480f", "#1c7ed6", "#2f9e44", "#ae3ec9", "#f08c00", "#495057")


class CompareDialog(Retranslating, QDialog):
    def __init__(self, state: AppState, session_ids: list[str], parent=None) -> None:
        super().__init__(parent)
        self.state = state
        self.items = history.compare(state.ctx, session_ids)  # refuses fewer than 2 or more than 6
        self.table = QTableWidget(len(KPI_ROWS) + 2, len(self.items))
        self.curve_combo = QComboBox()
        self.note = QLabel()
        self.plot = pg.PlotWidget()
        self.plot.setBackground("w")  # as the live console's charts
        self.plot.showGrid(x=True, y=True, alpha=0.25)
        self.legend = self.plot.addLegend()
        top = QHBoxLayout()
        self.curve_label = QLabel()
        top.addWidget(self.curve_label)
        top.addWidget(self.curve_combo)
        top.addWidget(self.note, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.plot)
        split.setSizes([330, 390])  # every KPI row visible without scrolling
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split)
        self.resize(1000, 720)
        for key in history.CURVE_KEYS:
            self.curve_combo.addItem(msg(f"metric.{key}"), key)
        self.curve_combo.currentIndexChanged.connect(self.draw)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Compare sessions"))
        self.curve_label.setText(self.tr("Curve:"))
        self.note.setText(self.tr("x axis: minutes since the session went on air"))
        self.fill_table()  # from the loaded items: no database access
        self.draw()

    def fill_table(self) -> None:
        headers = [f"{it.title}" for it in self.items]
        self.table.setHorizontalHeaderLabels(headers)
        labels = [msg(f"metric.{k}") for k in KPI_ROWS] + [self.tr("Compliance"), self.tr("Sign-off")]
        self.table.setVerticalHeaderLabels(labels)
        for c, it in enumerate(self.items):
            for r, key in enumerate(KPI_ROWS):
                entry = it.kpis.get(key)
                text = fmt.metric_value(key, entry["value"], it.currency) if entry else fmt.DASH
                if entry and entry.get("basis") == "provisional" and key in ("gmv", "orders", "refund_rate"):
                    text += " *"
                cell = QTableWidgetItem(text)
                cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, cell)
            self.table.setItem(len(KPI_ROWS), c, QTableWidgetItem(fmt.ratio(it.compliance_rate)))
            self.table.setItem(len(KPI_ROWS) + 1, c, QTableWidgetItem(msg(f"signoff.{it.signoff}")))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setToolTip(self.tr("* provisional (real-time) value, not yet settled"))

    def draw(self) -> None:
        key = self.curve_combo.currentData() or history.CURVE_KEYS[0]
        self.plot.clear()
        self.legend.clear()
        money = key in ("gmv",)
        for n, it in enumerate(self.items):
            pts = it.curves.get(key, [])
            if not pts:
                continue
            xs = [p[0] for p in pts]
            ys = [p[1] / 100.0 if money else p[1] for p in pts]  # money curves in major units
            name = f"{it.title} ({it.currency})" if money else it.title
            self.plot.plot(xs, ys, pen=pg.mkPen(COLORS[n % len(COLORS)], width=2), name=name)
        self.plot.setLabel("bottom", self.tr("minutes since start"))
        self.plot.setLabel("left", msg(f"metric.{key}"))
