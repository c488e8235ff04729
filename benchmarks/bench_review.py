"""Review/history benchmarks (issue 8).

A generated workspace of 10,000 sessions (summary rows for all; real-time samples for a subset)
and 1,000,000 events, all inserted with bulk executemany.

- history_open_filtered_10k / history_open_all_10k: HistoryPage-equivalent load
  (services.history.history with a client + date filter, or none, + HistoryModel reset) vs the
  floor: a bare SELECT of the same columns (storage.history.HISTORY_COLUMNS) over session_summaries
  with the same WHERE and ORDER BY + a plain QAbstractTableModel reset. Target ratio <= 1.2.
- fts_search_1m_events: services.history.search for a two-character Chinese term over 1M events (ms);
  floor: the raw FTS5 MATCH query fetching the same number of rowids.
- fts_search_after_1000_external_writes: 1,000 events committed by a plain client (queued by the
  0006 triggers), then a search, which indexes the queue first (ms); floor: the same search idle.
- bundle_merge_1000_sessions: merge of a 1,000-session bundle into an empty workspace (rows/s);
  floor: raw INSERT ... SELECT of the same tables from the attached bundle (rows/s, so ratio < 1 is slower).
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks._util import best_of, emit  # noqa: E402
from desktop_app.domain.clock import FixedClock  # noqa: E402
from desktop_app.domain.enums import PersonRole, Platform  # noqa: E402
from desktop_app.domain.timeutil import to_iso  # noqa: E402
from desktop_app.services import history, merge, roster  # noqa: E402
from desktop_app.services.workspace_service import create_workspace  # noqa: E402

CLOCK = FixedClock(datetime(2026, 11, 26, 2, 0, tzinfo=UTC))
N_SESSIONS = int(os.environ.get("BENCH_REVIEW_SESSIONS", 10_000))
N_EVENTS = int(os.environ.get("BENCH_REVIEW_EVENTS", 1_000_000))
WITH_SAMPLES = 200  # sessions that get realistic real-time samples (10 s, 4 h, 4 keys)
TEXTS = ["福袋 88元无门槛", "过款：补水面膜", "投流加预算 500", "断货：面膜第二轮", "超卖12单，客服补发", "oversell on gift",
         "主播讲解节奏慢", "整点福袋", "stream drop 30s", "评论区质疑价格"]


def build(folder: Path):
    ctx = create_workspace(folder / "big.liveops", "bench", clock=CLOCK)
    lead, _ = roster.create_person(ctx, "组长", PersonRole.LEAD)
    specs = [roster.create_person(ctx, f"运营{i}", PersonRole.SPECIALIST)[0] for i in range(10)]
    clients = [roster.create_client(ctx, f"客户{i}")[0] for i in range(10)]
    anchors = [roster.create_anchor(ctx, f"主播{i}", Platform.DOUYIN, specialist_id=specs[i % 10].id,
                                    account_id=f"dy{i}", client_id=clients[i % 10].id)[0] for i in range(30)]
    rng = random.Random(8)
    now = to_iso(CLOCK.now())
    sessions, summaries_rows, ids = [], [], []
    for n in range(N_SESSIONS):
        sid = str(uuid.UUID(int=rng.getrandbits(128)))
        a = anchors[n % 30]
        start = CLOCK.now() - timedelta(hours=6 * n)
        on, off = to_iso(start), to_iso(start + timedelta(hours=4))
        ids.append((sid, start))
        sessions.append((sid, a.id, specs[n % 10].id, a.client_id, "douyin", f"第{n}场", "Asia/Shanghai", "CNY",
                         "closed", "planned", on, off, on, off, now, now))
        gmv = rng.randint(10_000, 50_000_000)
        summaries_rows.append((sid, a.id, a.client_id, specs[n % 10].id, "douyin", "closed", f"第{n}场", "CNY", on,
                               gmv, rng.randint(1000, 100000), rng.randint(10, 5000), rng.randint(100, 9000), 14400.0,
                               f'{{"gmv": {{"value": {gmv}, "basis": "settled", "as_of": null}}}}', None,
                               rng.random(), rng.choice(["approved", "submitted", "draft", "none"]), 100, 0, now))
    c = ctx.ws.conn
    with ctx.ws.write():
        c.executemany("INSERT INTO sessions (id, anchor_id, specialist_id, client_id, platform, title, timezone,"
                      " currency, status, origin, scheduled_start_utc, scheduled_end_utc, on_air_utc, off_air_utc,"
                      " created_at, modified_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", sessions)
        c.executemany("INSERT INTO session_summaries (session_id, anchor_id, client_id, specialist_id, platform,"
                      " status, title, currency, start_utc, gmv, uv, orders, peak_online_viewers, duration_seconds,"
                      " kpis_json, compliance_json, compliance_rate, signoff, event_count, sample_count, updated_at)"
                      " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", summaries_rows)
        per = max(1, N_EVENTS // N_SESSIONS)
        batch = []
        for sid, start in ids:
            for k in range(per):
                ts = to_iso(start + timedelta(seconds=k * 60))
                batch.append((str(uuid.UUID(int=rng.getrandbits(128))), sid, ts, "note", rng.choice(TEXTS), 0,
                              "manual", None, now, now))
            if len(batch) >= 50_000:
                c.executemany("INSERT INTO events (id, session_id, ts_utc, kind, text, internal, source, author_id,"
                              " created_at, modified_at) VALUES (?,?,?,?,?,?,?,?,?,?)", batch)
                batch = []
        if batch:
            c.executemany("INSERT INTO events (id, session_id, ts_utc, kind, text, internal, source, author_id,"
                          " created_at, modified_at) VALUES (?,?,?,?,?,?,?,?,?,?)", batch)
        samples = []
        for sid, start in ids[:WITH_SAMPLES]:
            for t in range(0, 4 * 3600, 10):
                ts = to_iso(start + timedelta(seconds=t))
                for key, v in (("online_viewers", 500 + t % 900), ("gmv", t * 10), ("uv", t), ("orders", t // 50)):
                    samples.append((str(uuid.UUID(int=rng.getrandbits(128))), sid, ts, key, v, "demo", 1, None,
                                    None, None, None, now))
        c.executemany("INSERT INTO metric_samples (id, session_id, ts_utc, metric_key, value, source, provisional,"
                      " as_of, product_id, author_id, import_id, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                      samples)
    return ctx, anchors


def bench_history(ctx, anchors) -> None:
    from PySide6.QtCore import QAbstractTableModel, QModelIndex
    from PySide6.QtWidgets import QApplication

    from desktop_app.storage.history import HISTORY_COLUMNS
    from desktop_app.ui.review.history import COLUMNS, HistoryModel

    QApplication.instance() or QApplication([])
    model = HistoryModel()

    class Bare(QAbstractTableModel):
        rows: list = []

        def rowCount(self, parent=QModelIndex()):  # noqa: B008, N802
            return len(self.rows)

        def columnCount(self, parent=QModelIndex()):  # noqa: B008, N802
            return len(COLUMNS)

        def data(self, index, role=0):
            return None

    bare = Bare()
    select = f"SELECT {', '.join(HISTORY_COLUMNS)} FROM session_summaries"

    def run(name: str, f: history.HistoryFilter, where: str, params: tuple) -> None:
        def ours():
            model.set_rows(history.history(ctx, f), history.roster_names(ctx))

        def floor():
            # The same columns, WHERE and order as the history view, as plain tuples, + a model reset.
            cur = ctx.ws.conn.execute(f"{select}{where} ORDER BY start_utc DESC", params)
            cur.row_factory = None
            rows = cur.fetchall()
            bare.beginResetModel()
            bare.rows = rows
            bare.endResetModel()

        t, fl = best_of(ours, repeat=15), best_of(floor, repeat=15)
        emit(name, t * 1000, fl * 1000, "ms", rows=model.rowCount(), sessions=N_SESSIONS, target_ratio=1.2)

    start = (CLOCK.now() - timedelta(days=2000)).date()
    bound = to_iso(datetime.combine(start, datetime.min.time(), tzinfo=UTC) - timedelta(hours=8))
    client = anchors[0].client_id
    run("history_open_filtered_10k", history.HistoryFilter(client_id=client, date_from=start),
        " WHERE start_utc >= ? AND client_id = ?", (bound, client))
    run("history_open_all_10k", history.HistoryFilter(), "", ())


def bench_search(ctx) -> None:
    hits = []

    def ours():
        hits[:] = history.search(ctx, "福袋", limit=200)

    def floor():
        ctx.ws.conn.execute("SELECT rowid FROM search_fts WHERE search_fts MATCH '\"福袋\"' ORDER BY rowid DESC"
                            " LIMIT 200").fetchall()

    t, fl = best_of(ours, repeat=7), best_of(floor, repeat=7)
    total = ctx.ws.query_one("SELECT count(*) FROM events")[0]
    emit("fts_search_1m_events", t * 1000, fl * 1000, "ms", events=total, hits=len(hits))
    t2 = best_of(lambda: history.search(ctx, "超卖", limit=200), repeat=7)
    emit("fts_search_1m_events_rare_term", t2 * 1000, fl * 1000, "ms", events=total)
    bench_search_after_external_writes(ctx, total)


def bench_search_after_external_writes(ctx, total: int) -> None:
    """1,000 events written by another SQLite client (queued, not indexed), then a search:
    the search indexes the queue first. Floor: the same search with nothing queued."""
    sid = ctx.ws.query_one("SELECT id FROM sessions LIMIT 1")[0]
    now = to_iso(CLOCK.now())
    conn = ctx.ws.conn
    times = []
    for rnd in range(5):
        conn.execute("BEGIN")
        conn.executemany("INSERT INTO events (id, session_id, ts_utc, kind, text, internal, source, created_at,"
                         " modified_at) VALUES (?,?,?,?,?,?,?,?,?)",
                         [(f"ext-{rnd}-{i}", sid, now, "note", f"外部写入 断货 {i}", 0, "manual", now, now)
                          for i in range(1000)])
        conn.execute("COMMIT")  # a plain commit: the queue is left for the search, as another client leaves it
        t0 = time.perf_counter()
        history.search(ctx, "断货", limit=200)
        times.append(time.perf_counter() - t0)
    fl = best_of(lambda: history.search(ctx, "断货", limit=200), repeat=5)
    emit("fts_search_after_1000_external_writes", sorted(times)[2] * 1000, fl * 1000, "ms", events=total + 5000)


def bench_merge(ctx, folder: Path) -> None:
    days = (N_SESSIONS and 1000 * 6 // 24)  # 1,000 sessions are 6 h apart: 250 days
    start = (CLOCK.now() - timedelta(days=days)).date()
    out = folder / "b.liveops-bundle"
    manifest = merge.export_bundle(ctx, out, date_from=start, date_to=CLOCK.now().date())
    target = create_workspace(folder / "lead.liveops", "lead", clock=CLOCK)
    t0 = time.perf_counter()
    report, _ = merge.merge_bundle(target, out, merge.MergeDecisions("keep-local"))
    elapsed = time.perf_counter() - t0
    rows = report.inserted
    floor_ws = create_workspace(folder / "floor.liveops", "floor", clock=CLOCK)
    import zipfile

    with zipfile.ZipFile(out) as zf:
        zf.extract("content.sqlite", folder)
    conn = floor_ws.ws.conn
    conn.execute("ATTACH DATABASE ? AS b", (str(folder / "content.sqlite"),))
    t0 = time.perf_counter()
    conn.execute("BEGIN")
    n = 0
    for table in ("people", "clients", "anchors", "sessions", "events", "metric_samples", "reviews",
                  "action_items"):
        cols = ", ".join(r[1] for r in conn.execute(f"PRAGMA b.table_info({table})"))
        n += conn.execute(f"INSERT OR IGNORE INTO main.{table} ({cols}) SELECT {cols} FROM b.{table}").rowcount
    conn.execute("COMMIT")
    floor_elapsed = time.perf_counter() - t0
    emit("bundle_merge_1000_sessions", rows / elapsed, n / floor_elapsed, "rows/s", sessions=manifest["sessions"],
         rows=rows, seconds=round(elapsed, 2))


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        ctx, anchors = build(folder)
        bench_history(ctx, anchors)
        bench_search(ctx)
        bench_merge(ctx, folder)
        ctx.ws.close()


if __name__ == "__main__":
    main()
