"""Migration 0008: metric_samples keeps every row and every rule with its cheaper CHECK."""

from __future__ import annotations

import sqlite3
from datetime import timedelta

import pytest

from desktop_app.domain.enums import PersonRole, Platform
from desktop_app.services import lifecycle, metrics_entry, roster
from desktop_app.services.workspace_service import create_workspace, open_workspace
from desktop_app.storage import samples as sample_repo

COLUMNS = "rowid, id, session_id, ts_utc, metric_key, value, source, provisional, as_of, import_id"


def _old_workspace(tmp_path, clock, migrations_upto):
    path = tmp_path / "old.liveops"
    with migrations_upto(7):
        ctx = create_workspace(path, "旧工作区", clock=clock)
        assert ctx.ws.schema_version() == 7
        spec, _ = roster.create_person(ctx, "李运营", PersonRole.SPECIALIST)
        ctx.actor_id = spec.id
        anchor, _ = roster.create_anchor(ctx, "小美", Platform.DOUYIN, specialist_id=spec.id)
        s, _ = lifecycle.start_now(ctx, anchor_id=anchor.id, title="旧场次")
        for _minute in range(3):
            clock.advance(minutes=1)
            metrics_entry.record_snapshot(ctx, s.id, {"online_viewers": "1200", "gmv": "3.5万"})
        ctx.ws.close()
    return path, s.id


def _rows(path):
    conn = sqlite3.connect(path)
    try:
        return conn.execute(f"SELECT {COLUMNS} FROM metric_samples ORDER BY rowid").fetchall()
    finally:
        conn.close()


def test_upgrade_keeps_rows_indexes_trigger_and_rules(tmp_path, clock, migrations_upto):
    path, session_id = _old_workspace(tmp_path, clock, migrations_upto)
    before = _rows(path)
    assert len(before) == 6
    ctx = open_workspace(path, clock=clock)
    try:
        assert ctx.ws.schema_version() >= 9
        assert ctx.ws.quick_check(full=True) == []
    finally:
        ctx.ws.close()
    assert _rows(path) == before
    conn = sqlite3.connect(path)
    try:
        names = {r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE tbl_name = 'metric_samples' AND type IN ('index', 'trigger')")}
        assert {"metric_samples_session_key_ts", "metric_samples_settled", "signoff_samples_ai"} <= names
        assert "metric_samples_import" not in names  # migration 0009: no query read it
        row = ("x1", session_id, "2026-01-01T00:00:00.000Z", "gmv", 1, "import", 1, None, None, None, None,
               "2026-01-01T00:00:00.000Z")
        conn.execute(sample_repo.INSERT_SQL, row)  # every source the app writes is still accepted
        with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
            conn.execute(sample_repo.INSERT_SQL, ("x2", *row[1:5], "scraper", *row[6:]))
        with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
            conn.execute(sample_repo.INSERT_SQL, ("x3", *row[1:6], 0, None, *row[8:]))
        with pytest.raises(sqlite3.IntegrityError, match="UNIQUE"):
            conn.execute(sample_repo.INSERT_SQL, row)
    finally:
        conn.close()


def test_every_source_the_domain_knows_passes_the_check(ctx, clock):
    from desktop_app.domain.enums import Source

    s, _ = lifecycle.start_now(ctx, anchor_id=ctx.fixture["anchor"].id, title="t")
    clock.advance(minutes=1)
    with ctx.ws.write():
        for i, source in enumerate(Source):
            ctx.ws.conn.execute(sample_repo.INSERT_SQL, (f"s{i}", s.id, "2026-01-01T00:00:00.000Z", "gmv", 1,
                                                        str(source), 1, None, None, None, None,
                                                        (clock.now() + timedelta(seconds=i)).isoformat()))
    n = ctx.ws.query_one("SELECT count(*) FROM metric_samples WHERE id LIKE 's%'")[0]
    assert n == len(Source)
