"""`liveops demo`, `liveops check`, `liveops sessions`."""

from __future__ import annotations

import json
import sys
from datetime import timedelta
from pathlib import Path

from desktop_app.cli import EXIT_OK, EXIT_REFUSED, print_error, print_json, print_json_rows
from desktop_app.cli.options import day_start, open_ctx, parse_date
from desktop_app.domain.clock import SystemClock
from desktop_app.domain.enums import SessionStatus
from desktop_app.domain.money import format_money
from desktop_app.domain.timeutil import from_iso, local
from desktop_app.messages import msg
from desktop_app.services.demo import build_demo_workspace
from desktop_app.services.queries import session_rows_json
from desktop_app.services.workspace_service import workspace_info
from desktop_app.storage.sessions import SessionFilter, short_id
from desktop_app.storage.workspace import Workspace, latest_version


def register(sub, common) -> None:
    p = sub.add_parser("demo", parents=[common], help="create a demo workspace")
    p.add_argument("path", type=Path)
    p.add_argument("--seed", type=int, default=2026)
    p.add_argument("--days", type=int, default=7)
    p.set_defaults(handler=cmd_demo)

    p = sub.add_parser("check", parents=[common], help="read-only schema and integrity check")
    p.add_argument("workspace", type=Path)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_check)

    p = sub.add_parser("sessions", parents=[common], help="list sessions")
    p.add_argument("workspace", type=Path)
    p.add_argument("--from", dest="date_from")
    p.add_argument("--to", dest="date_to")
    p.add_argument("--anchor")
    p.add_argument("--client")
    p.add_argument("--specialist")
    p.add_argument("--status", choices=[s.value for s in SessionStatus])
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_sessions)


def cmd_demo(args) -> int:
    ctx = build_demo_workspace(args.path, clock=SystemClock(), seed=args.seed, days=args.days)
    count = ctx.ws.query_one("SELECT count(*) FROM sessions")[0]
    ctx.ws.close()
    print(msg("cli.demo.created", path=str(args.path), sessions=count))
    return EXIT_OK


def cmd_check(args) -> int:
    ws = Workspace.open(args.workspace, read_only=True, migrate=False)
    try:
        version = ws.schema_version()
        problems = ws.quick_check()
    finally:
        ws.close()
    if args.json:
        print_json({"path": str(args.workspace), "schema_version": version, "supported": latest_version(),
                    "ok": not problems, "problems": problems})
    else:
        print(msg("cli.check.schema", version=version, supported=latest_version()))
        if problems:
            print_error(msg("cli.check.problems", count=len(problems)))
            for p in problems[:50]:
                print_error("  " + p)
        else:
            print(msg("cli.check.ok"))
    return EXIT_REFUSED if problems else EXIT_OK


def cmd_sessions(args) -> int:
    ctx = open_ctx(args, read_only=True)
    try:
        texts = session_rows_json(ctx, _session_filter(ctx, args))
    finally:
        ctx.ws.close()
    if args.json:  # passed on as SQLite wrote it: no per-row parse or re-encode
        print_json_rows(texts)
        return EXIT_OK
    rows = [json.loads(t) for t in texts]
    for r in rows:
        start = from_iso(r["on_air_utc"] or r["scheduled_start_utc"])
        when = local(start, r["timezone"]).strftime("%Y-%m-%d %H:%M") if start else "—"
        kpis = (r["summary"] or {}).get("kpis", {})
        gmv = kpis.get("gmv", {}).get("value")
        sys.stdout.write(
            f"{short_id(r['session_id'])}  {when}  {msg('status.' + r['status']):<6}  {r['anchor']['name']:<8}  "
            f"{r['title']}  GMV {format_money(gmv, r['currency'])}\n"
        )
    print(msg("cli.sessions.count", count=len(rows)))
    return EXIT_OK


def _session_filter(ctx, args) -> SessionFilter:
    """--from/--to are local dates of the workspace's timezone, both inclusive."""
    tz = workspace_info(ctx).default_timezone
    start_from = day_start(parse_date(args.date_from, "from"), tz) if args.date_from else None
    start_to = day_start(parse_date(args.date_to, "to"), tz) + timedelta(days=1) if args.date_to else None
    return SessionFilter(start_from, start_to, args.anchor, args.client, args.specialist,
                         (args.status,) if args.status else ())
