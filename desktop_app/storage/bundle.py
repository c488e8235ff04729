"""Bundle files (a zip: manifest.json + content.sqlite) and the set-based SQL of a merge.

The content is a plain SQLite file holding the workspace tables (never `workspace`, so
never settings or secrets such as webhook URLs and keys). A merge ATTACHes an extracted,
checksum-verified copy as schema ``b`` and compares rows by primary key.
"""

from __future__ import annotations

import json
import os
import sqlite3
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from desktop_app.domain.errors import LiveOpsError
from desktop_app.domain.timeutil import from_iso
from desktop_app.storage.atomic import sha256_file
from desktop_app.storage.errors import translated
from desktop_app.storage.sessions import SessionFilter
from desktop_app.storage.workspace import Workspace, latest_version

FORMAT = "liveops-bundle"
FORMAT_VERSION = 1
CONTENT = "content.sqlite"
MANIFEST = "manifest.json"


@dataclass(frozen=True)
class TableSpec:
    name: str
    pk: tuple[str, ...]
    session_col: str | None = None  # rows belong to a session (selected by date range)
    modified: bool = True  # has modified_at (else rows are immutable: insert-only)


# Parents before children, so foreign keys hold during inserts.
TABLES: tuple[TableSpec, ...] = (
    TableSpec("people", ("id",)),
    TableSpec("clients", ("id",)),
    TableSpec("anchors", ("id",)),
    TableSpec("assignments", ("id",)),
    TableSpec("checklist_templates", ("id",), modified=False),
    TableSpec("template_items", ("id",), modified=False),
    TableSpec("sessions", ("id",), "id"),
    TableSpec("session_targets", ("session_id", "metric_key"), "session_id"),
    TableSpec("session_items", ("id",), "session_id", modified=False),
    TableSpec("products", ("id",), "session_id"),
    TableSpec("events", ("id",), "session_id"),
    TableSpec("event_audit", ("id",), None, modified=False),
    TableSpec("checklist_runs", ("id",), "session_id"),
    TableSpec("metric_samples", ("id",), "session_id", modified=False),
    TableSpec("reviews", ("session_id",), "session_id"),
    TableSpec("action_items", ("id",), "session_id"),
    TableSpec("attachments", ("id",), "session_id", modified=False),
    TableSpec("audit_log", ("id",), "session_id", modified=False),
    TableSpec("tombstones", ("table_name", "row_id"), modified=False),
)
SPEC = {t.name: t for t in TABLES}

# Where each roster id is referenced, for mapping a bundle's row onto a local one.
REFERENCES = {
    "clients": (("anchors", "client_id"), ("sessions", "client_id"), ("products", "client_id")),
    "anchors": (("assignments", "anchor_id"), ("sessions", "anchor_id")),
    "people": (("assignments", "specialist_id"), ("sessions", "specialist_id"), ("sessions", "created_by"),
               ("checklist_templates", "created_by"), ("events", "author_id"), ("metric_samples", "author_id"),
               ("checklist_runs", "done_by"), ("reviews", "submitted_by"), ("reviews", "approved_by"),
               ("reviews", "modified_by"), ("attachments", "created_by"), ("audit_log", "by_id"),
               ("event_audit", "by_id")),
}


class BundleError(LiveOpsError):
    pass


def columns(conn: sqlite3.Connection, schema: str, table: str) -> list[str]:
    return [r[1] for r in conn.execute(f"PRAGMA {schema}.table_info({table})")]


# -- writing ------------------------------------------------------------------------------------
def _session_filter(start_iso: str | None, end_iso: str | None) -> tuple[str, list]:
    cond, params = SessionFilter(from_iso(start_iso), from_iso(end_iso)).where()
    return (cond or "1"), params


def write_content(ws: Workspace, target: Path, start_iso: str | None, end_iso: str | None) -> dict[str, int]:
    """Copy the selected rows into a new SQLite file; returns row counts per table."""
    conn = ws.conn
    with translated(target):
        conn.execute("ATTACH DATABASE ? AS b", (str(target),))
    counts: dict[str, int] = {}
    try:
        cond, params = _session_filter(start_iso, end_iso)
        conn.execute("BEGIN")
        conn.execute(f"CREATE TABLE b.sel AS SELECT id FROM main.sessions WHERE {cond}", params)
        for t in TABLES:
            cols = ", ".join(columns(conn, "main", t.name))
            if t.name == "event_audit":
                where = " WHERE event_id IN (SELECT id FROM main.events WHERE session_id IN (SELECT id FROM b.sel))"
            elif t.session_col:
                where = f" WHERE {t.session_col} IN (SELECT id FROM b.sel)"
            else:
                where = ""
            conn.execute(f"CREATE TABLE b.{t.name} AS SELECT {cols} FROM main.{t.name}{where}")
            counts[t.name] = conn.execute(f"SELECT count(*) FROM b.{t.name}").fetchone()[0]
        conn.execute("DROP TABLE b.sel")
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    finally:
        conn.execute("DETACH DATABASE b")
    return counts


def write_zip(out: Path, content: Path, manifest: dict) -> None:
    """Temp name in the target folder, then rename: a failed write leaves no half bundle."""
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=out.name + ".", suffix=".part", dir=out.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        with translated(out), zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            zf.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True))
            zf.write(content, CONTENT)
        with translated(out):
            os.replace(tmp, out)
    finally:
        if tmp.exists():
            tmp.unlink()


# -- reading ------------------------------------------------------------------------------------
def read_bundle(path: Path, workdir: Path) -> tuple[dict, Path]:
    """Validate and extract; returns (manifest, content path). Refuses bad input clearly."""
    try:
        with zipfile.ZipFile(path) as zf:
            manifest = json.loads(zf.read(MANIFEST).decode("utf-8"))
            if manifest.get("format") != FORMAT:
                raise BundleError("error.bundle.not_bundle", path=str(path))
            version = int(manifest.get("schema_version", 0))
            if version > latest_version() or int(manifest.get("format_version", 0)) > FORMAT_VERSION:
                raise BundleError("error.bundle.too_new", version=version, supported=latest_version())
            content = workdir / CONTENT
            with zf.open(CONTENT) as src, content.open("wb") as dst:
                for chunk in iter(lambda: src.read(1 << 20), b""):
                    dst.write(chunk)
    except zipfile.BadZipFile as exc:
        if "CRC" in str(exc):
            raise BundleError("error.bundle.checksum", path=str(path)) from exc
        raise BundleError("error.bundle.not_bundle", path=str(path)) from exc
    except (KeyError, ValueError, EOFError) as exc:
        raise BundleError("error.bundle.not_bundle", path=str(path)) from exc
    except OSError as exc:
        if isinstance(exc, FileNotFoundError):
            raise BundleError("error.storage.missing", path=str(path)) from exc
        raise
    if sha256_file(content) != manifest.get("sha256"):
        raise BundleError("error.bundle.checksum", path=str(path))
    return manifest, content
