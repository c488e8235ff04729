"""Templates: seeds, versioning (past snapshots never change), retiring, JSON export/import
with a clear problem per bad item and nothing saved from a rejected file."""

from __future__ import annotations

import copy
import json
from dataclasses import replace
from datetime import timedelta

import pytest

from desktop_app.domain.checklist_templates import TemplateRejected, validate_template
from desktop_app.domain.templates import item_to_json
from desktop_app.paths import seeds_dir
from desktop_app.services import checklist_templates as templates
from desktop_app.services import lifecycle
from desktop_app.services.checklist_templates import load_seed
from desktop_app.storage import checklists as repo


def count_templates(ctx):
    return ctx.ws.query_one("SELECT count(*) AS n FROM checklist_templates")["n"]


def test_three_seeded_templates_and_the_extensions_keep_every_daily_key(ctx):
    infos = templates.list_templates(ctx)
    assert [i.name for i in infos][0] == "日常场" and infos[0].is_default
    by_name = {i.name: i for i in infos}
    assert set(by_name) == {"日常场", "大促场", "新品首发"}
    daily = {i.key for i in templates.get_template(ctx, by_name["日常场"].id).items}
    promo = templates.get_template(ctx, by_name["大促场"].id).items
    launch = templates.get_template(ctx, by_name["新品首发"].id).items
    assert daily < {i.key for i in promo} and daily < {i.key for i in launch}
    promo_keys = {i.key for i in promo}
    assert {"pre.d30.promo_signup", "pre.d14.presale_setup", "pre.d1.stock_recheck", "live.r60.budget_pacing",
            "live.r30.stock_double_check", "post.d30.promo_settle"} <= promo_keys
    assert {"pre.d14.selling_points", "pre.d7.launch_samples", "pre.d7.certificates"} <= {i.key for i in launch}


def test_a_promo_session_schedules_thirty_days_ahead(ctx, clock):
    promo = templates.resolve(ctx, "大促场")
    start = clock.now() + timedelta(days=40)
    s, _ = lifecycle.plan_session(ctx, anchor_id=ctx.fixture["anchor"].id, title="双11", scheduled_start=start,
                                  template_id=promo.id)
    due = {r.item_key: r.due_at for r in repo.list_runs(ctx.ws, s.id)}
    assert due["pre.d30.promo_signup"] == start - timedelta(days=30)
    assert due["pre.h1.stock_final"] == start - timedelta(hours=1)


def test_editing_makes_a_new_version_and_leaves_earlier_sessions_alone(ctx, planned):
    before = repo.session_items(ctx.ws, planned.id)
    daily = templates.resolve(ctx, "日常场")
    t = templates.get_template(ctx, daily.id)
    items = [replace(i, text_zh="改过的文字") if i.key == "pre.d1.run_sheet" else i for i in t.items]
    items = [items[1], items[0], *items[2:]]  # reorder
    new_id, changes = templates.save_new_version(ctx, daily.id, items)
    assert changes.templates
    new = templates.get_template(ctx, new_id)
    assert new.version == 2 and new.items[1].text_zh == "改过的文字" and new.items[0].key == "pre.d1.sample_qc"
    assert templates.resolve(ctx, "日常场").id == new_id and templates.list_templates(ctx)[0].is_default
    assert repo.session_items(ctx.ws, planned.id) == before
    assert templates.get_template(ctx, daily.id).items == t.items  # v1 unchanged


def test_retired_items_are_not_used_by_new_sessions_but_stay_in_old_ones(ctx, planned, clock):
    daily = templates.resolve(ctx, "日常场")
    new_id, _ = templates.retire_item(ctx, daily.id, "pre.d1.preheat")
    assert next(i for i in templates.get_template(ctx, new_id).items if i.key == "pre.d1.preheat").retired
    s, _ = lifecycle.plan_session(ctx, anchor_id=ctx.fixture["anchor"].id, title="新场",
                                  scheduled_start=clock.now() + timedelta(days=2))
    assert "pre.d1.preheat" not in {i.key for i in repo.session_items(ctx.ws, s.id)}
    assert "pre.d1.preheat" in {i.key for i in repo.session_items(ctx.ws, planned.id)}
    assert "pre.d1.preheat" in {r.item_key for r in repo.list_runs(ctx.ws, planned.id)}


def test_export_then_import_round_trips_as_a_new_version(ctx, tmp_path):
    daily = templates.resolve(ctx, "日常场")
    path = templates.export_json(ctx, daily.id, tmp_path / "daily.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == "liveops-checklist-template" and len(data["items"]) == 66
    assert not list(tmp_path.glob("*.part"))
    new_id, _ = templates.import_json(ctx, path)
    assert templates.get_template(ctx, new_id).version == 2
    assert [i.key for i in templates.get_template(ctx, new_id).items] == [i["key"] for i in data["items"]]
    # A file with a new name becomes a new family.
    data["name"], data["family_id"] = "团队共享", "someone-elses-family"
    other = tmp_path / "shared.json"
    other.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    shared_id, _ = templates.import_json(ctx, other)
    assert templates.get_template(ctx, shared_id).version == 1 and templates.resolve(ctx, "团队共享").id == shared_id


def _doc():
    return copy.deepcopy(load_seed(seeds_dir() / "default_checklists.json"))


def _problems(data):
    return [(p.index, p.message.key) for p in validate_template(data)[2]]


@pytest.mark.parametrize("mutate, index, key", [
    (lambda d: d["items"][0].update(phase="during"), 1, "template.problem.phase"),
    (lambda d: d["items"][1].update(trigger={"kind": "hourly"}), 2, "template.problem.trigger_kind"),
    (lambda d: d["items"][3].update(key=d["items"][2]["key"]), 4, "template.problem.key_duplicate"),
    (lambda d: d["items"][30]["trigger"].update(every_minutes=0), 31, "template.problem.recurrence"),
    (lambda d: d["items"][30]["trigger"].update(every_minutes=-5), 31, "template.problem.recurrence"),
    (lambda d: d["items"][0]["trigger"].update(minutes=-31 * 1440), 1, "template.problem.offset_too_far"),
    (lambda d: d["items"][-1]["trigger"].update(minutes=31 * 1440), 66, "template.problem.offset_too_far"),
    (lambda d: d["items"][5].update(text_zh="长" * 501), 6, "template.problem.text_too_long"),
    (lambda d: d["items"][0]["fields"][0].update(type="date"), 1, "template.problem.field_type"),
    (lambda d: d["items"][0].update(owner="boss"), 1, "template.problem.owner"),
    (lambda d: d["items"][0]["fields"][1].update(min=10, max=1), 1, "template.problem.field_range"),
    (lambda d: d["items"][0]["fields"][1].update(metric="not_a_metric"), 1, "template.problem.field_metric"),
])
def test_each_bad_item_is_reported_by_position_and_nothing_is_saved(ctx, tmp_path, mutate, index, key):
    data = _doc()
    mutate(data)
    assert (index, key) in _problems(data)
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    n = count_templates(ctx)
    with pytest.raises(TemplateRejected) as exc:
        templates.import_json(ctx, path)
    assert count_templates(ctx) == n
    text = exc.value.text("en")
    assert f"Item {index} (" in text and "nothing was saved" in text


def test_several_problems_are_all_listed_in_both_languages(ctx):
    data = _doc()
    data["items"][0]["phase"] = "x"
    data["items"][40]["trigger"]["every_minutes"] = 0
    data["items"][2]["fields"].append({"id": "photo", "type": "image"})
    with pytest.raises(TemplateRejected) as exc:
        templates.import_document(ctx, data)
    assert [p.index for p in exc.value.problems] == [1, 3, 41]
    zh = exc.value.text("zh_CN")
    assert "第 1 项" in zh and "未知阶段“x”" in zh and "image" in zh and "重复间隔" in zh
    en = exc.value.text("en")
    assert "Unknown phase “x”" in en and "unknown type “image”" in en


def test_unreadable_and_non_json_files_are_one_problem(ctx, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_bytes(b"{\"name\": \xff")
    with pytest.raises(TemplateRejected) as exc:
        templates.import_json(ctx, bad)
    assert "JSON" in exc.value.text("en")
    with pytest.raises(TemplateRejected) as exc:
        templates.import_json(ctx, tmp_path / "missing.json")
    assert "Cannot read" in exc.value.text("en")
    newer = _doc()
    newer["format_version"] = 99
    with pytest.raises(TemplateRejected) as exc:
        templates.import_document(ctx, newer)
    assert "newer than this app" in exc.value.text("en")


def test_saving_edited_items_validates_the_same_way(ctx):
    daily = templates.resolve(ctx, "日常场")
    items = list(templates.get_template(ctx, daily.id).items)
    items[0] = replace(items[0], text_en="")
    n = count_templates(ctx)
    with pytest.raises(TemplateRejected) as exc:
        templates.save_new_version(ctx, daily.id, items)
    assert exc.value.problems[0].index == 1 and count_templates(ctx) == n


def test_export_to_a_locked_file_gives_a_clear_message_and_leaves_no_temp(ctx, tmp_path, monkeypatch):
    import os

    from desktop_app.domain.errors import LiveOpsError

    def denied(*a, **k):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", denied)
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(LiveOpsError) as exc:
        templates.export_json(ctx, templates.resolve(ctx, "日常场").id, out / "t.json")
    assert str(out / "t.json") in exc.value.text("en")
    assert list(out.iterdir()) == []


def test_item_json_round_trip_keeps_everything():
    data = _doc()
    header, items, problems = validate_template(data)
    assert not problems and [item_to_json(i) for i in items] == [
        {**i, "serves": i.get("serves", []), "client_visible": i.get("client_visible", False)} for i in data["items"]]


def test_version_history_names_who_when_what_changed_and_which_sessions_use_it(ctx, clock, planned):
    daily = templates.resolve(ctx, "日常场")
    v1 = templates.get_template(ctx, daily.id)
    items = list(v1.items)
    items[0], items[1] = items[1], items[0]
    items[2] = replace(items[2], text_zh=items[2].text_zh + "（改）", required=not items[2].required)
    items[5] = replace(items[5], retired=True)
    new_item = templates.blank_item("pre", {i.key for i in items})
    items.append(replace(new_item, text_zh="核对新背景板", text_en="Check the new backdrop"))
    removed = items.pop(10)
    clock.advance(hours=1)
    ctx.actor_id = ctx.fixture["lead"].id
    v2_id, _ = templates.save_new_version(ctx, daily.id, items)
    second, _ = lifecycle.plan_session(ctx, anchor_id=ctx.fixture["anchor"].id, title="第二场",
                                       scheduled_start=clock.now() + timedelta(days=2))
    history = templates.version_history(ctx, daily.family_id)
    assert [e.info.version for e in history] == [2, 1]
    newest, first = history
    assert newest.info.id == v2_id and newest.created_by == "周组长" and first.diff is None
    assert newest.info.created_at > first.info.created_at
    d = newest.diff
    assert d.added == (new_item.key,) and d.removed == (removed.key,) and d.retired == (items[5].key,)
    assert d.changed == ((items[2].key, ("text", "required")),) and d.reordered and not d.restored
    assert [s.title for s in first.sessions] == ["测试场"] and [s.title for s in newest.sessions] == ["第二场"]
    assert second.template_version == 2
    # The earlier session's snapshot is what v1 said, whatever v2 did.
    assert [i.key for i in repo.session_items(ctx.ws, planned.id)] == [i.key for i in v1.items]
