"""GLOSSARY.md metric keys and formulas as pure functions.

Rules kept here: NULL (None) in → None out; a zero or missing denominator → None, never
0/inf/NaN; counters are cumulative raw values; gauges are never summed; money stays in
integer minor units and money ratios are plain floats rounded only for display.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

Number = int | float


@dataclass(frozen=True)
class RawMetric:
    key: str
    kind: str  # "C" counter, "G" gauge, "R" platform-reported
    unit: str  # 人 次 单 件 money s ratio number


def _raw(kind: str, unit: str, *keys: str) -> dict[str, RawMetric]:
    return {k: RawMetric(k, kind, unit) for k in keys}


RAW_METRICS: dict[str, RawMetric] = {
    **_raw("G", "人", "online_viewers"),
    **_raw("C", "人", "uv", "exposure", "uv_paid", "uv_followers"),
    **_raw("C", "次", "pv", "exposure_pv", "entries", "exits"),
    **_raw("C", "s", "watch_seconds_total"),
    **_raw("C", "人", "new_followers", "fan_club_joins", "commenters", "interacting_users"),
    **_raw("C", "次", "comments", "likes", "shares"),
    **_raw("C", "人", "product_exposure", "product_clicks", "buyers", "repeat_buyers"),
    **_raw("C", "次", "product_clicks_pv"),
    **_raw("C", "单", "orders", "refund_orders", "quality_refund_orders"),
    **_raw("C", "件", "items_sold"),
    **_raw("G", "件", "stock_remaining"),
    **_raw("C", "money", "gmv", "refunds_amount", "quality_refunds_amount", "ad_spend", "ad_attributed_gmv"),
    **_raw("C", "次", "ad_impressions"),
    **_raw("R", "s", "avg_watch_seconds_reported"),
    **_raw("R", "人", "avg_online_reported", "peak_online_reported"),
    **_raw("R", "ratio", "gpm_reported", "product_ctr_reported", "view_to_order_rate_reported",
           "refund_rate_reported", "ad_roi_reported", "overall_roi_reported", "entry_rate_reported"),
}

MONEY_KEYS = frozenset(k for k, m in RAW_METRICS.items() if m.unit == "money")
COUNTER_KEYS = frozenset(k for k, m in RAW_METRICS.items() if m.kind == "C")
GAUGE_KEYS = frozenset(k for k, m in RAW_METRICS.items() if m.kind == "G")


def ratio(num: Number | None, den: Number | None, scale: float = 1.0) -> float | None:
    if num is None or den is None or den == 0:
        return None
    try:
        value = num / den * scale
    except OverflowError:
        return None
    # A tiny float denominator can overflow to inf; GLOSSARY §1.3: never 0, ∞ or NaN.
    return value if math.isfinite(value) else None


def diff(a: Number | None, b: Number | None) -> Number | None:
    if a is None or b is None:
        return None
    return a - b


@dataclass(frozen=True)
class DerivedMetric:
    key: str
    unit: str  # ratio | money | number | s
    inputs: tuple[str, ...]
    compute: Callable[..., float | None]


def _d(key: str, unit: str, inputs: tuple[str, ...], fn: Callable[..., float | None]) -> DerivedMetric:
    return DerivedMetric(key, unit, inputs, fn)


DERIVED_METRICS: dict[str, DerivedMetric] = {
    d.key: d
    for d in (
        _d("entry_rate", "ratio", ("uv", "exposure"), ratio),
        _d("entry_rate_pv", "ratio", ("pv", "exposure_pv"), ratio),
        _d("avg_watch_seconds", "s", ("watch_seconds_total", "uv"), ratio),
        _d("views_per_viewer", "number", ("pv", "uv"), ratio),
        _d("interaction_rate", "ratio", ("interacting_users", "uv"), ratio),
        _d("comment_rate", "ratio", ("commenters", "uv"), ratio),
        _d("follow_rate", "ratio", ("new_followers", "uv"), ratio),
        _d("fan_club_rate", "ratio", ("fan_club_joins", "uv"), ratio),
        _d("paid_uv_share", "ratio", ("uv_paid", "uv"), ratio),
        _d("follower_uv_share", "ratio", ("uv_followers", "uv"), ratio),
        _d("product_ctr", "ratio", ("product_clicks", "product_exposure"), ratio),
        _d("product_ctr_uv", "ratio", ("product_clicks", "uv"), ratio),
        _d("click_to_order_rate", "ratio", ("buyers", "product_clicks"), ratio),
        _d("view_to_order_rate", "ratio", ("buyers", "uv"), ratio),
        _d("gmv_per_buyer", "money", ("gmv", "buyers"), ratio),
        _d("gmv_per_order", "money", ("gmv", "orders"), ratio),
        _d("uv_value", "money", ("gmv", "uv"), ratio),
        _d("gpm", "money", ("gmv", "pv"), lambda g, p: ratio(g, p, 1000.0)),
        _d("gpm_uv", "money", ("gmv", "uv"), lambda g, u: ratio(g, u, 1000.0)),
        _d("gmv_per_hour", "money", ("gmv", "duration_seconds"), lambda g, s: ratio(g, s, 3600.0)),
        _d("returning_buyer_share", "ratio", ("repeat_buyers", "buyers"), ratio),
        _d("net_gmv", "money", ("gmv", "refunds_amount"), diff),
        _d("refund_rate", "ratio", ("refunds_amount", "gmv"), ratio),
        _d("refund_rate_orders", "ratio", ("refund_orders", "orders"), ratio),
        _d("quality_refund_rate", "ratio", ("quality_refund_orders", "orders"), ratio),
        _d("quality_refund_rate_amount", "ratio", ("quality_refunds_amount", "gmv"), ratio),
        _d("ad_roi", "number", ("ad_attributed_gmv", "ad_spend"), ratio),
        _d("overall_roi", "number", ("gmv", "ad_spend"), ratio),
        _d("cost_ratio", "ratio", ("ad_spend", "gmv"), ratio),
        _d("cpm", "money", ("ad_spend", "ad_impressions"), lambda s, i: ratio(s, i, 1000.0)),
        _d("cost_per_paid_uv", "money", ("ad_spend", "uv_paid"), ratio),
    )
}

SUMMARY_KEYS = ("duration_seconds", "peak_online_viewers", "avg_online_viewers")
ALL_KEYS = frozenset(RAW_METRICS) | frozenset(DERIVED_METRICS) | frozenset(SUMMARY_KEYS)


def metric_unit(key: str) -> str:
    if key in RAW_METRICS:
        return RAW_METRICS[key].unit
    if key in DERIVED_METRICS:
        return DERIVED_METRICS[key].unit
    return {"duration_seconds": "s", "peak_online_viewers": "人", "avg_online_viewers": "人"}.get(key, "number")


def is_money(key: str) -> bool:
    return metric_unit(key) == "money"


def derive(key: str, values: dict[str, Number | None]) -> float | None:
    d = DERIVED_METRICS[key]
    return d.compute(*(values.get(k) for k in d.inputs))


def derive_all(values: dict[str, Number | None]) -> dict[str, float | None]:
    return {k: derive(k, values) for k in DERIVED_METRICS}


# --- series helpers ------------------------------------------------------------------

Point = tuple[datetime, Number]


def value_at(points: Sequence[Point], boundary: datetime, tolerance: timedelta = timedelta(minutes=5)) -> float | None:
    """Counter value at a boundary by linear interpolation (GLOSSARY §4).

    Uses the last sample ≤ boundary and the first ≥ boundary, both within tolerance;
    otherwise None. ``points`` must be sorted by time.
    """
    times = [p[0] for p in points]
    i = bisect_right(times, boundary) - 1
    j = bisect_left(times, boundary)
    if i < 0 or j >= len(points):
        return None
    (t0, v0), (t1, v1) = points[i], points[j]
    if boundary - t0 > tolerance or t1 - boundary > tolerance:
        return None
    if t1 == t0:
        return float(v1)
    frac = (boundary - t0) / (t1 - t0)
    return v0 + (v1 - v0) * frac


def time_weighted_mean(points: Sequence[Point], start: datetime, end: datetime) -> float | None:
    """Trapezoid mean of a gauge over [start, end]; None with fewer than two samples."""
    inside = [(t, v) for t, v in points if start <= t <= end and v is not None]
    if len(inside) < 2:
        return None
    area = 0.0
    for (t0, v0), (t1, v1) in zip(inside, inside[1:], strict=False):
        area += (v0 + v1) / 2 * (t1 - t0).total_seconds()
    span = (inside[-1][0] - inside[0][0]).total_seconds()
    return area / span if span > 0 else None


def counter_decreases(points: Iterable[Point]) -> list[tuple[datetime, Number]]:
    """Samples whose value fell below the previous one (flag `counter_decrease`)."""
    out, prev = [], None
    for t, v in points:
        if prev is not None and v is not None and v < prev:
            out.append((t, v - prev))
        if v is not None:
            prev = v
    return out
