"""`python -m benchmarks` (`make bench`): run every benchmarks/bench_*.py, print all their lines.

Each benchmark runs in its own interpreter (a clean heap and import state, and one
benchmark's crash never hides the others). Lines that are JSON results go to stdout as
they are; anything else a benchmark prints goes to stderr prefixed with its name. The
exit code is 1 when any benchmark failed or printed no result, so CI notices.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REQUIRED = ("name", "value", "floor", "ratio", "unit")
TIMEOUT_S = 600


def discover(pattern: str | None = None) -> list[Path]:
    found = sorted(HERE.glob("bench_*.py"))
    return [p for p in found if not pattern or pattern in p.stem]


def parse_result(line: str) -> dict | None:
    """The JSON object on this line if it is a benchmark result, else None."""
    try:
        value = json.loads(line)
    except ValueError:
        return None
    if isinstance(value, dict) and all(k in value for k in REQUIRED):
        return value
    return None


def run_one(path: Path) -> tuple[list[dict], bool]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(HERE.parent), os.environ.get("PYTHONPATH")]))}
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        proc = subprocess.run([sys.executable, str(path)], capture_output=True, text=True, encoding="utf-8",
                              errors="replace", env=env, cwd=HERE.parent, timeout=TIMEOUT_S)
    except subprocess.TimeoutExpired:
        sys.stderr.write(f"[{path.stem}] timed out after {TIMEOUT_S} s\n")
        return [], False
    results = []
    for line in proc.stdout.splitlines():
        result = parse_result(line.strip())
        if result is not None:
            results.append(result)
            sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
            sys.stdout.flush()
        elif line.strip():
            sys.stderr.write(f"[{path.stem}] {line}\n")
    for line in proc.stderr.splitlines():
        sys.stderr.write(f"[{path.stem}] {line}\n")
    ok = proc.returncode == 0 and bool(results)
    if not ok:
        sys.stderr.write(f"[{path.stem}] FAILED (exit {proc.returncode}, {len(results)} results)\n")
    return results, ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0])
    parser.add_argument("-k", dest="pattern", help="run only benchmarks whose file name contains this")
    args = parser.parse_args(argv)
    paths = discover(args.pattern)
    if not paths:
        sys.stderr.write("no benchmarks/bench_*.py found\n")
        return 1
    failed = [p.stem for p in paths if not run_one(p)[1]]
    if failed:
        sys.stderr.write("failed: " + ", ".join(failed) + "\n")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
