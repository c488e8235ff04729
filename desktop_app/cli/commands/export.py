"""`liveops export`: the session report or the multi-session report (same services as the app)."""

from __future__ import annotations

from pathlib import Path

from desktop_app.cli import EXIT_OK, EXIT_USAGE, print_error
from desktop_app.cli.options import open_ctx, parse_date
from desktop_app.domain.errors import NotFound
from desktop_app.messages import msg
from desktop_app.services.export.options import DEFAULT_INTERVAL_S, SHEETS, ExportOptions
from desktop_app.storage.sessions import find_sessions


def register(sub, common) -> None:
    p = sub.add_parser("export", parents=[common], help="export a session or a date range to .xlsx")
    p.add_argument("workspace", type=Path)
    p.add_argument("--session", help="session id (or its short id)")
    p.add_argument("--from", dest="date_from", help="first day (YYYY-MM-DD), multi-session report")
    p.add_argument("--to", dest="date_to", help="last day (YYYY-MM-DD), multi-session report")
    p.add_argument("--anchor", help="filter: anchor id")
    p.add_argument("--specialist", help="filter: specialist id")
    p.add_argument("--platform", help="filter: platform")
    p.add_argument("--status", action="append", help="filter: status (repeatable)")
    p.add_argument("--signoff", help="filter: review sign-off (as in the history view)")
    p.add_argument("--text", default="", help="filter: title or anchor contains (as in the history view)")
    p.add_argument("--variant", choices=("client", "internal"), default=None)
    p.add_argument("--client", help="client id: the client file of a multi-client session, or a filter")
    p.add_argument("--interval", type=int, default=DEFAULT_INTERVAL_S, help="timeline interval in seconds")
    p.add_argument("--sheets", help=f"comma-separated subset of {','.join(SHEETS)}")
    p.add_argument("--allow-draft", action="store_true", help="export a client file of an unsigned review (draft)")
    p.add_argument("--session-totals", action="store_true",
                   help="include session-wide totals in one client's file of a multi-client session (leads)")
    p.add_argument("--csv", action="store_true", help="multi-session report: also write one CSV per table")
    p.add_argument("--out", required=True, type=Path)
    p.set_defaults(handler=cmd_export)


def _session_id(ctx, ref: str) -> str:
    found = find_sessions(ctx.ws, ref)
    if len(found) != 1:
        raise NotFound("error.session.unknown", session=ref)
    return found[0].id


def cmd_export(args) -> int:
    from desktop_app import messages

    # --lang (shared by every command) also picks the header language of the file.
    lang = messages.normalize_language(args.lang) if args.lang else messages.current_language()
    sheets = frozenset(s.strip() for s in args.sheets.split(",")) if args.sheets else frozenset(SHEETS)
    if args.session and (args.date_from or args.date_to):
        print_error(msg("error.export.need_session_or_range"))
        return EXIT_USAGE
    ctx = open_ctx(args)
    try:
        if args.session:
            return _session(ctx, args, lang, sheets)
        if args.date_from and args.date_to:
            return _multi(ctx, args, lang)
        print_error(msg("error.export.need_session_or_range"))
        return EXIT_USAGE
    finally:
        ctx.ws.close()


def _session(ctx, args, lang: str, sheets: frozenset[str]) -> int:
    from desktop_app.services.export.session import export_session

    options = ExportOptions(variant=args.variant or "client", lang=lang, interval_s=args.interval, sheets=sheets,
                            client_id=args.client, allow_draft=args.allow_draft,
                            allow_session_totals=args.session_totals)
    result = export_session(ctx, _session_id(ctx, args.session), args.out, options)
    print(msg("cli.export.done", path=str(result.path), variant=msg(f"export.variant.{result.variant}"),
              sha=result.sha256[:16]))
    if result.draft:
        print(msg("cli.export.draft"))
    return EXIT_OK


def _multi(ctx, args, lang: str) -> int:
    from desktop_app.services.export.multi import MultiOptions, export_multi

    options = MultiOptions(
        start=parse_date(args.date_from, "from"), end=parse_date(args.date_to, "to"), variant=args.variant or "internal",
        lang=lang, anchor_id=args.anchor, client_id=args.client, specialist_id=args.specialist,
        platform=args.platform, statuses=tuple(args.status or ()), signoff=args.signoff, text=args.text,
        csv=args.csv)
    result = export_multi(ctx, args.out, options)
    print(msg("cli.export.multi_done", count=result.count, path=str(result.path)))
    for path in result.csv_paths:
        print(msg("cli.export.csv", path=str(path)))
    return EXIT_OK
