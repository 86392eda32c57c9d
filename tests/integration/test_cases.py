"""Case services against real databases (SQLite file; PostgreSQL when configured)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.core.enums import CaseStatus, DocumentKind, IdentityMethod, IdentityOutcome, RequestType
from app.core.errors import IllegalTransitionError, NotFoundError, StaleDataError, ValidationError
from app.core.validation import CaseInput
from app.data.database import Database
from app.data.models import AuditEvent, Case, Document
from app.services.case_detail import get_case
from app.services.case_documents import add_document, document_content, record_identity_check
from app.services.case_queries import count_cases, list_cases
from app.services.case_records import add_note
from app.services.cases import change_status, edit_case, register_case
from app.services.dto import CaseFilter

TODAY = date(2026, 11, 24)
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def person(**kw: object) -> CaseInput:
    base: dict[str, object] = dict(
        request_types=(RequestType.ACCESS,),
        received_on=date(2026, 11, 20),
        first_name="Jan",
        name_prefix="van der",
        last_name="Berg",
        street="Kerkstraat 12",
        postcode="5253re",
        city="Nieuwkuijk",
        email="jan@example.nl",
    )
    base.update(kw)
    return CaseInput(**base)  # type: ignore[arg-type]


def test_register_sequential_references_per_year(db: Database) -> None:
    refs = [register_case(db, actor="t", data=person(), today=TODAY) for _ in range(3)]
    assert refs == ["AVG-2026-0001", "AVG-2026-0002", "AVG-2026-0003"]
    old = register_case(db, actor="t", data=person(received_on=date(2025, 12, 30)), today=TODAY)
    assert old == "AVG-2025-0001"


def test_register_keeps_names_exactly_and_computes_deadlines(db: Database) -> None:
    ref = register_case(
        db,
        actor="officer",
        data=person(
            first_name="Zoë",
            name_prefix="",
            last_name="IJsselstein-Çelik",
            received_on=date(2026, 3, 5),
        ),
        today=TODAY,
    )
    detail = get_case(db, reference=ref, today=TODAY)
    assert detail.requester.full_name == "Zoë IJsselstein-Çelik"
    assert detail.requester.postcode == "5253 RE"
    assert detail.legal_due_on == date(2026, 4, 7)  # DOMAIN.md worked example
    assert detail.status == "registered"
    assert [e.action for e in detail.audit] == ["case_registered"]


def test_bad_input_writes_nothing(db: Database) -> None:
    with pytest.raises(ValidationError) as info:
        register_case(db, actor="t", data=person(postcode="1234 SS"), today=TODAY)
    assert "postcode" in info.value.errors
    assert count_cases(db) == 0
    with db.session() as s:
        assert s.scalar(select(func.count(AuditEvent.id))) == 0


def test_scan_stored_with_hash(db: Database, tmp_path: Path) -> None:
    scan = tmp_path / "brief.pdf"
    scan.write_bytes(PDF)
    ref = register_case(db, actor="t", data=person(), attachment=scan, today=TODAY)
    detail = get_case(db, reference=ref)
    [doc] = detail.documents
    assert doc.sha256 == "{:064x}".format(
        int.from_bytes(__import__("hashlib").sha256(PDF).digest(), "big")
    )
    name, media, content = document_content(db, document_id=doc.id)
    assert (name, media, content) == ("brief.pdf", "application/pdf", PDF)


def test_bad_attachment_keeps_database_unchanged(db: Database, tmp_path: Path) -> None:
    bad = tmp_path / "brief.docx"
    bad.write_bytes(b"PK\x03\x04")
    with pytest.raises(ValidationError, match="not a PDF"):
        register_case(db, actor="t", data=person(), attachment=bad, today=TODAY)
    assert count_cases(db) == 0
    # The reference counter was rolled back too: the next case still gets 0001.
    assert register_case(db, actor="t", data=person(), today=TODAY) == "AVG-2026-0001"


def test_edit_with_version_check(db: Database) -> None:
    ref = register_case(db, actor="a", data=person(), today=TODAY)
    version = get_case(db, reference=ref).version
    new_version = edit_case(
        db,
        actor="a",
        reference=ref,
        expected_version=version,
        changes={"city": "Vlijmen", "postcode": "5251ab"},
        today=TODAY,
    )
    assert new_version == version + 1
    with pytest.raises(StaleDataError, match="changed by a"):
        edit_case(
            db,
            actor="b",
            reference=ref,
            expected_version=version,
            changes={"city": "Drunen"},
            today=TODAY,
        )
    detail = get_case(db, reference=ref)
    assert (detail.requester.city, detail.requester.postcode) == ("Vlijmen", "5251 AB")
    edited = [e for e in detail.audit if e.action == "case_edited"]
    assert edited[0].before == {"city": "Nieuwkuijk", "postcode": "5253 RE"}
    assert edited[0].after == {"city": "Vlijmen", "postcode": "5251 AB"}


def test_edit_with_invalid_value_changes_nothing(db: Database) -> None:
    ref = register_case(db, actor="a", data=person(), today=TODAY)
    v = get_case(db, reference=ref).version
    with pytest.raises(ValidationError):
        edit_case(
            db,
            actor="a",
            reference=ref,
            expected_version=v,
            changes={"email": "not-an-address", "city": "X"},
            today=TODAY,
        )
    detail = get_case(db, reference=ref)
    assert detail.requester.city == "Nieuwkuijk" and detail.version == v


def test_status_transitions_audited_and_illegal_refused(db: Database) -> None:
    ref = register_case(db, actor="a", data=person(), today=TODAY)
    for status in (CaseStatus.IN_PROGRESS, CaseStatus.ANSWERED, CaseStatus.CLOSED):
        change_status(db, actor="a", reference=ref, new_status=status, today=TODAY)
    with pytest.raises(IllegalTransitionError, match="cannot become"):
        change_status(db, actor="a", reference=ref, new_status=CaseStatus.IN_PROGRESS)
    detail = get_case(db, reference=ref)
    assert detail.answered_on == TODAY and detail.closed_on == TODAY
    moves = [(e.before, e.after) for e in detail.audit if e.action == "status_changed"]
    assert moves[-1] == ({"status": "answered"}, {"status": "closed"})
    assert len(moves) == 3


def test_notes_and_unknown_case(db: Database) -> None:
    ref = register_case(db, actor="a", data=person(), today=TODAY)
    add_note(db, actor="b", reference=ref, text="Gebeld met betrokkene")
    assert get_case(db, reference=ref).notes[0].text == "Gebeld met betrokkene"
    with pytest.raises(NotFoundError, match="AVG-2026-9999"):
        add_note(db, actor="b", reference="avg-2026-9999", text="x")


def test_id_copy_must_be_masked_and_is_deleted_after_check(db: Database, tmp_path: Path) -> None:
    ref = register_case(db, actor="a", data=person(), today=TODAY)
    copy = tmp_path / "id.png"
    copy.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\1" * 64)
    with pytest.raises(ValidationError, match="masked"):
        add_document(db, actor="a", reference=ref, path=copy, kind=DocumentKind.ID_COPY)
    doc_id = add_document(
        db, actor="a", reference=ref, path=copy, kind=DocumentKind.ID_COPY, masked=True
    )
    deleted = record_identity_check(
        db,
        actor="a",
        reference=ref,
        method=IdentityMethod.ID_DOCUMENT_SEEN,
        outcome=IdentityOutcome.VERIFIED,
        checked_on=TODAY,
        document_type="passport",
        today=TODAY,
    )
    assert deleted == 1
    with db.session() as s:
        doc = s.get(Document, doc_id)
        assert doc is not None and doc.content is None and doc.deleted_at is not None
    with pytest.raises(NotFoundError):
        document_content(db, document_id=doc_id)
    check = get_case(db, reference=ref).identity_checks[0]
    assert (check.method, check.document_type, check.checked_by) == (
        "id_document_seen",
        "passport",
        "a",
    )


def test_search_and_filters(db: Database) -> None:
    register_case(db, actor="a", data=person(), today=TODAY)
    register_case(
        db,
        actor="a",
        data=person(
            first_name="Zoë",
            name_prefix="",
            last_name="IJsselstein-Çelik",
            email="zoe@voorbeeld.nl",
            postcode="1011AB",
            city="Amsterdam",
            request_types=(RequestType.ERASURE, RequestType.OBJECTION),
            received_on=date(2026, 10, 1),
        ),
        today=TODAY,
    )

    def refs(**kw: object) -> list[str]:
        return [r.reference for r in list_cases(db, flt=CaseFilter(**kw))]  # type: ignore[arg-type]

    assert refs(text="zoe") == ["AVG-2026-0002"]  # accent-insensitive
    assert refs(text="ijsselstein-çelik") == ["AVG-2026-0002"]
    assert refs(text="1011ab") == ["AVG-2026-0002"]
    assert refs(text="1011 AB") == ["AVG-2026-0002"]
    assert refs(text="jan@example") == ["AVG-2026-0001"]
    assert refs(text="avg-2026-0001") == ["AVG-2026-0001"]
    assert refs(text="100%") == []  # LIKE wildcards are escaped
    assert refs(request_type="objection") == ["AVG-2026-0002"]
    assert refs(received_from=date(2026, 11, 1)) == ["AVG-2026-0001"]
    assert refs(statuses=("registered",)) == ["AVG-2026-0001", "AVG-2026-0002"]
    assert refs(statuses=("closed",)) == []
    by_name = [r.requester_name for r in list_cases(db, sort="requester")]
    assert by_name == ["Jan van der Berg", "Zoë IJsselstein-Çelik"]
    assert count_cases(db, flt=CaseFilter(text="berg")) == 1


def test_paging_covers_all_rows_once(db: Database) -> None:
    for _ in range(7):
        register_case(db, actor="a", data=person(), today=TODAY)
    pages = [list_cases(db, offset=o, limit=3) for o in (0, 3, 6)]
    seen = [r.reference for page in pages for r in page]
    assert seen == [f"AVG-2026-{i:04d}" for i in range(1, 8)]
    with db.session() as s:
        assert s.scalar(select(func.count(Case.id))) == 7


def test_links_read_from_both_sides_and_are_audited(db: Database) -> None:
    from app.core.errors import UserError
    from app.services.case_records import link_cases

    first = register_case(db, actor="a", data=person(), today=TODAY)
    reminder = register_case(db, actor="a", data=person(), today=TODAY)
    link_cases(db, actor="a", reference=reminder, other_reference=first, relation="reminder_of")
    assert get_case(db, reference=reminder).linked == ((first, "reminder_of"),)
    assert get_case(db, reference=first).linked == ((reminder, "has_reminder"),)
    with pytest.raises(UserError, match="already linked"):
        link_cases(db, actor="a", reference=first, other_reference=reminder)
    with pytest.raises(ValidationError):
        link_cases(db, actor="a", reference=first, other_reference=first)
    assert any(e.action == "case_linked" for e in get_case(db, reference=first).audit)
