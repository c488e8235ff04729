"""Opt-in system-wide hotkeys: pynput's listener thread → GUI thread → the same service commit;
without pynput or without a display, a clear message and the in-app hotkeys keep working."""

from __future__ import annotations

import importlib
import importlib.machinery
import sys
import threading
import types

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from desktop_app.domain.enums import EventKind, Source
from desktop_app.services import event_log, lifecycle
from desktop_app.storage import events as event_repo
from desktop_app.ui.live import hotkeys as hk
from desktop_app.ui.state import AppState


class FakeGlobalHotKeys:
    """pynput.keyboard.GlobalHotKeys as the console uses it: a mapping of '<f2>' → callback,
    callbacks run on the listener's own thread."""

    instances: list[FakeGlobalHotKeys] = []

    def __init__(self, mapping):
        self.mapping = mapping
        self.running = False
        FakeGlobalHotKeys.instances.append(self)

    def start(self):
        self.running = True

    def stop(self):
        self.running = False

    def press(self, combo: str) -> None:
        t = threading.Thread(target=self.mapping[combo], name="pynput-listener")
        t.start()
        t.join()


@pytest.fixture(autouse=True)
def _settings(qapp):
    QSettings().remove("live")
    QSettings().setValue(hk.GLOBAL_KEY, True)
    FakeGlobalHotKeys.instances.clear()
    yield
    QSettings().remove("live")


def _fake_pynput(monkeypatch, keyboard: types.ModuleType | None) -> None:
    pkg = types.ModuleType("pynput")
    pkg.__spec__ = importlib.machinery.ModuleSpec("pynput", None)  # found, as if installed
    monkeypatch.setitem(sys.modules, "pynput", pkg)
    monkeypatch.setitem(sys.modules, "pynput.keyboard", keyboard)


def _console(qtbot, ctx, session):
    from desktop_app.ui.live.console import LiveConsole

    c = LiveConsole(AppState(ctx, poll=False), robots=False)
    qtbot.addWidget(c)
    c.set_session(session.id)
    c.resize(1000, 700)
    c.show()
    c.activateWindow()
    qtbot.waitUntil(c.isActiveWindow)  # in-app hotkeys are window shortcuts
    return c


@pytest.fixture
def session(ctx, clock):
    s, _ = lifecycle.start_now(ctx, anchor_id=ctx.fixture["anchor"].id, title="全局热键")
    clock.advance(minutes=1)
    return s


def _user_events(ctx, sid):
    return [e for e in event_repo.list_events(ctx.ws, sid) if e.kind != EventKind.SYSTEM]


def test_global_hotkey_from_the_listener_thread_commits_on_the_gui_thread(qtbot, ctx, session, monkeypatch):
    keyboard = types.ModuleType("pynput.keyboard")
    keyboard.GlobalHotKeys = FakeGlobalHotKeys
    _fake_pynput(monkeypatch, keyboard)
    committed_on = []
    monkeypatch.setattr(event_log, "after_event_hooks", [
        *event_log.after_event_hooks, lambda _c, _s, e: committed_on.append((e.kind, threading.current_thread()))])
    console = _console(qtbot, ctx, session)
    listener = FakeGlobalHotKeys.instances[-1]
    assert listener.running and "<f2>" in listener.mapping and "<f1>" in listener.mapping
    console.hide()  # the specialist is in the platform's console: no window of ours has the focus
    qtbot.waitUntil(lambda: QApplication.activeWindow() is None)
    listener.press("<f2>")  # F2 = product switch
    qtbot.waitUntil(lambda: len(_user_events(ctx, session.id)) == 1)
    event = _user_events(ctx, session.id)[0]
    assert event.kind == EventKind.PRODUCT and event.source == Source.HOTKEY
    assert committed_on == [(EventKind.PRODUCT, threading.main_thread())]
    assert console.events.pending_note  # the note that follows goes to that event, as in the app
    console.shutdown()
    assert not listener.running


def test_without_pynput_the_option_says_what_to_install_and_in_app_keys_work(qtbot, ctx, session, monkeypatch):
    monkeypatch.setitem(sys.modules, "pynput", None)  # import pynput → ImportError
    console = _console(qtbot, ctx, session)
    assert "pynput" in console.status.text() and console.global_keys.listener is None
    qtbot.keyClick(console.events.quick, Qt.Key.Key_F1)
    assert [e.kind for e in _user_events(ctx, session.id)] == [EventKind.GIVEAWAY]
    console.shutdown()


NO_X = ("this platform is not supported: ('failed to acquire X connection: Bad display name \"\"', "
        "DisplayNameError(''))\n\nTry one of the following resolutions: ...")


@pytest.mark.parametrize("where", ["import", "listener"])
def test_without_a_display_the_option_says_so_instead_of_crashing(qtbot, ctx, session, monkeypatch, where):
    """pynput installed but no X display: its backend import raises ImportError (pynput 1.8), or
    the listener fails to start; neither is "pynput missing"."""
    if where == "import":
        pkg = types.ModuleType("pynput")
        pkg.__spec__ = importlib.machinery.ModuleSpec("pynput", None)
        monkeypatch.setitem(sys.modules, "pynput", pkg)
        monkeypatch.delitem(sys.modules, "pynput.keyboard", raising=False)
        real_import = importlib.import_module

        def fake_import(name, *a, **k):
            if name == "pynput.keyboard":
                raise ImportError(NO_X)
            return real_import(name, *a, **k)

        monkeypatch.setattr(hk.importlib, "import_module", fake_import)
    else:
        keyboard = types.ModuleType("pynput.keyboard")

        class NoDisplay:
            def __init__(self, mapping):
                raise RuntimeError("failed to acquire X connection")

        keyboard.GlobalHotKeys = NoDisplay
        _fake_pynput(monkeypatch, keyboard)
    console = _console(qtbot, ctx, session)
    text = console.status.text()
    assert "could not start" in text and "X connection" in text and "pip install" not in text
    assert "Try one of" not in text  # one line, not pynput's whole advice
    assert console.global_keys.listener is None
    qtbot.keyClick(console.events.quick, Qt.Key.Key_F3)
    assert [e.kind for e in _user_events(ctx, session.id)] == [EventKind.TRAFFIC]
    console.shutdown()


def test_global_hotkeys_are_off_by_default(qtbot, ctx, session, monkeypatch):
    QSettings().remove("live")
    keyboard = types.ModuleType("pynput.keyboard")
    keyboard.GlobalHotKeys = FakeGlobalHotKeys
    _fake_pynput(monkeypatch, keyboard)
    console = _console(qtbot, ctx, session)
    assert FakeGlobalHotKeys.instances == [] and not hk.global_enabled()
    console.shutdown()


def test_with_the_app_focused_a_key_logs_once_not_also_through_the_global_listener(qtbot, ctx, session,
                                                                                   monkeypatch):
    """pynput sees every key press, also those our own window gets: with the console focused the
    in-app shortcut has already logged it, so the listener's copy is dropped (it logged two)."""
    keyboard = types.ModuleType("pynput.keyboard")
    keyboard.GlobalHotKeys = FakeGlobalHotKeys
    _fake_pynput(monkeypatch, keyboard)
    console = _console(qtbot, ctx, session)
    listener = FakeGlobalHotKeys.instances[-1]
    qtbot.keyClick(console.events.quick, Qt.Key.Key_F1)  # the window gets the key ...
    listener.press("<f1>")  # ... and the system-wide listener sees the same press
    qtbot.wait(50)  # the listener's copy arrives queued
    assert [e.kind for e in _user_events(ctx, session.id)] == [EventKind.GIVEAWAY]
    console.shutdown()
