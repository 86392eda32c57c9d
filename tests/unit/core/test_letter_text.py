"""Reading letters: real request templates (both languages, with and without optional passages)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from app.core.enums import RequestType
from app.core.letter_text import read_letter

LETTERS = Path(__file__).resolve().parents[2] / "fixtures" / "letters"

A = RequestType.ACCESS
R = RequestType.RECTIFICATION
E = RequestType.ERASURE
B = RequestType.RESTRICTION
P = RequestType.PORTABILITY
O = RequestType.OBJECTION  # noqa: E741

# Every optional passage kept (erase_some is the alternative to erase_all), or none of them.
KEEP_ALL = frozenset({"data_portability", "runs", "has_fields", "erase_all", "include_objection"})
KEEP_NONE = frozenset({"erase_some"})

PERSON = {
    "nl": {
        "id_data": "Naam: Zoë van der IJsselstein\nAdres: Kerkstraat 12, 5253 RE  NIEUWKUIJK\n"
        "Klantnummer: DB100042\nE-mail: zoe@example.nl",
        "runs_list": "Self Service Portal, nieuwsbrief",
        "request_date": "3 september 2026",
        "request_article": "15",
        "erasure_data": "mijn klantaccount en de bestelgeschiedenis",
        "objection_reason": "Ik heb nooit toestemming gegeven voor profilering.",
        "rectification_data": "Mijn adres is Kerkstraat 12, niet Kerkstraat 21.",
        "request_recipient_address": "Databalance Services B.V., Hopbrouwer 18, 5253 RE  "
        "NIEUWKUIJK",
    },
    "en": {
        "id_data": "Name: Zoe van der IJsselstein\nAddress: Kerkstraat 12, 5253 RE  NIEUWKUIJK\n"
        "Customer number: DB100042\nE-mail: zoe@example.nl",
        "runs_list": "Self Service Portal, newsletter",
        "request_date": "3 September 2026",
        "request_article": "15",
        "erasure_data": "my customer account and my order history",
        "objection_reason": "I never consented to profiling.",
        "rectification_data": "My address is Kerkstraat 12, not Kerkstraat 21.",
        "request_recipient_address": "Databalance Services B.V., Hopbrouwer 18, 5253 RE  "
        "NIEUWKUIJK, Netherlands",
    },
}
# The templates' free-text placeholders ({Description of ...}) filled by what a person writes.
FREE_TEXT = {
    "nl": {
        "Beschrijving van het probleem": "Helaas heb ik tot nu toe nog geen antwoord ontvangen. "
        "De termijn van een maand van artikel 12(3) AVG is daarmee overschreden.",
        "Beschrijving van de overtredingen": "De verwerkingsverantwoordelijke heeft niet "
        "geantwoord, ook niet op mijn herinnering van 10 oktober 2026",
        "beschrijving van manieren": "e-mail: zoe@example.nl",
    },
    "en": {
        "Description of the problem": "Unfortunately, I have not received an answer so far. "
        "The period of one month according to Article 12(3) GDPR is therefore exceeded.",
        "Description of the offences": "The controller did not answer, not even after my "
        "reminder of 10 October 2026",
        "description of way": "e-mail: zoe@example.nl",
    },
}


def fill(template: str, lang: str, keep: frozenset[str]) -> str:
    """A realistic letter from a template: placeholders filled, optional passages kept or not."""

    def flag(match: re.Match[str]) -> str:
        name, body = match.group(1), match.group(2)
        return body if name in keep or (name == "optional" and keep == KEEP_ALL) else ""

    text = re.sub(r"\[(\w+)>(.*?)\]", flag, template, flags=re.S)
    text = re.sub(r"\[(optional): (.*?)\]", flag, text, flags=re.S)
    text = re.sub(r"</?italic>", "", text)

    def placeholder(match: re.Match[str]) -> str:
        key = match.group(1)
        if key in PERSON[lang]:
            return PERSON[lang][key]
        for start, written in FREE_TEXT[lang].items():
            if key.startswith(start):
                return written
        raise AssertionError(f"unfilled placeholder {{{key}}} in a {lang} letter")

    text = re.sub(r"\{([^{}]+)\}", placeholder, text)
    assert "{" not in text and "[" not in text and "<" not in text
    return text


def letter(lang: str, name: str, keep: frozenset[str] = KEEP_ALL) -> str:
    return fill((LETTERS / lang / f"{name}.txt").read_text(encoding="utf-8"), lang, keep)


EXPECTED = [
    ("access-default", KEEP_ALL, (A, P)),
    ("access-default", KEEP_NONE, (A,)),
    ("access-tracking", KEEP_ALL, (A, P)),
    ("access-tracking", KEEP_NONE, (A,)),
    ("erasure-default", KEEP_ALL, (E, O, B)),
    ("erasure-default", KEEP_NONE, (E,)),
    ("rectification-default", KEEP_ALL, (R,)),
    ("rectification-default", KEEP_NONE, (R,)),
    ("objection-default", KEEP_ALL, (O,)),
]


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize(("name", "keep", "types"), EXPECTED)
def test_request_letters_give_their_types(
    lang: str, name: str, keep: frozenset[str], types: tuple[RequestType, ...]
) -> None:
    reading = read_letter(letter(lang, name, keep))
    assert reading.request_types == types
    assert reading.language == lang
    assert not reading.is_reminder and not reading.is_complaint_to_authority
    assert set(reading.evidence) >= {t.value for t in types}
    for rtype in types:
        assert 0 < len(reading.evidence[rtype.value]) <= 95


def test_all_fixture_letters_are_covered() -> None:
    names = {p.stem for p in (LETTERS / "nl").glob("*.txt")}
    assert names == {p.stem for p in (LETTERS / "en").glob("*.txt")}
    assert names == {n for n, _, _ in EXPECTED} | {"admonition", "complaint"}


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("keep", [KEEP_ALL, KEEP_NONE])
def test_admonition_is_a_reminder_not_a_new_request(lang: str, keep: frozenset[str]) -> None:
    reading = read_letter(letter(lang, "admonition", keep))
    assert reading.is_reminder
    assert not reading.is_complaint_to_authority
    assert reading.request_types == ()
    assert reading.referenced_types == (A,)  # the earlier request cited Art. 15
    assert reading.evidence["reminder"]
    assert reading.language == lang


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("keep", [KEEP_ALL, KEEP_NONE])
def test_complaint_to_the_authority_is_not_a_request(lang: str, keep: frozenset[str]) -> None:
    reading = read_letter(letter(lang, "complaint", keep))
    assert reading.is_complaint_to_authority
    assert not reading.is_reminder  # it mentions a reminder, but it is written to the authority
    assert reading.request_types == ()
    assert 77 in reading.articles
    assert "77" in reading.evidence["complaint"]


def test_evidence_quotes_the_sentence_that_asks() -> None:
    reading = read_letter(letter("nl", "erasure-default"))
    assert reading.evidence["objection"].startswith("Daarnaast maak ik bezwaar")
    assert "beperken" in reading.evidence["restriction"]
    assert reading.evidence["erasure"].startswith("Ik verzoek hierbij om onmiddellijke")
    assert set(reading.articles) >= {4, 12, 17, 18, 19, 21}


def test_articles_cited_are_listed_but_not_other_laws() -> None:
    reading = read_letter(letter("en", "access-default"))
    assert set(reading.articles) >= {4, 12, 15, 20, 22, 46}
    other = read_letter("Op grond van art. 35 UAVG en art. 6:162 BW vraag ik inzage (art. 15).")
    assert other.articles == (15,)
    assert read_letter("I ask for access under Articles 15 and 20 GDPR.").articles == (15, 20)


def test_letter_date_and_header_lines() -> None:
    header = "Zoë van der IJsselstein\nKerkstraat 12\n5253 RE  NIEUWKUIJK\n\n"
    dated = header + "Nieuwkuijk, 3 november 2026\n\n" + letter("nl", "access-default")
    reading = read_letter(dated)
    assert reading.letter_date == date(2026, 11, 3)
    assert reading.evidence["letter_date"] == "Nieuwkuijk, 3 november 2026"
    assert read_letter("Date: November 3, 2026\n\nPlease delete my data.").letter_date == date(
        2026, 11, 3
    )
    # Two different date lines: not ours to choose. A birth date alone is no letter date.
    two = "Utrecht, 3 november 2026\n\nIk wil inzage.\n\nUtrecht, 5 november 2026"
    assert read_letter(two).letter_date is None
    assert read_letter("12-05-1980\nIk wil inzage in mijn gegevens.").letter_date is None
    # A date inside a sentence is not the date of the letter.
    inline = read_letter("Op 3 november 2026 vroeg ik om inzage. Ik heb nog geen antwoord.")
    assert inline.letter_date is None


def test_handwritten_access_question() -> None:
    reading = read_letter("Geachte heer/mevrouw,\n\nIk wil weten welke gegevens u van mij heeft.")
    assert reading.request_types == (A,)
    assert reading.language == "nl"
    assert "welke gegevens" in reading.evidence["access"]


def test_handwritten_erasure_and_no_advertising() -> None:
    reading = read_letter("Verwijder mijn gegevens en stuur geen reclame meer.\nJ. de Vries")
    assert reading.request_types == (E, O)


@pytest.mark.parametrize(
    ("text", "types"),
    [
        ("Hierbij doe ik een beroep op mijn recht op vergetelheid.", (E,)),
        ("Dit is een inzageverzoek op grond van de AVG.", (A,)),
        ("Ik vraag correctie/aanvulling van mijn adres: het is Dorpsstraat 3.", (R,)),
        ("Ik teken verzet aan tegen het gebruik van mijn gegevens voor marketing.", (O,)),
        ("Ik verzoek om beperking van de verwerking van mijn gegevens.", (B,)),
        ("Graag een kopie van mijn gegevens in een machineleesbaar formaat.", (A,)),
        ("Stuur mij mijn gegevens (art. 20 AVG) zodat ik ze kan overdragen.", (P,)),
        ("Ik heb geen bezwaar tegen de nieuwsbrief, maar welke gegevens heeft u van mij?", (A,)),
        ("Please send me a copy of my personal data and stop sending me newsletters.", (A, O)),
        ("Als u mijn gegevens heeft, wil ik die graag inzien.", (A,)),
    ],
)
def test_short_letters(text: str, types: tuple[RequestType, ...]) -> None:
    assert read_letter(text).request_types == types


def test_references_their_and_ours() -> None:
    lawyer = (
        "Ons kenmerk: JV/2026/114\nUw kenmerk: AVG-2026-0012\nAmsterdam, 12 november 2026\n\n"
        "Namens mijn cliënt herinner ik u aan zijn verzoek om inzage. Hij heeft nog steeds geen "
        "antwoord ontvangen.\n\nMr. J. Visser"
    )
    reading = read_letter(lawyer)
    assert reading.their_reference == "JV/2026/114"
    assert reading.our_reference == "AVG-2026-0012"
    assert reading.is_reminder and reading.request_types == ()
    assert reading.referenced_types == (A,)
    assert reading.letter_date == date(2026, 11, 12)
    # Two different references of theirs: leave the field to the officer.
    two = "Kenmerk: A-1\nOns kenmerk: B-2\n\nIk wil inzage."
    assert read_letter(two).their_reference == ""
    assert read_letter("Reminder about AVG-2026-7 please.").our_reference == "AVG-2026-0007"


def test_english_reminder_and_empty_text() -> None:
    reading = read_letter("I have not received an answer to my access request of 1 March 2026.")
    assert reading.is_reminder and reading.language == "en"
    empty = read_letter("   \n ")
    assert not empty.found_anything and empty.language == "" and empty.request_types == ()


def test_ocr_hyphenation_and_reply_quotes_are_undone() -> None:
    text = "> Ik verzoek u mijn gegevens te verwij-\n> deren.\n"
    assert read_letter(text).request_types == (E,)


def test_to_json_is_plain_data() -> None:
    data = read_letter(letter("nl", "erasure-default")).to_json()
    assert data["request_types"] == ["erasure", "objection", "restriction"]
    assert data["letter_date"] is None and data["is_reminder"] is False
