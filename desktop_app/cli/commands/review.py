"""`liveops bundle`, `liveops merge`, `liveops review`, `liveops search`."""

from __future__ import annotations

import sys
from pathlib import Path

from desktop_app.cli import EXIT_OK, EXIT_REFUSED, print_error, print_json
from desktop_app.cli.options import open_ctx, parse_date
from desktop_app.domain.review import SETTLEMENT_KEYS
from desktop_app.domain.timeutil import from_iso, local, to_iso
from desktop_app.messages import msg
from desktop_app.services import history, merge, review
from desktop_app.services.lifecycle import get as get_session
from desktop_app.services.merge import MergeDecisions, MergeNeedsDecision, MergeReport
from desktop_app.storage.sessions import short_id


def register(sub, common) -> None:
    p = sub.add_parser("bundle", parents=[common], help="export a workspace (or a date range) as a bundle file")
    p.add_argument("workspace", type=Path)
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--from", dest="date_from")
    p.add_argument("--to", dest="date_to")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_bundle)

    p = sub.add_parser("merge", parents=[common], help="merge a bundle into a workspace")
    p.add_argument("workspace", type=Path)
    p.add_argument("bundle", type=Path)
    p.add_argument("--dry-run", action="store_true")
    p.add_argument("--on-conflict", choices=merge.POLICIES, default="ask")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_merge)

    p = sub.add_parser("review", parents=[common], help="show, settle, submit, approve or return a review")
    p.add_argument("workspace", type=Path)
    p.add_argument("session")
    p.add_argument("action", choices=("show", "settle", "submit", "approve", "return"))
    p.add_argument("--comment", help="return comment")
    p.add_argument("--as-of", dest="as_of", help="settlement date (YYYY-MM-DD)")
    for key in SETTLEMENT_KEYS:
        p.add_argument(f"--{key.replace('_', '-')}", dest=key)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_review)

    p = sub.add_parser("search", parents=[common], help="full-text search over events, notes, reviews, checklists")
    p.add_argument("workspace", type=Path)
    p.add_argument("query")
    p.add_argument("--limit", type=int, default=50)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_search)


def cmd_bundle(args) -> int:
    date_from = parse_date(args.date_from, "from") if args.date_from else None
    date_to = parse_date(args.date_to, "to") if args.date_to else None
    ctx = open_ctx(args, read_only=False)
    try:
        manifest = merge.export_bundle(ctx, args.out, date_from=date_from, date_to=date_to)
    finally:
        ctx.ws.close()
    if args.json:
        print_json(manifest)
    else:
        print(msg("cli.bundle.written", path=str(args.out), sessions=manifest["sessions"], rows=manifest["rows"]))
    return EXIT_OK


def _print_report_lists(report: MergeReport) -> None:
    if report.conflicts:
        print_error(msg("cli.merge.conflicts", count=len(report.conflicts)))
        for c in report.conflicts:
            print_error("  " + msg("bundle.conflict.line", table=c.table, row=c.row_id, local=c.local_modified or "—",
                                   bundle=c.bundle_modified or "—"))
    if report.mappings:
        print_error(msg("cli.merge.mappings", count=len(report.mappings)))
        for m in report.mappings:
            print_error("  " + m.text())
    for a in report.assignment_conflicts:
        print_error("  " + msg("bundle.assignment.line", anchor=a.anchor_name, local=a.local_specialist,
                               bundle=a.bundle_specialist))


def _ask(prompt: str, options: dict[str, object]) -> object:
    while True:
        sys.stderr.write(prompt)
        sys.stderr.flush()
        answer = sys.stdin.readline()
        if not answer:
            raise KeyboardInterrupt
        choice = answer.strip().lower()[:1]
        if choice in options:
            return options[choice]


def _decide(report: MergeReport, decisions: MergeDecisions) -> None:
    """Interactive: ask about every undecided mapping, assignment and conflict."""
    for m in report.mappings:
        if decisions.mapping_choice(m) is None:
            print_error(m.text())
            decisions.mappings[m.bundle_id] = bool(_ask(msg("cli.merge.map_prompt"), {"y": True, "n": False}))
    for a in report.assignment_conflicts:
        if decisions.assignment_choice(a) is None:
            print_error(msg("bundle.assignment.line", anchor=a.anchor_name, local=a.local_specialist,
                            bundle=a.bundle_specialist))
            decisions.assignments[a.anchor_id] = str(_ask(msg("cli.merge.assign_prompt"),
                                                          {"l": "local", "b": "bundle"}))
    for c in report.conflicts:
        if decisions.conflict_choice(c) is None:
            print_error(msg("bundle.conflict.line", table=c.table, row=c.row_id, local=c.local_modified or "—",
                            bundle=c.bundle_modified or "—"))
            choice = _ask(msg("cli.merge.prompt"), {"l": "local", "b": "bundle", "c": None})
            if choice is None:
                raise KeyboardInterrupt
            decisions.conflicts[c.key] = str(choice)


def cmd_merge(args) -> int:
    ctx = open_ctx(args)
    decisions = MergeDecisions(args.on_conflict)
    try:
        for _ in range(4):  # each round of answers may reveal nothing new; a few rounds at most
            try:
                report, _changes = merge.merge_bundle(ctx, args.bundle, decisions, dry_run=args.dry_run)
                break
            except MergeNeedsDecision as exc:
                if args.on_conflict != "ask" or not sys.stdin.isatty():
                    if args.json:
                        print_json({"ok": False, "error": exc.key, "report": exc.report.to_json()})
                    print_error(exc.text())
                    _print_report_lists(exc.report)
                    return EXIT_REFUSED
                _decide(exc.report, decisions)
        else:  # pragma: no cover - defensive
            return EXIT_REFUSED
    finally:
        ctx.ws.close()
    if args.json:
        print_json({"ok": True, "report": report.to_json()})
        return EXIT_OK
    if args.dry_run:
        print(msg("cli.merge.dry_run"))
    print(msg("cli.merge.result", inserted=report.inserted, updated=report.updated, deleted=report.deleted,
              kept=report.kept, unchanged=report.unchanged))
    _print_report_lists(report)
    return EXIT_OK


def cmd_review(args) -> int:
    ctx = open_ctx(args)
    try:
        sid = get_session(ctx, args.session).id
        if args.action == "settle":
            values = {k: getattr(args, k) for k in SETTLEMENT_KEYS if getattr(args, k) is not None}
            as_of = parse_date(args.as_of, "as_of") if args.as_of else ctx.now().date()
            review.settle(ctx, sid, values, as_of=as_of)
        elif args.action == "submit":
            review.submit(ctx, sid)
            print(msg("cli.review.submitted")) if not args.json else None
        elif args.action == "approve":
            review.approve(ctx, sid)
            print(msg("cli.review.approved")) if not args.json else None
        elif args.action == "return":
            review.return_review(ctx, sid, args.comment or "")
            print(msg("cli.review.returned")) if not args.json else None
        data = review.review_json(ctx, sid)
    finally:
        ctx.ws.close()
    if args.json or args.action in ("show", "settle"):
        print_json(data)
    return EXIT_OK


def _hit_time(hit: dict) -> str:
    """When, as the session's people read it: local time in the session's zone (the stored UTC
    time read as local was 8 hours off in Shanghai)."""
    at = from_iso(hit["ts"]) if hit["ts"] else None
    if at is None:
        return "—"
    return local(at, hit["session_tz"]).strftime("%Y-%m-%d %H:%M") if hit.get("session_tz") else to_iso(at)[:16]


def cmd_search(args) -> int:
    ctx = open_ctx(args, read_only=True)
    try:
        hits = history.search(ctx, args.query, limit=args.limit)
    finally:
        ctx.ws.close()
    if args.json:
        print_json(hits)
        return EXIT_OK
    if not hits:
        print(msg("cli.search.none"))
        return EXIT_OK
    for h in hits:
        text = " ".join((h["text"] or "").split())[:80]
        print(f"{short_id(h['session_id'])}  {_hit_time(h)}  {msg('review.source.' + h['source'])}  "
              f"{h['session_title']}  {text}")
    print(msg("cli.search.count", count=len(hits)))
    return EXIT_OK
