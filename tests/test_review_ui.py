"""pytest-qt: history filters, sorting, saved filters, search, compare, trends, review panel, merge."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QSettings, Qt

from desktop_app.services import history, merge
from desktop_app.services.workspace_service import open_workspace
from desktop_app.ui.state import AppState


@pytest.fixture
def state(demo_copy, qtbot, clock, tmp_path):
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qs"))
    ctx = open_workspace(demo_copy)
    ctx.clock = clock
    ctx.actor_id = ctx.ws.query_one("SELECT id FROM people WHERE name = '李运营'")[0]
    st = AppState(ctx, poll=False)
    yield st
    ctx.ws.close()


@pytest.fixture
def page(state, qtbot):
    from desktop_app.ui.review.history import HistoryPage

    p = HistoryPage(state)
    qtbot.addWidget(p)
    p.resize(1400, 700)
    return p


@pytest.fixture
def errors(monkeypatch):
    shown = []
    for mod in ("history", "panel", "merge_dialog"):
        monkeypatch.setattr(f"desktop_app.ui.review.{mod}.show_error", lambda parent, exc, *a: shown.append(exc))
    return shown


def _col(page, key):
    from desktop_app.ui.review.history import COLUMNS

    return [c[0] for c in COLUMNS].index(key)


def _shown(page, key):
    c = _col(page, key)
    return [page.model.data(page.model.index(r, c)) for r in range(page.model.rowCount())]


def test_history_lists_every_session_and_filters_by_anchor_status_signoff_text(page, state):
    total = state.ctx.ws.query_one("SELECT count(*) FROM sessions")[0]
    assert page.model.rowCount() == total
    page.anchor.setCurrentIndex(page.anchor.findText("Lily"))
    assert page.model.rowCount() > 0 and set(_shown(page, "anchor_id")) == {"Lily"}
    page.anchor.setCurrentIndex(0)
    page.status.setCurrentIndex(page.status.findData("planned"))
    assert page.model.rowCount() == 1
    page.status.setCurrentIndex(0)
    page.signoff.setCurrentIndex(page.signoff.findData("submitted"))
    submitted = state.ctx.ws.query_one("SELECT count(*) FROM reviews WHERE status = 'submitted'")[0]
    assert page.model.rowCount() == submitted
    page.signoff.setCurrentIndex(0)
    page.text.setText("阿强")
    assert page.model.rowCount() > 0 and set(_shown(page, "anchor_id")) == {"阿强"}
    page.text.setText("no such session")
    assert page.model.rowCount() == 0
    assert "0" in page.count_label.text()


def test_history_filters_by_date_range_in_the_workspace_zone(page, state):
    first = state.ctx.ws.query_one("SELECT min(start_utc) FROM session_summaries")[0]
    f = history.HistoryFilter(date_from=date.fromisoformat(first[:10]), date_to=date.fromisoformat(first[:10]))
    page.set_filter(f)
    rows = page.model.rowCount()
    assert 0 < rows < state.ctx.ws.query_one("SELECT count(*) FROM sessions")[0]
    assert page.use_from.isChecked() and page.use_to.isChecked()


def test_sorting_by_a_kpi_orders_numbers_and_keeps_missing_last(page, qtbot):
    c = _col(page, "uv_value")
    page.table.sortByColumn(c, Qt.SortOrder.DescendingOrder)
    values = [page.model.data(page.model.index(r, c), Qt.ItemDataRole.UserRole) for r in range(page.model.rowCount())]
    present = [v for v in values if v is not None]
    assert present == sorted(present, reverse=True)
    assert values[-1] is None  # the planned session has no UV value and sorts last
    page.table.sortByColumn(c, Qt.SortOrder.AscendingOrder)
    values = [page.model.data(page.model.index(r, c), Qt.ItemDataRole.UserRole) for r in range(page.model.rowCount())]
    assert [v for v in values if v is not None] == sorted(present) and values[-1] is None


def test_saved_filters_round_trip(page, monkeypatch):
    page.anchor.setCurrentIndex(page.anchor.findText("小美"))
    monkeypatch.setattr("desktop_app.ui.review.history.QInputDialog.getText", lambda *a, **k: ("小美的场", True))
    page._save_filter()
    page.anchor.setCurrentIndex(0)
    full = page.model.rowCount()
    idx = page.saved_combo.findText("小美的场")
    assert idx > 0
    page.saved_combo.setCurrentIndex(idx)
    page._apply_saved(idx)
    assert page.anchor.currentText() == "小美" and page.model.rowCount() < full
    page._delete_filter()
    assert page.saved_combo.findText("小美的场") == -1


def test_search_finds_two_character_chinese_terms_and_jumps_to_the_session(page, qtbot):
    page.search_box.setText("福袋")
    page.run_search()
    assert page.results.count() > 0
    item = page.results.item(0)
    with qtbot.waitSignal(page.state.session_selected, timeout=1000) as sig:
        page._open_hit(item)
    assert sig.args[0] == item.data(Qt.ItemDataRole.UserRole)["session_id"]


def test_compare_two_sessions_side_by_side_with_curves(page, qtbot, errors):
    page.table.selectRow(1)
    page.open_compare()
    assert errors and errors[0].key == "error.compare.count"  # one session is not a comparison
    page.table.clearSelection()
    page.table.setSelectionMode(page.table.SelectionMode.MultiSelection)
    page.table.selectRow(1)
    page.table.selectRow(2)
    page.table.selectRow(3)
    page.open_compare()
    dlg = page._compare
    qtbot.addWidget(dlg)
    assert dlg.table.columnCount() == 3
    assert len(dlg.plot.listDataItems()) == 3
    first = dlg.plot.listDataItems()[0].getData()[0]
    assert first[0] >= 0 and first[-1] < 300  # minutes since start, not clock time
    dlg.curve_combo.setCurrentIndex(dlg.curve_combo.findData("gmv"))
    assert len(dlg.plot.listDataItems()) == 3


def test_trends_show_one_line_per_currency_and_specialist_rates(page, qtbot):
    page.open_trends()
    dlg = page._trends
    qtbot.addWidget(dlg)
    assert dlg.entity.count() > 0
    assert all(len(w.listDataItems()) == 1 for w in dlg.plots.values())  # the demo is CNY only
    assert dlg.rates.rowCount() == 3


def test_review_panel_autosaves_while_typing_and_on_hide(state, qtbot):
    from desktop_app.ui.review.panel import ReviewPanel

    sid = state.ctx.ws.query_one("SELECT session_id FROM reviews WHERE status = 'submitted' LIMIT 1")[0]
    panel = ReviewPanel(state)
    qtbot.addWidget(panel)
    panel.set_session(sid)
    panel.show()
    edit = panel.field_edits["quality_complaints"]
    edit.setPlainText("3单漏液")
    qtbot.waitUntil(lambda: "3单漏液" in state.ctx.ws.query_one(
        "SELECT fields_json FROM reviews WHERE session_id = ?", (sid,))[0], timeout=3000)
    # editing a submitted review makes it a draft again
    assert state.ctx.ws.query_one("SELECT status FROM reviews WHERE session_id = ?", (sid,))[0] == "draft"
    panel.field_edits["script"].setPlainText("半句话")
    panel.hide()  # closing mid-sentence loses nothing
    assert "半句话" in state.ctx.ws.query_one("SELECT fields_json FROM reviews WHERE session_id = ?", (sid,))[0]


def test_review_panel_refuses_an_action_due_before_the_session(state, qtbot, errors):
    from PySide6.QtCore import QDate

    from desktop_app.ui.review.panel import ReviewPanel

    sid = state.ctx.ws.query_one("SELECT session_id FROM reviews LIMIT 1")[0]
    before = state.ctx.ws.query_one("SELECT count(*) FROM action_items")[0]
    panel = ReviewPanel(state)
    qtbot.addWidget(panel)
    panel.set_session(sid)
    panel.action_due.setMinimumDate(QDate(2000, 1, 1))
    panel.action_due.setDate(QDate(2020, 1, 1))
    panel.action_text.setText("复核库存")
    panel._add_action()
    assert errors and errors[0].key == "error.review.action_due_before_session"
    assert state.ctx.ws.query_one("SELECT count(*) FROM action_items")[0] == before
    panel.action_due.setDate(panel.action_due.date().addYears(10))
    panel._add_action()
    assert state.ctx.ws.query_one("SELECT count(*) FROM action_items")[0] == before + 1


def test_lead_approves_from_the_panel(state, qtbot):
    from desktop_app.ui.review.panel import ReviewPanel

    sid = state.ctx.ws.query_one("SELECT session_id FROM reviews WHERE status = 'submitted' LIMIT 1")[0]
    state.ctx.actor_id = state.ctx.ws.query_one("SELECT id FROM people WHERE role = 'lead'")[0]
    panel = ReviewPanel(state)
    qtbot.addWidget(panel)
    panel.set_session(sid)
    assert panel.approve_btn.isEnabled() and not panel.submit_btn.isEnabled()
    qtbot.mouseClick(panel.approve_btn, Qt.MouseButton.LeftButton)
    assert state.ctx.ws.query_one("SELECT signoff FROM session_summaries WHERE session_id = ?", (sid,))[0] == "approved"
    assert "已审核" in panel.status_label.text() and "周组长" in panel.status_label.text()  # who approved


def test_a_specialist_cannot_press_approve_and_is_told_why(state, qtbot):
    from desktop_app.ui.review.panel import ReviewPanel

    sid = state.ctx.ws.query_one("SELECT session_id FROM reviews WHERE status = 'submitted' LIMIT 1")[0]
    panel = ReviewPanel(state)  # the fixture works as 李运营, a specialist
    qtbot.addWidget(panel)
    panel.set_session(sid)
    assert not panel.approve_btn.isEnabled() and not panel.return_btn.isEnabled()
    assert panel.approve_btn.toolTip()
    assert "提交" in panel.status_label.text() or "submitted" in panel.status_label.text()
    state.set_actor(state.ctx.ws.query_one("SELECT id FROM people WHERE role = 'lead'")[0])
    assert panel.approve_btn.isEnabled() and not panel.approve_btn.toolTip()


def test_merge_dialog_previews_and_merges(state, qtbot, tmp_path, clock):
    from desktop_app.services.workspace_service import create_workspace
    from desktop_app.ui.review.merge_dialog import MergeDialog

    out = tmp_path / "b.liveops-bundle"
    merge.export_bundle(state.ctx, out)
    lead = create_workspace(tmp_path / "lead.liveops", "组长", clock=clock)
    from desktop_app.domain.enums import PersonRole
    from desktop_app.services import roster

    roster.create_person(lead, "周组长", PersonRole.LEAD)
    lstate = AppState(lead, poll=False)
    dlg = MergeDialog(lstate, None, bundle=out)
    qtbot.addWidget(dlg)
    dlg.preview()
    qtbot.waitUntil(lambda: dlg.merge_btn.isEnabled(), timeout=10000)
    assert dlg.items.rowCount() == 1  # 周组长 exists on both sides: offered for mapping
    dlg.do_merge()
    qtbot.waitUntil(lambda: not dlg.merge_btn.isEnabled(), timeout=20000)
    assert lead.ws.query_one("SELECT count(*) FROM sessions")[0] == state.ctx.ws.query_one(
        "SELECT count(*) FROM sessions")[0]
    assert lead.ws.query_one("SELECT count(*) FROM people WHERE name = '周组长'")[0] == 1
    lead.ws.close()


# -- a search hit opens the session and shows the hit ------------------------------------------------
@pytest.fixture
def window(state, qtbot):
    from desktop_app.ui.main_window import MainWindow
    from desktop_app.ui.review.history import HistoryPage

    w = MainWindow(state)
    qtbot.addWidget(w)
    w.resize(1300, 800)
    w.show()
    qtbot.waitExposed(w)
    hist = next(widget for _t, widget in w.pages if isinstance(widget, HistoryPage))
    yield w, hist
    w.close()


def _open_first_hit(hist, query, source):
    hist.search_box.setText(query)
    hist.run_search()
    for i in range(hist.results.count()):
        item = hist.results.item(i)
        if item.data(Qt.ItemDataRole.UserRole)["source"] == source:
            hist._open_hit(item)
            return item.data(Qt.ItemDataRole.UserRole)
    raise AssertionError(f"no {source} hit for {query}")


def _visible_in(view, rect) -> bool:
    return view.viewport().rect().intersects(rect)


def test_an_event_hit_selects_and_scrolls_to_the_event_row(window, state, qtbot):
    w, hist = window
    ctx = state.ctx
    # The session with the most events, and a hit late in it: far below the first screen of rows.
    sid = ctx.ws.query_one("SELECT session_id FROM events GROUP BY session_id ORDER BY count(*) DESC LIMIT 1")[0]
    event_id = ctx.ws.query_one("SELECT id FROM events WHERE session_id = ? AND kind NOT IN ('system', 'checklist')"
                                " AND deleted = 0 ORDER BY ts_utc DESC LIMIT 1", (sid,))[0]
    with ctx.ws.write():  # as another tool would have written it
        ctx.ws.conn.execute("UPDATE events SET text = '场控记录：尾款断货提醒 zebra' WHERE id = ?", (event_id,))
    hit = _open_first_hit(hist, "zebra", "event")
    assert hit["id"] == event_id
    page = w.session_page
    assert w.stack.currentWidget() is page and page.session_id == sid
    assert page.tabs.currentWidget() is page.overview
    view = page.overview.findChild(type(hist.table), "overviewEvents")
    rows = view.selectionModel().selectedRows()
    assert len(rows) == 1
    assert page.overview.events.rows[rows[0].row()][1].id == event_id
    assert view.verticalScrollBar().value() > 0  # the row was below the first screen: the list scrolled
    assert _visible_in(view, view.visualRect(rows[0]))
    assert hist.revealed is view


def test_a_review_hit_opens_the_review_and_selects_the_words_in_the_field(window, state, qtbot):
    from desktop_app.services import review
    from desktop_app.ui.review.panel import ReviewPanel

    w, hist = window
    ctx = state.ctx
    sid = ctx.ws.query_one("SELECT id FROM sessions WHERE status IN ('post', 'closed') ORDER BY id LIMIT 1")[0]
    state.emit_changes(review.save_draft(ctx, sid, {"scene_equipment": "补光灯偏暗，第二机位超卖提示牌看不清"}))
    hit = _open_first_hit(hist, "提示牌", "review")
    assert hit["field"] == "scene_equipment"
    page = w.session_page
    assert page.phase_of_tab[page.tabs.currentIndex()] == "post"
    panel = next(a for a in page.areas if isinstance(a, ReviewPanel))
    assert panel.isVisible()
    edit = panel.field_edits["scene_equipment"]
    assert hist.revealed is edit
    assert edit.textCursor().selectedText() == "提示牌"
    qtbot.waitUntil(lambda: edit.hasFocus(), timeout=1000)
    top_left = edit.mapTo(panel.scroll.widget(), edit.rect().topLeft())
    viewport_top = panel.scroll.verticalScrollBar().value()
    assert viewport_top <= top_left.y() <= viewport_top + panel.scroll.viewport().height()
    assert viewport_top > 0  # scrolled: the field sits below the settlement box


def test_a_checklist_hit_selects_the_run(window, state, qtbot):
    w, hist = window
    ctx = state.ctx
    run_id, sid, key = ctx.ws.query_one(
        "SELECT id, session_id, item_key FROM checklist_runs WHERE item_key LIKE 'post.%' ORDER BY id LIMIT 1")
    with ctx.ws.write():
        ctx.ws.conn.execute("UPDATE checklist_runs SET note = '样品寄回快递单号 walrus' WHERE id = ?", (run_id,))
    hit = _open_first_hit(hist, "walrus", "checklist")
    assert hit["id"] == run_id and hit["field"] == key
    page = w.session_page
    assert page.session_id == sid and page.phase_of_tab[page.tabs.currentIndex()] == "post"
    view = hist.revealed
    assert view is not None and view.isVisible()
    area = view.parentWidget()
    assert area.selected().run.id == run_id


def test_search_stays_inside_the_filtered_sessions_unless_unticked(page, state):
    page.search_box.setText("福袋")
    page.run_search()
    everywhere = {page.results.item(i).data(Qt.ItemDataRole.UserRole)["session_id"]
                  for i in range(page.results.count())}
    page.anchor.setCurrentIndex(page.anchor.findText("Lily"))
    listed = {page.model.session_id(r) for r in range(page.model.rowCount())}
    page.run_search()
    within = {page.results.item(i).data(Qt.ItemDataRole.UserRole)["session_id"] for i in range(page.results.count())}
    assert within and within <= listed and within < everywhere
    page.search_in_list.setChecked(False)  # searches again at once
    again = {page.results.item(i).data(Qt.ItemDataRole.UserRole)["session_id"] for i in range(page.results.count())}
    assert again == everywhere
