"""The demo workspace (issue 3 item 7): deterministic from seed + clock, and realistic."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from desktop_app.domain.clock import FixedClock
from desktop_app.domain.enums import PersonRole
from desktop_app.domain.metrics import COUNTER_KEYS, counter_decreases
from desktop_app.domain.timeutil import from_iso
from desktop_app.services.demo import build_demo_workspace
from desktop_app.services.workspace_service import open_workspace
from desktop_app.storage import roster as roster_repo
from desktop_app.storage import samples as sample_repo
from desktop_app.storage.workspace import Workspace

SHANGHAI = ZoneInfo("Asia/Shanghai")
T0 = datetime(2026, 11, 26, 2, 0, tzinfo=UTC)  # the conftest clock: 10:00 in Shanghai


def content_hash(path) -> str:
    """A hash of every row of every table, in primary-key order."""
    ws = Workspace.open(path, read_only=True)
    h = hashlib.sha256()
    # Real tables only: full-text indexes (virtual tables and their shadows) follow from them.
    tables = [r[0] for r in ws.query(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'"
        " AND name NOT LIKE '%fts%' ORDER BY name")]
    for t in tables:
        h.update(t.encode())
        width = len(ws.conn.execute(f"SELECT * FROM {t} LIMIT 0").description)
        order = "1, 2" if width > 1 else "1"
        for row in ws.query(f"SELECT * FROM {t} ORDER BY {order}"):
            h.update(repr(tuple(row)).encode())
    ws.close()
    return h.hexdigest()


def build(path, seed=2026, clock_at=T0, days=1):
    build_demo_workspace(path, clock=FixedClock(clock_at), seed=seed, days=days).ws.close()
    return content_hash(path)


@pytest.fixture(scope="module")
def base_hash(tmp_path_factory) -> str:
    return build(tmp_path_factory.mktemp("demo-base") / "a.liveops")


def test_same_seed_and_clock_give_the_same_workspace(tmp_path, base_hash):
    assert build(tmp_path / "b.liveops") == base_hash


def test_another_seed_gives_another_workspace(tmp_path, base_hash):
    assert build(tmp_path / "b.liveops", seed=1) != base_hash


@pytest.fixture(scope="module")
def demo(demo_file):
    ctx = open_workspace(demo_file, clock=FixedClock(T0), read_only=True)
    yield ctx
    ctx.ws.close()


def test_the_roster_has_two_clients_three_anchors_with_specialists_and_a_lead(demo):
    ws = demo.ws
    assert len(roster_repo.list_clients(ws)) == 2
    anchors = roster_repo.list_anchors(ws)
    assert len(anchors) == 3 and len({a.platform for a in anchors}) == 3
    specialists = set()
    for a in anchors:
        assignment = roster_repo.active_assignment(ws, a.id)
        person = roster_repo.get_person(ws, assignment.specialist_id)
        assert person.role == PersonRole.SPECIALIST and a.account_id and a.client_id
        specialists.add(person.id)
    assert len(specialists) == 3
    assert [p.name for p in roster_repo.list_people(ws) if p.role == PersonRole.LEAD] == ["周组长"]
    assert demo.actor_id in specialists  # the default person acts


def test_past_days_hold_closed_sessions_of_three_to_four_hours(demo):
    rows = demo.ws.query("SELECT * FROM sessions WHERE status = 'closed' ORDER BY on_air_utc")
    assert len(rows) >= 3
    today = T0.astimezone(SHANGHAI).date()
    days_back = {(today - from_iso(r["on_air_utc"]).astimezone(SHANGHAI).date()).days for r in rows}
    assert days_back == {1, 2}  # the fixture is a 2-day demo; `liveops demo` defaults to 7
    for r in rows:
        hours = (from_iso(r["off_air_utc"]) - from_iso(r["on_air_utc"])).total_seconds() / 3600
        assert 3 <= hours <= 4
        assert from_iso(r["off_air_utc"]) < T0


def test_closed_sessions_have_samples_every_ten_seconds_events_runs_and_reviews(demo):
    ws = demo.ws
    for r in ws.query("SELECT * FROM sessions WHERE status = 'closed'"):
        points = sample_repo.series(ws, r["id"], "online_viewers")
        times = [from_iso(t) for t, _ in points]
        steps = {(b - a).total_seconds() for a, b in zip(times, times[1:], strict=False)}
        assert steps == {10.0}
        duration = (from_iso(r["off_air_utc"]) - from_iso(r["on_air_utc"])).total_seconds()
        assert len(points) >= duration / 10 - 1
        kinds = {k for (k,) in ws.query("SELECT DISTINCT kind FROM events WHERE session_id = ?", (r["id"],))}
        assert {"product", "giveaway"} <= kinds
        runs = ws.query_one("SELECT count(*), sum(status = 'done') FROM checklist_runs WHERE session_id = ?",
                            (r["id"],))
        assert runs[0] > 0 and runs[1] > 0
        assert ws.query_one("SELECT count(*) FROM reviews WHERE session_id = ?", (r["id"],))[0] == 1
        assert ws.query_one("SELECT count(*) FROM metric_samples WHERE session_id = ? AND provisional = 0",
                            (r["id"],))[0] > 0


def test_curves_are_plausible_warm_up_giveaway_peaks_and_decay(demo):
    ws = demo.ws
    for r in ws.query("SELECT * FROM sessions WHERE status = 'closed'"):
        on_air = from_iso(r["on_air_utc"])
        points = [(from_iso(t) - on_air, v) for t, v in sample_repo.series(ws, r["id"], "online_viewers")]

        def mean(a_min, b_min, pts=points):
            vals = [v for d, v in pts if timedelta(minutes=a_min) <= d < timedelta(minutes=b_min)]
            return sum(vals) / len(vals)

        peak = max(v for _, v in points)
        assert mean(0, 2) < 0.5 * peak  # warm-up
        total = points[-1][0].total_seconds() / 60
        assert mean(total - 10, total + 1) < 0.8 * peak  # decay at the end
        giveaways = [from_iso(t) - on_air for (t,) in ws.query(
            "SELECT ts_utc FROM events WHERE session_id = ? AND kind = 'giveaway'", (r["id"],))]
        assert giveaways
        for g in giveaways:
            g_min = g.total_seconds() / 60
            assert mean(g_min - 2, g_min + 4) > mean(g_min - 12, g_min - 8)  # 福袋 lifts the room
        for key in COUNTER_KEYS & {"gmv", "uv", "orders", "buyers"}:
            series = [(from_iso(t), v) for t, v in sample_repo.series(ws, r["id"], key)]
            assert series and counter_decreases(series) == []


def test_one_session_is_planned_for_today(demo):
    rows = demo.ws.query("SELECT * FROM sessions WHERE status = 'planned'")
    assert len(rows) == 1
    start = from_iso(rows[0]["scheduled_start_utc"])
    assert start.astimezone(SHANGHAI).date() == T0.astimezone(SHANGHAI).date()
    assert start > T0
    assert demo.ws.query_one("SELECT count(*) FROM session_targets WHERE session_id = ?", (rows[0]["id"],))[0] >= 3


def test_the_clock_decides_what_today_is(tmp_path, base_hash):
    late = T0.replace(hour=13, minute=30)  # 21:30 in Shanghai, after the usual 20:00 start
    path = tmp_path / "late.liveops"
    assert build(path, clock_at=late) != base_hash
    ws = Workspace.open(path, read_only=True)
    start = from_iso(ws.query_one("SELECT scheduled_start_utc FROM sessions WHERE status = 'planned'")[0])
    ws.close()
    assert start > late and start.astimezone(SHANGHAI).date() == late.astimezone(SHANGHAI).date()


def test_the_demo_workspace_is_healthy_and_opens(demo, demo_file):
    assert demo.ws.quick_check(full=True) == []
    ws = Workspace.open(demo_file, read_only=True)
    assert ws.schema_version() >= 1
    ws.close()
