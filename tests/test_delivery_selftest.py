"""`liveops-desk --self-test` from a source checkout (the built app runs the same in `make check-build`)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_self_test_passes_offscreen(tmp_path):
    env = {**os.environ, "LIVEOPS_DATA_DIR": str(tmp_path / "data"), "LIVEOPS_LANG": "zh_CN"}
    env.pop("QT_QPA_PLATFORM", None)  # the self-test must choose offscreen by itself
    env.pop("DISPLAY", None)
    proc = subprocess.run([sys.executable, "-m", "desktop_app", "--self-test"], cwd=ROOT, env=env,
                          capture_output=True, text=True, encoding="utf-8", timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    steps = [line.split()[1] for line in proc.stdout.splitlines() if line.startswith("ok ")]
    assert steps[:4] == ["resources", "catalog", "workspace", "backup"]
    assert "自检通过。" in proc.stdout


def test_self_test_reports_the_failing_step(tmp_path):
    env = {**os.environ, "LIVEOPS_DATA_DIR": str(tmp_path / "data"), "LIVEOPS_LANG": "en"}
    code = ("import sys; from desktop_app import selftest\n"
            "def broken(state): raise RuntimeError('no migrations found')\n"
            "selftest.STEPS[:] = [('resources', broken)]\n"
            "sys.exit(selftest.run())")
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                          encoding="utf-8", timeout=120)
    assert proc.returncode == 1
    assert "Self-test failed at step: resources" in proc.stderr and "no migrations found" in proc.stderr


def test_windowed_exe_without_console_writes_the_result_to_a_report_file(tmp_path):
    """A console=False Windows build has sys.stdout/sys.stderr = None: the result must still be
    readable (report file in the user data folder) and the exit code must say it."""
    env = {**os.environ, "LIVEOPS_DATA_DIR": str(tmp_path / "data"), "LIVEOPS_LANG": "en"}
    code = ("import sys; from desktop_app import selftest\n"
            "selftest.STEPS[:] = [('resources', selftest.step_resources), ('catalog', selftest.step_catalog)]\n"
            "sys.stdout = sys.stderr = None\n"
            "raise SystemExit(selftest.run())")
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                          encoding="utf-8", timeout=120)
    assert proc.returncode == 0 and proc.stdout == ""
    lines = (tmp_path / "data" / "selftest-report.txt").read_text(encoding="utf-8").splitlines()
    assert [ln.split()[1] for ln in lines if ln.startswith("ok ")] == ["resources", "catalog"]
    assert lines[-1] == "PASSED"


def test_report_option_records_a_failure_with_its_traceback(tmp_path):
    report = tmp_path / "out" / "自检 报告.txt"
    env = {**os.environ, "LIVEOPS_DATA_DIR": str(tmp_path / "data"), "LIVEOPS_LANG": "en"}
    code = ("import sys; from pathlib import Path; from desktop_app import selftest\n"
            "def broken(state): raise RuntimeError('no migrations found')\n"
            "selftest.STEPS[:] = [('resources', broken)]\n"
            "sys.exit(selftest.run(report=Path(sys.argv[1])))")
    proc = subprocess.run([sys.executable, "-c", code, str(report)], cwd=ROOT, env=env, capture_output=True,
                          text=True, encoding="utf-8", timeout=120)
    assert proc.returncode == 1
    text = report.read_text(encoding="utf-8")
    assert "Self-test failed at step: resources" in text and "RuntimeError: no migrations found" in text
    assert text.splitlines()[-1] == "FAILED"


def test_report_argument_is_accepted_by_the_entry_point():
    from desktop_app.__main__ import parse_args

    args = parse_args(["--self-test", "--report", "C:/x/report.txt"])
    assert args.self_test and args.report == Path("C:/x/report.txt")
