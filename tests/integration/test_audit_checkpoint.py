"""Issue 11 (e): routine checks verify only the events after the last intact check.

The checkpoint (position and hash) is sealed with the chain key: a checkpoint moved past a
forged event is found. Tampering before the checkpoint is found by the full check.
"""

from __future__ import annotations

import io
import json
import sqlite3
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from app.cli import main
from app.data.database import Database
from app.data.models import AuditEvent, Setting
from app.services.audit_chain import current_head
from app.services.audit_checkpoint import (
    SETTING,
    stored_checkpoint,
    verify_in_full,
    verify_since_checkpoint,
)
from app.services.case_records import add_note
from app.services.reports import case_dossier, yearly_report
from tests.integration.rich_case import make_rich_case, new_db


@pytest.fixture
def rich(tmp_path: Path) -> tuple[Database, str, Path]:
    db = new_db(tmp_path)
    return db, make_rich_case(db, tmp_path), tmp_path / "t.sqlite3"


def _raw(path: Path, sql: str, *params: object) -> None:
    conn = sqlite3.connect(path)
    try:
        conn.execute(sql, params)
        conn.commit()
    finally:
        conn.close()


def _cli(path: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, str]:
    code = main(["--db", f"sqlite:///{path}", "audit", "verify", *extra])
    return code, capsys.readouterr().out


def _dossier_text(db: Database, reference: str, out: Path) -> str:
    case_dossier(db, reference=reference, path=out, actor="fg", lang="en")
    with zipfile.ZipFile(out) as archive:
        pdf = archive.read(f"{reference}-dossier.pdf")
    pages = PdfReader(io.BytesIO(pdf)).pages
    return " ".join(" ".join(p.extract_text() for p in pages).split())


def test_only_newer_events_are_checked_after_a_full_check(
    rich: tuple[Database, str, Path],
) -> None:
    db, reference, _path = rich
    assert stored_checkpoint(db) is None
    first = verify_since_checkpoint(db)  # no checkpoint yet: a full check
    assert first.ok and first.since is None and first.events >= 10
    assert stored_checkpoint(db) == first.head
    for n in range(3):
        add_note(db, actor="fg", reference=reference, text=f"note {n}")
    again = verify_since_checkpoint(db)
    assert again.ok and again.since == first.head
    assert again.events == 3  # only the three new events
    assert stored_checkpoint(db) == again.head == current_head(db)
    assert verify_since_checkpoint(db).events == 0


def test_tampering_before_the_checkpoint_is_caught_by_the_full_check(
    rich: tuple[Database, str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    db, reference, path = rich
    code, out = _cli(path, capsys)
    assert code == 0 and "intact" in out
    assert stored_checkpoint(db) is not None  # the full check remembered its head
    add_note(db, actor="fg", reference=reference, text="after the check")
    with db.session() as session:
        early = session.scalar(select(AuditEvent.id).order_by(AuditEvent.chain_seq).limit(1))
    _raw(path, "UPDATE audit_event SET actor = 'nobody' WHERE id = ?", early)

    code, out = _cli(path, capsys, "--since-checkpoint")
    assert code == 0 and "since the last check" in out  # by design: older events not re-read
    code, out = _cli(path, capsys)
    assert code == 1 and f"event {early}" in out and "BROKEN" in out
    code, out = _cli(path, capsys, "--format", "json")
    answer = json.loads(out)
    assert answer["check"] == "full" and answer["problems"][0]["event_id"] == early


def test_tampering_after_the_checkpoint_is_caught_by_the_fast_check(
    rich: tuple[Database, str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    db, reference, path = rich
    assert verify_in_full(db).ok
    add_note(db, actor="fg", reference=reference, text="after the check")
    newest = current_head(db)
    assert newest is not None
    _raw(path, "UPDATE audit_event SET summary = 'x' WHERE chain_seq = ?", newest.seq)
    code, out = _cli(path, capsys, "--since-checkpoint")
    assert code == 1 and "BROKEN" in out


def test_a_forged_checkpoint_is_reported(
    rich: tuple[Database, str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """Moving the checkpoint past a forged event (without the key) does not hide it."""
    db, reference, path = rich
    assert verify_in_full(db).ok
    add_note(db, actor="fg", reference=reference, text="after the check")
    newest = current_head(db)
    assert newest is not None
    _raw(path, "UPDATE audit_event SET actor = 'nobody' WHERE chain_seq = ?", newest.seq)
    with db.session() as session:
        value = dict(session.get(Setting, SETTING).value)  # type: ignore[union-attr]
    value.update(seq=newest.seq, hash=newest.hash)  # the mac cannot follow without the key
    _raw(path, "UPDATE setting SET value = ? WHERE key = ?", json.dumps(value), SETTING)
    result = verify_since_checkpoint(db)
    assert not result.ok
    assert "checkpoint of the last audit check was changed" in result.problems[0].message
    code, out = _cli(path, capsys, "--since-checkpoint")
    assert code == 1 and "checkpoint" in out


def test_the_dossier_says_which_kind_of_check_it_printed(
    rich: tuple[Database, str, Path],
) -> None:
    db, reference, path = rich
    text = _dossier_text(db, reference, path.parent / "d.zip")
    assert "Kind of check" in text and "Full: every event from the first" in text
    checked = stored_checkpoint(db)
    assert checked is not None
    add_note(db, actor="fg", reference=reference, text="later")
    text = _dossier_text(db, reference, path.parent / "d.zip")
    assert "Since the last check: only the events after" in text
    assert f"#{checked.seq}" in text
    pages = PdfReader(io.BytesIO(yearly_report(db, year=2023, lang="en"))).pages
    yearly = " ".join(" ".join(p.extract_text() for p in pages).split())
    assert "Kind of check" in yearly and "Since the last check" in yearly
