"""Delivery features inside the real main window: menus, language switch, integrity failure, window state."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import QEvent, QSettings
from PySide6.QtWidgets import QApplication

from desktop_app.services import event_log, lifecycle
from desktop_app.ui import i18n
from desktop_app.ui.delivery import dialogs
from desktop_app.ui.i18n import apply_language
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.settings import Settings
from desktop_app.ui.state import AppState


@pytest.fixture
def settings(tmp_path):
    q = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    return Settings(q)


@pytest.fixture(scope="module", autouse=True)
def _chinese_ui(qapp):
    # Installing or removing translators sends LanguageChange to every widget alive; windows of
    # other tests (their workspaces closed) must not receive it, so they go first, both times.
    _close_all()
    apply_language("zh_CN")
    _delete_now()
    yield
    _close_all()
    i18n.reset_language()  # later modules expect the untranslated (English) UI
    _delete_now()


def _close_all() -> None:
    for widget in QApplication.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    _delete_now()


def _delete_now() -> None:
    """Windows of finished tests go now, so a later LanguageChange never reaches a closed workspace."""
    QApplication.processEvents()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def window(qtbot, ctx, settings):
    w = MainWindow(AppState(ctx, poll=False), settings=settings)
    yield w
    _delete_now()
    w.close()
    w.deleteLater()
    _delete_now()


def test_menu_actions_are_installed_and_follow_the_language(qtbot, window):
    backup_action = window.actions["backup_now"]
    assert backup_action in window.menus["file"].actions()
    assert window.actions["restore_backup"] in window.menus["file"].actions()
    assert window.actions["salvage"] in window.menus["tools"].actions()
    assert backup_action.text() == "立即备份(&B)"  # with its Alt+letter (ui/mnemonics.py)
    window.set_language("en")
    qtbot.waitUntil(lambda: backup_action.text() == "&Back up now")
    assert window.actions["restore_backup"].text() == "&Restore from backup…"
    window.set_language("zh_CN")
    qtbot.waitUntil(lambda: backup_action.text() == "立即备份(&B)")


def test_restore_dialog_retranslates_while_open(qtbot, window, ctx):
    dialog = dialogs.BackupsDialog(ctx, window)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "从备份恢复"
    window.set_language("en")
    qtbot.waitUntil(lambda: dialog.windowTitle() == "Restore from backup")
    assert dialog.restore_button.text() == "&Restore to new file…"
    window.set_language("zh_CN")
    qtbot.waitUntil(lambda: dialog.windowTitle() == "从备份恢复")


def test_back_up_now_from_the_menu(qtbot, window, ctx):
    from desktop_app.services import backup

    window.actions["backup_now"].trigger()
    qtbot.waitUntil(lambda: len(backup.list_for(ctx)) == 1, timeout=5000)
    qtbot.waitUntil(lambda: "已备份" in window.statusBar().currentMessage())


def test_failed_integrity_check_offers_restore_or_salvage(qtbot, window, ctx, monkeypatch):
    live, _ = lifecycle.start_now(ctx, anchor_id=ctx.fixture["anchor"].id, title="损坏")
    for i in range(300):
        event_log.log_event(ctx, live.id, "note", f"备注 {i} " + "x" * 100)
    conn = sqlite3.connect(ctx.ws.path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    leaf = conn.execute("SELECT pageno FROM dbstat WHERE name='events' AND pagetype='leaf' "
                        "ORDER BY pageno LIMIT 1 OFFSET 3").fetchone()[0]
    conn.close()
    with ctx.ws.path.open("r+b") as fh:
        fh.seek((leaf - 1) * page_size)
        fh.write(b"\x00\x01" * (page_size // 2))
    shown = []
    monkeypatch.setattr(dialogs.IntegrityDialog, "exec", lambda self: shown.append(self) or 0)
    window.start_integrity_check()
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    assert shown[0].problems and shown[0].salvage_button.text() == "抢救可读数据(&S)…"
    assert window.status_check.text() == "发现完整性问题"


def test_window_geometry_and_state_are_remembered(qtbot, ctx, settings):
    first = MainWindow(AppState(ctx, poll=False), settings=settings)
    first.show()
    qtbot.waitExposed(first)
    # The offscreen screen is 800×800 and restoreGeometry clamps to it; the shell's minimum width is
    # wider than that, so the height carries the check.
    default = first.height()
    first.resize(first.width(), default - 150)
    height = first.height()
    assert height != default
    first.close()
    second = MainWindow(AppState(ctx, poll=False), settings=settings)
    assert second.height() == height
    assert settings.geometry("main") is not None and settings.window_state("main") is not None
    for w in (first, second):
        w.close()
        w.deleteLater()
    _delete_now()


def test_keyboard_reaches_the_navigation_and_pages(qtbot, window):
    from PySide6.QtCore import Qt

    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    window.nav.setFocus()
    qtbot.waitUntil(window.nav.hasFocus)
    qtbot.keyClick(window.nav, Qt.Key.Key_Down)
    assert window.stack.currentIndex() == 1
    window.nav.setCurrentRow(0)
    visited = []
    for _ in range(6):  # Tab walks the page's controls and comes back to the navigation: no trap
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        visited.append(QApplication.focusWidget().objectName())
    assert {"sessionsFilter", "sessionsTable", "nav"} <= set(visited)


def test_workspace_check_with_a_healthy_file_never_opens_the_dialog(qtbot, window, monkeypatch):
    shown = []
    monkeypatch.setattr(dialogs.IntegrityDialog, "exec", lambda self: shown.append(self) or 0)
    window.start_integrity_check()
    qtbot.waitUntil(lambda: window.status_check.text() == "工作区正常", timeout=5000)
    assert shown == []
