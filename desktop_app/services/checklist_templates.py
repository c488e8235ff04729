"""Checklist templates: list, edit as a new version, retire items, export/import as JSON.

Every save writes a new version of the template family; sessions keep the item snapshot of
the version they were planned with, so editing or retiring never changes a past session.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from desktop_app.domain.checklist_templates import (
    MAX_NAME,
    TemplateProblem,
    TemplateRejected,
    extend_document,
    template_document,
    validate_items,
    validate_template,
)
from desktop_app.domain.errors import NotFound
from desktop_app.domain.models import ChecklistTemplate, TemplateItem
from desktop_app.messages import Message
from desktop_app.services.context import Changes, Context
from desktop_app.storage import checklists as repo
from desktop_app.storage.rows import new_id

MAX_TEMPLATE_FILE = 5 * 1024 * 1024


@dataclass(frozen=True)
class TemplateInfo:
    id: str
    family_id: str
    name: str
    name_en: str
    version: int
    is_default: bool
    item_count: int
    created_at: str


def list_templates(ctx: Context) -> list[TemplateInfo]:
    """The newest version of each family, default first."""
    return [_info(ctx, r) for r in repo.latest_templates(ctx.ws)]


def versions(ctx: Context, family_id: str) -> list[TemplateInfo]:
    return [_info(ctx, r) for r in repo.family_versions(ctx.ws, family_id)]


def _info(ctx: Context, r) -> TemplateInfo:
    n = ctx.ws.query_one("SELECT count(*) AS n FROM template_items WHERE template_id = ? AND retired = 0",
                         (r["id"],))["n"]
    return TemplateInfo(r["id"], r["family_id"], r["name"], r["name_en"], r["version"], bool(r["is_default"]), n,
                        r["created_at"])


def get_template(ctx: Context, template_id: str) -> ChecklistTemplate:
    t = repo.get_template(ctx.ws, template_id)
    if t is None:
        raise NotFound("error.template.unknown", template=template_id)
    return t


def resolve(ctx: Context, ref: str) -> TemplateInfo:
    """A template by id, family id or name (newest version)."""
    for info in list_templates(ctx):
        if ref in (info.id, info.family_id, info.name, info.name_en) or (len(ref) >= 6 and info.id.startswith(ref)):
            return info
    row = repo.template_row(ctx.ws, ref)
    if row is not None:
        return _info(ctx, row)
    raise NotFound("error.template.unknown", template=ref)


def save_new_version(ctx: Context, template_id: str, items: list[TemplateItem], *, name: str | None = None,
                     name_en: str | None = None) -> tuple[str, Changes]:
    """Save edited items (in this order) as the next version of ``template_id``'s family."""
    problems = validate_items(items)
    name_problem = _name_problem(name)
    if name_problem:
        problems.insert(0, name_problem)
    if problems:
        raise TemplateRejected(problems)
    with ctx.ws.write():
        row = repo.template_row(ctx.ws, template_id)
        if row is None:
            raise NotFound("error.template.unknown", template=template_id)
        new = repo.insert_template(
            ctx.ws, family_id=row["family_id"], name=(name or row["name"]).strip(),
            name_en=(name_en if name_en is not None else row["name_en"]).strip(),
            version=repo.next_version(ctx.ws, row["family_id"]), items=items, now=ctx.now(),
            is_default=bool(row["is_default"]), created_by=ctx.actor_id)
    return new, Changes(templates=True)


def _name_problem(name: str | None) -> TemplateProblem | None:
    if name is None:
        return None
    if not name.strip():
        return TemplateProblem(None, None, Message("template.problem.name_missing"))
    if len(name.strip()) > MAX_NAME:
        return TemplateProblem(None, None, Message("template.problem.name_too_long", {"max": MAX_NAME}))
    return None


def retire_item(ctx: Context, template_id: str, key: str, retired: bool = True) -> tuple[str, Changes]:
    """Retire (or bring back) one item: a new version where it is kept but not used by new sessions."""
    t = get_template(ctx, template_id)
    if key not in {i.key for i in t.items}:
        raise NotFound("error.checklist.item_unknown", item=key)
    items = [replace(i, retired=retired) if i.key == key else i for i in t.items]
    return save_new_version(ctx, template_id, items)


# --- JSON export / import ----------------------------------------------------------------------

def export_document(ctx: Context, template_id: str) -> dict[str, Any]:
    t = get_template(ctx, template_id)
    row = repo.template_row(ctx.ws, template_id)
    return template_document(t.name, t.name_en, t.version, list(t.items), family_id=row["family_id"])


def export_json(ctx: Context, template_id: str, path: Path | str) -> Path:
    """Write the template to ``path`` via a temp file in the same folder, then rename."""
    path = Path(path)
    text = json.dumps(export_document(ctx, template_id), ensure_ascii=False, indent=1) + "\n"
    _write_atomic(path, text.encode("utf-8"))
    return path


def _write_atomic(path: Path, data: bytes) -> None:
    from desktop_app.storage.errors import classify_os_error

    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".part", dir=path.parent)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
        tmp = None
    except OSError as exc:
        raise classify_os_error(exc, path) from exc
    finally:
        if tmp and os.path.exists(tmp):
            os.unlink(tmp)


def read_document(path: Path | str) -> Any:
    """Read a template file; unreadable or non-JSON files become one file-level problem."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_TEMPLATE_FILE:
            raise TemplateRejected([TemplateProblem(None, None, Message(
                "template.problem.file_too_large", {"max_mb": MAX_TEMPLATE_FILE // (1024 * 1024)}))])
        raw = path.read_bytes()
    except OSError as exc:
        raise TemplateRejected([TemplateProblem(None, None, Message(
            "template.problem.unreadable", {"path": str(path), "detail": exc.strerror or str(exc)}))]) from exc
    try:
        return json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        line = getattr(exc, "lineno", None)
        raise TemplateRejected([TemplateProblem(None, None, Message(
            "template.problem.not_json", {"line": line or "?"}))]) from exc


def check_document(data: Any) -> list[TemplateProblem]:
    """Problems of a template document without saving anything (the import preview)."""
    return validate_template(data)[2]


def import_document(ctx: Context, data: Any) -> tuple[str, Changes]:
    """Save a valid template document: a new version of the family with the same name (or
    family id), else a new family. A document with any problem saves nothing."""
    header, items, problems = validate_template(data)
    if problems:
        raise TemplateRejected(problems)
    with ctx.ws.write():
        family = _matching_family(ctx, data, header["name"])
        version = repo.next_version(ctx.ws, family) if family else 1
        template_id = repo.insert_template(
            ctx.ws, family_id=family or new_id(), name=header["name"], name_en=header["name_en"],
            version=version, items=items, now=ctx.now(), created_by=ctx.actor_id,
            is_default=_family_is_default(ctx, family))
    return template_id, Changes(templates=True)


def import_json(ctx: Context, path: Path | str) -> tuple[str, Changes]:
    return import_document(ctx, read_document(path))


def _matching_family(ctx: Context, data: dict[str, Any], name: str) -> str | None:
    family = data.get("family_id")
    if isinstance(family, str) and repo.family_versions(ctx.ws, family):
        return family
    return repo.family_by_name(ctx.ws, name)


def _family_is_default(ctx: Context, family: str | None) -> bool:
    if not family:
        return False
    rows = repo.family_versions(ctx.ws, family)
    return bool(rows and rows[-1]["is_default"])


def load_seed(path: Path) -> dict[str, Any]:
    """A seed document, with ``extends`` resolved against its sibling seed file."""
    data = json.loads(path.read_text(encoding="utf-8"))
    base_name = data.get("extends")
    if base_name:
        data = extend_document(load_seed(path.with_name(base_name)), data)
    return data


def blank_item(phase: str, existing_keys: set[str]) -> TemplateItem:
    """A new item for the editor: a unique key and a sensible trigger for its phase."""
    from desktop_app.domain.enums import OwnerRole, Phase
    from desktop_app.domain.models import Trigger

    n = 1
    while f"{phase}.custom.item{n}" in existing_keys:
        n += 1
    trigger = Trigger("recurrence", every_minutes=30) if phase == Phase.LIVE else \
        Trigger("offset", minutes=-60 if phase == Phase.PRE else 60)
    return TemplateItem(key=f"{phase}.custom.item{n}", phase=Phase(phase), text_zh="", text_en="", trigger=trigger,
                        required=False, owner=OwnerRole.SPECIALIST, client_visible=False)


def validate_or_raise(items: list[TemplateItem]) -> None:
    problems = validate_items(items)
    if problems:
        raise TemplateRejected(problems)



# --- version history ---------------------------------------------------------------------------

# What can differ between two versions of an item, in the order a summary names it.
ITEM_ASPECTS = ("text", "phase", "trigger", "required", "owner", "client_visible", "fields", "ticked_by")


@dataclass(frozen=True)
class VersionDiff:
    """How a version's items differ from the previous version's (by stable key)."""

    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    retired: tuple[str, ...] = ()
    restored: tuple[str, ...] = ()
    changed: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (key, aspects)
    reordered: bool = False

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.retired or self.restored or self.changed or self.reordered)


@dataclass(frozen=True)
class SessionUse:
    session_id: str
    title: str
    status: str
    start: str | None  # ISO UTC: planned start, else actual on-air
    timezone: str


@dataclass(frozen=True)
class VersionEntry:
    info: TemplateInfo
    created_by: str | None  # the person's name
    diff: VersionDiff | None  # None for the first version
    sessions: tuple[SessionUse, ...]


def _aspects(a: TemplateItem, b: TemplateItem) -> tuple[str, ...]:
    out = []
    if (a.text_zh, a.text_en) != (b.text_zh, b.text_en):
        out.append("text")
    for name in ITEM_ASPECTS[1:]:
        if getattr(a, name) != getattr(b, name):
            out.append(name)
    return tuple(out)


def diff_items(old: list[TemplateItem] | tuple[TemplateItem, ...],
               new: list[TemplateItem] | tuple[TemplateItem, ...]) -> VersionDiff:
    before = {i.key: i for i in old}
    after = {i.key: i for i in new}
    common = [k for k in after if k in before]
    return VersionDiff(
        added=tuple(k for k in after if k not in before),
        removed=tuple(k for k in before if k not in after),
        retired=tuple(k for k in common if after[k].retired and not before[k].retired),
        restored=tuple(k for k in common if before[k].retired and not after[k].retired),
        changed=tuple((k, a) for k in common if (a := _aspects(before[k], after[k]))),
        reordered=[k for k in before if k in after] != common,
    )


def version_history(ctx: Context, family_id: str) -> list[VersionEntry]:
    """Every version of a family, newest first: who saved it and when, what changed from the
    version before, and which sessions were planned with it (their snapshots never change)."""
    infos = versions(ctx, family_id)
    infos.sort(key=lambda i: i.version)
    from desktop_app.storage import roster as roster_repo

    names = {p.id: p.name for p in roster_repo.list_people(ctx.ws, include_archived=True)}
    out: list[VersionEntry] = []
    previous = None
    for info in infos:
        t = get_template(ctx, info.id)
        row = repo.template_row(ctx.ws, info.id)
        uses = tuple(SessionUse(r["id"], r["title"], r["status"], r["scheduled_start_utc"] or r["on_air_utc"],
                                r["timezone"])
                     for r in repo.sessions_using_template(ctx.ws, info.id))
        out.append(VersionEntry(info, names.get(row["created_by"]) if row["created_by"] else None,
                                None if previous is None else diff_items(previous.items, t.items), uses))
        previous = t
    out.reverse()
    return out
