"""Show known errors from below the UI in the current language; bugs go to the crash handler."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop_app.domain.errors import LiveOpsError


def error_text(exc: BaseException) -> str:
    return exc.text() if isinstance(exc, LiveOpsError) else str(exc)


def show_error(parent: QWidget | None, exc: BaseException, title: str | None = None) -> None:
    if not isinstance(exc, LiveOpsError):
        raise exc
    box = QMessageBox(QMessageBox.Icon.Warning, title or QCoreApplication.translate("Errors", "LiveOps Desk"),
                      error_text(exc), QMessageBox.StandardButton.Ok, parent)
    box.exec()
