"""The intake reads an attached scan by OCR, in the background; without Tesseract it says so."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from PIL import Image

from app.reading import tesseract as tess
from tests.fixtures.scans.make_scans import PEOPLE, Scan, make_scan
from tests.ui.test_intake import _open_intake


def _scan(tmp_path: Path) -> Path:
    """The upper half of a skewed, noisy 300 dpi scan of a Dutch access request (JPEG)."""
    scan = Scan("intake", "nl", "access-default", PEOPLE["nl"], skew=1.5)
    page = make_scan(scan, tmp_path, random.Random(7))
    with Image.open(page) as image:
        image.crop((0, 0, image.width, image.height // 2)).save(page, quality=70)
    return page


@pytest.mark.skipif(tess.find_tesseract() is None, reason="Tesseract is not installed")
def test_an_attached_image_scan_is_read_by_ocr(qtbot, ctx, tmp_path: Path) -> None:
    dialog = _open_intake(qtbot, ctx)
    assert dialog.set_attachment(_scan(tmp_path))
    qtbot.waitUntil(lambda: dialog.reading_note.isVisible(), timeout=60_000)
    assert dialog.form.type_boxes["access"].isChecked(), dialog.reading_note.text()


def test_without_tesseract_the_intake_says_how_to_go_on(
    qtbot, ctx, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(tess.TESSERACT_ENV, str(tmp_path / "missing" / "tesseract"))
    tess.clear_cache()
    try:
        dialog = _open_intake(qtbot, ctx)
        assert dialog.set_attachment(_scan(tmp_path))
        qtbot.waitUntil(lambda: "could not be read" in dialog.reading_note.text(), timeout=10_000)
    finally:
        tess.clear_cache()
    note = dialog.reading_note.text()
    assert "Text recognition (OCR) is not available" in note
    assert not dialog.form.type_boxes["access"].isChecked()
