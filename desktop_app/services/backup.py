"""Backups of a workspace: taken, rotated, listed and restored (Qt-free; the CLI and UI share it).

Every backup goes through the SQLite online backup API (a consistent copy of a live WAL
database, unlike a file copy) into ``<name>-backups/`` beside the workspace. A quick_check
runs first: a damaged workspace is never backed up, so rotation can never push the last
good backups out. Restoring always writes a NEW file; the open workspace is never overwritten.
"""

from __future__ import annotations

import logging
import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from desktop_app.domain.errors import LiveOpsError, ValidationError
from desktop_app.services.context import Context
from desktop_app.services.workspace_service import get_settings
from desktop_app.storage.atomic import atomic_write_path
from desktop_app.storage.errors import StorageError, WorkspaceCorrupt, classify_os_error
from desktop_app.storage.workspace import (
    BACKUP_STAMP,
    WORKSPACE_SUFFIX,
    Workspace,
    backup_file_name,
    backup_folder,
    backup_stem,
)

log = logging.getLogger(__name__)

DEFAULT_KEEP = 20
MIN_KEEP, MAX_KEEP = 1, 1000
KEEP_SETTING = "backup_keep"
FOLDER_SETTING = "backup_folder"
REASONS = ("manual", "close", "daily", "import", "merge", "migration", "restore", "salvage")
_NAME_RE = re.compile(r"^(?P<stem>.+)\.(?P<stamp>\d{8}T\d{6}Z)(?:-(?P<n>\d+))?\.(?P<reason>[a-z0-9-]+)\.liveops$")

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created_utc: datetime
    reason: str
    size_bytes: int
    sessions: int | None  # None: the backup could not be read
    schema_version: int | None
    workspace_name: str | None

    @property
    def readable(self) -> bool:
        return self.sessions is not None


def reason_key(reason: str) -> str:
    """Catalog key naming why a backup was taken (migration backups are named ``before-vN``)."""
    if reason.startswith("before-v"):
        reason = "migration"
    return f"backup.reason.{reason if reason in REASONS else 'other'}"


# -- settings --------------------------------------------------------------------------------
def keep_count(ctx: Context) -> int:
    value = get_settings(ctx).get(KEEP_SETTING, DEFAULT_KEEP)
    try:
        return max(MIN_KEEP, min(MAX_KEEP, int(value)))
    except (TypeError, ValueError):
        return DEFAULT_KEEP


def set_keep_count(ctx: Context, keep: int) -> None:
    from desktop_app.services.workspace_service import update_settings

    if not isinstance(keep, int) or not MIN_KEEP <= keep <= MAX_KEEP:
        raise ValidationError("error.backup.keep_range", field="backup_keep", min=MIN_KEEP, max=MAX_KEEP)
    update_settings(ctx, **{KEEP_SETTING: keep})


def folder_for(ctx: Context) -> Path:
    custom = get_settings(ctx).get(FOLDER_SETTING)
    return Path(custom) if custom else backup_folder(ctx.ws.path)


# -- taking backups --------------------------------------------------------------------------
def backup_now(ctx: Context, reason: str = "manual", *, progress: Progress | None = None,
               rotate_after: bool = True) -> BackupInfo:
    """Check the workspace, copy it with the online backup API, then rotate old backups.

    Refuses (WorkspaceCorrupt) when quick_check finds damage: nothing is written and no
    existing backup is deleted.
    """
    if reason not in REASONS:
        raise ValueError(reason)
    if ctx.ws.conn.in_transaction:
        # A backup inside an open write would copy uncommitted rows; callers back up first.
        raise RuntimeError("backup inside a write transaction")
    problems = ctx.ws.quick_check()
    if problems:
        raise WorkspaceCorrupt("error.backup.source_damaged", path=str(ctx.ws.path),
                               detail="; ".join(problems[:3]))
    folder = folder_for(ctx)
    target = _free_name(folder, ctx.ws.path, ctx.now(), reason)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise classify_os_error(exc, folder) from exc
    try:
        ctx.ws.backup_to(target, progress=progress)
    except OSError as exc:
        raise classify_os_error(exc, target) from exc
    info = read_backup(target)
    if rotate_after:
        rotate(ctx)
    return info


def backup_before(ctx: Context, reason: str, *, progress: Progress | None = None) -> BackupInfo:
    """What import, merge and other bulk changes call first: a checked backup, or a refusal.

    ``reason`` is one of "import", "merge", "migration" (or another of REASONS). Raises a
    LiveOpsError (damaged workspace, disk full ...) so the caller stops before changing anything.
    Call it outside any write transaction.
    """
    return backup_now(ctx, reason, progress=progress)


def after_session_closed(ctx: Context, session_id: str) -> BackupInfo | None:
    """The automatic backup when a session closes. The close has committed already, so a
    failing backup is logged rather than undoing it; the daily backup retries."""
    try:
        return backup_now(ctx, "close")
    except (LiveOpsError, OSError) as exc:
        log.warning("backup after closing %s failed: %s", session_id, exc)
        return None


def daily_backup_if_due(ctx: Context, tz: str | None = None) -> BackupInfo | None:
    """Take the daily backup unless one of any kind exists for today (workspace time zone)."""
    zone = ZoneInfo(tz or _workspace_tz(ctx))
    today = ctx.now().astimezone(zone).date()
    for info in _scan(folder_for(ctx), ctx.ws.path):
        if info[1].astimezone(zone).date() == today:
            return None
    return backup_now(ctx, "daily")


def _workspace_tz(ctx: Context) -> str:
    row = ctx.ws.query_one("SELECT default_timezone FROM workspace")
    return row[0] if row and row[0] else "Asia/Shanghai"


def _free_name(folder: Path, ws_path: Path, at: datetime, reason: str) -> Path:
    base = backup_file_name(ws_path, at, reason)
    target = folder / base
    n = 2
    while target.exists():
        stamp = at.astimezone(UTC).strftime(BACKUP_STAMP)
        target = folder / f"{backup_stem(ws_path)}.{stamp}-{n}.{reason}{WORKSPACE_SUFFIX}"
        n += 1
    return target


# -- rotation and listing --------------------------------------------------------------------
def rotate(ctx: Context, keep: int | None = None) -> list[Path]:
    """Delete the oldest backups beyond ``keep`` (the workspace setting); returns what was removed.

    Only backups that still open and read back count toward ``keep``, so a run of
    unreadable copies never pushes the last good one out. (Each backup passed quick_check
    when it was taken; re-checking every page of every backup here would be too slow.)
    """
    keep = keep if keep is not None else keep_count(ctx)
    entries = sorted(_scan(folder_for(ctx), ctx.ws.path), key=lambda e: (e[1], e[0].name), reverse=True)
    removed, kept_good = [], 0
    for path, _at, _reason in entries:
        if kept_good < keep:
            if _healthy(path):
                kept_good += 1
            continue
        try:
            path.unlink()
            removed.append(path)
        except OSError as exc:
            log.warning("could not remove old backup %s: %s", path, exc)
    return removed


def list_backups(workspace: Path | str, folder: Path | None = None) -> list[BackupInfo]:
    """Backups of ``workspace``, newest first, each read back (sessions count) read-only."""
    ws_path = Path(workspace)
    entries = _scan(folder or backup_folder(ws_path), ws_path)
    infos = [read_backup(p, at, reason) for p, at, reason in entries]
    return sorted(infos, key=lambda b: (b.created_utc, b.path.name), reverse=True)


def list_for(ctx: Context) -> list[BackupInfo]:
    return list_backups(ctx.ws.path, folder_for(ctx))


def _scan(folder: Path, ws_path: Path) -> list[tuple[Path, datetime, str]]:
    if not folder.is_dir():
        return []
    found = []
    for p in folder.glob(f"*{WORKSPACE_SUFFIX}"):
        m = _NAME_RE.match(p.name)
        if m and m.group("stem") in (ws_path.stem, backup_stem(ws_path)):
            at = datetime.strptime(m.group("stamp"), BACKUP_STAMP).replace(tzinfo=UTC)
            found.append((p, at, m.group("reason")))
    return found


def read_backup(path: Path, at: datetime | None = None, reason: str | None = None) -> BackupInfo:
    m = _NAME_RE.match(path.name)
    if at is None:
        at = (datetime.strptime(m.group("stamp"), BACKUP_STAMP).replace(tzinfo=UTC) if m
              else datetime.fromtimestamp(path.stat().st_mtime, UTC))
    reason = reason or (m.group("reason") if m else "manual")
    size = path.stat().st_size if path.exists() else 0
    sessions = version = name = None
    try:
        ws = Workspace.open(path, read_only=True, migrate=False)
    except (LiveOpsError, sqlite3.Error):
        return BackupInfo(path, at, reason, size, None, None, None)
    try:
        version = ws.schema_version()
        sessions = int(ws.query_one("SELECT count(*) FROM sessions")[0])
        row = ws.query_one("SELECT name FROM workspace")
        name = row[0] if row else None
    except (LiveOpsError, sqlite3.Error):
        sessions = None
    finally:
        ws.close()
    return BackupInfo(path, at, reason, size, sessions, version, name)


def _healthy(path: Path) -> bool:
    return read_backup(path).readable


# -- restore ---------------------------------------------------------------------------------
def restore(backup: Path | str, out: Path | str, *, open_workspace: Path | None = None,
            progress: Progress | None = None) -> Path:
    """Copy ``backup`` into the NEW file ``out`` (migrated to this app's schema) and return it.

    Refuses when ``out`` exists or is the open workspace, and when the backup is damaged
    or not a workspace; in every refusal nothing is written.
    """
    backup, out = Path(backup), Path(out)
    if out.suffix != WORKSPACE_SUFFIX:
        out = out.with_name(out.name + WORKSPACE_SUFFIX)
    if open_workspace is not None and _same_file(out, open_workspace):
        raise LiveOpsError("error.restore.over_open", path=str(out))
    if out.exists():
        raise LiveOpsError("error.restore.exists", path=str(out))
    if not out.parent.is_dir():
        raise StorageError("error.file.no_folder", path=str(out.parent))
    src = Workspace.open(backup, read_only=True, migrate=False)
    try:
        problems = src.quick_check()
        if problems:
            raise WorkspaceCorrupt("error.restore.backup_damaged", path=str(backup), detail="; ".join(problems[:3]))
        atomic_write_path(out, lambda tmp: _copy_into(src, tmp, progress))
    finally:
        src.close()
    Workspace.open(out).close()  # applies pending migrations (and backs up first if it upgrades)
    return out


def _copy_into(src: Workspace, tmp: Path, progress: Progress | None) -> None:
    tmp.unlink(missing_ok=True)  # atomic_write_path reserved the name; SQLite writes it fresh
    dest = sqlite3.connect(tmp)
    try:
        def _progress(_status: int, remaining: int, total: int) -> None:
            if progress:
                progress(total - remaining, total)

        src.conn.backup(dest, pages=256, progress=_progress)
        dest.execute("PRAGMA journal_mode=DELETE")
    finally:
        dest.close()


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == Path(b).resolve() or (a.exists() and a.samefile(b))
    except OSError:
        return False
