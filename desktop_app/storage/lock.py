"""A lock file so a second GUI instance cannot open the same workspace.

The OS releases the lock when the process dies (even on SIGKILL), so a crash never
leaves a stale lock behind. The CLI does not take it: it may write while the app is open.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from desktop_app.storage.errors import WorkspaceLocked


class WorkspaceLock:
    def __init__(self, workspace_path: Path) -> None:
        self.path = Path(str(workspace_path) + ".lock")
        self._fh = None

    def acquire(self) -> None:
        fh = open(self.path, "a+b")  # noqa: SIM115 - held for the app's lifetime
        try:
            _lock(fh)
        except OSError:
            fh.close()
            raise WorkspaceLocked("error.workspace.in_use", path=str(self.path.with_suffix(""))) from None
        fh.seek(0)
        fh.truncate()
        fh.write(str(os.getpid()).encode())
        fh.flush()
        self._fh = fh

    def release(self) -> None:
        if self._fh is None:
            return
        try:
            _unlock(self._fh)
        finally:
            self._fh.close()
            self._fh = None
            # The file stays: unlinking a flock()ed file races with the next opener.

    def __enter__(self) -> WorkspaceLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _lock(fh) -> None:
        fh.seek(0)
        msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)

    def _unlock(fh) -> None:
        fh.seek(0)
        msvcrt.locking(fh.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(fh) -> None:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(fh) -> None:
        fcntl.flock(fh.fileno(), fcntl.LOCK_UN)
