"""Import of platform exports (File → 导入平台数据…) and the live follow status widget."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction


def _import_action(window) -> QAction:
    action = QAction(QCoreApplication.translate("Ingest", "Import platform data…"), window)
    # called by MainWindow.retranslate on a language switch
    action.retranslate = lambda: action.setText(QCoreApplication.translate("Ingest", "Import platform data…"))

    def open_dialog() -> None:
        from desktop_app.ui.ingest.dialog import ImportDialog

        ImportDialog(window.state, window).exec()
    action.triggered.connect(open_dialog)
    return action


def _follow_area(state):
    from desktop_app.ui.ingest.follow_widget import FollowWidget

    return FollowWidget(state)


def install(ext) -> None:
    ext.add_action("ingest.import", "file", _import_action, order=30)
    ext.add_session_area("ingest.follow", "live", lambda: QCoreApplication.translate("Ingest", "Follow CSV"),
                         _follow_area, order=80)
