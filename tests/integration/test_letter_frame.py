"""The shared letter frame, read back from the rendered PDFs: fold, window, sender, abroad,
representatives, keep-with-next and PDF/A-2b (issue 12, sections 4 and 5)."""

from __future__ import annotations

import hashlib
import io
import re
from dataclasses import replace
from datetime import date
from pathlib import Path

import pikepdf
import pytest
from PIL import Image

from app.core.errors import UserError
from app.core.resources import resource_path
from app.letters import ComposedLetter, LetterType, compose_text, render_letter
from app.letters.context import LetterContext, Representation
from app.letters.layout import LetterLayout
from app.letters.payloads import PostalAddress
from app.letters.supervisors import EEA, all_supervisors, supervisor_of
from tests.integration.letter_pdf_words import Word, have_pdftotext, lines_of, pdf_text, pdf_words
from tests.letter_samples import SAMPLE_ORGANISATION, sample_context

pytestmark = pytest.mark.skipif(not have_pdftotext(), reason="poppler-utils not installed")

LAYOUT = LetterLayout()
FOLD = LAYOUT.first_fold_mm
UK = PostalAddress(
    name_line="Mr A. Smith",
    street_line="10 Downing Street",
    postcode="SW1A 2AA",
    city="London",
    country="GB",
)
IE = PostalAddress(
    name_line="Ms S. Murphy",
    street_line="12 Main Street",
    postcode="A65 F4E2",
    city="Dublin",
    country="IE",
)
DE = PostalAddress(
    name_line="Frau K. Müller",
    street_line="Unter den Linden 5",
    postcode="10117",
    city="Berlin",
    country="DE",
)
FIRM_53 = "Advocatenkantoor Van der Vos, De Boer en Ben Ali B.V."  # 53 characters


def _render(ctx: LetterContext, composed: ComposedLetter | None = None) -> bytes:
    return render_letter(ctx, composed or compose_text(ctx))


def _window(words: list[Word]) -> list[Word]:
    return [w for w in words if LAYOUT.window_top_mm - 2 < w.top < 85 and w.left < 120]


def _representative(ctx: LetterContext, lang: str) -> LetterContext:
    rep = Representation(
        client_name="mevrouw C. van den Bos" if lang == "nl" else "Ms C. van den Bos",
        client_gender="f",
        representative_name="mr. J. de Boer" if lang == "nl" else "Mr J. de Boer",
        authorisation_received=date(2026, 11, 21),
    )
    address = PostalAddress(
        name_line="Advocatenkantoor De Boer",
        street_line="Keizersgracht 100",
        postcode="1015 AA",
        city="Amsterdam",
        extra_lines=("t.a.v. mr. J. de Boer" if lang == "nl" else "Attn. Mr J. de Boer",),
    )
    salutation = "Geachte mr. De Boer," if lang == "nl" else "Dear Mr De Boer,"
    return replace(
        ctx,
        representation=rep,
        addressee=address,
        salutation=salutation,
        data_subject_name="C. van den Bos",
    )


# ---- Fold ------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize(
    "letter_type", [LetterType.ACKNOWLEDGEMENT, LetterType.ACCESS, LetterType.RECIPIENT_NOTICE]
)
def test_no_letterhead_text_within_2_mm_of_the_first_fold(letter_type: str, lang: str) -> None:
    for address in (None, UK):
        ctx = sample_context(LetterType(letter_type), lang)
        if address is not None and letter_type != LetterType.RECIPIENT_NOTICE:
            ctx = replace(ctx, addressee=address, subject_country="GB")
        first = pdf_words(_render(ctx))[0]
        near = [w.text for w in first if w.top <= FOLD + 2 and w.bottom >= FOLD - 2]
        assert near == [], f"text on the fold at {FOLD} mm: {near}"
        # The reference row is still there, below the fold, and the subject below it.
        row = [w for w in first if w.text == "AVG-2026-0001"]
        assert row and row[0].top > FOLD + 2


def test_layout_offsets_that_put_text_on_the_fold_are_refused(sqlite_db: object) -> None:
    from app.core.errors import ValidationError
    from app.data.database import Database
    from app.services.letter_context import layout_from_setting
    from app.services.settings import get_setting, set_setting

    assert isinstance(sqlite_db, Database)
    base = get_setting(sqlite_db, key="letter_layout")
    for shift in (-4.0, -6.0, -9.0):
        with pytest.raises(ValidationError) as info:
            set_setting(
                sqlite_db,
                actor="officer",
                key="letter_layout",
                value={**base, "reference_row_shift_down_mm": shift},
            )
        assert "fold" in info.value.errors["reference_row_shift_down_mm"]
    assert get_setting(sqlite_db, key="letter_layout") == base  # nothing stored
    # A shift that keeps clear of the fold is stored and then also prints clear of it.
    for shift in (-15.0, 5.0):
        set_setting(
            sqlite_db,
            actor="officer",
            key="letter_layout",
            value={**base, "reference_row_shift_down_mm": shift},
        )
        layout = layout_from_setting(get_setting(sqlite_db, key="letter_layout"))
        ctx = sample_context(LetterType.ACKNOWLEDGEMENT, "nl")
        first = pdf_words(render_letter(ctx, compose_text(ctx), layout))[0]
        assert [w.text for w in first if w.top <= FOLD + 2 and w.bottom >= FOLD - 2] == []


# ---- Address block -----------------------------------------------------------------------


def test_a_53_character_firm_name_wraps_inside_35_to_98_mm() -> None:
    assert len(FIRM_53) == 53
    ctx = sample_context(LetterType.ACKNOWLEDGEMENT, "nl")
    ctx = replace(ctx, addressee=replace(ctx.addressee, name_line=FIRM_53))
    window = _window(pdf_words(_render(ctx))[0])
    address = [w for w in window if w.top > LAYOUT.return_line_baseline_mm + 0.5]
    assert address, "no address text found"
    assert min(w.left for w in address) >= 35.0 - 0.05
    assert max(w.right for w in address) <= 98.0
    lines = lines_of(address)
    assert " ".join(lines[:2]) == FIRM_53  # wrapped over two lines, nothing cut
    assert len(lines) == 4
    # Not shrunk: every address line has the same glyph height as the street line.
    heights = {round(w.bottom - w.top, 1) for w in address}
    assert len(heights) == 1, heights


def test_seven_window_lines_after_wrapping_are_refused_at_intake(sqlite_db: object) -> None:
    from sqlalchemy import func, select

    from app.core.enums import RequestType
    from app.core.errors import ValidationError
    from app.core.i18n import text_of
    from app.core.validation import CaseInput, RepresentativeInput
    from app.data.database import Database
    from app.data.models import Case
    from app.services.cases import register_case

    assert isinstance(sqlite_db, Database)
    rep = RepresentativeInput(
        name="mr. J. de Boer",
        role="lawyer",
        organisation=FIRM_53 + " " + FIRM_53 + " " + FIRM_53,
        street="Keizersgracht 100",
        postcode="1015 AA",
        city="Amsterdam",
    )
    data = CaseInput(
        request_types=(RequestType.ACCESS,),
        received_on=date(2026, 11, 20),
        last_name="Bos",
        name_prefix="van den",
        initials="C.",
        street="Kerkstraat 12",
        postcode="5253 RE",
        city="Nieuwkuijk",
        representative=rep,
    )
    with pytest.raises(ValidationError) as info:
        register_case(sqlite_db, actor="officer", data=data, today=date(2026, 11, 24))
    message = text_of(info.value.errors["representative_street"], "en")
    assert "PostNL allows at most 6" in message
    assert re.search(r"needs [7-9] lines", message)
    with sqlite_db.session() as session:
        assert session.scalar(select(func.count()).select_from(Case)) == 0
    # The same firm once (two wrapped lines) is accepted.
    ok = replace(data, representative=replace(rep, organisation=FIRM_53))
    assert register_case(sqlite_db, actor="officer", data=ok, today=date(2026, 11, 24))


@pytest.mark.parametrize(
    ("address", "lang", "expected"),
    [
        (UK, "en", ["Mr A. Smith", "10 Downing Street", "LONDON", "SW1A 2AA", "UNITED KINGDOM"]),
        (IE, "en", ["Ms S. Murphy", "12 Main Street", "DUBLIN", "A65 F4E2", "IRELAND"]),
        (DE, "nl", ["Frau K. Müller", "Unter den Linden 5", "10117 BERLIN", "DUITSLAND"]),
    ],
)
def test_addresses_abroad_follow_the_destination_format(
    address: PostalAddress, lang: str, expected: list[str]
) -> None:
    ctx = replace(
        sample_context(LetterType.ACKNOWLEDGEMENT, lang),
        addressee=address,
        subject_country=address.country,
    )
    window = _window(pdf_words(_render(ctx))[0])
    lines = lines_of([w for w in window if w.top > LAYOUT.return_line_baseline_mm + 0.5])
    assert lines == expected


@pytest.mark.parametrize(("lang", "country"), [("nl", "NEDERLAND"), ("en", "NETHERLANDS")])
def test_return_line_names_our_country_on_international_mail(lang: str, country: str) -> None:
    home = pdf_words(_render(sample_context(LetterType.ACKNOWLEDGEMENT, lang)))[0]
    abroad_ctx = replace(
        sample_context(LetterType.ACKNOWLEDGEMENT, lang), addressee=DE, subject_country="DE"
    )
    abroad = pdf_words(_render(abroad_ctx))[0]

    def return_line(words: list[Word]) -> str:
        top = LAYOUT.return_line_baseline_mm
        return " ".join(w.text for w in words if top - 3 < w.top < top and w.left < 120)

    assert "NIEUWKUIJK" in return_line(home) and country not in return_line(home)
    assert return_line(abroad).endswith(country)


# ---- Sender --------------------------------------------------------------------------------


@pytest.mark.parametrize("missing", ["kvk_number", "email", "phone", "signatory_name"])
def test_a_letter_without_kvk_email_phone_or_signatory_is_refused(missing: str) -> None:
    ctx = sample_context(LetterType.ACKNOWLEDGEMENT, "nl")
    ctx = replace(ctx, organisation=replace(SAMPLE_ORGANISATION, **{missing: " "}))
    with pytest.raises(UserError, match="organisation profile lacks"):
        _render(ctx)


def test_every_letter_shows_kvk_email_phone_and_the_privacy_officer() -> None:
    for letter_type in LetterType:
        ctx = sample_context(letter_type, "nl")
        ctx = replace(ctx, organisation=replace(SAMPLE_ORGANISATION, signatory_function=""))
        text = pdf_text(_render(ctx))
        for needed in ("17123456", "privacy@databalance.example", "073 - 303 04 00"):
            assert needed in text, f"{letter_type}: {needed}"
        assert "Privacyfunctionaris" in text and "gegevensbescherming" not in text.lower()
    registered = replace(SAMPLE_ORGANISATION, signatory_function="", dpo_registered=True)
    ctx = replace(sample_context(LetterType.ACCESS, "en"), organisation=registered)
    assert "Data protection officer" in pdf_text(_render(ctx))


@pytest.mark.parametrize(
    ("letter_type", "lang", "line", "not_line"),
    [
        (LetterType.ERASURE, "nl", "Verwijderverzoek AVG", "Inzageverzoek"),
        (LetterType.ACCESS, "nl", "Inzageverzoek AVG", "Verwijderverzoek"),
        (LetterType.OBJECTION, "en", "Objection (GDPR)", "Access request"),
        (LetterType.RECIPIENT_NOTICE, "nl", "Bericht aan een ontvanger", "Inzageverzoek"),
    ],
)
def test_letterhead_line_follows_the_letter_type(
    letter_type: LetterType, lang: str, line: str, not_line: str
) -> None:
    first = pdf_words(_render(sample_context(letter_type, lang)))[0]
    head = " ".join(lines_of([w for w in first if w.top < 30]))
    assert line in head and not_line not in head


# ---- Abroad: remedies and ID advice ---------------------------------------------------------


EU27 = "AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK".split()


def test_every_eea_country_has_exactly_one_supervisor_with_address_and_https_site() -> None:
    import json

    raw = resource_path("supervisors", "eea_supervisors.json").read_text("utf-8")

    def no_duplicates(pairs: list[tuple[str, object]]) -> dict[str, object]:
        keys = [k for k, _v in pairs]
        assert len(keys) == len(set(keys)), f"duplicate key in the supervisors table: {keys}"
        return dict(pairs)

    # Exactly one entry per code: json.loads would let a second "DE" silently win.
    data = json.loads(raw, object_pairs_hook=no_duplicates)
    codes = list(data["authorities"])
    assert len(codes) == len(set(codes)) == 30
    assert set(codes) == set(EU27) | {"IS", "LI", "NO"} == EEA
    table = all_supervisors()
    for code in EEA:
        sup, row = table[code], data["authorities"][code]
        assert sup.name.strip() and sup.address.strip(), code
        assert any(ch.isdigit() for ch in sup.address), code  # a postcode or box number
        assert sup.website.startswith("https://") and "." in sup.website_shown, code
        assert row["record"].startswith("supervisory-authorities/"), code
    source = data["source"]
    assert "datenanfragen/data" in source["dataset"] and len(source["commit"]) == 40
    assert [c for c in EEA if table[c].forwards_to_regional] == ["DE"]
    assert supervisor_of("NL") is None and supervisor_of("US") is None
    assert supervisor_of("de") is not None


@pytest.mark.parametrize("lang", ["nl", "en", "de"])
def test_a_german_resident_is_also_told_of_the_german_supervisor(lang: str) -> None:
    ctx = replace(sample_context(LetterType.ACCESS, lang), addressee=DE, subject_country="DE")
    text = pdf_text(_render(ctx))
    assert "Autoriteit Persoonsgegevens" in text
    assert "Bundesbeauftragte" in text and "53117 Bonn" in text and "www.bfdi.bund.de" in text
    assert "https://" not in text
    forwards = {"nl": "deelstaat", "en": "your Land", "de": "Ihres Bundeslandes"}
    assert forwards[lang] in text  # the BfDI forwards to the Land's authority
    art77 = {"nl": "artikel 77 AVG", "en": "Article 77 GDPR", "de": "Artikel 77 DSGVO"}
    art79 = {"nl": "artikel 79 lid 2 AVG", "en": "Article 79(2) GDPR", "de": "Artikel 79 Abs. 2"}
    assert art77[lang] in text and art79[lang] in text


@pytest.mark.parametrize("country", ["NL", "US", "GB"])
def test_outside_the_eea_or_at_home_only_the_ap_is_named(country: str) -> None:
    ctx = replace(sample_context(LetterType.ACCESS, "en"), subject_country=country)
    if country != "NL":
        ctx = replace(ctx, addressee=UK if country == "GB" else replace(UK, country="US"))
    text = pdf_text(_render(ctx))
    assert "Autoriteit Persoonsgegevens" in text
    assert "Article 77" not in text and "own country" not in text and "Land" not in text


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_bsn_and_kopieid_advice_only_for_dutch_residents(lang: str) -> None:
    home = pdf_text(_render(sample_context(LetterType.CLARIFICATION, lang)))
    assert "BSN" in home and "KopieID" in home
    abroad_ctx = replace(
        sample_context(LetterType.CLARIFICATION, lang), addressee=DE, subject_country="DE"
    )
    abroad = pdf_text(_render(abroad_ctx))
    assert "BSN" not in abroad and "KopieID" not in abroad
    assert ("pasfoto" if lang == "nl" else "passport photo") in abroad


# ---- Representatives ---------------------------------------------------------------------------

_NOT_TO_A_LAWYER = {
    "nl": [r"\buw gegevens\b", r"\buw persoonsgegevens\b", r"\buw identiteit\b",
           r"adres waarop u bij ons bekend bent", r"\bgegevens van u\b"],
    "en": [r"\byour data\b", r"\byour personal data\b", r"the address we hold for you\b",
           r"the address where you are known to us", r"\bdata about you\b", r"\bmr\."],
}  # fmt: skip


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_letters_to_a_representative_name_the_client_and_greet_the_lawyer(lang: str) -> None:
    for letter_type in LetterType:
        if letter_type == LetterType.RECIPIENT_NOTICE:
            continue  # goes to the recipient, not to the representative
        ctx = _representative(sample_context(letter_type, lang), lang)
        text = pdf_text(_render(ctx))
        client = "mevrouw C. van den Bos" if lang == "nl" else "Ms C. van den Bos"
        assert client in text, letter_type
        assert ("Geachte mr. De Boer," if lang == "nl" else "Dear Mr De Boer,") in text
        assert ("uw cliënte" if lang == "nl" else "your client") in text
        assert ("21 november 2026" if lang == "nl" else "21 November 2026") in text
        for pattern in _NOT_TO_A_LAWYER[lang]:
            assert not re.search(pattern, text), f"{letter_type}/{lang}: {pattern}"
    if lang == "nl":  # the law degree stays in Dutch
        assert "mr. J. de Boer" in text


def test_recipient_notice_names_the_data_subject_not_the_lawyer() -> None:
    ctx = _representative(sample_context(LetterType.RECIPIENT_NOTICE, "nl"), "nl")
    # The notice's payload names the data subject as the case does (services: requester.full_name).
    ctx = replace(ctx, payload=replace(ctx.payload, subject_name="C. van den Bos"))
    text = pdf_text(_render(ctx))
    assert "C. van den Bos" in text and "Advocatenkantoor De Boer" not in text


# ---- Keep with next ------------------------------------------------------------------------


def test_no_page_holds_only_the_signature_or_ends_on_a_heading() -> None:
    ctx = sample_context(LetterType.ACKNOWLEDGEMENT, "nl")
    closing = "Met vriendelijke groet,"
    for filler in range(8, 40):
        body = "\n\n".join(
            [
                f"## Kop {i}\n\nRegel {i} met wat tekst om de pagina te vullen."
                for i in range(filler)
            ]
        )
        pages = pdf_words(_render(ctx, ComposedLetter("Onderwerp", body)))
        for number, words in enumerate(pages):
            lines = [
                line
                for line in lines_of([w for w in words if 20 < w.top < 280])
                if not line.startswith(("Databalance Services B.V. ·", "Pagina "))
            ]
            if number + 1 < len(pages) and lines:
                assert not lines[-1].startswith("Kop "), (
                    f"{filler}: page {number + 1} ends on {lines[-1]}"
                )
        last = [
            line
            for line in lines_of([w for w in pages[-1] if 20 < w.top < 280])
            if not line.startswith("Databalance Services B.V. ·")
        ]
        before = last[: last.index(closing)] if closing in last else []
        assert any(line.startswith("Regel") for line in before), f"{filler}: {last[:4]}"


# ---- Words ------------------------------------------------------------------------------


def test_appendix_and_the_line_under_the_signature_agree() -> None:
    text = pdf_text(_render(sample_context(LetterType.ACCESS, "en")))
    assert "Enclosure" not in text
    assert text.count("Appendix: Overview of personal data") >= 2  # under the signature + title
    assert 'The appendix "Overview of personal data"' in text


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_authority_address_reads_den_haag_in_a_sentence(lang: str) -> None:
    text = pdf_text(_render(sample_context(LetterType.REFUSAL, lang)))
    assert "2509 AJ Den Haag" in text and "DEN HAAG" not in text


def test_what_the_appendix_states_per_processing_is_a_list() -> None:
    body = compose_text(sample_context(LetterType.ACCESS, "nl")).body
    block = body.split("In de bijlage staat per verwerking:")[1].split("\n\n")[0]
    bullets = [line for line in block.splitlines() if line.startswith("- ")]
    assert len(bullets) == 8


# ---- PDF/A-2b ------------------------------------------------------------------------------


def _logo(tmp_path: Path) -> Path:
    path = tmp_path / "logo.png"
    image = Image.new("RGBA", (120, 40), (0, 90, 160, 0))
    for x in range(20, 100):
        for y in range(5, 35):
            image.putpixel((x, y), (0, 90, 160, 255))
    image.save(path)
    return path


def test_a_letter_is_pdf_a_2b(tmp_path: Path) -> None:
    org = replace(SAMPLE_ORGANISATION, logo_path=str(_logo(tmp_path)))
    ctx = replace(sample_context(LetterType.ACCESS, "nl"), organisation=org)
    pdf = _render(ctx)
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        meta = doc.open_metadata()
        assert meta["pdfaid:part"] == "2" and meta["pdfaid:conformance"] == "B"
        assert meta["dc:title"] == compose_text(ctx).subject
        assert pikepdf.Name.Filter not in doc.Root.Metadata  # XMP readable as is
        intents = doc.Root.OutputIntents
        assert len(intents) == 1 and intents[0].S == pikepdf.Name.GTS_PDFA1
        profile = intents[0].DestOutputProfile
        assert profile.N == 3
        assert profile.read_bytes() == resource_path("icc", "sRGB.icc").read_bytes()
        assert pikepdf.Name.Encrypt not in doc.trailer and pikepdf.Name.ID in doc.trailer
        fonts = 0
        for page in doc.pages:
            resources = page.Resources
            for font in resources.get("/Font", {}).values():
                fonts += 1
                descriptor = font.get("/FontDescriptor")
                assert descriptor is not None and "/FontFile2" in descriptor, font.BaseFont
            for xobject in resources.get("/XObject", {}).values():
                assert "/SMask" not in xobject and "/Mask" not in xobject
            assert "/Group" not in page
            for state in resources.get("/ExtGState", {}).values():
                assert float(state.get("/ca", 1)) == 1 and float(state.get("/CA", 1)) == 1
                assert "/SMask" not in state or state.SMask == pikepdf.Name("/None")
        assert fonts >= 2
        images = [x for page in doc.pages for x in page.Resources.get("/XObject", {}).values()]
        assert images, "the logo should be drawn"
    assert LICENCE_NAMED()


def LICENCE_NAMED() -> bool:
    text = resource_path("icc", "LICENSE.txt").read_text("utf-8")
    return "Zlib" in text and "icc-profiles-free" in text


def test_finalised_letter_is_archived_as_pdf_a_with_the_hash_of_those_bytes(
    sqlite_db: object,
) -> None:
    from app.core.enums import RequestType
    from app.core.validation import CaseInput
    from app.data.database import Database
    from app.data.models import Document
    from app.services.cases import register_case
    from app.services.letters import draft_letter, finalise_letter

    assert isinstance(sqlite_db, Database)
    reference = register_case(
        sqlite_db,
        actor="officer",
        data=CaseInput(
            request_types=(RequestType.ACCESS,),
            received_on=date(2026, 11, 20),
            last_name="Amrani",
            name_prefix="El",
            initials="Y.",
            salutation="mevrouw",
            street="Kerkstraat 12",
            postcode="5253 RE",
            city="Nieuwkuijk",
        ),
        today=date(2026, 11, 24),
    )
    draft = draft_letter(
        sqlite_db, actor="officer", reference=reference, letter_type="acknowledgement"
    )
    assert draft.body.startswith("Geachte mevrouw El Amrani,")
    final = finalise_letter(sqlite_db, actor="officer", letter_id=draft.id)
    with sqlite_db.session() as session:
        doc = session.get(Document, final.document_id)
        assert doc is not None and doc.content is not None
        content = doc.content
    assert hashlib.sha256(content).hexdigest() == final.sha256
    with pikepdf.open(io.BytesIO(content)) as pdf:
        assert pdf.open_metadata()["pdfaid:part"] == "2"
    text = pdf_text(content)
    assert "behandeld door" in text and "officer" not in text.split("behandeld door")[1][:40]
    assert "M. de Bruijn" in text  # the seed's signatory, not the login


def test_an_old_profile_calling_the_signatory_fg_prints_privacyfunctionaris() -> None:
    old = replace(SAMPLE_ORGANISATION, signatory_function="Functionaris gegevensbescherming")
    ctx = replace(sample_context(LetterType.ACKNOWLEDGEMENT, "nl"), organisation=old)
    text = pdf_text(_render(ctx))
    assert "Privacyfunctionaris" in text and "gegevensbescherming" not in text.lower()
    own = replace(SAMPLE_ORGANISATION, signatory_function="Juridisch adviseur")
    ctx = replace(ctx, organisation=own)
    assert "Juridisch adviseur" in pdf_text(_render(ctx))
