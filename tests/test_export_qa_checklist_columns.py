"""The checklist table at 1280 px: the item text takes the spare width, Recorded fits its values."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QHeaderView

from desktop_app.domain.enums import Phase
from desktop_app.services import checklists as engine
from desktop_app.storage import checklists as repo
from desktop_app.ui.checklists.area import ChecklistArea
from desktop_app.ui.checklists.clock import clock_for
from desktop_app.ui.state import AppState


@pytest.fixture
def state(ctx, qtbot):
    s = AppState(ctx, poll=False)
    clock_for(s).timer.stop()
    yield s
    s.stop()


def area_at(qtbot, state, session_id, width=1280):
    area = ChecklistArea(state, Phase.PRE)
    qtbot.addWidget(area)
    area.resize(width, 700)
    area.show()
    qtbot.waitExposed(area)
    area.set_session(session_id)
    return area


def skip(ctx, session_id, key, reason):
    run = next(r for r in repo.list_runs(ctx.ws, session_id) if r.item_key == key)
    engine.skip_run(ctx, run.id, reason, session_id=session_id)


def test_item_column_stretches_and_recorded_fits_its_values(qtbot, ctx, state, planned):
    skip(ctx, planned.id, "pre.d1.preheat", "本场不做预热")
    area = area_at(qtbot, state, planned.id)
    header = area.table.horizontalHeader()
    assert header.sectionResizeMode(2) == QHeaderView.ResizeMode.Stretch
    assert header.sectionResizeMode(4) != QHeaderView.ResizeMode.Stretch
    row = next(i for i, v in enumerate(area.model.rows) if v.run.skip_reason)
    recorded = area.model.data(area.model.index(row, 4))
    needed = area.table.fontMetrics().horizontalAdvance(recorded)
    item_w, recorded_w = header.sectionSize(2), header.sectionSize(4)
    assert needed <= recorded_w <= needed + 60  # sized to its contents (plus the cell's margins)
    assert item_w > 2 * recorded_w  # the item text has the room (both stretched, they were equal)
    grab = area.grab()
    assert not grab.isNull()


def test_a_long_note_wraps_in_recorded_instead_of_squeezing_the_items(qtbot, ctx, state, planned):
    skip(ctx, planned.id, "pre.d1.preheat", "主播临时请假，改由助播预热；" * 8)
    area = area_at(qtbot, state, planned.id)
    header = area.table.horizontalHeader()
    assert header.sectionSize(4) <= 0.36 * area.table.viewport().width()
    assert header.sectionSize(2) > header.sectionSize(4)
    area.resize(900, 700)  # narrower window: the cap follows
    qtbot.waitUntil(lambda: header.sectionSize(4) <= 0.36 * area.table.viewport().width())


def test_recorded_never_narrower_than_its_header_without_values(qtbot, ctx, state, planned):
    area = area_at(qtbot, state, planned.id)
    header = area.table.horizontalHeader()
    assert header.sectionSize(4) >= header.sectionSizeHint(4)
    assert header.sectionSize(2) > 3 * header.sectionSize(4)
