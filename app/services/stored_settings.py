"""Stored settings and the active organisation, read inside a session (no use case, no audit)."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.errors import NotFoundError
from app.core.i18n import _
from app.data.models import Organisation, Setting
from app.data.seed import DEFAULT_SETTINGS


def active_organisation(session: Session) -> Organisation:
    org = session.scalar(select(Organisation).where(Organisation.active.is_(True)).limit(1))
    if org is None:
        raise NotFoundError(_("No organisation profile is set up. Open Settings > Organisation."))
    return org


def read_setting(session: Session, key: str) -> dict[str, Any]:
    row = session.get(Setting, key)
    if row is None:
        return dict(DEFAULT_SETTINGS.get(key, {}))
    return dict(row.value)


def extra_holidays(session: Session) -> frozenset[date]:
    dates = read_setting(session, "extra_holidays").get("dates", [])
    return frozenset(date.fromisoformat(d) for d in dates)
