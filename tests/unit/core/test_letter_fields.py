"""Who wrote the letter: the sender, the representative and the client, dates and references,
each proposal with its source line; our own address is never the sender."""

from __future__ import annotations

import re
import time

import pytest

from app.core.customer_number import MAX_CANDIDATE, check_pattern, find_customer_numbers
from app.core.enums import RequestType
from app.core.letter_fields import LetterProposals, OwnAddress, Proposal, split_name
from app.core.letter_text import read_letter

OWN = OwnAddress("Databalance Services B.V.", "Hopbrouwer 18", "5253 RE", "Nieuwkuijk")
DB = check_pattern(r"DB\d{6}")


def _read(text: str) -> LetterProposals:
    return read_letter(text, own=OWN, customer_pattern=DB).proposals


def _v(proposal: Proposal | None) -> str:
    return "" if proposal is None else proposal.value


def _source_is_right(p: LetterProposals, proposal: Proposal | None) -> None:
    """A proposal points at the line it came from, and that line holds the value."""
    assert proposal is not None
    assert p.lines[proposal.line] == proposal.source
    assert proposal.value.split()[0].strip(",") in proposal.source or proposal.line == -1


# ---- the five letters of the issue, pasted --------------------------------------------------

ELDERLY = """Mevr. A.C. van 't Veer-Dijkstra
Burgemeester Smitsstraat 144-II
5251 AB  Vlijmen
tel 073 511 22 33

                         Databalance Services B.V.
                         Hopbrouwer 18
                         5253 RE Nieuwkuijk

Vlijmen, 16 november 2026

Geachte heer, mevrouw,

Ik zou graag willen weten welke gegevens u van mij heeft. Kunt u mij die opsturen?
En wilt u alstublieft ophouden met de nieuwsbrief en reclame, die lees ik nooit.
Klantnummer DB 100234.

Met vriendelijke groet,

A.C. van 't Veer-Dijkstra
"""


def test_an_elderly_ladys_letter_fills_in_the_person() -> None:
    reading = read_letter(ELDERLY, own=OWN, customer_pattern=DB)
    p = reading.proposals
    assert set(reading.request_types) == {RequestType.ACCESS, RequestType.OBJECTION}
    s = p.subject
    assert _v(s.name) == "A.C. van 't Veer-Dijkstra"
    assert _v(s.salutation) == "mevrouw"
    assert (_v(s.initials), _v(s.name_prefix), _v(s.last_name)) == (
        "A.C.",
        "van 't",
        "Veer-Dijkstra",
    )
    assert _v(s.street) == "Burgemeester Smitsstraat 144-II"
    assert (_v(s.postcode), _v(s.city), _v(s.country)) == ("5251 AB", "Vlijmen", "NL")
    assert _v(s.phone) == "073 511 22 33"
    assert _v(s.customer_number) == "DB100234"  # split by a space on the paper
    assert _v(p.letter_date) == "2026-11-16"
    for proposal in (s.name, s.street, s.postcode, s.phone):
        _source_is_right(p, proposal)
    assert p.lines[s.postcode.line if s.postcode else 0] == "5251 AB Vlijmen"


LAWYER = """DE GROOT & HAMDI ADVOCATEN
Vughterweg 47 | 5211 CK 's-Hertogenbosch | 073 614 00 00 | secretariaat@degroothamdi.nl

Databalance Services B.V.
t.a.v. de privacy officer
Hopbrouwer 18
5253 RE NIEUWKUIJK

's-Hertogenbosch, 20 november 2026
Ons kenmerk: GH/26/3310

Geachte heer, mevrouw,

Namens cliënte, mevrouw Noor Hamdaoui-Peters, geboren op 7 juli 1990, wonende aan de
Parklaan 201 bis, 5613 BE Eindhoven, verzoek ik u al haar persoonsgegevens te wissen en,
zolang dat niet is gebeurd, de verwerking te beperken.

Een machtiging van cliënte is bijgevoegd.

Met vriendelijke groet,

mr. R. de Groot
"""


def test_a_lawyers_letter_gives_the_representative_and_the_client() -> None:
    reading = read_letter(LAWYER, own=OWN)
    p = reading.proposals
    assert set(reading.request_types) == {RequestType.ERASURE, RequestType.RESTRICTION}
    rep = p.representative
    assert rep is not None
    assert _v(rep.role) == "lawyer"
    assert _v(rep.firm) == "DE GROOT & HAMDI ADVOCATEN"
    assert _v(rep.name) == "mr. R. de Groot"
    assert (_v(rep.street), _v(rep.postcode), _v(rep.city)) == (
        "Vughterweg 47",
        "5211 CK",
        "'s-Hertogenbosch",
    )
    assert _v(rep.email) == "secretariaat@degroothamdi.nl"
    assert _v(rep.reference) == "GH/26/3310" == _v(p.their_reference)
    s = p.subject
    assert _v(s.name) == "Noor Hamdaoui-Peters" and _v(s.salutation) == "mevrouw"
    assert (_v(s.street), _v(s.postcode), _v(s.city)) == (
        "Parklaan 201 bis",
        "5613 BE",
        "Eindhoven",
    )
    assert _v(s.birth_date) == "1990-07-07"
    assert _v(p.authorisation_attached) == "yes"
    # Our own address is in the letter but proposed for nobody.
    assert "Nieuwkuijk" not in (_v(s.city), _v(rep.city))


GERMAN = """Herrn
Matthias Kröger-Öztürk
Lindenstraße 4a
33602 Bielefeld
E-Mail: m.kroeger@example.de

Databalance Services B.V.
Hopbrouwer 18
5253 RE Nieuwkuijk
Niederlande

Bielefeld, den 16.11.2026

Auskunft nach Art. 15 DSGVO

Sehr geehrte Damen und Herren,

hiermit bitte ich um Auskunft nach Art. 15 DSGVO. Außerdem möchte ich keine Werbung mehr.

Mit freundlichen Grüßen
Matthias Kröger-Öztürk
"""


def test_a_german_letter_is_german_with_its_date_and_requests() -> None:
    reading = read_letter(GERMAN, own=OWN)
    assert reading.language == "de"
    assert set(reading.request_types) == {RequestType.ACCESS, RequestType.OBJECTION}
    p = reading.proposals
    assert _v(p.letter_date) == "2026-11-16"
    assert p.lines[p.letter_date.line if p.letter_date else 0] == "Bielefeld, den 16.11.2026"
    s = p.subject
    assert _v(s.name) == "Matthias Kröger-Öztürk" and _v(s.salutation) == "heer"
    assert (_v(s.street), _v(s.postcode), _v(s.city), _v(s.country)) == (
        "Lindenstraße 4a",
        "33602",
        "Bielefeld",
        "DE",
    )
    assert _v(s.email) == "m.kroeger@example.de"


REMINDER = """J. (Joost) Hendriks
Raadhuisstraat 9
5251 NB Vlijmen
joost.hendriks@example.nl

Databalance Services B.V.
Hopbrouwer 18
5253 RE Nieuwkuijk

Vlijmen, 1 december 2026

Uw kenmerk: AVG-2026-0031

Betreft: herinnering en ingebrekestelling

Geachte heer, mevrouw,

Op 15 oktober 2026 vroeg ik u om inzage in mijn gegevens. Ik heb nog steeds geen antwoord.
Ik stel u in gebreke en verzoek u binnen 14 dagen na dagtekening alsnog te antwoorden.
Doet u dat niet, dan dien ik een klacht in bij de Autoriteit Persoonsgegevens.

Met vriendelijke groet,
Joost Hendriks
"""


def test_a_reminder_gives_the_earlier_date_our_reference_and_the_ultimatum() -> None:
    reading = read_letter(REMINDER, own=OWN)
    # A threat of a complaint is not a complaint: it stays a reminder to link.
    assert reading.is_reminder and not reading.is_complaint_to_authority
    assert reading.referenced_types == (RequestType.ACCESS,)
    p = reading.proposals
    assert p.reminder is not None
    assert _v(p.reminder.earlier_letter_date) == "2026-10-15"
    assert _v(p.reminder.our_reference) == "AVG-2026-0031" == _v(p.our_reference)
    assert _v(p.reminder.ultimatum_days) == "14"
    assert _v(p.reminder.ultimatum_date) == "2026-12-15"
    assert _v(p.subject.name) == "Joost Hendriks"  # the full first name of the signature
    assert _v(p.their_reference) == ""  # "Uw kenmerk" is our reference, not theirs


UK = """Mrs Hannah Fairbrother
Flat 2, 31 Queen's Road
Brighton
BN1 3XE

hannah.fb@example.co.uk
+44 7700 900765

Databalance Services B.V.
Hopbrouwer 18
5253 RE Nieuwkuijk
Netherlands

November 16, 2026

Dear Sir or Madam,

Please rectify my address: I have moved to the address above. Your records are outdated.

Yours faithfully,
Hannah Fairbrother
"""


def test_an_english_rectification_with_a_new_uk_address() -> None:
    reading = read_letter(UK, own=OWN)
    assert reading.request_types == (RequestType.RECTIFICATION,)
    assert reading.language == "en"
    s = reading.proposals.subject
    assert _v(s.name) == "Hannah Fairbrother" and _v(s.salutation) == "mevrouw"
    assert (_v(s.street), _v(s.postcode), _v(s.city), _v(s.country)) == (
        "Flat 2, 31 Queen's Road",
        "BN1 3XE",
        "Brighton",
        "GB",
    )
    assert _v(s.phone) == "+44 7700 900765"
    assert _v(reading.proposals.letter_date) == "2026-11-16"


# ---- postcodes, recipient block, couples -------------------------------------------------------


@pytest.mark.parametrize(
    ("address", "postcode", "city", "country"),
    [
        ("Kerkstraat 12a\n1017 AB Amsterdam", "1017 AB", "Amsterdam", "NL"),
        ("Meir 22 bus 3\n2000 Antwerpen\nBelgië", "2000", "Antwerpen", "BE"),
        ("Hauptstr. 5\n10115 Berlin", "10115", "Berlin", "DE"),
        ("12 Castle Street\nEdinburgh\nEH1 2DP", "EH1 2DP", "Edinburgh", "GB"),
        ("7 Main Street\nGalway H91 E2K3\nIreland", "H91 E2K3", "Galway", "IE"),
    ],
)
def test_postcodes_of_five_countries(address: str, postcode: str, city: str, country: str) -> None:
    text = f"Karin Lambrecht\n{address}\n\nDatabalance Services B.V.\nHopbrouwer 18\n"
    text += "5253 RE Nieuwkuijk\n\nGeachte heer, mevrouw,\n\nIk wil inzage.\n\nKarin Lambrecht\n"
    s = _read(text).subject
    assert (_v(s.postcode), _v(s.city), _v(s.country)) == (postcode, city, country)
    assert _v(s.name) == "Karin Lambrecht"


def test_our_own_address_is_never_the_sender() -> None:
    # Only our address has a postcode; it must not become the person's.
    text = (
        "Databalance Services B.V.\nHopbrouwer 18\n5253 RE Nieuwkuijk\n\nGeachte heer, mevrouw,\n\n"
        "Verwijder al mijn gegevens.\n\nGroet,\nEvi Claes\n"
    )
    p = _read(text)
    assert _v(p.subject.postcode) == "" and _v(p.subject.street) == ""
    assert _v(p.subject.name) == "Evi Claes"
    # Our address first, the sender's below it: the sender's is taken.
    text = (
        "Aan: Databalance Services B.V., Hopbrouwer 18, 5253 RE Nieuwkuijk\n\n"
        "Van: Evi Claes\nSteenweg 3\n9000 Gent\n\nBeste,\n\nVerwijder mijn gegevens.\n"
    )
    p = _read(text)
    assert (_v(p.subject.name), _v(p.subject.postcode), _v(p.subject.city)) == (
        "Evi Claes",
        "9000",
        "Gent",
    )


def test_two_signers_are_both_proposed() -> None:
    text = (
        "Kastanjelaan 3\n5253 AJ Nieuwkuijk\n\nGeachte heer, mevrouw,\n\nWij willen dat u onze "
        "gegevens verwijdert.\n\nMet vriendelijke groet,\n\n"
        "Peter Smulders      Ineke Smulders-van Es\n"
    )
    p = _read(text)
    assert _v(p.subject.name) == "Peter Smulders"
    assert p.co_signer is not None and _v(p.co_signer.name) == "Ineke Smulders-van Es"
    assert _v(p.co_signer.postcode) == "5253 AJ"  # they live together


def test_email_phone_ip_and_references() -> None:
    text = (
        "From: Luca Rossi <luca.rossi@example.it>\nSent: Tuesday 17 November 2026 10:04\n\n"
        "Dear team,\n\nPlease delete my account. I registered from IP address 2001:db8::7 and "
        "my phone is 06-12345678.\n\nOur ref: LR-77\n\nRegards,\nLuca Rossi\n"
    )
    p = _read(text)
    assert _v(p.subject.name) == "Luca Rossi"
    assert _v(p.subject.email) == "luca.rossi@example.it"
    assert _v(p.subject.phone) == "06-12345678"
    assert _v(p.subject.ip_address) == "2001:db8::7"
    assert _v(p.their_reference) == "LR-77"
    assert _v(p.letter_date) == "2026-11-17"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Utrecht, 16 november 2026", "2026-11-16"),
        ("16 November 2026", "2026-11-16"),
        ("November 16, 2026", "2026-11-16"),
        ("2nd November 2026", "2026-11-02"),
        ("Köln, den 16.11.2026", "2026-11-16"),
        ("München, 16. November 2026", "2026-11-16"),
        ("Enschede 14 nov. 2026", "2026-11-14"),
        ("dated 19 Nov 2026", "2026-11-19"),
    ],
)
def test_letter_dates_in_three_languages(line: str, expected: str) -> None:
    assert _v(_read(f"{line}\n\nIk wil inzage.\n").letter_date) == expected


@pytest.mark.parametrize(
    ("sentence", "days"),
    [
        ("Ik verwacht binnen 14 dagen na dagtekening een antwoord.", 14),
        ("Please reply within 14 days of this letter.", 14),
        ("Ich erwarte Ihre Antwort innerhalb von 14 Tagen.", 14),
        ("Ik verwacht binnen twee weken een reactie.", 14),
        ("Antwoord binnen veertien dagen.", 14),
    ],
)
def test_the_ultimatum_in_three_languages(sentence: str, days: int) -> None:
    text = (
        f"Leiden, 2 december 2026\n\nHerinnering: ik heb nog geen antwoord ontvangen. {sentence}\n"
    )
    reading = read_letter(text)
    assert reading.is_reminder
    reminder = reading.proposals.reminder
    assert reminder is not None and _v(reminder.ultimatum_days) == str(days)
    assert _v(reminder.ultimatum_date) == f"2026-12-{2 + days:02d}"


# ---- request types: everyday words, German, a false positive ---------------------------------


@pytest.mark.parametrize(
    ("sentence", "types"),
    [
        ("Wilt u ophouden met de nieuwsbrief en reclame?", {RequestType.OBJECTION}),
        ("Ich möchte keine Werbung mehr.", {RequestType.OBJECTION}),
        ("Please stop sending me marketing.", {RequestType.OBJECTION}),
        ("Ich verlange Auskunft nach Art. 15 DSGVO.", {RequestType.ACCESS}),
        ("Ich verlange die Löschung meiner Daten.", {RequestType.ERASURE}),
        ("Ich bitte um Berichtigung meiner Anschrift.", {RequestType.RECTIFICATION}),
        ("Ich lege Widerspruch gegen die Verarbeitung ein.", {RequestType.OBJECTION}),
        ("Ich verlange die Einschränkung der Verarbeitung.", {RequestType.RESTRICTION}),
    ],
)
def test_request_types_in_everyday_and_german_words(sentence: str, types: set[RequestType]) -> None:
    assert set(read_letter(sentence).request_types) == types


def test_safeguards_for_a_transfer_under_article_46_are_not_portability() -> None:
    text = (
        "Ik verzoek om inzage. Ik verzoek ook om te worden geïnformeerd over de passende "
        "waarborgen overeenkomstig artikel 46 AVG betreffende de overdracht."
    )
    assert read_letter(text).request_types == (RequestType.ACCESS,)


def test_split_name_keeps_particles_and_initials() -> None:
    assert split_name("Bram van der Linden") == ("Bram", "", "van der", "Linden")
    assert split_name("G.J. van den Berg-Smit") == ("", "G.J.", "van den", "Berg-Smit")
    assert split_name("Siobhán Doyle") == ("Siobhán", "", "", "Doyle")


# ---- the customer number pattern ---------------------------------------------------------------


@pytest.mark.parametrize(
    "pattern",
    ["", "(a+)+$", r"(\d{2})*", r"\d*\d*\d*\d*x", "[unclosed", r"(?=x)y", "a?", r"(a)\1", "x" * 70],
)
def test_a_bad_customer_number_pattern_is_refused_with_a_message(pattern: str) -> None:
    with pytest.raises(ValueError) as raised:
        check_pattern(pattern)
    assert str(raised.value)


def test_the_pattern_is_only_tried_on_short_words_and_cannot_hang() -> None:
    pattern = check_pattern(r"[A-Z]+\d+x?")  # the worst that passes: three open repeats
    hostile = ["A" * 100_000 + "1", ("AB12 " * 20_000).strip()]
    started = time.perf_counter()
    found = list(find_customer_numbers(hostile, pattern))
    assert time.perf_counter() - started < 2.0
    assert all(len(word) <= MAX_CANDIDATE for word, _ in found)
    assert list(find_customer_numbers(["klantnr DB 123456."], check_pattern(r"DB\d{6}"))) == [
        ("DB123456", 0)
    ]
    assert re.fullmatch(r"DB\d{6}", "DB123456")


def test_a_huge_or_hostile_text_is_read_quickly() -> None:
    import random

    rng = random.Random(14)
    junk = "".join(rng.choice("aB1 .,:@-\n0123456789") for _ in range(400_000))
    long_lines = ("Kerkstraat " + "1" * 50_000 + " " + "A" * 50_000 + "\n") * 5
    for text in (junk, long_lines, ELDERLY * 200):
        started = time.perf_counter()
        p = _read(text)
        assert time.perf_counter() - started < 10.0
        assert len(p.lines) <= 600 and all(len(line) <= 400 for line in p.lines)


def test_a_name_misread_by_ocr_is_put_right_from_the_email_address() -> None:
    from app.core.letter_fields import repair_from_email

    assert repair_from_email("Rebecca Lindgvist", "rebecca.lindqvist@example.ie") == (
        "Rebecca Lindqvist"
    )
    assert repair_from_email("Jürgen Müller", "j.mueller@example.de") == "Jürgen Müller"
    assert repair_from_email("Anna Smit", "anna.smid@example.nl") == "Anna Smit"  # too short
    text = "Rebecca Lindgvist\n27 Harbour View\nCork T12 X8Y2\nrebecca.lindqvist@example.ie\n"
    assert _v(_read(text).subject.name) == "Rebecca Lindqvist"


# ---- German authorisation: the document's many names, "anbei", "füge ... bei" ----------------

_DE_HEAD = """Rechtsanwältin Dr. Ute Sommer
Goethestraße 3
60313 Frankfurt am Main

Databalance Services B.V.
Hopbrouwer 18
5253 RE Nieuwkuijk

Frankfurt, den 20.11.2026

Auskunft nach Art. 15 DSGVO für meinen Mandanten Herrn Jonas Weber

Sehr geehrte Damen und Herren,

ich vertrete Herrn Jonas Weber, Lindenweg 8, 60316 Frankfurt am Main.
"""


@pytest.mark.parametrize(
    "sentence",
    [
        "Die Vorsorgevollmacht füge ich in Kopie bei.",
        "Anbei erhalten Sie meine Vollmacht.",
        "Eine Vollmachtsurkunde ist beigefügt.",
        "Die Prozessvollmacht finden Sie in der Anlage.",
        "Beiliegend übersende ich die Vollmacht meines Mandanten.",
        "Den Beschluss des Betreuungsgerichts reiche ich als Anlage ein.",
        "Eine Kopie der Bestellungsurkunde liegt diesem Schreiben bei.",
        "Die Original-Vollmacht legen wir diesem Schreiben bei.",
    ],
)
def test_a_german_authorisation_enclosed_is_noted(sentence: str) -> None:
    p = _read(_DE_HEAD + sentence + "\n\nMit freundlichen Grüßen\nDr. Ute Sommer\n")
    assert _v(p.authorisation_attached) == "yes", sentence
    assert p.authorisation_attached is not None
    assert p.authorisation_attached.source == sentence  # the line it came from


@pytest.mark.parametrize(
    "sentence",
    [
        "Eine Vollmacht reiche ich auf Anforderung gerne nach.",
        "Ich handle in Vollmacht meines Mandanten.",
    ],
)
def test_a_german_authorisation_not_enclosed_is_not_noted(sentence: str) -> None:
    p = _read(_DE_HEAD + sentence + "\n\nMit freundlichen Grüßen\nDr. Ute Sommer\n")
    assert p.authorisation_attached is None, sentence


@pytest.mark.parametrize(
    ("sentence", "dated"),
    [
        ("Een machtiging van 12 november 2026 is bijgevoegd.", "2026-11-12"),
        ("Bijgaand treft u de machtiging d.d. 3-11-2026 aan.", "2026-11-03"),
        ("Please find enclosed my client's authorisation dated 5 November 2026.", "2026-11-05"),
        ("Anbei erhalten Sie die Vollmacht vom 2. November 2026.", "2026-11-02"),
        # A date elsewhere in the sentence is not the authorisation's date.
        ("Op 12 november 2026 stuurde ik u een machtiging; die is bijgevoegd.", ""),
        ("Een machtiging is bijgevoegd.", ""),
    ],
)
def test_the_date_an_authorisation_bears_is_proposed_only_right_after_the_word(
    sentence: str, dated: str
) -> None:
    text = LAWYER.replace("Een machtiging van cliënte is bijgevoegd.", sentence)
    assert sentence in text, "the lawyer's letter changed: adapt this test"
    p = _read(text)
    assert _v(p.authorisation_dated) == dated
    if dated:
        assert p.authorisation_dated is not None  # points at the sentence it came from
        assert p.lines[p.authorisation_dated.line] == p.authorisation_dated.source == sentence
        assert p.to_json()["authorisation_dated"]["value"] == dated
