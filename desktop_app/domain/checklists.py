"""Checklist rules: when runs fall due, what a recorded value may be, and how runs count.

Pure functions (no SQL, no Qt, no wall clock). Times are aware UTC datetimes; a pre or post
offset that is a whole number of days is applied on the session's local calendar, so
"T-1d" stays at the same wall-clock time across a DST change.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

from desktop_app.domain.enums import FieldType, Phase, RunStatus, TriggerKind
from desktop_app.domain.errors import ValidationError
from desktop_app.domain.metrics import RAW_METRICS
from desktop_app.domain.models import ChecklistRun, FieldSpec, TemplateItem
from desktop_app.domain.money import to_minor
from desktop_app.domain.parsing import parse_number
from desktop_app.domain.timeutil import zone

DAY = 1440
MAX_OFFSET_MINUTES = 30 * DAY
MAX_TEXT_VALUE = 2000
# Who ticks what: the app action that completes an item (default_checklists.md §0).
APP_TICKERS = frozenset({"event", "interval_report", "final_snapshot", "settlement", "review", "signoff",
                         "client_export"})
LEAD_ONLY_SKIP = frozenset({"post.h24.lead_signoff"})


# --- scheduling --------------------------------------------------------------------------------

def offset_due(base: datetime, minutes: int, tz: str) -> datetime:
    """``base`` moved by ``minutes``; whole days move on the local calendar (DST-safe)."""
    days, rest = divmod(int(minutes), DAY) if minutes >= 0 else (-((-minutes) // DAY), -((-minutes) % DAY))
    if days:
        z = zone(tz)
        wall = base.astimezone(z).replace(tzinfo=None) + timedelta(days=days)
        base = wall.replace(tzinfo=z).astimezone(UTC)
    return base + timedelta(minutes=rest)


def recurrence_dues(on_air: datetime, every_minutes: int, until: datetime) -> list[datetime]:
    """Due times of a recurring live item: L0, L0+N, ... strictly before ``until``."""
    step = timedelta(minutes=every_minutes)
    out, due = [], on_air
    while due < until:
        out.append(due)
        due += step
    return out


def next_recurrence(on_air: datetime, every_minutes: int, after: datetime) -> datetime:
    """The first due time of a recurring item later than ``after``."""
    if after < on_air:
        return on_air
    periods = int((after - on_air) / timedelta(minutes=every_minutes)) + 1
    return on_air + timedelta(minutes=every_minutes * periods)


def is_overdue(run: ChecklistRun, now: datetime) -> bool:
    return run.status == RunStatus.OPEN and run.due_at is not None and run.due_at < now


def window_passed(run: ChecklistRun, now: datetime) -> bool:
    return run.status == RunStatus.OPEN and run.window_end is not None and run.window_end <= now


def metric_only(item: TemplateItem) -> bool:
    """A recurring item whose every field is a raw metric completes itself from samples."""
    return (item.trigger.kind == TriggerKind.RECURRENCE and bool(item.fields)
            and all(f.metric for f in item.fields))


def event_matches(item: TemplateItem, kind: str, subtype: str | None) -> bool:
    t = item.trigger
    if t.kind != TriggerKind.EVENT or t.event_kind != kind:
        return False
    return t.subtype is None or t.subtype == subtype


# --- recorded values ---------------------------------------------------------------------------

@dataclass(frozen=True)
class FieldProblem:
    field: str
    key: str
    params: dict[str, Any]


def validate_values(item: TemplateItem, values: dict[str, Any], currency: str) -> dict[str, Any]:
    """Parse typed values per field; raise ValidationError naming the first bad field.

    Money is typed in major units and stored in minor units; blank values are dropped.
    """
    specs = {f.id: f for f in item.fields}
    out: dict[str, Any] = {}
    for fid, raw in values.items():
        spec = specs.get(fid)
        if spec is None:
            raise ValidationError("error.checklist.value_unknown_field", field=fid, item=item.key)
        value = parse_field_value(spec, raw, currency)
        if value is not None:
            out[fid] = value
    return out


def _blank(raw: Any) -> bool:
    return raw is None or (isinstance(raw, str) and raw.strip() == "")


def parse_field_value(spec: FieldSpec, raw: Any, currency: str) -> Any:
    if _blank(raw):
        return None
    label = {"label": {"zh": spec.label_zh, "en": spec.label_en}}  # each language renders its own
    kind = spec.type
    if kind == FieldType.TEXT:
        text = str(raw).strip()
        if len(text) > MAX_TEXT_VALUE:
            raise ValidationError("error.checklist.value_too_long", field=spec.id, **label, max=MAX_TEXT_VALUE)
        return text
    if kind == FieldType.BOOL:
        return _parse_bool(spec, raw, label)
    if kind == FieldType.ENUM:
        if str(raw) not in spec.choices:
            raise ValidationError("error.checklist.value_choice", field=spec.id, **label, value=raw,
                                  choices=", ".join(spec.choices))
        return str(raw)
    if kind == FieldType.FILE:
        return raw  # an attachment id, checked by the service that stored it
    if isinstance(raw, dict) and spec.per_product:
        return {str(k): parse_field_value(_single(spec), v, currency) for k, v in raw.items() if not _blank(v)}
    return _parse_numeric(spec, raw, currency, label)


def _single(spec: FieldSpec) -> FieldSpec:
    from dataclasses import replace

    return replace(spec, per_product=False)


def _parse_bool(spec: FieldSpec, raw: Any, label: dict[str, str]) -> bool:
    if isinstance(raw, bool):
        return raw
    text = str(raw).strip().lower()
    if text in ("1", "true", "yes", "y", "是", "对", "ok"):
        return True
    if text in ("0", "false", "no", "n", "否", "不"):
        return False
    raise ValidationError("error.checklist.value_bool", field=spec.id, **label, value=raw)


def _parse_numeric(spec: FieldSpec, raw: Any, currency: str, label: dict[str, str]) -> int | float:
    if isinstance(raw, bool):
        raise ValidationError("error.checklist.value_number", field=spec.id, **label, value=raw)
    try:
        number = parse_number(raw, field=spec.id)
    except ValidationError:
        raise ValidationError("error.checklist.value_number", field=spec.id, **label, value=raw) from None
    if number is None:
        raise ValidationError("error.checklist.value_number", field=spec.id, **label, value=raw)
    if spec.type == FieldType.INT and number != number.to_integral_value():
        raise ValidationError("error.checklist.value_int", field=spec.id, **label, value=raw)
    _check_range(spec, number, label)
    if spec.type == FieldType.MONEY:
        return to_minor(number, currency)
    if spec.type == FieldType.INT:
        return int(number)
    return float(number)


def _check_range(spec: FieldSpec, number: Decimal, label: dict[str, str]) -> None:
    low = Decimal(str(spec.min)) if spec.min is not None else None
    high = Decimal(str(spec.max)) if spec.max is not None else None
    if (low is not None and number < low) or (high is not None and number > high):
        raise ValidationError("error.checklist.value_range", field=spec.id, **label, value=str(number),
                              min="" if low is None else str(spec.min), max="∞" if high is None else str(spec.max))


def field_display(spec: FieldSpec, lang: str | None = None) -> str:
    from desktop_app.messages import current_language

    return spec.label_en if (lang or current_language()) == "en" else spec.label_zh


def item_text(item: TemplateItem, lang: str | None = None) -> str:
    from desktop_app.messages import current_language

    return item.text_en if (lang or current_language()) == "en" else item.text_zh


def metric_values(item: TemplateItem, values: dict[str, Any]) -> dict[str, Any]:
    """Recorded values of fields named after a raw metric: metric key → value."""
    return {f.metric: values[f.id] for f in item.fields
            if f.metric in RAW_METRICS and f.id in values and values[f.id] is not None}


# --- compliance --------------------------------------------------------------------------------

OUTCOMES = ("on_time", "late", "skipped", "missed", "open", "overdue")


def run_outcome(run: ChecklistRun, now: datetime) -> str:
    """How one run counts: on time / late / skipped / missed, or still open / overdue."""
    if run.status == RunStatus.DONE:
        late_after = run.window_end or run.due_at
        if run.due_at is not None and run.done_at is not None and late_after is not None and run.done_at > late_after:
            return "late"
        return "on_time"
    if run.status == RunStatus.SKIPPED:
        return "skipped"
    if run.status == RunStatus.MISSED:
        return "missed"
    return "overdue" if is_overdue(run, now) and run.window_end is None else "open"


def _blank_counts() -> dict[str, int]:
    return dict.fromkeys(OUTCOMES, 0)


def compliance(items: Iterable[TemplateItem], runs: Iterable[ChecklistRun], now: datetime,
               *, include_pre: bool = True) -> dict[str, Any] | None:
    """Counts per outcome, overall / required / optional / per phase / per owner, and a rate.

    The rate is (on time + late) ÷ (all decided or overdue runs); skipped runs count against it
    only when required. Sessions without pre (started now, imported) exclude pre runs.
    """
    by_key = {i.key: i for i in items}
    total, req, opt = _blank_counts(), _blank_counts(), _blank_counts()
    phases: dict[str, dict[str, int]] = {}
    owners: dict[str, dict[str, int]] = {}
    n = 0
    for run in runs:
        item = by_key.get(run.item_key)
        if item is None or (item.phase == Phase.PRE and not include_pre):
            continue
        outcome = run_outcome(run, now)
        n += 1
        for bucket in (total, req if item.required else opt,
                       phases.setdefault(str(item.phase), _blank_counts()),
                       owners.setdefault(str(item.owner), _blank_counts())):
            bucket[outcome] += 1
    if n == 0:
        return None
    return {"counts": total, "required": req, "optional": opt, "phases": phases, "owners": owners,
            "rate": rate(total), "required_rate": rate(req), "include_pre": include_pre}


def compliance_plus(base: dict[str, Any] | None, counted: Iterable[tuple[TemplateItem, str]],
                    *, include_pre: bool = True) -> dict[str, Any] | None:
    """``base`` (a compliance() result) with more runs counted, given as (item, outcome) pairs.

    What one logged event adds (the runs it created) without reloading every item and run of a
    long session; equal to compliance() over all runs when no earlier run's outcome moved.
    """
    counted = [(item, outcome) for item, outcome in counted if not (item.phase == Phase.PRE and not include_pre)]
    if not counted:
        return base
    out: dict[str, Any] = _copy_compliance(base) if base else {
        "counts": _blank_counts(), "required": _blank_counts(), "optional": _blank_counts(), "phases": {},
        "owners": {}, "rate": None, "required_rate": None, "include_pre": include_pre}
    for item, outcome in counted:
        for bucket in (out["counts"], out["required"] if item.required else out["optional"],
                       out["phases"].setdefault(str(item.phase), _blank_counts()),
                       out["owners"].setdefault(str(item.owner), _blank_counts())):
            bucket[outcome] = bucket.get(outcome, 0) + 1
    out["rate"], out["required_rate"] = rate(out["counts"]), rate(out["required"])
    return out


def _copy_compliance(base: dict[str, Any]) -> dict[str, Any]:
    """Two levels of count dicts (deepcopy costs more than the rest of a hotkey's summary update)."""
    out = dict(base)
    for k in ("counts", "required", "optional"):
        out[k] = dict(base[k])
    for k in ("phases", "owners"):
        out[k] = {name: dict(counts) for name, counts in base[k].items()}
    return out


def rate(counts: dict[str, int]) -> float | None:
    done = counts.get("on_time", 0) + counts.get("late", 0)
    decided = done + counts.get("skipped", 0) + counts.get("missed", 0) + counts.get("overdue", 0)
    return done / decided if decided else None


def merge_counts(target: dict[str, int], counts: dict[str, int]) -> None:
    for k in OUTCOMES:
        target[k] = target.get(k, 0) + counts.get(k, 0)
