"""Why kept data is kept, stored and audited (SQLite and PostgreSQL), and the letter it makes."""

from __future__ import annotations

import io
from datetime import date

import pytest
from pypdf import PdfReader

from app.core.enums import RequestType
from app.core.errors import UserError, ValidationError
from app.core.kept_data import EXPIRES, KeepDecision
from app.core.validation import CaseInput
from app.data.database import Database
from app.data.models import AuditEvent, ChangeAction
from app.services.cases import register_case
from app.services.kept_data import record_keep_decision
from app.services.letters import render_for_case
from app.services.lookup import case_by_reference

TODAY = date(2026, 11, 30)


def _case_with_kept_rows(db: Database) -> tuple[str, list[int]]:
    ref = register_case(db, actor="o", data=CaseInput(
        request_types=(RequestType.ERASURE,), received_on=date(2026, 11, 16), last_name="Berg",
        street="Dorp 1", postcode="1234 AB", city="Ede"), today=date(2026, 11, 16))  # fmt: skip
    with db.session() as session:
        case = case_by_reference(session, ref)
        rows = [
            ChangeAction(
                case_id=case.id,
                system=system,
                operation="erasure",
                record_id=rid,
                action=action,
                fields=fields,
                old_values={},
                new_values={},
                outcome=outcome,
            )
            for system, rid, action, fields, outcome in (
                ("Finance", "inv:1", "keep", ["customer_number"], "kept"),
                ("Logs", "log:1", "keep", [], "kept"),
                ("Portal", "c:1", "set_null", ["email"], "removed"),
            )
        ]
        session.add_all(rows)
        session.flush()
        return ref, [r.id for r in rows]


def test_keep_reason_is_stored_audited_and_written_in_the_letter(db: Database) -> None:
    ref, (finance, _logs, portal) = _case_with_kept_rows(db)
    with pytest.raises(UserError, match="Say why the data kept in Finance, Logs is kept"):
        render_for_case(db, reference=ref, letter_type="erasure", handled_by="o")
    with pytest.raises(ValidationError):
        record_keep_decision(db, actor="o", reference=ref, action_ids=[finance],
                             decision=KeepDecision("b", statute="AWR"), today=TODAY)  # fmt: skip
    with pytest.raises(UserError, match="no kept item"):
        record_keep_decision(db, actor="o", reference=ref, action_ids=[portal],
                             decision=KeepDecision(EXPIRES, expires_on=date(2027, 1, 1)),
                             today=TODAY)  # fmt: skip
    with pytest.raises(UserError, match="99999"):
        record_keep_decision(db, actor="o", reference=ref, action_ids=[99999],
                             decision=KeepDecision(EXPIRES, expires_on=date(2027, 1, 1)),
                             today=TODAY)  # fmt: skip
    [row] = record_keep_decision(
        db, actor="o", reference=ref, action_ids=[finance], today=TODAY,
        decision=KeepDecision("b", statute="art. 52 Algemene wet inzake rijksbelastingen",
                              event="invoice_date", event_on=date(2026, 3, 31),
                              period="7 years"),
    )  # fmt: skip
    assert (row.keep_ground, row.keep_until) == ("b", date(2033, 3, 31))
    record_keep_decision(db, actor="o", reference=ref, system="Logs", today=TODAY,
                         decision=KeepDecision(EXPIRES, expires_on=date(2027, 2, 26)))  # fmt: skip
    with db.session() as session:
        events = [
            e.after for e in session.query(AuditEvent).filter_by(action="erasure_keep_reason")
        ]
    assert [e["until"] for e in events if e] == ["2033-03-31", "2027-02-26"]
    pdf = render_for_case(
        db, reference=ref, letter_type="erasure", handled_by="o", letter_date=TODAY
    )
    text = " ".join(
        " ".join((p.extract_text() or "").split()) for p in PdfReader(io.BytesIO(pdf)).pages
    )
    assert "Finance: klantnummer. Wij bewaren dit tot 31 maart 2033: 7 jaar na de factuurdatum" in (
        text
    )
    assert "Logs: 1 onderdeel (wordt automatisch verwijderd op 26 februari 2027)" in text
    assert "Portal: e-mailadres" in text
    assert "customer_number" not in text
