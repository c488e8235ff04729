"""The frame both export dialogs share: labelled form rows, the header-language choice and the
.xlsx file row with Browse…, so the session export and the multi-session report behave alike."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from desktop_app.ui.i18n import Retranslating


class ReportFormDialog(Retranslating, QDialog):
    """Subclasses build their widgets, add them with ``_row`` and name them in ``retranslate``
    through ``_set_labels`` (which also retranslates the shared parts)."""

    def _init_form(self, path_text: str) -> None:
        self.form = QFormLayout()
        self.labels: list[QLabel] = []
        self.lang_combo = QComboBox()
        # Each language in its own script, so someone who cannot read the other one finds theirs.
        self.lang_combo.addItem("中文", "zh_CN")
        self.lang_combo.addItem("English", "en")
        self.path_edit = QLineEdit(path_text)
        self.browse = QPushButton()
        self.browse.clicked.connect(self._browse)
        self.path_row = QWidget()
        row = QHBoxLayout(self.path_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.browse)

    def _row(self, widget: QWidget) -> None:
        label = QLabel()
        self.labels.append(label)
        self.form.addRow(label, widget)

    def _set_labels(self, texts: list[str]) -> None:
        for label, text in zip(self.labels, texts, strict=True):
            label.setText(text)
        self.browse.setText(QCoreApplication.translate("ReportFormDialog", "Browse…"))

    def path(self) -> Path:
        return Path(self.path_edit.text()).expanduser()

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, QCoreApplication.translate("ReportFormDialog", "Save report as"), self.path_edit.text(),
            QCoreApplication.translate("ReportFormDialog", "Excel workbooks (*.xlsx)"))
        if path:
            self.path_edit.setText(path if path.lower().endswith(".xlsx") else path + ".xlsx")

    def _path_given(self) -> bool:
        """False (and the cursor in the file field) while no file is named."""
        if self.path_edit.text().strip():
            return True
        self.path_edit.setFocus()
        return False
