"""Read models shared by the CLI, the UI and exports (GLOSSARY names in JSON)."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from desktop_app.domain.timeutil import to_iso
from desktop_app.services.context import Context


def session_rows(ctx: Context, *, start_from: datetime | None = None, start_to: datetime | None = None,
                 anchor_id: str | None = None, client_id: str | None = None, specialist_id: str | None = None,
                 statuses: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    """Sessions with names and summary, sorted by start; JSON-ready (the `liveops sessions` shape)."""
    where, params = [], []
    start = "COALESCE(s.on_air_utc, s.scheduled_start_utc)"
    if start_from:
        where.append(f"{start} >= ?")
        params.append(to_iso(start_from))
    if start_to:
        where.append(f"{start} < ?")
        params.append(to_iso(start_to))
    for col, val in (("s.anchor_id", anchor_id), ("s.client_id", client_id), ("s.specialist_id", specialist_id)):
        if val:
            where.append(f"{col} = ?")
            params.append(val)
    if statuses:
        where.append(f"s.status IN ({','.join('?' * len(statuses))})")
        params.extend(statuses)
    sql = (
        "SELECT s.*, a.name AS anchor_name, c.name AS client_name, p.name AS specialist_name,"
        " m.kpis_json, m.compliance_json, m.signoff FROM sessions s JOIN anchors a ON a.id = s.anchor_id"
        " LEFT JOIN clients c ON c.id = s.client_id JOIN people p ON p.id = s.specialist_id"
        " LEFT JOIN session_summaries m ON m.session_id = s.id"
        + (" WHERE " + " AND ".join(where) if where else "") + f" ORDER BY {start}, s.created_at"
    )
    return [_row_json(r) for r in ctx.ws.query(sql, tuple(params))]


def _row_json(r) -> dict[str, Any]:
    summary = None
    if r["kpis_json"] is not None:
        summary = {
            "kpis": json.loads(r["kpis_json"]),
            "compliance": json.loads(r["compliance_json"]) if r["compliance_json"] else None,
            "signoff": r["signoff"],
        }
    return {
        "session_id": r["id"],
        "anchor": {"id": r["anchor_id"], "name": r["anchor_name"]},
        "client": {"id": r["client_id"], "name": r["client_name"]} if r["client_id"] else None,
        "specialist": {"id": r["specialist_id"], "name": r["specialist_name"]},
        "platform": r["platform"], "title": r["title"], "status": r["status"], "origin": r["origin"],
        "timezone": r["timezone"], "currency": r["currency"],
        "scheduled_start_utc": r["scheduled_start_utc"], "scheduled_end_utc": r["scheduled_end_utc"],
        "on_air_utc": r["on_air_utc"], "off_air_utc": r["off_air_utc"], "summary": summary,
    }
