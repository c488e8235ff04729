"""session_summaries: one row per session, rewritten inside every mutating transaction.

History views and `liveops sessions` read only this table, never the samples.
Compliance and sign-off are computed by pluggable functions so the checklist and
review features own their rules while this module owns the row.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from desktop_app.domain.models import KpiValue, SessionSummary
from desktop_app.domain.summary import SampleAggregates, compute_kpis
from desktop_app.domain.timeutil import to_iso
from desktop_app.storage import checklists as checklist_repo
from desktop_app.storage import review as review_repo
from desktop_app.storage.sessions import get_session
from desktop_app.storage.workspace import Workspace

ComplianceFn = Callable[[Workspace, str, datetime], dict[str, Any] | None]
SignoffFn = Callable[[Workspace, str], str]


def basic_compliance(ws: Workspace, session_id: str, now: datetime) -> dict[str, Any] | None:
    runs = checklist_repo.list_runs(ws, session_id)
    if not runs:
        return None
    counts: dict[str, int] = {}
    for r in runs:
        counts[str(r.status)] = counts.get(str(r.status), 0) + 1
    decided = sum(counts.get(k, 0) for k in ("done", "skipped", "missed"))
    return {"counts": counts, "rate": (counts.get("done", 0) / decided) if decided else None}


def basic_signoff(ws: Workspace, session_id: str) -> str:
    r = ws.query_one("SELECT status FROM reviews WHERE session_id = ?", (session_id,))
    return r["status"] if r else "none"


compliance_fn: ComplianceFn = basic_compliance
signoff_fn: SignoffFn = review_repo.review_signoff  # the review feature's rule (approval hash)


def kpis_to_json(kpis: dict[str, KpiValue]) -> dict[str, Any]:
    return {k: {"value": v.value, "basis": str(v.basis), "as_of": v.as_of} for k, v in sorted(kpis.items())}


def refresh(ws: Workspace, session_id: str, now: datetime) -> None:
    """Recompute one session's summary row. Call inside the write transaction."""
    s = get_session(ws, session_id)
    if s is None:
        return
    kpis = compute_kpis(gather_aggregates(ws, session_id, s.on_air_utc, s.off_air_utc), s.on_air_utc, s.off_air_utc)
    compliance = compliance_fn(ws, session_id, now)
    counts = ws.conn.execute(
        "SELECT (SELECT count(*) FROM events WHERE session_id = ? AND deleted = 0),"
        " (SELECT count(*) FROM metric_samples WHERE session_id = ?)", (session_id, session_id)
    ).fetchone()

    def num(key: str) -> Any:
        v = kpis.get(key)
        return v.value if v else None

    row = {
        "session_id": s.id, "anchor_id": s.anchor_id, "client_id": s.client_id, "specialist_id": s.specialist_id,
        "platform": str(s.platform), "status": str(s.status), "title": s.title, "currency": s.currency,
        "start_utc": to_iso(s.on_air_utc or s.scheduled_start_utc),
        "gmv": num("gmv"), "uv": num("uv"), "orders": num("orders"),
        "peak_online_viewers": num("peak_online_viewers"), "duration_seconds": num("duration_seconds"),
        "kpis_json": json.dumps(kpis_to_json(kpis), ensure_ascii=False),
        "compliance_json": json.dumps(compliance, ensure_ascii=False) if compliance is not None else None,
        "compliance_rate": compliance.get("rate") if compliance else None,
        "signoff": signoff_fn(ws, session_id),
        "event_count": counts[0], "sample_count": counts[1], "updated_at": to_iso(now)
    }  # INSERT OR REPLACE writes a new row: compliance_stale (0012) takes its default, 0
    cols = ", ".join(row)
    ws.conn.execute(
        f"INSERT OR REPLACE INTO session_summaries ({cols}) VALUES ({', '.join(':' + k for k in row)})", row
    )


# -- what one event changes (issue 5: a hotkey in a 6 h session must not recount its samples) ------
# The event count (and 'none' without a review, 'outdated' under an approval) follow the events
# table by itself: triggers in db/migrations/0011_event_count_triggers.sql and 0004.

def note_event_added(ws: Workspace, session_id: str) -> None:
    """An event was inserted: the schema's triggers updated the count and the review's sign-off
    (a new non-system event always breaks an approval's hash; a system event is not covered).
    Only a sign-off rule plugged in instead of the review's decides by itself. Call inside the write."""
    if signoff_fn is not review_repo.review_signoff:
        note_event_changed(ws, session_id)


def note_event_changed(ws: Workspace, session_id: str) -> None:
    """An event was edited or (soft) deleted: the count follows by trigger; the sign-off is
    recomputed, since an edit put back as it was restores the approval the trigger marked outdated."""
    ws.conn.execute("UPDATE session_summaries SET signoff = ? WHERE session_id = ?",
                    (signoff_fn(ws, session_id), session_id))


def compliance_as_of(ws: Workspace, session_id: str) -> tuple[dict[str, Any] | None, str] | None:
    """The stored compliance and the time it was computed at (the row's updated_at); None without a
    row, or when the row is stale (the schema added event-ticked runs since: migration 0012)."""
    r = ws.conn.execute("SELECT compliance_json, updated_at, compliance_stale FROM session_summaries"
                        " WHERE session_id = ?", (session_id,)).fetchone()
    if r is None or r[2]:
        return None
    return (json.loads(r[0]) if r[0] else None), r[1]


def compliance_stale(ws: Workspace, session_id: str) -> bool:
    r = ws.conn.execute("SELECT compliance_stale FROM session_summaries WHERE session_id = ?",
                        (session_id,)).fetchone()
    return bool(r and r[0])


def settle_compliance(ws: Workspace, session_id: str, now: datetime) -> bool:
    """Recompute a stale row's compliance (runs the schema wrote with their events). Inside a write."""
    if not compliance_stale(ws, session_id):
        return False
    set_compliance(ws, session_id, compliance_fn(ws, session_id, now), now)
    ws.conn.execute("UPDATE session_summaries SET compliance_stale = 0 WHERE session_id = ?", (session_id,))
    return True


def set_compliance(ws: Workspace, session_id: str, compliance: dict[str, Any] | None, now: datetime) -> None:
    """Replace only the compliance of the row (exact as of ``now``). Call inside the write transaction."""
    text = json.dumps(compliance) if compliance is not None else None
    ws.conn.execute(
        "UPDATE session_summaries SET compliance_json = ?, compliance_rate = ?, updated_at = ? WHERE session_id = ?",
        (text, compliance.get("rate") if compliance else None, to_iso(now), session_id))


def gather_aggregates(ws: Workspace, session_id: str, on_air: datetime | None,
                      off_air: datetime | None) -> SampleAggregates:
    """Final value per key, peak and time-weighted mean online, by indexed queries."""
    agg = SampleAggregates()
    # Distinct keys by skip-scan of the (session_id, metric_key, ts_utc) index: one seek per key,
    # not a pass over every sample of a long session.
    keys = [r[0] for r in ws.conn.execute(
        "WITH RECURSIVE k(key) AS (SELECT min(metric_key) FROM metric_samples WHERE session_id = ?1"
        " UNION ALL SELECT (SELECT min(metric_key) FROM metric_samples WHERE session_id = ?1 AND metric_key > k.key)"
        " FROM k WHERE k.key IS NOT NULL) SELECT key FROM k WHERE key IS NOT NULL", (session_id,))]
    base = ("SELECT value, as_of FROM metric_samples WHERE session_id = ? AND metric_key = ?"
            " AND product_id IS NULL AND value IS NOT NULL")
    for key in keys:
        r = ws.conn.execute(base + " AND provisional = 1 ORDER BY ts_utc DESC LIMIT 1", (session_id, key)).fetchone()
        if r is not None:
            agg.realtime_final[key] = r[0]
        # literal provisional = 0 so the partial index metric_samples_settled applies
        r = ws.conn.execute(base + " AND provisional = 0 ORDER BY as_of DESC, ts_utc DESC LIMIT 1",
                            (session_id, key)).fetchone()
        if r is not None:
            agg.settled_final[key] = (r[0], r[1])
    if "online_viewers" in keys:
        agg.peak_online, area_span = _online_stats(ws, session_id, on_air, off_air)
        if on_air is not None and area_span is not None and area_span[1]:
            agg.avg_online = area_span[0] / area_span[1]
    return agg


@dataclass
class _OnlineRun:
    """Running peak and trapezoid area of online_viewers up to the last reading seen."""

    bounds: tuple[str, str]
    seen: int  # index entries of online_viewers with ts <= last_ts when this was computed
    last_ts: str
    peak: float | None = None
    area: float = 0.0
    first_t: float | None = None  # first reading inside the bounds
    last_t: float | None = None  # last reading inside the bounds
    last_v: float | None = None


_ONLINE_ROWS = (
    "SELECT julianday(substr(ts_utc, 1, 23)) * 86400.0, value, ts_utc FROM metric_samples"
    " WHERE session_id = ? AND metric_key = 'online_viewers' AND provisional = 1 AND product_id IS NULL"
    " AND value IS NOT NULL AND ts_utc > ? ORDER BY ts_utc"
)
_ONLINE_SEEN = ("SELECT count(*) FROM metric_samples WHERE session_id = ? AND metric_key = 'online_viewers'"
                " AND ts_utc <= ?")


def _online_stats(ws: Workspace, session_id: str, on_air: datetime | None, off_air: datetime | None
                  ) -> tuple[float | None, tuple[float, float] | None]:
    """Peak over all readings; trapezoid area and span over [on_air, off_air] (GLOSSARY §4).

    Live sessions refresh their summary on every snapshot, so the running figures are kept per
    connection and extended with the readings after the last one seen; any reading inserted
    at or before it (an import, a back-dated CLI sample) changes the index count and forces a
    full pass.
    """
    bounds = (to_iso(on_air) if on_air else "0", to_iso(off_air) if off_air else "9")
    cache = ws.caches.setdefault("online_runs", {})
    run: _OnlineRun | None = cache.get(session_id)
    if run is not None and (run.bounds != bounds or
                            ws.conn.execute(_ONLINE_SEEN, (session_id, run.last_ts)).fetchone()[0] != run.seen):
        run = None
    if run is None:
        run = _OnlineRun(bounds, 0, "")
    rows = ws.conn.execute(_ONLINE_ROWS, (session_id, run.last_ts)).fetchall()
    lo, hi = bounds
    for t, v, ts in rows:
        run.peak = v if run.peak is None else max(run.peak, v)
        if lo <= ts <= hi:
            if run.last_t is not None:
                run.area += (v + run.last_v) / 2.0 * (t - run.last_t)
            else:
                run.first_t = t
            run.last_t, run.last_v = t, v
    if rows:
        run.last_ts = rows[-1][2]
        run.seen = ws.conn.execute(_ONLINE_SEEN, (session_id, run.last_ts)).fetchone()[0]
    cache[session_id] = run
    if run.peak is None:
        return None, None
    if run.first_t is None or run.last_t == run.first_t:
        return run.peak, None
    return run.peak, (run.area, run.last_t - run.first_t)


def get_summary(ws: Workspace, session_id: str) -> SessionSummary | None:
    r = ws.query_one("SELECT * FROM session_summaries WHERE session_id = ?", (session_id,))
    return summary_from_row(r) if r else None


def summary_from_row(r) -> SessionSummary:
    kpis = {k: KpiValue(v["value"], v["basis"], v.get("as_of")) for k, v in json.loads(r["kpis_json"]).items()}
    compliance = json.loads(r["compliance_json"]) if r["compliance_json"] else None
    return SessionSummary(r["session_id"], kpis, compliance, r["signoff"])
