"""Workspace bundles and merging them: a lead imports each specialist's workspace.

Merging is by UUID and idempotent (a second import finds every row identical and writes
nothing). A bundle row that is newer than the local one replaces it; a local row that is
newer (or as new and different) is a conflict: kept unless the user says otherwise. The
same client/anchor/person created separately on both sides (different ids) is matched by
natural key and mapped onto the local row; a merge that would give an anchor two active
specialists asks which assignment holds. Everything happens in one transaction.
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from desktop_app.domain.errors import LiveOpsError, ValidationError
from desktop_app.domain.timeutil import to_iso
from desktop_app.services.context import Changes, Context
from desktop_app.storage import bundle as repo
from desktop_app.storage import summaries
from desktop_app.storage.bundle import SPEC, TABLES, BundleError, columns
from desktop_app.storage.errors import translated
from desktop_app.storage.workspace import latest_version

POLICIES = ("ask", "keep-local", "take-bundle")
Progress = Callable[[int, int], None] | None
Cancelled = Callable[[], bool] | None


@dataclass
class Conflict:
    table: str
    row_id: str
    local_modified: str | None
    bundle_modified: str | None
    kind: str = "edit"  # edit: both sides differ, local is newer; delete: bundle deleted a locally edited row
    session_id: str | None = None

    @property
    def key(self) -> str:
        return f"{self.table}:{self.row_id}"


@dataclass
class Mapping:
    table: str
    name: str
    local_id: str
    bundle_id: str
    required: bool = False  # same platform account: it cannot be kept separate


@dataclass
class AssignmentConflict:
    anchor_id: str
    anchor_name: str
    local_specialist: str
    bundle_specialist: str
    local_assignment_id: str
    bundle_assignment_id: str


@dataclass
class MergeDecisions:
    on_conflict: str = "ask"
    conflicts: dict[str, str] = field(default_factory=dict)  # Conflict.key -> "local" | "bundle"
    mappings: dict[str, bool] = field(default_factory=dict)  # bundle id -> map onto the local row?
    assignments: dict[str, str] = field(default_factory=dict)  # anchor id -> "local" | "bundle"

    def conflict_choice(self, c: Conflict) -> str | None:
        if c.key in self.conflicts:
            return self.conflicts[c.key]
        return {"keep-local": "local", "take-bundle": "bundle"}.get(self.on_conflict)

    def mapping_choice(self, m: Mapping) -> bool | None:
        if m.required:
            return True
        if m.bundle_id in self.mappings:
            return self.mappings[m.bundle_id]
        return None if self.on_conflict == "ask" else True

    def assignment_choice(self, a: AssignmentConflict) -> str | None:
        if a.anchor_id in self.assignments:
            return self.assignments[a.anchor_id]
        return {"keep-local": "local", "take-bundle": "bundle"}.get(self.on_conflict)


@dataclass
class MergeReport:
    bundle_workspace: str = ""
    inserted: int = 0
    updated: int = 0
    deleted: int = 0
    kept: int = 0  # local rows kept against the bundle (conflicts decided "local")
    unchanged: int = 0
    conflicts: list[Conflict] = field(default_factory=list)
    mappings: list[Mapping] = field(default_factory=list)
    assignment_conflicts: list[AssignmentConflict] = field(default_factory=list)
    per_table: dict[str, dict[str, int]] = field(default_factory=dict)
    sessions: list[str] = field(default_factory=list)
    dry_run: bool = False

    def to_json(self) -> dict[str, Any]:
        d = asdict(self)
        d["conflicts"] = [{**asdict(c), "key": c.key} for c in self.conflicts]
        return d

    def count(self, table: str, what: str, n: int) -> None:
        if n:
            self.per_table.setdefault(table, {}).setdefault(what, 0)
            self.per_table[table][what] += n
            setattr(self, what, getattr(self, what) + n)


class MergeNeedsDecision(LiveOpsError):
    """Conflicts, mappings or assignments need a decision; nothing was merged."""

    def __init__(self, key: str, report: MergeReport, **params: object) -> None:
        super().__init__(key, **params)
        self.report = report


class _DryRun(Exception):
    pass


# -- bundle export --------------------------------------------------------------------------------
def export_bundle(ctx: Context, out: Path, *, date_from: date | None = None, date_to: date | None = None) -> dict:
    """Write a bundle of the workspace (or the sessions starting in [date_from, date_to])."""
    if date_from and date_to and date_from > date_to:
        raise ValidationError("error.bundle.range", field="date_from", start=date_from, end=date_to)
    ws_row = ctx.ws.query_one("SELECT id, name, default_timezone FROM workspace")
    tz = ZoneInfo(ws_row["default_timezone"])
    start = to_iso(datetime.combine(date_from, time.min, tzinfo=tz)) if date_from else None
    end = to_iso(datetime.combine(date_to + timedelta(days=1), time.min, tzinfo=tz)) if date_to else None
    with tempfile.TemporaryDirectory(prefix="liveops-bundle-") as tmp:
        content = Path(tmp) / repo.CONTENT
        counts = repo.write_content(ctx.ws, content, start, end)
        manifest = {
            "format": repo.FORMAT, "format_version": repo.FORMAT_VERSION,
            "schema_version": ctx.ws.schema_version(), "workspace_id": ws_row["id"],
            "workspace_name": ws_row["name"], "created_at": to_iso(ctx.now()), "created_by": ctx.actor_id,
            "from": date_from.isoformat() if date_from else None, "to": date_to.isoformat() if date_to else None,
            "sessions": counts["sessions"], "rows": sum(counts.values()), "counts": counts,
            "content": repo.CONTENT, "sha256": repo.sha256_file(content),
        }
        repo.write_zip(Path(out), content, manifest)
    return manifest


# -- merge ----------------------------------------------------------------------------------------
def merge_bundle(ctx: Context, path: Path, decisions: MergeDecisions | None = None, *, dry_run: bool = False,
                 progress: Progress = None, cancelled: Cancelled = None) -> tuple[MergeReport, Changes]:
    decisions = decisions or MergeDecisions()
    if decisions.on_conflict not in POLICIES:
        raise ValidationError("error.bundle.policy", field="on_conflict", value=decisions.on_conflict)
    with tempfile.TemporaryDirectory(prefix="liveops-merge-") as tmp:
        manifest, content = repo.read_bundle(Path(path), Path(tmp))
        local_id = ctx.ws.query_one("SELECT id FROM workspace")[0]
        if manifest.get("workspace_id") == local_id:
            raise BundleError("error.bundle.same_workspace")
        conn = ctx.ws.conn
        source = str(manifest.get("workspace_id") or "")
        _attach(conn, content, path)
        try:
            _check_content(conn, path)
            report = MergeReport(bundle_workspace=str(manifest.get("workspace_name", "")), dry_run=dry_run)
            _plan(ctx, report, decisions, source)
            if not dry_run and _will_write(conn, report, decisions, source):
                # A checked backup before a merge that changes something (issue 9's service);
                # outside any transaction and without the bundle attached (only main is copied).
                conn.execute("DETACH DATABASE b")
                from desktop_app.services.backup import backup_before

                backup_before(ctx, "merge")
                _attach(conn, content, path)
            try:
                with ctx.ws.write():
                    _apply(ctx, report, decisions, source, progress, cancelled)
                    if dry_run:
                        raise _DryRun
            except _DryRun:
                pass
        finally:
            if any(r[1] == "b" for r in conn.execute("PRAGMA database_list")):
                conn.execute("DETACH DATABASE b")
        shutil.rmtree(tmp, ignore_errors=True)
    if dry_run or not report.sessions and not (report.inserted or report.updated or report.deleted):
        return report, Changes()
    return report, Changes(sessions=frozenset(report.sessions), roster=True, external=True)


def _attach(conn: sqlite3.Connection, content: Path, path: Path) -> None:
    with translated(Path(path)):
        conn.execute("ATTACH DATABASE ? AS b", (str(content),))


def _check_content(conn: sqlite3.Connection, path: Path) -> None:
    try:
        have = {r[0] for r in conn.execute("SELECT name FROM b.sqlite_master WHERE type = 'table'")}
    except sqlite3.DatabaseError as exc:
        raise BundleError("error.bundle.not_bundle", path=str(path)) from exc
    if not all(t.name in have for t in TABLES):
        raise BundleError("error.bundle.not_bundle", path=str(path))


def _common(conn: sqlite3.Connection, table: str) -> list[str]:
    theirs = set(columns(conn, "b", table))
    return [c for c in columns(conn, "main", table) if c in theirs]


def _pk_join(pk: tuple[str, ...], left: str, right: str) -> str:
    return " AND ".join(f"{left}.{c} = {right}.{c}" for c in pk)


def _pk_text(pk: tuple[str, ...], alias: str) -> str:
    return " || '|' || ".join(f"{alias}.{c}" for c in pk)


# -- planning (reads only; mapping rewrites the temporary bundle copy) ----------------------------
def _plan(ctx: Context, report: MergeReport, decisions: MergeDecisions, source: str) -> None:
    conn = ctx.ws.conn
    _plan_mappings(conn, report, decisions)
    for t in TABLES:
        if t.name != "tombstones":
            report.conflicts += _row_conflicts(conn, t.name, source)
    report.conflicts += _tombstone_conflicts(conn, source)
    pending = {(m.bundle_id, m.local_id) for m in report.mappings
               if m.table == "people" and decisions.mapping_choice(m) is None}
    _plan_assignments(conn, report, pending)
    _require_decisions(report, decisions)


def _plan_mappings(conn: sqlite3.Connection, report: MergeReport, decisions: MergeDecisions) -> None:
    queries = {
        "clients": "SELECT c.id, m.id, c.name, 0 FROM b.clients c JOIN main.clients m ON trim(m.name) = trim(c.name)"
                   " WHERE m.id <> c.id AND NOT EXISTS (SELECT 1 FROM main.clients x WHERE x.id = c.id)",
        "people": "SELECT c.id, m.id, c.name, 0 FROM b.people c JOIN main.people m ON trim(m.name) = trim(c.name)"
                  " WHERE m.id <> c.id AND NOT EXISTS (SELECT 1 FROM main.people x WHERE x.id = c.id)",
        "anchors": "SELECT c.id, m.id, c.name, c.account_id IS NOT NULL AND c.account_id = m.account_id"
                   " FROM b.anchors c JOIN main.anchors m ON m.platform = c.platform AND"
                   " ((c.account_id IS NOT NULL AND c.account_id = m.account_id)"
                   " OR ((c.account_id IS NULL OR m.account_id IS NULL) AND trim(m.name) = trim(c.name)))"
                   " WHERE m.id <> c.id AND NOT EXISTS (SELECT 1 FROM main.anchors x WHERE x.id = c.id)",
    }
    _map_templates(conn)
    for table, bundle_id, local_id in conn.execute("SELECT table_name, bundle_id, local_id FROM main.merge_id_map"
                                                   ).fetchall():
        if table in queries:
            _remap(conn, table, bundle_id, local_id)
    for table, sql in queries.items():
        for bundle_id, local_id, name, required in conn.execute(sql).fetchall():
            m = Mapping(table, name, local_id, bundle_id, bool(required))
            report.mappings.append(m)
            if decisions.mapping_choice(m):
                _remap(conn, table, bundle_id, local_id)


def _map_templates(conn: sqlite3.Connection) -> None:
    """Every workspace seeds the same template families: a version both sides have is one template
    (sessions keep their own item snapshot, so only the reference moves)."""
    pairs = conn.execute(
        "SELECT x.id, m.id FROM b.checklist_templates x JOIN main.checklist_templates m"
        " ON m.family_id = x.family_id AND m.version = x.version WHERE m.id <> x.id").fetchall()
    for bundle_id, local_id in pairs:
        conn.execute("UPDATE b.sessions SET template_id = ? WHERE template_id = ?", (local_id, bundle_id))
        conn.execute("DELETE FROM b.template_items WHERE template_id = ?", (bundle_id,))
        conn.execute("DELETE FROM b.checklist_templates WHERE id = ?", (bundle_id,))


def _remap(conn: sqlite3.Connection, table: str, bundle_id: str, local_id: str) -> None:
    for ref_table, col in repo.REFERENCES[table]:
        if col in columns(conn, "b", ref_table):
            conn.execute(f"UPDATE b.{ref_table} SET {col} = ? WHERE {col} = ?", (local_id, bundle_id))
    conn.execute(f"DELETE FROM b.{table} WHERE id = ?", (bundle_id,))


def _differs(cols: list[str]) -> str:
    return "NOT (" + " AND ".join(f"m.{c} IS x.{c}" for c in cols) + ")"


def _unseen(table: str, pk: tuple[str, ...]) -> str:
    """The bundle row changed since the last merge from its source (or was never merged).

    A row still at the version merged before carries nothing new: whatever differs locally
    was changed here since (an approval, a ticked run) and is kept without asking again."""
    return (f" AND NOT EXISTS (SELECT 1 FROM main.merge_seen s WHERE s.source_id = :source"
            f" AND s.table_name = '{table}' AND s.row_key = {_pk_text(pk, 'x')} AND s.modified_at IS x.modified_at)")


def _row_conflicts(conn: sqlite3.Connection, table: str, source: str) -> list[Conflict]:
    t = SPEC[table]
    cols = _common(conn, table)
    mod = "m.modified_at, x.modified_at" if t.modified else "NULL, NULL"
    newer_local = " AND m.modified_at >= x.modified_at" + _unseen(table, t.pk) if t.modified else ""
    sess = f"x.{t.session_col}" if t.session_col else "NULL"
    rows = conn.execute(
        f"SELECT {_pk_text(t.pk, 'x')}, {mod}, {sess} FROM b.{table} x JOIN main.{table} m ON {_pk_join(t.pk, 'm', 'x')}"
        f" WHERE {_differs(cols)}{newer_local}", {"source": source}).fetchall()
    return [Conflict(table, r[0], r[1], r[2], "edit", r[3]) for r in rows]


_NEW_TOMBSTONES = (
    "SELECT table_name, row_id, deleted_at FROM b.tombstones t WHERE NOT EXISTS"
    " (SELECT 1 FROM main.tombstones z WHERE z.table_name = t.table_name AND z.row_id = t.row_id)"
    # A deletion merged before whose row was kept here (the local edit won): not asked again.
    " AND NOT EXISTS (SELECT 1 FROM main.merge_seen s WHERE s.source_id = :source AND s.table_name = 'tombstones'"
    " AND s.row_key = t.table_name || '|' || t.row_id AND s.modified_at IS t.deleted_at)")


def _tombstone_conflicts(conn: sqlite3.Connection, source: str) -> list[Conflict]:
    out = []
    for table, row_id, deleted_at in conn.execute(_NEW_TOMBSTONES, {"source": source}).fetchall():
        if table not in SPEC or SPEC[table].pk != ("id",) or not SPEC[table].modified:
            continue
        r = conn.execute(f"SELECT modified_at FROM main.{table} WHERE id = ?", (row_id,)).fetchone()
        if r is not None and r[0] > deleted_at:
            out.append(Conflict(table, row_id, r[0], deleted_at, "delete"))
    return out


def _plan_assignments(conn: sqlite3.Connection, report: MergeReport, pending: set[tuple[str, str]]) -> None:
    rows = conn.execute(
        "SELECT x.anchor_id, a.name, pm.name, pb.name, m.id, x.id, m.specialist_id = x.specialist_id,"
        " x.specialist_id, m.specialist_id"
        " FROM b.assignments x JOIN main.assignments m ON m.anchor_id = x.anchor_id AND m.to_utc IS NULL"
        " JOIN main.anchors a ON a.id = x.anchor_id LEFT JOIN main.people pm ON pm.id = m.specialist_id"
        " LEFT JOIN b.people pb ON pb.id = x.specialist_id"
        " WHERE x.to_utc IS NULL AND m.id <> x.id AND NOT EXISTS (SELECT 1 FROM main.assignments y WHERE y.id = x.id)"
    ).fetchall()
    for anchor_id, anchor, local_name, bundle_name, local_aid, bundle_aid, same, b_spec, m_spec in rows:
        if (b_spec, m_spec) in pending:
            continue  # the same person once the pending mapping is decided; asked about then
        if same:
            # The same specialist on both sides: one active assignment is enough.
            conn.execute("DELETE FROM b.assignments WHERE id = ?", (bundle_aid,))
            continue
        if bundle_name is None:
            r = conn.execute("SELECT name FROM main.people WHERE id = (SELECT specialist_id FROM b.assignments"
                             " WHERE id = ?)", (bundle_aid,)).fetchone()
            bundle_name = r[0] if r else "?"
        report.assignment_conflicts.append(
            AssignmentConflict(anchor_id, anchor, local_name or "?", bundle_name, local_aid, bundle_aid))


def _require_decisions(report: MergeReport, decisions: MergeDecisions) -> None:
    open_mappings = [m for m in report.mappings if decisions.mapping_choice(m) is None]
    if open_mappings:
        raise MergeNeedsDecision("error.bundle.mapping_needed", report, count=len(open_mappings))
    open_assign = [a for a in report.assignment_conflicts if decisions.assignment_choice(a) is None]
    if open_assign:
        a = open_assign[0]
        raise MergeNeedsDecision("error.bundle.assignment_conflict", report, anchor=a.anchor_name,
                                 local=a.local_specialist, bundle=a.bundle_specialist)
    open_conflicts = [c for c in report.conflicts if decisions.conflict_choice(c) is None]
    if open_conflicts:
        raise MergeNeedsDecision("error.bundle.conflicts", report, count=len(open_conflicts))


# -- applying (inside one write transaction) -------------------------------------------------------
def _will_write(conn: sqlite3.Connection, report: MergeReport, decisions: MergeDecisions, source: str) -> bool:
    """Whether applying changes local data (a merge that changes nothing takes no backup)."""
    if report.assignment_conflicts or any(decisions.mapping_choice(m) for m in report.mappings):
        return True
    if any(decisions.conflict_choice(c) == "bundle" for c in report.conflicts):
        return True
    params = {"source": source}
    for t in TABLES:
        if t.name == "tombstones":
            if conn.execute(f"SELECT EXISTS ({_NEW_TOMBSTONES})", params).fetchone()[0]:
                return True
            continue
        cols = _common(conn, t.name)
        if conn.execute(f"SELECT EXISTS (SELECT 1 FROM b.{t.name} x WHERE {_missing(t)})").fetchone()[0]:
            return True
        if t.modified and conn.execute(f"SELECT EXISTS ({_newer_sql(t, cols)})", params).fetchone()[0]:
            return True
    return False


def _missing(t) -> str:
    missing = f"NOT EXISTS (SELECT 1 FROM main.{t.name} m WHERE {_pk_join(t.pk, 'm', 'x')})"
    if t.pk == ("id",):
        missing += (f" AND NOT EXISTS (SELECT 1 FROM main.tombstones z WHERE z.table_name = '{t.name}'"
                    " AND z.row_id = x.id)")
    return missing


def _newer_sql(t, cols: list[str]) -> str:
    """Keys of bundle rows that replace the local row: different, newer, and new since the last merge."""
    return (f"SELECT {_pk_text(t.pk, 'x')} FROM b.{t.name} x JOIN main.{t.name} m ON {_pk_join(t.pk, 'm', 'x')}"
            f" WHERE {_differs(cols)} AND x.modified_at > m.modified_at{_unseen(t.name, t.pk)}")


def _remember_versions(conn: sqlite3.Connection) -> None:
    """Snapshot the bundle's row versions before applying changes them (assignments ended here)."""
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS merge_seen_new (table_name TEXT, row_key TEXT, modified_at TEXT)")
    conn.execute("DELETE FROM temp.merge_seen_new")
    for t in TABLES:
        if t.modified and t.name != "tombstones":
            conn.execute(f"INSERT INTO temp.merge_seen_new SELECT '{t.name}', {_pk_text(t.pk, 'x')}, x.modified_at"
                         f" FROM b.{t.name} x")
    conn.execute("INSERT INTO temp.merge_seen_new SELECT 'tombstones', table_name || '|' || row_id, deleted_at"
                 " FROM b.tombstones")


def _store_versions(conn: sqlite3.Connection, source: str) -> None:
    conn.execute(
        "INSERT INTO main.merge_seen (source_id, table_name, row_key, modified_at)"
        " SELECT ?, table_name, row_key, modified_at FROM temp.merge_seen_new WHERE true"
        " ON CONFLICT (source_id, table_name, row_key) DO UPDATE SET modified_at = excluded.modified_at"
        " WHERE merge_seen.modified_at IS NOT excluded.modified_at", (source,))
    conn.execute("DELETE FROM temp.merge_seen_new")


def _apply(ctx: Context, report: MergeReport, decisions: MergeDecisions, source: str, progress: Progress,
           cancelled: Cancelled) -> None:
    conn = ctx.ws.conn
    now = to_iso(ctx.now())
    touched: set[str] = set()
    _remember_versions(conn)
    conn.executemany("INSERT OR REPLACE INTO main.merge_id_map (table_name, bundle_id, local_id, decided_at)"
                     " VALUES (?,?,?,?)", [(m.table, m.bundle_id, m.local_id, now) for m in report.mappings
                                           if decisions.mapping_choice(m)])
    _apply_assignments(conn, report, decisions, now)
    take = {c.key for c in report.conflicts if decisions.conflict_choice(c) == "bundle"}
    for n, t in enumerate(TABLES):
        if cancelled and cancelled():
            raise BundleError("error.bundle.cancelled")
        if t.name == "tombstones":
            _apply_tombstones(conn, report, take, touched, source)
        else:
            _apply_table(conn, report, t.name, take, touched, source)
        if progress:
            progress(n + 1, len(TABLES) + 1)
    for sid in sorted(touched):
        if conn.execute("SELECT 1 FROM main.sessions WHERE id = ?", (sid,)).fetchone():
            summaries.refresh(ctx.ws, sid, ctx.now())
    _store_versions(conn, source)
    report.sessions = sorted(touched)
    report.kept = sum(1 for c in report.conflicts if c.key not in take)
    if progress:
        progress(len(TABLES) + 1, len(TABLES) + 1)


def _apply_assignments(conn: sqlite3.Connection, report: MergeReport, decisions: MergeDecisions, now: str) -> None:
    for a in report.assignment_conflicts:
        if decisions.assignment_choice(a) == "bundle":
            conn.execute("UPDATE main.assignments SET to_utc = max(from_utc, ?), modified_at = ? WHERE id = ?",
                         (now, now, a.local_assignment_id))
        else:  # the local assignment holds; the bundle's is recorded as ended
            conn.execute("UPDATE b.assignments SET to_utc = max(from_utc, ?), modified_at = ? WHERE id = ?",
                         (now, now, a.bundle_assignment_id))


def _apply_table(conn: sqlite3.Connection, report: MergeReport, table: str, take: set[str],
                 touched: set[str], source: str) -> None:
    t = SPEC[table]
    cols = _common(conn, table)
    col_list = ", ".join(cols)
    missing = _missing(t)
    if t.session_col:
        touched.update(r[0] for r in conn.execute(f"SELECT DISTINCT x.{t.session_col} FROM b.{table} x WHERE {missing}"))
    same = conn.execute(f"SELECT count(*) FROM b.{table} x JOIN main.{table} m ON {_pk_join(t.pk, 'm', 'x')}"
                        f" WHERE NOT {_differs(cols)}").fetchone()[0]
    report.count(table, "unchanged", same)
    cur = conn.execute(f"INSERT INTO main.{table} ({col_list}) SELECT {col_list} FROM b.{table} x WHERE {missing}")
    report.count(table, "inserted", cur.rowcount)
    keys = [r[0] for r in conn.execute(_newer_sql(t, cols), {"source": source})] if t.modified else []
    keys += [c.split(":", 1)[1] for c in take if c.split(":", 1)[0] == table]
    if keys:
        _update_rows(conn, t, cols, keys, touched)
        report.count(table, "updated", len(keys))


def _update_rows(conn: sqlite3.Connection, t, cols: list[str], keys: list[str], touched: set[str]) -> None:
    set_cols = [c for c in cols if c not in t.pk]
    pk_expr = " || '|' || ".join(t.pk)
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS merge_keys (k TEXT PRIMARY KEY)")
    conn.execute("DELETE FROM temp.merge_keys")
    conn.executemany("INSERT OR IGNORE INTO temp.merge_keys VALUES (?)", [(k,) for k in keys])
    if t.session_col:
        touched.update(r[0] for r in conn.execute(
            f"SELECT {t.session_col} FROM b.{t.name} WHERE {pk_expr} IN (SELECT k FROM temp.merge_keys)"))
    conn.execute(
        f"UPDATE main.{t.name} SET ({', '.join(set_cols)}) = (SELECT {', '.join(set_cols)} FROM b.{t.name} x"
        f" WHERE {_pk_join(t.pk, 'x', 'main.' + t.name)}) WHERE {pk_expr} IN (SELECT k FROM temp.merge_keys)")


def _apply_tombstones(conn: sqlite3.Connection, report: MergeReport, take: set[str], touched: set[str],
                      source: str) -> None:
    rows = conn.execute(_NEW_TOMBSTONES, {"source": source}).fetchall()
    conflicts = {c.key for c in report.conflicts if c.kind == "delete"}
    for table, row_id, deleted_at in rows:
        spec = SPEC.get(table)
        if spec is not None and spec.pk == ("id",):
            key = f"{table}:{row_id}"
            if key in conflicts and key not in take:
                continue  # the local edit is newer and the user keeps it
            if spec.session_col:
                r = conn.execute(f"SELECT {spec.session_col} FROM main.{table} WHERE id = ?", (row_id,)).fetchone()
                if r:
                    touched.add(r[0])
            cur = conn.execute(f"DELETE FROM main.{table} WHERE id = ?", (row_id,))
            report.count(table, "deleted", cur.rowcount)
        conn.execute("INSERT OR IGNORE INTO main.tombstones (table_name, row_id, deleted_at) VALUES (?,?,?)",
                     (table, row_id, deleted_at))


def bundle_schema_supported() -> int:
    return latest_version()
