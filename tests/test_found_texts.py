"""Texts a user reads never show internal keys: checklist item wording in the shipped seeds."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

SEEDS = sorted((Path(__file__).resolve().parent.parent / "db" / "seeds").glob("*.json"))
# An item key such as pre.h4.carryover, or any `code` span: words for a program, not a person.
RAW = re.compile(r"`|\b(?:pre|live|post)\.[a-z0-9_]+\.[a-z0-9_]+")


def _texts(node, path=""):
    if isinstance(node, dict):
        for k, v in node.items():
            if k.startswith(("text", "label", "help", "name")) and isinstance(v, str):
                yield f"{path}.{k}", v
            else:
                yield from _texts(v, f"{path}.{k}")
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _texts(v, f"{path}[{i}]")


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name)
def test_checklist_item_texts_name_no_internal_keys(seed):
    data = json.loads(seed.read_text(encoding="utf-8"))
    texts = list(_texts(data))
    assert texts
    assert [(where, t) for where, t in texts if RAW.search(t)] == []
