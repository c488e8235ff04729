"""`python -m desktop_app` / `liveops-desk`: the GUI (and `--self-test` for the built app)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def parse_args(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="liveops-desk", description="LiveOps Desk 直播运营台")
    p.add_argument("--workspace", type=Path, help="workspace file (.liveops) to open")
    p.add_argument("--lang", choices=("zh_CN", "en"))
    p.add_argument("--as", dest="actor", metavar="PERSON", help="acting person (id or name)")
    p.add_argument("--self-test", action="store_true", help="run the offscreen self-test and exit")
    p.add_argument("--report", type=Path, metavar="FILE",
                   help="with --self-test: also write the result there (a windowed Windows .exe has no console)")
    p.add_argument("--quit-after-show", action="store_true", help=argparse.SUPPRESS)
    return p.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(list(sys.argv[1:] if argv is None else argv))
    if args.self_test:
        from desktop_app import selftest

        return selftest.run(report=args.report)
    from desktop_app.app import run

    return run(args.workspace, lang=args.lang, actor=args.actor, quit_after_show=args.quit_after_show)


if __name__ == "__main__":
    raise SystemExit(main())
