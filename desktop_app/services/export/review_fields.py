"""Which 复盘 fields a client may read.

The review feature (services/review.py) owns this rule; until it publishes
``client_facing_fields(fields) -> dict``, the summary alone is client-facing and every
other field (people/goods/place remarks, internal notes) stays internal.
"""

from __future__ import annotations

import importlib
from typing import Any

FALLBACK_CLIENT_FIELDS = ("summary",)


def client_facing_fields(fields: dict[str, Any]) -> dict[str, Any]:
    try:
        review = importlib.import_module("desktop_app.services.review")
    except ImportError:
        review = None
    fn = getattr(review, "client_facing_fields", None)
    if callable(fn):
        return dict(fn(fields))
    return {k: fields[k] for k in FALLBACK_CLIENT_FIELDS if k in fields}
