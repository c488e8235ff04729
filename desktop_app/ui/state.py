"""The open workspace as the UI sees it: one Context, one change signal.

Views listen to ``workspace_changed(Changes)`` and refresh what it names. Writes from
other processes (the `liveops` CLI, a file watcher) are noticed through
``PRAGMA data_version`` polled on a timer and announced as ``Changes(external=True)``.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal

from desktop_app.services.context import Changes, Context

log = logging.getLogger(__name__)
POLL_MS = 400


class AppState(QObject):
    workspace_changed = Signal(object)  # Changes
    session_selected = Signal(str)
    actor_changed = Signal(object)  # person id or None

    def __init__(self, ctx: Context, parent: QObject | None = None, *, poll: bool = True) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._data_version = self._read_version()
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self.check_external_changes)
        if poll:
            self._timer.start()

    def _read_version(self) -> int | None:
        try:
            return self.ctx.ws.data_version()
        except Exception:  # a closed or damaged database: the poller just stops noticing
            log.exception("data_version failed")
            return None

    def check_external_changes(self) -> bool:
        version = self._read_version()
        if version is not None and version != self._data_version:
            self._data_version = version
            self.workspace_changed.emit(Changes(external=True))
            return True
        return False

    def emit_changes(self, changes: Changes | None) -> None:
        """Announce our own writes (our own commits do not move data_version)."""
        if changes is not None and not changes.empty:
            self.workspace_changed.emit(changes)

    def set_actor(self, person_id: str | None) -> None:
        self.ctx.actor_id = person_id
        self.actor_changed.emit(person_id)

    def stop(self) -> None:
        self._timer.stop()
