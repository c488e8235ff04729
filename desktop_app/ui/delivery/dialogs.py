"""Restore from backup, integrity problems, salvage: dialogs over services/backup.py and salvage.py.

Everything slow (backup, restore, salvage) runs through ui/tasks.py with progress; each worker
opens its own connection, since a sqlite3 connection belongs to the thread that made it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.clock import Clock
from desktop_app.domain.errors import LiveOpsError
from desktop_app.messages import msg
from desktop_app.services import backup, salvage
from desktop_app.services.context import Context
from desktop_app.services.workspace_service import open_workspace, workspace_info
from desktop_app.storage.workspace import WORKSPACE_SUFFIX
from desktop_app.ui import format as fmt
from desktop_app.ui.i18n import Retranslating

OpenFn = Callable[[Path], None] | None


translate = QCoreApplication.translate


def _show_error(parent: QWidget | None, exc: BaseException) -> None:
    from desktop_app.ui.errors import show_error

    show_error(parent, exc)


def run_backup(parent: QWidget, path: Path, clock: Clock, reason: str, on_done=None) -> None:
    """A checked backup on a worker thread, with progress."""
    from desktop_app.ui.tasks import run_task

    def work(progress, cancelled):
        ctx = open_workspace(path, clock=clock)
        try:
            return backup.backup_now(ctx, reason, progress=progress)
        finally:
            ctx.ws.close()

    run_task(parent, work, title=translate("DeliveryDialogs", "Backing up the workspace…"), on_done=on_done,
             on_error=lambda exc: _show_error(parent, exc))


def _new_file(parent: QWidget, suggestion: Path, title: str) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(parent, title, str(suggestion),
                                          translate("DeliveryDialogs", "LiveOps workspace (*{suffix})").format(suffix=WORKSPACE_SUFFIX))
    if not name:
        return None
    out = Path(name)
    return out if out.suffix == WORKSPACE_SUFFIX else out.with_name(out.name + WORKSPACE_SUFFIX)


def _offer_open(parent: QWidget, out: Path, text: str, open_fn: OpenFn) -> None:
    if open_fn is None:
        QMessageBox.information(parent, translate("DeliveryDialogs", "LiveOps Desk"), text)
        return
    answer = QMessageBox.question(parent, translate("DeliveryDialogs", "LiveOps Desk"), text + "\n\n" + translate("DeliveryDialogs", "Open it now?"))
    if answer == QMessageBox.StandardButton.Yes:
        open_fn(out)


class BackupsDialog(Retranslating, QDialog):
    """File → Restore from backup: the list (date, why, sessions, size), restore into a new file."""

    COLUMNS = 4

    def __init__(self, ctx: Context, parent: QWidget | None = None, *, open_fn: OpenFn = None,
                 problems: list[str] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backupsDialog")
        self.ctx, self.open_fn = ctx, open_fn
        self.tz = workspace_info(ctx).default_timezone
        self.infos: list[backup.BackupInfo] = []
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.table = QTableWidget(0, self.COLUMNS)
        self.table.setObjectName("backupsTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemDoubleClicked.connect(lambda _i: self.restore_selected())
        self.keep_label = QLabel()
        self.keep = QSpinBox()
        self.keep.setObjectName("keepSpin")
        self.keep.setRange(backup.MIN_KEEP, backup.MAX_KEEP)
        self.keep.setValue(backup.keep_count(ctx))
        self.keep.editingFinished.connect(self._save_keep)
        self.keep_label.setBuddy(self.keep)
        self.backup_button = QPushButton()
        self.backup_button.setObjectName("backupNow")
        self.backup_button.clicked.connect(self.backup_now)
        self.folder_button = QPushButton()
        self.folder_button.clicked.connect(self.open_folder)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.restore_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.restore_button.setObjectName("restoreButton")
        self.restore_button.clicked.connect(self.restore_selected)
        self.buttons.rejected.connect(self.reject)
        self._layout(problems)
        self.retranslate()
        self.refresh()
        self.resize(760, 420)

    def _layout(self, problems: list[str] | None) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        if problems:
            details = QPlainTextEdit("\n".join(problems[:50]))
            details.setReadOnly(True)
            details.setMaximumHeight(90)
            layout.addWidget(details)
        layout.addWidget(self.table)
        row = QHBoxLayout()
        row.addWidget(self.keep_label)
        row.addWidget(self.keep)
        row.addStretch(1)
        row.addWidget(self.folder_button)
        row.addWidget(self.backup_button)
        layout.addLayout(row)
        layout.addWidget(self.buttons)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Restore from backup"))
        self.intro.setText(self.tr("Backups are taken when a session closes, once a day, and before imports, "
                                   "merges and upgrades. Restoring writes a NEW workspace file; the open "
                                   "workspace is never overwritten."))
        self.table.setHorizontalHeaderLabels([self.tr("Taken at"), self.tr("Why"), self.tr("Sessions"),
                                              self.tr("Size")])
        self.keep_label.setText(self.tr("&Keep the newest"))
        self.keep.setSuffix(" " + self.tr("backups"))
        self.backup_button.setText(self.tr("&Back up now"))
        self.folder_button.setText(self.tr("Open backup &folder"))
        self.restore_button.setText(self.tr("&Restore to new file…"))
        if self.infos:
            self.refresh()

    def refresh(self) -> None:
        self.infos = backup.list_for(self.ctx)
        self.table.setRowCount(len(self.infos))
        for row, info in enumerate(self.infos):
            sessions = fmt.number(info.sessions) if info.readable else self.tr("unreadable")
            cells = [fmt.datetime_text(info.created_utc, self.tz), msg(backup.reason_key(info.reason)), sessions,
                     fmt.file_size(info.size_bytes)]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col in (2, 3):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                item.setToolTip(str(info.path))
                self.table.setItem(row, col, item)
        if self.infos:
            self.table.selectRow(0)
        self._update_buttons()

    def _update_buttons(self) -> None:
        info = self.selected()
        self.restore_button.setEnabled(info is not None and info.readable)

    def selected(self) -> backup.BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.infos[rows[0].row()] if rows else None

    def _save_keep(self) -> None:
        if self.keep.value() != backup.keep_count(self.ctx):
            try:
                backup.set_keep_count(self.ctx, self.keep.value())
            except LiveOpsError as exc:
                _show_error(self, exc)

    def backup_now(self) -> None:
        self._save_keep()
        run_backup(self, self.ctx.ws.path, self.ctx.clock, "manual", on_done=lambda _info: self.refresh())

    def open_folder(self) -> None:
        folder = backup.folder_for(self.ctx)
        folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def suggested_restore_path(self, info: backup.BackupInfo) -> Path:
        stamp = info.created_utc.astimezone(UTC).strftime("%Y%m%d-%H%M")
        return self.ctx.ws.path.with_name(f"{self.ctx.ws.path.stem}-restored-{stamp}{WORKSPACE_SUFFIX}")

    def restore_selected(self, out: Path | None = None) -> None:
        info = self.selected()
        if info is None:
            return
        out = out or _new_file(self, self.suggested_restore_path(info), self.tr("Restore into a new workspace file"))
        if out is None:
            return
        self.restore_to(info, out)

    def restore_to(self, info: backup.BackupInfo, out: Path) -> None:
        from desktop_app.ui.tasks import run_task

        open_path = self.ctx.ws.path

        def work(progress, cancelled):
            return backup.restore(info.path, out, open_workspace=open_path, progress=progress)

        def done(path: Path) -> None:
            self.restored = path
            _offer_open(self, path, self.tr("The backup was restored into {path}.").format(path=path), self.open_fn)
            self.accept()

        run_task(self, work, title=self.tr("Restoring…"), on_done=done, on_error=lambda exc: _show_error(self, exc))


class IntegrityDialog(Retranslating, QDialog):
    """Shown when the integrity check fails: restore a backup or salvage readable rows."""

    def __init__(self, ctx: Context, problems: list[str], parent: QWidget | None = None, *,
                 open_fn: OpenFn = None) -> None:
        super().__init__(parent)
        self.setObjectName("integrityDialog")
        self.ctx, self.problems, self.open_fn = ctx, problems, open_fn
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.details = QPlainTextEdit("\n".join(problems[:100]))
        self.details.setReadOnly(True)
        self.buttons = QDialogButtonBox()
        self.restore_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setObjectName("integrityRestore")
        self.salvage_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.salvage_button.setObjectName("integritySalvage")
        self.close_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.restore_button.clicked.connect(self.restore)
        self.salvage_button.clicked.connect(self.salvage)
        self.close_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(self.details)
        layout.addWidget(self.buttons)
        self.restore_button.setDefault(True)
        self.retranslate()
        self.resize(620, 360)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Workspace problems found"))
        count = len(backup.list_for(self.ctx))
        self.text.setText(self.tr(
            "The integrity check found damage in {path}. Keep working only with care: stop, then either restore "
            "a backup ({count} available) or copy every readable row into a new workspace. Both write a new "
            "file; this one is left as it is.").format(path=self.ctx.ws.path, count=count))
        self.restore_button.setText(self.tr("&Restore a backup…"))
        self.salvage_button.setText(self.tr("&Salvage readable data…"))
        self.close_button.setText(self.tr("&Close"))
        self.restore_button.setEnabled(count > 0)

    def restore(self) -> None:
        dialog = BackupsDialog(self.ctx, self, open_fn=self.open_fn, problems=self.problems)
        if dialog.exec():
            self.accept()

    def salvage(self) -> None:
        start_salvage(self, self.ctx.ws.path, open_fn=self.open_fn, on_done=lambda _r: self.accept())


def suggested_salvage_path(path: Path, now: datetime | None = None) -> Path:
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%d-%H%M")
    return path.with_name(f"{path.stem}-salvaged-{stamp}{WORKSPACE_SUFFIX}")


def start_salvage(parent: QWidget, source: Path, *, open_fn: OpenFn = None, out: Path | None = None,
                  on_done=None) -> None:
    from desktop_app.ui.tasks import run_task

    out = out or _new_file(parent, suggested_salvage_path(source), translate("DeliveryDialogs", "Salvage into a new workspace file"))
    if out is None:
        return

    def done(report: salvage.SalvageReport) -> None:
        lines = [translate("DeliveryDialogs", "{rows} rows were copied into {path}.").format(rows=fmt.number(report.copied), path=report.out)]
        if report.damaged_tables:
            lines.append(translate("DeliveryDialogs", "Tables with unreadable parts (some rows lost): {tables}").format(
                tables=", ".join(report.damaged_tables)))
        _offer_open(parent, report.out, "\n".join(lines), open_fn)
        if on_done:
            on_done(report)

    run_task(parent, lambda progress, cancelled: salvage.salvage(source, out, progress=progress, cancelled=cancelled),
             title=translate("DeliveryDialogs", "Salvaging readable data…"), on_done=done, on_error=lambda exc: _show_error(parent, exc))


def show_integrity_problems(window: QWidget, problems: list[str]) -> None:
    """What the shell's integrity check calls on failure (instead of a plain message box)."""
    controller = getattr(window, "controller", None)
    open_fn = None
    if controller is not None and hasattr(controller, "open_path"):
        from PySide6.QtCore import QTimer

        open_fn = lambda path: QTimer.singleShot(0, lambda: controller.open_path(Path(path)))  # noqa: E731
    IntegrityDialog(window.state.ctx, problems, window, open_fn=open_fn).exec()
