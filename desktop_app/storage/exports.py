"""The exports audit table and the read queries exports need (products, review, names)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from datetime import datetime

from desktop_app.domain.models import Product
from desktop_app.domain.timeutil import to_iso
from desktop_app.storage.rows import dumps, loads, new_id
from desktop_app.storage.workspace import Workspace


def record_export(ws: Workspace, *, at: datetime, by: str | None, session_ids: Sequence[str], variant: str,
                  client_id: str | None, file_name: str, sha256: str, draft: bool) -> str:
    export_id = new_id()
    ws.conn.execute(
        "INSERT INTO exports (id, at, by_id, session_ids_json, variant, client_id, file_name, sha256, draft)"
        " VALUES (?,?,?,?,?,?,?,?,?)",
        (export_id, to_iso(at), by, dumps(list(session_ids)), variant, client_id, file_name, sha256, int(draft)),
    )
    return export_id


def list_exports(ws: Workspace) -> list[dict]:
    rows = ws.query("SELECT * FROM exports ORDER BY at, id")
    return [{**dict(r), "session_ids": loads(r["session_ids_json"], [])} for r in rows]


def list_products(ws: Workspace, session_id: str) -> list[Product]:
    rows = ws.query("SELECT * FROM products WHERE session_id = ? ORDER BY position, name", (session_id,))
    return [Product(r["id"], r["session_id"], r["name"], r["client_id"], r["sku"], r["price"], r["stock"],
                    r["position"]) for r in rows]


def review_row(ws: Workspace, session_id: str) -> sqlite3.Row | None:
    return ws.query_one("SELECT * FROM reviews WHERE session_id = ?", (session_id,))


def action_items(ws: Workspace, session_id: str) -> list[sqlite3.Row]:
    return ws.query("SELECT * FROM action_items WHERE session_id = ? ORDER BY created_at, id", (session_id,))


def names(ws: Workspace, table: str) -> dict[str, str]:
    if table not in ("people", "clients", "anchors"):
        raise ValueError(table)
    return {r[0]: r[1] for r in ws.conn.execute(f"SELECT id, name FROM {table}")}


_MS = "CAST(round((julianday(ts_utc) - 2440587.5) * 86400000.0) AS INTEGER)"
_REALTIME = ("session_id = ? AND metric_key = ? AND provisional = 1 AND product_id IS NULL"
             " AND value IS NOT NULL")


def timeline_keys(ws: Workspace, session_id: str, keys: Sequence[str]) -> dict[str, int]:
    """Metric keys with realtime session-level samples, with the epoch ms of their last sample
    (one index probe per key: the index is (session_id, metric_key, ts_utc))."""
    out: dict[str, int] = {}
    for key in keys:
        row = ws.conn.execute(f"SELECT {_MS} FROM metric_samples WHERE {_REALTIME} ORDER BY ts_utc DESC LIMIT 1",
                              (session_id, key)).fetchone()
        if row is not None:
            out[key] = row[0]
    return out


def sample_stream(ws: Workspace, session_id: str, key: str) -> Iterator[tuple[int, float]]:
    """(epoch ms, value) of one metric's realtime session-level samples in time order, streamed
    from SQLite (plain tuples: no Row objects for a 21,600-sample series)."""
    cur = ws.conn.cursor()
    cur.row_factory = None
    return cur.execute(f"SELECT {_MS}, value FROM metric_samples WHERE {_REALTIME} ORDER BY ts_utc",
                       (session_id, key))


def samples_around(ws: Workspace, session_id: str, key: str, at: datetime
                   ) -> tuple[tuple[int, float] | None, tuple[int, float] | None]:
    """The last sample before ``at`` and the first at or after it (one index lookup each)."""
    iso = to_iso(at)
    before = ws.conn.execute(f"SELECT {_MS}, value FROM metric_samples WHERE {_REALTIME} AND ts_utc < ?"
                             " ORDER BY ts_utc DESC LIMIT 1", (session_id, key, iso)).fetchone()
    after = ws.conn.execute(f"SELECT {_MS}, value FROM metric_samples WHERE {_REALTIME} AND ts_utc >= ?"
                            " ORDER BY ts_utc LIMIT 1", (session_id, key, iso)).fetchone()
    return (tuple(before) if before else None), (tuple(after) if after else None)  # type: ignore[return-value]


def median_gap_ms(ws: Workspace, session_id: str, key: str, *, first: int = 2001) -> int | None:
    """The median gap between consecutive samples of one metric over its first ``first`` samples
    (the sample rate a feed was set up with; computed inside SQLite)."""
    row = ws.conn.execute(
        f"WITH s AS (SELECT {_MS} AS ms FROM metric_samples WHERE {_REALTIME} ORDER BY ts_utc LIMIT ?),"
        " g AS (SELECT ms - LAG(ms) OVER (ORDER BY ms) AS gap FROM s), p AS (SELECT gap FROM g WHERE gap > 0)"
        " SELECT gap FROM p ORDER BY gap LIMIT 1 OFFSET (SELECT count(*) / 2 FROM p)",
        (session_id, key, first)).fetchone()
    return row[0] if row else None


def last_product_values(ws: Workspace, session_id: str, key: str) -> dict[str, float]:
    """Latest per-product value of one metric (e.g. stock_remaining per SKU)."""
    rows = ws.conn.execute(
        "SELECT product_id, value FROM metric_samples m WHERE session_id = ? AND metric_key = ?"
        " AND product_id IS NOT NULL AND value IS NOT NULL AND ts_utc = (SELECT max(ts_utc) FROM metric_samples n"
        " WHERE n.session_id = m.session_id AND n.metric_key = m.metric_key AND n.product_id = m.product_id"
        " AND n.value IS NOT NULL)", (session_id, key))
    return {r[0]: r[1] for r in rows}


def sample_sources(ws: Workspace, session_id: str) -> dict[str, list[tuple[str, int, str | None]]]:
    """Per metric key: (source, provisional, latest as_of) combinations present in the session."""
    out: dict[str, list[tuple[str, int, str | None]]] = {}
    for key, source, prov, as_of in ws.conn.execute(
            "SELECT metric_key, source, provisional, max(as_of) FROM metric_samples WHERE session_id = ?"
            " GROUP BY metric_key, source, provisional ORDER BY metric_key, provisional DESC, source",
            (session_id,)):
        out.setdefault(key, []).append((source, prov, as_of))
    return out


def product_clients(ws: Workspace, session_ids: Sequence[str]) -> dict[str, set[str]]:
    """Distinct client ids of each session's products (a 达人 session may sell several clients')."""
    out: dict[str, set[str]] = {}
    ids = list(session_ids)
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        for sid, cid in ws.conn.execute(
                f"SELECT DISTINCT session_id, client_id FROM products WHERE session_id IN ({','.join('?' * len(chunk))})"
                " AND client_id IS NOT NULL", chunk):
            out.setdefault(sid, set()).add(cid)
    return out


def session_export_stats(ws: Workspace, session_id: str) -> tuple[int, str | None]:
    """How many exports included this session, and when the last one was made."""
    r = ws.conn.execute("SELECT count(*), max(at) FROM exports WHERE session_ids_json LIKE ?",
                        (f'%"{session_id}"%',)).fetchone()
    return int(r[0]), r[1]


def choice_list(ws: Workspace, table: str, *, role: str | None = None) -> list[tuple[str, str]]:
    if table not in ("people", "clients", "anchors"):
        raise ValueError(table)
    sql = f"SELECT id, name FROM {table}" + (" WHERE role = ?" if role else "") + " ORDER BY archived, name"
    return [(r[0], r[1]) for r in ws.conn.execute(sql, (role,) if role else ())]
