"""Checklist widgets driven like a user would: select, tick with values, skip, add, remind."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QMainWindow, QVBoxLayout, QWidget

from desktop_app.domain.enums import Phase, RunStatus
from desktop_app.messages import set_language
from desktop_app.services import checklist_templates as templates
from desktop_app.services import checklists as engine
from desktop_app.services import lifecycle
from desktop_app.storage import checklists as repo
from desktop_app.ui.checklists.area import ChecklistArea
from desktop_app.ui.checklists.clock import clock_for
from desktop_app.ui.checklists.editor import TemplateEditorPage
from desktop_app.ui.checklists.next_due import NextDueWidget
from desktop_app.ui.checklists.reminders import ReminderCenter
from desktop_app.ui.state import AppState


@pytest.fixture
def state(ctx, qtbot):
    s = AppState(ctx, poll=False)
    clock_for(s).timer.stop()  # tests drive the clock by hand
    yield s
    s.stop()


def run_of(ctx, session_id, key, occurrence=1):
    return next(r for r in repo.list_runs(ctx.ws, session_id) if r.item_key == key and r.occurrence == occurrence)


def make_area(qtbot, state, phase, session_id):
    area = ChecklistArea(state, phase)
    qtbot.addWidget(area)
    area.set_session(session_id)
    return area


def select(area, key, occurrence=1):
    for i, v in enumerate(area.model.rows):
        if v.item.key == key and v.run.occurrence == occurrence:
            area.table.selectRow(i)
            return v
    raise AssertionError(key)


def ok(dialog, qtbot):
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)


def test_tick_with_a_wrong_then_a_right_value_through_the_dialog(qtbot, ctx, state, planned):
    area = make_area(qtbot, state, Phase.PRE, planned.id)
    select(area, "pre.d1.targets")
    qtbot.mouseClick(area.buttons["tick"], Qt.MouseButton.LeftButton)
    dialog = area.dialog
    assert dialog.isVisible()
    gmv = dialog.findChild(QLineEdit, "field_target_gmv")
    gmv.insert("五万")
    ok(dialog, qtbot)
    assert dialog.isVisible() and "“目标GMV”应为数字：五万" in dialog.error.text()
    assert "c0392b" in gmv.styleSheet()
    assert run_of(ctx, planned.id, "pre.d1.targets").status == RunStatus.OPEN
    gmv.clear()
    gmv.insert("5万")
    ok(dialog, qtbot)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert run_of(ctx, planned.id, "pre.d1.targets").values == {"target_gmv": 5_000_000}

    select(area, "pre.h2.stream_test")
    dialog = area.tick_selected()
    bitrate = dialog.findChild(QLineEdit, "field_bitrate")
    qtbot.keyClicks(bitrate, "-6000")  # the int editor refuses the minus: min is 0
    assert bitrate.text() == "6000"
    qtbot.keyClicks(dialog.findChild(QLineEdit, "field_resolution_fps"), "1080p/60")
    dialog.findChild(QLineEdit, "tickNote").insert("OBS 推流稳定")
    ok(dialog, qtbot)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    run = run_of(ctx, planned.id, "pre.h2.stream_test")
    assert run.status == RunStatus.DONE and run.values == {"bitrate": 6000, "resolution_fps": "1080p/60"}
    assert run.note == "OBS 推流稳定"
    qtbot.waitUntil(lambda: any(v.run.id == run.id and v.run.status == RunStatus.DONE for v in area.model.rows))
    row = next(i for i, v in enumerate(area.model.rows) if v.run.id == run.id)
    assert "6000 kbps" in area.model.index(row, 4).data()


def test_typed_editors_for_choice_and_yes_no_fields(qtbot, ctx, state, planned):
    from PySide6.QtWidgets import QComboBox

    area = make_area(qtbot, state, Phase.PRE, planned.id)
    select(area, "pre.m30.go_nogo")
    dialog = area.tick_selected()
    decision = dialog.findChild(QComboBox, "field_decision")
    assert [decision.itemData(i) for i in range(decision.count())] == [None, "go", "no_go"]
    decision.setCurrentIndex(1)
    ok(dialog, qtbot)
    assert run_of(ctx, planned.id, "pre.m30.go_nogo").values["decision"] == "go"
    select(area, "pre.h4.rehearsal")
    dialog = area.tick_selected()
    yes_no = dialog.findChild(QComboBox, "field_done")
    yes_no.setCurrentIndex(1)
    ok(dialog, qtbot)
    assert run_of(ctx, planned.id, "pre.h4.rehearsal").values == {"done": True}


def test_attachment_through_the_file_field_and_an_oversized_one_saves_nothing(qtbot, ctx, state, planned, tmp_path):
    from desktop_app.ui.checklists.dialogs import FileEditor

    area = make_area(qtbot, state, Phase.PRE, planned.id)
    select(area, "pre.d1.price_sanity")
    dialog = area.tick_selected()
    big = tmp_path / "huge.png"
    with big.open("wb") as fh:
        fh.truncate(engine.MAX_ATTACHMENT_BYTES + 10)
    dialog.findChild(FileEditor, "field_price_sheet").set_path(big)
    ok(dialog, qtbot)
    assert "huge.png" in dialog.error.text() and "10 MB" in dialog.error.text()
    assert ctx.ws.query_one("SELECT count(*) AS n FROM attachments")["n"] == 0
    small = tmp_path / "价格表.png"
    small.write_bytes(b"\x89PNG small")
    dialog.findChild(FileEditor, "field_price_sheet").set_path(small)
    ok(dialog, qtbot)
    run = run_of(ctx, planned.id, "pre.d1.price_sanity")
    assert run.status == RunStatus.DONE
    assert engine.attachment_info(ctx, run.values["price_sheet"])["name"] == "价格表.png"


def test_skip_and_undo_and_adhoc_through_the_area(qtbot, ctx, state, planned):
    area = make_area(qtbot, state, Phase.PRE, planned.id)
    select(area, "pre.d1.preheat")
    dialog = area.skip_selected()
    ok(dialog, qtbot)
    assert dialog.isVisible() and dialog.error.isVisible()  # a reason is required
    dialog.reason.insert("本场不做预热")
    ok(dialog, qtbot)
    assert run_of(ctx, planned.id, "pre.d1.preheat").skip_reason == "本场不做预热"
    select(area, "pre.d1.preheat")
    qtbot.mouseClick(area.buttons["undo"], Qt.MouseButton.LeftButton)
    assert run_of(ctx, planned.id, "pre.d1.preheat").status == RunStatus.OPEN
    dialog = area.add_adhoc()
    dialog.text.insert("确认新背景板到货")
    dialog.required.setChecked(True)
    ok(dialog, qtbot)
    assert any(v.adhoc and v.item.text_zh == "确认新背景板到货" for v in area.model.rows)


def test_overdue_rows_stand_out_and_countdowns_follow_the_fake_clock(qtbot, ctx, clock, state, planned):
    set_language("en")  # due texts come from ui/format (the message catalog's language)
    area = make_area(qtbot, state, Phase.PRE, planned.id)
    view = select(area, "pre.h2.network")
    row = area.model.rows.index(view)
    assert "in " in area.model.index(row, 1).data() and area.model.index(row, 1).data().endswith(")")
    assert area.model.index(row, 0).data(Qt.ItemDataRole.BackgroundRole) is None
    clock.set(planned.scheduled_start_utc - timedelta(hours=1))
    clock_for(state).tick()
    view = next(v for v in area.model.rows if v.item.key == "pre.h2.network")
    row = area.model.rows.index(view)
    assert view.overdue and "overdue" in area.model.index(row, 1).data()
    assert area.model.index(row, 0).data(Qt.ItemDataRole.BackgroundRole).color().name() == "#fdecea"


def test_next_due_widget_counts_down_in_the_live_phase(qtbot, ctx, clock, state, planned):
    clock.set(planned.scheduled_start_utc)
    lifecycle.start_preparing(ctx, planned.id)
    lifecycle.go_live(ctx, planned.id, override_reason="x")
    set_language("en")
    widget = NextDueWidget(state, phase=Phase.LIVE)
    qtbot.addWidget(widget)
    widget.set_session(planned.id)
    clock.advance(minutes=2)
    clock_for(state).tick()
    first = widget.rows[0][0].text()
    assert "left" in first and widget.focusPolicy() == Qt.FocusPolicy.NoFocus
    clock.advance(seconds=30)
    clock_for(state).tick()
    assert widget.rows[0][0].text() != first


def test_reminder_shows_without_stealing_focus_and_uses_the_tray_when_minimized(qtbot, ctx, clock, state,
                                                                             planned):
    window = QMainWindow()
    qtbot.addWidget(window)
    central = QWidget()
    logger = QLineEdit()
    logger.setObjectName("eventLogger")
    box = QVBoxLayout(central)
    box.addWidget(QLabel("logger"))
    box.addWidget(logger)
    window.setCentralWidget(central)
    window.resize(900, 600)
    window.show()
    window.activateWindow()
    logger.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is logger)
    center = ReminderCenter(state, window)
    clock_for(state).last = clock.now()
    clock.set(planned.scheduled_start_utc - timedelta(hours=4))  # pre.h4.* fall due
    clock_for(state).tick()
    assert center.banner.isVisible()
    assert "商品链接上车" in center.banner.body.text()
    assert QApplication.focusWidget() is logger
    logger.insert("过款")
    assert logger.text() == "过款"
    window.showMinimized()
    clock.set(planned.scheduled_start_utc - timedelta(hours=2))  # pre.h2.* fall due
    clock_for(state).tick()
    assert center.last_tray_message is not None and "灯光、收音" in center.last_tray_message[1]
    assert "2 more" in center.last_tray_message[1]


def test_template_editor_reorder_retire_save_and_import_problems(qtbot, ctx, state, planned, tmp_path):
    page = TemplateEditorPage(state)
    qtbot.addWidget(page)
    assert page.picker.currentText().startswith("日常场")
    page.table.selectRow(1)
    qtbot.mouseClick(page.buttons["up"], Qt.MouseButton.LeftButton)
    page.table.selectRow(10)
    retired_key = page.items[10].key
    qtbot.mouseClick(page.buttons["retire"], Qt.MouseButton.LeftButton)
    assert page.dirty and page.buttons["save"].isEnabled()
    qtbot.mouseClick(page.buttons["save"], Qt.MouseButton.LeftButton)
    assert not page.dirty and page.picker.currentText().endswith("v2")
    new = templates.get_template(ctx, page.template_id)
    assert new.items[0].key == "pre.d1.sample_qc" and next(i for i in new.items if i.key == retired_key).retired
    assert repo.session_items(ctx.ws, planned.id)[0].key == "pre.d1.run_sheet"  # old snapshot untouched
    doc = templates.export_document(ctx, page.template_id)
    doc["items"][3]["phase"] = "during"
    doc["items"][40]["trigger"]["every_minutes"] = -1
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    before = len(templates.versions(ctx, templates.resolve(ctx, "日常场").family_id))
    assert not page.import_from(bad)
    problems = [page.problems.item(i).text() for i in range(page.problems.count())]
    assert len(problems) == 2 and problems[0].startswith("第 4 项") and "during" in problems[0]
    assert len(templates.versions(ctx, templates.resolve(ctx, "日常场").family_id)) == before


def test_template_editor_item_dialog_edits_text_and_trigger(qtbot, ctx, state):
    from desktop_app.ui.checklists.editor import ItemDialog

    page = TemplateEditorPage(state)
    qtbot.addWidget(page)
    item = page.items[0]
    dialog = ItemDialog(item, page)
    qtbot.addWidget(dialog)
    dialog.text_zh.setPlainText("定稿排品表（改）")
    dialog.offset.setValue(-2880)
    edited = dialog.result_item()
    assert edited.text_zh == "定稿排品表（改）" and edited.trigger.minutes == -2880 and edited.fields == item.fields
    dialog.trigger_kind.setCurrentIndex(1)
    dialog.every.setValue(0)
    page.items[0] = dialog.result_item()
    page.dirty = True
    page.save()
    assert page.problems.count() >= 1 and "重复间隔" in page.problems.item(0).text()


def test_per_product_field_has_one_input_per_product_with_inline_range_check(qtbot, ctx, clock, state, planned):
    from desktop_app.domain.models import FieldSpec
    from desktop_app.storage.ingest import find_or_add_product
    from desktop_app.ui.checklists.dialogs import PerProductEditor

    with ctx.ws.write():
        mask, _ = find_or_add_product(ctx.ws, planned.id, None, name="玻尿酸面膜", sku="MASK-01", now=clock.now())
        sun, _ = find_or_add_product(ctx.ws, planned.id, None, name="防晒霜", sku=None, now=clock.now())
    area = make_area(qtbot, state, Phase.PRE, planned.id)
    select(area, "pre.d1.stock_plan")
    dialog = area.tick_selected()
    editor = dialog.findChild(PerProductEditor, "field_stock_remaining")
    assert list(editor.inputs) == [mask, sun]
    labels = [w.text() for w in editor.findChildren(QLabel)]
    assert "玻尿酸面膜 (MASK-01)" in labels and "防晒霜" in labels and labels.count("件") == 2
    qtbot.keyClicks(editor.inputs[mask], "-120")  # min 0: the minus is refused as typed
    qtbot.keyClicks(editor.inputs[sun], "40")
    ok(dialog, qtbot)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert run_of(ctx, planned.id, "pre.d1.stock_plan").values == {"stock_remaining": {mask: 120, sun: 40}}
    rows = {s.product_id: s.value for s in
            __import__("desktop_app.storage.samples", fromlist=["x"]).list_samples(ctx.ws, planned.id,
                                                                                   ["stock_remaining"])}
    assert rows == {mask: 120, sun: 40}
    row = next(i for i, v in enumerate(area.model.rows) if v.item.key == "pre.d1.stock_plan")
    assert area.model.index(row, 4).data() == "剩余库存: 玻尿酸面膜 (MASK-01)：120 件，防晒霜：40 件"

    # A range beyond what the validator can stop while typing: said inline, per product, before saving.
    spec = FieldSpec("release", "放量件数", "Units released", "int", unit="件", min=0, max=500, per_product=True)
    engine.add_adhoc_item(ctx, planned.id, text="核对分批放量", phase="pre", fields=(spec,))
    area.reload()
    select(area, "adhoc.pre.1")
    dialog = area.tick_selected()
    editor = dialog.findChild(PerProductEditor, "field_release")
    editor.inputs[mask].setText("900")  # e.g. pasted
    message = dialog.findChild(QLabel, f"fieldError_release__{mask}")
    assert message.isVisible() and "超出范围" in message.text() and "c0392b" in editor.inputs[mask].styleSheet()
    ok(dialog, qtbot)
    assert dialog.isVisible() and "“放量件数”超出范围" in dialog.error.text()
    assert run_of(ctx, planned.id, "adhoc.pre.1").status == RunStatus.OPEN
    editor.inputs[mask].setText("300")
    assert not message.isVisible() and editor.inputs[mask].styleSheet() == ""
    ok(dialog, qtbot)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert run_of(ctx, planned.id, "adhoc.pre.1").values == {"release": {mask: 300}}


def test_per_product_field_without_products_takes_one_session_value(qtbot, ctx, state, planned):
    area = make_area(qtbot, state, Phase.PRE, planned.id)
    select(area, "pre.d1.stock_plan")
    dialog = area.tick_selected()
    edit = dialog.findChild(QLineEdit, "field_stock_remaining")
    assert edit is not None and edit.placeholderText() == "件 0–"
    edit.insert("500")
    ok(dialog, qtbot)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert run_of(ctx, planned.id, "pre.d1.stock_plan").values == {"stock_remaining": 500}


def test_template_editor_shows_the_version_history(qtbot, ctx, clock, state, planned):
    page = TemplateEditorPage(state)
    qtbot.addWidget(page)
    page.table.selectRow(3)
    retired_key = page.items[3].key
    qtbot.mouseClick(page.buttons["retire"], Qt.MouseButton.LeftButton)
    clock.advance(minutes=5)
    qtbot.mouseClick(page.buttons["save"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.buttons["history"], Qt.MouseButton.LeftButton)
    dialog = page.history_dialog
    assert dialog.isVisible() and dialog.model.rowCount() == 2
    assert dialog.model.index(0, 0).data() == "v2" and dialog.model.index(0, 4).data() == "1 retired"
    assert dialog.model.index(1, 4).data() == "first version" and dialog.model.index(1, 5).data() == "1"
    assert dialog.model.index(0, 2).data() == "李运营" and dialog.model.index(0, 1).data() == "2026-11-26 10:05"
    details = dialog.details.toPlainText()
    assert retired_key in details and "None yet." in details  # no session uses v2 yet
    dialog.table.selectRow(1)
    assert "测试场" in dialog.details.toPlainText()  # the planned session still uses v1
    assert page.picker.currentText().endswith("v2")


def test_compliance_page_per_owner_role_and_specialist_over_a_date_range(qtbot, ctx, clock, state, planned):
    from PySide6.QtCore import QDate

    from desktop_app.ui.checklists.compliance import CompliancePage

    other, _ = lifecycle.plan_session(ctx, anchor_id=ctx.fixture["anchor"].id, title="下周场",
                                      specialist_id=ctx.fixture["specialist2"].id,
                                      scheduled_start=planned.scheduled_start_utc + timedelta(days=7))
    engine.do_run(ctx, run_of(ctx, planned.id, "pre.h4.rehearsal").id, {"done": True})  # anchor's item, on time
    engine.skip_run(ctx, run_of(ctx, planned.id, "pre.d1.preheat").id, "不做")
    engine.do_run(ctx, run_of(ctx, other.id, "pre.h4.rehearsal").id, {"done": True})
    page = CompliancePage(state)
    qtbot.addWidget(page)
    page.date_from.setDate(QDate(2026, 11, 26))
    page.date_to.setDate(QDate(2026, 11, 26))
    qtbot.mouseClick(page.refresh_button, Qt.MouseButton.LeftButton)
    assert page.total.text().startswith("1 sessions")

    def rows(table):
        return {table.item(r, 0).text(): [table.item(r, c).text() for c in range(1, table.columnCount())]
                for r in range(table.rowCount())}

    by_owner = rows(page.by_owner)
    assert by_owner["主播"][:4] == ["100%", "1", "1", "0"]  # rate, runs, on time, late
    assert by_owner["运营专家"][4] == "1"  # the skipped warm-up
    assert list(rows(page.by_specialist)) == ["李运营"]
    page.date_to.setDate(QDate(2026, 12, 3))
    qtbot.mouseClick(page.refresh_button, Qt.MouseButton.LeftButton)
    assert set(rows(page.by_specialist)) == {"李运营", "王运营"} and page.total.text().startswith("2 sessions")
