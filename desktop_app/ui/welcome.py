"""First start: create a workspace, open one, or build the demo."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QFileDialog, QLabel, QPushButton, QVBoxLayout

from desktop_app.paths import user_data_dir


class WelcomeDialog(QDialog):
    def __init__(self, controller, parent=None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setWindowTitle(self.tr("Welcome to LiveOps Desk"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("LiveOps Desk keeps each team's sessions in one workspace file.")))
        for text, slot in ((self.tr("Open the demo workspace"), self._demo),
                           (self.tr("Create a new workspace…"), self._new),
                           (self.tr("Open a workspace…"), self._open)):
            b = QPushButton(text)
            b.clicked.connect(slot)
            layout.addWidget(b)

    def _finish(self, ok: bool) -> None:
        if ok:
            self.accept()

    def _demo(self) -> None:
        path = user_data_dir() / "demo.liveops"
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists():
            self._finish(self.controller.open_path(path, self))
            return
        from desktop_app.services.demo import build_demo_workspace

        build_demo_workspace(path, clock=self.controller.clock).ws.close()
        self._finish(self.controller.open_path(path, self))

    def _new(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("New workspace"), "", self.tr("Workspaces (*.liveops)"))
        if path:
            self._finish(self.controller.create_and_open(Path(path).with_suffix(".liveops")))

    def _open(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open workspace"), "", self.tr("Workspaces (*.liveops)"))
        if path:
            self._finish(self.controller.open_path(Path(path), self))
