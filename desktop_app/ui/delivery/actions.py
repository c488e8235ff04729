"""Menu actions and the start-up hook of the delivery feature."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMessageBox

from desktop_app.services import backup
from desktop_app.services.workspace_service import open_workspace
from desktop_app.ui.delivery import theme

DAILY_CHECK_MS = 60 * 60 * 1000  # the daily backup is due at most once a day; look every hour


translate = QCoreApplication.translate


class _Retranslated(QAction):
    """A menu action whose text follows a language switch (QAction gets no LanguageChange event,
    so a filter on the window calls ``retranslate``)."""

    def __init__(self, text_fn, parent: QObject) -> None:
        super().__init__(parent)
        self._text_fn = text_fn
        self.retranslate()

    def retranslate(self) -> None:
        self.setText(self._text_fn())


def _window_language_hook(window: QMainWindow, action: _Retranslated) -> None:
    from PySide6.QtCore import QEvent

    class _Filter(QObject):
        def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt API
            if event.type() == QEvent.Type.LanguageChange:
                action.retranslate()
            return False

    f = _Filter(action)
    window.installEventFilter(f)


def _make(window: QMainWindow, text_fn, slot, icon: str | None = None) -> QAction:
    action = _Retranslated(text_fn, window)
    action.triggered.connect(lambda _=False: slot(window))
    if icon:
        action.setIcon(theme.icon(icon))
    _window_language_hook(window, action)
    return action


def backup_now_action(window: QMainWindow) -> QAction:
    action = _make(window, lambda: translate("DeliveryActions", "Back up now"), backup_now, "backup")
    action.setShortcut("Ctrl+Shift+B")
    return action


def restore_action(window: QMainWindow) -> QAction:
    return _make(window, lambda: translate("DeliveryActions", "Restore from backup…"), open_backups_dialog, "restore")


def salvage_action(window: QMainWindow) -> QAction:
    return _make(window, lambda: translate("DeliveryActions", "Salvage readable data…"), salvage_workspace, "salvage")


def _ctx(window: QMainWindow):
    return window.state.ctx


def backup_now(window: QMainWindow) -> None:
    from desktop_app.ui.delivery.dialogs import run_backup

    run_backup(window, _ctx(window).ws.path, _ctx(window).clock, "manual",
               on_done=lambda info: window.statusBar().showMessage(
                   translate("DeliveryActions", "Backup saved: {path}").format(path=info.path), 8000))


def open_backups_dialog(window: QMainWindow) -> None:
    from desktop_app.ui.delivery.dialogs import BackupsDialog

    BackupsDialog(window.state.ctx, window, open_fn=_opener(window)).exec()


def salvage_workspace(window: QMainWindow) -> None:
    from desktop_app.ui.delivery.dialogs import start_salvage

    start_salvage(window, _ctx(window).ws.path, open_fn=_opener(window))


def _opener(window: QMainWindow):
    controller = getattr(window, "controller", None)
    if controller is None or not hasattr(controller, "open_path"):
        return None
    return lambda path: QTimer.singleShot(0, lambda: controller.open_path(Path(path)))


def on_window_ready(window: QMainWindow) -> None:
    """After a workspace opens: theme and icons, then the daily backup now and every hour."""
    if not theme.applied():  # app.run applies it before the first widget; a test window may not have
        theme.apply_theme()
    theme.decorate_shell_actions(window)
    timer = QTimer(window)
    timer.setObjectName("dailyBackupTimer")
    timer.setInterval(DAILY_CHECK_MS)
    timer.timeout.connect(lambda: _daily(window))
    timer.start()
    QTimer.singleShot(5000, lambda: _daily(window))  # after the first window and its integrity check


def _daily(window: QMainWindow) -> None:
    from desktop_app.ui.tasks import run_task

    state = getattr(window, "state", None)
    if state is None:
        return
    path, clock = state.ctx.ws.path, state.ctx.clock

    def work(progress, cancelled):
        ctx = open_workspace(path, clock=clock)
        try:
            return backup.daily_backup_if_due(ctx)
        finally:
            ctx.ws.close()

    def done(info) -> None:
        if info is not None:
            window.statusBar().showMessage(translate("DeliveryActions", "Daily backup saved: {path}").format(path=info.path), 8000)

    def failed(exc: BaseException) -> None:
        # A damaged workspace shows up through the integrity check; here only say the backup failed.
        window.statusBar().showMessage(translate("DeliveryActions", "Daily backup failed: {error}").format(error=_text(exc)), 15000)

    run_task(window, work, on_done=done, on_error=failed, show_progress=False)


def _text(exc: BaseException) -> str:
    from desktop_app.ui.errors import error_text

    return error_text(exc)


def warn(window, text: str) -> None:
    QMessageBox.warning(window, translate("DeliveryActions", "LiveOps Desk"), text)
