"""Team-lead history: filtered session list, full-text search, compare, weekly trends, rates.

Everything here reads session_summaries (kept current in every write), so the history opens
fast at 10,000 sessions; only ``compare`` reads samples, for the 2–6 sessions picked.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from desktop_app.domain.errors import ValidationError
from desktop_app.domain.metrics import ratio
from desktop_app.domain.timeutil import from_iso, to_iso
from desktop_app.services.context import Context
from desktop_app.storage import history as repo
from desktop_app.storage import review as review_repo
from desktop_app.storage import samples as sample_repo
from desktop_app.storage import sessions as session_repo
from desktop_app.storage.sessions import SessionFilter

COL = repo.COL
COMPARE_MIN, COMPARE_MAX = 2, 6
CURVE_KEYS = ("online_viewers", "gmv", "uv", "orders")
TREND_KEYS = ("gmv", "uv_value", "view_to_order_rate", "refund_rate", "compliance_rate")


@dataclass(frozen=True)
class HistoryFilter:
    date_from: date | None = None  # inclusive, in the workspace's timezone
    date_to: date | None = None  # inclusive
    client_id: str | None = None
    anchor_id: str | None = None
    specialist_id: str | None = None
    platform: str | None = None
    status: str | None = None
    signoff: str | None = None
    text: str = ""

    def to_json(self) -> dict[str, Any]:
        return {k: (v.isoformat() if isinstance(v, date) else v) for k, v in self.__dict__.items()}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> HistoryFilter:
        known = {k: v for k, v in (data or {}).items() if k in cls.__dataclass_fields__}
        for k in ("date_from", "date_to"):
            if known.get(k):
                known[k] = date.fromisoformat(known[k])
        return cls(**known)

    def session_filter(self, tz: ZoneInfo) -> SessionFilter:
        """The shared session-list filter for the dates (whole days in ``tz``), people, platform
        and status; sign-off and text are the history view's own."""
        return SessionFilter(
            start_from=_day_start(self.date_from, tz) if self.date_from else None,
            start_to=_day_start(self.date_to + timedelta(days=1), tz) if self.date_to else None,
            anchor_id=self.anchor_id, client_id=self.client_id, specialist_id=self.specialist_id,
            statuses=(self.status,) if self.status else (), platform=self.platform)


def _tz(ctx: Context) -> ZoneInfo:
    return ZoneInfo(ctx.ws.query_one("SELECT default_timezone FROM workspace")[0])


def _day_start(d: date, tz: ZoneInfo) -> datetime:
    return datetime.combine(d, time.min, tzinfo=tz)


def _day_bound(d: date, tz: ZoneInfo) -> str:
    return to_iso(_day_start(d, tz))


def history(ctx: Context, f: HistoryFilter = HistoryFilter()) -> list[tuple]:
    """Summary rows (tuples in ``storage.history.HISTORY_COLUMNS`` order), newest first."""
    if f.date_from and f.date_to and f.date_from > f.date_to:
        raise ValidationError("error.bundle.range", field="date_from", start=f.date_from, end=f.date_to)
    cond, params = f.session_filter(_tz(ctx)).where(start="start_utc")
    where: list[str] = [cond] if cond else []
    if f.signoff:
        where.append("signoff = ?")
        params.append(f.signoff)
    text = f.text.strip()
    if text:
        anchors = repo.anchors_matching(ctx.ws, text)
        cond = "title LIKE ?"
        params.append(f"%{text}%")
        if anchors:
            cond += f" OR anchor_id IN ({','.join('?' * len(anchors))})"
            params.extend(anchors)
        where.append(f"({cond})")
    return repo.history_rows(ctx.ws, where, params)


def kpis_of(row: tuple) -> dict[str, Any]:
    return json.loads(row[COL["kpis_json"]] or "{}")


def kpi_value(row: tuple, key: str) -> float | None:
    """A KPI of a history row: direct columns first, else from the row's kpis_json."""
    if key in COL and key != "kpis_json":
        return row[COL[key]]
    entry = kpis_of(row).get(key)
    return entry.get("value") if entry else None


def roster_names(ctx: Context) -> dict[str, dict[str, str]]:
    return {t: repo.names(ctx.ws, t) for t in ("anchors", "clients", "people")}


# -- full-text search --------------------------------------------------------------------------
def search(ctx: Context, query: str, *, limit: int = 200, session_ids: set[str] | None = None) -> list[dict]:
    """Hits over events, notes, reviews, action items and checklist values (newest first)."""
    if not (query or "").strip():
        raise ValidationError("error.search.empty", field="query")
    hits = review_repo.search(ctx.ws, query, limit=limit, session_ids=session_ids)
    sessions: dict[str, tuple[str, str | None]] = {}
    for h in hits:
        sid = h["session_id"]
        if sid not in sessions:
            s = session_repo.get_session(ctx.ws, sid)
            sessions[sid] = (s.title, s.timezone) if s else (sid, None)
        h["session_title"], h["session_tz"] = sessions[sid]
    return hits


# -- compare ------------------------------------------------------------------------------------
@dataclass
class CompareSession:
    session_id: str
    title: str
    currency: str
    start_utc: str | None
    kpis: dict[str, Any]
    compliance_rate: float | None
    signoff: str
    curves: dict[str, list[tuple[float, float]]] = field(default_factory=dict)  # minutes since start, value


def compare(ctx: Context, session_ids: list[str], curve_keys: tuple[str, ...] = CURVE_KEYS) -> list[CompareSession]:
    ids = list(dict.fromkeys(session_ids))
    if not COMPARE_MIN <= len(ids) <= COMPARE_MAX:
        raise ValidationError("error.compare.count", field="sessions", count=len(ids))
    rows = {r["session_id"]: r for r in repo.summary_rows_by_ids(ctx.ws, ids)}
    out = []
    for sid in ids:
        r = rows.get(sid)
        s = session_repo.get_session(ctx.ws, sid)
        if r is None or s is None:
            raise ValidationError("error.session.unknown", field="sessions", session=sid)
        item = CompareSession(sid, s.title, s.currency, r["start_utc"], json.loads(r["kpis_json"]),
                              r["compliance_rate"], r["signoff"])
        start = s.on_air_utc or s.scheduled_start_utc
        for key in curve_keys:
            pts = sample_repo.series(ctx.ws, sid, key)
            item.curves[key] = [((from_iso(ts) - start).total_seconds() / 60.0, float(v)) for ts, v in pts]
        out.append(item)
    return out


# -- weekly trends --------------------------------------------------------------------------------
@dataclass
class TrendPoint:
    week: date  # Monday, workspace timezone
    sessions: int
    gmv: float | None  # minor units, this currency only
    uv_value: float | None
    view_to_order_rate: float | None
    refund_rate: float | None
    compliance_rate: float | None


def _value(kpis: dict, key: str) -> float | None:
    e = kpis.get(key)
    return e.get("value") if e else None


def weekly_trends(ctx: Context, *, anchor_id: str | None = None, client_id: str | None = None,
                  specialist_id: str | None = None, start: date | None = None,
                  end: date | None = None) -> dict[str, list[TrendPoint]]:
    """Per currency (money is never summed across currencies), one point per week."""
    column, value = next((c, v) for c, v in (("anchor_id", anchor_id), ("client_id", client_id),
                                            ("specialist_id", specialist_id), ("anchor_id", "")) if v is not None)
    tz = _tz(ctx)
    rows = repo.trend_rows(ctx.ws, column, value, _day_bound(start, tz) if start else None,
                           _day_bound(end + timedelta(days=1), tz) if end else None)
    buckets: dict[tuple[str, date], list] = defaultdict(list)
    for r in rows:
        day = from_iso(r["start_utc"]).astimezone(tz).date()
        buckets[(r["currency"], day - timedelta(days=day.weekday()))].append(r)
    out: dict[str, list[TrendPoint]] = defaultdict(list)
    for (currency, week), items in sorted(buckets.items()):
        out[currency].append(_trend_point(week, items))
    return dict(out)


def _trend_point(week: date, items: list) -> TrendPoint:
    sums: dict[str, float] = defaultdict(float)
    seen: dict[str, bool] = defaultdict(bool)
    rates = []
    for r in items:
        kpis = json.loads(r["kpis_json"])
        for key in ("gmv", "uv", "buyers", "refunds_amount"):
            v = _value(kpis, key)
            if v is not None:
                sums[key] += v
                seen[key] = True
        # Ratios from totals of sessions that have both parts, so a session without UV does not skew UV价值.
        gmv, uv, buyers, refunds = (_value(kpis, k) for k in ("gmv", "uv", "buyers", "refunds_amount"))
        if gmv is not None and uv is not None:
            sums["gmv_uv"] += gmv
            sums["uv_gmv"] += uv
        if buyers is not None and uv is not None:
            sums["buyers_uv"] += buyers
            sums["uv_buyers"] += uv
        if refunds is not None and gmv is not None:
            sums["refunds_gmv"] += refunds
            sums["gmv_refunds"] += gmv
        if r["compliance_rate"] is not None:
            rates.append(r["compliance_rate"])
    return TrendPoint(week, len(items), sums["gmv"] if seen["gmv"] else None,
                      ratio(sums["gmv_uv"], sums["uv_gmv"]), ratio(sums["buyers_uv"], sums["uv_buyers"]),
                      ratio(sums["refunds_gmv"], sums["gmv_refunds"]),
                      sum(rates) / len(rates) if rates else None)


@dataclass
class SpecialistRates:
    specialist_id: str
    name: str
    sessions: int
    compliance_rate: float | None  # done / decided
    on_time_rate: float | None  # done on time / done


def specialist_rates(ctx: Context, *, start: date | None = None, end: date | None = None) -> list[SpecialistRates]:
    tz = _tz(ctx)
    rows = repo.on_time_counts(ctx.ws, _day_bound(start, tz) if start else None,
                               _day_bound(end + timedelta(days=1), tz) if end else None)
    people = repo.names(ctx.ws, "people")
    return sorted((SpecialistRates(r["specialist_id"], people.get(r["specialist_id"], r["specialist_id"]),
                                   r["sessions"], ratio(r["done"], r["decided"]), ratio(r["on_time"], r["done"]))
                   for r in rows), key=lambda x: x.name)
