"""Imports point down only: domain → storage → services → (cli | ui). No Qt below ui."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PKG = Path(__file__).resolve().parent.parent / "desktop_app"
QT = ("PySide6", "pyqtgraph", "shiboken6", "PyQt5", "PyQt6")
FORBIDDEN = {
    "domain": QT + ("desktop_app.storage", "desktop_app.services", "desktop_app.ui", "desktop_app.cli",
                    "sqlite3", "sqlite_utils", "openpyxl"),
    "storage": QT + ("desktop_app.services", "desktop_app.ui", "desktop_app.cli"),
    "services": QT + ("desktop_app.ui", "desktop_app.cli"),
    "cli": QT + ("desktop_app.ui",),
}


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def files_of(layer: str) -> list[Path]:
    return sorted((PKG / layer).rglob("*.py"))


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layer_imports_point_down_only(layer):
    offenders = []
    for path in files_of(layer):
        for name in imported_modules(path):
            if any(name == f or name.startswith(f + ".") for f in FORBIDDEN[layer]):
                offenders.append(f"{path.relative_to(PKG)} imports {name}")
    assert offenders == []


def test_top_level_qt_free_modules_do_not_import_qt():
    for name in ("messages.py", "paths.py", "i18n_build.py"):
        mods = imported_modules(PKG / name)
        assert not [m for m in mods if m.startswith(QT)], name


def test_cli_runs_without_qt_loaded():
    import subprocess
    import sys

    code = ("import sys; from desktop_app.cli import build_parser; build_parser();"
            "import desktop_app.services.demo, desktop_app.services.lifecycle;"
            "bad=[m for m in sys.modules if m.startswith(('PySide6','pyqtgraph'))]; print(bad); sys.exit(bool(bad))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
