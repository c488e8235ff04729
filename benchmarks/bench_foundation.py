"""Foundation benchmarks (issue 3).

- summary_refresh_4h: storage.summaries.refresh of a demo 4 h session (samples every 10 s)
  vs the floor: one raw sqlite3 SELECT of that session's samples.
- cli_sessions_json_2000: `liveops sessions --json` over a workspace of 2,000 sessions, stdout piped
  (compact JSON, KPIs as stored in session_summaries), vs the floor: a bare connect + SELECT over
  session_summaries. `join_floor` is raw sqlite3 fetching the same joined columns the command reads
  (sessions + names + summary), without building JSON.
"""

from __future__ import annotations

import contextlib
import io
import json
import sqlite3
import sys
import tempfile
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._util import best_of, emit  # noqa: E402
from desktop_app.cli import main as cli_main  # noqa: E402
from desktop_app.domain.clock import FixedClock  # noqa: E402
from desktop_app.domain.timeutil import from_iso, to_iso  # noqa: E402
from desktop_app.services.demo import build_demo_workspace  # noqa: E402
from desktop_app.storage import summaries  # noqa: E402

CLOCK = FixedClock(datetime(2026, 11, 26, 2, 0, tzinfo=UTC))
N_SESSIONS = 2000


def bench_summary_refresh(folder: Path) -> Path:
    path = folder / "demo.liveops"
    ctx = build_demo_workspace(path, clock=CLOCK, days=4)
    sid, duration, samples = ctx.ws.query_one(
        "SELECT session_id, duration_seconds, sample_count FROM session_summaries"
        " WHERE duration_seconds IS NOT NULL ORDER BY duration_seconds DESC, session_id LIMIT 1")
    now = CLOCK.now()

    def refresh() -> None:
        with ctx.ws.write():
            summaries.refresh(ctx.ws, sid, now)

    raw = sqlite3.connect(path)

    def floor() -> None:
        raw.execute("SELECT ts_utc, metric_key, value, provisional, as_of FROM metric_samples"
                    " WHERE session_id = ?", (sid,)).fetchall()

    value, base = best_of(refresh, repeat=7), best_of(floor, repeat=7)
    raw.close()
    ctx.ws.close()
    emit("summary_refresh_4h", value, base, "s", hours=round(duration / 3600, 2), samples=samples)
    return path


def _clone_sessions(path: Path, count: int) -> None:
    """Grow the demo workspace to ``count`` sessions by copying closed ones one hour apart."""
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    sessions = [dict(r) for r in conn.execute("SELECT * FROM sessions WHERE status = 'closed' ORDER BY id")]
    sums = {r["session_id"]: dict(r) for r in conn.execute("SELECT * FROM session_summaries")}
    have = conn.execute("SELECT count(*) FROM sessions").fetchone()[0]
    new_sessions, new_sums = [], []
    for i in range(count - have):
        src = sessions[i % len(sessions)]
        shift = timedelta(hours=-(i + 1))
        row = dict(src, id=str(uuid.UUID(int=i + 1)))
        for k in ("scheduled_start_utc", "scheduled_end_utc", "on_air_utc", "off_air_utc"):
            row[k] = to_iso(from_iso(row[k]) + shift) if row[k] else None
        new_sessions.append(row)
        new_sums.append(dict(sums[src["id"]], session_id=row["id"], start_utc=row["on_air_utc"]))
    for table, rows in (("sessions", new_sessions), ("session_summaries", new_sums)):
        cols = list(rows[0])
        conn.executemany(f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                         [tuple(r[c] for c in cols) for r in rows])
    conn.commit()
    assert conn.execute("SELECT count(*) FROM sessions").fetchone()[0] == count
    conn.close()


def bench_cli_sessions(path: Path) -> None:
    _clone_sessions(path, N_SESSIONS)
    out = io.StringIO()

    def cli() -> None:
        out.seek(0)
        out.truncate()
        with contextlib.redirect_stdout(out):
            code = cli_main(["sessions", str(path), "--json"])
        assert code == 0

    def floor() -> None:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        conn.execute("SELECT * FROM session_summaries ORDER BY start_utc").fetchall()
        conn.close()

    def join_floor() -> None:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        conn.execute(
            "SELECT s.*, a.name, c.name, p.name, m.kpis_json, m.compliance_json, m.signoff FROM sessions s"
            " JOIN anchors a ON a.id = s.anchor_id LEFT JOIN clients c ON c.id = s.client_id"
            " JOIN people p ON p.id = s.specialist_id LEFT JOIN session_summaries m ON m.session_id = s.id"
            " ORDER BY COALESCE(s.on_air_utc, s.scheduled_start_utc), s.created_at").fetchall()
        conn.close()

    value, base, joined = best_of(cli, repeat=5), best_of(floor, repeat=5), best_of(join_floor, repeat=5)
    rows = json.loads(out.getvalue())
    assert len(rows) == N_SESSIONS and all(r["summary"]["kpis"] for r in rows if r["status"] == "closed")
    emit("cli_sessions_json_2000", value, base, "s", sessions=N_SESSIONS, output_bytes=len(out.getvalue().encode()),
         join_floor=round(joined, 6), join_ratio=round(value / joined, 3))


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="liveops-bench-") as tmp:
        path = bench_summary_refresh(Path(tmp))
        bench_cli_sessions(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
