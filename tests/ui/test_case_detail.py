"""The case detail: status changes, pause, extension, stale saves, documents, identity check."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QMessageBox
from reportlab.pdfgen.canvas import Canvas

from app.core.enums import DocumentKind
from app.services.case_detail import get_case
from app.services.case_documents import add_document
from app.services.cases import edit_case
from app.ui.case_detail import CaseDetailView

from .helpers import new_case, received_for


def _detail(qtbot, ctx, reference: str) -> CaseDetailView:
    view = CaseDetailView(ctx, reference)
    qtbot.addWidget(view)
    view.show()
    return view


def test_extension_after_the_first_month_is_refused_with_the_service_message(qtbot, ctx) -> None:
    ref = new_case(ctx.db, received=received_for(date.today(), -20, -3))
    view = _detail(qtbot, ctx, ref)
    assert view.extension_button.isEnabled()
    qtbot.mouseClick(view.extension_button, Qt.MouseButton.LeftButton)
    dialog = view.active_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.reason, "Many systems to search")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.general_error.isVisible()
    assert dialog.general_error.text().startswith("An extension can no longer be granted")
    assert "Art. 12(3)" in dialog.general_error.text()
    assert dialog.reason.toPlainText() == "Many systems to search"
    assert get_case(ctx.db, reference=ref).extension_notice_on is None


def test_extension_within_the_first_month_moves_the_deadline(qtbot, ctx) -> None:
    ref = new_case(ctx.db, received=received_for(date.today(), 15, 40))
    view = _detail(qtbot, ctx, ref)
    view.extension_button.click()
    dialog = view.active_dialog
    qtbot.keyClicks(dialog.reason, "Complex request")
    dialog.ok_button.click()
    assert not dialog.isVisible()
    detail = get_case(ctx.db, reference=ref)
    assert detail.extended_due_on is not None
    assert not view.extension_button.isEnabled()
    texts = [view.deadline_grid.itemAt(i).widget().text()
             for i in range(view.deadline_grid.count())]  # fmt: skip
    assert "Extended deadline" in texts


def test_pause_and_resume_the_clock(qtbot, ctx) -> None:
    ref = new_case(ctx.db, received=received_for(date.today(), 15, 40))
    view = _detail(qtbot, ctx, ref)
    view.pause_button.click()
    dialog = view.active_dialog
    dialog.ok_button.click()  # no reason yet: refused at the field
    assert "Say why the clock stops" in dialog.errors.message("reason")
    qtbot.keyClicks(dialog.reason, "Asked for the customer number")
    dialog.ok_button.click()
    assert not dialog.isVisible()
    assert view.detail.paused and view.resume_button.isEnabled()
    assert not view.pause_button.isEnabled()
    view.resume_button.click()
    view.active_dialog.ok_button.click()
    assert not view.detail.paused
    assert view.detail.status == "in_progress"


def test_status_change_on_stale_data_shows_the_conflict_and_offers_reload(qtbot, ctx) -> None:
    ref = new_case(ctx.db, received=date.today())
    view = _detail(qtbot, ctx, ref)
    version = view.detail.version
    edit_case(ctx.db, actor="colleague", reference=ref, expected_version=version,
              changes={"summary": "changed by a colleague"})  # fmt: skip
    button = view.findChild(type(view.edit_button), "status_in_progress")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    box = view.message
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert "was changed meanwhile" in box.text()
    assert get_case(ctx.db, reference=ref).status == "registered"
    reload_button = next(b for b in box.buttons() if "Reload" in b.text())
    reload_button.click()
    assert view.detail.version > version
    assert view.detail.summary == "changed by a colleague"


def test_stale_edit_keeps_the_typed_change_and_says_who_saved_first(qtbot, ctx) -> None:
    ref = new_case(ctx.db, received=date.today())
    view = _detail(qtbot, ctx, ref)
    view.edit_button.click()
    dialog = view.active_dialog
    qtbot.keyClicks(dialog.case_form.city, " Noord")
    edit_case(ctx.db, actor="colleague", reference=ref, expected_version=view.detail.version,
              changes={"summary": "first"})  # fmt: skip
    dialog.ok_button.click()
    assert dialog.isVisible()
    assert "was changed by colleague" in dialog.general_error.text()
    assert dialog.case_form.city.text() == "Nieuwkuijk Noord"
    assert "reload the case" in view.message.text()


def test_edit_saves_only_what_changed(qtbot, ctx) -> None:
    ref = new_case(ctx.db, received=date.today())
    view = _detail(qtbot, ctx, ref)
    view.edit_button.click()
    dialog = view.active_dialog
    dialog.case_form.email.setText("anna@example.nl")
    dialog.ok_button.click()
    assert not dialog.isVisible()
    detail = get_case(ctx.db, reference=ref)
    assert detail.requester.email == "anna@example.nl"
    assert detail.audit[-1].summary == "Changed: email"
    assert view.detail.version == detail.version


def _pdf(path: Path) -> Path:
    canvas = Canvas(str(path))
    canvas.drawString(100, 750, "Verzoek om inzage")
    canvas.save()
    return path


def test_documents_are_previewed(qtbot, ctx, tmp_path: Path) -> None:
    ref = new_case(ctx.db, received=date.today())
    add_document(ctx.db, actor="t", reference=ref, path=_pdf(tmp_path / "scan.pdf"))
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(QColor("#336699"))
    image.save(str(tmp_path / "envelope.png"))
    add_document(ctx.db, actor="t", reference=ref, path=tmp_path / "envelope.png")
    view = _detail(qtbot, ctx, ref)
    docs = view.documents
    assert docs.list.count() == 2
    docs.list.setCurrentRow(0)
    assert docs.stack.currentWidget() is docs.pdf_view
    assert docs.pdf_document.pageCount() == 1
    docs.list.setCurrentRow(1)
    assert docs.stack.currentWidget() is docs.image_scroll
    assert not docs.image.pixmap().isNull()


def test_identity_check_deletes_the_id_copy_and_says_so(qtbot, ctx, tmp_path: Path) -> None:
    ref = new_case(ctx.db, received=date.today())
    add_document(ctx.db, actor="t", reference=ref, path=_pdf(tmp_path / "id.pdf"),
                 kind=DocumentKind.ID_COPY, masked=True)  # fmt: skip
    view = _detail(qtbot, ctx, ref)
    view.documents.identity_button.click()
    dialog = view.active_dialog
    assert "deletes every ID copy" in dialog.intro.text()
    assert "1 ID copy" in dialog.intro.text()
    # No outcome is preselected; saving without one is refused at the field, nothing stored.
    assert dialog.outcome.currentIndex() == -1 and dialog.outcome.currentData() is None
    dialog.ok_button.click()
    assert dialog.isVisible()
    assert dialog.errors._fields["outcome"][1].text() == "Choose the outcome of the check."
    assert view.detail.identity_checks == () or not view.detail.identity_checks
    dialog.outcome.setCurrentIndex(dialog.outcome.findData("verified"))
    dialog.ok_button.click()
    assert not dialog.isVisible()
    assert "deleted after the identity check" in view.documents.list.item(0).text()
    assert view.detail.identity_checks[0].outcome == "verified"


def test_an_id_copy_must_be_confirmed_masked(qtbot, ctx, tmp_path: Path) -> None:
    ref = new_case(ctx.db, received=date.today())
    view = _detail(qtbot, ctx, ref)
    view.documents.add_button.click()
    dialog = view.active_dialog
    dialog.kind.setCurrentIndex(dialog.kind.findData("id_copy"))
    dialog.set_path(_pdf(tmp_path / "id.pdf"))
    dialog.ok_button.click()
    assert dialog.isVisible()
    assert "only be kept masked" in dialog.errors.message("masked")
    dialog.masked.setChecked(True)
    dialog.ok_button.click()
    assert not dialog.isVisible()
    assert view.detail.documents[0].masked


def test_notes_are_added_and_shown(qtbot, ctx) -> None:
    ref = new_case(ctx.db, received=date.today())
    view = _detail(qtbot, ctx, ref)
    qtbot.keyClicks(view.notes.text, "Called the data subject")
    view.notes.add_button.click()
    assert "Called the data subject" in view.notes.list.item(0).text()
    assert view.notes.text.toPlainText() == ""
    assert view.timeline.tree.topLevelItem(0).text(2) == "Note added"


def test_feature_tabs_can_be_added(qtbot, ctx) -> None:
    ref = new_case(ctx.db, received=date.today())
    view = _detail(qtbot, ctx, ref)
    before = view.tabs.count()
    index = view.add_tab(QMessageBox(), "Letters")
    assert view.tabs.count() == before + 1 and view.tabs.tabText(index) == "Letters"


def test_link_a_reminder_to_the_earlier_request(qtbot, ctx) -> None:
    earlier = new_case(ctx.db, received=received_for(date.today(), -20, -3))
    reminder = new_case(ctx.db, received=date.today(), last_name="Jansen")
    view = _detail(qtbot, ctx, reminder)
    view.link_button.click()
    dialog = view.active_dialog
    assert dialog is not None
    dialog.ok_button.click()  # no reference typed: refused at the field, dialog stays
    assert dialog.isVisible() and dialog.errors.message("other_reference")
    qtbot.keyClicks(dialog.other, "AVG-2099-0001")
    dialog.ok_button.click()
    assert dialog.isVisible() and "AVG-2099-0001" in dialog.general_error.text()
    dialog.other.setText(earlier)
    dialog.ok_button.click()
    assert not dialog.isVisible()
    assert get_case(ctx.db, reference=reminder).linked == ((earlier, "reminder_of"),)
    assert get_case(ctx.db, reference=earlier).linked == ((reminder, "has_reminder"),)
    texts = [view.letter_grid.itemAt(i).widget().text() for i in range(view.letter_grid.count())]
    assert f"{earlier} (this case is a reminder about it)" in texts


def test_decisions_dialog_records_per_type_outcomes(qtbot, ctx) -> None:
    from app.core.enums import RequestType

    ref = new_case(ctx.db, received=date.today(),
                   types=(RequestType.ERASURE, RequestType.OBJECTION))  # fmt: skip
    view = _detail(qtbot, ctx, ref)
    view.decisions_button.click()
    dialog = view.active_dialog
    assert dialog is not None and set(dialog.choices) == {"erasure", "objection"}
    dialog.choices["erasure"].setCurrentIndex(dialog.choices["erasure"].findData("partly_refused"))
    dialog.choices["objection"].setCurrentIndex(dialog.choices["objection"].findData("granted"))
    dialog.ok_button.click()
    assert not dialog.isVisible()
    assert get_case(ctx.db, reference=ref).outcomes == {
        "erasure": "partly_refused",
        "objection": "granted",
    }


def test_decisions_dialog_records_the_ground_of_a_refusal(qtbot, ctx) -> None:
    from app.core.enums import RequestType

    ref = new_case(ctx.db, received=date.today(), types=(RequestType.ERASURE,))
    view = _detail(qtbot, ctx, ref)
    view.decisions_button.click()
    dialog = view.active_dialog
    outcome, ground = dialog.choices["erasure"], dialog.grounds["erasure"]
    assert not ground.isEnabled()  # nothing refused yet: no ground to give
    outcome.setCurrentIndex(outcome.findData("partly_refused"))
    assert ground.isEnabled()
    ground.setCurrentIndex(ground.findData("kept_under_art_17_3"))
    dialog.ok_button.click()
    assert not dialog.isVisible()
    assert get_case(ctx.db, reference=ref).refusal_grounds == {"erasure": "kept_under_art_17_3"}


def _person_card_texts(view: CaseDetailView) -> list[str]:
    texts = []
    for grid in view.findChildren(type(view.deadline_grid)):
        for i in range(grid.count()):
            widget = grid.itemAt(i).widget()
            if widget is not None and hasattr(widget, "text"):
                texts.append(widget.text())
    return texts


def test_identifiers_are_added_checked_and_removed_after_intake(qtbot, ctx) -> None:
    ref = new_case(ctx.db, received=date.today())
    view = _detail(qtbot, ctx, ref)
    qtbot.mouseClick(view.identifiers_button, Qt.MouseButton.LeftButton)
    dialog = view.active_dialog
    assert dialog is not None and len(dialog.rows) == 1  # one empty line to start with
    first = dialog.rows[0]
    first.kind.setCurrentIndex(first.kind.findData("ip_address"))
    qtbot.keyClicks(first.value, "84.91.43.999")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    second = dialog.rows[1]
    assert dialog.focusWidget() is second.value  # typing goes on in the new line
    qtbot.keyClicks(second.value, "DB-4711")  # kind: customer number (the default)
    dialog.add_button.click()  # a third line left empty means nothing

    dialog.ok_button.click()  # the IP address is impossible: refused at that line
    assert dialog.isVisible()
    assert "not an IP address" in first.error.text() and first.error.isVisible()
    assert not second.error.isVisible()
    assert get_case(ctx.db, reference=ref).requester.identifiers == ()

    first.value.setText("84.91.43.157")
    dialog.ok_button.click()
    assert not dialog.isVisible()
    assert get_case(ctx.db, reference=ref).requester.identifiers == (
        ("ip_address", "84.91.43.157"), ("customer_number", "DB-4711"),
    )  # fmt: skip
    texts = _person_card_texts(view)
    assert "IP address" in texts and "84.91.43.157" in texts and "DB-4711" in texts
    assert view.timeline.tree.topLevelItem(0).text(2) == "Identifiers changed"

    view.identifiers_button.click()
    dialog = view.active_dialog
    assert [r.value.text() for r in dialog.rows] == ["84.91.43.157", "DB-4711"]
    dialog.rows[0].remove_button.click()
    dialog.ok_button.click()
    assert not dialog.isVisible()
    assert get_case(ctx.db, reference=ref).requester.identifiers == (
        ("customer_number", "DB-4711"),
    )
