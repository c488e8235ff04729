"""`liveops checklist`: list, tick and skip a session's runs; add ad-hoc items; export/import
templates; compliance over a date range. Same services and messages as the app."""

from __future__ import annotations

import argparse
from datetime import timedelta
from pathlib import Path

from desktop_app.cli import EXIT_OK, EXIT_REFUSED, print_error, print_json
from desktop_app.cli.options import day_start, open_ctx, parse_date
from desktop_app.domain.checklist_templates import TemplateRejected
from desktop_app.domain.enums import Phase
from desktop_app.domain.errors import ValidationError
from desktop_app.domain.timeutil import local, parse_user_datetime, to_iso
from desktop_app.messages import msg
from desktop_app.services import checklist_templates as templates
from desktop_app.services import checklists as engine
from desktop_app.services.lifecycle import get as get_session
from desktop_app.storage.sessions import short_id


def register(sub, common) -> None:
    p = sub.add_parser("checklist", parents=[common], help="checklist runs, ad-hoc items, templates, compliance")
    actions = p.add_subparsers(dest="checklist_action", metavar="ACTION", parser_class=type(p))

    a = actions.add_parser("runs", parents=[common], help="list a session's runs")
    _session_args(a)
    a.add_argument("--phase", choices=[x.value for x in Phase])
    a.add_argument("--open", action="store_true", help="only open runs")
    a.add_argument("--json", action="store_true")
    a.set_defaults(handler=cmd_runs)

    a = actions.add_parser("tick", parents=[common], help="tick a run, recording FIELD=VALUE values")
    _session_args(a)
    a.add_argument("run", help="run id (prefix), item key, or key#occurrence")
    a.add_argument("values", nargs="*", metavar="FIELD=VALUE")
    a.add_argument("--attach", action="append", default=[], metavar="FIELD=PATH", help="store a file for a file field")
    a.add_argument("--note")
    a.add_argument("--ts", help="when it was done: ISO time, without an offset in the session's time zone "
                                "(default: now)")
    a.set_defaults(handler=cmd_tick)

    a = actions.add_parser("skip", parents=[common], help="skip a run with a reason")
    _session_args(a)
    a.add_argument("run")
    a.add_argument("--reason", required=True)
    a.set_defaults(handler=cmd_skip)

    a = actions.add_parser("add", parents=[common], help="add an ad-hoc item to one session")
    _session_args(a)
    a.add_argument("--phase", required=True, choices=[x.value for x in Phase])
    a.add_argument("--text", required=True)
    a.add_argument("--due", help="ISO time; without an offset in the session's time zone (default: now)")
    a.add_argument("--every", type=int, metavar="MINUTES", help="live only: repeat every N minutes")
    a.add_argument("--required", action="store_true")
    a.set_defaults(handler=cmd_add)

    a = actions.add_parser("templates", parents=[common], help="list templates (newest version of each)")
    a.add_argument("workspace", type=Path)
    a.add_argument("--json", action="store_true")
    a.set_defaults(handler=cmd_templates)

    a = actions.add_parser("export", parents=[common], help="export a template as JSON")
    a.add_argument("workspace", type=Path)
    a.add_argument("template", help="template id, name or family")
    a.add_argument("output", type=Path)
    a.set_defaults(handler=cmd_export)

    a = actions.add_parser("import", parents=[common], help="import a template JSON (a new version)")
    a.add_argument("workspace", type=Path)
    a.add_argument("file", type=Path)
    a.add_argument("--check", action="store_true", help="only report problems; save nothing")
    a.set_defaults(handler=cmd_import)

    a = actions.add_parser("compliance", parents=[common], help="compliance per owner role and specialist")
    a.add_argument("workspace", type=Path)
    a.add_argument("--from", dest="date_from", required=True, metavar="YYYY-MM-DD")
    a.add_argument("--to", dest="date_to", required=True, metavar="YYYY-MM-DD", help="inclusive")
    a.add_argument("--tz", default=None, help="time zone of the dates (default: the workspace's)")
    a.add_argument("--json", action="store_true")
    a.set_defaults(handler=cmd_compliance)
    p.set_defaults(handler=lambda args: (p.print_help(), 2)[1])


def _session_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("workspace", type=Path)
    p.add_argument("--session", required=True, help="session id (or a unique prefix of at least 6 characters)")


def _pairs(pairs: list[str], field: str) -> dict[str, str]:
    out = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise ValidationError("error.checklist.cli_pair", field=field, value=pair)
        out[key.strip()] = value
    return out


def _when(dt, tz: str) -> str:
    return local(dt, tz).strftime("%m-%d %H:%M") if dt else "—"


def cmd_runs(args) -> int:
    ctx = open_ctx(args, read_only=True)
    try:
        session = get_session(ctx, args.session)
        views = engine.session_runs(ctx, session.id, phase=args.phase)
        if args.open:
            views = [v for v in views if v.run.status == "open"]
        if args.json:
            print_json([_run_json(v, session.currency) for v in views])
            return EXIT_OK
        print(msg("cli.checklist.runs_header", session=short_id(session.id), title=session.title, count=len(views)))
        for v in views:
            flag = "!" if v.overdue else " "
            req = "*" if v.item.required else " "
            print(f"{v.run.id[:8]} {flag}{req} {_when(v.run.due_at, session.timezone):11} "
                  f"{msg('checklist.outcome.' + v.outcome):6} {v.item.key}#{v.run.occurrence}  {v.text()}")
            for label, text in v.value_pairs(session.currency):
                print(f"{'':24}{label}: {text}")
            if v.run.skip_reason:
                print(f"{'':24}{msg('cli.checklist.reason')}: {v.run.skip_reason}")
    finally:
        ctx.ws.close()
    return EXIT_OK


def _run_json(v, currency: str) -> dict:
    r = v.run
    return {"run_id": r.id, "item_key": r.item_key, "occurrence": r.occurrence, "phase": str(v.item.phase),
            "text": v.text(), "required": v.item.required, "owner": str(v.item.owner), "status": str(r.status),
            "outcome": v.outcome, "overdue": v.overdue, "due_at": to_iso(r.due_at), "window_end": to_iso(r.window_end),
            "done_at": to_iso(r.done_at), "done_by": r.done_by, "values": r.values, "auto": r.auto,
            "skip_reason": r.skip_reason, "note": r.note, "adhoc": v.adhoc}


def cmd_tick(args) -> int:
    values = _pairs(args.values, "values")
    attach = _pairs(args.attach, "attach")
    ctx = open_ctx(args)
    try:
        session = get_session(ctx, args.session)
        run = engine.resolve_run(ctx, session.id, args.run)
        at = parse_user_datetime(args.ts, session.timezone, field="ts") if args.ts else None
        with ctx.ws.write():  # the files and the tick are saved together or not at all
            for field, path in attach.items():
                values[field] = engine.add_attachment(ctx, session.id, Path(path))
            engine.do_run(ctx, run.id, values, note=args.note, at=at)
        print(msg("cli.checklist.ticked", item=run.item_key, occurrence=run.occurrence, session=short_id(session.id)))
    finally:
        ctx.ws.close()
    return EXIT_OK


def cmd_skip(args) -> int:
    ctx = open_ctx(args)
    try:
        session = get_session(ctx, args.session)
        run = engine.resolve_run(ctx, session.id, args.run)
        engine.skip_run(ctx, run.id, args.reason)
        print(msg("cli.checklist.skipped", item=run.item_key, occurrence=run.occurrence))
    finally:
        ctx.ws.close()
    return EXIT_OK


def cmd_add(args) -> int:
    ctx = open_ctx(args)
    try:
        session = get_session(ctx, args.session)
        due = parse_user_datetime(args.due, session.timezone, field="due") if args.due else None
        item, _ = engine.add_adhoc_item(ctx, session.id, text=args.text, phase=args.phase, required=args.required,
                                        due_at=due, every_minutes=args.every)
        print(msg("cli.checklist.added", item=item.key, session=short_id(session.id)))
    finally:
        ctx.ws.close()
    return EXIT_OK


def cmd_templates(args) -> int:
    ctx = open_ctx(args, read_only=True)
    try:
        infos = templates.list_templates(ctx)
    finally:
        ctx.ws.close()
    if args.json:
        print_json([{"id": i.id, "family_id": i.family_id, "name": i.name, "name_en": i.name_en,
                     "version": i.version, "default": i.is_default, "items": i.item_count} for i in infos])
        return EXIT_OK
    for i in infos:
        print(msg("cli.checklist.template_line", id=i.id[:8], name=i.name, version=i.version, items=i.item_count,
                  default="*" if i.is_default else ""))
    return EXIT_OK


def cmd_export(args) -> int:
    ctx = open_ctx(args, read_only=True)
    try:
        info = templates.resolve(ctx, args.template)
        path = templates.export_json(ctx, info.id, args.output)
    finally:
        ctx.ws.close()
    print(msg("cli.checklist.exported", name=info.name, version=info.version, path=str(path)))
    return EXIT_OK


def cmd_import(args) -> int:
    ctx = open_ctx(args, read_only=args.check)
    try:
        data = templates.read_document(args.file)
        problems = templates.check_document(data)
        if problems:
            raise TemplateRejected(problems)
        if args.check:
            print(msg("cli.checklist.import_ok"))
            return EXIT_OK
        template_id, _ = templates.import_document(ctx, data)
        t = templates.get_template(ctx, template_id)
    except TemplateRejected as exc:
        print_error(exc.text())
        return EXIT_REFUSED
    finally:
        ctx.ws.close()
    print(msg("cli.checklist.imported", name=t.name, version=t.version, items=len(t.items)))
    return EXIT_OK


def cmd_compliance(args) -> int:
    ctx = open_ctx(args, read_only=True)
    try:
        tz = args.tz or ctx.ws.query_one("SELECT default_timezone FROM workspace")[0]
        start = day_start(parse_date(args.date_from, "from"), tz)
        end = day_start(parse_date(args.date_to, "to"), tz) + timedelta(days=1)
        if end <= start:
            raise ValidationError("error.session.end_before_start", field="to")
        report = engine.compliance_report(ctx, start, end)
    finally:
        ctx.ws.close()
    if args.json:
        print_json(report)
        return EXIT_OK
    print(msg("cli.checklist.compliance_total", sessions=report["sessions"], rate=_pct(report["rate"]),
              required_rate=_pct(report["required_rate"])))
    print(msg("cli.checklist.compliance_header"))
    for role, row in report["by_owner"].items():
        print(_line(msg(f"owner.{role}"), row))
    for row in report["by_specialist"].values():
        print(_line(row["name"], row))
    return EXIT_OK


def _pct(rate) -> str:
    return "—" if rate is None else f"{rate * 100:.0f}%"


def _line(name: str, row: dict) -> str:
    c = row["counts"]
    return (f"{name:12} {_pct(row['rate']):>5}  {c['on_time']:>4} {c['late']:>4} {c['skipped']:>4} "
            f"{c['missed']:>4} {c['overdue']:>4} {c['open']:>4}")



