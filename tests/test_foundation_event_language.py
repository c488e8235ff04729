"""Checklist events read in the reader's language: the message is stored with the row (payload_json)
and rendered by the timeline and exports; old rows and edited rows show their stored text."""

from __future__ import annotations

from dataclasses import replace

import openpyxl
import pytest

from desktop_app.domain.enums import EventKind
from desktop_app.messages import set_language
from desktop_app.services import checklists as engine
from desktop_app.services import event_log
from desktop_app.services.export import ExportOptions
from desktop_app.services.export.session import export_session
from desktop_app.storage import checklists as repo
from desktop_app.storage import events as event_repo

ZH = "已完成检查项：推流测试（直播伴侣/OBS）（码率：6000 kbps；分辨率/帧率：1080p60） — OBS"
EN = "Checklist item done: Test stream (companion app/OBS) (Bitrate: 6000 kbps; Resolution / frame rate: 1080p60) — OBS"


def _run(ctx, session_id, key):
    return next(r for r in repo.list_runs(ctx.ws, session_id) if r.item_key == key)


def _checklist_events(ctx, session_id):
    return [e for e in event_repo.list_events(ctx.ws, session_id) if e.kind == EventKind.CHECKLIST]


@pytest.fixture
def ticked_in_zh(ctx, planned):
    set_language("zh_CN")
    engine.do_run(ctx, _run(ctx, planned.id, "pre.h2.stream_test").id,
                  {"bitrate": "6000", "resolution_fps": "1080p60"}, note="OBS")
    engine.skip_run(ctx, _run(ctx, planned.id, "pre.d1.preheat").id, "这次不预热")
    return planned


def test_ticked_in_chinese_reads_in_english_and_chinese(ctx, ticked_in_zh):
    done, skipped = _checklist_events(ctx, ticked_in_zh.id)
    assert done.text.startswith(ZH)  # stored in the acting person's language (search, older apps)
    assert event_log.display_text(done, "en") == EN
    assert event_log.display_text(done, "zh_CN") == ZH
    assert event_log.display_text(skipped, "en").startswith("Checklist item skipped: ")
    assert event_log.display_text(skipped, "en").endswith("(reason: 这次不预热)")  # typed text stays as typed
    set_language("en")
    assert event_log.display_text(done) == EN  # no language given: the current one


def test_english_export_of_a_session_ticked_in_chinese_has_english_rows(ctx, ticked_in_zh, tmp_path, clock):
    from desktop_app.services import lifecycle

    set_language("zh_CN")
    lifecycle.start_preparing(ctx, ticked_in_zh.id)
    clock.set(ticked_in_zh.scheduled_start_utc)
    lifecycle.go_live(ctx, ticked_in_zh.id, override_reason="测试")  # logs a system event  # the exporting person's UI is Chinese; the file's language is English
    out = tmp_path / "en.xlsx"
    export_session(ctx, ticked_in_zh.id, out, ExportOptions(variant="internal", lang="en", allow_draft=True))
    sheet = openpyxl.load_workbook(out)["Events"]
    texts = [row[3] for row in sheet.iter_rows(values_only=True) if row and row[1] == "Checklist"]
    assert EN in texts and not any(t and "检查项" in t for t in texts), texts
    every = [str(row[3]) for row in sheet.iter_rows(values_only=True) if row]
    assert not any(t.startswith("event.system.") for t in every)  # system events as words, not raw keys
    out_zh = tmp_path / "zh.xlsx"
    export_session(ctx, ticked_in_zh.id, out_zh, ExportOptions(variant="internal", lang="zh_CN", allow_draft=True))
    zh_texts = [row[3] for row in openpyxl.load_workbook(out_zh)["事件"].iter_rows(values_only=True) if row]
    assert any(t and t.startswith(ZH) for t in zh_texts)


def test_old_rows_edited_rows_and_broken_payloads_show_their_stored_text(ctx, ticked_in_zh, clock):
    done, _ = _checklist_events(ctx, ticked_in_zh.id)
    old = replace(done, payload_json=None)
    assert event_log.display_text(old, "en") == old.text  # a row from before payloads
    assert event_log.display_text(replace(done, payload_json="{not json"), "en") == done.text
    assert event_log.display_text(replace(done, payload_json='{"params": {}}'), "en") == done.text
    with ctx.ws.write():
        event_repo.update_event(ctx.ws, done, replace(done, text="推流测试完成，码率偏低"), by=None, now=clock.now())
    edited = event_repo.get_event(ctx.ws, done.id)
    assert edited.payload_json is None  # what the person typed wins over the message
    assert event_log.display_text(edited, "en") == "推流测试完成，码率偏低"
    with ctx.ws.write():  # an edit of other fields keeps the message
        _, skipped = _checklist_events(ctx, ticked_in_zh.id)
        event_repo.update_event(ctx.ws, skipped, replace(skipped, internal=False), by=None, now=clock.now())
    assert event_log.display_text(event_repo.get_event(ctx.ws, skipped.id), "en").startswith("Checklist item skipped")


def test_session_timeline_in_a_chinese_ui_shows_chinese(qtbot, ctx, planned):
    from desktop_app.ui.session_page import OverviewArea
    from desktop_app.ui.state import AppState

    set_language("en")  # ticked by someone using the English UI
    engine.do_run(ctx, _run(ctx, planned.id, "pre.h2.stream_test").id,
                  {"bitrate": "6000", "resolution_fps": "1080p60"}, note="OBS")
    assert _checklist_events(ctx, planned.id)[0].text == EN
    set_language("zh_CN")
    area = OverviewArea(AppState(ctx, poll=False))
    qtbot.addWidget(area)
    area.set_session(planned.id)
    model = area.events
    texts = [model.data(model.index(r, 2)) for r in range(model.rowCount())]
    assert any(t.startswith(ZH) for t in texts), texts
