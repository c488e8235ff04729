"""Cold start to a shown main window on the demo workspace vs a bare Qt + pyqtgraph window.

Each start is a fresh interpreter (what a user double-clicking gets, with a warm OS file
cache). Prints:
- startup_source: `python -m desktop_app --workspace DEMO --quit-after-show`, floor = a bare
  QApplication + QMainWindow + `import pyqtgraph` shown and quit (target ratio ≤ 1.3);
- startup_built_app: the same for dist/liveops-desk/liveops-desk when it has been built.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._util import emit  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
RUNS = int(os.environ.get("BENCH_STARTUP_RUNS", "5"))
ACTOR = "李运营"  # the demo's default specialist: no person picker at start

BARE = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
import pyqtgraph
app = QApplication(sys.argv)
w = QMainWindow()
w.setWindowTitle("bare")
w.resize(1200, 800)
w.show()
QTimer.singleShot(0, app.quit)
app.exec()
"""


def _time(cmd: list[str], env: dict) -> float:
    times = []
    subprocess.run(cmd, env=env, cwd=ROOT, check=True, capture_output=True, timeout=120)  # warm the file cache
    for _ in range(RUNS):
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, env=env, cwd=ROOT, capture_output=True, timeout=120)
        times.append(time.perf_counter() - t0)
        if proc.returncode != 0:
            raise SystemExit(f"{cmd[0]} failed ({proc.returncode}): {proc.stderr.decode(errors='replace')[-2000:]}")
    return statistics.median(times)


def _demo(folder: Path, env: dict) -> Path:
    path = folder / "demo.liveops"
    subprocess.run([sys.executable, "-c", "import sys; from desktop_app.cli import main; sys.exit(main())",
                    "demo", str(path)], env=env, cwd=ROOT, check=True,
                   capture_output=True, timeout=600)
    return path


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="bench-startup-") as tmp:
        folder = Path(tmp)
        env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
               "LIVEOPS_DATA_DIR": str(folder / "data"), "XDG_CONFIG_HOME": str(folder / "config"),
               "PYTHONPATH": str(ROOT), "LIVEOPS_LANG": "zh_CN"}
        demo = _demo(folder, env)
        args = ["--workspace", str(demo), "--as", ACTOR, "--quit-after-show"]
        floor = _time([sys.executable, "-c", BARE], env)
        source = _time([sys.executable, "-m", "desktop_app", *args], env)
        emit("startup_source", source, floor, "s", runs=RUNS, target_ratio=1.3)
        exe = ROOT / "dist" / "liveops-desk" / ("liveops-desk.exe" if os.name == "nt" else "liveops-desk")
        if exe.exists():
            built = _time([str(exe), *args], env)
            emit("startup_built_app", built, floor, "s", runs=RUNS,
                 dist_mb=round(sum(f.stat().st_size for f in exe.parent.rglob("*") if f.is_file() and not f.is_symlink()) / 2**20, 1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
