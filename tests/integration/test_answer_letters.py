"""Erasure, rectification, objection, Art. 19 notice and refusal: the words in the real PDFs."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from pypdf import PdfReader

from app.core.errors import UserError, ValidationError
from app.letters import LetterContext, LetterType, compose_text, render_letter
from app.letters.payloads import (
    Art17Ground,
    Change,
    ErasurePayload,
    ExpiringItem,
    FeeOrRefuse,
    KeptItem,
    ObjectionErasure,
    ObjectionPayload,
    RecipientAction,
    RecipientNoticePayload,
    RectificationPayload,
    RefusalPayload,
)
from tests.letter_samples import sample_context


def _pdf_text(ctx: LetterContext) -> str:
    pdf = render_letter(ctx, compose_text(ctx))
    pages = PdfReader(io.BytesIO(pdf)).pages
    return " ".join(" ".join((p.extract_text() or "").split()) for p in pages)


def _with(letter_type: LetterType, lang: str, payload: object) -> LetterContext:
    return replace(sample_context(letter_type, lang), payload=payload)


KEPT = KeptItem(
    system="Exact Online",
    description="klantnummer",
    ground_art17_3=Art17Ground.LEGAL_OBLIGATION,
    statute="artikel 52 Algemene wet inzake rijksbelastingen",
    end_date=date(2033, 12, 31),
    event="end_of_financial_year",
    event_on=date(2026, 12, 31),
    period="7 years",
)
LOGS = ExpiringItem("Webserverlogs", "logregels met uw IP-adres", date(2027, 2, 26))


def test_erasure_names_ground_statute_event_and_end_date_from_the_event() -> None:
    text = _pdf_text(sample_context(LetterType.ERASURE, "nl"))
    assert "Sommige gegevens moeten wij van de wet nog bewaren" in text
    assert "Een deel van uw gegevens mogen wij nog niet verwijderen" not in text
    assert "Wij bewaren dit tot 31 december 2033: 7 jaar na het einde van het boekjaar" in text
    assert "(31 december 2026)" in text
    assert "artikel 17 lid 3 onder b AVG" in text
    assert "artikel 52 Algemene wet inzake rijksbelastingen" in text
    # The request file's own retention date.
    assert "in een dossier tot 25 november 2028" in text


def test_erasure_states_self_expiring_logs_outside_the_refusal_part() -> None:
    ctx = _with(LetterType.ERASURE, "nl", ErasurePayload(kept=(KEPT,), expiring=(LOGS,)))
    text = _pdf_text(ctx)
    expiring = text.index("wordt automatisch verwijderd op 26 februari 2027")
    refusal = text.index("Wat wij nog bewaren")
    assert expiring < refusal  # the logs are no refusal: stated before and apart from it
    assert "Webserverlogs" not in text[refusal:]
    # Only logs: no refusal, no appeal paragraph, and no claim that nothing is kept.
    only_logs = _pdf_text(_with(LetterType.ERASURE, "nl", ErasurePayload(expiring=(LOGS,))))
    assert "wijzen wij uw verzoek af" not in only_logs
    assert "Bent u het niet eens met ons besluit" not in only_logs
    assert "Wij bewaren verder geen persoonsgegevens" not in only_logs


def test_erasure_by_hand_and_english_wording() -> None:
    from app.letters.payloads import ErasedItem

    payload = ErasurePayload(
        erased_by_hand=(ErasedItem("Paper archive", "2 letters"),), kept=(KEPT,), expiring=(LOGS,)
    )
    text = _pdf_text(_with(LetterType.ERASURE, "en", payload))
    assert "A member of our staff erased this data by hand: • Paper archive: 2 letters" in text
    assert "The law still requires us to keep some data." in text
    assert (
        "We keep this until 31 December 2033: 7 years after the end of the financial year" in text
    )
    assert "(deleted automatically on 26 February 2027)" in text


def test_a_ground_other_than_a_legal_duty_is_not_called_a_duty() -> None:
    claims = replace(KEPT, ground_art17_3=Art17Ground.LEGAL_CLAIMS, statute="art. 3:307 BW")
    text = _pdf_text(_with(LetterType.ERASURE, "nl", ErasurePayload(kept=(claims,))))
    assert "moeten wij van de wet nog bewaren" not in text
    assert "mogen wij nog bewaren, omdat de wet daarvoor een uitzondering maakt" in text
    assert "artikel 17 lid 3 onder e AVG" in text


def test_rectification_says_no_one_only_when_the_officer_confirms() -> None:
    changes = (Change("first_name", "Jan", "Johan", "CRM"),)
    with pytest.raises(ValidationError) as info:
        compose_text(_with(LetterType.RECTIFICATION, "nl", RectificationPayload(changes)))
    assert "no_recipients" in info.value.errors
    confirmed = RectificationPayload(changes, no_recipients_confirmed=True)
    text = _pdf_text(_with(LetterType.RECTIFICATION, "nl", confirmed))
    assert "Wij hebben deze gegevens aan niemand anders gegeven" in text
    assert "voornaam in CRM: Jan → Johan" in text  # a readable label, never the column name
    assert "first_name" not in text
    with pytest.raises(UserError, match="Exact Online"):
        compose_text(
            _with(
                LetterType.RECTIFICATION,
                "nl",
                replace(confirmed, recipients_to_tell=("Exact Online B.V.",)),
            )
        )


def test_rectification_lists_the_register_recipients_to_notify() -> None:
    payload = RectificationPayload(
        (Change("e-mail address", "a@x.nl", "b@x.nl", "Portal"),),
        recipients_told=("Zendesk Inc.",),
        recipients_to_tell=("Exact Online B.V.",),
    )
    text = _pdf_text(_with(LetterType.RECTIFICATION, "en", payload))
    assert "e-mail address in Portal: a@x.nl → b@x.nl" in text
    assert (
        "We have given your data to the recipients below. We have told them about the change "
        "(Article 19 GDPR): • Zendesk Inc." in text
    )
    assert "We are telling them about the change" in text and "Exact Online B.V." in text
    assert "not given this data to anyone" not in text


def _objection(**changes: object) -> ObjectionPayload:
    base = ObjectionPayload(
        direct_marketing=False,
        upheld=False,
        grounds="Wij hebben de gegevens nodig om fraude te voorkomen.",
        processing="Websitestatistieken",
        legal_basis="Gerechtvaardigd belang (art. 6 lid 1 sub f AVG)",
        restricted=True,
    )
    return replace(base, **changes)


def test_objection_refused_names_processing_basis_and_restriction() -> None:
    text = _pdf_text(_with(LetterType.OBJECTION, "nl", _objection()))
    assert "Wij wijzen uw bezwaar af." in text
    assert "geen gelijk" not in text
    assert "Uw bezwaar gaat over deze verwerking: Websitestatistieken" in text
    assert "Gerechtvaardigd belang (art. 6 lid 1 sub f AVG)" in text
    assert "artikel 18 lid 1 onder d AVG" in text
    assert "beperking opheffen (artikel 18 lid 3 AVG)" in text
    assert "Bent u het niet eens met ons besluit" in text


def test_objection_cannot_be_refused_for_a_contract_or_consent_basis() -> None:
    contract = _objection(legal_basis="Uitvoering van de overeenkomst (art. 6 lid 1 sub b AVG)")
    with pytest.raises(ValidationError, match=r"6\(1\)\(e\) or \(f\)"):
        compose_text(_with(LetterType.OBJECTION, "nl", contract))


def test_objection_upheld_says_what_stopped_and_whether_data_is_erased() -> None:
    upheld = _objection(
        upheld=True,
        grounds="",
        stopped="using your data for customer surveys",
        erasure=ObjectionErasure.ERASE,
    )
    text = _pdf_text(_with(LetterType.OBJECTION, "en", upheld))
    assert "We have stopped using your data for customer surveys." in text
    assert "We will erase the data that we held only for this purpose." in text
    assert "Article 18(1)(d) GDPR" in text
    assert "We reject your objection" not in text
    with pytest.raises(ValidationError) as info:
        compose_text(_with(LetterType.OBJECTION, "en", replace(upheld, stopped="")))
    assert "stopped" in info.value.errors


def _notice(lang: str, *, processor: bool, action: RecipientAction) -> str:
    ctx = sample_context(LetterType.RECIPIENT_NOTICE, lang)
    assert isinstance(ctx.payload, RecipientNoticePayload)
    payload = replace(ctx.payload, processor=processor, action=action, subject_name="J. de Vries")
    # The context's own salutation is the data subject's: the notice must not use it.
    return _pdf_text(replace(ctx, payload=payload, salutation="Geachte heer De Vries,"))


@pytest.mark.parametrize("action", list(RecipientAction))
def test_art19_notice_greets_the_recipient_never_the_data_subject(action: RecipientAction) -> None:
    nl = _notice("nl", processor=False, action=action)
    assert "Geachte heer, mevrouw," in nl and "Geachte heer De Vries" not in nl
    assert "persoonsgegevens van J. de Vries aan Zendesk Inc. gegeven" in nl
    en = _notice("en", processor=False, action=action)
    assert "Dear Sir or Madam," in en
    words = {
        RecipientAction.RECTIFICATION: "correct this data in your own records",
        RecipientAction.ERASURE: "erase this data from your own records",
        RecipientAction.RESTRICTION: "restrict this data in your own records",
    }
    assert words[action] in en


def test_art19_notice_to_a_processor_is_an_instruction() -> None:
    nl = _notice("nl", processor=True, action=RecipientAction.ERASURE)
    assert "U verwerkt als onze verwerker" in nl
    assert "schriftelijke instructie" in nl and "artikel 28 lid 3 AVG" in nl
    assert "Verwijder deze gegevens uit alle systemen" in nl
    assert "Wilt u deze gegevens" not in nl  # no request: an instruction
    en = _notice("en", processor=True, action=RecipientAction.RECTIFICATION)
    assert "As our processor" in en and "Correct this data in every system" in en


def test_refusal_fee_variant_and_its_conditions() -> None:
    text = _pdf_text(sample_context(LetterType.REFUSAL, "nl"))
    assert "redelijke vergoeding" in text and "€ 25,00" in text
    assert "artikel 12 lid 5 onder a AVG" in text
    not_excessive = RefusalPayload(
        reasons="x", fee_or_refuse=FeeOrRefuse.FEE, fee_eur=Decimal("10")
    )
    with pytest.raises(ValidationError) as info:
        compose_text(_with(LetterType.REFUSAL, "nl", not_excessive))
    assert "fee_or_refuse" in info.value.errors


def test_refusal_on_art_41_uavg_names_the_interest_and_needs_the_necessity() -> None:
    payload = RefusalPayload(
        reasons="Uw verzoek gaat over een lopend fraudeonderzoek.",
        art41_interest="d",
        necessity="inzage nu zou het onderzoek naar de fraude schaden.",
    )
    text = _pdf_text(_with(LetterType.REFUSAL, "nl", payload))
    assert "artikel 41 lid 1 onder d Uitvoeringswet AVG en artikel 23 AVG" in text
    assert "de opsporing en de vervolging van strafbare feiten" in text
    assert "inzage nu zou het onderzoek naar de fraude schaden" in text
    with pytest.raises(ValidationError) as info:
        compose_text(_with(LetterType.REFUSAL, "nl", replace(payload, necessity=" ")))
    assert "necessity" in info.value.errors
