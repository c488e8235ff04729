"""Create and open workspaces; seed the default checklist templates."""

from __future__ import annotations

import json
from pathlib import Path

from desktop_app.domain.clock import Clock, SystemClock
from desktop_app.domain.errors import LiveOpsError
from desktop_app.domain.models import WorkspaceInfo
from desktop_app.domain.templates import item_from_json
from desktop_app.domain.timeutil import to_iso
from desktop_app.paths import seeds_dir
from desktop_app.services.context import Context
from desktop_app.storage import checklists as checklist_repo
from desktop_app.storage.rows import new_id
from desktop_app.storage.workspace import WORKSPACE_SUFFIX, Workspace

DEFAULT_TEMPLATE_FAMILY = "default-daily"


def create_workspace(path: Path | str, name: str, *, clock: Clock | None = None,
                     timezone: str = "Asia/Shanghai", currency: str = "CNY") -> Context:
    path = Path(path)
    if path.exists():
        raise LiveOpsError("error.workspace.exists", path=str(path))
    clock = clock or SystemClock()
    ws = Workspace.open(path, create=True)
    ctx = Context(ws, clock)
    with ws.write():
        ws.db["workspace"].insert({
            "singleton": 1, "id": new_id(), "name": name.strip() or path.stem, "default_timezone": timezone,
            "default_currency": currency, "created_at": to_iso(clock.now()), "settings_json": "{}",
        })
        seed_default_templates(ctx)
    return ctx


def open_workspace(path: Path | str, *, clock: Clock | None = None, read_only: bool = False,
                   actor: str | None = None) -> Context:
    ws = Workspace.open(path, read_only=read_only)
    ctx = Context(ws, clock or SystemClock())
    ctx.actor_id = resolve_actor(ctx, actor)
    return ctx


def resolve_actor(ctx: Context, actor: str | None) -> str | None:
    from desktop_app.storage.roster import find_person

    if actor:
        p = find_person(ctx.ws, actor)
        if p is None:
            raise LiveOpsError("error.person.unknown", person=actor)
        return p.id
    return workspace_info(ctx).default_person_id


def workspace_info(ctx: Context) -> WorkspaceInfo:
    r = ctx.ws.query_one("SELECT * FROM workspace")
    if r is None:
        raise LiveOpsError("error.storage.not_workspace", path=str(ctx.ws.path))
    return WorkspaceInfo(r["id"], r["name"], r["default_timezone"], r["default_currency"],
                         r["default_person_id"], ctx.ws.schema_version())


def get_settings(ctx: Context) -> dict:
    r = ctx.ws.query_one("SELECT settings_json FROM workspace")
    return json.loads(r[0]) if r else {}


def update_settings(ctx: Context, **values) -> None:
    with ctx.ws.write():
        settings = get_settings(ctx)
        settings.update(values)
        ctx.ws.conn.execute("UPDATE workspace SET settings_json = ?", (json.dumps(settings, ensure_ascii=False),))


def set_default_person(ctx: Context, person_id: str | None) -> None:
    with ctx.ws.write():
        ctx.ws.conn.execute("UPDATE workspace SET default_person_id = ?", (person_id,))


def seed_default_templates(ctx: Context) -> None:
    """Load every db/seeds/*checklist*.json template that the workspace lacks."""
    from desktop_app.services.checklist_templates import load_seed

    for path in sorted(seeds_dir().glob("*checklists*.json")):
        data = load_seed(path)  # resolves "extends" (大促场 and 新品首发 build on 日常场)
        family = data.get("family_id") or (DEFAULT_TEMPLATE_FAMILY if path.name == "default_checklists.json"
                                           else path.stem)
        exists = ctx.ws.query_one("SELECT 1 FROM checklist_templates WHERE family_id = ?", (family,))
        if exists:
            continue
        checklist_repo.insert_template(
            ctx.ws, family_id=family, name=data["name"], name_en=data.get("name_en", data["name"]),
            version=int(data.get("version", 1)), items=[item_from_json(i) for i in data["items"]],
            now=ctx.now(), is_default=(family == DEFAULT_TEMPLATE_FAMILY),
        )


def suggested_path(folder: Path, name: str) -> Path:
    return folder / f"{name}{WORKSPACE_SUFFIX}"
