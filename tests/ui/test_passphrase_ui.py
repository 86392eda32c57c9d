"""The passphrase dialog: a computer without a keyring keeps passwords in an encrypted file."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from app.services.connectors import list_connectors
from app.services.secrets import FILE, SecretStore
from app.ui.connectors_dialog import ConnectorsDialog
from app.ui.passphrase_dialog import PassphraseDialog

PHRASE = "lange zin voor de kluis"


@pytest.fixture
def locked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> SecretStore:
    monkeypatch.setenv("PRIVACY_DESK_KEYRING", "file")
    monkeypatch.delenv("PRIVACY_DESK_SECRETS_PASSPHRASE_FILE", raising=False)
    store = SecretStore(file_path=tmp_path / "secrets.enc")
    assert store.needs_passphrase
    return store


def _ok(dialog: PassphraseDialog) -> None:
    button = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    button.click()


def test_a_new_passphrase_is_typed_twice_and_must_be_long_enough(qtbot, locked) -> None:
    dialog = PassphraseDialog(locked)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.creating and dialog.repeat.isVisible()
    qtbot.keyClicks(dialog.passphrase, PHRASE)
    qtbot.keyClicks(dialog.repeat, PHRASE + "x")
    _ok(dialog)
    assert "differ" in dialog.error.text() and locked.needs_passphrase
    dialog.passphrase.setText("kort")
    dialog.repeat.setText("kort")
    _ok(dialog)
    assert "at least 8" in dialog.error.text() and locked.needs_passphrase
    dialog.passphrase.setText(PHRASE)
    dialog.repeat.setText(PHRASE)
    _ok(dialog)
    assert locked.mode == FILE and dialog.result() == dialog.DialogCode.Accepted


def test_the_systems_dialog_asks_the_passphrase_before_storing_a_password(
    qtbot, ctx, locked, tmp_path
) -> None:
    locked.unlock(PHRASE)  # the file exists from an earlier session
    again = SecretStore(file_path=locked.file_path)
    assert again.needs_passphrase
    dialog = ConnectorsDialog(ctx, again)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.name.setText("Portal")
    dialog.kind.setCurrentIndex(dialog.kind.findData("sql"))
    form = dialog.form
    form.inputs["url"].setText("sqlite:///" + str(tmp_path / "portal.db"))
    form.inputs["mapping_file"].edit.setText(str(tmp_path / "mapping.toml"))
    qtbot.keyClicks(form.inputs["password"], "geheim123")
    seen: list[PassphraseDialog] = []

    def answer(phrase: str) -> None:
        asked = QApplication.activeModalWidget()
        if not isinstance(asked, PassphraseDialog):
            return
        seen.append(asked)
        asked.passphrase.setText(phrase)
        _ok(asked)
        if asked.isVisible():  # a wrong passphrase keeps the dialog open: give up
            asked.reject()

    QTimer.singleShot(0, lambda: answer("niet de goede zin"))
    assert not dialog.save()
    assert "passphrase" in dialog.error.text() and list_connectors(ctx.db) == []
    assert not seen[0].creating and "does not open" in seen[0].error.text()
    QTimer.singleShot(0, lambda: answer(PHRASE))
    assert dialog.save()
    assert (
        SecretStore(file_path=locked.file_path, passphrase=PHRASE).get("Portal", "password")
        == "geheim123"
    )
