"""End to end: a scan dropped in the hot folder is read, registered, and leaves the folder."""

from __future__ import annotations

import hashlib
import io
import random
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from app.core.pdfa import srgb_profile
from app.reading import ocr
from app.reading import tesseract as tess
from app.services.case_detail import get_case
from app.services.case_documents import document_content
from app.services.cases import register_case
from app.services.settings import set_setting
from app.ui.intake_dialog import IntakeDialog
from app.ui.letters_tab import NewLetterDialog
from app.ui.main_window import MainWindow
from tests.integration.test_inbox import REMINDER, person

SCREENSHOT = Path(__file__).resolve().parents[2] / "docs" / "screenshots" / "intake-scan.png"


def _scan(target: Path) -> Path:
    """The upper half of a generated noisy, skewed scan (sender, date, the request) as PNG."""
    from PIL import Image

    from tests.fixtures.scans.make_scans import SCANS, SEED, make_scan

    made = make_scan(SCANS[0], target.parent, random.Random(SEED))
    with Image.open(made) as image:
        image.crop((0, 0, image.width, image.height * 11 // 20)).save(target, dpi=(300, 300))
    return target


@pytest.mark.slow
@pytest.mark.skipif(
    tess.find_tesseract() is None or ocr.find_pdftoppm() is None,
    reason="Tesseract is not installed (scripts/setup.sh installs it)",
)
def test_a_scan_in_the_hot_folder_is_registered_and_leaves_the_folder(
    qtbot, ctx, tmp_path: Path
) -> None:
    folder = tmp_path / "scanner"
    (folder).mkdir()
    (tmp_path / "made").mkdir()
    set_setting(ctx.db, actor="t", key="hot_folder", value={"path": str(folder)})
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1500, 900)
    window.show()
    page = window.inbox
    # The window reads the hot folder after its first paint (start-up stays quick).
    qtbot.waitUntil(lambda: "Hot folder" in page.folder_label.text(), timeout=10000)

    scan = _scan(tmp_path / "made" / "scan-0001.png")
    original = scan.read_bytes()
    shutil.copy(scan, folder / "scan-0001.png")  # the scanner writes it
    qtbot.waitUntil(lambda: page.tree.topLevelItemCount() == 1, timeout=10000)
    qtbot.waitUntil(
        lambda: page.tree.topLevelItem(0).text(2) == "ready to register", timeout=180000
    )
    assert "access" in page.tree.topLevelItem(0).text(3)
    assert "(1)" in window.tabs.tabText(window.tabs.indexOf(page))

    dialog = page.open_selected()
    assert isinstance(dialog, IntakeDialog)
    qtbot.waitExposed(dialog)
    assert "being registered by officer.test" in page.tree.topLevelItem(0).text(2)
    form = dialog.form
    assert form.type_boxes["access"].isChecked()  # what the letter says, at the top
    assert form.received_on.date().toPython() == date.today()  # the arrival day
    assert dialog.letter_view.pages and "Kerkstraat" in dialog.letter_view.text.toPlainText()
    form.their_letter_date.edit.setFocus()
    qtbot.waitUntil(lambda: "november 2026" in dialog.letter_view.highlighted, timeout=3000)
    form.first_name.setFocus()
    # The reader may have filled some of these from the scan; the officer types them as they are.
    for edit, value in ((form.first_name, "Jan"), (form.name_prefix, "de"),
                        (form.last_name, "Vries"), (form.street, "Kerkstraat 12"),
                        (form.postcode, "1017 AB"), (form.city, "Amsterdam")):  # fmt: skip
        edit.clear()
        qtbot.keyClicks(edit, value)
    # The line the postcode came from, marked on the page as OCR read it (its word boxes).
    form.postcode.setFocus()
    view = dialog.letter_view
    qtbot.waitUntil(lambda: view.page_highlight is not None, timeout=3000)
    assert view.page_highlight is not None and "1017" in view.page_highlight.text
    view.show_scan()
    view.step_zoom(1)  # 150 %: the page wider than the view, scrolled to the marked line
    QApplication.processEvents()
    rect = view.page_highlight_rect
    assert view.page_highlight is not None and rect is not None
    label = view.page_labels[view.page_highlight.page]
    viewport = view.page_scroll.viewport()
    assert viewport.rect().contains(label.mapTo(viewport, rect.center()))
    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    assert dialog.grab().save(str(SCREENSHOT))
    form.their_letter_date.edit.setFocus()
    QApplication.processEvents()
    dialog.grab().save(str(tmp_path / "intake-highlight.png"))

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    reference = dialog.reference
    assert reference.startswith("AVG-")
    assert not (folder / "scan-0001.png").exists()  # moved into the case
    qtbot.waitUntil(lambda: page.tree.topLevelItemCount() == 0, timeout=5000)
    assert window.tabs.tabText(window.tabs.currentIndex()) == reference  # the case opened

    detail = get_case(ctx.db, reference=reference)
    scan_doc, searchable = detail.documents
    assert scan_doc.sha256 == hashlib.sha256(original).hexdigest()  # as received
    assert searchable.derived_from_id == scan_doc.id
    name, media_type, content = document_content(ctx.db, document_id=searchable.id)
    assert media_type == "application/pdf" and name == "scan-0001 (OCR).pdf"
    assert searchable.sha256 == hashlib.sha256(content).hexdigest() != scan_doc.sha256
    pdf = tmp_path / "searchable.pdf"
    pdf.write_bytes(content)
    words = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, check=True).stdout
    assert b"Kerkstraat" in words
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(content))
    metadata = reader.xmp_metadata
    assert metadata is not None and metadata.pdfaid_part == "2"  # type: ignore[attr-defined]
    assert reader.trailer.get("/ID") and "/OutputIntents" in reader.trailer["/Root"]
    intent = reader.trailer["/Root"]["/OutputIntents"][0].get_object()
    # the same sRGB profile the letters embed (app.core.pdfa)
    assert intent["/DestOutputProfile"].get_object().get_data() == srgb_profile()

    box = window.message
    assert isinstance(box, QMessageBox) and "acknowledgement" in box.text()
    write = next(b for b in box.buttons() if "acknowledgement" in b.text())
    write.click()
    new = window.open_case(reference).letters_tab.new_dialog
    assert isinstance(new, NewLetterDialog) and new.letter_type == "acknowledgement"
    new.reject()


def test_a_reminder_is_linked_with_one_click_and_another_persons_case_asks_first(
    qtbot, ctx
) -> None:
    earlier = register_case(ctx.db, actor="t", data=person(), today=date.today())
    other = register_case(
        ctx.db,
        actor="t",
        data=person(first_name="Els", name_prefix="", last_name="Smit", postcode="1011 AA",
                    email="els@example.nl"),
        today=date.today(),
    )  # fmt: skip
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    dialog = window.new_letter()
    qtbot.waitExposed(dialog)
    dialog.read_text(REMINDER.replace("AVG-2026-0001", other), from_scan=False)
    panel = dialog.earlier_panel
    assert panel.isVisible() and list(panel.link_buttons) == [other]
    assert "Ultimatum" in dialog.reading_note.text()
    qtbot.keyClicks(dialog.form.last_name, "Berg")
    qtbot.keyClicks(dialog.form.postcode, "5253 RE")
    dialog.refresh_earlier()
    assert list(panel.link_buttons) == [other, earlier]  # quoted, then the open case

    def refuse() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox) and "do not" in box.text()
        box.button(QMessageBox.StandardButton.Cancel).click()

    from PySide6.QtCore import QTimer

    QTimer.singleShot(200, refuse)
    assert dialog.link_to(panel.found[0]) is False
    assert get_case(ctx.db, reference=other).last_reminder_on is None
    qtbot.mouseClick(panel.link_buttons[earlier], Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and dialog.linked_reminder
    detail = get_case(ctx.db, reference=earlier)
    assert detail.last_reminder_on == date.today() and detail.ultimatum_on is not None
    assert window.tabs.tabText(window.tabs.currentIndex()) == earlier
