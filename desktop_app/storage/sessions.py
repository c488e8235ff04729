"""Sessions (场次) and their targets."""

from __future__ import annotations

import sqlite3
from dataclasses import asdict
from datetime import datetime

from desktop_app.domain.enums import Direction, Platform, SessionOrigin, SessionStatus
from desktop_app.domain.models import Session, Target
from desktop_app.domain.timeutil import from_iso, to_iso
from desktop_app.storage.workspace import Workspace


def session_from_row(r: sqlite3.Row) -> Session:
    return Session(
        id=r["id"], anchor_id=r["anchor_id"], specialist_id=r["specialist_id"], client_id=r["client_id"],
        platform=Platform(r["platform"]), title=r["title"], timezone=r["timezone"], currency=r["currency"],
        status=SessionStatus(r["status"]), origin=SessionOrigin(r["origin"]),
        scheduled_start_utc=from_iso(r["scheduled_start_utc"]), scheduled_end_utc=from_iso(r["scheduled_end_utc"]),
        on_air_utc=from_iso(r["on_air_utc"]), off_air_utc=from_iso(r["off_air_utc"]),
        template_id=r["template_id"], template_version=r["template_version"], gmv_basis=r["gmv_basis"],
        attribution_window=r["attribution_window"], created_by=r["created_by"],
    )


def session_to_row(s: Session, now: datetime) -> dict:
    row = asdict(s)
    for k in ("scheduled_start_utc", "scheduled_end_utc", "on_air_utc", "off_air_utc"):
        row[k] = to_iso(row[k])
    for k in ("platform", "status", "origin"):
        row[k] = str(row[k])
    row["modified_at"] = to_iso(now)
    return row


def insert_session(ws: Workspace, s: Session, now: datetime) -> None:
    row = session_to_row(s, now)
    row["created_at"] = row["modified_at"]
    ws.db["sessions"].insert(row)


def update_session(ws: Workspace, session_id: str, now: datetime, **fields) -> None:
    for k, v in list(fields.items()):
        if isinstance(v, datetime):
            fields[k] = to_iso(v)
        elif hasattr(v, "value") and not isinstance(v, (int, float, str)):
            fields[k] = v.value
    fields["modified_at"] = to_iso(now)
    sets = ", ".join(f"{k} = :{k}" for k in fields)
    ws.conn.execute(f"UPDATE sessions SET {sets} WHERE id = :_id", {**fields, "_id": session_id})


def get_session(ws: Workspace, session_id: str) -> Session | None:
    r = ws.query_one("SELECT * FROM sessions WHERE id = ?", (session_id,))
    return session_from_row(r) if r else None


def short_id(session_id: str) -> str:
    """The random tail of a uuid7 (its head is a timestamp shared by ids made together)."""
    return session_id[-8:]


def find_sessions(ws: Workspace, fragment: str) -> list[Session]:
    """Sessions whose id starts or ends with ``fragment`` (short ids typed by people)."""
    rows = ws.query("SELECT * FROM sessions WHERE id LIKE ? || '%' OR id LIKE '%' || ? ORDER BY id LIMIT 5",
                    (fragment, fragment))
    return [session_from_row(r) for r in rows]


def list_sessions(
    ws: Workspace,
    *,
    start_from: datetime | None = None,
    start_to: datetime | None = None,
    anchor_id: str | None = None,
    client_id: str | None = None,
    specialist_id: str | None = None,
    statuses: tuple[str, ...] = (),
) -> list[Session]:
    where, params = [], []
    start_expr = "COALESCE(on_air_utc, scheduled_start_utc)"
    if start_from:
        where.append(f"{start_expr} >= ?")
        params.append(to_iso(start_from))
    if start_to:
        where.append(f"{start_expr} < ?")
        params.append(to_iso(start_to))
    for col, val in (("anchor_id", anchor_id), ("client_id", client_id), ("specialist_id", specialist_id)):
        if val:
            where.append(f"{col} = ?")
            params.append(val)
    if statuses:
        where.append(f"status IN ({','.join('?' * len(statuses))})")
        params.extend(statuses)
    sql = "SELECT * FROM sessions" + (" WHERE " + " AND ".join(where) if where else "")
    sql += f" ORDER BY {start_expr}, created_at"
    return [session_from_row(r) for r in ws.query(sql, tuple(params))]


def live_sessions(ws: Workspace) -> list[Session]:
    return [session_from_row(r) for r in ws.query("SELECT * FROM sessions WHERE status = 'live' ORDER BY on_air_utc")]


def get_targets(ws: Workspace, session_id: str) -> list[Target]:
    rows = ws.query("SELECT * FROM session_targets WHERE session_id = ? ORDER BY metric_key", (session_id,))
    return [Target(r["metric_key"], r["value"], Direction(r["direction"])) for r in rows]


def set_target(ws: Workspace, session_id: str, target: Target, now: datetime) -> None:
    ws.conn.execute(
        "INSERT INTO session_targets (session_id, metric_key, value, direction, modified_at) VALUES (?,?,?,?,?)"
        " ON CONFLICT (session_id, metric_key) DO UPDATE SET value = excluded.value,"
        " direction = excluded.direction, modified_at = excluded.modified_at",
        (session_id, target.metric_key, target.value, str(target.direction), to_iso(now)),
    )


def delete_target(ws: Workspace, session_id: str, metric_key: str) -> None:
    ws.conn.execute("DELETE FROM session_targets WHERE session_id = ? AND metric_key = ?", (session_id, metric_key))


def audit(ws: Workspace, *, at: datetime, by: str | None, session_id: str | None, action: str,
          detail_json: str = "{}", row_id: str) -> None:
    ws.conn.execute(
        "INSERT INTO audit_log (id, at, by_id, session_id, action, detail_json) VALUES (?,?,?,?,?,?)",
        (row_id, to_iso(at), by, session_id, action, detail_json),
    )
