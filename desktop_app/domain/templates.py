"""Checklist template items to and from their JSON form (db/seeds/default_checklists.json)."""

from __future__ import annotations

from typing import Any

from desktop_app.domain.enums import Direction, OwnerRole, Phase
from desktop_app.domain.models import FieldSpec, TemplateItem, Trigger


def field_from_json(d: dict[str, Any]) -> FieldSpec:
    return FieldSpec(
        id=d["id"], label_zh=d.get("label_zh", d["id"]), label_en=d.get("label_en", d["id"]), type=d["type"],
        unit=d.get("unit"), min=d.get("min"), max=d.get("max"), choices=tuple(d.get("choices") or ()),
        metric=d.get("metric"), target=d.get("target"),
        direction=Direction(d["direction"]) if d.get("direction") else None,
        per_product=bool(d.get("per_product", False)),
    )


def field_to_json(f: FieldSpec) -> dict[str, Any]:
    out: dict[str, Any] = {"id": f.id, "label_zh": f.label_zh, "label_en": f.label_en, "type": f.type}
    for k in ("unit", "min", "max", "metric", "target"):
        if getattr(f, k) is not None:
            out[k] = getattr(f, k)
    if f.choices:
        out["choices"] = list(f.choices)
    if f.direction:
        out["direction"] = str(f.direction)
    if f.per_product:
        out["per_product"] = True
    return out


def trigger_from_json(d: dict[str, Any]) -> Trigger:
    return Trigger(kind=d["kind"], minutes=d.get("minutes"), every_minutes=d.get("every_minutes"),
                   event_kind=d.get("event_kind"), subtype=d.get("subtype"))


def trigger_to_json(t: Trigger) -> dict[str, Any]:
    if t.kind == "offset":
        return {"kind": "offset", "minutes": t.minutes}
    if t.kind == "recurrence":
        return {"kind": "recurrence", "every_minutes": t.every_minutes}
    return {"kind": "event", "event_kind": t.event_kind, "subtype": t.subtype}


def item_from_json(d: dict[str, Any]) -> TemplateItem:
    return TemplateItem(
        key=d["key"], phase=Phase(d["phase"]), text_zh=d["text_zh"], text_en=d["text_en"],
        trigger=trigger_from_json(d["trigger"]), required=bool(d["required"]), owner=OwnerRole(d["owner"]),
        client_visible=bool(d.get("client_visible", False)),
        fields=tuple(field_from_json(f) for f in d.get("fields", [])), serves=tuple(d.get("serves", [])),
        ticked_by=d.get("ticked_by"), retired=bool(d.get("retired", False)),
    )


def item_to_json(i: TemplateItem) -> dict[str, Any]:
    return {
        "key": i.key, "phase": str(i.phase), "text_zh": i.text_zh, "text_en": i.text_en,
        "trigger": trigger_to_json(i.trigger), "required": i.required, "owner": str(i.owner),
        "client_visible": i.client_visible, "serves": list(i.serves), "ticked_by": i.ticked_by,
        "fields": [field_to_json(f) for f in i.fields], **({"retired": True} if i.retired else {}),
    }
