"""Connector secrets: the OS keyring, or (with no keyring backend) memory for this session only."""

from __future__ import annotations

import logging
import os
import threading

log = logging.getLogger(__name__)

SERVICE = "Privacy Desk"


class SecretStore:
    """Secrets per connector; never written to the database or the log."""

    def __init__(self, *, use_keyring: bool | None = None) -> None:
        self._memory: dict[tuple[str, str], str] = {}
        self._lock = threading.Lock()
        if use_keyring is None:
            use_keyring = os.environ.get("PRIVACY_DESK_KEYRING", "") != "memory"
        self.persistent = use_keyring and self._keyring_usable()

    @staticmethod
    def _keyring_usable() -> bool:
        try:
            import keyring
            from keyring.backends import fail

            return not isinstance(keyring.get_keyring(), fail.Keyring)
        except Exception:  # keyring's backend discovery can fail in many platform-specific ways
            log.warning("no usable OS keyring; secrets are kept in memory for this session")
            return False

    @property
    def note(self) -> str:
        if self.persistent:
            return "Secrets are stored in the operating system's keyring."
        return (
            "No keyring is available on this computer: secrets are kept in memory only and "
            "will be asked for again after a restart."
        )

    def _key(self, connector: str, field: str) -> str:
        return f"{connector}:{field}"

    def get(self, connector: str, field: str) -> str | None:
        with self._lock:
            if (connector, field) in self._memory:
                return self._memory[(connector, field)]
        if self.persistent:
            import keyring
            from keyring.errors import KeyringError

            try:
                return keyring.get_password(SERVICE, self._key(connector, field))
            except KeyringError as exc:  # e.g. a locked keyring whose unlock was cancelled
                log.warning("keyring not readable (%s); the secret will be asked for", exc)
        return None

    def set(self, connector: str, field: str, value: str) -> bool:
        """Store the secret; False when the keyring refused it and it is kept in memory only."""
        if self.persistent:
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
        return not self.persistent

    def delete(self, connector: str, field: str) -> None:
        with self._lock:
            self._memory.pop((connector, field), None)
        if self.persistent:
            import keyring
            from keyring.errors import KeyringError, PasswordDeleteError

            try:
                keyring.delete_password(SERVICE, self._key(connector, field))
            except PasswordDeleteError:  # nothing stored: deleting is already done
                return
            except KeyringError as exc:
                log.warning("keyring refused to delete the secret (%s)", exc)
