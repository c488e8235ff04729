"""Log, edit and delete events; every write commits at once (a kill loses nothing)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from desktop_app.domain.enums import INTERNAL_BY_DEFAULT, EventKind, SessionStatus, Source
from desktop_app.domain.errors import TransitionRefused, ValidationError
from desktop_app.domain.models import Event
from desktop_app.messages import label, msg, render_stored
from desktop_app.services import checklists as checklist_engine
from desktop_app.services.context import Changes, Context
from desktop_app.services.entry_time import entry_time
from desktop_app.services.lifecycle import get as get_session
from desktop_app.storage import events as repo
from desktop_app.storage import sessions as session_repo
from desktop_app.storage import summaries
from desktop_app.storage.rows import loads, new_id

MAX_TEXT = 2000
PLANNING_KINDS = frozenset({EventKind.NOTE, EventKind.MILESTONE, EventKind.CHECKLIST, EventKind.SYSTEM,
                            EventKind.OVERRIDE})
# Other features hook in here (e.g. the checklist engine ticks event-triggered items).
after_event_hooks: list = [checklist_engine.on_event]


def _check_session_accepts(session, kind: EventKind, ts: datetime) -> None:
    status = session.status
    if status in (SessionStatus.CLOSED, SessionStatus.CANCELLED):
        raise TransitionRefused("error.event.session_closed", session=session.title, status=label("status", status))
    if status in (SessionStatus.PLANNED, SessionStatus.PRE) and kind not in PLANNING_KINDS:
        raise TransitionRefused("error.event.kind_not_before_live", kind=label("event_kind", kind))
    if status == SessionStatus.LIVE and session.on_air_utc and ts < session.on_air_utc:
        raise ValidationError("error.event.before_start", field="ts")
    if status == SessionStatus.POST and session.off_air_utc and ts > session.off_air_utc:
        raise ValidationError("error.event.after_end", field="ts")


def log_event(ctx: Context, session_id: str, kind: EventKind | str, text: str = "", *,
              internal: bool | None = None, ts: datetime | None = None, source: Source | str = Source.MANUAL,
              subtype: str | None = None, product_id: str | None = None,
              defer_summary: bool = False) -> tuple[Event, Changes]:
    """Commit one event. The schema writes the runs of items the event ticks whole (migration 0012)
    and marks the summary's compliance stale; it is recomputed here unless ``defer_summary`` (a
    hotkey: the console calls settle() a moment later, off the keystroke's path)."""
    try:
        kind = EventKind(kind)
    except ValueError:
        raise ValidationError("error.event.kind", field="kind", value=kind) from None
    text = (text or "").strip()
    if len(text) > MAX_TEXT:
        raise ValidationError("error.field.too_long", field="text", max=MAX_TEXT)
    now = ctx.now()
    if internal is None:
        internal = kind in INTERNAL_BY_DEFAULT
    # A textless event (a hotkey) has nothing for the full-text index: its queue entry waits for
    # the next commit or search, which index the queue first (storage/search_index.py).
    with ctx.ws.write(index=bool(text)):
        session = _session(ctx, session_id)
        ts = entry_time(session, ts, now)
        _check_session_accepts(session, kind, ts)
        event = Event(new_id(), session.id, ts, kind, text, bool(internal), Source(source), ctx.actor_id,
                      subtype=subtype or None, product_id=product_id)
        repo.insert_event(ctx.ws, event, now)
        # The count and sign-off follow by trigger; a full refresh would recount every sample.
        summaries.note_event_added(ctx.ws, session.id)
        changes = Changes(events=frozenset({session.id}))
        for hook in after_event_hooks:
            changes = changes | (hook(ctx, session, event) or Changes())
        if changes.checklists and not defer_summary:  # runs were written: the schema's may be among them
            summaries.settle_compliance(ctx.ws, session.id, now)
    return event, changes


def settle(ctx: Context, session_id: str) -> Changes:
    """Recompute the summary's compliance after deferred hotkeys (a no-op when it is current)."""
    if not summaries.compliance_stale(ctx.ws, session_id):
        return Changes()
    with ctx.ws.write():
        summaries.settle_compliance(ctx.ws, session_id, ctx.now())
    return Changes(checklists=frozenset({session_id}))


def _session(ctx: Context, session_id: str):
    """The session as stored now (its row is read every time, so a status change by any connection
    counts); the parsed form is reused while the row is unchanged, which keeps a hotkey lean."""
    row = ctx.ws.conn.execute("SELECT * FROM sessions WHERE id = ?", (session_id,)).fetchone()
    if row is None:
        return get_session(ctx, session_id)  # a short id, or NotFound
    key = tuple(row)
    cache = ctx.ws.caches.setdefault("event_log.sessions", {})
    hit = cache.get(session_id)
    if hit is None or hit[0] != key:
        hit = cache[session_id] = (key, session_repo.session_from_row(row))
    return hit[1]


def edit_event(ctx: Context, event_id: str, *, text: str | None = None, kind: EventKind | str | None = None,
               internal: bool | None = None, ts: datetime | None = None) -> Changes:
    with ctx.ws.write():
        before = _event(ctx, event_id)
        after = before
        if text is not None:
            if len(text) > MAX_TEXT:
                raise ValidationError("error.field.too_long", field="text", max=MAX_TEXT)
            after = replace(after, text=text.strip())
        if kind is not None:
            after = replace(after, kind=EventKind(kind))
        if internal is not None:
            after = replace(after, internal=internal)
        if ts is not None:
            after = replace(after, ts_utc=ts)
        if after == before:
            return Changes()
        session = get_session(ctx, before.session_id)
        if after.ts_utc != before.ts_utc:
            entry_time(session, after.ts_utc, ctx.now())  # refuses a time in the future
        _check_session_accepts(session, after.kind, after.ts_utc)
        repo.update_event(ctx.ws, before, after, by=ctx.actor_id, now=ctx.now())
        summaries.note_event_changed(ctx.ws, session.id)  # an approval covers the event's fields
    return Changes(events=frozenset({before.session_id}))


def delete_event(ctx: Context, event_id: str) -> Changes:
    with ctx.ws.write():
        before = _event(ctx, event_id)
        session = get_session(ctx, before.session_id)
        if session.status in (SessionStatus.CLOSED, SessionStatus.CANCELLED):
            raise TransitionRefused("error.event.session_closed", session=session.title, status=label("status", session.status))
        repo.update_event(ctx.ws, before, replace(before, deleted=True), by=ctx.actor_id, now=ctx.now())
        summaries.note_event_changed(ctx.ws, session.id)
    return Changes(events=frozenset({before.session_id}))


def _event(ctx: Context, event_id: str) -> Event:
    e = repo.get_event(ctx.ws, event_id)
    if e is None or e.deleted:
        raise ValidationError("error.event.unknown", field="event", event=event_id)
    return e


def display_text(event: Event, lang: str | None = None) -> str:
    """System events store a message key (+ JSON params) so each reader sees their language."""
    if event.kind == EventKind.SYSTEM and event.text.startswith("event.system."):
        key, _, params = event.text.partition(" ")
        return msg(key, lang=lang, **(loads(params, {}) or {}))
    if event.payload_json:  # a catalog message stored with the row (checklist ticks): the reader's language
        return (render_stored(event.payload_json, lang) or event.text)[:2000]
    return event.text


def resolve_live_session(ctx: Context) -> str:
    """The one live session, for `--live`; refuse clearly when there are none or several."""
    live = session_repo.live_sessions(ctx.ws)
    if not live:
        raise TransitionRefused("error.live.none")
    if len(live) > 1:
        listing = "; ".join(f"{session_repo.short_id(s.id)} {s.title}" for s in live)
        raise TransitionRefused("error.live.several", sessions=listing)
    return live[0].id
