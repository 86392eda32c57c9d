"""Mailbox connector against real .eml files, an mbox file and a real Dovecot IMAP server."""

from __future__ import annotations

import imaplib
import mailbox
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from app.connectors.base import Capability, Finding, MatchStrength, Outcome, Subject
from app.connectors.mail_store import MailStoreConnector
from app.core.enums import IdentifierKind
from app.core.errors import ConnectorError, ValidationError
from app.core.progress import Progress

JAN = Subject("2026-010", "Jan", "Jansen", emails=("jan@example.nl",), customer_numbers=("C-1001",))
# A namesake: same name, different person, different e-mail address.
OTHER_JAN = Subject("2026-011", "Jan", "Jansen", emails=("jan.jansen@other.nl",))

MESSAGES: dict[str, bytes] = {
    "from-jan": (
        b"From: Jan Jansen <jan@example.nl>\r\nTo: support@databalance.example\r\n"
        b"Subject: Factuur\r\nDate: Mon, 02 Nov 2026 10:00:00 +0100\r\n"
        b"Message-ID: <from-jan@example.nl>\r\n\r\nMijn factuur klopt niet.\r\n"
    ),
    "to-namesake": (
        b"From: support@databalance.example\r\nTo: Jan Jansen <jan.jansen@other.nl>\r\n"
        b"Subject: Re: storing\r\nDate: Tue, 03 Nov 2026 09:00:00 +0100\r\n"
        b"Message-ID: <to-namesake@databalance.example>\r\n\r\nWe hebben het opgelost.\r\n"
    ),
    "body-mention-latin1": (
        b"From: collega@databalance.example\r\nTo: support@databalance.example\r\n"
        b"Subject: Terugbellen\r\nDate: Wed, 04 Nov 2026 09:00:00 +0100\r\n"
        b"Message-ID: <body-mention@databalance.example>\r\nMIME-Version: 1.0\r\n"
        b"Content-Type: text/plain; charset=iso-8859-1\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
        b"Caf\xe9 gesprek: hij wil antwoord op jan@example.nl over het contract.\r\n"
    ),
    "broken-charset": (
        b"From: onbekend@example.com\r\nTo: support@databalance.example\r\n"
        b"Subject: =?utf-8?q?kapot=ZZ?= onderwerp\r\nDate: not a date\r\n"
        b"Message-ID: <broken@example.com>\r\nMIME-Version: 1.0\r\n"
        b"Content-Type: text/plain; charset=x-no-such-charset\r\n"
        b"Content-Transfer-Encoding: 8bit\r\n\r\n"
        b"Namens Jan   Jansen\r\n(verzonden met \xff\xfe rommel)\r\n"
    ),
    "html-base64": (
        b"From: portal@databalance.example\r\nTo: support@databalance.example\r\n"
        b"Subject: Nieuw ticket\r\nDate: Thu, 05 Nov 2026 09:00:00 +0100\r\n"
        b"Message-ID: <html-ticket@databalance.example>\r\nMIME-Version: 1.0\r\n"
        b"Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        b"PHA+VGlja2V0IHZvb3Iga2xhbnQgPGI+Qy0xMDAxPC9iPjwvcD4=\r\n"
    ),
    "unrelated": (
        b"From: leverancier@example.com\r\nTo: support@databalance.example\r\n"
        b"Subject: Onderhoud\r\nDate: Fri, 06 Nov 2026 09:00:00 +0100\r\n"
        b"Message-ID: <unrelated@example.com>\r\n\r\nZaterdag onderhoud. Jan komt niet.\r\n"
    ),
}

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
    assert {i.action for i in plan.items} == {"keep"}
    assert all(i.reason.startswith("Remove by hand") for i in plan.items)
    results = conn.erase(plan, Progress())
    assert {r.outcome for r in results} == {Outcome.KEPT}
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

DOVECOT = shutil.which("dovecot") or shutil.which("/usr/sbin/dovecot")
IMAP_USER, IMAP_PASSWORD = "privacy", "s3cret-pw"
ERASE_USER = "erasure"  # a second account for the erasure tests (the first one stays unchanged)


DOVECOT_HOMES: dict[int, Path] = {}  # port -> the folder holding each user's home (Maildir)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def dovecot() -> Iterator[int]:
    """A throw-away Dovecot on 127.0.0.1 with a plaintext passwd-file; yields its IMAP port."""
    if DOVECOT is None:
        pytest.skip("Dovecot is not installed (Debian: apt-get install dovecot-imapd)")
    root = Path(tempfile.mkdtemp(prefix="pd-dovecot-"))
    os.chmod(root, 0o755)  # the unprivileged mail and login processes must reach it
    if os.geteuid() == 0:
        internal, login, mail_user = "dovecot", "dovenull", "dovecot"
    else:
        internal = login = mail_user = pwd.getpwuid(os.geteuid()).pw_name
    account = pwd.getpwnam(mail_user)
    home = root / "home"
    home.mkdir()
    os.chown(home, account.pw_uid, account.pw_gid)
    (root / "passwd").write_text(
        f"{IMAP_USER}:{{PLAIN}}{IMAP_PASSWORD}\n{ERASE_USER}:{{PLAIN}}{IMAP_PASSWORD}\n"
    )
    port = _free_port()
    config = root / "dovecot.conf"
    config.write_text(
        f"""
base_dir = {root}/run
state_dir = {root}/state
log_path = {root}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain
auth_failure_delay = 0
default_internal_user = {internal}
default_login_user = {login}
first_valid_uid = 1
first_valid_gid = 1
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {root}/passwd
}}
userdb {{
  driver = static
  args = uid={account.pw_uid} gid={account.pw_gid} home={home}/%u
}}
mail_location = maildir:~/Maildir
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    port = 0
  }}
}}
"""
    )
    subprocess.run([DOVECOT, "-c", str(config)], check=True)
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)
        client = imaplib.IMAP4("127.0.0.1", port)
        client.login(IMAP_USER, IMAP_PASSWORD)
        client.create("Archief")
        for raw in MESSAGES.values():
            client.append("INBOX", None, None, raw)
        client.logout()
        DOVECOT_HOMES[port] = home
        yield port
    finally:
        subprocess.run([DOVECOT, "-c", str(config), "stop"], check=False)
        shutil.rmtree(root, ignore_errors=True)


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
        imap_connector(_free_port()).test_connection()
