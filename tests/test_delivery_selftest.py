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
