"""Reminders and duplicates: find the earlier case, register a reminder on it, flag doubles.

A reminder (herinnering, ingebrekestelling) is a document and an event on the earlier case: it
starts no new legal clock and is no new request in the register or the yearly report. Its
ultimatum is a deadline on that case (``Case.ultimatum_on``), shown in the overview and on the
to-do list. Linking a case of a different person (name and address do not match) needs the
officer's explicit confirmation.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app.core.enums import DocumentKind
from app.core.errors import UserError, ValidationError
from app.core.i18n import _
from app.core.status import OPEN_STATUSES
from app.core.validation import fold
from app.data.database import Database
from app.data.models import Case, CaseLink, Requester
from app.reading.searchable_pdf import searchable_name
from app.services import audit
from app.services.case_documents import ScanFile, store_document, store_searchable_pdf
from app.services.lookup import case_by_reference

OPEN_VALUES = tuple(s.value for s in OPEN_STATUSES)
POSSIBLE_DUPLICATE = "possible_duplicate_of"


class ConfirmationNeeded(UserError):
    """The earlier case is of a different person: the officer must confirm the link."""


@dataclass(frozen=True)
class Person:
    """Who a letter is from, as typed or proposed: what an earlier case is matched on."""

    last_name: str = ""
    postcode: str = ""
    email: str = ""
    birth_date: date | None = None

    @property
    def empty(self) -> bool:
        return not (self.last_name.strip() or self.postcode.strip() or self.email.strip())


@dataclass(frozen=True)
class EarlierCase:
    """A case the letter may belong to, why it was found and whether the person matches."""

    reference: str
    name: str
    postcode: str
    status: str
    received_on: date
    is_open: bool
    found_by: str  # "our_reference" | "same_person"
    same_person: bool

    def to_json(self) -> dict[str, object]:
        return {
            "reference": self.reference,
            "name": self.name,
            "postcode": self.postcode,
            "status": self.status,
            "received_on": self.received_on.isoformat(),
            "open": self.is_open,
            "found_by": self.found_by,
            "same_person": self.same_person,
        }


def _postcode_key(text: str) -> str:
    return "".join(text.split()).upper()


def _matches(requester: Requester, person: Person) -> bool:
    """Same person: the e-mail matches, or the last name and the postcode both do."""
    if person.email.strip() and requester.email:
        if person.email.strip().casefold() == requester.email.strip().casefold():
            return True
    name = fold(person.last_name)
    postcode = _postcode_key(person.postcode)
    return bool(name and postcode) and (
        fold(requester.last_name) == name and _postcode_key(requester.postcode) == postcode
    )


def _earlier(case: Case, found_by: str, person: Person) -> EarlierCase:
    return EarlierCase(
        reference=case.reference,
        name=case.requester.full_name,
        postcode=case.requester.postcode,
        status=case.status,
        received_on=case.received_on,
        is_open=case.status in OPEN_VALUES,
        found_by=found_by,
        same_person=_matches(case.requester, person),
    )


def find_earlier_cases(
    db: Database, *, our_reference: str = "", person: Person | None = None, limit: int = 5
) -> list[EarlierCase]:
    """The case the letter quotes (open or closed), then open cases of the same person."""
    person = person or Person()
    with db.session() as session:
        return earlier_cases_in(session, our_reference=our_reference, person=person, limit=limit)


def earlier_cases_in(
    session: Session, *, our_reference: str, person: Person, limit: int = 5
) -> list[EarlierCase]:
    found: list[EarlierCase] = []
    ref = our_reference.strip().upper()
    if ref:
        case = session.scalar(
            select(Case).where(Case.reference == ref, Case.anonymised_at.is_(None))
        )
        if case is not None:
            found.append(_earlier(case, "our_reference", person))
    if person.empty:
        return found
    conditions = []
    if person.email.strip():
        conditions.append(Requester.email.ilike(person.email.strip()))
    if person.last_name.strip() and person.postcode.strip():
        conditions.append(Requester.last_name.ilike(person.last_name.strip()))
    if not conditions:
        return found
    candidates = session.scalars(
        select(Case)
        .join(Requester, Requester.id == Case.requester_id)
        .where(Case.status.in_(OPEN_VALUES), Case.anonymised_at.is_(None), or_(*conditions))
        .order_by(Case.received_on.desc(), Case.id.desc())
        .limit(50)
    )
    seen = {e.reference for e in found}
    for case in candidates:
        if case.reference in seen or not _matches(case.requester, person):
            continue
        found.append(_earlier(case, "same_person", person))
        if len(found) >= limit:
            break
    return found


def _check_person(case: Case, person: Person, confirmed: bool) -> None:
    if confirmed or person.empty or _matches(case.requester, person):
        return
    raise ConfirmationNeeded(
        _(
            "{reference} is a case of {name} ({postcode}), and the letter's name and address "
            "do not match. Check the letter; link it only if it really is about that case "
            "(confirm the link to go on).",
            reference=case.reference,
            name=case.requester.full_name,
            postcode=case.requester.postcode or "-",
        )
    )


def add_reminder(
    session: Session,
    *,
    actor: str,
    reference: str,
    received_on: date,
    scan: ScanFile | None,
    person: Person,
    confirmed: bool = False,
    letter_date: date | None = None,
    ultimatum_on: date | None = None,
    searchable_pdf: bytes | None = None,
) -> Case:
    """Register a reminder on the earlier case (caller's transaction): document + event.

    No new case, no new legal clock; the ultimatum becomes the case's ultimatum deadline.
    """
    case = case_by_reference(session, reference)
    if case.anonymised_at is not None:
        raise UserError(
            _(
                "{reference} was anonymised; register the letter as a new case.",
                reference=case.reference,
            )
        )
    _check_person(case, person, confirmed)
    if received_on < case.received_on:
        raise ValidationError(
            {
                "received_on": _(
                    "The reminder cannot have arrived before the request it reminds of ({date}).",
                    date=case.received_on.isoformat(),
                )
            }
        )
    document_id = None
    if scan is not None:
        doc = store_document(
            session,
            case=case,
            actor=actor,
            content=scan.content,
            filename=scan.filename,
            media_type=scan.media_type,
            kind=DocumentKind.SCAN,
        )
        document_id = doc.id
        if searchable_pdf is not None:
            store_searchable_pdf(
                session,
                case=case,
                actor=actor,
                scan_sha256=doc.sha256,
                content=searchable_pdf,
                filename=searchable_name(scan.filename),
            )
    before = {"last_reminder_on": case.last_reminder_on, "ultimatum_on": case.ultimatum_on}
    if case.last_reminder_on is None or received_on >= case.last_reminder_on:
        case.last_reminder_on = received_on
        if ultimatum_on is not None:
            case.ultimatum_on = ultimatum_on
    elif ultimatum_on is not None and case.ultimatum_on is None:
        case.ultimatum_on = ultimatum_on
    audit.record(
        session,
        case=case,
        actor=actor,
        action="reminder_received",
        summary=_(
            "Reminder received {date} (no new request, no new deadline); answer demanded "
            "by {ultimatum}",
            date=received_on.isoformat(),
            ultimatum=ultimatum_on.isoformat(),
        )
        if ultimatum_on is not None
        else _(
            "Reminder received {date} (no new request, no new deadline)",
            date=received_on.isoformat(),
        ),
        before=before,
        after={
            "last_reminder_on": case.last_reminder_on,
            "ultimatum_on": case.ultimatum_on,
            "letter_date": letter_date,
            "document_id": document_id,
            "confirmed_other_person": bool(confirmed and not _matches(case.requester, person)),
        },
    )
    session.flush()
    return case


def register_reminder(
    db: Database,
    *,
    actor: str,
    reference: str,
    received_on: date,
    scan: ScanFile | None = None,
    person: Person | None = None,
    confirmed: bool = False,
    letter_date: date | None = None,
    ultimatum_on: date | None = None,
    searchable_pdf: bytes | None = None,
) -> str:
    """:func:`add_reminder` in its own transaction; returns the earlier case's reference."""
    with db.session() as session:
        case = add_reminder(
            session,
            actor=actor,
            reference=reference,
            received_on=received_on,
            scan=scan,
            person=person or Person(),
            confirmed=confirmed,
            letter_date=letter_date,
            ultimatum_on=ultimatum_on,
            searchable_pdf=searchable_pdf,
        )
        return case.reference


def flag_possible_duplicates(
    session: Session, *, case: Case, person: Person, actor: str
) -> list[str]:
    """A new letter from someone with an open case: linked as a possible duplicate."""
    others = [
        e.reference
        for e in earlier_cases_in(session, our_reference="", person=person, limit=5)
        if e.reference != case.reference
    ]
    for reference in others:
        other = case_by_reference(session, reference)
        session.add(CaseLink(case_id=case.id, other_case_id=other.id, relation=POSSIBLE_DUPLICATE))
        audit.record(
            session,
            case=case,
            actor=actor,
            action="possible_duplicate",
            summary=_(
                "Possible duplicate: {reference} of the same person is still open",
                reference=reference,
            ),
            after={"other": reference, "relation": POSSIBLE_DUPLICATE},
        )
    return others
