"""Passwords that older versions left inside connector addresses leave the database at start."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
import sqlalchemy as sa

from app.cli import main
from app.data.database import open_database
from app.data.models import ConnectorConfig
from app.services.secrets import ENV_PASSPHRASE_FILE, SecretStore

PASSWORD = "Zeer%Geheim#9"
PASSPHRASE = "correct horse battery"
MAPPING = """[[tables]]
name = "people"
primary_key = "id"
category = "contact details"
erasure = "delete_row"
[tables.identifiers]
email = "email"
[tables.columns.email]
field = "e-mail address"
"""


@pytest.fixture
def protected_source() -> Iterator[tuple[str, str]]:
    """A MariaDB database and a login that needs PASSWORD: (URL with it, URL without it)."""
    base_url = os.environ.get("PRIVACY_DESK_TEST_MARIADB_URL")
    if not base_url:
        pytest.skip("set PRIVACY_DESK_TEST_MARIADB_URL")
    base = sa.make_url(base_url)
    name = f"{base.database}_pw_{uuid.uuid4().hex[:6]}"
    admin = sa.create_engine(base_url)
    with admin.begin() as conn:
        conn.exec_driver_sql(f"CREATE DATABASE {name}")
        conn.exec_driver_sql(f"CREATE TABLE {name}.people (id INT PRIMARY KEY, email TEXT)")
        conn.exec_driver_sql(f"INSERT INTO {name}.people VALUES (1, 'jan@example.com')")
        secret = PASSWORD.replace("%", "%%")  # the driver's own placeholder sign
        conn.exec_driver_sql(f"CREATE USER '{name}'@'127.0.0.1' IDENTIFIED BY '{secret}'")
        conn.exec_driver_sql(f"GRANT SELECT ON {name}.* TO '{name}'@'127.0.0.1'")
    host = f"{base.host}:{base.port or 3306}"
    bare = f"mysql+pymysql://{name}@{host}/{name}"
    try:
        yield f"mysql+pymysql://{name}:{quote(PASSWORD, safe='')}@{host}/{name}", bare
    finally:
        with admin.begin() as conn:
            conn.exec_driver_sql(f"DROP USER '{name}'@'127.0.0.1'")
            conn.exec_driver_sql(f"DROP DATABASE {name}")
        admin.dispose()


@pytest.fixture
def no_keyring(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PRIVACY_DESK_KEYRING", "file")
    monkeypatch.delenv(ENV_PASSPHRASE_FILE, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))


def _old_style_case_base(tmp_path: Path, url: str) -> str:
    """A case base as an older version left it: the password inside the connector's address."""
    mapping = tmp_path / "people.toml"
    mapping.write_text(MAPPING, encoding="utf-8")
    cases = f"sqlite:///{tmp_path / 'cases.sqlite3'}"
    db = open_database(cases)
    with db.session() as session:
        settings = {"url": url, "mapping_file": str(mapping)}
        session.add(ConnectorConfig(name="Portal", kind="sql", settings=settings))
    db.dispose()
    return cases


def _occurrences(tmp_path: Path) -> int:
    """How often the password's bytes are in the database file, its WAL and shared memory."""
    needles = [PASSWORD.encode(), quote(PASSWORD, safe="").encode(), b"Geheim"]
    files = list(tmp_path.glob("cases.sqlite3*"))
    assert files
    return sum(f.read_bytes().count(n) for f in files for n in needles)


@pytest.mark.mariadb
def test_at_start_the_password_moves_to_the_store_and_the_login_still_works(
    protected_source: tuple[str, str],
    no_keyring: None,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    url, bare = protected_source
    engine = sa.create_engine(bare)
    with pytest.raises(sa.exc.OperationalError):  # the login really needs its password
        engine.connect().close()
    engine.dispose()
    cases = _old_style_case_base(tmp_path, url)
    assert _occurrences(tmp_path) > 0  # the old row holds it: the check below can fail

    # Without a passphrase the store cannot keep it: nothing changes, the officer is told.
    assert main(["--db", cases, "connectors", "list"]) == 0
    err = capsys.readouterr().err
    assert "note: " in err and "Portal" in err and ENV_PASSPHRASE_FILE in err
    db = open_database(cases)
    with db.session() as session:
        row = session.scalar(sa.select(ConnectorConfig))
        assert row is not None and row.settings["url"] == url  # never lost
    db.dispose()

    phrase = tmp_path / "passphrase"
    phrase.write_text(PASSPHRASE + "\n", encoding="utf-8")
    monkeypatch.setenv(ENV_PASSPHRASE_FILE, str(phrase))
    assert main(["--db", cases, "connectors", "test", "Portal"]) == 0  # the next start
    out, err = capsys.readouterr()
    assert "Connected to mysql" in out, (out, err)
    assert "note: " not in err
    assert SecretStore().get("Portal", "password") == PASSWORD
    db = open_database(cases)
    with db.session() as session:
        row = session.scalar(sa.select(ConnectorConfig))
        assert row is not None and row.settings["url"] == bare
    db.dispose()
    assert _occurrences(tmp_path) == 0
    assert main(["--db", cases, "connectors", "test", "Portal"]) == 0  # and again, from the store
    assert "Connected to mysql" in capsys.readouterr().out
