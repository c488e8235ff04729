"""Reviews, action items, the approval-hash inputs, history rows and full-text search."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime
from typing import Any

from desktop_app.domain.errors import LiveOpsError
from desktop_app.domain.review import (
    ActionItem,
    ReviewContent,
    ReviewStatus,
    Signoff,
    approval_hash,
    content_from_json,
    signoff_state,
)
from desktop_app.domain.timeutil import to_iso
from desktop_app.messages import render_stored
from desktop_app.storage import search_index
from desktop_app.storage.fts_text import match_query, text_matches
from desktop_app.storage.rows import dumps, loads
from desktop_app.storage.workspace import Workspace

# -- reviews ------------------------------------------------------------------------------------


def get_review(ws: Workspace, session_id: str) -> sqlite3.Row | None:
    return ws.query_one("SELECT * FROM reviews WHERE session_id = ?", (session_id,))


def review_content(row: sqlite3.Row | None) -> ReviewContent:
    return content_from_json(loads(row["fields_json"], {}) if row else {})


def upsert_review(ws: Workspace, session_id: str, content: ReviewContent, *, status: str, now: datetime,
                  by: str | None) -> None:
    ws.conn.execute(
        "INSERT INTO reviews (session_id, fields_json, status, modified_at, modified_by) VALUES (?,?,?,?,?)"
        " ON CONFLICT(session_id) DO UPDATE SET fields_json = excluded.fields_json, status = excluded.status,"
        " modified_at = excluded.modified_at, modified_by = excluded.modified_by",
        (session_id, dumps(content.to_json()), status, to_iso(now), by),
    )


def set_review_state(ws: Workspace, session_id: str, now: datetime, **cols: Any) -> None:
    cols["modified_at"] = to_iso(now)
    sets = ", ".join(f"{k} = ?" for k in cols)
    ws.conn.execute(f"UPDATE reviews SET {sets} WHERE session_id = ?", (*cols.values(), session_id))


# -- action items -------------------------------------------------------------------------------


def action_from_row(r: sqlite3.Row) -> ActionItem:
    return ActionItem(r["id"], r["session_id"], r["text"], r["owner"],
                      date.fromisoformat(r["due_date"]) if r["due_date"] else None, bool(r["client_visible"]),
                      bool(r["done"]), r["carried_to_session_id"])


def list_actions(ws: Workspace, session_id: str) -> list[ActionItem]:
    rows = ws.query("SELECT * FROM action_items WHERE session_id = ? ORDER BY created_at, id", (session_id,))
    return [action_from_row(r) for r in rows]


def get_action(ws: Workspace, action_id: str) -> ActionItem | None:
    r = ws.query_one("SELECT * FROM action_items WHERE id = ?", (action_id,))
    return action_from_row(r) if r else None


def insert_action(ws: Workspace, a: ActionItem, now: datetime) -> None:
    ws.conn.execute(
        "INSERT INTO action_items (id, session_id, text, owner, due_date, client_visible, done,"
        " carried_to_session_id, created_at, modified_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
        (a.id, a.session_id, a.text, a.owner, a.due_date.isoformat() if a.due_date else None, int(a.client_visible),
         int(a.done), a.carried_to_session_id, to_iso(now), to_iso(now)),
    )


def update_action(ws: Workspace, a: ActionItem, now: datetime) -> None:
    ws.conn.execute(
        "UPDATE action_items SET text = ?, owner = ?, due_date = ?, client_visible = ?, done = ?,"
        " carried_to_session_id = ?, modified_at = ? WHERE id = ?",
        (a.text, a.owner, a.due_date.isoformat() if a.due_date else None, int(a.client_visible), int(a.done),
         a.carried_to_session_id, to_iso(now), a.id),
    )


def delete_action(ws: Workspace, action_id: str, now: datetime) -> None:
    ws.conn.execute("DELETE FROM action_items WHERE id = ?", (action_id,))
    ws.conn.execute("INSERT OR REPLACE INTO tombstones (table_name, row_id, deleted_at) VALUES (?,?,?)",
                    ("action_items", action_id, to_iso(now)))


def open_actions_before(ws: Workspace, anchor_id: str, before_iso: str) -> list[ActionItem]:
    """Open action items of the anchor's earlier sessions (what the next session carries over)."""
    rows = ws.query(
        "SELECT a.* FROM action_items a JOIN sessions s ON s.id = a.session_id WHERE s.anchor_id = ?"
        " AND COALESCE(s.on_air_utc, s.scheduled_start_utc) < ? AND a.done = 0 AND s.status <> 'cancelled'"
        " ORDER BY a.due_date IS NULL, a.due_date, a.created_at", (anchor_id, before_iso))
    return [action_from_row(r) for r in rows]


def next_session_of_anchor(ws: Workspace, anchor_id: str, after_iso: str) -> sqlite3.Row | None:
    return ws.query_one(
        "SELECT * FROM sessions WHERE anchor_id = ? AND COALESCE(on_air_utc, scheduled_start_utc) > ?"
        " AND status IN ('planned', 'pre') ORDER BY COALESCE(on_air_utc, scheduled_start_utc) LIMIT 1",
        (anchor_id, after_iso))


# -- approval hash inputs (each sorted by id, the canonical order) --------------------------------


_HASHED = (
    ("event", "events", ("id", "ts_utc", "kind", "subtype", "text", "internal", "product_id", "deleted"),
     "kind <> 'system'"),
    ("sample", "metric_samples", ("id", "ts_utc", "metric_key", "value", "product_id"), "provisional = 1"),
    ("run", "checklist_runs", ("id", "item_key", "occurrence", "status", "done_at", "done_by", "values_json", "note",
                               "skip_reason"), "auto = 0 AND status <> 'open'"),
    ("action", "action_items", ("id", "text", "owner", "due_date", "client_visible"), "1"),
)


def hash_rows(ws: Workspace, session_id: str) -> list[tuple[str, list[str]]]:
    """What an approval covers, one canonical line per row (SQL literals), sorted by id."""
    out = []
    for name, table, cols, cond in _HASHED:
        line = " || ',' || ".join(f"quote({c})" for c in cols)
        cur = ws.conn.execute(f"SELECT {line} FROM {table} WHERE session_id = ? AND {cond} ORDER BY id",
                              (session_id,))
        cur.row_factory = None
        out.append((name, [r[0] for r in cur]))
    return out


def compute_hash(ws: Workspace, session_id: str) -> str:
    review = review_content(get_review(ws, session_id)).to_json()
    return approval_hash(hash_rows(ws, session_id), review)


def signoff_for(ws: Workspace, session_id: str) -> Signoff:
    """The sign-off state of a session; the hash is recomputed only for approved reviews."""
    row = get_review(ws, session_id)
    if row is None:
        return Signoff.NONE
    if row["status"] != ReviewStatus.APPROVED:
        return signoff_state(row["status"], True, False)
    matches = bool(row["approval_hash"]) and compute_hash(ws, session_id) == row["approval_hash"]
    resettled = bool(row["approved_at"]) and settled_after(ws, session_id, row["approved_at"])
    return signoff_state(row["status"], matches, resettled)


def review_signoff(ws: Workspace, session_id: str) -> str:
    """storage.summaries.signoff_fn: none / draft / submitted / returned / approved / outdated / resettled."""
    return str(signoff_for(ws, session_id))


def settled_after(ws: Workspace, session_id: str, at_iso: str) -> bool:
    r = ws.query_one("SELECT 1 FROM metric_samples WHERE session_id = ? AND provisional = 0 AND created_at > ?"
                     " LIMIT 1", (session_id, at_iso))
    return r is not None


# -- full-text search -----------------------------------------------------------------------------
SOURCES = ("event", "review", "checklist", "action")
_SOURCE_SQL = {
    0: "SELECT id, session_id, ts_utc AS ts, text, kind, NULL AS extra, payload_json FROM events WHERE rowid = ?",
    1: "SELECT session_id AS id, session_id, modified_at AS ts, return_comment AS text, 'review' AS kind,"
       " fields_json AS extra FROM reviews WHERE rowid = ?",
    2: "SELECT id, session_id, COALESCE(done_at, due_at) AS ts, trim(COALESCE(note, '') || ' '"
       " || COALESCE(skip_reason, '')) AS text, item_key AS kind, values_json AS extra FROM checklist_runs"
       " WHERE rowid = ?",
    3: "SELECT id, session_id, created_at AS ts, text || ' (' || COALESCE(owner, '') || ')' AS text,"
       " 'action' AS kind, NULL AS extra FROM action_items WHERE rowid = ?",
}


def ensure_current(ws: Workspace) -> bool:
    """Index rows other clients queued since our last commit; False when this connection cannot
    write (read-only, or another writer holds the lock), then ``search`` matches them itself."""
    if ws.read_only or not search_index.has_queue(ws.conn):
        return False
    if ws.conn.in_transaction:  # inside the caller's write: index now, it commits with it
        search_index.flush(ws.conn)
        return True
    if ws.conn.execute("SELECT 1 FROM search_pending LIMIT 1").fetchone() is None:
        return True
    try:
        with ws.write():
            pass  # the commit indexes the queue (Workspace.index_pending)
    except LiveOpsError:
        return False
    return True


def search(ws: Workspace, query: str, *, limit: int = 200, session_ids: set[str] | None = None) -> list[dict]:
    """Newest hits first (rowids grow with inserts), so a common word stays fast at 1M events."""
    expr = match_query(query)
    if expr is None:
        return []
    queued_ids: set[int] = set()
    queued_hits: set[int] = set()
    if not ensure_current(ws) and search_index.has_queue(ws.conn):
        queued_ids, queued_hits = search_index.pending_hits(ws.conn, expr)
    hits = []
    indexed = ws.conn.execute("SELECT rowid FROM search_fts WHERE search_fts MATCH ? ORDER BY rowid DESC", (expr,))
    # Queued rows: the index may describe an older version of them, so their own match decides.
    rowids = _merge_desc((r for (r,) in indexed if r not in queued_ids), sorted(queued_hits, reverse=True))
    for rowid in rowids:
        code, src_rowid = rowid % 4, rowid // 4
        r = ws.conn.execute(_SOURCE_SQL[code], (src_rowid,)).fetchone()
        if r is None or (session_ids is not None and r["session_id"] not in session_ids):
            continue
        hits.append({"source": SOURCES[code], "id": r["id"], "session_id": r["session_id"], "ts": r["ts"],
                     "kind": r["kind"], "text": _hit_text(_row_text(code, r), r["extra"]),
                     "field": _hit_field(code, r, query)})
        if len(hits) >= limit:
            break
    indexed.close()
    return hits


def _merge_desc(a, b: list[int]):
    """Two descending rowid streams as one descending stream."""
    import heapq

    return heapq.merge(a, b, reverse=True)


def _hit_field(code: int, r: sqlite3.Row, query: str) -> str | None:
    """Where inside the row the hit is, so the UI can show it: the review field key, the
    checklist item key, or None (the row itself: an event, an action item)."""
    if code == 2:
        return r["kind"]
    if code != 1:
        return None
    data = loads(r["extra"], {}) or {}
    values = data.get("values", {}) if isinstance(data, dict) else {}
    for key, value in (values.items() if isinstance(values, dict) else []):
        if isinstance(value, str) and text_matches(query, value):
            return key
    return "return_comment" if r["text"] and text_matches(query, r["text"]) else None


def _row_text(code: int, r: sqlite3.Row) -> str | None:
    """A row's own text; a checklist event in the reader's language (its stored catalog message)."""
    if code == search_index.EVENT and r["payload_json"]:
        return render_stored(r["payload_json"]) or r["text"]
    return r["text"]


def _hit_text(text: str | None, extra_json: str | None) -> str:
    """What a hit shows: the row's text plus the string values of its JSON (review fields, run values)."""
    parts = []
    if extra_json:
        data = loads(extra_json, {}) or {}
        if isinstance(data, dict) and isinstance(data.get("values"), dict):
            data = data["values"]  # review fields_json
        parts += [str(v) for v in (data.values() if isinstance(data, dict) else []) if isinstance(v, str) and v]
    if text and text.strip():
        parts.append(text.strip())
    return " / ".join(parts)


def rebuild_search_index(ws: Workspace) -> None:
    """Rebuild from the sources (after a VACUUM, which may renumber rowids). Call inside a write;
    the commit indexes everything again."""
    search_index.requeue_all(ws.conn)
