"""Checklist engine: schedule runs from a session's item snapshot, tick, skip, gate, remind.

Pre runs are due at T + offset and post runs at E + offset (whole days on the session's local
calendar); recurring live items get one run per period from the actual on-air time L0 until
the actual end E, materialised as time passes (``advance``, called by hooks and the UI timer);
event-triggered items get a run when that event is logged. Items an app action completes are
ticked by that action through ``tick_by_app`` (default_checklists.md §0).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from desktop_app.domain import checklists as rules
from desktop_app.domain.enums import (
    PersonRole,
    Phase,
    RunStatus,
    SessionOrigin,
    SessionStatus,
    Source,
    TriggerKind,
)
from desktop_app.domain.errors import NotFound, TransitionRefused, ValidationError
from desktop_app.domain.models import ChecklistRun, Event, MetricSample, Session, TemplateItem
from desktop_app.messages import Message, Texts, label
from desktop_app.services.context import Changes, Context
from desktop_app.storage import checklists as repo
from desktop_app.storage import roster as roster_repo
from desktop_app.storage import sessions as session_repo
from desktop_app.storage import summaries
from desktop_app.storage.rows import new_id

# An event-created run (e.g. "answer a complaint spike") must be handled within this window.
EVENT_WINDOW_MINUTES = 60
# Provisional samples this close to the off-air time count as the off-air (final) snapshot.
FINAL_SNAPSHOT_SLACK = timedelta(minutes=10)
CLOSED_STATES = (SessionStatus.CLOSED, SessionStatus.CANCELLED)
# A tick time given by hand may be a little ahead of this machine's clock (another PC's clock), not more.
TICK_CLOCK_SLACK = timedelta(minutes=1)


# --- scheduling --------------------------------------------------------------------------------

def _offset_runs(session: Session, items: list[TemplateItem], phase: Phase, base: datetime) -> list[ChecklistRun]:
    runs = []
    for item in items:
        if item.phase != phase or item.trigger.kind != TriggerKind.OFFSET:
            continue
        due = rules.offset_due(base, item.trigger.minutes or 0, session.timezone)
        runs.append(ChecklistRun(new_id(), session.id, item.key, 1, due, None, RunStatus.OPEN))
    return runs


def schedule_pre_runs(ctx: Context, session: Session) -> None:
    if session.scheduled_start_utc is None or session.origin != SessionOrigin.PLANNED:
        return
    items = repo.session_items(ctx.ws, session.id)
    repo.insert_runs(ctx.ws, _offset_runs(session, items, Phase.PRE, session.scheduled_start_utc), ctx.now())


def reschedule_pre_runs(ctx: Context, session: Session) -> None:
    """After the planned start moves, open pre runs move with it (done ones keep their time)."""
    items = {i.key: i for i in repo.session_items(ctx.ws, session.id)}
    for run in repo.list_runs(ctx.ws, session.id):
        item = items.get(run.item_key)
        if item is None or item.phase != Phase.PRE or run.status != RunStatus.OPEN or session.scheduled_start_utc \
                is None or item.trigger.kind != TriggerKind.OFFSET:
            continue
        due = rules.offset_due(session.scheduled_start_utc, item.trigger.minutes or 0, session.timezone)
        ctx.ws.conn.execute("UPDATE checklist_runs SET due_at = ? WHERE id = ?", (_iso(due), run.id))


def schedule_post_runs(ctx: Context, session: Session, off_air: datetime) -> None:
    _materialise_live(ctx, session, until=off_air)
    repo.drop_open_recurrences_from(ctx.ws, session.id, off_air, ctx.now())
    items = repo.session_items(ctx.ws, session.id)
    existing = {r.item_key for r in repo.list_runs(ctx.ws, session.id)}
    runs = [r for r in _offset_runs(session, items, Phase.POST, off_air) if r.item_key not in existing]
    repo.insert_runs(ctx.ws, runs, ctx.now())


def _materialise_live(ctx: Context, session: Session, until: datetime) -> int:
    """Create the recurring live runs due before ``until`` (and before E once ended)."""
    if session.on_air_utc is None:
        return 0
    if session.off_air_utc is None and session.status != SessionStatus.LIVE:
        # Ended without a known end (imported history that gave none): there is no on-air window to
        # repeat items over, and "until now" would mean months of runs nobody could have done.
        return 0
    if session.off_air_utc is not None and session.off_air_utc <= until:
        stop = session.off_air_utc  # recurrences stop at E: a run due exactly at E is not created
    else:
        stop = until + timedelta(microseconds=1)  # a run due exactly now is due, not future
    created: list[ChecklistRun] = []
    for item in repo.session_items(ctx.ws, session.id):
        if item.phase != Phase.LIVE or item.trigger.kind != TriggerKind.RECURRENCE:
            continue
        every = item.trigger.every_minutes or 0
        if every <= 0:
            continue
        have = repo.max_occurrence(ctx.ws, session.id, item.key)
        dues = rules.recurrence_dues(session.on_air_utc, every, stop)
        for n, due in enumerate(dues[have:], start=have + 1):
            created.append(ChecklistRun(new_id(), session.id, item.key, n, due, due + timedelta(minutes=every),
                                        RunStatus.OPEN))
    repo.insert_runs(ctx.ws, created, ctx.now())
    return len(created)


def advance(ctx: Context, session_id: str, now: datetime | None = None) -> Changes:
    """Bring a session's runs up to ``now``: create due recurrences, mark passed windows missed.

    Call inside a write transaction (the UI timer uses ``tick_clock``).
    """
    now = now or ctx.now()
    session = session_repo.get_session(ctx.ws, session_id)
    if session is None or session.status == SessionStatus.CANCELLED:
        return Changes()
    changed = 0
    if session.status in (SessionStatus.LIVE, SessionStatus.POST, SessionStatus.CLOSED):
        changed += _materialise_live(ctx, session, until=now)
    changed += repo.mark_missed(ctx.ws, session.id, now)
    if not changed:
        return Changes()
    summaries.refresh(ctx.ws, session.id, now)
    return Changes(checklists=frozenset({session.id}))


def tick_clock(ctx: Context) -> Changes:
    """What the UI timer calls: advance every live/post session; planned sessions whose
    first pre item fell due move to "pre" (DESIGN: planned → pre)."""
    now = ctx.now()
    changes = Changes()
    rows = ctx.ws.query("SELECT id, status FROM sessions WHERE status IN ('planned', 'live', 'post')")
    if not rows:
        return changes
    # Read first, write only when something is due: the UI calls this every second.
    todo = [r for r in rows if _needs_work(ctx, r["id"], r["status"], now)]
    if not todo:
        return changes
    with ctx.ws.write():
        for r in todo:
            if r["status"] == SessionStatus.PLANNED:
                changes = changes | _maybe_start_preparing(ctx, r["id"], now)
            else:
                changes = changes | advance(ctx, r["id"], now)
    return changes


def _needs_work(ctx: Context, session_id: str, status: str, now: datetime) -> bool:
    if status == SessionStatus.PLANNED:
        return ctx.ws.query_one("SELECT 1 FROM checklist_runs WHERE session_id = ? AND due_at <= ? LIMIT 1",
                                (session_id, _iso(now))) is not None
    if ctx.ws.query_one("SELECT 1 FROM checklist_runs WHERE session_id = ? AND status = 'open'"
                        " AND window_end IS NOT NULL AND window_end <= ? LIMIT 1", (session_id, _iso(now))):
        return True
    session = session_repo.get_session(ctx.ws, session_id)
    if session is None or session.on_air_utc is None:
        return False
    stop = min(now, session.off_air_utc) if session.off_air_utc else now
    for item in repo.session_items(ctx.ws, session_id):
        every = item.trigger.every_minutes or 0
        if item.trigger.kind != TriggerKind.RECURRENCE or every <= 0:
            continue
        expected = len(rules.recurrence_dues(session.on_air_utc, every, stop + timedelta(microseconds=1)))
        if session.off_air_utc and stop == session.off_air_utc:
            expected = len(rules.recurrence_dues(session.on_air_utc, every, stop))
        if repo.max_occurrence(ctx.ws, session_id, item.key) < expected:
            return True
    return False


def _maybe_start_preparing(ctx: Context, session_id: str, now: datetime) -> Changes:
    due = ctx.ws.query_one("SELECT 1 FROM checklist_runs WHERE session_id = ? AND due_at <= ? LIMIT 1",
                           (session_id, _iso(now)))
    if due is None:
        return Changes()
    session_repo.update_session(ctx.ws, session_id, now, status=str(SessionStatus.PRE))
    summaries.refresh(ctx.ws, session_id, now)
    return Changes(sessions=frozenset({session_id}), checklists=frozenset({session_id}))


def _iso(dt: datetime) -> str:
    from desktop_app.domain.timeutil import to_iso

    return to_iso(dt) or ""


# --- gates -------------------------------------------------------------------------------------

def open_required(ctx: Context, session_id: str, phase: Phase) -> list[TemplateItem]:
    """Required items of a phase with an open run: what a gate would hold back."""
    items = {i.key: i for i in repo.session_items(ctx.ws, session_id) if i.phase == phase and i.required}
    open_keys = {r.item_key for r in repo.list_runs(ctx.ws, session_id) if r.status == RunStatus.OPEN}
    return [i for k, i in items.items() if k in open_keys]


# --- ticked by the app -------------------------------------------------------------------------

def tick_by_app(ctx: Context, session_id: str, ticked_by: str, *, item_keys: list[str] | None = None,
                values: dict[str, Any] | None = None, at: datetime | None = None) -> Changes:
    """Tick the open run(s) whose item is completed by the app action ``ticked_by``.

    Runs inside the caller's write transaction; a no-op when no such run is open. Among
    offset runs, those already due are ticked, else the earliest due ones (a settlement on
    day 1 ticks ``post.h24.settle``, on day 8 also ``post.d7.resettle``); a recurring item
    ticks the run whose window holds ``at``.
    """
    if ticked_by not in rules.APP_TICKERS:
        raise ValueError(ticked_by)
    at = at or ctx.now()
    with ctx.ws.write():
        session = session_repo.get_session(ctx.ws, session_id)
        if session is None or session.status == SessionStatus.CANCELLED:
            return Changes()
        _materialise_live(ctx, session, until=at)
        items = {i.key: i for i in repo.session_items(ctx.ws, session_id)
                 if i.ticked_by == ticked_by and (item_keys is None or i.key in item_keys)}
        if not items:
            return Changes()
        runs = [r for r in repo.list_runs(ctx.ws, session_id) if r.item_key in items and r.status == RunStatus.OPEN]
        chosen = _choose_app_runs(runs, items, at)
        for run in chosen:
            kept = {k: v for k, v in (values or {}).items() if k in {f.id for f in items[run.item_key].fields}}
            _complete(ctx, run, at=at, by=ctx.actor_id, values={**run.values, **kept}, auto=True)
        if not chosen:
            return Changes()
        summaries.refresh(ctx.ws, session_id, ctx.now())
    return Changes(checklists=frozenset({session_id}))


def _choose_app_runs(runs: list[ChecklistRun], items: dict[str, TemplateItem], at: datetime) -> list[ChecklistRun]:
    chosen: list[ChecklistRun] = []
    offset_runs: list[ChecklistRun] = []
    for run in runs:
        kind = items[run.item_key].trigger.kind
        if kind == TriggerKind.RECURRENCE:
            if run.due_at and run.due_at <= at and (run.window_end is None or at < run.window_end):
                chosen.append(run)
        elif kind == TriggerKind.EVENT:
            chosen.append(run)
        else:
            offset_runs.append(run)
    due_now = [r for r in offset_runs if r.due_at is None or r.due_at <= at]
    if due_now:
        chosen += due_now
    elif offset_runs:
        first = min(r.due_at for r in offset_runs if r.due_at)
        chosen += [r for r in offset_runs if r.due_at == first]
    return chosen


def _complete(ctx: Context, run: ChecklistRun, *, at: datetime, by: str | None, values: dict[str, Any],
              auto: bool, note: str | None = None) -> ChecklistRun:
    done = replace(run, status=RunStatus.DONE, done_at=at, done_by=by, values=values, auto=auto,
                   note=note if note is not None else run.note, skip_reason=None)
    repo.update_run(ctx.ws, done, ctx.now())
    return done


# --- hooks: events and samples -----------------------------------------------------------------

def on_event(ctx: Context, session: Session, event: Event) -> Changes:
    """An event of a trigger's kind creates its run. An item matching every event of that kind
    (no subtype) is the log itself: the schema writes its done run inside the event's INSERT
    (db/migrations/0012_event_ticks_sql.sql). A subtype-specific item is a response to carry out:
    its run is written here and stays open for its window."""
    items = [i for i in repo.event_items(ctx.ws, session.id, str(event.kind))
             if rules.event_matches(i, str(event.kind), event.subtype)]
    if not items:
        return Changes()
    counted = []
    for item in items:
        if ticked_by_schema(item):
            continue
        occurrence = repo.max_occurrence(ctx.ws, session.id, item.key) + 1
        run = ChecklistRun(new_id(), session.id, item.key, occurrence, event.ts_utc,
                           event.ts_utc + timedelta(minutes=EVENT_WINDOW_MINUTES), RunStatus.OPEN,
                           values=_event_values(item, event))
        repo.insert_runs(ctx.ws, [run], ctx.now(), event_id=event.id)
        counted.append((item, rules.run_outcome(run, ctx.now())))
    if counted:
        _add_to_summary(ctx, session, counted)
    return Changes(checklists=frozenset({session.id}))


def ticked_by_schema(item: TemplateItem) -> bool:
    """Whether each event of the item's kind is its tick, written by the schema's trigger."""
    return item.trigger.kind == TriggerKind.EVENT and item.trigger.subtype is None and item.ticked_by == "event"


def _add_to_summary(ctx: Context, session: Session, counted: list[tuple[TemplateItem, str]]) -> None:
    """The new runs' share of the summary's compliance, without a full refresh (which recounts every
    sample: ~35 ms per hotkey in a 6 h session). Recomputes the compliance alone when an earlier
    run's outcome may have moved since the row was written, or the schema added runs since (a
    stale row), so the row stays exactly right."""
    now = ctx.now()
    stored = summaries.compliance_as_of(ctx.ws, session.id)
    if stored is None or summaries.compliance_fn is not session_compliance:
        if not summaries.settle_compliance(ctx.ws, session.id, now):
            summaries.refresh(ctx.ws, session.id, now)
        return
    base, as_of = stored
    now_iso = _iso(now)
    if repo.outcome_moved(ctx.ws, session.id, min(as_of, now_iso), max(as_of, now_iso)):
        compliance = session_compliance(ctx.ws, session.id, now)
    else:
        compliance = rules.compliance_plus(base, counted, include_pre=session.origin == SessionOrigin.PLANNED)
    summaries.set_compliance(ctx.ws, session.id, compliance, now)


def _event_values(item: TemplateItem, event: Event) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for f in item.fields:
        if f.id == "product_id" and event.product_id:
            values[f.id] = _product_label(event)
        elif f.type == "enum" and event.subtype in f.choices:
            values[f.id] = event.subtype
    return values


def _product_label(event: Event) -> str:
    return event.product_id or ""


def on_samples(ctx: Context, session: Session, samples: list[MetricSample]) -> Changes:
    """Samples complete metric-only recurring runs of their window, the final snapshot,
    and (settled samples) the settlement items."""
    if not samples:
        return Changes()
    changes = Changes()
    provisional = [s for s in samples if s.provisional]
    if provisional:
        latest = max(s.ts_utc for s in provisional)
        _materialise_live(ctx, session, until=max(latest, ctx.now()))
        if _auto_complete_windows(ctx, session, provisional):
            changes = changes | Changes(checklists=frozenset({session.id}))
        if _is_final_snapshot(session, provisional):
            values = {s.metric_key: s.value for s in provisional if s.product_id is None}
            changes = changes | tick_by_app(ctx, session.id, "final_snapshot", values=values,
                                            at=max(ctx.now(), latest))
    if any(not s.provisional for s in samples):
        changes = changes | tick_by_app(ctx, session.id, "settlement")
    if not changes.empty:
        summaries.refresh(ctx.ws, session.id, ctx.now())
    return changes


def _is_final_snapshot(session: Session, samples: list[MetricSample]) -> bool:
    return (session.status in (SessionStatus.POST, SessionStatus.CLOSED) and session.off_air_utc is not None
            and any(s.ts_utc >= session.off_air_utc - FINAL_SNAPSHOT_SLACK for s in samples))


def _auto_complete_windows(ctx: Context, session: Session, samples: list[MetricSample]) -> int:
    keys = {s.metric_key for s in samples}

    def touched(item: TemplateItem, run: ChecklistRun) -> bool:
        """The new samples name one of the item's metrics and fall inside the run's window."""
        return bool(keys & {f.metric for f in item.fields}) and any(
            run.due_at <= s.ts_utc < (run.window_end or s.ts_utc) for s in samples)

    return _complete_metric_windows(ctx, session.id, touched)


def _complete_metric_windows(ctx: Context, session_id: str,
                             accept: Callable[[TemplateItem, ChecklistRun], bool]) -> int:
    """Complete the open/missed metric-only runs ``accept`` picks whose window holds every metric
    (the one rule for both the live path and the re-check after an import); returns how many."""
    items = {i.key: i for i in repo.session_items(ctx.ws, session_id) if rules.metric_only(i)}
    if not items:
        return 0
    done = 0
    for run in repo.list_runs(ctx.ws, session_id):
        item = items.get(run.item_key)
        if item is None or run.status not in (RunStatus.OPEN, RunStatus.MISSED) or run.due_at is None:
            continue
        if not accept(item, run):
            continue
        found = _window_values(ctx, session_id, item, run)
        if found is not None:
            values, at, by = found
            _complete(ctx, run, at=at, by=by, values=values, auto=True)
            done += 1
    return done


def recheck_metric_runs(ctx: Context, session_id: str) -> Changes:
    """Complete the existing metric-only recurring runs whose window now holds every metric
    (e.g. after minute data was imported for a broadcast): nobody ticks the same numbers twice.

    Runs inside the caller's write; creates no runs, so an imported closed session gains none.
    """
    session = session_repo.get_session(ctx.ws, session_id)
    if session is None or session.status == SessionStatus.CANCELLED:
        return Changes()
    if not _complete_metric_windows(ctx, session.id, lambda _item, run: run.window_end is not None):
        return Changes()
    summaries.refresh(ctx.ws, session.id, ctx.now())
    return Changes(checklists=frozenset({session.id}))


def _window_values(ctx: Context, session_id: str, item: TemplateItem,
                   run: ChecklistRun) -> tuple[dict[str, Any], datetime, str | None] | None:
    """The latest value of each metric field within the run's window, or None if one is missing."""
    values: dict[str, Any] = {}
    last_at, last_by = run.due_at, None
    for f in item.fields:
        r = ctx.ws.query_one(
            "SELECT value, ts_utc, author_id FROM metric_samples WHERE session_id = ? AND metric_key = ?"
            " AND provisional = 1 AND value IS NOT NULL AND ts_utc >= ? AND ts_utc < ?"
            " ORDER BY ts_utc DESC LIMIT 1",
            (session_id, f.metric, _iso(run.due_at), _iso(run.window_end)))
        if r is None:
            return None
        values[f.id] = r["value"]
        from desktop_app.domain.timeutil import from_iso

        ts = from_iso(r["ts_utc"])
        if ts and last_at and ts >= last_at:
            last_at, last_by = ts, r["author_id"]
    return values, last_at or run.due_at, last_by


# --- ticking and skipping by hand --------------------------------------------------------------

def get_run(ctx: Context, run_id: str, session_id: str | None = None) -> ChecklistRun:
    run = repo.get_run(ctx.ws, run_id)
    if run is None and session_id and len(run_id) >= 4:
        matches = repo.find_runs(ctx.ws, session_id, run_id)
        run = matches[0] if len(matches) == 1 else None
    if run is None:
        raise NotFound("error.checklist.run_unknown", run=run_id)
    return run


def item_for(ctx: Context, session_id: str, key: str) -> TemplateItem:
    for item in repo.session_items(ctx.ws, session_id):
        if item.key == key:
            return item
    raise NotFound("error.checklist.item_unknown", item=key)


def _check_accepts_ticks(session: Session) -> None:
    if session.status in CLOSED_STATES:
        raise TransitionRefused("error.checklist.session_closed", session=session.title,
                                status=label("status", session.status))


def do_run(ctx: Context, run_id: str, values: dict[str, Any] | None = None, *, note: str | None = None,
           at: datetime | None = None, session_id: str | None = None) -> Changes:
    """Tick a run by hand with its recorded values (typed text or numbers; money in major units).

    Metric fields are also stored as samples (source ``checklist``), target fields set the
    session's targets; a wrong value raises ValidationError naming the field and saves nothing.
    """
    now = ctx.now()
    note = (note or "").strip() or None
    if note and len(note) > rules.MAX_TEXT_VALUE:
        raise ValidationError("error.field.too_long", field="note", max=rules.MAX_TEXT_VALUE)
    with ctx.ws.write():
        run, session = _tickable_run(ctx, run_id, session_id)
        if at is not None and at > now + TICK_CLOCK_SLACK:
            from desktop_app.domain.timeutil import local

            raise ValidationError("error.checklist.tick_in_future", field="ts",
                                  ts=local(at, session.timezone).strftime("%Y-%m-%d %H:%M"))
        at = at or now
        item = item_for(ctx, session.id, run.item_key)
        parsed = rules.validate_values(item, values or {}, session.currency)
        _check_products(ctx, session.id, item, parsed)
        _check_attachments(ctx, session.id, item, parsed)
        for _fid, att in _file_values(item, parsed):
            repo.link_attachment(ctx.ws, att, run.id)
        done = _complete(ctx, run, at=at, by=ctx.actor_id, values=parsed, auto=False, note=note)
        changes = Changes(checklists=frozenset({session.id})) | _apply_targets(ctx, session, item, parsed)
        changes = changes | _log_run_event(ctx, session, item, done, "done")
        changes = changes | _store_metric_samples(ctx, session, item, done)
        summaries.refresh(ctx.ws, session.id, ctx.now())
    return changes


def _file_values(item: TemplateItem, values: dict[str, Any]) -> list[tuple[str, str]]:
    return [(f.id, str(values[f.id])) for f in item.fields if f.type == "file" and f.id in values]


def _check_products(ctx: Context, session_id: str, item: TemplateItem, values: dict[str, Any]) -> None:
    """Per-product values must name products of this session (they become per-product samples)."""
    known = None
    for f in item.fields:
        value = values.get(f.id)
        if not isinstance(value, dict):
            continue
        known = known if known is not None else dict(session_products(ctx, session_id))
        for product_id in value:
            if product_id not in known:
                raise ValidationError("error.checklist.value_product_unknown", field=f.id, product=product_id,
                                      label={"zh": f.label_zh, "en": f.label_en})


def _check_attachments(ctx: Context, session_id: str, item: TemplateItem, values: dict[str, Any]) -> None:
    for fid, att in _file_values(item, values):
        meta = repo.attachment_meta(ctx.ws, att)
        if meta is None or meta["session_id"] != session_id:
            raise ValidationError("error.checklist.attachment_unknown", field=fid, attachment=att)


def _apply_targets(ctx: Context, session: Session, item: TemplateItem, values: dict[str, Any]) -> Changes:
    from desktop_app.domain.enums import Direction
    from desktop_app.domain.models import Target

    changed = False
    for f in item.fields:
        if f.target and f.id in values and isinstance(values[f.id], (int, float)):
            direction = f.direction or Direction.MIN
            session_repo.set_target(ctx.ws, session.id, Target(f.target, values[f.id], Direction(direction)),
                                    ctx.now())
            changed = True
    return Changes(sessions=frozenset({session.id})) if changed else Changes()


def _store_metric_samples(ctx: Context, session: Session, item: TemplateItem, run: ChecklistRun) -> Changes:
    from desktop_app.storage import samples as sample_repo

    samples: list[MetricSample] = []
    for f in item.fields:
        if not f.metric or f.id not in run.values:
            continue
        value = run.values[f.id]
        per_product = value.items() if isinstance(value, dict) else [(None, value)]
        for product_id, v in per_product:
            if isinstance(v, (int, float)) and not isinstance(v, bool):
                samples.append(MetricSample(new_id(), session.id, run.done_at or ctx.now(), f.metric, v,
                                            Source.CHECKLIST, True, None, product_id, ctx.actor_id))
    if not samples:
        return Changes()
    sample_repo.insert_samples(ctx.ws, samples, ctx.now())
    changes = Changes(samples=frozenset({session.id}))
    from desktop_app.services import metrics_entry

    # Other runs of the same window complete from these numbers too (nobody types them twice).
    for hook in metrics_entry.after_samples_hooks:
        changes = changes | (hook(ctx, session, samples) or Changes())
    return changes


def _tickable_run(ctx: Context, run_id: str, session_id: str | None) -> tuple[ChecklistRun, Session]:
    """The run (by id or short id) and its session, refused when the session takes no ticks."""
    run = get_run(ctx, run_id, session_id)
    session = session_repo.get_session(ctx.ws, run.session_id)
    assert session is not None  # runs reference their session (foreign key)
    _check_accepts_ticks(session)
    return run, session


def skip_run(ctx: Context, run_id: str, reason: str, *, session_id: str | None = None) -> Changes:
    """Skip (N/A) with a reason; only a lead may skip the lead sign-off."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError("error.field.required", field="reason")
    if len(reason) > rules.MAX_TEXT_VALUE:
        raise ValidationError("error.field.too_long", field="reason", max=rules.MAX_TEXT_VALUE)
    with ctx.ws.write():
        run, session = _tickable_run(ctx, run_id, session_id)
        if run.item_key in rules.LEAD_ONLY_SKIP and not _actor_is_lead(ctx):
            raise TransitionRefused("error.checklist.lead_only_skip", item=run.item_key)
        skipped = replace(run, status=RunStatus.SKIPPED, skip_reason=reason, done_at=ctx.now(),
                          done_by=ctx.actor_id, auto=False)
        repo.update_run(ctx.ws, skipped, ctx.now())
        changes = _log_run_event(ctx, session, item_for(ctx, session.id, run.item_key), skipped, "skipped")
        summaries.refresh(ctx.ws, session.id, ctx.now())
    return Changes(checklists=frozenset({session.id})) | changes


def reopen_run(ctx: Context, run_id: str, *, session_id: str | None = None) -> Changes:
    """Undo a tick or skip (a mistaken click); a live run past its window becomes missed again."""
    with ctx.ws.write():
        run, session = _tickable_run(ctx, run_id, session_id)
        status = RunStatus.MISSED if rules.window_passed(replace(run, status=RunStatus.OPEN), ctx.now()) \
            else RunStatus.OPEN
        repo.update_run(ctx.ws, replace(run, status=status, done_at=None, done_by=None, skip_reason=None,
                                        auto=False), ctx.now())
        changes = Changes()
        if run.status in (RunStatus.DONE, RunStatus.SKIPPED):
            # Events are append-only: the timeline keeps the tick and shows that it was undone.
            changes = _log_run_event(ctx, session, item_for(ctx, session.id, run.item_key), run, "reopened",
                                     at=ctx.now())
        summaries.refresh(ctx.ws, session.id, ctx.now())
    return Changes(checklists=frozenset({session.id})) | changes


MAX_EVENT_ITEM_TEXT = 60


def short_item_text(item: TemplateItem, lang: str | None = None) -> str:
    """The item's text up to its first colon (the name of the check), capped for a timeline row."""
    text = rules.item_text(item, lang)
    for sep in ("：", ": "):
        head = text.split(sep, 1)[0]
        if head != text:
            text = head
            break
    text = text.strip()
    return text if len(text) <= MAX_EVENT_ITEM_TEXT else text[:MAX_EVENT_ITEM_TEXT - 1] + "…"


def _log_run_event(ctx: Context, session: Session, item: TemplateItem, run: ChecklistRun, what: str, *,
                   at: datetime | None = None) -> Changes:
    """A `checklist` event on the session timeline for a tick, skip or undo by hand (DESIGN:
    the event takes the item's client-visible flag). The event keeps the catalog message with the
    item's name and values in both languages (payload_json), so the timeline and exports show it
    in the reader's language; ``text`` holds it in the acting person's language (search, old apps)."""
    from desktop_app.domain.enums import EventKind
    from desktop_app.messages import message_to_json, render_stored
    from desktop_app.storage import events as event_repo

    message = _run_event_message(ctx, session, item, run, what)
    tail = " — " + run.note if what == "done" and run.note else ""
    payload = message_to_json(message, tail)
    text = render_stored(payload) or ""
    ts = at or run.done_at or ctx.now()
    event = Event(new_id(), session.id, ts, EventKind.CHECKLIST, text[:2000], not item.client_visible,
                  Source.CHECKLIST, ctx.actor_id, payload_json=payload)
    event_repo.insert_event(ctx.ws, event, ctx.now())
    return Changes(events=frozenset({session.id}))


def _run_event_message(ctx: Context, session: Session, item: TemplateItem, run: ChecklistRun,
                       what: str) -> Message:
    from desktop_app.messages import msg

    name = Texts("", zh=short_item_text(item, "zh_CN"), en=short_item_text(item, "en"))
    if what == "skipped":
        return Message("checklist.event.skipped", {"item": name, "reason": run.skip_reason or ""})
    if what != "done":
        return Message("checklist.event.reopened", {"item": name})
    products = dict(session_products(ctx, session.id))

    def values(lang: str) -> str:
        pairs = display_values(item, run.values, session.currency, lang, product_names=products)
        return msg("checklist.event.value_sep", lang=lang).join(
            msg("checklist.event.pair", lang=lang, label=k, value=v) for k, v in pairs)

    both = Texts("", zh=values("zh_CN"), en=values("en"))
    if not (both.zh or both.en):
        return Message("checklist.event.done", {"item": name})
    return Message("checklist.event.done_values", {"item": name, "values": both})


def _actor_is_lead(ctx: Context) -> bool:
    person = roster_repo.get_person(ctx.ws, ctx.actor_id) if ctx.actor_id else None
    return person is not None and person.role == PersonRole.LEAD


# --- compliance in the session summary ---------------------------------------------------------

def session_compliance(ws, session_id: str, now: datetime) -> dict[str, Any] | None:
    """storage.summaries.compliance_fn: outcome counts of one session (no pre for started-now/imported)."""
    session = session_repo.get_session(ws, session_id)
    if session is None:
        return None
    include_pre = session.origin == SessionOrigin.PLANNED
    return rules.compliance(repo.session_items(ws, session_id), repo.list_runs(ws, session_id), now,
                            include_pre=include_pre)


summaries.compliance_fn = session_compliance



# --- ad-hoc items ------------------------------------------------------------------------------

MAX_ADHOC_TEXT = 500


def add_adhoc_item(ctx: Context, session_id: str, *, text: str, phase: Phase | str, required: bool = False,
                   owner: str = "specialist", due_at: datetime | None = None, every_minutes: int | None = None,
                   fields: tuple = (), text_en: str | None = None) -> tuple[TemplateItem, Changes]:
    """An item for this one session: a run due at ``due_at`` (default now), or every N minutes
    while live. Post items added before the broadcast ends are scheduled at E."""
    from desktop_app.domain.enums import OwnerRole
    from desktop_app.domain.models import Trigger

    text = (text or "").strip()
    if not text:
        raise ValidationError("error.field.required", field="text")
    if len(text) > MAX_ADHOC_TEXT:
        raise ValidationError("error.field.too_long", field="text", max=MAX_ADHOC_TEXT)
    try:
        phase = Phase(phase)
    except ValueError:
        raise ValidationError("error.checklist.adhoc_phase", field="phase", value=phase) from None
    if every_minutes is not None and (phase != Phase.LIVE or every_minutes <= 0):
        raise ValidationError("template.problem.recurrence", field="every_minutes", value=every_minutes)
    with ctx.ws.write():
        session = _session_taking_ticks(ctx, session_id)
        _check_phase_open(session, phase)
        now = ctx.now()
        due = due_at or now
        base = session.scheduled_start_utc if phase == Phase.PRE else session.off_air_utc
        minutes = int((due - base).total_seconds() // 60) if base else 0
        trigger = Trigger("recurrence", every_minutes=every_minutes) if every_minutes else Trigger(
            "offset", minutes=minutes)
        n = 1 + sum(1 for r in repo.session_item_rows(ctx.ws, session.id) if r["adhoc"])
        item = TemplateItem(key=f"adhoc.{phase}.{n}", phase=phase, text_zh=text, text_en=(text_en or text).strip(),
                            trigger=trigger, required=required, owner=OwnerRole(owner), client_visible=False,
                            fields=tuple(fields))
        repo.snapshot_items(ctx.ws, session.id, [item], adhoc=True,
                            start_position=repo.next_session_position(ctx.ws, session.id))
        _first_adhoc_run(ctx, session, item, due, now)
        summaries.refresh(ctx.ws, session.id, now)
    return item, Changes(checklists=frozenset({session_id}))


def _check_phase_open(session: Session, phase: Phase) -> None:
    late = {Phase.PRE: (SessionStatus.LIVE, SessionStatus.POST), Phase.LIVE: (SessionStatus.POST,)}
    if session.status in late.get(phase, ()):
        raise TransitionRefused("error.checklist.adhoc_too_late", status=str(session.status), phase=str(phase))


def _first_adhoc_run(ctx: Context, session: Session, item: TemplateItem, due: datetime, now: datetime) -> None:
    if item.trigger.kind == TriggerKind.RECURRENCE:
        _materialise_live(ctx, session, until=now)
        return
    if item.phase == Phase.POST and session.off_air_utc is None:
        return  # scheduled with the other post runs when the broadcast ends
    window = due + timedelta(minutes=EVENT_WINDOW_MINUTES) if item.phase == Phase.LIVE else None
    repo.insert_runs(ctx.ws, [ChecklistRun(new_id(), session.id, item.key, 1, due, window, RunStatus.OPEN)], now)


# --- attachments -------------------------------------------------------------------------------

MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024


def add_attachment(ctx: Context, session_id: str, path, *, name: str | None = None) -> str:
    """Store a file (screenshot, price sheet) in the workspace; returns its id for a file field."""
    import hashlib
    import mimetypes
    from pathlib import Path

    path = Path(path)
    name = name or path.name
    try:
        size = path.stat().st_size
        if size > MAX_ATTACHMENT_BYTES:
            raise ValidationError("error.checklist.attachment_too_large", field="attachment", name=name,
                                  size_mb=f"{size / 1048576:.1f}", max_mb=MAX_ATTACHMENT_BYTES // 1048576)
        data = path.read_bytes()
    except OSError as exc:
        raise ValidationError("error.checklist.attachment_read", field="attachment", name=name,
                              detail=exc.strerror or str(exc)) from exc
    return add_attachment_bytes(ctx, session_id, data, name=name, mime=mimetypes.guess_type(name)[0],
                                sha256=hashlib.sha256(data).hexdigest())


def add_attachment_bytes(ctx: Context, session_id: str, data: bytes, *, name: str, mime: str | None = None,
                         sha256: str | None = None) -> str:
    import hashlib

    if len(data) > MAX_ATTACHMENT_BYTES:
        raise ValidationError("error.checklist.attachment_too_large", field="attachment", name=name,
                              size_mb=f"{len(data) / 1048576:.1f}", max_mb=MAX_ATTACHMENT_BYTES // 1048576)
    if not data:
        raise ValidationError("error.checklist.attachment_empty", field="attachment", name=name)
    with ctx.ws.write():
        session = _session_taking_ticks(ctx, session_id)
        return repo.insert_attachment(ctx.ws, session_id=session.id, run_id=None, name=name[:200], mime=mime,
                                      data=data, sha256=sha256 or hashlib.sha256(data).hexdigest(), now=ctx.now(),
                                      by=ctx.actor_id)


def attachment_info(ctx: Context, attachment_id: str):
    meta = repo.attachment_meta(ctx.ws, attachment_id)
    if meta is None:
        raise NotFound("error.checklist.attachment_unknown", attachment=attachment_id, field="attachment")
    return meta


def save_attachment_as(ctx: Context, attachment_id: str, target) -> None:
    """Write a stored attachment back out to a file (temp name, then rename)."""
    from pathlib import Path

    from desktop_app.services.checklist_templates import _write_atomic

    data = repo.attachment_data(ctx.ws, attachment_id)
    if data is None:
        raise NotFound("error.checklist.attachment_unknown", attachment=attachment_id, field="attachment")
    _write_atomic(Path(target), data)


# --- reading runs: the session areas, the timeline, exports -------------------------------------

@dataclass(frozen=True)
class RunView:
    """A run with its item, ready to show: text, values as display strings, outcome."""

    run: ChecklistRun
    item: TemplateItem
    outcome: str
    overdue: bool
    adhoc: bool = False
    product_names: dict[str, str] | None = None  # per-product values show names, not ids

    @property
    def phase(self) -> Phase:
        return self.item.phase

    def text(self, lang: str | None = None) -> str:
        return rules.item_text(self.item, lang)

    def value_pairs(self, currency: str, lang: str | None = None) -> list[tuple[str, str]]:
        return display_values(self.item, self.run.values, currency, lang, self.product_names)


def session_runs(ctx: Context, session_id: str, *, phase: Phase | str | None = None,
                 now: datetime | None = None) -> list[RunView]:
    """Every run of a session with its item (the areas, the timeline and exports read this)."""
    now = now or ctx.now()
    items = {i.key: i for i in repo.session_items(ctx.ws, session_id)}
    adhoc = {r["key"] for r in repo.session_item_rows(ctx.ws, session_id) if r["adhoc"]}
    names = dict(session_products(ctx, session_id))
    views = []
    for run in repo.list_runs(ctx.ws, session_id):
        item = items.get(run.item_key)
        if item is None or (phase is not None and item.phase != Phase(phase)):
            continue
        # A live run inside its window is due now, not overdue; it becomes missed when the window passes.
        overdue = rules.is_overdue(run, now) and run.window_end is None
        views.append(RunView(run, item, rules.run_outcome(run, now), overdue, run.item_key in adhoc, names))
    return views


def _existing_session(ctx: Context, session_id: str) -> Session:
    session = session_repo.get_session(ctx.ws, session_id)
    if session is None:
        raise NotFound("error.session.unknown", session=session_id)
    return session


def _session_taking_ticks(ctx: Context, session_id: str) -> Session:
    """The session, refused when unknown or when it takes no ticks (cancelled, closed)."""
    session = _existing_session(ctx, session_id)
    _check_accepts_ticks(session)
    return session


def recorded_values(ctx: Context, session_id: str, lang: str | None = None) -> list[dict[str, Any]]:
    """Done runs that recorded values, in time order: for the session timeline and exports."""
    session = _existing_session(ctx, session_id)
    out = []
    for v in session_runs(ctx, session_id):
        if v.run.status != RunStatus.DONE or not v.run.values:
            continue
        out.append({
            "run_id": v.run.id, "item_key": v.item.key, "phase": str(v.item.phase), "occurrence": v.run.occurrence,
            "text": v.text(lang), "done_at": v.run.done_at, "done_by": v.run.done_by, "auto": v.run.auto,
            "client_visible": v.item.client_visible, "values": dict(v.run.values),
            "display": v.value_pairs(session.currency, lang), "note": v.run.note,
        })
    out.sort(key=lambda d: d["done_at"])
    return out


def session_products(ctx: Context, session_id: str) -> list[tuple[str, str]]:
    """(product id, display name) of a session's products in run-sheet order: one input each
    for a per-product field."""
    from desktop_app.storage.exports import list_products

    out = []
    for p in list_products(ctx.ws, session_id):
        name = p.name if not p.sku or p.sku == p.name else f"{p.name} ({p.sku})"
        out.append((p.id, name))
    return out


def resolve_product(ctx: Context, session_id: str, ref: str, field: str) -> str:
    """A session's product by SKU, name, id or id prefix (for `FIELD@PRODUCT=VALUE` on the command line)."""
    from desktop_app.storage.exports import list_products

    ref = ref.strip()
    products = list_products(ctx.ws, session_id)
    for match in (lambda p: p.sku == ref, lambda p: p.name == ref, lambda p: p.id == ref,
                  lambda p: len(ref) >= 6 and p.id.startswith(ref)):
        found = [p for p in products if match(p)]
        if len(found) == 1:
            return found[0].id
    raise ValidationError("error.checklist.product_unknown", field=field, product=ref)


def display_values(item: TemplateItem, values: dict[str, Any], currency: str,
                   lang: str | None = None, product_names: dict[str, str] | None = None) -> list[tuple[str, str]]:
    from desktop_app.domain.money import format_money
    from desktop_app.messages import msg

    pairs = []
    for f in item.fields:
        if f.id not in values or values[f.id] is None:
            continue
        v = values[f.id]
        if f.type == "money" and isinstance(v, (int, float)):
            text = format_money(int(v), currency)
        elif f.type == "bool":
            text = msg("checklist.value.yes" if v else "checklist.value.no", lang=lang)
        elif f.type == "file":
            text = msg("checklist.value.attachment", lang=lang)
        elif f.type == "enum":
            label = msg(f"subtype.{v}", lang=lang)
            text = str(v) if label == f"subtype.{v}" else label
        elif isinstance(v, dict):
            names = product_names or {}
            unit = f" {f.unit}" if f.unit else ""
            order = [k for k in names if k in v] + [k for k in v if k not in names]  # run-sheet order
            text = msg("checklist.value.product_sep", lang=lang).join(
                msg("checklist.event.pair", lang=lang, label=names.get(k, k),
                    value=format_money(int(v[k]), currency) if f.type == "money" else f"{v[k]}{unit}")
                for k in order)
        else:
            text = f"{v}{' ' + f.unit if f.unit else ''}"
        pairs.append((rules.field_display(f, lang), text))
    return pairs


# --- reminders and the next due items -----------------------------------------------------------

@dataclass(frozen=True)
class Upcoming:
    session_id: str
    item: TemplateItem
    due_at: datetime
    run_id: str | None  # None: a future recurrence not yet created
    window_end: datetime | None = None  # a live run can still be done until then


def upcoming(ctx: Context, session_id: str, *, now: datetime | None = None, limit: int = 5,
             phase: Phase | None = None) -> list[Upcoming]:
    """Open runs plus the next recurrence of each recurring live item, soonest first."""
    now = now or ctx.now()
    session = session_repo.get_session(ctx.ws, session_id)
    if session is None:
        return []
    items = {i.key: i for i in repo.session_items(ctx.ws, session_id)}
    out = [Upcoming(session_id, items[r.item_key], r.due_at, r.id, r.window_end)
           for r in repo.open_runs(ctx.ws, session_id)
           if r.status == RunStatus.OPEN and r.due_at and r.item_key in items
           and (phase is None or items[r.item_key].phase == phase)]
    if session.status == SessionStatus.LIVE and session.on_air_utc and phase in (None, Phase.LIVE):
        for item in items.values():
            if item.trigger.kind == TriggerKind.RECURRENCE and (item.trigger.every_minutes or 0) > 0:
                due = rules.next_recurrence(session.on_air_utc, item.trigger.every_minutes, now)
                out.append(Upcoming(session_id, item, due, None, due + timedelta(minutes=item.trigger.every_minutes)))
    # What must be done first: a run due now by its window's end, a future one by its due time.
    out.sort(key=lambda u: u.window_end if u.window_end is not None and u.due_at <= now else u.due_at)
    return out[:limit]


def came_due(ctx: Context, since: datetime, until: datetime) -> list[RunView]:
    """Open runs that fell due in (since, until], over all active sessions: what to remind of."""
    rows = ctx.ws.query(
        "SELECT r.session_id FROM checklist_runs r JOIN sessions s ON s.id = r.session_id"
        " WHERE r.status = 'open' AND r.due_at > ? AND r.due_at <= ?"
        " AND s.status IN ('planned', 'pre', 'live', 'post') GROUP BY r.session_id",
        (_iso(since), _iso(until)))
    out: list[RunView] = []
    for r in rows:
        out += [v for v in session_runs(ctx, r["session_id"], now=until)
                if v.run.status == RunStatus.OPEN and v.run.due_at and since < v.run.due_at <= until]
    out.sort(key=lambda v: v.run.due_at)
    return out


# The phase whose items a session in this status reminds of (none once closed or cancelled).
_REMINDING_PHASE = {SessionStatus.PLANNED: Phase.PRE, SessionStatus.PRE: Phase.PRE, SessionStatus.LIVE: Phase.LIVE,
                    SessionStatus.POST: Phase.POST}


def still_reminding(ctx: Context, views: list[RunView]) -> list[RunView]:
    """The reminders worth showing still: runs still open, of the phase their session is in now
    (going live ends the pre-broadcast reminders; ticking a run ends its own)."""
    phases: dict[str, Phase | None] = {}
    out = []
    for v in views:
        sid = v.run.session_id
        if sid not in phases:
            session = session_repo.get_session(ctx.ws, sid)
            phases[sid] = _REMINDING_PHASE.get(session.status) if session else None
        run = repo.get_run(ctx.ws, v.run.id)
        if run is not None and run.status == RunStatus.OPEN and v.item.phase == phases[sid]:
            out.append(v)
    return out


# --- compliance over a date range ---------------------------------------------------------------

def compliance_report(ctx: Context, start: datetime, end: datetime) -> dict[str, Any]:
    """Outcome counts per owner role and per specialist for sessions starting in [start, end).

    Started-now and imported sessions contribute no pre runs; cancelled sessions none.
    """
    now = ctx.now()
    rows = repo.runs_in_range(ctx.ws, _iso(start), _iso(end))
    items_by_session: dict[str, dict[str, TemplateItem]] = {}
    by_owner: dict[str, dict[str, int]] = {}
    by_specialist: dict[str, dict[str, int]] = {}
    total = dict.fromkeys(rules.OUTCOMES, 0)
    required = dict.fromkeys(rules.OUTCOMES, 0)
    sessions: set[str] = set()
    for r in rows:
        items = items_by_session.setdefault(
            r["session_id"], {i.key: i for i in repo.session_items(ctx.ws, r["session_id"])})
        item = items.get(r["item_key"])
        if item is None or (item.phase == Phase.PRE and r["origin"] != SessionOrigin.PLANNED):
            continue
        outcome = rules.run_outcome(repo.run_from_row(r), now)
        sessions.add(r["session_id"])
        for bucket in (total, by_owner.setdefault(str(item.owner), dict.fromkeys(rules.OUTCOMES, 0)),
                       by_specialist.setdefault(r["specialist_id"], dict.fromkeys(rules.OUTCOMES, 0))):
            bucket[outcome] += 1
        if item.required:
            required[outcome] += 1
    names = {p.id: p.name for p in roster_repo.list_people(ctx.ws, include_archived=True)}
    return {
        "sessions": len(sessions), "counts": total, "rate": rules.rate(total), "required": required,
        "required_rate": rules.rate(required),
        "by_owner": {k: {"counts": v, "rate": rules.rate(v)} for k, v in sorted(by_owner.items())},
        "by_specialist": {k: {"name": names.get(k, k), "counts": v, "rate": rules.rate(v)}
                          for k, v in sorted(by_specialist.items(), key=lambda kv: names.get(kv[0], kv[0]))},
    }


def resolve_run(ctx: Context, session_id: str, ref: str) -> ChecklistRun:
    """A run by id, id prefix, item key (its open run, else its latest) or ``key#occurrence``."""
    ref = (ref or "").strip()
    key, _, occ = ref.partition("#")
    runs = [r for r in repo.list_runs(ctx.ws, session_id) if r.item_key == key]
    if runs:
        if occ:
            match = [r for r in runs if str(r.occurrence) == occ]
            if match:
                return match[0]
            raise NotFound("error.checklist.run_unknown", run=ref)
        open_runs = [r for r in runs if r.status == RunStatus.OPEN]
        return (open_runs or runs)[-1 if not open_runs else 0]
    return get_run(ctx, ref, session_id)
