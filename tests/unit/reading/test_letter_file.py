"""Reading an incoming letter's file: text, PDF text layer, and what to do when it fails."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from reportlab.pdfgen import canvas

from app.core.enums import RequestType
from app.core.errors import UserError
from app.core.letter_text import read_letter
from app.reading.letter_file import letter_text_of_file

E = RequestType.ERASURE


def _pdf(path: Path, lines: list[str]) -> Path:
    pdf = canvas.Canvas(str(path))
    y = 800
    for line in lines:
        pdf.drawString(72, y, line)
        y -= 16
    pdf.showPage()
    pdf.save()
    return path


def test_text_and_pdf_files_are_read(tmp_path: Path) -> None:
    txt = tmp_path / "mail.txt"
    txt.write_text("Graag inzage in mijn gegevens, Zoë", encoding="utf-8")
    assert letter_text_of_file(txt).endswith("Zoë")
    old = tmp_path / "old.txt"
    old.write_bytes("Graag inzage, Zoë".encode("cp1252"))
    assert letter_text_of_file(old).endswith("Zoë")
    pdf = _pdf(tmp_path / "brief.pdf", ["Geachte,", "Ik verzoek om verwijdering (art. 17 AVG)."])
    text = letter_text_of_file(pdf)
    assert "verwijdering" in text
    assert read_letter(text).request_types == (E,)


def test_unreadable_files_say_what_to_do(tmp_path: Path) -> None:
    # Scans without a text layer are read by OCR now: tests/unit/reading/test_ocr_limits.py
    # (no Tesseract, a damaged image) and tests/integration/test_ocr.py (a blank scan).
    broken = tmp_path / "kapot.pdf"
    broken.write_bytes(b"%PDF-1.4\n1 0 obj <<>> garbage")
    binary = tmp_path / "brief.doc"
    binary.write_bytes(b"\xd0\xcf\x11\xe0" + b"\x00" * 64)
    # Random bytes without a NUL under an image's name decode in a single-byte code page.
    noise = tmp_path / "scan.png"
    noise.write_bytes(bytes(b for b in random.Random(7).randbytes(600) if b)[:300])
    expected = {
        broken: "could not be read as a PDF",
        binary: "is not a text file or a PDF",
        noise: "is not a text file or a PDF",
        tmp_path / "weg.txt": "does not exist",
    }
    for path, words in expected.items():
        with pytest.raises(UserError) as info:
            letter_text_of_file(path)
        message = str(info.value)
        assert words in message and path.name in message
        dutch = info.value.render("nl")
        assert dutch != message and path.name in dutch


def test_only_the_first_pages_are_read(tmp_path: Path) -> None:
    path = tmp_path / "lang.pdf"
    pdf = canvas.Canvas(str(path))
    for page in range(1, 8):
        pdf.drawString(72, 800, f"Pagina {page}")
        pdf.showPage()
    pdf.save()
    text = letter_text_of_file(path, max_pages=5)
    assert "Pagina 5" in text and "Pagina 6" not in text
