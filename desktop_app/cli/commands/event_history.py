"""`liveops events history WORKSPACE EVENT_ID`: who changed an event, when, and what (the audit trail)."""

from __future__ import annotations

from pathlib import Path

from desktop_app.cli import EXIT_OK
from desktop_app.cli.options import open_ctx
from desktop_app.services import event_history
from desktop_app.services.lifecycle import get as get_session
from desktop_app.storage.events import get_event


def register(sub, common) -> None:
    p = sub.add_parser("events", parents=[common], help="events of a session: edit history")
    events = p.add_subparsers(dest="events_command", required=True)
    h = events.add_parser("history", parents=[common], help="an event's edits and deletion: when, by whom, old → new")
    h.add_argument("workspace", type=Path)
    h.add_argument("event_id", help="event id (or a unique short id of at least 6 characters)")
    h.set_defaults(handler=cmd_history)


def cmd_history(args) -> int:
    ctx = open_ctx(args, read_only=True)
    eid = event_history.resolve_event_id(ctx, args.event_id)
    session = get_session(ctx, get_event(ctx.ws, eid).session_id)
    print(event_history.history_text(ctx, eid, session.timezone))
    return EXIT_OK
