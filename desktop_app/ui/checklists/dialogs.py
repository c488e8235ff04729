"""Tick a run with its values (a typed editor per field), skip with a reason, add an ad-hoc item."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QDoubleValidator, QIntValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.checklists import field_display, item_text
from desktop_app.domain.enums import FieldType, Phase
from desktop_app.domain.models import FieldSpec
from desktop_app.domain.money import to_major
from desktop_app.messages import msg
from desktop_app.services import checklists as engine
from desktop_app.ui.dialogs import FormDialog, ReasonDialog, from_qdatetime, set_zoned
from desktop_app.ui.state import AppState

ERROR_STYLE = "border: 1px solid #c0392b;"
SCROLL_AFTER_PRODUCTS = 8


class FileEditor(QWidget):
    """A file field: choose a file; it is stored in the workspace when the tick is saved."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.path: Path | None = None
        self.existing: str | None = None
        self.button = QPushButton(self.tr("Choose file…"))
        self.label = QLabel(self.tr("No file"))
        self.button.clicked.connect(self.choose)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.button)
        layout.addWidget(self.label, 1)

    def choose(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a file"))
        if name:
            self.set_path(Path(name))

    def set_path(self, path: Path) -> None:
        self.path = path
        self.label.setText(path.name)


def field_hint(spec: FieldSpec) -> str:
    """Unit and range as shown beside an input: "件  0–500"."""
    hints = [spec.unit or ""]
    if spec.min is not None or spec.max is not None:
        hints.append(f"{'' if spec.min is None else spec.min}–{'' if spec.max is None else spec.max}")
    return " ".join(h for h in hints if h)


def check_inline(spec: FieldSpec, edit: QLineEdit, currency: str, message: QLabel | None = None) -> bool:
    """Parse the typed text as the service will (same catalog message), mark the input red when
    it would be refused; blank is fine (not recorded)."""
    from desktop_app.domain.checklists import parse_field_value
    from desktop_app.domain.errors import LiveOpsError

    single = replace(spec, per_product=False)
    try:
        parse_field_value(single, edit.text(), currency)
    except LiveOpsError as exc:
        edit.setStyleSheet(ERROR_STYLE)
        edit.setToolTip(exc.text())
        if message is not None:
            message.setText(exc.text())
            message.show()
        return False
    edit.setStyleSheet("")
    edit.setToolTip("")
    if message is not None:
        message.hide()
    return True


class PerProductEditor(QWidget):
    """A per-product field (e.g. stock per SKU): one input per product of the session, each with
    the field's unit and range, checked as you type."""

    def __init__(self, spec: FieldSpec, products: list[tuple[str, str]], value: Any, currency: str,
                 parent=None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.currency = currency
        self.inputs: dict[str, QLineEdit] = {}
        self.messages: dict[str, QLabel] = {}
        inner = QWidget()
        grid = QGridLayout(inner)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setColumnStretch(0, 1)
        known = value if isinstance(value, dict) else {}
        for row, (pid, name) in enumerate(products):
            label = QLabel(name)
            label.setWordWrap(True)
            edit = make_line_edit(replace(spec, per_product=False), known.get(pid), currency)
            edit.setObjectName(f"field_{spec.id}__{pid}")
            edit.setMaximumWidth(140)
            unit = QLabel(spec.unit or "")
            message = QLabel()
            message.setObjectName(f"fieldError_{spec.id}__{pid}")
            message.setStyleSheet("color: #c0392b;")
            message.hide()  # one short line; no word wrap, so its height is exact
            edit.textChanged.connect(lambda _t, e=edit, m=message: self._checked(e, m))
            grid.addWidget(label, 2 * row, 0)
            grid.addWidget(edit, 2 * row, 1)
            grid.addWidget(unit, 2 * row, 2)
            grid.addWidget(message, 2 * row + 1, 0, 1, 3)
            self.inputs[pid] = edit
            self.messages[pid] = message
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        if len(products) <= SCROLL_AFTER_PRODUCTS:
            layout.addWidget(inner)  # all rows visible; the dialog grows with inline messages
            return
        scroll = QScrollArea()  # a 30-SKU run sheet scrolls inside the dialog
        scroll.setWidget(inner)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setMinimumHeight(300)
        layout.addWidget(scroll)

    def _single(self) -> FieldSpec:
        return replace(self.spec, per_product=False)

    def _checked(self, edit: QLineEdit, message: QLabel) -> None:
        check_inline(self._single(), edit, self.currency, message)
        dialog = self.window()
        if dialog is not None and dialog is not self:  # room for the message line that came or went
            dialog.layout().activate()
            dialog.resize(dialog.width(), max(dialog.height(), dialog.sizeHint().height()))

    def value(self) -> dict[str, str]:
        return {pid: e.text() for pid, e in self.inputs.items() if e.text().strip()}

    def check(self) -> bool:
        ok = True
        for pid, edit in self.inputs.items():
            ok = check_inline(self._single(), edit, self.currency, self.messages[pid]) and ok
        return ok


def make_line_edit(spec: FieldSpec, value: Any, currency: str) -> QLineEdit:
    """A numeric or one-line text input with the field's validator and a unit/range hint."""
    kind = spec.type
    edit = QLineEdit()
    if kind == FieldType.INT:
        edit.setValidator(QIntValidator(int(spec.min) if spec.min is not None else -2_000_000_000,
                                        int(spec.max) if spec.max is not None else 2_000_000_000, edit))
    elif kind in (FieldType.NUMBER, FieldType.MONEY):
        validator = QDoubleValidator(edit)
        validator.setNotation(QDoubleValidator.Notation.StandardNotation)
        if spec.min is not None:
            validator.setBottom(float(spec.min))
        if spec.max is not None:
            validator.setTop(float(spec.max))
        if kind == FieldType.NUMBER:
            edit.setValidator(validator)  # money also accepts "1.2万" and "¥5,000", parsed by the service
    edit.setPlaceholderText(field_hint(spec))
    if value is not None and not isinstance(value, dict):
        shown = to_major(value, currency) if kind == FieldType.MONEY else value
        edit.setText(str(shown))
    return edit


def make_editor(spec: FieldSpec, value: Any, currency: str,
                products: list[tuple[str, str]] | None = None) -> QWidget:
    """The editor for one field type; numbers stay text so "1.2万" and blanks are possible."""
    kind = spec.type
    if kind == FieldType.BOOL:
        box = QComboBox()
        box.addItem("—", None)
        box.addItem(msg("checklist.value.yes"), True)
        box.addItem(msg("checklist.value.no"), False)
        box.setCurrentIndex({None: 0, True: 1, False: 2}.get(value, 0))
        return box
    if kind == FieldType.ENUM:
        box = QComboBox()
        box.addItem("—", None)
        for choice in spec.choices:
            label = msg(f"subtype.{choice}")
            box.addItem(choice if label == f"subtype.{choice}" else f"{label} ({choice})", choice)
        if value in spec.choices:
            box.setCurrentIndex(list(spec.choices).index(value) + 1)
        return box
    if kind == FieldType.FILE:
        editor = FileEditor()
        if value:
            editor.existing = str(value)
            editor.label.setText(msg("checklist.value.attachment"))
        return editor
    if kind == FieldType.TEXT and spec.id in ("resolution", "summary", "notes"):
        edit = QPlainTextEdit(str(value or ""))
        edit.setFixedHeight(60)
        return edit
    if spec.per_product and products:
        return PerProductEditor(spec, products, value, currency)
    edit = make_line_edit(spec, value, currency)
    if kind in (FieldType.INT, FieldType.NUMBER, FieldType.MONEY):
        edit.textChanged.connect(lambda _t: check_inline(spec, edit, currency))
    return edit


def editor_value(editor: QWidget) -> Any:
    if isinstance(editor, PerProductEditor):
        return editor.value()
    if isinstance(editor, QComboBox):
        return editor.currentData()
    if isinstance(editor, FileEditor):
        return editor.existing
    if isinstance(editor, QPlainTextEdit):
        return editor.toPlainText()
    if isinstance(editor, QLineEdit):
        return editor.text()
    return None


class TickDialog(FormDialog):
    """Record a run as done, with who (the acting person), when (now) and its values."""

    def __init__(self, state: AppState, view: engine.RunView, currency: str, parent=None) -> None:
        super().__init__(state, parent)
        self.setObjectName("tickDialog")
        self.view = view
        self.currency = currency
        self.setWindowTitle(self.tr("Tick checklist item"))
        text = QLabel(item_text(view.item))
        text.setWordWrap(True)
        text.setObjectName("tickItemText")
        self.form.addRow(text)
        self.editors: dict[str, QWidget] = {}
        products = engine.session_products(state.ctx, view.run.session_id)
        for spec in view.item.fields:
            editor = make_editor(spec, view.run.values.get(spec.id), currency, products)
            editor.setObjectName(f"field_{spec.id}")
            self.editors[spec.id] = editor
            label = field_display(spec) + (self.tr(" (%1)").replace("%1", spec.unit) if spec.unit else "")
            if isinstance(editor, PerProductEditor):
                label += "\n" + self.tr("per product")
            elif spec.per_product:
                label += "\n" + self.tr("whole session (no products yet)")
            self.form.addRow(label, editor)
        self.note = QLineEdit(view.run.note or "")
        self.note.setObjectName("tickNote")
        self.form.addRow(self.tr("Note"), self.note)
        self.setMinimumWidth(560 if any(isinstance(e, PerProductEditor) for e in self.editors.values()) else 460)

    def show_error(self, text: str) -> None:
        super().show_error(text)
        # The error line adds height; grow so the wrapped item text at the top is never cut off.
        self.layout().activate()
        self.resize(self.width(), max(self.height(), self.sizeHint().height()))

    def values(self) -> dict[str, Any]:
        return {fid: editor_value(e) for fid, e in self.editors.items()}

    def submit(self):
        for e in self.editors.values():
            if not isinstance(e, PerProductEditor):
                e.setStyleSheet("")
        ctx = self.state.ctx
        for editor in self.editors.values():
            if isinstance(editor, PerProductEditor):
                editor.check()  # each refused product row says why; the service names the first
        try:
            with ctx.ws.write():  # the attachment and the tick are saved together or not at all
                values = self.values()
                for fid, editor in self.editors.items():
                    if isinstance(editor, FileEditor) and editor.path is not None:
                        values[fid] = engine.add_attachment(ctx, self.view.run.session_id, editor.path)
                return engine.do_run(ctx, self.view.run.id, values, note=self.note.text())
        except Exception as exc:
            field = getattr(exc, "field", None)
            if field in self.editors and not isinstance(self.editors[field], PerProductEditor):
                self.editors[field].setStyleSheet(ERROR_STYLE)
            raise


def skip_dialog(state: AppState, view: engine.RunView, parent=None) -> ReasonDialog:
    title = QCoreApplication.translate("SkipDialog", "Skip checklist item")
    dialog = ReasonDialog(state, title, item_text(view.item),
                          lambda reason: engine.skip_run(state.ctx, view.run.id, reason), parent)
    dialog.setObjectName("skipDialog")
    for label in dialog.findChildren(QLabel):
        label.setWordWrap(True)  # a long item text wraps instead of widening the dialog off screen
    dialog.setMinimumWidth(460)
    dialog.reason.setPlaceholderText(QCoreApplication.translate(
        "SkipDialog", "Why this item does not apply (shown on the session timeline)"))
    return dialog


class AdhocDialog(FormDialog):
    """An item for this session only."""

    def __init__(self, state: AppState, session, phase: Phase, parent=None) -> None:
        super().__init__(state, parent)
        self.setObjectName("adhocDialog")
        self.session = session
        self.phase = phase
        self.setWindowTitle(self.tr("Add an item to this session"))
        self.text = QLineEdit()
        self.text.setObjectName("adhocText")
        self.required = QCheckBox(self.tr("Required"))
        self.required.setObjectName("adhocRequired")
        self.due = QDateTimeEdit()
        self.due.setObjectName("adhocDue")
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("yyyy-MM-dd HH:mm")
        default = state.ctx.now() + timedelta(minutes=30)
        if phase == Phase.PRE and session.scheduled_start_utc:
            default = min(default, session.scheduled_start_utc)
        set_zoned(self.due, default, session.timezone)
        self.every = QSpinBox()
        self.every.setObjectName("adhocEvery")
        self.every.setRange(0, 240)
        self.every.setSuffix(self.tr(" min"))
        self.every.setSpecialValueText(self.tr("once"))
        self.form.addRow(self.tr("Text"), self.text)
        self.form.addRow("", self.required)
        if phase == Phase.POST and session.off_air_utc is None:
            self.form.addRow(QLabel(self.tr("Due when the broadcast ends.")))
        else:
            self.form.addRow(self.tr("Due (%1)").replace("%1", session.timezone), self.due)
        if phase == Phase.LIVE:
            self.form.addRow(self.tr("Repeat every"), self.every)
        self.setMinimumWidth(420)

    def submit(self):
        every = self.every.value() or None
        due = None
        if not (self.phase == Phase.POST and self.session.off_air_utc is None) and not every:
            due = from_qdatetime(self.due.dateTime())
        _item, changes = engine.add_adhoc_item(self.state.ctx, self.session.id, text=self.text.text(),
                                               phase=self.phase, required=self.required.isChecked(), due_at=due,
                                               every_minutes=every)
        return changes

