"""Import benchmarks (issue 6).

- import_xlsx_100k: rows/s of a full import (inspect + parse + validate + one-transaction insert) of a
  100,000-row minute XLSX vs the floor: plain openpyxl read_only iteration (values_only) over the same file.
  Target: value/floor ≥ 0.7.
- import_csv_100k: rows/s of the same data as CSV vs plain csv.reader over the file.
- import_peak_rss: peak resident memory of this process after both imports (MiB; floor = before importing).
- import_insert_bound: rows/s if an import did nothing but write the same samples (6 per row) into
  metric_samples in one transaction, the way the import writes them (JSON batch statements of
  importer.FAST_BATCH rows), vs the same openpyxl floor. The import runs these statements on a writer
  thread while its own thread reads and converts the next rows (SQLite holds no GIL during a statement), so on
  an idle machine with two cores an import approaches the slower of the two sides.

Floor and import alternate (floor, import, floor, import, …) over BENCH_INGEST_ROUNDS rounds on the same
file in the same process; each round's ratio uses that round's floor; the median round is reported with
the min/max ratio, so CPU shared with other work shows up as a range, not as a flattering best case.
"""

from __future__ import annotations

import csv
import resource
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._util import emit  # noqa: E402
from desktop_app.domain.clock import FixedClock  # noqa: E402
from desktop_app.domain.enums import PersonRole, Platform  # noqa: E402
from desktop_app.services import lifecycle, roster  # noqa: E402
from desktop_app.services.ingest import importer  # noqa: E402
from desktop_app.services.workspace_service import create_workspace  # noqa: E402

ROWS = int(__import__("os").environ.get("BENCH_INGEST_ROWS", "100000"))
ROUNDS = int(__import__("os").environ.get("BENCH_INGEST_ROUNDS", "3"))
HEADER = ["时间", "实时在线人数", "成交金额", "累计观看人数", "成交订单数", "新增粉丝", "商品点击率"]
START = datetime(2026, 1, 1, 12, 0)


def rows():
    for i in range(ROWS):
        yield [START + timedelta(seconds=i), 800 + i % 500, 100.5 * i, 1000 + i, i // 10, i // 50,
               0.05 + (i % 100) / 10000]


def write_xlsx(path: Path) -> None:
    import openpyxl

    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("data")
    ws.append(["分钟数据 2026-01-01"])
    ws.append(HEADER)
    for r in rows():
        ws.append(r)
    wb.save(path)


def write_csv(path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(HEADER)
        for r in rows():
            w.writerow([r[0].strftime("%Y-%m-%d %H:%M:%S"), *r[1:]])


def openpyxl_floor(path: Path) -> float:
    import openpyxl

    t0 = time.perf_counter()
    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    n = sum(1 for _ in wb.worksheets[0].iter_rows(values_only=True))
    wb.close()
    assert n >= ROWS
    return time.perf_counter() - t0


def csv_floor(path: Path) -> float:
    t0 = time.perf_counter()
    with path.open("r", encoding="utf-8", newline="") as fh:
        n = sum(1 for _ in csv.reader(fh))
    assert n >= ROWS
    return time.perf_counter() - t0


def fresh_session(folder: Path, name: str):
    clock = FixedClock(datetime(2026, 1, 1, 3, 0, tzinfo=UTC))
    ctx = create_workspace(folder / f"{name}.liveops", name, clock=clock)
    spec, _ = roster.create_person(ctx, "运营", PersonRole.SPECIALIST)
    ctx.actor_id = spec.id
    anchor, _ = roster.create_anchor(ctx, "主播", Platform.DOUYIN, specialist_id=spec.id)
    s, _ = lifecycle.start_now(ctx, anchor_id=anchor.id, title="bench")
    lifecycle.end_broadcast(ctx, s.id, off_air=clock.now() + timedelta(days=3))
    clock.set(datetime(2026, 1, 10, tzinfo=UTC))
    return ctx, s.id


def timed_import(folder: Path, path: Path, name: str) -> float:
    ctx, sid = fresh_session(folder, name)
    t0 = time.perf_counter()
    insp = importer.inspect(ctx, path, session_id=sid)
    result = importer.run(ctx, insp, session_id=sid)
    elapsed = time.perf_counter() - t0
    assert result.accepted == ROWS and result.committed, result.counts
    ctx.ws.close()
    return elapsed


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def insert_only(folder: Path) -> float:
    """Seconds to write ROWS × 6 samples (what the import must write) by its batch statements, one transaction."""
    from desktop_app.storage import ingest as repo

    ctx, sid = fresh_session(folder, "bound")
    ids = repo.SampleIds()
    keys = ["online_viewers", "gmv", "uv", "orders", "new_followers", "product_ctr_reported"]
    conn = ctx.ws.conn
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("PRAGMA cache_size = -65536")
    rows = [[ids.next()[:repo.ID_STEM], sid, f"2026-01-01T{4 + i // 3600:02d}:{i // 60 % 60:02d}:{i % 60:02d}.000Z",
             *([i] * len(keys))] for i in range(ROWS)]
    size = importer.FAST_BATCH
    t0 = time.perf_counter()
    with ctx.ws.write():
        suspended = repo.suspend_sample_triggers(ctx.ws)
        for start in range(0, len(rows), size):
            repo.insert_minute_rows(ctx.ws, rows[start:start + size], keys, source="import", author=None,
                                    import_id="bench", created_at="2026-01-10T00:00:00.000Z")
        repo.restore_triggers(ctx.ws, suspended)
    elapsed = time.perf_counter() - t0
    ctx.ws.close()
    return elapsed


def paired(floor_fn, ours_fn) -> tuple[float, float, list[float]]:
    """Alternate floor and ours; return (median ours rows/s, its round's floor rows/s, all ratios)."""
    rounds = []
    for i in range(ROUNDS):
        floor = floor_fn()
        ours = ours_fn(i)
        rounds.append((floor / ours, ROWS / ours, ROWS / floor))
    rounds.sort()
    ratio, value, floor = rounds[len(rounds) // 2]
    return value, floor, [round(r[0], 3) for r in rounds]


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        xlsx, csv_path = folder / "minutes.xlsx", folder / "minutes.csv"
        write_xlsx(xlsx)
        write_csv(csv_path)
        rss_before = peak_rss_mb()
        value, floor, ratios = paired(lambda: openpyxl_floor(xlsx), lambda i: timed_import(folder, xlsx, f"x{i}"))
        emit("import_xlsx_100k", value, floor, "rows/s", target_ratio=0.7, rounds=ROUNDS, ratio_range=ratios)
        xlsx_floor = floor
        value, floor, ratios = paired(lambda: csv_floor(csv_path), lambda i: timed_import(folder, csv_path, f"c{i}"))
        emit("import_csv_100k", value, floor, "rows/s", rounds=ROUNDS, ratio_range=ratios)
        emit("import_peak_rss", peak_rss_mb(), rss_before, "MiB")
        emit("import_insert_bound", ROWS / insert_only(folder), xlsx_floor, "rows/s")


if __name__ == "__main__":
    main()
