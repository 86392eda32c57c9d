"""Case use cases: register a letter, edit it, change status and decisions.

Notes, links and identifiers live in ``case_records``, documents in ``case_documents``, reads
in ``case_queries``; they are re-exported here so callers have one place to import from.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import asdict, replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.core.code_words import code_word
from app.core.enums import CaseStatus, Channel, DocumentKind, Language, RequestType
from app.core.errors import StaleDataError, UserError, ValidationError
from app.core.i18n import C_, Message, _, join, message_of, stored
from app.core.outcomes import OUTCOMES, REFUSAL_GROUNDS, case_outcome
from app.core.statistics import is_refusal
from app.core.status import check_transition
from app.core.validation import (
    CaseInput,
    RepresentativeInput,
    fold,
    full_name,
    house_number_of,
    normalise_postcode,
    text_problem,
    validate_case_input,
)
from app.data.database import Database
from app.data.models import (
    AuditEvent,
    Case,
    CaseRequestType,
    Note,
    ReferenceCounter,
    Representative,
    Requester,
    RequesterIdentifier,
)
from app.reading.searchable_pdf import searchable_name
from app.services import audit
from app.services.case_documents import (
    ScanFile,
    read_checked_file,
    store_document,
    store_searchable_pdf,
)
from app.services.deadlines import refresh
from app.services.field_limits import CASE_LIMITS, REPRESENTATIVE_LIMITS
from app.services.lookup import case_by_reference
from app.services.reminders import Person, flag_possible_duplicates
from app.services.stored_settings import read_setting

REFERENCE_PREFIX = "AVG"


def format_reference(year: int, seq: int) -> str:
    return f"{REFERENCE_PREFIX}-{year}-{seq:04d}"


def next_reference(session: Session, year: int) -> tuple[str, int]:
    """Issue the next reference of a year, safely when several officers register at once.

    The counter is incremented by one UPDATE before it is read: on PostgreSQL that locks the
    row until commit, on SQLite it takes the write lock (pysqlite only opens the transaction at
    the first write, so a read-then-write would let two officers read the same number).
    """
    for _attempt in range(3):
        bumped = session.execute(
            update(ReferenceCounter)
            .where(ReferenceCounter.year == year)
            .values(last_seq=ReferenceCounter.last_seq + 1)
            .execution_options(synchronize_session=False)
        )
        if getattr(bumped, "rowcount", 0) == 1:
            seq = session.scalar(
                select(ReferenceCounter.last_seq).where(ReferenceCounter.year == year)
            )
            assert seq is not None
            return format_reference(year, seq), seq
        try:  # the first case of a year: create the counter; a concurrent creator may win
            with session.begin_nested():
                session.add(ReferenceCounter(year=year, last_seq=0))
        except IntegrityError:
            continue
    raise UserError(_("No case reference could be issued; try again in a moment."))


def search_text_of(reference: str, requester: Requester) -> str:
    postcode = requester.postcode
    parts = [reference, requester.full_name, postcode, postcode.replace(" ", ""), requester.email]
    parts += [requester.city]
    return fold(" | ".join(p for p in parts if p))


def _type_codes(codes: Sequence[str]) -> str:
    return "," + ",".join(codes) + ","


def _requester_from_input(inp: CaseInput) -> Requester:
    requester = Requester(
        salutation=inp.salutation,
        initials=inp.initials,
        first_name=inp.first_name,
        name_prefix=inp.name_prefix,
        last_name=inp.last_name,
        street=inp.street,
        house_number=house_number_of(inp.street),
        postcode=inp.postcode,
        city=inp.city,
        country=inp.country,
        email=inp.email,
        phone=inp.phone,
        birth_date=inp.birth_date,
    )
    for kind, value in inp.identifiers:
        requester.identifiers.append(RequesterIdentifier(kind=kind.value, value=value.strip()))
    return requester


def _representative(rep: RepresentativeInput) -> Representative:
    postcode = rep.postcode
    if postcode:
        try:
            postcode = normalise_postcode(postcode, rep.country)
        except ValueError as exc:
            raise ValidationError({"representative_postcode": message_of(exc)}) from exc
    return Representative(
        name=rep.name.strip(),
        role=rep.role,
        organisation=rep.organisation,
        street=rep.street,
        postcode=postcode,
        city=rep.city,
        country=rep.country,
        email=rep.email,
        authorisation_dated=rep.authorisation_dated,
    )


def register_case(
    db: Database,
    *,
    actor: str,
    data: CaseInput,
    attachment: Path | None = None,
    today: date | None = None,
    reminder_unknown: bool = False,
    ultimatum_on: date | None = None,
    searchable_pdf: bytes | None = None,
) -> str:
    """Register an incoming letter as a case; returns the new reference.

    Everything is validated before anything is written, so bad input changes nothing.
    ``reminder_unknown``: the letter is a reminder whose earlier request was not found (the
    case is flagged); ``ultimatum_on``: the date the letter gives us to answer by;
    ``searchable_pdf``: what OCR made of the scan, stored as a new document linked to it.
    """
    today = today or date.today()
    data = _validated(data, today)
    with db.session() as session:
        max_mb = int(read_setting(session, "attachments").get("max_mb", 50))
        scan = None
        if attachment is not None:
            content, media_type = read_checked_file(attachment, max_mb=max_mb)
            scan = ScanFile(content, media_type, attachment.name)
        case = create_case(
            session,
            actor=actor,
            data=data,
            today=today,
            scan=scan,
            max_mb=max_mb,
            reminder_unknown=reminder_unknown,
            ultimatum_on=ultimatum_on,
            searchable_pdf=searchable_pdf,
        )
        return case.reference


def create_case(
    session: Session,
    *,
    actor: str,
    data: CaseInput,
    today: date,
    scan: ScanFile | None,
    max_mb: int,
    reminder_unknown: bool = False,
    ultimatum_on: date | None = None,
    searchable_pdf: bytes | None = None,
) -> Case:
    """The case of a validated ``data`` in the caller's transaction (register_case, inbox)."""
    assert data.received_on is not None
    rep_input = data.representative
    authorisation = None
    if rep_input is not None and rep_input.authorisation is not None:
        try:
            authorisation = read_checked_file(rep_input.authorisation, max_mb=max_mb)
        except ValidationError as exc:  # same checks as the scan, shown at its own field
            message = " ".join(exc.errors.values())
            raise ValidationError({"representative_authorisation": message}) from exc
    reference, seq = next_reference(session, data.received_on.year)
    requester = _requester_from_input(data)
    session.add(requester)
    codes = [t.value for t in data.request_types]
    case = Case(
        reference=reference,
        year=data.received_on.year,
        seq=seq,
        received_on=data.received_on,
        registered_on=today,
        their_reference=data.their_reference.strip(),
        their_letter_date=data.their_letter_date,
        channel=data.channel.value,
        language=data.language.value,
        status=CaseStatus.REGISTERED.value,
        assigned_to=data.assigned_to or actor,
        summary=data.summary,
        requester=requester,
        search_text=search_text_of(reference, requester),
        type_codes=_type_codes(codes),
        reminder_unknown=reminder_unknown,
        ultimatum_on=ultimatum_on,
        last_reminder_on=data.received_on if reminder_unknown else None,
    )
    for code in codes:
        case.request_types.append(CaseRequestType(code=code))
    if rep_input is not None:
        case.representative = _representative(rep_input)
    session.add(case)
    session.flush()
    refresh(session, case)
    audit.record(
        session,
        case=case,
        actor=actor,
        action="case_registered",
        summary=_(
            "Letter received {date} registered as {reference}",
            date=data.received_on.isoformat(),
            reference=reference,
        ),
        after={
            "types": codes,
            "received_on": data.received_on,
            "channel": data.channel.value,
            "status": case.status,
        },
    )
    if reminder_unknown:
        audit.record(
            session,
            case=case,
            actor=actor,
            action="reminder_unknown_request",
            summary=_("A reminder about a request that was not found: registered as a new case"),
            after={"ultimatum_on": ultimatum_on},
        )
    if scan is not None:
        store_document(
            session,
            case=case,
            actor=actor,
            content=scan.content,
            filename=scan.filename,
            media_type=scan.media_type,
            kind=DocumentKind.SCAN,
        )
        if searchable_pdf is not None:
            store_searchable_pdf(
                session,
                case=case,
                actor=actor,
                scan_sha256=hashlib.sha256(scan.content).hexdigest(),
                content=searchable_pdf,
                filename=searchable_name(scan.filename),
            )
    if case.representative is not None and rep_input is not None:
        _record_authorisation(session, case, case.representative, rep_input, authorisation, actor)
    person = Person(data.last_name, data.postcode, data.email, data.birth_date)
    flag_possible_duplicates(session, case=case, person=person, actor=actor)
    return case


def validated_input(data: CaseInput, today: date) -> CaseInput:
    """``data`` checked as register_case checks it (ValidationError names every bad field)."""
    return _validated(data, today)


def _validated(data: CaseInput, today: date) -> CaseInput:
    """The case and its representative validated together, so every bad field shows at once."""
    errors: dict[str, str] = {}
    try:
        data = validate_case_input(data, today=today, limits=CASE_LIMITS)
    except ValidationError as exc:
        errors.update(exc.errors)
    representative = data.representative
    if representative is not None:
        try:
            representative = representative.validated(REPRESENTATIVE_LIMITS, today)
        except ValidationError as exc:
            errors.update(exc.errors)
    if not errors:
        errors.update(_window_errors(data, representative))
    if errors:
        raise ValidationError(errors)
    return replace(data, representative=representative)


def _window_errors(data: CaseInput, rep: RepresentativeInput | None) -> dict[str, str]:
    """An address that needs more than PostNL's 6 lines in the window (long lines wrap) is
    refused at intake, with the reason, rather than when the first letter is made."""
    from app.letters import AddressError, LetterLayout, PostalAddress, format_address
    from app.letters.geometry import wrap_address  # ReportLab's metrics: loaded when needed

    name = full_name(data.first_name, data.initials, data.name_prefix, data.last_name)
    addresses = {"street": PostalAddress(name, data.street, data.postcode, data.city, data.country)}
    if rep is not None:
        addresses["representative_street"] = PostalAddress(
            name_line=rep.organisation or rep.name,
            street_line=rep.street,
            postcode=rep.postcode,
            city=rep.city,
            country=rep.country,
            extra_lines=(
                (C_("address line", "Attn. {name}", name=rep.name).render("nl"),)
                if rep.organisation
                else ()
            ),
        )
    errors: dict[str, str] = {}
    for field_name, address in addresses.items():
        if not (address.street_line.strip() and address.city.strip()):
            continue  # an incomplete address is for the letter to refuse, if one is made
        try:
            wrap_address(format_address(address, "nl"), LetterLayout())
        except AddressError as exc:
            errors[field_name] = message_of(exc)
    return errors


AUTHORISATION_MISSING = _(
    "Representative without an authorisation (machtiging): send the answer only after the "
    "authorisation is received, and attach it to this case."
)


def _record_authorisation(
    session: Session,
    case: Case,
    rep: Representative,
    rep_input: RepresentativeInput,
    authorisation: tuple[bytes, str] | None,
    actor: str,
) -> None:
    """Keep the authorisation with the case, or flag that it is missing (note + audit event)."""
    if authorisation is None or rep_input.authorisation is None:
        # Kept as a message, so every reader (a German dossier too) sees it in their language.
        case.notes.append(Note(author=actor, text=stored(AUTHORISATION_MISSING)))
        audit.record(
            session,
            case=case,
            actor=actor,
            action="authorisation_missing",
            summary=AUTHORISATION_MISSING,
            after={"representative_role": rep.role},
        )
        return
    content, media_type = authorisation
    doc = store_document(
        session,
        case=case,
        actor=actor,
        content=content,
        filename=rep_input.authorisation.name,
        media_type=media_type,
        kind=DocumentKind.AUTHORISATION,
    )
    rep.authorisation_document_id = doc.id
    audit.record(
        session,
        case=case,
        actor=actor,
        action="authorisation_received",
        summary=_(
            "Authorisation (machtiging) of the {role} kept as document {id}",
            role=code_word("role", rep.role),
            id=doc.id,
        ),
        after={
            "document_id": doc.id,
            "sha256": doc.sha256,
            "representative_role": rep.role,
            "authorisation_dated": (
                rep.authorisation_dated.isoformat() if rep.authorisation_dated else None
            ),
        },
    )
    session.flush()


EDITABLE_CASE_FIELDS = {
    "received_on", "their_reference", "their_letter_date", "channel", "language", "assigned_to",
    "summary", "request_types",
}  # fmt: skip
EDITABLE_REQUESTER_FIELDS = {
    "salutation", "initials", "first_name", "name_prefix", "last_name", "street", "postcode",
    "city", "country", "email", "phone", "birth_date",
}  # fmt: skip


def _input_of(case: Case) -> CaseInput:
    r = case.requester
    return CaseInput(
        request_types=tuple(RequestType(t.code) for t in case.request_types),
        received_on=case.received_on,
        last_name=r.last_name,
        first_name=r.first_name,
        name_prefix=r.name_prefix,
        initials=r.initials,
        salutation=r.salutation,
        street=r.street,
        postcode=r.postcode,
        city=r.city,
        country=r.country,
        email=r.email,
        phone=r.phone,
        birth_date=r.birth_date,
        their_reference=case.their_reference,
        their_letter_date=case.their_letter_date,
        channel=Channel(case.channel),
        language=Language(case.language),
        assigned_to=case.assigned_to,
        summary=case.summary,
    )


def edit_case(
    db: Database,
    *,
    actor: str,
    reference: str,
    expected_version: int,
    changes: dict[str, Any],
    today: date | None = None,
) -> int:
    """Apply changes unless someone saved since ``expected_version``; returns the new version."""
    today = today or date.today()
    unknown = set(changes) - EDITABLE_CASE_FIELDS - EDITABLE_REQUESTER_FIELDS
    if unknown:
        raise ValidationError({name: _("This field cannot be edited.") for name in sorted(unknown)})
    with db.session() as session:
        case = case_by_reference(session, reference)
        if case.version != expected_version:
            raise StaleDataError(
                _(
                    "Case {reference} was changed by {last_actor} while you were editing. Your "
                    "changes were not saved: reload the case and make them again.",
                    reference=case.reference,
                    last_actor=_last_actor(session, case),
                )
            )
        if case.anonymised_at is not None:
            raise UserError(
                _("Case {reference} is anonymised and cannot be edited.", reference=case.reference)
            )
        current = _input_of(case)
        converted = dict(changes)
        if "request_types" in converted:
            converted["request_types"] = tuple(RequestType(t) for t in converted["request_types"])
        if "channel" in converted:
            converted["channel"] = Channel(converted["channel"])
        if "language" in converted:
            converted["language"] = Language(converted["language"])
        new = validate_case_input(replace(current, **converted), today=today, limits=CASE_LIMITS)
        before_all = asdict(current)
        after_all = asdict(new)
        before, after = audit.diff(
            {k: before_all[k] for k in changes}, {k: after_all[k] for k in changes}
        )
        if not after:
            return case.version
        for name in EDITABLE_CASE_FIELDS & set(after):
            if name == "request_types":
                continue
            value = getattr(new, name)
            setattr(case, name, value.value if hasattr(value, "value") else value)
        if "request_types" in after:
            codes = [t.value for t in new.request_types]
            keep = {t.code: t for t in case.request_types}
            case.request_types = [keep.get(c) or CaseRequestType(code=c) for c in codes]
            case.type_codes = _type_codes(codes)
        requester = case.requester
        for name in EDITABLE_REQUESTER_FIELDS & set(after):
            setattr(requester, name, getattr(new, name))
        requester.house_number = house_number_of(requester.street)
        case.search_text = search_text_of(case.reference, requester)
        if "received_on" in after:
            refresh(session, case)
        case.updated_at = datetime.now(UTC)
        audit.record(
            session,
            case=case,
            actor=actor,
            action="case_edited",
            summary=_("Changed: {fields}", fields=", ".join(sorted(after))),
            before=before,
            after=after,
        )
        session.flush()
        return case.version


def _last_actor(session: Session, case: Case) -> str:
    actor = session.scalar(
        select(AuditEvent.actor)
        .where(AuditEvent.case_id == case.id)
        .order_by(AuditEvent.id.desc())
        .limit(1)
    )
    return actor or "someone else"


def change_status(
    db: Database,
    *,
    actor: str,
    reference: str,
    new_status: CaseStatus,
    expected_version: int | None = None,
    note: str = "",
    today: date | None = None,
) -> int:
    today = today or date.today()
    problem = text_problem(note, multiline=True)
    if problem is not None:
        raise ValidationError({"note": problem})
    with db.session() as session:
        case = case_by_reference(session, reference)
        if expected_version is not None and case.version != expected_version:
            raise StaleDataError(
                _(
                    "Case {reference} was changed meanwhile. Reload it and try again.",
                    reference=case.reference,
                )
            )
        old = CaseStatus(case.status)
        check_transition(old, new_status)
        case.status = new_status.value
        if new_status == CaseStatus.ANSWERED and case.answered_on is None:
            case.answered_on = today
        if new_status == CaseStatus.CLOSED:
            case.closed_on = today
            decided = case_outcome({t.code: t.outcome for t in case.request_types})
            if decided:
                case.outcome = decided
            elif not case.outcome:
                case.outcome = _default_outcome(old)
        if new_status in (CaseStatus.REFUSED, CaseStatus.WITHDRAWN):
            case.outcome = new_status.value
            if new_status == CaseStatus.REFUSED and case.answered_on is None:
                case.answered_on = today
        audit.record(
            session,
            case=case,
            actor=actor,
            action="status_changed",
            summary=_(
                "Status {old} -> {new}: {note}",
                old=code_word("status", old.value),
                new=code_word("status", new_status.value),
                note=note,
            )
            if note
            else _(
                "Status {old} -> {new}",
                old=code_word("status", old.value),
                new=code_word("status", new_status.value),
            ),
            before={"status": old.value},
            after={"status": new_status.value},
        )
        session.flush()
        return case.version


def set_outcomes(
    db: Database,
    *,
    actor: str,
    reference: str,
    outcomes: dict[str, str],
    expected_version: int | None = None,
    grounds: Mapping[str, str] | None = None,
) -> int:
    """Record the decision per request type (e.g. access granted, erasure partly refused).

    ``grounds`` gives the refusal ground (a REFUSAL_GROUNDS code) of a refused type; a type
    decided otherwise keeps none. Without ``grounds`` a refused type keeps the ground it had.
    """
    grounds = dict(grounds or {})
    errors = {
        f"outcome_{code}": _(
            "Unknown decision '{value}'. Use one of: {items}.",
            value=value,
            items=", ".join(OUTCOMES),
        )
        for code, value in outcomes.items()
        if value not in OUTCOMES
    }
    for code, ground in grounds.items():
        if ground and ground not in REFUSAL_GROUNDS:
            errors[f"ground_{code}"] = _(
                "Unknown refusal ground '{ground}'. Use one of: {items}.",
                ground=ground,
                items=", ".join(REFUSAL_GROUNDS),
            )
        elif ground and not is_refusal(outcomes.get(code, "")):
            errors[f"ground_{code}"] = _("A refusal ground only goes with a (partial) refusal.")
    if errors:
        raise ValidationError(errors)
    with db.session() as session:
        case = case_by_reference(session, reference)
        if expected_version is not None and case.version != expected_version:
            raise StaleDataError(
                _(
                    "Case {reference} was changed meanwhile. Reload it and try again.",
                    reference=case.reference,
                )
            )
        by_code = {t.code: t for t in case.request_types}
        unknown = sorted(set(outcomes) - set(by_code))
        if unknown:
            raise ValidationError(
                {f"outcome_{c}": _("The case has no '{c}' request.", c=c) for c in unknown}
            )

        def ground_of(code: str, value: str) -> str:
            if not is_refusal(value):
                return ""  # a ground only explains a refusal
            return grounds.get(code, by_code[code].refusal_ground)

        before = {code: (by_code[code].outcome, by_code[code].refusal_ground) for code in outcomes}
        after = {code: (value, ground_of(code, value)) for code, value in outcomes.items()}
        changed = {code: new for code, new in after.items() if before[code] != new}
        if not changed:
            return case.version
        for code, (value, ground) in changed.items():
            by_code[code].outcome = value
            by_code[code].refusal_ground = ground
        case.updated_at = datetime.now(UTC)  # a decision is a change of the case: new version
        if case.status == CaseStatus.CLOSED.value:
            case.outcome = case_outcome({t.code: t.outcome for t in case.request_types})
        audit.record(
            session,
            case=case,
            actor=actor,
            action="decision_recorded",
            summary=join([_decision(c, v, g) for c, (v, g) in sorted(changed.items())], ", "),
            before={c: before[c][0] for c in changed},
            after={c: v for c, (v, _) in changed.items()},
        )
        session.flush()
        return case.version


def _default_outcome(previous: CaseStatus) -> str:
    if previous == CaseStatus.REFUSED:
        return "refused"
    if previous == CaseStatus.WITHDRAWN:
        return "withdrawn"
    return "granted"


def _decision(code: str, outcome: str, ground: str) -> Message:
    """ "access: granted" for the audit trail, in the reader's language."""
    kind, decided = code_word("type", code), code_word("outcome", outcome)
    if ground:
        return _(
            "{kind}: {outcome} ({ground})",
            kind=kind,
            outcome=decided,
            ground=code_word("refusal_ground", ground),
        )
    return _("{kind}: {outcome}", kind=kind, outcome=decided)
