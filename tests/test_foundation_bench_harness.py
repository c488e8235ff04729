"""`python -m benchmarks` runs every bench_*.py and passes their JSON result lines through."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

import benchmarks.__main__ as harness


def _script(tmp_path: Path, name: str, body: str) -> Path:
    p = tmp_path / f"{name}.py"
    p.write_text(body, encoding="utf-8")
    return p


def test_result_lines_are_recognised_and_noise_is_not():
    good = '{"name": "x", "value": 1.0, "floor": 0.5, "ratio": 2.0, "unit": "s"}'
    assert harness.parse_result(good)["ratio"] == 2.0
    assert harness.parse_result('{"name": "x", "value": 1}') is None  # missing keys
    assert harness.parse_result("progress 50%") is None
    assert harness.parse_result("[1, 2]") is None


def test_every_bench_file_is_discovered():
    names = [p.name for p in harness.discover()]
    assert names == sorted(names)
    assert all(n.startswith("bench_") and n.endswith(".py") for n in names)
    assert "bench_foundation.py" in names


def test_a_benchmark_result_is_printed_and_noise_goes_to_stderr(tmp_path, capsys):
    line = {"name": "demo", "value": 2.0, "floor": 1.0, "ratio": 2.0, "unit": "s"}
    path = _script(tmp_path, "bench_ok", f"import json\nprint('warming up')\nprint(json.dumps({line!r}))\n")
    results, ok = harness.run_one(path)
    out, err = capsys.readouterr()
    assert ok and results == [line]
    assert [json.loads(x) for x in out.splitlines()] == [line]
    assert "[bench_ok] warming up" in err


@pytest.mark.parametrize("body", ["raise SystemExit(3)\n", "print('no json here')\n"])
def test_a_crashing_or_silent_benchmark_is_reported_as_failed(tmp_path, capsys, body):
    results, ok = harness.run_one(_script(tmp_path, "bench_bad", body))
    assert not ok
    assert "FAILED" in capsys.readouterr().err


def test_main_fails_when_a_pattern_matches_nothing(capsys):
    assert harness.main(["-k", "no-such-benchmark-" + str(sys.maxsize)]) == 1
