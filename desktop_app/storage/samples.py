"""Metric samples: raw counters and gauges, realtime (provisional) and settlement rows."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from datetime import datetime

from desktop_app.domain.enums import Source
from desktop_app.domain.models import MetricSample
from desktop_app.domain.timeutil import from_iso, to_iso
from desktop_app.storage.workspace import Workspace

INSERT_SQL = (
    "INSERT INTO metric_samples (id, session_id, ts_utc, metric_key, value, source, provisional, as_of,"
    " product_id, author_id, import_id, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)"
)


def sample_from_row(r: sqlite3.Row) -> MetricSample:
    return MetricSample(
        id=r["id"], session_id=r["session_id"], ts_utc=from_iso(r["ts_utc"]), metric_key=r["metric_key"],
        value=r["value"], source=Source(r["source"]), provisional=bool(r["provisional"]), as_of=r["as_of"],
        product_id=r["product_id"], author_id=r["author_id"],
    )


def sample_params(s: MetricSample, now: datetime, import_id: str | None = None) -> tuple:
    return (s.id, s.session_id, to_iso(s.ts_utc), s.metric_key, s.value, str(s.source), int(s.provisional),
            s.as_of, s.product_id, s.author_id, import_id, to_iso(now))


def insert_samples(ws: Workspace, samples: Iterable[MetricSample], now: datetime, import_id: str | None = None) -> int:
    rows = [sample_params(s, now, import_id) for s in samples]
    ws.conn.executemany(INSERT_SQL, rows)
    return len(rows)


def list_samples(ws: Workspace, session_id: str, keys: Iterable[str] | None = None) -> list[MetricSample]:
    sql = "SELECT * FROM metric_samples WHERE session_id = ?"
    params: list = [session_id]
    if keys is not None:
        keys = list(keys)
        sql += f" AND metric_key IN ({','.join('?' * len(keys))})"
        params += keys
    sql += " ORDER BY ts_utc, metric_key"
    return [sample_from_row(r) for r in ws.query(sql, tuple(params))]


def series(ws: Workspace, session_id: str, key: str, provisional_only: bool = True) -> list[tuple[str, float]]:
    """(ts_iso, value) of one metric, oldest first; the fast path for charts."""
    sql = ("SELECT ts_utc, value FROM metric_samples WHERE session_id = ? AND metric_key = ? AND value IS NOT NULL"
           " AND product_id IS NULL")
    if provisional_only:
        sql += " AND provisional = 1"
    sql += " ORDER BY ts_utc"
    return [(r[0], r[1]) for r in ws.conn.execute(sql, (session_id, key))]


def metric_keys(ws: Workspace, session_id: str) -> list[str]:
    """Distinct metric keys of a session by skip-scan of the (session_id, metric_key, ts_utc) index:
    one seek per key (DISTINCT walked all 130k index entries of a 6 h session: ~0.1 s)."""
    return [r[0] for r in ws.conn.execute(
        "WITH RECURSIVE k(key) AS (SELECT min(metric_key) FROM metric_samples WHERE session_id = ?1"
        " UNION ALL SELECT (SELECT min(metric_key) FROM metric_samples WHERE session_id = ?1 AND metric_key > k.key)"
        " FROM k WHERE k.key IS NOT NULL) SELECT key FROM k WHERE key IS NOT NULL", (session_id,))]


def latest_values(ws: Workspace, session_id: str, provisional_only: bool = True) -> dict[str, tuple[str, float]]:
    """Last value and its time per metric key (one index seek per key)."""
    keys = metric_keys(ws, session_id)
    sql = ("SELECT ts_utc, value FROM metric_samples WHERE session_id = ? AND metric_key = ? AND product_id IS NULL"
           " AND value IS NOT NULL" + (" AND provisional = 1" if provisional_only else "")
           + " ORDER BY ts_utc DESC LIMIT 1")
    out = {}
    for key in keys:
        r = ws.conn.execute(sql, (session_id, key)).fetchone()
        if r is not None:
            out[key] = (r[0], r[1])
    return out


def last_sample_time(ws: Workspace, session_id: str) -> datetime | None:
    r = ws.query_one("SELECT max(ts_utc) FROM metric_samples WHERE session_id = ? AND provisional = 1", (session_id,))
    return from_iso(r[0]) if r and r[0] else None
