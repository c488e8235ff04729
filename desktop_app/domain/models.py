"""Domain records. Frozen dataclasses; storage turns rows into these and back."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from desktop_app.domain.enums import (
    Direction,
    EventKind,
    OwnerRole,
    PersonRole,
    Phase,
    Platform,
    RunStatus,
    SessionOrigin,
    SessionStatus,
    Source,
)


@dataclass(frozen=True)
class WorkspaceInfo:
    id: str
    name: str
    default_timezone: str
    default_currency: str
    default_person_id: str | None
    schema_version: int


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    role: PersonRole
    archived: bool = False


@dataclass(frozen=True)
class Client:
    id: str
    name: str
    archived: bool = False


@dataclass(frozen=True)
class Anchor:
    id: str
    name: str
    platform: Platform
    account_id: str | None
    client_id: str | None
    timezone: str
    archived: bool = False


@dataclass(frozen=True)
class Assignment:
    id: str
    anchor_id: str
    specialist_id: str
    from_utc: datetime
    to_utc: datetime | None

    @property
    def active(self) -> bool:
        return self.to_utc is None


@dataclass(frozen=True)
class Target:
    metric_key: str
    value: float
    direction: Direction


@dataclass(frozen=True)
class Session:
    id: str
    anchor_id: str
    specialist_id: str
    client_id: str | None
    platform: Platform
    title: str
    timezone: str
    currency: str
    status: SessionStatus
    origin: SessionOrigin
    scheduled_start_utc: datetime | None
    scheduled_end_utc: datetime | None
    on_air_utc: datetime | None = None
    off_air_utc: datetime | None = None
    template_id: str | None = None
    template_version: int | None = None
    gmv_basis: str = "paid"
    attribution_window: str | None = None
    created_by: str | None = None


@dataclass(frozen=True)
class Event:
    id: str
    session_id: str
    ts_utc: datetime
    kind: EventKind
    text: str
    internal: bool
    source: Source
    author_id: str | None
    subtype: str | None = None
    product_id: str | None = None
    deleted: bool = False
    # JSON of a catalog message ({"key", "params", "tail"}) to render ``text`` in the reader's language.
    payload_json: str | None = None


@dataclass(frozen=True)
class MetricSample:
    id: str
    session_id: str
    ts_utc: datetime
    metric_key: str
    value: float | int | None
    source: Source
    provisional: bool = True
    as_of: str | None = None
    product_id: str | None = None
    author_id: str | None = None


@dataclass(frozen=True)
class FieldSpec:
    """One value recorded when a checklist item is ticked (default_checklists.md §0)."""

    id: str
    label_zh: str
    label_en: str
    type: str
    unit: str | None = None
    min: float | None = None
    max: float | None = None
    choices: tuple[str, ...] = ()
    metric: str | None = None
    target: str | None = None
    direction: Direction | None = None
    per_product: bool = False


@dataclass(frozen=True)
class Trigger:
    kind: str  # TriggerKind value
    minutes: int | None = None  # offset: pre relative to T, post relative to E
    every_minutes: int | None = None  # recurrence from L0
    event_kind: str | None = None
    subtype: str | None = None


def short_title(text: str, limit: int = 40) -> str:
    """A checklist item's name for lists and messages: the words before its first colon, cut at a
    word boundary (Chinese has none: cut at ``limit``) and marked with "…" when cut."""
    head = text.lstrip("★ ").replace("：", ":").split(":")[0].strip()
    if len(head) <= limit:
        return head
    cut = head[:limit]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0].rstrip(",;(")
    return cut + "…"


@dataclass(frozen=True)
class TemplateItem:
    key: str
    phase: Phase
    text_zh: str
    text_en: str
    trigger: Trigger
    required: bool
    owner: OwnerRole
    client_visible: bool
    fields: tuple[FieldSpec, ...] = ()
    serves: tuple[str, ...] = ()
    ticked_by: str | None = None
    retired: bool = False


@dataclass(frozen=True)
class ChecklistTemplate:
    id: str
    name: str
    name_en: str
    version: int
    items: tuple[TemplateItem, ...]


@dataclass(frozen=True)
class ChecklistRun:
    id: str
    session_id: str
    item_key: str
    occurrence: int
    due_at: datetime | None
    window_end: datetime | None
    status: RunStatus
    done_at: datetime | None = None
    done_by: str | None = None
    values: dict[str, Any] = field(default_factory=dict)
    note: str | None = None
    skip_reason: str | None = None
    auto: bool = False


@dataclass(frozen=True)
class Product:
    id: str
    session_id: str
    name: str
    client_id: str | None
    sku: str | None = None
    price: int | None = None
    stock: int | None = None
    position: int = 0


@dataclass(frozen=True)
class KpiValue:
    value: float | int | None
    basis: str  # Basis
    as_of: str | None = None


@dataclass(frozen=True)
class SessionSummary:
    session_id: str
    kpis: dict[str, KpiValue]
    compliance: dict[str, Any] | None
    signoff: str
