"""Retention on real SQLite files: expired list, anonymise leaves no trace, delete, ID copies."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, inspect, select, text

from app.core.enums import CaseStatus, DocumentKind, IdentityMethod, IdentityOutcome, RequestType
from app.core.errors import UserError
from app.core.validation import CaseInput
from app.data.database import Database
from app.data.models import (
    AuditEvent,
    Case,
    CaseRequestType,
    Document,
    Finding,
    Requester,
    RequesterIdentifier,
    SuppressionEntry,
)
from app.services.case_documents import add_document, record_identity_check
from app.services.cases import change_status, register_case
from app.services.reports import compute_yearly_figures
from app.services.retention import apply_retention, list_expired, purge_id_copies
from tests.integration.rich_case import Person, make_rich_case, new_db, pdf_with_text

TODAY = date(2026, 11, 20)
PERSON = Person()
IDENTIFIERS = (
    "Zoë",
    "IJsselstein",
    "Çelik",
    "zoe ijsselstein",
    "celik",
    PERSON.email,
    "zoe.ijsselstein",
    PERSON.phone,
    "48213377",
    "Lindeboomsweg",
    PERSON.postcode,
    "5253ZK",
    "1987-02-14",
    PERSON.customer_number,
    PERSON.ip,
    PERSON.their_reference,
    "Ouwehand",
    "p.ouwehand@advocaat.example",
)


def _as_texts(value: object) -> list[str]:
    if value is None:
        return []
    if isinstance(value, bytes | memoryview):
        raw = bytes(value)
        return [raw.decode("utf-8", errors="ignore"), raw.decode("latin-1")]
    return [str(value)]


def traces(db: Database) -> dict[str, list[str]]:
    """Every identifier of the person found in any column of any table: {identifier: [where]}."""
    found: dict[str, list[str]] = {}
    needles = [(i, i.casefold()) for i in IDENTIFIERS]
    with db.engine.connect() as conn:
        inspector = inspect(conn)
        for table in inspector.get_table_names():
            names = [c["name"] for c in inspector.get_columns(table)]
            for row in conn.execute(text(f'SELECT * FROM "{table}"')):
                for name, value in zip(names, row, strict=True):
                    for piece in _as_texts(value):
                        folded = piece.casefold()
                        for original, needle in needles:
                            if needle in folded:
                                found.setdefault(original, []).append(f"{table}.{name}")
    return found


def _other_case(db: Database, *, received: date, closed: date | None) -> str:
    data = CaseInput(
        request_types=(RequestType.ACCESS,),
        received_on=received,
        first_name="Kees",
        last_name="Postma",
        street="Kerkstraat 1",
        postcode="3511 AB",
        city="Utrecht",
    )
    ref = register_case(db, actor="a.bakker", data=data, today=received)
    if closed is not None:
        for status in (CaseStatus.IN_PROGRESS, CaseStatus.ANSWERED, CaseStatus.CLOSED):
            change_status(db, actor="a.bakker", reference=ref, new_status=status, today=closed)
    return ref


@pytest.fixture
def db(tmp_path: Path) -> Database:
    return new_db(tmp_path)


def test_list_expired_shows_only_closed_cases_past_their_period(
    db: Database, tmp_path: Path
) -> None:
    old = make_rich_case(db, tmp_path)  # closed 3 April 2023, partly refused: 36 months
    recent = _other_case(db, received=date(2026, 10, 1), closed=date(2026, 11, 1))
    _other_case(db, received=date(2022, 6, 1), closed=None)  # still open: never listed
    expired = list_expired(db, today=TODAY)
    assert [e.reference for e in expired] == [old]
    entry = expired[0]
    assert (entry.closed_on, entry.outcome, entry.months) == (
        date(2023, 4, 3),
        "partly_refused",
        36,
    )
    assert entry.retention_end == date(2026, 4, 3)
    assert "klacht bij de AP of rechtbank" in entry.reason
    assert list_expired(db, today=date(2026, 4, 2)) == []
    assert recent not in [e.reference for e in list_expired(db, today=date(2028, 10, 31))]
    assert recent in [e.reference for e in list_expired(db, today=date(2028, 11, 1))]


def test_anonymise_removes_every_trace_and_keeps_the_statistics(
    db: Database, tmp_path: Path
) -> None:
    reference = make_rich_case(db, tmp_path)
    other = _other_case(db, received=date(2023, 5, 1), closed=None)
    before = traces(db)
    assert set(before) == set(IDENTIFIERS), "the search must see every identifier first"
    assert any(w.startswith("document.content") for w in before["IJsselstein"])
    raw_before = b"".join(p.read_bytes() for p in tmp_path.glob("t.sqlite3*"))
    assert PERSON.email.encode() in raw_before
    figures_before = compute_yearly_figures(db, 2023, today=TODAY)
    with db.session() as session:
        events_before = session.scalar(
            select(func.count(AuditEvent.id))
            .join(Case, Case.id == AuditEvent.case_id)
            .where(Case.reference == reference)
        )
        sha_before = set(session.scalars(select(Document.sha256)))

    result = apply_retention(
        db, actor="fg", references=[reference.lower()], mode="anonymise", today=TODAY
    )
    assert result.references == (reference,)
    assert traces(db) == {}

    raw = b"".join(p.read_bytes() for p in tmp_path.glob("t.sqlite3*"))
    assert PERSON.email.encode() not in raw and b"Lindeboomsweg" not in raw  # not in free pages

    with db.session() as session:
        case = session.scalars(select(Case).where(Case.reference == reference)).one()
        assert case.anonymised_at is not None
        assert (case.status, case.outcome) == ("closed", "partly_refused")
        assert (case.received_on, case.answered_on, case.closed_on) == (
            date(2023, 3, 1),
            date(2023, 3, 28),
            date(2023, 4, 3),
        )
        assert case.search_text == reference.lower()
        types = dict(
            session.execute(
                select(CaseRequestType.code, CaseRequestType.outcome).where(
                    CaseRequestType.case_id == case.id
                )
            ).all()
        )
        assert types == {"access": "granted", "erasure": "partly_refused"}
        assert set(session.scalars(select(Document.sha256))) == sha_before
        assert (
            session.scalar(select(func.count(Document.id)).where(Document.content.is_not(None)))
            == 0
        )
        assert session.scalar(select(func.count(RequesterIdentifier.id))) == 0
        assert session.scalar(select(func.count(Finding.id))) == 3  # skeleton kept, data gone
        assert session.scalar(select(SuppressionEntry.email_sha256)) is not None
        events = session.scalars(
            select(AuditEvent).where(AuditEvent.case_id == case.id).order_by(AuditEvent.id)
        ).all()
        assert len(events) == events_before + 1
        assert all(e.summary == e.action and e.before is None for e in events[:-1])
        assert events[-1].action == "case_anonymised" and events[-1].actor == "fg"
        kept = session.scalars(select(Case).where(Case.reference == other)).one()
        assert session.get(Requester, kept.requester_id).last_name == "Postma"

    figures = compute_yearly_figures(db, 2023, today=TODAY)
    assert figures.total == figures_before.total == 2
    assert figures.outcomes == figures_before.outcomes
    assert figures.changes == figures_before.changes
    assert figures.median_days == figures_before.median_days == 27
    assert list_expired(db, today=TODAY) == []  # done once


def test_delete_leaves_only_a_case_deleted_event(db: Database, tmp_path: Path) -> None:
    reference = make_rich_case(db, tmp_path)
    other = _other_case(db, received=date(2023, 5, 1), closed=None)
    with db.session() as session:
        case_id = session.scalar(select(Case.id).where(Case.reference == reference))
    apply_retention(db, actor="fg", references=[reference], mode="delete", today=TODAY)
    assert traces(db) == {}
    with db.engine.connect() as conn:
        inspector = inspect(conn)
        for table in inspector.get_table_names():
            if "case_id" in [c["name"] for c in inspector.get_columns(table)]:
                left = conn.execute(
                    text(f'SELECT count(*) FROM "{table}" WHERE case_id = :i'), {"i": case_id}
                ).scalar()
                assert left == 0, table
    with db.session() as session:
        assert session.scalar(select(func.count(Case.id))) == 1
        assert session.scalar(select(func.count(Requester.id))) == 1  # the other case's person
        deleted = session.scalars(
            select(AuditEvent).where(AuditEvent.action == "case_deleted")
        ).one()
        assert deleted.case_id is None and deleted.actor == "fg"
        assert deleted.after is not None and deleted.after["reference"] == reference
        assert "klacht bij de AP of rechtbank" in deleted.after["reason"]  # partly refused
        assert session.scalar(select(SuppressionEntry.email)) == ""  # objection still honoured
        assert session.scalar(select(func.count(SuppressionEntry.id))) == 1
        assert session.scalar(select(Case.reference)) == other


def test_cases_not_expired_are_refused_and_nothing_changes(db: Database, tmp_path: Path) -> None:
    expired = make_rich_case(db, tmp_path)
    fresh = _other_case(db, received=date(2026, 10, 1), closed=date(2026, 11, 1))
    with pytest.raises(UserError, match=fresh):
        apply_retention(db, actor="fg", references=[expired, fresh], mode="delete", today=TODAY)
    with pytest.raises(UserError, match="anonymise or delete"):
        apply_retention(db, actor="fg", references=[expired], mode="shred", today=TODAY)
    assert set(traces(db)) == set(IDENTIFIERS)
    with db.session() as session:
        assert session.scalar(select(func.count(Case.id))) == 2


def test_purge_id_copies_deletes_only_checked_cases_copies(db: Database, tmp_path: Path) -> None:
    checked = _other_case(db, received=date(2026, 10, 1), closed=None)
    unchecked = _other_case(db, received=date(2026, 10, 2), closed=None)
    id_copy = pdf_with_text(tmp_path / "id.pdf", ["masked passport"])
    record_identity_check(
        db,
        actor="a.bakker",
        reference=checked,
        method=IdentityMethod.ID_DOCUMENT_SEEN,
        outcome=IdentityOutcome.VERIFIED,
        checked_on=date(2026, 10, 3),
        document_type="passport",
        today=date(2026, 10, 3),
    )
    for ref in (checked, unchecked):  # the first arrives after its check was already recorded
        add_document(
            db,
            actor="a.bakker",
            reference=ref,
            path=id_copy,
            kind=DocumentKind.ID_COPY,
            masked=True,
        )
    assert purge_id_copies(db, actor="fg") == 1
    assert purge_id_copies(db, actor="fg") == 0
    with db.session() as session:
        rows = session.execute(
            select(Case.reference, Document.content, Document.deleted_at).join(
                Document, Document.case_id == Case.id
            )
        ).all()
        state = {ref: (content is None, deleted is not None) for ref, content, deleted in rows}
        assert state == {checked: (True, True), unchecked: (False, False)}
        event = session.scalars(
            select(AuditEvent).where(AuditEvent.action == "id_copy_purged")
        ).one()
        assert event.actor == "fg"


def test_anonymising_wipes_what_the_officer_filled_into_letters(db: Database) -> None:
    from app.data.models import Letter, Setting
    from app.services.letters import draft_letter

    ref = register_case(db, actor="o", data=CaseInput(
        request_types=(RequestType.ACCESS,), received_on=date(2023, 1, 2), last_name="Oudeman",
        street="Dorp 1", postcode="1234 AB", city="Ede"), today=date(2023, 1, 3))  # fmt: skip
    draft_letter(db, actor="o", reference=ref, letter_type="clarification",
                 options={"what_needed": "bevestig dat u Piet Oudeman bent", "why": "naamgenoot"},
                 letter_date=date(2023, 1, 3))  # fmt: skip
    for status in (CaseStatus.IN_PROGRESS, CaseStatus.ANSWERED, CaseStatus.CLOSED):
        change_status(db, actor="o", reference=ref, new_status=status, today=date(2023, 1, 20))
    apply_retention(db, actor="fg", references=[ref], mode="anonymise", today=TODAY)
    with db.session() as session:
        assert session.scalars(select(Letter)).all() == []  # the draft went with its options
        values = [str(v) for v in session.scalars(select(Setting.value))]
        assert not any("Oudeman" in v for v in values)


def test_anonymising_removes_rows_that_would_serve_no_purpose(tmp_path: Path) -> None:
    """Draft letters, notes, open manual tasks and never executed changes are removed, not
    left as blank rows; what feeds the figures and the dossier's skeleton stays, the audit
    chain still verifies and no byte of the person is left in the file."""
    from datetime import UTC, datetime

    from app.data.models import ChangeAction, Letter, ManualTask, Note
    from app.services.audit_chain import verify
    from app.services.letters import draft_letter

    db = new_db(tmp_path)
    reference = make_rich_case(db, tmp_path)
    draft_letter(db, actor="fg", reference=reference, letter_type="acknowledgement")
    with db.session() as session:
        case_id = session.scalar(select(Case.id).where(Case.reference == reference))
        assert case_id is not None
        session.add_all(
            [
                ManualTask(case_id=case_id, system="Kaartenbak", instructions="Zoek IJsselstein"),
                ChangeAction(case_id=case_id, system="CRM", operation="erasure",
                             record_id="c:1", action="delete_row", fields=["email"],
                             old_values={"email": PERSON.email}, new_values={}),
                ManualTask(case_id=case_id, system="Archief", result="done", done_by="fg",
                           done_at=datetime(2023, 3, 2, tzinfo=UTC)),
            ]
        )  # fmt: skip

    def counts() -> dict[str, int]:
        with db.session() as session:
            return {
                "draft letters": session.scalar(
                    select(func.count(Letter.id)).where(Letter.status == "draft")
                ),
                "final letters": session.scalar(
                    select(func.count(Letter.id)).where(Letter.status == "final")
                ),
                "notes": session.scalar(select(func.count(Note.id))),
                "open tasks": session.scalar(
                    select(func.count(ManualTask.id)).where(ManualTask.result == "")
                ),
                "finished tasks": session.scalar(
                    select(func.count(ManualTask.id)).where(ManualTask.result != "")
                ),
                "planned changes": session.scalar(
                    select(func.count(ChangeAction.id)).where(ChangeAction.outcome == "planned")
                ),
                "executed changes": session.scalar(
                    select(func.count(ChangeAction.id)).where(ChangeAction.outcome != "planned")
                ),
            }  # type: ignore[return-value]

    assert counts() == {
        "draft letters": 1, "final letters": 1, "notes": 2, "open tasks": 1,
        "finished tasks": 2, "planned changes": 1, "executed changes": 2,
    }  # fmt: skip
    apply_retention(db, actor="fg", references=[reference], mode="anonymise", today=TODAY)
    assert counts() == {
        "draft letters": 0, "final letters": 1, "notes": 0, "open tasks": 0,
        "finished tasks": 2, "planned changes": 0, "executed changes": 2,
    }  # fmt: skip
    assert verify(db).ok
    db.dispose()
    raw = b"".join(p.read_bytes() for p in tmp_path.glob("t.sqlite3*"))
    needles = [PERSON.email, PERSON.last_name, "IJsselstein", "Lindeboomsweg"]
    assert [n for n in needles if n.encode() in raw] == []
