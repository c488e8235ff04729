"""Failure drills: kills, full disks, locks, read-only and damaged files. Simulated, never chmod
(CI runs as root), and each checks what the user would notice: a clear message, nothing lost
that was acknowledged, nothing half-written."""

from __future__ import annotations

import errno
import os
import random
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.cli import main as cli_main
from desktop_app.services import backup, event_log, lifecycle
from desktop_app.services.workspace_service import open_workspace
from desktop_app.storage import atomic
from desktop_app.storage.atomic import atomic_write, atomic_write_path
from desktop_app.storage.errors import DiskFull, FileLocked, ReadOnly, WorkspaceCorrupt, WorkspaceLocked
from desktop_app.storage.lock import WorkspaceLock
from desktop_app.storage.workspace import Workspace

ROOT = Path(__file__).resolve().parent.parent

WRITER = """
import sys
from desktop_app.services import event_log
from desktop_app.services.workspace_service import open_workspace
ctx = open_workspace(sys.argv[1])
i = 0
while True:
    event, _ = event_log.log_event(ctx, sys.argv[2], "note", "击杀测试 %d" % i, source="cli")
    sys.stdout.write(event.id + "\\n")
    sys.stdout.flush()  # the id is printed only after the commit returned: acknowledged
    i += 1
"""

HOLDER = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN EXCLUSIVE")
print("held", flush=True)
sys.stdin.readline()
conn.execute("ROLLBACK")
"""

LOCKER = """
import sys
from pathlib import Path
from desktop_app.storage.lock import WorkspaceLock
lock = WorkspaceLock(Path(sys.argv[1]))
lock.acquire()
print("locked", flush=True)
sys.stdin.readline()
"""


def _spawn(code: str, *args: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-c", code, *args], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT)


@pytest.fixture
def live(ctx):
    session, _ = lifecycle.start_now(ctx, anchor_id=ctx.fixture["anchor"].id, title="击杀测试场")
    return session


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_sigkill_of_the_writer_loses_no_acknowledged_event(ctx, live):
    rng = random.Random(9)
    acknowledged: list[str] = []
    for _ in range(20):
        proc = _spawn(WRITER, str(ctx.ws.path), live.id)
        wanted = rng.randint(1, 25)
        got = 0
        while got < wanted:
            line = proc.stdout.readline()
            assert line, proc.stderr.read()
            acknowledged.append(line.strip())
            got += 1
        os.kill(proc.pid, signal.SIGKILL)  # lands mid-way through the next write
        proc.wait()
        proc.stdout.close()
        proc.stderr.close()
        proc.stdin.close()
    check = Workspace.open(ctx.ws.path)
    stored = {r[0] for r in check.query("SELECT id FROM events WHERE session_id = ?", (live.id,))}
    assert check.quick_check() == []
    check.close()
    assert len(acknowledged) >= 20
    assert set(acknowledged) <= stored
    assert [s.id for s in lifecycle.live_sessions_needing_resume(ctx)] == [live.id]
    # ... and resumable: logging continues in the same session.
    event, _ = event_log.log_event(ctx, live.id, "note", "恢复后继续")
    assert event.session_id == live.id


def test_disk_full_while_logging_keeps_every_saved_event(ctx, live):
    pages = ctx.ws.query_one("PRAGMA page_count")[0]
    ctx.ws.conn.execute(f"PRAGMA max_page_count = {pages + 2}")
    saved = []
    with pytest.raises(DiskFull) as err:
        for i in range(500):
            event, _ = event_log.log_event(ctx, live.id, "note", f"{i} " + "满" * 1500)
            saved.append(event.id)
    assert "磁盘已满" in err.value.text()
    rows = [r[0] for r in ctx.ws.query("SELECT id FROM events WHERE session_id = ? AND kind = 'note'", (live.id,))]
    assert rows == saved
    count = ctx.ws.query_one("SELECT event_count FROM session_summaries WHERE session_id = ?", (live.id,))[0]
    assert count == ctx.ws.query_one("SELECT count(*) FROM events WHERE session_id = ?", (live.id,))[0]
    ctx.ws.conn.execute("PRAGMA max_page_count = 1073741823")  # space freed: logging works again
    event_log.log_event(ctx, live.id, "note", "又能写了")


def test_disk_full_while_writing_a_file_leaves_the_old_file(tmp_path):
    target = tmp_path / "报表.xlsx"
    target.write_bytes(b"old report")

    def write(fh):
        fh.write(b"new data, part one")
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(DiskFull) as err:
        atomic_write(target, write)
    assert "磁盘已满" in err.value.text() and "报表.xlsx" in err.value.text()
    assert target.read_bytes() == b"old report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["报表.xlsx"]


def test_disk_full_on_fsync_leaves_no_new_file(tmp_path, monkeypatch):
    monkeypatch.setattr(atomic, "_fsync", _raise(OSError(errno.ENOSPC, "No space left on device")))
    with pytest.raises(DiskFull):
        atomic_write_path(tmp_path / "out.liveops", lambda p: p.write_bytes(b"x" * 100))
    assert list(tmp_path.iterdir()) == []


def test_export_target_held_open_by_excel_gives_a_clear_message(tmp_path, monkeypatch):
    target = tmp_path / "client.xlsx"
    target.write_bytes(b"open in Excel")
    # What os.replace raises on Windows when Excel/WPS holds the file (WinError 32).
    monkeypatch.setattr(atomic, "_replace", _raise(PermissionError(13, "The process cannot access the file "
                                                                        "because it is being used by another process")))
    with pytest.raises(FileLocked) as err:
        atomic_write(target, lambda fh: fh.write(b"new"))
    assert "Excel/WPS" in err.value.text(lang="en") and "client.xlsx" in err.value.text()
    assert target.read_bytes() == b"open in Excel"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["client.xlsx"]


def test_atomic_write_replaces_the_whole_file(tmp_path):
    target = tmp_path / "a.csv"
    target.write_text("old")
    assert atomic_write(target, lambda fh: fh.write("名称,数量\n"), mode="w") == 6
    assert target.read_text(encoding="utf-8") == "名称,数量\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.csv"]
    if os.name == "posix":
        assert target.stat().st_mode & 0o777 == 0o644 or target.stat().st_mode & 0o600


def test_atomic_write_into_a_missing_folder_is_refused(tmp_path):
    with pytest.raises(Exception) as err:
        atomic_write(tmp_path / "nope" / "x.xlsx", lambda fh: fh.write(b"x"))
    assert "nope" in str(err.value)


def test_a_failing_backup_keeps_the_old_backups(ctx, monkeypatch):
    first = backup.backup_now(ctx, "manual")
    backup.set_keep_count(ctx, 1)
    monkeypatch.setattr(Workspace, "backup_to", _raise(OSError(errno.ENOSPC, "No space left on device")))
    with pytest.raises(DiskFull):
        backup.backup_now(ctx, "manual")
    assert [b.path for b in backup.list_for(ctx)] == [first.path]


def test_second_gui_instance_is_refused_while_the_cli_may_write(ctx, live):
    holder = _spawn(LOCKER, str(ctx.ws.path))
    try:
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(WorkspaceLocked) as err:
            WorkspaceLock(ctx.ws.path).acquire()
        assert "已在另一个窗口中打开" in err.value.text()
        # The CLI takes no GUI lock: `liveops log` and `liveops backup` still work.
        assert cli_main(["log", str(ctx.ws.path), "--live", "--kind", "note", "--text", "CLI 写入"]) == 0
        assert cli_main(["backup", str(ctx.ws.path)]) == 0
    finally:
        holder.kill()
        holder.wait()
        for s in (holder.stdin, holder.stdout, holder.stderr):
            s.close()
    assert ctx.ws.query_one("SELECT count(*) FROM events WHERE text = 'CLI 写入'")[0] == 1
    lock = WorkspaceLock(ctx.ws.path)  # the OS dropped the dead holder's lock: no stale lock file
    lock.acquire()
    lock.release()


def test_database_locked_by_another_process(ctx, live):
    holder = _spawn(HOLDER, str(ctx.ws.path))
    try:
        assert holder.stdout.readline().strip() == "held"
        ctx.ws.conn.execute("PRAGMA busy_timeout = 200")  # the app waits 5 s; the message is the same
        before = ctx.ws.query_one("SELECT count(*) FROM events")[0]
        with pytest.raises(WorkspaceLocked) as err:
            event_log.log_event(ctx, live.id, "note", "被锁住")
        assert "正被其他程序占用" in err.value.text()
    finally:
        holder.communicate("release\n")
    assert ctx.ws.query_one("SELECT count(*) FROM events")[0] == before
    event_log.log_event(ctx, live.id, "note", "锁释放后")
    assert ctx.ws.query_one("SELECT count(*) FROM events")[0] == before + 1


def test_read_only_workspace_refuses_writes_clearly(ctx, live):
    path = ctx.ws.path
    ro = open_workspace(path, read_only=True)
    with pytest.raises(ReadOnly) as err:
        event_log.log_event(ro, live.id, "note", "只读")
    assert "只读" in err.value.text()
    ro.ws.close()
    assert ctx.ws.query_one("SELECT count(*) FROM events WHERE text = '只读'")[0] == 0


def test_read_only_error_injected_mid_write_rolls_back(ctx, live, monkeypatch):
    def hook(ctx_, session, event):
        raise sqlite3.OperationalError("attempt to write a readonly database")

    monkeypatch.setattr(event_log, "after_event_hooks", [hook])
    with pytest.raises(ReadOnly):
        event_log.log_event(ctx, live.id, "note", "写到一半")
    assert ctx.ws.query_one("SELECT count(*) FROM events WHERE text = '写到一半'")[0] == 0


def test_corrupted_page_is_reported_by_check_and_blocks_backups(ctx, live, capsys):
    for i in range(400):
        event_log.log_event(ctx, live.id, "note", f"备注 {i} " + "x" * 100)
    path = ctx.ws.path
    ctx.ws.close()
    conn = sqlite3.connect(path)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    leaf = conn.execute("SELECT pageno FROM dbstat WHERE name='events' AND pagetype='leaf' "
                        "ORDER BY pageno LIMIT 1 OFFSET 5").fetchone()[0]
    conn.close()
    with path.open("r+b") as fh:
        fh.seek((leaf - 1) * page_size)
        fh.write(os.urandom(page_size))
    assert cli_main(["check", str(path)]) == 1
    assert "发现" in capsys.readouterr().err
    ctx.ws = Workspace.open(path)
    assert ctx.ws.quick_check()
    with pytest.raises(WorkspaceCorrupt):
        backup.backup_now(ctx, "daily")


def _raise(exc: BaseException):
    def fail(*_a, **_k):
        raise exc

    return fail
