"""Ambiguous notations are decided over the WHOLE column, not the preview rows; bulk-insert triggers."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from desktop_app.services import lifecycle
from desktop_app.services.ingest import importer
from desktop_app.storage import ingest as repo

ROWS = importer.DECIDE_ROWS + 1000


def live_session(ctx, clock):
    clock.set(datetime(2026, 11, 26, 11, 59, tzinfo=UTC))
    s, _ = lifecycle.start_now(ctx, anchor_id=ctx.fixture["anchor"].id, title="整列判定")
    clock.set(datetime(2026, 11, 26, 16, 0, tzinfo=UTC))
    return s


def write_minutes(path, header: str, cells) -> None:
    lines = [f"时间,实时在线人数,{header}"]
    for i, cell in enumerate(cells):
        lines.append(f"2026-11-26 {20 + i // 3600:02d}:{i % 3600 // 60:02d}:{i % 60:02d},{800 + i},{cell}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def values(ctx, sid, key):
    return [r[0] for r in ctx.ws.query("SELECT value FROM metric_samples WHERE session_id = ? AND metric_key = ?"
                                       " ORDER BY ts_utc", (sid, key))]


def run(ctx, path, sid, **kw):
    insp = importer.inspect(ctx, path, session_id=sid)
    return insp, importer.run(ctx, insp, session_id=sid, **kw)


def test_a_rate_over_one_after_the_preview_rows_makes_the_whole_column_percents(ctx, clock, tmp_path):
    s = live_session(ctx, clock)
    path = tmp_path / "rates.csv"
    write_minutes(path, "商品点击率", ["0.5"] * (ROWS - 1) + ["12.5"])
    insp, r = run(ctx, path, s.id)
    assert r.committed and r.counts == {"accepted": ROWS, "rejected": 0, "skipped": 0}
    ctr = values(ctx, s.id, "product_ctr_reported")
    assert ctr[0] == pytest.approx(0.005) and ctr[-1] == pytest.approx(0.125)  # 0.5 % and 12.5 %, not 50 %
    col = next(c for c in insp.columns if c.key == "product_ctr_reported")
    assert col.decision.percent_mode == "percent"  # the committed reading, as the result reports it


def test_rates_all_at_most_one_stay_fractions(ctx, clock, tmp_path):
    s = live_session(ctx, clock)
    path = tmp_path / "rates.csv"
    write_minutes(path, "商品点击率", ["0.5"] * (ROWS - 1) + ["1"])
    run(ctx, path, s.id)
    ctr = values(ctx, s.id, "product_ctr_reported")
    assert ctr[0] == pytest.approx(0.5) and ctr[-1] == pytest.approx(1.0)


def test_dot_groups_are_thousands_only_when_the_whole_column_follows_the_pattern(ctx, clock, tmp_path):
    s = live_session(ctx, clock)
    grouped, broken = tmp_path / "grouped.csv", tmp_path / "broken.csv"
    write_minutes(grouped, "累计观看人数", ["1.234"] * ROWS)
    write_minutes(broken, "GPM", ["1.234"] * (ROWS - 1) + ["2.5"])
    run(ctx, grouped, s.id)
    uv = values(ctx, s.id, "uv")
    assert uv[0] == 1234 and len(uv) == ROWS
    _insp, r = run(ctx, broken, s.id)
    gpm = values(ctx, s.id, "gpm_reported")
    assert r.committed and gpm[0] == pytest.approx(1.234) and gpm[-1] == pytest.approx(2.5)


def test_a_user_chosen_reading_is_kept_whatever_the_column_says(ctx, clock, tmp_path):
    s = live_session(ctx, clock)
    path = tmp_path / "rates.csv"
    write_minutes(path, "商品点击率", ["0.5"] * (ROWS - 1) + ["12.5"])
    insp = importer.inspect(ctx, path, session_id=s.id)
    col = next(c for c in insp.columns if c.key == "product_ctr_reported")
    insp = importer.inspect(ctx, path, session_id=s.id, decisions={col.index: {"percent_mode": "fraction"}})
    r = importer.run(ctx, insp, session_id=s.id)
    # The reading stays a fraction; 12.5 cannot be one (it would be 1250 %): that row is refused, listed.
    assert r.committed and values(ctx, s.id, "product_ctr_reported") == [0.5] * (ROWS - 1)
    assert r.counts["rejected"] == 1 and r.rejected[0].column == "商品点击率" and r.rejected[0].value == "12.5"
    assert r.rejected[0].message.key == "error.ingest.fraction_over_one"


def test_day_first_dates_decided_by_a_late_row():
    from desktop_app.domain import ingest as rules

    ev = rules.ColumnEvidence(rules.K_DATETIME)
    for _ in range(importer.DECIDE_ROWS):
        ev.add("03/04/2026 20:00")
    d = ev.decision()
    assert d.date_order == "mdy"
    ev.add("26/04/2026 20:00")
    assert ev.apply(d) and d.date_order == "dmy"


def test_per_session_trigger_fires_once_per_group_and_rollback_restores_it(ctx, clock):
    s = live_session(ctx, clock)
    ws = ctx.ws
    ws.conn.execute("INSERT INTO reviews (session_id, status, modified_at) VALUES (?, 'approved', '2026-11-26')",
                    (s.id,))
    ws.conn.execute("UPDATE session_summaries SET signoff = 'approved' WHERE session_id = ?", (s.id,))
    ws.conn.commit()
    names = "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'metric_samples'"
    before = sorted(r[0] for r in ws.query(names))
    assert "signoff_samples_ai" in before
    with pytest.raises(RuntimeError), ws.write():
        assert repo.suspend_sample_triggers(ws)
        assert "signoff_samples_ai" not in {r[0] for r in ws.query(names)}
        raise RuntimeError("rolled back")
    assert sorted(r[0] for r in ws.query(names)) == before
    with ws.write():
        suspended = repo.suspend_sample_triggers(ws)
        ws.conn.execute("INSERT INTO metric_samples (id, session_id, ts_utc, metric_key, value, source, provisional,"
                        " created_at) VALUES ('x1', ?, '2026-11-26T12:00:00.000Z', 'gmv', 1, 'import', 1, 'now')",
                        (s.id,))
        signoff = "SELECT signoff FROM session_summaries WHERE session_id = ?"
        assert ws.query_one(signoff, (s.id,))[0] == "approved"  # suspended: not yet
        repo.restore_triggers(ws, suspended)
        repo.fire_insert_triggers(ws, {(s.id, 1)}, "2026-11-26T16:00:00.000Z")
    assert ws.query_one(signoff, (s.id,))[0] == "outdated"
    assert sorted(r[0] for r in ws.query(names)) == before
    assert ws.query_one("SELECT count(*) FROM metric_samples WHERE session_id = ?", (s.id,))[0] == 1
