"""Parse numbers as people and platforms write them: 1.2万, 3w, 1,234, ¥5,000.00, 12.3%."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from desktop_app.domain.errors import ValidationError

NULL_TOKENS = frozenset({"", "-", "--", "—", "/", "n/a", "na", "null", "none"})
_MULTIPLIERS = {"万": Decimal(10_000), "w": Decimal(10_000), "亿": Decimal(100_000_000), "k": Decimal(1_000)}
_CURRENCY = re.compile(r"^(?:¥|￥|rmb|cny|rp|\$|us\$|元)\s*|\s*(?:元|rmb|cny)$", re.IGNORECASE)


def parse_number(text: str | int | float | None, *, field: str = "value") -> Decimal | None:
    """A number or None (not collected). Raises ValidationError naming the field."""
    if text is None:
        return None
    if isinstance(text, (int, float)):
        return Decimal(str(text))
    raw = str(text)
    s = raw.strip().replace("\u3000", "").replace("，", ",")
    if s.lower() in NULL_TOKENS:
        return None
    s = _CURRENCY.sub("", s).strip()
    mult = Decimal(1)
    if s and s[-1].lower() in _MULTIPLIERS:
        mult = _MULTIPLIERS[s[-1].lower()]
        s = s[:-1].strip()
    s = s.replace(",", "").replace(" ", "").replace("_", "")
    if not re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)", s):
        raise ValidationError("error.number.invalid", field=field, value=raw)
    try:
        return Decimal(s) * mult
    except InvalidOperation:
        raise ValidationError("error.number.invalid", field=field, value=raw) from None
