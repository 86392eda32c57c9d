"""OCR of real scans (made by tests/fixtures/scans/make_scans.py) with the installed Tesseract."""

from __future__ import annotations

import hashlib
import json
import os
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from reportlab.pdfgen import canvas

from app.cli import main
from app.core.enums import RequestType
from app.core.errors import Cancelled, ConnectorError, UserError
from app.core.letter_text import read_letter
from app.core.progress import Progress
from app.reading import ocr
from app.reading import tesseract as tess
from app.reading.documents import DocumentFormat, read_document
from app.reading.letter_file import letter_text_of_file
from tests.fixtures.scans.make_scans import make_scans

pytestmark = pytest.mark.skipif(
    tess.find_tesseract() is None or ocr.find_pdftoppm() is None,
    reason="Tesseract or pdftoppm is not installed (scripts/setup.sh installs them)",
)

A, E, OBJ, R = (
    RequestType.ACCESS,
    RequestType.ERASURE,
    RequestType.OBJECTION,
    RequestType.RESTRICTION,
)


@pytest.fixture(scope="module")
def scans(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return make_scans(tmp_path_factory.mktemp("scans"))


@pytest.fixture(scope="module")
def read(scans: dict[str, Path]) -> Callable[[str], ocr.OcrResult]:
    """OCR a scan once per module (each page takes seconds)."""
    done: dict[str, ocr.OcrResult] = {}

    def reading(name: str) -> ocr.OcrResult:
        if name not in done:
            done[name] = ocr.ocr_file(scans[name])
        return done[name]

    return reading


def _top_half(scan: Path, target: Path) -> Path:
    """The upper half of a scanned page (sender, date, first paragraphs): half the OCR time."""
    from PIL import Image

    with Image.open(scan) as image:
        image.crop((0, 0, image.width, image.height // 2)).save(target, resolution=300)
    return target


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _words(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.slow
def test_single_page_scans_give_key_words_postcode_and_request_types(
    scans: dict[str, Path], read: Callable[[str], ocr.OcrResult]
) -> None:
    expected = {
        "nl-access": ("1017 AB", ("Jan de Vries", "artikel 15 AVG", "16 november 2026"), {A}),
        "en-erasure": ("LS1 4DY", ("Margaret O'Brien", "Article 17 GDPR"), {E, OBJ, R}),
        "de-access": ("10115 Berlin", ("Jürgen Müller", "Hauptstraße 5", "Art. 15 DSGVO"), {A}),
        "nl-objection": ("1017 AB", ("Jan de Vries", "jan.devries@example.nl"), {OBJ}),
    }
    before = {name: _sha256(scans[name]) for name in expected}
    stamps = {name: scans[name].stat().st_mtime_ns for name in expected}
    for name, (postcode, words, types) in expected.items():
        result = read(name)
        text = _words(result.text)
        assert postcode in text, (name, text[:300])
        for word in words:
            assert word in text, (name, word, text[:600])
        assert set(read_letter(result.text).request_types) == types, name
        assert len(result.pages) == 1 and result.languages == ("nld", "eng", "deu")
    # The originals are only read: same bytes, same SHA-256, same modification time.
    assert {name: _sha256(scans[name]) for name in expected} == before
    assert {name: scans[name].stat().st_mtime_ns for name in expected} == stamps


@pytest.mark.slow
def test_an_upside_down_and_skewed_scan_is_turned_and_levelled(
    read: Callable[[str], ocr.OcrResult],
) -> None:
    upside_down = read("en-erasure")  # made with skew -2.5 and turned 180
    assert upside_down.rotations == (180,)
    assert abs(upside_down.skews[0] - 2.5) <= 0.3
    assert "To Whom It May Concern" in upside_down.text
    skewed = read("de-access")  # skew +3
    assert skewed.rotations == (0,) and abs(skewed.skews[0] + 3.0) <= 0.3
    sideways = read("nl-objection")  # skew -1 and turned 90 degrees
    assert sideways.rotations == (90,) and abs(sideways.skews[0] - 1.0) <= 0.3


@pytest.mark.slow
def test_a_multi_page_pdf_without_text_layer_is_read_page_by_page(
    scans: dict[str, Path],
) -> None:
    pdf = scans["nl-erasure-2p"]
    before = _sha256(pdf)
    assert read_document(pdf).needs_ocr  # no text layer
    reports: list[tuple[float, str]] = []
    document = read_document(
        pdf, ocr=True, progress=Progress(lambda f, m: reports.append((f, str(m))))
    )
    assert document.format is DocumentFormat.PDF and document.pages == 2
    assert document.from_ocr and not document.needs_ocr
    text = _words(document.text)
    assert "1017 AB Amsterdam" in text and "artikel 17" in text.lower()
    assert "Met vriendelijke groet" in text  # the end of the letter, on page 2
    assert "\f" not in document.text
    assert [m for _f, m in reports] == [
        "Reading page 1 of 2…",
        "Reading page 2 of 2…",
        "Read 2 pages.",
    ]
    assert [f for f, _m in reports] == [0.0, 0.5, 1.0]
    assert set(read_letter(document.text).request_types) == {E, OBJ, R}
    assert _sha256(pdf) == before


@pytest.mark.slow
def test_without_pdftoppm_the_scanned_page_images_are_read(
    scans: dict[str, Path], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # What a Windows bundle without Poppler does: the image the scanner put on each page.
    monkeypatch.setenv(ocr.PDFTOPPM_ENV, str(tmp_path / "no-poppler" / "pdftoppm.exe"))
    assert ocr.find_pdftoppm() is None
    pdf = _top_half(scans["nl-access"], tmp_path / "scan.pdf")  # an image-only PDF
    assert read_document(pdf).needs_ocr
    result = ocr.ocr_file(pdf)
    assert len(result.pages) == 1 and result.skews[0] == pytest.approx(-1.5, abs=0.3)
    assert "1017 AB Amsterdam" in _words(result.text)


@pytest.mark.slow
def test_a_multi_page_tiff_and_the_first_pages_only(scans: dict[str, Path]) -> None:
    tiff = scans["en-access-2p"]
    assert ocr._check_image_pages(tiff) == 2
    first = _words(letter_text_of_file(tiff, max_pages=1))
    assert "LS1 4DY" in first and "Article 15" in first and "DB482913" in first
    assert "Yours sincerely" not in first  # on the second page, not read


@pytest.mark.slow
def test_case_read_returns_the_proposals_of_a_scan(
    scans: dict[str, Path], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    scan = _top_half(scans["nl-access"], tmp_path / "scan.jpg")
    code = main(["case", "read", str(scan), "--format", "json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    reading = json.loads(out)
    assert reading["request_types"] == ["access"]
    assert reading["language"] == "nl" and reading["letter_date"] == "2026-11-16"


def test_a_blank_scan_says_ocr_found_no_text(tmp_path: Path) -> None:
    blank = tmp_path / "leeg.pdf"
    pdf = canvas.Canvas(str(blank))
    pdf.rect(50, 50, 200, 200, fill=1)
    pdf.showPage()
    pdf.save()
    with pytest.raises(UserError) as info:
        letter_text_of_file(blank)
    assert info.value.msgid.startswith("{name} has no text layer and OCR found no text in it")
    assert "leeg.pdf has no text layer" in str(info.value)


def _cancel_after(progress: Progress, seconds: float) -> threading.Thread:
    thread = threading.Thread(target=lambda: (time.sleep(seconds), progress.cancel()))
    thread.start()
    return thread


def _tesseract_children() -> set[int]:
    """Process ids of running tesseract programs that are children of this process."""
    found = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        name = stat[stat.index("(") + 1 : stat.rindex(")")]
        parent = int(stat[stat.rindex(")") + 2 :].split()[1])
        if name == "tesseract" and parent == os.getpid():
            found.add(int(entry.name))
    return found


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc (Linux)")
def test_cancel_kills_the_child_process_mid_page(scans: dict[str, Path]) -> None:
    progress = Progress()
    thread = _cancel_after(progress, 1.5)  # during the first page's OSD or OCR
    started = time.monotonic()
    with pytest.raises(Cancelled):
        ocr.ocr_file(scans["nl-erasure-2p"], progress=progress)
    thread.join()
    assert time.monotonic() - started < 3.0  # stopped within about 0.1 s of the cancel
    assert _tesseract_children() == set()
    # The caller's time-out stops it the same way, with the time-out message.
    with pytest.raises(ConnectorError):
        ocr.ocr_file(scans["nl-access"], progress=Progress(timeout_s=1.0))
    assert _tesseract_children() == set()
