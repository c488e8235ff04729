"""SQL of platform-data import: import records, remembered mappings, re-import keys, products."""

from __future__ import annotations

import json
import os
import queue
import re
import threading
import time
from collections.abc import Callable
from datetime import datetime, timedelta

from desktop_app.domain.timeutil import to_iso
from desktop_app.storage import rows
from desktop_app.storage.rows import new_id
from desktop_app.storage.workspace import Workspace

# (ts_utc, metric_key, provisional, as_of, product_id) → (sample id, value, source)
SampleKey = tuple[str, str, int, str | None, str | None]


def record_import(ws: Workspace, *, import_id: str, at: datetime, by: str | None, file_name: str, sha256: str,
                  preset: str | None, counts: dict) -> None:
    ws.conn.execute(
        "INSERT INTO imports (id, at, by_id, file_name, sha256, preset, counts_json) VALUES (?,?,?,?,?,?,?)",
        (import_id, to_iso(at), by, file_name, sha256, preset, json.dumps(counts, ensure_ascii=False)),
    )


def imports_with_hash(ws: Workspace, sha256: str) -> list[str]:
    return [r[0] for r in ws.conn.execute("SELECT id FROM imports WHERE sha256 = ? ORDER BY at", (sha256,))]


def get_mapping(ws: Workspace, signature: str) -> dict | None:
    r = ws.query_one("SELECT preset, kind, mapping_json, decisions_json FROM import_mappings WHERE signature = ?",
                     (signature,))
    if r is None:
        return None
    return {"preset": r[0], "kind": r[1], "mapping": json.loads(r[2]), "decisions": json.loads(r[3])}


def save_mapping(ws: Workspace, signature: str, *, preset: str | None, kind: str | None, mapping: dict,
                 decisions: dict, now: datetime, by: str | None) -> None:
    ws.conn.execute(
        "INSERT INTO import_mappings (signature, preset, kind, mapping_json, decisions_json, updated_at, updated_by)"
        " VALUES (?,?,?,?,?,?,?) ON CONFLICT(signature) DO UPDATE SET preset = excluded.preset, kind = excluded.kind,"
        " mapping_json = excluded.mapping_json, decisions_json = excluded.decisions_json,"
        " updated_at = excluded.updated_at, updated_by = excluded.updated_by",
        (signature, preset, kind, json.dumps(mapping, ensure_ascii=False), json.dumps(decisions, ensure_ascii=False),
         to_iso(now), by),
    )


def existing_samples(ws: Workspace, session_id: str) -> dict[SampleKey, tuple[str, float, str]]:
    """Every sample of a session by its natural key: re-import finds what it already wrote."""
    out: dict[SampleKey, tuple[str, float, str]] = {}
    for r in ws.conn.execute(
        "SELECT id, ts_utc, metric_key, provisional, as_of, product_id, value, source FROM metric_samples"
        " WHERE session_id = ?", (session_id,)
    ):
        out[(r[1], r[2], r[3], r[4], r[5])] = (r[0], r[6], r[7])
    return out


def update_sample_value(ws: Workspace, sample_id: str, value: float, import_id: str, now: datetime) -> None:
    ws.conn.execute("UPDATE metric_samples SET value = ?, import_id = ?, created_at = ? WHERE id = ?",
                    (value, import_id, to_iso(now), sample_id))


def sessions_near(ws: Workspace, anchor_id: str, start: datetime, tolerance: timedelta) -> list:
    """Sessions of an anchor whose actual (else planned) start lies within ``tolerance`` of ``start``."""
    lo, hi = to_iso(start - tolerance), to_iso(start + tolerance)
    return ws.query(
        "SELECT id, COALESCE(on_air_utc, scheduled_start_utc) AS st, status FROM sessions WHERE anchor_id = ?"
        " AND status != 'cancelled' AND COALESCE(on_air_utc, scheduled_start_utc) BETWEEN ? AND ?",
        (anchor_id, lo, hi))


def sessions_covering(ws: Workspace, anchor_id: str, ts: datetime, tolerance: timedelta) -> list:
    """Sessions of an anchor whose on-air window (with tolerance) contains ``ts``."""
    t = to_iso(ts)
    return ws.query(
        "SELECT id, on_air_utc, off_air_utc, status FROM sessions WHERE anchor_id = ? AND on_air_utc IS NOT NULL"
        " AND status IN ('live', 'post', 'closed') AND on_air_utc <= ? AND (off_air_utc IS NULL OR off_air_utc >= ?)"
        " ORDER BY on_air_utc DESC",
        (anchor_id, to_iso(ts + tolerance), to_iso(ts - tolerance) if t else t))


def anchor_by_account(ws: Workspace, account: str, platform: str | None) -> str | None:
    sql = "SELECT id FROM anchors WHERE account_id = ?" + (" AND platform = ?" if platform else "")
    r = ws.query_one(sql, (account, platform) if platform else (account,))
    return r[0] if r else None


def anchor_by_name(ws: Workspace, name: str) -> str | None:
    r = ws.query_one("SELECT id FROM anchors WHERE name = ?", (name,))
    return r[0] if r else None


def find_or_add_product(ws: Workspace, session_id: str, client_id: str | None, *, name: str | None, sku: str | None,
                        now: datetime) -> tuple[str, bool]:
    """The session's product with that SKU (else name); created when missing."""
    if sku:
        r = ws.query_one("SELECT id FROM products WHERE session_id = ? AND sku = ?", (session_id, sku))
        if r:
            return r[0], False
    if name:
        r = ws.query_one("SELECT id FROM products WHERE session_id = ? AND name = ?", (session_id, name))
        if r:
            return r[0], False
    pid = new_id()
    pos = ws.query_one("SELECT COALESCE(max(position), -1) + 1 FROM products WHERE session_id = ?", (session_id,))[0]
    ws.conn.execute(
        "INSERT INTO products (id, session_id, client_id, name, sku, position, created_at, modified_at)"
        " VALUES (?,?,?,?,?,?,?,?)", (pid, session_id, client_id, name or sku, sku, pos, to_iso(now), to_iso(now)))
    return pid, True


class SampleIds:
    """UUIDv7 ids made in batches: one clock read and one urandom call per 4096 ids.

    Same layout as rows.uuid7 (48-bit ms, version 7, 12-bit counter in rand_a so a batch stays
    ordered, 62 random bits); falls back to rows.new_id when a caller installed its own id source.
    """

    BATCH = 4096
    _COUNTERS = [f"{i:03x}-" for i in range(BATCH)]
    _VARIANT = bytes((b & 0x3F) | 0x80 for b in range(256))  # top bits 10: the RFC 4122 variant

    def __init__(self) -> None:
        self.buf: list[str] = []

    def next(self) -> str:
        if rows._id_source is not rows.uuid7:
            return rows.new_id()
        if not self.buf:
            self._fill()
        return self.buf.pop()

    def _fill(self) -> None:
        n = self.BATCH
        ms = (time.time_ns() // 1_000_000) & ((1 << 48) - 1)
        head = f"{ms:012x}"
        prefix = f"{head[:8]}-{head[8:12]}-7"
        raw = bytearray(os.urandom(8 * n))
        raw[0::8] = raw[0::8].translate(self._VARIANT)
        h = raw.hex()
        counters = self._COUNTERS
        ids = [f"{prefix}{counters[i]}{h[16 * i:16 * i + 4]}-{h[16 * i + 4:16 * i + 16]}" for i in range(n)]
        ids.reverse()  # popped from the end: oldest first; leftovers of the last batch go before these
        self.buf = ids + self.buf


# -- bulk insert: per-session triggers ------------------------------------------------------
_NEW_REF = re.compile(r"\bNEW\s*\.\s*(\w+)", re.IGNORECASE)
_CONST_SET = re.compile(r"^\s*UPDATE\s+\w+\s+SET\s+\w+\s*=\s*'[^']*'\s+WHERE\b", re.IGNORECASE)
GROUP_COLUMNS = frozenset({"session_id", "provisional"})


def suspend_sample_triggers(ws: Workspace) -> list[str]:
    """Drop (inside the open transaction) the AFTER INSERT triggers of metric_samples that act per session.

    A per-row trigger halves bulk-insert speed. A trigger qualifies only when its condition and
    body read nothing of the new row but ``session_id`` / ``provisional`` and its body sets
    constants (idempotent): firing it once per (session, provisional) group then has exactly the
    effect of firing it for every row, which ``restore_triggers`` + one held-back row per group
    provide. Returns the CREATE statements to restore; a rollback restores them as well.
    """
    if has_delete_triggers(ws):
        return []
    suspended = []
    for name, sql in ws.conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'metric_samples'").fetchall():
        head, _, body = sql.partition(" BEGIN")
        statements = [s for s in body.rsplit("END", 1)[0].split(";") if s.strip()]
        refs = {m.lower() for m in _NEW_REF.findall(sql)}
        if "AFTER INSERT" not in head.upper() or not refs <= GROUP_COLUMNS or not statements \
                or not all(_CONST_SET.match(s) for s in statements) or "OLD." in sql.upper():
            continue
        ws.conn.execute(f'DROP TRIGGER "{name}"')
        suspended.append(sql)
    return suspended


def restore_triggers(ws: Workspace, statements: list[str]) -> None:
    for sql in statements:
        ws.conn.execute(sql)


def has_delete_triggers(ws: Workspace) -> bool:
    sqls = [r[0] for r in ws.conn.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'metric_samples'")]
    return any(_DELETE_ON.search(sql or "") for sql in sqls)


_DELETE_ON = re.compile(r"\bDELETE\s+ON\b", re.IGNORECASE)


def fire_insert_triggers(ws: Workspace, groups: set[tuple[str, int]], now_iso: str) -> None:
    """Give restored per-session triggers their one firing per (session, provisional) group.

    A placeholder sample is inserted (the triggers fire) and deleted again in the same
    transaction; the suspension only ever applies when metric_samples has no delete triggers.
    """
    for session_id, provisional in sorted(groups):
        sid = new_id()
        ws.conn.execute(
            "INSERT INTO metric_samples (id, session_id, ts_utc, metric_key, value, source, provisional, as_of,"
            " created_at) VALUES (?, ?, ?, '_import_trigger', NULL, 'system', ?, ?, ?)",
            (sid, session_id, now_iso, provisional, None if provisional else now_iso[:10], now_iso))
        ws.conn.execute("DELETE FROM metric_samples WHERE id = ?", (sid,))


def delete_sample(ws: Workspace, sample_id: str, now: datetime) -> None:
    """Remove a sample this app's follow wrote and can no longer read (tombstoned for merged copies)."""
    ws.conn.execute("DELETE FROM metric_samples WHERE id = ?", (sample_id,))
    ws.conn.execute("INSERT OR REPLACE INTO tombstones (table_name, row_id, deleted_at) VALUES (?,?,?)",
                    ("metric_samples", sample_id, to_iso(now)))


# -- bulk insert: minute rows as JSON batches ------------------------------------------
# One statement inserts a whole batch of minute rows: they travel as one JSON array of
# [id_stem, session_id, ts_utc, value_1, … value_n] and SQLite unpacks each row into one sample
# per non-null value, with the id stem + the value's two-digit column number as the sample id.
# That binds two parameters per batch instead of twelve per sample, builds one list per row in
# Python instead of a tuple per sample, and SQLite holds no GIL for the whole statement, so the
# import thread reads the next rows meanwhile (SampleBatchWriter).
ID_STEM = 34  # characters of a UUID kept as a row's stem; the last two hex digits number its values
_BATCH_SQL = (
    "INSERT INTO metric_samples (id, session_id, ts_utc, metric_key, value, source, provisional, as_of,"
    " product_id, author_id, import_id, created_at)"
    " SELECT id, sid, ts, key, v, ?3, 1, NULL, NULL, ?4, ?5, ?6 FROM ("
    " SELECT json_extract(r.value, '$[0]') || json_extract(k.value, '$[0]') AS id,"
    " json_extract(r.value, '$[1]') AS sid, json_extract(r.value, '$[2]') AS ts, json_extract(k.value, '$[1]') AS key,"
    " json_extract(r.value, json_extract(k.value, '$[2]')) AS v"
    " FROM json_each(?1) AS r CROSS JOIN json_each(?2) AS k) WHERE v IS NOT NULL"
)


def value_suffix(column: int) -> str:
    """What a row's id stem gets for its value in ``column`` (0-based) to make that sample's id."""
    return f"{column:02x}"


def row_columns(keys: list[str]) -> str:
    """The JSON description of a batch's value columns: [id suffix, metric key, JSON path] each."""
    if len(keys) > 256:
        raise ValueError("at most 256 value columns per row")
    return json.dumps([[value_suffix(i), key, f"$[{3 + i}]"] for i, key in enumerate(keys)])


def expand_rows(rows: list, keys: list[str]) -> list[tuple]:
    """The samples of minute rows as (id, session_id, ts_utc, metric_key, value), nulls left out."""
    return [(row[0] + value_suffix(i), row[1], row[2], key, v) for row in rows
            for i, key in enumerate(keys) if (v := row[3 + i]) is not None]


def insert_minute_rows(ws: Workspace, rows: list, keys: list[str], *, columns: str | None = None, source: str,
                       author: str | None, import_id: str | None, created_at: str) -> None:
    """Insert provisional samples of minute rows [id_stem, session_id, ts_utc, value per key…]."""
    try:
        doc = json.dumps(rows, allow_nan=False, separators=(",", ":"))
    except ValueError:  # NaN or infinity has no JSON form: bind these rows' samples one by one
        from desktop_app.storage.samples import INSERT_SQL

        ws.conn.executemany(INSERT_SQL, [(*sample, source, 1, None, None, author, import_id, created_at)
                                         for sample in expand_rows(rows, keys)])
        return
    ws.conn.execute(_BATCH_SQL, (doc, columns or row_columns(keys), source, author, import_id, created_at))


class SampleBatchWriter:
    """Runs a batch writer (``insert_minute_rows``) on one worker thread, at most ``depth`` batches behind.

    The caller must ``drain()`` before it uses the connection itself: the worker is the only
    user of the connection between ``submit`` and ``drain``. Errors (disk full, a lock) are
    raised again in the caller's thread by the next ``submit`` or ``drain``.
    """

    def __init__(self, write: Callable[[list], None], *, background: bool = True, depth: int = 2) -> None:
        self._write = write
        self._background = background
        self._jobs: queue.Queue = queue.Queue(maxsize=depth)
        self._error: BaseException | None = None
        self._thread: threading.Thread | None = None

    def submit(self, batch: list) -> None:
        self._raise_error()
        if not self._background:
            self._write(batch)
            return
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="import-writer", daemon=True)
            self._thread.start()
        self._jobs.put(batch)

    def drain(self) -> None:
        if self._thread is not None:
            self._jobs.join()
        self._raise_error()

    def stop(self) -> None:
        """Wait for the batch in hand (then no other thread uses the connection) and end the worker."""
        if self._thread is not None:
            self._jobs.join()
            self._jobs.put(None)
            self._thread.join()
            self._thread = None

    def _raise_error(self) -> None:
        if self._error is not None:
            error, self._error = self._error, None
            raise error

    def _run(self) -> None:
        while True:
            batch = self._jobs.get()
            try:
                if batch is None:
                    return
                if self._error is None:  # after a failure the rest is skipped: the transaction rolls back
                    self._write(batch)
            except BaseException as exc:  # noqa: BLE001 - raised again in the caller's thread
                self._error = exc
            finally:
                self._jobs.task_done()
