"""Write a file so that readers see either the old content or the complete new one.

Export, import reports, salvage and restore all write through ``atomic_write``: the data
goes to a temp file in the target folder (same volume, so the final rename is atomic),
is flushed to disk, then renamed over the target with ``os.replace``. Any failure removes
the temp file and leaves an existing target untouched; OS errors come out typed
(disk full, read-only location, file held open by Excel/WPS on Windows).
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import IO, TypeVar

from desktop_app.storage.errors import StorageError, classify_os_error

T = TypeVar("T")

# Injection points for tests: Windows refuses to replace a file another program holds
# open (PermissionError / WinError 32); CI runs as root on Linux, so it is simulated.
_replace: Callable[[str | os.PathLike, str | os.PathLike], None] = os.replace
_fsync: Callable[[int], None] = os.fsync


def atomic_write(path: Path | str, write_fn: Callable[[IO[bytes]], T], *, mode: str = "wb",
                 encoding: str | None = None) -> T:
    """Call ``write_fn(fh)`` on a temp file beside ``path``, then rename it over ``path``.

    ``mode`` is "wb" (default) or "w" (text, ``encoding`` defaults to utf-8). Returns what
    ``write_fn`` returned. OS failures (including ENOSPC while ``write_fn`` writes) come out as
    DiskFull / ReadOnly / FileLocked / StorageError; other exceptions from ``write_fn`` (a
    cancelled export, a LiveOpsError) pass through unchanged. Either way no temp file is left
    behind and an existing ``path`` keeps its old content.
    """
    return _write(Path(path), write_fn, mode, encoding)


def atomic_write_path(path: Path | str, write_fn: Callable[[Path], T]) -> T:
    """Like ``atomic_write`` for libraries that want a file name (openpyxl ``wb.save(name)``,
    SQLite): ``write_fn(tmp_path)`` writes the complete file at ``tmp_path``."""
    return _commit(Path(path), write_fn, sync_temp=True)


def _write(target: Path, write_fn: Callable[[IO], T], mode: str, encoding: str | None) -> T:
    if mode not in ("wb", "w"):
        raise ValueError(mode)
    kw = {} if mode == "wb" else {"encoding": encoding or "utf-8", "newline": ""}

    def to_temp(tmp: Path) -> T:
        with open(tmp, mode, **kw) as fh:
            result = write_fn(fh)
            fh.flush()
            _fsync(fh.fileno())  # still open: no second open just to sync
        return result

    return _commit(target, to_temp, sync_temp=False)


def _commit(target: Path, write_fn: Callable[[Path], T], *, sync_temp: bool) -> T:
    """Write a temp file beside ``target`` and rename it over; on any failure remove the temp file."""
    tmp = _temp_name(target)
    try:
        result = write_fn(tmp)
        if sync_temp:
            _sync_file(tmp)
        _replace(tmp, target)
    except OSError as exc:
        _discard(tmp)
        raise classify_os_error(exc, target) from exc
    except BaseException:
        _discard(tmp)
        raise
    _sync_dir(target.parent)
    return result


def _temp_name(target: Path) -> Path:
    folder = target.parent
    if not folder.is_dir():
        raise StorageError("error.file.no_folder", path=str(folder))
    try:
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise classify_os_error(exc, target) from exc
    os.close(fd)
    tmp = Path(name)
    if os.name == "posix":
        # mkstemp creates 0600; give the result the target's mode (or the usual 0644) instead.
        try:
            os.chmod(tmp, target.stat().st_mode & 0o777 if target.exists() else 0o644)
        except OSError:
            pass
    return tmp


def _sync_file(path: Path) -> None:
    with open(path, "rb+") as fh:
        _fsync(fh.fileno())


def _sync_dir(folder: Path) -> None:
    """Make the rename itself durable (POSIX); Windows has no directory handles for this."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _discard(tmp: Path) -> None:
    try:
        tmp.unlink(missing_ok=True)
    except OSError:
        pass  # the original error is what the user needs to see


def sha256_file(path: Path) -> str:
    """SHA-256 of a file, read in 1 MiB chunks (exports, imports and bundles are hashed alike)."""
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()
