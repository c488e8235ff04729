"""The 复盘 review area of a session (Post tab): settlement, 人/货/场 fields, STEPS stage,
action items, internal notes and the sign-off buttons. Typing autosaves as a draft."""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.enums import SessionStatus
from desktop_app.domain.errors import LiveOpsError
from desktop_app.domain.review import ALWAYS_INTERNAL, GROUPS, REVIEW_FIELDS, SETTLEMENT_KEYS, STEPS_STAGES
from desktop_app.messages import msg
from desktop_app.services import review
from desktop_app.services.lifecycle import get as get_session
from desktop_app.ui import format as fmt
from desktop_app.ui.errors import show_error
from desktop_app.ui.i18n import Retranslating
from desktop_app.ui.state import AppState

AUTOSAVE_MS = 800
LABEL_WIDTH = 190


class ReviewPanel(Retranslating, QWidget):
    def __init__(self, state: AppState, parent=None) -> None:
        super().__init__(parent)
        self.state = state
        self.session_id: str | None = None
        self.currency = "CNY"
        self._loading = False
        self.dirty = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(AUTOSAVE_MS)
        self.timer.timeout.connect(self.save_now)
        self._build()
        self.retranslate()
        state.workspace_changed.connect(self._on_changes)
        state.actor_changed.connect(self._on_actor_changed)
        self.set_session(None)

    # -- layout ---------------------------------------------------------------------------------
    def _build(self) -> None:
        self.status_label = QLabel()
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.comment_label = QLabel()
        self.comment_label.setWordWrap(True)
        self.saved_label = QLabel()
        self.submit_btn, self.approve_btn, self.return_btn = QPushButton(), QPushButton(), QPushButton()
        self.submit_btn.clicked.connect(lambda: self._act(review.submit))
        self.approve_btn.clicked.connect(lambda: self._act(review.approve))
        self.return_btn.clicked.connect(self._return)
        head = QHBoxLayout()
        for w in (self.status_label, self.saved_label):
            head.addWidget(w)
        head.addStretch(1)
        for w in (self.submit_btn, self.approve_btn, self.return_btn):
            head.addWidget(w)

        self.settle_box = QGroupBox()
        grid = QGridLayout(self.settle_box)
        self.settle_inputs: dict[str, QLineEdit] = {}
        self.settle_labels: dict[str, tuple[QLabel, QLabel, QLabel]] = {}
        self.head_labels = (QLabel(), QLabel(), QLabel(), QLabel())
        for c, lab in enumerate(self.head_labels):
            grid.addWidget(lab, 0, c)
        for r, key in enumerate(SETTLEMENT_KEYS, start=1):
            name, prov, settled = QLabel(), QLabel(), QLabel()
            edit = QLineEdit()
            edit.setMaximumWidth(140)
            self.settle_inputs[key] = edit
            self.settle_labels[key] = (name, prov, settled)
            for c, w in enumerate((name, prov, settled, edit)):
                grid.addWidget(w, r, c)
        self.as_of = QDateEdit()
        self.as_of.setCalendarPopup(True)
        self.as_of.setDisplayFormat("yyyy-MM-dd")
        self.as_of_label = QLabel()
        self.settle_btn = QPushButton()
        self.settle_btn.clicked.connect(self._settle)
        row = len(SETTLEMENT_KEYS) + 1
        grid.addWidget(self.as_of_label, row, 0)
        grid.addWidget(self.as_of, row, 1)
        grid.addWidget(self.settle_btn, row, 3)

        self.field_edits: dict[str, QPlainTextEdit | QComboBox] = {}
        self.field_labels: dict[str, QLabel] = {}
        self.visible_boxes: dict[str, QCheckBox] = {}
        self.group_boxes: dict[str, QGroupBox] = {}
        fields_w = QWidget()
        fields_l = QVBoxLayout(fields_w)
        for group in GROUPS:
            box = QGroupBox()
            form = QFormLayout(box)
            self.group_boxes[group] = box
            for f in (f for f in REVIEW_FIELDS if f.group == group):
                label = QLabel()
                label.setMinimumWidth(LABEL_WIDTH)  # one label column across the 人/货/场 boxes
                label.setWordWrap(True)
                self.field_labels[f.key] = label
                if f.kind == "choice":
                    edit = QComboBox()
                    edit.currentIndexChanged.connect(self._changed)
                else:
                    edit = QPlainTextEdit()
                    edit.setFixedHeight(64)
                    edit.textChanged.connect(self._changed)
                self.field_edits[f.key] = edit
                visible = QCheckBox()
                visible.setChecked(f.client_facing)
                visible.setEnabled(f.key not in ALWAYS_INTERNAL)
                visible.toggled.connect(self._changed)
                self.visible_boxes[f.key] = visible
                line = QHBoxLayout()
                line.addWidget(edit, 1)
                line.addWidget(visible)
                form.addRow(label, line)
            fields_l.addWidget(box)

        self.actions_box = QGroupBox()
        al = QVBoxLayout(self.actions_box)
        self.actions = QTableWidget(0, 5)
        self.actions.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.actions.setMinimumHeight(120)
        self.actions.itemChanged.connect(self._action_done_toggled)
        self.action_text, self.action_owner = QLineEdit(), QLineEdit()
        self.action_due = QDateEdit()
        self.action_due.setCalendarPopup(True)
        self.action_due.setDisplayFormat("yyyy-MM-dd")
        self.action_visible = QCheckBox()
        self.add_action_btn, self.remove_action_btn = QPushButton(), QPushButton()
        self.add_action_btn.clicked.connect(self._add_action)
        self.action_text.returnPressed.connect(self._add_action)
        self.remove_action_btn.clicked.connect(self._remove_action)
        arow = QHBoxLayout()
        for w in (self.action_text, self.action_owner, self.action_due, self.action_visible, self.add_action_btn,
                  self.remove_action_btn):
            arow.addWidget(w)
        self.action_text.setMinimumWidth(220)
        al.addWidget(self.actions)
        al.addLayout(arow)

        body = QWidget()
        bl = QVBoxLayout(body)
        bl.addWidget(self.comment_label)
        bl.addWidget(self.settle_box)
        bl.addWidget(fields_w)
        bl.addWidget(self.actions_box)
        bl.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        self.scroll = scroll
        self.note_label = QLabel()
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.note_label)
        layout.addWidget(scroll)

    def retranslate(self) -> None:
        self.submit_btn.setText(self.tr("Submit for sign-off"))
        self.approve_btn.setText(self.tr("Approve"))
        self.return_btn.setText(self.tr("Return…"))
        self.settle_box.setTitle(self.tr("Settlement (platform final numbers)"))
        for lab, text in zip(self.head_labels, (self.tr("Metric"), self.tr("Real-time (provisional)"),
                                                self.tr("Settled"), self.tr("Enter settled value")), strict=True):
            lab.setText(text)
        self.as_of_label.setText(self.tr("As of"))
        self.settle_btn.setText(self.tr("Record settlement"))
        for key, (name, _p, _s) in self.settle_labels.items():
            name.setText(msg(f"metric.{key}"))
        for group, box in self.group_boxes.items():
            box.setTitle(msg(f"review.group.{group}"))
        for key, label in self.field_labels.items():
            label.setText(msg(f"review.field.{key}"))
        for key, box in self.visible_boxes.items():
            box.setText(self.tr("Client-facing") if key not in ALWAYS_INTERNAL else self.tr("Internal only"))
        steps = self.field_edits["steps_stage"]
        current = steps.currentData()
        steps.blockSignals(True)
        steps.clear()
        steps.addItem(fmt.DASH, "")
        for s in STEPS_STAGES:
            steps.addItem(msg(f"review.steps.{s}"), s)
        steps.setCurrentIndex(max(steps.findData(current), 0))
        steps.blockSignals(False)
        self.actions_box.setTitle(self.tr("Action items (carried into the anchor's next session)"))
        self.actions.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Owner"), self.tr("Due"),
                                                self.tr("Client-facing"), self.tr("Done")])
        self.action_text.setPlaceholderText(self.tr("New action item"))
        self.action_owner.setPlaceholderText(self.tr("Owner"))
        self.action_visible.setText(self.tr("Client-facing"))
        self.add_action_btn.setText(self.tr("Add"))
        self.remove_action_btn.setText(self.tr("Remove"))
        view = getattr(self, "view", None)  # relabel from what is loaded; no database access here
        if view is not None:
            self._show_status(view)

    # -- session --------------------------------------------------------------------------------
    def set_session(self, session_id: str | None) -> None:
        if session_id != self.session_id:
            self.save_now()
        self.session_id = session_id
        self.reload()

    def reload(self) -> None:
        enabled = False
        if self.session_id:
            s = get_session(self.state.ctx, self.session_id)
            self.currency, self.tz = s.currency, s.timezone
            enabled = s.status in (SessionStatus.POST, SessionStatus.CLOSED)
            self.note_label.setText("" if enabled else self.tr("The review opens once the broadcast has ended."))
            if enabled:
                self._load(s)
        else:
            self.note_label.setText(self.tr("No session selected."))
        for w in (self.settle_box, self.actions_box, *self.group_boxes.values(), self.submit_btn, self.approve_btn,
                  self.return_btn):
            w.setEnabled(enabled)
        self._update_buttons()

    def _load(self, s) -> None:
        view = review.get_review(self.state.ctx, s.id)
        self._loading = True
        try:
            for key, edit in self.field_edits.items():
                value = view.content.values.get(key, "")
                if isinstance(edit, QComboBox):
                    edit.setCurrentIndex(max(edit.findData(value), 0))
                elif edit.toPlainText() != value:
                    edit.setPlainText(value)
                self.visible_boxes[key].setChecked(view.content.is_client_facing(key))
            self._fill_settlement(s)
            self._fill_actions(view.actions)
            start = s.on_air_utc or s.scheduled_start_utc
            if start:  # the session's local date (display text is locale-formatted: not parsed back)
                day = start.astimezone(ZoneInfo(s.timezone)).date()
                self.action_due.setMinimumDate(QDate(day.year, day.month, day.day))
                self.action_due.setDate(QDate(day.year, day.month, day.day).addDays(2))
            today = self.state.ctx.now().date()
            self.as_of.setDate(QDate(today.year, today.month, today.day))
        finally:
            self._loading = False
        self.dirty = False
        self.view = view
        self._names = {r[0]: r[1] for r in self.state.ctx.ws.query("SELECT id, name FROM people")}
        self._show_status(view)
        self.comment_label.setText(self.tr("Returned by the lead: %1").replace("%1", view.return_comment)
                                   if view.return_comment else "")
        self.comment_label.setVisible(bool(view.return_comment))

    def _fill_settlement(self, s) -> None:
        values = review.provisional_and_settled(self.state.ctx, s.id)
        for key, (_name, prov, settled) in self.settle_labels.items():
            v = values[key]
            prov.setText(fmt.metric_value(key, v["provisional"], s.currency))
            settled.setText(fmt.metric_value(key, v["settled"], s.currency)
                            + (f"  ({v['as_of']})" if v["as_of"] else ""))

    def _fill_actions(self, actions) -> None:
        self.actions.blockSignals(True)
        self.actions.setRowCount(len(actions))
        for r, a in enumerate(actions):
            cells = (a.text, a.owner or fmt.DASH, a.due_date.isoformat() if a.due_date else fmt.DASH,
                     self.tr("yes") if a.client_visible else self.tr("no"))
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                item.setData(Qt.ItemDataRole.UserRole, a.id)
                self.actions.setItem(r, c, item)
            done = QTableWidgetItem()
            done.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            done.setCheckState(Qt.CheckState.Checked if a.done else Qt.CheckState.Unchecked)
            done.setData(Qt.ItemDataRole.UserRole, a.id)
            self.actions.setItem(r, 4, done)
        self.actions.blockSignals(False)

    def _show_status(self, view) -> None:
        """Sign-off state with who did what when (every entry records its author)."""
        names = getattr(self, "_names", {})
        text = self.tr("Sign-off: %1").replace("%1", msg(f"signoff.{view.signoff}"))
        tz = getattr(self, "tz", "Asia/Shanghai")
        if str(view.status) == "approved" and view.approved_by and view.approved_at:
            text += "  ·  " + self.tr("approved by %1 at %2").replace(
                "%1", names.get(view.approved_by, "?")).replace("%2", fmt.local_time(view.approved_at, tz))
        elif view.submitted_by and view.submitted_at:
            text += "  ·  " + self.tr("submitted by %1 at %2").replace(
                "%1", names.get(view.submitted_by, "?")).replace("%2", fmt.local_time(view.submitted_at, tz))
        if str(view.signoff) == "outdated":
            text += "  ·  " + self.tr("a lead must approve again")
        self.status_label.setText(text)

    def _on_actor_changed(self, _person) -> None:
        self.save_now()  # the typed text is kept, then buttons follow the new person's role
        self.reload()

    def _actor_is_lead(self) -> bool:
        actor = self.state.ctx.actor_id
        row = self.state.ctx.ws.query_one("SELECT role FROM people WHERE id = ?", (actor,)) if actor else None
        return row is not None and row[0] == "lead"

    def _update_buttons(self) -> None:
        view = getattr(self, "view", None)
        sign = str(view.signoff) if view and self.session_id else "none"
        self.submit_btn.setEnabled(self.submit_btn.isEnabled() and sign in ("draft", "returned", "outdated"))
        can_decide = sign in ("submitted", "outdated") and self.session_id is not None
        lead = can_decide and self._actor_is_lead()
        self.approve_btn.setEnabled(self.approve_btn.isEnabled() and lead)
        self.return_btn.setEnabled(self.return_btn.isEnabled() and lead)
        tip = self.tr("Only a person with the lead role approves or returns a review.") if can_decide and not lead \
            else ""
        self.approve_btn.setToolTip(tip)
        self.return_btn.setToolTip(tip)

    # -- autosave -------------------------------------------------------------------------------
    def _changed(self, *_args) -> None:
        if self._loading or not self.session_id:
            return
        self.dirty = True
        self.saved_label.setText(self.tr("Editing…"))
        self.timer.start()

    def values(self) -> tuple[dict[str, str], dict[str, bool]]:
        values = {}
        for key, edit in self.field_edits.items():
            values[key] = edit.currentData() or "" if isinstance(edit, QComboBox) else edit.toPlainText()
        visible = {key: box.isChecked() for key, box in self.visible_boxes.items()}
        return values, visible

    def save_now(self) -> bool:
        """Write the draft now (debounce timer, session switch, hide, close). True when saved."""
        self.timer.stop()
        if not self.dirty or not self.session_id:
            return True
        values, visible = self.values()
        try:
            changes = review.save_draft(self.state.ctx, self.session_id, values, visible)
        except LiveOpsError as exc:
            self.saved_label.setText(exc.text())
            return False
        self.dirty = False
        self.saved_label.setText(self.tr("Draft saved %1").replace(
            "%1", fmt.local_time(self.state.ctx.now(), "Asia/Shanghai", "%H:%M:%S")))
        self._emit(changes)
        return True

    def _emit(self, changes) -> None:
        self._loading = True  # our own change: refresh labels, never overwrite what is being typed
        try:
            self.state.emit_changes(changes)
        finally:
            self._loading = False

    def hideEvent(self, event) -> None:
        self.save_now()
        super().hideEvent(event)

    def closeEvent(self, event) -> None:
        self.save_now()
        super().closeEvent(event)

    def _on_changes(self, changes) -> None:
        if self._loading or self.dirty or not self.session_id:
            if self.session_id and (self.session_id in changes.reviews or self.session_id in changes.samples):
                view = review.get_review(self.state.ctx, self.session_id)
                self.view = view
                self._show_status(view)
                self._update_buttons()
            return
        if changes.external or self.session_id in (changes.reviews | changes.samples | changes.sessions
                                                   | changes.events | changes.checklists):
            self.reload()

    # -- showing a search hit -------------------------------------------------------------------
    def reveal_field(self, key: str | None, query: str = "") -> QWidget:
        """Scroll to the review field (or the lead's return comment) a search hit is in and
        select the searched words in it; returns the widget now shown."""
        from desktop_app.ui.review.reveal import select_terms

        target: QWidget = self.comment_label if key == "return_comment" else self.field_edits.get(key or "")
        if target is None:
            target = self.group_boxes[GROUPS[0]]
        self.scroll.ensureWidgetVisible(target, 20, 40)
        if target is not self.comment_label:
            target.setFocus(Qt.FocusReason.OtherFocusReason)
            select_terms(target, query)
        return target

    def reveal_action(self, action_id: str) -> QWidget | None:
        for row in range(self.actions.rowCount()):
            item = self.actions.item(row, 0)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == action_id:
                self.actions.selectRow(row)
                self.actions.scrollToItem(item)
                self.scroll.ensureWidgetVisible(self.actions_box, 20, 40)
                self.actions.setFocus(Qt.FocusReason.OtherFocusReason)
                return self.actions
        return None

    # -- actions --------------------------------------------------------------------------------
    def _act(self, fn, *args) -> None:
        if not self.save_now():
            return
        try:
            changes = fn(self.state.ctx, self.session_id, *args)
        except LiveOpsError as exc:
            show_error(self, exc)
            return
        self.state.emit_changes(changes)
        self.reload()

    def _return(self) -> None:
        comment, ok = QInputDialog.getMultiLineText(self, self.tr("Return the review"),
                                                    self.tr("What should the specialist change?"))
        if ok:
            self._act(review.return_review, comment)

    def _settle(self) -> None:
        values = {k: e.text() for k, e in self.settle_inputs.items() if e.text().strip()}
        q = self.as_of.date()
        try:
            result = review.settle(self.state.ctx, self.session_id, values, as_of=date(q.year(), q.month(), q.day()))
        except LiveOpsError as exc:
            show_error(self, exc)
            return
        for e in self.settle_inputs.values():
            e.clear()
        self.state.emit_changes(result.changes)
        self.reload()

    def _add_action(self) -> None:
        if not self.session_id:
            return
        q = self.action_due.date()
        try:
            _item, changes = review.add_action(self.state.ctx, self.session_id, self.action_text.text(),
                                               owner=self.action_owner.text(),
                                               due=date(q.year(), q.month(), q.day()),
                                               client_visible=self.action_visible.isChecked())
        except LiveOpsError as exc:
            show_error(self, exc)
            return
        self.action_text.clear()
        self.state.emit_changes(changes)
        self.reload()

    def _remove_action(self) -> None:
        rows = sorted({i.row() for i in self.actions.selectedIndexes()})
        for r in rows:
            action_id = self.actions.item(r, 0).data(Qt.ItemDataRole.UserRole)
            try:
                self.state.emit_changes(review.delete_action(self.state.ctx, action_id))
            except LiveOpsError as exc:
                show_error(self, exc)
                return
        self.reload()

    def _action_done_toggled(self, item: QTableWidgetItem) -> None:
        if item.column() != 4:
            return
        done = item.checkState() == Qt.CheckState.Checked
        try:
            self.state.emit_changes(review.update_action(self.state.ctx, item.data(Qt.ItemDataRole.UserRole),
                                                         done=done))
        except LiveOpsError as exc:
            show_error(self, exc)
