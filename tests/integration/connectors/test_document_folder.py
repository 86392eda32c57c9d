"""Document folder connector against real .txt, .csv, .pdf, .docx and .odt files."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from odf.opendocument import OpenDocumentText
from odf.text import P
from reportlab.pdfgen.canvas import Canvas

from app.connectors.base import Capability, Finding, MatchStrength, Subject
from app.connectors.document_folder import DocumentFolderConnector
from app.core.enums import IdentifierKind
from app.core.errors import Cancelled, ConnectorError, ValidationError
from app.core.progress import Progress

JAN = Subject("2026-020", "Jan", "Jansen", emails=("jan@example.nl",), customer_numbers=("C-1001",))
OTHER_JAN = Subject("2026-021", "Jan", "Jansen", emails=("jan.jansen@other.nl",))


def make_pdf(path: Path, text: str | None) -> None:
    canvas = Canvas(str(path))
    if text is None:
        canvas.rect(50, 500, 300, 200, fill=1)  # a "scan": drawing only, no text layer
    else:
        canvas.drawString(72, 720, text)
    canvas.showPage()
    canvas.save()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "docs"
    (root / "2026" / "klachten").mkdir(parents=True)
    (root / "notities.txt").write_text("Gesprek met Jan Jansen over de back-up.\n")
    (root / "oud-export.txt").write_bytes("Dossier C-1001, café-bon\n".encode("cp1252"))
    (root / "klanten.csv").write_text("naam;email\nJan Jansen;jan.jansen@other.nl\n")
    make_pdf(root / "2026" / "contract.pdf", "Opdrachtgever jan@example.nl, klantnummer C-1001")
    make_pdf(root / "2026" / "scan.pdf", None)
    (root / "2026" / "kapot.pdf").write_bytes(b"%PDF-1.7\nthis is no pdf at all\n")
    letter = docx.Document()
    letter.add_paragraph("Geachte heer,")
    table = letter.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "E-mail"
    table.rows[0].cells[1].text = "jan@example.nl"
    letter.save(str(root / "2026" / "klachten" / "brief.docx"))
    (root / "2026" / "klachten" / "kapot.docx").write_bytes(b"PK\x03\x04 broken zip")
    odt = OpenDocumentText()
    odt.text.addElement(P(text="Verslag: klant C-1001 belde."))
    odt.save(str(root / "verslag.odt"))
    (root / "foto.jpg").write_bytes(b"\xff\xd8 jan@example.nl")  # not a searched type
    (root / "andere.txt").write_text("Niets over deze persoon.\n")
    return root


def search(folder: Path, subject: Subject, **settings: object) -> dict[str, Finding]:
    conn = DocumentFolderConnector("Share", {"path": str(folder), **settings}, {})
    return {f.record_id: f for f in conn.search(subject, Progress())}


def test_describe() -> None:
    description = DocumentFolderConnector.describe()
    assert description.kind == "document_folder"
    assert Capability.ERASE not in description.capabilities


def test_finds_text_in_every_format(folder: Path) -> None:
    found = search(folder, JAN)
    strengths = {k: f.strength for k, f in found.items()}
    assert strengths == {
        "notities.txt": MatchStrength.WEAK,
        "oud-export.txt": MatchStrength.STRONG,
        "klanten.csv": MatchStrength.WEAK,
        "2026/contract.pdf": MatchStrength.STRONG,
        "2026/scan.pdf": MatchStrength.WEAK,
        "2026/kapot.pdf": MatchStrength.WEAK,
        "2026/klachten/brief.docx": MatchStrength.STRONG,
        "2026/klachten/kapot.docx": MatchStrength.WEAK,
        "verslag.odt": MatchStrength.STRONG,
    }
    contract = found["2026/contract.pdf"]
    assert contract.matched.kind is IdentifierKind.EMAIL
    assert "jan@example.nl" in contract.fields["snippet"]
    assert "by hand" in contract.note
    assert "café" in found["oud-export.txt"].fields["snippet"]
    assert found["verslag.odt"].matched.kind is IdentifierKind.CUSTOMER_NUMBER


def test_scans_and_corrupt_files_are_notes_not_crashes(folder: Path) -> None:
    found = search(folder, JAN)
    scan = found["2026/scan.pdf"]
    assert scan.matched.kind is IdentifierKind.OTHER
    assert "no text layer" in scan.note.lower()
    assert "check this file by hand" in found["2026/kapot.pdf"].note
    assert "damaged" in found["2026/klachten/kapot.docx"].fields["problem"]


def test_namesake(folder: Path) -> None:
    jan = search(folder, JAN)
    other = search(folder, OTHER_JAN)
    # klanten.csv holds the namesake's address: weak (name only) for Jan, strong for the other.
    assert jan["klanten.csv"].strength is MatchStrength.WEAK
    assert other["klanten.csv"].strength is MatchStrength.STRONG
    assert other["notities.txt"].strength is MatchStrength.WEAK
    assert "2026/contract.pdf" not in other


def test_extensions_and_size_limit(folder: Path) -> None:
    only_txt = search(folder, JAN, extensions=".txt")
    assert set(only_txt) == {"notities.txt", "oud-export.txt"}
    tiny = search(folder, JAN, extensions="txt docx", max_file_mb=0.001)
    assert "too large" in tiny["2026/klachten/brief.docx"].fields["problem"]
    assert tiny["notities.txt"].strength is MatchStrength.WEAK


def test_missing_folder_and_bad_settings(tmp_path: Path) -> None:
    with pytest.raises(ValidationError):
        DocumentFolderConnector("S", {"path": ""}, {})
    with pytest.raises(ValidationError):
        DocumentFolderConnector("S", {"path": str(tmp_path), "max_file_mb": "big"}, {})
    with pytest.raises(ConnectorError, match="does not exist"):
        DocumentFolderConnector("S", {"path": str(tmp_path / "nope")}, {}).test_connection()


def test_cancel(folder: Path) -> None:
    progress = Progress(on_progress=lambda fraction, _m: progress.cancel())
    conn = DocumentFolderConnector("Share", {"path": str(folder)}, {})
    with pytest.raises(Cancelled):
        conn.search(JAN, progress)
