"""Mark a final letter as sent by post on a date (it was printed outside today's print run)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from app.core.errors import UserError
from app.services.letter_post import mark_sent_by_post
from app.ui.context import UiContext
from app.ui.errors import user_message
from app.ui.widgets import error_label, make_date_edit, pydate, qdate


class SentByPostDialog(QDialog):
    """Asks for the posting date; the letter then counts as printed (it leaves the to-do list)."""

    def __init__(
        self, ctx: UiContext, letter_id: int, letter_date: date | None, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.letter_id = letter_id
        self.setWindowTitle(self.tr("Sent by post"))
        intro = QLabel(
            self.tr("Record the day this letter went into the post. It then counts as printed.")
        )
        intro.setWordWrap(True)
        self.posted_on = make_date_edit(ctx.locale, minimum=letter_date, maximum=ctx.today())
        self.posted_on.setDate(qdate(ctx.today()))
        form = QFormLayout()
        label = QLabel(self.tr("&Posted on:"))
        label.setBuddy(self.posted_on)
        form.addRow(label, self.posted_on)
        self.error = error_label()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("&Record"))
        # Recording the posting cannot be undone: Enter cancels, the action needs a click/Alt+R.
        self.cancel_button = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.ok_button.setAutoDefault(False)
        self.ok_button.setDefault(False)
        self.cancel_button.setDefault(True)
        buttons.accepted.connect(self.perform)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def perform(self) -> None:
        try:
            mark_sent_by_post(
                self.ctx.db,
                actor=self.ctx.actor,
                letter_id=self.letter_id,
                posted_on=pydate(self.posted_on.date()),
                today=self.ctx.today(),
            )
        except UserError as exc:
            self.error.setText(user_message(exc))
            self.error.show()
            return
        self.accept()
