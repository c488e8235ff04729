"""Events: append-only; edits and deletes keep the previous version in event_audit."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import datetime

from desktop_app.domain.enums import EventKind, Source
from desktop_app.domain.models import Event
from desktop_app.domain.timeutil import from_iso, to_iso
from desktop_app.storage.rows import dumps, new_id
from desktop_app.storage.workspace import Workspace


def event_from_row(r: sqlite3.Row) -> Event:
    return Event(
        id=r["id"], session_id=r["session_id"], ts_utc=from_iso(r["ts_utc"]), kind=EventKind(r["kind"]),
        text=r["text"], internal=bool(r["internal"]), source=Source(r["source"]), author_id=r["author_id"],
        subtype=r["subtype"], product_id=r["product_id"], deleted=bool(r["deleted"]), payload_json=r["payload_json"],
    )


def _row(e: Event) -> dict:
    return {
        "id": e.id, "session_id": e.session_id, "ts_utc": to_iso(e.ts_utc), "kind": str(e.kind),
        "subtype": e.subtype, "text": e.text, "internal": int(e.internal), "source": str(e.source),
        "author_id": e.author_id, "product_id": e.product_id, "deleted": int(e.deleted),
        "payload_json": e.payload_json,
    }


INSERT_SQL = (
    "INSERT INTO events (id, session_id, ts_utc, kind, subtype, text, internal, source, author_id,"
    " product_id, deleted, payload_json, created_at, modified_at) VALUES (:id, :session_id, :ts_utc, :kind,"
    " :subtype, :text, :internal, :source, :author_id, :product_id, :deleted, :payload_json, :now, :now)"
)


def insert_event(ws: Workspace, e: Event, now: datetime) -> None:
    ws.conn.execute(INSERT_SQL, {**_row(e), "now": to_iso(now)})


def get_event(ws: Workspace, event_id: str) -> Event | None:
    r = ws.query_one("SELECT * FROM events WHERE id = ?", (event_id,))
    return event_from_row(r) if r else None


def list_events(ws: Workspace, session_id: str, *, include_deleted: bool = False,
                client_visible_only: bool = False) -> list[Event]:
    sql = "SELECT * FROM events WHERE session_id = ?"
    if not include_deleted:
        sql += " AND deleted = 0"
    if client_visible_only:
        sql += " AND internal = 0"
    sql += " ORDER BY ts_utc, created_at"
    return [event_from_row(r) for r in ws.query(sql, (session_id,))]


def update_event(ws: Workspace, before: Event, after: Event, *, by: str | None, now: datetime) -> None:
    action = "delete" if after.deleted and not before.deleted else "edit"
    if after.text != before.text:
        after = replace(after, payload_json=None)  # the wording a person typed wins over the message
    ws.conn.execute(
        "INSERT INTO event_audit (id, event_id, action, before_json, after_json, by_id, at) VALUES (?,?,?,?,?,?,?)",
        (new_id(), before.id, action, dumps(_row(before)), dumps(_row(after)), by, to_iso(now)),
    )
    row = _row(after)
    ws.conn.execute(
        "UPDATE events SET ts_utc = :ts_utc, kind = :kind, subtype = :subtype, text = :text, internal = :internal,"
        " product_id = :product_id, deleted = :deleted, payload_json = :payload_json, modified_at = :now"
        " WHERE id = :id",
        {**row, "now": to_iso(now)},
    )


def event_audit(ws: Workspace, event_id: str) -> list[sqlite3.Row]:
    return ws.query("SELECT * FROM event_audit WHERE event_id = ? ORDER BY at", (event_id,))


def last_event_time(ws: Workspace, session_id: str) -> datetime | None:
    r = ws.query_one("SELECT max(ts_utc) FROM events WHERE session_id = ? AND deleted = 0", (session_id,))
    return from_iso(r[0]) if r and r[0] else None
