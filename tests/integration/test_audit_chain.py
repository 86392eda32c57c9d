"""The keyed audit chain: forgeries in the SQLite file are found and named; retention verifies."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from app.cli import main
from app.core.audit_chain import GENESIS, canonical_json, content_digest
from app.core.enums import DocumentKind, IdentityMethod, IdentityOutcome
from app.data.database import Database
from app.data.models import AuditEvent, Case
from app.services.audit_chain import verify
from app.services.case_documents import add_document, record_identity_check
from app.services.retention import apply_retention
from tests.integration.rich_case import Person, make_rich_case, new_db, pdf_with_text

TODAY = date(2026, 11, 20)


@pytest.fixture
def rich(tmp_path: Path) -> tuple[Database, str, Path]:
    db = new_db(tmp_path)
    reference = make_rich_case(db, tmp_path)
    return db, reference, tmp_path / "t.sqlite3"


def _raw(path: Path, sql: str, *params: object) -> None:
    conn = sqlite3.connect(path)
    try:
        conn.execute(sql, params)
        conn.commit()
    finally:
        conn.close()


def _events(db: Database, reference: str) -> list[AuditEvent]:
    with db.session() as session:
        case_id = session.scalar(select(Case.id).where(Case.reference == reference))
        return list(
            session.scalars(
                select(AuditEvent).where(AuditEvent.case_id == case_id).order_by(AuditEvent.id)
            )
        )


def _verify_cli(db_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["--db", f"sqlite:///{db_path}", "audit", "verify"])
    out, _ = capsys.readouterr()
    return code, out


def test_an_intact_trail_verifies(
    rich: tuple[Database, str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    db, reference, path = rich
    result = verify(db)
    assert result.ok, result.problems
    assert result.events >= 10 and result.documents >= 2
    assert result.head is not None and result.head.seq == result.events
    events = _events(db, reference)
    assert all(e.hash and e.prev_hash and e.content_hash and e.chain_seq for e in events)
    code, out = _verify_cli(path, capsys)
    assert code == 0 and "intact" in out and result.head.hash in out


def test_an_edited_event_is_named(
    rich: tuple[Database, str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    db, reference, path = rich
    target = _events(db, reference)[3]
    _raw(path, "UPDATE audit_event SET summary = 'nothing happened' WHERE id = ?", target.id)
    result = verify(db)
    assert not result.ok
    first = result.problems[0]
    assert (first.event_id, first.reference) == (target.id, reference)
    assert first.at == target.at
    code, out = _verify_cli(path, capsys)
    assert code == 1 and f"event {target.id}" in out and reference in out


def test_an_edited_actor_or_time_is_found(rich: tuple[Database, str, Path]) -> None:
    db, reference, path = rich
    target = _events(db, reference)[2]
    _raw(path, "UPDATE audit_event SET actor = 'someone.else' WHERE id = ?", target.id)
    assert verify(db).problems[0].event_id == target.id
    _raw(path, "UPDATE audit_event SET actor = ? WHERE id = ?", target.actor, target.id)
    assert verify(db).ok
    _raw(path, "UPDATE audit_event SET at = '2020-01-01 00:00:00.000000' WHERE id = ?", target.id)
    assert verify(db).problems[0].event_id == target.id


def test_a_deleted_event_is_found(
    rich: tuple[Database, str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    db, reference, path = rich
    events = _events(db, reference)
    _raw(path, "DELETE FROM audit_event WHERE id = ?", events[4].id)
    result = verify(db)
    assert not result.ok and result.problems[0].event_id == events[5].id
    assert "missing" in result.problems[0].message
    assert _verify_cli(path, capsys)[0] == 1


def test_swapped_events_are_found(rich: tuple[Database, str, Path]) -> None:
    db, reference, path = rich
    a, b = _events(db, reference)[2:4]
    # Swap their places in the chain (as a reorder would) ...
    _raw(path, "UPDATE audit_event SET chain_seq = -1 WHERE id = ?", a.id)
    _raw(path, "UPDATE audit_event SET chain_seq = ? WHERE id = ?", a.chain_seq, b.id)
    _raw(path, "UPDATE audit_event SET chain_seq = ? WHERE id = ?", b.chain_seq, a.id)
    assert not verify(db).ok
    _raw(path, "UPDATE audit_event SET chain_seq = -1 WHERE id = ?", a.id)
    _raw(path, "UPDATE audit_event SET chain_seq = ? WHERE id = ?", b.chain_seq, b.id)
    _raw(path, "UPDATE audit_event SET chain_seq = ? WHERE id = ?", a.chain_seq, a.id)
    assert verify(db).ok
    # ... and swap their ids (every column moves with the id).
    _raw(path, "UPDATE audit_event SET id = -1 WHERE id = ?", a.id)
    _raw(path, "UPDATE audit_event SET id = ? WHERE id = ?", a.id, b.id)
    _raw(path, "UPDATE audit_event SET id = ? WHERE id = -1", b.id)
    result = verify(db)
    assert not result.ok and result.problems[0].event_id in (a.id, b.id)


def test_an_inserted_event_is_found(rich: tuple[Database, str, Path]) -> None:
    db, reference, path = rich
    last = _events(db, reference)[-1]
    _raw(
        path,
        "INSERT INTO audit_event (case_id, at, actor, action, summary) VALUES (?, ?, ?, ?, ?)",
        last.case_id,
        "2023-04-04 10:00:00.000000",
        "m.devries",
        "note_added",
        "backdated",
    )
    result = verify(db)
    assert not result.ok and "not in the chain" in result.problems[0].message


def test_a_plain_sha256_chain_without_the_key_is_refused(rich: tuple[Database, str, Path]) -> None:
    """Someone with the file but not the key edits an event and recomputes an unkeyed chain."""
    db, reference, path = rich
    target = _events(db, reference)[1]
    _raw(path, "UPDATE audit_event SET summary = 'forged' WHERE id = ?", target.id)
    conn = sqlite3.connect(path)
    rows = conn.execute(
        "SELECT id, case_id, at, actor, action, summary, before, after, chain_seq FROM audit_event "
        "ORDER BY chain_seq"
    ).fetchall()
    prev = GENESIS
    for id_, case_id, at, actor, action, summary, before, after, seq in rows:
        content = content_digest(
            summary, None if before is None else json.loads(before), json.loads(after or "null")
        )
        data = {"v": 1, "seq": seq, "prev": prev, "id": id_, "case_id": case_id,
                "at": at.replace(" ", "T") + "Z", "actor": actor, "action": action,
                "content": content}  # fmt: skip
        value = hashlib.sha256(canonical_json(data)).hexdigest()
        conn.execute(
            "UPDATE audit_event SET prev_hash = ?, content_hash = ?, hash = ? WHERE id = ?",
            (prev, content, value, id_),
        )
        prev = value
    conn.commit()
    conn.close()
    result = verify(db)
    assert not result.ok
    assert result.problems[0].event_id == rows[0][0]  # not one event verifies without the key
    assert "keyed hash" in result.problems[0].message


def test_retention_deletion_and_anonymisation_still_verify(tmp_path: Path) -> None:
    db = new_db(tmp_path)
    deleted = make_rich_case(db, tmp_path)
    other = tmp_path / "other"
    other.mkdir()
    person = Person(email="kees@voorbeeld.nl", customer_number="DB-1", ip="203.0.113.9")
    anonymised = make_rich_case(db, other, person)
    assert verify(db).ok
    before = verify(db).head
    apply_retention(db, actor="fg", references=[deleted], mode="delete", today=TODAY)
    apply_retention(db, actor="fg", references=[anonymised], mode="anonymise", today=TODAY)
    result = verify(db)
    assert result.ok, result.problems
    assert result.head is not None and before is not None and result.head.seq == before.seq + 2
    with db.session() as session:
        tomb = session.scalars(select(AuditEvent).where(AuditEvent.action == "case_deleted")).one()
        assert tomb.after is not None and len(tomb.after["tombstone"]["removed"]) > 5
    # A redacted (anonymised) event may not be edited any more than another one.
    path = tmp_path / "t.sqlite3"
    _raw(path, "UPDATE audit_event SET actor = 'x' WHERE action = 'note_added'")
    assert not verify(db).ok


def test_a_changed_document_is_named(
    rich: tuple[Database, str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    db, reference, path = rich
    _raw(path, "UPDATE document SET content = ? WHERE id = (SELECT min(id) FROM document)", b"x")
    with db.session() as session:
        doc_id = session.scalar(select(AuditEvent.id).limit(1))  # just to open a session
    result = verify(db)
    assert not result.ok
    first = result.problems[0]
    assert first.document_id is not None and first.reference == reference
    assert "SHA-256" in first.message and doc_id is not None
    code, out = _verify_cli(path, capsys)
    assert code == 1 and f"document {first.document_id}" in out


def test_a_document_hash_rewritten_to_match_is_found(rich: tuple[Database, str, Path]) -> None:
    db, _, path = rich
    sha = hashlib.sha256(b"x").hexdigest()
    _raw(
        path,
        "UPDATE document SET content = ?, sha256 = ? WHERE id = (SELECT min(id) FROM document)",
        b"x",
        sha,
    )
    result = verify(db)
    assert not result.ok and "stored SHA-256" in result.problems[0].message


def test_id_copies_deleted_by_policy_verify_but_silent_removal_does_not(
    rich: tuple[Database, str, Path],
) -> None:
    db, reference, path = rich
    scan = pdf_with_text(path.parent / "id.pdf", ["ID"])
    add_document(
        db, actor="a", reference=reference, path=scan, kind=DocumentKind.ID_COPY, masked=True
    )
    record_identity_check(
        db,
        actor="a",
        reference=reference,
        method=IdentityMethod.ID_DOCUMENT_SEEN,
        outcome=IdentityOutcome.VERIFIED,
        checked_on=date(2023, 4, 1),
        document_type="passport",
        today=TODAY,
    )
    assert verify(db).ok
    _raw(path, "UPDATE document SET content = NULL WHERE id = (SELECT min(id) FROM document)")
    result = verify(db)
    assert not result.ok and "without a deletion event" in result.problems[0].message


def _pdf_text(pdf: bytes) -> str:
    import io

    from pypdf import PdfReader

    return " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())


def test_dossier_and_yearly_report_print_the_check_and_the_head(
    rich: tuple[Database, str, Path],
) -> None:
    import zipfile

    from app.services.reports import case_dossier, yearly_report

    db, reference, path = rich
    head = verify(db).head
    assert head is not None
    out = path.parent / "dossier.zip"
    case_dossier(db, reference=reference, path=out, actor="fg", lang="en")
    with zipfile.ZipFile(out) as archive:
        pdf = archive.read(f"{reference}-dossier.pdf")
    text = _pdf_text(pdf)
    assert "Audit trail check" in text and "Intact:" in text
    assert head.hash[:40] in text.replace(" ", "")
    yearly = _pdf_text(yearly_report(db, year=2023, lang="nl"))
    assert "Controle van de audittrail" in yearly and "Intact:" in yearly
    assert verify(db).head.hash[:40] in yearly.replace(" ", "")  # type: ignore[union-attr]

    # The dossier checks the events after the last intact check: tamper with a newer one.
    from app.services.case_records import add_note

    add_note(db, actor="fg", reference=reference, text="later")
    target = _events(db, reference)[-1]
    _raw(path, "UPDATE audit_event SET summary = 'nothing' WHERE id = ?", target.id)
    case_dossier(db, reference=reference, path=out, actor="fg", lang="nl")
    with zipfile.ZipFile(out) as archive:
        text = _pdf_text(archive.read(f"{reference}-dossier.pdf"))
    assert "GEBROKEN" in text and f"event {target.id}" in text


def test_a_kept_head_detects_the_newest_events_cut_off(rich: tuple[Database, str, Path]) -> None:
    """Truncation passes a full check (documented), but not a check against a head kept."""
    db, _, path = rich
    kept = verify(db).head
    assert kept is not None
    _raw(path, "DELETE FROM audit_event WHERE chain_seq >= ?", kept.seq - 1)
    assert verify(db).ok  # the shorter chain is consistent in itself
    result = verify(db, since=kept)
    assert not result.ok and "missing" in result.problems[0].message


def test_checking_from_a_head_survives_retention(tmp_path: Path) -> None:
    db = new_db(tmp_path)
    reference = make_rich_case(db, tmp_path)
    kept = verify(db).head  # the case's own last event
    assert kept is not None
    apply_retention(db, actor="fg", references=[reference], mode="delete", today=TODAY)
    result = verify(db, since=kept)
    assert result.ok, result.problems
    assert result.events == 1  # only the tombstone came after the head kept


def test_retention_keeps_the_chain_on_both_databases(db: Database, tmp_path: Path) -> None:
    """The same tombstones on PostgreSQL (JSON, timestamps and locking as the server does them)."""
    first = make_rich_case(db, tmp_path)
    other = tmp_path / "other"
    other.mkdir()
    person = Person(email="kees@voorbeeld.nl", customer_number="DB-1", ip="203.0.113.9")
    second = make_rich_case(db, other, person)
    assert verify(db).ok
    apply_retention(db, actor="fg", references=[second], mode="delete", today=TODAY)
    apply_retention(db, actor="fg", references=[first], mode="anonymise", today=TODAY)
    result = verify(db)
    assert result.ok, result.problems
    with db.session() as session:
        seqs = list(session.scalars(select(AuditEvent.chain_seq).order_by(AuditEvent.chain_seq)))
    assert len(seqs) == len(set(seqs)) and result.head is not None
    assert result.head.seq > len(seqs)  # the deleted case's places stay taken


def test_a_document_added_outside_the_app_is_found(rich: tuple[Database, str, Path]) -> None:
    db, reference, path = rich
    content = b"%PDF-1.4 planted"
    _raw(
        path,
        "INSERT INTO document (case_id, kind, filename, media_type, sha256, size, content, final,"
        " masked, delete_after_check, deleted_reason, created_at, created_by) SELECT case_id,"
        " kind, 'planted.pdf', media_type, ?, ?, ?, 1, 0, 0, '', created_at, created_by"
        " FROM document WHERE id = (SELECT min(id) FROM document)",
        hashlib.sha256(content).hexdigest(),
        len(content),
        content,
    )
    result = verify(db)
    assert not result.ok and "not in the audit trail" in result.problems[0].message
    assert "planted.pdf" in result.problems[0].message and result.problems[0].reference == reference


def test_a_rolled_back_savepoint_keeps_the_events_before_it_pending(tmp_path: Path) -> None:
    """Registering the first case of a year may retry in a savepoint; every event is sealed."""
    from sqlalchemy.exc import IntegrityError

    from app.data.models import ReferenceCounter
    from app.services import audit

    db = new_db(tmp_path)
    with db.session() as session:  # the chain has started
        audit.record(session, case=None, actor="a", action="settings_changed", summary="zero")
    with db.session() as session:
        audit.record(session, case=None, actor="a", action="settings_changed", summary="one")
        try:
            with session.begin_nested():
                session.add(ReferenceCounter(year=2026, last_seq=0))
                session.add(ReferenceCounter(year=2026, last_seq=1))
                session.flush()
        except IntegrityError:
            pass
        audit.record(session, case=None, actor="a", action="settings_changed", summary="two")
    with db.session() as session:
        assert session.scalar(select(AuditEvent.id).where(AuditEvent.hash.is_(None))) is None
    assert verify(db).ok and verify(db).events == 3
