"""`liveops-desk --self-test`: prove a build (or a checkout) works end to end, without a display.

Creates a temporary workspace, runs the migrations, builds a demo session, checks integrity,
takes a backup and restores it into a new file, exports to .xlsx and reads it back (when the
export feature is present), then starts Qt offscreen: translations, an SVG icon, a pyqtgraph
plot and, when the shell is present, the main window on the demo workspace. Exit 0 when all
steps pass; otherwise the failing step and its traceback go to stderr and the exit code is 1.

The windowed Windows build has no console (sys.stdout is None), so the same lines also go to a
report file: ``--report FILE``, or selftest-report.txt in the user data folder when there is no
stdout. Its last line is "PASSED" or "FAILED"; the exit code says the same
(``start /wait liveops-desk.exe --self-test`` then ``echo %ERRORLEVEL%``).
"""

from __future__ import annotations

import importlib
import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path

Step = Callable[[dict], str]


def run(argv: list[str] | None = None, *, report: Path | None = None) -> int:
    from desktop_app.paths import user_data_dir

    if report is None and sys.stdout is None:  # windowed exe: nowhere else to say the result
        report = user_data_dir() / "selftest-report.txt"
    os.environ["QT_QPA_PLATFORM"] = "offscreen"  # the self-test never needs a display
    os.environ.setdefault("LIVEOPS_DATA_DIR", tempfile.mkdtemp(prefix="liveops-selftest-data-"))
    from desktop_app.messages import language_from_environment, set_language

    set_language(language_from_environment())
    lines: list[str] = []
    code = _run_steps(lines)
    lines.append("PASSED" if code == 0 else "FAILED")
    if report is not None:
        _write_report(Path(report), lines)
    return code


def _run_steps(lines: list[str]) -> int:
    from desktop_app.messages import msg

    with tempfile.TemporaryDirectory(prefix="liveops-selftest-") as tmp:
        state: dict = {"dir": Path(tmp)}
        for name, step in STEPS:
            started = time.perf_counter()
            try:
                detail = step(state)
            except Exception:  # noqa: BLE001 - report any failure of any step, then stop
                _out(msg("selftest.step_failed", step=name), sys.stderr, lines)
                _out(traceback.format_exc().rstrip(), sys.stderr, lines)
                _close(state)
                return 1
            _out(f"ok  {name:<14} {(time.perf_counter() - started) * 1000:7.0f} ms  {detail}", sys.stdout, lines)
        _close(state)
    _out(msg("selftest.passed"), sys.stdout, lines)
    return 0


def _write_report(path: Path, lines: list[str]) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    except OSError as exc:
        _out(f"cannot write {path}: {exc}", sys.stderr, [])


def _out(text: str, stream, lines: list[str]) -> None:
    lines.append(text)
    if stream is None:  # a windowed exe on Windows has no console streams
        return
    try:
        stream.write(text + "\n")
        stream.flush()
    except (OSError, ValueError, UnicodeEncodeError):
        pass


def _close(state: dict) -> None:
    window = state.pop("window", None)
    if window is not None:
        window.close()
        window.deleteLater()
    ctx = state.pop("ctx", None)
    if ctx is not None:
        ctx.ws.close()


def step_resources(state: dict) -> str:
    from desktop_app.paths import migrations_dir, project_root, resource_path, seeds_dir
    from desktop_app.storage.workspace import available_migrations

    migrations = available_migrations()
    assert migrations, f"no migrations in {migrations_dir()}"
    assert list(seeds_dir().glob("*.json")), f"no seeds in {seeds_dir()}"
    assert list(resource_path("i18n", "messages", "zh_CN").glob("*.po")), "no message catalogs"
    return f"root={project_root()} migrations={len(migrations)}"


def step_catalog(state: dict) -> str:
    from desktop_app.messages import LANGUAGES, catalog

    sizes = {lang: len(catalog(lang)) for lang in LANGUAGES}
    assert all(sizes.values()) and len(set(sizes.values())) == 1, sizes
    return f"{sizes}"


def step_demo(state: dict) -> str:
    from desktop_app.domain.clock import SystemClock
    from desktop_app.services.demo import build_demo_workspace
    from desktop_app.storage.workspace import latest_version

    path = state["dir"] / "selftest.liveops"
    ctx = build_demo_workspace(path, clock=SystemClock(), days=1)
    state["ctx"], state["path"] = ctx, path
    sessions = ctx.ws.query_one("SELECT count(*) FROM sessions")[0]
    samples = ctx.ws.query_one("SELECT count(*) FROM metric_samples")[0]
    assert ctx.ws.schema_version() == latest_version()
    assert sessions > 0 and samples > 0, (sessions, samples)
    problems = ctx.ws.quick_check()
    assert not problems, problems
    return f"sessions={sessions} samples={samples} schema={ctx.ws.schema_version()}"


def step_backup(state: dict) -> str:
    from desktop_app.services import backup

    ctx = state["ctx"]
    info = backup.backup_now(ctx, "manual")
    restored = backup.restore(info.path, state["dir"] / "restored.liveops", open_workspace=ctx.ws.path)
    copy = backup.read_backup(restored)
    assert copy.sessions == info.sessions, (copy.sessions, info.sessions)
    return f"sessions={info.sessions} size={info.size_bytes}"


def step_export(state: dict) -> str:
    try:
        export = importlib.import_module("desktop_app.services.export")
    except ModuleNotFoundError:
        return "skipped (no export feature in this build)"
    import openpyxl

    ctx = state["ctx"]
    session_id = ctx.ws.query_one("SELECT id FROM sessions WHERE status = 'closed' ORDER BY on_air_utc DESC")[0]
    out = state["dir"] / "selftest.xlsx"
    _export_session(export, ctx, session_id, out)
    wb = openpyxl.load_workbook(out, read_only=True)
    try:
        sheets = wb.sheetnames
        rows = {ws.title: sum(1 for _ in ws.iter_rows(values_only=True)) for ws in wb.worksheets}
    finally:
        wb.close()
    # A report with a summary and a per-minute timeline of a 3-hour demo session has many rows.
    assert len(sheets) >= 2 and max(rows.values()) > 10, rows
    return f"sheets={len(sheets)} rows={sum(rows.values())}"


def _export_session(export, ctx, session_id: str, out: Path) -> None:
    """The export feature's one-session report (internal variant: no sign-off needed)."""
    session_mod = importlib.import_module("desktop_app.services.export.session")
    options = export.ExportOptions(variant="internal")
    session_mod.export_session(ctx, session_id, out, options)


def step_qt(state: dict) -> str:
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(["liveops-desk", "-platform", "offscreen"])
    state["app"] = app
    import pyqtgraph as pg

    from desktop_app.paths import resource_path

    plot = pg.PlotWidget()
    plot.plot([0, 1, 2, 3], [1, 3, 2, 4])
    plot.resize(320, 200)
    image = plot.grab().toImage()
    plot.deleteLater()
    assert not image.isNull()
    icons = sorted(resource_path("icons").glob("*.svg"))
    if icons:
        pixmap = QIcon(str(icons[0])).pixmap(QSize(64, 64))
        assert not pixmap.isNull(), f"SVG icon {icons[0].name} did not render (QtSvg plugin missing?)"
    return f"platform={app.platformName()} pyqtgraph={pg.__version__} icons={len(icons)}"


def step_translations(state: dict) -> str:
    from PySide6.QtCore import QCoreApplication, QTranslator

    from desktop_app.paths import resource_path

    loaded = 0
    for qm in sorted(resource_path("i18n", "qt").glob("*.qm")):
        t = QTranslator()
        assert t.load(str(qm)), f"cannot load {qm.name}"
        loaded += 1
    try:
        i18n = importlib.import_module("desktop_app.ui.i18n")
    except ModuleNotFoundError:
        return f"qm={loaded}"
    i18n.apply_language("zh_CN")
    text = QCoreApplication.translate("DeliveryActions", "Back up now")
    assert text == "立即备份", f"Chinese UI translation not loaded: {text!r}"
    from desktop_app.messages import language_from_environment

    i18n.apply_language(language_from_environment())  # back to the user's language for the rest
    return f"qm={loaded} zh_CN ok"


def step_window(state: dict) -> str:
    try:
        mw = importlib.import_module("desktop_app.ui.main_window")
        state_mod = importlib.import_module("desktop_app.ui.state")
    except ModuleNotFoundError:
        return "skipped (no shell in this build)"
    from PySide6.QtWidgets import QApplication

    app_state = state_mod.AppState(state["ctx"])
    window = mw.MainWindow(app_state)
    state["window"] = window
    window.show()
    QApplication.processEvents()
    assert window.isVisible()
    return f"title={window.windowTitle()!r}"


STEPS: list[tuple[str, Step]] = [
    ("resources", step_resources),
    ("catalog", step_catalog),
    ("workspace", step_demo),
    ("backup", step_backup),
    ("export", step_export),
    ("qt", step_qt),
    ("translations", step_translations),
    ("main window", step_window),
]


if __name__ == "__main__":
    raise SystemExit(run(sys.argv[1:]))
