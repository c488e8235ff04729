"""Checklist templates, the per-session item snapshot, and runs."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime

from desktop_app.domain.enums import OwnerRole, Phase, RunStatus
from desktop_app.domain.models import ChecklistRun, ChecklistTemplate, TemplateItem
from desktop_app.domain.templates import field_from_json, field_to_json, trigger_from_json, trigger_to_json
from desktop_app.domain.timeutil import from_iso, to_iso
from desktop_app.storage.rows import dumps, loads, new_id
from desktop_app.storage.workspace import Workspace


def item_from_row(r: sqlite3.Row) -> TemplateItem:
    keys = r.keys()
    return TemplateItem(
        key=r["key"], phase=Phase(r["phase"]), text_zh=r["text_zh"], text_en=r["text_en"],
        trigger=trigger_from_json(json.loads(r["trigger_json"])), required=bool(r["required"]),
        owner=OwnerRole(r["owner_role"]), client_visible=bool(r["client_visible"]),
        fields=tuple(field_from_json(f) for f in json.loads(r["fields_json"])),
        serves=tuple(json.loads(r["serves_json"])), ticked_by=r["ticked_by"],
        retired=bool(r["retired"]) if "retired" in keys else False,
    )


def item_columns(item: TemplateItem, position: int) -> dict:
    return {
        "position": position, "key": item.key, "phase": str(item.phase), "text_zh": item.text_zh,
        "text_en": item.text_en, "trigger_json": dumps(trigger_to_json(item.trigger)),
        "required": int(item.required), "owner_role": str(item.owner), "client_visible": int(item.client_visible),
        "fields_json": dumps([field_to_json(f) for f in item.fields]), "serves_json": dumps(list(item.serves)),
        "ticked_by": item.ticked_by,
    }


def insert_template(ws: Workspace, *, family_id: str, name: str, name_en: str, version: int,
                    items: list[TemplateItem], now: datetime, is_default: bool = False,
                    created_by: str | None = None) -> str:
    template_id = new_id()
    ws.db["checklist_templates"].insert({
        "id": template_id, "family_id": family_id, "name": name, "name_en": name_en, "version": version,
        "is_default": int(is_default), "archived": 0, "created_at": to_iso(now), "created_by": created_by,
    })
    ws.db["template_items"].insert_all(
        [{"id": new_id(), "template_id": template_id, "retired": int(i.retired), **item_columns(i, n)}
         for n, i in enumerate(items)]
    )
    return template_id


def get_template(ws: Workspace, template_id: str) -> ChecklistTemplate | None:
    r = ws.query_one("SELECT * FROM checklist_templates WHERE id = ?", (template_id,))
    if r is None:
        return None
    rows = ws.query("SELECT * FROM template_items WHERE template_id = ? ORDER BY position", (template_id,))
    return ChecklistTemplate(r["id"], r["name"], r["name_en"], r["version"], tuple(item_from_row(x) for x in rows))


def latest_templates(ws: Workspace) -> list[sqlite3.Row]:
    """The newest version of each template family, default first."""
    return ws.query(
        "SELECT t.* FROM checklist_templates t WHERE t.archived = 0 AND t.version ="
        " (SELECT max(version) FROM checklist_templates u WHERE u.family_id = t.family_id)"
        " ORDER BY t.is_default DESC, t.name"
    )


def default_template_id(ws: Workspace) -> str | None:
    rows = latest_templates(ws)
    return rows[0]["id"] if rows else None


def snapshot_items(ws: Workspace, session_id: str, items: list[TemplateItem], *, adhoc: bool = False,
                   start_position: int = 0) -> None:
    ws.db["session_items"].insert_all(
        [{"id": new_id(), "session_id": session_id, "adhoc": int(adhoc), **item_columns(i, start_position + n)}
         for n, i in enumerate(items) if not i.retired]
    )


def session_items(ws: Workspace, session_id: str) -> list[TemplateItem]:
    rows = ws.query("SELECT * FROM session_items WHERE session_id = ? ORDER BY position", (session_id,))
    return [item_from_row(r) for r in rows]


def run_from_row(r: sqlite3.Row) -> ChecklistRun:
    return ChecklistRun(
        id=r["id"], session_id=r["session_id"], item_key=r["item_key"], occurrence=r["occurrence"],
        due_at=from_iso(r["due_at"]), window_end=from_iso(r["window_end"]), status=RunStatus(r["status"]),
        done_at=from_iso(r["done_at"]), done_by=r["done_by"], values=loads(r["values_json"], {}),
        note=r["note"], skip_reason=r["skip_reason"], auto=bool(r["auto"]),
    )


def list_runs(ws: Workspace, session_id: str) -> list[ChecklistRun]:
    rows = ws.query("SELECT * FROM checklist_runs WHERE session_id = ? ORDER BY due_at, item_key, occurrence",
                    (session_id,))
    return [run_from_row(r) for r in rows]


def insert_runs(ws: Workspace, runs: list[ChecklistRun], now: datetime) -> None:
    ws.conn.executemany(
        "INSERT INTO checklist_runs (id, session_id, item_key, occurrence, due_at, window_end, status, done_at,"
        " done_by, values_json, note, skip_reason, auto, created_at, modified_at)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        [(r.id, r.session_id, r.item_key, r.occurrence, to_iso(r.due_at), to_iso(r.window_end), str(r.status),
          to_iso(r.done_at), r.done_by, dumps(r.values), r.note, r.skip_reason, int(r.auto), to_iso(now),
          to_iso(now)) for r in runs],
    )
