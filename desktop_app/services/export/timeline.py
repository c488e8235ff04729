"""Timeline grid from raw samples: values at interval boundaries, deltas, product windows.

Everything streams: samples arrive from SQL one metric at a time in time order
(``(epoch_ms, value)``), and each metric is one linear sweep over the boundaries held
as a generator, so a 6 h session at 1 sample/s (21,600 boundaries × 8 metrics) never sits
in memory as lists of rows or cells. Times are integer milliseconds so "a sample exactly
on a boundary" is an exact comparison. The interpolation rule is GLOSSARY §4 (the same as
``domain.metrics.value_at``): linear between the last sample ≤ boundary and the first ≥
boundary, both within the tolerance, else None.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

TOLERANCE_MS = 300_000

# Timeline columns in this order when the session has them; gauges show the reading,
# counters show the cumulative value and the per-interval delta.
TIMELINE_KEYS = ("online_viewers", "uv", "pv", "entries", "exits", "product_exposure", "product_clicks",
                 "orders", "buyers", "items_sold", "gmv", "new_followers", "ad_spend", "ad_attributed_gmv")

Sample = tuple[int, float]  # epoch milliseconds, value


@dataclass(frozen=True)
class Grid:
    """Boundaries start, start+step, … ≤ end, plus end itself when the last bucket is partial."""

    start: int
    end: int
    step: int

    def __len__(self) -> int:
        if self.end < self.start or self.step <= 0:
            return 0
        n = (self.end - self.start) // self.step + 1
        return n + (1 if self.start + (n - 1) * self.step < self.end else 0)

    def __iter__(self) -> Iterator[int]:
        if self.end < self.start or self.step <= 0:
            return
        t = self.start
        while t <= self.end:
            yield t
            t += self.step
        if t - self.step < self.end:
            yield self.end


def value_between(prev: Sample | None, nxt: Sample | None, b: int, *, tolerance: int = TOLERANCE_MS,
                  zero_before: int | None = None) -> tuple[float | None, bool]:
    """The value at ``b`` given the last sample before it and the first at or after it."""
    if nxt is not None and nxt[0] == b:
        return nxt[1], False
    if zero_before is not None and b <= zero_before:
        return 0, False
    if prev is None or nxt is None:
        return None, False
    (t0, v0), (t1, v1) = prev, nxt
    if b - t0 > tolerance or t1 - b > tolerance:
        return None, False
    return v0 + (v1 - v0) * (b - t0) / (t1 - t0), True


def values_at(samples: Iterable[Sample], points: Iterable[int], *, tolerance: int = TOLERANCE_MS,
              zero_before: int | None = None) -> Iterator[tuple[float | None, bool]]:
    """(value, interpolated) at each ascending point, consuming ``samples`` (ascending) lazily."""
    it = iter(samples)
    prev: Sample | None = None
    nxt: Sample | None = next(it, None)
    for b in points:
        while nxt is not None and nxt[0] < b:
            prev, nxt = nxt, next(it, None)
        yield value_between(prev, nxt, b, tolerance=tolerance, zero_before=zero_before)


def deltas(cumulative: Iterable[float | None]) -> Iterator[float | None]:
    """Per-interval change; the first row (L0) has none. Decreases are kept (GLOSSARY §1.7)."""
    last: float | None = None
    first = True
    for v in cumulative:
        yield None if first or v is None or last is None else v - last
        first = False
        last = v


@dataclass(frozen=True)
class Window:
    product_id: str
    start: int  # epoch ms
    end: int


def product_windows(switches: Iterable[tuple[int, str]], on_air: int, off_air: int) -> list[Window]:
    """Windows between product-switch events (过款): each product is on screen until the next switch."""
    inside = sorted((t, p) for t, p in switches if on_air <= t < off_air)
    out = []
    for i, (t, pid) in enumerate(inside):
        end = inside[i + 1][0] if i + 1 < len(inside) else off_air
        if end > t:
            out.append(Window(pid, t, end))
    return out
