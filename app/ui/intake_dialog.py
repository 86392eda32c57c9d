"""Register an incoming letter: every field, inline validation, nothing typed is ever lost."""

from __future__ import annotations

import weakref
from datetime import date
from itertools import pairwise
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.core.enums import REQUEST_TYPE_ARTICLE, REQUEST_TYPE_LABEL, Language, RequestType
from app.core.errors import UserError, ValidationError
from app.core.letter_fields import Proposal
from app.core.letter_text import LetterReading
from app.core.validation import DEFAULT_MAX_ATTACHMENT_MB, GDPR_START, check_attachment
from app.reading.letter_file import letter_text_of_file
from app.services.cases import register_case
from app.services.letter_reading import reader_settings
from app.services.settings import get_setting
from app.ui.case_form import WARNING_STYLE, CaseForm
from app.ui.context import UiContext
from app.ui.errors import ui_text, user_message
from app.ui.widgets import error_label


class LetterTextDialog(QDialog):
    """A box to paste the text of the letter (OCR output or an e-mail) to be read."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Read letter text"))
        self.setObjectName("letterTextDialog")
        self.resize(620, 480)
        intro = QLabel(
            self.tr(
                "Paste the text of the letter (from OCR or from the e-mail). Privacy Desk "
                "suggests the request types, their reference and the date of the letter; you "
                "decide. The text itself is not stored."
            )
        )
        intro.setWordWrap(True)
        intro.setProperty("role", "subtle")
        self.text_edit = QPlainTextEdit()
        self.text_edit.setObjectName("letter_text")
        self.text_edit.setAccessibleName(self.tr("Text of the letter"))
        self.text_edit.setPlaceholderText(self.tr("Geachte heer, mevrouw, …"))
        buttons = QDialogButtonBox()
        self.read_button = buttons.addButton(
            self.tr("&Read"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.text_edit, 1)
        layout.addWidget(buttons)

    def text(self) -> str:
        return self.text_edit.toPlainText()


class IntakeDialog(QDialog):
    """Enter saves, Esc asks before discarding; errors appear next to their fields."""

    case_registered = Signal(str)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.reference = ""
        self.attachment: Path | None = None
        self.setWindowTitle(self.tr("New letter"))
        self.setObjectName("intakeDialog")
        self.resize(1120, 760)

        intro = QLabel(
            self.tr(
                "Register the letter on the day it arrives. Fields marked * are required; give "
                "a postal address or at least an e-mail address to answer to."
            )
        )
        intro.setWordWrap(True)
        intro.setProperty("role", "subtle")
        self.general_error = error_label()
        self.general_error.setObjectName("general_error")

        self.form = CaseForm(ctx)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.form)

        self.attach_button = QPushButton(self.tr("Attach scan…"))
        self.attach_button.clicked.connect(self.choose_attachment)
        self.remove_button = QPushButton(self.tr("Remo&ve scan"))
        self.remove_button.clicked.connect(self.remove_attachment)
        self.remove_button.setEnabled(False)
        self.read_button = QPushButton(self.tr("Read letter te&xt…"))
        self.read_button.setToolTip(
            self.tr("Paste the text of the letter to have the request types suggested")
        )
        self.read_button.clicked.connect(self.open_letter_text)
        self.letter_text_dialog: LetterTextDialog | None = None
        self.reading: LetterReading | None = None
        self._closed = False
        self.reading_note = QLabel()
        self.reading_note.setObjectName("reading_note")
        self.reading_note.setWordWrap(True)
        self.reading_note.setTextFormat(Qt.TextFormat.PlainText)
        self.reading_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reading_note.setStyleSheet(WARNING_STYLE)
        self.reading_note.hide()
        self.attachment_label = QLabel(self.tr("No scan attached"))
        self.attachment_label.setProperty("role", "subtle")
        self.attachment_error = error_label()
        self.attachment_error.setObjectName("error_attachment")
        scan_box = QGroupBox(self.tr("Scan of the letter"))
        scan_layout = QVBoxLayout(scan_box)
        attach_row = QHBoxLayout()
        attach_row.addWidget(self.attach_button)
        attach_row.addWidget(self.remove_button)
        attach_row.addWidget(self.read_button)
        attach_row.addStretch(1)
        scan_layout.addLayout(attach_row)
        scan_layout.addWidget(self.attachment_label)
        scan_layout.addWidget(self.attachment_error)
        self.form.left_column.insertWidget(self.form.left_column.count() - 1, scan_box)

        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(
            self.tr("Save &case"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setDefault(True)
        self.save_button.setAutoDefault(True)
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        cancel.clicked.connect(self.reject)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.save)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(intro)
        layout.addWidget(self.general_error)
        layout.addWidget(self.reading_note)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.buttons)

        # Left column top to bottom (letter, representative, scan), then the data subject.
        chain = list(self.form.tab_chain)
        after = chain.index(self.form.rep_remove_button) + 1
        chain[after:after] = [self.attach_button, self.remove_button, self.read_button]
        chain.append(self.save_button)
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self.form.is_dirty():
            self.form.type_boxes["access"].setFocus(Qt.FocusReason.ActiveWindowFocusReason)

    # ---- attachment -----------------------------------------------------------------------

    def choose_attachment(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Attach the scan of the letter"),
            str(Path.home()),
            self.tr("Scans (*.pdf *.png *.jpg *.jpeg *.tif *.tiff);;All files (*)"),
        )
        if name:
            self.set_attachment(Path(name))

    def set_attachment(self, path: Path) -> bool:
        """Check the file at once (size, real type) so a bad file is reported before saving."""
        max_mb = int(get_setting(self.ctx.db, key="attachments").get("max_mb", 0))
        try:
            media_type = check_attachment(path, max_mb=max_mb or DEFAULT_MAX_ATTACHMENT_MB)
        except ValidationError as exc:
            self.attachment_error.setText(user_message(exc))
            self.attachment_error.show()
            self.attach_button.setAccessibleDescription(user_message(exc))
            return False
        self.attachment = path
        self.attachment_error.hide()
        self.attach_button.setAccessibleDescription("")
        size_kb = max(1, path.stat().st_size // 1024)
        self.attachment_label.setText(
            self.tr("Scan: %1 (%2 kB)").replace("%1", path.name).replace("%2", str(size_kb))
        )
        self.remove_button.setEnabled(True)
        if media_type == "application/pdf" or media_type.startswith("image/"):
            self._read_scan_text(path)  # a text layer, else OCR
        return True

    def remove_attachment(self) -> None:
        self.attachment = None
        self.attachment_label.setText(self.tr("No scan attached"))
        self.remove_button.setEnabled(False)

    # ---- reading the letter ---------------------------------------------------------------

    def open_letter_text(self) -> LetterTextDialog:
        """The paste box (window-modal, not blocking); reading happens when it is accepted."""
        dialog = LetterTextDialog(self)
        dialog.accepted.connect(self._pasted)
        dialog.finished.connect(dialog.deleteLater)
        self.letter_text_dialog = dialog
        dialog.open()
        return dialog

    def _pasted(self) -> None:
        if self.letter_text_dialog is not None:
            self.read_text(self.letter_text_dialog.text(), from_scan=False)
            self.letter_text_dialog = None

    def read_text(self, text: str, *, from_scan: bool) -> LetterReading:
        reading = reader_settings(self.ctx.db).read(text)
        self.apply_reading(reading, from_scan=from_scan)
        return reading

    def _read_scan_text(self, path: Path) -> None:
        """A scan's text layer, or else its text by OCR: read off the GUI thread."""

        # Weak: a reading that ends after the dialog closed (or after another scan was chosen)
        # is dropped, and does not keep the dialog alive.
        me = weakref.ref(self)

        def current() -> IntakeDialog | None:
            dialog = me()
            if dialog is None or dialog._closed or dialog.attachment != path:
                return None
            return dialog

        def done(text: object) -> None:
            dialog = current()
            if dialog is not None:
                dialog.read_text(str(text), from_scan=True)

        def failed(exc: BaseException) -> bool:
            if not isinstance(exc, UserError):
                return False  # a bug: reported with details
            dialog = current()
            if dialog is not None:
                dialog.show_unreadable_scan(exc)
            return True

        self.ctx.tasks.run(
            lambda progress: letter_text_of_file(path, progress=progress),
            title=self.tr("Reading the text of the scan…"),
            # The main window, not this dialog: a finished task still holds its parent.
            parent=self.parentWidget(),
            on_done=done,
            on_error=failed,
        )

    def show_unreadable_scan(self, exc: UserError) -> None:
        self._show_note(
            self.tr("The scan could not be read: %1").replace("%1", user_message(exc))
            + "\n"
            + self.tr("Use “Read letter text…” to paste the text instead.")
        )

    def apply_reading(self, reading: LetterReading, *, from_scan: bool) -> None:
        """Tick suggested types (never untick), fill empty fields, and say what was found."""
        self.reading = reading
        form = self.form
        earlier = reading.is_reminder or reading.is_complaint_to_authority
        if not earlier:
            for rtype in reading.request_types:
                form.type_boxes[rtype.value].setChecked(True)
        filled: list[str] = []
        if reading.their_reference and not form.their_reference.text().strip():
            form.their_reference.setText(reading.their_reference)
            filled.append(self.tr("their reference %1").replace("%1", reading.their_reference))
        letter_date = reading.letter_date
        today = self.ctx.today()
        if (
            letter_date is not None
            and form.their_letter_date.value() is None
            and GDPR_START <= letter_date <= today
        ):
            form.their_letter_date.set_value(letter_date)
            filled.append(
                self.tr("letter date %1").replace(
                    "%1",
                    self.ctx.locale.toString(form.their_letter_date.edit.date(), "d MMMM yyyy"),
                )
            )
        filled += self._fill_people(reading)
        if reading.language and form.untouched("language") and not earlier:
            # Answered in the letter's own language (Dutch, English or German), else English.
            known = {language.value for language in Language}
            answer = reading.language if reading.language in known else Language.EN.value
            index = form.language.findData(answer)
            if index >= 0 and index != form.language.currentIndex():
                form.language.setCurrentIndex(index)
                filled.append(
                    self.tr("answer language %1").replace("%1", form.language.currentText())
                )
        self._show_note(self._describe(reading, filled, from_scan=from_scan))

    def _fill_people(self, reading: LetterReading) -> list[str]:
        """The person (the data subject) and a representative from the letter, only into empty
        fields: what the officer typed is never overwritten. Returns what was filled."""
        form = self.form
        proposals = reading.proposals
        filled: list[str] = []
        done: list[str] = []

        def text_field(edit: QLineEdit, proposal: Proposal | None) -> None:
            if proposal is not None and proposal.value and not edit.text().strip():
                edit.setText(proposal.value)
                done.append(proposal.value)

        def combo(box: QComboBox, name: str, proposal: Proposal | None) -> None:
            if proposal is None or (name and not form.untouched(name)):
                return
            index = box.findData(proposal.value)
            if index >= 0 and index != box.currentIndex():
                box.setCurrentIndex(index)

        person = proposals.subject
        name_empty = not any(
            edit.text().strip()
            for edit in (form.first_name, form.initials, form.name_prefix, form.last_name)
        )
        if name_empty:
            for edit, proposal in (
                (form.first_name, person.first_name),
                (form.initials, person.initials),
                (form.name_prefix, person.name_prefix),
                (form.last_name, person.last_name),
            ):
                text_field(edit, proposal)
            combo(form.salutation, "salutation", person.salutation)
            if done and person.name is not None:
                filled.append(self.tr("name %1").replace("%1", person.name.value))
        done.clear()
        for edit, proposal in (
            (form.street, person.street),
            (form.postcode, person.postcode),
            (form.city, person.city),
        ):
            text_field(edit, proposal)
        if done:
            combo(form.country, "country", person.country)
            filled.append(self.tr("address %1").replace("%1", ", ".join(done)))
        for edit, proposal, label in (
            (form.email, person.email, self.tr("e-mail %1")),
            (form.phone, person.phone, self.tr("telephone %1")),
            (form.customer_number, person.customer_number, self.tr("customer number %1")),
        ):
            done.clear()
            text_field(edit, proposal)
            if done:
                filled.append(label.replace("%1", done[0]))
        if person.birth_date is not None and form.birth_date.value() is None:
            form.birth_date.set_value(date.fromisoformat(person.birth_date.value))
            filled.append(self.tr("date of birth %1").replace("%1", person.birth_date.value))
        rep = proposals.representative
        if rep is not None and not form.rep_name.text().strip():
            form.representative.setChecked(True)
            text_field(form.rep_name, rep.name or rep.firm)
            text_field(form.rep_organisation, rep.firm if rep.name else None)
            for edit, proposal in (
                (form.rep_street, rep.street),
                (form.rep_postcode, rep.postcode),
                (form.rep_city, rep.city),
                (form.rep_email, rep.email),
            ):
                text_field(edit, proposal)
            combo(form.rep_role, "", rep.role)
            combo(form.rep_country, "", rep.country)
            who = rep.name or rep.firm
            if who is not None:
                filled.append(self.tr("representative %1").replace("%1", who.value))
        return filled

    def _type_list(self, types: tuple[RequestType, ...]) -> str:
        names = REQUEST_TYPE_LABEL["nl" if self.ctx.lang == "nl" else "en"]
        return ", ".join(
            self.tr("%1 (Art. %2)")
            .replace("%1", names[t])
            .replace("%2", str(REQUEST_TYPE_ARTICLE[t]))
            for t in types
        )

    def _describe(self, reading: LetterReading, filled: list[str], *, from_scan: bool) -> str:
        lines = [
            self.tr("From the text layer of the scan:")
            if from_scan
            else self.tr("From the pasted letter text:")
        ]
        if reading.is_complaint_to_authority:
            lines.append(
                self.tr(
                    "Warning: this looks like a complaint to the supervisory authority (Art. 77), "
                    "not a request to the organisation. Do not register it as a request."
                )
            )
            lines.append(f"— “{reading.evidence.get('complaint', '')}”")
        elif reading.is_reminder:
            lines.append(
                self.tr(
                    "This looks like a reminder about an earlier request: link it to that case "
                    "instead of registering a new request."
                )
            )
            if reading.our_reference:
                lines.append(
                    self.tr("The letter mentions our reference %1.").replace(
                        "%1", reading.our_reference
                    )
                )
            lines.append(f"— “{reading.evidence.get('reminder', '')}”")
        if reading.referenced_types:
            lines.append(
                self.tr("The earlier request: %1").replace(
                    "%1", self._type_list(reading.referenced_types)
                )
            )
        if reading.request_types:
            lines.append(self.tr("Found: %1").replace("%1", self._type_list(reading.request_types)))
            names = REQUEST_TYPE_LABEL["nl" if self.ctx.lang == "nl" else "en"]
            for rtype in reading.request_types:
                lines.append(f"— {names[rtype]}: “{reading.evidence.get(rtype.value, '')}”")
        elif not (reading.is_reminder or reading.is_complaint_to_authority):
            lines.append(
                self.tr("No request type recognised: choose the types yourself from the letter.")
            )
        if filled:
            lines.append(self.tr("Filled in: %1").replace("%1", "; ".join(filled)))
        proposals = reading.proposals
        if proposals.authorisation_attached is not None:
            lines.append(
                self.tr("The letter says an authorisation (machtiging) is enclosed: attach it.")
            )
        reminder = proposals.reminder
        if reminder is not None and reminder.ultimatum_date is not None:
            lines.append(
                self.tr("Their ultimatum: %1 (“%2”)")
                .replace("%1", reminder.ultimatum_date.value)
                .replace("%2", reminder.ultimatum_date.source)
            )
        lines.append(self.tr("These are suggestions: check them against the letter."))
        return "\n".join(lines)

    def _show_note(self, text: str) -> None:
        self.reading_note.setText(text)
        self.reading_note.setAccessibleDescription(text)
        self.reading_note.show()

    # ---- save / discard -------------------------------------------------------------------

    def save(self) -> None:
        self.general_error.hide()
        self.form.errors.clear()
        try:
            reference = register_case(
                self.ctx.db,
                actor=self.ctx.actor,
                data=self.form.to_input(),
                attachment=self.attachment,
                today=self.ctx.today(),
            )
        except ValidationError as exc:
            self._show_errors(exc.errors)
            return
        except UserError as exc:
            self.general_error.setText(user_message(exc))
            self.general_error.show()
            return
        self.reference = reference
        self.ctx.events.cases_changed.emit(reference)
        self.case_registered.emit(reference)
        self.accept()

    def _show_errors(self, errors: dict[str, str]) -> None:
        errors = dict(errors)
        attachment = errors.pop("attachment", None)
        if attachment:
            self.attachment_error.setText(ui_text(attachment))
            self.attachment_error.show()
        rest = self.form.errors.show(errors)
        if rest:
            self.general_error.setText("\n".join(rest.values()))
            self.general_error.show()
        count = len(errors) + (1 if attachment else 0)
        self.general_error.setAccessibleDescription(
            self.tr("%n field(s) need attention", "", count)
        )
        if not rest:
            self.general_error.setText(self.tr("%n field(s) need attention", "", count))
            self.general_error.show()

    def done(self, result: int) -> None:
        self._closed = True  # a late background reading must not touch a closed dialog
        super().done(result)

    def has_input(self) -> bool:
        return self.form.is_dirty() or self.attachment is not None

    def reject(self) -> None:
        if self.has_input():
            answer = QMessageBox.question(
                self,
                self.tr("Discard this letter?"),
                self.tr("You have typed data for this letter. Close without saving it?"),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Discard:
                return
        super().reject()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter in a line edit saves (Qt's default button); in the summary it is a new line.
        if event.key() == Qt.Key.Key_Escape:
            self.reject()
            return
        super().keyPressEvent(event)
