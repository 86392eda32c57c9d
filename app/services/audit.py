"""Audit trail: every change to a case is recorded in the same transaction as the change."""

from __future__ import annotations

import logging
from datetime import date, datetime
from typing import Any

from sqlalchemy.orm import Session

from app.core.i18n import stored
from app.data.models import AuditEvent, Case
from app.services import audit_chain

log = logging.getLogger(__name__)


def _jsonable(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [_jsonable(v) for v in value]
    return value


def record(
    session: Session,
    *,
    case: Case | None,
    actor: str,
    action: str,
    summary: str = "",
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> AuditEvent:
    """Add an audit event to the session (flushed and committed with the change itself).

    On a database opened read-only the event cannot be stored: a change is refused anyway
    (when its rows are flushed), so only what changes nothing gets through, such as an export
    to a folder of the officer's; that is logged instead.
    """
    if session.info.get("read_only"):
        log.warning("database read-only: audit event %s not stored", action)
        return AuditEvent(case_id=None if case is None else case.id, actor=actor, action=action)
    event = AuditEvent(
        case_id=None if case is None else case.id,
        actor=actor,
        action=action,
        summary=stored(summary),
        before=None if before is None else _jsonable(before),
        after=None if after is None else _jsonable(after),
    )
    session.add(event)
    audit_chain.track(session, event)  # chained (keyed hash) when the session commits
    return event


def diff(before: dict[str, Any], after: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Only the keys whose value changed, as (before, after)."""
    keys = [k for k in after if before.get(k) != after.get(k)]
    return {k: before.get(k) for k in keys}, {k: after.get(k) for k in keys}
