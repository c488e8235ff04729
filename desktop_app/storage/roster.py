"""People, clients, anchors and assignments."""

from __future__ import annotations

import sqlite3

from desktop_app.domain.enums import PersonRole, Platform
from desktop_app.domain.models import Anchor, Assignment, Client, Person
from desktop_app.domain.timeutil import from_iso
from desktop_app.storage.workspace import Workspace


def person_from_row(r: sqlite3.Row) -> Person:
    return Person(r["id"], r["name"], PersonRole(r["role"]), bool(r["archived"]))


def client_from_row(r: sqlite3.Row) -> Client:
    return Client(r["id"], r["name"], bool(r["archived"]))


def anchor_from_row(r: sqlite3.Row) -> Anchor:
    return Anchor(r["id"], r["name"], Platform(r["platform"]), r["account_id"], r["client_id"],
                  r["timezone"], bool(r["archived"]))


def assignment_from_row(r: sqlite3.Row) -> Assignment:
    return Assignment(r["id"], r["anchor_id"], r["specialist_id"], from_iso(r["from_utc"]), from_iso(r["to_utc"]))


def list_people(ws: Workspace, include_archived: bool = False) -> list[Person]:
    sql = "SELECT * FROM people" + ("" if include_archived else " WHERE archived = 0") + " ORDER BY name"
    return [person_from_row(r) for r in ws.query(sql)]


def get_person(ws: Workspace, person_id: str) -> Person | None:
    r = ws.query_one("SELECT * FROM people WHERE id = ?", (person_id,))
    return person_from_row(r) if r else None


def find_person(ws: Workspace, id_or_name: str) -> Person | None:
    r = ws.query_one("SELECT * FROM people WHERE id = ? OR name = ? ORDER BY archived LIMIT 1", (id_or_name, id_or_name))
    return person_from_row(r) if r else None


def list_clients(ws: Workspace, include_archived: bool = False) -> list[Client]:
    sql = "SELECT * FROM clients" + ("" if include_archived else " WHERE archived = 0") + " ORDER BY name"
    return [client_from_row(r) for r in ws.query(sql)]


def get_client(ws: Workspace, client_id: str) -> Client | None:
    r = ws.query_one("SELECT * FROM clients WHERE id = ?", (client_id,))
    return client_from_row(r) if r else None


def list_anchors(ws: Workspace, include_archived: bool = False) -> list[Anchor]:
    sql = "SELECT * FROM anchors" + ("" if include_archived else " WHERE archived = 0") + " ORDER BY name"
    return [anchor_from_row(r) for r in ws.query(sql)]


def get_anchor(ws: Workspace, anchor_id: str) -> Anchor | None:
    r = ws.query_one("SELECT * FROM anchors WHERE id = ?", (anchor_id,))
    return anchor_from_row(r) if r else None


def active_assignment(ws: Workspace, anchor_id: str) -> Assignment | None:
    r = ws.query_one("SELECT * FROM assignments WHERE anchor_id = ? AND to_utc IS NULL", (anchor_id,))
    return assignment_from_row(r) if r else None


def assignment_history(ws: Workspace, anchor_id: str) -> list[Assignment]:
    rows = ws.query("SELECT * FROM assignments WHERE anchor_id = ? ORDER BY from_utc", (anchor_id,))
    return [assignment_from_row(r) for r in rows]


def name_taken(ws: Workspace, table: str, name: str, exclude_id: str | None = None) -> bool:
    assert table in ("people", "clients", "anchors")
    r = ws.query_one(
        f"SELECT 1 FROM {table} WHERE lower(trim(name)) = lower(trim(?)) AND id IS NOT ? AND archived = 0",
        (name, exclude_id),
    )
    return r is not None
