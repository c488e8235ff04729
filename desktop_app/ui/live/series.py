"""Chart series of one session: raw samples in, min/max pyramids of plotted values out.

x is epoch seconds (UTC); money is shown in major units. Derived curves follow GLOSSARY:
orders per minute from the ``orders`` counter over a trailing minute, conversion
``buyers / uv`` and overall ROI ``gmv / ad_spend`` each taken with the last known
denominator at or before the numerator's reading (so bulk loads and live appends agree).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from itertools import chain

import numpy as np

from desktop_app.ui.live.decimate import MinMaxPyramid

RAW_KEYS = ("online_viewers", "gmv", "orders", "buyers", "uv", "ad_spend")
CURVES = ("online", "gmv", "orders_per_min", "conversion", "ad_spend", "roi")
RATE_WINDOW_S = 60.0


def iso_to_epoch(values: Iterable[str]) -> np.ndarray:
    """'2026-11-26T02:00:00.000Z' strings → epoch seconds, vectorised.

    Storage always writes this 24-character UTC form, so casting to 23 characters drops the
    'Z' without a Python loop.
    """
    arr = np.asarray(values if isinstance(values, list) else list(values), dtype="U24").astype("U23")
    return arr.astype("datetime64[ms]").astype(np.int64).astype(np.float64) / 1000.0


class SeriesStore:
    def __init__(self, money_scale: float = 100.0) -> None:
        self.money_scale = money_scale
        self.raw: dict[str, tuple[list[float], list[float]]] = {k: ([], []) for k in RAW_KEYS}
        self.curves: dict[str, MinMaxPyramid] = {k: MinMaxPyramid() for k in CURVES}
        self.out_of_order = False

    def clear(self) -> None:
        for ts, vs in self.raw.values():
            ts.clear()
            vs.clear()
        for p in self.curves.values():
            p.clear()
        self.out_of_order = False

    @property
    def last_x(self) -> float | None:
        xs = [p.last_x for p in self.curves.values() if p.last_x is not None]
        return max(xs) if xs else None

    @property
    def first_x(self) -> float | None:
        xs = [float(p.x.view[0]) for p in self.curves.values() if len(p)]
        return min(xs) if xs else None

    # -- bulk ----------------------------------------------------------------------------------
    def load(self, arrays: dict[str, tuple[np.ndarray, np.ndarray]]) -> None:
        """Replace everything from whole series (sorted by time)."""
        self.clear()
        for key, (t, v) in arrays.items():
            if key in self.raw:
                # tolist(): Python floats at C speed (list() made 130k numpy scalars one by one)
                self.raw[key] = (np.asarray(t, dtype=np.float64).tolist(), np.asarray(v, dtype=np.float64).tolist())
        arr = {k: (np.asarray(t, dtype=np.float64), np.asarray(v, dtype=np.float64)) for k, (t, v) in arrays.items()}
        empty = (np.empty(0), np.empty(0))
        t, v = arr.get("online_viewers", empty)
        self.curves["online"].extend(t, v)
        t, v = arr.get("gmv", empty)
        self.curves["gmv"].extend(t, v / self.money_scale)
        t, v = arr.get("ad_spend", empty)
        self.curves["ad_spend"].extend(t, v / self.money_scale)
        t, v = arr.get("orders", empty)
        if len(t):
            j = np.searchsorted(t, t - RATE_WINDOW_S, "left")
            dt = t - t[j]
            ok = dt > 0
            self.curves["orders_per_min"].extend(t[ok], (v[ok] - v[j][ok]) / dt[ok] * 60.0)
        self._bulk_ratio("conversion", arr.get("buyers", empty), arr.get("uv", empty), 100.0)
        self._bulk_ratio("roi", arr.get("gmv", empty), arr.get("ad_spend", empty), 1.0)

    def _bulk_ratio(self, curve: str, num, den, scale: float) -> None:
        (tn, vn), (td, vd) = num, den
        if not len(tn) or not len(td):
            return
        i = np.searchsorted(td, tn, "right") - 1
        ok = i >= 0
        d = np.where(ok, vd[np.clip(i, 0, None)], 0.0)
        ok &= d > 0
        self.curves[curve].extend(tn[ok], vn[ok] / d[ok] * scale)

    # -- live ----------------------------------------------------------------------------------
    def add_rows(self, rows: list[tuple[str, float, float]]) -> None:
        """Append (key, epoch, value) rows; denominators before numerators at equal times."""
        order = {"uv": 0, "ad_spend": 0}
        for key, t, v in sorted(rows, key=lambda r: (r[1], order.get(r[0], 1))):
            self._add(key, t, v)

    def _add(self, key: str, t: float, v: float) -> None:
        ts, vs = self.raw[key]
        if ts and t < ts[-1]:
            self.out_of_order = True  # a back-dated reading: the caller reloads the session
            return
        ts.append(t)
        vs.append(v)
        if key == "online_viewers":
            self.curves["online"].append(t, v)
        elif key == "gmv":
            self.curves["gmv"].append(t, v / self.money_scale)
            self._ratio("roi", t, v, "ad_spend", 1.0)
        elif key == "ad_spend":
            self.curves["ad_spend"].append(t, v / self.money_scale)
        elif key == "orders":
            j = bisect_left(ts, t - RATE_WINDOW_S)
            if t - ts[j] > 0:
                self.curves["orders_per_min"].append(t, (v - vs[j]) / (t - ts[j]) * 60.0)
        elif key == "buyers":
            self._ratio("conversion", t, v, "uv", 100.0)

    def _ratio(self, curve: str, t: float, num: float, den_key: str, scale: float) -> None:
        td, vd = self.raw[den_key]
        i = bisect_right(td, t) - 1
        if i >= 0 and vd[i] > 0:
            self.curves[curve].append(t, num / vd[i] * scale)


def load_arrays(ws, session_id: str, keys=RAW_KEYS) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """Every plotted raw series of a session as numpy arrays (one index range scan per key)."""
    from desktop_app.storage.live import series_rows

    out: dict[str, tuple[np.ndarray, np.ndarray]] = {}
    for key in keys:
        rows = series_rows(ws, session_id, key)
        if rows:
            flat = np.fromiter(chain.from_iterable(rows), dtype=np.float64, count=2 * len(rows)).reshape(-1, 2)
            # Whole milliseconds, as stored: the same floats iso_to_epoch gives for the ISO text.
            out[key] = (np.round(flat[:, 0], 3), np.ascontiguousarray(flat[:, 1]))
    return out
