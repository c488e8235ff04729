"""The one Qt-free message catalog: errors, CLI output, export headers, report text.

Catalogs are gettext ``.po`` files under ``resources/i18n/messages/<lang>/*.po`` whose
msgid is a stable message key (``error.workspace.too_new``) and msgstr the text with
``{name}`` placeholders. Several .po files per language are merged, so each feature keeps
its own file. ``make translations`` compiles them to ``.mo``; when a compiled file is
missing or older than its source the .po is read directly, so a source checkout works too.
"""

from __future__ import annotations

import ast
import gettext
import locale
import os
import struct
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path

from desktop_app.paths import resource_path

LANGUAGES = ("zh_CN", "en")
DEFAULT_LANGUAGE = "zh_CN"

_lock = threading.Lock()
_catalogs: dict[str, dict[str, str]] = {}
_current = DEFAULT_LANGUAGE


def catalog_dir(lang: str) -> Path:
    return resource_path("i18n", "messages", lang)


def normalize_language(value: str | None) -> str | None:
    """Map 'zh', 'zh_CN.UTF-8', 'Chinese (Simplified)_China', 'en_US', 'EN' ... to a supported language."""
    if not value:
        return None
    v = value.split(".")[0].replace("-", "_").lower()
    if v.startswith(("zh", "chinese")):
        return "zh_CN"
    if v.startswith(("en", "english")):
        return "en"
    return None


def language_from_environment() -> str:
    """LIVEOPS_LANG, then the POSIX locale variables, then (Windows) the user locale; else zh_CN.

    "C"/"POSIX" say nothing about the user's language, so they fall through to zh_CN.
    """
    for var in ("LIVEOPS_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        lang = normalize_language(os.environ.get(var))
        if lang:
            return lang
    if sys.platform == "win32":
        try:
            lang = normalize_language(locale.getlocale()[0])
        except ValueError:
            lang = None
        if lang:
            return lang
    return DEFAULT_LANGUAGE


def set_language(lang: str) -> None:
    global _current
    norm = normalize_language(lang)
    if norm is None:
        raise ValueError(lang)
    _current = norm


def current_language() -> str:
    return _current


def parse_po(text: str) -> dict[str, str]:
    """Minimal .po reader: msgid/msgstr pairs with continuation lines; no plurals."""
    entries: dict[str, str] = {}
    msgid: list[str] | None = None
    msgstr: list[str] | None = None
    target: list[str] | None = None

    def flush() -> None:
        if msgid is not None and msgstr is not None:
            key = "".join(msgid)
            if key:
                entries[key] = "".join(msgstr)

    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("msgid "):
            flush()
            msgid, msgstr = [ast.literal_eval(line[6:])], None
            target = msgid
        elif line.startswith("msgstr "):
            msgstr = [ast.literal_eval(line[7:])]
            target = msgstr
        elif line.startswith('"') and target is not None:
            target.append(ast.literal_eval(line))
    flush()
    return entries


def write_mo(entries: dict[str, str], path: Path) -> None:
    """Write a GNU .mo file (the format gettext.GNUTranslations reads).

    The header entry (msgid "") must declare UTF-8: without it GNUTranslations decodes
    every string as ASCII and the first Chinese message raises UnicodeDecodeError.
    """
    header = {"": "Content-Type: text/plain; charset=UTF-8\n"}
    items = sorted({**entries, **header}.items())
    ids = b"".join(k.encode() + b"\0" for k, _ in items)
    strs = b"".join(v.encode() + b"\0" for _, v in items)
    n = len(items)
    header_size = 7 * 4
    id_table = header_size
    str_table = id_table + n * 8
    data_start = str_table + n * 8
    offsets_ids, offsets_strs = [], []
    pos = data_start
    for k, _ in items:
        offsets_ids.append((len(k.encode()), pos))
        pos += len(k.encode()) + 1
    for _, v in items:
        offsets_strs.append((len(v.encode()), pos))
        pos += len(v.encode()) + 1
    out = struct.pack("<7I", 0x950412DE, 0, n, id_table, str_table, 0, 0)
    out += b"".join(struct.pack("<2I", ln, off) for ln, off in offsets_ids)
    out += b"".join(struct.pack("<2I", ln, off) for ln, off in offsets_strs)
    out += ids + strs
    tmp = path.with_suffix(".mo.tmp")
    tmp.write_bytes(out)
    os.replace(tmp, path)


def compile_catalogs() -> list[Path]:
    """Compile every .po to a .mo beside it (used by `make translations` and the build)."""
    written = []
    for lang in LANGUAGES:
        for po in sorted(catalog_dir(lang).glob("*.po")):
            mo = po.with_suffix(".mo")
            write_mo(parse_po(po.read_text(encoding="utf-8")), mo)
            written.append(mo)
    return written


def _load(lang: str) -> dict[str, str]:
    merged: dict[str, str] = {}
    for po in sorted(catalog_dir(lang).glob("*.po")):
        mo = po.with_suffix(".mo")
        compiled = _read_mo(mo) if mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime else None
        merged.update(compiled if compiled is not None else parse_po(po.read_text(encoding="utf-8")))
    merged.pop("", None)
    return merged


def _read_mo(mo: Path) -> dict[str, str] | None:
    """A compiled catalog, or None when it cannot be read (a stale or damaged .mo): the .po serves then."""
    try:
        with mo.open("rb") as fh:
            return dict(gettext.GNUTranslations(fh)._catalog)  # type: ignore[attr-defined]
    except (OSError, UnicodeDecodeError, struct.error, ValueError):
        return None


def catalog(lang: str) -> dict[str, str]:
    with _lock:
        if lang not in _catalogs:
            _catalogs[lang] = _load(lang)
        return _catalogs[lang]


def reload_catalogs() -> None:
    with _lock:
        _catalogs.clear()


def msg(key: str, /, lang: str | None = None, **params: object) -> str:
    """Text for a message key in the given or current language.

    A missing key falls back to English, then to the key itself, so a gap shows up as
    a readable id rather than a crash; tests/test_messages.py keeps both catalogs complete.
    """
    lang = lang or _current
    # A parameter that is itself a Message (a status or metric label) renders in the same language.
    params = {k: (v.text(lang) if isinstance(v, Message) else v) for k, v in params.items()}
    if "field" in params and "field_label" not in params:
        params["field_label"] = field_label(str(params["field"]), lang)
    text = catalog(lang).get(key)
    if text is None:
        text = catalog("en").get(key, key)
    if params:
        try:
            return text.format(**params)
        except (KeyError, IndexError, ValueError):
            return text + " " + repr(params)
    return text


def field_label(name: str, lang: str | None = None) -> str:
    """A form field's name for messages ("title" → 场次标题); unknown fields show as given."""
    lang = lang or _current
    for key in (f"field.{name}", f"metric.{name}"):
        text = catalog(lang).get(key) or catalog("en").get(key)
        if text:
            return text
    return name


def label(prefix: str, value: object) -> Message:
    """A translatable label as a message parameter: label("status", "live") → 直播中 / Live."""
    return Message(f"{prefix}.{getattr(value, 'value', value)}")


@dataclass(frozen=True)
class Message:
    """A message id plus parameters, rendered late so UI and CLI pick the language."""

    key: str
    params: dict[str, object] = field(default_factory=dict)

    def text(self, lang: str | None = None) -> str:
        return msg(self.key, lang=lang, **self.params)


@dataclass(frozen=True)
class Texts(Message):
    """Text that comes in both languages from the data (checklist items), as a message parameter."""

    zh: str = ""
    en: str = ""

    def text(self, lang: str | None = None) -> str:
        return self.zh if (lang or _current) == "zh_CN" else self.en


# -- messages stored with data, rendered in the reader's language --------------------------------
def message_to_json(message: Message, tail: str = "") -> str:
    """JSON of ``message`` (parameters: text, numbers, labels, two-language Texts) plus a verbatim
    ``tail`` (what a person typed), for a row that must read in whatever language opens it."""
    import json

    return json.dumps({"key": message.key, "params": _params_json(message.params), "tail": tail or ""},
                      ensure_ascii=False, separators=(",", ":"))


def render_stored(payload: str | None, lang: str | None = None) -> str | None:
    """The text of a ``message_to_json`` payload in ``lang``; None when there is none or it is
    unreadable (the caller shows the row's stored text instead)."""
    import json

    try:
        data = json.loads(payload) if payload else None
        if not isinstance(data, dict) or not isinstance(data.get("key"), str):
            return None
        return Message(data["key"], _params_from_json(data.get("params") or {})).text(lang) + str(data.get("tail", ""))
    except (ValueError, TypeError, AttributeError):
        return None


def _params_json(params: dict[str, object]) -> dict[str, object]:
    out: dict[str, object] = {}
    for name, value in params.items():
        if isinstance(value, Texts):
            out[name] = {"zh": value.zh, "en": value.en}
        elif isinstance(value, Message):
            out[name] = {"key": value.key, "params": _params_json(value.params)}
        else:
            out[name] = value
    return out


def _params_from_json(params: dict[str, object]) -> dict[str, object]:
    out: dict[str, object] = {}
    for name, value in params.items():
        if isinstance(value, dict) and "key" in value:
            out[name] = Message(str(value["key"]), _params_from_json(value.get("params") or {}))
        elif isinstance(value, dict):
            out[name] = Texts("", zh=str(value.get("zh", "")), en=str(value.get("en", "")))
        else:
            out[name] = value
    return out
