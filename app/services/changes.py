"""Erasure and rectification: plan per system, officer approves, execute; results per record."""

from __future__ import annotations

import hashlib
import io
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import select

from app.connectors import registry
from app.connectors.base import (
    BY_HAND,
    Capability,
    ChangePlan,
    Correction,
    Outcome,
    PlanItem,
    RecordResult,
)
from app.core.code_words import code_word
from app.core.enums import ChangeOutcome, FindingReview
from app.core.errors import Cancelled, NotFoundError, UserError, ValidationError
from app.core.i18n import _, join, message_of, restored, stored
from app.core.kept_data import EXPIRES, expiry_named_in
from app.core.progress import Progress
from app.core.spreadsheet import csv_writer
from app.data.database import Database
from app.data.models import ChangeAction, ConnectorConfig, ConnectorRun, Finding, SuppressionEntry
from app.services import audit
from app.services.connectors import instantiate
from app.services.lookup import case_by_reference
from app.services.searches import to_found_record
from app.services.secrets import SecretStore

DONE = {Outcome.REMOVED.value, Outcome.CHANGED.value, Outcome.KEPT.value}


@dataclass(frozen=True)
class ActionInfo:
    id: int
    system: str
    operation: str
    record_id: str
    action: str
    fields: tuple[str, ...]
    reason: str
    old_values: dict[str, Any]
    new_values: dict[str, Any]
    approved: bool
    outcome: str
    detail: str
    done_by: str = ""  # who did it by hand (outcome removed_by_hand)
    keep_ground: str = ""  # kept: an Art. 17(3) ground "a".."e", "expires", or "" (not said)
    keep_statute: str = ""
    keep_event: str = ""
    keep_event_on: date | None = None
    keep_period: str = ""
    keep_until: date | None = None


def _store_plan(session: Any, case_id: int, plan: ChangePlan) -> None:
    for item in plan.items:
        session.add(
            ChangeAction(
                case_id=case_id,
                system=plan.system,
                operation=plan.operation,
                record_id=item.record_id,
                action=item.action,
                fields=list(item.fields),
                reason=stored(item.reason),
                old_values=dict(item.old_values),
                new_values=dict(item.new_values),
            )
        )


def _open_actions(session: Any, case_id: int, operation: str) -> list[ChangeAction]:
    """Planned or failed actions: what an approval or an execution still has to deal with."""
    return list(
        session.scalars(
            select(ChangeAction).where(
                ChangeAction.case_id == case_id,
                ChangeAction.operation == operation,
                ChangeAction.outcome.in_(["planned", "failed"]),
            )
        )
    )


def plan_changes(
    db: Database,
    *,
    actor: str,
    reference: str,
    operation: str,
    corrections: Sequence[Correction] = (),
    secrets: SecretStore | None = None,
) -> list[ActionInfo]:
    """Make (or remake) the plan for every system with confirmed findings; nothing changes yet."""
    if operation not in ("erasure", "rectification"):
        raise ValidationError({"operation": _("Choose erasure or rectification.")})
    if operation == "rectification" and not corrections:
        raise ValidationError({"corrections": _("Say which field gets which new value.")})
    capability = Capability.ERASE if operation == "erasure" else Capability.RECTIFY
    with db.session() as session:
        case = case_by_reference(session, reference)
        confirmed = session.scalars(
            select(Finding).where(
                Finding.case_id == case.id, Finding.review == FindingReview.CONFIRMED
            )
        ).all()
        if not confirmed:
            raise UserError(
                _("There are no confirmed findings. Search the systems and review first.")
            )
        # Only not-yet-executed actions are replaced; what already succeeded stays on record.
        for old in _open_actions(session, case.id, operation):
            session.delete(old)
        done = {
            (a.system, a.record_id)
            for a in session.scalars(
                select(ChangeAction).where(
                    ChangeAction.case_id == case.id,
                    ChangeAction.operation == operation,
                    ChangeAction.outcome.in_(DONE),
                )
            )
        }
        configs = {c.name: c for c in session.scalars(select(ConnectorConfig))}
        by_system: dict[str, list[Finding]] = defaultdict(list)
        for f in confirmed:
            if (f.system, f.record_id) not in done:
                by_system[f.system].append(f)
        for system, rows in by_system.items():
            config = configs.get(system)
            if config is None or not registry.can(config.kind, capability):
                if config is None or config.kind == "manual":
                    # A person does it and records it: open until then, never "kept".
                    action = BY_HAND
                    reason = _(
                        "This system offers no automatic change: do it by hand and record it."
                    )
                else:
                    action = "keep"
                    reason = _(
                        "Not changed automatically: {why}",
                        why=restored(rows[0].note)
                        if rows[0].note
                        else _("this kind of system is handled by its own retention."),
                    )
                plan = ChangePlan(
                    system,
                    operation,
                    tuple(PlanItem(r.record_id, action, reason=reason) for r in rows),
                )
            else:
                connector: Any = instantiate(config.kind, system, dict(config.settings), secrets)
                found = [to_found_record(r) for r in rows]
                if operation == "erasure":
                    plan = connector.plan_erasure(found)
                else:
                    plan = connector.plan_rectification(found, list(corrections))
            _store_plan(session, case.id, plan)
        audit.record(
            session,
            case=case,
            actor=actor,
            action=f"{operation}_planned",
            summary=(
                _("Erasure planned for {n} system(s)", n=len(by_system))
                if operation == "erasure"
                else _("Rectification planned for {n} system(s)", n=len(by_system))
            ),
            after={"systems": sorted(by_system)},
        )
    return actions_of(db, reference=reference, operation=operation)


def approve_plan(db: Database, *, actor: str, reference: str, operation: str) -> int:
    with db.session() as session:
        case = case_by_reference(session, reference)
        rows = _open_actions(session, case.id, operation)
        if not rows:
            raise UserError(_("There is nothing planned to approve. Make the plan first."))
        for row in rows:
            row.approved_by = actor
            row.approved_at = datetime.now(UTC)
        audit.record(
            session,
            case=case,
            actor=actor,
            action=f"{operation}_approved",
            summary=_("{n} planned change(s) approved", n=len(rows)),
        )
        return len(rows)


def execute_plan(
    db: Database,
    *,
    actor: str,
    reference: str,
    operation: str,
    secrets: SecretStore | None = None,
    progress: Progress | None = None,
) -> list[ActionInfo]:
    """Execute approved, not yet successful actions; re-running finishes what failed before."""
    progress = progress or Progress()
    with db.session() as session:
        case = case_by_reference(session, reference)
        pending = _open_actions(session, case.id, operation)
        if not pending:
            raise UserError(_("Nothing is left to execute."))
        # Changes by hand are the officer's: executing leaves them open until recorded.
        by_hand = [a for a in pending if a.action == BY_HAND]
        pending = [a for a in pending if a.action != BY_HAND]
        if not pending:
            raise UserError(
                _(
                    "Only changes by hand are left ({n}): make each one in the system itself, "
                    "then record it as removed by hand (who, when, a note).",
                    n=len(by_hand),
                )
            )
        if any(a.approved_at is None for a in pending):
            raise UserError(_("The plan has not been approved yet. Review and approve it first."))
        configs = {c.name: c for c in session.scalars(select(ConnectorConfig))}
        case_id = case.id
        work: dict[str, list[tuple[int, PlanItem]]] = defaultdict(list)
        for a in pending:
            item = PlanItem(
                a.record_id,
                a.action,
                tuple(a.fields),
                restored(a.reason),
                dict(a.old_values),
                dict(a.new_values),
            )
            work[a.system].append((a.id, item))
    outcomes: dict[int, RecordResult] = {}
    errors: dict[str, str] = {}
    for index, (system, items) in enumerate(sorted(work.items())):
        progress.report(index / max(1, len(work)), system)
        keeps = [(i, it) for i, it in items if it.action == "keep"]
        for action_id, item in keeps:
            outcomes[action_id] = RecordResult(item.record_id, Outcome.KEPT, item.reason)
        active = [(i, it) for i, it in items if it.action != "keep"]
        if not active:
            continue
        config = configs.get(system)
        try:
            if config is None:
                raise UserError(_("The system '{system}' is no longer configured.", system=system))
            connector: Any = instantiate(config.kind, system, dict(config.settings), secrets)
            plan = ChangePlan(system, operation, tuple(it for _, it in active))
            run = connector.erase if operation == "erasure" else connector.rectify
            results = {r.record_id: r for r in run(plan, progress)}
        except Cancelled:
            raise
        except Exception as exc:  # one failing system is reported, the others go on
            errors[system] = message_of(exc) if isinstance(exc, UserError) else repr(exc)
            results = {}
        for action_id, item in active:
            outcomes[action_id] = results.get(
                item.record_id,
                RecordResult(item.record_id, Outcome.FAILED, errors.get(system, _("no result"))),
            )
    with db.session() as session:
        case = case_by_reference(session, reference)
        now = datetime.now(UTC)
        for action_id, result in outcomes.items():
            row = session.get(ChangeAction, action_id)
            if row is None:
                continue
            row.outcome = result.outcome.value
            row.detail = stored(result.detail)
            row.executed_at = now
            if result.outcome == Outcome.KEPT and not row.keep_ground:
                # A connector that names the day its data deletes itself (log lines): no ground
                # of Art. 17(3) is needed, the letter says when it goes.
                expires = expiry_named_in(
                    f"{restored(row.reason).render('en')} {restored(row.detail).render('en')}"
                )
                if expires is not None:
                    row.keep_ground, row.keep_until = EXPIRES, expires
        for system in work:
            mine = [outcomes[i] for i, _ in work[system] if i in outcomes]
            failed = sum(1 for r in mine if r.outcome == Outcome.FAILED)
            session.add(
                ConnectorRun(
                    case_id=case_id,
                    system=system,
                    operation=operation,
                    status="failed" if failed else "ok",
                    error=stored(errors.get(system, "")),
                    findings_count=len(mine),
                    finished_at=now,
                    actor=actor,
                )
            )
        counts: dict[str, int] = defaultdict(int)
        for r in outcomes.values():
            counts[r.outcome.value] += 1
        audit.record(
            session,
            case=case,
            actor=actor,
            action=f"{operation}_executed",
            summary=join(
                [
                    _("{outcome}: {n}", outcome=code_word("change", k), n=v)
                    for k, v in sorted(counts.items())
                ],
                ", ",
            ),
            after=dict(counts),
        )
    progress.report(1.0, _("done"))
    return actions_of(db, reference=reference, operation=operation)


def actions_of(db: Database, *, reference: str, operation: str | None = None) -> list[ActionInfo]:
    with db.session() as session:
        case = case_by_reference(session, reference)
        query = select(ChangeAction).where(ChangeAction.case_id == case.id)
        if operation:
            query = query.where(ChangeAction.operation == operation)
        return [
            ActionInfo(
                a.id,
                a.system,
                a.operation,
                a.record_id,
                a.action,
                tuple(a.fields),
                restored(a.reason),
                dict(a.old_values),
                dict(a.new_values),
                a.approved_at is not None,
                a.outcome,
                restored(a.detail),
                a.done_by,
                a.keep_ground,
                a.keep_statute,
                a.keep_event,
                a.keep_event_on,
                a.keep_period,
                a.keep_until,
            )
            for a in session.scalars(query.order_by(ChangeAction.system, ChangeAction.id))
        ]


def record_removed_by_hand(
    db: Database,
    *,
    actor: str,
    reference: str,
    action_id: int,
    note: str,
    now: datetime | None = None,
) -> ActionInfo:
    """Record that a person did a planned change outside the application (mail, paper).

    Who (``actor``), when and a note saying what was done are kept; the change then counts as
    done for the finalise gate and the letter lists it as removed by hand.
    """
    if not note.strip():
        raise ValidationError(
            {"note": _("Say what was removed by hand, where and how (a note is required).")}
        )
    now = now or datetime.now(UTC)
    with db.session() as session:
        case = case_by_reference(session, reference)
        action = session.get(ChangeAction, action_id)
        if action is None or action.case_id != case.id:
            raise NotFoundError(_("That planned change does not belong to this case."))
        if action.outcome in (ChangeOutcome.REMOVED, ChangeOutcome.CHANGED):
            raise UserError(_("This change was already done by the system; nothing to record."))
        before = action.outcome
        action.outcome = ChangeOutcome.REMOVED_BY_HAND.value
        action.detail = note.strip()
        action.done_by = actor
        action.executed_at = now
        audit.record(
            session,
            case=case,
            actor=actor,
            action=f"{action.operation}_removed_by_hand",
            summary=f"{action.system}: record {action.id} removed by hand ({note.strip()})",
            before={"action_id": action.id, "outcome": before},
            after={"action_id": action.id, "outcome": action.outcome, "note": note.strip()},
        )
    return next(a for a in actions_of(db, reference=reference) if a.id == action_id)


def suppress(db: Database, *, actor: str, reference: str, email: str, today: date) -> bool:
    """Direct-marketing objection: put the address on the suppression list. False if already."""
    clean = email.strip().lower()
    if not clean:
        raise ValidationError({"email": _("The case has no e-mail address to suppress.")})
    digest = hashlib.sha256(clean.encode()).hexdigest()
    with db.session() as session:
        case = case_by_reference(session, reference)
        exists = session.scalar(
            select(SuppressionEntry).where(SuppressionEntry.email_sha256 == digest)
        )
        if exists is not None:
            return False
        session.add(
            SuppressionEntry(
                email_sha256=digest, email=clean, added_on=today, case_reference=case.reference
            )
        )
        audit.record(
            session,
            case=case,
            actor=actor,
            action="suppression_listed",
            summary=_("E-mail address added to the direct-marketing suppression list"),
        )
        return True


def suppression_list(db: Database) -> list[tuple[str, str, date]]:
    """(e-mail or '' when anonymised, sha256, added on), for the newsletter system."""
    with db.session() as session:
        rows = session.scalars(select(SuppressionEntry).order_by(SuppressionEntry.added_on))
        return [(r.email, r.email_sha256, r.added_on) for r in rows]


def suppression_csv(db: Database) -> bytes:
    """The suppression list as CSV (email;sha256;added_on), every field quoted and neutralised."""
    buffer = io.StringIO(newline="")
    writer = csv_writer(buffer, delimiter=";")
    writer.writerow(("email", "sha256", "added_on"))
    writer.writerows(suppression_list(db))
    return buffer.getvalue().encode("utf-8")
