"""The reading layer against real PDF, DOCX, ODT, text and image files."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from odf.opendocument import OpenDocumentText
from odf.text import H, P
from pypdf import PdfReader, PdfWriter
from reportlab.pdfgen import canvas

from app.core.errors import Cancelled
from app.core.progress import Progress
from app.reading.documents import (
    DocumentFormat,
    PasswordProtected,
    UnreadableDocument,
    detect_format,
    read_document,
)


def _pdf(path: Path, pages: list[str | None]) -> Path:
    pdf = canvas.Canvas(str(path))
    for text in pages:
        if text is None:
            pdf.rect(50, 500, 300, 200, fill=1)  # drawing only: a scan without text layer
        else:
            pdf.drawString(72, 720, text)
        pdf.showPage()
    pdf.save()
    return path


def test_pdf_text_layer_and_page_limit(tmp_path: Path) -> None:
    path = _pdf(tmp_path / "brief.pdf", [f"Pagina {n}" for n in range(1, 5)])
    every = read_document(path)
    assert every.format is DocumentFormat.PDF and every.pages == 4
    assert "Pagina 4" in every.text and not every.needs_ocr
    first = read_document(path, max_pages=2)
    assert first.pages == 2 and "Pagina 2" in first.text and "Pagina 3" not in first.text


def test_a_scan_and_an_image_need_ocr(tmp_path: Path) -> None:
    scan = read_document(_pdf(tmp_path / "scan.pdf", [None]))
    assert scan.needs_ocr and not scan.has_text and scan.pages == 1
    photo = tmp_path / "foto.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * 32)
    image = read_document(photo)
    assert image.format is DocumentFormat.IMAGE and image.needs_ocr and image.text == ""
    tiff = tmp_path / "scan-zonder-naam"
    tiff.write_bytes(b"II*\x00" + b"\x00" * 32)
    assert read_document(tiff).needs_ocr  # recognised by its first bytes, not its name


def test_docx_paragraphs_tables_and_header(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Geachte heer,")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "E-mail"
    table.rows[0].cells[1].text = "jan@example.nl"
    document.sections[0].header.paragraphs[0].text = "Kenmerk AB-12"
    path = tmp_path / "brief.docx"
    document.save(str(path))
    reading = read_document(path)
    assert reading.format is DocumentFormat.DOCX
    assert "Geachte heer," in reading.text
    assert "E-mail\tjan@example.nl" in reading.text
    assert "Kenmerk AB-12" in reading.text


def test_odt_headings_and_paragraphs(tmp_path: Path) -> None:
    document = OpenDocumentText()
    document.text.addElement(H(outlinelevel=1, text="Verzoek om inzage"))
    document.text.addElement(P(text="Klant C-1001 belde."))
    path = tmp_path / "verslag.odt"
    document.save(str(path))
    reading = read_document(path)
    assert reading.format is DocumentFormat.ODT
    assert reading.text.splitlines() == ["Verzoek om inzage", "Klant C-1001 belde."]


def test_text_files_in_utf8_and_windows_encoding(tmp_path: Path) -> None:
    new = tmp_path / "mail.txt"
    new.write_bytes("\ufeffZoë".encode())
    old = tmp_path / "oud.csv"
    old.write_bytes("café".encode("cp1252"))
    assert read_document(new).text == "Zoë"
    assert read_document(old).text == "café"
    assert read_document(old).format is DocumentFormat.TEXT


def test_damaged_and_protected_files_are_unreadable(tmp_path: Path) -> None:
    broken_pdf = tmp_path / "kapot.pdf"
    broken_pdf.write_bytes(b"%PDF-1.7\nthis is no pdf at all\n")
    broken_docx = tmp_path / "kapot.docx"
    broken_docx.write_bytes(b"PK\x03\x04 broken zip")
    broken_odt = tmp_path / "kapot.odt"
    broken_odt.write_bytes(b"not a zip")
    for path in (broken_pdf, broken_docx, broken_odt):
        with pytest.raises(UnreadableDocument) as info:
            read_document(path)
        assert info.value.__cause__ is not None, path.name  # the parser's error is kept
    writer = PdfWriter(clone_from=PdfReader(_pdf(tmp_path / "open.pdf", ["Geheim"])))
    writer.encrypt("wachtwoord")
    locked = tmp_path / "locked.pdf"
    writer.write(locked)
    with pytest.raises(PasswordProtected):
        read_document(locked)


def test_missing_file_is_an_os_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        read_document(tmp_path / "weg.pdf")
    with pytest.raises(FileNotFoundError):
        read_document(tmp_path / "weg.png")


def test_cancel_passes_through_unchanged(tmp_path: Path) -> None:
    progress = Progress()
    progress.cancel()
    path = _pdf(tmp_path / "lang.pdf", ["een", "twee"])
    with pytest.raises(Cancelled):
        read_document(path, progress=progress)


def test_format_by_first_bytes_then_by_name(tmp_path: Path) -> None:
    assert detect_format(tmp_path / "x.txt", b"%PDF-1.4") is DocumentFormat.PDF
    assert detect_format(tmp_path / "x.dat", b"\x89PNG\r\n") is DocumentFormat.IMAGE
    assert detect_format(tmp_path / "X.DOCX", b"PK\x03\x04") is DocumentFormat.DOCX
    assert detect_format(tmp_path / "x.odt", b"PK\x03\x04") is DocumentFormat.ODT
    assert detect_format(tmp_path / "x.jpeg", b"") is DocumentFormat.IMAGE
    assert detect_format(tmp_path / "x.csv", b"a;b") is DocumentFormat.TEXT
