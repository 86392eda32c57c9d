"""The secret store through the real `keyring` API: stored, read back, refused, deleted."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.errors import KeyringLocked, PasswordDeleteError

from app.services.secrets import SERVICE, SecretStore


class FileKeyring(KeyringBackend):
    """A keyring backend (keyring's own plugin API) that keeps its entries in a JSON file."""

    priority = 1  # type: ignore[assignment]

    def __init__(self, path: Path, locked: bool = False) -> None:
        super().__init__()
        self.path = path
        self.locked = locked

    def _entries(self) -> dict[str, str]:
        return json.loads(self.path.read_text()) if self.path.exists() else {}

    def get_password(self, service: str, username: str) -> str | None:
        if self.locked:
            raise KeyringLocked("the keyring is locked")
        return self._entries().get(f"{service}/{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        if self.locked:
            raise KeyringLocked("the keyring is locked")
        entries = self._entries()
        entries[f"{service}/{username}"] = password
        self.path.write_text(json.dumps(entries))

    def delete_password(self, service: str, username: str) -> None:
        if self.locked:
            raise KeyringLocked("the keyring is locked")
        entries = self._entries()
        if f"{service}/{username}" not in entries:
            raise PasswordDeleteError("not stored")
        del entries[f"{service}/{username}"]
        self.path.write_text(json.dumps(entries))


@pytest.fixture
def backend(tmp_path: Path) -> Iterator[FileKeyring]:
    previous = keyring.get_keyring()
    chosen = FileKeyring(tmp_path / "keyring.json")
    keyring.set_keyring(chosen)
    try:
        yield chosen
    finally:
        keyring.set_keyring(previous)


def test_secrets_survive_a_restart_in_the_keyring(backend: FileKeyring) -> None:
    store = SecretStore(use_keyring=True)
    assert store.persistent and "keyring" in store.note
    assert store.set("Klantportaal", "password", "s3cret") is True
    assert json.loads(backend.path.read_text()) == {f"{SERVICE}/Klantportaal:password": "s3cret"}

    again = SecretStore(use_keyring=True)  # the next session
    assert again.get("Klantportaal", "password") == "s3cret"
    again.delete("Klantportaal", "password")
    again.delete("Klantportaal", "password")  # nothing left: still fine
    assert SecretStore(use_keyring=True).get("Klantportaal", "password") is None


def test_a_locked_keyring_falls_back_to_memory_for_this_session(backend: FileKeyring) -> None:
    store = SecretStore(use_keyring=True)
    backend.locked = True
    assert store.set("Matomo", "token_auth", "abc") is False  # refused: kept in memory
    assert store.get("Matomo", "token_auth") == "abc"
    assert SecretStore(use_keyring=True).get("Matomo", "token_auth") is None  # asked again
    store.delete("Matomo", "token_auth")  # a locked keyring does not make deleting fail
    assert store.get("Matomo", "token_auth") is None
    assert not backend.path.exists()  # nothing was ever written


def test_without_a_keyring_secrets_stay_in_memory() -> None:
    store = SecretStore(use_keyring=False)
    assert not store.persistent and "memory" in store.note
    assert store.set("Portal", "password", "x") is True
    assert store.get("Portal", "password") == "x"
