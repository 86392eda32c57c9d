"""The audit chain's key: created on first use outside the data, refused when lost or wrong."""

from __future__ import annotations

import stat
from datetime import date
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import select

from app.core.enums import RequestType
from app.core.errors import UserError
from app.core.validation import CaseInput
from app.data.database import current_revision, open_database
from app.data.migration import alembic_config
from app.data.models import AuditEvent, Setting
from app.services.audit_chain import verify
from app.services.audit_key import ENV_KEY, SETTING, forget_cached_keys
from app.services.case_records import add_note
from app.services.cases import register_case

TODAY = date(2026, 11, 24)
LETTER = CaseInput(request_types=(RequestType.ACCESS,), received_on=date(2026, 11, 2),
                   last_name="Berg", street="Dorp 1", postcode="1234 AB", city="Ede")  # fmt: skip


@pytest.fixture
def own_key_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No shared test key, no OS keyring: the key goes to the user data folder."""
    monkeypatch.delenv(ENV_KEY, raising=False)
    monkeypatch.setenv("PRIVACY_DESK_KEYRING", "memory")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    forget_cached_keys()
    yield tmp_path / "data" / "PrivacyDesk" / "audit-keys"
    forget_cached_keys()


def test_key_created_on_first_use_and_lost_key_refused(
    own_key_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = open_database(f"sqlite:///{tmp_path / 'k.sqlite3'}")
    ref = register_case(db, actor="o", data=LETTER, today=TODAY)
    with db.session() as session:
        setting = session.get(Setting, SETTING)
        assert setting is not None
        db_id, fingerprint = setting.value["db_id"], setting.value["key_id"]
    key_file = own_key_folder / f"{db_id}.key"
    assert key_file.is_file() and stat.S_IMODE(key_file.stat().st_mode) == 0o600
    key_hex = key_file.read_text().strip()
    assert len(key_hex) == 64 and key_hex not in (tmp_path / "k.sqlite3").read_bytes().hex()
    assert fingerprint not in key_hex
    assert verify(db).ok

    key_file.rename(tmp_path / "elsewhere.key")  # the key is lost
    forget_cached_keys()
    with pytest.raises(UserError, match="not on this computer"):
        add_note(db, actor="o", reference=ref, text="after the key was lost")
    with pytest.raises(UserError, match="not on this computer"):
        verify(db)
    monkeypatch.setenv(ENV_KEY, "11" * 32)  # a different key is no substitute
    with pytest.raises(UserError, match="not the key"):
        add_note(db, actor="o", reference=ref, text="with another key")
    monkeypatch.setenv(ENV_KEY, key_hex)  # the right key, e.g. shared with a colleague
    add_note(db, actor="o", reference=ref, text="with the key restored")
    assert verify(db).ok
    db.dispose()


def test_events_from_before_the_upgrade_are_chained_in_order_of_id(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    db = open_database(f"sqlite:///{path}")
    ref = register_case(db, actor="o", data=LETTER, today=TODAY)
    add_note(db, actor="o", reference=ref, text="one")
    command.downgrade(alembic_config(db.engine), "0004")  # as the previous version left it
    assert current_revision(db.engine) == "0004"
    db.dispose()
    reopened = open_database(f"sqlite:///{path}")
    with reopened.session() as session:
        assert session.scalar(select(AuditEvent.hash).limit(1)) is None
    add_note(reopened, actor="o", reference=ref, text="two")  # the first chained commit
    result = verify(reopened)
    assert result.ok, result.problems
    with reopened.session() as session:
        ids = list(session.scalars(select(AuditEvent.id).order_by(AuditEvent.chain_seq)))
    assert ids == sorted(ids) and result.events == len(ids) >= 3
    reopened.dispose()


def test_a_chained_event_made_unchained_is_not_chained_again(tmp_path: Path) -> None:
    """Emptying an event's hash does not get an edit re-sealed by the next commit."""
    import sqlite3

    path = tmp_path / "c.sqlite3"
    db = open_database(f"sqlite:///{path}")
    ref = register_case(db, actor="o", data=LETTER, today=TODAY)
    conn = sqlite3.connect(path)
    conn.execute(
        "UPDATE audit_event SET summary = 'edited', hash = NULL, chain_seq = NULL, "
        "prev_hash = NULL, content_hash = NULL"
    )
    conn.commit()
    conn.close()
    add_note(db, actor="o", reference=ref, text="later")
    result = verify(db)
    assert not result.ok
    db.dispose()


def test_audit_key_command_says_where_and_exports(
    own_key_folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    from app.cli import main

    url = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    assert main(["--db", url, "audit", "key"]) == 0
    assert "No audit-trail key yet" in capsys.readouterr().out
    assert main(["--db", url, "case", "add", "--type", "access", "--received", "2026-11-02",
                 "--name", "Jan Berg", "--street", "Dorp 1", "--postcode", "1234 AB",
                 "--city", "Ede"]) == 0  # fmt: skip
    capsys.readouterr()
    assert main(["--db", url, "audit", "key"]) == 0
    out = capsys.readouterr().out
    assert str(own_key_folder) in out
    copy = tmp_path / "key-copy.txt"
    assert main(["--db", url, "audit", "key", "--export", str(copy)]) == 0
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600 and len(copy.read_text().strip()) == 64
    assert main(["--db", url, "audit", "key", "--export", str(copy)]) == 2  # never overwritten
    capsys.readouterr()
    assert main(["--db", url, "audit", "verify", "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] is True and report["head"]["seq"] == report["events"] >= 1
