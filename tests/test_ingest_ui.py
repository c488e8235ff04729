"""The import dialog and the follow widget, headless."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from desktop_app.services import lifecycle
from desktop_app.ui.ingest.dialog import ImportDialog
from desktop_app.ui.ingest.follow_widget import FollowWidget
from desktop_app.ui.state import AppState

DATA = Path(__file__).parent / "data" / "ingest"


def test_dialog_previews_checks_and_imports_off_the_gui_thread(qtbot, ctx, clock, tmp_path):
    clock.set(datetime(2026, 11, 27, 4, tzinfo=UTC))
    state = AppState(ctx, poll=False)
    dlg = ImportDialog(state)
    qtbot.addWidget(dlg)
    dlg.load(str(DATA / "douyin_sessions_utf8bom.csv"))
    qtbot.waitUntil(lambda: dlg.insp is not None, timeout=10000)
    assert dlg.insp.header_row == 4 and dlg.mapping.rowCount() == 12
    assert "12,345.60" in [dlg.preview_table.item(0, j).text() for j in range(dlg.preview_table.columnCount())]
    texts = [dlg.preview_table.item(0, j).text() for j in range(dlg.preview_table.columnCount())]
    assert "2026-11-20 20:00:00" in texts and "12.30%" in texts  # local time of the anchor, rate as %
    dlg.start(dry_run=True)
    qtbot.waitUntil(lambda: dlg.result is not None, timeout=10000)
    assert dlg.result.dry_run and ctx.ws.query_one("SELECT count(*) FROM sessions")[0] == 0
    assert dlg.rejected_table.rowCount() == 1 and dlg.save_rejected.isEnabled()
    out = tmp_path / "rejected.csv"
    dlg.save_rejected_csv(str(out))
    assert "bad-date" in out.read_text(encoding="utf-8-sig")
    dlg.result = None
    dlg.start(dry_run=False)
    qtbot.waitUntil(lambda: dlg.result is not None, timeout=10000)
    assert dlg.result.committed and ctx.ws.query_one("SELECT count(*) FROM sessions")[0] == 3
    state.stop()


def test_follow_widget_ingests_within_two_seconds_and_stops(qtbot, ctx, clock, tmp_path):
    clock.set(datetime(2026, 11, 26, 11, 59, tzinfo=UTC))
    s, _ = lifecycle.start_now(ctx, anchor_id=ctx.fixture["anchor"].id, title="直播中")
    clock.set(datetime(2026, 11, 26, 12, 30, tzinfo=UTC))
    state = AppState(ctx, poll=False)
    w = FollowWidget(state)
    qtbot.addWidget(w)
    w.set_session(s.id)
    path = tmp_path / "scrape.csv"
    path.write_text("时间,实时在线人数,成交金额\n2026-11-26 20:00:00,800,100\n", encoding="utf-8")
    w.follow(str(path))
    with path.open("a", encoding="utf-8") as fh:
        fh.write("2026-11-26 20:01:00,810,200\n")
    qtbot.waitUntil(lambda: ctx.ws.query_one(
        "SELECT count(*) FROM metric_samples WHERE source = 'watch' AND metric_key = 'gmv'")[0] == 2, timeout=2000)
    assert "2" in w.status.text()
    w.stop()
    assert not w.timer.isActive() and w.follower is None
    state.stop()


def _follow_setup(qtbot, ctx, clock, tmp_path, monkeypatch, *, fallback_ms: int):
    from desktop_app.ui.ingest import follow_widget

    monkeypatch.setattr(follow_widget, "FALLBACK_MS", fallback_ms)
    clock.set(datetime(2026, 11, 26, 11, 59, tzinfo=UTC))
    s, _ = lifecycle.start_now(ctx, anchor_id=ctx.fixture["anchor"].id, title="直播中")
    clock.set(datetime(2026, 11, 26, 12, 30, tzinfo=UTC))
    state = AppState(ctx, poll=False)
    w = FollowWidget(state)
    qtbot.addWidget(w)
    w.set_session(s.id)
    return state, w, tmp_path / "scrape.csv"


def _gmv_rows(ctx) -> int:
    return ctx.ws.query_one("SELECT count(*) FROM metric_samples WHERE source = 'watch' AND metric_key = 'gmv'")[0]


def test_watcher_reads_appends_rotation_and_return_without_the_fallback_timer(qtbot, ctx, clock, tmp_path,
                                                                             monkeypatch):
    import os

    # The fallback poll is pushed out of reach: only file-system events can make these reads happen.
    state, w, path = _follow_setup(qtbot, ctx, clock, tmp_path, monkeypatch, fallback_ms=600_000)
    path.write_text("时间,实时在线人数,成交金额\n2026-11-26 20:00:00,800,100\n", encoding="utf-8")
    w.follow(str(path))
    assert _gmv_rows(ctx) == 1 and str(path) in w.watcher.files()
    with path.open("a", encoding="utf-8") as fh:
        fh.write("2026-11-26 20:01:00,810,2")  # a partial last line: nothing yet
    with path.open("a", encoding="utf-8") as fh:
        fh.write("00\n")
    qtbot.waitUntil(lambda: _gmv_rows(ctx) == 2, timeout=2000)
    # Rotation by rename: a new file (new inode) replaces the old one; the watcher must re-arm.
    rotated = tmp_path / "scrape.tmp"
    rotated.write_text("时间,实时在线人数,成交金额\n2026-11-26 20:01:00,810,200\n2026-11-26 20:02:00,820,300\n",
                       encoding="utf-8")
    os.replace(rotated, path)
    qtbot.waitUntil(lambda: _gmv_rows(ctx) == 3, timeout=2000)
    with path.open("a", encoding="utf-8") as fh:
        fh.write("2026-11-26 20:03:00,830,400\n")
    qtbot.waitUntil(lambda: _gmv_rows(ctx) == 4, timeout=2000)
    # Vanish and return.
    os.remove(path)
    qtbot.waitUntil(lambda: w.follower.state == "waiting", timeout=2000)
    path.write_text("时间,实时在线人数,成交金额\n2026-11-26 20:04:00,840,500\n", encoding="utf-8")
    qtbot.waitUntil(lambda: _gmv_rows(ctx) == 5, timeout=2000)
    assert "5" in w.status.text() or w.state_code == "following"
    w.stop()
    assert not w.watcher.files() and not w.watcher.directories() and not w.soon.isActive()
    state.stop()


def test_polling_fallback_alone_still_ingests_within_two_seconds(qtbot, ctx, clock, tmp_path, monkeypatch):
    state, w, path = _follow_setup(qtbot, ctx, clock, tmp_path, monkeypatch, fallback_ms=1000)
    path.write_text("时间,实时在线人数,成交金额\n2026-11-26 20:00:00,800,100\n", encoding="utf-8")
    w.follow(str(path))
    w.watcher.blockSignals(True)  # a network folder: no file-system events at all
    with path.open("a", encoding="utf-8") as fh:
        fh.write("2026-11-26 20:01:00,810,200\n")
    qtbot.waitUntil(lambda: _gmv_rows(ctx) == 2, timeout=2000)
    assert w.timer.isActive() and w.timer.interval() == 1000
    w.stop()
    state.stop()


def _slow_inspector(started, release):
    """A stand-in for the real inspector that blocks until released or cancelled."""
    from desktop_app.services.ingest.importer import ImportCancelled

    def slow(db_path, clock, actor, path, kw, *, progress, cancelled):
        started.set()
        n = 0
        while not release.wait(0.01):
            n += 1
            progress(n % 100, 100)
            if cancelled():
                raise ImportCancelled("error.ingest.inspect_cancelled", file=Path(path).name)
        from desktop_app.ui.ingest.dialog import inspect_file

        return inspect_file(db_path, clock, actor, path, kw, progress=progress, cancelled=cancelled)
    return slow


def test_opening_a_file_never_blocks_the_window_and_cancel_leaves_nothing(qtbot, ctx, clock):
    import threading

    from PySide6.QtCore import QTimer

    clock.set(datetime(2026, 11, 27, 4, tzinfo=UTC))
    before = ctx.ws.path.read_bytes()
    state = AppState(ctx, poll=False)
    dlg = ImportDialog(state)
    qtbot.addWidget(dlg)
    started, release = threading.Event(), threading.Event()
    dlg.inspector = _slow_inspector(started, release)
    dlg.load(str(DATA / "douyin_sessions_utf8bom.csv"))  # returns at once: the reading runs on a worker
    assert dlg.inspecting and not dlg.import_button.isEnabled()
    assert started.wait(5)
    ticks = []
    timer = QTimer(dlg)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(10)
    qtbot.waitUntil(lambda: len(ticks) >= 5, timeout=2000)  # the event loop keeps running meanwhile
    timer.stop()
    dlg.inspect_task.cancel()  # what the progress dialog's Cancel button does
    qtbot.waitUntil(lambda: not dlg.inspecting, timeout=5000)
    assert dlg.insp is None and not dlg.check_button.isEnabled() and not dlg.import_button.isEnabled()
    from desktop_app.messages import msg

    assert dlg.info.text() == msg("error.ingest.inspect_cancelled", file="douyin_sessions_utf8bom.csv")
    assert dlg.mapping.rowCount() == 0
    assert ctx.ws.query_one("SELECT count(*) FROM imports")[0] == 0
    assert ctx.ws.path.read_bytes() == before
    # Released, the same reader completes and the preview appears.
    release.set()
    dlg.reinspect()
    qtbot.waitUntil(lambda: dlg.insp is not None, timeout=10000)
    assert dlg.mapping.rowCount() == 12 and dlg.import_button.isEnabled()
    state.stop()


def test_a_newer_choice_supersedes_a_reading_still_in_flight(qtbot, ctx, clock):
    import threading

    clock.set(datetime(2026, 11, 27, 4, tzinfo=UTC))
    state = AppState(ctx, poll=False)
    dlg = ImportDialog(state)
    qtbot.addWidget(dlg)
    started, release = threading.Event(), threading.Event()
    dlg.inspector = _slow_inspector(started, release)
    dlg.load(str(DATA / "douyin_sessions_utf8bom.csv"))
    first = dlg.inspect_task
    assert started.wait(5)
    release.set()
    dlg.load(str(DATA / "tiktok_live_list.csv"))  # the user picked another file meanwhile
    assert first.cancelled()
    qtbot.waitUntil(lambda: dlg.insp is not None, timeout=10000)
    qtbot.waitUntil(lambda: first.finished.is_set(), timeout=5000)
    assert dlg.insp.table.name == "tiktok_live_list.csv"
    state.stop()


def test_a_refused_file_shows_its_reason_without_freezing(qtbot, ctx, clock):
    state = AppState(ctx, poll=False)
    dlg = ImportDialog(state)
    qtbot.addWidget(dlg)
    dlg.load(str(DATA / "binary_renamed.csv"))
    qtbot.waitUntil(lambda: not dlg.inspecting, timeout=10000)
    assert dlg.insp is None and "binary_renamed.csv" in dlg.info.text()
    assert not dlg.import_button.isEnabled()
    state.stop()


def test_chinese_preview_names_units_instead_of_codes(qtbot, ctx, clock):
    from PySide6.QtCore import QCoreApplication, QEvent

    from desktop_app.ui import i18n

    clock.set(datetime(2026, 11, 27, 4, tzinfo=UTC))
    i18n.apply_language("zh_CN")
    QCoreApplication.removePostedEvents(None, QEvent.Type.LanguageChange)
    try:
        state = AppState(ctx, poll=False)
        dlg = ImportDialog(state)
        qtbot.addWidget(dlg)
        dlg.load(str(DATA / "douyin_sessions_utf8bom.csv"))
        qtbot.waitUntil(lambda: dlg.insp is not None, timeout=10000)
        units = {dlg.mapping.item(r, 1).text(): dlg.mapping.item(r, 3).text() for r in range(dlg.mapping.rowCount())}
        assert "元" in units.values() and "日期时间" in units.values() and "比例（%）" in units.values()
        assert not {"money", "datetime", "ratio", "s"} & set(units.values())
        headers = [dlg.preview_table.horizontalHeaderItem(j).text() for j in range(dlg.preview_table.columnCount())]
        assert any(h.endswith("[元]") and "gmv" in h for h in headers)  # the GLOSSARY key stays, the unit is named
        watch = next(j for j, h in enumerate(headers) if "avg_watch_seconds_reported" in h)
        assert dlg.preview_table.item(0, watch).text().endswith(" 秒")
        state.stop()
    finally:
        i18n.reset_language()


def test_dialog_lists_what_the_reader_inferred_and_marks_hidden_columns(qtbot, ctx, clock):
    from desktop_app.messages import msg

    clock.set(datetime(2026, 1, 8, 4, tzinfo=UTC))
    state = AppState(ctx, poll=False)
    dlg = ImportDialog(state)
    qtbot.addWidget(dlg)
    dlg.load(str(DATA / "quirk_summary_first.xlsx"))
    qtbot.waitUntil(lambda: dlg.insp is not None, timeout=10000)
    info = dlg.info.text()
    assert msg("ingest.note.sheet", sheet="分钟明细", position=2, count=2) in info
    assert "成交金额" in info and dlg.info.minimumHeight() >= dlg.info.fontMetrics().height() * 3
    assert "(hidden in the file)" in dlg.mapping.item(1, 1).text()
    assert "hidden" not in dlg.mapping.item(2, 1).text()
    state.stop()


def test_follow_status_tooltip_lists_a_re_decision_and_refused_rows(qtbot, ctx, clock, tmp_path):
    from desktop_app.messages import msg

    clock.set(datetime(2026, 11, 26, 11, 59, tzinfo=UTC))
    s, _ = lifecycle.start_now(ctx, anchor_id=ctx.fixture["anchor"].id, title="直播中")
    clock.set(datetime(2026, 11, 26, 12, 30, tzinfo=UTC))
    state = AppState(ctx, poll=False)
    w = FollowWidget(state)
    qtbot.addWidget(w)
    w.set_session(s.id)
    path = tmp_path / "scrape.csv"
    path.write_text("时间,实时在线人数,商品点击率\n2026-11-26 20:00:00,800,0.5\n", encoding="utf-8")
    w.follow(str(path))
    with path.open("a", encoding="utf-8") as fh:
        fh.write("2026-11-26 20:01:00,810,1.5\n2026-11-26 20:02:00,-3,0.7\n")
    qtbot.waitUntil(lambda: "商品点击率" in w.status.toolTip(), timeout=2000)
    tip = w.status.toolTip()
    assert msg("cli.import.rejected_row", row=4, column="实时在线人数", value="-3",
               message=msg("error.metric.negative", field="online_viewers", key="online_viewers")) in tip
    assert ctx.ws.query_one("SELECT value FROM metric_samples WHERE metric_key = 'product_ctr_reported'"
                            " AND ts_utc = '2026-11-26T12:00:00.000Z'")[0] == 0.005
    w.stop()
    state.stop()


def test_closing_the_dialog_mid_reading_cancels_it_and_drops_the_result(qtbot, ctx, clock):
    import threading

    state = AppState(ctx, poll=False)
    dlg = ImportDialog(state)
    qtbot.addWidget(dlg)
    started, release = threading.Event(), threading.Event()
    dlg.inspector = _slow_inspector(started, release)
    dlg.load(str(DATA / "douyin_sessions_utf8bom.csv"))
    task = dlg.inspect_task
    assert started.wait(5)
    dlg.reject()
    assert task.cancelled()
    qtbot.waitUntil(task.finished.is_set, timeout=5000)
    from PySide6.QtCore import QCoreApplication

    QCoreApplication.processEvents()  # the queued failure reaches the closed dialog: ignored, no error
    assert dlg.insp is None
    state.stop()


def test_a_cancel_during_a_step_that_cannot_stop_still_drops_its_result(qtbot, ctx, clock):
    import threading

    from desktop_app.messages import msg
    from desktop_app.ui.ingest.dialog import inspect_file

    state = AppState(ctx, poll=False)
    dlg = ImportDialog(state)
    qtbot.addWidget(dlg)
    started, release = threading.Event(), threading.Event()

    def deaf(db_path, clock_, actor, path, kw, *, progress, cancelled):  # like openpyxl opening a workbook
        started.set()
        release.wait(5)
        return inspect_file(db_path, clock_, actor, path, kw, progress=progress, cancelled=lambda: False)
    dlg.inspector = deaf
    dlg.load(str(DATA / "douyin_sessions_utf8bom.csv"))
    assert started.wait(5)
    dlg.inspect_task.cancel()
    release.set()
    qtbot.waitUntil(lambda: not dlg.inspecting, timeout=5000)
    assert dlg.insp is None and not dlg.import_button.isEnabled()
    assert dlg.info.text() == msg("error.ingest.inspect_cancelled", file="douyin_sessions_utf8bom.csv")
    state.stop()
