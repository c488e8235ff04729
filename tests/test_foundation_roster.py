"""Roster rules (issue 3 item 4): names, one active specialist per anchor, history, archiving."""

from __future__ import annotations

import sqlite3
from datetime import timedelta

import pytest

from desktop_app.domain.enums import PersonRole, Platform
from desktop_app.domain.errors import ValidationError
from desktop_app.services import lifecycle, roster
from desktop_app.storage import roster as repo

TABLES = ("people", "clients", "anchors", "assignments")


def counts(ctx) -> dict[str, int]:
    return {t: ctx.ws.query_one(f"SELECT count(*) FROM {t}")[0] for t in TABLES}


def refused(ctx, fn, *args, **kwargs) -> ValidationError:
    """Run a call that must be refused; check nothing in the roster changed."""
    before = counts(ctx)
    with pytest.raises(ValidationError) as exc:
        fn(*args, **kwargs)
    assert counts(ctx) == before
    assert not ctx.ws.conn.in_transaction
    return exc.value


@pytest.mark.parametrize("name", ["", "   ", "\u3000", None])
def test_an_empty_name_is_refused_naming_the_field(ctx, name):
    for fn in (lambda: roster.create_client(ctx, name), lambda: roster.create_person(ctx, name, "specialist"),
               lambda: roster.create_anchor(ctx, name, "douyin", specialist_id=ctx.fixture["specialist"].id)):
        e = refused(ctx, fn)
        assert e.field == "name"
        assert e.text("zh_CN") == "请填写“名称”。"
        assert "Name" in e.text("en")


def test_a_too_long_name_is_refused_naming_the_field_and_limit(ctx):
    e = refused(ctx, roster.create_client, ctx, "客" * (roster.MAX_NAME + 1))
    assert e.field == "name" and str(roster.MAX_NAME) in e.text("zh_CN") and "名称" in e.text("zh_CN")
    roster.create_client(ctx, "客" * roster.MAX_NAME)  # exactly at the limit is fine


@pytest.mark.parametrize("variant", ["花间美妆", " 花间美妆 ", "花间美妆\t"])
def test_a_duplicate_client_name_is_refused(ctx, variant):
    e = refused(ctx, roster.create_client, ctx, variant)
    assert e.field == "name" and "花间美妆" in e.text("zh_CN")


def test_duplicate_names_ignore_case_for_people_and_anchors(ctx):
    roster.create_person(ctx, "Amy", PersonRole.SPECIALIST)
    assert refused(ctx, roster.create_person, ctx, "amy", PersonRole.LEAD).field == "name"
    assert refused(ctx, roster.create_anchor, ctx, "小美", Platform.KUAISHOU,
                   specialist_id=ctx.fixture["specialist"].id).field == "name"


def test_renaming_onto_another_name_is_refused_but_keeping_ones_own_is_fine(ctx):
    other, _ = roster.create_client(ctx, "暖冬服饰")
    with pytest.raises(ValidationError):
        roster.update_client(ctx, other.id, name="花间美妆")
    assert repo.get_client(ctx.ws, other.id).name == "暖冬服饰"
    roster.update_client(ctx, other.id, name="暖冬服饰")


def test_an_anchor_without_a_specialist_is_refused(ctx):
    for spec in (None, ""):
        e = refused(ctx, roster.create_anchor, ctx, "新主播", Platform.DOUYIN, specialist_id=spec)
        assert e.field == "specialist" and "运营专家" in e.text("zh_CN")


def test_an_anchor_with_an_unknown_or_archived_specialist_is_refused(ctx):
    assert refused(ctx, roster.create_anchor, ctx, "新主播", Platform.DOUYIN,
                   specialist_id="no-such-person").field == "specialist"
    spare, _ = roster.create_person(ctx, "闲置", PersonRole.SPECIALIST)
    roster.archive_person(ctx, spare.id)
    assert refused(ctx, roster.create_anchor, ctx, "新主播", Platform.DOUYIN,
                   specialist_id=spare.id).field == "specialist"


def test_a_lead_cannot_be_assigned_to_an_anchor(ctx):
    lead = ctx.fixture["lead"]
    e = refused(ctx, roster.create_anchor, ctx, "新主播", Platform.DOUYIN, specialist_id=lead.id)
    assert e.field == "specialist" and "周组长" in e.text("zh_CN")
    anchor = ctx.fixture["anchor"]
    refused(ctx, roster.assign_specialist, ctx, anchor.id, lead.id)
    assert repo.active_assignment(ctx.ws, anchor.id).specialist_id == ctx.fixture["specialist"].id


def test_a_specialist_with_anchors_cannot_become_a_lead(ctx):
    spec = ctx.fixture["specialist"]
    with pytest.raises(ValidationError) as exc:
        roster.update_person(ctx, spec.id, role=PersonRole.LEAD)
    assert exc.value.field == "role"
    assert repo.get_person(ctx.ws, spec.id).role == PersonRole.SPECIALIST


def test_unknown_platform_and_timezone_are_refused(ctx):
    spec = ctx.fixture["specialist"].id
    assert refused(ctx, roster.create_anchor, ctx, "新主播", "weibo", specialist_id=spec).field == "platform"
    assert refused(ctx, roster.create_anchor, ctx, "新主播", "douyin", specialist_id=spec,
                   timezone="Mars/Base").field == "timezone"


def test_a_platform_account_belongs_to_one_anchor(ctx):
    e = refused(ctx, roster.create_anchor, ctx, "别名", Platform.DOUYIN,
                specialist_id=ctx.fixture["specialist"].id, account_id=" dy_xm ")
    assert e.field == "account_id" and "小美" in e.text("zh_CN")
    # the same account id on another platform is a different account
    roster.create_anchor(ctx, "快手小美", Platform.KUAISHOU, specialist_id=ctx.fixture["specialist"].id,
                         account_id="dy_xm")


def test_reassignment_keeps_the_history(ctx, clock):
    anchor, first, second = ctx.fixture["anchor"], ctx.fixture["specialist"], ctx.fixture["specialist2"]
    t1 = clock.advance(days=3)
    roster.assign_specialist(ctx, anchor.id, second.id)
    history = repo.assignment_history(ctx.ws, anchor.id)
    assert [(a.specialist_id, a.active) for a in history] == [(first.id, False), (second.id, True)]
    assert history[0].to_utc == t1 == history[1].from_utc
    # new sessions default to the new specialist; the old one can now be archived
    s, _ = lifecycle.plan_session(ctx, anchor_id=anchor.id, title="换人后", scheduled_start=t1 + timedelta(hours=2))
    assert s.specialist_id == second.id
    roster.archive_person(ctx, first.id)
    assert repo.get_person(ctx.ws, first.id).archived


def test_reassigning_to_the_current_specialist_changes_nothing(ctx):
    anchor = ctx.fixture["anchor"]
    changes = roster.assign_specialist(ctx, anchor.id, ctx.fixture["specialist"].id)
    assert changes.empty
    assert len(repo.assignment_history(ctx.ws, anchor.id)) == 1


def test_the_database_refuses_two_active_assignments_for_one_anchor(ctx):
    anchor = ctx.fixture["anchor"]
    with pytest.raises(sqlite3.IntegrityError):
        ctx.ws.conn.execute(
            "INSERT INTO assignments (id, anchor_id, specialist_id, from_utc, to_utc, created_at, modified_at)"
            " VALUES ('x', ?, ?, '2026-01-01T00:00:00.000Z', NULL, 'now', 'now')",
            (anchor.id, ctx.fixture["specialist2"].id))
    assert len([a for a in repo.assignment_history(ctx.ws, anchor.id) if a.active]) == 1


def test_the_database_refuses_an_assignment_ending_before_it_starts(ctx):
    with pytest.raises(sqlite3.IntegrityError):
        ctx.ws.conn.execute(
            "INSERT INTO assignments (id, anchor_id, specialist_id, from_utc, to_utc, created_at, modified_at)"
            " VALUES ('y', ?, ?, '2026-02-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', 'now', 'now')",
            (ctx.fixture["anchor"].id, ctx.fixture["specialist2"].id))


def test_archiving_a_person_who_still_has_anchors_is_refused(ctx):
    spec = ctx.fixture["specialist"]
    e = refused(ctx, roster.archive_person, ctx, spec.id)
    assert "李运营" in e.text("zh_CN")
    assert not repo.get_person(ctx.ws, spec.id).archived
    roster.archive_person(ctx, ctx.fixture["specialist2"].id)  # no anchors: fine
    assert [p.name for p in repo.list_people(ctx.ws)] == sorted(["周组长", "李运营"])
    assert len(repo.list_people(ctx.ws, include_archived=True)) == 3


def test_an_archived_name_can_be_reused(ctx):
    spare, _ = roster.create_person(ctx, "临时", PersonRole.SPECIALIST)
    roster.archive_person(ctx, spare.id)
    again, _ = roster.create_person(ctx, "临时", PersonRole.SPECIALIST)
    assert again.id != spare.id


def test_the_default_person_is_the_first_one_created(ctx):
    assert ctx.ws.query_one("SELECT default_person_id FROM workspace")[0] == ctx.fixture["lead"].id
