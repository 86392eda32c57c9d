"""Command line: `privacy-desk` starts the GUI; subcommands run the same services headless."""

# Only the standard library at module level: `privacy-desk --version` and building the parser
# stay light. Each command module (app.cli.cases, ...) is imported when its command runs.
# `--version` is answered before anything else is imported (issue 15: within 1.5x of
# `python -c pass`); argparse, logging and the parser load only for real commands.
from __future__ import annotations

import gc
import sys
from typing import TYPE_CHECKING

from app import PRODUCT_NAME, __version__

if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable, Sequence
    from pathlib import Path

    Handler = Callable[[argparse.Namespace], int]

# Exit codes (scripts depend on them).
EXIT_OK = 0
EXIT_FAILED = 1  # an application error, a bug, or a step that failed (search --strict, erase)
EXIT_USAGE = 2  # the user's input was refused (argparse uses 2 too)
EXIT_NOT_READY = 3  # an answer letter's finalise gate: work still open (listed on stderr)
EXIT_CANCELLED = 130  # like a shell after Ctrl+C


def resolve_handler(args: argparse.Namespace) -> Handler:
    """The function of the chosen subcommand; its module ("cases:cmd_case_add") loads here."""
    import importlib

    module_name, _, function_name = str(args.handler).partition(":")
    module = importlib.import_module(f"{__name__}.{module_name}")
    handler: Handler = getattr(module, function_name)
    return handler


def _setup_logging() -> Path:
    from app.core.log_file import LOG_FILE_NAME, setup_logging
    from app.data.database import data_dir

    return setup_logging(data_dir() / LOG_FILE_NAME)


def main(argv: Sequence[str] | None = None) -> int:
    given = list(sys.argv[1:] if argv is None else argv)
    if given == ["--version"]:  # the same line as argparse's --version action prints
        print(f"{PRODUCT_NAME} {__version__}")
        return EXIT_OK
    # A start imports hundreds of modules whose objects all live until exit; the cyclic garbage
    # collector would walk them about 200 times before the window is painted (60-70 ms CPU of a
    # 10,000-case start, measured). It is paused until the command runs or the window has been
    # painted (app.ui.app), and always resumed here.
    gc.disable()
    try:
        return _main(given, argv)
    finally:
        gc.enable()


def _main(given: list[str], argv: Sequence[str] | None) -> int:
    from app.cli.parser import build_parser
    from app.cli.support import current_actor
    from app.core.private_files import private_umask

    private_umask()  # everything this process creates: readable by the user only (POSIX)
    if given[:1] == ["--read-document-worker"]:  # hidden: the frozen bundle's document reader
        from app.reading.worker import run_worker

        return run_worker(given[1:])
    parser = build_parser()
    args = parser.parse_args(argv)
    log_path = _setup_logging()
    if args.command is None:
        from app.demo import DEMO_OFFICER  # constants only
        from app.ui.app import run_gui

        # The demo opens as its own officer, to whom a third of its cases belong.
        officer = current_actor(args, default=DEMO_OFFICER if args.demo else None)
        gui_code: int = run_gui(db_url=args.db, demo=args.demo, actor=officer, lang=args.ui_lang)
        return gui_code
    from app.core.i18n import language

    # Messages (errors, notes, summaries) in the language of --lang, else English: scripts
    # that read the output see the same text as before. Output shapes (JSON keys, CSV columns,
    # table headers) never change with the language.
    with language(args.ui_lang or "en"):
        return _run_command(args, log_path)


def _run_command(args: argparse.Namespace, log_path: Path) -> int:
    import logging

    from app.cli.support import say

    log = logging.getLogger(__name__)
    from app.core.errors import FaultError  # noqa: I001 - kept apart for easy merging
    from app.core.errors import AppError, Cancelled, UserError
    from app.core.i18n import _, message_of

    try:
        handler = resolve_handler(args)
        gc.enable()  # start-up is over: the command's own objects are collected as usual
        code: int = handler(args)
        return code
    except Cancelled:
        return EXIT_CANCELLED
    except FaultError as exc:  # the server, disk or file failed: not the user's input
        say(message_of(exc), prefix="error: ", file=sys.stderr)
        return EXIT_FAILED
    except BrokenPipeError:  # output piped into `head`: not an error
        sys.stderr.close()
        return EXIT_OK
    except UserError as exc:
        # A refused gate can only come from a command that loaded the gate: `case list` and
        # the like do not import it just to name the exception (issue 15, CLI start-up).
        gate = sys.modules.get("app.core.finalise_gate")
        if gate is not None and isinstance(exc, gate.GateRefused):
            print(f"error: {exc}", file=sys.stderr)
            for unmet in exc.unmet:
                print(f"  {unmet.condition.value}: {unmet.message}", file=sys.stderr)
            return EXIT_NOT_READY
        say(message_of(exc), prefix="error: ", file=sys.stderr)
        return EXIT_USAGE
    except AppError as exc:
        log.exception("application error")
        details = _("{message} (details in {path})", message=message_of(exc), path=log_path)
        say(details, prefix="error: ", file=sys.stderr)
        return EXIT_FAILED
    except Exception as exc:  # a fault met outside a database session, or a bug
        fault = _fault_of(exc, args.db)
        if fault is not None:
            log.warning("command %s failed: %s", args.command, type(exc).__name__)
            say(message_of(fault), prefix="error: ", file=sys.stderr)
            return EXIT_FAILED
        log.exception("unexpected error in command %s", args.command)
        unexpected = _(
            "unexpected {kind}; details in {path}", kind=exc.__class__.__name__, path=log_path
        )
        say(unexpected, prefix="error: ", file=sys.stderr)
        return EXIT_FAILED


def _fault_of(exc: Exception, db_arg: str | None) -> Exception | None:
    """A full disk, a read-only folder, a lost database server: a message naming the cause."""
    from sqlalchemy.engine import make_url

    from app.data.database import resolve_url
    from app.data.faults import database_fault

    try:
        url = make_url(resolve_url(db_arg))
    except Exception:  # no URL to name: the fault is still told
        url = make_url("sqlite://")
    return database_fault(exc, url)
