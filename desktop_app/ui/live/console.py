"""The live console: the screen a specialist watches for hours on air.

Every entry goes through the services and is committed the moment it is made (WAL,
synchronous=FULL); the views refresh from ``workspace_changed``, including writes from
the CLI noticed through ``PRAGMA data_version`` (``Changes(external=True)``).
"""

from __future__ import annotations

import sqlite3
from datetime import timedelta

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain import intervals
from desktop_app.domain.enums import SessionStatus, Source
from desktop_app.domain.errors import LiveOpsError
from desktop_app.domain.metrics import ratio
from desktop_app.domain.models import Event, Session
from desktop_app.domain.money import currency as currency_info
from desktop_app.domain.timeutil import local, to_iso
from desktop_app.services import event_history, event_log, interval_report, webhooks
from desktop_app.services.context import Changes
from desktop_app.storage import events as event_repo
from desktop_app.storage import live as live_repo
from desktop_app.storage import samples as sample_repo
from desktop_app.storage import sessions as session_repo
from desktop_app.ui import format as fmt
from desktop_app.ui.i18n import Retranslating
from desktop_app.ui.live import hotkeys as hk
from desktop_app.ui.live.charts import LiveCharts
from desktop_app.ui.live.demo_feed import SPEEDS, DemoFeed
from desktop_app.ui.live.events_panel import EventsPanel
from desktop_app.ui.live.metric_form import MetricForm
from desktop_app.ui.live.mini import MiniWindow
from desktop_app.ui.live.robots import RobotDialog, RobotSender
from desktop_app.ui.live.series import RAW_KEYS, iso_to_epoch, load_arrays

ACCEPTING = (SessionStatus.LIVE, SessionStatus.POST)
SETTLE_DELAY_MS = 1500  # after the last hotkey: a burst of keystrokes settles once
# Below these widths beside the side panel (1024 px screens) the side panel becomes a tab by the events.
WIDE_CHARTS = 400  # three columns only if the charts keep this much beside a readable events list


class LiveConsole(Retranslating, QWidget):
    def __init__(self, state, parent: QWidget | None = None, *, robots: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("liveConsole")
        self.state = state
        self.session_id: str | None = None
        self.session: Session | None = None
        self._shut = False
        self.sample_rowid = 0
        self.last_auto_bucket: int | None = None
        self.gmv_target: float | None = None
        self.targets: dict[str, float] = {}
        self.bindings = hk.load_bindings()
        self.shortcuts: list[QShortcut] = []
        self.mini = MiniWindow()
        self.mini.note_entered.connect(self._mini_note)
        self.mini.note_skipped.connect(self._mini_skip)
        self.mini.note.setEnabled(False)  # until a hotkey logs an event
        self.demo = DemoFeed(state.ctx, self)
        self.demo.changed.connect(self.state.emit_changes)
        self.demo.stopped.connect(self._demo_stopped)
        self.sender = RobotSender(state.ctx, self) if robots else None
        if self.sender is not None:
            self.sender.delivered.connect(lambda _r: self._update_robot_status())
        self.global_keys = hk.GlobalHotkeys(self)
        self.global_keys.triggered.connect(self._global_hotkey)
        self._build()
        self.install_hotkeys()
        state.workspace_changed.connect(self.on_changes)
        self.clock = QTimer(self)
        self.clock.setInterval(1000)
        self.clock.timeout.connect(self.on_clock)
        self.clock.start()
        # A keystroke commits its event alone; the summary's compliance follows a moment later.
        self.settle_timer = QTimer(self)
        self.settle_timer.setSingleShot(True)
        self.settle_timer.setInterval(SETTLE_DELAY_MS)
        self.settle_timer.timeout.connect(self.settle)
        self._unsettled: set[str] = set()
        self.retranslate()
        self.set_session(None)
        if hk.global_enabled():
            self.start_global_hotkeys()

    @property
    def ctx(self):
        return self.state.ctx

    @property
    def tz(self) -> str:
        return self.session.timezone if self.session else "Asia/Shanghai"

    def local_now(self):
        return local(self.ctx.now(), self.tz)

    # -- layout ----------------------------------------------------------------------------------
    def _build(self) -> None:
        self.elapsed = QLabel()
        self.elapsed.setObjectName("elapsed")
        font = self.elapsed.font()
        font.setPointSize(font.pointSize() + 5)
        font.setBold(True)
        self.elapsed.setFont(font)
        self.numbers = QLabel()
        self.numbers.setObjectName("keyNumbers")
        self.numbers.setWordWrap(True)  # GMV vs target, online, orders, conversion: two lines when narrow
        self.next_due = QLabel()
        self.next_due.setObjectName("nextDueFallback")
        self.next_due_widget = self._next_due_widget(limit=2)
        self.mini_next_due = self._next_due_widget(limit=1)
        if self.mini_next_due is not None:
            self.mini.layout().insertWidget(self.mini.layout().indexOf(self.mini.next_due), self.mini_next_due)
            self.mini.next_due.hide()
        self.status = QLabel()
        self.status.setObjectName("liveStatus")
        self.status.setWordWrap(True)
        self.hotkey_button = QPushButton()
        self.hotkey_button.setObjectName("hotkeySettings")
        self.hotkey_button.clicked.connect(self.edit_hotkeys)
        self.mini_button = QPushButton()
        self.mini_button.setObjectName("toggleMini")
        self.mini_button.clicked.connect(self.toggle_mini)
        self.robot_button = QPushButton()
        self.robot_button.setObjectName("robotSettings")
        self.robot_button.clicked.connect(self.edit_robots)
        for b in (self.hotkey_button, self.mini_button, self.robot_button):
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        header = QHBoxLayout()
        header.addWidget(self.elapsed)
        header.addSpacing(16)
        header.addWidget(self.numbers, 1)
        header.addWidget(self.hotkey_button)
        header.addWidget(self.mini_button)
        header.addWidget(self.robot_button)

        self.events = EventsPanel(self)
        self.charts = LiveCharts()
        self.charts.compare_box.currentIndexChanged.connect(self._compare_changed)
        self.metrics = MetricForm(self)
        self.metrics.saved.connect(self.state.emit_changes)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.metrics)
        rl.addWidget(self._report_box())
        rl.addWidget(self._demo_box())
        rl.addStretch(1)
        scroll = QScrollArea()
        scroll.setObjectName("liveSidePanel")
        scroll.setWidget(right)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.side = scroll
        # The events panel sits in a tab widget whose bar shows only on a narrow screen, where the side
        # panel joins it as a second tab: three columns at 1024 px left the charts a third of the width.
        self.left_tabs = QTabWidget()
        self.left_tabs.setObjectName("liveLeftTabs")
        self.left_tabs.setDocumentMode(True)
        self.left_tabs.setTabBarAutoHide(True)
        self.left_tabs.addTab(self.events, "")
        self.narrow = False
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.left_tabs)
        self.splitter.addWidget(self.charts)
        self.splitter.addWidget(scroll)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 6)
        self.splitter.setStretchFactor(2, 2)
        self.splitter.setChildrenCollapsible(False)
        self._sized = False
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.next_due_widget or self.next_due)
        layout.addWidget(self.status)
        layout.addWidget(self.splitter, 1)

    def _fit_side_panel(self) -> None:
        """The side panel never narrower than the metric form's natural width (labels and inputs side by
        side, nothing squeezed), whatever the language's label widths."""
        inner = self.side.widget().minimumSizeHint().width()
        bar = self.side.verticalScrollBar().sizeHint().width()
        self.side.setMinimumWidth(inner + bar + 2 * self.side.frameWidth())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._relayout(event.size().width())

    def _relayout(self, outer: int, force: bool = False) -> None:
        """Choose three columns or the tabbed side panel for this width; on resize, and after a
        language switch (other label and column widths can tip the balance)."""
        margins = self.layout().contentsMargins()
        width = outer - margins.left() - margins.right()
        events = self._readable_events()
        narrow = width < events + WIDE_CHARTS + self.side.minimumWidth() + 2 * self.splitter.handleWidth()
        # Also when the events list lost its readable width: the first arrangement can happen at a
        # provisional size, before the window reaches its own (the text column stayed at "Swit…").
        squeezed = not narrow and self.splitter.sizes()[0] < events
        if narrow != self.narrow or not self._sized or force or squeezed:
            self._sized = True
            self._arrange(narrow, width)

    def _readable_events(self) -> int:
        """The events column width at which its text column is readable, with the tab widget's frame."""
        view = self.events.view
        frame = self.left_tabs.width() - view.width() if view.width() > 0 and self.left_tabs.isVisible() else 0
        return self.events.readable_width() + max(frame, 2 * self.left_tabs.style().pixelMetric(
            self.left_tabs.style().PixelMetric.PM_DefaultFrameWidth))

    def _relayout_after_language(self) -> None:
        self._fit_side_panel()
        self._relayout(self.width())

    def _arrange(self, narrow: bool, total: int) -> None:
        """Three columns (events, charts, side panel at its width) where they fit; else the side panel
        is a tab beside the events and the charts keep about two thirds of the width."""
        self.narrow = narrow
        if narrow and self.left_tabs.indexOf(self.side) < 0:
            self.left_tabs.addTab(self.side, "")  # leaves the splitter
        elif not narrow and self.splitter.indexOf(self.side) < 0:
            self.splitter.addWidget(self.side)  # leaves the tab widget
        self.events.title.setVisible(not narrow)  # the tab says it
        self._title_tabs()
        total = max(total, 600) - (1 if narrow else 2) * self.splitter.handleWidth()  # handles take their share
        readable = self._readable_events()
        if narrow:
            left = max(self.left_tabs.minimumSizeHint().width(), min(readable, total * 46 // 100), total * 40 // 100)
            self.splitter.setSizes([left, total - left])
        else:
            side = self.side.minimumWidth()
            # The note text readable first (was 30 % of the width: "Swit…" at 1280 px), then the charts.
            events = max(readable, min(total * 30 // 100, total - side - WIDE_CHARTS))
            self.splitter.setSizes([events, total - events - side, side])

    def _title_tabs(self) -> None:
        self.left_tabs.setTabText(0, self.tr("Events"))
        if self.left_tabs.count() > 1:
            self.left_tabs.setTabText(1, self.tr("Metrics · report"))

    def show_panel(self, panel: QWidget) -> None:
        """Bring the events or the side panel forward before the keyboard goes there (narrow screens)."""
        if self.left_tabs.indexOf(panel) >= 0:
            self.left_tabs.setCurrentWidget(panel)

    def _next_due_widget(self, limit: int):
        """The checklists feature's countdown widget when installed, else None (we show our own line)."""
        try:
            from desktop_app.ui.checklists.next_due import NextDueWidget
        except ImportError:
            return None
        return NextDueWidget(self.state, limit=limit)

    def _report_box(self) -> QGroupBox:
        self.report_group = QGroupBox()
        self.report_interval = QComboBox()
        self.report_interval.setObjectName("reportInterval")
        for n in intervals.INTERVAL_CHOICES:
            self.report_interval.addItem("", n)
        saved = int(QSettings().value("live/report_interval", intervals.DEFAULT_INTERVAL))
        self.report_interval.setCurrentIndex(max(0, self.report_interval.findData(saved)))
        self.report_interval.currentIndexChanged.connect(
            lambda _i: QSettings().setValue("live/report_interval", self.report_interval.currentData()))
        self.report_lang = QComboBox()  # the chat group's language, not the app's: names in their own language
        self.report_lang.setObjectName("reportLanguage")
        self.report_lang.addItem("中文", "zh_CN")
        self.report_lang.addItem("English", "en")
        saved_lang = str(QSettings().value("live/report_lang", interval_report.DEFAULT_REPORT_LANG))
        self.report_lang.setCurrentIndex(max(0, self.report_lang.findData(saved_lang)))
        self.report_lang.currentIndexChanged.connect(
            lambda _i: QSettings().setValue("live/report_lang", self.report_lang.currentData()))
        self.auto_report = QCheckBox()
        self.auto_report.setObjectName("autoReport")
        self.auto_report.setChecked(True)
        self.report_button = QPushButton()
        self.report_button.setObjectName("reportNow")
        self.report_button.clicked.connect(lambda: self.report_now())
        self.report_text = QPlainTextEdit()
        self.report_text.setObjectName("reportText")
        self.report_text.setReadOnly(True)
        self.report_text.setMaximumHeight(140)
        self.robot_status = QLabel()
        self.robot_status.setObjectName("robotStatus")
        self.robot_status.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.report_interval)
        row.addWidget(self.report_lang)
        row.addWidget(self.auto_report)
        layout = QVBoxLayout(self.report_group)
        layout.addLayout(row)
        layout.addWidget(self.report_button)
        layout.addWidget(self.report_text)
        layout.addWidget(self.robot_status)
        return self.report_group

    def _demo_box(self) -> QGroupBox:
        self.demo_group = QGroupBox()
        self.demo_speed = QComboBox()
        self.demo_speed.setObjectName("demoSpeed")
        for s in SPEEDS:
            self.demo_speed.addItem("", s)
        self.demo_button = QPushButton()
        self.demo_button.setObjectName("demoToggle")
        self.demo_button.clicked.connect(self.toggle_demo)
        layout = QHBoxLayout(self.demo_group)
        layout.addWidget(self.demo_speed)
        layout.addWidget(self.demo_button)
        return self.demo_group

    def retranslate(self) -> None:
        self.hotkey_button.setText(self.tr("Hotkeys…"))
        self.mini_button.setText(self.tr("Mini window (Ctrl+M)"))
        self.robot_button.setText(self.tr("Group robots…"))
        self.report_group.setTitle(self.tr("Interval report"))
        for i, n in enumerate(intervals.INTERVAL_CHOICES):
            self.report_interval.setItemText(i, self.tr("every %1 min").replace("%1", str(n)))
        self.auto_report.setText(self.tr("automatic"))
        self.report_lang.setToolTip(self.tr("Language of the report for the chat group and the robots"))
        self.report_button.setText(self.tr("Report now and copy (Ctrl+R)"))
        self.demo_group.setTitle(self.tr("Demo feed"))
        for i, s in enumerate(SPEEDS):
            self.demo_speed.setItemText(i, self.tr("real time") if s == 1 else self.tr("%1× faster").replace("%1", str(s)))
        self.demo_button.setText(self.tr("Stop demo") if self.demo.running else self.tr("Start demo"))
        self.events.retranslate()
        self.events.set_hint(self.bindings)
        self.metrics.retranslate()
        self._fit_side_panel()
        self._title_tabs()
        self.mini.retranslate()
        self.refresh_header()
        if getattr(self, "_sized", False):
            # Other column and form widths: wide or narrow anew, once the new texts' sizes are laid out.
            QTimer.singleShot(0, self._relayout_after_language)

    # -- hotkeys -----------------------------------------------------------------------------------
    def install_hotkeys(self) -> None:
        for s in self.shortcuts:
            s.setEnabled(False)
            s.deleteLater()
        self.shortcuts = []
        for target, context in ((self, Qt.ShortcutContext.WindowShortcut),
                                (self.mini, Qt.ShortcutContext.WindowShortcut)):
            for kind, seq in self.bindings.items():
                if seq:
                    self.shortcuts.append(QShortcut(QKeySequence(seq), target, context=context,
                                                    activated=lambda k=kind: self.hotkey(k)))
            for seq, fn in (("Ctrl+R", self.report_now), ("Ctrl+M", self.toggle_mini)):
                self.shortcuts.append(QShortcut(QKeySequence(seq), target, context=context, activated=fn))
        for seq, fn in (("Ctrl+E", self.focus_metrics), ("Ctrl+L", self.focus_quick)):
            self.shortcuts.append(QShortcut(QKeySequence(seq), self, context=Qt.ShortcutContext.WindowShortcut,
                                            activated=fn))
        self.events.set_hint(self.bindings)

    def focus_metrics(self) -> None:
        self.show_panel(self.side)
        self.metrics.focus_first()

    def focus_quick(self) -> None:
        self.show_panel(self.events)
        self.events.quick.setFocus()

    def hotkey(self, kind: str) -> None:
        if self.mini.isVisible() and self.mini.isActiveWindow():
            if self.events.pending_note is not None:  # the note typed so far belongs to the previous event
                self.events.note.setText(self.mini.note.text())
            self.events.save_note()
            event = self.log(kind, "", internal=True if self.events.internal.isChecked() else None,
                             source="hotkey")
            if event is not None:
                self.events.pending_note = event
                self.events.note.setEnabled(True)
                self.events._update_note_label()
                self.mini.note.clear()
            self._sync_mini_note()
            return
        self.show_panel(self.events)  # the note line takes the keyboard next
        self.events.commit_hotkey(kind)

    def _global_hotkey(self, kind: str) -> None:
        """System-wide hotkeys are for while another program has the focus: pynput also sees the
        presses our own windows get, which the in-app shortcuts have already logged."""
        if QApplication.activeWindow() is not None:
            return
        self.hotkey(kind)

    def _mini_note(self, text: str) -> None:
        self.events.note.setText(text)
        self.events.save_note()
        if self.events.pending_note is None:  # saved (an error keeps the text to try again)
            self.mini.note.clear()
        self._sync_mini_note()

    def _mini_skip(self) -> None:
        """Esc in the mini window: no note for the last event, as in the console."""
        if self.events.pending_note is not None:
            self.events.end_note()
        self.mini.note.clear()
        self._sync_mini_note()

    def _sync_mini_note(self) -> None:
        """The mini window's note line is open only while an event waits for its note (like the console's)."""
        waiting = self.events.pending_note is not None
        self.mini.note.setEnabled(waiting)
        if waiting:
            self.mini.note.setFocus()

    def edit_hotkeys(self) -> None:
        dialog = hk.HotkeyDialog(self.bindings, hk.global_enabled(), self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.bindings = dialog.bindings
        hk.save_bindings(self.bindings)
        QSettings().setValue(hk.GLOBAL_KEY, dialog.global_on)
        self.install_hotkeys()
        if dialog.global_on:
            self.start_global_hotkeys()
        else:
            self.global_keys.stop()

    def start_global_hotkeys(self) -> bool:
        """Turn on the opt-in system-wide hotkeys; say clearly why not when they cannot start."""
        result = self.global_keys.start(self.bindings)
        if result == hk.GlobalHotkeys.MISSING:
            self.show_status(self.tr("System-wide hotkeys need the optional package pynput (pip install pynput); "
                                     "in-app hotkeys still work."), error=True)
        elif result == hk.GlobalHotkeys.UNAVAILABLE:
            self.show_status(self.tr("System-wide hotkeys could not start (%1); in-app hotkeys still work.")
                             .replace("%1", self.global_keys.error[:120]), error=True)
        return result == hk.GlobalHotkeys.OK

    # -- commits (the panels call these) -----------------------------------------------------------
    def _guard(self, fn):
        if self.session_id is None:
            self.show_status(self.tr("No session selected."), error=True)
            return None
        try:
            result = fn()
        except LiveOpsError as exc:
            self.show_status(exc.text(), error=True)
            return None
        self.show_status("")
        return result

    def log(self, kind: str, text: str, *, internal: bool | None, source: str) -> Event | None:
        result = self._guard(lambda: event_log.log_event(self.ctx, self.session_id, kind, text, internal=internal,
                                                         source=Source(source), defer_summary=True))
        if result is None:
            return None
        event, changes = result
        self.state.emit_changes(changes)
        if changes.checklists:
            self._unsettled.add(event.session_id)
            self.settle_timer.start()
        return event

    def settle(self) -> None:
        """Recompute the compliance the hotkeys left stale (their runs are already committed)."""
        while self._unsettled:
            session_id = self._unsettled.pop()
            try:
                changes = event_log.settle(self.ctx, session_id)
            except LiveOpsError as exc:  # the flag stays in the file: the next write settles it
                self.show_status(exc.text(), error=True)
                continue
            self.state.emit_changes(changes)

    def edit(self, event_id: str, **kw) -> bool:
        changes = self._guard(lambda: event_log.edit_event(self.ctx, event_id, **kw))
        if changes is None:
            return False
        self.state.emit_changes(changes)
        return True

    def delete(self, event_id: str) -> bool:
        changes = self._guard(lambda: event_log.delete_event(self.ctx, event_id))
        if changes is None:
            return False
        self.state.emit_changes(changes)
        return True

    def show_status(self, text: str, *, error: bool = False) -> None:
        self.status.setStyleSheet("color: #c92a2a" if error else "")
        self.status.setText(text)
        self.mini.status.setText(text)

    # -- session -----------------------------------------------------------------------------------
    def set_session(self, session_id: str | None) -> None:
        if session_id:  # a session left stale by a kill or by the last hotkeys before a switch
            self._unsettled.add(session_id)
        self.settle()
        if self.demo.running and session_id != self.session_id:
            self.demo.stop()
        self.session_id = session_id
        self.session = session_repo.get_session(self.ctx.ws, session_id) if session_id else None
        self.last_auto_bucket = None
        if self.events.pending_note:
            self.events.end_note()
        self._sync_next_due()
        self._load_charts()
        self._load_compare_choices()
        self.reload_events()
        self.metrics.refresh_hints()
        self._update_enabled()
        self.refresh_header()
        self._update_robot_status()

    def _due_session(self) -> str | None:
        """The session whose next checks are worth listing: none once it is closed or cancelled (nothing
        can be ticked there; listing its runs cost a third of opening a closed 6 h session)."""
        s = self.session
        return s.id if s is not None and s.status not in (SessionStatus.CLOSED, SessionStatus.CANCELLED) else None

    def _sync_next_due(self) -> None:
        due = self._due_session()
        if self.next_due_widget is not None and (self.next_due_widget.session_id != due or due is None):
            self.next_due_widget.set_session(due)
        if self.mini_next_due is not None:  # a hidden mini window does not reload on every change
            want = due if self.mini.isVisible() else None
            if self.mini_next_due.session_id != want or want is None:
                self.mini_next_due.set_session(want)

    def _load_charts(self) -> None:
        s = self.session
        if s is None:
            self.charts.set_session(None)
            self.sample_rowid = 0
            return
        self.sample_rowid = live_repo.max_sample_rowid(self.ctx.ws)
        self.charts.set_session(s, load_arrays(self.ctx.ws, s.id), currency_info(s.currency).exponent)
        targets = {t.metric_key: t.value for t in session_repo.get_targets(self.ctx.ws, s.id)}
        self.gmv_target = targets.get("gmv")
        self.targets = targets
        planned = (s.scheduled_end_utc - s.scheduled_start_utc
                   if s.scheduled_start_utc and s.scheduled_end_utc else None)
        self.charts.set_target(self.gmv_target, planned)

    def _load_compare_choices(self) -> None:
        box = self.charts.compare_box
        box.blockSignals(True)
        box.clear()
        box.addItem(self.tr("(none)"), None)
        s = self.session
        if s is not None and s.on_air_utc is not None:
            for r in live_repo.earlier_sessions(self.ctx.ws, s.anchor_id, to_iso(s.on_air_utc), s.id):
                box.addItem(f"{fmt.local_time(r['on_air_utc'], r['timezone'], '%m-%d %H:%M')} {r['title']}",
                            (r["id"], r["on_air_utc"]))
        box.blockSignals(False)

    def _compare_changed(self, _index: int) -> None:
        data = self.charts.compare_box.currentData()
        if not data or self.session is None or self.session.on_air_utc is None:
            self.charts.set_compare(None)
            return
        other_id, other_on_air = data
        shift = self.session.on_air_utc.timestamp() - float(iso_to_epoch([other_on_air])[0])
        self.charts.set_compare(load_arrays(self.ctx.ws, other_id, ("online_viewers", "gmv")), shift)

    def _update_enabled(self) -> None:
        accepting = self.session is not None and self.session.status in ACCEPTING
        self.metrics.update_time_label()
        for w in (self.events.quick, self.metrics, self.report_button, self.demo_button):
            w.setEnabled(accepting)
        self.demo_button.setEnabled(self.session is not None and self.session.status == SessionStatus.LIVE)
        self.charts.set_live(self.session is not None and self.session.status == SessionStatus.LIVE)
        if self.session is not None and not accepting:
            self.show_status(self.tr("This session is not on air or has ended; it takes no new live entries."))

    def reload_events(self) -> None:
        show_deleted = self.events.show_deleted()  # only while the list's filter asks for deleted events
        events = (event_repo.list_events(self.ctx.ws, self.session_id, include_deleted=show_deleted)
                  if self.session_id else [])
        edited = event_history.edited_ids(self.ctx, self.session_id) if self.session_id else set()
        self.events.set_events(events, self.tz, edited)
        self.charts.set_events([e for e in events if not e.deleted] if show_deleted else events)

    def pull_samples(self) -> None:
        if self.session_id is None:
            return
        rows, self.sample_rowid = live_repo.samples_since(self.ctx.ws, self.session_id, RAW_KEYS, self.sample_rowid)
        if not rows:
            return
        epochs = iso_to_epoch([r[1] for r in rows])
        self.charts.add_rows([(k, float(t), v) for (k, _ts, v), t in zip(rows, epochs, strict=True)])
        if self.charts.store.out_of_order:  # a back-dated reading (CLI --ts): rebuild from storage
            self._load_charts()

    def on_changes(self, changes: Changes) -> None:
        sid = self.session_id
        if sid is None:
            return
        if changes.external or sid in changes.sessions:
            self.session = session_repo.get_session(self.ctx.ws, sid)
            self._update_enabled()
            if self.next_due_widget is not None and self.next_due_widget.session_id != self._due_session():
                self._sync_next_due()  # closed, or reopened
        if changes.external or sid in changes.events:
            self.reload_events()
        if changes.external or sid in changes.samples:
            self.pull_samples()
            self.metrics.refresh_hints()
        self.refresh_header()

    # -- header, mini window, clock ------------------------------------------------------------------
    def refresh_header(self) -> None:
        s = self.session
        if s is None:
            self.elapsed.setText("—")
            self.numbers.setText(self.tr("No session selected."))
            self.next_due.setText("")
            self.mini.elapsed.setText("—")
            self.mini.title.setText("")
            return
        end = s.off_air_utc or self.ctx.now()
        elapsed = fmt.duration((end - s.on_air_utc).total_seconds()) if s.on_air_utc else "—"
        self.elapsed.setText(elapsed)
        last = {k: v[1] for k, v in sample_repo.latest_values(self.ctx.ws, s.id).items()}
        gmv = fmt.metric_value("gmv", last.get("gmv"), s.currency)
        if self.gmv_target:
            share = ratio(last.get("gmv"), self.gmv_target)
            gmv += f" / {fmt.metric_value('gmv', self.gmv_target, s.currency)} ({fmt.ratio(share)})"
        text = (self.tr("GMV %1 · online %2 · orders %3 · conversion %4")
                .replace("%1", gmv).replace("%2", self._vs_target("online_viewers", last))
                .replace("%3", self._vs_target("orders", last))
                .replace("%4", fmt.ratio(ratio(last.get("buyers"), last.get("uv")))))
        self.numbers.setText(text)
        row = live_repo.next_open_run(self.ctx.ws, s.id)
        if row is None:
            due = self.tr("Next check: none open")
        else:
            when = fmt.local_time(row["due_at"], s.timezone, "%H:%M") if row["due_at"] else ""
            item_text = row["text_zh"] if QSettings().value("ui/language", "zh_CN") != "en" else row["text_en"]
            due = self.tr("Next check %1: %2").replace("%1", when).replace("%2", item_text)
        self.next_due.setText(due)
        self.mini.elapsed.setText(elapsed)
        self.mini.title.setText(s.title)
        self.mini.numbers.setText(text.replace(" · ", "\n"))
        self.mini.next_due.setText(due)

    def _vs_target(self, key: str, last: dict) -> str:
        """'1,512 / 1,500' when the session has a target for that number."""
        text = fmt.number(last.get(key))
        target = self.targets.get(key)
        return text if target is None else f"{text} / {fmt.number(target)}"

    def _workspace_open(self) -> bool:
        """False once the shell closed the workspace (timers may still fire before we are deleted)."""
        try:
            self.ctx.ws.conn.total_changes  # noqa: B018 (raises on a closed connection)
        except sqlite3.ProgrammingError:
            return False
        return True

    def on_clock(self) -> None:
        if not self._workspace_open():
            self.shutdown()
            return
        s = self.session
        if s is None or s.status != SessionStatus.LIVE or s.on_air_utc is None:
            return
        self.refresh_header()
        if self.auto_report.isChecked():
            self._auto_report()

    def _auto_report(self) -> None:
        s, minutes = self.session, int(self.report_interval.currentData())
        step = timedelta(minutes=minutes)
        k = (self.ctx.now() - s.on_air_utc) // step
        key = (minutes, k)
        if k < 1 or self.last_auto_bucket == key:
            return
        self.last_auto_bucket = key
        self.report_now(at=s.on_air_utc + k * step, auto=True)

    def report_now(self, at=None, auto: bool = False) -> None:
        if self.session_id is None:
            return
        minutes = int(self.report_interval.currentData())
        result = self._guard(lambda: interval_report.publish_report(self.ctx, self.session_id, minutes, at=at,
                                                                    auto=auto, lang=self.report_lang.currentData()))
        if result is None:
            return
        report, event, changes = result
        self.report_text.setPlainText(report.text)
        if event is not None:
            QGuiApplication.clipboard().setText(report.text)
            self.show_status(self.tr("Interval report stored and copied to the clipboard."))
        self.state.emit_changes(changes)
        if self.sender is not None:
            self.sender.kick()
        self._update_robot_status()

    def _update_robot_status(self) -> None:
        pending, failed, last = webhooks.pending_summary(self.ctx)
        if not pending and not failed:
            self.robot_status.setText("")
            self.robot_status.setStyleSheet("")
            return
        text = self.tr("Group robots: %1 waiting, %2 failed").replace("%1", str(pending)).replace("%2", str(failed))
        if last:
            text += " — " + last
        self.robot_status.setStyleSheet("color: #c92a2a" if (failed or last) else "")
        self.robot_status.setText(text)

    # -- toggles -------------------------------------------------------------------------------------
    def toggle_mini(self) -> None:
        if self.mini.isVisible():
            self.mini.close()
            if self.mini_next_due is not None:
                self.mini_next_due.set_session(None)
        else:
            if self.mini_next_due is not None:
                self.mini_next_due.set_session(self._due_session())
            self.refresh_header()
            self.mini.show_at_saved_place()

    def toggle_demo(self) -> None:
        if self.demo.running:
            self.demo.stop()
        elif self.session_id:
            self.demo.start(self.session_id, int(self.demo_speed.currentData()))
        self.demo_button.setText(self.tr("Stop demo") if self.demo.running else self.tr("Start demo"))

    def _demo_stopped(self, reason: str) -> None:
        self.demo_button.setText(self.tr("Start demo"))
        if reason:
            self.show_status(reason, error=True)

    def edit_robots(self) -> None:
        RobotDialog(self.ctx, self.tz, self).exec()
        self._update_robot_status()

    def shutdown(self) -> None:
        if self._shut:
            return
        self._shut = True
        if self.demo.running:
            self.demo.timer.stop()
        self.clock.stop()
        self.charts.timer.stop()
        self.settle_timer.stop()
        try:
            self.settle()
        except sqlite3.ProgrammingError:  # the workspace closed first: the stale flag waits in the file
            pass
        self.global_keys.stop()
        if self.sender is not None:
            self.sender.shutdown()
        self.mini.close()
        self.mini.deleteLater()
