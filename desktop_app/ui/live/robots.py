"""Group robots in the UI: background sender (own connection, worker thread) and settings dialog."""

from __future__ import annotations

import logging
import sqlite3

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from desktop_app.domain.errors import LiveOpsError
from desktop_app.domain.timeutil import local
from desktop_app.messages import msg
from desktop_app.services import webhooks
from desktop_app.services.workspace_service import open_workspace

log = logging.getLogger(__name__)
INTERVAL_MS = 15_000


class _Signals(QObject):
    done = Signal(object)  # list[Delivery]


class _Send(QRunnable):
    def __init__(self, path, clock, signals: _Signals) -> None:
        super().__init__()
        self.path, self.clock, self.signals = path, clock, signals

    def run(self) -> None:
        results: list = []
        try:
            ctx = open_workspace(self.path, clock=self.clock)
            try:
                results = webhooks.deliver_due(ctx)
            finally:
                ctx.ws.close()
        except Exception:  # a locked or missing file: try again on the next round
            log.exception("webhook delivery round failed")
        self.signals.done.emit(results)


class RobotSender(QObject):
    """Sends queued reports every 15 s and right after a report is queued; never on the GUI thread."""

    delivered = Signal(object)

    def __init__(self, ctx, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.busy = False
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.signals = _Signals(self)
        self.signals.done.connect(self._done)
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.kick)
        self.timer.start()

    def kick(self) -> None:
        try:
            if self.busy or not webhooks.list_targets(self.ctx, enabled_only=True):
                return
        except sqlite3.ProgrammingError:  # the workspace was closed under us
            self.timer.stop()
            return
        self.busy = True
        self.pool.start(_Send(self.ctx.ws.path, self.ctx.clock, self.signals))

    def _done(self, results) -> None:
        self.busy = False
        self.delivered.emit(results)

    def shutdown(self) -> None:
        self.timer.stop()
        self.pool.waitForDone(15_000)


class RobotDialog(QDialog):
    """Add/disable robots; see the queue and retry failures."""

    def __init__(self, ctx, tz: str, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("robotDialog")
        self.ctx, self.tz = ctx, tz
        self.setWindowTitle(self.tr("Group robots (WeCom / Feishu / DingTalk)"))
        self.targets = QTableWidget(0, 4)
        self.targets.setObjectName("robotTargets")
        self.kind = QComboBox()
        for k in webhooks.KINDS:
            self.kind.addItem(msg(f"webhook.kind.{k}"), k)
        self.url = QLineEdit()
        self.url.setObjectName("robotUrl")
        self.secret = QLineEdit()
        self.secret.setObjectName("robotSecret")
        self.error = QLabel()
        self.error.setObjectName("robotError")
        self.error.setStyleSheet("color: #c92a2a")
        add = QPushButton(self.tr("Add robot"))
        add.setObjectName("addRobot")
        add.clicked.connect(self.add)
        remove = QPushButton(self.tr("Disable selected"))
        remove.clicked.connect(self.disable_selected)
        self.queue = QTableWidget(0, 5)
        self.queue.setObjectName("robotQueue")
        retry = QPushButton(self.tr("Retry failed now"))
        retry.setObjectName("retryRobots")
        retry.clicked.connect(self.retry)
        form = QFormLayout()
        form.addRow(self.tr("Type"), self.kind)
        form.addRow(self.tr("Webhook URL"), self.url)
        form.addRow(self.tr("Signing secret (DingTalk/Feishu, optional)"), self.secret)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.targets)
        layout.addWidget(remove)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(add)
        layout.addWidget(QLabel(self.tr("Queue (newest first)")))
        layout.addWidget(self.queue)
        layout.addWidget(retry)
        layout.addWidget(buttons)
        self.resize(720, 560)
        self.refresh()

    def refresh(self) -> None:
        rows = webhooks.list_targets(self.ctx)
        self.targets.setHorizontalHeaderLabels([self.tr("Type"), self.tr("URL"), self.tr("Signed"), self.tr("On")])
        self.targets.setRowCount(len(rows))
        for i, t in enumerate(rows):
            for j, text in enumerate((msg(f"webhook.kind.{t.kind}"), t.url, "✓" if t.secret else "",
                                      "✓" if t.enabled else "")):
                item = QTableWidgetItem(text)
                item.setData(256, t.id)
                self.targets.setItem(i, j, item)
        queue = webhooks.outbox(self.ctx, limit=100)
        self.queue.setHorizontalHeaderLabels([self.tr("Queued"), self.tr("Robot"), self.tr("Status"),
                                              self.tr("Attempts"), self.tr("Last error")])
        self.queue.setRowCount(len(queue))
        status = {"pending": self.tr("pending"), "sent": self.tr("sent"), "failed": self.tr("failed")}
        robots = {t.id: " ".join(x for x in (msg(f"webhook.kind.{t.kind}"), t.name) if x) for t in rows}
        for i, r in enumerate(queue):  # with several robots, which one failed
            for j, text in enumerate((local(r.created_at, self.tz).strftime("%m-%d %H:%M:%S"),
                                      robots.get(r.target_id, ""), status[r.status], str(r.attempts),
                                      r.last_error or "")):
                self.queue.setItem(i, j, QTableWidgetItem(text))
        self.targets.resizeColumnsToContents()
        self.queue.resizeColumnsToContents()

    def add(self) -> None:
        try:
            webhooks.save_target(self.ctx, kind=self.kind.currentData(), url=self.url.text(),
                                 secret=self.secret.text())
        except LiveOpsError as exc:
            self.error.setText(exc.text())
            return
        self.error.clear()
        self.url.clear()
        self.secret.clear()
        self.refresh()

    def disable_selected(self) -> None:
        row = self.targets.currentRow()
        if row >= 0:
            webhooks.remove_target(self.ctx, self.targets.item(row, 0).data(256))
            self.refresh()

    def retry(self) -> None:
        webhooks.retry_failed(self.ctx)
        self.refresh()
