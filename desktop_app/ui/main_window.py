"""Main window: navigation (Today, All sessions, Roster, feature pages), session page, menus."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app import APP_NAME, __version__, messages
from desktop_app.domain.errors import LiveOpsError
from desktop_app.services import lifecycle
from desktop_app.services.context import Changes
from desktop_app.services.workspace_service import workspace_info
from desktop_app.storage import roster as roster_repo
from desktop_app.storage.errors import WorkspaceCorrupt
from desktop_app.storage.workspace import Workspace
from desktop_app.ui.dialogs import PlanSessionDialog
from desktop_app.ui.errors import show_error
from desktop_app.ui.extensions import load_extensions
from desktop_app.ui.i18n import Retranslating, apply_language
from desktop_app.ui.mnemonics import apply_menu_mnemonics
from desktop_app.ui.pages import RosterPage, SessionsPage
from desktop_app.ui.session_page import SessionPage
from desktop_app.ui.settings import Settings
from desktop_app.ui.state import AppState
from desktop_app.ui.tasks import run_task

log = logging.getLogger(__name__)


class MainWindow(Retranslating, QMainWindow):
    def __init__(self, state: AppState, controller=None, settings: Settings | None = None) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.state = state
        self.controller = controller  # app.AppController: opens/creates workspaces
        self.settings = settings or Settings()
        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.nav.setMaximumWidth(180)
        self.stack = QStackedWidget()
        self._pages: list[tuple] = []  # (title_fn, widget); a feature page is a holder until first shown
        self._page_factories: dict[int, object] = {}
        self.today = SessionsPage(state, self, today_only=True)
        self.sessions = SessionsPage(state, self)
        self.roster = RosterPage(state, self)
        self.session_page = SessionPage(state, self)
        self._add_page(lambda: self.tr("Today"), self.today)
        self._add_page(lambda: self.tr("All sessions"), self.sessions)
        self._add_page(lambda: self.tr("Session"), self.session_page)
        self._add_page(lambda: self.tr("Roster"), self.roster)
        ext = load_extensions()
        for page in ext.pages:
            self._add_lazy_page(page.title, page.factory)
        self.nav.currentRowChanged.connect(self._show_page)
        self._page_shortcuts()
        split = QSplitter()
        split.addWidget(self.nav)
        split.addWidget(self.stack)
        split.setStretchFactor(1, 1)
        split.setSizes([170, 1110])
        split.setChildrenCollapsible(False)
        self.setCentralWidget(split)
        self.status_path, self.status_person, self.status_check = QLabel(), QLabel(), QLabel()
        for w in (self.status_path, self.status_person, self.status_check):
            self.statusBar().addPermanentWidget(w)
        self.status_check.setObjectName("integrityStatus")
        self._build_menus(ext)
        state.session_selected.connect(self.open_session)
        state.actor_changed.connect(lambda _p: self._update_status())
        self.nav.setCurrentRow(0)
        self.retranslate()
        self._restore_geometry()

    # -- structure ------------------------------------------------------------------
    def _add_page(self, title_fn, widget: QWidget) -> None:
        self._pages.append((title_fn, widget))
        self.stack.addWidget(widget)
        self.nav.addItem(title_fn())

    def _add_lazy_page(self, title_fn, factory) -> None:
        """A feature page (history, templates …) is built the first time it is shown: start-up
        pays neither its imports nor its queries (issue 9 cold start)."""
        holder = QWidget()
        QVBoxLayout(holder).setContentsMargins(0, 0, 0, 0)
        self._page_factories[len(self._pages)] = factory
        self._add_page(title_fn, holder)

    def page_widget(self, index: int) -> QWidget:
        factory = self._page_factories.pop(index, None)
        title_fn, holder = self._pages[index]
        if factory is None:
            return holder
        widget = factory(self.state, self)
        holder.layout().addWidget(widget)
        self._pages[index] = (title_fn, widget)
        return widget

    @property
    def pages(self) -> list[tuple]:
        """(title_fn, widget) of every page, building the lazy ones (tests, tools)."""
        for index in list(self._page_factories):
            self.page_widget(index)
        return list(self._pages)

    def _page_shortcuts(self) -> None:
        """Alt+1 … Alt+9 go to the n-th page and put the focus in it (Ctrl+digits zoom live charts)."""
        from PySide6.QtGui import QShortcut

        self.page_shortcuts = []
        for i in range(min(9, len(self._pages))):
            sc = QShortcut(QKeySequence(f"Alt+{i + 1}"), self, activated=lambda i=i: self.go_to_page(i))
            self.page_shortcuts.append(sc)

    def go_to_page(self, index: int) -> None:
        self.nav.setCurrentRow(index)
        page = self.stack.currentWidget()
        target = page.focusProxy() or page
        if not target.hasFocus():
            target.setFocus()
            if not target.hasFocus():  # a plain container: give the focus to its first control
                target.focusNextChild()

    def _show_page(self, index: int) -> None:
        if index >= 0:
            self.page_widget(index)
        self.stack.setCurrentIndex(index)

    def _build_menus(self, ext) -> None:
        bar = self.menuBar()
        self.menus = {k: bar.addMenu("") for k in ("file", "session", "view", "tools", "help")}
        self.actions: dict[str, QAction] = {}

        def add(menu: str, key: str, slot, shortcut=None, fallback: str | None = None) -> QAction:
            action = QAction(self)
            action.setObjectName(f"action_{key}")
            action.triggered.connect(slot)
            if shortcut:
                keys = QKeySequence.keyBindings(shortcut) if isinstance(shortcut, QKeySequence.StandardKey) else []
                # A platform without a standard binding (Quit on Windows) still gets the key we name.
                action.setShortcuts(keys or [QKeySequence(fallback or shortcut)])
            self.menus[menu].addAction(action)
            self.actions[key] = action
            return action

        add("file", "new_workspace", self.new_workspace, QKeySequence.StandardKey.New)
        add("file", "open_workspace", self.open_workspace, QKeySequence.StandardKey.Open)
        add("file", "new_demo", self.new_demo_workspace)
        add("file", "switch_person", self.switch_person)
        self._extension_actions(ext, "file")
        self.menus["file"].addSeparator()
        add("file", "quit", self.close, QKeySequence.StandardKey.Quit, "Ctrl+Q")
        add("session", "plan", self.plan_session, "Ctrl+Shift+N")
        add("session", "start_now", self.start_now)
        self._extension_actions(ext, "session")
        lang_group = QActionGroup(self)
        for lang in messages.LANGUAGES:
            a = add("view", f"lang_{lang}", lambda _=False, lng=lang: self.set_language(lng))
            a.setCheckable(True)
            a.setChecked(messages.current_language() == lang)
            lang_group.addAction(a)
        self._extension_actions(ext, "view")
        add("tools", "check", self.check_workspace)
        self._extension_actions(ext, "tools")
        add("help", "about", self.about)
        self._extension_actions(ext, "help")

    def _extension_actions(self, ext, menu: str) -> None:
        for item in ext.actions:
            if item.menu == menu:
                action = item.factory(self)
                action.setObjectName(f"action_{item.key}")
                self.menus[menu].addAction(action)
                self.actions[item.key] = action

    def retranslate(self) -> None:
        self.setWindowTitle(f"{self.tr('LiveOps Desk')} — {workspace_info(self.state.ctx).name}")
        for i, (title_fn, _w) in enumerate(self._pages):
            self.nav.item(i).setText(title_fn())
        titles = {"file": self.tr("&File"), "session": self.tr("&Session"), "view": self.tr("&View"),
                  "tools": self.tr("&Tools"), "help": self.tr("&Help")}
        for k, m in self.menus.items():
            m.setTitle(titles[k])
        texts = {"new_workspace": self.tr("New workspace…"), "open_workspace": self.tr("Open workspace…"),
                 "new_demo": self.tr("New demo workspace…"), "switch_person": self.tr("Switch person…"),
                 "quit": self.tr("Quit"), "plan": self.tr("Plan a session…"), "start_now": self.tr("Start now…"),
                 "lang_zh_CN": "中文", "lang_en": "English", "check": self.tr("Check workspace integrity"),
                 "about": self.tr("About LiveOps Desk")}
        for k, t in texts.items():
            if k in self.actions:
                self.actions[k].setText(t)
        for action in self.actions.values():  # a feature's action may carry its own retranslate()
            again = getattr(action, "retranslate", None)
            if callable(again):
                again()
        apply_menu_mnemonics(self.menus.values())  # Alt+letter on every command, both languages
        self._update_status()

    def _update_status(self) -> None:
        ws = self.state.ctx.ws
        self.status_path.setText(str(ws.path))
        p = roster_repo.get_person(ws, self.state.ctx.actor_id) if self.state.ctx.actor_id else None
        self.status_person.setText(self.tr("Working as: {name}").format(name=p.name) if p else self.tr("No person"))

    # -- navigation ----------------------------------------------------------------
    def open_session(self, session_id: str) -> None:
        self.session_page.set_session(session_id)
        self.nav.setCurrentRow(self.stack.indexOf(self.session_page))

    # -- actions -------------------------------------------------------------------
    def plan_session(self) -> None:
        dialog = PlanSessionDialog(self.state, self)
        if dialog.exec() and dialog.session:
            self.open_session(dialog.session.id)

    def start_now(self) -> None:
        dialog = PlanSessionDialog(self.state, self, start_now=True)
        if dialog.exec() and dialog.session:
            self.open_session(dialog.session.id)

    def set_language(self, lang: str) -> None:
        apply_language(lang)
        self.settings.language = lang
        self.actions[f"lang_{lang}"].setChecked(True)
        # Views re-read catalog text (status names, metric names) as on any external change.
        self.state.workspace_changed.emit(Changes(external=True))

    def new_workspace(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("New workspace"), "", self.tr("Workspaces (*.liveops)"))
        if path and self.controller:
            self.controller.create_and_open(Path(path).with_suffix(".liveops"))

    def new_demo_workspace(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("New demo workspace"), "demo.liveops",
                                              self.tr("Workspaces (*.liveops)"))
        if path and self.controller:
            self.controller.create_demo_and_open(Path(path).with_suffix(".liveops"))

    def open_workspace(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open workspace"), "",
                                              self.tr("Workspaces (*.liveops);;All files (*)"))
        if path and self.controller:
            self.controller.open_path(Path(path))

    def switch_person(self) -> None:
        if self.controller:
            self.controller.pick_person(force=True)

    def check_workspace(self) -> None:
        self.start_integrity_check(report_ok=True)

    def start_integrity_check(self, report_ok: bool = False) -> None:
        """quick_check on a worker thread with its own read-only connection; never blocks the window."""
        path = self.state.ctx.ws.path
        self.status_check.setText(self.tr("Checking workspace…"))

        def work(progress, cancelled):
            ws = Workspace.open(path, read_only=True, migrate=False)
            try:
                return ws.quick_check()
            finally:
                ws.close()

        def done(problems: list[str]) -> None:
            if problems:
                self.status_check.setText(self.tr("Integrity problems found"))
                from desktop_app.ui.delivery.dialogs import show_integrity_problems  # restore or salvage

                show_integrity_problems(self, problems)
            else:
                self.status_check.setText(self.tr("Workspace OK"))
                if report_ok:
                    QMessageBox.information(self, self.tr("Workspace check"), self.tr("No problems found."))

        def failed(exc: BaseException) -> None:
            self.status_check.setText(self.tr("Integrity problems found"))
            if isinstance(exc, WorkspaceCorrupt):
                from desktop_app.ui.delivery.dialogs import show_integrity_problems

                show_integrity_problems(self, [exc.text()])
            elif isinstance(exc, LiveOpsError):
                show_error(self, exc)

        run_task(self, work, title=self.tr("Checking workspace…"), on_done=done, on_error=failed,
                 show_progress=report_ok)

    def offer_resume(self) -> None:
        """A live session found at open means the app was killed mid-broadcast: offer to resume it."""
        for s in lifecycle.live_sessions_needing_resume(self.state.ctx):
            box = QMessageBox(QMessageBox.Icon.Question, self.tr("Resume live session?"),
                              self.tr("“{title}” was live when LiveOps Desk stopped. Every logged event is kept.\n"
                                      "Resume it, or end it at the last logged time?").format(title=s.title),
                              parent=self)
            resume = box.addButton(self.tr("Resume"), QMessageBox.ButtonRole.AcceptRole)
            box.addButton(self.tr("End at last logged time"), QMessageBox.ButtonRole.DestructiveRole)
            box.setObjectName("resumeBox")
            box.exec()
            if box.clickedButton() is resume:
                self.open_session(s.id)
            else:
                try:
                    self.state.emit_changes(lifecycle.decline_resume(self.state.ctx, s.id))
                except LiveOpsError as exc:
                    show_error(self, exc)

    def about(self) -> None:
        QMessageBox.about(self, self.tr("About LiveOps Desk"),
                          self.tr("{name} {version}\nChecklists, live session log, charts, reviews and Excel "
                                  "exports for livestream e-commerce operations.").format(name=APP_NAME,
                                                                                        version=__version__))

    # -- window state --------------------------------------------------------------
    def _restore_geometry(self) -> None:
        geometry = self.settings.geometry("main")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        state = self.settings.window_state("main")
        if state is not None:
            self.restoreState(state)

    def closeEvent(self, event) -> None:
        self.settings.set_geometry("main", self.saveGeometry())
        self.settings.set_window_state("main", self.saveState())
        super().closeEvent(event)
