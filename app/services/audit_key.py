"""The audit chain's HMAC key: created on first use, kept in the secret store, never in the data."""

from __future__ import annotations

import logging
import os
import secrets as random_source
import threading
import uuid
from pathlib import Path
from typing import Any, Final

from sqlalchemy.orm import Session

from app.core.audit_chain import KEY_BYTES, key_id
from app.core.errors import UserError
from app.core.i18n import _
from app.data.models import Setting
from app.data.types import utcnow

log = logging.getLogger(__name__)

ENV_KEY: Final = "PRIVACY_DESK_AUDIT_KEY"  # 64 hex digits: a team's shared key, servers, CI
SETTING: Final = "audit_chain"  # {"db_id", "key_id", "created_at"}: no secret in here
SECRET_NAME: Final = "audit-chain"  # keyring entry "audit-chain:<db_id>" of service Privacy Desk
KEY_FOLDER: Final = "audit-keys"  # without an OS keyring: <data dir>/audit-keys/<db_id>.key

_cache: dict[str, bytes] = {}
_cache_lock = threading.Lock()


def chain_setting(session: Session) -> dict[str, Any]:
    from app.services.stored_settings import read_setting  # read once per session

    return read_setting(session, SETTING)


def _key_file(db_id: str) -> Path:
    from app.data.database import data_dir

    return data_dir() / KEY_FOLDER / f"{db_id}.key"


def _parse(text: str, where: str) -> bytes:
    try:
        key = bytes.fromhex(text.strip())
    except ValueError:
        key = b""
    if len(key) != KEY_BYTES:
        raise UserError(
            _(
                "The audit-trail key in {where} is not {n} hexadecimal digits.",
                where=where,
                n=str(2 * KEY_BYTES),
            )
        )
    return key


def _stored_key(db_id: str) -> tuple[bytes | None, str]:
    """The key from the environment, the OS keyring or the key file; and where it was."""
    env = os.environ.get(ENV_KEY, "").strip()
    if env:
        return _parse(env, ENV_KEY), ENV_KEY
    from app.services.secrets import FILE, KEYRING, SecretStore

    store = SecretStore()
    if store.mode == KEYRING:
        text = store.get(SECRET_NAME, db_id)
        return (_parse(text, "the keyring") if text else None), "the keyring"
    if store.mode == FILE:  # the encrypted secrets file; a key made before it is in a key file
        text = store.get(SECRET_NAME, db_id)
        if text:
            return _parse(text, str(store.file_path)), str(store.file_path)
    path = _key_file(db_id)
    if path.is_file():
        return _parse(path.read_text(encoding="ascii"), str(path)), str(path)
    return None, str(path)


def _store_new_key(db_id: str, key: bytes) -> str:
    from app.services.secrets import KEYRING, SecretStore

    store = SecretStore()
    if store.persistent and store.set(SECRET_NAME, db_id, key.hex()):
        return "the keyring" if store.mode == KEYRING else str(store.file_path)
    path = _key_file(db_id)
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(key.hex() + "\n")
    return str(path)


def chain_key(session: Session, *, create: bool = True) -> bytes | None:
    """This database's key; created (and its fingerprint stored) when the chain starts.

    A database whose chain has started but whose key is not here is refused: a new key would
    make every earlier event look forged.
    """
    setting = chain_setting(session)
    db_id = str(setting.get("db_id") or "")
    expected = str(setting.get("key_id") or "")
    with _cache_lock:
        cached = _cache.get(db_id) if db_id else None
    if cached is not None and os.environ.get(ENV_KEY) is None:
        return cached
    if not db_id:
        db_id = uuid.uuid4().hex
    key, where = _stored_key(db_id)
    if key is not None and expected and key_id(key) != expected:
        raise UserError(
            _(
                "The audit-trail key in {where} is not the key this database was sealed with. "
                "Nothing was saved. Use the right key (see 'Audit trail' in the README).",
                where=where,
            )
        )
    if key is None and expected:
        raise UserError(
            _(
                "The audit-trail key of this database is not on this computer (looked in "
                "{where}). Nothing was saved. Restore the key or set {env} (see 'Audit trail' "
                "in the README).",
                where=where,
                env=ENV_KEY,
            )
        )
    if key is None:
        if not create:
            return None
        key = random_source.token_bytes(KEY_BYTES)
        where = _store_new_key(db_id, key)
        log.warning("audit chain: new key created, kept in %s; keep a copy of it", where)
    if not expected:
        row = session.get(Setting, SETTING)
        value = {"db_id": db_id, "key_id": key_id(key), "created_at": utcnow().isoformat()}
        if row is None:
            session.add(Setting(key=SETTING, value=value, updated_by="system"))
        else:
            row.value = value
        session.flush()
    with _cache_lock:
        _cache[db_id] = key
    return key


def forget_cached_keys() -> None:
    """Drop keys held in memory (tests; after the key was replaced by hand)."""
    with _cache_lock:
        _cache.clear()


def describe_key(session: Session) -> tuple[str, str]:
    """(where the key is kept, its fingerprint) for this database; the key itself stays put."""
    setting = chain_setting(session)
    db_id = str(setting.get("db_id") or "")
    if not db_id or not setting.get("key_id"):
        return "", ""
    key, where = _stored_key(db_id)
    return (where if key is not None else ""), str(setting["key_id"])


def export_key(session: Session, target: Path) -> str:
    """Write this database's key (hex) to a new file readable by the user only; its fingerprint."""
    key = chain_key(session, create=False)
    if key is None:
        raise UserError(_("This database has no audit-trail key yet: nothing to export."))
    try:
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError as exc:
        raise UserError(
            _("{path} already exists; choose a new file for the key.", path=str(target))
        ) from exc
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(key.hex() + "\n")
    return key_id(key)
