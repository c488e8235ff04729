"""Post tab: export buttons for the open session (the same flows as the Session menu)."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class ExportArea(QWidget):
    def __init__(self, state, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.session_id: str | None = None
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.excel = QPushButton()
        self.card = QPushButton()
        self.excel.clicked.connect(self._excel)
        self.card.clicked.connect(self._card)
        row = QHBoxLayout()
        row.addWidget(self.excel)
        row.addWidget(self.card)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.info)
        layout.addLayout(row)
        layout.addStretch(1)
        state.workspace_changed.connect(lambda _changes: self.refresh())
        self.retranslate()

    def retranslate(self) -> None:
        self.excel.setText(self.tr("Export to Excel…"))
        self.card.setText(self.tr("Results card (PNG)…"))
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_session(self, session_id: str | None) -> None:
        self.session_id = session_id
        self.refresh()

    def refresh(self) -> None:
        self.excel.setEnabled(self.session_id is not None)
        self.card.setEnabled(self.session_id is not None)
        if self.session_id is None:
            self.info.setText("")
            return
        from desktop_app.services.export.query import export_stats

        count, last = export_stats(self.state.ctx, self.session_id)
        self.info.setText(self.tr("Exported %n time(s); last at %1", "", count).replace("%1", last or "—")
                          if count else self.tr("Not exported yet."))

    def _excel(self) -> None:
        from desktop_app.ui.export.flow import export_session_interactive

        export_session_interactive(self, self.state, self.session_id)

    def _card(self) -> None:
        from desktop_app.ui.export.flow import save_card_interactive

        save_card_interactive(self, self.state, self.session_id)
