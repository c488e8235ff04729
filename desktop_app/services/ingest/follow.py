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
from pathlib import Path

from desktop_app.domain.enums import Source
from desktop_app.domain.errors import LiveOpsError
from desktop_app.domain.models import MetricSample
from desktop_app.domain.timeutil import from_iso
from desktop_app.messages import Message
from desktop_app.services import metrics_entry
from desktop_app.services.context import Changes, Context
from desktop_app.services.ingest import importer
from desktop_app.services.ingest.reader import FileRejected, _sniff_encoding
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
        result = importer.ImportResult(insp, import_id=None)
        with self.ctx.ws.write():
            writer = importer._Writer(self.ctx, insp, result, anchor_id=None, session_id=self.session_id,
                                      source=Source.WATCH)
            for rownum, values in importer.iterate_rows(insp, result, rows=numbered):
                writer.add(rownum, values)
            new = list(writer.pending)
            writer.flush()
            changes = Changes()
            if new or result.samples_updated:
                session = writer.sessions_obj(self.session_id)
                stored = [_sample(row) for row in new]
                for hook in metrics_entry.after_samples_hooks:
                    changes = changes | (hook(self.ctx, session, stored) or Changes())
                summaries.refresh(self.ctx.ws, self.session_id, self.ctx.now())
                changes = changes | Changes(samples=frozenset({self.session_id}))
        self.rows += result.accepted
        self.rejected += result.rejected_rows
        self.state = FOLLOWING
        if result.rejected:
            r = result.rejected[-1]
            self.message = Message("ingest.follow.error", {"file": self.path.name, "detail": Message(
                "cli.import.rejected_row", {"row": r.row, "column": r.column, "value": r.value,
                                            "message": r.message.text()}).text()})
        else:
            self.message = Message("ingest.follow.following", {"file": self.path.name, "rows": self.rows})
        return self.status(changes)


def _sample(row: tuple) -> MetricSample:
    (sid, session_id, ts, key, value, source, provisional, as_of, product, author, _import, _created) = row
    return MetricSample(sid, session_id, from_iso(ts), key, value, Source(source), bool(provisional), as_of, product,
                        author)
