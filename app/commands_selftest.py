"""The `selftest` subcommand: checks that this installation works, in a temporary folder."""

from __future__ import annotations

import argparse
from typing import Any


def cmd_selftest(args: argparse.Namespace) -> int:
    from app.selftest import run_selftest

    return run_selftest(gui=not args.no_gui, keep=args.keep)


def add_selftest_command(sub: Any) -> None:
    """Register `privacy-desk selftest` on the subparsers built in app.cli."""
    selftest = sub.add_parser(
        "selftest",
        help="check this installation (database, letters, connectors, export, window); "
        "uses a temporary folder and never touches your own database",
    )
    selftest.add_argument(
        "--no-gui", action="store_true", help="skip opening the main window (no Qt platform)"
    )
    selftest.add_argument(
        "--keep", action="store_true", help="keep the temporary folder and print its path"
    )
    selftest.set_defaults(handler=cmd_selftest)
