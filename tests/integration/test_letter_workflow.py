"""The letter workflow on a real database: draft, edit, finalise, stored copy, case dates."""

from __future__ import annotations

import hashlib
import io
from datetime import date

import pytest
from pypdf import PdfReader

from app.core.enums import IdentityMethod, IdentityOutcome, RequestType
from app.core.errors import UserError, ValidationError
from app.core.validation import CaseInput
from app.data.database import Database
from app.letters import LetterType
from app.services.case_detail import get_case
from app.services.case_documents import document_content, record_identity_check
from app.services.cases import register_case
from app.services.changes import suppress
from app.services.letters import (
    default_options,
    draft_letter,
    finalise_letter,
    letters_of,
    preview_letter,
    render_for_case,
    todays_letters_pdf,
    update_draft,
)

TODAY = date.today()


def _text(pdf: bytes) -> str:
    return " ".join((p.extract_text() or "") for p in PdfReader(io.BytesIO(pdf)).pages)


def _identified(db: Database, reference: str) -> str:
    """Identity established by matching known data (the finalise gate asks for it)."""
    record_identity_check(db, actor="officer", reference=reference,
                          method=IdentityMethod.MATCHED_KNOWN_DATA,
                          outcome=IdentityOutcome.VERIFIED, checked_on=TODAY)  # fmt: skip
    return reference


@pytest.fixture
def reference(db: Database) -> str:
    return _identified(
        db,
        register_case(
            db,
            actor="officer",
            data=CaseInput(
                request_types=(RequestType.ACCESS, RequestType.ERASURE),
                received_on=TODAY,
                salutation="heer",
                first_name="Jan",
                name_prefix="van der",
                last_name="Berg",
                street="Kerkstraat 12",
                postcode="5253 RE",
                city="Nieuwkuijk",
                email="jan@example.nl",
                their_reference="JB-7",
            ),
        ),
    )


def test_draft_edit_finalise_keeps_exact_copy(db: Database, reference: str) -> None:
    draft = draft_letter(db, actor="officer", reference=reference, letter_type="acknowledgement")
    assert draft.status == "draft" and "Geachte heer Van der Berg" in draft.body
    update_draft(
        db,
        actor="officer",
        letter_id=draft.id,
        subject=draft.subject,
        body=draft.body + "\n\nMet een extra zin van de officer.",
    )
    preview = preview_letter(db, letter_id=draft.id)
    assert "extra zin van de officer" in _text(preview)
    final = finalise_letter(db, actor="officer", letter_id=draft.id, today=TODAY)
    assert final.status == "final" and final.document_id is not None
    _, media, stored = document_content(db, document_id=final.document_id)
    assert media == "application/pdf"
    assert hashlib.sha256(stored).hexdigest() == final.sha256
    assert preview_letter(db, letter_id=draft.id) == stored  # the final copy, not a re-render
    with pytest.raises(UserError, match="cannot be changed"):
        update_draft(db, actor="x", letter_id=draft.id, subject="s", body="b")
    with pytest.raises(UserError, match="already final"):
        finalise_letter(db, actor="x", letter_id=draft.id)
    detail = get_case(db, reference=reference)
    assert detail.acknowledged_on == TODAY
    assert any(e.action == "letter_sent" and final.sha256 in e.summary for e in detail.audit)
    text = _text(stored)
    assert reference in text and "JB-7" in text


def test_answer_letter_moves_case_to_answered(db: Database, reference: str) -> None:
    draft = draft_letter(db, actor="o", reference=reference, letter_type="access")
    finalise_letter(db, actor="o", letter_id=draft.id, today=TODAY)
    detail = get_case(db, reference=reference)
    assert detail.status == "answered" and detail.answered_on == TODAY


def test_clarification_letter_pauses_the_clock(db: Database, reference: str) -> None:
    draft = draft_letter(
        db,
        actor="o",
        reference=reference,
        letter_type="clarification",
        options=default_options("clarification"),
    )
    finalise_letter(db, actor="o", letter_id=draft.id, today=TODAY)
    detail = get_case(db, reference=reference)
    assert detail.paused and detail.status == "on_hold"


def test_refusal_needs_reasons_and_names_the_ap(db: Database, reference: str) -> None:
    with pytest.raises(UserError, match="reasons"):
        render_for_case(db, reference=reference, letter_type="refusal", handled_by="o")
    pdf = render_for_case(
        db,
        reference=reference,
        letter_type="refusal",
        handled_by="o",
        options={"reasons": "Wij verwerken geen gegevens van u."},
    )
    text = " ".join(_text(pdf).split())
    assert "Autoriteit Persoonsgegevens" in text and "Postbus 93374" in text
    assert "zes weken" in text


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize(
    "kind",
    [
        "acknowledgement",
        "clarification",
        "extension",
        "access",
        "objection",
        "refusal",
        "recipient_notice",
    ],
)
def test_every_type_renders_from_a_case(db: Database, reference: str, kind: str, lang: str) -> None:
    options = dict(default_options(kind, lang))
    if kind == "refusal":
        options["reasons"] = "reasons given"
    if kind == "objection":
        with pytest.raises(UserError, match="suppression list"):
            render_for_case(db, reference=reference, letter_type=kind, lang=lang, handled_by="o")
        suppress(db, actor="o", reference=reference, email="jan@example.nl", today=TODAY)
    pdf = render_for_case(
        db, reference=reference, letter_type=kind, lang=lang, options=options, handled_by="o"
    )
    text = _text(pdf)
    assert reference in text
    assert ("Pagina 1 van" if lang == "nl" else "Page 1 of") in text


def test_todays_letters_merged_in_reference_order(db: Database, reference: str) -> None:
    with pytest.raises(UserError, match="nothing to print"):
        todays_letters_pdf(db)
    second = register_case(
        db,
        actor="o",
        data=CaseInput(
            request_types=(RequestType.OBJECTION,),
            received_on=TODAY,
            last_name="Jansen",
            street="Dorp 1",
            postcode="1234 AB",
            city="Ede",
        ),
    )
    for ref in (second, reference):  # finalised in the "wrong" order on purpose
        d = draft_letter(db, actor="o", reference=ref, letter_type="acknowledgement")
        finalise_letter(db, actor="o", letter_id=d.id)
    merged = todays_letters_pdf(db)
    pages = [p.extract_text() or "" for p in PdfReader(io.BytesIO(merged)).pages]
    firsts = [i for i, t in enumerate(pages) if "Pagina 1 van" in t]
    assert len(firsts) == 2
    assert reference in pages[firsts[0]] and second in pages[firsts[1]]
    assert [x.letter_type for x in letters_of(db, reference=reference)] == [
        LetterType.ACKNOWLEDGEMENT.value
    ]


def test_letters_show_the_officers_name_not_the_login(db: Database, reference: str) -> None:
    from app.services.settings import get_officer_name, set_officer_name

    assert get_officer_name(db, login="mdevries") == "mdevries"
    with pytest.raises(ValidationError):
        set_officer_name(db, actor="mdevries", login="mdevries", name="   ")
    set_officer_name(db, actor="mdevries", login="mdevries", name="M.  de Vries")
    draft = draft_letter(db, actor="mdevries", reference=reference, letter_type="acknowledgement")
    text = " ".join(_text(preview_letter(db, letter_id=draft.id)).split())
    assert "M. de Vries" in text and "mdevries" not in text


def test_answer_letters_record_the_decision_and_closing_uses_it(
    db: Database, reference: str
) -> None:
    from app.core.enums import CaseStatus
    from app.services.cases import change_status, set_outcomes

    access = draft_letter(db, actor="o", reference=reference, letter_type="access")
    finalise_letter(db, actor="o", letter_id=access.id, today=TODAY)
    detail = get_case(db, reference=reference)
    assert detail.outcomes == {"access": "no_data", "erasure": ""}  # nothing was found
    with pytest.raises(ValidationError):
        set_outcomes(db, actor="o", reference=reference, outcomes={"erasure": "maybe"})
    with pytest.raises(ValidationError):
        set_outcomes(db, actor="o", reference=reference, outcomes={"objection": "granted"})
    set_outcomes(db, actor="o", reference=reference, outcomes={"erasure": "refused"})
    change_status(db, actor="o", reference=reference, new_status=CaseStatus.CLOSED, today=TODAY)
    closed = get_case(db, reference=reference)
    assert closed.outcome == "partly_refused"  # the retention period follows this
    decisions = [e for e in closed.audit if e.action == "decision_recorded"]
    assert len(decisions) == 2 and "access letter" in decisions[0].summary


def _case(db: Database, *types: RequestType, last_name: str) -> str:
    return _identified(db, register_case(
        db,
        actor="officer",
        data=CaseInput(
            request_types=types, received_on=TODAY, first_name="Els", last_name=last_name,
            street="Dorpsstraat 1", postcode="5253 AA", city="Nieuwkuijk",
        ),
    ))  # fmt: skip


def _send(db: Database, reference: str, letter_type: str, **options: str) -> None:
    draft = draft_letter(
        db, actor="o", reference=reference, letter_type=letter_type, options=options
    )
    finalise_letter(db, actor="o", letter_id=draft.id, today=TODAY)


def test_answer_letters_record_why_a_request_was_refused(db: Database) -> None:
    from app.data.models import CaseRequestType
    from app.services.reports import compute_yearly_figures, yearly_report

    unfounded = _case(db, RequestType.ACCESS, RequestType.ERASURE, last_name="Aa")
    _send(db, unfounded, "refusal", reasons="Tenth identical request this month.",
          manifestly_unfounded_or_excessive="yes")  # fmt: skip
    identity = _case(db, RequestType.ACCESS, last_name="Bb")
    _send(db, identity, "refusal", reasons="Your identity could not be established.")
    objection = _case(db, RequestType.OBJECTION, last_name="Cc")
    _send(db, objection, "objection", direct_marketing="no", upheld="no",
          processing="Websitestatistieken en beveiliging van de website",  # Art. 6(1)(f)
          grounds="Fraud prevention outweighs the objection.")  # fmt: skip
    upheld = _case(db, RequestType.OBJECTION, last_name="Dd")
    _send(db, upheld, "objection", direct_marketing="yes", upheld="yes")

    with db.session() as session:
        recorded = {
            (r.case.reference, r.code): (r.outcome, r.refusal_ground)
            for r in session.query(CaseRequestType)
        }
    assert recorded == {
        (unfounded, "access"): ("refused", "manifestly_unfounded_or_excessive"),
        (unfounded, "erasure"): ("refused", "manifestly_unfounded_or_excessive"),
        (identity, "access"): ("refused", "stated_in_refusal_letter"),
        (objection, "objection"): ("refused", "compelling_grounds_art_21"),
        (upheld, "objection"): ("granted", ""),
    }
    figures = compute_yearly_figures(db, year=TODAY.year, today=TODAY)
    assert figures.refusals == 3
    assert figures.refusal_grounds == (
        ("manifestly_unfounded_or_excessive", 2),
        ("compelling_grounds_art_21", 1),
        ("stated_in_refusal_letter", 1),
    )
    for lang, words in (
        ("en", ("manifestly unfounded or excessive (Art. 12(5))", "Art. 21(1)")),
        ("nl", ("kennelijk ongegrond of buitensporig (art. 12 lid 5)", "art. 21 lid 1")),
    ):
        text = " ".join(_text(yearly_report(db, year=TODAY.year, lang=lang, today=TODAY)).split())
        assert all(w in text for w in words), lang

    # The dossier names the ground next to the decision, with its code for the auditor.
    import zipfile
    from pathlib import Path
    from tempfile import TemporaryDirectory

    from app.services.reports import case_dossier

    with TemporaryDirectory() as folder:
        out = Path(folder) / "dossier.zip"
        case_dossier(db, reference=objection, path=out, actor="o", lang="en")
        with zipfile.ZipFile(out) as archive:
            text = " ".join(_text(archive.read(f"{objection}-dossier.pdf")).split())
    assert "compelling legitimate grounds (Art. 21(1)) (compelling_grounds_art_21)" in text

    # The register export carries the ground next to each refused type.
    from app.services.reports import export_request_register

    with TemporaryDirectory() as folder:
        register = Path(folder) / "register.csv"
        export_request_register(db, path=register, received_from=TODAY, received_to=TODAY,
                                fmt="csv", lang="en", today=TODAY)  # fmt: skip
        exported = register.read_text(encoding="utf-8-sig")
    assert "erasure: refused (manifestly_unfounded_or_excessive)" in exported
    assert "objection: granted" in exported

    # A decision changed by hand to "granted" drops the ground; the report follows.
    from app.services.cases import set_outcomes

    set_outcomes(db, actor="o", reference=identity, outcomes={"access": "granted"})
    figures = compute_yearly_figures(db, year=TODAY.year, today=TODAY)
    assert ("stated_in_refusal_letter", 1) not in figures.refusal_grounds


def test_an_offset_stored_before_the_fold_rule_is_refused_when_a_letter_is_made(
    db: Database, reference: str
) -> None:
    """An old database may hold offsets that were never checked: written here straight into the
    settings table, past set_setting's validation, they stop the letter with what to change."""
    from sqlalchemy import update

    from app.data.models import Setting
    from app.services.settings import get_setting, set_setting

    base = get_setting(db, key="letter_layout")
    draft = draft_letter(db, actor="officer", reference=reference, letter_type="acknowledgement")
    old = {**base, "reference_row_shift_down_mm": -6.0}  # the row's values land on 99 mm
    with db.session() as session, session.begin():
        session.execute(update(Setting).where(Setting.key == "letter_layout").values(value=old))
    assert get_setting(db, key="letter_layout")["reference_row_shift_down_mm"] == -6.0
    with pytest.raises(UserError) as info:
        render_for_case(db, reference=reference, letter_type="acknowledgement", handled_by="o")
    message = info.value.message
    assert isinstance(message, str)
    for words in ("fold", "reference row", "Settings > Letters", "-6 mm", "99 mm"):
        assert words in str(message), (words, message)
    assert "vouw" in info.value.message.render("nl")  # type: ignore[attr-defined]
    with pytest.raises(UserError):
        preview_letter(db, letter_id=draft.id)
    with pytest.raises(UserError):
        finalise_letter(db, actor="officer", letter_id=draft.id, today=TODAY)
    assert letters_of(db, reference=reference)[0].status == "draft"  # nothing finalised
    # Following the message: a smaller shift is accepted and the letter is made.
    set_setting(db, actor="officer", key="letter_layout",
                value={**base, "reference_row_shift_down_mm": 2.0})  # fmt: skip
    final = finalise_letter(db, actor="officer", letter_id=draft.id, today=TODAY)
    assert final.status == "final"
