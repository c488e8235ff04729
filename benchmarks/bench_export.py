"""Export benchmarks (issue 7).

- export_session_6h_1s: a 6 h session at 1 sample/s (21,600 timeline rows × 8 metrics, 500 events,
  charts with cached series) exported at the sample rate, vs the floor: plain openpyxl write_only
  writing the same timeline and event cells with the same number formats, in the same run.
- export_session_6h_1s_peak_rss: peak RSS (VmHWM) of the export in a fresh subprocess vs the floor run the same way;
  export_session_1h_vs_6h_peak_rss shows it is flat (6 h vs 1 h).
- export_multi_200: the multi-session report over 200 sessions vs the floor: one SELECT of their summaries.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._util import emit  # noqa: E402
from desktop_app.domain.clock import FixedClock  # noqa: E402
from desktop_app.domain.enums import PersonRole, Platform  # noqa: E402
from desktop_app.domain.timeutil import to_iso  # noqa: E402
from desktop_app.services import lifecycle, roster  # noqa: E402
from desktop_app.services.workspace_service import create_workspace, open_workspace  # noqa: E402
from desktop_app.storage import summaries  # noqa: E402
from desktop_app.storage.rows import new_id  # noqa: E402

CLOCK = FixedClock(datetime(2026, 11, 26, 2, 0, tzinfo=UTC))
KEYS = ("online_viewers", "uv", "pv", "product_clicks", "orders", "buyers", "gmv", "new_followers")
SECONDS = 6 * 3600


def build(path: Path, sessions: int = 1, seconds: int = SECONDS, step: int = 1) -> list[str]:
    ctx = create_workspace(path, "Bench", clock=CLOCK)
    roster.create_person(ctx, "组长", PersonRole.LEAD)
    spec, _ = roster.create_person(ctx, "运营", PersonRole.SPECIALIST)
    client, _ = roster.create_client(ctx, "客户")
    anchor, _ = roster.create_anchor(ctx, "主播", Platform.DOUYIN, specialist_id=spec.id, client_id=client.id)
    ctx.actor_id = spec.id
    ids = []
    for n in range(sessions):
        start = CLOCK.now() - timedelta(days=n + 1)
        s, _ = lifecycle.plan_session(ctx, anchor_id=anchor.id, title=f"场次 {n}", scheduled_start=start,
                                      scheduled_end=start + timedelta(seconds=seconds))
        ids.append(s.id)
        with ctx.ws.write():
            ctx.ws.conn.execute("UPDATE sessions SET status='closed', on_air_utc=?, off_air_utc=? WHERE id=?",
                                (to_iso(start), to_iso(start + timedelta(seconds=seconds)), s.id))
            rows, created = [], to_iso(CLOCK.now())
            for t in range(0, seconds + 1, step):
                ts = to_iso(start + timedelta(seconds=t))
                for i, k in enumerate(KEYS):
                    v = 800 + (t % 300) if k == "online_viewers" else t * (i + 1)
                    rows.append((new_id(), s.id, ts, k, v, "demo", 1, None, None, None, None, created))
            ctx.ws.conn.executemany(
                "INSERT INTO metric_samples (id, session_id, ts_utc, metric_key, value, source, provisional, as_of,"
                " product_id, author_id, import_id, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", rows)
            ctx.ws.conn.executemany(
                "INSERT INTO events (id, session_id, ts_utc, kind, text, internal, source, deleted, created_at,"
                " modified_at) VALUES (?,?,?,?,?,?,?,0,?,?)",
                [(new_id(), s.id, to_iso(start + timedelta(seconds=seconds * e / 500)), "note", f"事件 {e} =备注",
                  e % 7 == 0, "manual", created, created) for e in range(500 if sessions == 1 else 5)])
            summaries.refresh(ctx.ws, s.id, CLOCK.now())
    ctx.ws.close()
    return ids


def export_once(path: Path, sid: str, out: Path) -> tuple[float, float]:
    """(wall s, CPU s) of one export; CPU time is the steadier number on a shared machine."""
    from desktop_app.services.export import ExportOptions
    from desktop_app.services.export.session import export_session

    ctx = open_workspace(path, clock=CLOCK)
    t0, c0 = time.perf_counter(), time.process_time()
    export_session(ctx, sid, out, ExportOptions(variant="internal", interval_s=1))
    took = time.perf_counter() - t0, time.process_time() - c0
    ctx.ws.close()
    return took


def floor_once(out: Path, n_rows: int, n_cols: int) -> tuple[float, float]:
    """Plain openpyxl write_only: the same timeline grid and event rows with the same formats."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    t0, c0 = time.perf_counter(), time.process_time()
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Timeline")
    ws.append([f"h{c}" for c in range(n_cols)])
    base = datetime(2026, 11, 25, 10, 0)
    for r in range(n_rows):
        row = [WriteOnlyCell(ws, base + timedelta(seconds=r))]
        row[0].number_format = "yyyy-mm-dd hh:mm:ss"
        for c in range(1, n_cols):
            if r == 0 and c % 2 == 1 and c > 1:  # the deltas of the first row are empty, as in the export
                row.append(None)
                continue
            cell = WriteOnlyCell(ws, float(r * c))
            # the export's columns: A time, B online, then cumulative/delta pairs; GMV (money) is M:N
            cell.number_format = '"¥"#,##0.00;-"¥"#,##0.00' if c in (12, 13) else "#,##0"
            row.append(cell)
        ws.append(row)
    ev = wb.create_sheet("Events")
    for e in range(500):
        cell = WriteOnlyCell(ev, base)
        cell.number_format = "yyyy-mm-dd hh:mm:ss"
        ev.append([cell, "备注", "", f"事件 {e}", ""])
    wb.save(out)
    return time.perf_counter() - t0, time.process_time() - c0


def peak_rss(code: str) -> float:
    # VmHWM, not ru_maxrss: ru_maxrss keeps the forked parent's high-water mark across exec.
    script = code + ("\nfrom pathlib import Path\nprint(next(int(x.split()[1]) for x in"
                     " Path('/proc/self/status').read_text().splitlines() if x.startswith('VmHWM')) / 1024)")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                         cwd=str(Path(__file__).resolve().parent.parent))
    return float(out.stdout.strip().splitlines()[-1])


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = folder / "six.liveops"
        sid = build(path)[0]
        out, floor_out = folder / "s.xlsx", folder / "f.xlsx"
        import openpyxl

        export_once(path, sid, out)  # warm-up (imports, SQLite cache)
        ws = openpyxl.load_workbook(out, read_only=True)["时间线"]
        header = next(ws.iter_rows(max_row=1, values_only=True))
        n_rows, n_cols = sum(1 for _ in ws.iter_rows(min_row=2, max_col=1)), len(header)
        runs, floors = [], []
        for _ in range(3):  # interleaved, so both see the same load on the shared CPU
            runs.append(export_once(path, sid, out))
            floors.append(floor_once(floor_out, n_rows, n_cols))
        wall, cpu = statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)
        f_wall, f_cpu = statistics.median(f[0] for f in floors), statistics.median(f[1] for f in floors)
        emit("export_session_6h_1s", wall, f_wall, "s", rows=n_rows, columns=n_cols, target_ratio=1.3,
             runs=[round(r[0], 2) for r in runs], floor_runs=[round(f[0], 2) for f in floors])
        emit("export_session_6h_1s_cpu", cpu, f_cpu, "s", runs=[round(r[1], 2) for r in runs],
             floor_runs=[round(f[1], 2) for f in floors])
        rss = peak_rss(f"import benchmarks.bench_export as b; from pathlib import Path;"
                       f" b.export_once(Path({str(path)!r}), {sid!r}, Path({str(folder / 'r.xlsx')!r}))")
        rss_floor = peak_rss(f"import benchmarks.bench_export as b; from pathlib import Path;"
                             f" b.floor_once(Path({str(folder / 'rf.xlsx')!r}), {n_rows}, {n_cols})")
        rss_idle = peak_rss("import benchmarks.bench_export as b; import openpyxl")
        emit("export_session_6h_1s_peak_rss", rss, rss_floor, "MB", idle_app_and_openpyxl=rss_idle)
        short = folder / "one.liveops"
        sid1 = build(short, seconds=3600)[0]
        rss1 = peak_rss(f"import benchmarks.bench_export as b; from pathlib import Path;"
                        f" b.export_once(Path({str(short)!r}), {sid1!r}, Path({str(folder / 'r1.xlsx')!r}))")
        emit("export_session_1h_vs_6h_peak_rss", rss, rss1, "MB", note="flat memory: 6 h / 1 h peak RSS")
        multi = folder / "multi.liveops"
        build(multi, sessions=200, seconds=600, step=60)
        code = (f"from datetime import date; from pathlib import Path; from benchmarks.bench_export import CLOCK;"
                f" from desktop_app.services.workspace_service import open_workspace;"
                f" from desktop_app.services.export.multi import MultiOptions, export_multi;"
                f" ctx = open_workspace(Path({str(multi)!r}), clock=CLOCK);"
                f" export_multi(ctx, Path({str(folder / 'm.xlsx')!r}),"
                f" MultiOptions(start=date(2020, 1, 1), end=date(2030, 1, 1), csv=True))")
        t0 = time.perf_counter()
        exec(compile(code.replace("; ", "\n"), "multi", "exec"), {})  # noqa: S102 - same code as the RSS run
        took = time.perf_counter() - t0
        import sqlite3

        t0 = time.perf_counter()
        conn = sqlite3.connect(multi)
        conn.execute("SELECT * FROM session_summaries").fetchall()
        conn.close()
        emit("export_multi_200", took, time.perf_counter() - t0, "s", sessions=200)
        emit("export_multi_200_peak_rss", peak_rss(code.replace("; ", "\n")), rss_idle, "MB")


if __name__ == "__main__":
    main()
    sys.stdout.flush()
