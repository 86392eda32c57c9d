"""compose_text: the mandatory content per letter type and the domain rules behind it."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from app.core.errors import UserError, ValidationError
from app.letters import (
    AccessPayload,
    ClarificationPayload,
    ErasurePayload,
    FeeOrRefuse,
    LetterType,
    MissingFieldError,
    ObjectionPayload,
    RectificationPayload,
    RefusalPayload,
    compose_text,
)
from app.letters.fills import ground_label
from tests.letter_samples import sample_context


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("letter_type", list(LetterType))
def test_every_type_composes_without_gaps(letter_type: LetterType, lang: str) -> None:
    letter = compose_text(sample_context(letter_type, lang))
    assert letter.subject and "{" not in letter.subject
    assert "{" not in letter.body and "}" not in letter.body
    assert "\n\n\n" not in letter.body
    first = letter.body.split("\n\n")[0]
    assert first.endswith(",")  # the salutation opens the body


def test_acknowledgement_shows_promise_and_legal_deadline() -> None:
    body = compose_text(sample_context(LetterType.ACKNOWLEDGEMENT, "nl")).body
    assert "uiterlijk op 22 december 2026" in body
    assert "uiterlijk op 24 december 2026" in body
    assert "uw brief van 20 november 2026" in body


def test_acknowledgement_without_their_letter_date() -> None:
    ctx = replace(sample_context(LetterType.ACKNOWLEDGEMENT, "en"), their_letter_date=None)
    body = compose_text(ctx).body
    assert "We received your letter on 24 November 2026" in body
    assert "dated" not in body


def test_empty_salutation_is_a_missing_field() -> None:
    ctx = replace(sample_context(LetterType.ACKNOWLEDGEMENT, "nl"), salutation=" ")
    with pytest.raises(MissingFieldError) as info:
        compose_text(ctx)
    assert info.value.field == "salutation"


def test_contact_line_uses_what_the_profile_has() -> None:
    ctx = sample_context(LetterType.EXTENSION, "nl")
    org = ctx.organisation
    no_phone = _flat(compose_text(replace(ctx, organisation=replace(org, phone=""))).body)
    assert f"via {org.email}." in no_phone
    bare = replace(org, phone="", email="")
    postal = _flat(compose_text(replace(ctx, organisation=bare)).body)
    assert f"via ons postadres ({org.street}, {org.postcode} {org.city})" in postal


def test_missing_salutation_names_the_field() -> None:
    ctx = replace(sample_context(LetterType.EXTENSION, "nl"), salutation="")
    with pytest.raises(MissingFieldError, match="salutation"):
        compose_text(ctx)


def test_clarification_without_id_copy_still_warns_about_bsn() -> None:
    ctx = sample_context(LetterType.CLARIFICATION, "nl")
    payload = ClarificationPayload(what_needed="Uw klantnummer.", why="Twee klanten, één naam.")
    body = _flat(compose_text(replace(ctx, payload=payload)).body)
    assert "niet nodig" in body and "BSN" in body and "direct na de controle" in body
    assert "KopieID" not in body
    assert "staat de termijn voor de behandeling van uw verzoek stil" in body


def test_clarification_needs_what_and_why() -> None:
    ctx = replace(
        sample_context(LetterType.CLARIFICATION, "en"),
        payload=ClarificationPayload(what_needed="Your customer number.", why=""),
    )
    with pytest.raises(MissingFieldError, match="why"):
        compose_text(ctx)


def test_extension_after_the_first_month_is_refused() -> None:
    ctx = sample_context(LetterType.EXTENSION, "nl")
    with pytest.raises(UserError, match="first month"):
        compose_text(replace(ctx, letter_date=date(2026, 12, 28)))


def test_access_without_data() -> None:
    ctx = replace(
        sample_context(LetterType.ACCESS, "nl"), payload=AccessPayload(no_data_found=True)
    )
    body = _flat(compose_text(ctx).body)
    assert "Wij verwerken geen persoonsgegevens van u." in body
    assert "bijlage" not in body.lower()
    assert "Autoriteit Persoonsgegevens" in body
    assert "rechtbank" not in body  # no refusal, so no court paragraph


def test_access_with_redactions_is_a_partial_refusal() -> None:
    body = _flat(compose_text(sample_context(LetterType.ACCESS, "nl")).body)
    assert "gedeeltelijk af" in body
    assert "rechtbank" in body and "zes weken" in body
    assert "Autoriteit Persoonsgegevens, Postbus 93374, 2509 AJ Den Haag" in body


def test_access_with_no_findings_and_no_flag_is_refused() -> None:
    ctx = replace(sample_context(LetterType.ACCESS, "nl"), payload=AccessPayload())
    with pytest.raises(UserError, match="no data"):
        compose_text(ctx)


def test_rectification_lists_old_and_new() -> None:
    body = compose_text(sample_context(LetterType.RECTIFICATION, "nl")).body
    assert "- Adres in CRM: Dorpsstraat 1 → Kerkstraat 12 A" in body
    assert "- Telefoon in CRM: (leeg) → 06 - 12 34 56 78" in body
    assert "- Exact Online B.V." in body


def test_rectification_without_recipients_says_so() -> None:
    ctx = sample_context(LetterType.RECTIFICATION, "en")
    assert isinstance(ctx.payload, RectificationPayload)
    ctx = replace(ctx, payload=replace(ctx.payload, recipients_told=()))
    with pytest.raises(UserError):  # only when the officer confirms it (issue 12 §3)
        compose_text(ctx)
    ctx = replace(ctx, payload=replace(ctx.payload, no_recipients_confirmed=True))
    assert "there was no one to tell about the change" in compose_text(ctx).body


def test_rectification_without_changes_is_refused() -> None:
    ctx = replace(
        sample_context(LetterType.RECTIFICATION, "nl"), payload=RectificationPayload(changes=())
    )
    with pytest.raises(UserError):
        compose_text(ctx)


def test_erasure_names_ground_statute_and_end_date_per_kept_item() -> None:
    body = _flat(compose_text(sample_context(LetterType.ERASURE, "en")).body)
    assert "Article 17(3)(b) GDPR (compliance with a legal obligation)" in body
    assert "Article 52 of the Dutch General State Taxes Act" in body
    assert "until 31 December 2033: 7 years after the end of the financial year" in body
    assert "rechtbank" in body and "six weeks" in body


def test_erasure_complete_has_no_court_paragraph() -> None:
    ctx = sample_context(LetterType.ERASURE, "nl")
    assert isinstance(ctx.payload, ErasurePayload)
    ctx = replace(ctx, payload=replace(ctx.payload, kept=(), expiring=()))
    body = _flat(compose_text(ctx).body)
    assert "Wij bewaren verder geen persoonsgegevens van u." in body
    assert "rechtbank" not in body
    assert "Autoriteit Persoonsgegevens" in body


def test_direct_marketing_objection_must_be_upheld_and_listed() -> None:
    ctx = sample_context(LetterType.OBJECTION, "nl")
    refused = ObjectionPayload(direct_marketing=True, upheld=False, suppression_listed=True)
    with pytest.raises(UserError, match="always be upheld"):
        compose_text(replace(ctx, payload=refused))
    unlisted = ObjectionPayload(direct_marketing=True, upheld=True, suppression_listed=False)
    with pytest.raises(UserError, match="suppression list"):
        compose_text(replace(ctx, payload=unlisted))


def test_refused_objection_gives_grounds_and_appeal() -> None:
    payload = ObjectionPayload(
        direct_marketing=False,
        upheld=False,
        grounds="Wij moeten fraude kunnen onderzoeken.",
        processing="Fraudecontrole",
        legal_basis="Gerechtvaardigd belang (art. 6 lid 1 sub f AVG)",
    )
    ctx = replace(sample_context(LetterType.OBJECTION, "nl"), payload=payload)
    body = _flat(compose_text(ctx).body)
    assert "dwingende gerechtvaardigde gronden" in body
    assert "Wij moeten fraude kunnen onderzoeken." in body
    assert "rechtbank" in body and "blokkeerlijst" not in body


def test_refused_objection_without_grounds_is_a_missing_field() -> None:
    payload = ObjectionPayload(
        direct_marketing=False,
        upheld=False,
        processing="Fraudecontrole",
        legal_basis="Gerechtvaardigd belang (art. 6 lid 1 sub f AVG)",
    )
    ctx = replace(sample_context(LetterType.OBJECTION, "nl"), payload=payload)
    with pytest.raises(ValidationError, match="grounds"):
        compose_text(ctx)


def test_refusal_fee_needs_an_amount() -> None:
    payload = RefusalPayload(
        reasons="Herhaald verzoek.",
        manifestly_unfounded_or_excessive=True,
        fee_or_refuse=FeeOrRefuse.FEE,
    )
    ctx = replace(sample_context(LetterType.REFUSAL, "nl"), payload=payload)
    with pytest.raises(UserError, match="fee"):
        compose_text(ctx)
    body = _flat(compose_text(replace(ctx, payload=replace(payload, fee_eur=Decimal(25)))).body)
    assert "€ 25,00" in body


def test_plain_refusal_without_article_12_5() -> None:
    payload = RefusalPayload(reasons="Wij konden uw identiteit niet vaststellen.")
    ctx = replace(sample_context(LetterType.REFUSAL, "nl"), payload=payload)
    body = _flat(compose_text(ctx).body)
    assert "kennelijk ongegrond" not in body
    assert "besloten uw verzoek niet uit te voeren" in body
    assert "zes weken" in body


def test_ground_label_accepts_code_or_text() -> None:
    assert ground_label("e", "nl").startswith("artikel 17 lid 3 onder e AVG")
    assert ground_label("Art. 17(3)(b)", "en").startswith("Article 17(3)(b) GDPR")
    assert ground_label("eigen tekst", "nl") == "eigen tekst"


def test_context_rejects_wrong_payload_and_language() -> None:
    ctx = sample_context(LetterType.ACKNOWLEDGEMENT, "nl")
    assert replace(ctx, lang="de").lang == "de"  # German is a letter language
    with pytest.raises(ValueError, match="'fr'"):
        replace(ctx, lang="fr")
    with pytest.raises(ValueError):  # checked where the kind is looked up: when composed
        compose_text(replace(ctx, letter_type=LetterType.REFUSAL))
    with pytest.raises(ValueError):
        replace(ctx, request_types=("complaint",))
