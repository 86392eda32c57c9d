"""The intake dialog's paste box: the text of a letter (OCR output or an e-mail) to be read."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)


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
