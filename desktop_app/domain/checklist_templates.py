"""Validate a checklist template in its JSON form, item by item.

A team shares templates as JSON files; importing one must say exactly which item is wrong
and why, and save nothing when anything is wrong. Each problem names the item (position and
key) and carries a catalog message, so the CLI and the UI show the same words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from desktop_app.domain.checklists import APP_TICKERS, MAX_OFFSET_MINUTES
from desktop_app.domain.enums import Direction, EventKind, FieldType, OwnerRole, Phase, TriggerKind
from desktop_app.domain.errors import LiveOpsError
from desktop_app.domain.metrics import ALL_KEYS, RAW_METRICS
from desktop_app.domain.models import TemplateItem
from desktop_app.domain.templates import item_from_json, item_to_json
from desktop_app.messages import Message

FORMAT = "liveops-checklist-template"
FORMAT_VERSION = 1
MAX_NAME = 60
MAX_ITEM_TEXT = 500
MAX_LABEL = 60
MAX_KEY = 80
MAX_ITEMS = 400
MAX_FIELDS = 40
MAX_CHOICES = 50
MAX_RECURRENCE_MINUTES = 24 * 60
KEY_RE = re.compile(r"^[a-z0-9_]+(\.[a-z0-9_]+)*$")
FIELD_ID_RE = re.compile(r"^[a-z][a-z0-9_]*$")


@dataclass(frozen=True)
class TemplateProblem:
    """One thing wrong with a template: ``index`` is the 1-based item position (None: the file)."""

    index: int | None
    key: str | None
    message: Message

    def text(self, lang: str | None = None) -> str:
        from desktop_app.messages import msg

        body = msg(self.message.key, lang=lang, **self.message.params)
        if self.index is None:
            return body
        return msg("template.problem.item", lang=lang, index=self.index, key=self.key or "?", text=body)


class TemplateRejected(LiveOpsError):
    """A template with problems; nothing of it was saved."""

    def __init__(self, problems: list[TemplateProblem]) -> None:
        super().__init__("error.template.rejected", count=len(problems))
        self.problems = problems

    def text(self, lang: str | None = None) -> str:
        head = super().text(lang)
        return "\n".join([head, *("  " + p.text(lang) for p in self.problems)])


@dataclass
class _Checker:
    problems: list[TemplateProblem] = field(default_factory=list)
    index: int | None = None
    key: str | None = None

    def add(self, msg_key: str, **params: object) -> None:
        self.problems.append(TemplateProblem(self.index, self.key, Message(msg_key, dict(params))))


def validate_template(data: Any) -> tuple[dict[str, Any], list[TemplateItem], list[TemplateProblem]]:
    """Check a whole template document; returns (header, items, problems)."""
    c = _Checker()
    if not isinstance(data, dict):
        c.add("template.problem.not_object")
        return {}, [], c.problems
    fmt = data.get("format", FORMAT)
    if fmt != FORMAT:
        c.add("template.problem.format", value=str(fmt))
    version = data.get("format_version", FORMAT_VERSION)
    if not isinstance(version, int) or version > FORMAT_VERSION:
        c.add("template.problem.format_version", value=str(version), supported=FORMAT_VERSION)
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        c.add("template.problem.name_missing")
    elif len(name.strip()) > MAX_NAME:
        c.add("template.problem.name_too_long", max=MAX_NAME)
    raw_items = data.get("items")
    if not isinstance(raw_items, list) or not raw_items:
        c.add("template.problem.no_items")
        raw_items = []
    elif len(raw_items) > MAX_ITEMS:
        c.add("template.problem.too_many_items", max=MAX_ITEMS)
    items = _check_items(c, raw_items)
    header = {"name": (name or "").strip() if isinstance(name, str) else "",
              "name_en": str(data.get("name_en") or name or "").strip()[:MAX_NAME]}
    return header, items, c.problems


def validate_items(items: list[TemplateItem]) -> list[TemplateProblem]:
    """Check items edited in the app by the same rules as an imported file."""
    c = _Checker()
    _check_items(c, [item_to_json(i) for i in items])
    return c.problems


def _check_items(c: _Checker, raw_items: list[Any]) -> list[TemplateItem]:
    seen: set[str] = set()
    items: list[TemplateItem] = []
    for n, raw in enumerate(raw_items, start=1):
        c.index, c.key = n, raw.get("key") if isinstance(raw, dict) and isinstance(raw.get("key"), str) else None
        before = len(c.problems)
        if not isinstance(raw, dict):
            c.add("template.problem.item_not_object")
            continue
        _check_item(c, raw, seen)
        if len(c.problems) == before:
            items.append(item_from_json(raw))
    c.index = c.key = None
    return items


def _check_item(c: _Checker, d: dict[str, Any], seen: set[str]) -> None:
    key = d.get("key")
    if not isinstance(key, str) or not key:
        c.add("template.problem.key_missing")
    elif len(key) > MAX_KEY or not KEY_RE.match(key):
        c.add("template.problem.key_invalid", value=key)
    elif key in seen:
        c.add("template.problem.key_duplicate", value=key)
    else:
        seen.add(key)
    phase = d.get("phase")
    if phase not in {p.value for p in Phase}:
        c.add("template.problem.phase", value=str(phase))
        phase = None
    for lang_field in ("text_zh", "text_en"):
        text = d.get(lang_field)
        if not isinstance(text, str) or not text.strip():
            c.add("template.problem.text_missing", field=lang_field)
        elif len(text) > MAX_ITEM_TEXT:
            c.add("template.problem.text_too_long", field=lang_field, max=MAX_ITEM_TEXT, length=len(text))
    _check_trigger(c, d.get("trigger"), phase)
    if not isinstance(d.get("required"), bool):
        c.add("template.problem.required")
    if d.get("owner") not in {o.value for o in OwnerRole}:
        c.add("template.problem.owner", value=str(d.get("owner")))
    if not isinstance(d.get("client_visible", False), bool):
        c.add("template.problem.client_visible")
    ticked = d.get("ticked_by")
    if ticked is not None and ticked not in APP_TICKERS:
        c.add("template.problem.ticked_by", value=str(ticked))
    serves = d.get("serves", [])
    if not isinstance(serves, list) or not all(isinstance(s, str) for s in serves):
        c.add("template.problem.serves")
    _check_fields(c, d.get("fields", []))


def _check_trigger(c: _Checker, t: Any, phase: str | None) -> None:
    if not isinstance(t, dict) or t.get("kind") not in {k.value for k in TriggerKind}:
        c.add("template.problem.trigger_kind", value=str(t.get("kind") if isinstance(t, dict) else t))
        return
    kind = t["kind"]
    if kind == TriggerKind.OFFSET:
        _check_offset(c, t.get("minutes"), phase)
    elif kind == TriggerKind.RECURRENCE:
        every = t.get("every_minutes")
        if not isinstance(every, int) or isinstance(every, bool) or every <= 0:
            c.add("template.problem.recurrence", value=str(every))
        elif every > MAX_RECURRENCE_MINUTES:
            c.add("template.problem.recurrence_too_long", value=every, max=MAX_RECURRENCE_MINUTES)
        if phase and phase != Phase.LIVE:
            c.add("template.problem.trigger_phase", kind=kind, phase=phase)
    else:
        if t.get("event_kind") not in {k.value for k in EventKind}:
            c.add("template.problem.event_kind", value=str(t.get("event_kind")))
        if t.get("subtype") is not None and not isinstance(t.get("subtype"), str):
            c.add("template.problem.event_subtype", value=str(t.get("subtype")))
        if phase and phase != Phase.LIVE:
            c.add("template.problem.trigger_phase", kind=kind, phase=phase)


def _check_offset(c: _Checker, minutes: Any, phase: str | None) -> None:
    if not isinstance(minutes, int) or isinstance(minutes, bool):
        c.add("template.problem.offset", value=str(minutes))
    elif abs(minutes) > MAX_OFFSET_MINUTES:
        c.add("template.problem.offset_too_far", value=minutes, max_days=MAX_OFFSET_MINUTES // 1440)
    elif phase == Phase.PRE and minutes > 0:
        c.add("template.problem.offset_pre_after_start", value=minutes)
    elif phase == Phase.POST and minutes < 0:
        c.add("template.problem.offset_post_before_end", value=minutes)
    elif phase == Phase.LIVE:
        c.add("template.problem.trigger_phase", kind="offset", phase=phase)


def _check_fields(c: _Checker, fields: Any) -> None:
    if not isinstance(fields, list):
        c.add("template.problem.fields_not_list")
        return
    if len(fields) > MAX_FIELDS:
        c.add("template.problem.too_many_fields", max=MAX_FIELDS)
    ids: set[str] = set()
    for f in fields:
        if not isinstance(f, dict):
            c.add("template.problem.field_not_object")
            continue
        fid = f.get("id")
        if not isinstance(fid, str) or not FIELD_ID_RE.match(fid) or len(fid) > MAX_KEY:
            c.add("template.problem.field_id", value=str(fid))
        elif fid in ids:
            c.add("template.problem.field_duplicate", value=fid)
        else:
            ids.add(fid)
        _check_field(c, f, str(fid))


def _check_field(c: _Checker, f: dict[str, Any], fid: str) -> None:
    ftype = f.get("type")
    if ftype not in {t.value for t in FieldType}:
        c.add("template.problem.field_type", field_id=fid, value=str(ftype))
    for label in ("label_zh", "label_en"):
        if label in f and (not isinstance(f[label], str) or len(f[label]) > MAX_LABEL):
            c.add("template.problem.field_label", field_id=fid, max=MAX_LABEL)
    low, high = f.get("min"), f.get("max")
    for bound in (low, high):
        if bound is not None and (not isinstance(bound, (int, float)) or isinstance(bound, bool)):
            c.add("template.problem.field_bound", field_id=fid, value=str(bound))
            return
    if low is not None and high is not None and low > high:
        c.add("template.problem.field_range", field_id=fid, min=low, max=high)
    if ftype == FieldType.ENUM:
        choices = f.get("choices")
        if not isinstance(choices, list) or not choices or len(choices) > MAX_CHOICES \
                or not all(isinstance(x, str) and x for x in choices):
            c.add("template.problem.field_choices", field_id=fid)
    metric, target = f.get("metric"), f.get("target")
    if metric is not None and metric not in RAW_METRICS:
        c.add("template.problem.field_metric", field_id=fid, value=str(metric))
    if target is not None and target not in ALL_KEYS:
        c.add("template.problem.field_target", field_id=fid, value=str(target))
    if (metric or target) and ftype not in (FieldType.INT, FieldType.NUMBER, FieldType.MONEY):
        c.add("template.problem.field_metric_type", field_id=fid, value=str(ftype))
    if f.get("direction") is not None and f.get("direction") not in {d.value for d in Direction}:
        c.add("template.problem.field_direction", field_id=fid, value=str(f.get("direction")))


def template_document(name: str, name_en: str, version: int, items: list[TemplateItem],
                      family_id: str | None = None) -> dict[str, Any]:
    """The JSON form a template is exported in (the same form the seeds use)."""
    doc: dict[str, Any] = {"format": FORMAT, "format_version": FORMAT_VERSION, "name": name, "name_en": name_en,
                           "version": version}
    if family_id:
        doc["family_id"] = family_id
    doc["items"] = [item_to_json(i) for i in items]
    return doc


def extend_document(base: dict[str, Any], ext: dict[str, Any]) -> dict[str, Any]:
    """A seed that ``extends`` another: the base's items, minus ``remove``, with ``items`` replacing
    same-key items in place and new ones appended (so 大促场 keeps every 日常场 key)."""
    own = {i["key"]: i for i in ext.get("items", []) if isinstance(i, dict) and "key" in i}
    removed = set(ext.get("remove", []))
    merged = [own.pop(i["key"], i) for i in base.get("items", []) if i.get("key") not in removed]
    merged += [i for i in ext.get("items", []) if isinstance(i, dict) and i.get("key") in own]
    out = {k: v for k, v in ext.items() if k not in ("extends", "remove")}
    out["items"] = merged
    return out
