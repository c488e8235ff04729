"""Export choices: variant (client by default), client, header language, interval, sheets, file.

Choices are remembered per client in QSettings (``export/<client id>/...``), so the next
export for the same brand starts from what was chosen last time.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.messages import msg
from desktop_app.services.export.options import DEFAULT_INTERVAL_S, SHEETS, ExportOptions
from desktop_app.services.export.query import SessionExportInfo
from desktop_app.ui.export.form import ReportFormDialog


class ExportDialog(ReportFormDialog):
    def __init__(self, info: SessionExportInfo, settings: QSettings | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ExportDialog")
        self.info = info
        self.settings = settings or QSettings()
        self.client_radio = QRadioButton()
        self.internal_radio = QRadioButton()
        self.variant_group = QButtonGroup(self)
        self.variant_group.addButton(self.client_radio)
        self.variant_group.addButton(self.internal_radio)
        self.client_radio.setChecked(True)
        self.client_combo = QComboBox()
        for cid, name in info.clients:
            self.client_combo.addItem(name, cid)
        self.totals_box = QCheckBox()
        self._init_form("")
        self.interval_combo = QComboBox()
        for seconds in info.intervals:
            self.interval_combo.addItem(self._interval_text(seconds), seconds)
        self.sheet_boxes = {key: QCheckBox() for key in SHEETS}
        self.sheet_boxes["summary"].setEnabled(False)  # always there: it carries the draft mark
        self.draft_note = QLabel()
        self.draft_note.setWordWrap(True)
        self.draft_note.setStyleSheet("color: #c00000")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        self._build()
        self.client_combo.currentIndexChanged.connect(self._load_remembered)
        self.variant_group.buttonToggled.connect(lambda *_: self._sync())
        self._load_remembered()
        self.retranslate()

    def _build(self) -> None:
        self.variant_row = QWidget()
        row = QHBoxLayout(self.variant_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.client_radio)
        row.addWidget(self.internal_radio)
        row.addStretch(1)
        sheets = QWidget()
        grid = QGridLayout(sheets)
        grid.setContentsMargins(0, 0, 0, 0)
        for n, key in enumerate(SHEETS):
            grid.addWidget(self.sheet_boxes[key], n // 4, n % 4)
        self._row(self.variant_row)
        self._row(self.client_combo)
        self._row(self.totals_box)
        self._row(self.lang_combo)
        self._row(self.interval_combo)
        self._row(sheets)
        self._row(self.path_row)
        layout = QVBoxLayout(self)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        layout.addLayout(self.form)
        layout.addWidget(self.draft_note)
        layout.addWidget(self.buttons)
        # Client choice and session totals only for a multi-client session; hidden rows take no room.
        for widget in (self.client_combo, self.totals_box):
            self.form.setRowVisible(widget, len(self.info.clients) > 1)
        self.totals_box.setEnabled(self.info.actor_is_lead)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Export session to Excel"))
        self.heading.setText(self.info.title)
        self.client_radio.setText(self.tr("Client version"))
        self.internal_radio.setText(self.tr("Internal version (with internal events and notes)"))
        self.totals_box.setText(self.tr("Include session-wide totals (lead's decision)"))
        self._set_labels([self.tr("Variant"), self.tr("Client"), "", self.tr("Header language"), self.tr("Interval"),
                          self.tr("Sheets"), self.tr("File")])
        for key, box in self.sheet_boxes.items():
            box.setText(msg(f"export.sheet.{key}"))
        self._sync()

    def _interval_text(self, seconds: int) -> str:
        if seconds % 60 == 0:
            return self.tr("%n minute(s)", "", seconds // 60)
        return self.tr("%n second(s)", "", seconds)

    # -- remembered choices ------------------------------------------------------------------
    def client_id(self) -> str | None:
        return self.client_combo.currentData() if self.info.clients else None

    def _key(self, name: str) -> str:
        return f"export/{self.client_id() or '_none'}/{name}"

    def _load_remembered(self) -> None:
        s = self.settings
        variant = s.value(self._key("variant"), "client")
        (self.internal_radio if variant == "internal" else self.client_radio).setChecked(True)
        lang = s.value(self._key("lang"), self.info.default_lang)
        self.lang_combo.setCurrentIndex(max(0, self.lang_combo.findData(lang)))
        interval = int(s.value(self._key("interval"), DEFAULT_INTERVAL_S) or DEFAULT_INTERVAL_S)
        index = self.interval_combo.findData(interval)
        if index < 0:
            index = self.interval_combo.findData(DEFAULT_INTERVAL_S)
        self.interval_combo.setCurrentIndex(max(0, index))
        chosen = s.value(self._key("sheets"), ",".join(SHEETS))
        chosen_set = set(str(chosen).split(",")) if chosen else set(SHEETS)
        for key, box in self.sheet_boxes.items():
            box.setChecked(key in chosen_set or key == "summary")
        folder = s.value(self._key("folder"), str(Path.home()))
        self.path_edit.setText(str(Path(str(folder)) / self.info.suggested_name))
        self._sync()

    def remember(self) -> None:
        s = self.settings
        o = self.options()
        s.setValue(self._key("variant"), o.variant)
        s.setValue(self._key("lang"), o.lang)
        s.setValue(self._key("interval"), o.interval_s)
        s.setValue(self._key("sheets"), ",".join(k for k in SHEETS if k in o.sheets))
        s.setValue(self._key("folder"), str(Path(self.path_edit.text()).parent))

    def _sync(self) -> None:
        client = self.client_radio.isChecked()
        self.client_combo.setEnabled(client)
        self.draft_note.setVisible(client and not self.info.signed)
        self.draft_note.setText(self.tr("The review is not signed off by a lead: the file will be marked "
                                        "未审核 (draft)."))

    # -- result --------------------------------------------------------------------------------
    def options(self) -> ExportOptions:
        return ExportOptions(
            variant="client" if self.client_radio.isChecked() else "internal",
            lang=self.lang_combo.currentData(), interval_s=int(self.interval_combo.currentData()),
            sheets=frozenset(k for k, b in self.sheet_boxes.items() if b.isChecked()),
            client_id=self.client_id() if self.client_radio.isChecked() else None,
            # isHidden, not isVisible: flow.py asks after exec() returns, when the dialog is closed.
            allow_session_totals=not self.totals_box.isHidden() and self.totals_box.isEnabled()
            and self.totals_box.isChecked())

    def _accept(self) -> None:
        if not self._path_given():
            return
        self.remember()
        self.accept()
