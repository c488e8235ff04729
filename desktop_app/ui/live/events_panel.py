"""Event log panel: hotkey commit + note line, quick entry with kind prefixes, filterable live list."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.enums import EventKind
from desktop_app.domain.models import Event
from desktop_app.domain.quick_entry import parse_quick_entry
from desktop_app.domain.timeutil import local
from desktop_app.services import event_history, event_log
from desktop_app.ui.delivery import theme
from desktop_app.ui.live.charts import KIND_COLORS
from desktop_app.ui.live.hotkeys import kind_label

READABLE_CHARS = 25  # the note text column at least this many average characters wide where it fits
USER_KINDS = [k.value for k in EventKind if k not in (EventKind.SYSTEM,)]


class EventsModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.events: list[Event] = []
        self.tz = "Asia/Shanghai"
        self.headers = ["", "", "", ""]
        self.edited: set[str] = set()
        self.edited_mark = " ✎"

    def set_events(self, events: list[Event], tz: str, edited: set[str] | None = None) -> None:
        self.beginResetModel()
        self.events, self.tz, self.edited = events, tz, edited or set()
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.events)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 4

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        e = self.events[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return local(e.ts_utc, self.tz).strftime("%H:%M:%S")
            if col == 1:
                return kind_label(e.kind.value)
            if col == 2:
                return event_log.display_text(e).replace("\n", " ⏎ ")
            return "✓" if e.internal else ""  # a mark, not a word: the column stays narrow
        if role == Qt.ItemDataRole.ForegroundRole and col == 1:
            return theme.ink(KIND_COLORS.get(e.kind.value, "#495057"))  # readable in the dark theme too
        if role == Qt.ItemDataRole.ToolTipRole:  # the whole note, whichever cell the pointer is on
            text = event_log.display_text(e)
            return text + self.edited_mark if e.id in self.edited else text
        if role == Qt.ItemDataRole.UserRole:
            return e
        return None


class EventFilter(QSortFilterProxyModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.kind: str | None = None
        self.text = ""
        self.visibility = "all"  # all | internal | client | deleted (only deleted events)

    def set_filter(self, kind: str | None, text: str, visibility: str) -> None:
        self.kind, self.text, self.visibility = kind, text.strip().lower(), visibility
        self.invalidate()

    def filterAcceptsRow(self, row: int, parent) -> bool:
        e = self.sourceModel().events[row]
        if e.deleted != (self.visibility == "deleted"):
            return False
        if self.kind and e.kind.value != self.kind:
            return False
        if self.visibility == "internal" and not e.internal:
            return False
        if self.visibility == "client" and e.internal:
            return False
        return not self.text or self.text in event_log.display_text(e).lower()


class EventHistoryDialog(QDialog):
    """An event's versions from the audit trail: when, by whom, each changed field old → new."""

    def __init__(self, ctx, event: Event, tz: str, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("eventHistoryDialog")
        self.setWindowTitle(self.tr("Edit history"))
        self.event_label = QLabel(event_log.display_text(event)[:200])
        self.event_label.setWordWrap(True)
        self.text = QPlainTextEdit()
        self.text.setObjectName("historyText")
        self.text.setReadOnly(True)
        self.text.setPlainText(event_history.history_text(ctx, event.id, tz))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.event_label)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        self.resize(520, 320)


class EventEditDialog(QDialog):
    def __init__(self, event: Event, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("eventEditDialog")
        self.setWindowTitle(self.tr("Edit event"))
        self.kind = QComboBox()
        for k in USER_KINDS:
            self.kind.addItem(kind_label(k), k)
        self.kind.setCurrentIndex(max(0, self.kind.findData(event.kind.value)))
        self.text = QLineEdit(event.text)
        self.text.setObjectName("editText")
        self.internal = QCheckBox(self.tr("Internal (never in client exports)"))
        self.internal.setChecked(event.internal)
        form = QFormLayout()
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Text"), self.text)
        form.addRow("", self.internal)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Edits and deletions are kept in the audit trail.")))
        layout.addWidget(buttons)


class EventsPanel(QWidget):
    """Everything about logging events; the console owns the session and the services context."""

    committed = Signal(object)  # Changes
    failed = Signal(str)

    def __init__(self, console, parent=None) -> None:
        super().__init__(parent)
        self.console = console
        self.pending_note: Event | None = None
        self.title = QLabel()
        self.title.setObjectName("eventsTitle")
        self.hint = QLabel()
        self.hint.setObjectName("hotkeyHint")
        self.hint.setWordWrap(True)
        self.note_label = QLabel()
        self.note_label.setWordWrap(True)  # "Note for … (saved already …)" was wider than the panel
        self.note = QLineEdit()
        self.note.setObjectName("noteEdit")
        self.note.setEnabled(False)
        self.note.returnPressed.connect(self.save_note)
        self.quick = QLineEdit()
        self.quick.setObjectName("quickEntry")
        self.quick.returnPressed.connect(self.submit_quick)
        self.internal = QCheckBox()
        self.internal.setObjectName("internalFlag")
        self.kind_filter = QComboBox()
        self.kind_filter.setObjectName("kindFilter")
        self.text_filter = QLineEdit()
        self.text_filter.setObjectName("textFilter")
        self.vis_filter = QComboBox()
        self.vis_filter.setObjectName("visibilityFilter")
        self.model = EventsModel(self)
        self.proxy = EventFilter(self)
        self.proxy.setSourceModel(self.model)
        self.view = QTableView()
        self.view.setObjectName("eventList")
        self.view.setModel(self.proxy)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        # Fixed widths from the font (set in retranslate), not ResizeToContents: that measures every
        # row on each refresh. The text column takes the rest; its tooltip has the whole note.
        for col in (0, 1, 3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(16)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setWordWrap(False)
        self.view.doubleClicked.connect(lambda _i: self.edit_selected())
        # Follow live: stay at the newest entry unless the user scrolled up to read. Kept as a
        # state, not read off the scroll bar at each reload: a filter that shortens the list and
        # is cleared again leaves the bar at the top of a long list, which stopped following.
        self.following = True
        bar = self.view.verticalScrollBar()
        bar.valueChanged.connect(self._scrolled)
        bar.rangeChanged.connect(self._range_changed)
        self.edit_button = QPushButton()
        self.edit_button.setObjectName("editEvent")
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button = QPushButton()
        self.delete_button.setObjectName("deleteEvent")
        self.delete_button.clicked.connect(self.delete_selected)
        self.history_button = QPushButton()
        self.history_button.setObjectName("eventHistory")
        self.history_button.clicked.connect(self.history_selected)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.vis_filter.currentIndexChanged.connect(self._visibility_changed)
        for w in (self.kind_filter, self.vis_filter):
            w.currentIndexChanged.connect(self._apply_filter)
        self.text_filter.textChanged.connect(self._apply_filter)

        quick_row = QHBoxLayout()
        quick_row.addWidget(self.quick, 1)
        quick_row.addWidget(self.internal)
        filters = QHBoxLayout()
        filters.addWidget(self.kind_filter)
        filters.addWidget(self.vis_filter)
        filters.addWidget(self.text_filter, 1)
        actions = QHBoxLayout()
        actions.addStretch(1)
        actions.addWidget(self.edit_button)
        actions.addWidget(self.delete_button)
        actions.addWidget(self.history_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.hint)
        layout.addLayout(quick_row)
        layout.addWidget(self.note_label)
        layout.addWidget(self.note)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        layout.addLayout(actions)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Events"))
        self.quick.setPlaceholderText(self.tr("Quick entry: g 福袋… / p 过款… / t 投流… / i 事故… / c 违规… / "
                                              "m 里程碑… / ! internal — Enter"))
        self.internal.setText(self.tr("Internal"))
        self.note.setPlaceholderText(self.tr("Press a hotkey, then type a note here (Enter saves, Esc skips)"))
        self.text_filter.setPlaceholderText(self.tr("Filter text"))
        self.edit_button.setText(self.tr("Edit…"))
        self.delete_button.setText(self.tr("Delete"))
        self.history_button.setText(self.tr("Edit history…"))
        self.model.edited_mark = " " + self.tr("✎ (edited)")
        # A short header for the internal flag: the width it saves goes to the note text.
        self.model.headers = [self.tr("Time"), self.tr("Kind"), self.tr("Text"), self.tr("Int.")]
        self._fit_columns()
        current = self.kind_filter.currentData()
        self.kind_filter.blockSignals(True)
        self.kind_filter.clear()
        self.kind_filter.addItem(self.tr("All kinds"), None)
        for k in [*USER_KINDS, "system"]:
            self.kind_filter.addItem(kind_label(k), k)
        self.kind_filter.setCurrentIndex(max(0, self.kind_filter.findData(current)))
        self.kind_filter.blockSignals(False)
        vis = self.vis_filter.currentData()
        self.vis_filter.blockSignals(True)
        self.vis_filter.clear()
        for key, text in (("all", self.tr("All")), ("client", self.tr("Client-visible")),
                          ("internal", self.tr("Internal only")), ("deleted", self.tr("Deleted"))):
            self.vis_filter.addItem(text, key)
        self.vis_filter.setCurrentIndex(max(0, self.vis_filter.findData(vis)))
        self.vis_filter.blockSignals(False)
        self._update_note_label()

    def _fit_columns(self) -> None:
        """Time, kind and the internal mark as wide as their longest text in this language, no wider."""
        fm, header = self.view.fontMetrics(), self.view.horizontalHeader()
        hfm = header.fontMetrics()
        pad = 2 * self.view.style().pixelMetric(self.view.style().PixelMetric.PM_FocusFrameHMargin) + 12
        texts = {0: ["00:00:00"], 1: [kind_label(k) for k in [*USER_KINDS, "system"]], 3: ["✓"]}
        for col, values in texts.items():
            width = max(max(fm.horizontalAdvance(v) for v in values), hfm.horizontalAdvance(self.model.headers[col]))
            header.resizeSection(col, width + pad)

    def readable_width(self) -> int:
        """The panel width at which the text column shows READABLE_CHARS average characters beside
        the fixed columns (the console widens the events panel to this where the screen allows)."""
        header = self.view.horizontalHeader()
        fixed = sum(header.sectionSize(col) for col in (0, 1, 3))
        bar = self.view.verticalScrollBar().sizeHint().width()
        return fixed + READABLE_CHARS * self.view.fontMetrics().averageCharWidth() + bar + 2 * self.view.frameWidth()

    def set_hint(self, bindings: dict[str, str]) -> None:
        # No-break spaces inside a pair: a narrow panel wraps between pairs, never "F4 | Incident".
        self.hint.setText("  ".join(f"{seq} {kind_label(k)}".replace(" ", "\u00a0")
                                    for k, seq in bindings.items() if seq))

    def _apply_filter(self, *_args) -> None:
        self.proxy.set_filter(self.kind_filter.currentData(), self.text_filter.text(), self.vis_filter.currentData())

    def _scrolled(self, value: int) -> None:
        self.following = value >= self.view.verticalScrollBar().maximum() - 2

    def _range_changed(self, _low: int, high: int) -> None:
        if self.following:
            self.view.verticalScrollBar().setValue(high)

    def show_deleted(self) -> bool:
        return self.vis_filter.currentData() == "deleted"

    def _visibility_changed(self, *_args) -> None:
        # Deleted events are loaded only while asked for: the everyday list query stays as it was.
        self.console.reload_events()

    def _context_menu(self, pos) -> None:
        e = self.selected_event()
        if e is None:
            return
        menu = QMenu(self)
        if not e.deleted and e.kind != EventKind.SYSTEM:
            menu.addAction(self.tr("Edit…"), self.edit_selected)
            menu.addAction(self.tr("Delete"), self.delete_selected)
        menu.addAction(self.tr("Edit history…"), self.history_selected)
        menu.popup(self.view.viewport().mapToGlobal(pos))

    def history_selected(self) -> None:
        e = self.selected_event()
        if e is None:
            return
        EventHistoryDialog(self.console.ctx, e, self.model.tz, self).exec()

    def set_events(self, events: list[Event], tz: str, edited: set[str] | None = None) -> None:
        following = self.following
        selected = self.selected_event()
        self.model.set_events(events, tz, edited)
        if selected is not None:
            for row in range(self.proxy.rowCount()):
                if self.proxy.index(row, 0).data(Qt.ItemDataRole.UserRole).id == selected.id:
                    self.view.selectRow(row)
        self.following = following
        if following:  # follow live unless the user scrolled up to read
            self.view.scrollToBottom()

    # -- committing ------------------------------------------------------------------------------
    def commit_hotkey(self, kind: str) -> Event | None:
        """One keystroke → one committed event; then the note line takes the keyboard."""
        self.save_note()
        internal = True if self.internal.isChecked() else None
        event = self.console.log(kind, "", internal=internal, source="hotkey")
        if event is None:
            return None
        self.pending_note = event
        self.note.setEnabled(True)
        self.note.clear()
        self._update_note_label()
        self.note.setFocus(Qt.FocusReason.ShortcutFocusReason)
        return event

    def _update_note_label(self) -> None:
        e = self.pending_note
        if e is None:
            self.note_label.setText(self.tr("Note: press a hotkey first"))
            return
        when = local(e.ts_utc, self.console.tz).strftime("%H:%M:%S")
        self.note_label.setText(self.tr("Note for %1 at %2 (saved already; the note is optional)")
                                .replace("%1", kind_label(e.kind.value)).replace("%2", when))

    def save_note(self) -> None:
        e, text = self.pending_note, self.note.text().strip()
        if e is None:
            return
        if text and not self.console.edit(e.id, text=text):
            return  # the error is shown; keep the note so nothing typed is lost
        self.end_note()

    def end_note(self) -> None:
        self.pending_note = None
        self.note.clear()
        self.note.setEnabled(False)
        self._update_note_label()
        self.quick.setFocus(Qt.FocusReason.OtherFocusReason)

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape and self.pending_note is not None:
            self.end_note()
            return
        super().keyPressEvent(event)

    def submit_quick(self) -> None:
        entry = parse_quick_entry(self.quick.text())
        if entry is None:
            return
        internal = True if (entry.internal or self.internal.isChecked()) else None
        if self.console.log(entry.kind, entry.text, internal=internal, source="manual") is not None:
            self.quick.clear()

    # -- edit / delete ---------------------------------------------------------------------------
    def selected_event(self) -> Event | None:
        rows = self.view.selectionModel().selectedRows() if self.view.selectionModel() else []
        return rows[0].data(Qt.ItemDataRole.UserRole) if rows else None

    def edit_selected(self) -> None:
        e = self.selected_event()
        if e is None or e.kind == EventKind.SYSTEM or e.deleted:
            return
        dialog = EventEditDialog(e, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.console.edit(e.id, text=dialog.text.text(), kind=dialog.kind.currentData(),
                              internal=dialog.internal.isChecked())

    def delete_selected(self) -> None:
        e = self.selected_event()
        if e is None or e.kind == EventKind.SYSTEM or e.deleted:
            return
        answer = QMessageBox.question(self, self.tr("Delete event"),
                                      self.tr("Delete this event? It stays in the audit trail."))
        if answer == QMessageBox.StandardButton.Yes:
            self.console.delete(e.id)
