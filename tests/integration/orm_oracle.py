"""The ORM reads that `case show` and `today` used before they read through Core (issue 15).

Kept for the tests only, as the oracle the Core reads must equal (test_plain_reads.py): the
same code as before, over the models and an ORM session.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from app.core.deadlines import compute_deadlines, paused_dates
from app.core.enums import BY_HAND, CaseStatus, FindingReview, IdentityOutcome, LetterStatus
from app.core.i18n import restored
from app.core.status import allowed_next
from app.core.todo import PAUSE_NO_ANSWER_DAYS, CaseSnapshot, TodoItem, todo_list
from app.data.database import Database
from app.data.models import (
    AuditEvent,
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
from app.services.deadlines import calendar_settings, deadline_input
from app.services.dto import (
    AuditInfo,
    CaseDetail,
    DocumentInfo,
    IdentityCheckInfo,
    NoteInfo,
    PauseInfo,
    RepresentativeInfo,
    RequesterInfo,
)
from app.services.lookup import case_by_reference
from app.services.stored_settings import read_setting
from app.services.today import CHANGED, NOT_DONE, NOTICE_VALUES, OPEN_VALUES, TODAY_SETTING

INVERSE_RELATION = {
    "reminder_of": "has_reminder",
    "related": "related",
    "possible_duplicate_of": "has_possible_duplicate",
}


def orm_get_case(db: Database, *, reference: str, today: date | None = None) -> CaseDetail:
    today = today or date.today()
    with db.session() as session:
        case = case_by_reference(session, reference)
        cal = calendar_settings(session)
        deadlines = compute_deadlines(deadline_input(case, cal))
        pause_dates = paused_dates(deadline_input(case, cal), today)
        r = case.requester
        events = session.scalars(
            select(AuditEvent).where(AuditEvent.case_id == case.id).order_by(AuditEvent.id)
        ).all()
        outgoing = session.execute(
            select(Case.reference, CaseLink.relation)
            .join(CaseLink, CaseLink.other_case_id == Case.id)
            .where(CaseLink.case_id == case.id)
        ).all()
        incoming = session.execute(
            select(Case.reference, CaseLink.relation)
            .join(CaseLink, CaseLink.case_id == Case.id)
            .where(CaseLink.other_case_id == case.id)
        ).all()
        # Seen from the other side a relation reads the other way round.
        links = [(ref, rel) for ref, rel in outgoing] + [
            (ref, INVERSE_RELATION.get(rel, rel)) for ref, rel in incoming
        ]
        rep = case.representative
        return CaseDetail(
            id=case.id,
            reference=case.reference,
            received_on=case.received_on,
            registered_on=case.registered_on,
            their_reference=case.their_reference,
            their_letter_date=case.their_letter_date,
            channel=case.channel,
            language=case.language,
            status=case.status,
            allowed_next=tuple(s.value for s in sorted(allowed_next(CaseStatus(case.status)))),
            assigned_to=case.assigned_to,
            summary=case.summary,
            types=tuple(t.code for t in case.request_types),
            outcomes={t.code: t.outcome for t in case.request_types},
            refusal_grounds={t.code: t.refusal_ground for t in case.request_types},
            requester=RequesterInfo(
                salutation=r.salutation,
                initials=r.initials,
                first_name=r.first_name,
                name_prefix=r.name_prefix,
                last_name=r.last_name,
                full_name=r.full_name,
                street=r.street,
                house_number=r.house_number,
                postcode=r.postcode,
                city=r.city,
                country=r.country,
                email=r.email,
                phone=r.phone,
                birth_date=r.birth_date,
                identifiers=tuple((i.kind, i.value) for i in r.identifiers),
            ),
            representative=None
            if rep is None
            else RepresentativeInfo(
                name=rep.name,
                role=rep.role,
                organisation=rep.organisation,
                street=rep.street,
                postcode=rep.postcode,
                city=rep.city,
                country=rep.country,
                email=rep.email,
                authorisation_document_id=rep.authorisation_document_id,
                authorisation_dated=rep.authorisation_dated,
            ),
            promise_on=deadlines.promise,
            post_by_on=deadlines.post_by,
            legal_due_on=deadlines.legal,
            extended_due_on=deadlines.extended,
            refusal_due_on=deadlines.refusal,
            effective_due_on=deadlines.effective,
            paused=deadlines.paused,
            extension_notice_on=case.extension_notice_on,
            extension_reason=case.extension_reason,
            paused_dates=pause_dates,
            acknowledged_on=case.acknowledged_on,
            answered_on=case.answered_on,
            closed_on=case.closed_on,
            outcome=case.outcome,
            version=case.version,
            anonymised=case.anonymised_at is not None,
            linked=tuple((ref, rel) for ref, rel in links),
            last_reminder_on=case.last_reminder_on,
            ultimatum_on=case.ultimatum_on,
            reminder_unknown=case.reminder_unknown,
            pauses=tuple(PauseInfo(p.id, p.start_on, p.end_on, p.reason) for p in case.pauses),
            notes=tuple(NoteInfo(n.author, n.created_at, restored(n.text)) for n in case.notes),
            documents=tuple(
                DocumentInfo(
                    id=d.id,
                    kind=d.kind,
                    filename=d.filename,
                    media_type=d.media_type,
                    sha256=d.sha256,
                    size=d.size,
                    created_at=d.created_at,
                    created_by=d.created_by,
                    final=d.final,
                    masked=d.masked,
                    deleted=d.deleted_at is not None,
                    derived_from_id=d.derived_from_id,
                )
                for d in case.documents
            ),
            identity_checks=tuple(
                IdentityCheckInfo(
                    i.method, i.outcome, i.checked_on, i.checked_by, i.document_type, i.note
                )
                for i in case.identity_checks
            ),
            audit=tuple(
                AuditInfo(e.at, e.actor, e.action, restored(e.summary), e.before, e.after)
                for e in events
            ),
        )


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


def orm_snapshots(session: Session) -> list[CaseSnapshot]:
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
    dates = [d for d in (first, second) if d is not None]
    return max(dates) if dates else None


def orm_todo_items(db: Database, *, today: date, officer: str | None = None) -> list[TodoItem]:
    with db.session() as session:
        cases = orm_snapshots(session)
        days = pause_no_answer_days(session)
    if officer is not None:
        cases = [c for c in cases if c.assigned_to == officer]
    return todo_list(cases, today, pause_no_answer_days=days)
