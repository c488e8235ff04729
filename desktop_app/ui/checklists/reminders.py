"""Reminders: a non-modal banner in the window when runs come due, a tray message when minimized.

The banner is a child of the main window that never accepts focus (NoFocus, shown without
activating), so a specialist typing an event keeps typing; it hides itself after a while.
"""

from __future__ import annotations

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

from desktop_app.domain.timeutil import local
from desktop_app.services.checklists import short_item_text
from desktop_app.storage import sessions as session_repo
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
        clock_for(state).came_due.connect(self.remind)
        window.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:
        if obj is self.window and event.type() == QEvent.Type.Resize and self.banner.isVisible():
            self.banner.place()
        return False

    def remind(self, views: list) -> None:
        ws = self.state.ctx.ws
        sessions = {v.run.session_id: session_repo.get_session(ws, v.run.session_id) for v in views}
        if not views:
            return
        one = len(sessions) == 1
        lines = []
        for v in views:
            s = sessions[v.run.session_id]
            when = local(v.run.due_at, s.timezone).strftime("%H:%M") if s and v.run.due_at else ""
            line = f"{when}  {'★ ' if v.item.required else ''}{short_item_text(v.item)}"
            if not one and s is not None:
                line = self.tr("%1: %2").replace("%1", s.title).replace("%2", line)
            lines.append(line)
        session = next(iter(sessions.values())) if one else None
        session_id = views[0].run.session_id if one else None
        self.banner.show_lines(lines, session_id, session.title if session else None)
        if self.window.isMinimized() or not self.window.isVisible():
            text = "\n".join(lines[:MAX_LINES])
            if len(lines) > MAX_LINES:
                text += "\n" + self.tr("… and %n more", "", len(lines) - MAX_LINES)
            title = (self.tr("Checklist items due · %1").replace("%1", session.title) if session
                     else self.tr("Checklist items due"))
            self._tray_message(title, text)

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
