"""Header texts, number formats and column widths for exports (GLOSSARY §7).

Every header carries the metric's name, its key, its 口径 when it has a variant, and the
basis (实时暂估 / 已结算 as of); money headers carry the currency code.
"""

from __future__ import annotations

import unicodedata

from desktop_app.domain.metrics import DERIVED_METRICS, RAW_METRICS, metric_unit
from desktop_app.domain.money import currency
from desktop_app.messages import msg

# Display decimals where common practice differs from the ISO storage exponent: rupiah
# prices are shown without decimals although ISO 4217 gives IDR an exponent of 2.
DISPLAY_DECIMALS = {"IDR": 0}

# Metrics whose 口径 has variants get the variant named in the header (GLOSSARY §3).
NOTED = ("entry_rate", "product_ctr", "product_ctr_uv", "gpm", "gpm_uv", "refund_rate", "refund_rate_orders",
         "quality_refund_rate", "quality_refund_rate_amount", "avg_online_viewers", "peak_online_viewers",
         "gmv", "ad_roi", "overall_roi", "gmv_per_buyer", "gmv_per_order")

SPECIAL_FORMULAS = {
    "gpm": "gmv / pv × 1000", "gpm_uv": "gmv / uv × 1000", "cpm": "ad_spend / ad_impressions × 1000",
    "gmv_per_hour": "gmv / (duration_seconds / 3600)", "net_gmv": "gmv − refunds_amount",
    "duration_seconds": "off_air_utc − on_air_utc", "peak_online_viewers": "max(online_viewers)",
    "avg_online_viewers": "watch_seconds_total / duration_seconds | time-weighted mean(online_viewers)",
}


def formula(key: str) -> str:
    if key in SPECIAL_FORMULAS:
        return SPECIAL_FORMULAS[key]
    d = DERIVED_METRICS.get(key)
    if d is not None:
        return " / ".join(d.inputs)
    return ""


def kind(key: str) -> str:
    if key in RAW_METRICS:
        return {"C": "counter", "G": "gauge", "R": "reported"}[RAW_METRICS[key].kind]
    return "derived" if key in DERIVED_METRICS else "summary"


def metric_name(key: str, lang: str) -> str:
    return msg(f"metric.{key}", lang=lang)


def note(key: str, lang: str) -> str:
    return msg(f"export.note.{key}", lang=lang) if key in NOTED else ""


def basis_label(basis: str, as_of: str | None, lang: str) -> str:
    if basis == "settled":
        return msg("export.basis.settled_as_of", lang=lang, as_of=as_of or "")
    return msg("basis.provisional", lang=lang)


def metric_header(key: str, lang: str, *, cur: str | None = None, part: str | None = None,
                  basis: str = "provisional", as_of: str | None = None) -> str:
    """e.g. `千次观看成交额 gpm（按观看次数）· 实时暂估 (CNY)`."""
    text = f"{metric_name(key, lang)} {key}"
    n = note(key, lang)
    if n:
        text += msg("export.header.note", lang=lang, note=n)
    if part:
        text += " · " + msg(f"export.part.{part}", lang=lang)
    text += " · " + basis_label(basis, as_of, lang)
    if cur and metric_unit(key) == "money":
        text += f" ({cur})"
    return text


# --- number formats ------------------------------------------------------------------

INT_FORMAT = "#,##0"
DEC_FORMAT = "#,##0.00"
PCT_FORMAT = "0.00%"
SECONDS_FORMAT = "#,##0"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
DATETIME_S_FORMAT = "yyyy-mm-dd hh:mm:ss"
DURATION_FORMAT = "[h]:mm:ss"


def money_decimals(code: str) -> int:
    return DISPLAY_DECIMALS.get(code.upper(), currency(code).exponent)


def money_format(code: str) -> str:
    c = currency(code)
    decimals = money_decimals(code)
    body = "#,##0" + ("." + "0" * decimals if decimals else "")
    symbol = c.symbol.replace('"', "")
    return f'"{symbol}"{body};-"{symbol}"{body}'


def number_format(key: str, code: str) -> str:
    unit = metric_unit(key)
    if unit == "money":
        return money_format(code)
    if unit == "ratio":
        return PCT_FORMAT
    if unit in ("number",):
        return DEC_FORMAT
    if unit == "s":
        return SECONDS_FORMAT
    return INT_FORMAT


def interpolated(fmt: str) -> str:
    """The same format with a `~` in front: interpolated values stay numbers (GLOSSARY §4)."""
    parts = fmt.split(";")
    return ";".join(f'"~"{p}' if not p.startswith("-") else f'-"~"{p[1:]}' for p in parts)


# --- widths ------------------------------------------------------------------------------

def display_width(text: str) -> int:
    """Columns a text needs: CJK and full-width characters count twice."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def column_width(texts, *, minimum: int = 8, maximum: int = 60) -> float:
    widest = max((display_width(str(t)) for t in texts if t is not None), default=0)
    return float(min(maximum, max(minimum, widest + 2)))
