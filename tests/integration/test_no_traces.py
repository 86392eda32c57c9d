"""Issue 11.10: after anonymisation or deletion no copy the app made still holds the person."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from app.cli import main
from app.connectors.base import Subject
from app.connectors.tabular_file import TabularFileConnector
from app.core.atomic_file import STALE_PART_S
from app.core.enums import LetterStatus
from app.core.progress import Progress
from app.data.database import Database, online_copy
from app.data.models import Letter
from app.services.connectors import save_connector
from app.services.letters import draft_letter
from app.services.retention import apply_retention
from app.services.traces import _marker_prefix, clean_leftovers, finalising
from tests.integration.rich_case import Person, make_rich_case, new_db

TODAY = date(2026, 11, 20)
PERSON = Person()
NEEDLES = [
    PERSON.email.encode(),
    PERSON.last_name.encode(),
    b"IJsselstein",
    b"Lindeboomsweg",
    PERSON.customer_number.encode(),
]


def hits(*folders: Path) -> list[str]:
    """Every file below ``folders`` whose bytes hold one of the person's identifiers."""
    found = []
    for folder in folders:
        for path in folder.rglob("*"):
            if path.is_file():
                data = path.read_bytes()
                found += [f"{path.name}: {n.decode()}" for n in NEEDLES if n in data]
    return found


def _filled(tmp_path: Path) -> tuple[Database, str, Path, Path]:
    """A data folder with a closed case, a pre-migration backup, a draft letter, and a CSV
    connector whose erasure left a backup and a killed erasure's temporary file."""
    data, systems, inputs = tmp_path / "data", tmp_path / "systems", tmp_path / "inputs"
    for folder in (data, systems, inputs):
        folder.mkdir()
    db = new_db(data, "privacy-desk.sqlite3")
    reference = make_rich_case(db, inputs)
    draft_letter(db, actor="fg", reference=reference, letter_type="acknowledgement")
    db_file = data / "privacy-desk.sqlite3"
    online_copy(db_file, data / "privacy-desk.sqlite3.20260101T000000Z.bak")  # as migrate() does
    csv = systems / "newsletter.csv"
    csv.write_text(
        f"email;name\n{PERSON.email};{PERSON.full_name}\nkees@example.nl;Kees Postma\n",
        encoding="utf-8",
    )
    settings = {"path": str(csv), "identifier_columns": "email=email", "backup_days": "7"}
    save_connector(db, actor="fg", name="Newsletter", kind="tabular_file", settings=settings)
    connector = TabularFileConnector("Newsletter", settings, {})
    subject = Subject(reference, emails=(PERSON.email,))
    findings = connector.search(subject, Progress())
    connector.erase(connector.plan_erasure(findings), Progress())
    assert connector.backups(), "the erasure keeps a backup that still holds the person"
    killed = systems / ".newsletter.csv.k1ll3d.part"  # an erasure killed while writing
    killed.write_bytes(csv.read_bytes() + PERSON.email.encode())
    old = time.time() - STALE_PART_S - 60
    os.utime(killed, (old, old))
    return db, reference, data, systems


@pytest.mark.parametrize("mode", ["anonymise", "delete"])
def test_no_file_holds_the_person_after_retention(tmp_path: Path, mode: str) -> None:
    db, reference, data, systems = _filled(tmp_path)
    assert len(hits(data, systems)) >= 4  # the database, its backup, the CSV backup, the temp

    result = apply_retention(db, actor="fg", references=[reference], mode=mode, today=TODAY)

    db.dispose()  # every file closed as the app leaves it: the WAL is part of the check
    assert hits(data, systems) == []
    removed = {Path(p).name for p in result.copies.removed}
    assert "privacy-desk.sqlite3.20260101T000000Z.bak" in removed
    assert ".newsletter.csv.k1ll3d.part" in removed
    assert any(name.startswith("newsletter.csv.") and name.endswith(".bak") for name in removed)
    assert result.copies.failed == ()
    msgids = [m.msgid for m in result.copies.beyond_reach]
    assert any(m.startswith("Your own backups of this computer") for m in msgids)
    assert any(m.startswith("{n} letter was sent or printed") for m in msgids)  # letters


def test_secure_delete_is_on_for_every_sqlite_connection(tmp_path: Path) -> None:
    db = new_db(tmp_path)
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA secure_delete").scalar() == 1


def _drafts(db: Database) -> list[int]:
    with db.session() as session:
        query = select(Letter.id).where(Letter.status == LetterStatus.DRAFT)
        return list(session.scalars(query))


def test_draft_of_a_killed_finalisation_is_removed_at_the_next_start(tmp_path: Path) -> None:
    db, reference, data, _systems = _filled(tmp_path)
    kept = _drafts(db)  # the officer's own draft: never touched
    orphan = draft_letter(db, actor="fg", reference=reference, letter_type="acknowledgement").id
    with pytest.raises(KeyboardInterrupt), finalising(db, orphan):
        assert len(list(data.glob(".finalising-*"))) == 1  # names the draft while it runs
        raise KeyboardInterrupt  # a failure (Ctrl+C, an error) discards the draft at once
    assert _drafts(db) == kept and list(data.glob(".finalising-*")) == []
    # What `letter --final` leaves when it is killed between drafting and finalising:
    orphan = draft_letter(db, actor="fg", reference=reference, letter_type="acknowledgement").id
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    folder, prefix = _marker_prefix(db)
    killed = folder / f"{prefix}{orphan}"
    killed.write_text(str(dead.pid), encoding="ascii")  # its process is gone
    clean_leftovers(db)
    assert _drafts(db) == kept and not killed.exists()


def test_letter_final_on_the_command_line_leaves_no_marker(tmp_path: Path) -> None:
    db, reference, data, _systems = _filled(tmp_path)
    url = f"sqlite:///{data / 'privacy-desk.sqlite3'}"
    before = _drafts(db)
    out = tmp_path / "letter.pdf"
    args = ["--db", url, "letter", reference, "--type", "acknowledgement", "--final", "--yes"]
    assert main([*args, "--out", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF")
    assert _drafts(db) == before and list(data.glob(".finalising-*")) == []


def test_cli_confirmation_names_what_the_app_cannot_reach(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db, _reference, data, systems = _filled(tmp_path)
    db.dispose()
    url = f"sqlite:///{data / 'privacy-desk.sqlite3'}"
    assert main(["--db", url, "retention", "apply", "--yes"]) == 0
    out = capsys.readouterr().out
    assert "copies made by Privacy Desk (database or connector backups) were removed" in out
    assert "Outside Privacy Desk's reach" in out
    assert "Your own backups" in out
    assert hits(data, systems) == []


def test_leftover_temporary_files_are_removed_at_the_next_start(tmp_path: Path) -> None:
    db, _reference, data, systems = _filled(tmp_path)
    export_left = data / ".register.xlsx.x9y8.part"  # an export killed half-way
    export_left.write_bytes(PERSON.email.encode())
    old = time.time() - STALE_PART_S - 60
    os.utime(export_left, (old, old))
    busy = systems / ".newsletter.csv.busy.part"  # a write still running elsewhere: kept
    busy.write_bytes(b"x")
    removed = {Path(p).name for p in clean_leftovers(db)}
    assert removed == {".register.xlsx.x9y8.part", ".newsletter.csv.k1ll3d.part"}
    assert busy.exists() and not export_left.exists()
