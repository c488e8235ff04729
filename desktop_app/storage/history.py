"""History queries: only session_summaries (plus the small roster tables), never samples."""

from __future__ import annotations

import sqlite3

from desktop_app.storage.workspace import Workspace

# Column order of history rows (the UI model indexes tuples by these positions).
HISTORY_COLUMNS = ("session_id", "start_utc", "title", "anchor_id", "client_id", "specialist_id", "platform",
                   "status", "signoff", "currency", "gmv", "orders", "uv", "peak_online_viewers",
                   "duration_seconds", "compliance_rate", "event_count", "kpis_json")
COL = {name: i for i, name in enumerate(HISTORY_COLUMNS)}


def history_rows(ws: Workspace, where: list[str], params: list) -> list[tuple]:
    sql = (f"SELECT {', '.join(HISTORY_COLUMNS)} FROM session_summaries"
           + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY start_utc DESC")
    cur = ws.conn.execute(sql, params)
    cur.row_factory = None  # plain tuples: the table model keeps them as they are
    return cur.fetchall()


def names(ws: Workspace, table: str) -> dict[str, str]:
    return {r[0]: r[1] for r in ws.conn.execute(f"SELECT id, name FROM {table}")}  # noqa: S608 - fixed names


def anchors_matching(ws: Workspace, text: str) -> list[str]:
    like = f"%{text}%"
    return [r[0] for r in ws.conn.execute(
        "SELECT a.id FROM anchors a LEFT JOIN clients c ON c.id = a.client_id WHERE a.name LIKE ?"
        " OR c.name LIKE ? OR a.account_id LIKE ?", (like, like, like))]


def summary_rows_by_ids(ws: Workspace, ids: list[str]) -> list[sqlite3.Row]:
    marks = ",".join("?" * len(ids))
    return ws.query(f"SELECT * FROM session_summaries WHERE session_id IN ({marks})", tuple(ids))


def trend_rows(ws: Workspace, column: str, value: str, start_iso: str | None, end_iso: str | None) -> list:
    assert column in ("anchor_id", "client_id", "specialist_id")
    where, params = [f"{column} = ?", "status <> 'cancelled'", "start_utc IS NOT NULL"], [value]
    _start_range(where, params, "start_utc", start_iso, end_iso)
    return ws.query("SELECT session_id, start_utc, currency, kpis_json, compliance_json, compliance_rate"
                    f" FROM session_summaries WHERE {' AND '.join(where)} ORDER BY start_utc", tuple(params))


def on_time_counts(ws: Workspace, start_iso: str | None, end_iso: str | None) -> list[sqlite3.Row]:
    """Per specialist: runs decided, done, done on time (by the due time or inside the window)."""
    where, params = ["m.status <> 'cancelled'"], []
    _start_range(where, params, "m.start_utc", start_iso, end_iso)
    return ws.query(
        "SELECT m.specialist_id, count(DISTINCT m.session_id) AS sessions,"
        " sum(r.status IN ('done', 'skipped', 'missed')) AS decided, sum(r.status = 'done') AS done,"
        " sum(r.status = 'done' AND r.done_at <= COALESCE(r.window_end, r.due_at, r.done_at)) AS on_time"
        " FROM session_summaries m JOIN checklist_runs r ON r.session_id = m.session_id"
        f" WHERE {' AND '.join(where)} GROUP BY m.specialist_id", tuple(params))


def _start_range(where: list[str], params: list, column: str, start_iso: str | None, end_iso: str | None) -> None:
    """Sessions starting in [start, end); either end open when None."""
    if start_iso:
        where.append(f"{column} >= ?")
        params.append(start_iso)
    if end_iso:
        where.append(f"{column} < ?")
        params.append(end_iso)
