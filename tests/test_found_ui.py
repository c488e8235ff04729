"""What a user reads on screen, found by walking the app: numbers as the app writes them,
no legend that says nothing."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from desktop_app.services.workspace_service import open_workspace
from desktop_app.ui.state import AppState


@pytest.fixture
def state(demo_copy, qtbot, clock, tmp_path):
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qs"))
    ctx = open_workspace(demo_copy)
    ctx.clock = clock
    ctx.actor_id = ctx.ws.query_one("SELECT id FROM people WHERE name = '周组长'")[0]
    st = AppState(ctx, poll=False)
    yield st
    ctx.ws.close()


def _dispose(widget) -> None:
    """Delete a widget before its workspace closes: a later test's language switch reaches every
    widget still alive, and one that reads the workspace on retranslate would hit a closed file."""
    from PySide6.QtCore import QCoreApplication, QEvent

    widget.close()
    widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def trends(state, qtbot):
    from desktop_app.ui.review.trends import TrendsDialog

    dlg = TrendsDialog(state)
    yield dlg
    _dispose(dlg)


def test_trend_axes_write_large_money_as_numbers_not_exponents(trends):
    axis = trends.plots["gmv"].getAxis("left")
    labels = axis.tickStrings([800000.0, 1000000.0], 1.0, 200000.0)
    assert labels == ["800,000", "1,000,000"]  # not "1e+06"
    assert axis.tickStrings([1.5, 1.55, 1.6], 1.0, 0.05) == ["1.50", "1.55", "1.60"]


def test_trend_charts_of_one_currency_have_no_legend_entry(trends):
    assert trends.entity.count() > 0
    for plot in trends.plots.values():
        assert len(plot.listDataItems()) == 1
        assert plot.plotItem.legend.items == []  # one line: a "CNY" label over a percentage says nothing


def test_overview_event_times_fit_their_column_in_english(state, qtbot, request):
    from desktop_app.messages import set_language
    from desktop_app.ui.session_page import OverviewArea

    set_language("en")  # the app's formatter follows the message language (longer "11/20 2:06:00 PM")
    area = OverviewArea(state)
    request.addfinalizer(lambda: _dispose(area))
    area.resize(900, 600)
    area.show()
    sid = state.ctx.ws.query_one("SELECT id FROM sessions WHERE status = 'closed' LIMIT 1")[0]
    area.set_session(sid)
    from PySide6.QtWidgets import QTableView

    view = area.findChild(QTableView, "overviewEvents")
    text = area.events.data(area.events.index(0, 0))
    assert "PM" in text or "AM" in text, text
    assert view.columnWidth(0) > view.fontMetrics().horizontalAdvance(text)


def test_trend_money_axes_name_the_currency(trends):
    label = trends.plots["gmv"].getAxis("left").labelText
    assert label == "CNY"
    assert trends.plots["refund_rate"].getAxis("left").suffix == "%"  # every tick says % (test_export_qa_axes)
