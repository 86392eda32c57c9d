"""The intake's panel of earlier cases: the case a reminder belongs to, or a possible double."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.services.reminders import EarlierCase
from app.ui import labels
from app.ui.case_form import WARNING_STYLE


class EarlierCasesPanel(QGroupBox):
    """Each earlier case found, why, and a button to register the letter as a reminder on it."""

    link_requested = Signal(object)  # the EarlierCase

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Earlier case of this person"), parent)
        self.setObjectName("earlierCases")
        self.found: list[EarlierCase] = []
        self.link_buttons: dict[str, QPushButton] = {}
        self.rows = QVBoxLayout(self)
        self.hide()

    def show_cases(self, found: list[EarlierCase], *, is_reminder: bool) -> None:
        while self.rows.count():
            item = self.rows.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.found = list(found)
        self.link_buttons = {}
        if not found:
            self.hide()
            return
        statuses = labels.status_labels()
        for earlier in found:
            why = (
                self.tr("the letter quotes this reference")
                if earlier.found_by == "our_reference"
                else self.tr("same person, case still open")
            )
            text = (
                self.tr("%1 – %2, %3 (%4), received %5: %6")
                .replace("%1", earlier.reference)
                .replace("%2", earlier.name or "-")
                .replace("%3", earlier.postcode or "-")
                .replace("%4", labels.label(statuses, earlier.status))
                .replace("%5", earlier.received_on.isoformat())
                .replace("%6", why)
            )
            if not earlier.same_person:
                text += "\n" + self.tr(
                    "Name and address do not match the letter: check before linking."
                )
            row = QWidget()
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            label = QLabel(text)
            label.setWordWrap(True)
            if not earlier.same_person:
                label.setStyleSheet(WARNING_STYLE)
            button = QPushButton(
                self.tr("Register as reminder on %1").replace("%1", earlier.reference)
            )
            button.setObjectName(f"link_{earlier.reference}")
            button.setToolTip(
                self.tr(
                    "The letter is stored on that case with an event; no new case and no new "
                    "deadline"
                )
            )
            button.clicked.connect(lambda _=False, e=earlier: self.link_requested.emit(e))
            self.link_buttons[earlier.reference] = button
            line.addWidget(label, 1)
            line.addWidget(button)
            self.rows.addWidget(row)
        if not is_reminder:
            note = QLabel(
                self.tr(
                    "Saved as a new case, it is marked as a possible duplicate of the open case."
                )
            )
            note.setWordWrap(True)
            note.setProperty("role", "subtle")
            self.rows.addWidget(note)
        self.show()
