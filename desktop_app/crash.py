"""Crash handling: unexpected exceptions are logged and shown with the log path; the app keeps
running where it can. faulthandler writes native crashes (segfaults, aborts) to a file too."""

from __future__ import annotations

import faulthandler
import logging
import sys
import traceback
from collections.abc import Callable
from pathlib import Path

from desktop_app.paths import log_dir

log = logging.getLogger("crash")
_fault_file = None
Reporter = Callable[[str, Path], None]


def fault_log_path() -> Path:
    return log_dir() / "faulthandler.log"


def install(reporter: Reporter | None = None, log_path: Path | None = None) -> None:
    """Route uncaught exceptions to the log and to ``reporter(text, log_path)`` (the UI dialog)."""
    global _fault_file
    path = fault_log_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    if _fault_file is None:
        _fault_file = open(path, "a", encoding="utf-8")  # noqa: SIM115 - must stay open for faulthandler
        faulthandler.enable(_fault_file)
    target = log_path or path

    def hook(exc_type, exc, tb) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        text = "".join(traceback.format_exception(exc_type, exc, tb))
        log.error("Uncaught exception\n%s", text)
        if reporter is not None:
            try:
                reporter(text, target)
            except Exception:  # the reporter itself must never take the app down
                log.exception("crash reporter failed")

    sys.excepthook = hook
