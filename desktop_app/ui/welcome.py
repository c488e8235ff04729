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
        self.buttons: list[QPushButton] = []
        for text, slot in ((self.tr("Open the demo workspace"), self._demo),
                           (self.tr("Create a new workspace…"), self._new),
                           (self.tr("Open a workspace…"), self._open)):
            b = QPushButton(text)
            b.clicked.connect(slot)
            layout.addWidget(b)
            self.buttons.append(b)

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
        from desktop_app.ui.tasks import run_task

        def work(progress, cancelled) -> bool:
            # A week of 10 s samples takes half a minute: off the GUI thread, with progress.
            build_demo_workspace(path, clock=self.controller.clock, progress=progress).ws.close()
            if cancelled():  # the build cannot stop midway; honour the cancel by not keeping it
                for p in (path, *path.parent.glob(path.name + "-*")):
                    p.unlink(missing_ok=True)
                return False
            return True

        def built(ok: bool) -> None:
            self._busy(False)
            if ok:
                self._finish(self.controller.open_path(path, self))

        def failed(exc: BaseException) -> None:
            self._busy(False)
            from desktop_app.ui.errors import show_error

            show_error(self, exc)

        self._busy(True)
        self.task = run_task(self, work, title=self.tr("Building the demo workspace…"), on_done=built,
                             on_error=failed)

    def _busy(self, busy: bool) -> None:
        for b in self.buttons:
            b.setEnabled(not busy)

    def _new(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("New workspace"), "", self.tr("Workspaces (*.liveops)"))
        if path:
            self._finish(self.controller.create_and_open(Path(path).with_suffix(".liveops")))

    def _open(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open workspace"), "", self.tr("Workspaces (*.liveops)"))
        if path:
            self._finish(self.controller.open_path(Path(path), self))
