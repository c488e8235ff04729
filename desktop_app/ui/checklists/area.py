"""The Pre / Live / Post checklist area of a session: runs with status, due time and countdown,
overdue rows highlighted, tick with values, skip with a reason, undo, ad-hoc items, compliance."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QBrush, QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.enums import Phase, RunStatus, SessionStatus
from desktop_app.domain.errors import LiveOpsError
from desktop_app.messages import msg
from desktop_app.services import checklists as engine
from desktop_app.storage import sessions as session_repo
from desktop_app.storage.summaries import get_summary
from desktop_app.ui import format as fmt
from desktop_app.ui.checklists.clock import clock_for
from desktop_app.ui.checklists.compliance import percent
from desktop_app.ui.checklists.dialogs import AdhocDialog, TickDialog, skip_dialog
from desktop_app.ui.checklists.next_due import NextDueWidget
from desktop_app.ui.delivery import theme
from desktop_app.ui.errors import show_error
from desktop_app.ui.i18n import Retranslating
from desktop_app.ui.models import Column, RowsModel
from desktop_app.ui.state import AppState

translate = QCoreApplication.translate
COLORS = {"overdue": "#fdecea", "due_now": "#fff8e1", "missed": "#fff3e0", "done": "#eef7ee", "skipped": "#f2f2f2"}
RECORDED = 4  # the Recorded column
RECORDED_SHARE = 0.35  # of the table's width, at most
CELL_MARGIN = 16  # px: a cell's padding and grid line around its text
STATUS_ICON = {"on_time": "✔", "late": "✔", "skipped": "⤼", "missed": "✘", "open": "○", "overdue": "!"}


def sort_runs(views: list, phase: Phase) -> list:
    """Open runs first, soonest due first; then finished ones (live: most recent first)."""
    open_runs = sorted((v for v in views if v.run.status == RunStatus.OPEN),
                       key=lambda v: (v.run.window_end or v.run.due_at, v.run.due_at))  # the deadline first
    done = sorted((v for v in views if v.run.status != RunStatus.OPEN), key=lambda v: v.run.due_at or 0,
                  reverse=phase == Phase.LIVE)
    return open_runs + done


class RunsModel(RowsModel):
    """RunView rows; colours and fonts say at a glance what is overdue, done, missed."""

    def __init__(self, area: ChecklistArea) -> None:
        self.area = area
        # Literal contexts: lupdate cannot tell that ``area.tr`` is ChecklistArea.tr.
        super().__init__([
            Column(lambda: translate("ChecklistArea", "Status"), lambda v: v.outcome,
                   lambda o: f"{STATUS_ICON.get(o, '')} {msg('checklist.outcome.' + o)}"),
            Column(lambda: translate("ChecklistArea", "Due"), lambda v: v.run.due_at, display_row=area.due_text),
            Column(lambda: translate("ChecklistArea", "Item"), lambda v: v.text(), display_row=area.item_text),
            Column(lambda: translate("ChecklistArea", "Owner"), lambda v: str(v.item.owner),
                   lambda o: msg(f"owner.{o}")),
            Column(lambda: translate("ChecklistArea", "Recorded"), lambda v: v.run.id,
                   display_row=area.values_text),
        ], area)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        view = self.rows[index.row()]
        if role == Qt.ItemDataRole.BackgroundRole:
            due_now = (view.run.status == RunStatus.OPEN and view.run.window_end is not None
                       and view.run.due_at is not None and view.run.due_at <= self.area.now)
            key = "overdue" if view.overdue and view.run.status == RunStatus.OPEN else (
                "due_now" if due_now else str(view.run.status))
            color = COLORS.get(key)
            return QBrush(theme.tint(color)) if color else None  # readable in the dark theme too
        if role == Qt.ItemDataRole.ForegroundRole and view.overdue and view.run.status == RunStatus.OPEN:
            return QBrush(theme.ink("#b71c1c"))
        if role == Qt.ItemDataRole.FontRole and view.item.required and view.run.status == RunStatus.OPEN:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{view.item.key} #{view.run.occurrence}" + (
                f"\n{view.run.skip_reason}" if view.run.skip_reason else "")
        return super().data(index, role)


class ChecklistArea(Retranslating, QWidget):
    """One phase's runs for the selected session."""

    def __init__(self, state: AppState, phase: Phase, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"checklistArea_{phase}")
        self.state = state
        self.phase = phase
        self.session_id: str | None = None
        self.session = None
        self.dialog = None
        self.now: datetime = state.ctx.now()
        self.summary = QLabel()
        self.summary.setObjectName("complianceSummary")
        self.summary.setWordWrap(True)
        self.show_done = QCheckBox()
        self.show_done.setObjectName("showDone")
        self.show_done.setChecked(True)
        self.show_done.toggled.connect(lambda _v: self.reload())
        self.buttons = {k: QPushButton() for k in ("tick", "skip", "undo", "adhoc")}
        for k, b in self.buttons.items():
            b.setObjectName(f"checklist_{k}")
        self.buttons["tick"].clicked.connect(self.tick_selected)
        self.buttons["skip"].clicked.connect(self.skip_selected)
        self.buttons["undo"].clicked.connect(self.undo_selected)
        self.buttons["adhoc"].clicked.connect(self.add_adhoc)
        self.model = RunsModel(self)
        self.table = QTableView()
        self.table.setObjectName("checklistRuns")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for column in (0, 1, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        # The item text takes the spare width; Recorded is as wide as its values (fit_recorded):
        # stretched too, it took half the row and wrapped the items into tall rows.
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(RECORDED, QHeaderView.ResizeMode.Interactive)
        self.table.doubleClicked.connect(lambda _i: self.tick_selected())
        # Wrapped rows are measured at the current column widths: measure again after a resize.
        self._fit_rows = QTimer(self)
        self._fit_rows.setSingleShot(True)
        self._fit_rows.setInterval(0)
        self._fit_rows.timeout.connect(self.table.resizeRowsToContents)
        header.sectionResized.connect(lambda *_: self._fit_rows.start())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.show_done)
        bar = QHBoxLayout()
        for b in self.buttons.values():
            bar.addWidget(b)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        self.next_due: NextDueWidget | None = None
        if phase == Phase.LIVE:
            self.next_due = NextDueWidget(state, self, phase=Phase.LIVE)
            layout.addWidget(self.next_due)
        layout.addLayout(top)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        clock = clock_for(state)
        clock.ticked.connect(self.on_tick)
        state.workspace_changed.connect(self.on_changes)
        self.retranslate()

    # -- data ---------------------------------------------------------------------------
    def set_session(self, session_id: str | None) -> None:
        self.session_id = session_id
        if self.next_due is not None:
            self.next_due.set_session(session_id)
        self.reload()

    def on_changes(self, changes) -> None:
        if self.session_id and (changes.external or self.session_id in changes.checklists
                                or self.session_id in changes.sessions or self.session_id in changes.samples):
            self.reload()

    def reload(self) -> None:
        ws = self.state.ctx.ws
        self.session = session_repo.get_session(ws, self.session_id) if self.session_id else None
        self.now = self.state.ctx.now()
        views = engine.session_runs(self.state.ctx, self.session_id, phase=self.phase) if self.session else []
        if not self.show_done.isChecked():
            views = [v for v in views if v.run.status == RunStatus.OPEN]
        views = sort_runs(views, self.phase)
        selected = self.selected()
        self.model.set_rows(views)
        self.fit_recorded()
        self.table.resizeRowsToContents()
        if selected is not None:
            self.select_run(selected.run.id)
        self._update_summary(views)
        self._update_buttons()

    def fit_recorded(self) -> None:
        """Recorded sized to its contents, capped at RECORDED_SHARE of the table so a long note
        wraps instead of squeezing the item texts; never narrower than its header."""
        header = self.table.horizontalHeader()
        least = header.sectionSizeHint(RECORDED)
        # Every row's text, not sizeHintForColumn (it measures the rows on screen only, and a long
        # value further down would wrap); bold rows and the cell's margins: CELL_MARGIN.
        bold = QFont(self.table.font())
        bold.setBold(True)
        fm = QFontMetrics(bold)
        texts = (self.model.data(self.model.index(r, RECORDED)) or "" for r in range(self.model.rowCount()))
        wanted = max([least] + [fm.horizontalAdvance(t) + CELL_MARGIN for t in texts])
        cap = max(least, int(self.table.viewport().width() * RECORDED_SHARE))
        if header.sectionSize(RECORDED) != min(wanted, cap):
            header.resizeSection(RECORDED, min(wanted, cap))

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self.fit_recorded()  # the cap follows the table's width

    def on_tick(self, now: datetime) -> None:
        self.now = now
        if self.model.rows:
            changed = any(v.run.status == RunStatus.OPEN and v.run.due_at and v.run.due_at <= now and not v.overdue
                          for v in self.model.rows)
            if changed:
                self.reload()  # something just became overdue: restyle
                return
            top, bottom = self.model.index(0, 1), self.model.index(len(self.model.rows) - 1, 1)
            self.model.dataChanged.emit(top, bottom, [Qt.ItemDataRole.DisplayRole])

    def _update_summary(self, views) -> None:
        if self.session is None:
            self.summary.setText(self.tr("No session selected."))
            return
        counts = {k: 0 for k in ("on_time", "late", "skipped", "missed", "open", "overdue")}
        for v in views:
            counts[v.outcome] += 1
        summary = get_summary(self.state.ctx.ws, self.session.id)
        comp = summary.compliance if summary else None
        rate = comp.get("rate") if comp else None
        text = self.tr("This phase: %1 on time · %2 late · %3 skipped · %4 missed · %5 open · %6 overdue")
        for i, k in enumerate(("on_time", "late", "skipped", "missed", "open", "overdue"), start=1):
            text = text.replace(f"%{i}", str(counts[k]))
        if rate is not None:
            text += "   " + self.tr("Session compliance: %1").replace("%1", percent(rate))
            if comp.get("required_rate") is not None:
                text += " · " + self.tr("required items %1").replace("%1", percent(comp["required_rate"]))
        if comp and not comp.get("include_pre", True):
            text += "  " + self.tr("(no pre items: started now or imported)")
        self.summary.setText(text)

    # -- cell text ----------------------------------------------------------------------
    def due_text(self, due, view) -> str:
        if due is None or self.session is None:
            return "—"
        tz = self.session.timezone
        if view.run.status != RunStatus.OPEN:
            when = fmt.due_clock(due, self.now, tz)
            done = fmt.local_time(view.run.done_at, tz, "%H:%M") if view.run.done_at else ""
            return f"{when}  → {done}" if done else when
        return fmt.due_text(due, self.now, tz, view.run.window_end)

    def item_text(self, text, view) -> str:
        marks = ("★ " if view.item.required else "") + (self.tr("[ad hoc] ") if view.adhoc else "")
        occurrence = f"  #{view.run.occurrence}" if view.item.trigger.kind != "offset" else ""
        return f"{marks}{text}{occurrence}"

    def values_text(self, _run_id, view) -> str:
        if self.session is None:
            return ""
        pair = self.tr("%1: %2")
        parts = [pair.replace("%1", label).replace("%2", value)
                 for label, value in view.value_pairs(self.session.currency)]
        if view.run.skip_reason:
            parts.append(self.tr("Skipped: %1").replace("%1", view.run.skip_reason))
        if view.run.note:
            parts.append(view.run.note)
        if view.run.auto and view.run.status == RunStatus.DONE:
            parts.append(self.tr("(by the app)"))
        return "; ".join(parts)

    # -- actions ------------------------------------------------------------------------
    def selected(self) -> engine.RunView | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.model.row(rows[0].row()) if rows else None

    def select_run(self, run_id: str) -> None:
        for i, v in enumerate(self.model.rows):
            if v.run.id == run_id:
                self.table.selectRow(i)
                return

    def _editable(self) -> bool:
        return self.session is not None and self.session.status not in (SessionStatus.CLOSED,
                                                                         SessionStatus.CANCELLED)

    def _update_buttons(self) -> None:
        v = self.selected()
        editable = self._editable()
        self.buttons["tick"].setEnabled(editable and v is not None)
        self.buttons["skip"].setEnabled(editable and v is not None and v.run.status == RunStatus.OPEN)
        self.buttons["undo"].setEnabled(editable and v is not None and v.run.status in (RunStatus.DONE,
                                                                                        RunStatus.SKIPPED))
        self.buttons["adhoc"].setEnabled(editable)

    # Dialogs open window-modal without blocking, so the clock keeps ticking underneath.
    def tick_selected(self):
        v = self.selected()
        if v is None or not self._editable():
            return None
        return self._open(TickDialog(self.state, v, self.session.currency, self))

    def skip_selected(self):
        v = self.selected()
        if v is None or not self._editable():
            return None
        return self._open(skip_dialog(self.state, v, self))

    def _open(self, dialog):
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.dialog = dialog
        dialog.open()
        return dialog

    def undo_selected(self) -> None:
        v = self.selected()
        if v is None:
            return
        try:
            self.state.emit_changes(engine.reopen_run(self.state.ctx, v.run.id))
        except LiveOpsError as exc:
            show_error(self, exc)

    def add_adhoc(self):
        if self.session is None:
            return None
        return self._open(AdhocDialog(self.state, self.session, self.phase, self))

    # -- language -----------------------------------------------------------------------
    def retranslate(self) -> None:
        texts = {"tick": self.tr("Tick…"), "skip": self.tr("Skip…"), "undo": self.tr("Undo"),
                 "adhoc": self.tr("Add item…")}
        for k, b in self.buttons.items():
            b.setText(texts[k])
        self.show_done.setText(self.tr("Show done"))
        self.model.retranslate()
        self.reload()
