"""`liveops backup`, `liveops backups`, `liveops restore`, `liveops salvage`."""

from __future__ import annotations

from pathlib import Path

from desktop_app.cli import EXIT_OK, EXIT_REFUSED, print_error, print_json
from desktop_app.cli.options import open_ctx
from desktop_app.domain.errors import LiveOpsError
from desktop_app.domain.timeutil import local, to_iso
from desktop_app.messages import msg
from desktop_app.services import backup, salvage
from desktop_app.services.workspace_service import workspace_info

DEFAULT_TZ = "Asia/Shanghai"


def register(sub, common) -> None:
    p = sub.add_parser("backup", parents=[common], help="check the workspace and back it up now")
    p.add_argument("workspace", type=Path)
    p.add_argument("--keep", type=int, help="keep this many backups from now on (workspace setting)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_backup)

    p = sub.add_parser("backups", parents=[common], help="list the backups of a workspace")
    p.add_argument("workspace", type=Path)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_backups)

    p = sub.add_parser("restore", parents=[common], help="restore a backup into a NEW workspace file")
    p.add_argument("backup", type=Path)
    p.add_argument("--out", type=Path, required=True, help="new workspace file (must not exist)")
    p.set_defaults(handler=cmd_restore)

    p = sub.add_parser("salvage", parents=[common], help="copy readable rows of a damaged workspace to a new file")
    p.add_argument("workspace", type=Path)
    p.add_argument("--out", type=Path, required=True, help="new workspace file (must not exist)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_salvage)


def _info_json(info: backup.BackupInfo) -> dict:
    return {"path": str(info.path), "created_utc": to_iso(info.created_utc), "reason": info.reason,
            "size_bytes": info.size_bytes, "sessions": info.sessions, "schema_version": info.schema_version,
            "readable": info.readable}


def cmd_backup(args) -> int:
    ctx = open_ctx(args)
    try:
        if args.keep is not None:
            backup.set_keep_count(ctx, args.keep)
        info = backup.backup_now(ctx, "manual")
    finally:
        ctx.ws.close()
    if args.json:
        print_json(_info_json(info))
    else:
        print(msg("cli.backup.done", path=str(info.path), sessions=info.sessions))
    return EXIT_OK


def cmd_backups(args) -> int:
    infos, tz = _backups_of(args)
    if args.json:
        print_json([_info_json(i) for i in infos])
        return EXIT_OK
    for i in infos:
        when = local(i.created_utc, tz).strftime("%Y-%m-%d %H:%M:%S")
        sessions = str(i.sessions) if i.readable else msg("backup.unreadable")
        print(f"{when}  {msg(backup.reason_key(i.reason)):<8}  {msg('cli.backups.sessions', count=sessions)}  "
              f"{i.path}")
    print(msg("cli.backups.count", count=len(infos)))
    return EXIT_OK


def _backups_of(args) -> tuple[list[backup.BackupInfo], str]:
    """Listing must work when the workspace itself is damaged or missing: that is when it is needed."""
    try:
        ctx = open_ctx(args, read_only=True)
    except LiveOpsError:
        return backup.list_backups(args.workspace), DEFAULT_TZ
    try:
        return backup.list_for(ctx), workspace_info(ctx).default_timezone
    except LiveOpsError:
        return backup.list_backups(args.workspace), DEFAULT_TZ
    finally:
        ctx.ws.close()


def cmd_restore(args) -> int:
    out = backup.restore(args.backup, args.out)
    print(msg("cli.restore.done", backup=str(args.backup), path=str(out)))
    return EXIT_OK


def cmd_salvage(args) -> int:
    report = salvage.salvage(args.workspace, args.out)
    if args.json:
        print_json({"out": str(report.out), "copied": report.copied,
                    "tables": [{"name": t.name, "copied": t.copied, "unreadable_ranges": t.unreadable_ranges,
                                "error": t.error} for t in report.tables]})
    else:
        print(msg("cli.salvage.done", path=str(report.out), rows=report.copied))
        for name in report.damaged_tables:
            print_error(msg("cli.salvage.damaged_table", table=name))
    return EXIT_REFUSED if report.damaged_tables and not report.copied else EXIT_OK
