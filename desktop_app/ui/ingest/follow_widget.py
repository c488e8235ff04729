"""Live area: follow a growing CSV into the selected live session, with a status light and a stop.

A QFileSystemWatcher on the file and on its folder triggers a read as soon as the scraper
writes (or replaces, deletes, recreates) the file. Watchers are not reliable everywhere:
network and FUSE folders send no events, and a file replaced by rename drops out of the
watch list. So a fallback timer polls as well (every FALLBACK_MS, well inside the 2 s the
issue allows); the service's ``poll()`` is idempotent, so a read triggered twice costs nothing.
"""

from __future__ import annotations

from PySide6.QtCore import QFileSystemWatcher, QTimer
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop_app.domain.enums import SessionStatus
from desktop_app.domain.errors import LiveOpsError
from desktop_app.messages import msg
from desktop_app.services.ingest.follow import ERROR, FOLLOWING, STOPPED, WAITING, Follower
from desktop_app.storage import sessions as session_repo
from desktop_app.ui.errors import show_error
from desktop_app.ui.i18n import Retranslating

FALLBACK_MS = 1000  # polling when the watcher is silent; a watcher event reads at once
MAX_LISTED = 20  # refused rows listed in the status tooltip (all are counted)
SETTLE_MS = 50  # coalesce a burst of watcher events (one write can signal several times)
_COLORS = {FOLLOWING: "#2e7d32", WAITING: "#f9a825", ERROR: "#c62828", STOPPED: "#9e9e9e"}


class FollowWidget(Retranslating, QWidget):
    def __init__(self, state, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.session_id: str | None = None
        self.follower: Follower | None = None
        self.light = QLabel("●")
        self.status = QLabel()
        self.start_button = QPushButton()
        self.stop_button = QPushButton()
        self.start_button.clicked.connect(self.choose_file)
        self.stop_button.clicked.connect(self.stop)
        # The import dialog's notes on how the file is read (each rate column's reading, a bare
        # 点击率/CTR decided by the file's context): the same catalog messages, kept current as
        # later rows re-decide a column.
        self.notes = QLabel()
        self.notes.setObjectName("followNotes")
        self.notes.setWordWrap(True)
        self.notes.hide()
        self.note_messages: list = []
        outer = QVBoxLayout(self)
        row = QHBoxLayout()
        for w in (self.light, self.status, self.start_button, self.stop_button):
            row.addWidget(w)
        row.setStretch(1, 1)
        outer.addLayout(row)
        outer.addWidget(self.notes)
        self.timer = QTimer(self)
        self.timer.setInterval(FALLBACK_MS)
        self.timer.timeout.connect(self.poll)
        self.soon = QTimer(self)
        self.soon.setSingleShot(True)
        self.soon.setInterval(SETTLE_MS)
        self.soon.timeout.connect(self.poll)
        self.watcher = QFileSystemWatcher(self)
        self.watcher.fileChanged.connect(self._changed)
        self.watcher.directoryChanged.connect(self._changed)
        self.polls = 0  # reads done (tests and the status tooltip)
        state.workspace_changed.connect(lambda _c: self._update_start())  # the session may end meanwhile
        self.state_code = STOPPED
        self.last_message = None  # the follower's latest status (a catalog Message): re-rendered on a language switch
        self.retranslate()
        self._show(STOPPED, "")

    def retranslate(self) -> None:
        """Every text of the widget in the current language (called again on a language switch)."""
        self.start_button.setText(self.tr("Follow a CSV…"))
        self.stop_button.setText(self.tr("Stop following"))
        if self.last_message is not None:
            self.status.setText(self.last_message.text())
        elif self.follower is None:
            self.status.setText(self.tr("Not following a file"))
        self.light.setToolTip(self._state_label(self.state_code))
        if self.follower is not None:
            self.status.setToolTip(self._details())
        self._show_notes()
        self._update_start()

    def _state_label(self, state: str) -> str:
        return {FOLLOWING: self.tr("Following"), WAITING: self.tr("Waiting for the file"),
                ERROR: self.tr("Error"), STOPPED: self.tr("Stopped")}.get(state, state)

    def set_session(self, session_id: str | None) -> None:
        if session_id != self.session_id:
            self.stop()
        self.session_id = session_id
        self._update_start()

    def _update_start(self) -> None:
        """A growing file is followed into a session on air only; elsewhere the button says why it is greyed."""
        session = session_repo.get_session(self.state.ctx.ws, self.session_id) if self.session_id else None
        live = session is not None and session.status == SessionStatus.LIVE
        # Greyed while a file is followed (Stop first); a language switch or any workspace change
        # re-enabled it mid-follow.
        self.start_button.setEnabled(live and self.follower is None)
        if live:
            self.start_button.setToolTip(self.tr("Read rows into this session as the file grows"))
        elif session is None:
            self.start_button.setToolTip(self.tr("Select a session on air to follow a CSV into it."))
        else:
            self.start_button.setToolTip(self.tr("Only a session on air can follow a growing CSV; this one is not on air."))

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Follow a CSV"), "", self.tr("CSV files (*.csv *.txt)"))
        if path:
            self.follow(path)

    def follow(self, path: str) -> None:
        if not self.session_id:
            return
        self.stop()
        self.follower = Follower(self.state.ctx, path, self.session_id)
        self.stop_button.setEnabled(True)
        self.start_button.setEnabled(False)
        self.timer.start()
        self._watch()
        self.poll()

    def _watch(self) -> None:
        """(Re)arm the watcher: a replaced or recreated file has to be added again."""
        if self.follower is None:
            return
        path = self.follower.path
        wanted = [str(p) for p in (path, path.parent) if p.exists()]
        missing = [p for p in wanted if p not in self.watcher.files() + self.watcher.directories()]
        if missing:
            self.watcher.addPaths(missing)

    def _changed(self, _path: str) -> None:
        if self.follower is not None and not self.soon.isActive():
            self.soon.start()

    def poll(self) -> None:
        if self.follower is None:
            return
        self.polls += 1
        self._watch()
        try:
            st = self.follower.poll()
        except LiveOpsError as exc:
            self.stop()
            show_error(self, exc)
            return
        self.last_message = st.message
        self._show(st.state, st.text())
        self.status.setToolTip(self._details())
        insp = self.follower.insp
        self.note_messages = insp.all_notes() if insp is not None else []
        self._show_notes()
        if not st.changes.empty:
            self.state.emit_changes(st.changes)

    def _details(self) -> str:
        """Every re-decided column and the latest refused rows, for the status tooltip (the status line shows one)."""
        f = self.follower
        if f is None:
            return ""
        lines = [m.text() for m in f.redecisions]
        lines += [msg("cli.import.rejected_row", row=r.row, column=r.column, value=r.value, message=r.message.text())
                  for r in f.rejections[-MAX_LISTED:]]
        return "\n".join(lines)

    def _show_notes(self) -> None:
        """The notes as the import dialog lists them, one bullet each, in the current language."""
        self.notes.setText("\n".join("• " + m.text() for m in self.note_messages))
        self.notes.setVisible(bool(self.note_messages))

    def stop(self) -> None:
        self.timer.stop()
        self.soon.stop()
        watched = self.watcher.files() + self.watcher.directories()
        if watched:
            self.watcher.removePaths(watched)
        if self.follower is not None:
            st = self.follower.stop()
            self.last_message = st.message
            self._show(st.state, st.text())
            self.follower = None
        self.note_messages = []  # notes on how the followed file is read: gone with the follow
        self._show_notes()
        self.stop_button.setEnabled(False)
        self.start_button.setEnabled(self.session_id is not None)

    def _show(self, state: str, text: str) -> None:
        self.light.setStyleSheet(f"color: {_COLORS.get(state, '#9e9e9e')}; font-size: 16px;")
        self.state_code = state
        self.light.setToolTip(self._state_label(state))
        if text:
            self.status.setText(text)
