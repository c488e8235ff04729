"""`liveops import WORKSPACE FILE [--preset NAME] [--anchor ID] [--session ID] [--dry-run] [--strict] [--json]`.

Exit codes: 0 imported (or would import), 1 file rejected, 2 usage error, 3 imported with rejected rows.
"""

from __future__ import annotations

import sys
from pathlib import Path

from desktop_app.cli import EXIT_OK, EXIT_REFUSED, EXIT_USAGE, print_error, print_json
from desktop_app.cli.options import open_ctx, parse_date
from desktop_app.domain.errors import LiveOpsError, NotFound, ValidationError
from desktop_app.messages import current_language, msg
from desktop_app.services.ingest import importer
from desktop_app.services.ingest.columns import unit_label
from desktop_app.services.ingest.reader import FileRejected
from desktop_app.storage import roster as roster_repo
from desktop_app.storage.atomic import sha256_file

EXIT_PARTIAL = 3


def register(sub, common) -> None:
    p = sub.add_parser("import", parents=[common], help="import a platform export (CSV/XLSX)")
    p.add_argument("workspace", type=Path)
    p.add_argument("file", type=Path)
    p.add_argument("--preset", help="preset name (default: detected)")
    p.add_argument("--anchor", help="anchor id or name the rows belong to")
    p.add_argument("--session", help="session id for a per-session file")
    p.add_argument("--as-of", dest="as_of", help="settlement date YYYY-MM-DD (default: the file's date range)")
    p.add_argument("--dry-run", action="store_true", help="preview only; write nothing")
    p.add_argument("--strict", action="store_true", help="reject the whole file on any bad row")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_import)


def cmd_import(args) -> int:
    try:
        ctx = open_ctx(args)
    except LiveOpsError as exc:
        print_error(exc.text())
        return EXIT_REFUSED
    try:
        return _run(ctx, args)
    finally:
        ctx.ws.close()


def _run(ctx, args) -> int:
    try:
        anchor_id = _anchor(ctx, args.anchor) if args.anchor else None
        as_of = parse_date(args.as_of, "as_of") if args.as_of else None
        insp = importer.inspect(ctx, args.file, preset=args.preset, anchor_id=anchor_id, session_id=args.session,
                                as_of=as_of)
    except (ValidationError, NotFound) as exc:
        print_error(exc.text())
        return EXIT_USAGE
    except FileRejected as exc:
        return _rejected(args, exc, None)
    try:
        result = importer.run(ctx, insp, anchor_id=anchor_id, session_id=args.session, strict=args.strict,
                              dry_run=args.dry_run)
    except FileRejected as exc:
        return _rejected(args, exc, getattr(exc, "result", None))
    if args.json:
        print_json(result.to_json(current_language()))
    else:
        _print_text(result)
    return EXIT_PARTIAL if result.rejected_rows else EXIT_OK


def _anchor(ctx, ref: str) -> str:
    a = roster_repo.get_anchor(ctx.ws, ref)
    if a is None:
        matches = [x for x in roster_repo.list_anchors(ctx.ws, include_archived=True) if x.name == ref]
        if len(matches) != 1:
            raise NotFound("error.anchor.unknown", anchor=ref)
        a = matches[0]
    return a.id


def _rejected(args, exc: FileRejected, result) -> int:
    if args.json:
        data = result.to_json(current_language()) if result else _empty_shape(args.file)
        data["dry_run"] = args.dry_run
        data["committed"] = False
        data["error"] = exc.text()
        print_json(data)
    else:
        print_error(exc.text())
        if result is not None:
            for r in result.rejected[:50]:
                print_error("  " + msg("cli.import.rejected_row", row=r.row, column=r.column, value=r.value,
                                       message=r.message.text()))
    return EXIT_REFUSED


def _empty_shape(file) -> dict:
    """The --json keys of a file refused before its header was read: same shape, nothing in it."""
    try:
        sha = sha256_file(Path(file))
    except OSError:
        sha = None
    return {"file": str(file), "sha256": sha, "encoding": None, "sheet": None, "preset": None, "header_row": None,
            "mapping": [], "counts": {"accepted": 0, "rejected": 0, "skipped": 0}, "rejected": [], "sessions": []}


def _print_text(result) -> None:
    insp = result.inspection
    out = sys.stdout
    out.write(msg("cli.import.file", file=insp.table.name, preset=insp.preset.label(current_language()),
                  header_row=insp.header_row, encoding=insp.table.encoding or insp.table.sheet or "") + "\n")
    for note in insp.all_notes():
        out.write("  " + note.text() + "\n")
    for c in insp.mapped:
        unit = unit_label(c.unit, insp.currency)
        out.write(f"  {c.header} → {c.key}" + (f" ({unit})" if unit else "") + "\n")
    out.write(msg("cli.import.counts", **result.counts) + "\n")
    for sid, action in result.sessions.items():
        shown = "" if (result.dry_run and sid in result.created_ids) else f" {sid}"  # a dry run created nothing
        out.write(f"  {msg('cli.import.session.' + action)}{shown}\n")
    for r in result.rejected[:50]:
        out.write("  " + msg("cli.import.rejected_row", row=r.row, column=r.column, value=r.value,
                             message=r.message.text()) + "\n")
    key = "cli.import.dry_run" if result.dry_run else ("cli.import.done" if result.committed else "cli.import.nothing")
    out.write(msg(key) + "\n")
