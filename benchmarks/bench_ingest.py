"""Import benchmarks (issue 6).

- import_xlsx_100k: rows/s of a full import (inspect + parse + validate + one-transaction insert) of a
  100,000-row minute XLSX vs the floor: plain openpyxl read_only iteration (values_only) over the same file.
  Target: value/floor ≥ 0.7.
- import_csv_100k: rows/s of the same data as CSV vs plain csv.reader over the file.
- import_peak_rss: peak resident memory of this process after both imports (MiB; floor = before importing).
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


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        xlsx, csv_path = folder / "minutes.xlsx", folder / "minutes.csv"
        write_xlsx(xlsx)
        write_csv(csv_path)
        rss_before = peak_rss_mb()
        floor = min(openpyxl_floor(xlsx) for _ in range(2))
        ours = timed_import(folder, xlsx, "x")
        emit("import_xlsx_100k", ROWS / ours, ROWS / floor, "rows/s", target_ratio=0.7)
        floor = min(csv_floor(csv_path) for _ in range(3))
        ours = timed_import(folder, csv_path, "c")
        emit("import_csv_100k", ROWS / ours, ROWS / floor, "rows/s")
        emit("import_peak_rss", peak_rss_mb(), rss_before, "MiB")


if __name__ == "__main__":
    main()
