"""What the export dialog needs to offer: clients of the session, sign-off, usable intervals."""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.domain.enums import PersonRole
from desktop_app.domain.filenames import safe_stem
from desktop_app.messages import current_language
from desktop_app.services import review as review_service
from desktop_app.services.context import Context
from desktop_app.services.export.options import INTERVALS_S
from desktop_app.services.export.report import is_signed, sample_spacing_s, session_clients
from desktop_app.services.lifecycle import get as get_session
from desktop_app.storage import exports as repo


@dataclass(frozen=True)
class SessionExportInfo:
    session_id: str
    title: str
    clients: tuple[tuple[str, str], ...]  # (id, name), primary client first
    signed: bool
    actor_is_lead: bool
    intervals: tuple[int, ...]
    default_lang: str
    suggested_name: str


def sample_interval(ctx: Context, session_id: str) -> int | None:
    """The session's sample rate in whole seconds (the finest timeline interval it supports)."""
    spacing = sample_spacing_s(ctx, session_id)
    return int(spacing) if spacing else None


def export_info(ctx: Context, session_id: str) -> SessionExportInfo:
    s = get_session(ctx, session_id)
    products = repo.list_products(ctx.ws, s.id)
    names = repo.names(ctx.ws, "clients")
    ids = sorted(session_clients(s, products), key=lambda c: (c != s.client_id, names.get(c, c)))
    rate = sample_interval(ctx, s.id) or 1
    role = ctx.ws.query_one("SELECT role FROM people WHERE id = ?", (ctx.actor_id,)) if ctx.actor_id else None
    start = s.on_air_utc or s.scheduled_start_utc
    day = start.strftime("%Y%m%d") if start else ""
    safe = safe_stem(s.title)  # Windows-valid, CJK kept
    return SessionExportInfo(
        s.id, s.title, tuple((c, names.get(c, c)) for c in ids),
        is_signed(str(review_service.signoff_for(ctx.ws, s.id))),
        role is not None and role["role"] == PersonRole.LEAD,
        tuple(i for i in INTERVALS_S if i >= rate), current_language(), f"{day}_{safe}.xlsx")


def export_stats(ctx: Context, session_id: str) -> tuple[int, str | None]:
    return repo.session_export_stats(ctx.ws, session_id)


def filter_choices(ctx: Context) -> dict[str, list[tuple[str, str]]]:
    """Anchors, clients and specialists for the multi-session report's filters (active first, by name)."""
    return {
        "anchors": repo.choice_list(ctx.ws, "anchors"),
        "clients": repo.choice_list(ctx.ws, "clients"),
        "specialists": repo.choice_list(ctx.ws, "people", role="specialist"),
    }
