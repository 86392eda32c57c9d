"""Parts of the intake dialog: the paste box, and which letter line a form field came from."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.core.letter_text import LetterReading
from app.ui.case_form import CaseForm


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


def source_line(form: CaseForm, reading: LetterReading | None, widget: QWidget) -> str:
    """The line of the letter the value of ``widget``'s field was proposed from ("" if none).

    The keys are the reading's evidence keys; the sender's fields use the field names (and
    "name"/"address" for the whole line) as the letter reader proposes them.
    """
    if reading is None:
        return ""
    keys: dict[QWidget, str] = {
        form.their_reference: "their_reference",
        form.their_letter_date.edit: "letter_date",
        form.their_letter_date.check: "letter_date",
    }
    for code, box in form.type_boxes.items():
        keys[box] = code
    for name in ("salutation", "first_name", "initials", "name_prefix", "last_name",
                 "street", "postcode", "city", "country", "email", "phone",
                 "customer_number"):  # fmt: skip
        keys[getattr(form, name)] = name
    key = keys.get(widget, "")
    line = reading.evidence.get(key, "")
    if not line and key in ("first_name", "initials", "name_prefix", "last_name"):
        line = reading.evidence.get("name", "")
    if not line and key in ("street", "postcode", "city", "country"):
        line = reading.evidence.get("address", "")
    return line
