"""SQL for the live console: incremental sample reads, report lookups, webhook targets and outbox."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from desktop_app.domain.timeutil import from_iso, to_iso
from desktop_app.storage.workspace import Workspace


def samples_since(ws: Workspace, session_id: str, keys: Iterable[str], after_rowid: int = 0
                  ) -> tuple[list[tuple[str, str, float]], int]:
    """Realtime (key, ts, value) rows inserted after ``after_rowid``; returns the new high-water rowid.

    Rowid order is insertion order, so a chart can poll cheaply after each change without
    rereading the whole session (late rows with older timestamps are still delivered).
    """
    keys = list(keys)
    sql = (f"SELECT rowid, metric_key, ts_utc, value FROM metric_samples WHERE session_id = ? AND rowid > ?"
           f" AND provisional = 1 AND product_id IS NULL AND value IS NOT NULL"
           f" AND metric_key IN ({','.join('?' * len(keys))}) ORDER BY rowid")
    rows = ws.conn.execute(sql, (session_id, after_rowid, *keys)).fetchall()
    high = rows[-1][0] if rows else after_rowid
    return [(r[1], r[2], r[3]) for r in rows], high


def report_exists(ws: Workspace, session_id: str, subtype: str) -> bool:
    r = ws.query_one("SELECT 1 FROM events WHERE session_id = ? AND kind = 'report' AND subtype = ? AND deleted = 0",
                     (session_id, subtype))
    return r is not None


def next_open_run(ws: Workspace, session_id: str, phase: str = "live") -> sqlite3.Row | None:
    """The open checklist run of a phase that falls due first (with its item text)."""
    return ws.query_one(
        "SELECT r.item_key, r.due_at, r.occurrence, i.text_zh, i.text_en, i.required FROM checklist_runs r"
        " JOIN session_items i ON i.session_id = r.session_id AND i.key = r.item_key"
        " WHERE r.session_id = ? AND r.status = 'open' AND i.phase = ? ORDER BY r.due_at IS NULL, r.due_at LIMIT 1",
        (session_id, phase))


# -- webhook targets and outbox ----------------------------------------------------------------

@dataclass(frozen=True)
class WebhookTarget:
    id: str
    kind: str
    name: str
    url: str
    secret: str | None
    enabled: bool


@dataclass(frozen=True)
class OutboxRow:
    id: str
    target_id: str
    session_id: str | None
    event_id: str | None
    text: str
    status: str
    attempts: int
    next_attempt_at: datetime
    last_error: str | None
    created_at: datetime
    sent_at: datetime | None


def _target(r: sqlite3.Row) -> WebhookTarget:
    return WebhookTarget(r["id"], r["kind"], r["name"], r["url"], r["secret"], bool(r["enabled"]))


def _outbox(r: sqlite3.Row) -> OutboxRow:
    return OutboxRow(r["id"], r["target_id"], r["session_id"], r["event_id"], r["text"], r["status"], r["attempts"],
                     from_iso(r["next_attempt_at"]), r["last_error"], from_iso(r["created_at"]),
                     from_iso(r["sent_at"]))


def list_targets(ws: Workspace, *, enabled_only: bool = False) -> list[WebhookTarget]:
    sql = "SELECT * FROM webhook_targets" + (" WHERE enabled = 1" if enabled_only else "") + " ORDER BY created_at"
    return [_target(r) for r in ws.query(sql)]


def get_target(ws: Workspace, target_id: str) -> WebhookTarget | None:
    r = ws.query_one("SELECT * FROM webhook_targets WHERE id = ?", (target_id,))
    return _target(r) if r else None


def upsert_target(ws: Workspace, t: WebhookTarget, now: datetime) -> None:
    ws.conn.execute(
        "INSERT INTO webhook_targets (id, kind, name, url, secret, enabled, created_at, modified_at)"
        " VALUES (?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET kind = excluded.kind, name = excluded.name,"
        " url = excluded.url, secret = excluded.secret, enabled = excluded.enabled, modified_at = excluded.modified_at",
        (t.id, t.kind, t.name, t.url, t.secret, int(t.enabled), to_iso(now), to_iso(now)))


def disable_target(ws: Workspace, target_id: str, now: datetime) -> None:
    # Queued rows keep pointing at the target, so it is disabled rather than deleted.
    ws.conn.execute("UPDATE webhook_targets SET enabled = 0, modified_at = ? WHERE id = ?", (to_iso(now), target_id))


def enqueue(ws: Workspace, row_id: str, target_id: str, session_id: str | None, event_id: str | None, text: str,
            now: datetime) -> None:
    ws.conn.execute(
        "INSERT INTO webhook_outbox (id, target_id, session_id, event_id, text, status, attempts, next_attempt_at,"
        " created_at) VALUES (?,?,?,?,?, 'pending', 0, ?, ?)",
        (row_id, target_id, session_id, event_id, text, to_iso(now), to_iso(now)))


def due_rows(ws: Workspace, now: datetime, limit: int = 20) -> list[OutboxRow]:
    rows = ws.query("SELECT * FROM webhook_outbox WHERE status = 'pending' AND next_attempt_at <= ?"
                    " ORDER BY next_attempt_at, created_at LIMIT ?", (to_iso(now), limit))
    return [_outbox(r) for r in rows]


def claim(ws: Workspace, row_id: str, now: datetime, lease_until: datetime) -> bool:
    """Push a due row's next attempt past the send, so a second sender skips it (at-least-once)."""
    cur = ws.conn.execute("UPDATE webhook_outbox SET next_attempt_at = ? WHERE id = ? AND status = 'pending'"
                          " AND next_attempt_at <= ?", (to_iso(lease_until), row_id, to_iso(now)))
    return cur.rowcount == 1


def mark_sent(ws: Workspace, row_id: str, now: datetime) -> None:
    ws.conn.execute("UPDATE webhook_outbox SET status = 'sent', attempts = attempts + 1, sent_at = ?,"
                    " last_error = NULL WHERE id = ?", (to_iso(now), row_id))


def mark_failed(ws: Workspace, row_id: str, error: str, next_at: datetime, give_up: bool) -> None:
    ws.conn.execute("UPDATE webhook_outbox SET status = ?, attempts = attempts + 1, last_error = ?,"
                    " next_attempt_at = ? WHERE id = ?",
                    ("failed" if give_up else "pending", error[:500], to_iso(next_at), row_id))


def retry(ws: Workspace, now: datetime, row_ids: Iterable[str] | None = None) -> int:
    sql = "UPDATE webhook_outbox SET status = 'pending', next_attempt_at = ? WHERE status IN ('pending', 'failed')"
    params: list = [to_iso(now)]
    if row_ids is not None:
        ids = list(row_ids)
        sql += f" AND id IN ({','.join('?' * len(ids))})"
        params += ids
    return ws.conn.execute(sql, params).rowcount


def outbox(ws: Workspace, *, statuses: Iterable[str] = ("pending", "failed", "sent"), limit: int = 200
           ) -> list[OutboxRow]:
    st = list(statuses)
    rows = ws.query(f"SELECT * FROM webhook_outbox WHERE status IN ({','.join('?' * len(st))})"
                    " ORDER BY created_at DESC LIMIT ?", (*st, limit))
    return [_outbox(r) for r in rows]


def max_sample_rowid(ws: Workspace) -> int:
    """High-water mark for samples_since (the table's max rowid: one seek, whatever the session)."""
    r = ws.conn.execute("SELECT max(rowid) FROM metric_samples").fetchone()
    return r[0] or 0


def series_rows(ws: Workspace, session_id: str, key: str) -> list[tuple[float, float]]:
    """Realtime (epoch seconds, value) rows of one metric, oldest first (chart loading).

    SQLite turns the stored ISO text into seconds (julianday, exact to well under a millisecond; the
    caller rounds to the stored milliseconds), so 21,600 timestamps are not parsed in Python.
    """
    cur = ws.conn.cursor()
    cur.row_factory = None  # plain tuples: sqlite3.Row objects double the cost of 21,600 rows
    return cur.execute(
        "SELECT (julianday(ts_utc) - 2440587.5) * 86400.0, value FROM metric_samples WHERE session_id = ?"
        " AND metric_key = ? AND value IS NOT NULL AND product_id IS NULL AND provisional = 1 ORDER BY ts_utc",
        (session_id, key)).fetchall()


def earlier_sessions(ws: Workspace, anchor_id: str, before_iso: str, exclude: str, limit: int = 20
                     ) -> list[sqlite3.Row]:
    """Sessions of the same anchor that went on air before, newest first (compare overlay)."""
    return ws.query("SELECT id, title, on_air_utc, timezone FROM sessions WHERE anchor_id = ? AND id != ?"
                    " AND on_air_utc IS NOT NULL AND on_air_utc < ? AND status IN ('post', 'closed')"
                    " ORDER BY on_air_utc DESC LIMIT ?", (anchor_id, exclude, before_iso, limit))
