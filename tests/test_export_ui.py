"""Export dialog, background export with progress, and the 战报 card, headless."""

from __future__ import annotations

from datetime import date

import openpyxl
import pytest
from export_helpers import approve, closed_sessions, open_demo
from PySide6.QtCore import QSettings
from PySide6.QtGui import QGuiApplication

from desktop_app.services.export.card import card_data
from desktop_app.services.export.query import export_info
from desktop_app.ui.export.card import render_card, save_png
from desktop_app.ui.export.dialog import ExportDialog
from desktop_app.ui.export.flow import start_session_export
from desktop_app.ui.state import AppState


@pytest.fixture
def demo(demo_copy, clock):
    ctx = open_demo(demo_copy, clock)
    yield ctx
    ctx.ws.close()


def test_dialog_defaults_to_client_and_remembers_choices_per_client(qtbot, demo, tmp_path):
    sid = closed_sessions(demo)[0]
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    info = export_info(demo, sid)
    dialog = ExportDialog(info, settings)
    qtbot.addWidget(dialog)
    o = dialog.options()
    assert o.variant == "client" and o.interval_s == 60 and 10 in info.intervals and 5 not in info.intervals
    dialog.internal_radio.setChecked(True)
    dialog.lang_combo.setCurrentIndex(dialog.lang_combo.findData("en"))
    dialog.interval_combo.setCurrentIndex(dialog.interval_combo.findData(300))
    dialog.sheet_boxes["charts"].setChecked(False)
    dialog.path_edit.setText(str(tmp_path / "x.xlsx"))
    dialog._accept()
    again = ExportDialog(info, settings)
    qtbot.addWidget(again)
    o2 = again.options()
    assert (o2.variant, o2.lang, o2.interval_s) == ("internal", "en", 300) and "charts" not in o2.sheets
    assert again.path().parent == tmp_path


def test_export_runs_off_the_gui_thread_and_announces_changes(qtbot, demo, tmp_path):
    sid = closed_sessions(demo)[0]
    approve(demo, sid)
    state = AppState(demo, poll=False)
    info = export_info(demo, sid)
    dialog = ExportDialog(info, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(dialog)
    results, seen = [], []
    state.workspace_changed.connect(seen.append)
    out = tmp_path / "ui.xlsx"
    start_session_export(None, state, sid, out, dialog.options(), on_done=results.append)
    qtbot.waitUntil(lambda: bool(results), timeout=30000)
    assert out.exists() and results[0].sha256
    assert openpyxl.load_workbook(out).sheetnames[0] == "概览"
    assert seen and sid in seen[0].sessions


def test_card_renders_offscreen_saves_png_and_copies_to_clipboard(qtbot, demo, tmp_path):
    sid = closed_sessions(demo)[0]
    approve(demo, sid)
    data = card_data(demo, sid)
    image = render_card(data)
    assert image.width() == 1080 and not image.isNull()
    path = tmp_path / "card.png"
    save_png(image, path)
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    QGuiApplication.clipboard().setImage(image)
    assert QGuiApplication.clipboard().image().width() == 1080


def test_history_page_exports_the_sessions_it_shows_with_its_filters(qtbot, demo, tmp_path, monkeypatch):
    from desktop_app.domain.enums import Platform
    from desktop_app.services.history import HistoryFilter
    from desktop_app.ui import export as export_ui
    from desktop_app.ui.export import flow
    from desktop_app.ui.export.multi_dialog import MultiExportDialog
    from desktop_app.ui.review import history as history_ui

    monkeypatch.setattr(history_ui, "page_hooks", [export_ui._history_button])
    state = AppState(demo, poll=False)
    page = history_ui.HistoryPage(state)
    qtbot.addWidget(page)
    f = HistoryFilter(date_from=date(2026, 11, 20), date_to=date(2026, 11, 30), platform=str(Platform.DOUYIN),
                      signoff="approved", text="专场")
    page.set_filter(f)
    seen = []
    monkeypatch.setattr(flow, "export_multi_interactive", lambda parent, st, history_filter: seen.append(history_filter))
    page.export_sessions_btn.click()
    assert seen == [page.current_filter()] and seen[0].signoff == "approved" and seen[0].text == "专场"
    dialog = MultiExportDialog(state, page, QSettings(str(tmp_path / "m.ini"), QSettings.Format.IniFormat),
                               history_filter=seen[0])
    qtbot.addWidget(dialog)
    o = dialog.options()
    assert (o.start, o.end) == (date(2026, 11, 20), date(2026, 11, 30))
    assert (o.platform, o.signoff, o.text) == (str(Platform.DOUYIN), "approved", "专场")
    assert "专场" in dialog.from_history.text()
