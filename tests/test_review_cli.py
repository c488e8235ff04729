"""`liveops bundle`, `liveops merge` and `liveops search` as a lead would run them."""

from __future__ import annotations

import json
import sqlite3

import pytest

from desktop_app.cli import main as cli_main
from desktop_app.domain.enums import PersonRole
from desktop_app.services import roster
from desktop_app.services.workspace_service import create_workspace


def run(capsys, *argv) -> tuple[int, str, str]:
    code = cli_main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def lead_path(tmp_path, clock):
    ctx = create_workspace(tmp_path / "lead.liveops", "组长工作区", clock=clock)
    roster.create_person(ctx, "周组长", PersonRole.LEAD)
    ctx.ws.close()
    return tmp_path / "lead.liveops"


def _sessions(path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT count(*) FROM sessions").fetchone()[0]
    finally:
        conn.close()


def _merge_backups(path) -> list:
    folder = path.parent / f"{path.stem}-backups"
    return sorted(folder.glob("*.merge.liveops")) if folder.exists() else []


def test_bundle_then_merge_from_the_command_line(demo_copy, lead_path, tmp_path, capsys, monkeypatch):
    out = tmp_path / "spec.liveops-bundle"
    code, text, err = run(capsys, "bundle", demo_copy, "--out", out, "--json")
    assert code == 0, err
    manifest = json.loads(text)
    assert out.exists() and manifest["sessions"] > 0

    # `ask` without a terminal refuses, lists what needs a decision, and merges nothing.
    monkeypatch.setattr("sys.stdin.isatty", lambda: False, raising=False)
    code, text, err = run(capsys, "merge", lead_path, out)
    assert code != 0
    assert "周组长" in err and "名称相同" in err
    assert _sessions(lead_path) == 0 and _merge_backups(lead_path) == []

    code, text, err = run(capsys, "merge", lead_path, out, "--on-conflict", "keep-local", "--dry-run", "--json")
    assert code == 0, err
    report = json.loads(text)["report"]
    assert report["dry_run"] and report["inserted"] > 0
    assert _sessions(lead_path) == 0 and _merge_backups(lead_path) == []  # a dry run writes and backs up nothing

    code, text, err = run(capsys, "merge", lead_path, out, "--on-conflict", "keep-local", "--json")
    assert code == 0, err
    assert _sessions(lead_path) == manifest["sessions"]
    assert len(_merge_backups(lead_path)) == 1  # taken before the merge wrote anything

    code, text, err = run(capsys, "merge", lead_path, out, "--json")  # again, with `ask`: nothing to ask
    assert code == 0, err
    again = json.loads(text)["report"]
    assert again["inserted"] == again["updated"] == again["deleted"] == 0 and not again["conflicts"]
    assert len(_merge_backups(lead_path)) == 1


def test_search_from_the_command_line_sees_rows_written_by_another_client(demo_copy, capsys):
    conn = sqlite3.connect(demo_copy)  # no app functions registered: any SQLite tool
    sid = conn.execute("SELECT id FROM sessions WHERE status = 'closed' LIMIT 1").fetchone()[0]
    conn.execute("INSERT INTO events (id, session_id, ts_utc, kind, text, internal, source, created_at, modified_at)"
                 " VALUES ('ext-1', ?, '2026-11-20T12:00:00.000Z', 'note', '外部补记：赠品断码', 0, 'manual',"
                 " '2026-11-20T12:00:00.000Z', '2026-11-20T12:00:00.000Z')", (sid,))
    conn.commit()
    conn.close()
    code, text, err = run(capsys, "search", demo_copy, "断码", "--json")
    assert code == 0, err
    hits = json.loads(text)
    assert [h["id"] for h in hits] == ["ext-1"] and hits[0]["session_id"] == sid
