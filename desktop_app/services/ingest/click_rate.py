"""A bare "点击率" / "CTR" header: the product click rate in a live room's file, an ad's CTR in an ad report.

GLOSSARY.md has ``product_ctr_reported`` (商品点击率, the platform's own product click rate) and no key
for an ad's click-through rate (clicks / impressions of an ad). The header alone cannot tell them
apart, so the alias tables map it to the ``CLICK_RATE`` placeholder and the file's context decides:

- an ad report (an ad preset, ad impressions, or ad spend without any live-room audience column):
  the ad's CTR, which has no key: not imported, and the note says why;
- a live room's minute file or per-product data, or a platform's live-room preset: the product
  click rate;
- anything else: not imported, with a note asking the user to map it if it is the product click rate.

The user's mapping (dialog, remembered layout) always wins; each decision is a note in the preview
and the CLI --json.
"""

from __future__ import annotations

from desktop_app.domain import ingest as rules
from desktop_app.messages import Message
from desktop_app.services.ingest.columns import ColumnMap

CLICK_RATE = rules.CLICK_RATE
PRODUCT_CTR = "product_ctr_reported"
# Columns only a live room's data has: their presence says "not an ad report".
ROOM_KEYS = frozenset({"online_viewers", "uv", "pv", "exposure", "exposure_pv", "entries", "exits",
                       "watch_seconds_total", "new_followers", "product_exposure", "product_clicks",
                       "avg_online_reported", "peak_online_reported", "avg_watch_seconds_reported", "gmv"})


def is_ad_report(keys: set[str], preset) -> bool:
    if getattr(preset, "ads", False) or "ad_impressions" in keys:
        return True
    return "ad_spend" in keys and not keys & ROOM_KEYS


def resolve(columns: list[ColumnMap], kind: str | None, preset) -> list[Message]:
    """Give every column still mapped to the placeholder its key (or none); the notes that say so."""
    pending = [c for c in columns if c.key == CLICK_RATE]
    if not pending:
        return []
    keys = {c.key for c in columns if c.key and c.key != CLICK_RATE}
    if is_ad_report(keys, preset):
        key, note = None, "ingest.note.click_rate_ad"
    elif kind in (rules.TIMESERIES, rules.PRODUCTS) or (preset.platform != "other" and preset.kind != "auto"):
        key, note = PRODUCT_CTR, "ingest.note.click_rate_product"
    else:
        key, note = None, "ingest.note.click_rate_unknown"
    notes = []
    for c in pending:
        if key is not None and key in keys:
            owner = next(o for o in columns if o.key == key)
            c.key = None
            notes.append(Message("ingest.note.click_rate_taken", {"header": c.header, "other": owner.header}))
            continue
        c.key = key
        if key:
            keys.add(key)
        notes.append(Message(note, {"header": c.header, "key": PRODUCT_CTR}))
    return notes
