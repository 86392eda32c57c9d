"""A cheap start-up check: does any saved connector still hold a password inside an address?"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import select

from app.data.database import Database
from app.data.models import ConnectorConfig


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
    """
    if db.read_only_cause is not None:
        return False
    with db.session() as session:
        settings = session.scalars(select(ConnectorConfig.settings)).all()
    return any(_has_password(v) for s in settings for v in (s or {}).values())
