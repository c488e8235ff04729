"""Every piece of window chrome is Chinese in the zh_CN UI: what lupdate cannot see is caught here.

The .ts check (test_delivery_translations) proves every *extracted* string is translated; a string
passed through a helper lupdate does not know, or never marked at all, stays English on screen.
This builds the whole window on the demo workspace (every page, every session area, every menu)
in Chinese and reads back what a user sees: menus, buttons, tabs, headers, group titles,
placeholders and labels. Data (names, titles) is not chrome and is not read.
"""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QTabWidget,
)

from desktop_app.ui import i18n

# Words that stay Latin in a Chinese UI: metric acronyms, currencies, formats, product names.
ALLOWED = {"GMV", "UV", "ROI", "GPM", "CNY", "USD", "HKD", "JPY", "EUR", "Excel", "CSV", "PNG", "PDF", "SKU",
           "ID", "JSON", "LiveOps", "Desk", "English", "Asia", "Shanghai", "Lily", "UTC", "xlsx", "csv", "png", "liveops",
           "SQLite", "WAL", "OK", "STEPS", "CTR", "AOV", "ctrl", "Ctrl", "Alt", "Shift", "Esc", "Enter", "End",
           "Tab", "PgUp", "PgDn", "Del", "tmp", "pytest", "root", "json", "zip", "bundle", "Webhook", "webhook",
           "URL", "TikTok", "Douyin", "Kuaishou", "Taobao", "Live", "Taobao Live"}
WORD = re.compile(r"[A-Za-z]{3,}")


def _english_words(text: str) -> list[str]:
    text = re.sub(r"\S*[/\\]\S*", "", text)  # paths, time zones, shortcuts like Ctrl+E
    return [w for w in WORD.findall(text) if w not in ALLOWED]


def _chrome(window) -> list[tuple[str, str]]:
    seen: list[tuple[str, str]] = []
    widgets = [window, *window.findChildren(QMenu)]
    for w in window.findChildren(QAbstractButton):
        seen.append((type(w).__name__ + ":" + w.objectName(), w.text()))
    for w in window.findChildren(QTabWidget):
        seen += [(f"tab:{w.objectName()}", w.tabText(i)) for i in range(w.count())]
    for w in window.findChildren(QGroupBox):
        seen.append((f"group:{w.objectName()}", w.title()))
    for w in window.findChildren(QLineEdit):
        seen.append((f"placeholder:{w.objectName()}", w.placeholderText()))
    for w in window.findChildren(QAbstractItemView):
        model = w.model()
        if model is not None and not isinstance(w, QListView):
            seen += [(f"header:{w.objectName()}", str(model.headerData(c, Qt.Orientation.Horizontal) or ""))
                     for c in range(model.columnCount())]
    for w in window.findChildren(QLabel):
        if w.buddy() is not None or w.objectName() in ("pageHeading",):
            seen.append((f"label:{w.objectName()}", w.text()))
    for menu in widgets[1:]:
        seen.append((f"menu:{menu.objectName()}", menu.title()))
        seen += [(f"action:{a.objectName()}", a.text()) for a in menu.actions() if not a.isSeparator()]
    seen += [(f"nav:{i}", window.nav.item(i).text()) for i in range(window.nav.count())]
    return seen


@pytest.fixture
def chinese_window(qtbot, demo_copy):
    from desktop_app.domain.clock import FixedClock
    from desktop_app.services.workspace_service import open_workspace
    from desktop_app.ui.main_window import MainWindow
    from desktop_app.ui.state import AppState
    from tests.conftest import T0

    for w in QApplication.topLevelWidgets():  # nothing of earlier tests receives the LanguageChange
        w.close()
        w.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    i18n.apply_language("zh_CN")
    ctx = open_workspace(demo_copy, clock=FixedClock(T0))
    w = MainWindow(AppState(ctx, poll=False))
    qtbot.addWidget(w)
    yield w, ctx
    w.close()
    ctx.ws.close()


def test_every_page_area_and_menu_is_chinese_in_the_chinese_ui(qtbot, chinese_window):
    window, ctx = chinese_window
    assert len(window.pages) >= 6  # builds every feature page
    sid = ctx.ws.query_one("SELECT id FROM sessions WHERE status = 'closed' ORDER BY on_air_utc DESC")[0]
    window.open_session(sid)
    window.session_page.build_all_areas()
    QApplication.processEvents()
    english = [(where, text) for where, text in _chrome(window) if text and _english_words(text)]
    assert english == []


def test_the_scan_notices_an_untranslated_button(qtbot, chinese_window):
    """The scan itself is not blind: an English button on a page is reported."""
    from PySide6.QtWidgets import QPushButton

    window, _ctx = chinese_window
    stray = QPushButton("Recalculate totals", window.today)
    stray.setObjectName("stray")
    assert ("QPushButton:stray", "Recalculate totals") in [
        (where, text) for where, text in _chrome(window) if _english_words(text)]
