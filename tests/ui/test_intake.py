"""The intake dialog: typing a letter in, inline validation, attachments, the date rules."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from app.core.validation import GDPR_START
from app.services.case_detail import get_case
from app.services.case_queries import count_cases
from app.ui.intake_dialog import IntakeDialog
from app.ui.main_window import MainWindow


def _type_person(qtbot, dialog: IntakeDialog, postcode: str) -> None:
    form = dialog.form
    qtbot.keyClicks(form.first_name, "Zo")
    form.first_name.insert("ë")  # QTest types ASCII only
    qtbot.keyClicks(form.name_prefix, "van der")
    qtbot.keyClicks(form.last_name, "IJsselstein")
    qtbot.keyClicks(form.street, "Hopbrouwer 18")
    qtbot.keyClicks(form.postcode, postcode)
    qtbot.keyClicks(form.city, "Nieuwkuijk")
    qtbot.keyClicks(form.email, "zoe@example.nl")
    qtbot.keyClicks(form.their_reference, "ZIJ-2026-7")
    qtbot.keyClicks(form.summary, "Wil weten welke gegevens er zijn.")


def test_typed_letter_is_saved_and_found_through_the_search_box(qtbot, ctx) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    dialog = window.new_letter()
    qtbot.waitExposed(dialog)
    _type_person(qtbot, dialog, "5253re")
    access = dialog.form.type_boxes["access"]
    access.setFocus()
    qtbot.keyClick(access, Qt.Key.Key_Space)
    assert access.isChecked()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert not dialog.isVisible()
    reference = dialog.reference
    assert reference.startswith(f"AVG-{date.today().year}-")
    assert reference in window.message.text()  # the officer is told the new reference
    detail = get_case(ctx.db, reference=reference)
    assert detail.requester.postcode == "5253 RE"
    assert detail.requester.name_prefix == "van der"
    assert detail.types == ("access",)

    window.tabs.setCurrentWidget(window.cases)
    qtbot.keyClicks(window.cases.search, "ijsselstein")
    qtbot.waitUntil(lambda: window.cases.model.case_filter.text == "ijsselstein", timeout=2000)
    assert window.cases.model.total == 1
    assert window.cases.model.row_at(0).reference == reference
    assert window.cases.model.row_at(0).requester_name == "Zoë van der IJsselstein"


def test_bad_postcode_is_shown_at_the_field_and_nothing_typed_is_lost(qtbot, ctx) -> None:
    dialog = IntakeDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    _type_person(qtbot, dialog, "1234 SS")
    qtbot.mouseClick(dialog.form.type_boxes["erasure"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert dialog.isVisible()
    message = dialog.form.errors.message("postcode")
    assert "SS" in message and "do not exist" in message
    label = dialog.findChild(type(dialog.general_error), "error_postcode")
    assert label is not None and label.isVisible()
    assert dialog.form.postcode.accessibleDescription() == message
    assert dialog.form.errors.message("last_name") == ""
    form = dialog.form
    assert (form.first_name.text(), form.name_prefix.text(), form.last_name.text()) == (
        "Zoë", "van der", "IJsselstein",
    )  # fmt: skip
    assert form.street.text() == "Hopbrouwer 18"
    assert form.postcode.text() == "1234 SS"
    assert form.city.text() == "Nieuwkuijk"
    assert form.email.text() == "zoe@example.nl"
    assert form.their_reference.text() == "ZIJ-2026-7"
    assert form.summary.toPlainText() == "Wil weten welke gegevens er zijn."
    assert form.type_boxes["erasure"].isChecked()
    assert count_cases(ctx.db) == 0

    # Correcting the postcode and saving again works and clears the message.
    form.postcode.selectAll()
    qtbot.keyClicks(form.postcode, "5253 RE")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.reference and count_cases(ctx.db) == 1


def test_missing_type_and_name_are_both_reported_at_once(qtbot, ctx) -> None:
    dialog = IntakeDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.form.email, "a@example.nl")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "at least one request type" in dialog.form.errors.message("request_types")
    assert "last) name" in dialog.form.errors.message("last_name")
    assert dialog.general_error.isVisible()


def test_a_future_date_of_receipt_cannot_be_entered(qtbot, ctx) -> None:
    dialog = IntakeDialog(ctx)
    qtbot.addWidget(dialog)
    received = dialog.form.received_on
    today = date.today()
    assert received.maximumDate() == QDate(today.year, today.month, today.day)
    assert received.minimumDate() == QDate(GDPR_START.year, GDPR_START.month, GDPR_START.day)
    tomorrow = today + timedelta(days=1)
    received.setDate(QDate(tomorrow.year, tomorrow.month, tomorrow.day))
    assert received.date() == QDate(today.year, today.month, today.day)
    received.setFocus()
    qtbot.keyClick(received, Qt.Key.Key_Up)  # stepping up from today stays at today
    assert received.date() <= QDate(today.year, today.month, today.day)


def test_attachments_are_checked_when_chosen(qtbot, ctx, tmp_path: Path) -> None:
    dialog = IntakeDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.form.last_name, "Bakker")
    docx = tmp_path / "brief.docx"
    docx.write_bytes(b"PK\x03\x04 word document")
    assert not dialog.set_attachment(docx)
    assert "is not a PDF, PNG, JPEG or TIFF" in dialog.attachment_error.text()
    assert dialog.attachment is None

    huge = tmp_path / "scan.pdf"
    with huge.open("wb") as handle:  # sparse: 2 GB on paper, nothing on disk
        handle.write(b"%PDF-1.4\n")
        handle.truncate(2 * 1024 * 1024 * 1024)
    assert not dialog.set_attachment(huge)
    assert "2048 MB" in dialog.attachment_error.text()
    assert dialog.form.last_name.text() == "Bakker"

    good = tmp_path / "good.pdf"
    good.write_bytes(b"%PDF-1.4\n%%EOF\n")
    assert dialog.set_attachment(good)
    assert not dialog.attachment_error.isVisible()
    assert "good.pdf" in dialog.attachment_label.text()
    # Its text layer is read in the background; an unreadable one gives a note, not an error.
    qtbot.waitUntil(lambda: not ctx.tasks.running, timeout=5000)
    assert "could not be read" in dialog.reading_note.text()


def test_escape_asks_before_discarding_typed_data(qtbot, ctx) -> None:
    dialog = IntakeDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.form.last_name, "Visser")
    asked: list[str] = []

    def answer_cancel() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        asked.append(box.text())
        box.button(QMessageBox.StandardButton.Cancel).click()

    QTimer.singleShot(50, answer_cancel)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert asked and "Close without saving" in asked[0]
    assert dialog.isVisible()
    assert dialog.form.last_name.text() == "Visser"


def test_escape_closes_an_empty_dialog_without_asking(qtbot, ctx) -> None:
    dialog = IntakeDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


# ---- reading the letter text -------------------------------------------------------------------

LAWYER_LETTER = (
    "Ons kenmerk: JV/2026/114\nAmsterdam, 12 november 2026\n\nGeachte heer, mevrouw,\n\n"
    "Namens mijn cliënt verzoek ik u zijn persoonsgegevens te verwijderen (art. 17 AVG). "
    "Daarnaast maak ik bezwaar tegen direct marketing (art. 21 lid 2 AVG).\n\nMr. J. Visser"
)


def _open_intake(qtbot, ctx) -> IntakeDialog:
    dialog = IntakeDialog(ctx)
    # Closed at teardown without the "discard typed data?" question.
    qtbot.addWidget(dialog, before_close_func=lambda d: d.done(0))
    dialog.show()
    return dialog


def _paste(qtbot, dialog: IntakeDialog, text: str) -> None:
    paste = dialog.open_letter_text()
    qtbot.waitExposed(paste)
    paste.text_edit.setPlainText(text)  # setText: QTest cannot type non-ASCII characters
    qtbot.mouseClick(paste.read_button, Qt.MouseButton.LeftButton)
    assert not paste.isVisible()


def test_pasted_letter_ticks_types_and_fills_only_empty_fields(qtbot, ctx) -> None:
    dialog = _open_intake(qtbot, ctx)
    boxes = dialog.form.type_boxes
    qtbot.mouseClick(boxes["access"], Qt.MouseButton.LeftButton)  # the officer's own choice
    qtbot.mouseClick(dialog.read_button, Qt.MouseButton.LeftButton)
    paste = dialog.letter_text_dialog
    assert paste is not None
    qtbot.waitExposed(paste)
    paste.text_edit.setPlainText(LAWYER_LETTER)
    qtbot.mouseClick(paste.read_button, Qt.MouseButton.LeftButton)

    ticked = {code for code, box in boxes.items() if box.isChecked()}
    assert ticked == {"access", "erasure", "objection"}  # nothing the officer ticked is unticked
    assert dialog.form.their_reference.text() == "JV/2026/114"
    assert dialog.form.their_letter_date.value() == date(2026, 11, 12)
    assert dialog.form.language.currentData() == "nl"
    note = dialog.reading_note.text()
    assert dialog.reading_note.isVisible()
    assert "Found: erasure (Art. 17), objection (Art. 21)" in note
    assert "“Daarnaast maak ik bezwaar tegen direct marketing" in note

    # A second reading never overwrites what is already filled in.
    dialog.form.their_reference.setText("EIGEN-1")
    _paste(qtbot, dialog, "Kenmerk: ANDER-2\n\nIk wil inzage in mijn gegevens.")
    assert dialog.form.their_reference.text() == "EIGEN-1"
    assert dialog.form.their_letter_date.value() == date(2026, 11, 12)


def test_a_reminder_and_a_complaint_are_not_registered_as_requests(qtbot, ctx) -> None:
    dialog = _open_intake(qtbot, ctx)
    _paste(
        qtbot,
        dialog,
        "Uw kenmerk: AVG-2026-0012\n\nGeachte heer, mevrouw,\n\nOp 3 september 2026 vroeg ik "
        "om inzage (art. 15 AVG). Ik heb nog steeds geen antwoord ontvangen. Dit is mijn "
        "herinnering.",
    )
    assert not any(box.isChecked() for box in dialog.form.type_boxes.values())
    note = dialog.reading_note.text()
    assert "reminder about an earlier request: link it to that case" in note
    assert "AVG-2026-0012" in note
    assert "The earlier request: access (Art. 15)" in note

    _paste(qtbot, dialog, "I am hereby lodging a complaint according to Article 77 GDPR.")
    assert not any(box.isChecked() for box in dialog.form.type_boxes.values())
    assert "complaint to the supervisory authority" in dialog.reading_note.text()
    assert "not a request to the organisation" in dialog.reading_note.text()


def test_dutch_screen_says_what_was_found(qtbot, ctx_nl) -> None:
    dialog = _open_intake(qtbot, ctx_nl)
    assert dialog.read_button.text() == "Brieftekst &lezen…"
    _paste(qtbot, dialog, LAWYER_LETTER)
    note = dialog.reading_note.text()
    assert "Gevonden: verwijdering (art. 17), bezwaar (art. 21)" in note
    assert "“Daarnaast maak ik bezwaar" in note


def _text_pdf(path: Path, lines: list[str]) -> Path:
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path))
    for number, line in enumerate(lines):
        pdf.drawString(72, 800 - 16 * number, line)
    pdf.showPage()
    pdf.save()
    return path


def test_the_text_layer_of_an_attached_scan_is_read(qtbot, ctx, tmp_path: Path) -> None:
    dialog = _open_intake(qtbot, ctx)
    scan = _text_pdf(
        tmp_path / "scan.pdf",
        ["Geachte heer, mevrouw,", "Ik verzoek om rectificatie van mijn adres (art. 16 AVG)."],
    )
    assert dialog.set_attachment(scan)
    # A child process parses the PDF (and pdftotext places its lines): seconds on a busy machine.
    qtbot.waitUntil(lambda: dialog.reading_note.isVisible(), timeout=20_000)
    assert dialog.form.type_boxes["rectification"].isChecked()
    assert "From the text layer of the scan" in dialog.reading_note.text()

    image_only = tmp_path / "image.pdf"
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(image_only))
    pdf.rect(50, 50, 200, 200, fill=1)
    pdf.showPage()
    pdf.save()
    assert dialog.set_attachment(image_only)
    # OCR of a blank page (and its searchable PDF) takes seconds on a busy machine.
    qtbot.waitUntil(lambda: "could not be read" in dialog.reading_note.text(), timeout=60000)
    assert "has no text layer" in dialog.reading_note.text()


# ---- the representative --------------------------------------------------------------------


def _tiny_pdf(path: Path) -> Path:
    path.write_bytes(
        b"%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n"
        b"2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n"
    )
    return path


def _type_representative(qtbot, dialog: IntakeDialog, postcode: str) -> None:
    form = dialog.form
    form.representative.setChecked(True)
    qtbot.keyClicks(form.rep_name, "mr. P. Ouwehand")
    form.rep_role.setCurrentIndex(form.rep_role.findData("lawyer"))
    qtbot.keyClicks(form.rep_organisation, "Ouwehand Advocaten")
    qtbot.keyClicks(form.rep_street, "Keizersgracht 100")
    qtbot.keyClicks(form.rep_postcode, postcode)
    qtbot.keyClicks(form.rep_city, "Amsterdam")


def test_representative_with_authorisation_is_saved(qtbot, ctx, tmp_path: Path) -> None:
    dialog = _open_intake(qtbot, ctx)
    _type_person(qtbot, dialog, "5253 RE")
    qtbot.mouseClick(dialog.form.type_boxes["access"], Qt.MouseButton.LeftButton)
    _type_representative(qtbot, dialog, "1015aa")
    warning = dialog.form.rep_warning
    assert warning.isVisible()  # a representative, but no authorisation yet
    assert dialog.form.set_authorisation(_tiny_pdf(tmp_path / "machtiging.pdf"))
    assert not warning.isVisible()
    assert "machtiging.pdf" in dialog.form.rep_authorisation_label.text()
    dated = dialog.form.rep_authorisation_dated
    qtbot.mouseClick(dated.check, Qt.MouseButton.LeftButton)
    dated.edit.setDate(QDate(2026, 11, 12))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert dialog.reference and not dialog.isVisible()
    detail = get_case(ctx.db, reference=dialog.reference)
    rep = detail.representative
    assert rep is not None and rep.postcode == "1015 AA" and rep.city == "Amsterdam"
    assert rep.authorisation_document_id is not None
    assert rep.authorisation_dated == date(2026, 11, 12)  # the date written on it
    kinds = {d.id: d.kind for d in detail.documents}
    assert kinds[rep.authorisation_document_id] == "authorisation"


def test_bad_representative_input_is_shown_at_its_fields(qtbot, ctx, tmp_path: Path) -> None:
    dialog = _open_intake(qtbot, ctx)
    _type_person(qtbot, dialog, "5253 RE")
    qtbot.mouseClick(dialog.form.type_boxes["access"], Qt.MouseButton.LeftButton)
    _type_representative(qtbot, dialog, "1234 SS")
    docx = tmp_path / "machtiging.docx"
    docx.write_bytes(b"PK\x03\x04 word")
    assert not dialog.form.set_authorisation(docx)
    assert (
        "is not a PDF, PNG, JPEG or TIFF"
        in dialog.form.errors_label_of("representative_authorisation").text()
    )
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert dialog.isVisible() and count_cases(ctx.db) == 0
    message = dialog.form.errors.message("representative_postcode")
    assert "SS" in message and "do not exist" in message
    assert dialog.form.rep_postcode.accessibleDescription() == message
    assert dialog.form.errors.message("postcode") == ""
    assert dialog.form.rep_street.text() == "Keizersgracht 100"  # nothing typed is lost

    # Corrected, and saved without an authorisation: allowed, the case notes it is missing.
    dialog.form.rep_postcode.setText("1015 AA")
    assert dialog.form.rep_warning.isVisible()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.reference and count_cases(ctx.db) == 1
    detail = get_case(ctx.db, reference=dialog.reference)
    assert detail.representative is not None
    assert detail.representative.authorisation_document_id is None
    assert any(event.action == "authorisation_missing" for event in detail.audit)


def test_an_ip_address_from_the_letter_is_checked_and_kept(qtbot, ctx) -> None:
    dialog = IntakeDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    _type_person(qtbot, dialog, "5253 RE")
    qtbot.mouseClick(dialog.form.type_boxes["access"], Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.form.customer_number, "DB-4711")
    form = dialog.form
    form.extra_kind.setCurrentIndex(form.extra_kind.findData("ip_address"))
    qtbot.keyClicks(form.extra_value, "84.91.43.999")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert dialog.isVisible() and count_cases(ctx.db) == 0
    message = form.errors.message("identifier_ip_address")
    assert "not an IP address" in message
    assert form.extra_value.accessibleDescription() == message
    assert form.customer_number.text() == "DB-4711"  # nothing typed is lost

    form.extra_value.setText("2A02:A44:1B2C:3D00::1")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    detail = get_case(ctx.db, reference=dialog.reference)
    assert detail.requester.identifiers == (
        ("customer_number", "DB-4711"), ("ip_address", "2a02:a44:1b2c:3d00::1"),
    )  # fmt: skip


def test_a_case_can_be_registered_to_be_answered_in_german(qtbot, ctx) -> None:
    dialog = IntakeDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    _type_person(qtbot, dialog, "5253 RE")
    qtbot.mouseClick(dialog.form.type_boxes["access"], Qt.MouseButton.LeftButton)
    language = dialog.form.language
    assert [language.itemData(i) for i in range(language.count())] == ["nl", "en", "de"]
    language.setCurrentIndex(language.findData("de"))
    assert language.currentText() == "German"
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert get_case(ctx.db, reference=dialog.reference).language == "de"


PERSON_LETTER = """Mevr. A.C. van 't Veer-Dijkstra
Burgemeester Smitsstraat 144-II
5251 AB  Vlijmen
a.veer@example.nl

Databalance Services B.V.
Hopbrouwer 18
5253 RE Nieuwkuijk

Vlijmen, 16 november 2026

Geachte heer, mevrouw,

Ik wil graag weten welke gegevens u van mij heeft, en wilt u ophouden met de nieuwsbrief en
reclame? Klantnummer: DB100234.

Met vriendelijke groet,
A.C. van 't Veer-Dijkstra
"""


def test_a_pasted_letter_fills_in_the_person_but_never_what_was_typed(qtbot, ctx) -> None:
    dialog = _open_intake(qtbot, ctx)
    form = dialog.form
    form.email.setText("typed@example.nl")  # the officer's own entry
    _paste(qtbot, dialog, PERSON_LETTER)
    assert {code for code, box in form.type_boxes.items() if box.isChecked()} == {
        "access",
        "objection",
    }
    assert (form.initials.text(), form.name_prefix.text(), form.last_name.text()) == (
        "A.C.",
        "van 't",
        "Veer-Dijkstra",
    )
    assert form.salutation.currentData() == "mevrouw"
    assert form.street.text() == "Burgemeester Smitsstraat 144-II"
    assert (form.postcode.text(), form.city.text()) == ("5251 AB", "Vlijmen")
    assert form.country.currentData() == "NL"
    assert form.customer_number.text() == "DB100234"
    assert form.email.text() == "typed@example.nl"  # not overwritten
    assert "Veer-Dijkstra" in dialog.reading_note.text()
    # The recipient block (our own address) is never the person's.
    assert "Nieuwkuijk" not in (form.city.text(), form.street.text())


def test_a_lawyers_letter_fills_in_the_representative_and_the_client(qtbot, ctx) -> None:
    dialog = _open_intake(qtbot, ctx)
    form = dialog.form
    _paste(
        qtbot,
        dialog,
        "Bakker Advocaten\nMarkt 1\n5211 JV 's-Hertogenbosch\n\nOns kenmerk: BA-1\n\n"
        "Geachte heer, mevrouw,\n\nNamens cliënte, mevrouw Lotte Kuipers, wonende Dorpsstraat 4, "
        "5251 GB Vlijmen, verzoek ik u haar gegevens te verwijderen. Een machtiging is "
        "bijgevoegd.\n\nHoogachtend,\nmr. P. Bakker\n",
    )
    assert form.representative.isChecked()
    assert form.rep_name.text() == "mr. P. Bakker"
    assert form.rep_organisation.text() == "Bakker Advocaten"
    assert form.rep_role.currentData() == "lawyer"
    assert form.rep_postcode.text() == "5211 JV"
    assert (form.first_name.text(), form.last_name.text()) == ("Lotte", "Kuipers")
    assert (form.street.text(), form.city.text()) == ("Dorpsstraat 4", "Vlijmen")
    assert "authorisation (machtiging) is enclosed" in dialog.reading_note.text()


def test_the_date_of_the_enclosed_authorisation_is_filled_in(qtbot, ctx) -> None:
    dialog = _open_intake(qtbot, ctx)
    form = dialog.form
    _paste(
        qtbot,
        dialog,
        "Bakker Advocaten\nMarkt 1\n5211 JV 's-Hertogenbosch\n\nGeachte heer, mevrouw,\n\n"
        "Namens cliënte, mevrouw Lotte Kuipers, wonende Dorpsstraat 4, 5251 GB Vlijmen, verzoek "
        "ik u haar gegevens te verwijderen. Bijgaand treft u haar machtiging van 3 november 2026 "
        "aan.\n\nHoogachtend,\nmr. P. Bakker\n",
    )
    assert form.rep_authorisation_dated.value() == date(2026, 11, 3)
    assert "authorisation dated 2026-11-03" in dialog.reading_note.text()
