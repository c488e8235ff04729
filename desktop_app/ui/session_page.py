"""One session (场次): header, lifecycle buttons, and the Pre / Live / Post areas.

The areas come from feature packages (desktop_app/ui/extensions.py); the page itself
shows the session's plan, targets vs actual and its event log as an overview.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.enums import SessionStatus
from desktop_app.domain.errors import LiveOpsError, TransitionRefused
from desktop_app.messages import msg
from desktop_app.services import event_log, lifecycle
from desktop_app.storage import events as event_repo
from desktop_app.storage import roster as roster_repo
from desktop_app.storage import sessions as session_repo
from desktop_app.storage.summaries import get_summary
from desktop_app.ui import format as fmt
from desktop_app.ui.dialogs import ReasonDialog
from desktop_app.ui.errors import show_error
from desktop_app.ui.extensions import PHASES, load_extensions
from desktop_app.ui.i18n import Retranslating
from desktop_app.ui.models import Column, RowsModel
from desktop_app.ui.state import AppState


class OverviewArea(Retranslating, QWidget):
    """Plan, targets vs actual, and the event log of the session."""

    def __init__(self, state: AppState, parent=None) -> None:
        super().__init__(parent)
        self.state = state
        self.session_id: str | None = None
        self.info = QLabel()
        self.info.setObjectName("sessionInfo")
        self.info.setTextFormat(Qt.TextFormat.RichText)
        self.info.setWordWrap(True)
        self.events = RowsModel([
            Column(lambda: self.tr("Time"), lambda e: e[0]),
            Column(lambda: self.tr("Kind"), lambda e: e[1].kind.value, lambda v: msg(f"event_kind.{v}")),
            Column(lambda: self.tr("Text"), lambda e: event_log.display_text(e[1])),
            Column(lambda: self.tr("Internal"), lambda e: e[1].internal, lambda v: self.tr("internal") if v else ""),
        ], self)
        view = QTableView()
        view.setObjectName("overviewEvents")
        view.setModel(self.events)
        view.verticalHeader().hide()
        # The event text (incl. checklist ticks with their values) gets the room, not the "internal" flag.
        from PySide6.QtWidgets import QHeaderView

        view.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.info)
        split.addWidget(view)
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        state.workspace_changed.connect(lambda _c: self.refresh())

    def set_session(self, session_id: str | None) -> None:
        self.session_id = session_id
        self.refresh()

    def refresh(self) -> None:
        ws = self.state.ctx.ws
        s = session_repo.get_session(ws, self.session_id) if self.session_id else None
        if s is None:
            self.info.setText("")
            self.events.set_rows([])
            return
        summary = get_summary(ws, s.id)
        kpis = summary.kpis if summary else {}
        lines = []
        for t in session_repo.get_targets(ws, s.id):
            actual = kpis.get(t.metric_key)
            value = actual.value if actual else None
            reached = value is not None and (value >= t.value if t.direction.value == "min" else value <= t.value)
            mark = "✔" if reached else ("✘" if value is not None else "")
            lines.append(f"<tr><td>{msg('metric.' + t.metric_key)}</td>"
                         f"<td>{'≥' if t.direction.value == 'min' else '≤'} "
                         f"{fmt.metric_value(t.metric_key, t.value, s.currency)}</td>"
                         f"<td>{fmt.metric_value(t.metric_key, value, s.currency)}</td><td>{mark}</td></tr>")
        head = (f"<tr><th align=left>{self.tr('Target')}</th><th align=left>{self.tr('Goal')}</th>"
                f"<th align=left>{self.tr('Actual')}</th><th></th></tr>")
        table = f"<table cellspacing=6>{head}{''.join(lines)}</table>" if lines else self.tr("No targets set.")
        self.info.setText(table)
        # Keep the selected event and the scroll position across refreshes (a new event arrives
        # every few seconds live; a search hit shown here must stay selected).
        view = self.findChild(QTableView, "overviewEvents")
        same = getattr(self, "_shown", None) == s.id
        self._shown = s.id
        selected = {self.events.row(i.row())[1].id for i in view.selectionModel().selectedRows()} if same else set()
        scroll = view.verticalScrollBar().value() if same else 0
        self.events.set_rows([(fmt.local_time(e.ts_utc, s.timezone, "%m-%d %H:%M:%S"), e)
                              for e in event_repo.list_events(ws, s.id)])
        view.resizeColumnToContents(0)  # "11/20 2:06:00 PM" in English: on one line, not wrapped
        for row, (_t, e) in enumerate(self.events.rows):
            if e.id in selected:
                view.selectRow(row)
        view.verticalScrollBar().setValue(scroll)

    def retranslate(self) -> None:
        self.events.retranslate()
        self.refresh()


class SessionPage(Retranslating, QWidget):
    def __init__(self, state: AppState, parent=None) -> None:
        super().__init__(parent)
        self.state = state
        self.session_id: str | None = None
        self.title = QLabel()
        self.title.setObjectName("sessionTitle")
        font = self.title.font()
        font.setPointSize(font.pointSize() + 4)
        font.setBold(True)
        self.title.setFont(font)
        self.meta = QFormLayout()
        self.meta_labels = {k: QLabel() for k in ("status", "anchor", "planned", "actual", "zone")}
        self.meta_names = {k: QLabel() for k in self.meta_labels}
        for k in self.meta_labels:
            self.meta_labels[k].setObjectName(f"meta_{k}")
            self.meta.addRow(self.meta_names[k], self.meta_labels[k])
        self.buttons = {k: QPushButton() for k in ("prepare", "go_live", "end", "close", "cancel", "reopen")}
        bar = QHBoxLayout()
        for key, b in self.buttons.items():
            b.setObjectName(f"btn_{key}")
            b.clicked.connect(lambda _=False, k=key: self._act(k))
            bar.addWidget(b)
        bar.addStretch(1)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("phaseTabs")
        self.overview = OverviewArea(state, self)
        self.areas: list[QWidget] = [self.overview]
        self.tab_titles: list = [self.tr_overview]
        self.tabs.addTab(self.overview, "")
        self._build_areas()
        header = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(self.title)
        left.addLayout(bar)
        header.addLayout(left, 2)
        header.addLayout(self.meta, 1)
        self.empty_hint = QLabel()
        self.empty_hint.setObjectName("sessionEmptyHint")
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.empty_hint, 1)
        layout.addWidget(self.tabs, 1)
        state.workspace_changed.connect(lambda _c: self.refresh())
        self.retranslate()

    def tr_overview(self) -> str:
        return self.tr("Overview")

    def _build_areas(self) -> None:
        """One tab per phase; its feature widgets are built the first time the tab is shown,
        so opening the app does not pay for the live console's charts up front."""
        ext = load_extensions()
        phase_titles = {"pre": lambda: self.tr("Pre-broadcast"), "live": lambda: self.tr("Live"),
                        "post": lambda: self.tr("Post-broadcast")}
        by_phase: dict[str, list] = {}
        for area in ext.session_areas:
            by_phase.setdefault(area.phase, []).append(area)
        self.phase_of_tab: dict[int, str] = {}
        self._pending: dict[int, list] = {}
        self._containers: dict[int, QTabWidget] = {}
        for phase in list(PHASES) + sorted(k for k in by_phase if k not in PHASES):
            areas = by_phase.get(phase, [])
            if not areas:
                continue
            holder = QWidget()
            holder.setObjectName(f"phase_{phase}")
            QVBoxLayout(holder).setContentsMargins(0, 0, 0, 0)
            index = self.tabs.addTab(holder, "")
            self.phase_of_tab[index] = phase
            self._pending[index] = areas
            self.tab_titles.append(phase_titles.get(phase, areas[0].title))
        self.tabs.currentChanged.connect(self.ensure_tab_built)

    def ensure_tab_built(self, index: int) -> None:
        areas = self._pending.pop(index, None)
        if not areas:
            return
        holder = self.tabs.widget(index)
        if len(areas) == 1:
            widget = areas[0].factory(self.state)
            self.areas.append(widget)
            holder.layout().addWidget(widget)
        else:
            container = QTabWidget()
            container.setObjectName(f"areas_{self.phase_of_tab[index]}")
            for a in areas:
                widget = a.factory(self.state)
                self.areas.append(widget)
                container.addTab(widget, a.title())
            container.setProperty("area_titles", [a.title for a in areas])
            self._containers[index] = container
            holder.layout().addWidget(container)
        for widget in self.areas[-len(areas):]:
            widget.set_session(self.session_id)

    def build_all_areas(self) -> None:
        for index in list(self._pending):
            self.ensure_tab_built(index)

    def retranslate(self) -> None:
        names = {"status": self.tr("Status"), "anchor": self.tr("Anchor / specialist"),
                 "planned": self.tr("Planned"), "actual": self.tr("On air"), "zone": self.tr("Time zone")}
        for k, label in self.meta_names.items():
            label.setText(names[k])
        texts = {"prepare": self.tr("Start preparing"), "go_live": self.tr("Go live"),
                 "end": self.tr("End broadcast"), "close": self.tr("Close session"),
                 "cancel": self.tr("Cancel session"), "reopen": self.tr("Reopen")}
        for k, b in self.buttons.items():
            b.setText(texts[k])
        self.empty_hint.setText(self.tr("Open a session by double-clicking it on the Today or All sessions page, "
                                        "or plan a new one with Session → Plan a session… (Ctrl+Shift+N)."))
        for i, title in enumerate(self.tab_titles):
            self.tabs.setTabText(i, title())
            container = self._containers.get(i)
            titles = container.property("area_titles") if container is not None else None
            for j, t in enumerate(titles or []):
                container.setTabText(j, t())
        self.refresh()

    def set_session(self, session_id: str | None) -> None:
        self.session_id = session_id
        for area in self.areas:
            area.set_session(session_id)
        self.refresh()
        self.show_phase_tab()

    def show_phase_tab(self) -> None:
        """Bring the tab of the session's current phase to the front (on open and after a transition)."""
        s = self.session()
        if s is None:
            return
        phase = {SessionStatus.LIVE: "live", SessionStatus.POST: "post", SessionStatus.CLOSED: "post",
                 SessionStatus.PRE: "pre", SessionStatus.PLANNED: "pre"}.get(s.status)
        for index, tab_phase in self.phase_of_tab.items():
            if tab_phase == phase:
                self.tabs.setCurrentIndex(index)

    def session(self):
        return session_repo.get_session(self.state.ctx.ws, self.session_id) if self.session_id else None

    def refresh(self) -> None:
        s = self.session()
        self._show_empty_state(s is None)
        if s is None:
            self.title.setText(self.tr("No session open"))
            for b in self.buttons.values():
                b.setVisible(False)
            return
        ws = self.state.ctx.ws
        anchor = roster_repo.get_anchor(ws, s.anchor_id)
        person = roster_repo.get_person(ws, s.specialist_id)
        self.title.setText(s.title)
        self.meta_labels["status"].setText(msg(f"status.{s.status.value}"))
        self.meta_labels["anchor"].setText(f"{anchor.name if anchor else '?'} / {person.name if person else '?'}")
        self.meta_labels["planned"].setText(fmt.time_span(s.scheduled_start_utc, s.scheduled_end_utc, s.timezone))
        self.meta_labels["actual"].setText(fmt.time_span(s.on_air_utc, s.off_air_utc, s.timezone))
        self.meta_labels["zone"].setText(f"{s.timezone} · {s.currency}")
        visible = {
            "prepare": s.status == SessionStatus.PLANNED,
            "go_live": s.status == SessionStatus.PRE,
            "end": s.status == SessionStatus.LIVE,
            "close": s.status == SessionStatus.POST,
            "cancel": s.status in (SessionStatus.PLANNED, SessionStatus.PRE),
            "reopen": s.status == SessionStatus.CLOSED,
        }
        for k, b in self.buttons.items():
            b.setVisible(visible[k])

    def _show_empty_state(self, empty: bool) -> None:
        """Without a session: a hint where to find one, instead of empty tabs and blank fields."""
        self.empty_hint.setVisible(empty)
        self.tabs.setVisible(not empty)
        for k in self.meta_labels:
            self.meta_labels[k].setVisible(not empty)
            self.meta_names[k].setVisible(not empty)

    def _act(self, key: str) -> None:
        ctx, sid = self.state.ctx, self.session_id
        if sid is None:
            return
        try:
            if key == "prepare":
                changes = lifecycle.start_preparing(ctx, sid)
            elif key == "go_live":
                changes = self._go_live(sid)
            elif key == "end":
                if QMessageBox.question(self, self.tr("End broadcast"),
                                        self.tr("End the broadcast now?")) != QMessageBox.StandardButton.Yes:
                    return
                changes = lifecycle.end_broadcast(ctx, sid)
            elif key == "close":
                changes = lifecycle.close_session(ctx, sid)
            elif key == "cancel":
                ReasonDialog(self.state, self.tr("Cancel session"), self.tr("Why is the session cancelled?"),
                             lambda r: lifecycle.cancel_session(ctx, sid, r), self).exec()
                return
            else:
                ReasonDialog(self.state, self.tr("Reopen"), self.tr("Why reopen this closed session?"),
                             lambda r: lifecycle.reopen(ctx, sid, r), self).exec()
                return
        except LiveOpsError as exc:
            show_error(self, exc)
            return
        self.state.emit_changes(changes)
        self.show_phase_tab()

    def _go_live(self, sid: str):
        try:
            return lifecycle.go_live(self.state.ctx, sid)
        except TransitionRefused as exc:
            if exc.key != "error.gate.pre_open":
                raise
            dialog = ReasonDialog(self.state, self.tr("Go live anyway?"), exc.text(),
                                  lambda r: lifecycle.go_live(self.state.ctx, sid, override_reason=r), self)
            dialog.exec()
            return None
