"""`make translations`: compile the Qt-free catalog (.po → .mo) and the Qt .ts files (→ .qm)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from desktop_app.messages import compile_catalogs
from desktop_app.paths import resource_path


def lrelease_command() -> list[str] | None:
    exe = shutil.which("pyside6-lrelease") or str(Path(sys.executable).with_name("pyside6-lrelease"))
    return [exe] if Path(exe).exists() else None


def compile_qt() -> list[Path]:
    cmd = lrelease_command()
    written = []
    for ts in sorted(resource_path("i18n").rglob("*.ts")):
        qm = ts.with_suffix(".qm")
        if cmd is None:
            raise SystemExit("pyside6-lrelease not found; install PySide6")
        subprocess.run([*cmd, "-silent", str(ts), "-qm", str(qm)], check=True)
        written.append(qm)
    return written


def main() -> int:
    mo = compile_catalogs()
    qm = compile_qt()
    print(f"compiled {len(mo)} message catalogs and {len(qm)} Qt translations")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
