"""The finalise gate in the services: gather the case state, list what is still to be done."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import replace

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from app.core.enums import CHANGE_DONE, DocumentKind, FindingReview, IdentityOutcome
from app.core.finalise_gate import GateSnapshot, Unmet, unmet_conditions
from app.core.outcomes import NO_DATA, REFUSED, WITHDRAWN
from app.data.database import Database
from app.data.models import (
    AuditEvent,
    Case,
    ChangeAction,
    ConnectorConfig,
    ConnectorRun,
    Document,
    Finding,
    IdentityCheck,
    ManualTask,
)
from app.letters.kinds import LetterKind, letter_kind
from app.services.lookup import case_by_reference

_FAILED_RUNS = ("failed", "cancelled")


def _identity_established(session: Session, case: Case) -> bool:
    last = session.scalar(
        select(IdentityCheck.outcome)
        .where(IdentityCheck.case_id == case.id)
        .order_by(IdentityCheck.id.desc())
        .limit(1)
    )
    return last == IdentityOutcome.VERIFIED.value


def _last_search_runs(session: Session, case: Case) -> dict[str, str]:
    """System -> status of its last search run for this case."""
    rows = session.execute(
        select(ConnectorRun.system, ConnectorRun.status)
        .where(ConnectorRun.case_id == case.id, ConnectorRun.operation == "search")
        .order_by(ConnectorRun.id)
    ).all()
    return {system: status for system, status in rows}


def _authorisation_present(session: Session, case: Case) -> bool:
    rep = case.representative
    if rep is not None and rep.authorisation_document_id is not None:
        doc = session.get(Document, rep.authorisation_document_id)
        if doc is not None and doc.deleted_at is None:
            return True
    found = session.scalar(
        select(func.count(Document.id)).where(
            Document.case_id == case.id,
            Document.kind == DocumentKind.AUTHORISATION.value,
            Document.deleted_at.is_(None),
        )
    )
    return bool(found)


def _changes(session: Session, case: Case) -> tuple[dict[str, int], dict[str, int]]:
    """(operation -> actions not done, operation -> confirmed records without an action)."""
    actions = session.scalars(select(ChangeAction).where(ChangeAction.case_id == case.id)).all()
    open_changes: dict[str, int] = defaultdict(int)
    planned: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for action in actions:
        planned[action.operation].add((action.system, action.record_id))
        if action.outcome not in CHANGE_DONE:
            open_changes[action.operation] += 1
    confirmed = session.execute(
        select(Finding.system, Finding.record_id).where(
            Finding.case_id == case.id, Finding.review == FindingReview.CONFIRMED
        )
    ).all()
    # Erasure covers every confirmed record (the plan keeps what it may not erase, with why);
    # a rectification only touches the records that are wrong, so it has no such rule.
    erasure_planned = planned.get("erasure", set())
    unplanned = {"erasure": sum(1 for s, r in confirmed if (s, r) not in erasure_planned)}
    return dict(open_changes), unplanned


def gate_snapshot(session: Session, case: Case) -> GateSnapshot:
    """The state of ``case`` the finalise gate reads, as it is in this transaction."""
    enabled = tuple(
        session.scalars(
            select(ConnectorConfig.name)
            .where(ConnectorConfig.enabled.is_(True))
            .order_by(ConnectorConfig.name)
        )
    )
    last = _last_search_runs(session, case)
    open_manual = tuple(
        session.scalars(
            select(ManualTask.system)
            .where(ManualTask.case_id == case.id, ManualTask.result == "")
            .order_by(ManualTask.system)
        )
    )
    pending = session.scalar(
        select(func.count(Finding.id)).where(
            Finding.case_id == case.id, Finding.review == FindingReview.PENDING
        )
    )
    open_changes, unplanned = _changes(session, case)
    by_code = {t.code: t for t in case.request_types}
    portability = by_code.get("portability")
    exported = session.scalar(
        select(func.count(AuditEvent.id)).where(
            AuditEvent.case_id == case.id, AuditEvent.action == "portability_exported"
        )
    )
    return GateSnapshot(
        identity_established=_identity_established(session, case),
        enabled_systems=enabled,
        searched_systems=frozenset(s for s, status in last.items() if status == "ok"),
        failed_systems=tuple(s for s in enabled if last.get(s) in _FAILED_RUNS),
        open_manual_checks=open_manual,
        pending_findings=int(pending or 0),
        open_changes=open_changes,
        unplanned_records=unplanned,
        representative=case.representative is not None,
        authorisation_present=_authorisation_present(session, case),
        portability_requested=portability is not None
        and portability.outcome not in (REFUSED, NO_DATA, WITHDRAWN),
        portability_exported=bool(exported),
    )


def unmet_in(
    session: Session,
    case: Case,
    kind: LetterKind,
    options: Mapping[str, str],
    lang: str | None = None,
) -> list[Unmet]:
    """The unmet conditions of ``kind``'s gate for ``case`` (nothing to gather when none);
    ``lang`` is the letter's language (default: the case's)."""
    if kind.gate.empty:
        return []
    snap = gate_snapshot(session, case)
    if kind.gate.register:
        from app.services.access_answer import register_facts

        facts = register_facts(session, case, options, lang or case.language)
        snap = replace(
            snap,
            unlinked_systems=facts.unlinked_systems,
            unnamed_recipients=facts.unnamed_recipients,
            missing_texts=facts.missing_texts,
        )
    return unmet_conditions(kind.gate, snap, options)


def lock_case(session: Session, case_id: int) -> None:
    """Take the case's row lock first thing in a transaction (PostgreSQL: the row; SQLite: the
    write lock), so that a second officer finalising the same case waits and then re-checks."""
    session.execute(
        update(Case)
        .where(Case.id == case_id)
        .values(version=Case.version + 1)
        .execution_options(synchronize_session=False)
    )


def unmet_for_case(
    db: Database,
    *,
    reference: str,
    letter_type: str,
    options: Mapping[str, str] | None = None,
    lang: str | None = None,
) -> list[Unmet]:
    """What is still to be done before a ``letter_type`` letter for the case can be final."""
    kind = letter_kind(letter_type)
    with db.session() as session:
        case = case_by_reference(session, reference)
        return unmet_in(session, case, kind, dict(options or {}), lang)
