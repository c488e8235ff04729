"""Live console events list: edited mark, "show deleted" filter, Edit history… dialog (zh and en)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QApplication, QDialog

from desktop_app.services import event_log
from desktop_app.ui.live import events_panel
from desktop_app.ui.state import AppState

pytestmark = pytest.mark.usefixtures("clean_live_settings")

TEXTS = {
    "zh_CN": ("修改记录…", "已删除", "✎（已修改）", "由 周组长 编辑", "内容：福袋 88元 → 福袋 99元", "由 周组长 删除", "无修改"),
    "en": ("Edit history…", "Deleted", "✎ (edited)", "edited by 周组长", "Text: 福袋 88元 → 福袋 99元",
           "deleted by 周组长", "No changes"),
}


@pytest.fixture(params=["zh_CN", "en"])
def lang_console(request, qtbot, ctx, session):
    from desktop_app.ui import i18n
    from desktop_app.ui.live.console import LiveConsole

    i18n.apply_language(request.param)
    QCoreApplication.removePostedEvents(None, QEvent.Type.LanguageChange)
    c = LiveConsole(AppState(ctx, poll=False), robots=False)
    qtbot.addWidget(c)
    c.set_session(session.id)
    c.resize(1280, 800)
    yield request.param, c
    c.shutdown()
    QApplication.processEvents()


def select(panel, event_id: str) -> None:
    for row in range(panel.proxy.rowCount()):
        if panel.proxy.index(row, 0).data(Qt.ItemDataRole.UserRole).id == event_id:
            panel.view.selectRow(row)
            return
    raise AssertionError(f"{event_id} not in the list")


def opened_history(panel, monkeypatch) -> str:
    seen = []

    def fake_exec(dialog):
        seen.append(dialog.text.toPlainText())
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(events_panel.EventHistoryDialog, "exec", fake_exec)
    panel.history_button.click()
    assert len(seen) == 1
    return seen[0]


def test_edit_kind_delete_then_history_from_deleted_filter(lang_console, ctx, session, clock, monkeypatch):
    lang, c = lang_console
    button, deleted, mark, edited_by, text_change, deleted_by, none = TEXTS[lang]
    panel = c.events
    assert panel.history_button.text() == button
    event, _ = event_log.log_event(ctx, session.id, "note", "福袋 88元")
    plain, _ = event_log.log_event(ctx, session.id, "note", "没改过")
    ctx.actor_id = ctx.fixture["lead"].id
    clock.advance(minutes=1)
    assert c.edit(event.id, text="福袋 99元")
    clock.advance(minutes=1)
    assert c.edit(event.id, kind="giveaway")
    c.reload_events()
    select(panel, event.id)
    tip = panel.view.currentIndex().siblingAtColumn(2).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.endswith(mark)
    select(panel, plain.id)
    assert "✎" not in panel.view.currentIndex().siblingAtColumn(2).data(Qt.ItemDataRole.ToolTipRole)
    assert none in opened_history(panel, monkeypatch)

    clock.advance(minutes=1)
    assert c.delete(event.id)
    ids = [panel.proxy.index(r, 0).data(Qt.ItemDataRole.UserRole).id for r in range(panel.proxy.rowCount())]
    assert event.id not in ids  # hidden by default
    panel.vis_filter.setCurrentIndex(panel.vis_filter.findText(deleted))
    assert [panel.proxy.index(r, 0).data(Qt.ItemDataRole.UserRole).id
            for r in range(panel.proxy.rowCount())] == [event.id]
    select(panel, event.id)
    history = opened_history(panel, monkeypatch)
    lines = history.splitlines()
    assert sum(1 for line in lines if not line.startswith("  ")) == 3  # three versions
    assert lines[0].endswith(edited_by + ("：" if lang == "zh_CN" else ":"))
    assert text_change in history and deleted_by in history
    panel.vis_filter.setCurrentIndex(0)
    assert event.id not in [panel.proxy.index(r, 0).data(Qt.ItemDataRole.UserRole).id
                            for r in range(panel.proxy.rowCount())]


def test_history_dialog_shows_catalog_text(lang_console, ctx, session):
    lang, c = lang_console
    event, _ = event_log.log_event(ctx, session.id, "note", "原样")
    dialog = events_panel.EventHistoryDialog(ctx, event, session.timezone, c)
    assert TEXTS[lang][6] in dialog.text.toPlainText()
    assert dialog.windowTitle() == ("修改记录" if lang == "zh_CN" else "Edit history")
