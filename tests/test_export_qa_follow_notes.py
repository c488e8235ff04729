"""The follow widget shows the import dialog's notes: per-column rate readings and a bare 点击率
decided by the file's context, the same catalog messages, kept current as the file grows."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from desktop_app import messages
from desktop_app.messages import msg
from desktop_app.services import lifecycle
from desktop_app.services.ingest import importer
from desktop_app.ui.ingest.follow_widget import FollowWidget
from desktop_app.ui.state import AppState

DATA = Path(__file__).parent / "data" / "ingest"


@pytest.fixture(params=["zh_CN", "en"])
def lang(request):
    before = messages.current_language()
    messages.set_language(request.param)
    yield request.param
    messages.set_language(before)


@pytest.fixture
def following(qtbot, ctx, clock):
    clock.set(datetime(2026, 1, 5, 11, 59, tzinfo=UTC))
    s, _ = lifecycle.start_now(ctx, anchor_id=ctx.fixture["anchor"].id, title="直播中")
    clock.set(datetime(2026, 1, 5, 12, 30, tzinfo=UTC))
    state = AppState(ctx, poll=False)
    w = FollowWidget(state)
    qtbot.addWidget(w)
    w.set_session(s.id)
    yield w, s
    w.stop()
    state.stop()


def dialog_notes(ctx, path, session_id, lang) -> list[str]:
    """What the import dialog lists for the same file (it shows Inspection.all_notes())."""
    insp = importer.inspect(ctx, path, session_id=session_id, kind="timeseries")
    insp.table.close()
    return [n.text(lang) for n in insp.all_notes()]


def shown(w) -> list[str]:
    return [line.removeprefix("• ") for line in w.notes.text().splitlines()] if w.notes.isVisibleTo(w) else []


def test_a_bare_click_rate_note_shows_while_following(qtbot, ctx, following, lang, tmp_path):
    w, s = following
    path = tmp_path / "minutes.csv"
    path.write_bytes((DATA / "quirk_click_rate_minutes.csv").read_bytes())
    assert not w.notes.isVisibleTo(w)  # nothing to say before a file is read
    w.follow(str(path))
    expected = msg("ingest.note.click_rate_product", lang=lang, header="点击率", key="product_ctr_reported")
    assert expected in shown(w)
    assert shown(w) == dialog_notes(ctx, path, s.id, lang)  # the same notes as the import dialog
    w.grab()


def test_rate_notes_follow_the_columns_reading_as_rows_arrive_and_switch_language(qtbot, ctx, following, tmp_path):
    w, s = following
    messages.set_language("en")
    path = tmp_path / "scrape.csv"
    path.write_text("时间,实时在线人数,退款率\n2026-01-05 20:00:00,800,0.02\n2026-01-05 20:01:00,810,0.03\n",
                    encoding="utf-8")
    w.follow(str(path))
    first = shown(w)
    assert any("退款率" in n for n in first), first  # the column's reading is stated
    with path.open("a", encoding="utf-8") as fh:
        fh.write("2026-01-05 20:02:00,820,2.5%\n")  # a % sign: the column is re-decided
    w.poll()
    later = shown(w)
    insp = w.follower.insp
    assert later == [n.text("en") for n in insp.all_notes()] and later != first
    messages.set_language("zh_CN")
    w.retranslate()
    assert shown(w) == [n.text("zh_CN") for n in insp.all_notes()]
    w.stop()
    assert not w.notes.isVisibleTo(w)  # stopped: the notes went with the follow


def test_follow_button_stays_greyed_while_following_through_changes_and_a_language_switch(
        qtbot, ctx, following, tmp_path):
    from desktop_app.services.context import Changes

    w, s = following
    path = tmp_path / "scrape.csv"
    path.write_text("时间,实时在线人数\n2026-01-05 20:00:00,800\n", encoding="utf-8")
    w.follow(str(path))
    assert not w.start_button.isEnabled() and w.stop_button.isEnabled()
    w.state.emit_changes(Changes(sessions=frozenset({s.id})))
    w.retranslate()
    assert not w.start_button.isEnabled()  # both re-enabled it mid-follow
    w.stop()
    assert w.start_button.isEnabled()
