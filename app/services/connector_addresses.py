"""A cheap start-up check: does any saved connector still hold a password inside an address?"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import select

from app.data import plain_tables as t
from app.data.database import Database


def _has_password(value: Any) -> bool:
    if not isinstance(value, str) or "://" not in value or "@" not in value:
        return False
    try:
        return urlsplit(value).password is not None
    except ValueError:
        return False


def url_passwords_left(db: Database) -> bool:
    """True when a connector's settings hold an address with a password (older versions).

    Imports no connector: the start of every command pays one small query, and only when this
    is True does the caller load the connectors and the secret store to move the passwords.
    Read through the Core view: the GUI asks before its first paint (issue 15).
    """
    if db.read_only_cause is not None:
        return False
    with db.reading() as conn:
        settings = conn.scalars(select(t.connector_config.c.settings)).all()
    return any(_has_password(v) for s in settings for v in (s or {}).values())
