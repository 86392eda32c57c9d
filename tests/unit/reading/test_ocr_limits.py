"""OCR without running Tesseract: finding it, the limits on hostile files, cleaning its text."""

from __future__ import annotations

import logging
import zlib
from pathlib import Path

import pytest
from PIL import Image, ImageDraw
from reportlab.pdfgen import canvas

from app.core.errors import UserError
from app.reading import ocr
from app.reading import tesseract as tess
from app.reading.documents import DocumentFormat, read_document
from app.reading.letter_file import letter_text_of_file

NOWHERE = tess.Tesseract(Path("/nonexistent/tesseract"), "0", ("eng",))


@pytest.fixture
def no_tesseract(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    missing = tmp_path / "not-installed" / "tesseract"
    monkeypatch.setenv(tess.TESSERACT_ENV, str(missing))
    tess.clear_cache()
    yield missing
    tess.clear_cache()


def _png(path: Path, size: tuple[int, int] = (200, 100)) -> Path:
    Image.new("L", size, 255).save(path)
    return path


def _blank_pdf(path: Path, pages: int) -> Path:
    pdf = canvas.Canvas(str(path))
    for _ in range(pages):
        pdf.rect(50, 50, 100, 100, fill=1)
        pdf.showPage()
    pdf.save()
    return path


def test_control_characters_are_cleaned_not_refused() -> None:
    raw = "Geachte heer,\r\nIk vraag\x00 inzage.\x0c\x0cPagina 2\x1b[0m\u200b tekst\n\n\n\nGroet"
    clean = "Geachte heer,\nIk vraag inzage.\n\nPagina 2[0m tekst\n\nGroet"
    assert ocr.clean_ocr_text(raw) == clean
    assert "\f" not in ocr.clean_ocr_text("a\fb") and ocr.clean_ocr_text("a\fb") == "a\nb"


def test_without_tesseract_ocr_says_so_and_the_rest_works(
    no_tesseract: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    assert tess.find_tesseract() is None
    scan = _png(tmp_path / "scan.png")
    with pytest.raises(tess.OcrUnavailable) as info:
        letter_text_of_file(scan)
    assert info.value.msgid.startswith("Text recognition (OCR) is not available: Tesseract was")
    assert str(no_tesseract) in str(info.value) and tess.TESSERACT_ENV in str(info.value)
    dutch = info.value.render("nl")
    assert (
        dutch.startswith("Tekstherkenning (OCR) is niet beschikbaar") and str(no_tesseract) in dutch
    )
    # A batch (the document-folder connector) goes on: the scan stays "needs OCR", said once.
    with caplog.at_level(logging.WARNING, logger="app.reading.ocr"):
        for _ in range(3):
            document = read_document(scan, ocr=True)
            assert document.needs_ocr and not document.from_ocr and document.text == ""
    assert sum("OCR) is not available" in r.getMessage() for r in caplog.records) == 1
    text = tmp_path / "brief.txt"
    text.write_text("Ik verzoek om inzage.", encoding="utf-8")
    assert letter_text_of_file(text) == "Ik verzoek om inzage."
    assert read_document(text, ocr=True).text == "Ik verzoek om inzage."


def test_an_unset_path_searches_and_a_set_path_is_the_only_one(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv(tess.TESSERACT_ENV, str(tmp_path / "nope"))
    assert tess._candidates(None) == [tmp_path / "nope"]
    assert tess._candidates(str(tmp_path / "chosen")) == [tmp_path / "chosen"]
    monkeypatch.delenv(tess.TESSERACT_ENV)
    assert tmp_path / "nope" not in tess._candidates(None)


def test_the_page_limit_is_checked_before_ocr(tmp_path: Path) -> None:
    pdf = _blank_pdf(tmp_path / "dik.pdf", ocr.MAX_PAGES + 1)
    with pytest.raises(UserError) as info:
        ocr.ocr_file(pdf, tesseract=NOWHERE)  # refused before any program would run
    assert info.value.msgid.startswith("{name} has {pages} pages; OCR reads at most {limit}.")
    assert "dik.pdf has 51 pages; OCR reads at most 50" in str(info.value)
    # Only the pages asked for count: the intake reads the first five.
    assert ocr._pdf_page_count(pdf, max_pages=5) == 5
    frames = [Image.new("L", (50, 50), 255) for _ in range(ocr.MAX_PAGES + 1)]
    tiff = tmp_path / "veel.tif"
    frames[0].save(tiff, save_all=True, append_images=frames[1:])
    with pytest.raises(UserError) as info:
        ocr.ocr_file(tiff, tesseract=NOWHERE)
    assert "veel.tif has 51 pages" in str(info.value)


def test_the_pixel_limit_is_checked_before_ocr(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ocr, "MAX_PIXELS", 10_000)
    big = _png(tmp_path / "groot.png", (200, 100))
    with pytest.raises(UserError) as info:
        ocr.ocr_file(big, tesseract=NOWHERE)
    assert info.value.msgid.startswith("A page of {name} is {width} x {height} pixels;")
    assert "groot.png is 200 x 100 pixels" in str(info.value)
    poster = tmp_path / "poster.pdf"
    pdf = canvas.Canvas(str(poster), pagesize=(2000, 2000))
    pdf.showPage()
    pdf.save()
    with pytest.raises(UserError) as info:
        ocr.ocr_file(poster, tesseract=NOWHERE)
    assert "8333 x 8333 pixels" in str(info.value)


def test_a_decompression_bomb_is_refused_from_its_header(tmp_path: Path) -> None:
    # A PNG whose header claims 100,000 x 100,000 pixels: never decoded.
    small = _png(tmp_path / "klein.png", (1, 1))
    data = bytearray(small.read_bytes())
    data[16:24] = (100_000).to_bytes(4, "big") * 2  # IHDR width and height
    data[29:33] = zlib.crc32(bytes(data[12:29])).to_bytes(4, "big")
    bomb = tmp_path / "bom.png"
    bomb.write_bytes(bytes(data))
    with pytest.raises(UserError) as info:
        ocr.ocr_file(bomb, tesseract=NOWHERE)
    assert info.value.msgid.startswith("A page of {name} has far more than {limit} million")
    assert "bom.png" in str(info.value)


def test_a_damaged_image_says_what_to_do(tmp_path: Path) -> None:
    image = tmp_path / "foto.png"
    image.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 32)
    with pytest.raises(UserError) as info:
        letter_text_of_file(image)
    assert info.value.msgid.startswith("{name} could not be read as an image")
    assert "foto.png" in str(info.value)
    assert read_document(image).format is DocumentFormat.IMAGE


def test_deskew_finds_the_angle_of_a_skewed_page() -> None:
    page = Image.new("L", (1200, 1600), 255)
    draw = ImageDraw.Draw(page)
    for y in range(150, 1450, 40):  # lines of "text": short dark bars with gaps
        for x in range(100, 1100, 60):
            draw.rectangle((x, y, x + 45, y + 14), fill=0)
    for angle in (-3.0, -1.5, 0.0, 2.0):
        turned = page.rotate(angle, expand=True, fillcolor=255)
        assert abs(ocr.skew_angle(turned) + angle) <= 0.2, angle


def test_describe_names_missing_language_data() -> None:
    partial = tess.Tesseract(Path("/usr/bin/tesseract"), "5.3.0", ("eng", "osd"))
    line = partial.describe()
    assert "/usr/bin/tesseract, version 5.3.0" in line
    assert "MISSING language data: Dutch (nld), German (deu)" in line
    assert partial.ocr_languages == ("eng",)
    full = tess.Tesseract(Path("t"), "5.3.0", ("deu", "eng", "nld", "osd"))
    assert "MISSING" not in full.describe() and full.ocr_languages == ("nld", "eng", "deu")


def test_an_oversized_image_inside_a_pdf_is_refused_before_decoding(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Without pdftoppm the scanner's page images are taken from the PDF: their size is read
    # from the PDF's own dictionary first. A4-sized page, 9 megapixel image, limit 5.
    monkeypatch.setenv(ocr.PDFTOPPM_ENV, str(tmp_path / "no-poppler"))
    monkeypatch.setattr(ocr, "MAX_PIXELS", 5_000_000)
    pdf = tmp_path / "fijn.pdf"
    Image.new("L", (3000, 3000), 255).save(pdf, resolution=600)
    with pytest.raises(UserError) as info:
        ocr.ocr_file(pdf, tesseract=NOWHERE)
    assert "fijn.pdf is 3000 x 3000 pixels" in str(info.value)


def test_a_program_that_cannot_start_is_a_user_error(tmp_path: Path) -> None:
    with pytest.raises(UserError) as info:
        ocr.run_child([str(tmp_path / "gone" / "tesseract"), "--version"])
    assert info.value.msgid.startswith("{program} could not be started")
    assert "tesseract could not be started" in str(info.value)
