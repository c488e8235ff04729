"""The app keeps its workspace while a second connection of the same process opens and closes.

SQLite's POSIX locks belong to the process: closing *any* descriptor of the file drops them
all. Reading the header with a plain open()/close() while the app had the file open (the
integrity check, a worker's own connection) left the app without locks, so the next CLI
write believed it was alone, deleted the WAL on exit, and the app's later commits went to a
deleted file (lost at close; "database disk image is malformed" meanwhile).
"""

from __future__ import annotations

import subprocess
import sys

from desktop_app.services import event_log
from desktop_app.storage.workspace import Workspace

LIVEOPS = [sys.executable, "-c", "import sys; from desktop_app.cli import main; sys.exit(main())"]
COUNT = [sys.executable, "-c",
         "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]);"
         "print(c.execute(\"SELECT count(*) FROM events WHERE text IN ('命令行', '应用')\").fetchone()[0])"]


def test_a_second_open_and_close_keeps_the_apps_locks_and_its_later_commits(ctx, session):
    path = ctx.ws.path
    Workspace.open(path, read_only=True, migrate=False).close()  # what the integrity check does
    worker = Workspace.open(path)  # what a worker thread's own connection does
    worker.close()
    subprocess.run([*LIVEOPS, "log", str(path), "--session", session.id, "--kind", "note", "--text", "命令行"],
                   check=True, capture_output=True, timeout=60)
    assert path.with_name(path.name + "-wal").exists()  # the CLI knew the app was still there
    event_log.log_event(ctx, session.id, "note", "应用")
    seen = subprocess.run([*COUNT, str(path)], check=True, capture_output=True, text=True, timeout=60)
    assert seen.stdout.strip() == "2"  # another process sees the app's commit after the CLI's


def test_a_foreign_file_is_still_refused_before_sqlite_touches_it(tmp_path):
    from desktop_app.storage.errors import NotAWorkspace

    p = tmp_path / "notes.liveops"
    p.write_bytes(b"just some text, not a database" * 10)
    try:
        Workspace.open(p)
    except NotAWorkspace:
        pass
    else:
        raise AssertionError("a text file was opened as a workspace")
    assert p.read_bytes() == b"just some text, not a database" * 10
