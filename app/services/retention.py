"""Retention use cases: list expired case files, anonymise or delete them, purge ID copies."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import delete, func, or_, select, update
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from app.core.audit_chain import DELETED_DOCUMENTS, TOMBSTONE
from app.core.code_words import code_word
from app.core.enums import ChangeOutcome, DocumentKind, LetterStatus
from app.core.errors import UserError, ValidationError
from app.core.i18n import _
from app.core.progress import Progress
from app.core.retention import (
    MODE_ANONYMISE,
    MODES,
    RetentionRule,
    parse_rules,
    retention_end,
    rule_for,
)
from app.core.validation import fold
from app.data import search_index
from app.data.database import Database
from app.data.models import (
    AuditEvent,
    Case,
    CaseLink,
    CaseRequestType,
    ChangeAction,
    ConnectorRun,
    Document,
    Finding,
    IdentityCheck,
    Letter,
    ManualTask,
    Note,
    Pause,
    RecipientNotice,
    Representative,
    Requester,
    RequesterIdentifier,
    SuppressionEntry,
)
from app.services import audit, audit_chain
from app.services.document_texts import purge_document_texts
from app.services.inbox import purge_inbox
from app.services.stored_settings import read_setting
from app.services.traces import CaseCopies, CopiesReport, count_copies, purge_copies

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ExpiredCase:
    reference: str
    closed_on: date
    outcome: str
    months: int
    retention_end: date
    reason: str

    def to_json(self) -> dict[str, Any]:
        return {
            "reference": self.reference,
            "closed_on": self.closed_on.isoformat(),
            "outcome": self.outcome,
            "months": self.months,
            "retention_end": self.retention_end.isoformat(),
            "reason": self.reason,
        }


@dataclass(frozen=True)
class RetentionResult:
    mode: str
    references: tuple[str, ...]
    compacted: bool = True  # False: the SQLite file could not be rewritten (busy), see log
    # Copies outside the database: removed now, not removable, and what the officer must do.
    copies: CopiesReport = field(default_factory=CopiesReport)


def _rules(session: Session) -> dict[str, RetentionRule]:
    return parse_rules(read_setting(session, "retention"))


def _expired(session: Session, today: date) -> list[ExpiredCase]:
    rules = _rules(session)
    rows = session.execute(
        select(Case.reference, Case.closed_on, Case.outcome)
        .where(Case.closed_on.is_not(None), Case.anonymised_at.is_(None))
        .order_by(Case.closed_on, Case.year, Case.seq)
    )
    result = []
    for reference, closed_on, outcome in rows:
        assert closed_on is not None  # filtered in SQL
        rule = rule_for(outcome, rules)
        end = retention_end(closed_on, rule.months)
        if today >= end:
            result.append(ExpiredCase(reference, closed_on, outcome, rule.months, end, rule.reason))
    return result


def list_expired(db: Database, *, today: date | None = None) -> list[ExpiredCase]:
    """Closed, not yet anonymised cases whose retention period has passed on ``today``."""
    with db.session() as session:
        return _expired(session, today or date.today())


def apply_retention(
    db: Database,
    *,
    actor: str,
    references: Sequence[str],
    mode: str = MODE_ANONYMISE,
    today: date | None = None,
    progress: Progress | None = None,
) -> RetentionResult:
    """Anonymise or delete the given expired cases, after the officer confirmed the list.

    Every reference must be expired on ``today``; otherwise nothing happens. Each case is done
    in its own transaction, so a cancel between cases leaves each case either done or untouched.
    """
    if mode not in MODES:
        raise ValidationError({"mode": _("Choose {items}.", items=" or ".join(MODES))})
    today = today or date.today()
    wanted = [r.strip().upper() for r in references]
    with db.session() as session:
        expired = {e.reference: e for e in _expired(session, today)}
    not_expired = [r for r in wanted if r not in expired]
    if not_expired:
        raise UserError(
            _(
                "These cases are not (yet) due for anonymisation or deletion: {references}. "
                "Nothing was changed; check the list with `retention list`.",
                references=", ".join(not_expired),
            )
        )
    done: list[str] = []
    counted: list[CaseCopies] = []
    for index, reference in enumerate(wanted):
        if progress is not None:
            progress.report(index / max(1, len(wanted)), reference)
        entry = expired[reference]
        with db.session() as session:
            case = session.scalar(select(Case).where(Case.reference == reference))
            if case is None:
                raise UserError(_("Case {reference} no longer exists.", reference=reference))
            counted.append(count_copies(session, case))
            if mode == MODE_ANONYMISE:
                _anonymise(session, case, actor=actor, entry=entry)
            else:
                _delete(session, case, actor=actor, entry=entry)
        done.append(reference)
        log.info("retention: case %s %s", reference, mode)
    if done:
        with db.engine.begin() as conn:  # the index drops their trigrams only when it merges
            search_index.purge_deleted_terms(conn)
    purge_inbox(db)  # letters left in the hot-folder inbox hold personal data too
    purge_document_texts(db)  # and so does the text read from scans in document folders
    compacted = _compact_sqlite(db)
    copies = purge_copies(db, counted) if done else CopiesReport()
    if progress is not None:
        progress.report(1.0, _("done"))
    return RetentionResult(mode, tuple(done), compacted, copies)


def _detach_requester(session: Session, case: Case) -> Requester:
    """A requester shared with another case is replaced by a blank one instead of wiped."""
    shared = session.scalar(
        select(func.count(Case.id)).where(
            Case.requester_id == case.requester_id, Case.id != case.id
        )
    )
    if shared:
        blank = Requester(country=case.requester.country)
        session.add(blank)
        case.requester = blank
        return blank
    return case.requester


def _anonymise(session: Session, case: Case, *, actor: str, entry: ExpiredCase) -> None:
    """Remove every personal datum; keep dates, types, outcomes, status and the audit skeleton."""
    now = datetime.now(UTC)
    requester = _detach_requester(session, case)
    for name in (
        "salutation",
        "initials",
        "first_name",
        "name_prefix",
        "last_name",
        "street",
        "house_number",
        "postcode",
        "city",
        "email",
        "phone",
    ):
        setattr(requester, name, "")
    requester.birth_date = None
    session.execute(
        delete(RequesterIdentifier).where(RequesterIdentifier.requester_id == requester.id)
    )
    session.execute(delete(Representative).where(Representative.case_id == case.id))
    case.their_reference = ""
    case.summary = ""
    case.extension_reason = ""
    case.search_text = fold(case.reference)
    _drop_leftovers(session, case.id)
    session.execute(update(Pause).where(Pause.case_id == case.id).values(reason=""))
    session.execute(update(IdentityCheck).where(IdentityCheck.case_id == case.id).values(note=""))
    # The SHA-256 of a document is no personal datum: it stays as proof of what was stored.
    documents = list(session.scalars(select(Document).where(Document.case_id == case.id)))
    for doc in documents:
        doc.content = None
        doc.filename = f"{doc.kind}-{doc.id}"
        if doc.deleted_at is None:
            doc.deleted_at = now
            doc.deleted_reason = "Removed when the case was anonymised (retention period ended)"
    session.execute(
        update(Letter)
        .where(Letter.case_id == case.id)
        .values(subject="", body="", recipient_name="", options=None)
    )
    session.execute(
        update(Finding)
        .where(Finding.case_id == case.id)
        .values(fields={}, matched_value="", record_id="", location="", note="")
    )
    session.execute(
        update(ChangeAction)
        .where(ChangeAction.case_id == case.id)
        .values(old_values={}, new_values={}, record_id="", detail="")
    )
    session.execute(update(ConnectorRun).where(ConnectorRun.case_id == case.id).values(error=""))
    session.execute(
        update(ManualTask).where(ManualTask.case_id == case.id).values(note="", instructions="")
    )  # the finished ones: which system was checked by hand stays on record
    session.execute(
        update(SuppressionEntry)
        .where(SuppressionEntry.case_reference == case.reference)
        .values(email="")
    )
    # Keep who did what when; drop what was changed and any text that could name the person.
    # The tombstone keeps the events' hashes, so the audit chain still verifies.
    tombstone = audit_chain.redaction_tombstone(session, case.id, case.reference)
    case.anonymised_at = now
    audit.record(
        session,
        case=case,
        actor=actor,
        action="case_anonymised",
        summary=_(
            "Case anonymised: retention of {months} months after closing ({outcome}) ended on "
            "{date}",
            months=entry.months,
            outcome=code_word("outcome", entry.outcome) if entry.outcome else _("no outcome"),
            date=entry.retention_end.isoformat(),
        ),
        after={
            "outcome": entry.outcome,
            "months": entry.months,
            "retention_end": entry.retention_end,
            "reason": entry.reason,
            TOMBSTONE: tombstone,
            DELETED_DOCUMENTS: audit_chain.deleted_documents(documents),
        },
    )


def _drop_leftovers(session: Session, case_id: int) -> None:
    """Rows of an anonymised case that would be blank and serve no purpose any more.

    Draft letters were never sent (a final letter stays: type, date, stored PDF's hash); a
    note is nothing but its text; an open manual task and a change that was planned but never
    executed are work nobody will do for a case that no longer names anyone. What stays feeds
    the statistics, the yearly report or the dossier's skeleton: final letters, executed
    changes, finished manual tasks, findings per system, pauses, identity checks, recipients
    notified. The audit events of the removed rows are kept in the tombstone like all others.
    """
    session.execute(
        delete(Letter).where(Letter.case_id == case_id, Letter.status == LetterStatus.DRAFT)
    )
    session.execute(delete(Note).where(Note.case_id == case_id))
    session.execute(
        delete(ManualTask).where(
            ManualTask.case_id == case_id, ManualTask.result == "", ManualTask.done_at.is_(None)
        )
    )
    session.execute(
        delete(ChangeAction).where(
            ChangeAction.case_id == case_id, ChangeAction.outcome == ChangeOutcome.PLANNED
        )
    )


def _delete(session: Session, case: Case, *, actor: str, entry: ExpiredCase) -> None:
    """Remove the case and every row of it; one audit event without a case remains."""
    case_id, requester_id = case.id, case.requester_id
    tombstone = audit_chain.removal_tombstone(session, case_id, case.reference)
    documents = list(session.scalars(select(Document).where(Document.case_id == case_id)))
    removed_documents = audit_chain.deleted_documents(documents)
    session.execute(delete(Finding).where(Finding.case_id == case_id))
    for model in (
        ChangeAction,
        ConnectorRun,
        ManualTask,
        RecipientNotice,
        Letter,
        Representative,
        Note,
        Pause,
        IdentityCheck,
        CaseRequestType,
        AuditEvent,
    ):
        session.execute(delete(model).where(model.case_id == case_id))
    session.execute(
        delete(CaseLink).where(or_(CaseLink.case_id == case_id, CaseLink.other_case_id == case_id))
    )
    session.execute(delete(Document).where(Document.case_id == case_id))
    session.execute(
        update(SuppressionEntry)
        .where(SuppressionEntry.case_reference == case.reference)
        .values(email="")
    )
    session.expunge(case)
    session.execute(delete(Case).where(Case.id == case_id))
    still_used = session.scalar(
        select(func.count(Case.id)).where(Case.requester_id == requester_id)
    )
    if not still_used:
        session.execute(
            delete(RequesterIdentifier).where(RequesterIdentifier.requester_id == requester_id)
        )
        session.execute(delete(Requester).where(Requester.id == requester_id))
    audit.record(
        session,
        case=None,
        actor=actor,
        action="case_deleted",
        summary=_(
            "Case {reference} deleted: retention of {months} months after closing ({outcome}) "
            "ended on {date}",
            reference=entry.reference,
            months=entry.months,
            outcome=code_word("outcome", entry.outcome) if entry.outcome else _("no outcome"),
            date=entry.retention_end.isoformat(),
        ),
        after={
            "reference": entry.reference,
            "outcome": entry.outcome,
            "closed_on": entry.closed_on,
            "retention_end": entry.retention_end,
            "reason": entry.reason,
            TOMBSTONE: tombstone,
            DELETED_DOCUMENTS: removed_documents,
        },
    )


def _compact_sqlite(db: Database) -> bool:
    """Make removed bytes unreadable in the SQLite file itself, not only in the tables.

    Freed pages and the WAL still hold old row images: VACUUM rewrites the file without them
    and a truncating checkpoint empties the WAL.
    """
    if db.engine.dialect.name != "sqlite":
        return True
    try:
        with db.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            conn.exec_driver_sql("VACUUM")
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    except OperationalError as exc:
        # The cases are already anonymised or deleted; only the file rewrite waits.
        log.warning("retention: SQLite file not compacted (%s)", exc.orig.__class__.__name__)
        return False
    return True


def purge_id_copies(db: Database, *, actor: str = "system") -> int:
    """Safety net: delete every ID copy of a case whose identity check is recorded."""
    now = datetime.now(UTC)
    count = 0
    with db.session() as session:
        checked = select(IdentityCheck.case_id)
        docs = session.scalars(
            select(Document).where(
                Document.kind == DocumentKind.ID_COPY.value,
                Document.deleted_at.is_(None),
                Document.case_id.in_(checked),
            )
        ).all()
        by_case: dict[int, int] = {}
        hashes: dict[int, list[Document]] = {}
        for doc in docs:
            hashes.setdefault(doc.case_id, []).append(doc)
            doc.content = None
            doc.deleted_at = now
            doc.deleted_reason = "ID copy deleted after the identity check (safety net)"
            by_case[doc.case_id] = by_case.get(doc.case_id, 0) + 1
            count += 1
        for case_id, n in sorted(by_case.items()):
            case = session.get(Case, case_id)
            audit.record(
                session,
                case=case,
                actor=actor,
                action="id_copy_purged",
                summary=_("{n} ID copy deleted: the identity check was already recorded", n=n),
                after={
                    "id_copies_deleted": n,
                    DELETED_DOCUMENTS: audit_chain.deleted_documents(hashes[case_id]),
                },
            )
    return count
