"""Quick-entry prefixes (domain)."""

from __future__ import annotations

import pytest

from desktop_app.domain.enums import EventKind
from desktop_app.domain.quick_entry import parse_quick_entry


@pytest.mark.parametrize("line, kind, text, internal", [
    ("g 福袋 88元", EventKind.GIVEAWAY, "福袋 88元", False),
    ("p: 玻尿酸面膜", EventKind.PRODUCT, "玻尿酸面膜", False),
    ("过款 二号链接", EventKind.PRODUCT, "过款 二号链接", False),
    ("福袋：整点", EventKind.GIVEAWAY, "福袋 整点", False),
    ("!i 推流卡顿", EventKind.INCIDENT, "推流卡顿", True),
    ("！投流 提价10%", EventKind.TRAFFIC, "投流 提价10%", True),
    ("m GMV破10万", EventKind.MILESTONE, "GMV破10万", False),
    ("主播喝水", EventKind.NOTE, "主播喝水", False),
    ("good job", EventKind.NOTE, "good job", False),
    ("  ", None, None, None),
])
def test_prefixes(line, kind, text, internal):
    entry = parse_quick_entry(line)
    if kind is None:
        assert entry is None
    else:
        assert (entry.kind, entry.text, entry.internal) == (kind, text, internal)
