"""Template editor page: pick a template, add / edit / reorder / retire items, save as a new
version, export and import JSON. Problems (from saving or importing) are listed per item."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.checklist_templates import TemplateProblem, TemplateRejected, validate_items
from desktop_app.domain.checklists import item_text
from desktop_app.domain.enums import EventKind, FieldType, OwnerRole, Phase, TriggerKind
from desktop_app.domain.errors import LiveOpsError
from desktop_app.domain.models import FieldSpec, TemplateItem, Trigger
from desktop_app.messages import current_language, msg
from desktop_app.services import checklist_templates as templates
from desktop_app.ui.delivery import theme
from desktop_app.ui.errors import show_error
from desktop_app.ui.i18n import Retranslating
from desktop_app.ui.models import Column, RowsModel
from desktop_app.ui.state import AppState

FIELD_COLUMNS = ("id", "label_zh", "label_en", "type", "unit", "min", "max", "choices", "metric", "target",
                 "per_product")
translate = QCoreApplication.translate


def trigger_text(t: Trigger, phase: Phase | str | None = None) -> str:
    """T−1d / E+24h (default_checklists.md notation: T planned start, E actual end), every 5 min, on an event."""
    if t.kind == TriggerKind.OFFSET:
        m = t.minutes or 0
        base = "E" if str(phase) == Phase.POST else "T"
        sign = "+" if m >= 0 else "−"
        m = abs(m)
        if m and m % 1440 == 0:
            amount = translate("TriggerText", "%1d").replace("%1", str(m // 1440))
        elif m and m % 60 == 0:
            amount = translate("TriggerText", "%1h").replace("%1", str(m // 60))
        else:
            amount = translate("TriggerText", "%1 min").replace("%1", str(m))
        return f"{base}{sign}{amount}"
    if t.kind == TriggerKind.RECURRENCE:
        return "↻ " + translate("TriggerText", "every %1 min").replace("%1", str(t.every_minutes))
    return f"⚡ {msg('event_kind.' + str(t.event_kind))}" + (
        f" / {msg('subtype.' + t.subtype) if msg('subtype.' + t.subtype) != 'subtype.' + t.subtype else t.subtype}"
        if t.subtype else "")


def field_headers() -> list[str]:
    return [translate("ItemDialog", "Field id"), translate("ItemDialog", "Label (Chinese)"),
            translate("ItemDialog", "Label (English)"), translate("ItemDialog", "Type"),
            translate("ItemDialog", "Unit"), translate("ItemDialog", "Min"), translate("ItemDialog", "Max"),
            translate("ItemDialog", "Choices"), translate("ItemDialog", "Metric key"),
            translate("ItemDialog", "Target of"), translate("ItemDialog", "Per product")]


class ItemDialog(QDialog):
    """Edit one item: texts, phase, trigger, required, owner, client-visible, value fields."""

    def __init__(self, item: TemplateItem, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("itemDialog")
        self.setWindowTitle(self.tr("Checklist item"))
        self.item = item
        self.key = QLineEdit(item.key)
        self.key.setObjectName("itemKey")
        self.phase = QComboBox()
        self.phase.setObjectName("itemPhase")
        for p in Phase:
            self.phase.addItem(msg(f"phase.{p}"), str(p))
        self.phase.setCurrentIndex(list(Phase).index(item.phase))
        self.text_zh = QPlainTextEdit(item.text_zh)
        self.text_zh.setObjectName("itemTextZh")
        self.text_en = QPlainTextEdit(item.text_en)
        self.text_en.setObjectName("itemTextEn")
        for t in (self.text_zh, self.text_en):
            t.setFixedHeight(56)
        self.trigger_kind = QComboBox()
        self.trigger_kind.setObjectName("itemTriggerKind")
        self.offset = QSpinBox()
        self.offset.setObjectName("itemOffset")
        self.offset.setRange(-60 * 1440, 60 * 1440)  # the service reports anything beyond 30 days
        self.offset.setSuffix(self.tr(" min"))
        self.every = QSpinBox()
        self.every.setObjectName("itemEvery")
        self.every.setRange(-1000, 24 * 60)
        self.every.setSuffix(self.tr(" min"))
        self.event_kind = QComboBox()
        self.event_kind.setObjectName("itemEventKind")
        for k in EventKind:
            if k != EventKind.SYSTEM:
                self.event_kind.addItem(msg(f"event_kind.{k}"), str(k))
        self.subtype = QLineEdit(item.trigger.subtype or "")
        self.trigger_stack = QStackedWidget()
        for w in (self.offset, self.every, self._event_box()):
            self.trigger_stack.addWidget(w)
        self.trigger_kind.currentIndexChanged.connect(self.trigger_stack.setCurrentIndex)
        self.required = QCheckBox(self.tr("Required"))
        self.required.setObjectName("itemRequired")
        self.required.setChecked(item.required)
        self.client_visible = QCheckBox(self.tr("Client-visible"))
        self.client_visible.setChecked(item.client_visible)
        self.owner = QComboBox()
        self.owner.setObjectName("itemOwner")
        for o in OwnerRole:
            self.owner.addItem(msg(f"owner.{o}"), str(o))
        self.owner.setCurrentIndex(list(OwnerRole).index(item.owner))
        self.fields = QTableWidget(0, len(FIELD_COLUMNS))
        self.fields.setObjectName("itemFields")
        self.fields.setHorizontalHeaderLabels(field_headers())
        self.fields.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for f in item.fields:
            self._add_field_row(f)
        add_field, remove_field = QPushButton(self.tr("Add field")), QPushButton(self.tr("Remove field"))
        add_field.setObjectName("addField")
        add_field.clicked.connect(lambda: self._add_field_row(None))
        remove_field.clicked.connect(lambda: self.fields.removeRow(self.fields.currentRow()))
        self._load_trigger(item.trigger)
        form = QFormLayout()
        form.addRow(self.tr("Key"), self.key)
        form.addRow(self.tr("Phase"), self.phase)
        form.addRow(self.tr("Text (Chinese)"), self.text_zh)
        form.addRow(self.tr("Text (English)"), self.text_en)
        trig = QHBoxLayout()
        trig.addWidget(self.trigger_kind)
        trig.addWidget(self.trigger_stack, 1)
        form.addRow(self.tr("Due / trigger"), trig)
        flags = QHBoxLayout()
        flags.addWidget(self.required)
        flags.addWidget(self.client_visible)
        flags.addStretch(1)
        form.addRow("", flags)
        form.addRow(self.tr("Owner"), self.owner)
        fb = QHBoxLayout()
        fb.addWidget(add_field)
        fb.addWidget(remove_field)
        fb.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        hint = QLabel(self.tr("Offsets: pre items minutes before the planned start (−1440 = a day before), "
                              "post items minutes after the actual end. Field types: int, number, money, text, "
                              "bool, enum (choices separated by |), file."))
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Values recorded when ticking")))
        layout.addWidget(self.fields)
        layout.addLayout(fb)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.resize(820, 620)

    def _event_box(self) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.event_kind)
        row.addWidget(QLabel(self.tr("subtype")))
        row.addWidget(self.subtype)
        return box

    def _load_trigger(self, t: Trigger) -> None:
        self.trigger_kind.addItems([self.tr("Offset"), self.tr("Every N minutes while live"),
                                    self.tr("On an event")])
        kinds = [TriggerKind.OFFSET, TriggerKind.RECURRENCE, TriggerKind.EVENT]
        index = kinds.index(TriggerKind(t.kind)) if t.kind in kinds else 0
        self.trigger_kind.setCurrentIndex(index)
        self.trigger_stack.setCurrentIndex(index)
        self.offset.setValue(t.minutes or 0)
        self.every.setValue(t.every_minutes or 0)
        if t.event_kind:
            i = self.event_kind.findData(t.event_kind)
            self.event_kind.setCurrentIndex(max(0, i))

    def _add_field_row(self, f: FieldSpec | None) -> None:
        row = self.fields.rowCount()
        self.fields.insertRow(row)
        values = {"id": "", "label_zh": "", "label_en": "", "type": "text"} if f is None else {
            "id": f.id, "label_zh": f.label_zh, "label_en": f.label_en, "type": f.type, "unit": f.unit or "",
            "min": "" if f.min is None else str(f.min), "max": "" if f.max is None else str(f.max),
            "choices": "|".join(f.choices), "metric": f.metric or "", "target": f.target or ""}
        for c, name in enumerate(FIELD_COLUMNS):
            if name == "per_product":
                cell = QTableWidgetItem()
                cell.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
                cell.setCheckState(Qt.CheckState.Checked if f is not None and f.per_product
                                   else Qt.CheckState.Unchecked)
                self.fields.setItem(row, c, cell)
            elif name == "type":
                box = QComboBox()
                box.addItems([t.value for t in FieldType])
                box.setCurrentText(values.get("type", "text"))
                self.fields.setCellWidget(row, c, box)
            else:
                cell = QTableWidgetItem(str(values.get(name, "")))
                if name == "id":
                    cell.setData(Qt.ItemDataRole.UserRole, f)  # travels with its row when another is removed
                self.fields.setItem(row, c, cell)

    def _cell(self, row: int, name: str) -> str:
        c = FIELD_COLUMNS.index(name)
        if name == "type":
            return self.fields.cellWidget(row, c).currentText()
        item = self.fields.item(row, c)
        return item.text().strip() if item else ""

    def _per_product(self, row: int) -> bool:
        cell = self.fields.item(row, FIELD_COLUMNS.index("per_product"))
        return cell is not None and cell.checkState() == Qt.CheckState.Checked

    def result_item(self) -> TemplateItem:
        kind = [TriggerKind.OFFSET, TriggerKind.RECURRENCE, TriggerKind.EVENT][self.trigger_kind.currentIndex()]
        if kind == TriggerKind.OFFSET:
            trigger = Trigger("offset", minutes=self.offset.value())
        elif kind == TriggerKind.RECURRENCE:
            trigger = Trigger("recurrence", every_minutes=self.every.value())
        else:
            trigger = Trigger("event", event_kind=self.event_kind.currentData(), subtype=self.subtype.text() or None)
        return replace(self.item, key=self.key.text().strip(), phase=Phase(self.phase.currentData()),
                       text_zh=self.text_zh.toPlainText().strip(), text_en=self.text_en.toPlainText().strip(),
                       trigger=trigger, required=self.required.isChecked(), owner=OwnerRole(self.owner.currentData()),
                       client_visible=self.client_visible.isChecked(), fields=tuple(self._fields()))

    def _fields(self) -> list[FieldSpec]:
        out = []
        for row in range(self.fields.rowCount()):
            fid = self._cell(row, "id")
            if not fid:
                continue
            id_cell = self.fields.item(row, FIELD_COLUMNS.index("id"))
            old = id_cell.data(Qt.ItemDataRole.UserRole) if id_cell is not None else None
            out.append(FieldSpec(
                id=fid, label_zh=self._cell(row, "label_zh") or fid, label_en=self._cell(row, "label_en") or fid,
                type=self._cell(row, "type"), unit=self._cell(row, "unit") or None,
                min=_num(self._cell(row, "min")), max=_num(self._cell(row, "max")),
                choices=tuple(c for c in self._cell(row, "choices").split("|") if c),
                metric=self._cell(row, "metric") or None, target=self._cell(row, "target") or None,
                direction=old.direction if old else None, per_product=self._per_product(row)))
        return out


def _num(text: str) -> float | int | str | None:
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        return text  # reported by validation as "not a number"
    return int(value) if value.is_integer() else value


class TemplateItemsModel(RowsModel):
    """(position, item) rows; retired items are greyed out."""

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if index.isValid() and role == Qt.ItemDataRole.ForegroundRole and self.rows[index.row()][1].retired:
            return QBrush(theme.ink("#999999"))
        return super().data(index, role)


class TemplateEditorPage(Retranslating, QWidget):
    def __init__(self, state: AppState, window=None, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("templateEditor")
        self.state = state
        self.template_id: str | None = None
        self.items: list[TemplateItem] = []
        self.dirty = False
        self.picker = QComboBox()
        self.picker.setObjectName("templatePicker")
        self.picker.currentIndexChanged.connect(self._picked)
        self.info = QLabel()
        self.info.setObjectName("templateInfo")
        self.model = TemplateItemsModel([
            Column(lambda: self.tr("#"), lambda r: r[0] + 1, align_right=True),
            Column(lambda: self.tr("Key"), lambda r: r[1].key),
            Column(lambda: self.tr("Phase"), lambda r: str(r[1].phase), lambda p: msg(f"phase.{p}")),
            Column(lambda: self.tr("Due / trigger"), lambda r: trigger_text(r[1].trigger, r[1].phase)),
            Column(lambda: self.tr("Req."), lambda r: r[1].required, lambda v: "★" if v else ""),
            Column(lambda: self.tr("Owner"), lambda r: str(r[1].owner), lambda o: msg(f"owner.{o}")),
            Column(lambda: self.tr("Item"), lambda r: item_text(r[1])),
            Column(lambda: self.tr("Fields"), lambda r: len(r[1].fields), align_right=True),
            Column(lambda: self.tr("Retired"), lambda r: r[1].retired, lambda v: self.tr("retired") if v else ""),
        ], self)
        self.table = QTableView()
        self.table.setObjectName("templateItems")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())
        self.buttons = {k: QPushButton() for k in ("add", "edit", "up", "down", "retire", "save", "export", "import",
                                                   "revert", "history")}
        for k, b in self.buttons.items():
            b.setObjectName(f"tpl_{k}")
        actions = {"add": self.add_item, "edit": self.edit_selected, "up": lambda: self.move(-1),
                   "down": lambda: self.move(1), "retire": self.toggle_retired, "save": self.save,
                   "export": self.export_json, "import": self.import_json, "revert": self.revert,
                   "history": self.show_history}
        for k, fn in actions.items():
            self.buttons[k].clicked.connect(fn)
        self.problems = QListWidget()
        self.problems.setObjectName("templateProblems")
        self.problems.setMaximumHeight(140)
        self.problems_label = QLabel()
        top = QHBoxLayout()
        top.addWidget(self.picker, 1)
        top.addWidget(self.info, 2)
        bar = QHBoxLayout()
        for k in ("add", "edit", "up", "down", "retire"):
            bar.addWidget(self.buttons[k])
        bar.addStretch(1)
        for k in ("revert", "save", "history", "export", "import"):
            bar.addWidget(self.buttons[k])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.problems_label)
        layout.addWidget(self.problems)
        state.workspace_changed.connect(self._on_changes)
        self.retranslate()

    # -- loading ------------------------------------------------------------------------
    def _on_changes(self, changes) -> None:
        if (changes.templates or changes.external) and not self.dirty:
            self.load_list()

    def load_list(self, select_id: str | None = None) -> None:
        current = select_id or self.template_id
        self.picker.blockSignals(True)
        self.picker.clear()
        for info in templates.list_templates(self.state.ctx):
            name = info.name_en if current_language() == "en" and info.name_en else info.name
            self.picker.addItem(f"{name}  v{info.version}", info.id)
        self.picker.blockSignals(False)
        index = max(0, self.picker.findData(current)) if current else 0
        self.picker.setCurrentIndex(index)
        self._picked(index)

    def _picked(self, index: int) -> None:
        template_id = self.picker.itemData(index)
        if template_id is None:
            return
        if self.dirty and template_id != self.template_id and not self._discard_ok():
            self.picker.blockSignals(True)
            self.picker.setCurrentIndex(max(0, self.picker.findData(self.template_id)))
            self.picker.blockSignals(False)
            return
        self.template_id = template_id
        t = templates.get_template(self.state.ctx, template_id)
        self.items = list(t.items)
        self.dirty = False
        self._show_problems([])
        self.refresh()

    def _discard_ok(self) -> bool:
        answer = QMessageBox.question(self, self.tr("Unsaved changes"),
                                      self.tr("Discard the unsaved changes to this template?"))
        return answer == QMessageBox.StandardButton.Yes

    def refresh(self, select: int | None = None) -> None:
        self.model.set_rows(list(enumerate(self.items)))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
        if select is not None and 0 <= select < len(self.items):
            self.table.selectRow(select)
        active = sum(1 for i in self.items if not i.retired)
        text = self.tr("%1 items in use, %2 retired").replace("%1", str(active)).replace(
            "%2", str(len(self.items) - active))
        if self.dirty:
            text += " — " + self.tr("unsaved changes")
        self.info.setText(text)
        self.buttons["save"].setEnabled(self.dirty)
        self.buttons["revert"].setEnabled(self.dirty)

    # -- editing ------------------------------------------------------------------------
    def selected_index(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def _changed(self, select: int | None) -> None:
        self.dirty = True
        self.refresh(select)

    def add_item(self) -> None:
        phase = Phase.PRE
        i = self.selected_index()
        if i is not None:
            phase = self.items[i].phase
        item = templates.blank_item(str(phase), {x.key for x in self.items})
        dialog = ItemDialog(item, self)
        if dialog.exec():
            at = (i + 1) if i is not None else len(self.items)
            self.items.insert(at, dialog.result_item())
            self._changed(at)

    def edit_selected(self) -> None:
        i = self.selected_index()
        if i is None:
            return
        dialog = ItemDialog(self.items[i], self)
        if dialog.exec():
            self.items[i] = dialog.result_item()
            self._changed(i)

    def move(self, step: int) -> None:
        i = self.selected_index()
        if i is None or not 0 <= i + step < len(self.items):
            return
        self.items[i], self.items[i + step] = self.items[i + step], self.items[i]
        self._changed(i + step)

    def toggle_retired(self) -> None:
        i = self.selected_index()
        if i is None:
            return
        self.items[i] = replace(self.items[i], retired=not self.items[i].retired)
        self._changed(i)

    def revert(self) -> None:
        self.dirty = False
        self._picked(self.picker.currentIndex())

    def save(self) -> None:
        problems = validate_items(self.items)
        if problems:
            self._show_problems(problems)
            return
        try:
            new_id, changes = templates.save_new_version(self.state.ctx, self.template_id, self.items)
        except TemplateRejected as exc:
            self._show_problems(exc.problems)
            return
        except LiveOpsError as exc:
            show_error(self, exc)
            return
        self.dirty = False
        self.template_id = new_id
        self.load_list(new_id)
        self.state.emit_changes(changes)

    # -- versions -----------------------------------------------------------------------
    def show_history(self):
        """Every saved version of this template with its changes and the sessions using it."""
        from desktop_app.ui.checklists.history import VersionHistoryDialog

        if self.template_id is None:
            return None
        family = templates.resolve(self.state.ctx, self.template_id).family_id
        dialog = VersionHistoryDialog(self.state, family, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.history_dialog = dialog
        dialog.open()
        return dialog

    # -- JSON ---------------------------------------------------------------------------
    def export_json(self) -> None:
        if self.template_id is None:
            return
        t = templates.get_template(self.state.ctx, self.template_id)
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Export template"), f"{t.name}-v{t.version}.json",
                                              self.tr("Checklist template (*.json)"))
        if name:
            self.export_to(Path(name))

    def export_to(self, path: Path) -> None:
        try:
            templates.export_json(self.state.ctx, self.template_id, path)
        except LiveOpsError as exc:
            show_error(self, exc)

    def import_json(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Import template"), "",
                                              self.tr("Checklist template (*.json)"))
        if name:
            self.import_from(Path(name))

    def import_from(self, path: Path) -> bool:
        if self.dirty and not self._discard_ok():
            return False
        try:
            data = templates.read_document(path)
            problems = templates.check_document(data)
            if problems:
                raise TemplateRejected(problems)
            new_id, changes = templates.import_document(self.state.ctx, data)
        except TemplateRejected as exc:
            self._show_problems(exc.problems, title=exc.message)
            return False
        except LiveOpsError as exc:
            show_error(self, exc)
            return False
        self.dirty = False
        self.load_list(new_id)
        self.state.emit_changes(changes)
        return True

    def _show_problems(self, problems: list[TemplateProblem], title=None) -> None:
        self.problems.clear()
        for p in problems:
            self.problems.addItem(p.text())
        self.problems.setVisible(bool(problems))
        self.problems_label.setVisible(bool(problems))
        if problems:
            self.problems_label.setText(msg("error.template.rejected", count=len(problems)))
            first = problems[0].index
            if first is not None:
                self.table.selectRow(first - 1)

    # -- language -----------------------------------------------------------------------
    def retranslate(self) -> None:
        texts = {"add": self.tr("Add item…"), "edit": self.tr("Edit…"), "up": self.tr("Move up"),
                 "down": self.tr("Move down"), "retire": self.tr("Retire / restore"),
                 "save": self.tr("Save as new version"), "export": self.tr("Export JSON…"),
                 "import": self.tr("Import JSON…"), "revert": self.tr("Discard changes"),
                 "history": self.tr("Version history…")}
        for k, b in self.buttons.items():
            b.setText(texts[k])
        self.model.retranslate()
        if not self.dirty:
            self.load_list()
