"""Backups, rotation, listing, restore into a new file, salvage, and the CLI over them."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from desktop_app.cli import main as cli_main
from desktop_app.domain.errors import LiveOpsError
from desktop_app.services import backup, event_log, lifecycle
from desktop_app.services.salvage import salvage
from desktop_app.services.workspace_service import open_workspace
from desktop_app.storage.errors import WorkspaceCorrupt
from desktop_app.storage.workspace import Workspace, backup_folder


def _count(path: Path, table: str = "sessions") -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        conn.close()


def _corrupt_page(path: Path, page_no: int) -> None:
    """Overwrite one page of the file with garbage (what a failing disk or a bad copy does)."""
    conn = sqlite3.connect(path)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    with path.open("r+b") as fh:
        fh.seek((page_no - 1) * page_size)
        fh.write(b"\xde\xad\xbe\xef" * (page_size // 4))


def _events_leaf_page(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        pages = [r[0] for r in conn.execute(
            "SELECT pageno FROM dbstat WHERE name = 'events' AND pagetype = 'leaf' ORDER BY pageno")]
    finally:
        conn.close()
    return pages[len(pages) // 2]


def test_backup_is_a_readable_copy_with_the_sessions(ctx, planned):
    info = backup.backup_now(ctx, "manual")
    assert info.path.parent == backup_folder(ctx.ws.path)
    assert info.sessions == 1 and info.readable
    assert info.created_utc == ctx.now()
    copy = Workspace.open(info.path, read_only=True, migrate=False)
    assert copy.query_one("SELECT title FROM sessions")[0] == "测试场"
    assert copy.quick_check() == []
    copy.close()


def test_backups_in_the_same_second_get_distinct_names(ctx):
    a = backup.backup_now(ctx, "manual")
    b = backup.backup_now(ctx, "manual")
    assert a.path != b.path and a.path.exists() and b.path.exists()


def test_rotation_keeps_the_newest_n(ctx, clock):
    backup.set_keep_count(ctx, 3)
    made = []
    for _ in range(5):
        made.append(backup.backup_now(ctx, "manual").path)
        clock.advance(minutes=1)
    remaining = sorted(p.path for p in backup.list_for(ctx))
    assert remaining == sorted(made[-3:])


def test_keep_setting_is_validated(ctx):
    with pytest.raises(LiveOpsError) as err:
        backup.set_keep_count(ctx, 0)
    assert "保留备份数" in err.value.text()
    assert backup.keep_count(ctx) == backup.DEFAULT_KEEP


def test_unreadable_backups_do_not_count_toward_keep(ctx, clock):
    backup.set_keep_count(ctx, 2)
    good = backup.backup_now(ctx, "manual").path
    clock.advance(minutes=1)
    for _ in range(3):  # newer, but truncated: a disk that failed while copying
        p = backup.backup_now(ctx, "manual", rotate_after=False).path
        p.write_bytes(b"SQLite format 3\x00" + b"\x00" * 50)
        clock.advance(minutes=1)
    backup.rotate(ctx)
    assert good.exists()


def test_damaged_workspace_is_not_backed_up_and_old_backups_survive(tmp_path, ctx, clock):
    for i in range(400):
        ctx.ws.conn.execute("INSERT INTO audit_log (id, at, action, detail_json) VALUES (?, ?, 'x', ?)",
                            (f"id{i}", "2026-01-01T00:00:00.000Z", "y" * 200))
    backup.set_keep_count(ctx, 1)
    good = backup.backup_now(ctx, "manual").path
    path = ctx.ws.path
    ctx.ws.close()
    conn = sqlite3.connect(path)
    leaf = conn.execute("SELECT pageno FROM dbstat WHERE name='audit_log' AND pagetype='leaf' "
                        "ORDER BY pageno LIMIT 1 OFFSET 2").fetchone()[0]
    conn.close()
    _corrupt_page(path, leaf)
    ctx.ws = Workspace.open(path)
    clock.advance(days=1)
    with pytest.raises(WorkspaceCorrupt) as err:
        backup.backup_now(ctx, "daily")
    assert "完整性检查未通过" in err.value.text()
    assert [b.path for b in backup.list_for(ctx)] == [good]


def test_closing_a_session_takes_a_backup(ctx, planned):
    lifecycle.start_preparing(ctx, planned.id)
    lifecycle.go_live(ctx, planned.id, override_reason="测试")
    lifecycle.end_broadcast(ctx, planned.id)
    # The checklist engine owns ticking; here the post items are simply marked skipped.
    ctx.ws.conn.execute("UPDATE checklist_runs SET status='skipped', note='t' WHERE session_id = ? AND status='open'",
                        (planned.id,))
    assert backup.list_for(ctx) == []
    lifecycle.close_session(ctx, planned.id)
    [info] = backup.list_for(ctx)
    assert info.reason == "close"
    copy = Workspace.open(info.path, read_only=True, migrate=False)
    assert copy.query_one("SELECT status FROM sessions")[0] == "closed"
    copy.close()


def test_daily_backup_once_per_local_day(ctx, clock):
    first = backup.daily_backup_if_due(ctx)
    assert first is not None and first.reason == "daily"
    clock.advance(hours=1)
    assert backup.daily_backup_if_due(ctx) is None
    clock.advance(days=1)
    assert backup.daily_backup_if_due(ctx) is not None


def test_backup_before_refuses_inside_a_transaction(ctx):
    with ctx.ws.write(), pytest.raises(RuntimeError):
        backup.backup_before(ctx, "import")
    assert backup.backup_before(ctx, "import").reason == "import"


def test_restore_writes_a_new_file_never_over_the_open_one(ctx, planned, tmp_path):
    info = backup.backup_now(ctx, "manual")
    event_log.log_event(ctx, planned.id, "note", "after the backup")
    with pytest.raises(LiveOpsError):
        backup.restore(info.path, ctx.ws.path, open_workspace=ctx.ws.path)
    with pytest.raises(LiveOpsError) as err:
        backup.restore(info.path, tmp_path / "test.liveops")
    assert "已存在" in err.value.text()
    out = backup.restore(info.path, tmp_path / "restored")
    assert out.name == "restored.liveops"
    assert _count(out) == 1 and _count(out, "events") == 0
    assert _count(ctx.ws.path, "events") == 1  # the open workspace is untouched
    restored = open_workspace(out)
    assert restored.ws.quick_check() == []
    restored.ws.close()


def test_restore_refuses_a_damaged_backup(ctx, planned, tmp_path):
    for i in range(300):
        event_log.log_event(ctx, planned.id, "note", f"备注 {i} " + "x" * 100)
    info = backup.backup_now(ctx, "manual")
    _corrupt_page(info.path, _events_leaf_page(info.path))
    with pytest.raises(LiveOpsError):
        backup.restore(info.path, tmp_path / "new.liveops")
    assert not (tmp_path / "new.liveops").exists()
    assert not list(tmp_path.glob(".new.liveops*"))


def test_salvage_copies_readable_rows_past_a_damaged_page(ctx, planned, tmp_path):
    for i in range(600):
        event_log.log_event(ctx, planned.id, "note", f"备注 {i} " + "x" * 100)
    path = ctx.ws.path
    ctx.ws.close()
    leaf = _events_leaf_page(path)
    _corrupt_page(path, leaf)
    report = salvage(path, tmp_path / "rescued.liveops")
    events = report_table(report, "events")
    assert 0 < events.copied < 600 and events.unreadable_ranges >= 1
    assert report_table(report, "sessions").copied == 1
    rescued = open_workspace(report.out)
    assert rescued.ws.quick_check() == [] or all("foreign key" in p for p in rescued.ws.quick_check())
    assert rescued.ws.query_one("SELECT count(*) FROM events")[0] == events.copied
    assert rescued.ws.query_one("SELECT title FROM sessions")[0] == "测试场"
    rescued.ws.close()
    ctx.ws = Workspace.open(report.out)  # let the fixture close something


def report_table(report, name):
    return next(t for t in report.tables if t.name == name)


def test_cli_backup_backups_restore(demo_copy, tmp_path, capsys):
    assert cli_main(["backup", "--lang", "en", str(demo_copy), "--keep", "5"]) == 0
    assert "Backed up to" in capsys.readouterr().out
    assert cli_main(["backups", "--lang", "en", str(demo_copy)]) == 0
    out = capsys.readouterr().out
    assert "manual" in out and "1 backups." in out
    [info] = backup.list_backups(demo_copy)
    new = tmp_path / "restored.liveops"
    assert cli_main(["restore", "--lang", "en", str(info.path), "--out", str(new)]) == 0
    assert _count(new) == _count(demo_copy)
    assert cli_main(["restore", "--lang", "en", str(info.path), "--out", str(new)]) == 1
    assert "already exists" in capsys.readouterr().err


def test_cli_backups_lists_even_when_the_workspace_is_damaged(demo_copy, capsys):
    assert cli_main(["backup", str(demo_copy)]) == 0
    demo_copy.write_bytes(b"garbage" * 100)
    capsys.readouterr()
    assert cli_main(["backups", "--lang", "zh_CN", str(demo_copy)]) == 0
    assert "共 1 个备份" in capsys.readouterr().out
