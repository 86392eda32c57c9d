"""The passphrase of the encrypted secrets file, asked when the computer has no keyring."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import UserError
from app.services.secrets import SecretStore
from app.ui.errors import user_message
from app.ui.widgets import error_label


class PassphraseDialog(QDialog):
    """Unlocks (or creates) the secrets file; OK is accepted only when the passphrase opens it."""

    def __init__(self, secrets: SecretStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.secrets = secrets
        self.creating = not secrets.file_path.exists()
        self.setWindowTitle(self.tr("Passphrase for the passwords"))
        if self.creating:
            intro = self.tr(
                "This computer has no keyring. Passwords of the systems are kept in an "
                "encrypted file (%1). Choose a passphrase of at least 8 characters; it is asked "
                "once per session. Without it the passwords cannot be read: keep it safe."
            )
        else:
            intro = self.tr(
                "This computer has no keyring. The passwords of the systems are kept in an "
                "encrypted file (%1). Give its passphrase."
            )
        text = QLabel(intro.replace("%1", str(secrets.file_path)))
        text.setWordWrap(True)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat.setAccessibleName(self.tr("Passphrase again"))
        form = QFormLayout()
        form.addRow(self.tr("&Passphrase:"), self.passphrase)
        if self.creating:
            form.addRow(self.tr("&Again:"), self.repeat)
        else:
            self.repeat.hide()
        self.error = error_label()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.try_unlock)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def try_unlock(self) -> bool:
        """Open the file with the passphrase typed; on a mistake say so and stay open."""
        phrase = self.passphrase.text()
        if self.creating and phrase != self.repeat.text():
            self.error.setText(self.tr("The two passphrases differ. Type the same one twice."))
            self.error.show()
            return False
        try:
            self.secrets.unlock(phrase)
        except UserError as exc:
            self.error.setText(user_message(exc))
            self.error.show()
            return False
        self.accept()
        return True


def ensure_unlocked(secrets: SecretStore, parent: QWidget | None = None) -> bool:
    """True when secrets can be stored and read now (asks for the passphrase when needed)."""
    if not secrets.needs_passphrase:
        return True
    return PassphraseDialog(secrets, parent).exec() == QDialog.DialogCode.Accepted
