"""Secrets without an OS keyring: an encrypted file with a passphrase, never "saved" when not."""

from __future__ import annotations

import json
import stat
from datetime import date
from pathlib import Path

import pytest

from app.cli import main
from app.core.enums import RequestType
from app.core.errors import UserError
from app.core.validation import CaseInput
from app.data.database import open_database
from app.services.audit_chain import verify
from app.services.audit_key import ENV_KEY, forget_cached_keys
from app.services.cases import register_case
from app.services.connectors import list_connectors, save_connector
from app.services.secrets import ENV_PASSPHRASE_FILE, FILE, LOCKED, SecretsLocked, SecretStore

PASSPHRASE = "correct horse battery"
IMAP = json.dumps({"source": "imap", "imap_host": "mail.example.nl", "imap_user": "support"})


@pytest.fixture
def no_keyring(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No OS keyring and a private data folder; returns the secrets file's path."""
    monkeypatch.setenv("PRIVACY_DESK_KEYRING", "file")
    monkeypatch.delenv(ENV_PASSPHRASE_FILE, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    return tmp_path / "data" / "PrivacyDesk" / "secrets.enc"


def _passphrase_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str) -> Path:
    path = tmp_path / "passphrase"
    path.write_text(text + "\n", encoding="utf-8")
    path.chmod(0o600)
    monkeypatch.setenv(ENV_PASSPHRASE_FILE, str(path))
    return path


def test_without_a_passphrase_a_secret_is_refused_and_nothing_saved(
    no_keyring: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'cases.sqlite3'}"
    code = main(["--db", url, "connectors", "add", "Postbus", "--kind", "mailbox",
                 "--settings", IMAP, "--secret", "imap_password=Geheim123"])  # fmt: skip
    out, err = capsys.readouterr()
    assert code == 2 and "saved" not in out
    assert ENV_PASSPHRASE_FILE in err and "Nothing was saved" in err
    assert list_connectors(open_database(url)) == []
    assert not no_keyring.exists()
    assert SecretStore().mode == LOCKED


def test_with_a_passphrase_file_the_secret_survives_the_process(
    no_keyring: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    _passphrase_file(tmp_path, monkeypatch, PASSPHRASE)
    url = f"sqlite:///{tmp_path / 'cases.sqlite3'}"
    code = main(["--db", url, "connectors", "add", "Postbus", "--kind", "mailbox",
                 "--settings", IMAP, "--secret", "imap_password=Geheim123"])  # fmt: skip
    out, err = capsys.readouterr()
    assert code == 0, err
    assert (
        "saved Postbus" in out and f"imap_password stored in the encrypted file {no_keyring}" in out
    )
    assert stat.S_IMODE(no_keyring.stat().st_mode) == 0o600
    assert b"Geheim123" not in no_keyring.read_bytes()
    again = SecretStore()  # the next process
    assert again.mode == FILE and again.get("Postbus", "imap_password") == "Geheim123"
    [info] = list_connectors(open_database(url), secrets=again)
    assert info.missing_secrets == ()

    _passphrase_file(tmp_path, monkeypatch, "a wrong passphrase")
    with pytest.raises(UserError, match="does not open the secrets file"):
        SecretStore().get("Postbus", "imap_password")
    code = main(["--db", url, "connectors", "add", "Postbus", "--kind", "mailbox",
                 "--settings", IMAP, "--secret", "imap_password=Other"])  # fmt: skip
    assert code == 2 and "does not open" in capsys.readouterr().err
    store = SecretStore(passphrase=PASSPHRASE)
    assert store.get("Postbus", "imap_password") == "Geheim123"  # unchanged
    store.delete("Postbus", "imap_password")
    assert SecretStore(passphrase=PASSPHRASE).get("Postbus", "imap_password") is None


def test_a_new_secrets_file_needs_a_passphrase_of_eight_characters(no_keyring: Path) -> None:
    store = SecretStore()
    assert store.needs_passphrase
    with pytest.raises(SecretsLocked):
        store.set("X", "password", "p")
    with pytest.raises(UserError, match="at least 8 characters"):
        store.unlock("short")
    store.unlock(PASSPHRASE)
    assert store.mode == FILE and store.set("X", "password", "p")
    with pytest.raises(UserError, match="does not open"):
        SecretStore().unlock("not the passphrase")


def test_a_damaged_secrets_file_is_named_and_left_alone(no_keyring: Path) -> None:
    no_keyring.parent.mkdir(parents=True)
    no_keyring.write_text("{not json", encoding="utf-8")
    with pytest.raises(UserError, match="damaged"):
        SecretStore(passphrase=PASSPHRASE).get("X", "password")
    assert no_keyring.read_text(encoding="utf-8") == "{not json"


def test_a_password_in_a_connector_url_goes_to_the_store_never_to_the_database(
    no_keyring: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _passphrase_file(tmp_path, monkeypatch, PASSPHRASE)
    mapping = tmp_path / "m.toml"
    mapping.write_text('[[tables]]\nname = "t"\nprimary_key = "id"\n', encoding="utf-8")
    path = tmp_path / "cases.sqlite3"
    db = open_database(f"sqlite:///{path}")
    store = SecretStore()
    settings = {
        "url": "postgresql+psycopg://privacy:Zeer%40Geheim7@db.example.nl:5432/portal",
        "erase_url": "postgresql+psycopg://wissen:WisGeheim8@db.example.nl/portal",
        "mapping_file": str(mapping),
    }
    save_connector(db, actor="o", name="Portal", kind="sql", settings=settings, secrets=store)
    [info] = list_connectors(db, secrets=store)
    assert info.settings["url"] == "postgresql+psycopg://privacy@db.example.nl:5432/portal"
    assert info.settings["erase_url"] == "postgresql+psycopg://wissen@db.example.nl/portal"
    assert info.missing_secrets == ()
    assert store.get("Portal", "password") == "Zeer@Geheim7"
    assert SecretStore().get("Portal", "erase_password") == "WisGeheim8"
    db.dispose()
    for file in tmp_path.glob("cases.sqlite3*"):  # the database, its WAL and shared memory
        data = file.read_bytes()
        for secret in (b"Zeer", b"Geheim7", b"WisGeheim8", b"Zeer%40Geheim7"):
            assert secret not in data, (file.name, secret)
    # A kind with no place for a password refuses one in its address.
    with pytest.raises(UserError):
        stats = {"base_url": "https://u:pw@stats.example.nl/", "site_ids": "1"}
        save_connector(open_database(f"sqlite:///{path}"), actor="o", name="Stats",
                       kind="matomo", secrets=store, settings=stats)  # fmt: skip


def test_the_audit_key_goes_to_the_encrypted_file_without_a_keyring(
    no_keyring: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(ENV_KEY, raising=False)
    _passphrase_file(tmp_path, monkeypatch, PASSPHRASE)
    forget_cached_keys()
    try:
        db = open_database(f"sqlite:///{tmp_path / 'k.sqlite3'}")
        register_case(db, actor="o", today=date(2026, 11, 24), data=CaseInput(
            request_types=(RequestType.ACCESS,), received_on=date(2026, 11, 2),
            last_name="Berg", street="Dorp 1", postcode="1234 AB", city="Ede"))  # fmt: skip
        assert no_keyring.is_file()
        assert not (no_keyring.parent / "audit-keys").exists()  # no plain key file
        forget_cached_keys()
        assert verify(db).ok  # read back from the encrypted file
        monkeypatch.delenv(ENV_PASSPHRASE_FILE)  # locked: the key is not reachable
        forget_cached_keys()
        with pytest.raises(UserError, match="not on this computer"):
            verify(db)
    finally:
        forget_cached_keys()
