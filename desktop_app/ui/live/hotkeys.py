"""Event hotkeys: configurable bindings (QSettings), the settings dialog, optional system-wide keys.

In-app hotkeys are QShortcuts on the console and the mini window. System-wide hotkeys
(while another program has focus) use pynput, imported lazily and only when the user
turned the option on; without pynput the option explains what to install.
"""

from __future__ import annotations

import importlib
import importlib.util
import logging
import re

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QKeySequenceEdit,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.messages import msg

log = logging.getLogger(__name__)

HOTKEY_KINDS = ("giveaway", "product", "traffic", "incident", "compliance", "milestone", "note")
DEFAULT_HOTKEYS = {"giveaway": "F1", "product": "F2", "traffic": "F3", "incident": "F4", "compliance": "F5",
                   "milestone": "F6", "note": ""}
# Other bindings of the live console; an event hotkey may not take them.
RESERVED = {"End": "follow", "Ctrl+1": "zoom", "Ctrl+2": "zoom", "Ctrl+3": "zoom", "Ctrl+4": "zoom",
            "Ctrl+R": "report", "Ctrl+M": "mini", "Ctrl+E": "metrics", "Ctrl+L": "quick", "Esc": "cancel",
            "Return": "save", "Enter": "save", "Tab": "focus"}
SETTINGS_GROUP = "live/hotkeys"
GLOBAL_KEY = "live/global_hotkeys"


def kind_label(kind: str) -> str:
    return msg(f"event_kind.{kind}")


def normalize(seq: str) -> str:
    return QKeySequence(seq).toString(QKeySequence.SequenceFormat.PortableText) if seq else ""


def load_bindings(settings: QSettings | None = None) -> dict[str, str]:
    s = settings or QSettings()
    return {k: normalize(str(s.value(f"{SETTINGS_GROUP}/{k}", DEFAULT_HOTKEYS[k]) or "")) for k in HOTKEY_KINDS}


def save_bindings(bindings: dict[str, str], settings: QSettings | None = None) -> None:
    s = settings or QSettings()
    for k in HOTKEY_KINDS:
        s.setValue(f"{SETTINGS_GROUP}/{k}", bindings.get(k, ""))


def global_enabled(settings: QSettings | None = None) -> bool:
    return str((settings or QSettings()).value(GLOBAL_KEY, "false")).lower() in ("true", "1")


def clash(bindings: dict[str, str], kind: str, seq: str) -> str | None:
    """The name of what already uses ``seq`` (another kind or a console binding), else None."""
    seq = normalize(seq)
    if not seq:
        return None
    if seq in RESERVED:
        return RESERVED[seq]
    for other, bound in bindings.items():
        if other != kind and bound == seq:
            return other
    return None


def window_bindings(widget: QWidget | None, own: tuple[QWidget, ...] = ()) -> dict[str, str]:
    """Keys the window around ``widget`` already uses (menu actions, page shortcuts), with the
    command's name; shortcuts of ``own`` (the console and its mini window) are left out. An event
    hotkey on such a key would make the shortcut ambiguous and neither would fire."""
    window = widget.window() if widget is not None else None
    if window is None:
        return {}

    def ours(obj) -> bool:
        w = obj.parent()
        while w is not None:
            if w in own:
                return True
            w = w.parent()
        return False

    taken: dict[str, str] = {}
    for action in window.findChildren(QAction):
        name = _plain(action.text())
        for key in action.shortcuts():
            taken.setdefault(normalize(key.toString(QKeySequence.SequenceFormat.PortableText)), name)
    for shortcut in window.findChildren(QShortcut):
        if not ours(shortcut):
            key = normalize(shortcut.key().toString(QKeySequence.SequenceFormat.PortableText))
            if key:
                taken.setdefault(key, "")
    return taken


def _plain(text: str) -> str:
    """A menu text as read: "打开工作区(&O)…" → "打开工作区", "&Open…" → "Open"."""
    text = re.sub(r"\(&\w\)", "", text).replace("&&", "\0").replace("&", "").replace("\0", "&")
    return text.rstrip(".…").strip()


def pynput_available() -> bool:
    """Whether pynput is installed (found, not imported: importing it picks a backend, which fails
    without a display; that is UNAVAILABLE, not missing)."""
    try:
        return importlib.util.find_spec("pynput") is not None
    except (ImportError, ValueError):  # sys.modules["pynput"] = None (tests), broken install
        return False


def to_pynput(seq: str) -> str:
    """'Ctrl+Shift+G' → '<ctrl>+<shift>+g', 'F1' → '<f1>'."""
    parts = []
    for part in normalize(seq).split("+"):
        p = part.lower()
        parts.append(f"<{p}>" if len(p) > 1 else p)
    return "+".join(parts)


class GlobalHotkeys(QObject):
    """System-wide hotkeys via pynput. pynput calls back on its listener thread; emitting a signal
    of this GUI-thread object from there is a queued connection, so the slot (the same commit as
    an in-app hotkey) runs on the GUI thread."""

    triggered = Signal(str)
    OK, MISSING, UNAVAILABLE = "ok", "missing", "unavailable"

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.listener = None
        self.error = ""  # why the last start failed (pynput's own words), for the status line

    def start(self, bindings: dict[str, str]) -> str:
        """OK, MISSING (pynput not installed) or UNAVAILABLE (no display, no permission...)."""
        self.stop()
        if not pynput_available():
            self.error = "pynput"
            return self.MISSING
        try:
            keyboard = importlib.import_module("pynput.keyboard")
        except Exception as exc:  # pynput picks its backend on import; without a display it raises
            # ImportError("this platform is not supported: ('failed to acquire X connection: ...')")
            log.warning("global hotkeys unavailable: %s", exc)
            self.error = (str(exc) or type(exc).__name__).splitlines()[0]
            return self.UNAVAILABLE
        mapping = {to_pynput(seq): (lambda k=kind: self.triggered.emit(k)) for kind, seq in bindings.items() if seq}
        try:
            self.listener = keyboard.GlobalHotKeys(mapping)
            self.listener.start()
        except Exception as exc:  # no X display / accessibility permission: in-app hotkeys keep working
            log.warning("global hotkeys unavailable: %s", exc)
            self.error = str(exc) or type(exc).__name__
            self.listener = None
            return self.UNAVAILABLE
        return self.OK

    def stop(self) -> None:
        if self.listener is not None:
            self.listener.stop()
            self.listener = None


class HotkeyDialog(QDialog):
    """Edit the event hotkeys; a clash is refused with an inline message and the edit reverted."""

    def __init__(self, bindings: dict[str, str], global_on: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hotkeyDialog")
        self.bindings = dict(bindings)
        mini = getattr(parent, "mini", None)
        self.taken = window_bindings(parent, tuple(w for w in (parent, mini) if w is not None))
        self.edits: dict[str, QKeySequenceEdit] = {}
        form = QFormLayout()
        for kind in HOTKEY_KINDS:
            edit = QKeySequenceEdit(QKeySequence(self.bindings[kind]))
            edit.setObjectName(f"hotkey_{kind}")
            edit.setMaximumSequenceLength(1)
            edit.keySequenceChanged.connect(lambda seq, k=kind: self._changed(k, seq))
            edit.editingFinished.connect(lambda k=kind: self._show_binding(k))
            clear = QPushButton(self.tr("Clear"))
            clear.setObjectName(f"clear_{kind}")
            clear.clicked.connect(lambda _=False, k=kind: self._clear(k))
            row = QHBoxLayout()
            row.addWidget(edit, 1)
            row.addWidget(clear)
            form.addRow(kind_label(kind), row)
            self.edits[kind] = edit
        self.error = QLabel()
        self.error.setObjectName("hotkeyError")
        self.error.setStyleSheet("color: #c92a2a")
        self.error.setWordWrap(True)
        self.global_box = QCheckBox(self.tr("System-wide hotkeys (also while another program has focus)"))
        self.global_box.setObjectName("globalHotkeys")
        self.global_note = QLabel()
        self.global_note.setWordWrap(True)
        if pynput_available():
            self.global_box.setChecked(global_on)
            self.global_note.setText(self.tr("Uses pynput. On macOS the app needs the accessibility permission."))
        else:
            self.global_box.setChecked(False)
            self.global_box.setEnabled(False)
            self.global_note.setText(self.tr("System-wide hotkeys need the optional package pynput "
                                             "(pip install pynput). In-app hotkeys work without it."))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.global_box)
        layout.addWidget(self.global_note)
        layout.addWidget(buttons)
        self.setWindowTitle(self.tr("Event hotkeys"))

    def _changed(self, kind: str, seq: QKeySequence) -> None:
        text = normalize(seq.toString(QKeySequence.SequenceFormat.PortableText))
        if not text:
            # The editor clears itself when a key press starts recording: not a choice, so the
            # old key stands until a new one is accepted (unbinding is the Clear button).
            return
        other = clash(self.bindings, kind, text)
        if other is None and text in self.taken:
            other = "window"
        if other is not None:
            if other in HOTKEY_KINDS:
                name = kind_label(other)
            elif other == "window":
                name = self.taken[text] or self.tr("another command of the window")
            else:
                name = self._reserved_name(other)
            self.error.setText(self.tr("%1 is already used by %2; choose another key.")
                               .replace("%1", text).replace("%2", name))
            self._show_binding(kind)
            return
        self.error.clear()
        self.bindings[kind] = text

    def _show_binding(self, kind: str) -> None:
        """The editor shows the key that stands (after a refused or abandoned edit)."""
        edit = self.edits[kind]
        if normalize(edit.keySequence().toString(QKeySequence.SequenceFormat.PortableText)) == self.bindings[kind]:
            return
        edit.blockSignals(True)
        edit.setKeySequence(QKeySequence(self.bindings[kind]))
        edit.blockSignals(False)

    def _clear(self, kind: str) -> None:
        self.bindings[kind] = ""
        self.error.clear()
        self._show_binding(kind)

    def _reserved_name(self, key: str) -> str:
        return {"follow": self.tr("Follow live"), "zoom": self.tr("Chart zoom"), "report": self.tr("Report now"),
                "mini": self.tr("Mini window"), "metrics": self.tr("Metric entry"),
                "quick": self.tr("Quick entry"), "cancel": self.tr("Cancel note"), "save": self.tr("Save"),
                "focus": self.tr("Focus")}.get(key, key)

    @property
    def global_on(self) -> bool:
        return self.global_box.isChecked()
