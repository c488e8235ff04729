"""The follow widget retranslates through the shared Retranslating mixin, its live status included."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication, QEvent

from desktop_app.services import lifecycle
from desktop_app.ui import i18n
from desktop_app.ui.ingest.follow_widget import FollowWidget
from desktop_app.ui.state import AppState


def switch_to(lang: str, widget=None) -> None:
    """Install the translation and deliver LanguageChange to ``widget`` only: other tests' leftover
    widgets (their workspaces closed) must not retranslate."""
    i18n.apply_language(lang)
    QCoreApplication.removePostedEvents(None, QEvent.Type.LanguageChange)
    if widget is not None:
        QCoreApplication.sendEvent(widget, QEvent(QEvent.Type.LanguageChange))


def test_switching_language_while_following_retranslates_buttons_status_and_light(qtbot, ctx, clock, tmp_path):
    clock.set(datetime(2026, 11, 26, 11, 59, tzinfo=UTC))
    s, _ = lifecycle.start_now(ctx, anchor_id=ctx.fixture["anchor"].id, title="直播中")
    clock.set(datetime(2026, 11, 26, 12, 30, tzinfo=UTC))
    switch_to("en")
    state = AppState(ctx, poll=False)
    w = FollowWidget(state)
    qtbot.addWidget(w)
    assert w.status.text() == "Not following a file" and w.light.toolTip() == "Stopped"
    w.set_session(s.id)
    path = tmp_path / "scrape.csv"
    path.write_text("时间,实时在线人数,成交金额\n2026-11-26 20:00:00,800,100\n", encoding="utf-8")
    w.follow(str(path))
    english = w.status.text()
    assert english == w.follower.message.text("en") and w.light.toolTip() == "Following"
    switch_to("zh_CN", w)
    assert w.start_button.text() != "Follow a CSV…"
    assert w.stop_button.text() != "Stop following" and w.light.toolTip() not in ("Following", "following")
    assert w.status.text() == w.follower.message.text("zh_CN") != english
    w.stop()
    assert w.status.text() == w.last_message.text("zh_CN")
    state.stop()
