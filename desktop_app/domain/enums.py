"""Enumerations from DESIGN.md; their values are what the database and JSON store."""

from __future__ import annotations

from enum import StrEnum


class Platform(StrEnum):
    DOUYIN = "douyin"
    KUAISHOU = "kuaishou"
    TAOBAO = "taobao"
    TIKTOK = "tiktok"
    WECHAT_CHANNELS = "wechat_channels"
    OTHER = "other"


class PersonRole(StrEnum):
    SPECIALIST = "specialist"
    LEAD = "lead"


class OwnerRole(StrEnum):
    """Who carries out a checklist item."""

    SPECIALIST = "specialist"
    ANCHOR = "anchor"
    LIVE_CONTROLLER = "live_controller"
    CUSTOMER_SERVICE = "customer_service"
    LEAD = "lead"


class SessionStatus(StrEnum):
    PLANNED = "planned"
    PRE = "pre"
    LIVE = "live"
    POST = "post"
    CLOSED = "closed"
    CANCELLED = "cancelled"


class SessionOrigin(StrEnum):
    PLANNED = "planned"
    STARTED_NOW = "started_now"
    IMPORTED = "imported"


class EventKind(StrEnum):
    NOTE = "note"
    PRODUCT = "product"
    GIVEAWAY = "giveaway"
    TRAFFIC = "traffic"
    INCIDENT = "incident"
    COMPLIANCE = "compliance"
    MILESTONE = "milestone"
    CHECKLIST = "checklist"
    REPORT = "report"
    OVERRIDE = "override"
    SYSTEM = "system"


INTERNAL_BY_DEFAULT = frozenset(
    {EventKind.INCIDENT, EventKind.COMPLIANCE, EventKind.OVERRIDE, EventKind.SYSTEM}
)


class IncidentSubtype(StrEnum):
    STREAM_DROP = "stream_drop"
    PLATFORM_WARNING = "platform_warning"
    PRICE_STOCK_ERROR = "price_stock_error"
    OVERSELL = "oversell"
    COMPLAINT_SPIKE = "complaint_spike"
    OTHER = "other"


class Source(StrEnum):
    """Where an event or sample came from (one list for both)."""

    HOTKEY = "hotkey"
    MANUAL = "manual"
    CLI = "cli"
    IMPORT = "import"
    WATCH = "watch"
    DEMO = "demo"
    CHECKLIST = "checklist"
    SYSTEM = "system"


class Direction(StrEnum):
    MIN = "min"  # reach at least (GMV)
    MAX = "max"  # stay under (退款率)


class Phase(StrEnum):
    PRE = "pre"
    LIVE = "live"
    POST = "post"


class RunStatus(StrEnum):
    OPEN = "open"
    DONE = "done"
    SKIPPED = "skipped"
    MISSED = "missed"


class FieldType(StrEnum):
    INT = "int"
    NUMBER = "number"
    MONEY = "money"
    TEXT = "text"
    BOOL = "bool"
    FILE = "file"
    ENUM = "enum"


class TriggerKind(StrEnum):
    OFFSET = "offset"
    RECURRENCE = "recurrence"
    EVENT = "event"


class Basis(StrEnum):
    PROVISIONAL = "provisional"
    SETTLED = "settled"
