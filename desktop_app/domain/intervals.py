"""Interval report maths (GLOSSARY §5): buckets aligned to L0, boundary values, deltas, rates.

Pure functions over sorted ``(datetime, value)`` series. Counters are read at a bucket
boundary by linear interpolation (GLOSSARY §4); at L0 counters that start with the session
are 0. At the live edge (no sample after the boundary yet) the last reading within the
tolerance stands in and the value is marked approximate (``~``), so a report fired on the
boundary does not have to wait for the next sample.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from desktop_app.domain.metrics import Point, ratio, time_weighted_mean, value_at

INTERVAL_CHOICES = (5, 10, 15, 30, 60)
DEFAULT_INTERVAL = 15
TOLERANCE = timedelta(minutes=5)
# GLOSSARY §5 counter columns plus the flow pair.
DELTA_KEYS = ("gmv", "orders", "buyers", "uv", "pv", "new_followers", "product_clicks", "ad_spend",
              "ad_attributed_gmv", "entries", "exits")
# Counters that start at zero when the session goes on air (§4: never baselines).
ZERO_AT_L0 = frozenset(DELTA_KEYS)


@dataclass(frozen=True)
class Bucket:
    index: int  # 1-based bucket number since L0
    start: datetime
    end: datetime  # the boundary, or "now" for a partial bucket
    minutes: int

    @property
    def partial(self) -> bool:
        return self.end - self.start < timedelta(minutes=self.minutes)

    def previous(self) -> Bucket | None:
        if self.index <= 1:
            return None
        step = timedelta(minutes=self.minutes)
        return Bucket(self.index - 1, self.start - step, self.start, self.minutes)


def bucket_at(on_air: datetime, at: datetime, minutes: int) -> Bucket | None:
    """The bucket a report made at ``at`` covers: the one just completed on a boundary, else the current one."""
    if minutes not in INTERVAL_CHOICES:
        raise ValueError(minutes)
    if at <= on_air:
        return None
    step = timedelta(minutes=minutes)
    k = (at - on_air) // step  # full buckets elapsed
    if on_air + k * step == at:
        k -= 1  # exactly on a boundary: report the bucket that just ended
    start = on_air + k * step
    return Bucket(k + 1, start, min(start + step, at), minutes)


def buckets_until(on_air: datetime, at: datetime, minutes: int) -> list[Bucket]:
    """Every complete bucket between L0 and ``at``."""
    step = timedelta(minutes=minutes)
    n = (at - on_air) // step if at > on_air else 0
    return [Bucket(k + 1, on_air + k * step, on_air + (k + 1) * step, minutes) for k in range(n)]


@dataclass(frozen=True)
class Reading:
    value: float | None
    approx: bool = False  # interpolated or read at the live edge: shown with "~"


def counter_at(points: Sequence[Point], boundary: datetime, on_air: datetime, key: str) -> Reading:
    if boundary <= on_air and key in ZERO_AT_L0:
        return Reading(0.0)
    exact = [v for t, v in points if t == boundary]
    if exact:
        return Reading(float(exact[-1]))
    v = value_at(points, boundary, TOLERANCE)
    if v is not None:
        return Reading(v, True)
    times = [p[0] for p in points]
    i = bisect_right(times, boundary) - 1
    if i >= 0 and bisect_left(times, boundary) >= len(points) and boundary - times[i] <= TOLERANCE:
        return Reading(float(points[i][1]), True)  # live edge
    if i < 0 and key in ZERO_AT_L0 and points and boundary - on_air <= TOLERANCE:
        return Reading(0.0, True)  # before the first reading, shortly after L0
    return Reading(None)


def delta(points: Sequence[Point], bucket: Bucket, on_air: datetime, key: str) -> Reading:
    a = counter_at(points, bucket.start, on_air, key)
    b = counter_at(points, bucket.end, on_air, key)
    if a.value is None or b.value is None:
        return Reading(None)
    return Reading(b.value - a.value, a.approx or b.approx)


@dataclass(frozen=True)
class GaugeStats:
    at_end: float | None
    peak: float | None
    mean: float | None


def gauge_stats(points: Sequence[Point], bucket: Bucket) -> GaugeStats:
    inside = [(t, v) for t, v in points if bucket.start <= t <= bucket.end]
    before = [(t, v) for t, v in points if t <= bucket.end]
    at_end = before[-1][1] if before and bucket.end - before[-1][0] <= TOLERANCE else None
    peak = max((v for _, v in inside), default=None)
    mean = time_weighted_mean(points, bucket.start, bucket.end)
    if mean is None and len(inside) == 1:
        mean = float(inside[0][1])
    return GaugeStats(at_end, peak, mean)


RATE_DEFS = {
    # key: (numerator, denominator, scale)
    "view_to_order_rate": ("buyers", "uv", 1.0),
    "gpm": ("gmv", "pv", 1000.0),
    "overall_roi": ("gmv", "ad_spend", 1.0),
    "ad_roi": ("ad_attributed_gmv", "ad_spend", 1.0),
}


@dataclass(frozen=True)
class PaceStatus:
    target: float  # target value (money in minor units for gmv)
    expected: float  # where the cumulative value should be by now at an even pace
    actual: float | None
    share_of_target: float | None  # actual / target
    bucket_expected: float  # the target's share for one bucket


def pace(target: float, planned: timedelta | None, elapsed: timedelta, bucket_minutes: int,
         actual: float | None) -> PaceStatus | None:
    """Even pace over the planned duration (no duration → no pace)."""
    if planned is None or planned.total_seconds() <= 0 or target <= 0:
        return None
    frac = min(1.0, max(0.0, elapsed / planned))
    per_bucket = target * (timedelta(minutes=bucket_minutes) / planned)
    return PaceStatus(target, target * frac, actual, ratio(actual, target), per_bucket)


@dataclass
class IntervalNumbers:
    bucket: Bucket
    deltas: dict[str, Reading] = field(default_factory=dict)
    previous: dict[str, Reading] = field(default_factory=dict)
    cumulative: dict[str, Reading] = field(default_factory=dict)
    online: GaugeStats = GaugeStats(None, None, None)
    bucket_rates: dict[str, float | None] = field(default_factory=dict)
    cumulative_rates: dict[str, float | None] = field(default_factory=dict)
    net_flow: Reading = Reading(None)
    gmv_pace: PaceStatus | None = None

    @property
    def empty(self) -> bool:
        """Nothing was read in this bucket (no counters at either boundary, no online reading)."""
        return all(r.value is None for r in self.deltas.values()) and self.online.peak is None


def _rates(values: Mapping[str, Reading]) -> dict[str, float | None]:
    return {k: ratio(values.get(n, Reading(None)).value, values.get(d, Reading(None)).value, s)
            for k, (n, d, s) in RATE_DEFS.items()}


def compute(series: Mapping[str, Sequence[Point]], on_air: datetime, at: datetime, minutes: int, *,
            gmv_target: float | None = None, planned: timedelta | None = None) -> IntervalNumbers | None:
    """Everything the interval report says about the bucket reported at ``at``."""
    bucket = bucket_at(on_air, at, minutes)
    if bucket is None:
        return None
    out = IntervalNumbers(bucket)
    prev = bucket.previous()
    for key in DELTA_KEYS:
        pts = series.get(key, ())
        out.deltas[key] = delta(pts, bucket, on_air, key)
        out.previous[key] = delta(pts, prev, on_air, key) if prev else Reading(None)
        out.cumulative[key] = counter_at(pts, bucket.end, on_air, key)
    out.online = gauge_stats(series.get("online_viewers", ()), bucket)
    out.bucket_rates = _rates(out.deltas)
    out.cumulative_rates = _rates(out.cumulative)
    e, x = out.deltas["entries"], out.deltas["exits"]
    if e.value is not None and x.value is not None:
        out.net_flow = Reading(e.value - x.value, e.approx or x.approx)
    if gmv_target:
        out.gmv_pace = pace(gmv_target, planned, bucket.end - on_air, minutes, out.cumulative["gmv"].value)
    return out
