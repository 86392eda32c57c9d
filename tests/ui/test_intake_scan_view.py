"""The scan beside the intake form: the line a field came from is marked on the page image (from
OCR word boxes), and reading a long scan can be cancelled, its OCR process gone at once."""

from __future__ import annotations

import json
import os
import subprocess
import time
from difflib import SequenceMatcher
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from app.reading import tesseract as tess
from app.reading.page_lines import Box
from app.services.case_queries import count_cases
from tests.fixtures.intake.evaluate import ROOT as CORPUS
from tests.fixtures.scans.make_scans import corpus_plan, make_corpus_scans, typeset_page
from tests.ui.test_intake import _open_intake, _paste

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(tess.find_tesseract() is None, reason="Tesseract is not installed"),
]


def _read_word(scan: Path, box: Box, turn: int) -> str:
    """What Tesseract reads in ``box`` of the scan as it was made (turned back upright)."""
    with Image.open(scan) as image:
        w, h = image.size
        pad = 0.003  # of the page: a little white around the ink, as Tesseract likes it
        crop = image.crop(
            (
                int((box.left - pad) * w),
                int((box.top - pad) * h),
                int((box.right + pad) * w) + 1,
                int((box.bottom + pad) * h) + 1,
            )
        )
    crop = crop.rotate(-turn, expand=True) if turn else crop
    crop = crop.resize((crop.width * 2, crop.height * 2))
    target = scan.with_name("word.png")
    crop.save(target)
    tesseract = tess.require_tesseract()
    out = subprocess.run(
        [str(tesseract.path), str(target), "stdout", "--psm", "7", "-l", "eng"],
        capture_output=True,
        check=True,
    )
    return " ".join(out.stdout.decode("utf-8", "replace").split())


@pytest.mark.parametrize(
    "name",
    [
        "t07-be-inzage",  # skewed 2.65 degrees
        "t10-en-lawyer",  # fed sideways: turned 90 degrees
    ],
)
def test_focusing_the_postcode_marks_its_line_on_the_page_image(
    qtbot, ctx, tmp_path: Path, name: str
) -> None:
    scan = make_corpus_scans(tmp_path, {name})[name]
    turn = next(s.turn for s in corpus_plan() if s.name == name)
    expected = json.loads((CORPUS / "train" / f"{name}.json").read_text(encoding="utf-8"))
    postcode = expected["subject"]["postcode"]
    dialog = _open_intake(qtbot, ctx)
    dialog.resize(1500, 900)
    assert dialog.set_attachment(scan)
    qtbot.waitUntil(lambda: dialog.reading_note.isVisible(), timeout=120_000)
    view = dialog.letter_view
    assert dialog.form.postcode.text() == postcode, dialog.reading_note.text()
    assert view.tabs.currentIndex() == 1  # the scan in front
    assert view.page_lines, "OCR gave no word boxes"

    dialog.activateWindow()  # back from the progress dialog, as the officer's click does
    qtbot.waitUntil(dialog.isActiveWindow, timeout=3000)
    dialog.form.postcode.setFocus()
    qtbot.waitUntil(lambda: view.page_highlight is not None, timeout=3000)
    line = view.page_highlight
    source = dialog.reading.proposals.subject.postcode.source
    assert line is not None and line.text.split() == source.split()
    word = line.word_box(postcode)  # "HG2 0LP" where OCR read "HG2 OLP": the same words
    assert word is not None
    # The mark contains the postcode's words, and those words are the postcode on the scan.
    rect = view.page_highlight_rect
    assert rect is not None
    word_rect = view.page_rect(line.page, word)
    assert rect.contains(word_rect.adjusted(2, 2, -2, -2)), (rect, word_rect)
    assert line.box.contains(word)
    # A second OCR of just that box (a tight crop: a character may go astray) reads it.
    read = _read_word(scan, word, turn).replace("O", "0").upper().replace(" ", "")
    similar = SequenceMatcher(None, postcode.replace(" ", ""), read).ratio()
    assert similar >= 0.8, read
    # The marked line is scrolled into view.
    label = view.page_labels[line.page]
    centre = label.mapTo(view.page_scroll.viewport(), rect.center())
    assert view.page_scroll.viewport().rect().contains(centre)
    # The mark stays on the line when zooming in.
    view.step_zoom(1)
    QApplication.processEvents()
    assert view.page_highlight is line
    assert view.page_highlight_rect is not None and view.page_highlight_rect.width() > rect.width()
    # Another field, its own line.
    dialog.form.their_letter_date.edit.setFocus()
    qtbot.waitUntil(lambda: view.page_highlight is not line, timeout=3000)
    assert view.page_highlight is not None and "2026" in view.page_highlight.text


def _ocr_children() -> list[int]:
    """Our child processes that are Tesseract (the OCR of the scan)."""
    me = str(os.getpid())
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        comm = stat[stat.index("(") + 1 : stat.rindex(")")]
        ppid = stat[stat.rindex(")") + 2 :].split()[1]
        if ppid == me and comm.startswith("tesseract"):
            found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return state[state.rindex(")") + 2] != "Z"  # a zombie has ended


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads child processes from /proc")
def test_cancelling_the_ocr_of_a_long_scan_stops_its_process(qtbot, ctx, tmp_path: Path) -> None:
    letters = sorted((CORPUS / "train").glob("*.txt"))[:4]
    pages = [typeset_page(p.read_text(encoding="utf-8"), "sans", 300) for p in letters]
    scan = tmp_path / "four-pages.tif"
    pages[0].save(scan, save_all=True, append_images=pages[1:], compression="tiff_lzw")
    dialog = _open_intake(qtbot, ctx)
    assert dialog.set_attachment(scan)
    qtbot.waitUntil(lambda: bool(_ocr_children()), timeout=30_000)
    task = ctx.tasks.running[0]
    qtbot.waitUntil(lambda: task.dialog is not None and task.dialog.isVisible(), timeout=5000)
    assert task.dialog is not None
    children = _ocr_children()
    cancel = task.dialog.findChild(QPushButton)
    assert cancel is not None and cancel.text() == "Cancel"
    started = time.monotonic()
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not any(_alive(pid) for pid in children), timeout=2000)
    stopped = time.monotonic() - started
    qtbot.waitUntil(lambda: not ctx.tasks.running, timeout=5000)
    assert stopped < 2.0
    assert not _ocr_children()
    # Silent: no error, nothing read into the form, and the dialog goes on working.
    assert not dialog.reading_note.isVisible()
    assert not dialog.form.type_boxes["access"].isChecked()
    assert dialog.isVisible() and dialog.attachment == scan
    _paste(qtbot, dialog, "Geachte heer,\n\nIk wil inzage in mijn gegevens (art. 15 AVG).\n")
    assert dialog.form.type_boxes["access"].isChecked()
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert dialog.attachment is None
    assert count_cases(ctx.db) == 0  # nothing stored
