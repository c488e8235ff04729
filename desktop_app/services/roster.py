"""Roster: clients, anchors, people, and the one-active-specialist-per-anchor rule."""

from __future__ import annotations

import sqlite3
from datetime import datetime

from desktop_app.domain.enums import PersonRole, Platform
from desktop_app.domain.errors import NotFound, ValidationError, required_text
from desktop_app.domain.models import Anchor, Client, Person
from desktop_app.domain.timeutil import is_valid_timezone, to_iso
from desktop_app.services.context import Changes, Context
from desktop_app.storage import roster as repo
from desktop_app.storage.rows import new_id

MAX_NAME = 80


def _clean_name(ctx: Context, table: str, name: str, field: str, exclude_id: str | None = None) -> str:
    name = required_text(name, field, max_len=MAX_NAME)
    if repo.name_taken(ctx.ws, table, name, exclude_id):
        raise ValidationError("error.name.duplicate", field=field, name=name)
    return name


def _stamp(ctx: Context) -> str:
    return to_iso(ctx.now())


# -- people -----------------------------------------------------------------------
def create_person(ctx: Context, name: str, role: PersonRole | str) -> tuple[Person, Changes]:
    try:
        role = PersonRole(role)
    except ValueError:
        raise ValidationError("error.person.role", field="role", value=role) from None
    with ctx.ws.write():
        name = _clean_name(ctx, "people", name, "name")
        pid, now = new_id(), _stamp(ctx)
        ctx.ws.db["people"].insert({"id": pid, "name": name, "role": str(role), "archived": 0,
                                    "created_at": now, "modified_at": now})
        if repo.list_people(ctx.ws) and ctx.ws.query_one("SELECT default_person_id FROM workspace")[0] is None:
            ctx.ws.conn.execute("UPDATE workspace SET default_person_id = ?", (pid,))
    return Person(pid, name, role), Changes(roster=True)


def update_person(ctx: Context, person_id: str, *, name: str | None = None,
                  role: PersonRole | str | None = None) -> Changes:
    with ctx.ws.write():
        p = _person(ctx, person_id)
        fields = {"modified_at": _stamp(ctx)}
        if name is not None:
            fields["name"] = _clean_name(ctx, "people", name, "name", exclude_id=p.id)
        if role is not None:
            role = PersonRole(role)
            if role == PersonRole.LEAD and _active_anchor_count(ctx, p.id):
                raise ValidationError("error.person.still_assigned", field="role", name=p.name)
            fields["role"] = str(role)
        ctx.ws.db["people"].update(p.id, fields)
    return Changes(roster=True)


def archive_person(ctx: Context, person_id: str, archived: bool = True) -> Changes:
    with ctx.ws.write():
        p = _person(ctx, person_id)
        if archived and _active_anchor_count(ctx, p.id):
            raise ValidationError("error.person.still_assigned", field="archived", name=p.name)
        ctx.ws.db["people"].update(p.id, {"archived": int(archived), "modified_at": _stamp(ctx)})
    return Changes(roster=True)


def _active_anchor_count(ctx: Context, person_id: str) -> int:
    return ctx.ws.query_one("SELECT count(*) FROM assignments WHERE specialist_id = ? AND to_utc IS NULL",
                            (person_id,))[0]


def _person(ctx: Context, person_id: str) -> Person:
    p = repo.get_person(ctx.ws, person_id)
    if p is None:
        raise NotFound("error.person.unknown", person=person_id)
    return p


# -- clients ----------------------------------------------------------------------
def create_client(ctx: Context, name: str) -> tuple[Client, Changes]:
    with ctx.ws.write():
        name = _clean_name(ctx, "clients", name, "name")
        cid, now = new_id(), _stamp(ctx)
        ctx.ws.db["clients"].insert({"id": cid, "name": name, "archived": 0, "created_at": now, "modified_at": now})
    return Client(cid, name), Changes(roster=True)


def update_client(ctx: Context, client_id: str, *, name: str | None = None,
                  archived: bool | None = None) -> Changes:
    with ctx.ws.write():
        c = repo.get_client(ctx.ws, client_id)
        if c is None:
            raise NotFound("error.client.unknown", client=client_id)
        fields: dict = {"modified_at": _stamp(ctx)}
        if name is not None:
            fields["name"] = _clean_name(ctx, "clients", name, "name", exclude_id=c.id)
        if archived is not None:
            fields["archived"] = int(archived)
        ctx.ws.db["clients"].update(c.id, fields)
    return Changes(roster=True)


# -- anchors ----------------------------------------------------------------------
def _check_anchor_fields(ctx: Context, platform, timezone: str, client_id: str | None) -> Platform:
    try:
        platform = Platform(platform)
    except ValueError:
        raise ValidationError("error.anchor.platform", field="platform", value=platform) from None
    if not is_valid_timezone(timezone):
        raise ValidationError("error.timezone.unknown", field="timezone", value=timezone)
    if client_id and repo.get_client(ctx.ws, client_id) is None:
        raise ValidationError("error.client.unknown", field="client", client=client_id)
    return platform


def _check_specialist(ctx: Context, specialist_id: str | None) -> Person:
    if not specialist_id:
        raise ValidationError("error.anchor.no_specialist", field="specialist")
    p = repo.get_person(ctx.ws, specialist_id)
    if p is None or p.archived:
        raise ValidationError("error.person.unknown", field="specialist", person=specialist_id)
    if p.role != PersonRole.SPECIALIST:
        raise ValidationError("error.assignment.not_specialist", field="specialist", name=p.name)
    return p


def create_anchor(ctx: Context, name: str, platform: Platform | str, *, specialist_id: str | None,
                  account_id: str | None = None, client_id: str | None = None,
                  timezone: str = "Asia/Shanghai") -> tuple[Anchor, Changes]:
    with ctx.ws.write():
        name = _clean_name(ctx, "anchors", name, "name")
        platform = _check_anchor_fields(ctx, platform, timezone, client_id)
        _check_specialist(ctx, specialist_id)
        account_id = (account_id or "").strip() or None
        _check_account(ctx, platform, account_id, None)
        aid, now = new_id(), _stamp(ctx)
        ctx.ws.db["anchors"].insert({
            "id": aid, "name": name, "platform": str(platform), "account_id": account_id, "client_id": client_id,
            "timezone": timezone, "archived": 0, "created_at": now, "modified_at": now,
        })
        _start_assignment(ctx, aid, specialist_id, ctx.now())
    return Anchor(aid, name, platform, account_id, client_id, timezone), Changes(roster=True)


def _check_account(ctx: Context, platform: Platform, account_id: str | None, exclude: str | None) -> None:
    if account_id is None:
        return
    r = ctx.ws.query_one("SELECT name FROM anchors WHERE platform = ? AND account_id = ? AND id IS NOT ?",
                         (str(platform), account_id, exclude))
    if r:
        raise ValidationError("error.anchor.account_taken", field="account_id", account=account_id, name=r[0])


def update_anchor(ctx: Context, anchor_id: str, *, name: str | None = None, platform=None,
                  account_id: str | None = None, client_id: str | None = None, timezone: str | None = None,
                  archived: bool | None = None) -> Changes:
    with ctx.ws.write():
        a = repo.get_anchor(ctx.ws, anchor_id)
        if a is None:
            raise NotFound("error.anchor.unknown", anchor=anchor_id)
        platform = _check_anchor_fields(ctx, platform or a.platform, timezone or a.timezone,
                                        client_id if client_id is not None else a.client_id)
        fields: dict = {"modified_at": _stamp(ctx), "platform": str(platform)}
        if name is not None:
            fields["name"] = _clean_name(ctx, "anchors", name, "name", exclude_id=a.id)
        if account_id is not None:
            fields["account_id"] = account_id.strip() or None
            _check_account(ctx, platform, fields["account_id"], a.id)
        if client_id is not None:
            fields["client_id"] = client_id or None
        if timezone is not None:
            fields["timezone"] = timezone
        if archived is not None:
            fields["archived"] = int(archived)
        ctx.ws.db["anchors"].update(a.id, fields)
    return Changes(roster=True)


def assign_specialist(ctx: Context, anchor_id: str, specialist_id: str) -> Changes:
    """End the anchor's current assignment and start a new one; history is kept."""
    with ctx.ws.write():
        if repo.get_anchor(ctx.ws, anchor_id) is None:
            raise NotFound("error.anchor.unknown", anchor=anchor_id)
        _check_specialist(ctx, specialist_id)
        current = repo.active_assignment(ctx.ws, anchor_id)
        if current and current.specialist_id == specialist_id:
            return Changes()
        now = ctx.now()
        if current:
            ctx.ws.conn.execute("UPDATE assignments SET to_utc = ?, modified_at = ? WHERE id = ?",
                                (to_iso(now), to_iso(now), current.id))
        _start_assignment(ctx, anchor_id, specialist_id, now)
    return Changes(roster=True)


def _start_assignment(ctx: Context, anchor_id: str, specialist_id: str, now: datetime) -> None:
    try:
        ctx.ws.db["assignments"].insert({
            "id": new_id(), "anchor_id": anchor_id, "specialist_id": specialist_id, "from_utc": to_iso(now),
            "to_utc": None, "created_at": to_iso(now), "modified_at": to_iso(now),
        })
    except sqlite3.IntegrityError:
        raise ValidationError("error.assignment.second_active", field="specialist") from None


def specialist_of(ctx: Context, anchor_id: str) -> str | None:
    a = repo.active_assignment(ctx.ws, anchor_id)
    return a.specialist_id if a else None
