"""Keyboard use of the main window: page shortcuts, no shortcut that two commands fight over,
mnemonics on every menu, progress for the long tasks started from the menus."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication

from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.mnemonics import mnemonic_of
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
    for menu in window.menus.values():  # Alt+letter of each menu title opens that menu
        letter = mnemonic_of(menu.title())
        if letter:
            found.setdefault(f"Alt+{letter}", []).append(f"menu {menu.title()}")
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


def menu_mnemonic_clashes(window) -> dict[str, list[str]]:
    """Per menu (and the menu bar): Alt letters that no command has, or that two share."""
    problems: dict[str, list[str]] = {}
    groups = {"menu bar": [m.menuAction() for m in window.menus.values()]}
    groups |= {m.title(): [a for a in m.actions() if not a.isSeparator() and a.isVisible()]
               for m in window.menus.values()}
    for name, actions in groups.items():
        seen: dict[str, str] = {}
        for action in actions:
            letter = mnemonic_of(action.text())
            if not letter:
                problems.setdefault(name, []).append(f"no Alt letter: {action.text()!r}")
            elif letter in seen:
                problems.setdefault(name, []).append(f"Alt+{letter}: {seen[letter]!r} and {action.text()!r}")
            else:
                seen[letter] = action.text()
    return problems


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_every_menu_command_has_its_own_alt_letter_in_both_languages(qtbot, window, lang):
    from PySide6.QtCore import QCoreApplication, QEvent

    window.set_language(lang)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
    assert menu_mnemonic_clashes(window) == {}
    file_menu = window.menus["file"]
    texts = [a.text() for a in file_menu.actions() if not a.isSeparator()]
    if lang == "zh_CN":  # the Chinese Windows way: the letter after the text, before the …
        assert file_menu.title() == "文件(&F)" and "新建工作区(&N)…" in texts and "退出(&Q)" in texts
    else:
        assert file_menu.title() == "&File" and "&New workspace…" in texts and "&Quit" in texts
    # the same letter in both languages, so muscle memory survives a language switch
    assert mnemonic_of(window.actions["plan"].text()) == "P"


def test_the_mnemonic_check_catches_a_clash_and_a_missing_letter(window):
    file_menu = window.menus["file"]
    window.actions["new_demo"].setText("&New demo workspace…")
    window.actions["switch_person"].setText("切换人员…")
    problems = menu_mnemonic_clashes(window)[file_menu.title()]
    assert any("Alt+N" in p for p in problems) and any("切换人员…" in p for p in problems)
