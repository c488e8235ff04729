"""复盘 review and sign-off: settle numbers, structured 人/货/场 fields, action items, approval.

The review autosaves: ``save_draft`` compares before writing, so calling it on every
keystroke pause (and on close) is cheap and changes nothing when nothing changed.
Approval stores a SHA-256 over what the lead approved (see domain/review.py); this module
installs ``storage.summaries.signoff_fn`` so the history shows approved / outdated /
re-settled without recomputing anything on display.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from desktop_app.domain.enums import SessionStatus
from desktop_app.domain.errors import TransitionRefused, ValidationError
from desktop_app.domain.models import KpiValue
from desktop_app.domain.review import (
    FIELDS_BY_KEY,
    REVIEW_FIELDS,
    ActionItem,
    ReviewContent,
    ReviewStatus,
    Signoff,
    check_action,
    check_decide,
    check_submit,
    clean_content,
    items_completed,
    status_after_edit,
)
from desktop_app.domain.timeutil import local, to_iso
from desktop_app.messages import msg
from desktop_app.services import checklists as checklist_service
from desktop_app.services import lifecycle
from desktop_app.services.context import Changes, Context
from desktop_app.services.lifecycle import get as get_session
from desktop_app.services.metrics_entry import SnapshotResult, record_settlement
from desktop_app.storage import review as repo
from desktop_app.storage import roster as roster_repo
from desktop_app.storage import summaries
from desktop_app.storage.rows import new_id

REVIEWABLE = (SessionStatus.POST, SessionStatus.CLOSED)


@dataclass
class ReviewView:
    session_id: str
    status: ReviewStatus | None
    content: ReviewContent
    actions: list[ActionItem]
    signoff: Signoff
    submitted_by: str | None = None
    submitted_at: str | None = None
    approved_by: str | None = None
    approved_at: str | None = None
    return_comment: str | None = None
    modified_at: str | None = None
    kpis: dict[str, KpiValue] = field(default_factory=dict)


def get_review(ctx: Context, session_id: str) -> ReviewView:
    s = get_session(ctx, session_id)
    row = repo.get_review(ctx.ws, s.id)
    summary = summaries.get_summary(ctx.ws, s.id)
    view = ReviewView(s.id, ReviewStatus(row["status"]) if row else None, repo.review_content(row),
                      repo.list_actions(ctx.ws, s.id), signoff_for(ctx.ws, s.id),
                      kpis=summary.kpis if summary else {})
    if row:
        view.submitted_by, view.submitted_at = row["submitted_by"], row["submitted_at"]
        view.approved_by, view.approved_at = row["approved_by"], row["approved_at"]
        view.return_comment, view.modified_at = row["return_comment"], row["modified_at"]
    return view


def _reviewable(ctx: Context, session_id: str):
    s = get_session(ctx, session_id)
    if s.status not in REVIEWABLE:
        raise TransitionRefused("error.review.not_after_broadcast", session=s.title, status=str(s.status))
    return s


def _tick(ctx: Context, session_id: str, ticked_by: str, keys: list[str]) -> Changes:
    # tick_by_app belongs to the checklist feature; a workspace without it simply has no ticks.
    tick = getattr(checklist_service, "tick_by_app", None)
    if tick is None or not keys:
        return Changes()
    return tick(ctx, session_id, ticked_by, item_keys=keys) or Changes()


def save_draft(ctx: Context, session_id: str, values: dict[str, object],
               client_facing: dict[str, bool] | None = None) -> Changes:
    """Autosave: merge the typed fields into the review; no write when nothing changed."""
    now = ctx.now()
    with ctx.ws.write():
        s = _reviewable(ctx, session_id)
        row = repo.get_review(ctx.ws, s.id)
        old = repo.review_content(row)
        merged_values = {**old.values, **{k: v for k, v in values.items()}}
        merged_visible = {**old.client_facing, **(client_facing or {})}
        content = clean_content(merged_values, {k: merged_visible.get(k, FIELDS_BY_KEY[k].client_facing)
                                                for k in merged_visible})
        if row is not None and content == old:
            return Changes()
        status = status_after_edit(ReviewStatus(row["status"])) if row else ReviewStatus.DRAFT
        repo.upsert_review(ctx.ws, s.id, content, status=str(status), now=now, by=ctx.actor_id)
        changes = Changes(reviews=frozenset({s.id}), sessions=frozenset({s.id}))
        changes |= _tick(ctx, s.id, "review", items_completed(content, 0))
        summaries.refresh(ctx.ws, s.id, now)
    return changes


def _ensure_review(ctx: Context, session_id: str) -> None:
    if repo.get_review(ctx.ws, session_id) is None:
        repo.upsert_review(ctx.ws, session_id, ReviewContent({}, {}), status=str(ReviewStatus.DRAFT),
                           now=ctx.now(), by=ctx.actor_id)


def _session_day(s) -> date | None:
    start = s.on_air_utc or s.scheduled_start_utc
    return local(start, s.timezone).date() if start else None


def add_action(ctx: Context, session_id: str, text: str, *, owner: str | None = None, due: date | None = None,
               client_visible: bool = False) -> tuple[ActionItem, Changes]:
    now = ctx.now()
    with ctx.ws.write():
        s = _reviewable(ctx, session_id)
        clean = check_action(text, owner, due, _session_day(s))
        _ensure_review(ctx, s.id)
        item = ActionItem(new_id(), s.id, clean, (owner or "").strip() or None, due, client_visible)
        repo.insert_action(ctx.ws, item, now)
        changes = _after_actions(ctx, s)
    return item, changes


def update_action(ctx: Context, action_id: str, *, text: str | None = None, owner: str | None = None,
                  due: date | None = None, client_visible: bool | None = None, done: bool | None = None,
                  clear_due: bool = False) -> Changes:
    now = ctx.now()
    with ctx.ws.write():
        item = _action(ctx, action_id)
        s = get_session(ctx, item.session_id)
        new = replace(item, text=text if text is not None else item.text,
                      owner=(owner.strip() or None) if owner is not None else item.owner,
                      due_date=None if clear_due else (due or item.due_date),
                      client_visible=item.client_visible if client_visible is None else client_visible,
                      done=item.done if done is None else done)
        # Marking done happens in the next session too; only content edits need a reviewable session.
        if (new.text, new.owner, new.due_date, new.client_visible) != (item.text, item.owner, item.due_date,
                                                                        item.client_visible):
            _reviewable(ctx, s.id)
            new = replace(new, text=check_action(new.text, new.owner, new.due_date, _session_day(s)))
        if new == item:
            return Changes()
        repo.update_action(ctx.ws, new, now)
        changes = _after_actions(ctx, s)
    return changes


def delete_action(ctx: Context, action_id: str) -> Changes:
    with ctx.ws.write():
        item = _action(ctx, action_id)
        s = _reviewable(ctx, item.session_id)
        repo.delete_action(ctx.ws, item.id, ctx.now())
        changes = _after_actions(ctx, s)
    return changes


def _action(ctx: Context, action_id: str) -> ActionItem:
    item = repo.get_action(ctx.ws, action_id)
    if item is None:
        raise ValidationError("error.review.unknown_action", field="action", action=action_id)
    return item


def _after_actions(ctx: Context, s) -> Changes:
    actions = repo.list_actions(ctx.ws, s.id)
    changes = Changes(reviews=frozenset({s.id}), sessions=frozenset({s.id}))
    changes |= _tick(ctx, s.id, "review", ["post.h24.actions"] if actions else [])
    changes |= carry_over(ctx, s.anchor_id, to_iso(s.on_air_utc or s.scheduled_start_utc))
    summaries.refresh(ctx.ws, s.id, ctx.now())
    return changes


# -- carry-over into the anchor's next session --------------------------------------------------
CARRYOVER_ITEM = "pre.h4.carryover"


def carry_over(ctx: Context, anchor_id: str, after_iso: str | None) -> Changes:
    """Put the open action items of the anchor's earlier sessions on the next session's
    ``pre.h4.carryover`` run (as its note and count) and mark them carried. Inside a write."""
    if after_iso is None:
        return Changes()
    nxt = repo.next_session_of_anchor(ctx.ws, anchor_id, after_iso)
    if nxt is None:
        return Changes()
    start = nxt["on_air_utc"] or nxt["scheduled_start_utc"]
    items = repo.open_actions_before(ctx.ws, anchor_id, start)
    now = to_iso(ctx.now())
    for a in items:
        if a.carried_to_session_id != nxt["id"]:
            ctx.ws.conn.execute("UPDATE action_items SET carried_to_session_id = ?, modified_at = ? WHERE id = ?",
                                (nxt["id"], now, a.id))
    note = carryover_note(items) if items else ""  # nothing open: no "0 items" note
    ctx.ws.conn.execute(
        "UPDATE checklist_runs SET note = ?, modified_at = ? WHERE session_id = ? AND item_key = ?"
        " AND status = 'open' AND COALESCE(note, '') <> ?", (note, now, nxt["id"], CARRYOVER_ITEM, note))
    return Changes(checklists=frozenset({nxt["id"]}))


def carryover_note(items: list[ActionItem]) -> str:
    lines = [msg("review.carryover.header", count=len(items))]
    for n, a in enumerate(items, 1):
        lines.append(msg("review.carryover.line", n=n, text=a.text, owner=a.owner or "—",
                         due=a.due_date.isoformat() if a.due_date else "—"))
    return "\n".join(lines)


def carryover_items(ctx: Context, session_id: str) -> list[ActionItem]:
    """Open action items from the anchor's earlier sessions, for the pre checklist view."""
    s = get_session(ctx, session_id)
    start = to_iso(s.on_air_utc or s.scheduled_start_utc)
    return repo.open_actions_before(ctx.ws, s.anchor_id, start) if start else []


def carry_over_on_plan(ctx: Context, session) -> None:
    """lifecycle hook: a newly planned session picks up the open action items at once."""
    start = session.scheduled_start_utc
    if start is not None:
        from datetime import timedelta

        carry_over(ctx, session.anchor_id, to_iso(start - timedelta(milliseconds=1)))


# -- settlement -----------------------------------------------------------------------------------
def settle(ctx: Context, session_id: str, values: dict[str, object], *, as_of: date,
           minor_units: bool = False) -> SnapshotResult:
    """Platform final numbers; real-time values stay stored and visible as provisional."""
    _reviewable(ctx, session_id)
    return record_settlement(ctx, session_id, values, as_of=as_of, minor_units=minor_units)


def provisional_and_settled(ctx: Context, session_id: str) -> dict[str, dict[str, Any]]:
    """Per settlement key: the last real-time value and the latest settled value with as_of."""
    out: dict[str, dict[str, Any]] = {}
    for key in ("gmv", "orders", "buyers", "refunds_amount", "refund_orders", "quality_refunds_amount",
                "quality_refund_orders", "ad_spend", "ad_attributed_gmv"):
        rt = ctx.ws.query_one(
            "SELECT value FROM metric_samples WHERE session_id = ? AND metric_key = ? AND provisional = 1"
            " AND product_id IS NULL ORDER BY ts_utc DESC LIMIT 1", (session_id, key))
        st = ctx.ws.query_one(
            "SELECT value, as_of FROM metric_samples WHERE session_id = ? AND metric_key = ? AND provisional = 0"
            " AND product_id IS NULL ORDER BY as_of DESC, ts_utc DESC LIMIT 1", (session_id, key))
        out[key] = {"provisional": rt[0] if rt else None, "settled": st[0] if st else None,
                    "as_of": st[1] if st else None}
    return out


# -- sign-off ---------------------------------------------------------------------------------------
def _role(ctx: Context) -> str | None:
    if not ctx.actor_id:
        raise TransitionRefused("error.review.no_actor")
    p = roster_repo.get_person(ctx.ws, ctx.actor_id)
    if p is None:
        raise TransitionRefused("error.review.no_actor")
    return str(p.role)


def submit(ctx: Context, session_id: str) -> Changes:
    now = ctx.now()
    with ctx.ws.write():
        s = _reviewable(ctx, session_id)
        _role(ctx)
        row = repo.get_review(ctx.ws, s.id)
        content = repo.review_content(row)
        if row is None or not content.values:
            raise TransitionRefused("error.review.empty")
        check_submit(ReviewStatus(row["status"]), signoff_for(ctx.ws, s.id) == Signoff.OUTDATED)
        repo.set_review_state(ctx.ws, s.id, now, status=str(ReviewStatus.SUBMITTED), submitted_by=ctx.actor_id,
                              submitted_at=to_iso(now), return_comment=None, modified_by=ctx.actor_id)
        summaries.refresh(ctx.ws, s.id, now)
    return Changes(reviews=frozenset({s.id}), sessions=frozenset({s.id}))


def _decidable(ctx: Context, session_id: str):
    """The session whose submitted review the acting lead may approve or return now (else refused)."""
    s = _reviewable(ctx, session_id)
    row = repo.get_review(ctx.ws, s.id)
    status = ReviewStatus(row["status"]) if row else ReviewStatus.DRAFT
    check_decide(status, _role(ctx), signoff_for(ctx.ws, s.id) == Signoff.OUTDATED)
    return s


def approve(ctx: Context, session_id: str) -> Changes:
    now = ctx.now()
    with ctx.ws.write():
        s = _decidable(ctx, session_id)
        changes = Changes(reviews=frozenset({s.id}), sessions=frozenset({s.id}))
        # Tick first: the tick may log a checklist event, which is part of what gets approved.
        changes |= _tick(ctx, s.id, "signoff", ["post.h24.lead_signoff"])
        repo.set_review_state(ctx.ws, s.id, now, status=str(ReviewStatus.APPROVED), approved_by=ctx.actor_id,
                              approved_at=to_iso(now), approval_hash=compute_hash(ctx.ws, s.id),
                              return_comment=None)
        summaries.refresh(ctx.ws, s.id, now)
    return changes


def return_review(ctx: Context, session_id: str, comment: str) -> Changes:
    comment = (comment or "").strip()
    now = ctx.now()
    with ctx.ws.write():
        s = _decidable(ctx, session_id)
        if not comment:
            raise ValidationError("error.review.comment_required", field="review.return_comment")
        repo.set_review_state(ctx.ws, s.id, now, status=str(ReviewStatus.RETURNED), return_comment=comment,
                              approved_by=None, approved_at=None, approval_hash=None)
        summaries.refresh(ctx.ws, s.id, now)
    return Changes(reviews=frozenset({s.id}), sessions=frozenset({s.id}))


# -- what the client export may show --------------------------------------------------------------
def client_facing_review(ctx: Context, session_id: str, lang: str | None = None) -> dict[str, Any]:
    """Only the fields marked client-facing and client-visible action items; never internal notes.

    ``signed_off`` is False unless a lead's approval is current: the export marks such files 未审核.
    """
    view = get_review(ctx, session_id)
    fields = []
    for f in REVIEW_FIELDS:
        value = view.content.values.get(f.key, "").strip()
        if not value or not view.content.is_client_facing(f.key):
            continue
        if f.key == "steps_stage":
            value = msg(f"review.steps.{value}", lang=lang)
        fields.append({"key": f.key, "group": f.group, "label": msg(f"review.field.{f.key}", lang=lang),
                       "group_label": msg(f"review.group.{f.group}", lang=lang), "value": value})
    actions = [{"text": a.text, "owner": a.owner, "due_date": a.due_date.isoformat() if a.due_date else None,
                "done": a.done} for a in view.actions if a.client_visible]
    return {"session_id": session_id, "status": str(view.status) if view.status else None,
            "signoff": str(view.signoff),
            "signed_off": view.signoff in (Signoff.APPROVED, Signoff.RESETTLED),
            "approved_at": view.approved_at, "fields": fields, "action_items": actions}


def review_json(ctx: Context, session_id: str) -> dict[str, Any]:
    """Everything (internal included) for the internal export and `liveops review show --json`."""
    view = get_review(ctx, session_id)
    return {
        "session_id": session_id, "status": str(view.status) if view.status else None,
        "signoff": str(view.signoff), "submitted_by": view.submitted_by, "submitted_at": view.submitted_at,
        "approved_by": view.approved_by, "approved_at": view.approved_at, "return_comment": view.return_comment,
        "fields": {f.key: {"value": view.content.values.get(f.key), "client_facing": view.content.is_client_facing(
            f.key)} for f in REVIEW_FIELDS},
        "action_items": [{"id": a.id, "text": a.text, "owner": a.owner,
                          "due_date": a.due_date.isoformat() if a.due_date else None,
                          "client_visible": a.client_visible, "done": a.done,
                          "carried_to_session_id": a.carried_to_session_id} for a in view.actions],
        "settlement": provisional_and_settled(ctx, session_id),
    }


lifecycle.after_plan_hooks.append(carry_over_on_plan)
compute_hash = repo.compute_hash
signoff_for = repo.signoff_for
