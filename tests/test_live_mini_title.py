"""The mini window shows the session's title whole, whatever its length, beside a clock that is never cut."""

from __future__ import annotations

import pytest

from desktop_app.services import lifecycle
from desktop_app.ui.state import AppState

pytestmark = pytest.mark.usefixtures("clean_live_settings")


def test_a_long_title_wraps_under_the_clock_instead_of_being_cut(qtbot, ctx, clock):
    from desktop_app.ui.live.console import LiveConsole

    title = "11月27日 小美 补水专场 · 双十二预热 玻尿酸面膜福利返场"
    s, _ = lifecycle.start_now(ctx, anchor_id=ctx.fixture["anchor"].id, title=title)
    clock.advance(minutes=7)
    console = LiveConsole(AppState(ctx, poll=False), robots=False)
    qtbot.addWidget(console)
    try:
        console.set_session(s.id)
        console.show()
        console.toggle_mini()
        mini = console.mini
        qtbot.waitExposed(mini)
        qtbot.waitUntil(lambda: mini.elapsed.text() == "0:07:00")
        for label in (mini.elapsed, mini.title):
            assert label.sizeHint().width() <= label.width() or label.wordWrap(), label.objectName()
            assert label.heightForWidth(label.width()) <= label.height() if label.wordWrap() else True
        assert mini.title.text() == title
        assert mini.elapsed.geometry().right() <= mini.contentsRect().right()
    finally:
        console.shutdown()


def test_a_new_mini_window_opens_where_the_last_one_was_and_never_off_screen(qtbot):
    """Across restarts: the place is read back from the settings; a place on a monitor that is
    gone (unplugged laptop screen) comes back onto the screen instead of opening invisible."""
    from PySide6.QtCore import QPoint, QSettings

    from desktop_app.ui.live.mini import POS_KEY, MiniWindow

    first = MiniWindow()
    qtbot.addWidget(first)
    first.show_at_saved_place()
    qtbot.waitExposed(first)
    first.move(QPoint(123, 77))
    first.close()
    again = MiniWindow()  # a new process builds a new window from the settings
    qtbot.addWidget(again)
    again.show_at_saved_place()
    qtbot.waitExposed(again)
    assert again.pos() == QPoint(123, 77)
    again.close()
    QSettings().setValue(POS_KEY, QPoint(-5000, 9000))
    lost = MiniWindow()
    qtbot.addWidget(lost)
    lost.show_at_saved_place()
    qtbot.waitExposed(lost)
    assert lost.screen().availableGeometry().contains(lost.frameGeometry().topLeft())
    lost.close()


def test_hotkey_hint_never_breaks_a_key_from_its_kind(qtbot, ctx, session):
    """The hint wraps between pairs ("F3 Paid traffic  F4 Incident"), never inside one
    (it showed "F4" at the end of a line and "Incident" on the next)."""
    from desktop_app.ui.live.console import LiveConsole
    from desktop_app.ui.live.hotkeys import kind_label

    console = LiveConsole(AppState(ctx, poll=False), robots=False)
    qtbot.addWidget(console)
    try:
        text = console.events.hint.text()
        for key, kind in (("F1", "giveaway"), ("F4", "incident"), ("F2", "product")):
            assert f"{key}\u00a0{kind_label(kind)}".replace(" ", "\u00a0") in text
        assert "  " in text  # pairs still break from one another
    finally:
        console.shutdown()


def test_in_the_mini_window_the_next_hotkey_keeps_the_note_typed_so_far(qtbot, ctx, session):
    """As in the console: F2, type a note, press F3 straight away — the note belongs to the F2
    event (in the mini window it was dropped), and Esc skips a note."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from desktop_app.domain.enums import EventKind
    from desktop_app.storage import events as event_repo
    from desktop_app.ui.live.console import LiveConsole
    from tests.test_live_ui import type_text

    console = LiveConsole(AppState(ctx, poll=False), robots=False)
    qtbot.addWidget(console)
    try:
        console.set_session(session.id)
        console.show()
        console.toggle_mini()
        mini = console.mini
        qtbot.waitExposed(mini)
        mini.activateWindow()
        qtbot.waitUntil(mini.isActiveWindow)
        qtbot.keyClick(mini.note, Qt.Key.Key_F2)
        type_text(qtbot, mini.note, "第二款")
        qtbot.keyClick(mini.note, Qt.Key.Key_F3)
        qtbot.keyClick(mini.note, Qt.Key.Key_Escape)  # no note for the F3 event
        assert not mini.note.isEnabled()  # nothing to type a note for, as in the console
        qtbot.keyClick(mini, Qt.Key.Key_F4)  # the hotkeys still work
        assert mini.note.isEnabled() and QApplication.focusWidget() is mini.note
        type_text(qtbot, mini.note, "断流")
        qtbot.keyClick(mini.note, Qt.Key.Key_Return)
        events = [(e.kind, e.text) for e in event_repo.list_events(ctx.ws, session.id) if e.kind != EventKind.SYSTEM]
        assert events == [(EventKind.PRODUCT, "第二款"), (EventKind.TRAFFIC, ""), (EventKind.INCIDENT, "断流")]
    finally:
        console.shutdown()
