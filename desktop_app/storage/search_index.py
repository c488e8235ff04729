"""Keeps the full-text index (search_fts) current from the queue the plain-SQL triggers fill.

Migration 0006: the triggers on events, reviews, checklist_runs and action_items only write
the changed row's search rowid into ``search_pending`` (so the sqlite3 shell or any other
client can write); the bigram tokenising (storage/fts_text.py) happens here, in Python:

- ``flush`` inside every write transaction the app commits (storage/workspace.py), so the
  app's own rows are searchable the moment they are committed;
- ``ensure_current`` before every search, which also picks up rows another client wrote;
- ``pending_hits``: on a read-only connection (``liveops search``) the queued rows are
  matched in a private in-memory FTS5 table with the same tokenizer, so results are current
  there too without writing.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Iterable

from desktop_app.messages import LANGUAGES, render_stored
from desktop_app.storage.fts_text import index_json, index_text

# search rowid = source rowid * 4 + source code (see db/migrations/0004_review_search.sql).
EVENT, REVIEW, RUN, ACTION = 0, 1, 2, 3
TOKENIZER = "unicode61 remove_diacritics 2"
_CHUNK = 500

_SOURCE_ROWS = {
    EVENT: "SELECT rowid, text, payload_json FROM events WHERE deleted = 0 AND kind <> 'system' AND text <> '' AND rowid IN ({})",
    REVIEW: "SELECT rowid, fields_json, return_comment FROM reviews WHERE rowid IN ({})",
    RUN: "SELECT rowid, values_json, note, skip_reason FROM checklist_runs WHERE (values_json <> '{{}}'"
         " OR note IS NOT NULL OR skip_reason IS NOT NULL) AND rowid IN ({})",
    ACTION: "SELECT rowid, text, owner FROM action_items WHERE rowid IN ({})",
}


def body_of(code: int, row: tuple) -> str:
    """The index text of one source row (what 0004's triggers stored), CJK as bigrams."""
    if code == EVENT:
        return event_body(row[1], row[2])
    if code == REVIEW:
        return f"{index_json(row[1])} {index_text(row[2])}"
    if code == RUN:
        return f"{index_json(row[1])} {index_text(row[2])} {index_text(row[3])}"
    return f"{index_text(row[1])} {index_text(row[2])}"


def event_body(text: str | None, payload_json: str | None) -> str:
    """An event's index text. A row written from a catalog message (a checklist tick, migration
    0007) is indexed in every language, so a Chinese reader finds it by 福袋 and an English reader
    by its English words, whichever language the person who ticked it used."""
    texts = [text or ""]
    if payload_json:
        texts += [t for t in (render_stored(payload_json, lang) for lang in LANGUAGES) if t and t not in texts]
    return " \n ".join(index_text(t) for t in texts if t)


def has_queue(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'search_pending'"
                        ).fetchone() is not None


def queued(conn: sqlite3.Connection) -> tuple[int, set[int]]:
    """(highest queue rowid, distinct search rowids queued); (0, set()) when the queue is empty."""
    rows = conn.execute("SELECT rowid, fts_rowid FROM search_pending").fetchall()
    if not rows:
        return 0, set()
    return max(r[0] for r in rows), {r[1] for r in rows}


def bodies(conn: sqlite3.Connection, fts_rowids: Iterable[int]) -> dict[int, str]:
    """Current index text of each queued row that should be indexed (missing/excluded rows: absent)."""
    by_code: dict[int, list[int]] = defaultdict(list)
    for rid in fts_rowids:
        by_code[rid % 4].append(rid // 4)
    out: dict[int, str] = {}
    for code, src_ids in by_code.items():
        for i in range(0, len(src_ids), _CHUNK):
            chunk = src_ids[i:i + _CHUNK]
            sql = _SOURCE_ROWS[code].format(",".join("?" * len(chunk)))
            for row in conn.execute(sql, chunk):
                out[row[0] * 4 + code] = body_of(code, tuple(row))
    return out


def flush(conn: sqlite3.Connection) -> int:
    """Index every queued row; call inside a write transaction. Returns how many rows were queued."""
    top, ids = queued(conn)
    if not ids:
        return 0
    texts = bodies(conn, ids)
    # One statement each (no per-row Python round trip): drop what the index holds for the queued
    # rows, then add their current text.
    conn.execute("DELETE FROM search_fts WHERE rowid IN (SELECT fts_rowid FROM search_pending WHERE rowid <= ?)",
                 (top,))
    conn.executemany("INSERT INTO search_fts (rowid, body) VALUES (?, ?)", sorted(texts.items()))
    conn.execute("DELETE FROM search_pending WHERE rowid <= ?", (top,))
    return len(ids)


def pending_hits(conn: sqlite3.Connection, expr: str) -> tuple[set[int], set[int]]:
    """For a connection that cannot write: (queued rowids, those of them matching ``expr``).

    The queued rows are matched in an in-memory FTS5 table with the workspace's tokenizer,
    so a read-only search gives the same answer as one after ``flush``.
    """
    _top, ids = queued(conn)
    if not ids:
        return set(), set()
    texts = bodies(conn, ids)
    mem = sqlite3.connect(":memory:")
    try:
        mem.execute(f"CREATE VIRTUAL TABLE t USING fts5(body, tokenize = '{TOKENIZER}')")
        mem.executemany("INSERT INTO t (rowid, body) VALUES (?, ?)", texts.items())
        found = {r[0] for r in mem.execute("SELECT rowid FROM t WHERE t MATCH ?", (expr,))}
    finally:
        mem.close()
    return ids, found


def requeue_all(conn: sqlite3.Connection) -> None:
    """Queue every source row (after a VACUUM, which may renumber rowids). Inside a write."""
    conn.execute("DELETE FROM search_fts")
    conn.execute("INSERT INTO search_pending (fts_rowid) SELECT rowid * 4 FROM events")
    conn.execute("INSERT INTO search_pending (fts_rowid) SELECT rowid * 4 + 1 FROM reviews")
    conn.execute("INSERT INTO search_pending (fts_rowid) SELECT rowid * 4 + 2 FROM checklist_runs")
    conn.execute("INSERT INTO search_pending (fts_rowid) SELECT rowid * 4 + 3 FROM action_items")
