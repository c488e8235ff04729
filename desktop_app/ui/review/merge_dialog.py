"""Merge a specialist's bundle: preview what would change, decide conflicts, mappings and
assignments, then merge in one transaction on a worker thread (progress + cancel)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from desktop_app.domain.errors import LiveOpsError
from desktop_app.messages import msg
from desktop_app.services import merge
from desktop_app.services.context import Changes, Context
from desktop_app.services.merge import MergeDecisions, MergeNeedsDecision, MergeReport
from desktop_app.storage.workspace import Workspace
from desktop_app.ui.errors import show_error
from desktop_app.ui.i18n import Retranslating
from desktop_app.ui.state import AppState
from desktop_app.ui.tasks import run_task


def _worker_ctx(path: Path, clock, actor: str | None) -> Context:
    # A sqlite3 connection belongs to one thread: the worker opens its own.
    return Context(Workspace.open(path), clock, actor)


def run_merge(ws_path: Path, clock, actor, bundle: Path, decisions: MergeDecisions, dry_run: bool, *,
              progress=None, cancelled=None):
    ctx = _worker_ctx(ws_path, clock, actor)
    try:
        try:
            report, _ = merge.merge_bundle(ctx, bundle, decisions, dry_run=dry_run, progress=progress,
                                           cancelled=cancelled)
        except MergeNeedsDecision as exc:
            return exc.report, True
        return report, False
    finally:
        ctx.ws.close()


def run_export(ws_path: Path, clock, actor, out: Path, *, progress=None, cancelled=None) -> dict:
    ctx = _worker_ctx(ws_path, clock, actor)
    try:
        return merge.export_bundle(ctx, out)
    finally:
        ctx.ws.close()


class MergeDialog(Retranslating, QDialog):
    def __init__(self, state: AppState, parent=None, bundle: Path | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.report: MergeReport | None = None
        self.path_edit = QLineEdit()
        self.browse_btn, self.preview_btn, self.merge_btn = QPushButton(), QPushButton(), QPushButton()
        self.policy = QComboBox()
        self.policy_label = QLabel()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.items = QTableWidget(0, 3)
        self.items.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.items.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        top = QHBoxLayout()
        for w in (self.path_edit, self.browse_btn, self.preview_btn):
            top.addWidget(w)
        pol = QHBoxLayout()
        pol.addWidget(self.policy_label)
        pol.addWidget(self.policy)
        pol.addStretch(1)
        pol.addWidget(self.merge_btn)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(pol)
        layout.addWidget(self.summary)
        layout.addWidget(self.items)
        self.resize(860, 520)
        self.browse_btn.clicked.connect(self.browse)
        self.preview_btn.clicked.connect(self.preview)
        self.merge_btn.clicked.connect(self.do_merge)
        self.policy.currentIndexChanged.connect(self._apply_policy)
        self.merge_btn.setEnabled(False)
        self.retranslate()
        if bundle:
            self.path_edit.setText(str(bundle))

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Merge a workspace bundle"))
        self.browse_btn.setText(self.tr("Choose…"))
        self.preview_btn.setText(self.tr("Preview"))
        self.merge_btn.setText(self.tr("Merge"))
        self.policy_label.setText(self.tr("For every conflict:"))
        current = self.policy.currentIndex()
        self.policy.blockSignals(True)
        self.policy.clear()
        self.policy.addItem(self.tr("Decide one by one"), "ask")
        self.policy.addItem(self.tr("Keep local"), "keep-local")
        self.policy.addItem(self.tr("Take the bundle's"), "take-bundle")
        self.policy.setCurrentIndex(max(current, 0))
        self.policy.blockSignals(False)
        self.items.setHorizontalHeaderLabels([self.tr("Kind"), self.tr("What"), self.tr("Decision")])

    def _args(self):
        ctx = self.state.ctx
        return ctx.ws.path, ctx.clock, ctx.actor_id

    def browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a bundle"), "",
                                              self.tr("LiveOps bundles (*.liveops-bundle *.zip);;All files (*)"))
        if name:
            self.path_edit.setText(name)
            self.preview()

    def preview(self) -> None:
        bundle = Path(self.path_edit.text())
        run_task(self, run_merge, *self._args(), bundle, MergeDecisions("ask"), True,
                 title=self.tr("Reading the bundle…"), on_done=self._show_plan,
                 on_error=lambda exc: self._failed(exc))

    def _failed(self, exc: BaseException) -> None:
        self.merge_btn.setEnabled(False)
        if isinstance(exc, LiveOpsError):
            self.summary.setText(exc.text())
            show_error(self, exc)
        else:
            raise exc

    def _show_plan(self, result) -> None:
        report, needs = result
        self.report = report
        if needs:
            self.summary.setText(self.tr("Decide the rows below, then merge. Nothing has been written yet."))
        else:
            self.summary.setText(msg("cli.merge.dry_run") + " " + msg(
                "cli.merge.result", inserted=report.inserted, updated=report.updated, deleted=report.deleted,
                kept=report.kept, unchanged=report.unchanged))
        rows = ([("mapping", m) for m in report.mappings] + [("assignment", a) for a in report.assignment_conflicts]
                + [("conflict", c) for c in report.conflicts])
        self.items.setRowCount(len(rows))
        self._row_items = rows
        for r, (kind, item) in enumerate(rows):
            self.items.setItem(r, 0, QTableWidgetItem(self._kind_text(kind)))
            self.items.setItem(r, 1, QTableWidgetItem(self._describe(kind, item)))
            combo = QComboBox()
            for text, value in self._choices(kind, item):
                combo.addItem(text, value)
            self.items.setCellWidget(r, 2, combo)
        self._apply_policy()
        self.merge_btn.setEnabled(True)

    def _kind_text(self, kind: str) -> str:
        return {"mapping": self.tr("Same name"), "assignment": self.tr("Two specialists"),
                "conflict": self.tr("Conflict")}[kind]

    @staticmethod
    def _describe(kind: str, item) -> str:
        if kind == "mapping":
            return item.text()
        if kind == "assignment":
            return msg("bundle.assignment.line", anchor=item.anchor_name, local=item.local_specialist,
                       bundle=item.bundle_specialist)
        return msg("bundle.conflict.line", table=item.table, row=item.row_id, local=item.local_modified or "—",
                   bundle=item.bundle_modified or "—")

    def _choices(self, kind: str, item) -> list[tuple[str, object]]:
        if kind == "mapping":
            if item.required:
                return [(self.tr("Same (required: same platform account)"), True)]
            return [(self.tr("Same: map onto the local one"), True), (self.tr("Different: keep both"), False)]
        return [(self.tr("Keep local"), "local"), (self.tr("Take the bundle's"), "bundle")]

    def _apply_policy(self) -> None:
        policy = self.policy.currentData()
        for r in range(self.items.rowCount()):
            combo = self.items.cellWidget(r, 2)
            if combo is None:
                continue
            if policy == "take-bundle" and combo.findData("bundle") >= 0:
                combo.setCurrentIndex(combo.findData("bundle"))
            elif policy == "keep-local" and combo.findData("local") >= 0:
                combo.setCurrentIndex(combo.findData("local"))

    def decisions(self) -> MergeDecisions:
        d = MergeDecisions(self.policy.currentData() or "ask")
        for r, (kind, item) in enumerate(getattr(self, "_row_items", [])):
            value = self.items.cellWidget(r, 2).currentData()
            if kind == "mapping":
                d.mappings[item.bundle_id] = bool(value)
            elif kind == "assignment":
                d.assignments[item.anchor_id] = str(value)
            else:
                d.conflicts[item.key] = str(value)
        return d

    def do_merge(self) -> None:
        bundle = Path(self.path_edit.text())
        run_task(self, run_merge, *self._args(), bundle, self.decisions(), False,
                 title=self.tr("Merging…"), on_done=self._merged, on_error=lambda exc: self._failed(exc))

    def _merged(self, result) -> None:
        report, needs = result
        if needs:  # the bundle changed between preview and merge: show the new questions
            self._show_plan(result)
            return
        self.report = report
        self.merge_btn.setEnabled(False)
        text = msg("cli.merge.result", inserted=report.inserted, updated=report.updated, deleted=report.deleted,
                   kept=report.kept, unchanged=report.unchanged)
        self.summary.setText(text)
        self.state.emit_changes(Changes(external=True))


def export_bundle_dialog(state: AppState, parent) -> None:
    name, _ = QFileDialog.getSaveFileName(parent, QCoreApplicationTr.tr("Export workspace bundle"), "",
                                          "LiveOps bundles (*.liveops-bundle)")
    if not name:
        return
    ctx = state.ctx
    run_task(parent, run_export, ctx.ws.path, ctx.clock, ctx.actor_id, Path(name),
             title=QCoreApplicationTr.tr("Writing the bundle…"),
             on_done=lambda m: QMessageBox.information(parent, QCoreApplicationTr.tr("Export workspace bundle"),
                                                       msg("cli.bundle.written", path=name, sessions=m["sessions"],
                                                           rows=m["rows"])))


_EXPORT_TEXTS = (QT_TRANSLATE_NOOP("MergeDialog", "Export workspace bundle"),
                 QT_TRANSLATE_NOOP("MergeDialog", "Writing the bundle…"))


class QCoreApplicationTr:
    @staticmethod
    def tr(text: str) -> str:
        from PySide6.QtCore import QCoreApplication

        return QCoreApplication.translate("MergeDialog", text)
