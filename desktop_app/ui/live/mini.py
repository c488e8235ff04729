"""Always-on-top mini window: elapsed time, key numbers vs targets, next due item, same hotkeys.

Frameless and movable by dragging anywhere; its place is remembered in QSettings.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QSettings, QSize, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QLabel, QLineEdit, QVBoxLayout, QWidget

POS_KEY = "live/mini/pos"
MAX_WIDTH_EM = 22  # a long checklist item wraps at about this width (in line heights) instead of widening


class MiniWindow(QFrame):
    note_entered = Signal(str)
    note_skipped = Signal()
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Tool | Qt.WindowType.FramelessWindowHint
                         | Qt.WindowType.WindowStaysOnTopHint)
        self.setObjectName("liveMiniWindow")
        self.setFrameShape(QFrame.Shape.Box)
        self.setStyleSheet("#liveMiniWindow { background: #1f2328; color: #f1f3f5; border: 1px solid #495057; }"
                           " QLabel { color: #f1f3f5; } QLineEdit { background: #343a40; color: #f8f9fa; }")
        self._drag: QPoint | None = None
        self.elapsed = QLabel()
        self.elapsed.setObjectName("miniElapsed")
        font = self.elapsed.font()
        font.setPointSize(font.pointSize() + 6)
        font.setBold(True)
        self.elapsed.setFont(font)
        self.title = QLabel()  # its own wrapped line: beside the big clock a long title was cut off
        self.title.setObjectName("miniTitle")
        self.title.setWordWrap(True)
        self.numbers = QLabel()
        self.numbers.setObjectName("miniNumbers")
        self.next_due = QLabel()
        self.next_due.setObjectName("miniNextDue")
        self.next_due.setWordWrap(True)
        self.status = QLabel()
        self.status.setObjectName("miniStatus")
        self.status.setWordWrap(True)
        self.note = QLineEdit()
        self.note.setObjectName("miniNote")
        self.note.returnPressed.connect(self._note)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(3)
        for w in (self.elapsed, self.title, self.numbers, self.next_due, self.status, self.note):
            layout.addWidget(w)
        self.setMinimumWidth(260)
        self.retranslate()

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() == QEvent.Type.LayoutRequest:
            self.fit_contents()
        return handled

    def fit_contents(self) -> None:
        """Take the height the wrapped texts need at a bounded width, whenever a text changes.

        A frameless window cannot be resized by hand, and a top-level layout only enforces its
        minimum size, which leaves word-wrapped lines (a long next-due item) out: without this,
        a longer text squeezed the window's labels over one another."""
        layout = self.layout()
        if layout is None:
            return
        widest = max(self.minimumWidth(), MAX_WIDTH_EM * self.fontMetrics().height())
        width = max(self.minimumWidth(), min(layout.sizeHint().width(), widest))
        height = layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else layout.sizeHint().height()
        wanted = QSize(width, max(height, layout.totalMinimumSize().height()))
        if wanted != self.size():
            self.resize(wanted)
            self._keep_on_screen()

    def _keep_on_screen(self) -> None:
        """A window grown downwards stays on its screen (moved up when it would run off the bottom)."""
        screen = self.screen()
        if screen is None or not self.isVisible():
            return
        area = screen.availableGeometry()
        x = min(max(self.x(), area.left()), max(area.left(), area.right() - self.width()))
        y = min(max(self.y(), area.top()), max(area.top(), area.bottom() - self.height()))
        if (x, y) != (self.x(), self.y()):
            self.move(x, y)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("LiveOps mini"))
        self.note.setPlaceholderText(self.tr("hotkey, then note + Enter"))

    def _note(self) -> None:
        self.note_entered.emit(self.note.text())

    def show_at_saved_place(self) -> None:
        pos = QSettings().value(POS_KEY)
        if isinstance(pos, QPoint):
            if QGuiApplication.screenAt(pos) is None:  # its monitor is gone: back onto the main screen
                area = QGuiApplication.primaryScreen().availableGeometry()
                pos = QPoint(min(max(pos.x(), area.left()), max(area.left(), area.right() - self.width())),
                             min(max(pos.y(), area.top()), max(area.top(), area.bottom() - self.height())))
            self.move(pos)
        self.show()

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.note_skipped.emit()
            return
        super().keyPressEvent(event)

    def mousePressEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._drag = event.globalPosition().toPoint() - self.frameGeometry().topLeft()
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:
        if self._drag is not None and event.buttons() & Qt.MouseButton.LeftButton:
            self.move(event.globalPosition().toPoint() - self._drag)
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        self._drag = None
        super().mouseReleaseEvent(event)

    def moveEvent(self, event) -> None:
        QSettings().setValue(POS_KEY, self.pos())
        super().moveEvent(event)

    def closeEvent(self, event) -> None:
        QSettings().setValue(POS_KEY, self.pos())
        self.closed.emit()
        super().closeEvent(event)
