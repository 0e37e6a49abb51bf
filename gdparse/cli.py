"""The ``gdparse`` command line. Subcommands live in gdparse/commands/."""

from __future__ import annotations

import argparse
import importlib
import sys

from gdparse.commands import COMMAND_MODULES


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="gdparse",
        description="Turn Vietnamese plan documents on gender equality into structured, verifiable data.",
    )
    from gdparse import __version__

    parser.add_argument("--version", action="version", version=f"gdparse {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; exit codes: 0 all parsed, 1 some input failed, 2 usage error."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
