"""Session lifecycle use cases: plan, prepare, go live, end, close, cancel, reopen, resume."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from desktop_app.domain.checklists import item_text
from desktop_app.domain.enums import Direction, EventKind, Phase, SessionOrigin, SessionStatus, Source
from desktop_app.domain.errors import NotFound, TransitionRefused, ValidationError, required_text
from desktop_app.domain.lifecycle import check_transition
from desktop_app.domain.metrics import ALL_KEYS, is_money
from desktop_app.domain.models import Session, Target, short_title
from desktop_app.domain.money import currency as check_currency
from desktop_app.domain.timeutil import is_valid_timezone
from desktop_app.messages import Texts, label
from desktop_app.services import checklists as engine
from desktop_app.services.context import Changes, Context
from desktop_app.storage import checklists as checklist_repo
from desktop_app.storage import events as event_repo
from desktop_app.storage import roster as roster_repo
from desktop_app.storage import samples as sample_repo
from desktop_app.storage import sessions as repo
from desktop_app.storage import summaries
from desktop_app.storage.rows import dumps, new_id

MAX_TITLE = 120


def get(ctx: Context, session_id: str) -> Session:
    s = repo.get_session(ctx.ws, session_id)
    if s is None:
        matches = repo.find_sessions(ctx.ws, session_id) if len(session_id) >= 6 else []
        if len(matches) == 1:
            return matches[0]
        raise NotFound("error.session.unknown", session=session_id)
    return s


def validate_targets(targets: list[Target]) -> list[Target]:
    seen = set()
    for t in targets:
        if t.metric_key not in ALL_KEYS:
            raise ValidationError("error.target.unknown_metric", field=f"target.{t.metric_key}", key=t.metric_key)
        if t.value is None or t.value < 0:
            raise ValidationError("error.target.negative", field=f"target.{t.metric_key}", key=t.metric_key,
                                  metric=label("metric", t.metric_key))
        Direction(t.direction)
        if t.metric_key in seen:
            raise ValidationError("error.target.duplicate", field=f"target.{t.metric_key}", key=t.metric_key,
                                  metric=label("metric", t.metric_key))
        seen.add(t.metric_key)
    return targets


# Other features hook in here (the review carries open action items into the new session).
after_plan_hooks: list = []


def plan_session(
    ctx: Context, *, anchor_id: str, title: str, scheduled_start: datetime, scheduled_end: datetime | None = None,
    specialist_id: str | None = None, client_id: str | None = None, platform: str | None = None,
    timezone: str | None = None, currency: str | None = None, targets: list[Target] = (),
    template_id: str | None = None,
) -> tuple[Session, Changes]:
    """Plan a session; the anchor gives the default specialist, client, platform and zone."""
    session = _new_session(ctx, anchor_id=anchor_id, title=title, specialist_id=specialist_id,
                           client_id=client_id, platform=platform, timezone=timezone, currency=currency,
                           status=SessionStatus.PLANNED, origin=SessionOrigin.PLANNED,
                           scheduled_start=scheduled_start, scheduled_end=scheduled_end)
    validate_targets(list(targets))
    with ctx.ws.write():
        template_id = template_id or checklist_repo.default_template_id(ctx.ws)
        session = _insert(ctx, session, template_id, targets)
        engine.schedule_pre_runs(ctx, session)
        for hook in after_plan_hooks:
            hook(ctx, session)
        summaries.refresh(ctx.ws, session.id, ctx.now())
    return session, Changes(sessions=frozenset({session.id}), checklists=frozenset({session.id}))


def start_now(ctx: Context, *, anchor_id: str, title: str, **kw) -> tuple[Session, Changes]:
    """A session created straight in live: no pre runs, no pre compliance."""
    now = ctx.now()
    session = _new_session(ctx, anchor_id=anchor_id, title=title, status=SessionStatus.LIVE,
                           origin=SessionOrigin.STARTED_NOW, scheduled_start=now, scheduled_end=None, **kw)
    session = replace(session, on_air_utc=now)
    with ctx.ws.write():
        session = _insert(ctx, session, checklist_repo.default_template_id(ctx.ws), ())
        _system_event(ctx, session.id, "event.system.went_live", now)
        summaries.refresh(ctx.ws, session.id, now)
    return session, Changes(sessions=frozenset({session.id}), events=frozenset({session.id}))


def create_imported(ctx: Context, *, anchor_id: str, title: str, on_air: datetime, off_air: datetime | None,
                    **kw) -> Session:
    """Imported history is created closed, with its origin recorded. Call inside a write."""
    session = _new_session(ctx, anchor_id=anchor_id, title=title, status=SessionStatus.CLOSED,
                           origin=SessionOrigin.IMPORTED, scheduled_start=on_air, scheduled_end=None, **kw)
    session = replace(session, on_air_utc=on_air, off_air_utc=off_air)
    return _insert(ctx, session, checklist_repo.default_template_id(ctx.ws), ())


def _new_session(ctx: Context, *, anchor_id: str, title: str, status: SessionStatus, origin: SessionOrigin,
                 scheduled_start: datetime, scheduled_end: datetime | None, specialist_id: str | None = None,
                 client_id: str | None = None, platform: str | None = None, timezone: str | None = None,
                 currency: str | None = None) -> Session:
    anchor = roster_repo.get_anchor(ctx.ws, anchor_id) if anchor_id else None
    if anchor is None:
        raise ValidationError("error.anchor.unknown", field="anchor", anchor=anchor_id or "")
    specialist_id = specialist_id or _active_specialist(ctx, anchor_id)
    if not specialist_id:
        raise ValidationError("error.session.no_specialist", field="specialist", anchor=anchor.name)
    title = required_text(title, "title", max_len=MAX_TITLE)
    if scheduled_start is None or scheduled_start.tzinfo is None:
        raise ValidationError("error.field.required", field="scheduled_start")
    if scheduled_end is not None and scheduled_end <= scheduled_start:
        raise ValidationError("error.session.end_before_start", field="scheduled_end")
    timezone = timezone or anchor.timezone
    if not is_valid_timezone(timezone):
        raise ValidationError("error.timezone.unknown", field="timezone", value=timezone)
    ws_currency = ctx.ws.query_one("SELECT default_currency FROM workspace")[0]
    currency = (currency or ws_currency).upper()
    check_currency(currency)
    return Session(
        id=new_id(), anchor_id=anchor.id, specialist_id=specialist_id, client_id=client_id or anchor.client_id,
        platform=platform or anchor.platform, title=title, timezone=timezone, currency=currency, status=status,
        origin=origin, scheduled_start_utc=scheduled_start, scheduled_end_utc=scheduled_end,
        created_by=ctx.actor_id,
    )


def _active_specialist(ctx: Context, anchor_id: str) -> str | None:
    a = roster_repo.active_assignment(ctx.ws, anchor_id)
    return a.specialist_id if a else None


def _insert(ctx: Context, session: Session, template_id: str | None, targets) -> Session:
    template = checklist_repo.get_template(ctx.ws, template_id) if template_id else None
    if template:
        session = replace(session, template_id=template.id, template_version=template.version)
    repo.insert_session(ctx.ws, session, ctx.now())
    if template:
        checklist_repo.snapshot_items(ctx.ws, session.id, list(template.items))
    for t in targets:
        repo.set_target(ctx.ws, session.id, t, ctx.now())
    return session


def set_targets(ctx: Context, session_id: str, targets: list[Target]) -> Changes:
    validate_targets(targets)
    with ctx.ws.write():
        s = get(ctx, session_id)
        if s.status in (SessionStatus.CLOSED, SessionStatus.CANCELLED):
            raise TransitionRefused("error.session.closed_no_entries", session=s.title)
        ctx.ws.conn.execute("DELETE FROM session_targets WHERE session_id = ?", (s.id,))
        for t in targets:
            repo.set_target(ctx.ws, s.id, t, ctx.now())
    return Changes(sessions=frozenset({session_id}))


def update_plan(ctx: Context, session_id: str, *, title: str | None = None, scheduled_start: datetime | None = None,
                scheduled_end: datetime | None = None) -> Changes:
    with ctx.ws.write():
        s = get(ctx, session_id)
        if s.status not in (SessionStatus.PLANNED, SessionStatus.PRE):
            raise TransitionRefused("error.session.plan_locked", status=label("status", s.status))
        start = scheduled_start or s.scheduled_start_utc
        end = scheduled_end if scheduled_end is not None else s.scheduled_end_utc
        if end is not None and end <= start:
            raise ValidationError("error.session.end_before_start", field="scheduled_end")
        fields = {"scheduled_start_utc": start, "scheduled_end_utc": end}
        if title is not None:
            fields["title"] = required_text(title, "title", max_len=MAX_TITLE)
        repo.update_session(ctx.ws, s.id, ctx.now(), **fields)
        if start != s.scheduled_start_utc:
            engine.reschedule_pre_runs(ctx, get(ctx, s.id))  # open pre runs follow the new start
        summaries.refresh(ctx.ws, s.id, ctx.now())
    return Changes(sessions=frozenset({session_id}), checklists=frozenset({session_id}))


def _transition(ctx: Context, session_id: str, target: SessionStatus, **fields) -> Session:
    s = get(ctx, session_id)
    check_transition(s.status, target)
    repo.update_session(ctx.ws, s.id, ctx.now(), status=str(target), **fields)
    return s


def start_preparing(ctx: Context, session_id: str) -> Changes:
    with ctx.ws.write():
        if get(ctx, session_id).status == SessionStatus.PRE:
            # The checklist clock moves a session to pre when its first item falls due; a click on
            # "start preparing" a moment later asks for what already happened, not for a transition.
            return Changes(sessions=frozenset({session_id}))
        _transition(ctx, session_id, SessionStatus.PRE)
        summaries.refresh(ctx.ws, session_id, ctx.now())
    return Changes(sessions=frozenset({session_id}))


def go_live(ctx: Context, session_id: str, *, override_reason: str | None = None) -> Changes:
    """pre → live. Open required pre items need an override reason, logged as an event."""
    with ctx.ws.write():
        s = get(ctx, session_id)
        check_transition(s.status, SessionStatus.LIVE)
        blocking = engine.open_required(ctx, s.id, Phase.PRE)
        now = ctx.now()
        if blocking:
            reason = (override_reason or "").strip()
            if not reason:
                raise TransitionRefused("error.gate.pre_open", count=len(blocking),
                                        items=_item_names(blocking))
            # Name the items as people read them; the keys stay findable in the checklist runs.
            text = reason + " | " + "、".join(item_text(i) for i in blocking)
            event_repo.insert_event(ctx.ws, _event(ctx, s.id, EventKind.OVERRIDE, text, now), now)
        repo.update_session(ctx.ws, s.id, now, status=str(SessionStatus.LIVE), on_air_utc=now)
        _system_event(ctx, s.id, "event.system.went_live", now)
        summaries.refresh(ctx.ws, s.id, now)
    return Changes(sessions=frozenset({session_id}), events=frozenset({session_id}))


def end_broadcast(ctx: Context, session_id: str, *, off_air: datetime | None = None) -> Changes:
    """live → post; schedules the post runs from the actual end."""
    with ctx.ws.write():
        s = get(ctx, session_id)
        check_transition(s.status, SessionStatus.POST)
        off_air = off_air or ctx.now()
        if s.on_air_utc and off_air < s.on_air_utc:
            raise ValidationError("error.session.end_before_start", field="off_air")
        repo.update_session(ctx.ws, s.id, ctx.now(), status=str(SessionStatus.POST), off_air_utc=off_air)
        _system_event(ctx, s.id, "event.system.went_off_air", off_air)
        engine.schedule_post_runs(ctx, get(ctx, s.id), off_air)
        summaries.refresh(ctx.ws, s.id, ctx.now())
    return Changes(sessions=frozenset({session_id}), events=frozenset({session_id}),
                   checklists=frozenset({session_id}))


def decline_resume(ctx: Context, session_id: str) -> Changes:
    """A killed live session the user does not resume ends at its last logged time."""
    s = get(ctx, session_id)
    times = [t for t in (event_repo.last_event_time(ctx.ws, s.id), sample_repo.last_sample_time(ctx.ws, s.id),
                         s.on_air_utc) if t]
    return end_broadcast(ctx, session_id, off_air=max(times) if times else ctx.now())


def close_session(ctx: Context, session_id: str) -> Changes:
    with ctx.ws.write():
        s = get(ctx, session_id)
        check_transition(s.status, SessionStatus.CLOSED)
        blocking = engine.open_required(ctx, s.id, Phase.POST)
        if blocking:
            raise TransitionRefused("error.gate.post_open", count=len(blocking),
                                    items=_item_names(blocking))
        repo.update_session(ctx.ws, s.id, ctx.now(), status=str(SessionStatus.CLOSED))
        summaries.refresh(ctx.ws, s.id, ctx.now())
    if not ctx.ws.conn.in_transaction:  # inside a caller's transaction the caller backs up after commit
        from desktop_app.services import backup

        backup.after_session_closed(ctx, s.id)
    return Changes(sessions=frozenset({session_id}))


def cancel_session(ctx: Context, session_id: str, reason: str) -> Changes:
    reason = required_text(reason, "reason")
    with ctx.ws.write():
        _transition(ctx, session_id, SessionStatus.CANCELLED, cancel_reason=reason)
        summaries.refresh(ctx.ws, session_id, ctx.now())
    return Changes(sessions=frozenset({session_id}))


def reopen(ctx: Context, session_id: str, reason: str) -> Changes:
    """closed → post, logged in the audit log."""
    reason = required_text(reason, "reason")
    with ctx.ws.write():
        s = _transition(ctx, session_id, SessionStatus.POST)
        repo.audit(ctx.ws, at=ctx.now(), by=ctx.actor_id, session_id=s.id, action="reopen",
                   detail_json=dumps({"reason": reason}), row_id=new_id())
        _system_event(ctx, s.id, "event.system.reopened", ctx.now(), reason=reason)
        summaries.refresh(ctx.ws, s.id, ctx.now())
    return Changes(sessions=frozenset({session_id}), events=frozenset({session_id}))


def _item_names(items: list, limit: int = 5) -> Texts:
    """The first ``limit`` items by their short name, in each language."""
    more = "…" if len(items) > limit else ""
    return Texts("", zh="；".join(short_title(i.text_zh, 20) for i in items[:limit]) + more,
                 en="; ".join(short_title(i.text_en) for i in items[:limit]) + more)


def live_sessions_needing_resume(ctx: Context) -> list[Session]:
    """Sessions still live when the app opens: the app was killed or closed mid-broadcast."""
    return repo.live_sessions(ctx.ws)


def _event(ctx: Context, session_id: str, kind: EventKind, text: str, ts: datetime):
    from desktop_app.domain.enums import INTERNAL_BY_DEFAULT
    from desktop_app.domain.models import Event

    return Event(new_id(), session_id, ts, kind, text, kind in INTERNAL_BY_DEFAULT, Source.SYSTEM, ctx.actor_id)


def _system_event(ctx: Context, session_id: str, key: str, ts: datetime, **params) -> None:
    # Stored as the message key plus params so each reader sees it in their own language.
    text = key + (" " + dumps(params) if params else "")
    event_repo.insert_event(ctx.ws, _event(ctx, session_id, EventKind.SYSTEM, text, ts), ctx.now())


def target_is_money(key: str) -> bool:
    return is_money(key)
