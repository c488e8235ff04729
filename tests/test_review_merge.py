"""Workspace bundles and merging: idempotence, conflicts, mappings, assignments, bad input."""

from __future__ import annotations

import json
import sqlite3
import zipfile
from datetime import date, timedelta
from pathlib import Path

import pytest

from desktop_app.domain.clock import FixedClock
from desktop_app.domain.enums import PersonRole, Platform
from desktop_app.domain.errors import ValidationError
from desktop_app.services import event_log, merge, review, roster
from desktop_app.services.merge import MergeDecisions, MergeNeedsDecision
from desktop_app.services.workspace_service import create_workspace
from desktop_app.storage.bundle import BundleError
from tests.conftest import T0


def _counts(ws) -> dict[str, int]:
    return {t: ws.query_one(f"SELECT count(*) FROM {t}")[0] for t in
            ("people", "clients", "anchors", "assignments", "sessions", "events", "metric_samples", "reviews",
             "action_items", "checklist_runs", "session_summaries")}


def _dump(ws) -> list:
    return [tuple(r) for t in ("sessions", "events", "reviews", "action_items", "anchors", "people", "assignments")
            for r in ws.query(f"SELECT * FROM {t} ORDER BY 1")]


@pytest.fixture(scope="module")
def small_demo(demo_file, tmp_path_factory) -> Path:
    """The demo with most real-time samples dropped: merge rules do not need 100k samples."""
    path = tmp_path_factory.mktemp("small") / "small.liveops"
    src, dst = sqlite3.connect(demo_file), sqlite3.connect(path)
    src.backup(dst)
    src.close()
    dst.execute("DELETE FROM metric_samples WHERE provisional = 1 AND rowid % 40 <> 0")
    dst.commit()
    dst.close()
    return path


@pytest.fixture
def src_copy(small_demo, tmp_path) -> Path:
    target = tmp_path / "src.liveops"
    src, dst = sqlite3.connect(small_demo), sqlite3.connect(target)
    src.backup(dst)
    src.close()
    dst.close()
    return target


@pytest.fixture
def lead_ws(tmp_path, clock):
    c = create_workspace(tmp_path / "lead.liveops", "组长工作区", clock=clock)
    lead, _ = roster.create_person(c, "周组长", PersonRole.LEAD)
    c.actor_id = lead.id
    yield c
    c.ws.close()


@pytest.fixture
def bundle(src_copy, tmp_path, clock):
    from desktop_app.services.workspace_service import open_workspace

    src = open_workspace(src_copy)
    src.clock = clock
    out = tmp_path / "spec.liveops-bundle"
    manifest = merge.export_bundle(src, out)
    src.ws.close()
    return out, manifest


def test_bundle_has_a_manifest_with_checksum_and_no_settings(src_copy, tmp_path, clock):
    from desktop_app.services.workspace_service import open_workspace

    src = open_workspace(src_copy)
    src.ws.conn.execute("UPDATE workspace SET settings_json = ?", ('{"webhook_url": "https://hook.example/SECRET"}',))
    out = tmp_path / "b.zip"
    manifest = merge.export_bundle(src, out)
    src.ws.close()
    with zipfile.ZipFile(out) as zf:
        stored = json.loads(zf.read("manifest.json"))
        raw = zf.read("content.sqlite")
    assert stored["sha256"] == manifest["sha256"] and len(stored["sha256"]) == 64
    assert stored["schema_version"] >= 3 and stored["sessions"] == manifest["counts"]["sessions"] > 0
    assert b"SECRET" not in raw and b"settings_json" not in raw


def test_merge_into_a_fresh_workspace_then_again_changes_nothing(lead_ws, bundle):
    path, manifest = bundle
    report, changes = merge.merge_bundle(lead_ws, path, MergeDecisions("keep-local"))
    assert report.inserted > 0 and not report.conflicts
    counts = _counts(lead_ws.ws)
    assert counts["sessions"] == manifest["sessions"] == counts["session_summaries"]
    assert lead_ws.ws.query_one("SELECT count(*) FROM search_fts WHERE search_fts MATCH '福袋'")[0] > 0
    before = _dump(lead_ws.ws)
    again, changes2 = merge.merge_bundle(lead_ws, path, MergeDecisions("ask"))
    assert again.inserted == again.updated == again.deleted == 0 and again.unchanged > 0
    assert changes2.empty
    assert _dump(lead_ws.ws) == before and _counts(lead_ws.ws) == counts


def test_imported_data_keeps_who_recorded_it(lead_ws, bundle, src_copy):
    path, _ = bundle
    merge.merge_bundle(lead_ws, path, MergeDecisions("keep-local"))
    authors = {r[0] for r in lead_ws.ws.query("SELECT DISTINCT p.name FROM events e JOIN people p ON p.id = e.author_id")}
    assert authors & {"李运营", "王运营", "陈运营"}


def test_same_person_created_twice_is_offered_for_mapping(lead_ws, bundle):
    path, _ = bundle
    # The lead's workspace has its own 周组长 (different id) — "ask" refuses and lists the mapping.
    with pytest.raises(MergeNeedsDecision) as err:
        merge.merge_bundle(lead_ws, path, MergeDecisions("ask"))
    assert [m.name for m in err.value.report.mappings] == ["周组长"]
    assert _counts(lead_ws.ws)["sessions"] == 0
    m = err.value.report.mappings[0]
    report, _ = merge.merge_bundle(lead_ws, path, MergeDecisions("ask", mappings={m.bundle_id: True}))
    assert lead_ws.ws.query_one("SELECT count(*) FROM people WHERE name = '周组长'")[0] == 1
    approver = lead_ws.ws.query_one("SELECT DISTINCT approved_by FROM reviews WHERE approved_by IS NOT NULL")[0]
    assert approver == m.local_id


def test_anchor_with_same_platform_account_is_mapped_and_two_specialists_ask(lead_ws, bundle):
    path, _ = bundle
    spec, _ = roster.create_person(lead_ws, "赵运营", PersonRole.SPECIALIST)
    roster.create_anchor(lead_ws, "小美(本地)", Platform.DOUYIN, specialist_id=spec.id, account_id="dy_xiaomei88")
    with pytest.raises(MergeNeedsDecision) as err:
        merge.merge_bundle(lead_ws, path, MergeDecisions("ask", mappings={}))
    report = err.value.report
    anchor_map = [m for m in report.mappings if m.table == "anchors"]
    assert anchor_map and anchor_map[0].required
    assert [a.anchor_name for a in report.assignment_conflicts] == ["小美(本地)"]
    assert err.value.key in ("error.bundle.mapping_needed", "error.bundle.assignment_conflict")
    decisions = MergeDecisions("ask", mappings={m.bundle_id: True for m in report.mappings},
                               assignments={anchor_map[0].local_id: "bundle"})
    merge.merge_bundle(lead_ws, path, decisions)
    active = lead_ws.ws.query("SELECT p.name FROM assignments a JOIN people p ON p.id = a.specialist_id"
                              " WHERE a.anchor_id = ? AND a.to_utc IS NULL", (anchor_map[0].local_id,))
    assert [r[0] for r in active] == ["李运营"]
    assert lead_ws.ws.query_one("SELECT count(*) FROM anchors WHERE account_id = 'dy_xiaomei88'")[0] == 1


def _merged_pair(lead_ws, bundle):
    path, _ = bundle
    merge.merge_bundle(lead_ws, path, MergeDecisions("keep-local"))
    return path


def test_a_local_edit_after_the_merge_is_kept_without_asking(lead_ws, bundle):
    path = _merged_pair(lead_ws, bundle)
    sid = lead_ws.ws.query_one("SELECT session_id FROM reviews LIMIT 1")[0]
    lead_ws.ws.conn.execute("UPDATE reviews SET fields_json = ?, modified_at = ? WHERE session_id = ?",
                            ('{"values": {"summary": "组长改过"}}', "2030-01-01T00:00:00.000Z", sid))
    report, changes = merge.merge_bundle(lead_ws, path, MergeDecisions("ask"))  # the bundle has nothing new
    assert not report.conflicts and report.updated == 0 and changes.empty
    assert "组长改过" in lead_ws.ws.query_one("SELECT fields_json FROM reviews WHERE session_id = ?", (sid,))[0]


def test_an_edit_on_both_sides_is_a_conflict_and_kept_unless_asked(lead_ws, src_copy, tmp_path, clock):
    from desktop_app.services.workspace_service import open_workspace

    src = open_workspace(src_copy)
    merge.export_bundle(src, tmp_path / "1.zip")
    merge.merge_bundle(lead_ws, tmp_path / "1.zip", MergeDecisions("keep-local"))
    sid = src.ws.query_one("SELECT session_id FROM reviews LIMIT 1")[0]
    src.ws.conn.execute("UPDATE reviews SET fields_json = ?, modified_at = ? WHERE session_id = ?",
                        ('{"values": {"summary": "运营补充"}}', "2029-01-01T00:00:00.000Z", sid))
    merge.export_bundle(src, tmp_path / "2.zip")
    src.ws.close()
    lead_ws.ws.conn.execute("UPDATE reviews SET fields_json = ?, modified_at = ? WHERE session_id = ?",
                            ('{"values": {"summary": "组长改过"}}', "2030-01-01T00:00:00.000Z", sid))
    with pytest.raises(MergeNeedsDecision) as err:
        merge.merge_bundle(lead_ws, tmp_path / "2.zip", MergeDecisions("ask"))
    assert [c.row_id for c in err.value.report.conflicts] == [sid]
    report, _ = merge.merge_bundle(lead_ws, tmp_path / "2.zip", MergeDecisions("keep-local"))
    assert report.kept == 1
    assert "组长改过" in lead_ws.ws.query_one("SELECT fields_json FROM reviews WHERE session_id = ?", (sid,))[0]
    # Decided once: the same bundle again asks nothing and keeps the local edit.
    again, changes = merge.merge_bundle(lead_ws, tmp_path / "2.zip", MergeDecisions("ask"))
    assert not again.conflicts and changes.empty
    assert "组长改过" in lead_ws.ws.query_one("SELECT fields_json FROM reviews WHERE session_id = ?", (sid,))[0]


def test_a_conflict_taken_from_the_bundle_replaces_the_local_row(lead_ws, src_copy, tmp_path):
    from desktop_app.services.workspace_service import open_workspace

    src = open_workspace(src_copy)
    merge.export_bundle(src, tmp_path / "1.zip")
    merge.merge_bundle(lead_ws, tmp_path / "1.zip", MergeDecisions("keep-local"))
    sid = src.ws.query_one("SELECT session_id FROM reviews LIMIT 1")[0]
    src.ws.conn.execute("UPDATE reviews SET fields_json = ?, modified_at = ? WHERE session_id = ?",
                        ('{"values": {"summary": "运营补充"}}', "2029-01-01T00:00:00.000Z", sid))
    merge.export_bundle(src, tmp_path / "2.zip")
    src.ws.close()
    lead_ws.ws.conn.execute("UPDATE reviews SET fields_json = ?, modified_at = ? WHERE session_id = ?",
                            ('{"values": {"summary": "组长改过"}}', "2030-01-01T00:00:00.000Z", sid))
    merge.merge_bundle(lead_ws, tmp_path / "2.zip", MergeDecisions("take-bundle"))
    assert "运营补充" in lead_ws.ws.query_one("SELECT fields_json FROM reviews WHERE session_id = ?", (sid,))[0]


def _backups(ctx) -> list:
    from desktop_app.services import backup

    return [b for b in backup.list_for(ctx) if b.reason == "merge"]


def test_remerging_after_the_leads_approval_changes_nothing_and_asks_nothing(lead_ws, bundle):
    path, _ = bundle
    merge.merge_bundle(lead_ws, path, MergeDecisions("keep-local"))  # maps the bundle's 周组长 onto ours
    sid = lead_ws.ws.query_one("SELECT session_id FROM reviews WHERE status = 'submitted' LIMIT 1")[0]
    review.approve(lead_ws, sid)
    assert review.signoff_for(lead_ws.ws, sid).value == "approved"
    before, counts, backups = _dump(lead_ws.ws), _counts(lead_ws.ws), len(_backups(lead_ws))
    for _ in range(2):
        report, changes = merge.merge_bundle(lead_ws, path, MergeDecisions("ask"))
        assert not report.conflicts and not report.mappings and not report.assignment_conflicts
        assert report.inserted == report.updated == report.deleted == 0 and changes.empty
        assert _dump(lead_ws.ws) == before and _counts(lead_ws.ws) == counts
    assert review.signoff_for(lead_ws.ws, sid).value == "approved"
    assert len(_backups(lead_ws)) == backups  # nothing to write: no backup either


def test_a_merge_that_writes_takes_a_backup_first(lead_ws, bundle):
    from desktop_app.services.backup import read_backup

    path, manifest = bundle
    merge.merge_bundle(lead_ws, path, MergeDecisions("keep-local"), dry_run=True)
    assert _backups(lead_ws) == []  # a dry run writes nothing, so it backs up nothing
    merge.merge_bundle(lead_ws, path, MergeDecisions("keep-local"))
    taken = _backups(lead_ws)
    assert len(taken) == 1
    info = read_backup(taken[0].path)
    assert info.sessions == 0  # the state before the merge
    assert _counts(lead_ws.ws)["sessions"] == manifest["sessions"]


def test_a_failing_backup_stops_the_merge_before_anything_changes(lead_ws, bundle, monkeypatch):
    from desktop_app.storage.errors import DiskFull

    path, _ = bundle
    before = _counts(lead_ws.ws)

    def full(*_a, **_k):
        raise DiskFull("error.storage.disk_full", path="backup")

    monkeypatch.setattr(lead_ws.ws, "backup_to", full)
    with pytest.raises(DiskFull):
        merge.merge_bundle(lead_ws, path, MergeDecisions("keep-local"))
    assert _counts(lead_ws.ws) == before
    assert not any(r[1] == "b" for r in lead_ws.ws.conn.execute("PRAGMA database_list"))


def test_a_newer_bundle_edit_replaces_the_local_row(lead_ws, src_copy, tmp_path, clock):
    from desktop_app.services.workspace_service import open_workspace

    src = open_workspace(src_copy)
    src.clock = FixedClock(T0 + timedelta(days=30))
    merge.export_bundle(src, tmp_path / "1.zip")
    merge.merge_bundle(lead_ws, tmp_path / "1.zip", MergeDecisions("keep-local"))
    ev, sid = src.ws.query_one("SELECT id, session_id FROM events WHERE kind = 'product' LIMIT 1")
    src.ws.conn.execute("UPDATE sessions SET status = 'post', modified_at = '2027-01-01T00:00:00.000Z' WHERE id = ?",
                        (sid,))
    event_log.edit_event(src, ev, text="specialist fixed this later")
    action = src.ws.query_one("SELECT id FROM action_items WHERE session_id = ?", (sid,))
    review.delete_action(src, action[0])
    merge.export_bundle(src, tmp_path / "2.zip")
    src.ws.close()
    try:
        report, _ = merge.merge_bundle(lead_ws, tmp_path / "2.zip", MergeDecisions("ask"))
    except MergeNeedsDecision as e:
        raise AssertionError(e.report.conflicts) from e
    assert report.updated >= 1 and report.deleted == 1 and not report.conflicts
    assert lead_ws.ws.query_one("SELECT text FROM events WHERE id = ?", (ev,))[0] == "specialist fixed this later"
    assert lead_ws.ws.query_one("SELECT count(*) FROM action_items WHERE id = ?", (action[0],))[0] == 0
    hits = lead_ws.ws.query("SELECT rowid FROM search_fts WHERE search_fts MATCH '\"specialist\"'")
    assert hits


def test_date_range_bundle_holds_only_those_sessions(src_copy, tmp_path, lead_ws):
    from desktop_app.services.workspace_service import open_workspace

    src = open_workspace(src_copy)
    day = src.ws.query_one("SELECT min(on_air_utc) FROM sessions")[0][:10]
    d = date.fromisoformat(day)
    manifest = merge.export_bundle(src, tmp_path / "r.zip", date_from=d, date_to=d)
    total = src.ws.query_one("SELECT count(*) FROM sessions")[0]
    src.ws.close()
    assert 0 < manifest["sessions"] < total
    with pytest.raises(ValidationError):
        merge.export_bundle(lead_ws, tmp_path / "bad.zip", date_from=date(2026, 2, 2), date_to=date(2026, 1, 1))
    assert not (tmp_path / "bad.zip").exists()


def test_bad_bundles_are_refused_and_nothing_is_merged(lead_ws, bundle, tmp_path):
    path, _ = bundle
    before = _counts(lead_ws.ws)
    data = path.read_bytes()
    truncated = tmp_path / "truncated.zip"
    truncated.write_bytes(data[: len(data) // 2])
    with pytest.raises(BundleError) as err:
        merge.merge_bundle(lead_ws, truncated, MergeDecisions("take-bundle"))
    assert err.value.key == "error.bundle.not_bundle"

    tampered = tmp_path / "tampered.zip"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(tampered, "w") as dst:
        dst.writestr("manifest.json", src.read("manifest.json"))
        content = tmp_path / "c.sqlite"
        content.write_bytes(src.read("content.sqlite"))
        conn = sqlite3.connect(content)
        conn.execute("UPDATE events SET text = 'tampered'")
        conn.commit()
        conn.close()
        dst.write(content, "content.sqlite")
    with pytest.raises(BundleError) as err:
        merge.merge_bundle(lead_ws, tampered, MergeDecisions("take-bundle"))
    assert err.value.key == "error.bundle.checksum"

    newer = tmp_path / "newer.zip"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(newer, "w") as dst:
        m = json.loads(src.read("manifest.json"))
        m["schema_version"] = 999
        dst.writestr("manifest.json", json.dumps(m))
        dst.writestr("content.sqlite", src.read("content.sqlite"))
    with pytest.raises(BundleError) as err:
        merge.merge_bundle(lead_ws, newer, MergeDecisions("take-bundle"))
    assert err.value.key == "error.bundle.too_new" and "999" in err.value.text("en")

    notzip = tmp_path / "x.zip"
    notzip.write_text("hello", encoding="utf-8")
    with pytest.raises(BundleError):
        merge.merge_bundle(lead_ws, notzip, MergeDecisions("take-bundle"))
    assert _counts(lead_ws.ws) == before


def test_a_bundle_cannot_be_merged_into_its_own_workspace(src_copy, tmp_path):
    from desktop_app.services.workspace_service import open_workspace

    src = open_workspace(src_copy)
    merge.export_bundle(src, tmp_path / "self.zip")
    with pytest.raises(BundleError) as err:
        merge.merge_bundle(src, tmp_path / "self.zip", MergeDecisions("take-bundle"))
    assert err.value.key == "error.bundle.same_workspace"
    src.ws.close()


def test_dry_run_reports_but_writes_nothing(lead_ws, bundle):
    path, _ = bundle
    before = _counts(lead_ws.ws)
    report, changes = merge.merge_bundle(lead_ws, path, MergeDecisions("keep-local"), dry_run=True)
    assert report.inserted > 0 and report.dry_run and changes.empty
    assert _counts(lead_ws.ws) == before


def test_a_failure_mid_merge_rolls_everything_back(lead_ws, bundle, monkeypatch):
    path, _ = bundle
    before = _counts(lead_ws.ws)

    def boom(*a, **k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(merge.summaries, "refresh", boom)
    with pytest.raises(OSError):
        merge.merge_bundle(lead_ws, path, MergeDecisions("keep-local"))
    assert _counts(lead_ws.ws) == before


def test_cancel_rolls_back(lead_ws, bundle):
    path, _ = bundle
    with pytest.raises(BundleError) as err:
        merge.merge_bundle(lead_ws, path, MergeDecisions("keep-local"), cancelled=lambda: True)
    assert err.value.key == "error.bundle.cancelled"
    assert _counts(lead_ws.ws)["sessions"] == 0
