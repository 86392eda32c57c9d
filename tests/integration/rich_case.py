"""A closed case with everything in it (scan, note, findings, erasures, letter) for report tests."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from app.core.enums import (
    CaseStatus,
    DocumentKind,
    IdentifierKind,
    IdentityMethod,
    IdentityOutcome,
    RequestType,
)
from app.core.validation import CaseInput, RepresentativeInput
from app.data.database import Database, open_database
from app.data.models import (
    ChangeAction,
    ConnectorRun,
    Finding,
    Letter,
    ManualTask,
    RecipientNotice,
    SuppressionEntry,
)
from app.services import audit
from app.services.case_documents import record_identity_check, store_document
from app.services.case_records import add_note
from app.services.cases import change_status, register_case
from app.services.lookup import case_by_reference


@dataclass(frozen=True)
class Person:
    first_name: str = "Zoë"
    last_name: str = "IJsselstein-Çelik"
    email: str = "zoe.ijsselstein-celik@voorbeeld.nl"
    phone: str = "06-48213377"
    street: str = "Lindeboomsweg 77"
    postcode: str = "5253 ZK"
    city: str = "Nieuwkuijk"
    birth_date: date = date(1987, 2, 14)
    customer_number: str = "DB-778899"
    ip: str = "203.0.113.77"
    their_reference: str = "ZIC-2023-017"
    representative: str = "Mr. Pieter Ouwehand"

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"


def pdf_with_text(path: Path, lines: list[str]) -> Path:
    """An uncompressed PDF whose text is readable in its bytes (a 'scan' with the name in it)."""
    canvas = Canvas(str(path), pageCompression=0)
    y = 800
    for line in lines:
        canvas.drawString(72, y, line)
        y -= 16
    canvas.save()
    return path


def make_rich_case(db: Database, folder: Path, person: Person = Person()) -> str:
    """Registered 1 March 2023, searched, partly erased, answered and closed 3 April 2023.

    Access was granted and the erasure partly refused (data kept), so the case closes as
    partly_refused (36 months' retention by default).
    """
    day = date(2023, 3, 1)
    scan = pdf_with_text(
        folder / f"scan {person.full_name}.pdf",
        [f"Aan Databalance, van {person.full_name}", person.email, person.street],
    )
    data = CaseInput(
        request_types=(RequestType.ACCESS, RequestType.ERASURE),
        received_on=day,
        first_name=person.first_name,
        last_name=person.last_name,
        street=person.street,
        postcode=person.postcode,
        city=person.city,
        email=person.email,
        phone=person.phone,
        birth_date=person.birth_date,
        their_reference=person.their_reference,
        summary=f"{person.full_name} wil inzage en verwijdering",
        identifiers=(
            (IdentifierKind.CUSTOMER_NUMBER, person.customer_number),
            (IdentifierKind.IP_ADDRESS, person.ip),
        ),
        representative=RepresentativeInput(
            name=person.representative, role="lawyer", email="p.ouwehand@advocaat.example"
        ),
    )
    reference = register_case(db, actor="m.devries", data=data, attachment=scan, today=day)
    add_note(
        db,
        actor="m.devries",
        reference=reference,
        text=f"Gebeld met {person.full_name} over {person.email}",
    )
    change_status(
        db,
        actor="m.devries",
        reference=reference,
        new_status=CaseStatus.IN_PROGRESS,
        today=date(2023, 3, 2),
    )
    record_identity_check(
        db,
        actor="m.devries",
        reference=reference,
        method=IdentityMethod.MATCHED_KNOWN_DATA,
        outcome=IdentityOutcome.VERIFIED,
        checked_on=date(2023, 3, 2),
        today=date(2023, 3, 2),
    )
    with db.session() as session:
        case = case_by_reference(session, reference)
        run = ConnectorRun(
            case_id=case.id,
            system="Self Service Portal",
            status="ok",
            findings_count=3,
            actor="m.devries",
        )
        session.add(
            ConnectorRun(
                case_id=case.id,
                system="Nieuwsbrief",
                status="failed",
                error=f"timeout looking up {person.email}",
            )
        )
        session.add(run)
        session.flush()
        session.add_all(
            [
                Finding(
                    case_id=case.id,
                    run_id=run.id,
                    system="Self Service Portal",
                    record_id="customers:42",
                    location="customers",
                    fields={
                        "email": person.email,
                        "name": person.full_name,
                        "customer_number": person.customer_number,
                    },
                    categories=["contact details"],
                    matched_kind="email",
                    matched_value=person.email,
                    strength="strong",
                    review="confirmed",
                ),
                Finding(
                    case_id=case.id,
                    run_id=run.id,
                    system="Self Service Portal",
                    record_id="tickets:7",
                    location="tickets",
                    fields={"subject": "Wachtwoord vergeten", "ip": person.ip},
                    categories=["support history", "IP address"],
                    matched_kind="ip_address",
                    matched_value=person.ip,
                    strength="strong",
                    review="confirmed",
                ),
                Finding(
                    case_id=case.id,
                    run_id=run.id,
                    system="Self Service Portal",
                    record_id="customers:99",
                    location="customers",
                    fields={"name": person.full_name, "city": "Zwolle"},
                    categories=["contact details"],
                    matched_kind="name",
                    matched_value=person.full_name,
                    strength="weak",
                    review="rejected",
                ),
                ChangeAction(
                    case_id=case.id,
                    system="Self Service Portal",
                    operation="erasure",
                    record_id="customers:42",
                    action="delete_row",
                    fields=["email"],
                    old_values={"email": person.email},
                    new_values={},
                    outcome="removed",
                    detail=f"removed {person.email}",
                ),
                ChangeAction(
                    case_id=case.id,
                    system="Self Service Portal",
                    operation="erasure",
                    record_id="invoices:5",
                    action="keep",
                    fields=["name"],
                    reason="Fiscale bewaarplicht 7 jaar (art. 52 AWR)",
                    old_values={"name": person.full_name},
                    new_values={},
                    outcome="kept",
                ),
                ManualTask(
                    case_id=case.id,
                    system="Papieren archief",
                    instructions=f"Zoek map {person.last_name}",
                    result="not_found",
                    note=f"Geen map van {person.full_name}",
                    done_by="a.bakker",
                ),
                RecipientNotice(
                    case_id=case.id,
                    recipient="Mailing B.V.",
                    action="erasure",
                    method="letter",
                    notified_on=date(2023, 3, 20),
                    notified_by="m.devries",
                ),
                SuppressionEntry(
                    email_sha256=hashlib.sha256(person.email.encode()).hexdigest(),
                    email=person.email,
                    added_on=date(2023, 3, 20),
                    case_reference=reference,
                ),
            ]
        )
        letter_pdf = pdf_with_text(folder / "letter.pdf", [f"Geachte {person.full_name},"])
        doc = store_document(
            session,
            case=case,
            actor="m.devries",
            content=letter_pdf.read_bytes(),
            filename=f"antwoord {person.last_name}.pdf",
            media_type="application/pdf",
            kind=DocumentKind.LETTER,
        )
        session.add(
            Letter(
                case_id=case.id,
                letter_type="access",
                language="nl",
                subject=f"Uw verzoek, {person.full_name}",
                body=f"Geachte {person.full_name},\nU schreef ons vanaf {person.email}.",
                status="final",
                letter_date=date(2023, 3, 28),
                document_id=doc.id,
                recipient_name=person.full_name,
                finalised_by="m.devries",
                finalised_at=datetime(2023, 3, 28, 9, 0, tzinfo=UTC),
            )
        )
        for t in case.request_types:
            t.outcome = "granted" if t.code == "access" else "partly_refused"
        audit.record(
            session,
            case=case,
            actor="m.devries",
            action="findings_reviewed",
            summary=f"Confirmed record of {person.email}",
            before={"review": "pending"},
            after={"email": person.email},
        )
    change_status(
        db,
        actor="m.devries",
        reference=reference,
        new_status=CaseStatus.ANSWERED,
        today=date(2023, 3, 28),
    )
    change_status(
        db,
        actor="m.devries",
        reference=reference,
        new_status=CaseStatus.CLOSED,
        today=date(2023, 4, 3),
    )
    return reference


def new_db(tmp_path: Path, name: str = "t.sqlite3") -> Database:
    return open_database("sqlite:///" + str(tmp_path / name))
