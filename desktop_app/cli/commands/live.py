"""`liveops log`, `liveops sample`, `liveops report`, `liveops webhook`: the live console from outside.

Stream Deck buttons, AutoHotkey scripts and other tools call these; an open app notices the
write through PRAGMA data_version and shows the entry within about a second.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop_app.cli import EXIT_OK, EXIT_REFUSED, print_error, print_json
from desktop_app.cli.options import open_ctx
from desktop_app.domain.enums import EventKind, Source
from desktop_app.domain.errors import ValidationError
from desktop_app.domain.intervals import DEFAULT_INTERVAL, INTERVAL_CHOICES
from desktop_app.domain.timeutil import local, parse_user_datetime, to_iso
from desktop_app.messages import msg
from desktop_app.services import event_log, interval_report, metrics_entry, webhooks
from desktop_app.services.lifecycle import get as get_session
from desktop_app.storage.sessions import short_id


def _target(p: argparse.ArgumentParser) -> None:
    p.add_argument("workspace", type=Path)
    g = p.add_mutually_exclusive_group(required=True)
    g.add_argument("--session", help="session id (or a unique prefix of at least 6 characters)")
    g.add_argument("--live", action="store_true", help="the one session that is live now")


def register(sub, common) -> None:
    p = sub.add_parser("log", parents=[common], help="log an event into a session")
    _target(p)
    p.add_argument("--kind", required=True, choices=[k.value for k in EventKind if k != EventKind.SYSTEM])
    p.add_argument("--text", default="")
    p.add_argument("--internal", action="store_true", help="never shown in client exports")
    p.add_argument("--ts", help="ISO time; without an offset it is in the session's time zone (default: now)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_log)

    p = sub.add_parser("sample", parents=[common], help="record a metric snapshot (KEY=VALUE ...)")
    _target(p)
    p.add_argument("--ts", help="ISO time; without an offset it is in the session's time zone (default: now)")
    p.add_argument("values", nargs="+", metavar="KEY=VALUE", help="e.g. gmv=1.2万 online_viewers=3,456")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_sample)

    p = sub.add_parser("report", parents=[common], help="interval report of a session (print, optionally store)")
    _target(p)
    p.add_argument("--interval", type=int, default=DEFAULT_INTERVAL, choices=INTERVAL_CHOICES)
    p.add_argument("--store", action="store_true", help="store as a report event and queue it for group robots")
    p.set_defaults(handler=cmd_report)

    p = sub.add_parser("webhook", parents=[common], help="group robots: add, list, send queued reports")
    p.add_argument("workspace", type=Path)
    p.add_argument("action", choices=["add", "list", "send", "retry"])
    p.add_argument("--kind", choices=webhooks.KINDS)
    p.add_argument("--url")
    p.add_argument("--secret")
    p.add_argument("--name", default="")
    p.set_defaults(handler=cmd_webhook)


def _session_id(ctx, args) -> str:
    return event_log.resolve_live_session(ctx) if args.live else get_session(ctx, args.session).id


def _ts(args, session):
    return parse_user_datetime(args.ts, session.timezone) if args.ts else None


def cmd_log(args) -> int:
    ctx = open_ctx(args)
    try:
        session = get_session(ctx, _session_id(ctx, args))
        event, _ = event_log.log_event(ctx, session.id, args.kind, args.text, ts=_ts(args, session),
                                       internal=True if args.internal else None, source=Source.CLI)
    finally:
        ctx.ws.close()
    if args.json:
        print_json({"event_id": event.id, "session_id": session.id, "ts_utc": to_iso(event.ts_utc),
                    "kind": str(event.kind), "text": event.text, "internal": event.internal})
        return EXIT_OK
    when = local(event.ts_utc, session.timezone).strftime("%H:%M:%S")
    print(msg("cli.log.logged", kind=msg(f"event_kind.{event.kind}"), event=event.id[:8], ts=when,
              session=short_id(session.id)))
    if event.internal:
        print(msg("cli.log.internal"))
    return EXIT_OK


def parse_pairs(pairs: list[str]) -> dict[str, str]:
    values: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise ValidationError("error.sample.pair", field="values", value=pair)
        values[key.strip()] = value
    return values


def cmd_sample(args) -> int:
    values = parse_pairs(args.values)
    ctx = open_ctx(args)
    try:
        session = get_session(ctx, _session_id(ctx, args))
        result = metrics_entry.record_snapshot(ctx, session.id, values, ts=_ts(args, session), source=Source.CLI)
    finally:
        ctx.ws.close()
    for w in result.warnings:
        print_error(msg(w.key, **w.params))
    ts = result.samples[0].ts_utc
    if args.json:
        print_json({"session_id": session.id, "ts_utc": to_iso(ts),
                    "values": {s.metric_key: s.value for s in result.samples},
                    "warnings": [msg(w.key, **w.params) for w in result.warnings]})
        return EXIT_OK
    print(msg("cli.sample.saved", count=len(result.samples), ts=local(ts, session.timezone).strftime("%H:%M:%S"),
              session=short_id(session.id)))
    return EXIT_OK


def cmd_report(args) -> int:
    ctx = open_ctx(args, read_only=not args.store)
    try:
        sid = _session_id(ctx, args)
        lang = {"zh": "zh_CN"}.get(args.lang, args.lang)  # --lang picks the report's language too; default zh_CN
        if args.store:
            report, event, _ = interval_report.publish_report(ctx, sid, args.interval, source=Source.CLI, lang=lang)
            targets = len(webhooks.list_targets(ctx, enabled_only=True))
        else:
            report, event, targets = interval_report.build_report(ctx, sid, args.interval, lang=lang), None, 0
    finally:
        ctx.ws.close()
    sys.stdout.write(report.text + "\n")
    if event is not None:
        print(msg("cli.report.stored", event=event.id[:8], targets=targets))
    return EXIT_OK


def cmd_webhook(args) -> int:
    ctx = open_ctx(args, read_only=args.action == "list")
    try:
        if args.action == "add":
            target, _ = webhooks.save_target(ctx, kind=args.kind or "", url=args.url or "", secret=args.secret,
                                             name=args.name)
            print(msg("cli.webhook.added", id=target.id[:8], kind=msg(f"webhook.kind.{target.kind}")))
        elif args.action == "list":
            print_json([{"id": t.id, "kind": t.kind, "name": t.name, "url": t.url, "enabled": t.enabled,
                         "signed": bool(t.secret)} for t in webhooks.list_targets(ctx)])
        else:
            if args.action == "retry":
                webhooks.retry_failed(ctx)
            results = webhooks.deliver_due(ctx)
            failed = [r for r in results if not r.ok]
            names = _robot_names(ctx)
            for r in failed:  # rows queued together share an id prefix: name the robot instead
                print_error(f"{names.get(r.row_id, r.row_id[:8])}: {r.error}")
            print(msg("cli.webhook.sent", ok=len(results) - len(failed), failed=len(failed)))
            return EXIT_REFUSED if failed else EXIT_OK
    finally:
        ctx.ws.close()
    return EXIT_OK


def _robot_names(ctx) -> dict[str, str]:
    """Outbox row id → its robot as people know it ("钉钉 运营群")."""
    targets = {t.id: t for t in webhooks.list_targets(ctx)}
    out = {}
    for row in webhooks.outbox(ctx):
        t = targets.get(row.target_id)
        if t is not None:
            out[row.id] = " ".join(x for x in (msg(f"webhook.kind.{t.kind}"), t.name) if x)
    return out
