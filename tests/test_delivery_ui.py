"""Delivery UI: restore dialog, integrity dialog with salvage, theme/focus ring, locale formatting."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget

from desktop_app.services import backup, event_log, lifecycle
from desktop_app.storage.workspace import Workspace
from desktop_app.ui import format as fmt
from desktop_app.ui.delivery import dialogs, theme


@pytest.fixture
def zh_locale():
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    yield
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))


def test_backups_dialog_lists_and_restores_into_a_new_file(qtbot, ctx, planned, tmp_path, zh_locale, monkeypatch):
    backup.backup_now(ctx, "close")
    event_log.log_event(ctx, planned.id, "note", "备份之后")
    opened = []
    dialog = dialogs.BackupsDialog(ctx, open_fn=opened.append)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 1).text() == "结束场次"
    assert dialog.table.item(0, 2).text() == "1"
    assert dialog.restore_button.isEnabled()
    monkeypatch.setattr(dialogs.QMessageBox, "question", lambda *a, **k: dialogs.QMessageBox.StandardButton.Yes)
    out = tmp_path / "restored.liveops"
    dialog.restore_selected(out)
    qtbot.waitUntil(lambda: opened == [out], timeout=5000)
    copy = Workspace.open(out, read_only=True)
    assert copy.query_one("SELECT count(*) FROM events WHERE text = '备份之后'")[0] == 0
    copy.close()
    assert ctx.ws.query_one("SELECT count(*) FROM events WHERE text = '备份之后'")[0] == 1


def test_backups_dialog_refuses_to_restore_over_the_open_workspace(qtbot, ctx, monkeypatch):
    backup.backup_now(ctx, "manual")
    shown = []
    monkeypatch.setattr("desktop_app.ui.errors.show_error", lambda parent, exc: shown.append(exc.text()))
    dialog = dialogs.BackupsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.restore_selected(ctx.ws.path)
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    assert "不能恢复到当前打开的工作区" in shown[0]


def test_keep_setting_from_the_dialog(qtbot, ctx):
    dialog = dialogs.BackupsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.keep.setValue(7)
    dialog._save_keep()
    assert backup.keep_count(ctx) == 7


def _damage(ctx, session_id) -> Path:
    for i in range(400):
        event_log.log_event(ctx, session_id, "note", f"备注 {i} " + "x" * 100)
    path = ctx.ws.path
    ctx.ws.close()
    conn = sqlite3.connect(path)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    leaf = conn.execute("SELECT pageno FROM dbstat WHERE name='events' AND pagetype='leaf' "
                        "ORDER BY pageno LIMIT 1 OFFSET 4").fetchone()[0]
    conn.close()
    with path.open("r+b") as fh:
        fh.seek((leaf - 1) * page_size)
        fh.write(b"\xff" * page_size)
    ctx.ws = Workspace.open(path)
    return path


def test_integrity_dialog_salvages_into_a_new_workspace(qtbot, ctx, clock, tmp_path, monkeypatch):
    live, _ = lifecycle.start_now(ctx, anchor_id=ctx.fixture["anchor"].id, title="损坏测试")
    backup.backup_now(ctx, "manual")
    _damage(ctx, live.id)
    problems = ctx.ws.quick_check()
    assert problems
    opened = []
    dialog = dialogs.IntegrityDialog(ctx, problems, open_fn=opened.append)
    qtbot.addWidget(dialog)
    assert "1" in dialog.text.text() and dialog.restore_button.isEnabled()
    out = tmp_path / "rescued.liveops"
    monkeypatch.setattr(dialogs, "_new_file", lambda *a: out)
    monkeypatch.setattr(dialogs.QMessageBox, "question", lambda *a, **k: dialogs.QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(dialog.salvage_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: opened == [out], timeout=10000)
    rescued = Workspace.open(out, read_only=True)
    assert 0 < rescued.query_one("SELECT count(*) FROM events")[0] < 402
    assert rescued.query_one("SELECT title FROM sessions")[0] == "损坏测试"
    rescued.close()


def test_locale_formatting_follows_the_language():
    from datetime import UTC, datetime

    from desktop_app import messages

    evening = datetime(2026, 11, 26, 12, 5, 7, tzinfo=UTC)  # 20:05:07 in Shanghai
    messages.set_language("en")
    assert fmt.number(1234567) == "1,234,567"
    assert fmt.number(1234.5, 2) == "1,234.50"
    assert fmt.money(123456, "CNY") == "¥1,234.56"
    assert fmt.money(5000, "JPY") == "¥5,000"  # no minor unit
    assert fmt.ratio(0.0825) == "8.25%"
    assert fmt.local_time(evening, "Asia/Shanghai") == "11/26/2026 8:05 PM"
    assert fmt.local_time("2026-11-26T12:05:07.000Z", "Asia/Shanghai", "%m-%d %H:%M:%S") == "11/26 8:05:07 PM"
    assert fmt.date_text(datetime(2026, 11, 26, 17, 0, tzinfo=UTC), "Asia/Shanghai") == "11/27/2026"
    assert fmt.metric_value("gmv", 123456, "USD") == "$1,234.56"
    messages.set_language("zh_CN")
    assert fmt.local_time(evening, "Asia/Shanghai") == "2026-11-26 20:05"
    assert fmt.local_time(evening, "America/New_York", "%m-%d %H:%M:%S") == "11-26 07:05:07"
    assert fmt.datetime_text(evening, "Asia/Shanghai", seconds=True) == "2026-11-26 20:05:07"
    assert fmt.date_text(datetime(2026, 11, 26, 17, 0, tzinfo=UTC), "Asia/Shanghai") == "2026-11-27"
    assert fmt.metric_value("gmv", 123456, "CNY") == "¥1,234.56"
    assert fmt.number(None) == fmt.DASH and fmt.money(None, "CNY") == fmt.DASH


def test_shell_tables_follow_a_language_switch_without_restart(qtbot, ctx, planned):
    """Today / All sessions show start times and money in the chosen language's style; View →
    English re-renders the cells in the open window."""
    from PySide6.QtCore import QCoreApplication, QEvent

    from desktop_app.ui.main_window import MainWindow
    from desktop_app.ui.state import AppState

    for old in QApplication.topLevelWidgets():  # windows of earlier tests must not get the LanguageChange
        old.close()
        old.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    w = MainWindow(AppState(ctx, poll=False))
    qtbot.addWidget(w)
    w.nav.setCurrentRow(1)  # All sessions

    def start_cell() -> str:
        model = w.sessions.view.model()
        return model.index(0, 0).data()

    qtbot.waitUntil(lambda: w.sessions.model.rows != [])
    assert start_cell() == fmt.local_time(planned.scheduled_start_utc, planned.timezone)
    assert "-" in start_cell() and "PM" not in start_cell() and "AM" not in start_cell()
    w.set_language("en")
    qtbot.waitUntil(lambda: "/" in start_cell())
    assert start_cell().endswith(("AM", "PM"))
    assert w.sessions.view.model().headerData(0, Qt.Orientation.Horizontal) == "Start"
    w.set_language("zh_CN")
    qtbot.waitUntil(lambda: "-" in start_cell() and "/" not in start_cell())
    w.close()


@pytest.mark.parametrize("dark", [False, True])
def test_focus_ring_is_drawn_in_the_theme_color(qtbot, dark):
    app = QApplication.instance()
    old_style, old_sheet, old_palette = app.style().name(), app.styleSheet(), app.palette()
    try:
        theme.apply_theme(app, dark=dark)
        assert app.palette().color(app.palette().ColorRole.Window) == QColor(theme.colors(dark)["window"])
        host = QWidget()
        qtbot.addWidget(host)
        layout = QVBoxLayout(host)
        first, second = QLineEdit(), QLineEdit()
        layout.addWidget(first)
        layout.addWidget(second)
        host.show()
        qtbot.waitExposed(host)
        host.activateWindow()
        first.setFocus()
        qtbot.keyClick(first, Qt.Key.Key_Tab)  # keyboard navigation moves the focus
        qtbot.waitUntil(second.hasFocus)
        ring = QColor(theme.colors(dark)["focus"])
        assert _has_color(second.grab().toImage(), ring)
        assert not _has_color(first.grab().toImage(), ring)
    finally:
        app.setStyleSheet(old_sheet)
        app.setPalette(old_palette)
        app.setStyle(old_style)


def _has_color(image, color: QColor) -> bool:
    for x in range(image.width()):
        for y in (image.height() // 2,):
            c = image.pixelColor(x, y)
            if abs(c.red() - color.red()) < 12 and abs(c.green() - color.green()) < 12 \
                    and abs(c.blue() - color.blue()) < 12:
                return True
    return False


def test_svg_icons_render_crisp_at_high_dpi(qtbot):
    from PySide6.QtCore import QSize

    for name in ("app", "backup", "restore", "salvage", "check"):
        icon = theme.icon(name)
        assert not icon.isNull(), name
        pixmap = icon.pixmap(QSize(24, 24), 2.0)  # a 200 % screen
        assert pixmap.width() == 48 and not pixmap.toImage().isNull()
