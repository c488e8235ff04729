"""The Qt-free message catalog is complete: every key the code uses exists in zh_CN and en,
both languages have the same keys and placeholders, and compiled .mo files say the same
as their .po sources (DESIGN.md, Languages)."""

from __future__ import annotations

import ast
import gettext
import os
import string
from pathlib import Path

import pytest

from desktop_app import messages
from desktop_app.domain import enums
from desktop_app.domain.metrics import ALL_KEYS
from desktop_app.domain.review import Signoff

PKG = Path(__file__).resolve().parent.parent / "desktop_app"
KEY_FUNCS = {"msg", "Message", "LiveOpsError"}
# Any string constant shaped like one of these keys is a message id (e.g. system event keys).
KEY_PREFIXES = ("error.", "warning.", "cli.", "event.system.", "export.", "report.")
ENUM_LABELS = {
    "status": enums.SessionStatus, "platform": enums.Platform, "role": enums.PersonRole,
    "event_kind": enums.EventKind, "signoff": Signoff, "phase": enums.Phase, "basis": enums.Basis,
    "owner": enums.OwnerRole, "run_status": enums.RunStatus, "subtype": enums.IncidentSubtype,
    "origin": enums.SessionOrigin,
}


def sources() -> list[Path]:
    return sorted(PKG.rglob("*.py"))


def error_classes(trees: list[ast.Module]) -> set[str]:
    """LiveOpsError and every class that (transitively) subclasses it in the code base."""
    known = {"LiveOpsError", "ValidationError", "NotFound", "TransitionRefused"}
    changed = True
    while changed:
        changed = False
        for tree in trees:
            for node in ast.walk(tree):
                if isinstance(node, ast.ClassDef) and node.name not in known:
                    bases = {b.id if isinstance(b, ast.Name) else getattr(b, "attr", "") for b in node.bases}
                    if bases & known:
                        known.add(node.name)
                        changed = True
    return known


def _name(func: ast.expr) -> str:
    return func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")


def used_keys() -> dict[str, list[tuple[str, set[str] | None]]]:
    """key -> [(where, keyword params given or None when unknown)] for every literal key in code."""
    parsed = {p: ast.parse(p.read_text(encoding="utf-8")) for p in sources()}
    funcs = KEY_FUNCS | error_classes(list(parsed.values()))
    found: dict[str, list[tuple[str, set[str] | None]]] = {}
    for path, tree in parsed.items():
        where = str(path.relative_to(PKG.parent))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _name(node.func) in funcs and node.args:
                first = node.args[0]
                if isinstance(first, ast.Constant) and isinstance(first.value, str) and "." in first.value:
                    given = _given_params(node)
                    found.setdefault(first.value, []).append((f"{where}:{node.lineno}", given))
            elif (isinstance(node, ast.Constant) and isinstance(node.value, str)
                  and node.value.startswith(KEY_PREFIXES) and not node.value.endswith(".")
                  and " " not in node.value and "{" not in node.value):
                found.setdefault(node.value, []).append((f"{where}:{node.lineno}", None))
    return found


def _given_params(call: ast.Call) -> set[str] | None:
    if any(k.arg is None for k in call.keywords):
        return None  # **params: cannot tell statically
    if _name(call.func) == "Message" and len(call.args) > 1:
        d = call.args[1]
        if isinstance(d, ast.Dict) and all(isinstance(k, ast.Constant) for k in d.keys):
            return {k.value for k in d.keys}
        return None
    given = {k.arg for k in call.keywords} - {"lang"}
    if _name(call.func) not in ("msg", "Message", "LiveOpsError") or "field" in given:
        given |= {"field", "field_label"}  # ValidationError always passes field; msg() adds its label
    return given


def placeholders(text: str) -> set[str]:
    return {f.split(".")[0].split("[")[0] for _, f, _, _ in string.Formatter().parse(text) if f}


@pytest.fixture(scope="module")
def catalogs() -> dict[str, dict[str, str]]:
    messages.reload_catalogs()
    return {lang: messages.catalog(lang) for lang in messages.LANGUAGES}


def test_code_uses_some_keys_at_all():
    keys = used_keys()
    assert "error.storage.too_new" in keys and "cli.check.ok" in keys and "event.system.went_live" in keys


def test_every_key_used_in_code_exists_in_both_languages(catalogs):
    missing = [f"{lang}: {key} ({uses[0][0]})" for key, uses in sorted(used_keys().items())
               for lang in messages.LANGUAGES if key not in catalogs[lang]]
    assert missing == []


def test_both_catalogs_have_exactly_the_same_keys(catalogs):
    zh, en = set(catalogs["zh_CN"]), set(catalogs["en"])
    assert sorted(zh - en) == [] and sorted(en - zh) == []


def test_each_feature_po_file_exists_in_both_languages():
    names = {lang: sorted(p.name for p in messages.catalog_dir(lang).glob("*.po")) for lang in messages.LANGUAGES}
    assert names["zh_CN"] == names["en"]


def test_no_key_is_defined_by_two_feature_files():
    for lang in messages.LANGUAGES:
        owner: dict[str, str] = {}
        clashes = []
        for po in sorted(messages.catalog_dir(lang).glob("*.po")):
            for key in messages.parse_po(po.read_text(encoding="utf-8")):
                if key in owner:
                    clashes.append(f"{lang}: {key} in {owner[key]} and {po.name}")
                owner[key] = po.name
        assert clashes == []


def test_placeholders_match_between_languages(catalogs):
    diff = [f"{k}: zh {sorted(placeholders(catalogs['zh_CN'][k]))} en {sorted(placeholders(catalogs['en'][k]))}"
            for k in sorted(catalogs["en"]) if k in catalogs["zh_CN"]
            and placeholders(catalogs["zh_CN"][k]) != placeholders(catalogs["en"][k])]
    assert diff == []


def test_code_passes_every_placeholder_its_message_needs(catalogs):
    gaps = []
    for key, uses in used_keys().items():
        need = placeholders(catalogs["en"].get(key, ""))
        for where, given in uses:
            if given is not None and need - given:
                gaps.append(f"{where} {key}: missing {sorted(need - given)}")
    assert gaps == []


def test_no_message_is_empty_or_untranslated(catalogs):
    empty = [f"{lang}: {k}" for lang, cat in catalogs.items() for k, v in cat.items() if not v.strip()]
    assert empty == []
    # Chinese text must actually be Chinese for sentences (labels like "GMV" or "GPM" may stay).
    same = [k for k, v in catalogs["zh_CN"].items() if k.startswith("error.") and v == catalogs["en"].get(k)]
    assert same == []


@pytest.mark.parametrize("prefix", sorted(ENUM_LABELS))
def test_every_enum_value_has_a_label(catalogs, prefix):
    for lang in messages.LANGUAGES:
        missing = [v.value for v in ENUM_LABELS[prefix] if f"{prefix}.{v.value}" not in catalogs[lang]]
        assert missing == [], lang


def test_every_metric_key_has_a_name(catalogs):
    for lang in messages.LANGUAGES:
        assert sorted(k for k in ALL_KEYS if f"metric.{k}" not in catalogs[lang]) == [], lang


def test_every_literal_field_name_has_a_label(catalogs):
    fields = set()
    for path in sources():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                for kw in node.keywords:
                    if kw.arg == "field" and isinstance(kw.value, ast.Constant) and isinstance(kw.value.value, str):
                        fields.add(kw.value.value)
    unlabelled = sorted(f for f in fields for lang in messages.LANGUAGES
                        if f"field.{f}" not in catalogs[lang] and f"metric.{f}" not in catalogs[lang])
    assert unlabelled == []


def test_compiled_mo_files_equal_their_po_sources(tmp_path):
    written = messages.compile_catalogs()  # what `make translations` runs
    assert written
    for mo in written:
        po = mo.with_suffix(".po")
        with mo.open("rb") as fh:
            loaded = dict(gettext.GNUTranslations(fh)._catalog)
        loaded.pop("", None)
        assert loaded == messages.parse_po(po.read_text(encoding="utf-8")), mo.name


def test_messages_read_from_mo_and_from_po_are_the_same(monkeypatch):
    messages.compile_catalogs()
    messages.reload_catalogs()
    from_mo = {lang: dict(messages.catalog(lang)) for lang in messages.LANGUAGES}
    # Pretend no .mo exists, as in a fresh source checkout: the .po files are read directly.
    monkeypatch.setattr(Path, "exists", lambda self: self.suffix != ".mo" and os.path.exists(self))
    messages.reload_catalogs()
    from_po = {lang: dict(messages.catalog(lang)) for lang in messages.LANGUAGES}
    monkeypatch.undo()
    messages.reload_catalogs()
    assert from_mo == from_po
    assert messages.msg("error.storage.read_only", lang="zh_CN", path="x").startswith("工作区 x")


def test_field_label_renders_in_each_language():
    from desktop_app.domain.errors import ValidationError

    e = ValidationError("error.field.required", field="title")
    assert messages.field_label("title", "zh_CN") in e.text("zh_CN")
    assert messages.field_label("title", "en") in e.text("en")
    assert e.text("zh_CN") != e.text("en")


def test_language_names_from_the_environment_are_normalised(monkeypatch):
    assert messages.normalize_language("zh_CN.UTF-8") == "zh_CN"
    assert messages.normalize_language("en-US") == "en"
    assert messages.normalize_language("fr_FR") is None
    for var in ("LIVEOPS_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    assert messages.language_from_environment() == "en"
    monkeypatch.setenv("LIVEOPS_LANG", "zh")
    assert messages.language_from_environment() == "zh_CN"


def test_a_stale_or_damaged_mo_falls_back_to_its_po(tmp_path, monkeypatch):
    """A .mo left over from an older build (no charset header, non-ASCII text) or cut short must not crash
    every message: the .po beside it is read instead."""
    for lang in messages.LANGUAGES:
        (tmp_path / lang).mkdir()
        for po in messages.catalog_dir(lang).glob("*.po"):
            (tmp_path / lang / po.name).write_bytes(po.read_bytes())
    zh = tmp_path / "zh_CN"
    # A catalog without a charset header holding UTF-8 text: what gettext cannot decode.
    header = b'msgid ""\nmsgstr ""\n"X-Note: none\\n"\n\n'
    bad_po = header + b'msgid "x"\nmsgstr "\xe5\xb7\xa5"\n'
    (zh / "stale.po").write_bytes(bad_po)
    messages.write_mo({"": "X-Note: none\n", "x": "工"}, zh / "stale.mo")
    (zh / "core.mo").write_bytes(b"\x95\x04\x12\xde\x00")  # cut short
    monkeypatch.setattr(messages, "catalog_dir", lambda lang: tmp_path / lang)
    messages.reload_catalogs()
    try:
        assert messages.msg("error.storage.read_only", lang="zh_CN", path="x").startswith("工作区 x")
        assert messages.msg("x", lang="zh_CN") == "工"
    finally:
        monkeypatch.undo()
        messages.reload_catalogs()
