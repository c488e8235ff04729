"""`liveops demo | check | sessions` (issue 3 item 8): JSON shape, filters, exit codes,
languages, UTF-8 on a GBK console, --as."""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys
from datetime import timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from desktop_app.cli import build_parser
from desktop_app.cli import main as cli_main
from desktop_app.domain.enums import Basis, Platform, SessionOrigin, SessionStatus
from desktop_app.domain.metrics import ALL_KEYS
from desktop_app.domain.timeutil import from_iso
from desktop_app.storage.workspace import latest_version

SESSION_KEYS = ["session_id", "anchor", "client", "specialist", "platform", "title", "status", "origin", "timezone",
                "currency", "scheduled_start_utc", "scheduled_end_utc", "on_air_utc", "off_air_utc", "summary"]
ISO_MS_Z = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$")


def run(capsys, *argv) -> tuple[int, str, str]:
    code = cli_main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def sessions_json(capsys, path, *extra) -> list[dict]:
    code, out, err = run(capsys, "sessions", path, "--json", *extra)
    assert code == 0, err
    return json.loads(out)


def start_of(row) -> str:
    return row["on_air_utc"] or row["scheduled_start_utc"]


# -- sessions --json ------------------------------------------------------------------
def test_sessions_json_has_exactly_the_documented_shape(capsys, demo_file):
    rows = sessions_json(capsys, demo_file)
    assert len(rows) >= 4
    for r in rows:
        assert list(r) == SESSION_KEYS
        for ref in ("anchor", "client", "specialist"):
            assert list(r[ref]) == ["id", "name"] and r[ref]["name"]
        assert r["platform"] in {p.value for p in Platform}
        assert r["status"] in {s.value for s in SessionStatus}
        assert r["origin"] in {o.value for o in SessionOrigin}
        assert r["currency"] == "CNY" and r["timezone"] == "Asia/Shanghai"
        for k in ("scheduled_start_utc", "scheduled_end_utc", "on_air_utc", "off_air_utc"):
            assert r[k] is None or ISO_MS_Z.match(r[k]), (k, r[k])
        summary = r["summary"]
        assert list(summary) == ["kpis", "compliance", "signoff"]
        for key, kpi in summary["kpis"].items():
            assert key in ALL_KEYS
            assert list(kpi) == ["value", "basis", "as_of"]
            assert kpi["basis"] in {b.value for b in Basis}
            assert isinstance(kpi["value"], (int, float)) and not isinstance(kpi["value"], bool)
    closed = [r for r in rows if r["status"] == "closed"]
    assert closed and all(isinstance(r["summary"]["kpis"]["gmv"]["value"], int) for r in closed)  # minor units
    assert any(r["summary"]["kpis"]["gmv"]["basis"] == "settled" for r in closed)
    settled = next(r["summary"]["kpis"]["gmv"] for r in closed if r["summary"]["kpis"]["gmv"]["basis"] == "settled")
    assert re.match(r"^\d{4}-\d\d-\d\d$", settled["as_of"])


def test_sessions_are_sorted_by_start(capsys, demo_file):
    starts = [start_of(r) for r in sessions_json(capsys, demo_file)]
    assert starts == sorted(starts)


def test_a_session_without_summary_row_has_null_summary(capsys, demo_copy):
    conn = sqlite3.connect(demo_copy)
    sid = conn.execute("SELECT id FROM sessions WHERE status = 'planned'").fetchone()[0]
    conn.execute("DELETE FROM session_summaries WHERE session_id = ?", (sid,))
    conn.commit()
    conn.close()
    rows = {r["session_id"]: r for r in sessions_json(capsys, demo_copy)}
    assert rows[sid]["summary"] is None
    assert all(r["summary"] is not None for k, r in rows.items() if k != sid)


def test_filters_by_anchor_client_and_status(capsys, demo_file):
    rows = sessions_json(capsys, demo_file)
    anchor = rows[0]["anchor"]["id"]
    by_anchor = sessions_json(capsys, demo_file, "--anchor", anchor)
    assert by_anchor and all(r["anchor"]["id"] == anchor for r in by_anchor)
    assert len(by_anchor) == sum(r["anchor"]["id"] == anchor for r in rows)
    client = rows[0]["client"]["id"]
    by_client = sessions_json(capsys, demo_file, "--client", client)
    assert [r["session_id"] for r in by_client] == [r["session_id"] for r in rows if r["client"]["id"] == client]
    planned = sessions_json(capsys, demo_file, "--status", "planned")
    assert len(planned) == 1 and planned[0]["status"] == "planned"
    assert sessions_json(capsys, demo_file, "--anchor", "no-such-anchor") == []


def test_filters_by_local_date_inclusive(capsys, demo_file):
    rows = sessions_json(capsys, demo_file)
    tz = ZoneInfo("Asia/Shanghai")
    local_day = {r["session_id"]: from_iso(start_of(r)).astimezone(tz).date() for r in rows}
    days = sorted(set(local_day.values()))
    first, last = days[0], days[-1]
    only_first = sessions_json(capsys, demo_file, "--from", first, "--to", first)
    assert {r["session_id"] for r in only_first} == {k for k, d in local_day.items() if d == first}
    from_second = sessions_json(capsys, demo_file, "--from", first + timedelta(days=1))
    assert {r["session_id"] for r in from_second} == {k for k, d in local_day.items() if d > first}
    up_to_last = sessions_json(capsys, demo_file, "--to", last)
    assert len(up_to_last) == len(rows)
    assert sessions_json(capsys, demo_file, "--from", last + timedelta(days=1)) == []


def test_a_bad_date_is_refused_naming_the_option(capsys, demo_file):
    code, out, err = run(capsys, "sessions", demo_file, "--from", "2026-13-01", "--lang", "en")
    assert code == 1 and out == ""
    assert "“From”" in err and "2026-13-01" in err


# -- exit codes ------------------------------------------------------------------------
@pytest.mark.parametrize("argv", [[], ["sessions"], ["no-such-command"], ["sessions", "x", "--status", "done"],
                                  ["sessions", "x", "--bogus"], ["check"]])
def test_usage_errors_exit_2(capsys, argv):
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert err.strip()


def test_a_missing_workspace_is_refused_with_exit_1(capsys, tmp_path):
    missing = tmp_path / "nope.liveops"
    code, out, err = run(capsys, "sessions", missing)
    assert code == 1 and out == "" and str(missing) in err and "找不到工作区文件" in err
    assert not missing.exists()


def test_a_file_that_is_not_a_workspace_is_refused_by_every_command(capsys, tmp_path):
    path = tmp_path / "notes.liveops"
    path.write_text("not a database", encoding="utf-8")
    for cmd in ("sessions", "check"):
        code, _, err = run(capsys, cmd, path, "--lang", "en")
        assert code == 1 and "not a LiveOps Desk workspace" in err
    assert path.read_text(encoding="utf-8") == "not a database"


def test_version_and_help_exit_0(capsys):
    assert run(capsys, "--version")[0] == 0
    assert run(capsys, "sessions", "--help")[0] == 0


# -- languages and encoding --------------------------------------------------------------------
def test_lang_switches_the_catalog_for_text_output(capsys, demo_file):
    code_zh, out_zh, _ = run(capsys, "sessions", demo_file, "--lang", "zh_CN")
    code_en, out_en, _ = run(capsys, "--lang", "en", "sessions", demo_file)
    assert code_zh == code_en == 0
    n = len(out_zh.strip().splitlines()) - 1
    assert out_zh.strip().endswith(f"共 {n} 个场次。") and out_en.strip().endswith(f"{n} sessions.")
    assert "已结束" in out_zh and "Closed" in out_en and "已结束" not in out_en
    assert out_zh != out_en


def test_lang_given_before_the_command_is_kept(capsys, tmp_path):
    code, _, err = run(capsys, "--lang", "en", "sessions", tmp_path / "x.liveops")
    assert code == 1 and "does not exist" in err


def test_output_is_utf8_even_on_a_gbk_console(demo_file):
    env = {**os.environ, "PYTHONIOENCODING": "gbk", "LIVEOPS_LANG": "zh_CN"}
    code = "import sys; from desktop_app.cli import main; sys.exit(main())"
    for argv in (["sessions", str(demo_file)], ["sessions", str(demo_file), "--json"]):
        proc = subprocess.run([sys.executable, "-c", code, *argv], capture_output=True, env=env, timeout=120)
        assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")
        text = proc.stdout.decode("utf-8")  # raises if the bytes are GBK
        assert "小美" in text
    proc = subprocess.run([sys.executable, "-c", code, "sessions", "缺失.liveops"], capture_output=True, env=env,
                          timeout=120)
    assert proc.returncode == 1 and "找不到工作区文件 缺失.liveops" in proc.stderr.decode("utf-8")


# -- demo and check ------------------------------------------------------------------------------
def test_demo_then_check_pass(capsys, tmp_path):
    path = tmp_path / "demo.liveops"
    code, out, err = run(capsys, "demo", path, "--days", "1", "--seed", "7")
    assert code == 0, err
    assert str(path) in out and "已创建演示工作区" in out
    code, out, err = run(capsys, "check", path)
    assert code == 0 and "完整性检查通过" in out and err == ""
    code, out, _ = run(capsys, "check", path, "--json")
    assert json.loads(out) == {"path": str(path), "schema_version": latest_version(), "supported": latest_version(),
                               "ok": True, "problems": []}


def test_demo_refuses_to_overwrite_an_existing_file(capsys, tmp_path):
    path = tmp_path / "mine.liveops"
    path.write_bytes(b"precious")
    code, _, err = run(capsys, "demo", path)
    assert code == 1 and str(path) in err
    assert path.read_bytes() == b"precious"


def test_demo_defaults_to_a_week():
    args = build_parser().parse_args(["demo", "x.liveops"])
    assert args.days == 7


def test_check_reports_a_too_new_workspace(capsys, demo_copy):
    conn = sqlite3.connect(demo_copy)
    conn.execute(f"PRAGMA user_version = {latest_version() + 1}")
    conn.close()
    code, _, err = run(capsys, "check", demo_copy, "--lang", "en")
    assert code == 1 and "newer LiveOps Desk" in err


# -- acting person ------------------------------------------------------------------------------
def test_an_unknown_acting_person_is_refused(capsys, demo_file):
    code, out, err = run(capsys, "sessions", demo_file, "--as", "不存在的人")
    assert code == 1 and out == ""
    assert "找不到人员：不存在的人" in err


def test_a_known_acting_person_by_name_or_id_is_accepted(capsys, demo_file):
    assert run(capsys, "sessions", demo_file, "--as", "周组长")[0] == 0
    conn = sqlite3.connect(demo_file)
    pid = conn.execute("SELECT id FROM people WHERE name = '李运营'").fetchone()[0]
    conn.close()
    assert run(capsys, "--as", pid, "sessions", demo_file)[0] == 0


def test_sessions_never_writes(capsys, demo_copy):
    before = (Path(demo_copy).read_bytes(), Path(demo_copy).stat().st_mtime_ns)
    sessions_json(capsys, demo_copy)
    assert (Path(demo_copy).read_bytes(), Path(demo_copy).stat().st_mtime_ns) == before
