"""Write a file safely: temp file in the target folder, fsync, hash, then rename.

A target held open by Excel/WPS (Windows refuses the rename), a full disk or a read-only
folder becomes a translated LiveOpsError and the existing file stays as it was. The
module-level functions ``_open_temp`` and ``_replace`` are the seams tests inject
failures through (CI runs as root, where chmod proves nothing).
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from desktop_app.domain.errors import LiveOpsError
from desktop_app.storage.atomic import sha256_file
from desktop_app.storage.errors import DiskFull, FileLocked, ReadOnly, StorageError


def _open_temp(folder: Path, name: str) -> tuple[IO[bytes], Path]:
    fd, tmp = tempfile.mkstemp(prefix=f".~{name}.", suffix=".tmp", dir=folder)
    return os.fdopen(fd, "wb"), Path(tmp)


def _replace(src: Path, dst: Path) -> None:
    os.replace(src, dst)


def _error(exc: OSError, target: Path, stage: str) -> StorageError:
    where = str(target)
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return DiskFull("error.export.disk_full", path=where)
    if exc.errno == errno.EROFS or (stage == "create" and isinstance(exc, PermissionError)):
        return ReadOnly("error.export.read_only", path=where, folder=str(target.parent))
    if isinstance(exc, PermissionError) or exc.errno in (errno.EACCES, errno.EPERM, errno.EBUSY):
        return FileLocked("error.export.locked", path=where)
    if exc.errno == errno.ENOENT:
        return StorageError("error.export.no_folder", path=where, folder=str(target.parent))
    return StorageError("error.export.os_error", path=where, detail=exc.strerror or str(exc))


class Target:
    """An open temp file beside the target; ``finish`` fsyncs and hashes, ``commit`` renames."""

    def __init__(self, target: Path, fh: IO[bytes], tmp: Path) -> None:
        self.target, self.fh, self.tmp = target, fh, tmp
        self.committed = False

    def finish(self) -> str:
        try:
            self.fh.flush()
            os.fsync(self.fh.fileno())
            self.fh.close()
        except OSError as exc:
            raise _error(exc, self.target, "write") from exc
        return sha256_file(self.tmp)

    def commit(self) -> None:
        if not self.fh.closed:
            self.finish()
        try:
            _replace(self.tmp, self.target)
        except OSError as exc:
            raise _error(exc, self.target, "replace") from exc
        self.committed = True


@contextmanager
def atomic_target(target: Path) -> Iterator[Target]:
    """A temp file in the target's folder; without ``commit()`` it is removed and the
    target is untouched. OS failures while writing become translated errors."""
    target = Path(target)
    if target.is_dir():
        raise LiveOpsError("error.export.is_folder", path=str(target))
    if not target.parent.is_dir():
        raise StorageError("error.export.no_folder", path=str(target), folder=str(target.parent))
    try:
        fh, tmp = _open_temp(target.parent, target.name)
    except OSError as exc:
        raise _error(exc, target, "create") from exc
    t = Target(target, fh, tmp)
    try:
        try:
            yield t
        except OSError as exc:
            raise _error(exc, target, "write") from exc
    finally:
        if not fh.closed:
            try:
                fh.close()
            except OSError:
                pass
        if not t.committed:
            try:
                tmp.unlink()
            except OSError:
                pass
