"""Stored settings and the active organisation, read inside a session (no use case, no audit).

Each is read from the database once per session: a letter asks for the organisation and
several settings a dozen times while it is drafted and finalised. The session keeps the active
organisation and all setting rows, read in one query (a key without a row has its defaults);
its identity map holds objects only weakly, so an object nobody holds is read again. A flush
that adds, changes or removes a setting or an organisation forgets what was remembered, and an
added one not yet flushed is looked for among the session's new objects, so a session always
reads its own writes.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import event, select
from sqlalchemy.orm import Session

from app.data.models import Organisation, Setting
from app.data.seed import DEFAULT_SETTINGS
from app.services.plain_reads import holidays_of, no_organisation

_ACTIVE_ORG = "stored_settings.active_organisation"
_ROWS = "stored_settings.rows"


def active_organisation(session: Session) -> Organisation:
    known: Organisation | None = session.info.get(_ACTIVE_ORG)
    if known is not None and not any(isinstance(o, Organisation) for o in session.new):
        if known.active and known not in session.deleted:
            return known
    org = session.scalar(select(Organisation).where(Organisation.active.is_(True)).limit(1))
    if org is None:
        raise no_organisation()
    session.info[_ACTIVE_ORG] = org
    return org


def _setting_row(session: Session, key: str) -> Setting | None:
    rows: dict[str, Setting] | None = session.info.get(_ROWS)
    if rows is None:  # all of them at once: a few small rows, most of them read per letter
        rows = {row.key: row for row in session.scalars(select(Setting))}
        session.info[_ROWS] = rows
    row = rows.get(key)
    if row is not None and row not in session.deleted:
        return row
    # Added in this session and not flushed yet (a flush would have emptied the cache)?
    pending = [o for o in session.new if isinstance(o, Setting) and o.key == key]
    return pending[0] if pending else None


def read_setting(session: Session, key: str) -> dict[str, Any]:
    row = _setting_row(session, key)
    if row is None:
        return dict(DEFAULT_SETTINGS.get(key, {}))
    return dict(row.value)


def extra_holidays(session: Session) -> frozenset[date]:
    return holidays_of(read_setting(session, "extra_holidays"))


@event.listens_for(Session, "before_flush")
def _forget_on_write(session: Session, _context: Any, _instances: Any) -> None:
    if _ACTIVE_ORG not in session.info and _ROWS not in session.info:
        return
    for obj in (*session.new, *session.dirty, *session.deleted):
        if isinstance(obj, Setting | Organisation):
            session.info.pop(_ACTIVE_ORG, None)
            session.info.pop(_ROWS, None)
            return


@event.listens_for(Session, "after_soft_rollback")
def _forget_on_rollback(session: Session, _previous: Any) -> None:
    session.info.pop(_ACTIVE_ORG, None)
    session.info.pop(_ROWS, None)
