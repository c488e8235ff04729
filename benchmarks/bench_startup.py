"""Cold start to a shown main window on the demo workspace vs a bare Qt + pyqtgraph window.

Each start is a fresh interpreter (what a user double-clicking gets, with a warm OS file
cache). Prints:
- startup_source: `python -m desktop_app --workspace DEMO --quit-after-show`, floor = a bare
  QApplication + QMainWindow + `import pyqtgraph` shown and quit (target ratio ≤ 1.3);
- startup_built_app: the same for dist/liveops-desk/liveops-desk when it has been built.
"""

from __future__ import annotations

import os
import shutil
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


def _once(cmd: list[str], env: dict) -> float:
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, env=env, cwd=ROOT, capture_output=True, timeout=120)
    elapsed = time.perf_counter() - t0
    if proc.returncode != 0:
        raise SystemExit(f"{cmd[0]} failed ({proc.returncode}): {proc.stderr.decode(errors='replace')[-2000:]}")
    return elapsed


def _compare(cmd: list[str], floor_cmd: list[str], env: dict) -> tuple[list[float], list[float]]:
    """Runs alternate with the floor's so load from other processes on a shared machine hits both alike."""
    for c in (cmd, floor_cmd):  # warm the file and bytecode caches
        _once(c, env)
    times, floors = [], []
    for _ in range(RUNS):
        floors.append(_once(floor_cmd, env))
        times.append(_once(cmd, env))
    return times, floors


def _emit(name: str, times: list[float], floors: list[float], **extra) -> None:
    ratios = sorted(t / f for t, f in zip(times, floors, strict=True))
    emit(name, statistics.median(times), statistics.median(floors), "s", runs=RUNS, target_ratio=1.3,
         value_range=[round(min(times), 3), round(max(times), 3)],
         floor_range=[round(min(floors), 3), round(max(floors), 3)],
         pair_ratio_median=round(statistics.median(ratios), 3),
         pair_ratio_range=[round(ratios[0], 3), round(ratios[-1], 3)], **extra)


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
               "PYTHONPATH": str(ROOT), "LIVEOPS_LANG": "zh_CN",
               # An installed app starts from cached bytecode (pip and PyInstaller compile it);
               # without this every run would compile the app's ~200 modules, the floor's none.
               "PYTHONPYCACHEPREFIX": str(folder / "pycache")}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        given = os.environ.get("BENCH_STARTUP_DEMO")  # reuse a demo workspace (copied, never modified)
        if given:
            demo = folder / "demo.liveops"
            shutil.copyfile(given, demo)
        else:
            demo = _demo(folder, env)
        args = ["--workspace", str(demo), "--as", ACTOR, "--quit-after-show"]
        bare = [sys.executable, "-c", BARE]
        _emit("startup_source", *_compare([sys.executable, "-m", "desktop_app", *args], bare, env))
        exe = ROOT / "dist" / "liveops-desk" / ("liveops-desk.exe" if os.name == "nt" else "liveops-desk")
        if exe.exists():
            size = sum(f.stat().st_size for f in exe.parent.rglob("*") if f.is_file() and not f.is_symlink())
            _emit("startup_built_app", *_compare([str(exe), *args], bare, env), dist_mb=round(size / 2**20, 1))
            # The same two starts against each other: the built app vs `python -m desktop_app`.
            built, source = _compare([str(exe), *args], [sys.executable, "-m", "desktop_app", *args], env)
            emit("startup_built_vs_source", statistics.median(built), statistics.median(source), "s", runs=RUNS)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
