"""Quick-entry line: a kind prefix, then the text. "g 福袋 88元", "过款 玻尿酸面膜", "!i 推流卡顿".

A leading "!" marks the event internal. Without a known prefix the whole line is a note.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.domain.enums import EventKind

PREFIXES: dict[str, EventKind] = {}
for _kind, _words in {
    EventKind.NOTE: ("n", "note", "备注", "记"),
    EventKind.PRODUCT: ("p", "product", "过款", "讲解"),
    EventKind.GIVEAWAY: ("g", "giveaway", "福袋", "券", "优惠券"),
    EventKind.TRAFFIC: ("t", "traffic", "投流"),
    EventKind.INCIDENT: ("i", "incident", "事故", "异常"),
    EventKind.COMPLIANCE: ("c", "compliance", "违规", "合规"),
    EventKind.MILESTONE: ("m", "milestone", "里程碑"),
}.items():
    for _w in _words:
        PREFIXES[_w] = _kind


@dataclass(frozen=True)
class QuickEntry:
    kind: EventKind
    text: str
    internal: bool


def parse_quick_entry(line: str) -> QuickEntry | None:
    """None for an empty line. Prefix forms: "g text", "g: text", "福袋：text", "福袋 text"."""
    s = (line or "").strip()
    internal = s.startswith(("!", "！"))
    if internal:
        s = s[1:].lstrip()
    if not s:
        return None
    head, sep, rest = s.partition(" ")
    token = head.rstrip(":：")
    colon = head != token
    if not sep and not colon:
        # "福袋：88元" without a space: split on the first colon
        for c in (":", "："):
            if c in head:
                token, _, rest = head.partition(c)
                colon = True
                break
    kind = PREFIXES.get(token.lower())
    if kind is None:
        return QuickEntry(EventKind.NOTE, s, internal)
    # Chinese kind words also carry meaning: keep them in the text ("福袋 88元" → "福袋 88元").
    text = rest.strip()
    if not token.isascii():
        text = f"{token} {text}".strip()
    return QuickEntry(kind, text, internal)
