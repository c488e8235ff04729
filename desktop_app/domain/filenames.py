"""File names the app makes up itself (export suggestions, backups): valid on Windows too.

Most users are on Windows, whose rules are the strictest: no \\ / : * ? " < > | or control
characters, no trailing dot or space, no device names (CON, NUL, COM1 …, also as "con.xlsx"),
and a 260-character path limit unless long paths are enabled. Chinese titles stay Chinese
(NTFS, APFS and ext4 store UTF-16/UTF-8 names); only what Windows refuses is replaced.
"""

from __future__ import annotations

import re
import unicodedata

# Windows refuses these in names; "/" and NUL are also refused everywhere else.
_FORBIDDEN = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]+')
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}
# A stem short enough that folder + stem + stamp + suffix stays well below MAX_PATH (260)
# for a folder of ordinary depth; counted in characters (UTF-16 units on Windows, BMP only here).
MAX_STEM = 60


def safe_stem(text: str, *, max_len: int = MAX_STEM, fallback: str = "untitled") -> str:
    """``text`` as a file-name stem valid on Windows, macOS and Linux (CJK kept)."""
    name = unicodedata.normalize("NFC", text)
    name = _FORBIDDEN.sub("_", name)
    name = re.sub(r"\s+", "_", name)  # spaces are legal, but a name without them survives chat apps and shells
    name = re.sub(r"_+", "_", name).strip("_. ")
    name = name[:max_len].rstrip("_. ")
    if not name:
        return fallback
    if name.split(".")[0].upper() in _RESERVED:
        name = f"_{name}"
    return name

