"""Post tab: export buttons for the open session (the same flows as the Session menu)."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop_app.ui.i18n import Retranslating


class ExportArea(Retranslating, QWidget):
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
        self.branding = QPushButton()
        self.branding.setObjectName("export_branding")
        self.branding.clicked.connect(self._branding)
        row = QHBoxLayout()
        row.addWidget(self.excel)
        row.addWidget(self.card)
        row.addWidget(self.branding)
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
        self.branding.setText(self.tr("Logo and header…"))
        self.branding.setToolTip(self.tr("The logo (PNG) and header text printed on every exported file"))
        self.refresh()

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

    def _branding(self) -> None:
        """Pick the logo and header text for every export (workspace settings)."""
        from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

        from desktop_app.domain.errors import LiveOpsError
        from desktop_app.services.export.branding import branding, set_branding
        from desktop_app.ui.errors import show_error

        logo, header = branding(self.state.ctx)
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Logo for exported files"), logo or "",
                                              self.tr("PNG images (*.png)"))
        if not path and logo:
            keep = QMessageBox.question(self, self.tr("Logo"), self.tr("Keep the current logo?"))
            path = logo if keep == QMessageBox.StandardButton.Yes else ""
        text, ok = QInputDialog.getText(self, self.tr("Header text"),
                                        self.tr("Text at the top left of every printed page:"), text=header)
        if not ok:
            return
        try:
            set_branding(self.state.ctx, logo=path or None, header_text=text)
        except LiveOpsError as exc:
            show_error(self, exc)
