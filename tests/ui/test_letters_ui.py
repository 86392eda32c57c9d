"""Letters: draft from the tab, edit and save, finalise (read-only afterwards), preview, print."""

from __future__ import annotations

import io
from datetime import date, timedelta
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QMessageBox, QPlainTextEdit

from app.services.case_detail import get_case
from app.services.letters import draft_letter, finalise_letter, letters_of, preview_letter
from app.ui.letters_tab import LettersTab
from app.ui.pdf_preview import PdfDialog, PdfPreview, print_pdf, render_pages

from .helpers import new_case


def _case(ctx) -> str:
    return new_case(ctx.db, received=date.today() - timedelta(days=3))


def _tab(qtbot, ctx, reference: str) -> LettersTab:
    tab = LettersTab(ctx, reference)
    qtbot.addWidget(tab)
    tab.show()
    return tab


def test_acknowledgement_is_drafted_edited_saved_and_finalised(qtbot, ctx) -> None:
    ref = _case(ctx)
    tab = _tab(qtbot, ctx, ref)
    dialog = tab.new_letter()
    assert dialog is not None
    assert dialog.letter_type == "acknowledgement"
    assert dialog.no_options.isVisible()
    qtbot.mouseClick(
        dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    editor = tab.editor
    assert editor is not None and editor.isVisible()
    assert tab.tree.topLevelItemCount() == 1
    qtbot.waitUntil(lambda: editor.preview.page_count() >= 1, timeout=10000)

    editor.body.moveCursor(QTextCursor.MoveOperation.End)
    for _ in range(2):  # a blank line starts a new paragraph
        qtbot.keyClick(editor.body, Qt.Key.Key_Return)
    qtbot.keyClicks(editor.body, "Wij danken u voor uw geduld.")
    assert editor.dirty and editor.state.text() == "Unsaved changes"
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    stored = letters_of(ctx.db, reference=ref)[0]
    assert stored.body.endswith("Wij danken u voor uw geduld.")
    assert stored.status == "draft"

    box = editor.ask_finalise()
    assert box is not None and "cannot be changed" in box.text()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    final = letters_of(ctx.db, reference=ref)[0]
    assert final.status == "final" and final.document_id is not None
    assert len(final.sha256) == 64
    detail = get_case(ctx.db, reference=ref, today=date.today())
    letter_docs = [d for d in detail.documents if d.kind == "letter"]
    assert [d.id for d in letter_docs] == [final.document_id]
    assert editor.body.isReadOnly() and editor.subject.isReadOnly()
    assert not editor.save_button.isEnabled() and not editor.finalise_button.isEnabled()
    assert "make a new letter as a correction" in editor.banner.text.text()
    assert final.sha256[:12] in editor.banner.text.text()
    tab.reload()
    assert tab.tree.topLevelItem(0).text(2) == "final"
    qtbot.waitUntil(lambda: editor.render_task is None, timeout=10000)


def test_a_final_letter_opens_read_only(qtbot, ctx) -> None:
    ref = _case(ctx)
    info = draft_letter(ctx.db, actor="t", reference=ref, letter_type="acknowledgement")
    finalise_letter(ctx.db, actor="t", letter_id=info.id)
    tab = _tab(qtbot, ctx, ref)
    editor = tab.open_letter(tab.letters()[0])
    assert editor.is_final and editor.body.isReadOnly()
    assert not editor.refresh_button.isEnabled()
    assert editor.banner.isVisible()
    qtbot.waitUntil(lambda: editor.preview.page_count() >= 1, timeout=10000)


def test_a_missing_option_is_shown_at_its_field_and_nothing_is_lost(qtbot, ctx) -> None:
    ref = _case(ctx)
    tab = _tab(qtbot, ctx, ref)
    dialog = tab.new_letter()
    assert dialog is not None
    dialog.kind.setCurrentIndex(dialog.kind.findData("refusal"))
    reasons = dialog.inputs["reasons"]
    reasons.setPlainText("")
    dialog.make_draft()
    assert dialog.created is None
    assert dialog.errors.message("reasons") or dialog.error.isVisible()
    assert letters_of(ctx.db, reference=ref) == []
    reasons.setPlainText("Wij verwerken geen gegevens van u.")
    dialog.make_draft()
    assert dialog.created is not None and dialog.created.letter_type == "refusal"


def test_preview_widget_loads_the_pdf(qtbot, ctx) -> None:
    ref = _case(ctx)
    info = draft_letter(ctx.db, actor="t", reference=ref, letter_type="acknowledgement")
    preview = PdfPreview()
    qtbot.addWidget(preview)
    assert preview.show_pdf(preview_letter(ctx.db, letter_id=info.id))
    assert preview.document.pageCount() >= 1
    assert not preview.show_pdf(b"%PDF-1.4 broken")
    assert preview.page_count() == 0


def test_pages_render_as_a4_images_and_print_to_a_pdf_printer(qtbot, ctx, tmp_path: Path) -> None:
    ref = _case(ctx)
    info = draft_letter(ctx.db, actor="t", reference=ref, letter_type="acknowledgement")
    pdf = preview_letter(ctx.db, letter_id=info.id)
    images = render_pages(pdf, dpi=72)
    assert len(images) == len(PdfReader(__import__("io").BytesIO(pdf)).pages)
    assert abs(images[0].width() - 595) <= 2 and abs(images[0].height() - 842) <= 2
    assert images[0].pixelColor(5, 5).name() == "#ffffff"  # the page margin is white
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    target = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(target))
    assert print_pdf(printer, pdf) == len(images)
    assert len(PdfReader(target).pages) == len(images)


def test_todays_letters_dialog_shows_the_merged_pdf(qtbot, ctx) -> None:
    empty = PdfDialog(None, title="t", suggested_name="x.pdf", fetch=lambda _d: _today(ctx))
    qtbot.addWidget(empty)
    assert not empty.print_button.isEnabled()
    assert "nothing to print" in empty.preview.placeholder.text()
    for _ in range(2):
        info = draft_letter(ctx.db, actor="t", reference=_case(ctx), letter_type="acknowledgement")
        finalise_letter(ctx.db, actor="t", letter_id=info.id)
    dialog = PdfDialog(None, title="t", suggested_name="x.pdf", fetch=lambda d: _today(ctx, d))
    qtbot.addWidget(dialog)
    single = dialog.preview.page_count()
    assert single >= 2 and dialog.print_button.isEnabled()
    dialog.duplex.setChecked(True)
    assert dialog.preview.page_count() >= single


def _today(ctx, duplex: bool = False) -> bytes:
    from app.services.letters import todays_letters_pdf

    return todays_letters_pdf(ctx.db, duplex=duplex)


def test_finalise_refused_lists_the_conditions_and_an_override_needs_a_reason(qtbot, ctx) -> None:
    from app.core.enums import IdentityMethod, IdentityOutcome
    from app.services.case_documents import record_identity_check
    from app.services.connectors import save_connector
    from app.services.searches import search_case

    save_connector(ctx.db, actor="t", name="Paper archive", kind="manual",
                   settings={"instructions": "Cabinet 1.04"})  # fmt: skip
    ref = _case(ctx)
    record_identity_check(ctx.db, actor="t", reference=ref,
                          method=IdentityMethod.MATCHED_KNOWN_DATA,
                          outcome=IdentityOutcome.VERIFIED, checked_on=date.today())  # fmt: skip
    search_case(ctx.db, actor="t", reference=ref)
    info = draft_letter(ctx.db, actor="t", reference=ref, letter_type="access")
    tab = _tab(qtbot, ctx, ref)
    editor = tab.open_letter(info)
    assert editor is not None
    box = editor.ask_finalise()
    assert box is not None
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    gate = editor.gate_dialog
    assert gate is not None and gate.isVisible()
    assert [u.condition.value for u in gate.unmet] == ["manual_checks"]
    assert "Paper archive" in gate.condition_labels[0].text()
    assert letters_of(ctx.db, reference=ref)[0].status == "draft"
    # OK without a reason is refused at the field; the letter stays a draft.
    qtbot.mouseClick(gate.ok_button, Qt.MouseButton.LeftButton)
    assert gate.isVisible()
    assert gate.errors._fields["manual_checks"][1].isVisibleTo(gate)
    assert letters_of(ctx.db, reference=ref)[0].status == "draft"
    qtbot.keyClicks(gate.reason_edits["manual_checks"], "Archive closed until Monday")
    qtbot.mouseClick(gate.ok_button, Qt.MouseButton.LeftButton)
    final = letters_of(ctx.db, reference=ref)[0]
    assert final.status == "final"
    assert "Paper archive" in final.body and "Wat nog niet is gedaan" in final.body
    detail = get_case(ctx.db, reference=ref, today=date.today())
    [event] = [e for e in detail.audit if e.action == "gate_overridden"]
    assert "Archive closed until Monday" in event.summary
    assert editor.body.isReadOnly()
    qtbot.waitUntil(lambda: editor.render_task is None, timeout=10000)


def test_portability_is_decided_in_its_own_dialog(qtbot, ctx, tmp_path: Path) -> None:
    from app.core.enums import RequestType
    from app.services.reports import portability_export

    from .helpers import new_case as make_case

    ref = make_case(
        ctx.db, received=date.today(), types=(RequestType.ACCESS, RequestType.PORTABILITY)
    )
    tab = _tab(qtbot, ctx, ref)
    dialog = tab.decide_portability()
    assert dialog is not None and dialog.outcome.currentIndex() == -1
    dialog.outcome.setCurrentIndex(dialog.outcome.findData("granted"))
    dialog.ok_button.click()
    assert dialog.isVisible()  # no export, no identity: refused with the list
    assert "portability export" in dialog.general_error.text()
    portability_export(ctx.db, reference=ref, path=tmp_path / "p.zip", actor="t")
    dialog.outcome.setCurrentIndex(dialog.outcome.findData("no_data"))
    dialog.ok_button.click()
    assert not dialog.isVisible()
    assert get_case(ctx.db, reference=ref, today=date.today()).outcomes["portability"] == "no_data"


def test_a_letter_can_be_drafted_in_german(qtbot, ctx) -> None:
    """German is the third letter language: the dialog offers it, the draft is German."""
    ref = _case(ctx)
    tab = _tab(qtbot, ctx, ref)
    dialog = tab.new_letter()
    assert dialog is not None
    codes = [dialog.language.itemData(i) for i in range(dialog.language.count())]
    assert codes == ["nl", "en", "de"]
    dialog.language.setCurrentIndex(codes.index("de"))
    assert dialog.language.currentText() == "German"
    dialog.kind.setCurrentIndex(dialog.kind.findData("refusal"))
    reasons = dialog.findChild(QPlainTextEdit, "option_reasons")
    assert reasons is not None and reasons.toPlainText() == "Wir verarbeiten keine Daten über Sie"
    qtbot.mouseClick(
        dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    [stored] = letters_of(ctx.db, reference=ref)
    assert stored.language == "de" and stored.subject == "Wir werden Ihrem Antrag nicht nachkommen"
    assert "Wir verarbeiten keine Daten über Sie" in stored.body
    assert tab.tree.topLevelItem(0).text(1) == "German"
    pdf = preview_letter(ctx.db, letter_id=stored.id)
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "Seite 1 von" in text and "Mit freundlichen Grüßen" in text
    editor = tab.editor
    if editor is not None:
        qtbot.waitUntil(lambda: editor.render_task is None, timeout=10000)


def test_refusal_fee_and_objection_processing_are_chosen_in_the_form(qtbot, ctx) -> None:
    """Issue 12 §3: the fee variant (Art. 12(5)(a)) and the register's processing in the GUI."""
    from app.services.register import list_activities

    ref = _case(ctx)
    tab = _tab(qtbot, ctx, ref)
    dialog = tab.new_letter()
    assert dialog is not None
    dialog.kind.setCurrentIndex(dialog.kind.findData("refusal"))
    dialog.inputs["reasons"].setPlainText("Elf keer hetzelfde verzoek in zes weken.")
    choice = dialog.inputs["fee_or_refuse"]
    choice.setCurrentIndex(choice.findData("fee"))
    dialog.inputs["fee_eur"].setText("25")
    dialog.make_draft()
    assert dialog.created is None  # a fee only for a manifestly unfounded or excessive request
    assert dialog.errors.message("fee_or_refuse")
    dialog.inputs["manifestly_unfounded_or_excessive"].setChecked(True)
    dialog.make_draft()
    assert dialog.created is not None
    [letter] = letters_of(ctx.db, reference=ref)
    body = draft_body(ctx, letter.id)
    assert "redelijke vergoeding" in body and "€ 25,00" in body

    dialog = tab.new_letter()
    assert dialog is not None
    dialog.kind.setCurrentIndex(dialog.kind.findData("objection"))
    assert "processing" in dialog.inputs, list(dialog.inputs)
    combo = dialog.inputs["processing"]
    names = [combo.itemData(i) for i in range(combo.count())]
    assert names[1:] == [a.values["name"] for a in list_activities(ctx.db)]
    assert names[0] == ""


def draft_body(ctx, letter_id: int) -> str:
    from app.data.models import Letter

    with ctx.db.session() as session:
        letter = session.get(Letter, letter_id)
        assert letter is not None
        return letter.body
