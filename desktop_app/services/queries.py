"""Read models shared by the CLI, the UI and exports (GLOSSARY names in JSON)."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from desktop_app.services.context import Context
from desktop_app.storage.sessions import SessionFilter, overdue_runs, session_json_rows


def session_rows(ctx: Context, *, start_from: datetime | None = None, start_to: datetime | None = None,
                 anchor_id: str | None = None, client_id: str | None = None, specialist_id: str | None = None,
                 statuses: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    """Sessions with names and summary, sorted by start (the `liveops sessions --json` shape)."""
    filt = SessionFilter(start_from, start_to, anchor_id, client_id, specialist_id, statuses)
    return [json.loads(text) for text in session_json_rows(ctx.ws, filt)]


def session_rows_json(ctx: Context, filt: SessionFilter) -> list[str]:
    """The same rows as compact JSON text, for output that only passes them on (no parse, no re-encode)."""
    return session_json_rows(ctx.ws, filt)


def overdue_items(ctx: Context) -> list[dict[str, Any]]:
    """Open pre/post checklist runs past due, oldest first: ``{session_id, title, text_zh, text_en, due_at}``."""
    return [dict(r) for r in overdue_runs(ctx.ws, ctx.now())]
