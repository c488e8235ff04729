"""The checklist clock: one timer per AppState reading the injected clock.

Every tick it lets the engine create due recurrences and mark passed windows missed (a write
only when something is due), then announces runs that came due since the last tick and the
current time, so the areas refresh countdowns and the reminder center can remind.
"""

from __future__ import annotations

import logging
import sqlite3
from datetime import datetime

from PySide6.QtCore import QObject, QTimer, Signal

from desktop_app.domain.errors import LiveOpsError
from desktop_app.services import checklists as engine
from desktop_app.ui.state import AppState

log = logging.getLogger(__name__)
TICK_MS = 1000


class ChecklistClock(QObject):
    ticked = Signal(object)  # datetime: now, from the injected clock
    came_due = Signal(list)  # list[RunView] that fell due since the previous tick

    def __init__(self, state: AppState, parent: QObject | None = None, *, start: bool = True) -> None:
        super().__init__(parent or state)
        self.state = state
        self.last: datetime = state.ctx.now()
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.tick)
        if start:
            self.timer.start()

    def tick(self) -> None:
        now = self.state.ctx.now()
        try:
            changes = engine.tick_clock(self.state.ctx)
            due = engine.came_due(self.state.ctx, self.last, now) if now > self.last else []
        except LiveOpsError:  # a locked or read-only workspace: try again next tick
            log.warning("checklist clock tick failed", exc_info=True)
            return
        except sqlite3.ProgrammingError:  # the workspace was closed (switched or quitting): stop ticking
            self.timer.stop()
            return
        self.last = now
        self.state.emit_changes(changes)
        if due:
            self.came_due.emit(due)
        self.ticked.emit(now)


def clock_for(state: AppState) -> ChecklistClock:
    """The one checklist clock of this AppState (created on first use)."""
    existing = getattr(state, "_checklist_clock", None)
    if existing is None:
        existing = ChecklistClock(state)
        state._checklist_clock = existing  # type: ignore[attr-defined]
    return existing

