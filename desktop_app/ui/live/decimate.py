"""Min/max pyramid: what the charts hand pyqtgraph, about two points per pixel column.

Level L holds, for every block of 2**L raw points, the minimum and the maximum with their
x positions. Appending a point completes at most one block per level (amortised O(1)),
so a 6 h series at 1 Hz is never rescanned. ``view`` picks the finest level whose blocks in
the visible range fit the pixel width and emits min and max of each block in time order,
which keeps every spike visible (unlike averaging or pyqtgraph's subsampling).
"""

from __future__ import annotations

import numpy as np


class _Buf:
    """A growable float64 array (amortised O(1) append)."""

    __slots__ = ("a", "n")

    def __init__(self, capacity: int = 256) -> None:
        self.a = np.empty(capacity, dtype=np.float64)
        self.n = 0

    def extend(self, values: np.ndarray) -> None:
        need = self.n + len(values)
        if need > len(self.a):
            grown = np.empty(max(need, 2 * len(self.a)), dtype=np.float64)
            grown[:self.n] = self.a[:self.n]
            self.a = grown
        self.a[self.n:need] = values
        self.n = need

    @property
    def view(self) -> np.ndarray:
        return self.a[:self.n]

    def clear(self) -> None:
        self.n = 0


class MinMaxPyramid:
    def __init__(self) -> None:
        self.x = _Buf()
        self.y = _Buf()
        # per level: x of min, min, x of max, max
        self.levels: list[tuple[_Buf, _Buf, _Buf, _Buf]] = []

    def __len__(self) -> int:
        return self.x.n

    def clear(self) -> None:
        self.x.clear()
        self.y.clear()
        self.levels.clear()

    @property
    def last_x(self) -> float | None:
        return float(self.x.a[self.x.n - 1]) if self.x.n else None

    def append(self, x: float, y: float) -> None:
        self.extend(np.array([x], dtype=np.float64), np.array([y], dtype=np.float64))

    def extend(self, xs: np.ndarray, ys: np.ndarray) -> None:
        """Append points (x ascending and not before the last one; callers rebuild otherwise)."""
        xs = np.asarray(xs, dtype=np.float64)
        ys = np.asarray(ys, dtype=np.float64)
        if not len(xs):
            return
        self.x.extend(xs)
        self.y.extend(ys)
        self._cascade()

    def _cascade(self) -> None:
        below_n = self.x.n  # complete "blocks" at level 0 are the raw points
        src = (self.x.view, self.y.view, self.x.view, self.y.view)
        level = 0
        while below_n >= 2:
            if level == len(self.levels):
                self.levels.append((_Buf(), _Buf(), _Buf(), _Buf()))
            dst = self.levels[level]
            done = dst[0].n
            target = below_n // 2
            if target > done:
                self._combine(src, dst, done, target)
            below_n = dst[0].n
            src = tuple(b.view for b in dst)
            level += 1

    @staticmethod
    def _combine(src, dst, start: int, stop: int) -> None:
        xmin, ymin, xmax, ymax = src
        a, b = slice(2 * start, 2 * stop, 2), slice(2 * start + 1, 2 * stop, 2)
        left_min = ymin[a] <= ymin[b]
        left_max = ymax[a] >= ymax[b]
        dst[0].extend(np.where(left_min, xmin[a], xmin[b]))
        dst[1].extend(np.where(left_min, ymin[a], ymin[b]))
        dst[2].extend(np.where(left_max, xmax[a], xmax[b]))
        dst[3].extend(np.where(left_max, ymax[a], ymax[b]))

    def view(self, x0: float, x1: float, columns: int) -> tuple[np.ndarray, np.ndarray]:
        """Points to draw for the x range [x0, x1] on ``columns`` pixel columns (≤ ~2 per column)."""
        x, y = self.x.view, self.y.view
        if not len(x):
            return x, y
        i0 = max(0, int(np.searchsorted(x, x0, "left")) - 1)
        i1 = min(len(x), int(np.searchsorted(x, x1, "right")) + 1)
        n = i1 - i0
        columns = max(1, columns)
        if n <= 2 * columns:
            return x[i0:i1], y[i0:i1]
        level = max(1, int(np.ceil(np.log2(n / columns))))
        level = min(level, len(self.levels))
        size = 1 << level
        lx0, ly0, lx1, ly1 = (b.view for b in self.levels[level - 1])
        b0 = i0 >> level
        b1 = min(len(lx0), (i1 + size - 1) >> level)
        tail_start = max(i0, b1 << level)
        bx0, by0, bx1, by1 = lx0[b0:b1], ly0[b0:b1], lx1[b0:b1], ly1[b0:b1]
        first_min = bx0 <= bx1
        xs = np.empty(2 * len(bx0))
        ys = np.empty(2 * len(bx0))
        xs[0::2] = np.where(first_min, bx0, bx1)
        ys[0::2] = np.where(first_min, by0, by1)
        xs[1::2] = np.where(first_min, bx1, bx0)
        ys[1::2] = np.where(first_min, by1, by0)
        if tail_start < i1:  # the newest points not yet in a complete block
            xs = np.concatenate((xs, x[tail_start:i1]))
            ys = np.concatenate((ys, y[tail_start:i1]))
        return xs, ys

    def value_at(self, xq: float) -> float | None:
        """The last value at or before ``xq`` (for the crosshair)."""
        x = self.x.view
        i = int(np.searchsorted(x, xq, "right")) - 1
        return float(self.y.view[i]) if i >= 0 else None
