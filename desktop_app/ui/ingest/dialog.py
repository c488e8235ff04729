"""Import dialog: choose a file, check the detected header and mapping, preview parsed values with their
GLOSSARY key and unit, override columns, then check (dry run) or import off the GUI thread."""

from __future__ import annotations

import csv
import os
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain import ingest as rules
from desktop_app.domain import parsing as p
from desktop_app.domain.errors import LiveOpsError
from desktop_app.domain.metrics import RAW_METRICS
from desktop_app.domain.timeutil import local
from desktop_app.messages import current_language, field_label, msg
from desktop_app.services.context import Context
from desktop_app.services.ingest import importer
from desktop_app.services.ingest import presets as preset_repo
from desktop_app.services.ingest.columns import unit_label
from desktop_app.services.ingest.inspect_task import inspect_with_preview
from desktop_app.storage import roster as roster_repo
from desktop_app.storage.workspace import Workspace
from desktop_app.ui.errors import show_error
from desktop_app.ui.tasks import run_task

_READINGS = {
    rules.K_PERCENT: [p.PCT_SIGN, p.PCT_FRACTION, p.PCT_PERCENT],
    rules.K_MONEY: [p.DOT, p.COMMA], rules.K_COUNT: [p.DOT, p.COMMA], rules.K_NUMBER: [p.DOT, p.COMMA],
    rules.K_DATETIME: [p.MONTH_FIRST, p.DAY_FIRST],
}


def inspect_file(db_path, clock, actor_id, path: str, kw: dict, *, progress, cancelled):
    """Worker: hash (with progress, cancellable) and inspect the file, then parse the preview rows.

    Runs on a worker thread with its own workspace connection (a sqlite3 connection belongs to
    one thread); the dialog swaps this for a slow fake in tests.
    """
    ws = Workspace.open(db_path)
    try:
        return inspect_with_preview(Context(ws, clock, actor_id), path, progress=progress, cancelled=cancelled, **kw)
    finally:
        ws.close()


def _preview_worker(insp: importer.Inspection, *, progress, cancelled):
    del progress, cancelled  # twenty rows: no progress to report
    return importer.preview(insp)


def _worker(path, state_ctx: Context, kw: dict, run_kw: dict, *, progress, cancelled):
    ws = Workspace.open(state_ctx.ws.path)
    try:
        ctx = Context(ws, state_ctx.clock, state_ctx.actor_id)
        insp = importer.inspect(ctx, path, **kw)
        return importer.run(ctx, insp, progress=progress, cancelled=cancelled, **run_kw)
    finally:
        ws.close()


class ImportDialog(QDialog):
    def __init__(self, state, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.insp: importer.Inspection | None = None
        self.result: importer.ImportResult | None = None
        self.overrides: dict[int, str | None] = {}
        self.decisions: dict[int, dict] = {}
        self.inspector = inspect_file  # tests inject a slow one
        self.inspect_task = None
        self.preview_rows: list[importer.PreviewRow] = []
        self._generation = 0  # results of an older inspection (superseded by a newer one) are dropped
        self._closed = False
        self.setWindowTitle(self.tr("Import platform data"))
        self.resize(1000, 720)
        self._build()

    # -- layout -----------------------------------------------------------------
    def _build(self) -> None:
        self.path_edit = QLineEdit()
        self.path_edit.setReadOnly(True)
        browse = QPushButton(self.tr("Choose file…"))
        browse.clicked.connect(self.choose_file)
        self.preset_box = QComboBox()
        self.preset_box.addItem(self.tr("Detect automatically"), None)
        for name, pr in sorted(preset_repo.presets().items()):
            self.preset_box.addItem(pr.label(current_language()), name)
        self.anchor_box = QComboBox()
        self.anchor_box.addItem(self.tr("From the file's account column"), None)
        for a in roster_repo.list_anchors(self.state.ctx.ws):
            self.anchor_box.addItem(a.name, a.id)
        self.session_box = QComboBox()
        self.session_box.addItem(self.tr("Match by start time"), None)
        for r in self.state.ctx.ws.query("SELECT id, title, COALESCE(on_air_utc, scheduled_start_utc) FROM sessions"
                                         " WHERE status IN ('live', 'post', 'closed') ORDER BY 3 DESC LIMIT 200"):
            self.session_box.addItem(f"{(r[2] or '')[:16]} {r[1]}", r[0])
        self.as_of = QDateEdit()
        self.as_of.setCalendarPopup(True)
        self.as_of.setDisplayFormat("yyyy-MM-dd")
        self.strict = QCheckBox(self.tr("Strict: reject the whole file on any bad row"))
        for w in (self.preset_box, self.anchor_box, self.session_box):
            w.currentIndexChanged.connect(self.reinspect)
        top = QFormLayout()
        file_row = QHBoxLayout()
        file_row.addWidget(self.path_edit)
        file_row.addWidget(browse)
        top.addRow(self.tr("File"), file_row)
        top.addRow(self.tr("Preset"), self.preset_box)
        top.addRow(self.tr("Anchor"), self.anchor_box)
        top.addRow(self.tr("Session"), self.session_box)
        top.addRow(self.tr("Settled as of"), self.as_of)
        top.addRow("", self.strict)
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.mapping = QTableWidget(0, 5)
        self.mapping.setHorizontalHeaderLabels([self.tr("Column"), self.tr("Header"), self.tr("Imported as"),
                                                self.tr("Unit"), self.tr("Reading")])
        self.preview_table = QTableWidget(0, 0)
        self.counts = QLabel()
        self.rejected_table = QTableWidget(0, 4)
        self.rejected_table.setHorizontalHeaderLabels([self.tr("Row"), self.tr("Column"), self.tr("Value"),
                                                       self.tr("Reason")])
        self.save_rejected = QPushButton(self.tr("Save rejected rows as CSV…"))
        self.save_rejected.setEnabled(False)
        self.save_rejected.clicked.connect(self.save_rejected_csv)
        self.check_button = QPushButton(self.tr("Check"))
        self.import_button = QPushButton(self.tr("Import"))
        close = QPushButton(self.tr("Close"))
        self.check_button.clicked.connect(lambda: self.start(dry_run=True))
        self.import_button.clicked.connect(lambda: self.start(dry_run=False))
        close.clicked.connect(self.reject)
        for b in (self.check_button, self.import_button):
            b.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_rejected)
        buttons.addStretch(1)
        for b in (self.check_button, self.import_button, close):
            buttons.addWidget(b)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.info)
        lay.addWidget(QLabel(self.tr("Detected header and mapping")))
        lay.addWidget(self.mapping, 2)
        lay.addWidget(QLabel(self.tr("Preview of parsed values")))
        lay.addWidget(self.preview_table, 2)
        lay.addWidget(self.counts)
        lay.addWidget(self.rejected_table, 1)
        lay.addLayout(buttons)

    # -- inspection -------------------------------------------------------------
    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Platform export"), "",
                                              self.tr("Tables (*.csv *.txt *.tsv *.xlsx *.xlsm *.xls *.et *.numbers);;All files (*)"))
        if path:
            self.load(path)

    def load(self, path: str) -> None:
        self.path_edit.setText(path)
        self.overrides, self.decisions = {}, {}
        self.reinspect()

    def _kw(self) -> dict:
        kw = {"preset": self.preset_box.currentData(), "anchor_id": self.anchor_box.currentData(),
              "session_id": self.session_box.currentData(), "overrides": dict(self.overrides),
              "decisions": dict(self.decisions)}
        if self.insp is not None and self.as_of.date().isValid():
            kw["as_of"] = self.as_of.date().toPython()
        return kw

    def reinspect(self) -> None:
        """Inspect the file on a worker thread (hashing a 100 MB export takes seconds), with progress and cancel."""
        path = self.path_edit.text()
        if not path:
            return
        if self.inspect_task is not None:
            self.inspect_task.cancel()
        self._generation += 1
        gen = self._generation
        kw = self._kw()
        kw.pop("as_of", None)
        self.insp = None
        self.check_button.setEnabled(False)
        self.import_button.setEnabled(False)
        self.info.setText(self.tr("Reading {file}…").format(file=Path(path).name))
        self._fit_info()
        ctx = self.state.ctx
        self.inspect_task = run_task(self, self.inspector, ctx.ws.path, ctx.clock, ctx.actor_id, path, kw,
                                     title=self.tr("Reading the file…"),
                                     on_done=lambda res, g=gen: self._inspected(g, res),
                                     on_error=lambda exc, g=gen: self._inspect_failed(g, exc))

    @property
    def inspecting(self) -> bool:
        return self.inspect_task is not None

    def _inspected(self, gen: int, res) -> None:
        task = self.inspect_task
        if self._closed or gen != self._generation or (task is not None and task.cancelled()):
            res[0].table.close()  # superseded, closed, or cancelled while a step that cannot stop ran on
            if not self._closed and gen == self._generation:
                self._inspect_failed(gen, importer.ImportCancelled("error.ingest.inspect_cancelled",
                                                                   file=res[0].table.name))
            return
        self.inspect_task = None
        self.insp, self.preview_rows = res
        d = self.insp.as_of
        self.as_of.setDate(QDate(d.year, d.month, d.day))
        self.check_button.setEnabled(True)
        self.import_button.setEnabled(True)
        self._show_inspection()

    def _inspect_failed(self, gen: int, exc: BaseException) -> None:
        if self._closed or gen != self._generation:
            return
        self.inspect_task = None
        self.insp = None
        self.preview_rows = []
        self.mapping.setRowCount(0)
        self.preview_table.clear()
        self.preview_table.setRowCount(0)
        self.preview_table.setColumnCount(0)
        self.check_button.setEnabled(False)
        self.import_button.setEnabled(False)
        if not isinstance(exc, LiveOpsError):
            raise exc
        self.info.setText(exc.text())
        self._fit_info()

    def _fit_info(self) -> None:
        # A wrapped label is squeezed by the tables below it: reserve the height its text needs.
        self.info.setMinimumHeight(self.info.heightForWidth(max(self.info.width(), self.width() - 40)))

    def done(self, r: int) -> None:  # closing while a file is read: stop the reader, drop its result
        self._closed = True
        if self.inspect_task is not None:
            self.inspect_task.cancel()
        super().done(r)

    def _show_inspection(self) -> None:
        insp = self.insp
        t = insp.table
        kinds = {rules.TIMESERIES: self.tr("minute time series"), rules.SESSIONS: self.tr("one row per broadcast"),
                 rules.PRODUCTS: self.tr("per-product data")}
        self.info.setText(self.tr("{file}: {fmt}, header on row {row}, {kind}, preset {preset}").format(
            file=t.name, fmt=t.encoding or t.sheet or t.fmt, row=insp.header_row, kind=kinds.get(insp.kind, "?"),
            preset=insp.preset.label(current_language()))
            + "".join("\n• " + n.text() for n in insp.all_notes()))
        self._fit_info()
        self.mapping.blockSignals(True)
        self.mapping.setRowCount(len(insp.columns))
        for r, c in enumerate(insp.columns):
            self.mapping.setItem(r, 0, QTableWidgetItem(str(c.index + 1)))
            header = c.header + ("  ⚠ " + self.tr("personal data: not imported") if c.pii else "") \
                + ("  " + self.tr("(hidden in the file)") if c.hidden else "")
            self.mapping.setItem(r, 1, QTableWidgetItem(header))
            self.mapping.setCellWidget(r, 2, self._key_box(c))
            self.mapping.setItem(r, 3, QTableWidgetItem(unit_label(c.unit, insp.currency)))
            self.mapping.setCellWidget(r, 4, self._reading_box(c))
        self.mapping.blockSignals(False)
        self.mapping.resizeColumnsToContents()
        self._show_preview()

    def _key_box(self, c) -> QComboBox:
        box = QComboBox()
        box.addItem(self.tr("— not imported —"), None)
        for role in rules.ROLES:
            if role != rules.PII:
                box.addItem(f"{field_label(role)} ({role})", role)
        for key in RAW_METRICS:
            box.addItem(f"{field_label(key)} ({key})", key)
        box.setCurrentIndex(max(0, box.findData(c.key)))
        box.currentIndexChanged.connect(lambda _i, col=c.index, b=box: self._set_key(col, b.currentData()))
        return box

    def _reading_box(self, c) -> QWidget:
        options = _READINGS.get(c.kind)
        if not c.key or not options:
            return QLabel("")
        box = QComboBox()
        # SIGN: the column writes %, and its bare numbers are percent points like PERCENT (the notes say why).
        labels = {p.PCT_SIGN: "12.3%, 0.5 = 0.5%", p.PCT_FRACTION: "0.123 = 12.3%", p.PCT_PERCENT: "12.3 = 12.3%",
                  p.DOT: "1,234.5", p.COMMA: "1.234,5", p.MONTH_FIRST: "MM/DD/YYYY", p.DAY_FIRST: "DD/MM/YYYY"}
        for o in options:
            box.addItem(labels[o], o)
        attr = {rules.K_PERCENT: "percent_mode", rules.K_DATETIME: "date_order"}.get(c.kind, "locale")
        box.setCurrentIndex(max(0, box.findData(getattr(c.decision, attr))))
        box.currentIndexChanged.connect(
            lambda _i, col=c.index, a=attr, b=box: self._set_decision(col, a, b.currentData()))
        return box

    def _set_key(self, column: int, key) -> None:
        self.overrides[column] = key
        self.reinspect()

    def _set_decision(self, column: int, attr: str, value) -> None:
        self.decisions.setdefault(column, {})[attr] = value
        self.reinspect()

    def _show_preview(self) -> None:
        insp = self.insp
        cols = insp.mapped
        self.preview_table.clear()
        self.preview_table.setColumnCount(len(cols) + 1)
        labels = [self.tr("Row")] + [
            f"{c.header}\n{c.key}" + (f" [{unit_label(c.unit, insp.currency)}]" if c.unit else "")
            for c in cols]
        self.preview_table.setHorizontalHeaderLabels(labels)
        rows = self.preview_rows
        self.preview_table.setRowCount(len(rows))
        statuses = {"data": self.tr("data"), "blank": self.tr("blank: skipped"), "total": self.tr("total: skipped"),
                    "repeated_header": self.tr("repeated header: skipped"), "rejected": self.tr("rejected")}
        hidden = set(insp.hidden_rows.rows)
        for r, row in enumerate(rows):
            label = f"{row.row} {statuses.get(row.status, row.status)}"
            if row.row in hidden:  # hidden in the sheet (a filter): imported all the same, the notes say so
                label += "  " + self.tr("(row hidden in the sheet)")
            self.preview_table.setItem(r, 0, QTableWidgetItem(label))
            skipped = row.status not in ("data", "rejected")
            for j, c in enumerate(cols, start=1):
                if skipped:
                    item = QTableWidgetItem("")
                elif c.index in row.errors:
                    item = QTableWidgetItem(row.errors[c.index].text())
                    item.setForeground(Qt.GlobalColor.red)
                else:
                    item = QTableWidgetItem(display_value(row.values.get(c.index), c.kind, insp.tz))
                self.preview_table.setItem(r, j, item)
        self.preview_table.resizeColumnsToContents()

    # -- run ----------------------------------------------------------------------
    def start(self, *, dry_run: bool) -> None:
        if self.insp is None:
            return
        kw = self._kw()
        run_kw = {"anchor_id": kw["anchor_id"], "session_id": kw["session_id"], "strict": self.strict.isChecked(),
                  "dry_run": dry_run}
        self.check_button.setEnabled(False)
        self.import_button.setEnabled(False)
        self.task = run_task(self, _worker, self.path_edit.text(), self.state.ctx, kw, run_kw,
                             title=self.tr("Importing…"), on_done=self.finished_ok, on_error=self.failed)

    def finished_ok(self, result: importer.ImportResult) -> None:
        self.result = result
        self._adopt_decisions(result.inspection)
        self._show_result(result)
        if result.committed:
            self.state.emit_changes(result.changes)
        self.check_button.setEnabled(True)
        self.import_button.setEnabled(not result.committed)

    def _adopt_decisions(self, done: importer.Inspection) -> None:
        """Show the readings the check/import decided over the WHOLE column (the preview only saw
        the first rows), so the user sees, and can still override, what was really applied."""
        if self.insp is None or done is self.insp:
            return
        final = {c.index: c.decision for c in done.mapped}
        changed = False
        for c in self.insp.mapped:
            d = final.get(c.index)
            if d is not None and d.to_json() != c.decision.to_json():
                c.decision, changed = d, True
        if changed:
            self._show_inspection()
            # The preview reads the file again with the adopted readings: off the GUI thread too.
            gen = self._generation
            self.preview_task = run_task(self, _preview_worker, self.insp, title=self.tr("Reading the file…"),
                                         on_done=lambda rows, g=gen: self._previewed(g, rows),
                                         on_error=lambda exc, g=gen: self._inspect_failed(g, exc))

    def _previewed(self, gen: int, rows) -> None:
        if self._closed or gen != self._generation or self.insp is None:
            return
        self.preview_rows = rows
        self._show_preview()

    def failed(self, exc: BaseException) -> None:
        self.check_button.setEnabled(True)
        self.import_button.setEnabled(True)
        partial = getattr(exc, "result", None)
        if partial is not None:
            self._show_result(partial)
        self.counts.setText(exc.text() if isinstance(exc, LiveOpsError) else str(exc))
        if isinstance(exc, LiveOpsError):
            show_error(self, exc)
        else:
            raise exc

    def _show_result(self, result: importer.ImportResult) -> None:
        c = result.counts
        state = (self.tr("Imported") if result.committed else
                 self.tr("Checked, nothing written") if result.dry_run else self.tr("Nothing new to import"))
        self.counts.setText(self.tr("{state}: {accepted} accepted, {rejected} rejected, {skipped} skipped").format(
            state=state, **c))
        self.rejected_table.setRowCount(len(result.rejected))
        for r, rej in enumerate(result.rejected):
            for j, v in enumerate((str(rej.row), rej.column, rej.value, rej.message.text())):
                self.rejected_table.setItem(r, j, QTableWidgetItem(v))
        self.rejected_table.resizeColumnsToContents()
        self.save_rejected.setEnabled(bool(result.rejected))

    def save_rejected_csv(self, path: str | None = None) -> None:
        if not path:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Save rejected rows"), "rejected.csv",
                                                  self.tr("CSV files (*.csv)"))
        if path:
            try:
                write_rejected_csv(Path(path), self._current_rejections())
            except LiveOpsError as exc:
                show_error(self, exc)

    def _current_rejections(self):
        return self.result.rejected if self.result else []


def display_value(v, kind: str, tz: str) -> str:
    """A parsed value as the user reads it: local time in the anchor's zone, money with 2 dp, rates as %."""
    if v is None:
        return "—"
    if isinstance(v, datetime):
        return local(v, tz).strftime("%Y-%m-%d %H:%M:%S")
    if kind == rules.K_MONEY:
        return f"{v:,.2f}"
    if kind == rules.K_PERCENT:
        return f"{float(v) * 100:.2f}%"
    if kind == rules.K_DURATION:
        return f"{v} {unit_label('s')}"
    return str(v)


def write_rejected_csv(path: Path, rejected) -> None:
    """UTF-8 with BOM so Excel/WPS open the Chinese text; written to a temp name then renamed."""
    tmp = path.with_name(path.name + ".part")
    try:
        with tmp.open("w", encoding="utf-8-sig", newline="") as fh:
            w = csv.writer(fh)
            w.writerow([msg("ingest.rejected.header." + k) for k in ("row", "column", "value", "reason")])
            for r in rejected:
                w.writerow([r.row, r.column, r.value, r.message.text()])
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise LiveOpsError("error.ingest.save_failed", path=str(path), detail=exc.strerror or str(exc)) from None
