"""Run a service call on a worker thread with progress and cancel; results come back by signal.

The worker must not share the GUI's sqlite connection: pass it a path and let it open
its own Workspace (``open_worker_context``), since a sqlite3 connection belongs to one thread.
"""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from desktop_app.domain.errors import LiveOpsError

log = logging.getLogger(__name__)


class _Signals(QObject):
    progress = Signal(int, int)
    done = Signal(object)
    failed = Signal(object)


class Task(QRunnable):
    """One background call. ``fn(*args, progress=..., cancelled=...)``."""

    def __init__(self, fn: Callable[..., Any], *args: Any) -> None:
        super().__init__()
        self.fn, self.args = fn, args
        self.signals = _Signals()
        self._cancel = threading.Event()
        self.finished = threading.Event()
        self.setAutoDelete(False)

    def cancel(self) -> None:
        self._cancel.set()

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        try:
            result = self.fn(*self.args, progress=self.signals.progress.emit, cancelled=self.cancelled)
        except LiveOpsError as exc:
            self.signals.failed.emit(exc)
        except BaseException as exc:  # a bug: log it with its traceback, surface it on the GUI thread
            log.error("background task failed\n%s", traceback.format_exc())
            self.signals.failed.emit(exc)
        else:
            self.signals.done.emit(result)
        finally:
            self.finished.set()


_running: set[Task] = set()


def run_task(parent: QWidget | None, fn: Callable[..., Any], *args: Any, title: str = "",
             on_done: Callable[[Any], None] | None = None, on_error: Callable[[BaseException], None] | None = None,
             show_progress: bool = True) -> Task:
    task = Task(fn, *args)
    _running.add(task)
    dialog = None
    if show_progress and parent is not None:
        dialog = QProgressDialog(title, QCoreApplication.translate("Tasks", "Cancel"), 0, 0, parent)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.canceled.connect(task.cancel)
        task.signals.progress.connect(lambda done, total: (dialog.setMaximum(total), dialog.setValue(done)))

    def finish() -> None:
        _running.discard(task)
        if dialog is not None:
            dialog.reset()
            dialog.deleteLater()

    def done(result: Any) -> None:
        finish()
        if on_done:
            on_done(result)

    def failed(exc: BaseException) -> None:
        finish()
        if on_error:
            on_error(exc)
        elif parent is not None and isinstance(exc, LiveOpsError):
            from desktop_app.ui.errors import show_error

            show_error(parent, exc)
        else:
            raise exc

    task.signals.done.connect(done, Qt.ConnectionType.QueuedConnection)
    task.signals.failed.connect(failed, Qt.ConnectionType.QueuedConnection)
    QThreadPool.globalInstance().start(task)
    return task
