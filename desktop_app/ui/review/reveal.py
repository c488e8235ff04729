"""Show a full-text search hit inside the session page: select it, scroll to it, focus it.

- an event: the Overview tab's event list, the row selected and scrolled to the centre;
- a review field / the lead's return comment: the Post tab's 复盘 area, scrolled to the field,
  the matching words selected;
- an action item: the 复盘 area's action table, its row selected;
- a checklist value or note: the checklist area of the run's phase, the run selected.

Works through the session page's public parts (tabs, areas, overview) so the shell needs no
knowledge of search.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QPlainTextEdit, QTableView, QTabWidget, QWidget

from desktop_app.storage.fts_text import query_terms

CENTER = QAbstractItemView.ScrollHint.PositionAtCenter


def reveal_hit(page, hit: dict) -> QWidget | None:
    """Bring ``hit`` (from services.history.search) into view on ``page`` (a SessionPage that
    already shows the hit's session). Returns the widget that now shows it, or None."""
    source = hit.get("source")
    if source == "event":
        return _reveal_event(page, hit["id"])
    if source in ("review", "action"):
        panel = _area(page, "post", lambda w: hasattr(w, "reveal_field"))
        if panel is None:
            return None
        if source == "action":
            return panel.reveal_action(hit["id"])
        return panel.reveal_field(hit.get("field"), hit.get("query", ""))
    if source == "checklist":
        phase = (hit.get("field") or hit.get("kind") or "").split(".", 1)[0]
        area = _area(page, phase, lambda w: hasattr(w, "select_run"))
        return _reveal_run(area, hit["id"]) if area is not None else None
    return None


def _reveal_event(page, event_id: str) -> QWidget | None:
    page.tabs.setCurrentIndex(page.tabs.indexOf(page.overview))
    view = page.overview.findChild(QTableView, "overviewEvents")
    model = page.overview.events
    for row, (_time, event) in enumerate(model.rows):
        if event.id == event_id:
            _select_row(view, row)
            return view
    return None


def _select_row(view: QTableView, row: int) -> None:
    index = view.model().index(row, 0)
    view.selectionModel().setCurrentIndex(
        index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
    view.scrollTo(index, CENTER)
    view.setFocus(Qt.FocusReason.OtherFocusReason)


def _area(page, phase: str, wanted) -> QWidget | None:
    """The phase's tab made current (and built) and the first of its areas that ``wanted`` accepts."""
    for index, tab_phase in page.phase_of_tab.items():
        if tab_phase != phase:
            continue
        page.tabs.setCurrentIndex(index)
        page.ensure_tab_built(index)
        holder = page.tabs.widget(index)
        for area in page.areas:
            if wanted(area) and holder.isAncestorOf(area):
                for tabs in holder.findChildren(QTabWidget):  # several areas share the phase tab
                    if tabs.indexOf(area) >= 0:
                        tabs.setCurrentWidget(area)
                return area
    return None


def _reveal_run(area, run_id: str) -> QWidget | None:
    show_done = getattr(area, "show_done", None)
    if show_done is not None and not show_done.isChecked():
        show_done.setChecked(True)  # a done run is hidden otherwise
    area.select_run(run_id)
    view = getattr(area, "table", None)
    if isinstance(view, QTableView) and view.selectionModel().selectedRows():
        view.scrollTo(view.selectionModel().selectedRows()[0], CENTER)
        view.setFocus(Qt.FocusReason.OtherFocusReason)
        return view
    return None


def select_terms(edit: QPlainTextEdit | QComboBox, query: str) -> None:
    """Select the first searched term inside a text field so the eye lands on it."""
    if not isinstance(edit, QPlainTextEdit):
        return
    for term in query_terms(query):
        found = edit.document().find(term, 0, QTextDocument.FindFlag(0))
        if not found.isNull():
            cursor = QTextCursor(found)
            edit.setTextCursor(cursor)
            edit.ensureCursorVisible()
            return
