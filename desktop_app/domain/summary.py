"""Session KPIs (GLOSSARY §4) with provisional/settled basis.

Settlement rows (provisional = False, with as_of) supersede realtime values; the latest
as_of wins. The inputs are aggregates (final value per key, peak and time-weighted mean of
online viewers), so storage can gather them with indexed queries instead of loading every
sample; ``aggregate_samples`` builds the same aggregates from a list for pure use.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from desktop_app.domain.enums import Basis
from desktop_app.domain.metrics import DERIVED_METRICS, time_weighted_mean
from desktop_app.domain.models import KpiValue, MetricSample

# KPIs shown in history, CLI and exports (all derived ones are kept too when computable).
HEADLINE_KPIS = (
    "gmv", "orders", "buyers", "uv", "peak_online_viewers", "avg_online_viewers", "duration_seconds",
    "gmv_per_buyer", "uv_value", "gpm", "view_to_order_rate", "product_ctr", "refund_rate",
    "quality_refund_rate", "ad_spend", "overall_roi", "ad_roi", "new_followers",
)


@dataclass
class SampleAggregates:
    realtime_final: dict[str, float] = field(default_factory=dict)
    settled_final: dict[str, tuple[float, str]] = field(default_factory=dict)  # key -> (value, as_of)
    peak_online: float | None = None
    avg_online: float | None = None  # time-weighted mean over [L0, E]


def aggregate_samples(samples: Iterable[MetricSample], on_air: datetime | None,
                      off_air: datetime | None) -> SampleAggregates:
    realtime: dict[str, tuple[datetime, float]] = {}
    settled: dict[str, tuple[str, datetime, float]] = {}
    online: list = []
    for s in samples:
        if s.value is None or s.product_id is not None:
            continue
        if s.provisional:
            if s.metric_key == "online_viewers":
                online.append((s.ts_utc, s.value))
            cur = realtime.get(s.metric_key)
            if cur is None or s.ts_utc >= cur[0]:
                realtime[s.metric_key] = (s.ts_utc, s.value)
        else:
            cur2 = settled.get(s.metric_key)
            if cur2 is None or (s.as_of or "", s.ts_utc) >= (cur2[0], cur2[1]):
                settled[s.metric_key] = (s.as_of or "", s.ts_utc, s.value)
    online.sort(key=lambda p: p[0])
    agg = SampleAggregates(
        realtime_final={k: v for k, (_, v) in realtime.items()},
        settled_final={k: (v, a) for k, (a, _, v) in settled.items()},
        peak_online=max((v for _, v in online), default=None),
    )
    if online and on_air is not None:
        agg.avg_online = time_weighted_mean(online, on_air, off_air or online[-1][0])
    return agg


def compute_kpis(agg: SampleAggregates, on_air: datetime | None, off_air: datetime | None) -> dict[str, KpiValue]:
    kpis: dict[str, KpiValue] = defaultdict(lambda: KpiValue(None, Basis.PROVISIONAL))
    for key, value in agg.realtime_final.items():
        kpis[key] = KpiValue(value, Basis.PROVISIONAL)
    for key, (value, as_of) in agg.settled_final.items():
        kpis[key] = KpiValue(value, Basis.SETTLED, as_of)
    duration = (off_air - on_air).total_seconds() if on_air and off_air and off_air > on_air else None
    kpis["duration_seconds"] = KpiValue(duration, Basis.PROVISIONAL)
    kpis["peak_online_viewers"] = _prefer_settled(kpis, "peak_online_reported", agg.peak_online)
    watch = kpis.get("watch_seconds_total")
    if watch and watch.value is not None and duration:
        kpis["avg_online_viewers"] = KpiValue(watch.value / duration, watch.basis, watch.as_of)
    else:
        kpis["avg_online_viewers"] = _prefer_settled(kpis, "avg_online_reported", agg.avg_online)
    for key, d in DERIVED_METRICS.items():
        inputs = [kpis.get(k) for k in d.inputs]
        value = d.compute(*(i.value if i else None for i in inputs))
        if value is None:
            continue
        settled = [i for i in inputs if i and i.basis == Basis.SETTLED]
        as_of = max((i.as_of or "" for i in settled), default="") or None
        kpis[key] = KpiValue(value, Basis.SETTLED if settled else Basis.PROVISIONAL, as_of)
    return {k: v for k, v in kpis.items() if v.value is not None}


def _prefer_settled(kpis: dict[str, KpiValue], reported_key: str, own: float | None) -> KpiValue:
    reported = kpis.get(reported_key)
    if reported and reported.basis == Basis.SETTLED and reported.value is not None:
        return reported
    return KpiValue(own, Basis.PROVISIONAL)


def kpis_from_samples(samples: Iterable[MetricSample], on_air: datetime | None,
                      off_air: datetime | None) -> dict[str, KpiValue]:
    samples = list(samples)
    return compute_kpis(aggregate_samples(samples, on_air, off_air), on_air, off_air)
