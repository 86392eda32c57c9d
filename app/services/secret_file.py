"""Secrets in a file encrypted with a passphrase (scrypt, AES-GCM), for computers without keyring.

Why ``cryptography`` and not ``keyrings.cryptfile``: it is already in the lock and in the
bundle (no new native packages for PyInstaller), its scrypt and AES-GCM are the standard
primitives, and the file format stays ours: written atomically (a crash leaves the old or the
new file), private (0600), and a wrong passphrase is told apart from a damaged file.

File format (JSON): ``{"format": "privacy-desk-secrets", "version": 1, "kdf": "scrypt",
"n", "r", "p", "salt", "nonce", "ciphertext"}`` (bytes in base64). The plaintext is a JSON
object ``{"<connector>:<field>": "<secret>"}``. Every write uses a fresh nonce.
"""

from __future__ import annotations

import base64
import json
import os
import threading
from pathlib import Path
from typing import Any, Final

from app.core.atomic_file import atomic_write
from app.core.errors import UserError
from app.core.i18n import _

FORMAT: Final = "privacy-desk-secrets"
SCRYPT_N: Final = 2**15  # about 32 MB and 0.1 s: a guessing attacker pays that per try
SCRYPT_R: Final = 8
SCRYPT_P: Final = 1
SALT_BYTES: Final = 16
NONCE_BYTES: Final = 12
MIN_PASSPHRASE: Final = 8


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: Any) -> bytes:
    return base64.b64decode(str(text).encode("ascii"), validate=True)


def _derive(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(passphrase.encode("utf-8"))


class EncryptedSecretFile:
    """The secrets of one user, in one encrypted file; unlocked by its passphrase."""

    def __init__(self, path: Path, passphrase: str) -> None:
        self.path = path
        self._lock = threading.Lock()
        if not self.path.exists() and len(passphrase) < MIN_PASSPHRASE:
            raise UserError(
                _(
                    "The passphrase for the secrets file must have at least {n} characters.",
                    n=MIN_PASSPHRASE,
                )
            )
        self._passphrase = passphrase
        self._entries = self._read()  # also proves the passphrase before anything is written
        if not self.path.exists():  # a new file: the passphrase is fixed from now on
            self._write({})

    def _read(self) -> dict[str, str]:
        if not self.path.exists():
            return {}
        try:
            doc = json.loads(self.path.read_text(encoding="utf-8"))
            if doc.get("format") != FORMAT or doc.get("version") != 1:
                raise KeyError(FORMAT)  # reported below as not a secrets file
            salt, nonce = _unb64(doc["salt"]), _unb64(doc["nonce"])
            ciphertext = _unb64(doc["ciphertext"])
            key = _derive(self._passphrase, salt, int(doc["n"]), int(doc["r"]), int(doc["p"]))
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise UserError(
                _(
                    "The secrets file {path} is damaged or not a Privacy Desk secrets file. "
                    "Restore it from a backup, or move it away and enter the passwords again.",
                    path=str(self.path),
                )
            ) from exc
        from cryptography.exceptions import InvalidTag
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        try:
            plain = AESGCM(key).decrypt(nonce, ciphertext, FORMAT.encode("ascii"))
        except InvalidTag as exc:
            raise UserError(
                _(
                    "The passphrase does not open the secrets file {path}. Nothing was "
                    "changed. Give the right passphrase.",
                    path=str(self.path),
                )
            ) from exc
        entries = json.loads(plain.decode("utf-8"))
        return {str(k): str(v) for k, v in entries.items()}

    def _write(self, entries: dict[str, str]) -> None:
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        salt, nonce = os.urandom(SALT_BYTES), os.urandom(NONCE_BYTES)
        key = _derive(self._passphrase, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
        plain = json.dumps(entries, sort_keys=True).encode("utf-8")
        doc = {
            "format": FORMAT,
            "version": 1,
            "kdf": "scrypt",
            "n": SCRYPT_N,
            "r": SCRYPT_R,
            "p": SCRYPT_P,
            "salt": _b64(salt),
            "nonce": _b64(nonce),
            "ciphertext": _b64(AESGCM(key).encrypt(nonce, plain, FORMAT.encode("ascii"))),
        }
        self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        with atomic_write(self.path) as temp:
            temp.write_text(json.dumps(doc), encoding="utf-8")

    def get(self, key: str) -> str | None:
        with self._lock:
            return self._entries.get(key)

    def set(self, key: str, value: str) -> None:
        with self._lock:
            entries = {**self._read(), key: value}  # another process may have added one
            self._write(entries)
            self._entries = entries

    def delete(self, key: str) -> None:
        with self._lock:
            entries = self._read()
            if entries.pop(key, None) is not None:
                self._write(entries)
            self._entries = entries
