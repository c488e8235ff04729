"""How feature packages plug into the shell without editing it.

Each sub-package of desktop_app/ui (checklists, live, ingest, export, review, delivery ...)
may define ``install(registry: Extensions) -> None`` in its ``__init__``. The shell imports
every sub-package at start and calls it. A feature adds:

- a session area: a widget shown in the session page under the Pre / Live / Post tab (or a
  tab of its own), built by ``factory(state) -> QWidget``; the widget must offer
  ``set_session(session_id: str | None)`` and refresh itself from ``state.workspace_changed``;
- a page: an entry in the left navigation (e.g. history, templates);
- an action: a menu entry, built by ``factory(window) -> QAction``.

Widget text is translated with ``tr()`` and each widget implements ``retranslate()``
(called on QEvent.LanguageChange) so switching language needs no restart.
"""

from __future__ import annotations

import importlib
import logging
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass, field

log = logging.getLogger(__name__)

# Session areas are placed by phase; "pre", "live", "post" are the built-in tabs,
# anything else becomes a tab of its own with the given title.
PHASES = ("pre", "live", "post")


@dataclass
class SessionArea:
    key: str
    phase: str
    title: Callable[[], str]
    factory: Callable  # (AppState) -> QWidget with set_session()
    order: int = 50


@dataclass
class Page:
    key: str
    title: Callable[[], str]
    factory: Callable  # (AppState, MainWindow) -> QWidget
    order: int = 50


@dataclass
class MenuAction:
    key: str
    menu: str  # "file", "session", "tools", "view", "help"
    factory: Callable  # (MainWindow) -> QAction
    order: int = 50


@dataclass
class Extensions:
    session_areas: list[SessionArea] = field(default_factory=list)
    pages: list[Page] = field(default_factory=list)
    actions: list[MenuAction] = field(default_factory=list)
    startup_hooks: list[Callable] = field(default_factory=list)  # (MainWindow) -> None, after a workspace opens

    def add_session_area(self, key: str, phase: str, title: Callable[[], str], factory: Callable,
                         order: int = 50) -> None:
        self.session_areas.append(SessionArea(key, phase, title, factory, order))

    def add_page(self, key: str, title: Callable[[], str], factory: Callable, order: int = 50) -> None:
        self.pages.append(Page(key, title, factory, order))

    def add_action(self, key: str, menu: str, factory: Callable, order: int = 50) -> None:
        self.actions.append(MenuAction(key, menu, factory, order))

    def add_startup_hook(self, hook: Callable) -> None:
        self.startup_hooks.append(hook)


_loaded: Extensions | None = None


def load_extensions() -> Extensions:
    """Import every ui sub-package once and collect what it installs."""
    global _loaded
    if _loaded is not None:
        return _loaded
    import desktop_app.ui as ui_pkg

    ext = Extensions()
    for info in sorted(pkgutil.iter_modules(ui_pkg.__path__), key=lambda m: m.name):
        if not info.ispkg:
            continue
        module = importlib.import_module(f"desktop_app.ui.{info.name}")
        install = getattr(module, "install", None)
        if install is not None:
            install(ext)
    for seq in (ext.session_areas, ext.pages, ext.actions):
        seq.sort(key=lambda x: (x.order, x.key))
    _loaded = ext
    return ext
