"""The finalise gate in the GUI: what is still to be done, and an override only with a reason."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import UserError, ValidationError
from app.core.finalise_gate import GateRefused, Unmet
from app.services.dto import CaseDetail
from app.services.portability import PORTABILITY_OUTCOMES, decide_portability
from app.ui import labels
from app.ui.case_dialogs import ActionDialog
from app.ui.context import UiContext
from app.ui.errors import ui_text, user_message
from app.ui.widgets import FieldErrors, error_label, with_error


class GateDialog(QDialog):
    """Lists every unmet condition; finalising anyway needs a written reason for each one."""

    def __init__(self, unmet: Sequence[Unmet], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("gateDialog")
        self.setWindowTitle(self.tr("Not everything is done yet"))
        self.unmet = tuple(unmet)
        self.errors = FieldErrors()
        self.reason_edits: dict[str, QLineEdit] = {}
        self.condition_labels: list[QLabel] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        intro = QLabel(
            self.tr(
                "This letter cannot be final yet. Do what is listed below first (Cancel), or "
                "write for each point why the letter goes out without it. Your reasons are kept "
                "in the case history, and the letter tells the person what was not done."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        for item in self.unmet:
            label = QLabel("• " + ui_text(item.message))
            label.setWordWrap(True)
            self.condition_labels.append(label)
            layout.addWidget(label)
            edit = QLineEdit()
            edit.setObjectName(f"reason_{item.condition.value}")
            edit.setPlaceholderText(self.tr("Reason for going on without this (required)"))
            edit.setAccessibleName(self.tr("Reason for overriding: %1").replace("%1", label.text()))
            error = error_label()
            self.errors.add(item.condition.value, edit, error)
            self.reason_edits[item.condition.value] = edit
            layout.addWidget(with_error(edit, error))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Finalise with these reasons"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)

    def reasons(self) -> dict[str, str]:
        return {code: edit.text().strip() for code, edit in self.reason_edits.items()}

    def submit(self) -> None:
        missing = {
            code: self.tr("Write why the letter goes out without this.")
            for code, reason in self.reasons().items()
            if not reason
        }
        if missing:
            self.errors.show(missing)
            return
        self.accept()


class PortabilityDialog(ActionDialog):
    """Portability (Art. 20) is decided by its own action: granted once the export is made."""

    def __init__(self, ctx: UiContext, detail: CaseDetail, parent: QWidget) -> None:
        super().__init__(ctx, detail, parent, self.tr("Decide portability"))
        self.set_intro(
            self.tr(
                "Grant portability once the portability export (ZIP) is made and the identity "
                "is established; a refusal needs the reason."
            )
        )
        self.outcome = QComboBox()
        outcomes = labels.outcome_labels()
        for code in PORTABILITY_OUTCOMES:
            self.outcome.addItem(labels.label(outcomes, code), code)
        self.outcome.setPlaceholderText(self.tr("Choose the decision…"))
        self.outcome.setCurrentIndex(-1)
        self.note = QLineEdit()
        self.add_field(self.tr("&Decision:"), self.outcome, "outcome")
        self.add_field(self.tr("&Note:"), self.note, "note")
        self.ok_button.setText(self.tr("&Record decision"))

    def perform(self) -> None:
        if self.outcome.currentData() is None:
            raise ValidationError({"outcome": self.tr("Choose the decision.")})
        try:
            decide_portability(
                self.ctx.db,
                actor=self.ctx.actor,
                reference=self.detail.reference,
                outcome=str(self.outcome.currentData()),
                note=self.note.text(),
            )
        except GateRefused as exc:
            lines = [user_message(exc), *("• " + ui_text(u.message) for u in exc.unmet)]
            raise UserError("\n".join(lines)) from exc
