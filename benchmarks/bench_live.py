"""Live console benchmarks (issue 5).

- live_hotkey_commit[_6h]_median / _p99: hotkey events (giveaway and product, alternating)
  through services.event_log.log_event (durable commit) vs the floor: raw sqlite3 BEGIN IMMEDIATE
  + INSERT of the same row + COMMIT into the same file (same schema, indexes and triggers; WAL +
  synchronous=FULL); in a fresh session and in a 6 h session holding 130k samples. On the disk
  (the temp folder) every commit waits for an fsync, which ends on a ~4 ms beat here and dominates
  both sides; each commit comes after a random idle time, as a hotkey does (see bench_hotkey).
- live_hotkey_commit_b2b[_6h]_median / _p99: the same, commits back to back.
- live_hotkey_settle[_tmpfs][_6h]: the console's settle() after a product hotkey (the compliance the
  schema marked stale, recomputed 1.5 s after the last keystroke), off the keystroke's path.
- live_hotkey_commit_tmpfs[_6h]_median / _p99: the same pair on a RAM-backed folder (/dev/shm),
  where an fsync costs next to nothing, so what is left is the software: the p99 target of 1 ms is
  judged here. Without /dev/shm the line says why it was skipped (value null).
  Each median line also carries ratio_by_quarter (the ratio of medians in each quarter of the run:
  the spread one run shows under the machine's load) and the CPU-time medians; each p99 line the
  CPU-time p99 of both sides (thread time: without the time the OS gave other processes mid-call,
  which on 2 shared cores puts even the raw insert's wall-time p99 at several ms).
- live_chart_tick_6h: 8 curves × 21,600 points (6 h at 1 Hz), one point appended per curve per
  tick, whole 6 h in view, 1280×800 window repainted offscreen, vs the floor: plain pyqtgraph
  drawing only the last 10 minutes (600 points per curve) the same way.
- live_open_closed_6h: opening a closed 6 h session in the console (events, charts, first
  paint) vs the floor: the same arrays straight from sqlite3 into plain pyqtgraph, painted.
"""

from __future__ import annotations

import json
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np  # noqa: E402

from benchmarks._util import emit  # noqa: E402
from desktop_app.domain.clock import FixedClock  # noqa: E402
from desktop_app.domain.enums import PersonRole, Platform, Source  # noqa: E402
from desktop_app.domain.models import MetricSample  # noqa: E402
from desktop_app.domain.timeutil import to_iso  # noqa: E402
from desktop_app.services import event_log, lifecycle, roster  # noqa: E402
from desktop_app.services.simulator import BroadcastSimulator  # noqa: E402
from desktop_app.services.workspace_service import create_workspace  # noqa: E402
from desktop_app.storage import samples as sample_repo  # noqa: E402
from desktop_app.storage.rows import new_id  # noqa: E402

try:  # present once the review feature's search index is on main
    from desktop_app.storage.fts_text import register as register_sql_functions  # noqa: E402
except ImportError:  # pragma: no cover
    def register_sql_functions(conn) -> None:
        pass

T0 = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)
SIX_H = 6 * 3600
KEYS = ("online_viewers", "gmv", "orders", "buyers", "uv", "ad_spend")


def make_ctx(folder: Path, name: str):
    clock = FixedClock(T0)
    ctx = create_workspace(folder / name, "bench", clock=clock)
    spec, _ = roster.create_person(ctx, "李运营", PersonRole.SPECIALIST)
    anchor, _ = roster.create_anchor(ctx, "小美", Platform.DOUYIN, specialist_id=spec.id)
    ctx.actor_id = spec.id
    session, _ = lifecycle.start_now(ctx, anchor_id=anchor.id, title="基准场")
    return ctx, clock, session


# -- 1. hotkey → durable commit ----------------------------------------------------------------
def fill_six_hours(ctx, session) -> int:
    """130k samples (6 keys × 6 h at 1 Hz), as a live console would have recorded them."""
    arrays = six_hour_arrays(start=T0.timestamp())
    samples = [MetricSample(str(uuid.uuid4()), session.id, datetime.fromtimestamp(ts, UTC), k, int(val),
                            Source.IMPORT, True, None, None, ctx.actor_id)
               for k, (t, v) in arrays.items() for ts, val in zip(t, v, strict=True)]
    with ctx.ws.write():
        sample_repo.insert_samples(ctx.ws, samples, T0)
    return len(samples)


def bench_hotkey(folder: Path, *, six_hours: bool, medium: str = "", modes: tuple[str, ...] = ("", "_b2b")) -> None:
    """Hotkeys (giveaway, product: the latter also opens/ticks its checklist run) vs the raw insert.

    Modes: "" = each commit after a random idle time (0-8 ms, the same draws for both sides): a hotkey
    comes at any moment of the disk's flush cycle, and on this disk an fsync ends on a ~4 ms beat, so
    back to back commits would start just after a beat and hide up to a beat of software time;
    "_b2b" = back to back, one right after the other (what earlier sessions reported)."""
    ctx, clock, session = make_ctx(folder, f"hotkey{int(six_hours)}.liveops")
    n_samples = fill_six_hours(ctx, session) if six_hours else 0
    clock.set(T0 + timedelta(seconds=SIX_H if six_hours else 1))
    raw = sqlite3.connect(ctx.ws.path, isolation_level=None)
    register_sql_functions(raw)  # the schema's triggers call them (full-text index)
    raw.execute("PRAGMA journal_mode=WAL")
    raw.execute("PRAGMA synchronous=FULL")
    raw.execute("PRAGMA foreign_keys=ON")
    sql = ("INSERT INTO events (id, session_id, ts_utc, kind, subtype, text, internal, source, author_id,"
           " product_id, deleted, created_at, modified_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)")
    kinds = ("giveaway", "product")
    turn = [0]
    logged: list[str] = []

    def service() -> None:
        clock.advance(seconds=1)
        turn[0] += 1
        # as the console logs a keystroke: the compliance follows in settle(), off the keystroke's path
        event_log.log_event(ctx, session.id, kinds[turn[0] % 2], "", source=Source.HOTKEY, defer_summary=True)
        logged.append(kinds[turn[0] % 2])

    def floor() -> None:
        clock.advance(seconds=1)
        now = to_iso(clock.now())
        raw.execute("BEGIN IMMEDIATE")
        raw.execute(sql, (new_id(), session.id, now, kinds[turn[0] % 2], None, "", 0, "hotkey", ctx.actor_id,
                          None, 0, now, now))
        raw.execute("COMMIT")

    for fn in (service, floor):
        for _ in range(20):
            fn()
    for mode in modes:
        logged.clear()
        ours, base = measure_pair(service, floor, idle_s=0.008 if mode == "" and not medium else 0.0)
        by_kind = {k: ms([t for t, kk in zip(ours.wall, logged, strict=True) if kk == k]) for k in kinds}
        tag = medium + mode + ("_6h" if six_hours else "")
        where = {"folder": "tmpfs" if medium else "disk",
                 "arrival": "random idle 0-8 ms" if mode == "" and not medium else "back to back"}
        emit(f"live_hotkey_commit{tag}_median", ms(ours.wall), ms(base.wall), "ms", samples=len(ours.wall),
             session_samples=n_samples, median_by_kind=by_kind, ratio_by_quarter=block_ratios(ours.wall, base.wall),
             cpu_median_ms=ms(ours.cpu), floor_cpu_median_ms=ms(base.cpu), **where)
        # The p99 in wall time counts every time the OS ran another process mid-call (2 shared
        # cores here); the CPU-time p99 beside it is the software's own tail.
        emit(f"live_hotkey_commit{tag}_p99", ms(ours.wall, 99), ms(base.wall, 99), "ms", target_ms=1.0,
             session_samples=n_samples, cpu_p99_ms=ms(ours.cpu, 99), floor_cpu_p99_ms=ms(base.cpu, 99), **where)
    settle = measure_settle(ctx, session.id, clock)
    emit(f"live_hotkey_settle{medium}{'_6h' if six_hours else ''}", ms(settle.wall), ms(base.wall), "ms",
         note="the console's settle() 1.5 s after the last product hotkey (compliance recomputed), vs one raw"
              " insert+commit", session_samples=n_samples, samples=len(settle.wall))
    raw.close()
    ctx.ws.close()


def measure_settle(ctx, session_id: str, clock, n: int = 40) -> Timings:
    out = Timings()
    for _ in range(n):
        clock.advance(seconds=1)
        event_log.log_event(ctx, session_id, "product", "", source=Source.HOTKEY, defer_summary=True)
        t0, c0 = time.perf_counter(), time.thread_time()
        event_log.settle(ctx, session_id)
        out.wall.append(time.perf_counter() - t0)
        out.cpu.append(time.thread_time() - c0)
    return out


def measure_pair(service, floor, *, n: int = 400, idle_s: float = 0.0) -> tuple[Timings, Timings]:
    """Interleaved, so disk hiccups and other processes hit both sides alike, and in turns (first one
    side, then the other), so neither always runs right after the other's fsync. Each call's wall
    time and its thread's CPU time (which leaves out the time the OS gave other processes)."""
    rnd = random.Random(2026)
    ours, base = Timings(), Timings()
    pairs = ((service, ours), (floor, base))
    for i in range(n):
        for fn, out in (pairs if i % 2 == 0 else pairs[::-1]):
            if idle_s:
                time.sleep(rnd.uniform(0.0, idle_s))
            t0, c0 = time.perf_counter(), time.thread_time()
            fn()
            out.wall.append(time.perf_counter() - t0)
            out.cpu.append(time.thread_time() - c0)
    return ours, base


class Timings:
    def __init__(self) -> None:
        self.wall: list[float] = []
        self.cpu: list[float] = []


def block_ratios(ours: list[float], base: list[float], blocks: int = 4) -> list[float]:
    """Ratio of medians per consecutive quarter of the run: how far one run's ratio moves with
    the machine's load (the spread to read the headline median against)."""
    size = len(ours) // blocks
    return [round(statistics.median(ours[i * size:(i + 1) * size]) / statistics.median(base[i * size:(i + 1) * size]),
                  3) for i in range(blocks)]


def ms(values: list[float], q: float | None = None) -> float:
    return round((statistics.median(values) if q is None else float(np.percentile(values, q))) * 1000, 3)


def ram_folder() -> Path | None:
    """A RAM-backed folder for the software-only measurement, or None."""
    shm = Path("/dev/shm")
    return shm if shm.is_dir() and os.access(shm, os.W_OK) else None


def bench_hotkey_tmpfs() -> None:
    shm = ram_folder()
    if shm is None:
        reason = "no writable /dev/shm on this system (tmpfs measurement needs a RAM-backed folder)"
        for tag in ("", "_6h"):
            for stat in ("median", "p99"):
                print(json.dumps({"name": f"live_hotkey_commit_tmpfs{tag}_{stat}", "value": None, "floor": None,
                                  "ratio": None, "unit": "ms", "skipped": reason}), flush=True)
        return
    with tempfile.TemporaryDirectory(dir=shm, prefix="liveops-bench-") as tmp:
        bench_hotkey(Path(tmp), six_hours=False, medium="_tmpfs", modes=("",))
        bench_hotkey(Path(tmp), six_hours=True, medium="_tmpfs", modes=("",))


# -- 2. chart tick ------------------------------------------------------------------------------
def six_hour_arrays(n: int = SIX_H, start: float = T0.timestamp()) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    sim = BroadcastSimulator(11, duration_s=n)
    rows = [sim.step(1.0) for _ in range(n)]
    t = start + np.arange(1, n + 1, dtype=np.float64)
    return {k: (t, np.array([r[k] for r in rows], dtype=np.float64)) for k in KEYS}


def paint(widget, app) -> None:
    widget.repaint()
    app.processEvents()


def bench_chart_tick(app) -> None:
    import pyqtgraph as pg

    from desktop_app.domain.enums import SessionOrigin, SessionStatus
    from desktop_app.domain.models import Session
    from desktop_app.ui.live.charts import LiveCharts

    arrays = six_hour_arrays()
    session = Session(id="s", anchor_id="a", specialist_id="p", client_id=None, platform=Platform.DOUYIN,
                      title="bench", timezone="Asia/Shanghai", currency="CNY", status=SessionStatus.LIVE,
                      origin=SessionOrigin.STARTED_NOW, scheduled_start_utc=T0, scheduled_end_utc=None,
                      on_air_utc=T0)
    charts = LiveCharts()
    charts.timer.stop()
    charts.resize(1280, 800)
    charts.show()
    charts.set_session(session, arrays)
    charts.set_compare({k: arrays[k] for k in ("online_viewers", "gmv")}, 0.0)
    charts.set_zoom(0)  # the whole 6 h in view
    last = {k: (float(arrays[k][0][-1]), float(arrays[k][1][-1])) for k in KEYS}
    counter = [0]

    def app_tick() -> None:
        counter[0] += 1
        rows = [(k, t + counter[0], v + counter[0]) for k, (t, v) in last.items()]
        charts.add_rows(rows)
        t = last["gmv"][0] + counter[0]
        charts.compare.curves["online"].append(t, 100.0)  # the overlay grows too: 8 curves appended
        charts.compare.curves["gmv"].append(t, 100.0)
        charts.tick()
        paint(charts, app)

    # Floor: plain pyqtgraph, 4 stacked plots, 8 curves, only the last 10 minutes.
    win = pg.GraphicsLayoutWidget()
    win.resize(1280, 800)
    win.show()
    plots = [win.addPlot(row=i, col=0, axisItems={"bottom": pg.DateAxisItem()}) for i in range(4)]
    curves = [plots[i // 2].plot(pen=pg.mkPen("b", width=1.6)) for i in range(8)]
    window = 600
    ys = [arrays[KEYS[i % len(KEYS)]][1] for i in range(8)]
    xs = arrays["gmv"][0]
    buf_x = [np.array(xs[-window:]) for _ in range(8)]
    buf_y = [np.array(y[-window:]) for y in ys]

    def floor_tick() -> None:
        for i, c in enumerate(curves):
            buf_x[i] = np.append(buf_x[i][1:], buf_x[i][-1] + 1)
            buf_y[i] = np.append(buf_y[i][1:], buf_y[i][-1] + 1)
            c.setData(buf_x[i], buf_y[i])
        paint(win, app)

    def median_ms(fn, n: int = 60) -> float:
        for _ in range(5):
            fn()
        times = []
        for _ in range(n):
            t0 = time.perf_counter()
            fn()
            times.append(time.perf_counter() - t0)
        return statistics.median(times) * 1000

    ours = median_ms(app_tick)
    floor = median_ms(floor_tick)
    points = max(len(c.getData()[0]) for c in charts.curves.values())
    emit("live_chart_tick_6h", ours, floor, "ms", curves=8, points_per_curve=SIX_H, drawn_points_max=points)
    charts.close()
    win.close()


# -- 3. open a closed 6 h session -----------------------------------------------------------------
def bench_open_closed(folder: Path, app) -> None:
    import pyqtgraph as pg

    from desktop_app.ui.live.console import LiveConsole
    from desktop_app.ui.live.series import iso_to_epoch
    from desktop_app.ui.state import AppState

    ctx, clock, session = make_ctx(folder, "closed.liveops")
    arrays = six_hour_arrays(start=T0.timestamp())
    samples = []
    for k, (t, v) in arrays.items():
        for ts, val in zip(t, v, strict=True):
            samples.append(MetricSample(str(uuid.uuid4()), session.id, datetime.fromtimestamp(ts, UTC), k, int(val),
                                        Source.IMPORT, True, None, None, ctx.actor_id))
    with ctx.ws.write():
        sample_repo.insert_samples(ctx.ws, samples, T0)
    for i in range(120):
        clock.set(T0 + timedelta(seconds=180 * i + 1))
        event_log.log_event(ctx, session.id, "product" if i % 3 else "giveaway", f"过款 #{i}")
    clock.set(T0 + timedelta(seconds=SIX_H + 1))
    lifecycle.end_broadcast(ctx, session.id)
    ctx.ws.conn.execute("UPDATE sessions SET status = 'closed' WHERE id = ?", (session.id,))
    state = AppState(ctx, poll=False)
    console = LiveConsole(state, robots=False)
    console.resize(1280, 800)
    console.show()
    console.clock.stop()
    console.charts.timer.stop()

    def ours() -> None:
        console.set_session(None)
        console.set_session(session.id)
        console.charts.set_zoom(0)
        console.charts.tick()
        paint(console, app)

    raw = sqlite3.connect(ctx.ws.path)
    win = pg.GraphicsLayoutWidget()
    win.resize(1280, 800)
    win.show()
    plots = [win.addPlot(row=i, col=0, axisItems={"bottom": pg.DateAxisItem()}) for i in range(4)]
    curves = [plots[i % 4].plot(pen="b") for i in range(len(KEYS))]

    def floor() -> None:
        for c, key in zip(curves, KEYS, strict=True):
            rows = raw.execute("SELECT ts_utc, value FROM metric_samples WHERE session_id = ? AND metric_key = ?"
                               " ORDER BY ts_utc", (session.id, key)).fetchall()
            c.setData(iso_to_epoch([r[0] for r in rows]), np.array([r[1] for r in rows], dtype=np.float64))
        paint(win, app)

    def median_s(fn, n: int = 5) -> float:
        fn()
        times = []
        for _ in range(n):
            t0 = time.perf_counter()
            fn()
            times.append(time.perf_counter() - t0)
        return statistics.median(times)

    value, base = median_s(ours), median_s(floor)
    emit("live_open_closed_6h", value * 1000, base * 1000, "ms", samples=len(samples), events=120)
    console.shutdown()
    console.close()
    win.close()
    raw.close()
    ctx.ws.close()


def main() -> int:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        bench_hotkey(folder, six_hours=False)
        bench_hotkey(folder, six_hours=True)
        bench_hotkey_tmpfs()
        bench_chart_tick(app)
        bench_open_closed(folder, app)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
