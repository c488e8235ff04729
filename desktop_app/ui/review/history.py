"""History page: every session of the workspace from session_summaries, filters, saved filters,
sorting by any KPI, full-text search, and the way into compare and trends."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    QSettings,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.enums import Platform, SessionStatus
from desktop_app.domain.review import Signoff
from desktop_app.messages import msg
from desktop_app.services import history
from desktop_app.services.history import COL, HistoryFilter, kpi_value
from desktop_app.ui import format as fmt
from desktop_app.ui.errors import show_error
from desktop_app.ui.i18n import Retranslating
from desktop_app.ui.state import AppState

Index = QModelIndex | QPersistentModelIndex

# Other features add their controls to a new history page here (e.g. export: "export these sessions").
page_hooks: list = []

# (key, header source text, kind): kind picks the format; keys are GLOSSARY metric keys or row columns.
COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("start_utc", QT_TRANSLATE_NOOP("HistoryPage", "Start"), "time"),
    ("title", QT_TRANSLATE_NOOP("HistoryPage", "Title"), "text"),
    ("anchor_id", QT_TRANSLATE_NOOP("HistoryPage", "Anchor"), "anchor"),
    ("client_id", QT_TRANSLATE_NOOP("HistoryPage", "Client"), "client"),
    ("specialist_id", QT_TRANSLATE_NOOP("HistoryPage", "Specialist"), "person"),
    ("platform", QT_TRANSLATE_NOOP("HistoryPage", "Platform"), "platform"),
    ("status", QT_TRANSLATE_NOOP("HistoryPage", "Status"), "status"),
    ("signoff", QT_TRANSLATE_NOOP("HistoryPage", "Sign-off"), "signoff"),
    ("gmv", QT_TRANSLATE_NOOP("HistoryPage", "GMV"), "money"),
    ("orders", QT_TRANSLATE_NOOP("HistoryPage", "Orders"), "int"),
    ("uv", QT_TRANSLATE_NOOP("HistoryPage", "UV"), "int"),
    ("peak_online_viewers", QT_TRANSLATE_NOOP("HistoryPage", "Peak online"), "int"),
    ("uv_value", QT_TRANSLATE_NOOP("HistoryPage", "UV value"), "money"),
    ("view_to_order_rate", QT_TRANSLATE_NOOP("HistoryPage", "Conversion"), "ratio"),
    ("refund_rate", QT_TRANSLATE_NOOP("HistoryPage", "Refund rate"), "ratio"),
    ("ad_spend", QT_TRANSLATE_NOOP("HistoryPage", "Ad spend"), "money"),
    ("overall_roi", QT_TRANSLATE_NOOP("HistoryPage", "ROI"), "number"),
    ("compliance_rate", QT_TRANSLATE_NOOP("HistoryPage", "Compliance"), "ratio"),
    ("duration_seconds", QT_TRANSLATE_NOOP("HistoryPage", "Duration"), "duration"),
    ("event_count", QT_TRANSLATE_NOOP("HistoryPage", "Events"), "int"),
)


class HistoryModel(QAbstractTableModel):
    """A thin model over summary tuples; KPIs inside kpis_json are parsed only when shown or sorted."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[tuple] = []
        self.names: dict[str, dict[str, str]] = {"anchors": {}, "clients": {}, "people": {}}
        self.tz = "Asia/Shanghai"
        self._kpi_cache: dict[tuple[int, str], Any] = {}

    def set_rows(self, rows: list[tuple], names: dict[str, dict[str, str]] | None = None) -> None:
        self.beginResetModel()
        self.rows = rows
        if names is not None:
            self.names = names
        self._kpi_cache.clear()
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return HistoryPage.column_title(COLUMNS[section][1])
        return None

    def value(self, row: int, key: str) -> Any:
        r = self.rows[row]
        if key in COL:
            return r[COL[key]]
        cache_key = (row, key)
        if cache_key not in self._kpi_cache:
            self._kpi_cache[cache_key] = kpi_value(r, key)
        return self._kpi_cache[cache_key]

    def session_id(self, row: int) -> str:
        return self.rows[row][COL["session_id"]]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        key, _title, kind = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(index.row(), key, kind)
        if role == Qt.ItemDataRole.TextAlignmentRole and kind in ("money", "int", "ratio", "number", "duration"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return self.value(index.row(), key)
        return None

    def _display(self, row: int, key: str, kind: str) -> str:
        v = self.value(row, key)
        currency = self.rows[row][COL["currency"]]
        if kind == "time":
            return fmt.local_time(v, self.tz)
        if kind in ("anchor", "client", "person"):
            table = {"anchor": "anchors", "client": "clients", "person": "people"}[kind]
            return self.names[table].get(v, fmt.DASH) if v else fmt.DASH
        if kind in ("platform", "status", "signoff"):
            return msg(f"{kind}.{v}") if v else fmt.DASH
        if kind == "money":
            return fmt.metric_value("gmv", v, currency) if v is not None else fmt.DASH
        if kind == "ratio":
            return fmt.ratio(v)
        if kind == "duration":
            return fmt.duration(v)
        if kind == "number":
            return fmt.number(v, 2)
        if kind == "int":
            return fmt.number(v)
        return fmt.DASH if v is None else str(v)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = COLUMNS[column][0]
        self.layoutAboutToBeChanged.emit()
        values = [(self.value(i, key), r) for i, r in enumerate(self.rows)]
        # Not collected (None) always sorts last, whatever the direction.
        present = [p for p in values if p[0] is not None]
        missing = [p[1] for p in values if p[0] is None]
        present.sort(key=lambda p: p[0], reverse=order == Qt.SortOrder.DescendingOrder)
        self.rows = [p[1] for p in present] + missing
        self._kpi_cache.clear()
        self.layoutChanged.emit()


class SavedFilters:
    """Named filters per workspace, kept in QSettings (UI state, not workspace data)."""

    def __init__(self, workspace_id: str, settings: QSettings | None = None) -> None:
        self.q = settings or QSettings()
        self.key = f"history/filters/{workspace_id}"

    def all(self) -> dict[str, dict]:
        raw = self.q.value(self.key, "{}")
        try:
            data = json.loads(raw) if isinstance(raw, str) else {}
        except ValueError:
            data = {}
        return data if isinstance(data, dict) else {}

    def save(self, name: str, f: HistoryFilter) -> None:
        data = self.all()
        data[name] = f.to_json()
        self.q.setValue(self.key, json.dumps(data, ensure_ascii=False))

    def delete(self, name: str) -> None:
        data = self.all()
        data.pop(name, None)
        self.q.setValue(self.key, json.dumps(data, ensure_ascii=False))


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


class HistoryPage(Retranslating, QWidget):
    def __init__(self, state: AppState, window=None) -> None:
        super().__init__()
        self.state = state
        self.window_ = window
        self.model = HistoryModel(self)
        ws_row = state.ctx.ws.query_one("SELECT id, default_timezone FROM workspace")
        self.model.tz = ws_row["default_timezone"]
        self.saved = SavedFilters(ws_row["id"])
        self._build()
        self.retranslate()
        self.reload_choices()
        self.refresh()
        state.workspace_changed.connect(self._on_changes)
        for hook in page_hooks:
            hook(self)

    @staticmethod
    def column_title(source: str) -> str:
        from PySide6.QtCore import QCoreApplication

        return QCoreApplication.translate("HistoryPage", source)

    # -- layout ---------------------------------------------------------------------------------
    def _build(self) -> None:
        self.use_from, self.use_to = QCheckBox(), QCheckBox()
        self.date_from, self.date_to = QDateEdit(), QDateEdit()
        for w in (self.date_from, self.date_to):
            w.setCalendarPopup(True)
            w.setDisplayFormat("yyyy-MM-dd")
            w.setDate(QDate.currentDate())
        self.date_from.setDate(QDate.currentDate().addDays(-30))
        self.client, self.anchor, self.specialist = QComboBox(), QComboBox(), QComboBox()
        self.platform, self.status, self.signoff = QComboBox(), QComboBox(), QComboBox()
        self.text = QLineEdit()
        self.saved_combo = QComboBox()
        self.save_btn, self.delete_btn = QPushButton(), QPushButton()
        self.compare_btn, self.trends_btn = QPushButton(), QPushButton()
        self.count_label = QLabel()
        row1, row2 = QHBoxLayout(), QHBoxLayout()
        for w in (self.use_from, self.date_from, self.use_to, self.date_to, self.client, self.anchor,
                  self.specialist, self.platform, self.status, self.signoff):
            row1.addWidget(w)
        row1.addStretch(1)
        for w in (self.text, self.saved_combo, self.save_btn, self.delete_btn, self.compare_btn, self.trends_btn,
                  self.count_label):
            row2.addWidget(w)
        self.text.setMinimumWidth(180)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setDefaultSectionSize(96)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().resizeSection(1, 220)
        self.table.horizontalHeader().resizeSection(0, 130)
        # Rows arrive newest first: show that, instead of Qt's default "ascending" arrow.
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)
        self.table.doubleClicked.connect(self._open_row)
        self.search_box = QLineEdit()
        self.search_btn = QPushButton()
        self.search_in_list = QCheckBox()
        self.search_in_list.setChecked(True)
        self.search_in_list.toggled.connect(lambda _v: self.run_search() if self.search_box.text().strip() else None)
        self.search_label = QLabel()
        self.results = QListWidget()
        self.results.itemActivated.connect(self._open_hit)
        self.results.itemDoubleClicked.connect(self._open_hit)
        search_row = QHBoxLayout()
        for w in (self.search_box, self.search_btn, self.search_in_list, self.search_label):
            search_row.addWidget(w)
        bottom = QWidget()
        bl = QVBoxLayout(bottom)
        bl.setContentsMargins(0, 0, 0, 0)
        bl.addLayout(search_row)
        bl.addWidget(self.results)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(bottom)
        split.setSizes([420, 160])
        layout = QVBoxLayout(self)
        layout.addLayout(row1)
        layout.addLayout(row2)
        layout.addWidget(split)
        for w in (self.use_from, self.use_to):
            w.toggled.connect(self.refresh)
        for w in (self.date_from, self.date_to):
            w.dateChanged.connect(self.refresh)
        for w in (self.client, self.anchor, self.specialist, self.platform, self.status, self.signoff):
            w.currentIndexChanged.connect(self.refresh)
        self.text.textChanged.connect(self.refresh)
        self.saved_combo.activated.connect(self._apply_saved)
        self.save_btn.clicked.connect(self._save_filter)
        self.delete_btn.clicked.connect(self._delete_filter)
        self.compare_btn.clicked.connect(self.open_compare)
        self.trends_btn.clicked.connect(self.open_trends)
        self.search_box.returnPressed.connect(self.run_search)
        self.search_btn.clicked.connect(self.run_search)

    def retranslate(self) -> None:
        self.use_from.setText(self.tr("From"))
        self.use_to.setText(self.tr("To"))
        self.text.setPlaceholderText(self.tr("Title, anchor or client contains…"))
        self.save_btn.setText(self.tr("Save filter…"))
        self.delete_btn.setText(self.tr("Delete filter"))
        self.compare_btn.setText(self.tr("Compare selected"))
        self.trends_btn.setText(self.tr("Trends…"))
        self.search_box.setPlaceholderText(self.tr("Search events, notes, reviews and checklists (e.g. 福袋, 超卖)"))
        self.search_btn.setText(self.tr("Search"))
        self.search_in_list.setText(self.tr("Only in the sessions listed above"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        # Only labels change; no database access here (a language switch may come after the workspace closed).
        for combo, text in ((self.client, self.tr("All clients")), (self.anchor, self.tr("All anchors")),
                            (self.specialist, self.tr("All people")), (self.platform, self.tr("All platforms")),
                            (self.status, self.tr("All statuses")), (self.signoff, self.tr("Any sign-off")),
                            (self.saved_combo, self.tr("Saved filters"))):
            if combo.count():
                combo.setItemText(0, text)
        for combo, prefix in ((self.platform, "platform"), (self.status, "status"), (self.signoff, "signoff")):
            for i in range(1, combo.count()):
                combo.setItemText(i, msg(f"{prefix}.{combo.itemData(i)}"))
        self._update_count()

    # -- choices and filters ----------------------------------------------------------------------
    def reload_choices(self) -> None:
        if not hasattr(self, "client"):
            return
        names = history.roster_names(self.state.ctx)
        self._fill(self.client, self.tr("All clients"), sorted(names["clients"].items(), key=lambda x: x[1]))
        self._fill(self.anchor, self.tr("All anchors"), sorted(names["anchors"].items(), key=lambda x: x[1]))
        self._fill(self.specialist, self.tr("All people"), sorted(names["people"].items(), key=lambda x: x[1]))
        self._fill(self.platform, self.tr("All platforms"), [(p.value, msg(f"platform.{p.value}")) for p in Platform])
        self._fill(self.status, self.tr("All statuses"), [(s.value, msg(f"status.{s.value}")) for s in SessionStatus])
        self._fill(self.signoff, self.tr("Any sign-off"), [(s.value, msg(f"signoff.{s.value}")) for s in Signoff])
        current = self.saved_combo.currentText()
        self.saved_combo.blockSignals(True)
        self.saved_combo.clear()
        self.saved_combo.addItem(self.tr("Saved filters"), None)
        for name in sorted(self.saved.all()):
            self.saved_combo.addItem(name, name)
        idx = self.saved_combo.findText(current)
        self.saved_combo.setCurrentIndex(max(idx, 0))
        self.saved_combo.blockSignals(False)

    @staticmethod
    def _fill(combo: QComboBox, all_text: str, items: list[tuple[str, str]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(all_text, None)
        for value, text in items:
            combo.addItem(text, value)
        idx = combo.findData(current)
        combo.setCurrentIndex(idx if idx >= 0 else 0)
        combo.blockSignals(False)

    def current_filter(self) -> HistoryFilter:
        def d(edit: QDateEdit) -> date:
            q = edit.date()
            return date(q.year(), q.month(), q.day())

        return HistoryFilter(
            date_from=d(self.date_from) if self.use_from.isChecked() else None,
            date_to=d(self.date_to) if self.use_to.isChecked() else None,
            client_id=self.client.currentData(), anchor_id=self.anchor.currentData(),
            specialist_id=self.specialist.currentData(), platform=self.platform.currentData(),
            status=self.status.currentData(), signoff=self.signoff.currentData(), text=self.text.text())

    def set_filter(self, f: HistoryFilter) -> None:
        widgets = (self.use_from, self.use_to, self.date_from, self.date_to, self.client, self.anchor,
                   self.specialist, self.platform, self.status, self.signoff, self.text)
        for w in widgets:
            w.blockSignals(True)
        self.use_from.setChecked(f.date_from is not None)
        self.use_to.setChecked(f.date_to is not None)
        if f.date_from:
            self.date_from.setDate(_qdate(f.date_from))
        if f.date_to:
            self.date_to.setDate(_qdate(f.date_to))
        for combo, value in ((self.client, f.client_id), (self.anchor, f.anchor_id),
                             (self.specialist, f.specialist_id), (self.platform, f.platform),
                             (self.status, f.status), (self.signoff, f.signoff)):
            combo.setCurrentIndex(max(combo.findData(value), 0) if value else 0)
        self.text.setText(f.text)
        for w in widgets:
            w.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        try:
            rows = history.history(self.state.ctx, self.current_filter())
        except Exception as exc:  # noqa: BLE001 - a bad range is shown, not raised
            from desktop_app.domain.errors import LiveOpsError

            if not isinstance(exc, LiveOpsError):
                raise
            self.count_label.setText(exc.text())
            return
        self.model.set_rows(rows, history.roster_names(self.state.ctx))
        header = self.table.horizontalHeader()
        section, order = header.sortIndicatorSection(), header.sortIndicatorOrder()
        # SQL already returns newest first; any other sort the user picked is kept across refreshes.
        if section > 0 or (section == 0 and order == Qt.SortOrder.AscendingOrder):
            self.model.sort(section, order)
        self._update_count()

    def _update_count(self) -> None:
        self.count_label.setText(self.tr("%n session(s)", "", self.model.rowCount()))

    def _on_changes(self, changes) -> None:
        if changes.roster or changes.external:
            self.reload_choices()
        self.refresh()

    def _apply_saved(self, index: int) -> None:
        name = self.saved_combo.itemData(index)
        if name:
            self.set_filter(HistoryFilter.from_json(self.saved.all().get(name, {})))

    def _save_filter(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Save filter"), self.tr("Name:"))
        if ok and name.strip():
            self.saved.save(name.strip(), self.current_filter())
            self.reload_choices()
            self.saved_combo.setCurrentIndex(self.saved_combo.findText(name.strip()))

    def _delete_filter(self) -> None:
        name = self.saved_combo.currentData()
        if name:
            self.saved.delete(name)
            self.reload_choices()

    # -- actions --------------------------------------------------------------------------------
    def selected_ids(self) -> list[str]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.session_id(r) for r in rows]

    def _open_row(self, index: QModelIndex) -> None:
        self.state.session_selected.emit(self.model.session_id(index.row()))

    def open_compare(self) -> None:
        from desktop_app.ui.review.compare import CompareDialog

        try:
            dlg = CompareDialog(self.state, self.selected_ids(), self)
        except Exception as exc:  # noqa: BLE001
            from desktop_app.domain.errors import LiveOpsError

            if isinstance(exc, LiveOpsError):
                show_error(self, exc)
                return
            raise
        dlg.show()
        self._compare = dlg

    def open_trends(self) -> None:
        from desktop_app.ui.review.trends import TrendsDialog

        dlg = TrendsDialog(self.state, self)
        dlg.show()
        self._trends = dlg

    def run_search(self) -> None:
        from desktop_app.domain.errors import LiveOpsError

        self.results.clear()
        try:
            # The filters above narrow the search too, unless the user unticks it.
            within = ({self.model.session_id(r) for r in range(self.model.rowCount())}
                      if self.search_in_list.isChecked() else None)
            hits = history.search(self.state.ctx, self.search_box.text(), limit=200, session_ids=within)
        except LiveOpsError as exc:
            self.search_label.setText(exc.text())
            return
        for h in hits:
            text = " ".join((h["text"] or "").split())[:120]
            when = fmt.local_time(h["ts"], self.model.tz) if h["ts"] else fmt.DASH
            item = QListWidgetItem(f"{when}  [{msg('review.source.' + h['source'])}]  {h['session_title']} — {text}")
            item.setData(Qt.ItemDataRole.UserRole, {**h, "query": self.search_box.text()})
            self.results.addItem(item)
        self.search_label.setText(self.tr("%n hit(s)", "", len(hits)))

    def _open_hit(self, item: QListWidgetItem) -> None:
        hit = item.data(Qt.ItemDataRole.UserRole)
        if not hit:
            return
        self.last_hit = hit
        self.state.session_selected.emit(hit["session_id"])  # the main window opens the session page
        page = getattr(self.window_, "session_page", None)
        if page is not None and page.session_id == hit["session_id"]:
            from desktop_app.ui.review.reveal import reveal_hit

            self.revealed = reveal_hit(page, hit)
