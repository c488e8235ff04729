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


_ITEM_MEMO_LIMIT = 20_000


def session_items(ws: Workspace, session_id: str) -> list[TemplateItem]:
    """A session's items; each row's parsed form is kept while the row is unchanged (the console's
    compliance settles after hotkeys re-read them: parsing was most of its cost)."""
    rows = ws.query("SELECT * FROM session_items WHERE session_id = ? ORDER BY position", (session_id,))
    memo = ws.caches.setdefault("item_rows", {})
    if len(memo) > _ITEM_MEMO_LIMIT:
        memo.clear()
    out = []
    for r in rows:
        key = tuple(r)
        item = memo.get(key)
        if item is None:
            item = memo[key] = item_from_row(r)
        out.append(item)
    return out


def event_items(ws: Workspace, session_id: str, event_kind: str) -> list[TemplateItem]:
    """Items triggered by events of one kind (the hot path of every logged event).

    Parsed once per session and kept in ``ws.caches``: a session's items are append-only (the
    template snapshot, then ad-hoc items), so their count, read through the (session_id, key)
    index, says whether the parsed set is still current, whichever connection added one.
    """
    count = ws.conn.execute("SELECT count(*) FROM session_items WHERE session_id = ?", (session_id,)).fetchone()[0]
    cache = ws.caches.setdefault("event_items", {})
    hit = cache.get(session_id)
    if hit is None or hit[0] != count:
        rows = ws.query("SELECT * FROM session_items WHERE session_id = ?"
                        " AND json_extract(trigger_json, '$.kind') = 'event' ORDER BY position", (session_id,))
        by_kind: dict[str | None, list[TemplateItem]] = {}
        for r in rows:
            item = item_from_row(r)
            by_kind.setdefault(item.trigger.event_kind, []).append(item)
        hit = cache[session_id] = (count, by_kind)
    return list(hit[1].get(event_kind, ()))


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


def open_runs(ws: Workspace, session_id: str) -> list[ChecklistRun]:
    """Open runs only, by the (session_id, status, due_at) index (what is due next; a 6 h session
    has hundreds of done runs not worth parsing)."""
    rows = ws.query("SELECT * FROM checklist_runs WHERE session_id = ? AND status = 'open'"
                    " ORDER BY due_at, item_key, occurrence", (session_id,))
    return [run_from_row(r) for r in rows]


def insert_runs(ws: Workspace, runs: list[ChecklistRun], now: datetime, event_id: str | None = None) -> None:
    """``event_id``: the event the runs answer (an event-triggered run), set in the same INSERT."""
    ws.conn.executemany(
        "INSERT INTO checklist_runs (id, session_id, item_key, occurrence, due_at, window_end, status, done_at,"
        " done_by, values_json, note, skip_reason, auto, created_at, modified_at, event_id)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        [(r.id, r.session_id, r.item_key, r.occurrence, to_iso(r.due_at), to_iso(r.window_end), str(r.status),
          to_iso(r.done_at), r.done_by, dumps(r.values), r.note, r.skip_reason, int(r.auto), to_iso(now),
          to_iso(now), event_id) for r in runs],
    )


def get_run(ws: Workspace, run_id: str) -> ChecklistRun | None:
    r = ws.query_one("SELECT * FROM checklist_runs WHERE id = ?", (run_id,))
    return run_from_row(r) if r else None


def find_runs(ws: Workspace, session_id: str, run_ref: str) -> list[ChecklistRun]:
    """Runs whose id starts with ``run_ref`` (the CLI shows short ids)."""
    rows = ws.query("SELECT * FROM checklist_runs WHERE session_id = ? AND substr(id, 1, ?) = ?",
                    (session_id, len(run_ref), run_ref))
    return [run_from_row(r) for r in rows]


def update_run(ws: Workspace, run: ChecklistRun, now: datetime, event_id: str | None = None) -> None:
    ws.conn.execute(
        "UPDATE checklist_runs SET status = ?, done_at = ?, done_by = ?, values_json = ?, note = ?,"
        " skip_reason = ?, auto = ?, window_end = ?, event_id = coalesce(?, event_id), modified_at = ?"
        " WHERE id = ?",
        (str(run.status), to_iso(run.done_at), run.done_by, dumps(run.values), run.note, run.skip_reason,
         int(run.auto), to_iso(run.window_end), event_id, to_iso(now), run.id),
    )


def mark_missed(ws: Workspace, session_id: str, now: datetime) -> int:
    """Open live runs whose window has passed become missed."""
    cur = ws.conn.execute(
        "UPDATE checklist_runs SET status = 'missed', modified_at = ? WHERE session_id = ? AND status = 'open'"
        " AND window_end IS NOT NULL AND window_end <= ?", (to_iso(now), session_id, to_iso(now)))
    return cur.rowcount


def max_occurrence(ws: Workspace, session_id: str, item_key: str) -> int:
    r = ws.conn.execute("SELECT coalesce(max(occurrence), 0) FROM checklist_runs WHERE session_id = ?"
                        " AND item_key = ?", (session_id, item_key)).fetchone()
    return int(r[0])


def outcome_moved(ws: Workspace, session_id: str, lo_iso: str, hi_iso: str) -> bool:
    """Whether a run's compliance outcome can differ between two times: an open run without a
    window turns overdue once its due time passes (domain.checklists.run_outcome)."""
    r = ws.conn.execute("SELECT 1 FROM checklist_runs WHERE session_id = ? AND status = 'open' AND due_at >= ?"
                        " AND due_at < ? AND window_end IS NULL LIMIT 1", (session_id, lo_iso, hi_iso)).fetchone()
    return r is not None


def run_event_id(ws: Workspace, run_id: str) -> str | None:
    r = ws.query_one("SELECT event_id FROM checklist_runs WHERE id = ?", (run_id,))
    return r["event_id"] if r else None


def session_item_rows(ws: Workspace, session_id: str) -> list[sqlite3.Row]:
    return ws.query("SELECT key, adhoc FROM session_items WHERE session_id = ? ORDER BY position", (session_id,))


def next_session_position(ws: Workspace, session_id: str) -> int:
    r = ws.conn.execute("SELECT coalesce(max(position), -1) + 1 FROM session_items WHERE session_id = ?",
                        (session_id,)).fetchone()
    return int(r[0])


def template_row(ws: Workspace, template_id: str) -> sqlite3.Row | None:
    return ws.query_one("SELECT * FROM checklist_templates WHERE id = ?", (template_id,))


def sessions_using_template(ws: Workspace, template_id: str) -> list[sqlite3.Row]:
    """Sessions planned with this template version (cancelled ones too), in time order."""
    return ws.query("SELECT id, title, status, scheduled_start_utc, on_air_utc, timezone FROM sessions"
                    " WHERE template_id = ? ORDER BY COALESCE(scheduled_start_utc, on_air_utc, created_at), id",
                    (template_id,))


def family_versions(ws: Workspace, family_id: str) -> list[sqlite3.Row]:
    return ws.query("SELECT * FROM checklist_templates WHERE family_id = ? ORDER BY version", (family_id,))


def next_version(ws: Workspace, family_id: str) -> int:
    r = ws.conn.execute("SELECT coalesce(max(version), 0) + 1 FROM checklist_templates WHERE family_id = ?",
                        (family_id,)).fetchone()
    return int(r[0])


def family_by_name(ws: Workspace, name: str) -> str | None:
    r = ws.query_one("SELECT family_id FROM checklist_templates WHERE name = ? ORDER BY version DESC LIMIT 1",
                     (name,))
    return r["family_id"] if r else None


def insert_attachment(ws: Workspace, *, session_id: str, run_id: str | None, name: str, mime: str | None,
                      data: bytes, sha256: str, now: datetime, by: str | None) -> str:
    attachment_id = new_id()
    ws.conn.execute(
        "INSERT INTO attachments (id, session_id, run_id, name, mime, size, sha256, data, created_at, created_by)"
        " VALUES (?,?,?,?,?,?,?,?,?,?)",
        (attachment_id, session_id, run_id, name, mime, len(data), sha256, data, to_iso(now), by))
    return attachment_id


def attachment_meta(ws: Workspace, attachment_id: str) -> sqlite3.Row | None:
    return ws.query_one("SELECT id, session_id, run_id, name, mime, size, sha256, created_at, created_by"
                        " FROM attachments WHERE id = ?", (attachment_id,))


def attachment_data(ws: Workspace, attachment_id: str) -> bytes | None:
    r = ws.query_one("SELECT data FROM attachments WHERE id = ?", (attachment_id,))
    return bytes(r["data"]) if r else None


def link_attachment(ws: Workspace, attachment_id: str, run_id: str) -> None:
    ws.conn.execute("UPDATE attachments SET run_id = ? WHERE id = ?", (run_id, attachment_id))


def runs_in_range(ws: Workspace, start_iso: str, end_iso: str) -> list[sqlite3.Row]:
    """Runs of sessions starting in [start, end) with their session's specialist and origin."""
    return ws.query(
        "SELECT r.*, s.specialist_id, s.origin, s.anchor_id FROM checklist_runs r JOIN sessions s"
        " ON s.id = r.session_id WHERE coalesce(s.on_air_utc, s.scheduled_start_utc) >= ?"
        " AND coalesce(s.on_air_utc, s.scheduled_start_utc) < ? AND s.status != 'cancelled'",
        (start_iso, end_iso))


def drop_open_recurrences_from(ws: Workspace, session_id: str, off_air: datetime, now: datetime) -> int:
    """Recurring runs created for a period starting at or after the actual end never happened:
    remove the untouched ones (tombstoned, so a merged copy drops them too)."""
    rows = ws.query(
        "SELECT id FROM checklist_runs WHERE session_id = ? AND status = 'open' AND due_at >= ?"
        " AND window_end IS NOT NULL AND values_json = '{}' AND event_id IS NULL", (session_id, to_iso(off_air)))
    for r in rows:
        ws.conn.execute("DELETE FROM checklist_runs WHERE id = ?", (r["id"],))
        ws.conn.execute("INSERT OR REPLACE INTO tombstones (table_name, row_id, deleted_at) VALUES (?, ?, ?)",
                        ("checklist_runs", r["id"], to_iso(now)))
    return len(rows)
