"""Application start-up: QApplication, translations, crash handler, workspace open with lock,
acting person, main window, resume offer, background integrity check."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from desktop_app import APP_ID, APP_NAME, ORG_NAME, messages
from desktop_app.crash import install as install_crash_handler
from desktop_app.domain.clock import Clock, SystemClock
from desktop_app.domain.errors import LiveOpsError
from desktop_app.log import setup_logging
from desktop_app.services.workspace_service import create_workspace, open_workspace, workspace_info
from desktop_app.storage import roster as roster_repo
from desktop_app.storage.lock import WorkspaceLock

log = logging.getLogger(__name__)


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or [sys.argv[0]])
    app.setOrganizationName(ORG_NAME)
    app.setApplicationName(APP_ID)
    app.setApplicationDisplayName(APP_NAME)
    return app


class AppController:
    """Owns the open workspace (and its lock) and the main window; swaps them on File → Open."""

    def __init__(self, clock: Clock | None = None, actor: str | None = None) -> None:
        from desktop_app.ui.settings import Settings

        self.clock = clock or SystemClock()
        self.settings = Settings()
        self.actor = actor
        self.window = None
        self.state = None
        self.lock: WorkspaceLock | None = None

    # -- opening -------------------------------------------------------------------
    def open_path(self, path: Path, parent: QWidget | None = None) -> bool:
        lock = WorkspaceLock(path)
        try:
            lock.acquire()
            ctx = open_workspace(path, clock=self.clock, actor=self.actor)
        except LiveOpsError as exc:
            lock.release()
            QMessageBox.warning(parent or self.window, APP_NAME, exc.text())
            return False
        self._install(ctx, lock)
        return True

    def create_and_open(self, path: Path) -> bool:
        try:
            ctx = create_workspace(path, path.stem, clock=self.clock)
            ctx.ws.close()
        except LiveOpsError as exc:
            QMessageBox.warning(self.window, APP_NAME, exc.text())
            return False
        return self.open_path(path)

    def create_demo_and_open(self, path: Path) -> bool:
        from desktop_app.services.demo import build_demo_workspace
        from desktop_app.ui.tasks import run_task

        def work(progress, cancelled):
            ctx = build_demo_workspace(path, clock=self.clock, progress=progress)
            ctx.ws.close()

        run_task(self.window, work, title=QCoreApplication.translate("AppController", "Building demo workspace…"),
                 on_done=lambda _r: self.open_path(path))
        return True

    def _install(self, ctx, lock: WorkspaceLock) -> None:
        from desktop_app.ui.main_window import MainWindow
        from desktop_app.ui.state import AppState

        old_window, old_state, old_lock = self.window, self.state, self.lock
        self.state = AppState(ctx)
        self.lock = lock
        self.settings.last_workspace = str(ctx.ws.path)
        self.pick_person()
        self.window = MainWindow(self.state, controller=self, settings=self.settings)
        self.window.show()
        if old_window is not None:
            old_window.close()
            old_window.deleteLater()
        if old_state is not None:
            old_state.stop()
            old_state.ctx.ws.close()
        if old_lock is not None:
            old_lock.release()
        from desktop_app.ui.extensions import load_extensions

        for hook in load_extensions().startup_hooks:
            hook(self.window)
        QTimer.singleShot(0, self.window.offer_resume)
        QTimer.singleShot(200, self.window.start_integrity_check)

    def pick_person(self, force: bool = False) -> None:
        from desktop_app.ui.dialogs import PersonPicker

        ctx = self.state.ctx
        info = workspace_info(ctx)
        people = roster_repo.list_people(ctx.ws)
        remembered = self.settings.last_person(info.id)
        if self.actor and not force:
            return
        if not force and remembered and any(p.id == remembered for p in people):
            self.state.set_actor(remembered)
            return
        if not people:
            return
        if len(people) == 1 and not force:
            self.state.set_actor(people[0].id)
            return
        picker = PersonPicker(people, ctx.actor_id or remembered, self.window)
        if picker.exec() and picker.person_id():
            self.state.set_actor(picker.person_id())
            self.settings.set_last_person(info.id, picker.person_id())

    def shutdown(self) -> None:
        if self.state is not None:
            self.state.stop()
            self.state.ctx.ws.close()
        if self.lock is not None:
            self.lock.release()


def _crash_dialog(text: str, log_path: Path) -> None:
    app = QApplication.instance()
    if app is None:
        return
    box = QMessageBox(QMessageBox.Icon.Critical, APP_NAME,
                      app.translate("crash", "LiveOps Desk hit an unexpected error. Your saved data is safe.\n"
                                             "Details were written to:\n{path}").format(path=log_path))
    box.setDetailedText(text)
    box.exec()


def use_standard_data_dir() -> None:
    """Point the Qt-free code (logs, demo, self-test) at QStandardPaths' per-user app data folder
    (%APPDATA% on Windows, ~/Library/Application Support on macOS); paths.user_data_dir names
    the same folder for the CLI."""
    import os

    from PySide6.QtCore import QStandardPaths

    if not os.environ.get("LIVEOPS_DATA_DIR"):
        location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
        if location:
            os.environ["LIVEOPS_DATA_DIR"] = location


def run(workspace: Path | None = None, *, lang: str | None = None, actor: str | None = None,
        quit_after_show: bool = False) -> int:
    app = make_application()
    use_standard_data_dir()
    log_path = setup_logging()
    install_crash_handler(_crash_dialog, log_path)
    from desktop_app.ui.i18n import apply_language
    from desktop_app.ui.settings import Settings

    settings = Settings()
    apply_language(lang or settings.language or messages.language_from_environment())
    from desktop_app.ui.delivery.theme import apply_theme

    apply_theme(app)  # before any widget exists: nothing to re-polish (issue 9 look: focus ring, dark mode)
    controller = AppController(actor=actor)
    target = workspace or (Path(settings.last_workspace) if settings.last_workspace else None)
    if target is None or not target.exists():
        from desktop_app.ui.welcome import WelcomeDialog

        dialog = WelcomeDialog(controller)
        if not dialog.exec():
            return 0
    elif not controller.open_path(target):
        return 1
    if controller.window is None:
        return 1
    if quit_after_show:
        QTimer.singleShot(0, app.quit)
    code = app.exec()
    controller.shutdown()
    return code
