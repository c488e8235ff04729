"""Record metric snapshots (typed, CLI, demo) and settlements.

Only the fields actually given are saved (a stale value is never recorded as a new
reading); money is typed in major units (元) and stored in minor units (分); a counter
that goes down is saved and reported as a warning (GLOSSARY §1.7), never refused.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from desktop_app.domain.enums import SessionStatus, Source
from desktop_app.domain.errors import TransitionRefused, ValidationError
from desktop_app.domain.metrics import COUNTER_KEYS, RAW_METRICS, is_money
from desktop_app.domain.models import MetricSample
from desktop_app.domain.money import format_money, to_minor
from desktop_app.domain.parsing import parse_number
from desktop_app.messages import Message, label
from desktop_app.services import checklists as checklist_engine
from desktop_app.services.context import Changes, Context
from desktop_app.services.entry_time import entry_time
from desktop_app.services.lifecycle import get as get_session
from desktop_app.storage import samples as repo
from desktop_app.storage import sessions as session_repo
from desktop_app.storage import summaries
from desktop_app.storage.rows import dumps, new_id

after_samples_hooks: list = [checklist_engine.on_samples]


@dataclass
class SnapshotResult:
    samples: list[MetricSample]
    warnings: list[Message] = field(default_factory=list)
    changes: Changes = field(default_factory=Changes)


def parse_values(values: dict[str, object], currency: str) -> dict[str, int | float]:
    """Validate keys and parse values; blank fields are dropped (NULL, never 0)."""
    parsed: dict[str, int | float] = {}
    for key, raw in values.items():
        if key not in RAW_METRICS:
            raise ValidationError("error.metric.unknown", field=key, key=key)
        number = parse_number(raw, field=key) if not isinstance(raw, (int, float)) else raw
        if number is None:
            continue
        if number < 0:
            raise ValidationError("error.metric.negative", field=key, key=key)
        if is_money(key):
            parsed[key] = to_minor(number, currency)
        elif RAW_METRICS[key].unit == "ratio":
            parsed[key] = float(number)
        else:
            if int(number) != number:
                raise ValidationError("error.metric.not_integer", field=key, key=key, value=raw)
            parsed[key] = int(number)
    return parsed


def record_snapshot(ctx: Context, session_id: str, values: dict[str, object], *, ts: datetime | None = None,
                    source: Source | str = Source.MANUAL, minor_units: bool = False) -> SnapshotResult:
    """One snapshot of raw metrics at ``ts`` (default now; after the broadcast, its end) into a live or
    post session."""
    now = ctx.now()
    with ctx.ws.write():
        s = get_session(ctx, session_id)
        # after the broadcast an untimed reading is the final one: at the end, not "now"
        ts = entry_time(s, ts, now, allow_future=Source(source) == Source.IMPORT)
        _check_accepts(s, ts, Source(source))
        parsed = (_minor_values(values) if minor_units else parse_values(values, s.currency))
        if not parsed:
            raise ValidationError("error.metric.nothing", field="values")
        last = repo.latest_values(ctx.ws, s.id)
        warnings = [Message("warning.counter_decrease", {"key": k, "metric": label("metric", k),
                                                         "before": _shown(k, last[k][1], s.currency),
                                                         "after": _shown(k, v, s.currency)})
                    for k, v in parsed.items() if k in COUNTER_KEYS and k in last and v < last[k][1]]
        samples = [MetricSample(new_id(), s.id, ts, k, v, Source(source), True, None, None, ctx.actor_id)
                   for k, v in parsed.items()]
        repo.insert_samples(ctx.ws, samples, now)
        changes = Changes(samples=frozenset({s.id}))
        for hook in after_samples_hooks:
            changes = changes | (hook(ctx, s, samples) or Changes())
        summaries.refresh(ctx.ws, s.id, now)
    return SnapshotResult(samples, warnings, changes)


def _shown(key: str, value: int | float, currency: str) -> str:
    """A value as the user typed it: money in major units with its symbol, counts with separators."""
    if is_money(key):
        return format_money(value, currency)
    return f"{value:,}"


def _minor_values(values: dict[str, object]) -> dict[str, int | float]:
    out = {}
    for k, v in values.items():
        if k not in RAW_METRICS:
            raise ValidationError("error.metric.unknown", field=k, key=k)
        if v is not None:
            out[k] = v
    return out


def _check_accepts(s, ts: datetime, source: Source) -> None:
    if s.status == SessionStatus.LIVE:
        if s.on_air_utc and ts < s.on_air_utc:
            raise ValidationError("error.sample.before_start", field="ts")
        return
    if s.status == SessionStatus.POST:
        if s.off_air_utc and ts > s.off_air_utc and source not in (Source.IMPORT,):
            raise ValidationError("error.sample.after_end", field="ts")
        return
    raise TransitionRefused("error.sample.not_live", session=s.title, status=label("status", s.status))


def record_settlement(ctx: Context, session_id: str, values: dict[str, object], *, as_of: date,
                      source: Source | str = Source.MANUAL, minor_units: bool = False) -> SnapshotResult:
    """Settled (provisional = 0) figures with an as_of date; on a closed session, audited."""
    now = ctx.now()
    with ctx.ws.write():
        s = get_session(ctx, session_id)
        if s.status not in (SessionStatus.POST, SessionStatus.CLOSED):
            raise TransitionRefused("error.settlement.not_after_broadcast", session=s.title, status=label("status", s.status))
        parsed = _minor_values(values) if minor_units else parse_values(values, s.currency)
        if not parsed:
            raise ValidationError("error.metric.nothing", field="values")
        ts = s.off_air_utc or now
        samples = [MetricSample(new_id(), s.id, ts, k, v, Source(source), False, as_of.isoformat(), None,
                                ctx.actor_id) for k, v in parsed.items()]
        repo.insert_samples(ctx.ws, samples, now)
        if s.status == SessionStatus.CLOSED:
            session_repo.audit(ctx.ws, at=now, by=ctx.actor_id, session_id=s.id, action="settlement",
                               detail_json=dumps({"as_of": as_of.isoformat(), "values": parsed}), row_id=new_id())
        changes = Changes(samples=frozenset({s.id}), sessions=frozenset({s.id}))
        for hook in after_samples_hooks:
            changes = changes | (hook(ctx, s, samples) or Changes())
        summaries.refresh(ctx.ws, s.id, now)
    return SnapshotResult(samples, [], changes)
