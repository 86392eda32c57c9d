"""The finalise gate on real databases: no answer before the work is done (issue 12 §1)."""

from __future__ import annotations

import io
import os
import threading
import time
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import create_engine, select, text

from app.core.enums import DocumentKind, IdentityMethod, IdentityOutcome, RequestType
from app.core.errors import UserError, ValidationError
from app.core.finalise_gate import GateRefused
from app.core.validation import CaseInput, RepresentativeInput
from app.data.database import Database
from app.data.models import AuditEvent, ConnectorRun, Letter
from app.services.case_detail import get_case
from app.services.case_documents import add_document, document_content, record_identity_check
from app.services.cases import register_case
from app.services.changes import actions_of, plan_changes, record_removed_by_hand
from app.services.connectors import save_connector
from app.services.gate import unmet_for_case
from app.services.letters import draft_letter, finalise_letter, letters_of
from app.services.lookup import case_by_reference
from app.services.portability import decide_portability
from app.services.register import list_activities, save_activity
from app.services.reports import portability_export
from app.services.searches import complete_manual_task, manual_tasks_of, search_case

TODAY = date.today()
EMAIL = "els.aa@example.nl"
# Not direct marketing (no suppression): a processing from the shipped register, what stopped.
UPHELD = {
    "direct_marketing": "no",
    "upheld": "yes",
    "processing": "Websitestatistieken en beveiliging van de website",
    "stopped": "het meten van uw websitebezoek",
}


def _text(pdf: bytes) -> str:
    return " ".join(
        " ".join((p.extract_text() or "") for p in PdfReader(io.BytesIO(pdf)).pages).split()
    )


def _systems(db: Database, folder: Path) -> None:
    """A newsletter file that holds the person, and a paper archive checked by hand."""
    csv = folder / "newsletter.csv"
    csv.write_text(f"email,first_name\n{EMAIL},Els\nother@example.nl,Piet\n", encoding="utf-8")
    save_connector(db, actor="admin", name="Newsletter", kind="tabular_file", settings={
        "path": str(csv), "identifier_columns": {"email": "email"},
        "categories": ["contact details"], "delimiter": ",", "encoding": "utf-8",
    })  # fmt: skip
    save_connector(db, actor="admin", name="Paper archive", kind="manual",
                   settings={"instructions": "Look in cabinet 1.04."})  # fmt: skip
    # The register links each processing to its system (by id): the newsletter's data is the
    # newsletter processing's; the others are on paper (no data found there for this person).
    for activity in list_activities(db):
        system = "Newsletter" if activity.name == "Nieuwsbrief" else "Paper archive"
        save_activity(db, actor="admin", values={"systems": system}, activity_id=activity.id)


def _case(db: Database, *types: RequestType, **extra: object) -> str:
    return register_case(
        db,
        actor="officer",
        data=CaseInput(
            request_types=types, received_on=TODAY, first_name="Els", last_name="Aa",
            street="Dorpsstraat 1", postcode="5253 AA", city="Nieuwkuijk", email=EMAIL,
            **extra,  # type: ignore[arg-type]
        ),
    )  # fmt: skip


def _identify(db: Database, ref: str, outcome: IdentityOutcome = IdentityOutcome.VERIFIED) -> None:
    record_identity_check(db, actor="officer", reference=ref, outcome=outcome,
                          method=IdentityMethod.MATCHED_KNOWN_DATA, checked_on=TODAY)  # fmt: skip


def _finalise(db: Database, ref: str, kind: str, **overrides: str) -> int:
    draft = draft_letter(db, actor="officer", reference=ref, letter_type=kind)
    finalise_letter(db, actor="officer", letter_id=draft.id, today=TODAY, overrides=overrides)
    return draft.id


def _refused(db: Database, ref: str, kind: str, **overrides: str) -> list[str]:
    with pytest.raises(GateRefused) as refused:
        _finalise(db, ref, kind, **overrides)
    return [u.condition.value for u in refused.value.unmet]


def _open(db: Database, ref: str, kind: str) -> list[str]:
    return [u.condition.value for u in unmet_for_case(db, reference=ref, letter_type=kind)]


def _close_manual_checks(db: Database, ref: str, result: str = "not_found") -> None:
    for task in manual_tasks_of(db, reference=ref):
        note = "Folder 12 in cabinet 1.04" if result == "found" else ""
        complete_manual_task(db, actor="officer", reference=ref, task_id=task.id,
                             result=result, note=note)  # fmt: skip


def test_access_waits_for_identity_searches_and_manual_checks(db: Database, tmp_path: Path) -> None:
    _systems(db, tmp_path)
    ref = _case(db, RequestType.ACCESS)
    assert _refused(db, ref, "access") == ["identity", "systems_searched"]
    case = get_case(db, reference=ref)
    assert case.status == "registered" and case.answered_on is None  # nothing happened
    _identify(db, ref, IdentityOutcome.DOUBT)
    assert _refused(db, ref, "access") == ["identity", "systems_searched"]  # doubt is not enough
    _identify(db, ref)
    search_case(db, actor="officer", reference=ref)
    assert _refused(db, ref, "access") == ["manual_checks"]
    _close_manual_checks(db, ref)
    _finalise(db, ref, "access")
    detail = get_case(db, reference=ref)
    assert detail.status == "answered" and detail.outcomes == {"access": "granted"}


def test_a_failed_search_and_a_pending_finding_block_the_no_data_answer(
    db: Database, tmp_path: Path
) -> None:
    _systems(db, tmp_path)
    ref = _case(db, RequestType.ACCESS)
    _identify(db, ref)
    search_case(db, actor="officer", reference=ref)
    _close_manual_checks(db, ref)
    (tmp_path / "newsletter.csv").unlink()  # the system breaks: its last search fails
    search_case(db, actor="officer", reference=ref, only=["Newsletter"])
    assert _refused(db, ref, "access") == ["searches_failed"]
    with db.session() as session:  # a weak match waits for review
        case = case_by_reference(session, ref)
        session.add(ConnectorRun(case_id=case.id, system="Newsletter", status="ok"))
    from app.data.models import Finding

    with db.session() as session:
        case = case_by_reference(session, ref)
        session.add(Finding(case_id=case.id, system="Newsletter", record_id="r9", fields={},
                            categories=[], matched_kind="name", matched_value="Aa",
                            strength="weak"))  # fmt: skip
    assert _refused(db, ref, "access") == ["findings_reviewed"]


def test_an_override_needs_a_reason_is_audited_and_named_in_the_letter(
    db: Database, tmp_path: Path
) -> None:
    _systems(db, tmp_path)
    ref = _case(db, RequestType.ACCESS)
    _identify(db, ref)
    search_case(db, actor="officer", reference=ref)
    with pytest.raises(ValidationError):
        _finalise(db, ref, "access", manual_checks="   ")
    letter_id = _finalise(db, ref, "access", manual_checks="Archive closed for moving, 2 weeks")
    events = get_case(db, reference=ref).audit
    [override] = [e for e in events if e.action == "gate_overridden"]
    assert "Archive closed for moving" in override.summary and "manual_checks" in override.summary
    with db.session() as session:
        letter = session.get(Letter, letter_id)
        assert letter is not None and letter.document_id is not None
        body, document_id = letter.body, letter.document_id
    assert "## Wat nog niet is gedaan" in body
    assert "De controle met de hand in Paper archive is nog niet klaar." in body
    # Before the closing contact paragraph, not after it.
    assert body.index("Wat nog niet is gedaan") < body.index("Heeft u vragen?")
    pdf = _text(document_content(db, document_id=document_id)[2])
    assert "De controle met de hand in Paper archive is nog niet klaar" in pdf


def test_a_no_data_answer_without_a_full_search_does_not_claim_one(
    db: Database, tmp_path: Path
) -> None:
    _systems(db, tmp_path)
    ref = _case(db, RequestType.ACCESS)
    _identify(db, ref)
    reason = "Paper archive unreachable; person asked for a quick answer"
    letter_id = _finalise(db, ref, "access", systems_searched=reason)
    with db.session() as session:
        letter = session.get(Letter, letter_id)
        assert letter is not None
        body = letter.body
    assert "in al onze systemen naar uw gegevens gezocht" not in body
    assert "In de systemen die wij hebben doorzocht, hebben wij geen persoonsgegevens" in body
    assert "Niet doorzocht: Newsletter, Paper archive." in body


def test_erasure_needs_every_change_done_or_removed_by_hand(db: Database, tmp_path: Path) -> None:
    _systems(db, tmp_path)
    ref = _case(db, RequestType.ERASURE, their_reference="")
    _identify(db, ref)
    search_case(db, actor="officer", reference=ref)
    _close_manual_checks(db, ref, result="found")
    # (The letter itself cannot be drafted before something was erased: the gate is asked.)
    assert _open(db, ref, "erasure") == ["changes_done"]  # confirmed, nothing planned
    plan_changes(db, actor="officer", reference=ref, operation="erasure")
    planned = actions_of(db, reference=ref, operation="erasure")
    assert len(planned) == 2
    assert _open(db, ref, "erasure") == ["changes_done"]
    record_removed_by_hand(db, actor="clerk", reference=ref, action_id=planned[0].id,
                           note="Shredded the folder")  # fmt: skip
    draft = draft_letter(db, actor="officer", reference=ref, letter_type="erasure")
    with pytest.raises(GateRefused):  # one planned change is still open
        finalise_letter(db, actor="officer", letter_id=draft.id, today=TODAY)
    with pytest.raises(ValidationError):
        record_removed_by_hand(db, actor="clerk", reference=ref, action_id=planned[0].id, note="")
    for action in planned[1:]:
        done = record_removed_by_hand(db, actor="clerk", reference=ref, action_id=action.id,
                                      note="Removed the row by hand")  # fmt: skip
        assert done.outcome == "removed_by_hand" and done.done_by == "clerk"
    finalise_letter(db, actor="officer", letter_id=draft.id, today=TODAY)
    letter_id = _finalise(db, ref, "erasure")  # a fresh draft lists both as removed by hand
    with db.session() as session:
        letter = session.get(Letter, letter_id)
        assert letter is not None
        assert "met de hand verwijderd" in letter.body
    assert get_case(db, reference=ref).outcomes == {"erasure": "granted"}
    audit = [e.action for e in get_case(db, reference=ref).audit]
    assert audit.count("erasure_removed_by_hand") == 2
    assert planned[0].id in [a.id for a in actions_of(db, reference=ref)]


def test_refusal_needs_no_search_but_the_representatives_authorisation(
    db: Database, tmp_path: Path
) -> None:
    _systems(db, tmp_path)
    lawyer = RepresentativeInput(name="mr. A. de Wit", role="lawyer")
    ref = _case(db, RequestType.ACCESS, representative=lawyer)
    reasons = {"reasons": "Your identity could not be established."}
    draft = draft_letter(db, actor="o", reference=ref, letter_type="refusal", options=reasons)
    with pytest.raises(GateRefused) as refused:
        finalise_letter(db, actor="officer", letter_id=draft.id, today=TODAY)
    assert [u.condition.value for u in refused.value.unmet] == ["authorisation"]
    pdf = tmp_path / "machtiging.pdf"
    pdf.write_bytes(b"%PDF-1.4\n%%EOF\n")
    add_document(db, actor="officer", reference=ref, path=pdf, kind=DocumentKind.AUTHORISATION)
    finalise_letter(db, actor="officer", letter_id=draft.id, today=TODAY)
    assert get_case(db, reference=ref).outcomes == {"access": "refused"}


def test_portability_is_decided_by_its_own_action(db: Database, tmp_path: Path) -> None:
    ref = _case(db, RequestType.ACCESS, RequestType.PORTABILITY)
    _identify(db, ref)
    assert _refused(db, ref, "access") == ["portability_export"]
    with pytest.raises(GateRefused):
        decide_portability(db, actor="officer", reference=ref, outcome="granted")
    with pytest.raises(ValidationError):
        decide_portability(db, actor="officer", reference=ref, outcome="refused")  # why?
    portability_export(db, reference=ref, path=tmp_path / "p.zip", actor="officer")
    _finalise(db, ref, "access")
    # The access letter decided access only; portability waits for its own decision.
    assert get_case(db, reference=ref).outcomes == {"access": "no_data", "portability": ""}
    decide_portability(db, actor="officer", reference=ref, outcome="granted")
    assert get_case(db, reference=ref).outcomes["portability"] == "granted"
    other = _case(db, RequestType.OBJECTION)
    with pytest.raises(ValidationError):
        decide_portability(db, actor="officer", reference=other, outcome="no_data")


def test_unmet_for_case_lists_without_changing_anything(db: Database) -> None:
    ref = _case(db, RequestType.OBJECTION)
    unmet = unmet_for_case(db, reference=ref, letter_type="objection")
    assert [u.condition.value for u in unmet] == ["identity"]
    refused = unmet_for_case(
        db,
        reference=ref,
        letter_type="objection",
        options={"direct_marketing": "no", "upheld": "no"},
    )
    assert refused == []
    assert letters_of(db, reference=ref) == []


@pytest.mark.postgres
def test_two_officers_on_postgresql_cannot_race_past_the_gate(tmp_path: Path) -> None:
    """Officer B holds the case (its row lock) and records a failed identity check while A
    finalises: A's first check passes on the old state, A waits for the lock and then refuses."""
    base = os.environ.get("PRIVACY_DESK_TEST_PG_URL")
    if not base:
        pytest.skip("set PRIVACY_DESK_TEST_PG_URL to run against PostgreSQL")
    from tests.integration.conftest import _pg_database

    gen = _pg_database(base)
    db = next(gen)
    try:
        ref = _case(db, RequestType.OBJECTION)
        _identify(db, ref)
        draft = draft_letter(db, actor="a", reference=ref, letter_type="objection", options=UPHELD)
        outcome: dict[str, BaseException | None] = {}

        def officer_a() -> None:
            try:
                finalise_letter(db, actor="a", letter_id=draft.id, today=TODAY)
                outcome["a"] = None
            except BaseException as exc:  # handed to the test thread
                outcome["a"] = exc

        with db.engine.connect() as conn_b:
            tx = conn_b.begin()
            case_id = conn_b.execute(
                text("SELECT id FROM case_file WHERE reference = :r FOR UPDATE"), {"r": ref}
            ).scalar_one()
            conn_b.execute(
                text(
                    "INSERT INTO identity_check (case_id, method, outcome, checked_on, "
                    "checked_by, document_type, note) VALUES (:c, 'matched_known_data', "
                    "'failed', :d, 'b', '', 'address differs')"
                ),
                {"c": case_id, "d": TODAY},
            )
            thread = threading.Thread(target=officer_a)
            thread.start()
            _wait_for_lock_wait(base)
            assert "a" not in outcome  # A waits for B
            tx.commit()
        thread.join(timeout=30)
        error = outcome["a"]
        assert isinstance(error, GateRefused)
        assert [u.condition.value for u in error.unmet] == ["identity"]
        detail = get_case(db, reference=ref)
        assert detail.status == "registered" and detail.answered_on is None
        with db.session() as session:
            letter = session.get(Letter, draft.id)
            assert letter is not None and letter.status == "draft"
            sent = session.scalars(
                select(AuditEvent).where(AuditEvent.action == "letter_sent")
            ).all()
            assert sent == []
    finally:
        gen.close()


def _wait_for_lock_wait(base: str) -> None:
    """Until some backend waits for a row lock (officer A blocked by officer B)."""
    engine = create_engine(base)
    try:
        for _ in range(200):
            with engine.connect() as conn:
                waiting = conn.execute(
                    text(
                        "SELECT count(*) FROM pg_stat_activity "
                        "WHERE wait_event_type = 'Lock' AND datname = current_database()"
                    )
                ).scalar_one()
            if waiting:
                return
            time.sleep(0.05)
        raise AssertionError("officer A never waited for the case lock")
    finally:
        engine.dispose()


def test_the_letter_cannot_be_finalised_twice(db: Database) -> None:
    ref = _case(db, RequestType.OBJECTION)
    _identify(db, ref)
    draft = draft_letter(db, actor="a", reference=ref, letter_type="objection", options=UPHELD)
    letter_id = draft.id
    finalise_letter(db, actor="a", letter_id=letter_id, today=TODAY)
    with pytest.raises(UserError, match="already final"):
        finalise_letter(db, actor="b", letter_id=letter_id, today=TODAY)
