"""Shared UI pieces that replaced copies: the export dialogs' form frame and the language-switch mixin."""

from __future__ import annotations

import pytest
from export_helpers import closed_sessions, open_demo
from PySide6.QtCore import QCoreApplication, QEvent, QSettings
from PySide6.QtWidgets import QFileDialog

from desktop_app.services.export.query import export_info
from desktop_app.ui import i18n
from desktop_app.ui.export.dialog import ExportDialog
from desktop_app.ui.export.multi_dialog import MultiExportDialog
from desktop_app.ui.state import AppState


@pytest.fixture
def demo(demo_copy, clock):
    ctx = open_demo(demo_copy, clock)
    yield ctx
    ctx.ws.close()


def _dialogs(qtbot, demo, tmp_path):
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    single = ExportDialog(export_info(demo, closed_sessions(demo)[0]), settings)
    multi = MultiExportDialog(AppState(demo, poll=False), None, settings)
    for d in (single, multi):
        qtbot.addWidget(d)
    return single, multi


def test_both_export_dialogs_browse_to_an_xlsx_and_refuse_an_empty_file(qtbot, demo, tmp_path, monkeypatch):
    asked = []

    def save_as(parent, title, start, filters):
        asked.append((title, filters))
        return str(tmp_path / "月报"), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    for dialog in _dialogs(qtbot, demo, tmp_path):
        dialog.browse.click()
        assert dialog.path() == tmp_path / "月报.xlsx"  # the extension is added when left out
        dialog.path_edit.setText("  ")
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
        assert dialog.result() == 0 and dialog.isVisible()  # nothing to write to: stays open
        dialog.close()
    assert asked == [("Save report as", "Excel workbooks (*.xlsx)")] * 2


def test_language_switch_retranslates_the_shared_parts_of_both_dialogs(qtbot, demo, tmp_path):
    single, multi = _dialogs(qtbot, demo, tmp_path)
    assert single.browse.text() == multi.browse.text() == "Browse…"
    i18n.apply_language("zh_CN")  # posts LanguageChange; Retranslating.changeEvent calls retranslate()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
    try:
        for dialog in (single, multi):
            assert dialog.browse.text() == "浏览…"
            assert "文件" in [label.text() for label in dialog.labels]
            assert dialog.lang_combo.itemText(0) == "中文" and dialog.lang_combo.itemData(1) == "en"
        assert single.windowTitle() != "Export session to Excel" and multi.windowTitle() != "Multi-session report"
    finally:
        i18n.reset_language()


def test_export_menu_actions_run_their_flow_for_the_open_session(qtbot, monkeypatch):
    """Session → 导出 Excel… / 战报图片… act on the open session (or ask for one); File → 多场次报告… needs none."""
    from types import SimpleNamespace

    from PySide6.QtWidgets import QWidget

    from desktop_app.ui import export as export_ui
    from desktop_app.ui.export import flow

    calls = []
    for name in ("export_session_interactive", "save_card_interactive", "export_multi_interactive",
                 "need_session"):
        monkeypatch.setattr(flow, name, lambda *a, _n=name: calls.append((_n, a[2:])))
    window = QWidget()
    qtbot.addWidget(window)
    window.state = object()
    window.session_page = SimpleNamespace(session_id=None)
    excel, card, multi = (export_ui._session_action(window), export_ui._card_action(window),
                          export_ui._multi_action(window))
    assert excel.shortcut().toString() == "Ctrl+Shift+E"
    for action in (excel, card, multi):
        action.trigger()
    assert calls == [("need_session", ()), ("need_session", ()), ("export_multi_interactive", ())]
    calls.clear()
    window.session_page.session_id = "s1"
    for action in (excel, card, multi):
        action.trigger()
    assert calls == [("export_session_interactive", ("s1",)), ("save_card_interactive", ("s1",)),
                     ("export_multi_interactive", ())]


def test_a_leads_session_totals_choice_survives_closing_the_dialog(qtbot, demo, tmp_path):
    """flow.py reads options() after exec() returns, when the dialog is already hidden."""
    from dataclasses import replace

    info = export_info(demo, closed_sessions(demo)[0])
    many = replace(info, clients=(("c1", "品牌甲"), ("c2", "品牌乙")), actor_is_lead=True)
    dialog = ExportDialog(many, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(dialog)
    dialog.path_edit.setText(str(tmp_path / "x.xlsx"))
    dialog.show()
    dialog.totals_box.setChecked(True)
    dialog._accept()
    assert not dialog.isVisible() and dialog.options().allow_session_totals
    single = ExportDialog(info, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(single)
    single.totals_box.setChecked(True)  # not offered for a one-client session: never sent
    assert not single.options().allow_session_totals
    rows = single.form.rowCount()
    hidden = [r for r in range(rows) if not single.form.isRowVisible(r)]
    assert len(hidden) == 2  # the client and totals rows take no room when not offered
