"""Checklist engine: schedule runs from a session's item snapshot, report open gates.

Pre runs are due at T + offset, post runs at E + offset; live recurrences and event
triggers create their runs while the session is live.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from desktop_app.domain.enums import Phase, RunStatus, TriggerKind
from desktop_app.domain.models import ChecklistRun, Session, TemplateItem
from desktop_app.services.context import Context
from desktop_app.storage import checklists as repo
from desktop_app.storage.rows import new_id


def _offset_runs(session: Session, items: list[TemplateItem], phase: Phase, base: datetime) -> list[ChecklistRun]:
    runs = []
    for item in items:
        if item.phase != phase or item.trigger.kind != TriggerKind.OFFSET:
            continue
        due = base + timedelta(minutes=item.trigger.minutes or 0)
        runs.append(ChecklistRun(new_id(), session.id, item.key, 1, due, None, RunStatus.OPEN))
    return runs


def schedule_pre_runs(ctx: Context, session: Session) -> None:
    if session.scheduled_start_utc is None:
        return
    items = repo.session_items(ctx.ws, session.id)
    repo.insert_runs(ctx.ws, _offset_runs(session, items, Phase.PRE, session.scheduled_start_utc), ctx.now())


def schedule_post_runs(ctx: Context, session: Session, off_air: datetime) -> None:
    items = repo.session_items(ctx.ws, session.id)
    existing = {r.item_key for r in repo.list_runs(ctx.ws, session.id)}
    runs = [r for r in _offset_runs(session, items, Phase.POST, off_air) if r.item_key not in existing]
    repo.insert_runs(ctx.ws, runs, ctx.now())


def open_required(ctx: Context, session_id: str, phase: Phase) -> list[TemplateItem]:
    """Required items of a phase with an open run: what a gate would hold back."""
    items = {i.key: i for i in repo.session_items(ctx.ws, session_id) if i.phase == phase and i.required}
    open_keys = {r.item_key for r in repo.list_runs(ctx.ws, session_id) if r.status == RunStatus.OPEN}
    return [i for k, i in items.items() if k in open_keys]
