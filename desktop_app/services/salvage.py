"""Rescue what is still readable from a damaged workspace into a NEW workspace file.

Table by table: first a plain scan; where a damaged page stops the scan, the rest of the
table is read row by row by rowid, skipping ahead past unreadable ranges. Foreign keys are
off during the copy (a parent row may be lost while its children survive); the report
counts copied and lost rows per table and the new file gets the current schema.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from desktop_app.domain.errors import LiveOpsError
from desktop_app.storage.atomic import atomic_write_path
from desktop_app.storage.errors import StorageError
from desktop_app.storage.workspace import WORKSPACE_SUFFIX, Workspace

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
_MAX_SKIP = 1 << 40  # rowids are 64-bit; skipping ahead doubles up to here
_ROW_STRETCH = 256  # rows read one by one after a damaged page before trying a plain scan again


@dataclass
class TableReport:
    name: str
    copied: int = 0
    unreadable_ranges: int = 0  # how many times the scan hit a damaged page
    error: str | None = None  # the table could not be read at all


@dataclass
class SalvageReport:
    source: Path
    out: Path
    tables: list[TableReport] = field(default_factory=list)

    @property
    def copied(self) -> int:
        return sum(t.copied for t in self.tables)

    @property
    def damaged_tables(self) -> list[str]:
        return [t.name for t in self.tables if t.error or t.unreadable_ranges]


class SalvageCancelled(LiveOpsError):
    pass


def salvage(source: Path | str, out: Path | str, *, progress: Progress | None = None,
            cancelled: Cancelled | None = None) -> SalvageReport:
    """Copy every readable row of ``source`` into the new workspace ``out``."""
    source, out = Path(source), Path(out)
    if out.suffix != WORKSPACE_SUFFIX:
        out = out.with_name(out.name + WORKSPACE_SUFFIX)
    if out.exists():
        raise LiveOpsError("error.restore.exists", path=str(out))
    if not source.exists():
        raise StorageError("error.storage.missing", path=str(source))
    if not out.parent.is_dir():
        raise StorageError("error.file.no_folder", path=str(out.parent))
    report = SalvageReport(source, out)
    atomic_write_path(out, lambda tmp: _salvage_into(source, tmp, report, progress, cancelled))
    return report


def _salvage_into(source: Path, tmp: Path, report: SalvageReport, progress: Progress | None,
                  cancelled: Cancelled | None) -> None:
    tmp.unlink(missing_ok=True)
    target = Workspace.open(tmp, create=True)  # the current schema, empty
    src = _open_source(source)
    try:
        tables = [t for t in _tables(target.conn) if t in _tables(src)]
        target.conn.execute("PRAGMA foreign_keys = OFF")
        for n, table in enumerate(tables):
            if cancelled and cancelled():
                raise SalvageCancelled("error.salvage.cancelled")
            report.tables.append(_copy_table(src, target.conn, table))
            if progress:
                progress(n + 1, len(tables))
        target.conn.execute("PRAGMA journal_mode=DELETE")
    finally:
        src.close()
        target.conn.close()


def _open_source(path: Path) -> sqlite3.Connection:
    """Read-only and without the header checks of Workspace.open: the file is damaged."""
    uri = f"{path.resolve().as_uri()}?mode=ro"
    conn = sqlite3.connect(uri, uri=True, isolation_level=None)
    conn.execute("PRAGMA writable_schema = OFF")
    return conn


def _tables(conn: sqlite3.Connection) -> list[str]:
    try:
        rows = conn.execute("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
                            "ORDER BY rootpage").fetchall()
    except sqlite3.DatabaseError:
        return []
    return [r[0] for r in rows]


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')]


def _copy_table(src: sqlite3.Connection, dst: sqlite3.Connection, table: str) -> TableReport:
    rep = TableReport(table)
    try:
        cols = [c for c in _columns(dst, table) if c in set(_columns(src, table))]
    except sqlite3.DatabaseError as exc:
        rep.error = str(exc)
        return rep
    col_sql = ", ".join(f'"{c}"' for c in cols)
    insert = f'INSERT OR REPLACE INTO "{table}" ({col_sql}) VALUES ({", ".join("?" for _ in cols)})'
    dst.execute("BEGIN")
    try:
        for row in _readable_rows(src, table, col_sql, rep):
            dst.execute(insert, row)
            rep.copied += 1
        dst.execute("COMMIT")
    except BaseException:
        dst.execute("ROLLBACK")
        raise
    return rep


def _readable_rows(src: sqlite3.Connection, table: str, col_sql: str, rep: TableReport) -> Iterator[tuple]:
    """Rows in rowid order. A plain scan while it works; after a read error, a stretch row by
    row (each step moves past at least one rowid, so this always ends), then a scan again."""
    last = -1  # our tables use rowids from 1
    while True:
        try:
            cur = src.execute(f'SELECT rowid, {col_sql} FROM "{table}" WHERE rowid > ? ORDER BY rowid', (last,))
            for row in cur:
                last = row[0]
                yield tuple(row[1:])
            return
        except sqlite3.DatabaseError as exc:
            rep.unreadable_ranges += 1
            first_error = str(exc)
        for _ in range(_ROW_STRETCH):
            nxt = _next_readable_rowid(src, table, last)
            if nxt is None:
                if rep.copied == 0:
                    rep.error = first_error
                return
            row = src.execute(f'SELECT {col_sql} FROM "{table}" WHERE rowid = ?', (nxt,)).fetchone()
            last = nxt
            yield tuple(row)


def _next_readable_rowid(src: sqlite3.Connection, table: str, after: int) -> int | None:
    """The first rowid past ``after`` whose row can be read, skipping ahead by doubling steps."""
    step = 1
    while step < _MAX_SKIP:
        probe = after + step
        try:
            row = src.execute(f'SELECT rowid FROM "{table}" WHERE rowid >= ? ORDER BY rowid LIMIT 1',
                              (probe,)).fetchone()
        except sqlite3.DatabaseError:
            step *= 2
            continue
        if row is None:
            return None
        try:
            if src.execute(f'SELECT * FROM "{table}" WHERE rowid = ?', (row[0],)).fetchone() is not None:
                return int(row[0])
            after, step = int(row[0]), 1
        except sqlite3.DatabaseError:
            after = int(row[0])
            step = 1
    return None
