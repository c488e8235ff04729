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


RATE_HEADER = "时间,实时在线人数,商品点击率,成交件数\n"


def rate_line(minute: int, ctr: str, items: str = "1") -> str:
    return f"2026-11-26 20:{minute:02d}:00,800,{ctr},{items}\n"


def test_a_rate_over_one_later_re_decides_the_column_and_corrects_earlier_rows(ctx, live, tmp_path):
    """0.5, 0.8 first look like fractions (50 %, 80 %); 1.2 proves the column writes percents:
    the earlier rows are corrected to 0.5 %, 0.8 % in the same transaction, as a one-shot import
    of the whole file would read them."""
    path = tmp_path / "scrape.csv"
    append(path, RATE_HEADER + rate_line(0, "0.5") + rate_line(1, "0.8"))
    f = Follower(ctx, path, live.id)
    f.poll()
    assert stored(ctx, live.id, "product_ctr_reported") == [("2026-11-26T12:00:00.000Z", 0.5),
                                                          ("2026-11-26T12:01:00.000Z", 0.8)]
    append(path, rate_line(2, "1.2") + rate_line(3, "0.9"))
    st = f.poll()
    values = [v for _, v in stored(ctx, live.id, "product_ctr_reported")]
    assert values == pytest.approx([0.005, 0.008, 0.012, 0.009])
    assert st.rows == 4 and st.rejected == 0
    assert "商品点击率" in st.text("zh_CN") and "2" in st.text("en")  # says which column and how many corrected
    assert f.redecisions and f.insp.mapped[2].decision.percent_mode == "percent"
    # The summary was refreshed in the same poll.
    assert st.changes.samples == {live.id}


def test_a_thousands_pattern_broken_later_corrects_or_lists_earlier_rows(ctx, live, tmp_path):
    """1.234 / 2.345 read as thousands (1234, 2345) until 3.5 shows '.' is the decimal point:
    the count column can then not hold 1.234, so those rows are removed and listed with a reason
    (the new row 3.5 is refused too) — nothing stays silently 1000× off."""
    path = tmp_path / "scrape.csv"
    append(path, RATE_HEADER + rate_line(0, "1%", "1.234") + rate_line(1, "1%", "2.345"))
    f = Follower(ctx, path, live.id)
    f.poll()
    assert [v for _, v in stored(ctx, live.id, "items_sold")] == [1234, 2345]
    append(path, rate_line(2, "1%", "3.5") + rate_line(3, "1%", "7"))
    st = f.poll()
    assert [v for _, v in stored(ctx, live.id, "items_sold")] == [7]
    listed = {(r.row, r.column, r.value) for r in f.rejections}
    assert {(2, "成交件数", "1.234"), (3, "成交件数", "2.345"), (4, "成交件数", "3.5")} <= listed
    assert st.rejected == 3
    tombs = ctx.ws.query_one("SELECT count(*) FROM tombstones WHERE table_name = 'metric_samples'")[0]
    assert tombs == 2  # a merged copy drops them too


def test_a_pinned_fraction_reading_rejects_a_contradicting_row_with_its_reason(ctx, live, tmp_path):
    from desktop_app.messages import msg

    path = tmp_path / "scrape.csv"
    append(path, RATE_HEADER + rate_line(0, "0.5"))
    f = Follower(ctx, path, live.id)
    f.poll()
    f.insp.mapped[2].decision.pin("percent_mode", "fraction")  # the user chose "0.123 = 12.3 %"
    append(path, rate_line(1, "12.5") + rate_line(2, "0.7"))
    st = f.poll()
    assert [v for _, v in stored(ctx, live.id, "product_ctr_reported")] == [0.5, 0.7]
    assert st.rejected == 1 and f.rejections[-1].row == 3 and f.rejections[-1].column == "商品点击率"
    assert f.rejections[-1].message.text("zh_CN") == msg("error.ingest.fraction_over_one", lang="zh_CN",
                                                         value="12.5", field="product_ctr_reported")


def test_a_manual_value_is_never_rewritten_by_a_re_decision(ctx, live, tmp_path, clock):
    path = tmp_path / "scrape.csv"
    append(path, RATE_HEADER + rate_line(0, "0.5"))
    f = Follower(ctx, path, live.id)
    f.poll()
    ctx.ws.conn.execute("UPDATE metric_samples SET source = 'manual' WHERE metric_key = 'product_ctr_reported'")
    append(path, rate_line(1, "1.5"))
    f.poll()
    rows = ctx.ws.query("SELECT source, value FROM metric_samples WHERE metric_key = 'product_ctr_reported'"
                        " ORDER BY ts_utc")
    assert [tuple(r) for r in rows] == [("manual", 0.5), ("watch", 0.015)]
