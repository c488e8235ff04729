"""Open, create, migrate, back up and check a workspace file (one SQLite database).

WAL + synchronous=FULL: a laptop that loses power mid-broadcast keeps every committed
event. Migrations are numbered .sql files applied one transaction each and tracked by
PRAGMA user_version; a backup (SQLite online backup API) is taken before any upgrade.
"""

from __future__ import annotations

import os
import re
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.paths import migrations_dir
from desktop_app.storage import fts_text, search_index
from desktop_app.storage.errors import (
    NotAWorkspace,
    StorageError,
    WorkspaceCorrupt,
    WorkspaceTooNew,
    classify,
    translated,
)

if TYPE_CHECKING:
    import sqlite_utils

SQLITE_MAGIC = b"SQLite format 3\x00"
APPLICATION_ID = 0x4C4F5044  # "LOPD": marks a LiveOps Desk workspace in the file header
WORKSPACE_SUFFIX = ".liveops"
BUSY_TIMEOUT_MS = 5000
BACKUP_STEM = 32
_MIGRATION_RE = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


@dataclass(frozen=True)
class Migration:
    number: int
    name: str
    path: Path


def available_migrations(folder: Path | None = None) -> list[Migration]:
    folder = folder or migrations_dir()
    found = []
    for p in sorted(folder.glob("*.sql")):
        m = _MIGRATION_RE.match(p.name)
        if m:
            found.append(Migration(int(m.group(1)), p.stem, p))
    return found


def latest_version(folder: Path | None = None) -> int:
    migs = available_migrations(folder)
    return migs[-1].number if migs else 0


BACKUP_STAMP = "%Y%m%dT%H%M%SZ"


def backup_folder(path: Path) -> Path:
    """Where a workspace's backups live: a folder beside it (``shop.liveops`` → ``shop-backups/``).
    A very long name is cut (see backup_stem) unless backups already sit under the full name."""
    legacy = path.parent / f"{path.stem}-backups"
    return legacy if legacy.is_dir() else path.parent / f"{backup_stem(path)}-backups"


def backup_file_name(path: Path, at: datetime, reason: str) -> str:
    """``shop.20261126T120000Z.close.liveops``: UTC time and why it was taken, sortable by name."""
    utc = at.replace(tzinfo=UTC) if at.tzinfo is None else at.astimezone(UTC)  # naive: taken as UTC
    return f"{backup_stem(path)}.{utc.strftime(BACKUP_STAMP)}.{reason}{WORKSPACE_SUFFIX}"


def backup_stem(path: Path) -> str:
    """The workspace's name as backups carry it, cut to BACKUP_STEM characters: the name appears
    twice (folder and file) below the workspace's own folder, in a path that Windows without long
    paths enabled limits to 260 characters (and ext4/APFS names to 255 bytes)."""
    return path.stem[:BACKUP_STEM].rstrip(". ") or "workspace"


# Files this process has open through SQLite, by (device, inode), with how many connections.
# SQLite's POSIX locks belong to the process and closing ANY descriptor of the file drops them
# all (sqlite.org/howtocorrupt.html §2.2), so such a file's header is never read with open():
# that let a CLI write delete the WAL under the open app, whose later commits were then lost.
_open_here: dict[tuple[int, int], int] = {}
_open_here_lock = threading.Lock()


def _file_key(path: Path) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_dev, st.st_ino)


def _opened_here(key: tuple[int, int] | None, delta: int) -> int:
    """Count a connection in (+1) or out (-1); 0 just reads. Returns the count before."""
    if key is None:
        return 0
    with _open_here_lock:
        before = _open_here.get(key, 0)
        after = before + delta
        if after > 0:
            _open_here[key] = after
        else:
            _open_here.pop(key, None)
    return before


def _check_header(path: Path) -> None:
    """Refuse anything that is not a SQLite file before SQLite gets to write to it.

    Skipped for a file this process already has open through SQLite (it passed when first
    opened; reading it here would drop that connection's locks)."""
    if _opened_here(_file_key(path), 0):
        return
    try:
        with path.open("rb") as fh:
            head = fh.read(100)
    except OSError as exc:
        raise StorageError("error.storage.cannot_open", path=str(path)) from exc
    if len(head) == 0:
        raise NotAWorkspace("error.storage.not_workspace", path=str(path))
    if not head.startswith(SQLITE_MAGIC):
        raise NotAWorkspace("error.storage.not_workspace", path=str(path))
    app_id = int.from_bytes(head[68:72], "big")
    if app_id not in (0, APPLICATION_ID):
        raise NotAWorkspace("error.storage.not_workspace", path=str(path))


class Workspace:
    """One open workspace: a sqlite3 connection plus a sqlite-utils view of it.

    Not shared across threads: a worker thread opens its own Workspace on the same path.
    """

    def __init__(self, path: Path, conn: sqlite3.Connection, read_only: bool) -> None:
        self.path = path
        self.conn = conn
        self._db = None
        self.read_only = read_only
        self._owner = threading.get_ident()
        # Derived values cached per connection (e.g. running online-viewer stats); dropped on
        # any rollback so a cache never describes rows that were not committed.
        self.caches: dict = {}
        self._search_queue: bool | None = None  # has search_pending (migration 0006); looked up once
        self._file_key = _file_key(path)
        _opened_here(self._file_key, +1)

    @property
    def db(self) -> sqlite_utils.Database:
        """sqlite-utils view for inserts/updates; imported on first use because sqlite_utils pulls in
        numpy, click, dateutil and pluggy (about half a second of a cold start that only reads)."""
        if self._db is None or self._db.conn is not self.conn:  # built for this connection
            import sqlite_utils

            self._db = sqlite_utils.Database(self.conn)
        return self._db

    # -- opening ----------------------------------------------------------------
    @classmethod
    def open(
        cls,
        path: Path | str,
        *,
        create: bool = False,
        read_only: bool = False,
        migrate: bool = True,
        backup_dir: Path | None = None,
        now: Callable[[], datetime] | None = None,
        migrations: Path | None = None,
    ) -> Workspace:
        """Open (or create) a workspace file; ``migrations`` overrides db/migrations (tests)."""
        path = Path(path)
        exists = path.exists()
        if not exists and not create:
            raise StorageError("error.storage.missing", path=str(path))
        if exists:
            _check_header(path)
        if not exists and read_only:
            raise StorageError("error.storage.missing", path=str(path))
        conn = _connect(path, read_only)
        ws = cls(path, conn, read_only)
        try:
            ws._verify_identity(new_file=not exists)
            # Before anything that writes (switching to WAL rewrites the header): a file
            # from a newer app version must be left byte-for-byte untouched.
            ws._refuse_too_new(migrations)
            if not read_only:
                ws._configure_write()
            if migrate and not read_only:
                ws.migrate(backup_dir=backup_dir, now=now, migrations=migrations)
        except BaseException:
            conn.close()
            _opened_here(ws._file_key, -1)
            raise
        return ws

    def _verify_identity(self, new_file: bool) -> None:
        with translated(self.path):
            version = self.schema_version()
            tables = {r[0] for r in self.conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if new_file:
            return
        # An existing file must already be a workspace: version 0 means no LiveOps schema
        # (an empty or foreign SQLite file), which we refuse rather than migrate into.
        if version == 0:
            raise NotAWorkspace("error.storage.not_workspace", path=str(self.path))
        if version > 0 and "workspace" not in tables:
            raise NotAWorkspace("error.storage.not_workspace", path=str(self.path))

    def _configure_write(self) -> None:
        with translated(self.path):
            mode = self.conn.execute("PRAGMA journal_mode=WAL").fetchone()[0]
            if str(mode).lower() != "wal":
                raise StorageError("error.storage.no_wal", path=str(self.path), mode=mode)
            self.conn.execute("PRAGMA synchronous=FULL")

    def _refuse_too_new(self, migrations: Path | None = None) -> None:
        version, latest = self.schema_version(), latest_version(migrations)
        if version > latest:
            raise WorkspaceTooNew("error.storage.too_new", path=str(self.path), version=version, supported=latest)

    # -- schema -----------------------------------------------------------------
    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def migrate(self, *, backup_dir: Path | None = None, now: Callable[[], datetime] | None = None,
                migrations: Path | None = None) -> list[int]:
        """Apply pending migrations; back up first when upgrading an existing workspace."""
        self._refuse_too_new(migrations)
        current = self.schema_version()
        pending = [m for m in available_migrations(migrations) if m.number > current]
        if not pending:
            return []
        if current > 0:
            at = now() if now else datetime.now(UTC)
            target_dir = backup_dir or backup_folder(self.path)
            self.backup_to(target_dir / backup_file_name(self.path, at, f"before-v{pending[0].number}"))
        applied = []
        for mig in pending:
            sql = mig.path.read_text(encoding="utf-8")
            script = f"BEGIN IMMEDIATE;\n{sql}\nPRAGMA user_version = {mig.number};\n"
            try:
                with translated(self.path):
                    self.conn.executescript(script)
                    if mig.number == 1:
                        self.conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                    self.conn.execute("COMMIT")
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise
            applied.append(mig.number)
        self._search_queue = None
        return applied

    # -- transactions -----------------------------------------------------------
    @contextmanager
    def write(self, *, index: bool = True) -> Iterator[sqlite3.Connection]:
        """One write transaction (BEGIN IMMEDIATE, so the CLI and app queue, not deadlock).

        Nested use becomes a savepoint. Known failures come out as typed errors and
        the transaction is rolled back, so nothing is half-written. ``index=False`` leaves the
        full-text queue for the next commit or search (both index it first): a write with no
        text to index (a hotkey's event) need not pay for the queue's statements.
        """
        nested = self.conn.in_transaction
        name = f"sp_{threading.get_ident()}_{id(object())}" if nested else ""
        try:
            with translated(self.path):
                self.conn.execute(f"SAVEPOINT {name}" if nested else "BEGIN IMMEDIATE")
        except BaseException:
            raise
        try:
            yield self.conn
        except BaseException as exc:
            if self.conn.in_transaction:
                self.caches.clear()
                if nested:
                    self.conn.execute(f"ROLLBACK TO SAVEPOINT {name}")
                    self.conn.execute(f"RELEASE SAVEPOINT {name}")
                else:
                    self.conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                typed = classify(exc, self.path)
                if typed is not None:
                    raise typed from exc
            raise
        else:
            try:
                with translated(self.path):
                    if index and not nested:
                        self.index_pending()
                    self.conn.execute(f"RELEASE SAVEPOINT {name}" if nested else "COMMIT")
            except BaseException:
                if self.conn.in_transaction and not nested:
                    self.conn.execute("ROLLBACK")
                raise

    def index_pending(self) -> int:
        """Tokenise rows queued for full-text search (storage/search_index.py); inside a write.

        Every commit of the app runs it, so what the app writes is searchable at once, and rows
        written by other SQLite clients are picked up by the next commit or search."""
        if self._search_queue is None:
            self._search_queue = search_index.has_queue(self.conn)
        return search_index.flush(self.conn) if self._search_queue else 0

    def query(self, sql: str, params: tuple | dict = ()) -> list[sqlite3.Row]:
        with translated(self.path):
            return self.conn.execute(sql, params).fetchall()

    def query_one(self, sql: str, params: tuple | dict = ()) -> sqlite3.Row | None:
        with translated(self.path):
            return self.conn.execute(sql, params).fetchone()

    def data_version(self) -> int:
        """Changes when another connection (the CLI, a watcher) commits to this file."""
        return int(self.conn.execute("PRAGMA data_version").fetchone()[0])

    # -- integrity and backup ---------------------------------------------------
    def quick_check(self, *, full: bool = False) -> list[str]:
        """Problems found by SQLite's quick_check (or integrity_check); [] when healthy."""
        pragma = "integrity_check" if full else "quick_check"
        try:
            rows = self.conn.execute(f"PRAGMA {pragma}").fetchall()
        except sqlite3.DatabaseError as exc:
            return [str(exc)]
        problems = [r[0] for r in rows if r[0] != "ok"]
        try:
            fk = self.conn.execute("PRAGMA foreign_key_check").fetchall()
        except sqlite3.DatabaseError as exc:  # a damaged page can hide from quick_check yet break this scan
            return problems + [str(exc)]
        problems += [f"foreign key: {tuple(r)}" for r in fk]
        return problems

    def backup_to(self, target: Path, *, progress: Callable[[int, int], None] | None = None) -> Path:
        """Copy with the SQLite online backup API into ``target`` via a temp name."""
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(target.name + ".part")
        if tmp.exists():
            tmp.unlink()
        dest = sqlite3.connect(tmp)
        try:
            with translated(target):

                def _progress(status: int, remaining: int, total: int) -> None:
                    if progress:
                        progress(total - remaining, total)

                self.conn.backup(dest, pages=256, progress=_progress)
                dest.execute("PRAGMA journal_mode=DELETE")
            dest.close()
            tmp.replace(target)
        except BaseException:
            dest.close()
            tmp.unlink(missing_ok=True)
            raise
        return target

    def close(self) -> None:
        try:
            if not self.read_only:
                self.conn.execute("PRAGMA optimize")
        except sqlite3.Error:
            pass
        self.conn.close()
        key, self._file_key = self._file_key, None
        _opened_here(key, -1)


def _connect(path: Path, read_only: bool) -> sqlite3.Connection:
    uri = f"{path.resolve().as_uri()}?mode={'ro' if read_only else 'rwc'}"
    try:
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000,
                               check_same_thread=False)
    except sqlite3.Error as exc:
        typed = classify(exc, path)
        raise (typed or StorageError("error.storage.cannot_open", path=str(path))) from exc
    conn.row_factory = sqlite3.Row
    fts_text.register(conn)  # the full-text index triggers call these functions
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise WorkspaceCorrupt("error.storage.corrupt", path=str(path), detail=str(exc)) from exc
    return conn
