"""Live follow of a growing CSV: partial lines, truncation/rotation, vanishing file, stop."""

from __future__ import annotations

import os
from datetime import UTC, datetime

import pytest

from desktop_app.services import lifecycle, metrics_entry
from desktop_app.services.ingest.follow import FOLLOWING, STOPPED, WAITING, Follower

HEADER = "时间,实时在线人数,成交金额,累计观看人数\n"


def line(minute: int, online: int, gmv: str, uv: int) -> str:
    return f"2026-11-26 20:{minute:02d}:00,{online},{gmv},{uv}\n"


@pytest.fixture
def live(ctx, clock):
    clock.set(datetime(2026, 11, 26, 11, 59, tzinfo=UTC))
    s, _ = lifecycle.start_now(ctx, anchor_id=ctx.fixture["anchor"].id, title="直播中")
    clock.set(datetime(2026, 11, 26, 12, 30, tzinfo=UTC))
    return s


def stored(ctx, session_id, key="gmv"):
    return [(r[0], r[1]) for r in ctx.ws.query(
        "SELECT ts_utc, value FROM metric_samples WHERE session_id = ? AND metric_key = ? AND source = 'watch'"
        " ORDER BY ts_utc", (session_id, key))]


def append(path, text: str, mode="a") -> None:
    with open(path, mode, encoding="utf-8", newline="") as fh:
        fh.write(text)


def test_follow_appends_partial_lines_rotation_and_vanishing(ctx, live, tmp_path):
    path = tmp_path / "scrape.csv"
    f = Follower(ctx, path, live.id)
    assert f.poll().state == WAITING  # no file yet
    append(path, HEADER + line(0, 800, "\"1,000.50\"", 1000)[:12])  # a partial last line
    st = f.poll()
    assert st.rows == 0 and stored(ctx, live.id) == [], st
    append(path, line(0, 800, "\"1,000.50\"", 1000)[12:])
    st = f.poll()
    assert st.state == FOLLOWING and st.rows == 1 and st.changes.samples == {live.id}, (st, f.insp.header_row, f.line_no)
    assert stored(ctx, live.id) == [("2026-11-26T12:00:00.000Z", 100050)]
    append(path, line(1, 810, "1.2万", 1100) + line(2, 820, "-", 1200))
    st = f.poll()
    assert st.rows == 3
    assert stored(ctx, live.id)[-1] == ("2026-11-26T12:01:00.000Z", 1200000)  # "-" stored nothing
    assert "3" in st.text("en")
    # Rotation: the file is truncated and rewritten (the old rows again plus a new one).
    append(path, HEADER + line(2, 820, "13000", 1200) + line(3, 830, "14000", 1300), mode="w")
    st = f.poll()
    assert [v for _, v in stored(ctx, live.id)] == [100050, 1200000, 1300000, 1400000]
    # The file vanishes, then comes back under the same name with more rows.
    os.remove(path)
    assert f.poll().state == WAITING
    append(path, HEADER + line(4, 840, "15000", 1400))
    st = f.poll()
    assert st.state == FOLLOWING and stored(ctx, live.id)[-1] == ("2026-11-26T12:04:00.000Z", 1500000)
    assert f.stop().state == STOPPED
    append(path, line(5, 850, "16000", 1500))
    assert f.poll().state == STOPPED and len(stored(ctx, live.id)) == 5


def test_follow_runs_sample_hooks_and_reports_bad_rows(ctx, live, tmp_path, monkeypatch):
    seen = []
    monkeypatch.setattr(metrics_entry, "after_samples_hooks", [lambda c, s, samples: seen.extend(samples)])
    path = tmp_path / "scrape.csv"
    append(path, HEADER + line(0, 800, "100", 1000) + line(1, 800, "abc", 1000))
    f = Follower(ctx, path, live.id)
    st = f.poll()
    assert st.rows == 1 and st.rejected == 1
    assert "abc" in st.text("en")
    assert {s.metric_key for s in seen} == {"online_viewers", "gmv", "uv"}


def test_follow_gbk_file(ctx, live, tmp_path):
    path = tmp_path / "gbk.csv"
    path.write_bytes((HEADER + line(0, 800, "100", 1000)).encode("gbk"))
    st = Follower(ctx, path, live.id).poll()
    assert st.rows == 1
