"""Exports in the app: Session → 导出 Excel…, Session → 战报图片…, File → 多场次报告…, and an
export area on the session page's Post tab. The work runs through ui/tasks.py."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QAction

# Marked for pyside6-lupdate (it does not see through _tr); looked up at run time so a language
# switch applies.
_TEXTS = (QT_TRANSLATE_NOOP("Export", "Export to Excel…"), QT_TRANSLATE_NOOP("Export", "Results card (PNG)…"),
          QT_TRANSLATE_NOOP("Export", "Multi-session report…"), QT_TRANSLATE_NOOP("Export", "Export"))


def _tr(text: str) -> str:
    return QCoreApplication.translate("Export", text)


def _action(text: str, window) -> QAction:
    """A menu action whose text follows a language switch (MainWindow.retranslate calls it)."""
    action = QAction(_tr(text), window)
    action.retranslate = lambda: action.setText(_tr(text))
    return action


def _current_session(window) -> str | None:
    page = getattr(window, "session_page", None)
    return getattr(page, "session_id", None)


def _flow_action(window, text: str, flow_fn: str, *, per_session: bool) -> QAction:
    """An action running ``flow.<flow_fn>`` (imported on first use: the start-up stays light);
    with ``per_session`` for the open session, or a hint to open one first."""
    action = _action(text, window)

    def run() -> None:
        from desktop_app.ui.export import flow

        if not per_session:
            getattr(flow, flow_fn)(window, window.state)
            return
        sid = _current_session(window)
        if sid is None:
            flow.need_session(window)
            return
        getattr(flow, flow_fn)(window, window.state, sid)

    action.triggered.connect(run)
    return action


def _session_action(window) -> QAction:
    action = _flow_action(window, "Export to Excel…", "export_session_interactive", per_session=True)
    action.setShortcut("Ctrl+Shift+E")  # Ctrl+E is the live console's "enter metrics" key
    return action


def _card_action(window) -> QAction:
    return _flow_action(window, "Results card (PNG)…", "save_card_interactive", per_session=True)


def _multi_action(window) -> QAction:
    return _flow_action(window, "Multi-session report…", "export_multi_interactive", per_session=False)


def _history_button(page) -> None:
    """History page: "Export these sessions…" opens the multi-session report with the page's filters."""
    from PySide6.QtWidgets import QPushButton

    button = QPushButton(_tr("Export these sessions…"), page)
    button.setObjectName("export_history_sessions")
    button.setToolTip(_tr("Multi-session report of the sessions listed, with the filters set above"))

    def run() -> None:
        from desktop_app.ui.export.flow import export_multi_interactive

        export_multi_interactive(page, page.state, history_filter=page.current_filter())

    button.clicked.connect(run)
    layout = page.layout()
    for i in range(layout.count()):
        row = layout.itemAt(i).layout()
        if row is not None and row.indexOf(page.trends_btn) >= 0:
            row.insertWidget(row.indexOf(page.trends_btn) + 1, button)
            break
    else:
        layout.addWidget(button)
    page.export_sessions_btn = button


def _area(state):
    from desktop_app.ui.export.area import ExportArea

    return ExportArea(state)


def install(ext) -> None:
    ext.add_action("export_session", "session", _session_action, order=70)
    ext.add_action("export_card", "session", _card_action, order=71)
    ext.add_action("export_multi", "file", _multi_action, order=40)
    from desktop_app.ui.review import history

    history.page_hooks.append(_history_button)
    ext.add_session_area("export_area", "post", lambda: _tr("Export"), _area, order=90)
