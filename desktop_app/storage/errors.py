"""Known storage failures, separated from bugs (qutebrowser's pattern).

``translate_sqlite_error`` maps sqlite3 errors with a known cause to typed errors that
carry a message key; anything else is re-raised unchanged as a bug.
"""

from __future__ import annotations

import errno
import sqlite3
from contextlib import contextmanager
from pathlib import Path

from desktop_app.domain.errors import LiveOpsError


class StorageError(LiveOpsError):
    pass


class WorkspaceTooNew(StorageError):
    pass


class WorkspaceCorrupt(StorageError):
    pass


class NotAWorkspace(StorageError):
    pass


class WorkspaceLocked(StorageError):
    pass


class DiskFull(StorageError):
    pass


class ReadOnly(StorageError):
    pass


class CannotOpen(StorageError):
    pass


class FileLocked(StorageError):
    """A target file is held open by another program (Excel/WPS on Windows)."""


_SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_READONLY = 5, 6, 8
_SQLITE_CORRUPT, _SQLITE_CANTOPEN, _SQLITE_FULL, _SQLITE_NOTADB = 11, 14, 13, 26
_SQLITE_IOERR = 10


def classify(exc: sqlite3.Error, path: Path | str) -> StorageError | None:
    code = getattr(exc, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    text = str(exc).lower()
    where = str(path)
    if primary == _SQLITE_FULL or "database or disk is full" in text:
        return DiskFull("error.storage.disk_full", path=where)
    if primary in (_SQLITE_BUSY, _SQLITE_LOCKED) or "database is locked" in text:
        return WorkspaceLocked("error.storage.locked", path=where)
    if primary == _SQLITE_READONLY or "readonly database" in text:
        return ReadOnly("error.storage.read_only", path=where)
    if primary in (_SQLITE_CORRUPT, _SQLITE_NOTADB) or "malformed" in text or "not a database" in text:
        return WorkspaceCorrupt("error.storage.corrupt", path=where, detail=str(exc))
    if primary == _SQLITE_CANTOPEN or "unable to open" in text:
        return CannotOpen("error.storage.cannot_open", path=where)
    if primary == _SQLITE_IOERR or "disk i/o error" in text:
        return DiskFull("error.storage.io_error", path=where, detail=str(exc))
    return None


@contextmanager
def translated(path: Path | str):
    """Re-raise known sqlite3 failures as typed storage errors."""
    try:
        yield
    except sqlite3.Error as exc:
        typed = classify(exc, path)
        if typed is None:
            raise
        raise typed from exc


def classify_os_error(exc: OSError, path: Path | str) -> StorageError:
    where = str(path)
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return DiskFull("error.file.disk_full", path=where)
    if exc.errno in (errno.EROFS,):
        return ReadOnly("error.file.read_only", path=where)
    if isinstance(exc, PermissionError) or exc.errno in (errno.EACCES, errno.EPERM, errno.EBUSY):
        return FileLocked("error.file.locked_or_denied", path=where)
    return StorageError("error.file.os_error", path=where, detail=exc.strerror or str(exc))
