"""Reminders: a non-modal banner in the window when runs come due, a tray message when minimized.

The banner is a child of the main window that never accepts focus (NoFocus, shown without
activating), so a specialist typing an event keeps typing; it hides itself after a while.
"""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QSystemTrayIcon,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.errors import LiveOpsError
from desktop_app.services import checklists as engine
from desktop_app.services.checklists import short_item_text
from desktop_app.storage import sessions as session_repo
from desktop_app.ui import format as fmt
from desktop_app.ui.checklists.clock import clock_for
from desktop_app.ui.i18n import Retranslating
from desktop_app.ui.state import AppState

SHOW_MS = 20_000
MAX_LINES = 4


class ReminderBanner(Retranslating, QFrame):
    open_session = Signal(str)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("checklistReminder")
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#checklistReminder { background: #fff8e1; border: 1px solid #f0b429; border-radius: 6px; }")
        self.title = QLabel()
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.body = QLabel()
        self.body.setObjectName("reminderBody")
        self.body.setWordWrap(True)
        self.open_button = QPushButton()
        self.open_button.setObjectName("reminderOpen")
        self.close_button = QPushButton()
        self.close_button.setObjectName("reminderDismiss")
        for b in (self.open_button, self.close_button):
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            b.setAutoDefault(False)
        self.open_button.clicked.connect(self._open)
        self.close_button.clicked.connect(self.hide)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.body)
        layout.addLayout(buttons)
        self.session_id: str | None = None
        self.hide_timer = QTimer(self)
        self.hide_timer.setSingleShot(True)
        self.hide_timer.timeout.connect(self.hide)
        self.retranslate()

    def retranslate(self) -> None:
        title = getattr(self, "session_title", None)
        self.title.setText(self.tr("Checklist items due · %1").replace("%1", title) if title
                           else self.tr("Checklist items due"))
        self.open_button.setText(self.tr("Open session"))
        self.close_button.setText(self.tr("Dismiss"))

    def show_lines(self, lines: list[str], session_id: str | None, session_title: str | None = None) -> None:
        self.session_id = session_id
        self.session_title = session_title
        self.retranslate()
        extra = len(lines) - MAX_LINES
        text = "\n".join("• " + line for line in lines[:MAX_LINES])
        if extra > 0:
            text += "\n" + self.tr("… and %n more", "", extra)
        self.body.setText(text)
        self.open_button.setVisible(session_id is not None)
        self.setFixedWidth(360)
        layout = self.layout()
        layout.activate()
        height = layout.heightForWidth(360) if layout.hasHeightForWidth() else self.sizeHint().height()
        self.resize(360, max(height, self.sizeHint().height()))
        self.place()
        self.show()
        self.raise_()
        self.hide_timer.start(SHOW_MS)

    def place(self) -> None:
        parent = self.parentWidget()
        if parent is not None:
            self.move(max(0, parent.width() - self.width() - 16), max(0, parent.height() - self.height() - 40))

    def _open(self) -> None:
        if self.session_id:
            self.open_session.emit(self.session_id)
        self.hide()


class ReminderCenter(QObject):
    """Connects the checklist clock to the banner and the tray icon of one main window."""

    def __init__(self, state: AppState, window: QWidget) -> None:
        super().__init__(window)
        self.state = state
        self.window = window
        self.banner = ReminderBanner(window)
        self.banner.hide()
        self.banner.open_session.connect(self._open_session)
        self.tray: QSystemTrayIcon | None = None
        self.last_tray_message: tuple[str, str] | None = None
        self.shown: list = []  # the RunViews on the banner, re-checked when the workspace changes
        clock_for(state).came_due.connect(self.remind)
        state.workspace_changed.connect(lambda _c: self.recheck())
        self.banner.close_button.clicked.connect(lambda: setattr(self, "shown", []))
        window.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:
        if obj is self.window and event.type() == QEvent.Type.Resize and self.banner.isVisible():
            self.banner.place()
        return False

    def recheck(self) -> None:
        """After a change (a tick, going live, closing): drop reminders that no longer apply, so a
        pre-broadcast reminder does not stay up once the session is live; hide when none is left."""
        if not self.shown or not self.banner.isVisible():
            return
        try:
            current = engine.still_reminding(self.state.ctx, self.shown)
        except (LiveOpsError, sqlite3.ProgrammingError):  # locked, or the workspace was closed
            return
        if not current:
            self.shown = []
            self.banner.hide()
        elif len(current) != len(self.shown):
            self._show(current, keep_timer=True)

    def remind(self, views: list) -> None:
        if not views:
            return
        self._show(views)
        if self.window.isMinimized() or not self.window.isVisible():
            lines, session = self.last_lines, self.last_session
            text = "\n".join(lines[:MAX_LINES])
            if len(lines) > MAX_LINES:
                text += "\n" + self.tr("… and %n more", "", len(lines) - MAX_LINES)
            title = (self.tr("Checklist items due · %1").replace("%1", session.title) if session
                     else self.tr("Checklist items due"))
            self._tray_message(title, text)

    def _show(self, views: list, *, keep_timer: bool = False) -> None:
        ws = self.state.ctx.ws
        now = self.state.ctx.now()
        sessions = {v.run.session_id: session_repo.get_session(ws, v.run.session_id) for v in views}
        one = len(sessions) == 1
        lines = []
        for v in views:
            s = sessions[v.run.session_id]
            when = fmt.due_text(v.run.due_at, now, s.timezone) if s and v.run.due_at else ""
            line = f"{when}  {'★ ' if v.item.required else ''}{short_item_text(v.item)}"
            if not one and s is not None:
                line = self.tr("%1: %2").replace("%1", s.title).replace("%2", line)
            lines.append(line)
        session = next(iter(sessions.values())) if one else None
        self.shown = list(views)
        self.last_lines, self.last_session = lines, session
        remaining = self.banner.hide_timer.remainingTime() if keep_timer else -1
        self.banner.show_lines(lines, views[0].run.session_id if one else None, session.title if session else None)
        if remaining > 0:
            self.banner.hide_timer.start(remaining)

    def _tray_message(self, title: str, text: str) -> None:
        self.last_tray_message = (title, text)
        if not QSystemTrayIcon.isSystemTrayAvailable():
            return
        if self.tray is None:
            icon = self.window.windowIcon()
            if icon.isNull():
                icon = QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation)
            self.tray = QSystemTrayIcon(QIcon(icon), self)
            self.tray.activated.connect(lambda _r: self._restore())
            self.tray.show()
        self.tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, 15_000)

    def _restore(self) -> None:
        self.window.showNormal()

    def _open_session(self, session_id: str) -> None:
        self.state.session_selected.emit(session_id)


def install_reminders(window) -> None:
    """Startup hook: one reminder center per main window."""
    if getattr(window, "_checklist_reminders", None) is None:
        window._checklist_reminders = ReminderCenter(window.state, window)
