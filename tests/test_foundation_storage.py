"""Workspace file rules (issue 3 item 2): migrations, backups, refusals, integrity, failures.

A refused file is never written: these tests compare bytes and mtimes before and after.
"""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from desktop_app.cli import main as cli_main
from desktop_app.domain.enums import PersonRole
from desktop_app.paths import migrations_dir
from desktop_app.services import roster
from desktop_app.services.workspace_service import create_workspace, open_workspace
from desktop_app.storage.errors import DiskFull, NotAWorkspace, ReadOnly, WorkspaceLocked, WorkspaceTooNew
from desktop_app.storage.lock import WorkspaceLock
from desktop_app.storage.workspace import APPLICATION_ID, Workspace, available_migrations, latest_version


def snapshot(path: Path) -> tuple[bytes, int]:
    return path.read_bytes(), path.stat().st_mtime_ns


def table_names(conn) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


NEXT = latest_version() + 1  # the test migration comes after the real ones


@pytest.fixture
def workspace_file(tmp_path, clock) -> Path:
    """A closed, checkpointed v-latest workspace with one client."""
    ctx = create_workspace(tmp_path / "ws.liveops", "测试", clock=clock)
    roster.create_client(ctx, "老客户")
    ctx.ws.close()
    return tmp_path / "ws.liveops"


@pytest.fixture
def migrations_v2(tmp_path) -> Path:
    """The real migrations plus one more (NEXT) that adds a column and a table."""
    folder = tmp_path / "migrations"
    shutil.copytree(migrations_dir(), folder)
    (folder / f"{NEXT:04d}_add_notes.sql").write_text(
        "ALTER TABLE clients ADD COLUMN note TEXT;\n"
        "CREATE TABLE client_notes (id TEXT PRIMARY KEY, text TEXT NOT NULL);\n", encoding="utf-8")
    return folder


# -- fresh workspace -------------------------------------------------------------------
def test_fresh_workspace_gets_the_latest_schema_and_safe_settings(tmp_path, clock):
    ctx = create_workspace(tmp_path / "new.liveops", "新", clock=clock)
    conn = ctx.ws.conn
    assert ctx.ws.schema_version() == latest_version() == available_migrations()[-1].number
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000
    assert {"workspace", "sessions", "events", "metric_samples", "session_summaries"} <= table_names(conn)
    assert ctx.ws.quick_check() == []
    assert list(tmp_path.glob("*.before-*")) == []  # nothing to back up on a fresh file
    ctx.ws.close()


def test_creating_over_an_existing_file_is_refused(workspace_file, clock):
    before = snapshot(workspace_file)
    with pytest.raises(Exception) as exc:
        create_workspace(workspace_file, "again", clock=clock)
    assert str(workspace_file) in str(exc.value)
    assert snapshot(workspace_file) == before


# -- upgrade with backup ---------------------------------------------------------------
def test_upgrade_takes_a_backup_that_holds_the_old_data(workspace_file, migrations_v2, tmp_path):
    backups = tmp_path / "backups"
    ws = Workspace.open(workspace_file, migrations=migrations_v2, backup_dir=backups,
                        now=lambda: datetime(2026, 11, 26, 10, 0, 0))
    assert ws.schema_version() == NEXT
    assert "client_notes" in table_names(ws.conn)
    assert ws.query_one("SELECT name FROM clients")["name"] == "老客户"
    ws.close()

    [backup] = backups.iterdir()
    assert backup.name == f"ws.20261126T100000Z.before-v{NEXT}.liveops"  # listed by `liveops backups`
    old = Workspace.open(backup, read_only=True)
    assert old.schema_version() == NEXT - 1
    assert "client_notes" not in table_names(old.conn)
    assert [r["name"] for r in old.query("SELECT name FROM clients")] == ["老客户"]
    assert old.quick_check() == []
    old.close()


def test_a_failing_migration_leaves_the_workspace_as_it_was(workspace_file, migrations_v2, tmp_path):
    (migrations_v2 / f"{NEXT:04d}_add_notes.sql").write_text(
        "CREATE TABLE half_done (id TEXT);\nINSERT INTO no_such_table VALUES (1);\n", encoding="utf-8")
    with pytest.raises(sqlite3.OperationalError):
        Workspace.open(workspace_file, migrations=migrations_v2, backup_dir=tmp_path / "b")
    ws = Workspace.open(workspace_file)
    assert ws.schema_version() == NEXT - 1
    assert "half_done" not in table_names(ws.conn)
    assert ws.query_one("SELECT name FROM clients")["name"] == "老客户"
    ws.close()
    assert len(list((tmp_path / "b").iterdir())) == 1  # the backup was taken before trying


def test_opening_an_up_to_date_workspace_takes_no_backup(workspace_file, tmp_path):
    Workspace.open(workspace_file, backup_dir=tmp_path / "b").close()
    assert not (tmp_path / "b").exists()


# -- refusals: the file is never written ---------------------------------------------------
def test_a_workspace_from_a_newer_version_is_refused_and_untouched(workspace_file):
    conn = sqlite3.connect(workspace_file)
    conn.execute("PRAGMA journal_mode=DELETE")  # e.g. a backup copy: WAL switch would rewrite the header
    conn.execute(f"PRAGMA user_version = {latest_version() + 5}")
    conn.close()
    before = snapshot(workspace_file)
    with pytest.raises(WorkspaceTooNew) as exc:
        open_workspace(workspace_file)
    assert snapshot(workspace_file) == before
    assert not Path(str(workspace_file) + "-wal").exists()
    text_zh, text_en = exc.value.text("zh_CN"), exc.value.text("en")
    assert str(workspace_file) in text_zh and "更新版本" in text_zh
    assert f"schema {latest_version() + 5}" in text_en and f"up to {latest_version()}" in text_en


def _plain_text(path: Path) -> None:
    path.write_text("gmv,orders\n100,2\n", encoding="utf-8")


def _empty(path: Path) -> None:
    path.write_bytes(b"")


def _sqlite_file(*statements: str):
    """A maker of an SQLite file (not a workspace) built by ``statements``."""
    def make(path: Path) -> None:
        conn = sqlite3.connect(path)
        for sql in statements:
            conn.execute(sql)
        conn.commit()
        conn.close()
    return make


_foreign_tables = _sqlite_file("CREATE TABLE contacts (name TEXT)", "INSERT INTO contacts VALUES ('x')")
_foreign_app_id = _sqlite_file("PRAGMA application_id = 1234", "PRAGMA user_version = 1", "CREATE TABLE workspace (x)")
_foreign_versioned = _sqlite_file("PRAGMA user_version = 1", "CREATE TABLE notes (x)")
_empty_sqlite = _sqlite_file("PRAGMA page_size = 4096", "VACUUM")


@pytest.mark.parametrize("make", [_plain_text, _empty, _foreign_tables, _foreign_app_id, _foreign_versioned,
                                  _empty_sqlite],
                         ids=["plain_text", "empty", "foreign_tables", "foreign_app_id", "foreign_versioned",
                              "empty_sqlite"])
def test_a_file_that_is_not_a_workspace_is_refused_and_never_written(tmp_path, make):
    path = tmp_path / "other.liveops"
    make(path)
    before = snapshot(path)
    for kwargs in ({}, {"read_only": True}):
        with pytest.raises(NotAWorkspace) as exc:
            Workspace.open(path, **kwargs)
        assert snapshot(path) == before
        assert str(path) in exc.value.text("en") and "not changed" in exc.value.text("en")
        assert "不是直播运营台工作区" in exc.value.text("zh_CN")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.liveops"]  # no -wal/-shm left behind


def test_a_missing_file_is_reported_not_created(tmp_path):
    path = tmp_path / "missing.liveops"
    with pytest.raises(Exception) as exc:
        open_workspace(path)
    assert str(path) in str(exc.value)
    assert not path.exists()


# -- corruption ----------------------------------------------------------------------------
def corrupt_middle(path: Path) -> None:
    data = bytearray(path.read_bytes())
    page = 4096
    pages = len(data) // page
    assert pages > 8
    mid = (pages // 2) * page
    data[mid + 16: mid + page - 16] = bytes((i * 37 + 11) % 251 for i in range(page - 32))
    path.write_bytes(bytes(data))


def test_a_corrupt_page_is_reported_by_quick_check_and_liveops_check(demo_copy, capsys):
    assert cli_main(["check", str(demo_copy)]) == 0
    capsys.readouterr()
    corrupt_middle(demo_copy)
    ws = Workspace.open(demo_copy, read_only=True, migrate=False)
    problems = ws.quick_check()
    ws.close()
    assert problems

    code = cli_main(["check", str(demo_copy), "--lang", "en"])
    out, err = capsys.readouterr()
    assert code == 1
    assert "problems found" in err and problems[0] in err
    assert "Integrity check passed" not in out


def test_liveops_check_does_not_write_to_the_file(demo_copy, capsys):
    before = snapshot(demo_copy)
    assert cli_main(["check", str(demo_copy), "--json"]) == 0
    assert snapshot(demo_copy) == before


# -- read-only location ----------------------------------------------------------------------
def test_writing_to_a_read_only_workspace_gives_the_read_only_message(workspace_file, clock):
    before = snapshot(workspace_file)
    ctx = open_workspace(workspace_file, clock=clock, read_only=True)
    with pytest.raises(ReadOnly) as exc:
        roster.create_client(ctx, "新客户")
    ctx.ws.close()
    assert str(workspace_file) in exc.value.text("en") and "read-only" in exc.value.text("en")
    assert "只读" in exc.value.text("zh_CN")
    assert snapshot(workspace_file) == before


class _ReadOnlyConn:
    """A connection whose writes fail the way SQLite fails on a read-only folder or medium."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def execute(self, sql, *args):
        if sql.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE")):
            raise sqlite3.OperationalError("attempt to write a readonly database")
        return self._conn.execute(sql, *args)

    def __getattr__(self, name):
        return getattr(self._conn, name)


def test_an_injected_read_only_failure_rolls_back_and_names_the_file(workspace_file, clock):
    ctx = open_workspace(workspace_file, clock=clock)
    real = ctx.ws.conn
    ctx.ws.conn = _ReadOnlyConn(real)
    with pytest.raises(ReadOnly) as exc:
        roster.create_person(ctx, "新人", PersonRole.SPECIALIST)
    ctx.ws.conn = real
    assert str(workspace_file) in exc.value.text("zh_CN")
    assert not real.in_transaction
    assert ctx.ws.query_one("SELECT count(*) FROM people")[0] == 0
    roster.create_person(ctx, "新人", PersonRole.SPECIALIST)  # the workspace still works afterwards
    ctx.ws.close()


# -- disk full -----------------------------------------------------------------------------
def test_disk_full_during_a_write_keeps_committed_data(workspace_file, clock):
    ctx = open_workspace(workspace_file, clock=clock)
    pages = ctx.ws.conn.execute("PRAGMA page_count").fetchone()[0]
    ctx.ws.conn.execute(f"PRAGMA max_page_count = {pages + 2}")
    saved = []
    with pytest.raises(DiskFull) as exc:
        for i in range(5000):
            roster.create_client(ctx, f"客户{i:04d}" + "长" * 60)
            saved.append(f"客户{i:04d}")
    assert saved, "some clients fit before the disk filled up"
    assert str(workspace_file) in exc.value.text("en") and "disk is full" in exc.value.text("en")
    assert not ctx.ws.conn.in_transaction
    names = [r[0][:6] for r in ctx.ws.query("SELECT name FROM clients WHERE name LIKE '客户%' ORDER BY name")]
    assert names == saved  # every committed client is there, the failed one is not
    ctx.ws.close()
    ws = Workspace.open(workspace_file)
    assert ws.quick_check() == []
    ws.close()


# -- GUI lock ------------------------------------------------------------------------------
def test_a_second_holder_of_the_gui_lock_is_refused(workspace_file):
    with WorkspaceLock(workspace_file):
        with pytest.raises(WorkspaceLocked) as exc:
            WorkspaceLock(workspace_file).acquire()
        assert str(workspace_file) in exc.value.text("en")
        assert "另一个窗口" in exc.value.text("zh_CN")
    with WorkspaceLock(workspace_file):  # released on exit
        pass


HOLD_LOCK = """
import sys
from desktop_app.storage.lock import WorkspaceLock
lock = WorkspaceLock(sys.argv[1])
lock.acquire()
print("locked", flush=True)
sys.stdin.read()
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_the_gui_lock_is_released_when_its_process_is_killed(workspace_file):
    proc = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(workspace_file)], stdout=subprocess.PIPE,
                            stdin=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "locked"
        with pytest.raises(WorkspaceLocked):
            WorkspaceLock(workspace_file).acquire()
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    lock = WorkspaceLock(workspace_file)
    lock.acquire()  # no stale lock after a crash
    lock.release()


def test_backup_to_writes_a_complete_copy_via_a_temp_name(workspace_file, tmp_path):
    ws = Workspace.open(workspace_file)
    seen = []
    target = ws.backup_to(tmp_path / "copies" / "copy.liveops", progress=lambda d, t: seen.append((d, t)))
    ws.close()
    assert seen and seen[-1][0] == seen[-1][1]
    assert sorted(p.name for p in target.parent.iterdir()) == ["copy.liveops"]
    copy = Workspace.open(target, read_only=True)
    assert copy.query_one("SELECT name FROM clients")["name"] == "老客户"
    assert copy.conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    copy.close()


def test_clock_in_backup_name_is_the_injected_one(workspace_file, migrations_v2, tmp_path):
    fixed = datetime(2030, 1, 2, 3, 4, 5, tzinfo=UTC)
    Workspace.open(workspace_file, migrations=migrations_v2, backup_dir=tmp_path / "b", now=lambda: fixed).close()
    assert [p.name for p in (tmp_path / "b").iterdir()] == [f"ws.20300102T030405Z.before-v{NEXT}.liveops"]
