"""Checklist compliance over a date range: totals, per owner role and per specialist (the same
figures as `liveops checklist compliance`)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.errors import ValidationError
from desktop_app.domain.timeutil import local
from desktop_app.messages import msg
from desktop_app.services import checklists as engine
from desktop_app.ui.errors import show_error
from desktop_app.ui.i18n import Retranslating
from desktop_app.ui.state import AppState


def percent(rate: float | None) -> str:
    """Whole percent, as the CLI prints it: a compliance rate needs no decimals."""
    return "—" if rate is None else f"{rate * 100:.0f}%"


OUTCOME_COLUMNS = ("on_time", "late", "skipped", "missed", "overdue", "open")


class CompliancePage(Retranslating, QWidget):
    def __init__(self, state: AppState, window=None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checklistCompliance")
        self.state = state
        self.report: dict | None = None
        today = local(state.ctx.now(), self._tz()).date()
        self.date_from = self._date_edit("complianceFrom", today - timedelta(days=29))
        self.date_to = self._date_edit("complianceTo", today)
        self.from_label, self.to_label = QLabel(), QLabel()
        self.refresh_button = QPushButton()
        self.refresh_button.setObjectName("complianceRefresh")
        self.refresh_button.clicked.connect(self.load)
        self.total = QLabel()
        self.total.setObjectName("complianceTotal")
        self.total.setWordWrap(True)
        self.by_owner_title, self.by_specialist_title = QLabel(), QLabel()
        self.by_owner = self._table("complianceByOwner")
        self.by_specialist = self._table("complianceBySpecialist")
        bar = QHBoxLayout()
        for w in (self.from_label, self.date_from, self.to_label, self.date_to, self.refresh_button):
            bar.addWidget(w)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.total)
        layout.addWidget(self.by_owner_title)
        layout.addWidget(self.by_owner, 1)
        layout.addWidget(self.by_specialist_title)
        layout.addWidget(self.by_specialist, 1)
        state.workspace_changed.connect(lambda _c: self.load() if self.isVisible() else None)
        self.retranslate()

    def _tz(self) -> str:
        r = self.state.ctx.ws.query_one("SELECT default_timezone FROM workspace")
        return r[0] if r else "Asia/Shanghai"

    def _date_edit(self, name: str, value: date) -> QDateEdit:
        edit = QDateEdit(QDate(value.year, value.month, value.day))
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        return edit

    def _table(self, name: str) -> QTableWidget:
        table = QTableWidget(0, 3 + len(OUTCOME_COLUMNS))
        table.setObjectName(name)
        table.verticalHeader().hide()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        return table

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.load()

    # -- data ---------------------------------------------------------------------------
    def range(self) -> tuple[datetime, datetime]:
        tz = ZoneInfo(self._tz())
        start = datetime.combine(self.date_from.date().toPython(), time.min, tzinfo=tz)
        end = datetime.combine(self.date_to.date().toPython(), time.min, tzinfo=tz) + timedelta(days=1)
        return start, end

    def load(self) -> None:
        start, end = self.range()
        if end <= start:
            show_error(self, ValidationError("error.session.end_before_start", field="to"))
            return
        self.report = engine.compliance_report(self.state.ctx, start, end)
        r = self.report
        self.total.setText(self.tr("%1 sessions · compliance %2 · required items %3").replace(
            "%1", str(r["sessions"])).replace("%2", percent(r["rate"])).replace("%3", percent(r["required_rate"])))
        self._fill(self.by_owner, [(msg(f"owner.{k}"), v) for k, v in r["by_owner"].items()])
        self._fill(self.by_specialist, [(v["name"], v) for v in r["by_specialist"].values()])

    def _fill(self, table: QTableWidget, rows: list[tuple[str, dict]]) -> None:
        table.setRowCount(len(rows))
        for i, (name, row) in enumerate(rows):
            counts = row["counts"]
            cells = [name, percent(row["rate"]), str(sum(counts.values()))] + [
                str(counts.get(o, 0)) for o in OUTCOME_COLUMNS]
            for c, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if c:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(i, c, cell)

    # -- language -----------------------------------------------------------------------
    def retranslate(self) -> None:
        self.from_label.setText(self.tr("From"))
        self.to_label.setText(self.tr("To"))
        self.refresh_button.setText(self.tr("Show"))
        self.by_owner_title.setText(self.tr("By owner role"))
        self.by_specialist_title.setText(self.tr("By specialist (the session's specialist)"))
        for table, first in ((self.by_owner, self.tr("Owner role")), (self.by_specialist, self.tr("Specialist"))):
            table.setHorizontalHeaderLabels([first, self.tr("Compliance"), self.tr("Runs")]
                                            + [msg(f"checklist.outcome.{o}") for o in OUTCOME_COLUMNS])
        self.load()
