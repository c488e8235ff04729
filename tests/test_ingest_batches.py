"""Minute samples written as JSON batch statements on a writer thread (import speed, issue 6)."""

from __future__ import annotations

import csv
import hashlib
import math
import threading
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from desktop_app.services.ingest import importer
from desktop_app.storage import ingest as repo
from desktop_app.storage.errors import DiskFull

AFTER = datetime(2026, 11, 27, 4, 0, tzinfo=UTC)
START = datetime(2026, 11, 20, 20, 0)  # local (Asia/Shanghai) time of the first row
ROWS = 2500  # several batch statements (importer.FAST_BATCH rows each)
HEADER = ["时间", "实时在线人数", "成交金额", "累计观看人数", "成交订单数", "新增粉丝", "商品点击率"]


def minute_csv(path: Path, rows: int = ROWS, *, repeat: tuple[int, int] | None = None) -> Path:
    """``repeat=(i, after)``: row i's second again after row ``after``, with another online number."""
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(HEADER)
        for i in range(rows):
            w.writerow(_row(i))
            if repeat and repeat[1] == i:
                w.writerow(_row(repeat[0], online=7))
    return path


def _row(i: int, online: int | None = None) -> list:
    ts = START + timedelta(seconds=i)
    return [ts.strftime("%Y-%m-%d %H:%M:%S"), 800 + i if online is None else online, f"{100.25 * i:.2f}",
            1000 + i, i // 10, "" if i % 7 == 0 else i // 50, f"{(i % 100) / 10000:.4f}"]


def digest(ctx) -> str:
    ctx.ws.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return hashlib.sha256(Path(ctx.ws.path).read_bytes()).hexdigest()


@pytest.fixture
def later(ctx, clock):
    clock.set(AFTER)
    return ctx


def run(ctx, path: Path, **kw):
    insp = importer.inspect(ctx, path, anchor_id=ctx.fixture["anchor"].id)
    return importer.run(ctx, insp, anchor_id=ctx.fixture["anchor"].id, **kw)


def stored(ctx, key: str) -> list:
    return [r[0] for r in ctx.ws.query("SELECT value FROM metric_samples WHERE metric_key = ? ORDER BY ts_utc",
                                       (key,))]


def test_a_file_of_many_batches_stores_every_value_exactly(later, tmp_path):
    assert ROWS > 2 * importer.FAST_BATCH
    r = run(later, minute_csv(tmp_path / "m.csv"))
    assert r.committed and r.accepted == ROWS
    empty_followers = len(range(0, ROWS, 7))
    assert r.samples_written == ROWS * 6 - empty_followers
    assert stored(later, "online_viewers") == [800 + i for i in range(ROWS)]
    assert stored(later, "gmv") == [round(100.25 * i * 100) for i in range(ROWS)]  # fen, integers
    assert stored(later, "product_ctr_reported") == [(i % 100) / 10000 for i in range(ROWS)]
    assert len(stored(later, "new_followers")) == ROWS - empty_followers  # an empty cell is no reading
    row = later.ws.query_one("SELECT source, provisional, as_of, product_id, author_id, import_id, created_at"
                             " FROM metric_samples LIMIT 1")
    assert tuple(row) == ("import", 1, None, None, later.actor_id, r.import_id, "2026-11-27T04:00:00.000Z")
    ids = [x[0] for x in later.ws.query("SELECT id FROM metric_samples ORDER BY rowid")]
    assert len(set(ids)) == len(ids)


def test_reimport_after_batches_changes_nothing(later, tmp_path):
    path = minute_csv(tmp_path / "m.csv")
    run(later, path)
    before = digest(later)
    again = run(later, path)
    assert not again.committed and again.samples_written == 0 and again.samples_updated == 0
    assert digest(later) == before


def test_a_repeated_second_after_its_batch_was_sent_updates_that_sample(later, tmp_path):
    assert importer.FAST_BATCH < 1500  # row 10's samples are already in a sent batch
    r = run(later, minute_csv(tmp_path / "m.csv", repeat=(10, 1500)))
    assert r.samples_updated == 1
    online = stored(later, "online_viewers")
    assert len(online) == ROWS and online[10] == 7


def test_disk_full_in_a_background_batch_rolls_everything_back(later, tmp_path):
    path = minute_csv(tmp_path / "m.csv")
    before = digest(later)
    pages = later.ws.query_one("PRAGMA page_count")[0]
    later.ws.conn.execute(f"PRAGMA max_page_count = {pages + 40}")  # room for the first batch, not the file
    writers = []
    real = repo.SampleBatchWriter.submit

    def watch(self, batch):
        writers.append(threading.current_thread().name)
        return real(self, batch)

    repo.SampleBatchWriter.submit = watch
    try:
        with pytest.raises(DiskFull) as err:
            run(later, path)
    finally:
        repo.SampleBatchWriter.submit = real
    assert len(writers) >= 2  # it failed in a batch sent while the file was still being read
    assert str(later.ws.path) in err.value.text("en")
    later.ws.conn.execute("PRAGMA max_page_count = 1073741823")
    assert digest(later) == before
    assert [t.name for t in threading.enumerate() if t.name == "import-writer"] == []


def test_cancel_mid_file_stops_the_writer_and_keeps_nothing(later, tmp_path):
    path = minute_csv(tmp_path / "m.csv")
    before = digest(later)
    calls = iter(range(10**6))
    with pytest.raises(importer.ImportCancelled):
        run(later, path, cancelled=lambda: next(calls) >= 2)
    assert digest(later) == before
    assert [t.name for t in threading.enumerate() if t.name == "import-writer"] == []


def test_batch_insert_keeps_numbers_exact_and_binds_what_json_cannot_hold(later, session):
    values = [0, -3, 2**62, 0.1, 1e-300, 123456.789, 2.5e15, None, float("nan"), math.inf]
    keys = ["online_viewers", "gmv"]
    ids = repo.SampleIds()
    rows = [[ids.next()[:repo.ID_STEM], session.id, f"2026-11-27T03:59:{n:02d}.000Z", v, n]
            for n, v in enumerate(values)]
    with later.ws.write():
        for part in (rows[:8], rows[8:]):  # JSON, then the one-by-one fallback
            repo.insert_minute_rows(later.ws, part, keys, source="import", author=None, import_id=None,
                                    created_at="2026-11-27T04:00:00.000Z")
    got = later.ws.query("SELECT id, metric_key, value FROM metric_samples WHERE session_id = ? AND source = 'import'"
                         " ORDER BY ts_utc, metric_key", (session.id,))
    online = [r[2] for r in got if r[1] == "online_viewers"]
    assert online[:7] == values[:7] and [type(v) for v in online[:3]] == [int, int, int]
    assert len(online) == 9  # the None of row 7 is no reading
    assert online[7] is None and online[8] == math.inf  # NaN and inf as the one-by-one path stores them
    assert [r[2] for r in got if r[1] == "gmv"] == list(range(len(values)))
    assert {r[0] for r in got} == {row[0] + suffix for row in rows for suffix in ("00", "01")} - {rows[7][0] + "00"}
    assert all(uuid.UUID(r[0]).version == 7 for r in got)


def test_writer_raises_a_worker_error_in_the_callers_thread_and_skips_the_rest():
    done = []

    def write(batch):
        if batch == ["bad"]:
            raise OSError("disk")
        done.append(batch)

    w = repo.SampleBatchWriter(write)
    w.submit(["a"])
    w.submit(["bad"])
    w.submit(["c"])
    with pytest.raises(OSError, match="disk"):
        w.drain()
    w.stop()
    assert done == [["a"]]
    w.drain()  # reported once


def test_a_float_off_in_its_last_bit_is_the_same_reading():
    x = 0.1 + 0.2
    assert importer._same_value(x, math.nextafter(x, 1.0))
    assert not importer._same_value(0.3, 0.3001)
    assert not importer._same_value(1, 2) and importer._same_value(5, 5)
