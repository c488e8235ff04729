"""Live console (issue 5): hotkey event log, metric entry, live charts, interval reports, mini window."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def _title() -> str:
    return QCoreApplication.translate("LiveConsole", "Live console")


def _factory(state):
    from desktop_app.ui.live.console import LiveConsole

    return LiveConsole(state)


def install(ext) -> None:
    ext.add_session_area("live_console", "live", _title, _factory, order=10)
