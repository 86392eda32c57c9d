"""Deadline use cases: recompute, pause the clock, grant an extension (all audited)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.deadlines import (
    DeadlineInput,
    Deadlines,
    check_extension_allowed,
    compute_deadlines,
)
from app.core.deadlines import Pause as PauseValue
from app.core.enums import CaseStatus
from app.core.errors import StaleDataError, UserError, ValidationError
from app.core.i18n import _
from app.core.status import OPEN_STATUSES, check_transition
from app.core.validation import text_problem
from app.data.database import Database
from app.data.models import Case, Pause
from app.services import audit
from app.services.lookup import case_by_reference
from app.services.plain_reads import CalendarSettings, deadline_input_of
from app.services.stored_settings import active_organisation, extra_holidays


def _check_reason(reason: str) -> None:
    """A reason is free text on several lines, never control characters (issue 11)."""
    problem = text_problem(reason, multiline=True)
    if problem is not None:
        raise ValidationError({"reason": problem})


def calendar_settings(session: Session) -> CalendarSettings:
    return CalendarSettings(active_organisation(session).promise_weeks, extra_holidays(session))


def deadline_input(case: Case, cal: CalendarSettings) -> DeadlineInput:
    return deadline_input_of(
        case.received_on,
        (PauseValue(p.start_on, p.end_on, p.reason) for p in case.pauses),
        case.extension_notice_on,
        cal,
    )


def apply_deadlines(case: Case, cal: CalendarSettings) -> Deadlines:
    """Recompute the stored (sortable) deadline columns of a case."""
    result = compute_deadlines(deadline_input(case, cal))
    case.promise_on = result.promise
    case.post_by_on = result.post_by
    case.legal_due_on = result.legal
    case.extended_due_on = result.extended
    case.effective_due_on = result.effective
    case.paused = result.paused
    return result


def refresh(session: Session, case: Case) -> Deadlines:
    return apply_deadlines(case, calendar_settings(session))


def recompute_all(db: Database) -> int:
    """After a change of promise weeks or extra holidays: recompute every case's dates."""
    count = 0
    with db.session() as session:
        cal = calendar_settings(session)
        for case in session.scalars(select(Case).where(Case.anonymised_at.is_(None))):
            apply_deadlines(case, cal)
            count += 1
    return count


def _check_version(case: Case, expected_version: int | None) -> None:
    if expected_version is not None and case.version != expected_version:
        raise StaleDataError(
            _(
                "Case {reference} was changed meanwhile. Nothing was saved: reload the case and "
                "try again.",
                reference=case.reference,
            )
        )


def start_pause(
    db: Database,
    *,
    actor: str,
    reference: str,
    start_on: date,
    reason: str,
    today: date,
    expected_version: int | None = None,
) -> None:
    """Stop the clock: an identity or clarification question was sent on ``start_on``."""
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the clock stops (which question was sent).")})
    _check_reason(reason)
    if start_on > today:
        raise ValidationError({"start_on": _("The question cannot have been sent in the future.")})
    with db.session() as session:
        case = case_by_reference(session, reference)
        _check_version(case, expected_version)
        if CaseStatus(case.status) not in OPEN_STATUSES:
            raise UserError(
                _(
                    "Case {reference} is {status}; only open cases can be paused.",
                    reference=reference,
                    status=case.status,
                )
            )
        if any(p.end_on is None for p in case.pauses):
            raise UserError(
                _("Case {reference} is already paused. End that pause first.", reference=reference)
            )
        if start_on < case.received_on:
            raise ValidationError(
                {"start_on": _("A pause cannot start before the letter arrived.")}
            )
        for p in case.pauses:
            if p.end_on is not None and start_on < p.end_on:
                raise ValidationError({"start_on": _("A pause cannot overlap an earlier pause.")})
        before = {"status": case.status, "effective_due_on": case.effective_due_on}
        case.pauses.append(Pause(start_on=start_on, reason=reason.strip()))
        if case.status != CaseStatus.ON_HOLD:
            check_transition(CaseStatus(case.status), CaseStatus.ON_HOLD)
            case.status = CaseStatus.ON_HOLD
        session.flush()
        refresh(session, case)
        audit.record(
            session,
            case=case,
            actor=actor,
            action="pause_started",
            summary=_("Clock paused from {date}: {reason}", date=start_on, reason=reason.strip()),
            before=before,
            after={"status": case.status, "paused_from": start_on, "reason": reason.strip()},
        )


def end_pause(
    db: Database,
    *,
    actor: str,
    reference: str,
    end_on: date,
    today: date,
    expected_version: int | None = None,
) -> None:
    """Restart the clock: the person answered on ``end_on``."""
    if end_on > today:
        raise ValidationError({"end_on": _("The answer cannot have arrived in the future.")})
    with db.session() as session:
        case = case_by_reference(session, reference)
        _check_version(case, expected_version)
        open_pause = next((p for p in case.pauses if p.end_on is None), None)
        if open_pause is None:
            raise UserError(_("Case {reference} is not paused.", reference=reference))
        if end_on < open_pause.start_on:
            raise ValidationError({"end_on": _("The answer cannot be earlier than the question.")})
        open_pause.end_on = end_on
        if case.status == CaseStatus.ON_HOLD:
            case.status = CaseStatus.IN_PROGRESS
        session.flush()
        result = refresh(session, case)
        days = (end_on - open_pause.start_on).days
        audit.record(
            session,
            case=case,
            actor=actor,
            action="pause_ended",
            summary=_("Clock restarted on {date} after {days} paused days", date=end_on, days=days),
            before={"status": CaseStatus.ON_HOLD.value},
            after={"status": case.status, "paused_days": days, "legal_due_on": result.legal},
        )


def grant_extension(
    db: Database,
    *,
    actor: str,
    reference: str,
    notice_sent_on: date,
    reason: str,
    today: date,
    expected_version: int | None = None,
) -> Deadlines:
    """Extend by two months (Art. 12(3)); refused with the reason after the first month."""
    if not reason.strip():
        raise ValidationError(
            {"reason": _("Give the reason for the extension (complexity or number of requests).")}
        )
    _check_reason(reason)
    if notice_sent_on > today:
        raise ValidationError(
            {"notice_sent_on": _("The notice cannot have been sent in the future.")}
        )
    with db.session() as session:
        case = case_by_reference(session, reference)
        _check_version(case, expected_version)
        if case.extension_notice_on is not None:
            raise UserError(_("Case {reference} has already been extended.", reference=reference))
        cal = calendar_settings(session)
        check_extension_allowed(deadline_input(case, cal), notice_sent_on)
        before = {"effective_due_on": case.effective_due_on}
        case.extension_notice_on = notice_sent_on
        case.extension_reason = reason.strip()
        result = apply_deadlines(case, cal)
        audit.record(
            session,
            case=case,
            actor=actor,
            action="extension_granted",
            summary=_("Deadline extended to {date}", date=result.extended)
            if result.extended
            else _("Deadline extended"),
            before=before,
            after={
                "effective_due_on": case.effective_due_on,
                "notice_sent_on": notice_sent_on,
                "reason": reason.strip(),
            },
        )
        return result
