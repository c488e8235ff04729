"""Timeline grid from raw samples: values at interval boundaries, deltas, product windows.

Pure functions over epoch seconds, so a 6 h session at 1 sample/s (21,600 boundaries × 8
metrics) is one linear sweep per metric instead of a bisect per cell. The interpolation
rule is GLOSSARY §4 (the same as ``domain.metrics.value_at``): linear between the last
sample ≤ boundary and the first ≥ boundary, both within the tolerance, else None.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

TOLERANCE_S = 300.0

# Timeline columns in this order when the session has them; gauges show the reading,
# counters show the cumulative value and the per-interval delta.
TIMELINE_KEYS = ("online_viewers", "uv", "pv", "entries", "exits", "product_exposure", "product_clicks",
                 "orders", "buyers", "items_sold", "gmv", "new_followers", "ad_spend", "ad_attributed_gmv")


@dataclass
class Series:
    key: str
    times: list[float] = field(default_factory=list)  # epoch seconds, ascending
    values: list[float] = field(default_factory=list)


def boundaries(start: float, end: float, step: float) -> list[float]:
    """start, start+step, … ≤ end, plus end itself when the last bucket is partial."""
    if end < start or step <= 0:
        return []
    n = int((end - start) // step)
    out = [start + k * step for k in range(n + 1)]
    if out[-1] < end:
        out.append(end)
    return out


def values_at(series: Series, points: Sequence[float], *, tolerance: float = TOLERANCE_S,
              zero_before: float | None = None) -> tuple[list[float | None], list[bool]]:
    """Value at each (ascending) point and whether it was interpolated.

    ``zero_before``: counters that start with the session read 0 at L0 when no sample sits there.
    """
    times, vals = series.times, series.values
    n = len(times)
    out: list[float | None] = []
    interp: list[bool] = []
    j = 0
    for b in points:
        while j < n and times[j] < b:
            j += 1
        if j < n and times[j] == b:
            out.append(vals[j])
            interp.append(False)
            continue
        if zero_before is not None and b <= zero_before:
            out.append(0)
            interp.append(False)
            continue
        if j == 0 or j >= n:
            out.append(None)
            interp.append(False)
            continue
        t0, t1 = times[j - 1], times[j]
        if b - t0 > tolerance or t1 - b > tolerance:
            out.append(None)
            interp.append(False)
            continue
        v0, v1 = vals[j - 1], vals[j]
        out.append(v0 + (v1 - v0) * (b - t0) / (t1 - t0))
        interp.append(True)
    return out, interp


def deltas(cumulative: Sequence[float | None]) -> list[float | None]:
    """Per-interval change; the first row (L0) has none. Decreases are kept (GLOSSARY §1.7)."""
    out: list[float | None] = [None]
    for a, b in zip(cumulative, cumulative[1:], strict=False):
        out.append(b - a if a is not None and b is not None else None)
    return out


def sample_spacing(series: Sequence[Series]) -> float | None:
    """The finest typical gap between samples (median per metric, smallest over metrics)."""
    best: float | None = None
    for s in series:
        gaps = sorted(b - a for a, b in zip(s.times, s.times[1:], strict=False) if b > a)
        if gaps:
            median = gaps[len(gaps) // 2]
            best = median if best is None else min(best, median)
    return best


@dataclass(frozen=True)
class Window:
    product_id: str
    start: float
    end: float


def product_windows(switches: Sequence[tuple[float, str]], on_air: float, off_air: float) -> list[Window]:
    """Windows between product-switch events (过款): each product is on screen until the next switch."""
    inside = sorted((t, p) for t, p in switches if on_air <= t < off_air)
    out = []
    for i, (t, pid) in enumerate(inside):
        end = inside[i + 1][0] if i + 1 < len(inside) else off_air
        if end > t:
            out.append(Window(pid, t, end))
    return out


def window_delta(series: Series | None, w: Window, on_air: float) -> float | None:
    if series is None:
        return None
    (a, b), _ = values_at(series, [w.start, w.end], zero_before=on_air)
    return b - a if a is not None and b is not None else None
