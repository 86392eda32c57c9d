"""Helpers every CLI command module shares: the actor, the database, dates and JSON output."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from datetime import date
from typing import Any

from app.core.dates import parse_iso_date
from app.core.errors import ValidationError


def current_actor(args: argparse.Namespace | None = None) -> str:
    """Who is acting: --user, else PRIVACY_DESK_USER, else the login name."""
    explicit = getattr(args, "user", None) if args is not None else None
    return explicit or os.environ.get("PRIVACY_DESK_USER") or getpass.getuser()


def date_arg(value: str) -> date:
    """An argparse type for YYYY-MM-DD."""
    try:
        return parse_iso_date(value)
    except ValidationError as exc:
        raise argparse.ArgumentTypeError(f"'{value}' is not a date; use YYYY-MM-DD") from exc


def open_db(args: argparse.Namespace) -> Any:
    """The database of --db / PRIVACY_DESK_DB / the default, migrated."""
    from app.data.database import open_database

    db = open_database(args.db)
    for notice in db.notices:  # e.g. restored from the pre-upgrade backup: the officer must know
        print(f"note: {notice}", file=sys.stderr)
    return db


def print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2, default=str))
