"""Keyboard use of the main window: page shortcuts, no shortcut that two commands fight over,
mnemonics on every menu, progress for the long tasks started from the menus."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication

from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.state import AppState


@pytest.fixture
def window(qtbot, demo_copy):
    from desktop_app.domain.clock import FixedClock
    from desktop_app.services.workspace_service import open_workspace
    from tests.conftest import T0

    _close_leftover_windows()
    ctx = open_workspace(demo_copy, clock=FixedClock(T0))
    w = MainWindow(AppState(ctx, poll=False))
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    yield w
    w.close()
    ctx.ws.close()


def _close_leftover_windows() -> None:
    """Windows of earlier tests (their workspaces closed) must not get this test's events."""
    from PySide6.QtCore import QCoreApplication, QEvent

    for w in QApplication.topLevelWidgets():
        w.close()
        w.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def active_shortcuts(window) -> dict[str, list[str]]:
    """Key sequence → the commands that would answer it now (Qt fires none when two match)."""
    found: dict[str, list[str]] = {}
    for action in window.findChildren(QAction):
        if not action.isEnabled() or not action.associatedObjects():
            continue
        for seq in action.shortcuts():
            found.setdefault(seq.toString(), []).append(f"action {action.objectName() or action.text()}")
    for sc in window.findChildren(QShortcut):
        owner = sc.parent()
        if not sc.isEnabled() or sc.key().isEmpty() or owner is None or not owner.isVisible():
            continue
        if sc.context() in (Qt.ShortcutContext.WindowShortcut, Qt.ShortcutContext.ApplicationShortcut):
            found.setdefault(sc.key().toString(), []).append(f"shortcut on {type(owner).__name__}")
    return found


def test_alt_digits_go_to_each_page_and_put_the_focus_there(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    assert window.stack.currentWidget() is window.sessions
    qtbot.waitUntil(lambda: window.sessions.isAncestorOf(QApplication.focusWidget()))
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.AltModifier)
    assert window.stack.currentWidget() is window.roster
    qtbot.waitUntil(lambda: window.roster.isAncestorOf(QApplication.focusWidget()))
    history = next(i for i, (title, _w) in enumerate(window._pages) if title() in ("History", "历史"))
    qtbot.keyClick(window, Qt.Key(Qt.Key.Key_1 + history), Qt.KeyboardModifier.AltModifier)
    assert window.stack.currentIndex() == history and window._pages[history][1].isVisible()


def test_enter_on_a_session_row_opens_it(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    view = window.sessions.view
    view.setFocus()
    view.setCurrentIndex(view.model().index(1, 0))
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.session_page
    assert window.session_page.session_id == window.sessions.model.rows[1]["session_id"]


@pytest.mark.parametrize("tab", [0, 1, 2, 3])
def test_no_two_commands_share_a_shortcut_on_any_session_tab(qtbot, window, tab):
    live = window.state.ctx.ws.query_one("SELECT id FROM sessions ORDER BY on_air_utc DESC")[0]
    window.open_session(live)
    window.session_page.tabs.setCurrentIndex(tab)
    QApplication.processEvents()
    clashes = {k: v for k, v in active_shortcuts(window).items() if len(v) > 1}
    assert clashes == {}


def test_every_menu_and_main_action_can_be_reached_from_the_keyboard(window):
    for menu in window.menus.values():
        assert "&" in menu.title(), menu.title()  # Alt+letter opens it
    for key in ("new_workspace", "open_workspace", "quit", "plan", "backup_now"):
        assert not window.actions[key].shortcut().isEmpty(), key
    assert window.actions["open_workspace"].shortcut() == QKeySequence(QKeySequence.StandardKey.Open)
