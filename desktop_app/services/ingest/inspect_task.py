"""Inspect a file as a long call: hash it in chunks with progress and cancel, then read its head.

The import dialog runs this on a worker thread (a 100 MB export takes seconds to hash and to
open), so the window never freezes; a cancel stops between chunks and leaves nothing behind
(inspecting never writes).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from desktop_app.services.context import Context
from desktop_app.services.ingest import importer
from desktop_app.services.ingest.reader import FileRejected, open_table

CHUNK = 1024 * 1024


def hash_file(path: Path, *, progress: Callable[[int, int], None] | None = None,
              cancelled: Callable[[], bool] | None = None) -> str:
    """sha256 of the file, reporting bytes read; raises ImportCancelled between chunks."""
    h = hashlib.sha256()
    try:
        total = path.stat().st_size
        done = 0
        with path.open("rb") as fh:
            while chunk := fh.read(CHUNK):
                if cancelled is not None and cancelled():
                    raise importer.ImportCancelled("error.ingest.inspect_cancelled", file=path.name)
                h.update(chunk)
                done += len(chunk)
                if progress is not None:
                    progress(done, max(total, done))
    except FileNotFoundError:
        raise FileRejected("error.ingest.missing", file=str(path)) from None
    except OSError as exc:
        raise FileRejected("error.ingest.unreadable", file=path.name, detail=exc.strerror or str(exc)) from None
    return h.hexdigest()


def inspect_with_preview(ctx: Context, path: Path | str, *, progress=None, cancelled=None,
                         **kw) -> tuple[importer.Inspection, list[importer.PreviewRow]]:
    """``importer.inspect`` + ``importer.preview`` with progress (hashing) and cancel."""
    path = Path(path)
    table = open_table(path)  # sniffs the type first: a wrong file is refused before it is hashed
    try:
        sha = hash_file(path, progress=progress, cancelled=cancelled)
        insp = importer.inspect(ctx, path, table=table, sha256=sha, **kw)
        if cancelled is not None and cancelled():
            raise importer.ImportCancelled("error.ingest.inspect_cancelled", file=path.name)
        return insp, importer.preview(insp)
    except BaseException:
        table.close()
        raise
