"""Mailbox connector against real .eml files, an mbox file and a real Dovecot IMAP server."""

from __future__ import annotations

import imaplib
import mailbox
from collections.abc import Sequence
from pathlib import Path

import pytest

from app.connectors.base import BY_HAND, Capability, Finding, MatchStrength, Subject
from app.connectors.mail_store import MailStoreConnector
from app.core.enums import IdentifierKind
from app.core.errors import ConnectorError, ValidationError
from app.core.progress import Progress
from tests.integration.connectors.dovecot_server import (
    IMAP_PASSWORD,
    IMAP_USER,
    dovecot,
    free_port,
)
from tests.integration.connectors.mail_samples import MESSAGES

JAN = Subject("2026-010", "Jan", "Jansen", emails=("jan@example.nl",), customer_numbers=("C-1001",))
# A namesake: same name, different person, different e-mail address.
OTHER_JAN = Subject("2026-011", "Jan", "Jansen", emails=("jan.jansen@other.nl",))

EXPECTED_JAN = {
    "from-jan@example.nl": MatchStrength.STRONG,
    "to-namesake@databalance.example": MatchStrength.WEAK,
    "body-mention@databalance.example": MatchStrength.STRONG,
    "broken@example.com": MatchStrength.WEAK,
    "html-ticket@databalance.example": MatchStrength.STRONG,
}


def strengths(findings: Sequence[Finding]) -> dict[str, MatchStrength]:
    return {f.record_id: f.strength for f in findings}


@pytest.fixture
def eml_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "mail"
    (folder / "sub").mkdir(parents=True)
    for n, (name, raw) in enumerate(MESSAGES.items()):
        (folder / ("sub" if n % 2 else "") / f"{name}.eml").write_bytes(raw)
    (folder / "notes.txt").write_text("jan@example.nl is not an e-mail message")
    return folder


@pytest.fixture
def mbox_file(tmp_path: Path) -> Path:
    path = tmp_path / "support.mbox"
    box = mailbox.mbox(path, create=True)
    for raw in MESSAGES.values():
        box.add(raw)
    box.flush()
    box.close()
    return path


def test_describe_offers_erasure_by_hand_by_default(eml_folder: Path) -> None:
    description = MailStoreConnector.describe()
    assert description.kind == "mailbox"
    assert Capability.ERASE in description.capabilities
    conn = MailStoreConnector("Support", {"source": "eml_folder", "path": str(eml_folder)}, {})
    findings = conn.search(JAN, Progress())
    plan = conn.plan_erasure(findings)
    assert {i.action for i in plan.items} == {BY_HAND}
    assert all(i.reason.startswith("Remove by hand") for i in plan.items)
    assert conn.erase(plan, Progress()) == []  # the officer's task: no result, never "kept"
    assert len(list(eml_folder.rglob("*.eml"))) == 6  # nothing deleted


def test_eml_folder(eml_folder: Path) -> None:
    conn = MailStoreConnector("Support", {"source": "eml_folder", "path": str(eml_folder)}, {})
    assert conn.test_connection() == "6 .eml file(s) found."
    findings = conn.search(JAN, Progress())
    assert strengths(findings) == EXPECTED_JAN
    first = next(f for f in findings if f.record_id == "from-jan@example.nl")
    assert first.fields["subject"] == "Factuur"
    assert first.fields["from"] == "Jan Jansen <jan@example.nl>"
    assert first.matched.kind is IdentifierKind.EMAIL
    assert "delete the message by hand" in first.note
    mention = next(f for f in findings if f.record_id == "body-mention@databalance.example")
    assert "Café gesprek" in mention.fields["snippet"]
    assert "jan@example.nl" in mention.fields["snippet"]
    ticket = next(f for f in findings if f.record_id == "html-ticket@databalance.example")
    assert ticket.matched.kind is IdentifierKind.CUSTOMER_NUMBER
    assert "<b>" not in ticket.fields["snippet"]


def test_mbox_gives_the_same_result(mbox_file: Path) -> None:
    conn = MailStoreConnector("Support", {"source": "mbox", "path": str(mbox_file)}, {})
    assert "6 message(s)" in conn.test_connection()
    assert strengths(conn.search(JAN, Progress())) == EXPECTED_JAN


def test_namesake_name_is_weak_email_is_strong_for_the_right_person(mbox_file: Path) -> None:
    conn = MailStoreConnector("Support", {"source": "mbox", "path": str(mbox_file)}, {})
    found = strengths(conn.search(OTHER_JAN, Progress()))
    assert found["to-namesake@databalance.example"] is MatchStrength.STRONG
    assert found["from-jan@example.nl"] is MatchStrength.WEAK  # same name, other person
    assert "body-mention@databalance.example" not in found
    weak = [f for f in conn.search(OTHER_JAN, Progress()) if f.strength is MatchStrength.WEAK]
    assert all("Only the name matched" in f.note for f in weak)


def test_bad_settings_and_missing_files(tmp_path: Path) -> None:
    with pytest.raises(ValidationError):
        MailStoreConnector("M", {"source": "pop3"}, {})
    with pytest.raises(ValidationError):
        MailStoreConnector("M", {"source": "imap"}, {})
    missing = MailStoreConnector("M", {"source": "mbox", "path": str(tmp_path / "x.mbox")}, {})
    with pytest.raises(ConnectorError, match="does not exist"):
        missing.search(JAN, Progress())


# -- IMAP against a real Dovecot ------------------------------------------------------------

__all__ = ["dovecot"]  # the module-scoped fixture, used by the tests below


def imap_connector(port: int, password: str = IMAP_PASSWORD, **extra: object) -> MailStoreConnector:
    settings = {
        "source": "imap",
        "imap_host": "127.0.0.1",
        "imap_port": port,
        "imap_user": IMAP_USER,
        "imap_ssl": False,
        "timeout_s": 5,
        **extra,
    }
    return MailStoreConnector("Mail server", settings, {"imap_password": password})


def test_imap_search_on_dovecot(dovecot: int) -> None:
    conn = imap_connector(dovecot)
    assert "6 message(s) in INBOX" in conn.test_connection()
    findings = conn.search(JAN, Progress())
    assert strengths(findings) == EXPECTED_JAN
    assert all(f.location == f"imap://127.0.0.1:{dovecot}/INBOX" for f in findings)
    assert strengths(conn.search(OTHER_JAN, Progress()))["to-namesake@databalance.example"] is (
        MatchStrength.STRONG
    )
    # Searching must not change the mailbox: nothing marked as read.
    client = imaplib.IMAP4("127.0.0.1", dovecot)
    client.login(IMAP_USER, IMAP_PASSWORD)
    client.select("INBOX", readonly=True)
    _, seen = client.search(None, "SEEN")
    client.logout()
    assert seen == [b""]


def test_imap_missing_folder(dovecot: int) -> None:
    with pytest.raises(ConnectorError, match="folder 'Nope' does not exist"):
        imap_connector(dovecot, imap_folder="Nope").search(JAN, Progress())


def test_imap_empty_folder(dovecot: int) -> None:
    assert imap_connector(dovecot, imap_folder="Archief").search(JAN, Progress()) == []


# Runs after the others: Dovecot delays further logins from an address that failed one.
def test_imap_wrong_password(dovecot: int) -> None:
    with pytest.raises(ConnectorError, match="refused the login"):
        imap_connector(dovecot, password="wrong").test_connection()


def test_imap_unreachable() -> None:
    with pytest.raises(ConnectorError, match="Cannot reach the IMAP server"):
        imap_connector(free_port()).test_connection()
