"""The session list (issue 3 §5, §8): one filter in storage serving the repository, the read model
and `liveops sessions`; JSON read from session_summaries; compact when piped, indented on a terminal."""

from __future__ import annotations

import json
import sqlite3
from datetime import timedelta

import pytest

from desktop_app import cli
from desktop_app.cli import main as cli_main
from desktop_app.domain.timeutil import from_iso
from desktop_app.services import lifecycle, metrics_entry
from desktop_app.services.queries import session_rows
from desktop_app.services.workspace_service import open_workspace
from desktop_app.storage.sessions import SessionFilter, list_sessions


@pytest.fixture
def demo_ctx(demo_file):
    c = open_workspace(demo_file, read_only=True)
    yield c
    c.ws.close()


def _start(row: dict):
    return from_iso(row["on_air_utc"] or row["scheduled_start_utc"])


def _filters(rows: list[dict]) -> dict[str, tuple[dict, object]]:
    """Per filter: the keyword arguments and the predicate a row must satisfy."""
    first, last = rows[0], rows[-1]
    middle = _start(rows[len(rows) // 2])
    specialist = last["specialist"]["id"]
    return {
        "start_from": ({"start_from": middle}, lambda r: _start(r) >= middle),
        "start_to": ({"start_to": middle}, lambda r: _start(r) < middle),
        "anchor_id": ({"anchor_id": first["anchor"]["id"]}, lambda r: r["anchor"]["id"] == first["anchor"]["id"]),
        "client_id": ({"client_id": first["client"]["id"]},
                      lambda r: (r["client"] or {}).get("id") == first["client"]["id"]),
        "specialist_id": ({"specialist_id": specialist}, lambda r: r["specialist"]["id"] == specialist),
        "statuses": ({"statuses": ("planned", "live")}, lambda r: r["status"] in ("planned", "live")),
    }


@pytest.mark.parametrize("name", ["start_from", "start_to", "anchor_id", "client_id", "specialist_id", "statuses"])
def test_each_filter_keeps_exactly_the_matching_sessions_in_both_lists(demo_ctx, name):
    everything = session_rows(demo_ctx)
    kwargs, keep = _filters(everything)[name]
    expected = [r["session_id"] for r in everything if keep(r)]
    assert 0 < len(expected) < len(everything), name  # the filter really removes something
    assert [r["session_id"] for r in session_rows(demo_ctx, **kwargs)] == expected
    assert [s.id for s in list_sessions(demo_ctx.ws, SessionFilter(**kwargs))] == expected


def test_filters_combine_with_and(demo_ctx):
    everything = session_rows(demo_ctx)
    anchor = next(r["anchor"]["id"] for r in everything if r["status"] == "planned")
    kwargs = {"anchor_id": anchor, "statuses": ("closed",)}
    expected = [r["session_id"] for r in everything if r["anchor"]["id"] == anchor and r["status"] == "closed"]
    assert expected and len(expected) < len([r for r in everything if r["anchor"]["id"] == anchor])
    assert [r["session_id"] for r in session_rows(demo_ctx, **kwargs)] == expected
    assert [s.id for s in list_sessions(demo_ctx.ws, SessionFilter(**kwargs))] == expected
    window = {"start_from": _start(everything[-1]) + timedelta(seconds=1)}
    assert session_rows(demo_ctx, **window) == [] and list_sessions(demo_ctx.ws, SessionFilter(**window)) == []


def test_cli_filters_by_specialist(capsys, demo_file):
    assert cli_main(["sessions", str(demo_file), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    specialist = rows[-1]["specialist"]["id"]
    assert cli_main(["sessions", str(demo_file), "--json", "--specialist", specialist]) == 0
    mine = json.loads(capsys.readouterr().out)
    assert [r["session_id"] for r in mine] == [r["session_id"] for r in rows if r["specialist"]["id"] == specialist]
    assert 0 < len(mine) < len(rows)


def test_piped_json_is_compact_one_session_per_line_and_equals_the_read_model(capsys, demo_file, demo_ctx):
    assert cli_main(["sessions", str(demo_file), "--json"]) == 0
    out = capsys.readouterr().out
    rows = session_rows(demo_ctx)
    assert json.loads(out) == rows
    lines = out.splitlines()
    assert len(lines) == len(rows)  # "[{…},", "{…},", …, "{…}]"
    assert "\n  " not in out and '": ' not in lines[0]
    assert json.loads(lines[1].rstrip(","))["session_id"] == rows[1]["session_id"]


def test_terminal_json_is_indented_with_the_same_content(capsys, demo_file, monkeypatch):
    assert cli_main(["sessions", str(demo_file), "--json"]) == 0
    piped = capsys.readouterr().out
    monkeypatch.setattr(cli, "stdout_is_terminal", lambda: True)
    assert cli_main(["sessions", str(demo_file), "--json"]) == 0
    shown = capsys.readouterr().out
    assert '\n  {\n    "session_id": ' in shown
    assert json.loads(shown) == json.loads(piped)


def test_no_matching_session_prints_an_empty_list(capsys, demo_file):
    assert cli_main(["sessions", str(demo_file), "--json", "--anchor", "nobody"]) == 0
    assert capsys.readouterr().out == "[]\n"


def test_kpis_are_read_from_the_summary_row_not_recomputed(capsys, demo_copy):
    conn = sqlite3.connect(demo_copy)
    sid = conn.execute("SELECT session_id FROM session_summaries WHERE status = 'closed' LIMIT 1").fetchone()[0]
    kpis = {"gmv": {"value": 4242, "basis": "settled", "as_of": "2026-11-20"}}
    conn.execute("UPDATE session_summaries SET kpis_json = ? WHERE session_id = ?", (json.dumps(kpis), sid))
    conn.commit()
    conn.close()
    assert cli_main(["sessions", str(demo_copy), "--json"]) == 0
    row = next(r for r in json.loads(capsys.readouterr().out) if r["session_id"] == sid)
    assert row["summary"]["kpis"] == kpis


def test_a_new_snapshot_shows_up_in_the_list_at_once(capsys, ctx, planned):
    lifecycle.start_preparing(ctx, planned.id)
    lifecycle.go_live(ctx, planned.id, override_reason="测试")
    ctx.clock.advance(minutes=5)
    metrics_entry.record_snapshot(ctx, planned.id, {"gmv": "1.2万", "online_viewers": 3500})
    path = str(ctx.ws.path)
    assert cli_main(["sessions", path, "--json"]) == 0
    kpis = json.loads(capsys.readouterr().out)[0]["summary"]["kpis"]
    assert kpis["gmv"]["value"] == 1_200_000 and kpis["gmv"]["basis"] == "provisional"
    assert kpis["peak_online_viewers"]["value"] == 3500
    ctx.clock.advance(minutes=1)
    metrics_entry.record_snapshot(ctx, planned.id, {"gmv": "1.5万", "online_viewers": 4100})
    assert cli_main(["sessions", path, "--json"]) == 0
    kpis = json.loads(capsys.readouterr().out)[0]["summary"]["kpis"]
    assert kpis["gmv"]["value"] == 1_500_000 and kpis["peak_online_viewers"]["value"] == 4100


def _history_cases(rows: list[dict], tz) -> dict[str, tuple[dict, object]]:
    """Per history-view filter: the HistoryFilter fields and the predicate a session row must satisfy."""
    from desktop_app.domain.timeutil import local

    first, last = rows[0], rows[-1]
    first_day, last_day = local(_start(first), tz).date(), local(_start(last), tz).date()
    platform = last["platform"]
    signed = next(r["summary"]["signoff"] for r in rows if (r["summary"] or {}).get("signoff"))
    on_day = lambda r: local(_start(r), tz).date()  # noqa: E731
    return {
        "date_from": ({"date_from": last_day}, lambda r: on_day(r) >= last_day),
        "date_to": ({"date_to": first_day}, lambda r: on_day(r) <= first_day),
        "anchor_id": ({"anchor_id": first["anchor"]["id"]}, lambda r: r["anchor"]["id"] == first["anchor"]["id"]),
        "client_id": ({"client_id": first["client"]["id"]},
                      lambda r: (r["client"] or {}).get("id") == first["client"]["id"]),
        "specialist_id": ({"specialist_id": last["specialist"]["id"]},
                          lambda r: r["specialist"]["id"] == last["specialist"]["id"]),
        "platform": ({"platform": platform}, lambda r: r["platform"] == platform),
        "status": ({"status": "closed"}, lambda r: r["status"] == "closed"),
        "signoff": ({"signoff": signed}, lambda r: (r["summary"] or {}).get("signoff") == signed),
    }


@pytest.mark.parametrize("name", ["date_from", "date_to", "anchor_id", "client_id", "specialist_id", "platform",
                                  "status", "signoff"])
def test_history_view_filters_the_same_sessions_as_the_session_list(demo_ctx, name):
    """The team-lead history reads session_summaries through the same SessionFilter: each of its
    filters keeps exactly the sessions the session list (sessions table) keeps for it."""
    from desktop_app.services.history import HistoryFilter, history

    everything = session_rows(demo_ctx)
    tz = demo_ctx.ws.query_one("SELECT default_timezone FROM workspace")[0]
    kwargs, keep = _history_cases(everything, tz)[name]
    expected = {r["session_id"] for r in everything if keep(r)}
    assert 0 < len(expected) < len(everything), name
    assert {row[0] for row in history(demo_ctx, HistoryFilter(**kwargs))} == expected


def test_history_view_refuses_a_reversed_date_range(demo_ctx):
    from datetime import date

    from desktop_app.domain.errors import ValidationError
    from desktop_app.services.history import HistoryFilter, history

    with pytest.raises(ValidationError) as err:
        history(demo_ctx, HistoryFilter(date_from=date(2026, 11, 27), date_to=date(2026, 11, 26)))
    assert err.value.field == "date_from"


def test_trends_and_specialist_rates_count_only_sessions_in_the_date_range(demo_ctx):
    from desktop_app.domain.timeutil import local
    from desktop_app.services import history

    tz = demo_ctx.ws.query_one("SELECT default_timezone FROM workspace")[0]
    rows = [r for r in session_rows(demo_ctx) if r["status"] != "cancelled" and _start(r) is not None]
    first_day, last_day = local(_start(rows[0]), tz).date(), local(_start(rows[-1]), tz).date()
    assert first_day < last_day
    day = {r["session_id"]: local(_start(r), tz).date() for r in rows}
    client = next(r["client"]["id"] for r in rows  # a client with sessions on both days
                  if {first_day, last_day}
                  <= {day[x["session_id"]] for x in rows if (x["client"] or {}).get("id") == r["client"]["id"]})

    def sessions_in_trends(**days) -> int:
        trends = history.weekly_trends(demo_ctx, client_id=client, **days)
        return sum(p.sessions for pts in trends.values() for p in pts)

    def sessions_in_rates(**days) -> int:
        return sum(r.sessions for r in history.specialist_rates(demo_ctx, **days))

    for count in (sessions_in_trends, sessions_in_rates):
        everything = count()
        first = count(end=first_day)  # whole days in the workspace's zone, both ends inclusive
        later = count(start=last_day)
        assert 0 < first < everything and 0 < later < everything, count.__name__
        assert count(start=first_day, end=last_day) == everything
