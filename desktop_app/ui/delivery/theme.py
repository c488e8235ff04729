"""Look and feel: a visible focus ring, light/dark following the system, SVG icons.

The stylesheet (resources/styles/app.qss, with @-placeholders filled per color scheme) only
adds what Fusion lacks for keyboard users: a thick focus ring on every focusable widget.
Colors follow QStyleHints.colorScheme and change live when the system switches.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPalette
from PySide6.QtWidgets import QApplication, QMainWindow

from desktop_app.paths import resource_path

LIGHT = {"focus": "#1a73e8", "window": "#f6f7f9", "base": "#ffffff", "text": "#1d1f23", "mid": "#c5c9d0",
         "highlight": "#1a73e8", "highlight_text": "#ffffff", "alt": "#f0f2f5", "button": "#eef0f3"}
DARK = {"focus": "#8ab4f8", "window": "#202124", "base": "#17181a", "text": "#e8eaed", "mid": "#5f6368",
        "highlight": "#3c78d8", "highlight_text": "#ffffff", "alt": "#26282b", "button": "#303134"}

# Shell actions (by their objectName key) that get an icon from resources/icons.
SHELL_ICONS = {"new_workspace": "new", "open_workspace": "open", "quit": "quit", "plan": "plan",
               "start_now": "live", "check": "check", "about": "about"}

_connected = False


def applied() -> bool:
    app = QApplication.instance()
    return app is not None and app.property("liveopsDark") is not None


def is_dark() -> bool:
    hints = QGuiApplication.styleHints()
    scheme = getattr(hints, "colorScheme", None)
    return scheme is not None and scheme() == Qt.ColorScheme.Dark


def colors(dark: bool | None = None) -> dict[str, str]:
    return DARK if (is_dark() if dark is None else dark) else LIGHT


def stylesheet(dark: bool | None = None) -> str:
    text = resource_path("styles", "app.qss").read_text(encoding="utf-8")
    for key, value in sorted(colors(dark).items(), key=lambda kv: -len(kv[0])):  # @highlight_text first
        text = text.replace(f"@{key}", value)
    return text


def palette(dark: bool) -> QPalette:
    c = colors(dark)
    pal = QPalette()
    role = QPalette.ColorRole
    for r, key in ((role.Window, "window"), (role.Base, "base"), (role.AlternateBase, "alt"),
                   (role.Text, "text"), (role.WindowText, "text"), (role.ButtonText, "text"),
                   (role.Button, "button"), (role.Highlight, "highlight"), (role.HighlightedText, "highlight_text"),
                   (role.Mid, "mid"), (role.ToolTipBase, "base"), (role.ToolTipText, "text"),
                   (role.PlaceholderText, "mid")):
        pal.setColor(r, c[key])
    return pal


def apply_theme(app: QApplication | None = None, dark: bool | None = None) -> bool:
    """Style the whole app for the system's scheme (or ``dark``); follows later system switches."""
    global _connected
    app = app or QApplication.instance()
    dark = is_dark() if dark is None else dark
    if app.style().name().lower() != "fusion":
        app.setStyle("Fusion")  # the same look and focus ring on Windows, macOS and Linux
    app.setPalette(palette(dark))
    app.setStyleSheet(stylesheet(dark))
    app.setProperty("liveopsDark", dark)
    if not _connected:
        hints = QGuiApplication.styleHints()
        if hasattr(hints, "colorSchemeChanged"):
            hints.colorSchemeChanged.connect(lambda _scheme: apply_theme())
            _connected = True
    return dark


def _palette_is_dark() -> bool:
    app = QApplication.instance()
    return app is not None and app.palette().color(QPalette.ColorRole.Base).lightness() < 128


def tint(color: str) -> QColor:
    """A row background given for a light theme (pale green "done", pale red "overdue"), made
    readable in the current one: in dark mode the same hue, dark, behind light text."""
    c = QColor(color)
    if not _palette_is_dark():
        return c
    base = QApplication.instance().palette().color(QPalette.ColorRole.Base)
    mix = 0.22  # enough hue to tell the states apart, dark enough for the palette's light text
    sat = QColor.fromHsl(c.hslHue(), min(255, max(c.hslSaturation(), 90)), 128) if c.hslSaturation() > 0 else c
    return QColor(int(base.red() * (1 - mix) + sat.red() * mix), int(base.green() * (1 - mix) + sat.green() * mix),
                  int(base.blue() * (1 - mix) + sat.blue() * mix))


def ink(color: str) -> QColor:
    """A text color chosen for a light background, lightened enough to read on a dark one."""
    c = QColor(color)
    if _palette_is_dark() and c.lightness() < 150:
        return QColor.fromHsl(c.hslHue(), c.hslSaturation(), 170)
    return c


def icon(name: str) -> QIcon:
    """An SVG icon: crisp at every device pixel ratio (high-DPI screens)."""
    path = resource_path("icons", f"{name}.svg")
    return QIcon(str(path)) if path.exists() else QIcon()


def decorate_shell_actions(window: QMainWindow) -> None:
    actions = getattr(window, "actions", None)
    if not isinstance(actions, dict):
        return
    for key, name in SHELL_ICONS.items():
        action = actions.get(key)
        if action is not None and action.icon().isNull():
            action.setIcon(icon(name))
    window.setIconSize(QSize(20, 20))
    if window.windowIcon().isNull():
        window.setWindowIcon(icon("app"))
