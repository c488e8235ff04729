"""When an entry happened: untimed entries after the broadcast land at its end, future times are refused,
one rule for events and readings (services/entry_time.py); the interval report speaks the chat group's
language (Chinese by default), not the app's."""

from __future__ import annotations

from datetime import timedelta

import pytest

from desktop_app.domain.errors import LiveOpsError, ValidationError
from desktop_app.messages import set_language
from desktop_app.services import event_log, interval_report, lifecycle, metrics_entry
from desktop_app.storage import events as event_repo


def test_an_untimed_event_after_the_broadcast_is_kept_at_its_end(ctx, session, clock):
    clock.advance(minutes=30)
    lifecycle.end_broadcast(ctx, session.id)
    off_air = lifecycle.get(ctx, session.id).off_air_utc
    clock.advance(minutes=5)
    event, _ = event_log.log_event(ctx, session.id, "note", "下播后补记：主播嗓子哑了")
    assert event.ts_utc == off_air
    stored = [e for e in event_repo.list_events(ctx.ws, session.id) if e.id == event.id]
    assert stored and stored[0].ts_utc == off_air


@pytest.mark.parametrize("ahead", [timedelta(minutes=3), timedelta(days=1)])
def test_an_event_dated_in_the_future_is_refused_and_nothing_is_written(ctx, session, clock, ahead):
    before = len(event_repo.list_events(ctx.ws, session.id))
    with pytest.raises(ValidationError) as err:
        event_log.log_event(ctx, session.id, "giveaway", "", ts=clock.now() + ahead)
    assert err.value.key == "error.entry.in_future"
    assert len(event_repo.list_events(ctx.ws, session.id)) == before


def test_a_device_clock_a_little_ahead_is_tolerated(ctx, session, clock):
    event, _ = event_log.log_event(ctx, session.id, "giveaway", "", ts=clock.now() + timedelta(seconds=90))
    assert event.ts_utc == clock.now() + timedelta(seconds=90)


def test_editing_an_event_into_the_future_is_refused(ctx, session, clock):
    event, _ = event_log.log_event(ctx, session.id, "giveaway", "")
    with pytest.raises(LiveOpsError):
        event_log.edit_event(ctx, event.id, ts=clock.now() + timedelta(hours=3))
    assert event_repo.get_event(ctx.ws, event.id).ts_utc == event.ts_utc


def test_readings_and_events_share_the_rule_and_its_message(ctx, session, clock):
    with pytest.raises(ValidationError) as err:
        metrics_entry.record_snapshot(ctx, session.id, {"online_viewers": "1200"}, ts=clock.now() + timedelta(hours=1))
    assert err.value.key == "error.entry.in_future"
    set_language("en")
    assert "in the future" in err.value.text()
    set_language("zh_CN")
    assert "未来" in err.value.text()


def test_the_interval_report_is_chinese_by_default_whatever_the_app_speaks(ctx, session, clock):
    metrics_entry.record_snapshot(ctx, session.id, {"online_viewers": "1200", "gmv": "3.5万"})
    clock.advance(minutes=16)
    set_language("en")
    try:
        report = interval_report.build_report(ctx, session.id, 15)
        english = interval_report.build_report(ctx, session.id, 15, lang="en")
    finally:
        set_language("zh_CN")
    assert any("\u4e00" <= ch <= "\u9fff" for ch in report.text)
    assert not any("\u4e00" <= ch <= "\u9fff" for ch in english.text.replace(session.title, "").replace("小美", ""))


@pytest.mark.usefixtures("clean_live_settings")
def test_console_report_language_is_picked_beside_the_interval_and_remembered(qtbot, ctx, session, clock):
    from PySide6.QtCore import QSettings

    from desktop_app.ui.live.console import LiveConsole
    from desktop_app.ui.state import AppState

    metrics_entry.record_snapshot(ctx, session.id, {"online_viewers": "1200", "gmv": "3.5万"})
    clock.advance(minutes=16)
    console = LiveConsole(AppState(ctx, poll=False), robots=False)
    qtbot.addWidget(console)
    console.set_session(session.id)
    try:
        assert console.report_lang.currentData() == "zh_CN"
        console.report_now()
        assert any("\u4e00" <= ch <= "\u9fff" for ch in console.report_text.toPlainText())
        console.report_lang.setCurrentIndex(console.report_lang.findData("en"))
        assert QSettings().value("live/report_lang") == "en"
        console.report_now()
        text = console.report_text.toPlainText().replace(session.title, "").replace("小美", "")
        assert text and not any("\u4e00" <= ch <= "\u9fff" for ch in text)
    finally:
        console.shutdown()
