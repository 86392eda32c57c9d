"""The officer's to-do list: case snapshots gathered in a few grouped queries, then the rules."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from app.core.enums import BY_HAND, CaseStatus, FindingReview, IdentityOutcome, LetterStatus
from app.core.status import OPEN_STATUSES
from app.core.todo import PAUSE_NO_ANSWER_DAYS, CaseSnapshot, TodoItem, todo_list
from app.data.database import Database
from app.data.models import (
    Case,
    CaseLink,
    ChangeAction,
    ConnectorConfig,
    ConnectorRun,
    Finding,
    IdentityCheck,
    Letter,
    ManualTask,
    Pause,
    RecipientNotice,
    Representative,
)
from app.services.stored_settings import read_setting

TODAY_SETTING = "today"
OPEN_VALUES = tuple(s.value for s in OPEN_STATUSES)
# Art. 19 notices still matter after the answer went out, until the case is closed.
NOTICE_VALUES = (*OPEN_VALUES, CaseStatus.ANSWERED.value)
CHANGED = ("removed", "changed", "removed_by_hand")  # the last: recorded by hand (main, 0006)
NOT_DONE = ("planned", "failed")


def pause_no_answer_days(session: Session) -> int:
    """The setting ``today`` -> ``pause_no_answer_days`` (default 14)."""
    value = read_setting(session, TODAY_SETTING).get("pause_no_answer_days", PAUSE_NO_ANSWER_DAYS)
    return max(1, int(value))


def _unprinted(session: Session) -> dict[int, int]:
    query = (
        select(Letter.case_id, func.count(Letter.id))
        .where(Letter.status == LetterStatus.FINAL.value, Letter.printed_at.is_(None))
        .group_by(Letter.case_id)
    )
    return {int(cid): int(n) for cid, n in session.execute(query)}


def _unprinted_scope() -> Any:
    return (
        select(Letter.case_id)
        .where(Letter.status == LetterStatus.FINAL.value, Letter.printed_at.is_(None))
        .scalar_subquery()
    )


def _counts(session: Session, model: Any, *conditions: Any) -> dict[int, int]:
    query = select(model.case_id, func.count(model.id)).where(*conditions).group_by(model.case_id)
    return {int(cid): int(n) for cid, n in session.execute(query)}


def _scoped(model: Any, scope: Any) -> Any:
    return model.case_id.in_(scope)


def snapshots(session: Session) -> list[CaseSnapshot]:
    """One snapshot per case that can have a task; about a dozen queries whatever the count."""
    unprinted = _unprinted(session)
    active = and_(Case.anonymised_at.is_(None), Case.status.in_(NOTICE_VALUES))
    scope = select(Case.id).where(active).scalar_subquery()
    base = session.execute(
        select(
            Case.id,
            Case.reference,
            Case.status,
            Case.assigned_to,
            Case.received_on,
            Case.acknowledged_on,
            Case.answered_on,
            Case.promise_on,
            Case.effective_due_on,
            Case.last_reminder_on,
            Case.ultimatum_on,
        ).where(
            or_(active, Case.id.in_(_unprinted_scope())),
            Case.anonymised_at.is_(None),
        )
    ).all()
    paused = dict(
        session.execute(
            select(Pause.case_id, func.min(Pause.start_on))
            .where(Pause.end_on.is_(None), _scoped(Pause, scope))
            .group_by(Pause.case_id)
        ).all()
    )
    reps = dict(
        session.execute(
            select(Representative.case_id, Representative.authorisation_document_id).where(
                _scoped(Representative, scope)
            )
        ).all()
    )
    checked = set(
        session.scalars(
            select(IdentityCheck.case_id)
            .where(
                IdentityCheck.outcome == IdentityOutcome.VERIFIED.value,
                _scoped(IdentityCheck, scope),
            )
            .distinct()
        )
    )
    searches = _counts(
        session, ConnectorRun, ConnectorRun.operation == "search", _scoped(ConnectorRun, scope)
    )
    latest: dict[tuple[int, str], str] = {}
    for cid, system, status in session.execute(
        select(ConnectorRun.case_id, ConnectorRun.system, ConnectorRun.status)
        .where(ConnectorRun.operation == "search", _scoped(ConnectorRun, scope))
        .order_by(ConnectorRun.id)
    ):
        latest[(cid, system)] = status
    failed: dict[int, list[str]] = defaultdict(list)
    for (cid, system), status in sorted(latest.items()):
        if status == "failed":
            failed[cid].append(system)
    manual = _counts(session, ManualTask, ManualTask.result == "", _scoped(ManualTask, scope))
    pending = _counts(
        session,
        Finding,
        Finding.review == FindingReview.PENDING.value,
        _scoped(Finding, scope),
    )
    by_hand_systems = set(
        session.scalars(select(ConnectorConfig.name).where(ConnectorConfig.kind == "manual"))
    )
    unapproved: dict[int, set[str]] = defaultdict(set)
    unexecuted: dict[int, set[str]] = defaultdict(set)
    by_hand: dict[int, int] = defaultdict(int)
    changed: set[int] = set()
    for cid, system, operation, action, approved_at, outcome, count in session.execute(
        select(
            ChangeAction.case_id,
            ChangeAction.system,
            ChangeAction.operation,
            ChangeAction.action,
            ChangeAction.approved_at.is_not(None),
            ChangeAction.outcome,
            func.count(ChangeAction.id),
        )
        .where(_scoped(ChangeAction, scope))
        .group_by(
            ChangeAction.case_id,
            ChangeAction.system,
            ChangeAction.operation,
            ChangeAction.action,
            ChangeAction.approved_at.is_not(None),
            ChangeAction.outcome,
        )
    ):
        if outcome in CHANGED:
            changed.add(cid)
        elif outcome in NOT_DONE and (action == BY_HAND or system in by_hand_systems):
            by_hand[cid] += int(count)
        elif outcome in NOT_DONE and not approved_at:
            unapproved[cid].add(operation)
        elif outcome in NOT_DONE:
            unexecuted[cid].add(operation)
    noticed = set(
        session.scalars(
            select(RecipientNotice.case_id).where(_scoped(RecipientNotice, scope)).distinct()
        )
    )
    reminder_case = Case.__table__.alias("reminder_case")
    reminders: dict[int, date] = dict(
        session.execute(
            select(CaseLink.other_case_id, func.max(reminder_case.c.received_on))
            .join(reminder_case, reminder_case.c.id == CaseLink.case_id)
            .where(CaseLink.relation == "reminder_of", CaseLink.other_case_id.in_(scope))
            .group_by(CaseLink.other_case_id)
        ).all()
    )
    result = []
    for row in base:
        cid = row.id
        result.append(
            CaseSnapshot(
                reference=row.reference,
                is_open=row.status in OPEN_VALUES,
                received_on=row.received_on,
                assigned_to=row.assigned_to,
                acknowledged_on=row.acknowledged_on,
                answered_on=row.answered_on,
                promise_on=row.promise_on,
                effective_due_on=row.effective_due_on,
                paused_since=paused.get(cid),
                has_representative=cid in reps,
                authorisation_on_file=reps.get(cid) is not None,
                identity_checked=cid in checked,
                searches_run=searches.get(cid, 0),
                failed_systems=tuple(failed.get(cid, ())),
                manual_checks_open=manual.get(cid, 0),
                findings_pending=pending.get(cid, 0),
                unapproved_operations=tuple(sorted(unapproved.get(cid, ()))),
                unexecuted_operations=tuple(sorted(unexecuted.get(cid, ()))),
                changes_by_hand=by_hand.get(cid, 0),
                recipient_notice_due=cid in changed and cid not in noticed,
                letters_unprinted=unprinted.get(cid, 0),
                reminder_on=_latest(reminders.get(cid), row.last_reminder_on),
                ultimatum_on=row.ultimatum_on,
            )
        )
    return result


def _latest(first: date | None, second: date | None) -> date | None:
    """The later of two dates where there is one (a reminder linked, or registered on it)."""
    dates = [d for d in (first, second) if d is not None]
    return max(dates) if dates else None


def todo_items(db: Database, *, today: date, officer: str | None = None) -> list[TodoItem]:
    """The to-do list of everyone (``officer`` None) or of one officer's cases ("mine")."""
    with db.session() as session:
        cases = snapshots(session)
        days = pause_no_answer_days(session)
    if officer is not None:
        cases = [c for c in cases if c.assigned_to == officer]
    return todo_list(cases, today, pause_no_answer_days=days)
