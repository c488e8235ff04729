"""Guard for the Qt trap of issue 3 item 1.

PySide6(-Essentials) 6.12.0 on CPython 3.11 drops a reference to None on every Qt call that
returns nothing; after enough pyqtgraph updates None's count reaches zero and the
interpreter aborts with "Fatal Python error: none_dealloc". pyproject.toml pins PySide6
below 6.12 on Python < 3.12; this test fails if a build with the bug is ever installed.
"""

from __future__ import annotations

import gc
import sys
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.version import Version
from PySide6.QtCore import QObject

CALLS = 1000
ROOT = Path(__file__).resolve().parent.parent


def _none_refs_after(calls: int) -> int:
    obj = QObject()
    # No collection mid-loop: freeing unrelated garbage would also change None's count.
    gc.collect()
    gc.disable()
    try:
        before = sys.getrefcount(None)
        for i in range(calls):
            obj.setObjectName("x" if i % 2 else "y")  # returns None (void in C++)
        after = sys.getrefcount(None)
    finally:
        gc.enable()
    return after - before


def test_void_qt_calls_do_not_leak_references_to_none(qapp):
    # Immortal None (3.12+) reports a huge constant count; on 3.11 the count is exact.
    # Warm-up first so interned strings and caches settle; then no slack at all: the bug
    # loses one reference per call, i.e. -1000 here, while a clean build gives 0.
    _none_refs_after(10)
    assert _none_refs_after(CALLS) == 0


def test_pyproject_pins_pyside6_below_6_12_on_python_below_3_12():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    pyside = [Requirement(r) for r in project["dependencies"] if r.lower().startswith("pyside6")]
    assert pyside, "PySide6 must be a dependency"
    for py in ("3.11", "3.11.9"):
        env = {"python_version": py, "python_full_version": py if py.count(".") == 2 else py + ".0"}
        active = [r for r in pyside if r.marker is None or r.marker.evaluate(env)]
        assert active, f"no PySide6 requirement applies on Python {py}"
        for r in active:
            assert not r.specifier.contains(Version("6.12.0")), f"{r} allows 6.12.0 on Python {py}"
            assert r.specifier.contains(Version("6.11.3")), f"{r} refuses the known-good 6.11.3"


def test_the_installed_pyside6_is_not_the_broken_combination():
    import PySide6

    if sys.version_info < (3, 12):
        assert Version(PySide6.__version__) < Version("6.12")
