"""Event edit history: service and `liveops events history` show who changed what, old → new."""

from __future__ import annotations

import pytest

from desktop_app.cli import main
from desktop_app.services import event_history, event_log


def run(capsys, *args):
    code = main([*map(str, args)])
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def edited(ctx, session, clock):
    event, _ = event_log.log_event(ctx, session.id, "note", "福袋 88元")
    clock.advance(minutes=1)
    ctx.actor_id = ctx.fixture["lead"].id
    event_log.edit_event(ctx, event.id, text="福袋 99元")
    clock.advance(minutes=1)
    event_log.edit_event(ctx, event.id, kind="giveaway")
    clock.advance(minutes=1)
    event_log.delete_event(ctx, event.id)
    return event


def test_three_versions_in_order_with_old_new_and_editor(ctx, edited):
    versions = event_history.history(ctx, edited.id)
    assert [v.action for v in versions] == ["edit", "edit", "delete"]
    assert [(c.field, c.old, c.new) for v in versions for c in v.changes] == [
        ("text", "福袋 88元", "福袋 99元"), ("kind", "note", "giveaway"), ("deleted", 0, 1)]
    assert {v.by for v in versions} == {"周组长"}
    assert versions[0].at < versions[1].at < versions[2].at


def test_history_text_zh_and_en(ctx, session, edited):
    zh = event_history.history_text(ctx, edited.id, session.timezone, lang="zh_CN")
    assert "由 周组长 编辑" in zh and "内容：福袋 88元 → 福袋 99元" in zh and "由 周组长 删除" in zh
    assert "已删除：否 → 是" in zh
    en = event_history.history_text(ctx, edited.id, session.timezone, lang="en")
    assert "edited by 周组长" in en and "Text: 福袋 88元 → 福袋 99元" in en and "deleted by 周组长" in en
    assert "Deleted: no → yes" in en and "Kind: " in en


def test_cli_prints_same_lines_with_short_id(ctx, session, edited, capsys):
    ctx.ws.conn.commit()
    code, out, err = run(capsys, "--lang", "en", "events", "history", ctx.ws.path, edited.id[-8:])
    assert code == 0, err
    assert out.strip() == event_history.history_text(ctx, edited.id, session.timezone, lang="en")
    code, out, _ = run(capsys, "--lang", "zh_CN", "events", "history", ctx.ws.path, edited.id)
    assert code == 0 and "由 周组长 编辑" in out


def test_never_edited_says_no_changes(ctx, session, capsys):
    event, _ = event_log.log_event(ctx, session.id, "note", "原样")
    assert event_history.history(ctx, event.id) == []
    code, out, _ = run(capsys, "--lang", "en", "events", "history", ctx.ws.path, event.id)
    assert code == 0 and "No changes" in out
    code, out, _ = run(capsys, "--lang", "zh_CN", "events", "history", ctx.ws.path, event.id)
    assert code == 0 and "无修改" in out


def test_unknown_event_id_is_refused_naming_it(ctx, session, capsys):
    code, out, err = run(capsys, "--lang", "en", "events", "history", ctx.ws.path, "nosuch123")
    assert code != 0 and out == "" and "Event not found: nosuch123" in err
    code, _, err = run(capsys, "--lang", "zh_CN", "events", "history", ctx.ws.path, "nosuch123")
    assert code != 0 and "找不到事件：nosuch123" in err


def test_edited_ids_one_query_per_session(ctx, session, edited):
    plain, _ = event_log.log_event(ctx, session.id, "note", "没改")
    assert event_history.edited_ids(ctx, session.id) == {edited.id}
    assert plain.id not in event_history.edited_ids(ctx, session.id)
