"""An event's edit history: the versions kept in event_audit, read for people (no Qt)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from desktop_app.domain.errors import NotFound
from desktop_app.domain.timeutil import from_iso, local
from desktop_app.messages import msg
from desktop_app.services.context import Context
from desktop_app.storage.rows import loads

FIELDS = ("text", "kind", "ts_utc", "internal", "deleted")


@dataclass(frozen=True)
class FieldChange:
    field: str
    old: object
    new: object


@dataclass(frozen=True)
class Version:
    at: datetime
    by: str  # the person's name, or "" when the change was made without a known person
    action: str  # "edit" or "delete"
    changes: tuple[FieldChange, ...]


def resolve_event_id(ctx: Context, event_id: str) -> str:
    """The full id for an id or a unique short id (its last or first characters, at least 6)."""
    ref = event_id.strip()
    if ref and ctx.ws.query_one("SELECT 1 FROM events WHERE id = ?", (ref,)):
        return ref
    rows = ctx.ws.query("SELECT id FROM events WHERE id LIKE ? || '%' OR id LIKE '%' || ? LIMIT 2",
                        (ref, ref)) if len(ref) >= 6 else []
    if len(rows) == 1:
        return rows[0]["id"]
    raise NotFound("error.event.unknown", event=event_id)


def history(ctx: Context, event_id: str) -> list[Version]:
    """Versions oldest first; only fields that actually changed are listed."""
    eid = resolve_event_id(ctx, event_id)
    rows = ctx.ws.query(
        "SELECT a.action, a.before_json, a.after_json, a.at, p.name FROM event_audit a"
        " LEFT JOIN people p ON p.id = a.by_id WHERE a.event_id = ? ORDER BY a.at, a.rowid", (eid,))
    out = []
    for r in rows:
        before, after = loads(r["before_json"], {}) or {}, loads(r["after_json"], {}) or {}
        changes = tuple(FieldChange(f, before.get(f), after.get(f)) for f in FIELDS if before.get(f) != after.get(f))
        out.append(Version(from_iso(r["at"]), r["name"] or "", r["action"], changes))
    return out


def edited_ids(ctx: Context, session_id: str) -> set[str]:
    """Ids of a session's events that have any audit row: one query for a whole list reload."""
    rows = ctx.ws.query("SELECT DISTINCT a.event_id FROM event_audit a JOIN events e ON e.id = a.event_id"
                        " WHERE e.session_id = ?", (session_id,))
    return {r[0] for r in rows}


def _value(field: str, value: object, tz: str, lang: str | None) -> str:
    if field == "kind":
        return msg(f"event_kind.{value}", lang=lang)
    if field == "ts_utc":
        return local(from_iso(str(value)), tz).strftime("%Y-%m-%d %H:%M:%S")
    if field in ("internal", "deleted"):
        return msg("history.yes" if value else "history.no", lang=lang)
    return str(value or "")


def describe(version: Version, tz: str, lang: str | None = None) -> list[str]:
    """Catalog lines for one version: a heading, then one line per changed field."""
    when = local(version.at, tz).strftime("%Y-%m-%d %H:%M:%S")
    by = version.by or msg("history.unknown_person", lang=lang)
    lines = [msg(f"history.heading.{version.action}", lang=lang, at=when, by=by)]
    for c in version.changes:
        lines.append(msg("history.change", lang=lang, field=msg(f"history.field.{c.field}", lang=lang),
                         old=_value(c.field, c.old, tz, lang), new=_value(c.field, c.new, tz, lang)))
    return lines


def history_text(ctx: Context, event_id: str, tz: str, lang: str | None = None) -> str:
    versions = history(ctx, event_id)
    if not versions:
        return msg("history.none", lang=lang)
    return "\n".join(line for v in versions for line in describe(v, tz, lang))
