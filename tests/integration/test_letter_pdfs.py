"""Real PDFs for every letter type: text content, window position, fonts, pagination, merging."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from app.core.errors import UserError
from app.letters import (
    ComposedLetter,
    LetterContext,
    LetterLayout,
    LetterType,
    PostalAddress,
    compose_text,
    merge_pdfs,
    render_letter,
)
from tests.letter_samples import SAMPLE_ADDRESS_BE, sample_context

MM = 72 / 25.4
LAYOUT = LetterLayout()

# Mandatory content per type (DOMAIN.md section 5), checked in the PDF's extracted text.
AP = "Autoriteit Persoonsgegevens, Postbus 93374, 2509 AJ Den Haag"
EXPECTED: dict[tuple[LetterType, str], list[str]] = {
    (LetterType.ACKNOWLEDGEMENT, "nl"): [
        "Ontvangstbevestiging", "22 december 2026", "24 december 2026", "artikel 12 lid 3 AVG",
        "inzage (artikel 15 AVG) en verwijdering (artikel 17 AVG)",
    ],
    (LetterType.ACKNOWLEDGEMENT, "en"): [
        "Acknowledgement", "22 December 2026", "24 December 2026", "Article 12(3) GDPR",
    ],
    (LetterType.CLARIFICATION, "nl"): [
        "Uw klantnummer of het e-mailadres", "Het adres in uw brief is een ander adres",
        "staat de termijn", "stil", "burgerservicenummer (BSN)", "pasfoto onleesbaar",
        "vernietigen de kopie direct na die controle",
    ],
    (LetterType.CLARIFICATION, "en"): [
        "Your customer number", "The address in your letter differs", "is paused",
        "black out your citizen service number (BSN) and your passport photo",
        "delete it immediately after that check",
    ],
    (LetterType.EXTENSION, "nl"): [
        "zeven systemen", "24 februari 2027", "artikel 12 lid 3 AVG", "twee maanden",
    ],
    (LetterType.EXTENSION, "en"): [
        "seven systems", "24 February 2027", "Article 12(3) GDPR", "two further months",
    ],
    (LetterType.ACCESS, "nl"): [
        "Wij bevestigen dat wij persoonsgegevens van u verwerken", "Overzicht persoonsgegevens",
        "Doelen (a)", "Soorten gegevens (b)", "Ontvangers (c)", "Bewaartermijn (d)", "Bron (g)",
        "Geautomatiseerde besluiten (h)", "Doorgifte buiten de EER", "Zendesk Inc. (verwerker)",
        "EU-VS Data Privacy Framework", "verbeteren of aan te vullen", "te verwijderen",
        "te beperken", "bezwaar maken", AP, "rechtbank", "zes weken", "Zoë IJsselstein-Çelik",
        "€ 49,95", "j.vanderberg@example.nl",
    ],
    (LetterType.ACCESS, "en"): [
        "We confirm that we process personal data about you", "Overview of personal data",
        "Purposes (a)", "Recipients (c)", "Retention period (d)", "Automated decisions (h)",
        "Transfers outside the EEA", "rectify or complete", "erase", "restrict",
        "object to the use", AP, "rechtbank", "six weeks",
    ],
    (LetterType.RECTIFICATION, "nl"): [
        "Dorpsstraat 1 → Kerkstraat 12 A", "Exact Online B.V.", "artikel 19 AVG",
    ],
    (LetterType.RECTIFICATION, "en"): [
        "Dorpsstraat 1 → Kerkstraat 12 A", "Exact Online B.V.", "Article 19 GDPR",
    ],
    (LetterType.ERASURE, "nl"): [
        "Nieuwsbrief: e-mailadres", "artikel 17 lid 3 onder b AVG",
        "artikel 52 Algemene wet inzake rijksbelastingen", "31 december 2033", AP, "rechtbank",
        "zes weken", "artikel 35 Uitvoeringswet AVG",
    ],
    (LetterType.ERASURE, "en"): [
        "Newsletter", "Article 17(3)(b) GDPR", "31 December 2033", AP, "rechtbank", "six weeks",
    ],
    (LetterType.OBJECTION, "nl"): [
        "direct marketing", "altijd bezwaar maken", "blokkeerlijst", "artikel 21 lid 3 AVG",
    ],
    (LetterType.OBJECTION, "en"): [
        "direct marketing", "always object", "suppression list", "Article 21(3) GDPR",
    ],
    (LetterType.REFUSAL, "nl"): [
        "elf keer", "kennelijk ongegrond of buitensporig", "artikel 12 lid 5 AVG", "€ 25,00",
        AP, "rechtbank", "zes weken", "artikel 35 Uitvoeringswet AVG",
    ],
    (LetterType.REFUSAL, "en"): [
        "eleven times", "manifestly unfounded or excessive", "Article 12(5) GDPR", "€25.00",
        AP, "rechtbank", "six weeks", "Article 35",
    ],
    (LetterType.RECIPIENT_NOTICE, "nl"): [
        "artikel 19 AVG", "persoonsgegevens van J. van der Berg aan Zendesk", "KL-10001",
        "ook verwijderen", "Geachte heer, mevrouw,",
    ],
    (LetterType.RECIPIENT_NOTICE, "en"): [
        "Article 19 GDPR", "personal data of J. van der Berg to Zendesk", "KL-10001",
        "erase this data", "Dear Sir or Madam,",
    ],
}  # fmt: skip


def _render(ctx: LetterContext, composed: ComposedLetter | None = None) -> bytes:
    return render_letter(ctx, composed or compose_text(ctx))


def _text(pdf: bytes) -> list[str]:
    """Extracted text per page with whitespace (incl. no-break spaces) normalised."""
    reader = PdfReader(io.BytesIO(pdf))
    return [" ".join((page.extract_text() or "").split()) for page in reader.pages]


def _positions(pdf: bytes, page: int = 0) -> list[tuple[str, float, float]]:
    """(text, x mm from left, y mm from top) of every text chunk on a page."""
    reader = PdfReader(io.BytesIO(pdf))
    pg = reader.pages[page]
    height = float(pg.mediabox.height)
    found: list[tuple[str, float, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], font: Any, size: Any) -> None:
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            found.append((text.strip(), x / MM, (height - y) / MM))

    pg.extract_text(visitor_text=visit)
    return found


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("letter_type", list(LetterType))
def test_letter_pdf_has_mandatory_content(letter_type: LetterType, lang: str) -> None:
    ctx = sample_context(letter_type, lang)
    pdf = _render(ctx)
    pages = _text(pdf)
    text = " ".join(pages)
    for expected in EXPECTED[(letter_type, lang)]:
        assert expected in text, f"{letter_type}/{lang}: {expected!r} missing"
    # The controller's identity, the references and the closing appear on every letter.
    for common in ("Databalance Services B.V.", "AVG-2026-0001", "M. de Bruijn"):
        assert common in pages[0]
    # The data subject's own reference, except on an Art. 19 notice (to a company).
    notice = letter_type == LetterType.RECIPIENT_NOTICE
    assert ("JvdB/2026-11" in pages[0]) is not notice
    closing = "Met vriendelijke groet," if lang == "nl" else "Kind regards,"
    assert closing in text and "M. (Marieke) de Bruijn" in text
    labels = ("uw brief van", "uw kenmerk", "ons kenmerk", "datum")
    if lang == "en":
        labels = ("your letter of", "your reference", "our reference", "date")
    for label in labels:
        assert label in pages[0]
    page_word = "Pagina" if lang == "nl" else "Page"
    of = "van" if lang == "nl" else "of"
    for number, page_text in enumerate(pages, start=1):
        assert f"{page_word} {number} {of} {len(pages)}" in page_text


def test_pdf_metadata_title_and_author() -> None:
    ctx = sample_context(LetterType.ERASURE, "nl")
    composed = compose_text(ctx)
    meta = PdfReader(io.BytesIO(_render(ctx, composed))).metadata
    assert meta is not None
    assert meta.title == composed.subject == "Verwijdering van uw persoonsgegevens"
    assert meta.author == "Databalance Services B.V."


@pytest.mark.parametrize("address", ["domestic", "foreign", "six_lines"])
def test_address_lines_lie_inside_the_window(address: str) -> None:
    ctx = sample_context(LetterType.ACKNOWLEDGEMENT, "nl")
    if address == "foreign":
        ctx = replace(ctx, addressee=SAMPLE_ADDRESS_BE)
    elif address == "six_lines":
        extra = ("t.a.v. mr. A. de Vries", "Advocatenkantoor De Vries & Partners")
        ctx = replace(ctx, addressee=replace(SAMPLE_ADDRESS_BE, extra_lines=extra))
    from app.letters import format_address

    lines = format_address(ctx.addressee, ctx.lang)
    chunks = _positions(_render(ctx))
    for line in lines:
        hits = [(x, y) for text, x, y in chunks if text == line]
        assert hits, f"address line {line!r} not found as one text chunk"
        x, y = hits[0]
        assert LAYOUT.address_left_mm - 0.01 <= x <= LAYOUT.address_left_mm + 0.01
        # The baseline with room for ascenders above and descenders below stays in the window.
        assert LAYOUT.window_top_mm + 3 <= y <= LAYOUT.window_bottom_mm - 1, (line, y)
    tops = [y for text, _x, y in chunks if text in lines]
    assert tops == sorted(tops)  # lines in reading order, top to bottom
    ret = [y for text, _x, y in chunks if text.startswith("Databalance Services B.V., Hopbrouwer")]
    assert ret and LAYOUT.window_top_mm < ret[0] < min(tops)


def test_address_block_is_centred_near_the_window_centre() -> None:
    ctx = sample_context(LetterType.ACKNOWLEDGEMENT, "nl")
    chunks = _positions(_render(ctx))
    ys = [y for text, _x, y in chunks if text in ("De heer J. van der Berg", "Kerkstraat 12 A")]
    assert len(ys) == 2
    assert 55 < ys[0] < 65  # 3 lines centred around 65.5 mm


def test_reference_row_sits_just_below_the_first_fold() -> None:
    chunks = _positions(_render(sample_context(LetterType.ACKNOWLEDGEMENT, "nl")))
    label = [y for text, _x, y in chunks if text == "ons kenmerk"]
    value = [y for text, _x, y in chunks if text == "AVG-2026-0001"]
    assert label and value
    # Baselines; the glyphs themselves are checked against the fold in test_letter_frame.py.
    assert 103 <= label[0] < value[0] <= 110


def test_layout_offsets_are_settings() -> None:
    ctx = sample_context(LetterType.ACKNOWLEDGEMENT, "nl")
    shifted = replace(LAYOUT, address_left_mm=40.0, address_centre_mm=62.0)
    pdf = render_letter(ctx, compose_text(ctx), shifted)
    hits = [(x, y) for text, x, y in _positions(pdf) if text == "Kerkstraat 12 A"]
    assert hits and abs(hits[0][0] - 40.0) < 0.01
    assert 58 < hits[0][1] < 65


def _fonts(pdf: bytes) -> dict[str, Any]:
    reader = PdfReader(io.BytesIO(pdf))
    fonts: dict[str, Any] = {}
    for page in reader.pages:
        resources = page["/Resources"].get_object()
        for font in resources.get("/Font", {}).values():
            font = font.get_object()
            fonts[str(font["/BaseFont"])] = font
    return fonts


def test_all_fonts_are_embedded_truetype() -> None:
    fonts = _fonts(_render(sample_context(LetterType.ACCESS, "nl")))
    assert fonts
    for name, font in fonts.items():
        descriptor = font["/FontDescriptor"].get_object()
        assert "/FontFile2" in descriptor, f"{name} is not embedded"
    assert any("LiberationSans" in name for name in fonts)
    assert any("Bold" in name for name in fonts)


@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="poppler-utils not installed")
def test_pdffonts_reports_every_font_embedded(tmp_path: Path) -> None:
    path = tmp_path / "letter.pdf"
    path.write_bytes(_render(sample_context(LetterType.REFUSAL, "nl")))
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True)
    rows = out.stdout.strip().splitlines()[2:]
    assert rows
    for row in rows:
        assert re.search(r"\byes\s+yes\s+yes\b", row), row  # emb, sub, uni


def test_diacritics_euro_and_foreign_address_print() -> None:
    ctx = replace(
        sample_context(LetterType.ACKNOWLEDGEMENT, "nl"),
        addressee=SAMPLE_ADDRESS_BE,
        salutation="Geachte mevrouw IJsselstein-Çelik,",
    )
    composed = compose_text(ctx)
    composed = replace(composed, body=composed.body + "\n\nKosten: € 12,50 — café, Ærø, Œuvre.")
    text = _text(_render(ctx, composed))[0]
    for expected in (
        "Mevrouw Zoë IJsselstein-Çelik",
        "Rue de la Loi 155 bus 3",
        "1040 ETTERBEEK",
        "BELGIË",
        "Geachte mevrouw IJsselstein-Çelik,",
        "€ 12,50 — café, Ærø, Œuvre.",
    ):
        assert expected in text
    english = replace(ctx, lang="en", salutation="Dear Ms IJsselstein-Çelik,")
    assert "BELGIUM" in _text(_render(english))[0]


def test_domestic_postcode_has_two_spaces_in_the_pdf() -> None:
    chunks = _positions(_render(sample_context(LetterType.ACKNOWLEDGEMENT, "nl")))
    assert any(text == "5211 AB  'S-HERTOGENBOSCH" for text, _x, _y in chunks)


def test_500_row_appendix_paginates_with_correct_page_numbers() -> None:
    ctx = sample_context(LetterType.ACCESS, "nl", data_rows=500)
    pdf = _render(ctx)
    pages = _text(pdf)
    total = len(pages)
    assert total >= 10
    numbers = []
    for page_text in pages:
        found = re.findall(r"Pagina (\d+) van (\d+)", page_text)
        assert len(found) == 1
        numbers.append(int(found[0][0]))
        assert int(found[0][1]) == total
    assert numbers == list(range(1, total + 1))
    # Every row reached the PDF, and each continuation page repeats the table header.
    text = " ".join(pages)
    assert text.count("Jan van der Berg") == len(range(0, 375, 5))
    assert "TCK-2124" in text
    appendix_pages = [p for p in pages if "KL-1" in p or "TCK-2" in p]
    assert len(appendix_pages) >= 8
    for page_text in appendix_pages:
        assert "Gegeven Waarde Soort" in page_text
    # Follow-up pages carry the small header, not the letterhead and window.
    for page_text in pages[1:]:
        assert "ons kenmerk AVG-2026-0001" in page_text
        assert "Postadres" not in page_text


def test_seven_line_address_is_refused() -> None:
    ctx = sample_context(LetterType.ACKNOWLEDGEMENT, "nl")
    addr = replace(SAMPLE_ADDRESS_BE, extra_lines=("een", "twee", "drie", "vier"))
    with pytest.raises(UserError, match="at most 6"):
        _render(replace(ctx, addressee=addr))


def test_address_that_wraps_past_six_lines_is_refused() -> None:
    ctx = sample_context(LetterType.ACKNOWLEDGEMENT, "nl")
    addr = replace(
        ctx.addressee, name_line="Stichting " + "Heel Erg Lange Naam " * 8 + "Voor Het Venster"
    )
    with pytest.raises(UserError, match="PostNL allows at most 6"):
        _render(replace(ctx, addressee=addr))


def test_recipient_notice_goes_to_the_recipient() -> None:
    ctx = sample_context(LetterType.RECIPIENT_NOTICE, "nl")
    chunks = _positions(_render(ctx))
    window = [text for text, _x, y in chunks if LAYOUT.window_top_mm < y < LAYOUT.window_bottom_mm]
    assert "Zendesk Inc." in window
    assert "1043 GR  AMSTERDAM" in window
    assert "De heer J. van der Berg" not in window


def test_edited_body_renders_bullets_headings_and_markup_safely() -> None:
    ctx = sample_context(LetterType.ACKNOWLEDGEMENT, "nl")
    body = "Beste Jan,\n\n## Eigen kop\n\n- punt <een>\n- punt & twee\n\nregel 1\nregel 2"
    text = _text(_render(ctx, ComposedLetter(subject="Eigen onderwerp", body=body)))[0]
    assert "Eigen onderwerp" in text and "Eigen kop" in text
    assert "• punt <een>" in text and "• punt & twee" in text
    assert "regel 1 regel 2" in text


def test_empty_subject_is_refused() -> None:
    ctx = sample_context(LetterType.ACKNOWLEDGEMENT, "nl")
    with pytest.raises(UserError, match="subject"):
        _render(ctx, ComposedLetter(subject=" ", body="Tekst"))


def test_missing_logo_file_is_a_user_error(tmp_path: Path) -> None:
    ctx = sample_context(LetterType.ACKNOWLEDGEMENT, "nl")
    org = replace(ctx.organisation, logo_path=str(tmp_path / "weg.png"))
    with pytest.raises(UserError, match="logo"):
        _render(replace(ctx, organisation=org))


def test_logo_is_drawn(tmp_path: Path) -> None:
    from PIL import Image

    logo = tmp_path / "logo.png"
    Image.new("RGB", (300, 100), (20, 60, 140)).save(logo)
    ctx = sample_context(LetterType.ACKNOWLEDGEMENT, "nl")
    pdf = _render(replace(ctx, organisation=replace(ctx.organisation, logo_path=str(logo))))
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    assert len(page.images) == 1


def test_merge_pdfs_keeps_order_and_pads_for_duplex() -> None:
    one = _render(sample_context(LetterType.ACKNOWLEDGEMENT, "nl"))  # 1 page
    two = _render(sample_context(LetterType.ERASURE, "nl"))  # 2 pages
    merged = PdfReader(io.BytesIO(merge_pdfs([one, two])))
    assert len(merged.pages) == 3
    assert "Ontvangstbevestiging" in (merged.pages[0].extract_text() or "")
    assert "Verwijdering" in (merged.pages[1].extract_text() or "")
    duplex = PdfReader(io.BytesIO(merge_pdfs([one, two], duplex=True)))
    assert len(duplex.pages) == 4
    assert not (duplex.pages[1].extract_text() or "").strip()
    with pytest.raises(UserError):
        merge_pdfs([])


def test_letter_without_their_reference_shows_dashes() -> None:
    ctx = replace(
        sample_context(LetterType.ACKNOWLEDGEMENT, "en"),
        their_reference=None,
        their_letter_date=None,
    )
    chunks = _positions(_render(ctx))
    row = [text for text, _x, y in chunks if 107 < y < 110]
    assert row.count("-") == 2


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")
def test_first_page_raster_shows_address_in_window(tmp_path: Path) -> None:
    from PIL import Image

    path = tmp_path / "letter.pdf"
    path.write_bytes(_render(sample_context(LetterType.ACKNOWLEDGEMENT, "nl")))
    subprocess.run(
        ["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", str(path), str(tmp_path / "p")],
        check=True,
    )
    image = Image.open(next(tmp_path.glob("p*.png"))).convert("L")
    px_per_mm = image.width / 210

    def ink(left: float, top: float, right: float, bottom: float) -> int:
        box = tuple(round(v * px_per_mm) for v in (left, top, right, bottom))
        return sum(1 for value in image.crop(box).tobytes() if value < 128)

    assert ink(35, 48, 105, 79) > 200  # return line and address in the window
    assert ink(25, 40, 34, 90) == 0  # nothing left of the window
    assert ink(35, 30, 105, 47.5) == 0  # nothing above the window (between letterhead and it)


def test_unsupported_addressee_country_code_still_prints_in_capitals() -> None:
    ctx = sample_context(LetterType.ACKNOWLEDGEMENT, "en")
    addr = PostalAddress(
        name_line="Ms A. Novák",
        street_line="Vodičkova 12",
        postcode="110 00",
        city="Praha",
        country="CZ",
    )
    text = _text(_render(replace(ctx, addressee=addr)))[0]
    assert "110 00 PRAHA" in text and "CZ" in text
