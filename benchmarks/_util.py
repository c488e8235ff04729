"""Shared helpers for benchmark scripts: timing and the one output line format."""

from __future__ import annotations

import json
import statistics
import sys
import time
from collections.abc import Callable


def best_of(fn: Callable[[], object], *, repeat: int = 5, min_time: float = 0.0) -> float:
    """Median wall time of ``fn`` in seconds over ``repeat`` runs (after one warm-up)."""
    fn()
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def emit(name: str, value: float, floor: float, unit: str, **extra: object) -> dict:
    """Print one result line; ``ratio`` is value / floor (how far above the raw library we are)."""
    line = {"name": name, "value": round(value, 6), "floor": round(floor, 6),
            "ratio": round(value / floor, 3) if floor > 0 else None, "unit": unit, **extra}
    sys.stdout.write(json.dumps(line, ensure_ascii=False) + "\n")
    sys.stdout.flush()
    return line
