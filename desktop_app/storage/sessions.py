"""Sessions (场次) and their targets."""

from __future__ import annotations

import sqlite3
from dataclasses import asdict, dataclass
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


@dataclass(frozen=True)
class SessionFilter:
    """Which sessions a list shows: start in [start_from, start_to), and the ids/statuses given.

    The one definition of the session-list filter, shared by the repository (domain objects)
    and the read model of `liveops sessions` / the session tables (JSON rows).
    """

    start_from: datetime | None = None
    start_to: datetime | None = None
    anchor_id: str | None = None
    client_id: str | None = None
    specialist_id: str | None = None
    statuses: tuple[str, ...] = ()
    platform: str | None = None

    def where(self, alias: str = "", start: str | None = None) -> tuple[str, list[str]]:
        """SQL condition (``""`` when no filter) and its parameters over table ``alias``; ``start``
        names a column holding the start already (session_summaries.start_utc)."""
        t = alias + "." if alias else ""
        start = f"{t}{start}" if start else start_expr(alias)
        where: list[str] = []
        params: list[str] = []
        if self.start_from:
            where.append(f"{start} >= ?")
            params.append(to_iso(self.start_from))
        if self.start_to:
            where.append(f"{start} < ?")
            params.append(to_iso(self.start_to))
        for col, val in (("anchor_id", self.anchor_id), ("client_id", self.client_id),
                         ("specialist_id", self.specialist_id), ("platform", self.platform)):
            if val:
                where.append(f"{t}{col} = ?")
                params.append(val)
        if self.statuses:
            where.append(f"{t}status IN ({','.join('?' * len(self.statuses))})")
            params.extend(str(x) for x in self.statuses)
        return " AND ".join(where), params

    def sql(self, select_from: str, alias: str = "") -> tuple[str, list[str]]:
        """``select_from`` + WHERE + the list order (by start, then creation)."""
        t = alias + "." if alias else ""
        cond, params = self.where(alias)
        return (select_from + (f" WHERE {cond}" if cond else "")
                + f" ORDER BY {start_expr(alias)}, {t}created_at"), params


def start_expr(alias: str = "") -> str:
    """A session's start: when it went on air, else when it is planned to (GLOSSARY names)."""
    t = alias + "." if alias else ""
    return f"COALESCE({t}on_air_utc, {t}scheduled_start_utc)"


def list_sessions(ws: Workspace, filt: SessionFilter = SessionFilter()) -> list[Session]:
    """Sessions matching ``filt``, sorted by start."""
    sql, params = filt.sql("SELECT * FROM sessions")
    return [session_from_row(r) for r in ws.query(sql, tuple(params))]


# The `liveops sessions --json` row (issue 3 §8), built by SQLite as compact JSON text so a
# list of thousands of sessions is one indexed query, with no per-row work in Python. The KPIs,
# compliance and sign-off come from session_summaries, which every write keeps current.
_SESSION_JSON = (
    "SELECT json_object('session_id', s.id,"
    " 'anchor', json_object('id', s.anchor_id, 'name', a.name),"
    " 'client', CASE WHEN s.client_id IS NULL THEN NULL ELSE json_object('id', s.client_id, 'name', c.name) END,"
    " 'specialist', json_object('id', s.specialist_id, 'name', p.name),"
    " 'platform', s.platform, 'title', s.title, 'status', s.status, 'origin', s.origin,"
    " 'timezone', s.timezone, 'currency', s.currency,"
    " 'scheduled_start_utc', s.scheduled_start_utc, 'scheduled_end_utc', s.scheduled_end_utc,"
    " 'on_air_utc', s.on_air_utc, 'off_air_utc', s.off_air_utc,"
    " 'summary', CASE WHEN m.kpis_json IS NULL THEN NULL ELSE json_object('kpis', json(m.kpis_json),"
    " 'compliance', json(m.compliance_json), 'signoff', m.signoff) END)"
    " FROM sessions s JOIN anchors a ON a.id = s.anchor_id LEFT JOIN clients c ON c.id = s.client_id"
    " JOIN people p ON p.id = s.specialist_id LEFT JOIN session_summaries m ON m.session_id = s.id"
)


def session_json_rows(ws: Workspace, filt: SessionFilter) -> list[str]:
    """One compact JSON object (text) per matching session, sorted by start."""
    sql, params = filt.sql(_SESSION_JSON, "s")
    return [r[0] for r in ws.query(sql, tuple(params))]


def overdue_runs(ws: Workspace, now: datetime) -> list[sqlite3.Row]:
    """Open checklist runs past due in sessions not on air (pre and post runs wait until done or skipped)."""
    return ws.query(
        "SELECT s.id AS session_id, s.title, i.text_zh, i.text_en, r.due_at FROM checklist_runs r"
        " JOIN sessions s ON s.id = r.session_id"
        " JOIN session_items i ON i.session_id = r.session_id AND i.key = r.item_key"
        " WHERE r.status = 'open' AND r.due_at < ? AND s.status IN ('planned', 'pre', 'post')"
        " ORDER BY r.due_at", (to_iso(now),))


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
