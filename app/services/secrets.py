"""Connector secrets: the OS keyring, or an encrypted file unlocked by a passphrase.

Where a secret goes (``SecretStore.mode``):

- ``keyring``: the operating system's keyring (the default where one works);
- ``file``: without a keyring, ``<data dir>/secrets.enc``, encrypted with a passphrase (see
  :mod:`app.services.secret_file`). The CLI reads the passphrase from the file named in
  ``PRIVACY_DESK_SECRETS_PASSPHRASE_FILE``; the GUI asks for it in a dialog;
- ``locked``: the same file while no passphrase was given: nothing can be stored, and saving a
  secret is refused with what to do (never "saved" when it was not);
- ``memory``: only when asked for (``PRIVACY_DESK_KEYRING=memory``, tests): this process only.

``PRIVACY_DESK_KEYRING=file`` skips the OS keyring (servers, CI).
"""

from __future__ import annotations

import logging
import os
import threading
from pathlib import Path
from typing import Final

from app.core.errors import UserError
from app.core.i18n import Message, _
from app.services.secret_file import EncryptedSecretFile

log = logging.getLogger(__name__)

SERVICE = "Privacy Desk"
ENV_BACKEND: Final = "PRIVACY_DESK_KEYRING"  # "" (automatic) | "file" | "memory"
ENV_PASSPHRASE_FILE: Final = "PRIVACY_DESK_SECRETS_PASSPHRASE_FILE"
FILE_NAME: Final = "secrets.enc"

KEYRING: Final = "keyring"
FILE: Final = "file"
LOCKED: Final = "locked"
MEMORY: Final = "memory"


class SecretsLocked(UserError):
    """A secret cannot be stored: no keyring, and the encrypted file has no passphrase yet."""


def default_secret_file() -> Path:
    from app.data.database import data_dir

    return data_dir() / FILE_NAME


def _passphrase_from_env() -> str | None:
    named = os.environ.get(ENV_PASSPHRASE_FILE, "").strip()
    if not named:
        return None
    try:
        text = Path(named).read_text(encoding="utf-8")
    except OSError as exc:
        raise UserError(
            _(
                "The passphrase file named in {env} cannot be read ({path}). Check the path "
                "and that only you can read it.",
                env=ENV_PASSPHRASE_FILE,
                path=named,
            )
        ) from exc
    phrase = text.rstrip("\r\n")
    if not phrase:
        raise UserError(
            _("The passphrase file {path} is empty. Write the passphrase in it.", path=named)
        )
    return phrase


class SecretStore:
    """Secrets per connector; never written to the database or the log."""

    def __init__(
        self,
        *,
        use_keyring: bool | None = None,
        file_path: Path | None = None,
        passphrase: str | None = None,
    ) -> None:
        self._memory: dict[tuple[str, str], str] = {}
        self._lock = threading.Lock()
        self._file_path = file_path
        self._passphrase = passphrase
        self._file: EncryptedSecretFile | None = None
        self._use_keyring = use_keyring
        self._mode: str | None = None  # decided on first use: the keyring probe is slow

    @property
    def mode(self) -> str:
        """Where secrets go; the OS keyring is probed the first time this is asked, not at
        start-up (the probe loads keyring's backends: hundreds of milliseconds)."""
        if self._mode is None:
            backend = os.environ.get(ENV_BACKEND, "").strip().lower()
            if self._use_keyring is False or (self._use_keyring is None and backend == MEMORY):
                mode = MEMORY
            elif backend != FILE and self._keyring_usable():
                mode = KEYRING
            else:
                if self._passphrase is None:
                    self._passphrase = _passphrase_from_env()
                mode = FILE if self._passphrase is not None else LOCKED
            with self._lock:
                if self._mode is None:
                    self._mode = mode
        return self._mode

    @mode.setter
    def mode(self, value: str) -> None:
        self._mode = value

    @property
    def persistent(self) -> bool:
        """True when a secret set now is still there after a restart."""
        return self.mode in (KEYRING, FILE)

    @property
    def needs_passphrase(self) -> bool:
        return self.mode == LOCKED

    @property
    def file_path(self) -> Path:
        if self._file_path is None:
            self._file_path = default_secret_file()
        return self._file_path

    @staticmethod
    def _keyring_usable() -> bool:
        try:
            import keyring
            from keyring.backends import fail

            return not isinstance(keyring.get_keyring(), fail.Keyring)
        except Exception:  # keyring's backend discovery can fail in many platform-specific ways
            log.warning("no usable OS keyring; secrets go to the encrypted file")
            return False

    def unlock(self, passphrase: str) -> None:
        """Open (or create) the encrypted file with ``passphrase``; UserError when it is wrong."""
        if self.mode not in (FILE, LOCKED):
            return
        opened = EncryptedSecretFile(self.file_path, passphrase)
        with self._lock:
            self._passphrase, self._file, self.mode = passphrase, opened, FILE

    def _opened(self) -> EncryptedSecretFile:
        if self._file is None:
            assert self._passphrase is not None
            self._file = EncryptedSecretFile(self.file_path, self._passphrase)
        return self._file

    @property
    def where(self) -> Message:
        """Where a secret saved now is kept, for the officer."""
        if self.mode == KEYRING:
            return _("the operating system's keyring")
        if self.mode == FILE:
            return _("the encrypted file {path}", path=str(self.file_path))
        if self.mode == MEMORY:
            return _("memory, for this session only ({env}=memory)", env=ENV_BACKEND)
        return _("nowhere: the encrypted secrets file is locked")

    @property
    def note(self) -> str:
        if self.mode == KEYRING:
            return "Secrets are stored in the operating system's keyring."
        if self.mode == FILE:
            return f"Secrets are stored encrypted in {self.file_path}."
        if self.mode == MEMORY:
            return "Secrets are kept in memory only and will be asked for again after a restart."
        return (
            "No keyring is available on this computer: secrets are stored in an encrypted "
            "file, which needs its passphrase."
        )

    def locked_error(self) -> SecretsLocked:
        return SecretsLocked(
            _(
                "No keyring is available on this computer, so passwords are kept in an "
                "encrypted file ({path}), and its passphrase was not given. Nothing was saved. "
                "Write a passphrase (at least 8 characters) in a file only you can read and "
                "name that file in {env}, e.g. 'export {env}=~/.config/privacy-desk-passphrase', "
                "then run the command again (the desktop app asks for the passphrase itself).",
                path=str(self.file_path),
                env=ENV_PASSPHRASE_FILE,
            )
        )

    def _key(self, connector: str, field: str) -> str:
        return f"{connector}:{field}"

    def get(self, connector: str, field: str) -> str | None:
        with self._lock:
            if (connector, field) in self._memory:
                return self._memory[(connector, field)]
        if self.mode == KEYRING:
            import keyring
            from keyring.errors import KeyringError

            try:
                return keyring.get_password(SERVICE, self._key(connector, field))
            except KeyringError as exc:  # e.g. a locked keyring whose unlock was cancelled
                log.warning("keyring not readable (%s); the secret will be asked for", exc)
        elif self.mode == FILE:
            return self._opened().get(self._key(connector, field))
        return None

    def set(self, connector: str, field: str, value: str) -> bool:
        """Store the secret; False when the keyring refused it and it is kept in memory only.

        Raises :class:`SecretsLocked` when there is no keyring and no passphrase for the file.
        """
        if self.mode == LOCKED:
            raise self.locked_error()
        if self.mode == FILE:
            self._opened().set(self._key(connector, field), value)
            with self._lock:
                self._memory.pop((connector, field), None)
            return True
        if self.mode == KEYRING:
            import keyring
            from keyring.errors import KeyringError

            try:
                keyring.set_password(SERVICE, self._key(connector, field), value)
            except KeyringError as exc:
                log.warning("keyring refused the secret (%s); kept in memory for now", exc)
            else:
                with self._lock:  # a stale in-memory copy must not shadow the stored value
                    self._memory.pop((connector, field), None)
                return True
        with self._lock:
            self._memory[(connector, field)] = value
        return self.mode == MEMORY

    def delete(self, connector: str, field: str) -> None:
        with self._lock:
            self._memory.pop((connector, field), None)
        if self.mode == FILE:
            self._opened().delete(self._key(connector, field))
        elif self.mode == KEYRING:
            import keyring
            from keyring.errors import KeyringError, PasswordDeleteError

            try:
                keyring.delete_password(SERVICE, self._key(connector, field))
            except PasswordDeleteError:  # nothing stored: deleting is already done
                return
            except KeyringError as exc:
                log.warning("keyring refused to delete the secret (%s)", exc)
