"""Where a letter's lines sit on the page: OCR boxes mapped back onto the page as scanned, and a
PDF's text layer positions."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from PIL import Image

from app.core.letter_text import read_letter
from app.reading.page_lines import (
    Box,
    PageGeometry,
    PageLine,
    Word,
    find_line,
    lines_from_tsv,
    text_layer_lines,
)


@pytest.mark.parametrize(
    ("rotation", "skew"), [(0, 0.0), (90, 0.0), (180, 0.0), (270, 0.0), (0, 2.3), (90, -1.7)]
)
def test_a_point_of_the_prepared_page_maps_back_onto_the_scan(rotation: int, skew: float) -> None:
    """Prepared as ocr._prepare does (PIL rotate with expand), the mark is found where it was."""
    width, height = 400, 300
    image = Image.new("L", (width, height), 255)
    image.paste(0, (68, 38, 73, 43))  # a 5x5 mark around (70.5, 40.5)
    if rotation:
        image = image.rotate(-rotation, expand=True)
    if skew:
        image = image.rotate(skew, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255)
    dark = [(x, y) for y in range(image.height) for x in range(image.width)
            if image.getpixel((x, y)) < 100]  # fmt: skip
    x = sum(p[0] for p in dark) / len(dark) + 0.5
    y = sum(p[1] for p in dark) / len(dark) + 0.5
    fx, fy = PageGeometry(width, height, rotation, skew).to_page(x, y)
    assert abs(fx * width - 70.5) < 1.5 and abs(fy * height - 40.5) < 1.5


TSV = """level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\t\
conf\ttext
1\t1\t0\t0\t0\t0\t0\t0\t1000\t2000\t-1\t
4\t1\t1\t1\t1\t0\t100\t200\t500\t40\t-1\t
5\t1\t1\t1\t1\t1\t100\t200\t120\t40\t96\t5251
5\t1\t1\t1\t1\t2\t240\t200\t60\t40\t95\tAB
5\t1\t1\t1\t1\t3\t320\t200\t280\t40\t93\tVlijmen\x0c
5\t1\t1\t1\t2\t1\t100\t260\t300\t40\t93\tNieuwkuijk,
5\t1\t1\t1\t2\t2\t420\t260\t200\t40\t93\t
"""


def test_tesseract_tsv_gives_lines_with_their_words() -> None:
    lines = lines_from_tsv(TSV, page=1, geometry=PageGeometry(1000, 2000))
    assert [line.text for line in lines] == ["5251 AB Vlijmen", "Nieuwkuijk,"]
    first = lines[0]
    assert first.page == 1
    assert first.box == Box(0.1, 0.1, 0.6, 0.12)
    postcode = first.word_box("5251 AB")
    assert postcode == Box(0.1, 0.1, 0.3, 0.12)
    assert first.box.contains(postcode) and first.word_box("5251 XY") is None


def test_the_source_line_of_a_proposal_is_found_among_the_page_lines() -> None:
    text = "Mevr. A. de Vries\nKerkstraat 12\n5251 AB  Vlijmen\n\nGeachte heer,\n"
    proposal = read_letter(text).proposals.subject.postcode
    assert proposal is not None
    box = Box(0, 0, 1, 1)
    texts = ("Mevr. A. de Vries", "Kerkstraat 12", "5251 AB Vlijmen", "Geachte heer,")
    lines = [PageLine(0, t, box, (Word(t, box),)) for t in texts]
    assert find_line(lines, proposal.source) is lines[2]  # spaces as OCR gives them
    assert find_line(lines, "nowhere in the letter") is None


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="Poppler's pdftotext is missing")
def test_a_pdf_text_layer_gives_its_line_positions(tmp_path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = tmp_path / "letter.pdf"
    page = canvas.Canvas(str(pdf), pagesize=A4)
    page.setFont("Helvetica", 11)
    page.drawString(72, A4[1] - 100, "Kerkstraat 12")
    page.drawString(72, A4[1] - 114, "5251 AB Vlijmen")
    page.showPage()
    page.drawString(300, 100, "Tweede pagina")
    page.save()
    lines = text_layer_lines(pdf, max_pages=5)
    assert [(line.page, line.text) for line in lines] == [
        (0, "Kerkstraat 12"),
        (0, "5251 AB Vlijmen"),
        (1, "Tweede pagina"),
    ]
    postcode = lines[1].word_box("5251 AB")
    assert postcode is not None
    assert abs(postcode.left - 72 / A4[0]) < 0.01
    assert 114 / A4[1] - 0.02 < postcode.bottom < 114 / A4[1] + 0.01
    assert lines[2].box.left > 0.45 and lines[2].box.top > 0.8


def test_a_reminder_without_a_date_counts_its_ultimatum_from_receipt() -> None:
    reading = read_letter(
        "Geachte heer,\n\nIk stuur u een herinnering: ik heb nog niets van u gehoord op mijn "
        "verzoek om inzage.\nIk verwacht uw antwoord binnen twee weken.\n"
    )
    reminder = reading.proposals.reminder
    assert reading.is_reminder and reminder is not None
    ultimatum = reminder.ultimatum(received_on=date(2026, 11, 27))
    assert ultimatum is not None and ultimatum.value == "2026-12-11"
    assert "binnen twee weken" in ultimatum.source
