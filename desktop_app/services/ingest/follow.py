"""Follow a CSV that another program (a scraper, an exporter) keeps appending to.

``Follower.poll()`` is driven by the caller's timer (the UI polls every 500 ms, tests call it
by hand with a fake clock): it reads what was appended since the last poll, keeps a partial
last line until its newline arrives, starts again from the top when the file is truncated or
replaced (rotation), waits while the file is missing, and ingests complete rows into the live
session in one short write transaction per poll. Rows already stored (after a rotation that
rewrote them) are recognised by their natural key and not stored twice.
"""

from __future__ import annotations

import codecs
import csv
import os
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from pathlib import Path

from desktop_app.domain import ingest as rules
from desktop_app.domain.enums import Source
from desktop_app.domain.errors import LiveOpsError, ValidationError
from desktop_app.domain.models import MetricSample
from desktop_app.domain.timeutil import from_iso, to_iso
from desktop_app.messages import Message
from desktop_app.services import metrics_entry
from desktop_app.services.context import Changes, Context
from desktop_app.services.ingest import importer
from desktop_app.services.ingest.columns import ColumnMap, build_converter
from desktop_app.services.ingest.reader import FileRejected, _sniff_encoding
from desktop_app.storage import ingest as ingest_repo
from desktop_app.storage import summaries

WAITING, FOLLOWING, STOPPED, ERROR = "waiting", "following", "stopped", "error"
MAX_READ = 8 * 1024 * 1024  # per poll, so one huge append never freezes the caller
POLL_MS = 500


@dataclass
class FollowStatus:
    state: str
    file: str
    rows: int = 0
    rejected: int = 0
    message: Message | None = None
    last_read: datetime | None = None
    changes: Changes = field(default_factory=Changes)

    def text(self, lang: str | None = None) -> str:
        return self.message.text(lang) if self.message else ""


class Follower:
    def __init__(self, ctx: Context, path: Path | str, session_id: str, *, preset: str | None = None,
                 overrides: dict[int, str | None] | None = None) -> None:
        self.ctx, self.path, self.session_id = ctx, Path(path), session_id
        self.preset, self.overrides = preset, overrides
        self.rows = 0
        self.rejected = 0
        self.state = WAITING
        self.message: Message | None = Message("ingest.follow.waiting", {"file": self.path.name})
        self.last_read: datetime | None = None
        self.rejections: list[importer.Rejection] = []  # every row refused since the follow started
        self.redecisions: list[Message] = []  # each time a column's reading changed, what was corrected
        self._reset()

    def _reset(self) -> None:
        self.identity: tuple[int, int] | None = None
        self.offset = 0
        self.pending_text = ""
        self.decoder = None
        self.encoding: str | None = None
        self.line_no = 0
        self.insp: importer.Inspection | None = None
        self.lines: list[str] = []  # complete lines read before the header was recognised
        self.evidence: list = []  # (column, ColumnEvidence, ColumnMap) of columns a later value may re-decide
        self.raw: dict[int, list[tuple[int, str, object]]] = {}  # column → (row, ts, raw cell) stored so far

    def stop(self) -> FollowStatus:
        self.state = STOPPED
        self.message = Message("ingest.follow.stopped", {"file": self.path.name})
        return self.status()

    def status(self, changes: Changes | None = None) -> FollowStatus:
        return FollowStatus(self.state, str(self.path), self.rows, self.rejected, self.message, self.last_read,
                            changes or Changes())

    # -- polling -------------------------------------------------------------------
    def poll(self) -> FollowStatus:
        if self.state == STOPPED:
            return self.status()
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            self.state = WAITING
            self.message = Message("ingest.follow.waiting", {"file": self.path.name})
            self.identity = None  # when it comes back it is read from the top
            return self.status()
        except OSError as exc:
            return self._error(exc.strerror or str(exc))
        identity = (st.st_ino, st.st_dev)
        if (self.identity is not None and identity != self.identity) or st.st_size < self.offset:
            self._reset()
            self.message = Message("ingest.follow.rotated", {"file": self.path.name})
        if self.identity is None:
            self._reset()
            self.identity = identity
        if st.st_size == self.offset:
            if self.state != ERROR:
                self.state = FOLLOWING if self.insp else WAITING
            return self.status()
        try:
            return self._read_new()
        except LiveOpsError as exc:
            return self._error(exc.text())
        except OSError as exc:
            return self._error(exc.strerror or str(exc))

    def _error(self, detail: str) -> FollowStatus:
        self.state = ERROR
        self.message = Message("ingest.follow.error", {"file": self.path.name, "detail": detail})
        return self.status()

    def _read_new(self) -> FollowStatus:
        with self.path.open("rb") as fh:
            fh.seek(self.offset)
            chunk = fh.read(MAX_READ)
        if self.decoder is None:
            self.encoding = _sniff_encoding(chunk, self.path.name, complete=False)
            self.decoder = codecs.getincrementaldecoder(self.encoding)(errors="strict")
        self.offset += len(chunk)
        self.last_read = self.ctx.now()
        try:
            text = self.pending_text + self.decoder.decode(chunk, final=False)
        except UnicodeDecodeError:
            raise FileRejected("error.ingest.encoding_mid_file", file=self.path.name, encoding=self.encoding,
                               offset=self.offset) from None
        cut = text.rfind("\n")
        if cut < 0:
            self.pending_text = text  # a partial line: wait for its newline
            return self.status()
        complete, self.pending_text = text[: cut + 1], text[cut + 1:]
        self.lines.extend(complete.splitlines())
        if self.insp is None and not self._inspect():
            return self.status()
        return self._ingest_lines()

    def _inspect(self) -> bool:
        try:
            self.insp = importer.inspect(self.ctx, self.path, preset=self.preset, session_id=self.session_id,
                                         overrides=self.overrides, kind="timeseries")
        except FileRejected as exc:
            if exc.key == "error.ingest.no_header" and len(self.lines) < 40:
                self.state, self.message = WAITING, Message("ingest.follow.waiting", {"file": self.path.name})
                return False
            raise
        self.insp.table.close()  # the follow reads the file itself; no workbook stays open
        # The time column's date order stays as first decided: re-reading it would move whole rows.
        # A later date the order cannot read is rejected with its reason instead.
        for c in self.insp.mapped:
            if c.kind == rules.K_DATETIME:
                c.decision.pinned.add("date_order")
        self.evidence = importer.column_evidence(self.insp)
        self.raw = {j: [] for j, _ev, _c in self.evidence}
        return True

    def _ingest_lines(self) -> FollowStatus:
        insp = self.insp
        assert insp is not None
        delimiter = insp.table.delimiter or ","
        numbered = []
        for line in self.lines:
            self.line_no += 1
            cells = next(csv.reader([line], delimiter=delimiter), [])
            numbered.append((self.line_no, cells))
        self.lines = []
        # Every cell of the ambiguous columns counts, the rows before this poll included: a value
        # that contradicts the column's reading re-decides it BEFORE the new rows are converted.
        redecided = self._redecide(numbered)
        result = importer.ImportResult(insp, import_id=None)
        corrected = 0
        with self.ctx.ws.write():
            writer = importer._Writer(self.ctx, insp, result, anchor_id=None, session_id=self.session_id,
                                      source=Source.WATCH)
            if redecided:
                corrected = self._rewrite(redecided, writer, result)
            for rownum, values in importer.iterate_rows(insp, result, rows=numbered):
                accepted = result.accepted
                writer.add(rownum, values)
                if result.accepted > accepted:
                    self._remember_raw(rownum, values, numbered_cells=self._cells_of(numbered, rownum))
            new = writer.held_back()
            writer.flush()
            changes = Changes()
            if new or result.samples_updated or corrected:
                session = writer.sessions_obj(self.session_id)
                stored = [_sample(row) for row in new]
                for hook in metrics_entry.after_samples_hooks:
                    changes = changes | (hook(self.ctx, session, stored) or Changes())
                summaries.refresh(self.ctx.ws, self.session_id, self.ctx.now())
                changes = changes | Changes(samples=frozenset({self.session_id}))
        self.rows += result.accepted
        self.rejected += result.rejected_rows
        self.state = FOLLOWING
        if redecided:
            self.message = Message("ingest.follow.redecided", {
                "file": self.path.name, "columns": "、".join(c.header for c in redecided), "rows": corrected,
                "rejected": result.rejected_rows})
            self.redecisions.append(self.message)
        elif result.rejected:
            r = result.rejected[-1]
            self.message = Message("ingest.follow.error", {"file": self.path.name, "detail": Message(
                "cli.import.rejected_row", {"row": r.row, "column": r.column, "value": r.value,
                                            "message": r.message.text()}).text()})
        else:
            self.message = Message("ingest.follow.following", {"file": self.path.name, "rows": self.rows})
        self.rejections.extend(result.rejected)
        return self.status(changes)

    # -- whole-column readings over a growing file -------------------------------------
    def _redecide(self, numbered: list[tuple[int, list]]) -> list[ColumnMap]:
        """Feed the new rows to the columns' evidence; the columns whose reading changed (applied)."""
        insp = self.insp
        assert insp is not None
        feeds = [(j, f) for j, ev, c in self.evidence for f in ev.feeds(c.decision.pinned)]
        if not feeds:
            return []
        for rownum, cells in numbered:
            if rownum <= insp.header_row or not any(c.strip() for c in cells):
                continue
            if cells and cells[0].strip().lower().rstrip(":：") in rules.TOTAL_WORDS:
                continue
            for j, feed in feeds:
                if j < len(cells):
                    feed(cells[j])
        return [c for _j, ev, c in self.evidence if ev.apply(c.decision)]

    @staticmethod
    def _cells_of(numbered: list[tuple[int, list]], rownum: int) -> list:
        # numbered is in row order without gaps after the first line of the batch
        first = numbered[0][0]
        return numbered[rownum - first][1]

    def _remember_raw(self, rownum: int, values: list, *, numbered_cells: list) -> None:
        """The raw text of an accepted row's ambiguous cells, for a later re-decision."""
        if not self.raw:
            return
        keys = [c.key for c in self.insp.mapped]  # type: ignore[union-attr]
        ts = values[keys.index(rules.TS)]
        ts_iso = to_iso(ts)
        for j, cells in self.raw.items():
            if j < len(numbered_cells):
                cells.append((rownum, ts_iso, numbered_cells[j]))

    def _rewrite(self, columns: list[ColumnMap], writer, result: importer.ImportResult) -> int:
        """Read the stored rows of re-decided columns again with the new reading, in this transaction.

        A value that reads differently is corrected; one the new reading cannot accept at all
        (a count ``1.234`` once the column turns out to use ``.`` as the decimal point) is removed
        and listed as rejected with its row, column, value and reason. Only samples this follow
        wrote (source ``watch``) are touched; manual entries never are.
        """
        insp = self.insp
        assert insp is not None
        existing = ingest_repo.existing_samples(self.ctx.ws, self.session_id)
        session = writer.sessions_obj(self.session_id)
        now = self.ctx.now()
        corrected = 0
        for c in columns:
            conv = build_converter(c, tz=insp.tz, base_date=insp.base_date)
            kept = []
            for rownum, ts_iso, cell in self.raw.get(c.index, []):
                found = existing.get((ts_iso, c.key, 1, None, None))
                if found is None or found[2] != str(Source.WATCH):
                    continue
                try:
                    v = conv(cell)
                except ValidationError as exc:
                    ingest_repo.delete_sample(self.ctx.ws, found[0], now)
                    result.rejected_rows += 1
                    result.reject(rownum, c.header, cell, exc.message)
                    corrected += 1
                    continue
                kept.append((rownum, ts_iso, cell))
                if type(v) is Decimal:
                    v = writer._minor(v, session.currency)
                if v is not None and v != found[1]:
                    ingest_repo.update_sample_value(self.ctx.ws, found[0], v, None, now)  # type: ignore[arg-type]
                    corrected += 1
            self.raw[c.index] = kept
        return corrected


def _sample(row: tuple) -> MetricSample:
    (sid, session_id, ts, key, value, source, provisional, as_of, product, author, _import, _created) = row
    return MetricSample(sid, session_id, from_iso(ts), key, value, Source(source), bool(provisional), as_of, product,
                        author)
