"""NextDueWidget: the next due checklist items of a session with a live countdown.

Small enough for the live console to embed: ``NextDueWidget(state)`` then ``set_session(id)``.
It never takes keyboard focus, so typing in the event logger is never interrupted.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from desktop_app.domain.checklists import item_text
from desktop_app.domain.enums import Phase
from desktop_app.services import checklists as engine
from desktop_app.storage import sessions as session_repo
from desktop_app.ui import format as fmt
from desktop_app.ui.checklists.clock import clock_for
from desktop_app.ui.i18n import Retranslating
from desktop_app.ui.state import AppState

OVERDUE_STYLE = "color: #c0392b; font-weight: bold;"
SOON_STYLE = "color: #d35400;"


class NextDueWidget(Retranslating, QFrame):
    def __init__(self, state: AppState, parent: QWidget | None = None, *, limit: int = 4,
                 phase: Phase | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("nextDue")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.state = state
        self.session_id: str | None = None
        self.tz = "Asia/Shanghai"
        self.limit = limit
        self.phase = phase
        self.items: list[engine.Upcoming] = []
        self.heading = QLabel()
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.grid = QGridLayout()
        self.grid.setColumnStretch(1, 1)
        self.rows: list[tuple[QLabel, QLabel]] = []
        self.empty = QLabel()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self.heading)
        layout.addLayout(self.grid)
        layout.addWidget(self.empty)
        clock = clock_for(state)
        clock.ticked.connect(self.update_countdowns)
        state.workspace_changed.connect(lambda _c: self.reload())
        self.retranslate()

    def set_session(self, session_id: str | None) -> None:
        self.session_id = session_id
        session = session_repo.get_session(self.state.ctx.ws, session_id) if session_id else None
        self.tz = session.timezone if session else "Asia/Shanghai"
        self.reload()

    def reload(self) -> None:
        self.items = (engine.upcoming(self.state.ctx, self.session_id, limit=self.limit, phase=self.phase)
                      if self.session_id else [])
        while len(self.rows) < len(self.items):
            when, text = QLabel(), QLabel()
            when.setObjectName(f"nextDueWhen{len(self.rows)}")
            text.setObjectName(f"nextDueText{len(self.rows)}")
            text.setWordWrap(True)
            self.grid.addWidget(when, len(self.rows), 0, Qt.AlignmentFlag.AlignTop)
            self.grid.addWidget(text, len(self.rows), 1)
            self.rows.append((when, text))
        for i, (when, text) in enumerate(self.rows):
            visible = i < len(self.items)
            when.setVisible(visible)
            text.setVisible(visible)
            if visible:
                item = self.items[i].item
                text.setText(("★ " if item.required else "") + item_text(item))
                text.setToolTip(item.key)
        self.empty.setVisible(not self.items)
        self.update_countdowns(self.state.ctx.now())

    def update_countdowns(self, now: datetime) -> None:
        for i, up in enumerate(self.items):
            when, _text = self.rows[i]
            # ui/format's due form; this narrow list (also in the mini window) leads with how long,
            # the clock time is in the tooltip.
            state, overdue = fmt.due_state(up.due_at, now, up.window_end)
            when.setText(state)
            when.setToolTip(fmt.due_text(up.due_at, now, self.tz, up.window_end))
            soon = not overdue and (up.due_at <= now or (up.due_at - now).total_seconds() < 120)
            when.setStyleSheet(OVERDUE_STYLE if overdue else SOON_STYLE if soon else "")
            when.setProperty("overdue", overdue)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Next checklist items"))
        self.empty.setText(self.tr("Nothing due."))
        self.reload()
