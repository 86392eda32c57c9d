"""Qt's own dialogs (message boxes, file dialogs) speak the UI language: qtbase_nl.qm is loaded."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QMessageBox


def _button_texts(box: QMessageBox) -> set[str]:
    return {button.text() for button in box.buttons()}


def test_standard_buttons_are_dutch_in_the_dutch_ui(qtbot, ctx_nl) -> None:
    box = QMessageBox(QMessageBox.Icon.Question, "x", "y",
                      QMessageBox.StandardButton.Cancel | QMessageBox.StandardButton.Yes
                      | QMessageBox.StandardButton.No)  # fmt: skip
    qtbot.addWidget(box)
    assert _button_texts(box) == {"Annuleren", "&Ja", "&Nee"}
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    qtbot.addWidget(buttons)
    assert buttons.button(QDialogButtonBox.StandardButton.Close).text() == "Sluiten"


def test_standard_buttons_are_english_in_the_english_ui(qtbot, ctx) -> None:
    buttons = QMessageBox.StandardButton.Cancel | QMessageBox.StandardButton.Yes
    box = QMessageBox(QMessageBox.Icon.Question, "x", "y", buttons)
    qtbot.addWidget(box)
    assert _button_texts(box) == {"Cancel", "&Yes"}
