"""Column-mapping presets per platform, loaded from db/seeds/import_presets/*.json (data, not code)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from desktop_app.domain.ingest import AliasIndex, normalize_header
from desktop_app.paths import seeds_dir

GENERIC = "generic"


@dataclass(frozen=True)
class Preset:
    name: str
    platform: str
    label_zh: str
    label_en: str
    kind: str  # "auto" | timeseries | sessions | products
    currency: str | None
    signature: tuple[str, ...]
    ads: bool = False  # an ad-spend report (a bare 点击率 there is the ad's CTR)
    index: AliasIndex = field(compare=False, hash=False, repr=False, default_factory=AliasIndex)

    def label(self, lang: str) -> str:
        return self.label_zh if lang == "zh_CN" else self.label_en


def _folder():
    return seeds_dir() / "import_presets"


@lru_cache(maxsize=1)
def common_aliases() -> tuple[dict, dict]:
    data = json.loads((_folder() / "columns.json").read_text(encoding="utf-8"))
    return data["roles"], data["metrics"]


@lru_cache(maxsize=1)
def presets() -> dict[str, Preset]:
    roles, metrics = common_aliases()
    out: dict[str, Preset] = {}
    for path in sorted(_folder().glob("*.json")):
        if path.name == "columns.json":
            continue
        d = json.loads(path.read_text(encoding="utf-8"))
        index = AliasIndex.build(roles, metrics, d.get("aliases", {}))
        out[d["name"]] = Preset(d["name"], d["platform"], d["label_zh"], d["label_en"], d["kind"], d.get("currency"),
                                tuple(normalize_header(s) for s in d.get("signature", [])), bool(d.get("ads")),
                                index)
    return out


def get(name: str | None) -> Preset | None:
    return presets().get(name or GENERIC)


def detect(header: Sequence[str]) -> Preset:
    """The platform preset whose signature headers the file shares most; generic when none."""
    norms = {normalize_header(h) for h in header if h}
    best, best_score = presets()[GENERIC], 0
    for p in presets().values():
        score = sum(1 for s in p.signature if s in norms)
        if score > best_score and score >= 2:
            best, best_score = p, score
    return best
