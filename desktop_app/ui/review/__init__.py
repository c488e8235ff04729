"""Review feature UI: 复盘 area (Post tab), History page, compare, trends, bundle merge."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication


def _t(text: str) -> str:
    return QCoreApplication.translate("ReviewFeature", text)


# Marked for lupdate; looked up through _t at run time so a language switch applies.
_TEXTS = (QT_TRANSLATE_NOOP("ReviewFeature", "Review"), QT_TRANSLATE_NOOP("ReviewFeature", "History"),
          QT_TRANSLATE_NOOP("ReviewFeature", "Merge workspace bundle…"),
          QT_TRANSLATE_NOOP("ReviewFeature", "Export workspace bundle…"))


def _panel(state):
    from desktop_app.ui.review.panel import ReviewPanel  # on first use: start-up stays cheap

    return ReviewPanel(state)


def _history(state, window):
    from desktop_app.ui.review.history import HistoryPage

    return HistoryPage(state, window)


def install(ext) -> None:
    ext.add_session_area("review", "post", lambda: _t("Review"), _panel, order=20)
    ext.add_page("history", lambda: _t("History"), _history, order=20)
    ext.add_action("merge_bundle", "file", _merge_action, order=60)
    ext.add_action("export_bundle", "file", _export_action, order=61)


def _merge_action(window):
    from PySide6.QtGui import QAction

    from desktop_app.ui.review.merge_dialog import MergeDialog

    action = QAction(_t("Merge workspace bundle…"), window)
    action.retranslate = lambda: action.setText(_t("Merge workspace bundle…"))  # called on a language switch
    action.triggered.connect(lambda: MergeDialog(window.state, window).exec())
    return action


def _export_action(window):
    from PySide6.QtGui import QAction

    from desktop_app.ui.review.merge_dialog import export_bundle_dialog

    action = QAction(_t("Export workspace bundle…"), window)
    action.retranslate = lambda: action.setText(_t("Export workspace bundle…"))  # called on a language switch
    action.triggered.connect(lambda: export_bundle_dialog(window.state, window))
    return action
