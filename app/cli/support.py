"""Helpers every CLI command module shares: the actor, the database, options, text and JSON."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from typing import Any, TextIO


def current_actor(args: argparse.Namespace | None = None, *, default: str | None = None) -> str:
    """Who is acting: --user, else PRIVACY_DESK_USER, else ``default``, else the login name."""
    explicit = getattr(args, "user", None) if args is not None else None
    return explicit or os.environ.get("PRIVACY_DESK_USER") or default or getpass.getuser()


def open_db(args: argparse.Namespace, *, reading: bool = False) -> Any:
    """The database of --db / PRIVACY_DESK_DB / the default, migrated.

    ``reading``: a command that only reads (case list, case show, today) skips the start-up
    housekeeping: the chain head's copy in the log (it cannot change) and the removal of
    leftover temporary files (the next command that writes, or the GUI, does it). Such
    commands run often, from scripts and cron (issue 15: within 2x of a plain query).
    """
    from app.data.database import open_database

    db = open_database(args.db)
    for notice in db.notices:  # e.g. restored from the pre-upgrade backup: the officer must know
        say(notice, prefix="note: ", file=sys.stderr)
    if reading:
        return db
    from app.services.audit_chain import log_head
    from app.services.traces import clean_leftovers

    log_head(db, "start")  # a copy of the chain head outside the database
    clean_leftovers(db)  # temporary files of erasures or exports killed half-way
    from app.services.connector_addresses import url_passwords_left

    if url_passwords_left(db):  # passwords older versions left in connector addresses
        from app.services.connectors import move_url_passwords
        from app.services.secrets import SecretStore

        moved = move_url_passwords(db, SecretStore)
        if moved is not None:
            say(moved, prefix="note: ", file=sys.stderr)
    return db


def options_of(items: list[str] | None) -> dict[str, str]:
    """KEY=VALUE arguments (--set, decisions) as a dict; anything else is refused."""
    from app.core.errors import UserError
    from app.core.i18n import _

    options: dict[str, str] = {}
    for item in items or []:
        key, sep, value = item.partition("=")
        if not sep:
            raise UserError(_("'{item}' is not KEY=VALUE (e.g. --set reasons=\"...\").", item=item))
        options[key.strip()] = value
    return options


def print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def say(text: str, *, prefix: str = "", file: TextIO | None = None, end: str = "\n") -> None:
    """Print a message in the CLI's language (``--lang``; English by default, see app.cli.main).

    ``prefix`` ("error: ", "note: ") stays English: scripts look for it.
    """
    from app.core.i18n import text_of

    print(prefix + text_of(text), file=sys.stdout if file is None else file, end=end, flush=True)


def confirmed(args: argparse.Namespace, question: str, *, what: str) -> bool:
    """Ask before an irreversible step: --yes goes on, a terminal is asked to type "yes".

    Without a terminal (a script, cron) and without --yes nothing changes: a UserError says to
    run again with --yes. ``what`` is the command's step in the refusal ("finalise the letter").
    Returns False when the officer answers anything but "yes" (then nothing changed either).
    """
    from app.core.errors import UserError
    from app.core.i18n import _, text_of

    if getattr(args, "yes", False):
        return True
    if not sys.stdin.isatty():
        raise UserError(
            _("Confirmation needed: run again with --yes to {what}. Nothing changed.", what=what)
        )
    answer = input(text_of(question) + " " + text_of(_("Type yes:")) + " ")
    if answer.strip().lower() != "yes":
        say(_("Nothing changed."))
        return False
    return True
