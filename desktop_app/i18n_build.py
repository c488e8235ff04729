"""Translations: `python -m desktop_app.i18n_build [compile|update|check]`.

- compile (default, `make translations`): the Qt-free catalog (.po → .mo) and every
  resources/i18n/qt/*.ts → .qm with pyside6-lrelease.
- update: pyside6-lupdate per UI feature into resources/i18n/qt/<feature>_{zh_CN,en}.ts (feature
  ``shell`` = desktop_app/ui/*.py, else each ui sub-package), keeping existing translations; the
  English file is filled from the sources (they are English) and the unfinished Chinese entries
  are listed for a translator.
- check: exit 1 when any tr() source string is missing from a feature's .ts files or any entry
  is unfinished or empty in either language (tests/test_delivery_translations.py runs it).
"""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from desktop_app.messages import compile_catalogs
from desktop_app.paths import project_root, resource_path

QT_LANGUAGES = ("zh_CN", "en")
SHELL = "shell"
# Qt code outside ui/ that belongs to the shell's catalog (start-up, crash dialog).
SHELL_EXTRA = ("app.py", "crash.py", "__main__.py")


def _tool(name: str) -> list[str] | None:
    exe = shutil.which(name) or str(Path(sys.executable).with_name(name))
    return [exe] if Path(exe).exists() else None


def lrelease_command() -> list[str] | None:
    return _tool("pyside6-lrelease")


def lupdate_command() -> list[str] | None:
    return _tool("pyside6-lupdate")


def qt_dir() -> Path:
    return resource_path("i18n", "qt")


def ui_dir() -> Path:
    return project_root() / "desktop_app" / "ui"


def features(root: Path | None = None) -> dict[str, list[Path]]:
    """Feature name → its Python sources (``shell``: the top-level ui modules)."""
    root = root or ui_dir()
    out: dict[str, list[Path]] = {}
    shell = sorted(p for p in root.glob("*.py"))
    shell += [root.parent / name for name in SHELL_EXTRA if (root.parent / name).exists()]
    if shell:
        out[SHELL] = shell
    for pkg in sorted(p for p in root.iterdir() if (p / "__init__.py").exists()):
        out[pkg.name] = sorted(pkg.rglob("*.py"))
    return out


def ts_path(feature: str, lang: str, folder: Path | None = None) -> Path:
    return (folder or qt_dir()) / f"{feature}_{lang}.ts"


# -- compile ---------------------------------------------------------------------------------
def compile_qt() -> list[Path]:
    cmd = lrelease_command()
    written = []
    for ts in sorted(qt_dir().glob("*.ts")):
        if cmd is None:
            raise SystemExit("pyside6-lrelease not found; install PySide6")
        qm = ts.with_suffix(".qm")
        subprocess.run([*cmd, "-silent", str(ts), "-qm", str(qm)], check=True)
        written.append(qm)
    return written


# -- update ----------------------------------------------------------------------------------
def run_lupdate(sources: list[Path], ts: Path, lang: str) -> None:
    """pyside6-lupdate over ``sources`` plus every text our own scan finds (``ui_texts``): lupdate
    cannot see a helper's argument (``_tr("Export")``) nor a ``self.tr()`` inside an f-string, and
    ``-no-obsolete`` would drop those from the .ts file together with their translation."""
    cmd = lupdate_command()
    if cmd is None:
        raise SystemExit("pyside6-lupdate not found; install PySide6")
    ts.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        marks = Path(tmp) / "helper_texts.py"
        marks.write_text("".join(f"QT_TRANSLATE_NOOP({c!r}, {t!r})\n" for c, t in ui_texts(sources)),
                         encoding="utf-8")
        subprocess.run([*cmd, *map(str, sources), str(marks), "-ts", str(ts), "-source-language", "en",
                        "-target-language", lang, "-no-obsolete", "-locations", "none", "-silent"],
                       check=True, capture_output=True)


# -- texts lupdate cannot see ----------------------------------------------------------------
def _literal(node: ast.AST | None) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _call_name(call: ast.Call) -> str | None:
    f = call.func
    return f.attr if isinstance(f, ast.Attribute) else f.id if isinstance(f, ast.Name) else None


def _helpers(trees: list[ast.Module]) -> dict[str, str]:
    """Translation helpers: a function (or static method) that passes one of its own parameters to
    ``QCoreApplication.translate("Context", param)``. Name → context."""
    out: dict[str, str] = {}
    for tree in trees:
        for fn in ast.walk(tree):
            if not isinstance(fn, ast.FunctionDef):
                continue
            params = {a.arg for a in fn.args.args}
            for call in ast.walk(fn):
                if (isinstance(call, ast.Call) and _call_name(call) == "translate" and len(call.args) >= 2
                        and _literal(call.args[0]) is not None and isinstance(call.args[1], ast.Name)
                        and call.args[1].id in params):
                    out[fn.name] = _literal(call.args[0]) or ""
    return out


def helper_texts(sources: list[Path]) -> list[tuple[str, str]]:
    """(context, text) of every literal passed to a translation helper (``_tr("Export…")``)."""
    trees = [ast.parse(p.read_text(encoding="utf-8")) for p in sources if p.suffix == ".py"]
    helpers = _helpers(trees)
    found: dict[tuple[str, str], None] = {}
    for tree in trees:
        for call in ast.walk(tree):
            if not isinstance(call, ast.Call) or not call.args:
                continue
            name = _call_name(call)
            owner = call.func.value if isinstance(call.func, ast.Attribute) else None
            if name not in helpers or isinstance(owner, ast.Attribute) or (
                    isinstance(owner, ast.Name) and owner.id == "self"):
                continue  # self.tr / self.x.tr: a widget's own tr, lupdate's business
            text = _literal(call.args[0])
            if text is not None:
                found[(helpers[name], text)] = None
    return list(found)


def ui_texts(sources: list[Path]) -> list[tuple[str, str]]:
    """(context, text) of every literal the UI translates at run time: ``self.tr("…")`` (context =
    the enclosing class), ``translate("Ctx", "…")``, ``QT_TRANSLATE_NOOP``, ``QT_TR_NOOP`` and helpers."""
    found: dict[tuple[str, str], None] = {}
    for path in sources:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for cls in [n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)]:
            for call in ast.walk(cls):
                if isinstance(call, ast.Call) and _call_name(call) in ("tr", "QT_TR_NOOP") and call.args:
                    owner = call.func.value if isinstance(call.func, ast.Attribute) else None
                    text = _literal(call.args[0])
                    if text is not None and (owner is None or (isinstance(owner, ast.Name) and owner.id == "self")):
                        found.setdefault((cls.name, text), None)
        for call in ast.walk(tree):
            if (isinstance(call, ast.Call) and _call_name(call) in ("translate", "QT_TRANSLATE_NOOP")
                    and len(call.args) >= 2):
                ctx, text = _literal(call.args[0]), _literal(call.args[1])
                if ctx is not None and text is not None:
                    found[(ctx, text)] = None
    for key in helper_texts(sources):
        found[key] = None
    return list(found)


def fill_english(ts: Path) -> int:
    """Mark every English entry finished with its source text; returns how many were filled."""
    tree = ET.parse(ts)
    filled = 0
    for message in tree.getroot().iter("message"):
        tr = message.find("translation")
        if tr is None or tr.get("type") != "unfinished":
            continue  # finished already, or obsolete
        source = message.findtext("source") or ""
        forms = tr.findall("numerusform")
        for form in forms:
            if not (form.text or "").strip():
                form.text = source
        if not forms and not (tr.text or "").strip():
            tr.text = source
        del tr.attrib["type"]
        filled += 1
    _write_ts(tree, ts)
    return filled


def _write_ts(tree: ET.ElementTree, ts: Path) -> None:
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")


def update(ui_root: Path | None = None, qt_root: Path | None = None) -> int:
    unfinished_total = 0
    for feature, sources in features(ui_root).items():
        for lang in QT_LANGUAGES:
            ts = ts_path(feature, lang, qt_root)
            run_lupdate(sources, ts, lang)
            if lang == "en":
                fill_english(ts)
        for entry in entries(ts_path(feature, "zh_CN", qt_root)):
            if not entry.finished:
                unfinished_total += 1
                print(f"unfinished zh_CN  {feature}  [{entry.context}]  {entry.source}")
    print(f"{unfinished_total} unfinished zh_CN entries")
    return 0


# -- check -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Entry:
    context: str
    source: str
    finished: bool
    texts: tuple[str, ...] = ()


_PLACEHOLDER = re.compile(r"%L?\d|%n|\{\w*\}")


def placeholders(text: str) -> list[str]:
    """``%1``, ``%n`` and ``{name}`` markers: a translation must keep every one of its source's."""
    return sorted(_PLACEHOLDER.findall(text))


def entries(ts: Path) -> list[Entry]:
    if not ts.exists():
        return []
    out = []
    for ctx in ET.parse(ts).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for message in ctx.iter("message"):
            tr = message.find("translation")
            kind = tr.get("type") if tr is not None else "missing"
            if kind in ("obsolete", "vanished"):
                continue
            forms = tr.findall("numerusform") if tr is not None else []
            texts = [f.text for f in forms] if forms else [tr.text if tr is not None else None]
            finished = kind is None and all((t or "").strip() for t in texts)
            out.append(Entry(name, message.findtext("source") or "", finished, tuple(t or "" for t in texts)))
    return out


def problems(ui_root: Path | None = None, qt_root: Path | None = None) -> list[str]:
    """Everything that keeps the Qt translations from being complete in both languages."""
    found: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        for feature, sources in features(ui_root).items():
            fresh = Path(tmp) / f"{feature}.ts"
            run_lupdate(sources, fresh, "zh_CN")
            needed = {(e.context, e.source) for e in entries(fresh)}
            for lang in QT_LANGUAGES:
                ts = ts_path(feature, lang, qt_root)
                have = {(e.context, e.source): e for e in entries(ts)}
                if needed and not ts.exists():
                    found.append(f"{ts.name}: missing (run `python -m desktop_app.i18n_build update`)")
                    continue
                for key in sorted(needed - have.keys()):
                    found.append(f"{ts.name}: not in the .ts file: [{key[0]}] {key[1]!r}")
                for key in sorted(needed & have.keys()):
                    entry = have[key]
                    if not entry.finished:
                        found.append(f"{ts.name}: unfinished: [{key[0]}] {key[1]!r}")
                    elif any(placeholders(t) != placeholders(entry.source) for t in entry.texts):
                        found.append(f"{ts.name}: placeholders differ from the source: [{key[0]}] {key[1]!r}")
    return found


def check() -> int:
    found = problems()
    for p in found:
        print(p)
    print("translations complete" if not found else f"{len(found)} translation problems")
    return 1 if found else 0


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    command = args[0] if args else "compile"
    if command == "update":
        return update()
    if command == "check":
        return check()
    if command != "compile":
        print("usage: python -m desktop_app.i18n_build [compile|update|check]")
        return 2
    mo = compile_catalogs()
    qm = compile_qt()
    print(f"compiled {len(mo)} message catalogs and {len(qm)} Qt translations")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
