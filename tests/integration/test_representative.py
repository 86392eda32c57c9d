"""A representative with an authorisation (machtiging) kept with the case, on a real database."""

from __future__ import annotations

import hashlib
import json
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.cli import main
from app.core.enums import DocumentKind, RequestType
from app.core.errors import ValidationError
from app.core.i18n import restored, text_of
from app.core.validation import CaseInput, RepresentativeInput
from app.data.database import Database
from app.data.models import AuditEvent, Document, Note, Representative
from app.services.case_detail import get_case
from app.services.case_queries import count_cases
from app.services.cases import AUTHORISATION_MISSING, register_case

TODAY = date(2026, 11, 24)
LETTERS = Path(__file__).resolve().parents[1] / "fixtures" / "letters"


def _pdf(path: Path) -> Path:
    path.write_bytes(
        b"%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n"
        b"2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\n"
        b"trailer <</Root 1 0 R>>\n%%EOF\n"
    )
    return path


def _input(representative: RepresentativeInput | None, **changes: str) -> CaseInput:
    fields = {"street": "Kerkstraat 12", "postcode": "5253 RE", "city": "Nieuwkuijk", **changes}
    return CaseInput(
        request_types=(RequestType.ACCESS,),
        received_on=date(2026, 11, 20),
        first_name="Zoë",
        last_name="Jansen",
        representative=representative,
        **fields,  # type: ignore[arg-type]
    )


def _lawyer(**changes: object) -> RepresentativeInput:
    fields: dict[str, object] = {
        "name": "mr. P. Ouwehand",
        "role": "lawyer",
        "organisation": "Ouwehand Advocaten",
        "street": "Keizersgracht  100",
        "postcode": "1015aa",
        "city": "Amsterdam",
        "email": "p.ouwehand@advocaat.example",
        **changes,
    }
    return RepresentativeInput(**fields)  # type: ignore[arg-type]


def _events(db: Database, action: str) -> list[AuditEvent]:
    with db.session() as session:
        return list(session.scalars(select(AuditEvent).where(AuditEvent.action == action)))


def test_authorisation_is_stored_hashed_and_linked(db: Database, tmp_path: Path) -> None:
    file = _pdf(tmp_path / "machtiging.pdf")
    reference = register_case(
        db, actor="officer", data=_input(_lawyer(authorisation=file)), today=TODAY
    )
    detail = get_case(db, reference=reference)
    rep = detail.representative
    assert rep is not None
    assert (rep.postcode, rep.street, rep.city) == ("1015 AA", "Keizersgracht 100", "Amsterdam")
    assert rep.authorisation_document_id is not None
    with db.session() as session:
        doc = session.get(Document, rep.authorisation_document_id)
        assert doc is not None
        assert doc.kind == DocumentKind.AUTHORISATION.value
        assert doc.filename == "machtiging.pdf" and doc.media_type == "application/pdf"
        assert doc.sha256 == hashlib.sha256(file.read_bytes()).hexdigest()
        assert doc.content == file.read_bytes()
        assert session.scalar(select(func.count()).select_from(Note)) == 0
    received = _events(db, "authorisation_received")
    assert len(received) == 1 and received[0].after is not None
    assert received[0].after["sha256"] == hashlib.sha256(file.read_bytes()).hexdigest()
    added = _events(db, "document_added")
    assert [e.after["kind"] for e in added if e.after] == ["authorisation"]
    assert _events(db, "authorisation_missing") == []


def test_representative_without_authorisation_is_flagged(db: Database) -> None:
    reference = register_case(db, actor="officer", data=_input(_lawyer()), today=TODAY)
    detail = get_case(db, reference=reference)
    assert detail.representative is not None
    assert detail.representative.authorisation_document_id is None
    missing = _events(db, "authorisation_missing")
    assert len(missing) == 1 and restored(missing[0].summary) == AUTHORISATION_MISSING
    with db.session() as session:
        notes = list(session.scalars(select(Note.text)))
    assert [restored(n) for n in notes] == [AUTHORISATION_MISSING]
    # Stored as a message: shown in the reader's language (a German dossier, a Dutch screen).
    [note] = detail.notes
    assert note.text.render("de").startswith("Vertreter ohne Vollmacht")


def test_bad_representative_postcode_stores_nothing(db: Database, tmp_path: Path) -> None:
    file = _pdf(tmp_path / "machtiging.pdf")
    bad = _lawyer(postcode="1234 SS", authorisation=file)
    with pytest.raises(ValidationError) as info:
        register_case(db, actor="officer", data=_input(bad), today=TODAY)
    assert set(info.value.errors) == {"representative_postcode"}
    assert "SS" in info.value.errors["representative_postcode"]
    assert count_cases(db) == 0
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(Document)) == 0
        assert session.scalar(select(func.count()).select_from(Representative)) == 0
    # No reference was used up by the refused attempt.
    reference = register_case(db, actor="officer", data=_input(_lawyer()), today=TODAY)
    assert reference == "AVG-2026-0001"


def test_every_bad_field_of_person_and_representative_at_once(db: Database) -> None:
    bad = _lawyer(street="", city="", email="p.ouwehand@", country="Nederland")
    with pytest.raises(ValidationError) as info:
        register_case(db, actor="officer", data=_input(bad, postcode="12"), today=TODAY)
    assert set(info.value.errors) == {
        "postcode",
        "representative_street",
        "representative_city",
        "representative_email",
        "representative_country",
    }
    nameless = RepresentativeInput(name=" ", role="uncle")
    with pytest.raises(ValidationError) as info:
        register_case(db, actor="officer", data=_input(nameless), today=TODAY)
    assert set(info.value.errors) == {"representative", "representative_role"}
    for message in info.value.errors.values():
        assert text_of(message, "nl") != message  # Dutch wording exists


def test_a_bad_authorisation_file_is_reported_at_its_field(db: Database, tmp_path: Path) -> None:
    docx = tmp_path / "machtiging.docx"
    docx.write_bytes(b"PK\x03\x04 word")
    with pytest.raises(ValidationError) as info:
        register_case(db, actor="officer", data=_input(_lawyer(authorisation=docx)), today=TODAY)
    assert set(info.value.errors) == {"representative_authorisation"}
    assert "machtiging.docx" in info.value.errors["representative_authorisation"]
    assert count_cases(db) == 0


# ---- CLI -------------------------------------------------------------------------------------


def test_cli_case_add_with_representative_and_authorisation(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    file = _pdf(tmp_path / "machtiging.pdf")
    base = ["--db", url, "case", "add", "--type", "erasure", "--received", "2026-11-20"]
    base += ["--name", "Jan de Vries", "--street", "Dorpsstraat 3", "--postcode", "5253RE"]
    base += ["--city", "Nieuwkuijk"]
    rep = ["--rep-name", "mw. A. Bos", "--rep-role", "guardian", "--rep-street", "Laan 4"]
    rep += ["--rep-postcode", "3511 AB", "--rep-city", "Utrecht"]
    code = main([*base, *rep, "--rep-authorisation", str(file)])
    out, err = capsys.readouterr()
    assert code == 0 and err == ""
    reference = out.strip()
    assert main(["--db", url, "case", "show", reference, "--format", "json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert [d["kind"] for d in shown["documents"]] == ["authorisation"]

    code = main([*base, *rep])  # without the authorisation: saved, with a warning
    out, err = capsys.readouterr()
    assert code == 0 and "without an authorisation" in err

    code = main([*base, "--rep-postcode", "1234 SS"])  # a representative needs a name
    out, err = capsys.readouterr()
    assert code == 2 and "representative's name" in err and out == ""


def test_cli_case_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    letter = tmp_path / "brief.txt"
    letter.write_text(
        "Ons kenmerk: JV/2026/114\nAmsterdam, 12 november 2026\n\nGeachte heer, mevrouw,\n\n"
        "Verwijder mijn gegevens en stuur geen reclame meer.\n\nMet vriendelijke groet,\n",
        encoding="utf-8",
    )
    assert main(["case", "read", str(letter), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["request_types"] == ["erasure", "objection"]
    assert data["their_reference"] == "JV/2026/114" and data["letter_date"] == "2026-11-12"
    complaint = (LETTERS / "en" / "complaint.txt").read_text(encoding="utf-8")
    letter.write_text(complaint, encoding="utf-8")
    assert main(["case", "read", str(letter)]) == 0
    text = capsys.readouterr().out
    assert "complaint        yes: to the supervisory authority" in text
    assert main(["case", "read", str(tmp_path / "missing.pdf")]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_authorisation_attached_later_is_linked_and_audited(db: Database, tmp_path: Path) -> None:
    from app.core.enums import DocumentKind
    from app.core.validation import RepresentativeInput
    from app.services.case_detail import get_case
    from app.services.case_documents import add_document
    from app.services.cases import register_case

    ref = register_case(
        db,
        actor="o",
        data=CaseInput(
            request_types=(RequestType.ACCESS,),
            received_on=date(2026, 11, 2),
            last_name="Berg",
            street="Dorp 1",
            postcode="1234 AB",
            city="Ede",
            representative=RepresentativeInput(name="mr. A. de Wit", role="lawyer"),
        ),
        today=date(2026, 11, 24),
    )
    assert get_case(db, reference=ref).representative.authorisation_document_id is None
    pdf = tmp_path / "machtiging.pdf"
    pdf.write_bytes(b"%PDF-1.4\n%%EOF\n")
    doc_id = add_document(db, actor="o", reference=ref, path=pdf, kind=DocumentKind.AUTHORISATION)
    detail = get_case(db, reference=ref)
    assert detail.representative.authorisation_document_id == doc_id
    assert any(e.action == "authorisation_received" for e in detail.audit)
