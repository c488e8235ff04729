"""Alt+letter mnemonics for the main window's menu commands, in both languages.

English puts the ``&`` inside the text (``&New workspace…``); Chinese appends the letter the way
Chinese Windows programs do (``新建工作区(&N)…``), so the key is the same in both languages. The
letters live here, in one table, rather than in every feature's translations; a feature's action
that is not in the table gets the first letter still free in its menu, so every command has one
and no two commands of a menu share one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

# Action key (objectName without "action_") → its letter. Unique within each menu.
LETTERS = {
    # File
    "new_workspace": "N", "open_workspace": "O", "new_demo": "D", "switch_person": "W", "ingest.import": "I",
    "export_multi": "M", "backup_now": "B", "merge_bundle": "G", "export_bundle": "E", "restore_backup": "R",
    "quit": "Q",
    # Session
    "plan": "P", "start_now": "S", "export_session": "E", "export_card": "C",
    # View
    "lang_zh_CN": "Z", "lang_en": "E",
    # Tools
    "check": "C", "salvage": "S",
    # Help
    "about": "A",
}

_CJK = re.compile(r"[\u3000-\u9fff\uff00-\uffef]")
_ELLIPSIS = ("…", "...")


def has_mnemonic(text: str) -> bool:
    return re.search(r"&[^&\s]", text.replace("&&", "")) is not None


def mnemonic_of(text: str) -> str:
    """The letter Alt opens ``text`` with ('' when none)."""
    m = re.search(r"&([^&\s])", text.replace("&&", ""))
    return m.group(1).upper() if m else ""


def with_mnemonic(text: str, letter: str) -> str:
    """``text`` with Alt+``letter``: inside an English text at the letter (a word's start first),
    appended as ``(&X)`` (before a trailing …) to a Chinese text or one without the letter."""
    if not _CJK.search(text):
        starts = [m.start() for m in re.finditer(r"\b\w", text) if text[m.start()].upper() == letter]
        inside = [i for i, ch in enumerate(text) if ch.upper() == letter]
        at = (starts or inside or [None])[0]
        if at is not None:
            return text[:at] + "&" + text[at:]
    for tail in _ELLIPSIS:
        if text.endswith(tail):
            return f"{text[:-len(tail)]}(&{letter}){tail}"
    return f"{text}(&{letter})"


def _candidates(action: QAction) -> list[str]:
    key = action.objectName().removeprefix("action_")
    text = action.text() if not _CJK.search(action.text()) else ""
    words = re.split(r"[^A-Za-z]+", key)[::-1]  # "ingest.import" → import first
    letters = [LETTERS[key]] if key in LETTERS else []
    letters += [w[0] for w in words if w] + [ch for ch in text + key if ch.isascii() and ch.isalpha()]
    return [c.upper() for c in letters] + [chr(c) for c in range(ord("A"), ord("Z") + 1)]


def apply_menu_mnemonics(menus: Iterable[QMenu]) -> None:
    """Give every command of each menu its Alt+letter (call after the texts are set)."""
    for menu in menus:
        actions = [a for a in menu.actions() if not a.isSeparator() and a.text()]
        used = {mnemonic_of(a.text()) for a in actions if has_mnemonic(a.text())}
        for action in actions:
            if has_mnemonic(action.text()):
                continue
            letter = next(c for c in _candidates(action) if c not in used)
            used.add(letter)
            action.setText(with_mnemonic(action.text(), letter))
