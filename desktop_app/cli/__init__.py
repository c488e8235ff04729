"""`liveops`: the command line face of the same services the app uses (no Qt).

Each module in desktop_app/cli/commands/ adds one or more sub-commands through
``register(subparsers, common)``; its handler returns an exit code: 0 ok, 1 refused
(message on stderr), 2 usage error, others as a command documents. Messages come from
the shared catalog in the language of ``--lang`` (default from the environment, else zh_CN).
"""

from __future__ import annotations

import argparse
import importlib
import json
import pkgutil
import sys
from collections.abc import Sequence
from typing import Any

from desktop_app import __version__, messages
from desktop_app.domain.errors import LiveOpsError
from desktop_app.messages import msg

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2


def configure_streams() -> None:
    """UTF-8 out even on a GBK Windows console, so Chinese never turns into '?' or a crash."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure:
            try:
                reconfigure(encoding="utf-8", errors="replace")
            except (ValueError, OSError):
                pass


def stdout_is_terminal() -> bool:
    isatty = getattr(sys.stdout, "isatty", None)
    return bool(isatty and isatty())


def print_json(value: Any) -> None:
    """Indented for a person at a terminal; compact when piped, where only a program reads it
    (indenting also forces Python's slow pure-Python encoder: 54x slower on 2,000 sessions)."""
    if stdout_is_terminal():
        text = json.dumps(value, ensure_ascii=False, indent=2)
    else:
        text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    sys.stdout.write(text + "\n")


def print_json_rows(rows: list[str]) -> None:
    """A JSON list from rows that are already compact JSON text: one row per line when piped."""
    if stdout_is_terminal():
        print_json([json.loads(r) for r in rows])
    else:
        sys.stdout.write("[" + ",\n".join(rows) + "]\n" if rows else "[]\n")


def print_error(text: str) -> None:
    sys.stderr.write(text.rstrip() + "\n")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse's own messages are English; keep exit code 2
        self.print_usage(sys.stderr)
        print_error(msg("cli.usage_error", detail=message))
        raise SystemExit(EXIT_USAGE)


def build_parser() -> argparse.ArgumentParser:
    # SUPPRESS: the options may come before or after the command; with a default of None the
    # sub-command's parser would overwrite a value given before it (`liveops --lang en sessions`).
    common = _Parser(add_help=False, argument_default=argparse.SUPPRESS)
    common.add_argument("--lang", choices=messages.LANGUAGES + ("zh",), help="zh_CN | en")
    common.add_argument("--as", dest="actor", metavar="PERSON", help="acting person (id or name)")
    parser = _Parser(prog="liveops", description="LiveOps Desk 直播运营台 command line", parents=[common])
    parser.add_argument("--version", action="version", version=f"liveops {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    from desktop_app.cli import commands

    for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"desktop_app.cli.commands.{info.name}")
        module.register(sub, common)
    return parser


def _early_language(argv: list[str]) -> None:
    for i, arg in enumerate(argv):
        value = arg.partition("=")[2] if arg.startswith("--lang=") else (
            argv[i + 1] if arg == "--lang" and i + 1 < len(argv) else None)
        if value and messages.normalize_language(value):
            messages.set_language(value)


def main(argv: Sequence[str] | None = None) -> int:
    configure_streams()
    messages.set_language(messages.language_from_environment())
    argv = list(sys.argv[1:] if argv is None else argv)
    _early_language(argv)  # so usage errors are already in the language asked for
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    for name in ("lang", "actor"):  # SUPPRESS leaves absent options unset; commands read them as None
        if not hasattr(args, name):
            setattr(args, name, None)
    if args.lang:
        messages.set_language(args.lang)
    if not getattr(args, "handler", None):
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return int(args.handler(args) or 0)
    except LiveOpsError as exc:
        print_error(exc.text())
        return EXIT_REFUSED
    except KeyboardInterrupt:
        print_error(msg("cli.interrupted"))
        return 130


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
