"""Error presentation: user errors as a plain message, bugs as a dialog with copyable details."""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core import code_words  # noqa: F401 - names stored codes in shown messages
from app.core.errors import Cancelled, UserError, ValidationError
from app.core.faults import os_fault
from app.core.i18n import Message, text_of

log = logging.getLogger(__name__)


def ui_language() -> str:
    """'nl' when the Dutch UI is active (install_translators sets the default locale)."""
    return "nl" if QLocale().language() == QLocale.Language.Dutch else "en"


def ui_text(text: str) -> str:
    """A message from below app/ui in the UI language: a Message made with ``_()``, or a text
    kept in the database with ``Message.to_stored()`` (older plain texts are shown as they are)."""
    message = text if isinstance(text, Message) else Message.from_stored(text)
    return text_of(message, ui_language())


def user_message(exc: UserError) -> str:
    """The text to show for a user error (validation errors without their field codes)."""
    if isinstance(exc, ValidationError):
        return "\n".join(ui_text(m) for m in exc.errors.values())
    return ui_text(exc.message) if exc.message else ui_text(str(exc))


def show_message(
    parent: QWidget | None,
    title: str,
    text: str,
    *,
    icon: QMessageBox.Icon = QMessageBox.Icon.Warning,
) -> QMessageBox:
    """A non-blocking message box (window-modal); it deletes itself when closed."""
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.setObjectName("userMessage")
    box.open()
    return box


class ErrorDialog(QDialog):
    """Shown for a bug: what happened, the traceback to copy, and where the log file is."""

    def __init__(self, parent: QWidget | None, details: str, log_path: Path) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Unexpected error"))
        self.setObjectName("errorDialog")
        self.resize(640, 420)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Privacy Desk ran into an error it did not expect. Your last action may not have "
                "been saved; check the case before you continue.\n\nPlease send the details below "
                "to your support contact. They are also written to the log file:\n%1"
            ).replace("%1", str(log_path))
        )
        intro.setWordWrap(True)
        intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(intro)
        self.details = QPlainTextEdit(details)
        self.details.setReadOnly(True)
        self.details.setAccessibleName(self.tr("Error details"))
        layout.addWidget(self.details, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = QPushButton(self.tr("&Copy details"))
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details.toPlainText())


class ErrorReporter:
    """Routes every error to the right presentation; installed as sys.excepthook by run_gui."""

    def __init__(self, log_path: Path, window: Callable[[], QWidget | None]) -> None:
        self.log_path = log_path
        self._window = window
        self._open: list[QWidget] = []

    def report(self, exc: BaseException, parent: QWidget | None = None) -> QWidget | None:
        """Show ``exc``; returns the dialog shown (None for a silent cancellation)."""
        parent = parent or self._window()
        if isinstance(exc, Cancelled):
            return None
        fault = os_fault(exc)  # a full disk or read-only folder: the cause, not a traceback
        if fault is not None:
            log.warning("%s while writing: %s", type(exc).__name__, fault.msgid)
            exc = fault
        if isinstance(exc, UserError):
            title = QGuiApplication.translate("ErrorReporter", "Privacy Desk")
            box = show_message(parent, title, user_message(exc))
            self._keep(box)
            return box
        # Only the exception type goes in the message line: the text could quote personal data.
        log.error(
            "unexpected %s",
            type(exc).__name__,
            exc_info=(type(exc), exc, exc.__traceback__),
        )
        details = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
        dialog = ErrorDialog(parent, details, self.log_path)
        self._keep(dialog)
        dialog.open()
        return dialog

    def _keep(self, dialog: QDialog) -> None:
        # A dialog without a parent would be garbage-collected while still on screen.
        self._open.append(dialog)
        dialog.finished.connect(lambda _r, d=dialog: self._forget(d))

    def _forget(self, dialog: QWidget) -> None:
        if dialog in self._open:
            self._open.remove(dialog)
        dialog.deleteLater()

    def excepthook(
        self,
        exc_type: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        if exc.__traceback__ is None:
            exc = exc.with_traceback(tb)
        self.report(exc)

    def install(self) -> None:
        sys.excepthook = self.excepthook
