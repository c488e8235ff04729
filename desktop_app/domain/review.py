"""复盘 review: the structured fields, the sign-off state machine and the approval hash.

Pure rules: no SQL, no Qt, no clock. The approval hash is a SHA-256 over a canonical
serialization (sorted JSON lines) of what a lead approves, so a later change to any of it
is noticed while app-generated rows (system events, app-ticked runs, settlements) are not.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from desktop_app.domain.errors import TransitionRefused, ValidationError


class ReviewStatus(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    RETURNED = "returned"
    APPROVED = "approved"


class Signoff(StrEnum):
    """What the history shows in its sign-off column."""

    NONE = "none"
    DRAFT = "draft"
    SUBMITTED = "submitted"
    RETURNED = "returned"
    APPROVED = "approved"
    OUTDATED = "outdated"  # something approved changed since: a lead must approve again
    RESETTLED = "resettled"  # approved, and a settlement arrived after the approval


@dataclass(frozen=True)
class ReviewField:
    key: str
    group: str  # people / goods / place / steps / summary / internal
    client_facing: bool  # default; each review may switch it
    checklist_item: str | None = None  # the post item the field completes
    kind: str = "text"  # text or choice


REVIEW_FIELDS: tuple[ReviewField, ...] = (
    ReviewField("summary", "summary", True),
    ReviewField("anchor_performance", "people", True, "post.h24.review_people"),
    ReviewField("script", "people", False, "post.h24.review_people"),
    ReviewField("best_products", "goods", True, "post.h24.review_goods"),
    ReviewField("worst_products", "goods", True, "post.h24.review_goods"),
    ReviewField("stock_issues", "goods", False, "post.h24.review_goods"),
    ReviewField("quality_complaints", "goods", False, "post.h24.review_goods"),
    ReviewField("traffic_sources", "place", True, "post.h24.review_place"),
    ReviewField("paid_traffic_tests", "place", False, "post.h24.review_place"),
    ReviewField("scene_equipment", "place", False, "post.h24.review_place"),
    ReviewField("steps_stage", "steps", False, None, "choice"),
    ReviewField("internal_notes", "internal", False),
)
FIELDS_BY_KEY = {f.key: f for f in REVIEW_FIELDS}
GROUPS = ("summary", "people", "goods", "place", "steps", "internal")
# Fields that can never be marked client-facing.
ALWAYS_INTERNAL = frozenset({"internal_notes"})
STEPS_STAGES = ("self", "paid", "content", "kol", "dist", "snow")
MAX_FIELD = 5000
MAX_ACTION = 500
SETTLEMENT_KEYS = ("gmv", "orders", "buyers", "refunds_amount", "refund_orders", "quality_refunds_amount",
                   "quality_refund_orders", "ad_spend", "ad_attributed_gmv")


@dataclass(frozen=True)
class ReviewContent:
    values: Mapping[str, str]
    client_facing: Mapping[str, bool]

    def is_client_facing(self, key: str) -> bool:
        if key in ALWAYS_INTERNAL:
            return False
        return bool(self.client_facing.get(key, FIELDS_BY_KEY[key].client_facing))

    def to_json(self) -> dict:
        return {"values": dict(sorted(self.values.items())),
                "client_facing": dict(sorted(self.client_facing.items()))}


def content_from_json(data: Mapping | None) -> ReviewContent:
    """Read fields_json; tolerates the flat {key: text} layout of early demo files."""
    data = dict(data or {})
    if "values" in data and isinstance(data["values"], Mapping):
        values = {k: str(v) for k, v in data["values"].items() if k in FIELDS_BY_KEY}
        visible = {k: bool(v) for k, v in dict(data.get("client_facing") or {}).items() if k in FIELDS_BY_KEY}
        return ReviewContent(values, visible)
    return ReviewContent({k: str(v) for k, v in data.items() if k in FIELDS_BY_KEY}, {})


def clean_content(values: Mapping[str, object], client_facing: Mapping[str, bool]) -> ReviewContent:
    """Validate typed fields: known keys, length, STEPS stage from the list; blanks dropped."""
    out: dict[str, str] = {}
    for key, raw in values.items():
        if key not in FIELDS_BY_KEY:
            raise ValidationError("error.review.unknown_field", field=key, key=key)
        text = "" if raw is None else str(raw)
        if len(text) > MAX_FIELD:
            raise ValidationError("error.field.too_long", field=f"review.{key}", max=MAX_FIELD)
        if key == "steps_stage" and text.strip() and text.strip() not in STEPS_STAGES:
            raise ValidationError("error.review.steps_stage", field="review.steps_stage", value=text)
        if text.strip():
            out[key] = text.strip() if key == "steps_stage" else text
    visible = {}
    for key, flag in client_facing.items():
        if key not in FIELDS_BY_KEY:
            raise ValidationError("error.review.unknown_field", field=key, key=key)
        if key not in ALWAYS_INTERNAL and bool(flag) != FIELDS_BY_KEY[key].client_facing:
            visible[key] = bool(flag)
    return ReviewContent(out, visible)


def items_completed(content: ReviewContent, action_count: int) -> list[str]:
    """Post checklist items the review fills: a group with any text, actions when there are some."""
    keys = sorted({f.checklist_item for f in REVIEW_FIELDS
                   if f.checklist_item and content.values.get(f.key, "").strip()})
    if action_count:
        keys.append("post.h24.actions")
    return keys


# -- action items ---------------------------------------------------------------------------
@dataclass(frozen=True)
class ActionItem:
    id: str
    session_id: str
    text: str
    owner: str | None
    due_date: date | None
    client_visible: bool = False
    done: bool = False
    carried_to_session_id: str | None = None


def check_action(text: str, owner: str | None, due: date | None, session_day: date | None) -> str:
    text = (text or "").strip()
    if not text:
        raise ValidationError("error.field.required", field="action.text")
    if len(text) > MAX_ACTION:
        raise ValidationError("error.field.too_long", field="action.text", max=MAX_ACTION)
    if owner is not None and len(owner) > 100:
        raise ValidationError("error.field.too_long", field="action.owner", max=100)
    if due is not None and session_day is not None and due < session_day:
        raise ValidationError("error.review.action_due_before_session", field="action.due_date",
                              due=due.isoformat(), session_day=session_day.isoformat())
    return text


# -- sign-off state machine -----------------------------------------------------------------
def check_submit(status: ReviewStatus, outdated: bool) -> None:
    if status == ReviewStatus.SUBMITTED:
        raise TransitionRefused("error.review.already_submitted")
    if status == ReviewStatus.APPROVED and not outdated:
        raise TransitionRefused("error.review.already_approved")


def check_decide(status: ReviewStatus, role: str | None, outdated: bool) -> None:
    """Approve or return: only a lead, only a submitted review (or an outdated approval)."""
    if role != "lead":
        raise TransitionRefused("error.review.lead_only")
    if status == ReviewStatus.SUBMITTED:
        return
    if status == ReviewStatus.APPROVED and outdated:
        return
    raise TransitionRefused("error.review.not_submitted", status=str(status))


def status_after_edit(status: ReviewStatus) -> ReviewStatus:
    """Editing a submitted or returned review makes it a draft again (it must be resubmitted);
    an approved one stays approved but its hash no longer matches, so it shows as outdated."""
    if status in (ReviewStatus.SUBMITTED, ReviewStatus.RETURNED):
        return ReviewStatus.DRAFT
    return status


def signoff_state(status: str | None, hash_matches: bool, resettled: bool) -> Signoff:
    if status is None:
        return Signoff.NONE
    if status != ReviewStatus.APPROVED:
        return Signoff(status)
    if not hash_matches:
        return Signoff.OUTDATED
    return Signoff.RESETTLED if resettled else Signoff.APPROVED


# -- approval hash ----------------------------------------------------------------------------
def approval_hash(sections: Iterable[tuple[str, Iterable[str]]], review: Mapping) -> str:
    """SHA-256 over canonical lines: each row is its columns as SQL literals (SQLite ``quote()``),
    comma-separated, rows sorted by id, each section headed by its name; then the review fields
    as sorted JSON."""
    h = hashlib.sha256()
    for name, lines in sections:
        h.update(f"[{name}]\n".encode())
        for line in lines:
            h.update(line.encode("utf-8"))
            h.update(b"\n")
    h.update(b"[review]\n" + json.dumps(dict(review), ensure_ascii=False, sort_keys=True).encode("utf-8"))
    return h.hexdigest()
