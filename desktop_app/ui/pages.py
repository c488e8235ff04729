"""Navigation pages: Today, All sessions, Roster."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app import messages
from desktop_app.domain.models import short_title
from desktop_app.messages import msg
from desktop_app.services import queries, roster
from desktop_app.services.workspace_service import workspace_info
from desktop_app.storage import roster as roster_repo
from desktop_app.ui import format as fmt
from desktop_app.ui.dialogs import AnchorDialog, ClientDialog, PersonDialog
from desktop_app.ui.errors import show_error
from desktop_app.ui.i18n import Retranslating
from desktop_app.ui.models import Column, RowsModel
from desktop_app.ui.state import AppState


def _kpi(row: dict, key: str):
    summary = row.get("summary") or {}
    v = summary.get("kpis", {}).get(key)
    return v.get("value") if v else None


def session_columns() -> list[Column]:
    """Columns of a session list; shared by Today, All sessions and feature pages."""
    return [
        Column(lambda: QCoreApplication.translate("SessionColumns", "Start"), lambda r: fmt.local_time(r["on_air_utc"] or r["scheduled_start_utc"],
                                                             r["timezone"])),
        Column(lambda: QCoreApplication.translate("SessionColumns", "Anchor"), lambda r: r["anchor"]["name"]),
        Column(lambda: QCoreApplication.translate("SessionColumns", "Client"), lambda r: (r["client"] or {}).get("name")),
        Column(lambda: QCoreApplication.translate("SessionColumns", "Title"), lambda r: r["title"]),
        Column(lambda: QCoreApplication.translate("SessionColumns", "Status"), lambda r: r["status"], lambda v: msg(f"status.{v}")),
        Column(lambda: QCoreApplication.translate("SessionColumns", "GMV"), lambda r: _kpi(r, "gmv"), align_right=True,
               display_row=lambda v, r: fmt.metric_value("gmv", v, r["currency"])),
        Column(lambda: QCoreApplication.translate("SessionColumns", "Peak online"), lambda r: _kpi(r, "peak_online_viewers"), fmt.number, True),
        Column(lambda: QCoreApplication.translate("SessionColumns", "Orders"), lambda r: _kpi(r, "orders"), fmt.number, True),
        Column(lambda: QCoreApplication.translate("SessionColumns", "Compliance"), lambda r: ((r.get("summary") or {}).get("compliance") or {}).get("rate"),
               fmt.ratio, True),
        Column(lambda: QCoreApplication.translate("SessionColumns", "Sign-off"), lambda r: (r.get("summary") or {}).get("signoff"),
               lambda v: msg(f"signoff.{v}") if v else fmt.DASH),
    ]


def _table(model, parent) -> QTableView:
    view = QTableView(parent)
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    proxy.setFilterKeyColumn(-1)
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    return view


def _selected(view: QTableView, model: RowsModel):
    idx = view.currentIndex()
    if not idx.isValid():
        return None
    return model.row(view.model().mapToSource(idx).row())


class Page(Retranslating, QWidget):
    def __init__(self, state: AppState, parent=None) -> None:
        super().__init__(parent)
        self.state = state
        state.workspace_changed.connect(lambda _c: self.refresh())

    def refresh(self) -> None: ...

    def retranslate(self) -> None: ...


class SessionsPage(Page):
    """All sessions of the workspace; double-click opens one."""

    def __init__(self, state: AppState, parent=None, today_only: bool = False) -> None:
        super().__init__(state, parent)
        self.today_only = today_only
        self.model = RowsModel(session_columns(), self)
        self.view = _table(self.model, self)
        self.view.setObjectName("sessionsTable")
        self.view.doubleClicked.connect(self._open)
        self.view.activated.connect(self._open)
        self.filter = QLineEdit()
        self.filter.setObjectName("sessionsFilter")
        self.filter.textChanged.connect(self.view.model().setFilterFixedString)
        self.heading = QLabel()
        self.heading.setObjectName("pageHeading")
        font = self.heading.font()
        font.setPointSize(font.pointSize() + 3)
        font.setBold(True)
        self.heading.setFont(font)
        self.overdue = QLabel()
        self.overdue.setWordWrap(True)
        self.overdue.setObjectName("overdue")
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.filter)
        layout.addLayout(top)
        if today_only:
            layout.addWidget(self.overdue)
        layout.addWidget(self.view)
        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        self._set_heading()
        self.filter.setPlaceholderText(self.tr("Filter…"))
        self.model.retranslate()
        self._refresh_overdue()

    def refresh(self) -> None:
        ctx = self.state.ctx
        if self.today_only:
            tz = workspace_info(ctx).default_timezone
            from zoneinfo import ZoneInfo

            local_now = ctx.now().astimezone(ZoneInfo(tz))
            start = local_now.replace(hour=0, minute=0, second=0, microsecond=0)
            self._set_heading(local_now.date())
            # Today's sessions, what is still running, and what is planned for the next two days.
            rows = queries.session_rows(ctx, start_from=start, start_to=start + timedelta(days=1))
            rows += [r for r in queries.session_rows(ctx, statuses=("live", "pre", "post"))
                     if r not in rows]
            rows += [r for r in queries.session_rows(ctx, start_from=start, start_to=start + timedelta(days=3),
                                                     statuses=("planned",)) if r not in rows]
        else:
            rows = queries.session_rows(ctx)
            rows.reverse()
        self.model.set_rows(rows)
        self._refresh_overdue()

    def _set_heading(self, day=None) -> None:
        """"Today · 2026年11月26日星期四": the date of the injected clock in the workspace zone, in the UI locale."""
        if not self.today_only:
            self.heading.setText(self.tr("All sessions"))
            return
        self._day = day or getattr(self, "_day", None)
        when = QLocale().toString(QDate(self._day.year, self._day.month, self._day.day),
                                  QLocale.FormatType.LongFormat) if self._day else ""
        self.heading.setText(self.tr("Today") + (f" · {when}" if when else ""))

    def _refresh_overdue(self) -> None:
        if not self.today_only:
            return
        rows = queries.overdue_items(self.state.ctx)
        if not rows:
            self.overdue.setText(self.tr("Nothing overdue."))
            return
        zh = messages.current_language() == "zh_CN"
        lines = [f"• {r['title']} — {short_title(r['text_zh'] if zh else r['text_en'], 30 if zh else 60)}"
                 for r in rows[:5]]
        more = self.tr("… and {count} more").format(count=len(rows) - 5) if len(rows) > 5 else ""
        self.overdue.setText(self.tr("Overdue ({count}):").format(count=len(rows)) + "\n" + "\n".join(lines)
                             + ("\n" + more if more else ""))

    def _open(self, _index=None) -> None:
        row = _selected(self.view, self.model)
        if row:
            self.state.session_selected.emit(row["session_id"])


class RosterPage(Page):
    """Clients, anchors (with their specialist) and people; add, edit, archive."""

    def __init__(self, state: AppState, parent=None) -> None:
        super().__init__(state, parent)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("rosterTabs")
        self.anchor_model = RowsModel([
            Column(lambda: self.tr("Name"), lambda r: r[0].name),
            Column(lambda: self.tr("Platform"), lambda r: r[0].platform.value, lambda v: msg(f"platform.{v}")),
            Column(lambda: self.tr("Account ID"), lambda r: r[0].account_id),
            Column(lambda: self.tr("Client"), lambda r: r[1]),
            Column(lambda: self.tr("Specialist"), lambda r: r[2]),
            Column(lambda: self.tr("Time zone"), lambda r: r[0].timezone),
        ], self)
        self.client_model = RowsModel([Column(lambda: self.tr("Name"), lambda r: r.name)], self)
        self.people_model = RowsModel([
            Column(lambda: self.tr("Name"), lambda r: r.name),
            Column(lambda: self.tr("Role"), lambda r: r.role.value, lambda v: msg(f"role.{v}")),
        ], self)
        self.views = {}
        for key, model in (("anchors", self.anchor_model), ("clients", self.client_model),
                           ("people", self.people_model)):
            view = _table(model, self)
            view.setObjectName(f"{key}Table")
            view.doubleClicked.connect(lambda _i, k=key: self._edit(k))
            self.views[key] = view
            self.tabs.addTab(view, "")
        self.add_btn, self.edit_btn, self.archive_btn = QPushButton(), QPushButton(), QPushButton()
        self.add_btn.setObjectName("rosterAdd")
        self.add_btn.clicked.connect(self._add)
        self.edit_btn.clicked.connect(lambda: self._edit(self._key()))
        self.archive_btn.clicked.connect(self._archive)
        buttons = QHBoxLayout()
        for b in (self.add_btn, self.edit_btn, self.archive_btn):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.tabs)
        self.retranslate()
        self.refresh()

    def _key(self) -> str:
        return ("anchors", "clients", "people")[self.tabs.currentIndex()]

    def retranslate(self) -> None:
        for i, t in enumerate((self.tr("Anchors"), self.tr("Clients"), self.tr("People"))):
            self.tabs.setTabText(i, t)
        self.add_btn.setText(self.tr("Add…"))
        self.edit_btn.setText(self.tr("Edit…"))
        self.archive_btn.setText(self.tr("Archive"))
        for m in (self.anchor_model, self.client_model, self.people_model):
            m.retranslate()

    def refresh(self) -> None:
        ws = self.state.ctx.ws
        clients = {c.id: c.name for c in roster_repo.list_clients(ws, include_archived=True)}
        people = {p.id: p.name for p in roster_repo.list_people(ws, include_archived=True)}
        rows = []
        for a in roster_repo.list_anchors(ws):
            assignment = roster_repo.active_assignment(ws, a.id)
            rows.append((a, clients.get(a.client_id), people.get(assignment.specialist_id) if assignment else None))
        self.anchor_model.set_rows(rows)
        self.client_model.set_rows(roster_repo.list_clients(ws))
        self.people_model.set_rows(roster_repo.list_people(ws))

    def _dialog(self, key: str, item=None):
        cls = {"anchors": AnchorDialog, "clients": ClientDialog, "people": PersonDialog}[key]
        kw = {"anchors": "anchor", "clients": "client", "people": "person"}[key]
        return cls(self.state, self, **{kw: item})

    def _add(self) -> None:
        self._dialog(self._key()).exec()

    def _current(self, key: str):
        model = {"anchors": self.anchor_model, "clients": self.client_model, "people": self.people_model}[key]
        row = _selected(self.views[key], model)
        return row[0] if isinstance(row, tuple) else row

    def _edit(self, key: str) -> None:
        item = self._current(key)
        if item is not None:
            self._dialog(key, item).exec()

    def _archive(self) -> None:
        key = self._key()
        item = self._current(key)
        if item is None:
            return
        ctx = self.state.ctx
        try:
            if key == "anchors":
                changes = roster.update_anchor(ctx, item.id, archived=True)
            elif key == "clients":
                changes = roster.update_client(ctx, item.id, archived=True)
            else:
                changes = roster.archive_person(ctx, item.id)
        except Exception as exc:  # LiveOpsError shown; bugs re-raised by show_error
            show_error(self, exc)
            return
        self.state.emit_changes(changes)
