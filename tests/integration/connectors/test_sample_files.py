"""The demo data: files are written, are deterministic, and the connectors find the people."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from app.connectors.base import MatchStrength, Subject
from app.connectors.document_folder import DocumentFolderConnector
from app.connectors.mail_store import MailStoreConnector
from app.connectors.web_logs import WebLogConnector
from app.core.enums import IdentifierKind
from app.core.progress import Progress
from app.demo.sample_files import create_sample_files

PEOPLE = [
    ("Jan Jansen", "jan@example.nl", "C-1001"),
    ("Els de Vries", "els@example.nl", "C-1002"),
    ("Piet Bakker", "piet@example.nl", "C-1003"),
    ("Jan Jansen", "jan.jansen@other.nl", "C-2001"),  # a namesake of the first person
]
NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
CLASSES = {
    "web_logs": WebLogConnector,
    "mailbox": MailStoreConnector,
    "document_folder": DocumentFolderConnector,
}


def test_sample_files_are_found_by_the_connectors(tmp_path: Path) -> None:
    systems = create_sample_files(tmp_path, PEOPLE, now=NOW)
    assert [s.kind for s in systems] == ["web_logs", "mailbox", "document_folder"]
    assert (tmp_path / "weblogs" / "access.log.2.gz").read_bytes()[:2] == b"\x1f\x8b"
    jan = Subject(
        "demo-1",
        "Jan",
        "Jansen",
        emails=("jan@example.nl",),
        customer_numbers=("C-1001",),
        user_ids=("C-1001",),
    )
    results = {}
    for system in systems:
        connector = CLASSES[system.kind](system.name, system.settings, {})
        assert connector.test_connection()
        results[system.kind] = connector.search(jan, Progress())
    logs = results["web_logs"]
    assert {f.record_id.split("|")[0] for f in logs} == {
        "access.log",
        "access.log.1",
        "access.log.2.gz",
    }
    assert all(f.strength is MatchStrength.STRONG for f in logs)
    assert {f.matched.kind for f in logs} == {IdentifierKind.USER_ID, IdentifierKind.EMAIL}
    mails = results["mailbox"]
    assert len(mails) == 2 and all(f.strength is MatchStrength.STRONG for f in mails)
    docs = {f.record_id: f.strength for f in results["document_folder"]}
    assert docs["overeenkomst.pdf"] is MatchStrength.STRONG
    assert docs["klacht.docx"] is MatchStrength.STRONG
    assert docs["scan-brief.pdf"] is MatchStrength.WEAK  # no text layer: check by hand
    assert docs["belnotities.txt"] is MatchStrength.WEAK  # only the namesake's name is there


def test_same_seed_same_files(tmp_path: Path) -> None:
    create_sample_files(tmp_path / "a", PEOPLE, rng_seed=3, now=NOW)
    create_sample_files(tmp_path / "b", PEOPLE, rng_seed=3, now=NOW)
    create_sample_files(tmp_path / "c", PEOPLE, rng_seed=4, now=NOW)
    for name in ("weblogs/access.log", "mail/support.mbox"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    assert (tmp_path / "a" / "weblogs/access.log").read_bytes() != (
        tmp_path / "c" / "weblogs/access.log"
    ).read_bytes()
