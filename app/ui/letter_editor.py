"""The letter editor: subject and text on the left, the live PDF on the right; finalise, print."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.core.enums import LetterStatus
from app.core.errors import UserError
from app.core.finalise_gate import GateRefused
from app.core.i18n import translate
from app.letters.kinds import letter_kinds
from app.services.letters import LetterInfo, finalise_letter, preview_letter, update_draft
from app.ui import labels
from app.ui.confirm import ask_before
from app.ui.context import UiContext
from app.ui.errors import user_message
from app.ui.gate_dialog import GateDialog
from app.ui.pdf_preview import PdfPreview, ask_and_print, save_pdf_as
from app.ui.tasks import Task
from app.ui.widgets import Banner, error_label

PREVIEW_DELAY_MS = 400


def letter_type_labels(lang: str) -> dict[str, str]:
    """Code -> label of every registered letter kind in ``lang`` (the gettext side)."""
    return {kind.code: translate(kind.label, lang) for kind in letter_kinds()}


def letter_status_labels() -> dict[str, str]:
    return {
        "draft": QCoreApplication.translate("Letters", "draft"),
        "final": QCoreApplication.translate("Letters", "final"),
    }


class LetterEditorDialog(QDialog):
    """Edits one draft; a final letter is shown read-only with its stored PDF."""

    letter_changed = Signal(int)

    def __init__(self, ctx: UiContext, letter: LetterInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.letter = letter
        self.dirty = False
        self.render_task: Task | None = None
        self._render_again = False
        self.confirm: QMessageBox | None = None
        self.gate_dialog: GateDialog | None = None  # the unmet conditions, when finalising
        self.print_dialog: QWidget | None = None
        self.setObjectName("letterEditor")
        self.resize(1280, 860)

        self.banner = Banner()
        self.subject = QLineEdit(letter.subject)
        self.subject.setAccessibleName(self.tr("Subject"))
        self.body = QPlainTextEdit(letter.body)
        self.body.setAccessibleName(self.tr("Letter text"))
        self.body.setTabChangesFocus(True)
        hint = QLabel(
            self.tr('Blank line = new paragraph · "- " at the start = bullet · "## " = heading')
        )
        hint.setProperty("role", "subtle")
        hint.setWordWrap(True)
        self.error = error_label()
        self.state = QLabel()
        self.state.setProperty("role", "subtle")
        form = QFormLayout()
        form.addRow(self.tr("&Subject:"), self.subject)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addLayout(form)
        ll.addWidget(self.body, 1)
        ll.addWidget(hint)
        ll.addWidget(self.error)
        ll.addWidget(self.state)

        self.preview = PdfPreview()
        self.refresh_button = QPushButton(self.tr("&Refresh preview"))
        self.refresh_button.setToolTip(self.tr("Saves the draft and renders the letter again"))
        self.refresh_button.clicked.connect(self.refresh_preview)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.preview, 1)
        rl.addWidget(self.refresh_button, 0, Qt.AlignmentFlag.AlignRight)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([620, 620])

        self.save_button = QPushButton(self.tr("Save &draft"))
        self.save_button.clicked.connect(self.save)
        self.finalise_button = QPushButton(self.tr("&Finalise and store…"))
        self.finalise_button.clicked.connect(self.ask_finalise)
        self.print_button = QPushButton(self.tr("&Print…"))
        self.print_button.clicked.connect(self.print_letter)
        self.pdf_button = QPushButton(self.tr("Save &as PDF…"))
        self.pdf_button.clicked.connect(self.save_pdf)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.close)
        buttons = QHBoxLayout()
        for button in (self.save_button, self.finalise_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        for button in (self.print_button, self.pdf_button, close):
            buttons.addWidget(button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(PREVIEW_DELAY_MS)
        self.timer.timeout.connect(self._render)
        self.subject.textEdited.connect(self._edited)
        self.body.textChanged.connect(self._edited)
        self._show_letter()
        self.dirty = False
        self.schedule_preview()

    # ---- state ----------------------------------------------------------------------------

    @property
    def is_final(self) -> bool:
        return self.letter.status == LetterStatus.FINAL

    def _show_letter(self) -> None:
        kind = labels.label(letter_type_labels(self.ctx.lang), self.letter.letter_type)
        self.setWindowTitle(
            self.tr("%1 – %2").replace("%1", self.letter.reference).replace("%2", kind)
        )
        final = self.is_final
        self.subject.setReadOnly(final)
        self.body.setReadOnly(final)
        self.save_button.setEnabled(not final)
        self.finalise_button.setEnabled(not final)
        self.refresh_button.setEnabled(not final)
        if final:
            when = labels.date_text(self.letter.letter_date, self.ctx.lang)
            self.banner.show_message(
                self.tr(
                    "This letter is final (dated %1, SHA-256 %2). Final letters cannot be changed; "
                    "make a new letter as a correction."
                )
                .replace("%1", when)
                .replace("%2", self.letter.sha256[:12]),
                level="ok",
            )
            self.state.setText("")
        else:
            self.banner.hide()
            self._show_state()

    def _show_state(self) -> None:
        self.state.setText(self.tr("Unsaved changes") if self.dirty else self.tr("Draft saved"))

    def _edited(self) -> None:
        if self.is_final:
            return
        self.dirty = True
        self._show_state()

    # ---- actions --------------------------------------------------------------------------

    def save(self) -> bool:
        """Store the draft text; True when saved (errors are shown under the text)."""
        if self.is_final:
            return False
        self.error.hide()
        try:
            update_draft(
                self.ctx.db,
                actor=self.ctx.actor,
                letter_id=self.letter.id,
                subject=self.subject.text(),
                body=self.body.toPlainText(),
            )
        except UserError as exc:
            self.error.setText(user_message(exc))
            self.error.show()
            return False
        self.dirty = False
        self._show_state()
        self.letter_changed.emit(self.letter.id)
        self.schedule_preview()
        return True

    def refresh_preview(self) -> None:
        if self.dirty and not self.save():
            return
        self.schedule_preview()

    def schedule_preview(self) -> None:
        """Render after a short pause, so several quick saves make one render."""
        self.timer.start()

    def _render(self) -> None:
        if self.render_task is not None:
            self._render_again = True
            return
        letter_id, db, today = self.letter.id, self.ctx.db, self.ctx.today()
        if not self.preview.data:
            self.preview.show_message(self.tr("Rendering the letter…"))
        self.render_task = self.ctx.tasks.run(
            lambda _progress: preview_letter(db, letter_id=letter_id, today=today),
            title=self.tr("Rendering the letter…"),
            parent=self,
            on_done=self._rendered,
            on_error=self._render_failed,
        )

    def _rendered(self, data: bytes) -> None:
        self.render_task = None
        self.preview.show_pdf(data)
        self._after_render()

    def _render_failed(self, exc: BaseException) -> bool:
        self.render_task = None
        self._after_render()
        if isinstance(exc, UserError):
            self.preview.show_message(user_message(exc))
            return True
        return False

    def _after_render(self) -> None:
        if self._render_again:
            self._render_again = False
            self.schedule_preview()

    def ask_finalise(self) -> QMessageBox | None:
        if self.is_final or (self.dirty and not self.save()):
            return None
        kind = labels.label(letter_type_labels(self.ctx.lang), self.letter.letter_type)
        text = (
            self.tr("Case %1: finalise the %2.").replace("%1", self.letter.reference)
            .replace("%2", kind)
            + "\n\n"
            + self.tr(
                "The letter is stored as PDF with its SHA-256 and recorded in the case history. "
                "After this the letter cannot be changed.\n\nFinalise it now?"
            )
        )  # fmt: skip
        self.confirm = ask_before(
            self, title=self.tr("Finalise letter"), text=text,
            action=self.tr("Finalise and store"), on_yes=self.finalise,
            name="confirmFinalise", icon=QMessageBox.Icon.Question,
        )  # fmt: skip
        return self.confirm

    def finalise(self, overrides: dict[str, str] | None = None) -> bool:
        """Finalise through the service; an unmet gate opens the list with reason fields."""
        self.error.hide()
        try:
            self.letter = finalise_letter(
                self.ctx.db,
                actor=self.ctx.actor,
                letter_id=self.letter.id,
                today=self.ctx.today(),
                overrides=overrides,
            )
        except GateRefused as exc:
            self.gate_dialog = GateDialog(exc.unmet, self)
            self.gate_dialog.accepted.connect(
                lambda: self.finalise(self.gate_dialog.reasons() if self.gate_dialog else None)
            )
            self.gate_dialog.open()
            return False
        except UserError as exc:
            self.error.setText(user_message(exc))
            self.error.show()
            return False
        self._show_letter()
        self.letter_changed.emit(self.letter.id)
        self.ctx.events.cases_changed.emit(self.letter.reference)
        self.schedule_preview()
        return True

    def _pdf_now(self) -> bytes | None:
        if not self.is_final and self.dirty and not self.save():
            return None
        try:
            return preview_letter(self.ctx.db, letter_id=self.letter.id, today=self.ctx.today())
        except UserError as exc:
            self.error.setText(user_message(exc))
            self.error.show()
            return None

    def _file_name(self) -> str:
        return f"{self.letter.reference}-{self.letter.letter_type}-{self.letter.id}.pdf"

    def print_letter(self) -> None:
        data = self._pdf_now()
        if data is not None:
            self.print_dialog = ask_and_print(self, data, self._show_error)

    def save_pdf(self) -> None:
        data = self._pdf_now()
        if data is None:
            return
        try:
            save_pdf_as(self, data, self._file_name())
        except OSError as exc:
            self._show_error(self.tr("The file could not be written: %1").replace("%1", str(exc)))

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def closeEvent(self, event: QCloseEvent) -> None:
        # Nothing typed is lost: an unsaved draft is saved on close.
        if self.dirty and not self.is_final and not self.save():
            event.ignore()
            return
        self.timer.stop()
        super().closeEvent(event)
