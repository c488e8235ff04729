"""Multi-session report choices: date range, filters, variant, language, CSV."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QSettings
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services.export.multi import MultiOptions
from desktop_app.services.export.query import filter_choices
from desktop_app.ui.export.form import ReportFormDialog


class MultiExportDialog(ReportFormDialog):
    def __init__(self, state, parent: QWidget | None = None, settings: QSettings | None = None,
                 history_filter=None) -> None:
        super().__init__(parent)
        self.setObjectName("MultiExportDialog")
        self.state = state
        self.settings = settings or QSettings()
        today = state.ctx.now().date()
        self.start = QDateEdit(QDate(today.year, today.month, 1))
        self.end = QDateEdit(QDate(today.year, today.month, today.day))
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        choices = filter_choices(state.ctx)
        self.anchor = QComboBox()
        self.client = QComboBox()
        self.specialist = QComboBox()
        for combo, key in ((self.anchor, "anchors"), (self.client, "clients"), (self.specialist, "specialists")):
            combo.addItem("", None)
            for cid, name in choices[key]:
                combo.addItem(name, cid)
        self.variant = QComboBox()
        self.csv = QCheckBox()
        folder = Path(str(self.settings.value("export/multi/folder", str(Path.home()))))
        self._init_form(str(folder / f"report_{today:%Y%m}.xlsx"))
        for w in (self.start, self.end, self.anchor, self.client, self.specialist, self.variant, self.lang_combo, self.csv,
                  self.path_row):
            self._row(w)
        self.history_filter = history_filter
        self.from_history = QLabel()
        self.from_history.setWordWrap(True)
        self.from_history.setVisible(history_filter is not None)
        if history_filter is not None:
            self._apply_history(history_filter)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.from_history)
        self.setMinimumWidth(440)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)
        self.retranslate()

    def _apply_history(self, f) -> None:
        """The history view's filters: dates and people here, the rest kept and named in the label."""
        for edit, value in ((self.start, f.date_from), (self.end, f.date_to)):
            if value is not None:
                edit.setDate(QDate(value.year, value.month, value.day))
        if f.date_from is None:
            self.start.setDate(QDate(2000, 1, 1))  # the view shows every session before "To"
        for combo, value in ((self.anchor, f.anchor_id), (self.client, f.client_id),
                             (self.specialist, f.specialist_id)):
            combo.setCurrentIndex(max(combo.findData(value), 0) if value else 0)

    def _history_text(self) -> str:
        f = self.history_filter
        from desktop_app.messages import msg

        extra = []
        if f.platform:
            extra.append(msg(f"platform.{f.platform}"))
        if f.status:
            extra.append(msg(f"status.{f.status}"))
        if f.signoff:
            extra.append(msg(f"signoff.{f.signoff}"))
        if f.text.strip():
            extra.append(f"“{f.text.strip()}”")
        text = self.tr("Sessions as filtered in the history view.")
        if extra:
            text += " " + self.tr("Also filtered by: {filters}").format(filters=", ".join(extra))
        return text

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Multi-session report"))
        self._set_labels([self.tr("From"), self.tr("To"), self.tr("Anchor"), self.tr("Client"), self.tr("Specialist"),
                          self.tr("Variant"), self.tr("Header language"), "", self.tr("File")])
        for combo in (self.anchor, self.client, self.specialist):
            combo.setItemText(0, self.tr("All"))
        current = self.variant.currentData() or "internal"
        self.variant.clear()
        self.variant.addItem(self.tr("Internal (for leads)"), "internal")
        self.variant.addItem(self.tr("Client (needs a client)"), "client")
        self.variant.setCurrentIndex(max(0, self.variant.findData(current)))
        self.csv.setText(self.tr("Also write one CSV file per table"))
        if self.history_filter is not None:
            self.from_history.setText(self._history_text())

    def options(self) -> MultiOptions:
        def d(edit: QDateEdit) -> date:
            q = edit.date()
            return date(q.year(), q.month(), q.day())

        f = self.history_filter
        kept = {} if f is None else {"platform": f.platform, "statuses": (f.status,) if f.status else (),
                                     "signoff": f.signoff, "text": f.text or ""}
        return MultiOptions(start=d(self.start), end=d(self.end), variant=self.variant.currentData(),
                            lang=self.lang_combo.currentData(), anchor_id=self.anchor.currentData(),
                            client_id=self.client.currentData(), specialist_id=self.specialist.currentData(),
                            csv=self.csv.isChecked(), **kept)

    def _accept(self) -> None:
        if not self._path_given():
            return
        self.settings.setValue("export/multi/folder", str(self.path().parent))
        self.accept()
