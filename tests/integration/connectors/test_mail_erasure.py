"""Mail on real stores: Maildir written by Dovecot, every IMAP folder, erasure, settings on save."""

from __future__ import annotations

import imaplib
import mailbox
import uuid
from pathlib import Path

import pytest

from app.cli import main
from app.connectors.base import BY_HAND, MatchStrength, Outcome, Subject
from app.connectors.mail_store import MailStoreConnector
from app.core.errors import ConnectorError, ValidationError
from app.core.i18n import Message
from app.core.progress import Progress
from app.data.database import Database
from app.demo.fill import demo_systems_folder, fill_demo
from app.services.case_detail import get_case
from app.services.case_queries import list_cases
from app.services.changes import approve_plan, execute_plan, plan_changes
from app.services.connectors import save_connector
from app.services.searches import search_case
from tests.integration.connectors.dovecot_server import (
    DOVECOT_HOMES,
    ERASE_USER,
    IMAP_PASSWORD,
    dovecot,
)

__all__ = ["dovecot"]


def mail(mid: str | None, sender: str, to: str, subject: str, body: str = "Hallo.") -> bytes:
    ident = f"Message-ID: <{mid}>\r\n" if mid else ""
    return (
        f"From: {sender}\r\nTo: {to}\r\nSubject: {subject}\r\n"
        f"Date: Mon, 02 Nov 2026 10:00:00 +0100\r\n{ident}MIME-Version: 1.0\r\n"
        f"Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
        f"{body}\r\n"
    ).encode()


def person() -> tuple[Subject, str]:
    """A fresh person per test (the Dovecot account is shared by the tests of this module)."""
    tag = uuid.uuid4().hex[:8]
    email = f"zoe.{tag}@example.nl"
    return Subject(f"2026-{tag}", "Zoë", f"Tag{tag}", emails=(email,)), email


def login(port: int) -> imaplib.IMAP4:
    client = imaplib.IMAP4("127.0.0.1", port)
    client.login(ERASE_USER, IMAP_PASSWORD)
    return client


def append(port: int, folder: str, raw: bytes) -> None:
    client = login(port)
    client.create(folder)  # NO when it exists already: fine
    typ, _data = client.append(folder, None, None, raw)
    assert typ == "OK"
    client.logout()


def ids_in(port: int, folder: str) -> set[str]:
    client = login(port)
    client.select(folder, readonly=True)
    _typ, data = client.uid("FETCH", "1:*", "(BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)])")
    client.logout()
    out = set()
    for row in data:
        if isinstance(row, tuple):
            out.add(row[1].decode().split(":", 1)[1].strip().strip("<>"))
    return out


def imap(port: int, **extra: object) -> MailStoreConnector:
    settings = {
        "source": "imap",
        "imap_host": "127.0.0.1",
        "imap_port": port,
        "imap_user": ERASE_USER,
        "imap_ssl": False,
        "timeout_s": 5,
        **extra,
    }
    return MailStoreConnector("Mail server", settings, {"imap_password": IMAP_PASSWORD})


# -- IMAP: every folder, names on our side, erasure ------------------------------------------


def test_imap_searches_every_folder_and_erases_sent_but_not_trash(dovecot: int) -> None:
    zoe, email = person()
    tag = zoe.last_name
    own = f"own-{tag}@example.nl"
    append(dovecot, "INBOX", mail(own, f"Zoë {tag} <{email}>", "support@x.example", "Vraag"))
    append(dovecot, "Sent", mail(own, f"Zoë {tag} <{email}>", "support@x.example", "Vraag"))
    append(dovecot, "Trash", mail(own, f"Zoë {tag} <{email}>", "support@x.example", "Vraag"))
    reply = f"reply-{tag}@example.nl"
    append(dovecot, "Sent", mail(reply, "support@x.example", email, "Re: Vraag"))
    # A namesake, written in capitals and without the accent: found by name only, weak.
    namesake = f"namesake-{tag}@example.nl"
    append(dovecot, "Archief", mail(namesake, f"ZOE {tag.upper()} <a@b.nl>", "s@x.nl", "Hoi"))
    other = f"other-{tag}@example.nl"
    append(dovecot, "INBOX", mail(other, "piet@example.nl", "support@x.example", "Iets anders"))
    # Somebody marked a message deleted in the mail client: our expunge must leave it alone.
    client = login(dovecot)
    client.select("INBOX")
    _typ, data = client.uid("SEARCH", "HEADER", "Message-ID", other)
    client.uid("STORE", data[0].decode(), "+FLAGS", "(\\Deleted)")
    client.logout()

    conn = imap(dovecot, erase_mode="automatic")
    assert "message(s) in Sent" in conn.test_connection()
    findings = {f.record_id: f for f in conn.search(zoe, Progress())}
    assert set(findings) == {own, reply, namesake}
    assert findings[own].strength is MatchStrength.STRONG
    assert findings[namesake].strength is MatchStrength.WEAK
    assert findings[own].location.count("imap://") == 3  # INBOX, Sent and Trash: one finding
    assert "Erasure deletes the message" in findings[own].note

    plan = conn.plan_erasure([findings[own], findings[reply]])
    assert {i.action for i in plan.items} == {"delete_row"}
    results = {r.record_id: r for r in conn.erase(plan, Progress())}
    assert results[own].outcome is Outcome.REMOVED
    assert results[own].detail.startswith("Deleted from INBOX, Sent.")
    assert "A copy in Trash was left" in results[own].detail
    assert results[reply].outcome is Outcome.REMOVED
    assert results[reply].detail == "Deleted from Sent."
    assert own not in ids_in(dovecot, "INBOX") and own not in ids_in(dovecot, "Sent")
    assert own in ids_in(dovecot, "Trash")
    assert other in ids_in(dovecot, "INBOX")  # flagged \\Deleted by someone else: not expunged
    assert namesake in ids_in(dovecot, "Archief")

    with_trash = imap(dovecot, erase_mode="automatic", erase_trash=True)
    again = with_trash.erase(with_trash.plan_erasure([findings[own]]), Progress())
    assert again[0].outcome is Outcome.REMOVED and again[0].detail == "Deleted from Trash."
    assert own not in ids_in(dovecot, "Trash")


def test_imap_chosen_folders_and_message_without_id(dovecot: int) -> None:
    zoe, email = person()
    append(dovecot, "Klanten", mail(None, f"Zoe <{email}>", "support@x.example", "Zonder id"))
    append(dovecot, "INBOX", mail(f"in-{zoe.last_name}@x", email, "s@x.example", "Inbox"))
    conn = imap(dovecot, folders="Klanten", erase_mode="automatic")
    findings = conn.search(zoe, Progress())
    assert [f.record_id[:12] for f in findings] == ["Klanten/uid "]
    result = conn.erase(conn.plan_erasure(findings), Progress())
    assert result[0].outcome is Outcome.REMOVED and result[0].detail == "Deleted from Klanten."
    with pytest.raises(ConnectorError, match="folder 'Nope' does not exist"):
        imap(dovecot, folders="INBOX, Nope").search(zoe, Progress())


def test_imap_finds_a_name_in_the_body_with_and_without_accents(dovecot: int) -> None:
    tag = uuid.uuid4().hex[:8]
    zoe = Subject("2026-060", "Zoë", f"Ångström{tag}")
    accents = f"acc-{tag}@x"
    plain = f"plain-{tag}@x"
    append(dovecot, "Notes", mail(accents, "a@b.nl", "c@d.nl", "1", f"Met ZOË ÅNGSTRÖM{tag}."))
    append(dovecot, "Notes", mail(plain, "a@b.nl", "c@d.nl", "2", f"met zoe   angstrom{tag}"))
    found = {f.record_id: f.strength for f in imap(dovecot).search(zoe, Progress())}
    assert found == {accents: MatchStrength.WEAK, plain: MatchStrength.WEAK}


# -- Maildir made by Dovecot, read and erased directly ----------------------------------------


def test_maildir_written_by_dovecot_is_searched_and_erased(dovecot: int) -> None:
    zoe, email = person()
    tag = zoe.last_name
    mid = f"md-{tag}@example.nl"
    append(dovecot, "INBOX", mail(mid, email, "support@x.example", "Maildir"))
    append(dovecot, "Sent", mail(mid, email, "support@x.example", "Maildir"))
    append(dovecot, "Trash", mail(mid, email, "support@x.example", "Maildir"))
    body_only = f"body-{tag}@example.nl"
    append(dovecot, "INBOX", mail(body_only, "a@b.nl", "c@d.nl", "Notitie", f"Bel zoë {tag}"))
    root = DOVECOT_HOMES[dovecot] / ERASE_USER / "Maildir"
    assert (root / ".Sent" / "cur").is_dir() or (root / ".Sent" / "new").is_dir()

    conn = MailStoreConnector(
        "Server mail", {"source": "maildir", "path": str(root), "erase_mode": "automatic"}, {}
    )
    assert "in Sent" in conn.test_connection()
    findings = {f.record_id: f for f in conn.search(zoe, Progress())}
    assert findings[mid].strength is MatchStrength.STRONG
    assert str(root / ".Sent") in findings[mid].location
    assert findings[body_only].strength is MatchStrength.WEAK  # "zoë Tag..." in the body
    assert "zoë" in findings[body_only].fields["snippet"]

    results = conn.erase(conn.plan_erasure([findings[mid]]), Progress())
    assert results[0].outcome is Outcome.REMOVED
    assert results[0].detail.startswith("Deleted from INBOX, Sent.")
    assert "Trash" in results[0].detail
    # Dovecot sees the files gone.
    assert mid not in ids_in(dovecot, "INBOX") and mid not in ids_in(dovecot, "Sent")
    assert mid in ids_in(dovecot, "Trash")
    assert body_only in ids_in(dovecot, "INBOX")


def test_maildir_by_hand_is_the_default(tmp_path: Path) -> None:
    box = mailbox.Maildir(tmp_path / "Maildir", create=True)
    box.add_folder("Sent").add(mail("a@x", "zoe@example.nl", "s@x", "Hoi"))
    conn = MailStoreConnector("M", {"source": "maildir", "path": str(tmp_path / "Maildir")}, {})
    findings = conn.search(Subject("1", emails=("zoe@example.nl",)), Progress())
    plan = conn.plan_erasure(findings)
    assert plan.items[0].action == BY_HAND and "Remove by hand" in plan.items[0].reason
    assert conn.erase(plan, Progress()) == []  # open for the officer, never "kept"
    assert len(box.get_folder("Sent")) == 1


# -- message files without .eml ----------------------------------------------------------------


def test_eml_folder_reads_mail_files_without_extension_and_deletes_them(tmp_path: Path) -> None:
    folder = tmp_path / "export"
    (folder / "cur").mkdir(parents=True)
    (folder / "cur" / "1700000000.M1P2.host:2,S").write_bytes(
        mail("plain@x", "Zoë Tag <zoe@example.nl>", "s@x", "Geen extensie")
    )
    (folder / "bericht.eml").write_bytes(mail("eml@x", "piet@example.nl", "s@x", "Ander"))
    (folder / "notes.txt").write_text("From: zoe@example.nl\nis a note, not a message\n")
    (folder / "readme").write_text("zoe@example.nl\n")
    conn = MailStoreConnector(
        "Export", {"source": "eml_folder", "path": str(folder), "erase_mode": "automatic"}, {}
    )
    assert conn.test_connection() == (
        "1 .eml file(s) found. And 1 mail file(s) without the .eml extension."
    )
    findings = conn.search(Subject("1", "Zoe", "TAG", emails=("zoe@example.nl",)), Progress())
    assert [f.record_id for f in findings] == ["plain@x"]
    result = conn.erase(conn.plan_erasure(findings), Progress())
    assert result[0].outcome is Outcome.REMOVED
    assert not (folder / "cur" / "1700000000.M1P2.host:2,S").exists()
    assert (folder / "bericht.eml").exists() and (folder / "notes.txt").exists()


# -- settings are checked when saved -----------------------------------------------------------


def test_settings_are_refused_when_saved(sqlite_db: Database, tmp_path: Path) -> None:
    def save(settings: dict[str, object]) -> None:
        save_connector(sqlite_db, actor="o", name="Post", kind="mailbox", settings=settings)

    with pytest.raises(ValidationError) as unknown:
        save({"source": "pop3", "path": str(tmp_path)})
    message = unknown.value.errors["source"]
    assert isinstance(message, Message)
    assert message.msgid == "Unknown source '{source}'. Valid values: {valid}."
    assert "eml_folder, mbox, maildir, imap" in str(unknown.value)
    maildir = tmp_path / "Maildir"
    mailbox.Maildir(maildir, create=True)
    with pytest.raises(ValidationError) as folder:
        save({"source": "mbox", "path": str(maildir)})
    assert "is a folder, not an mbox file" in str(folder.value)
    assert "'Maildir'" in str(folder.value)
    mbox = tmp_path / "in.mbox"
    mbox.write_bytes(b"")
    with pytest.raises(ValidationError, match="is a file, not a folder"):
        save({"source": "maildir", "path": str(mbox)})
    with pytest.raises(ValidationError, match="is not a Maildir"):
        save({"source": "maildir", "path": str(tmp_path)})
    with pytest.raises(ValidationError, match="Unknown erasure mode"):
        save({"source": "mbox", "path": str(mbox), "erase_mode": "now"})
    save({"source": "maildir", "path": str(maildir)})  # a good one is saved


def test_connectors_add_refuses_an_unknown_source(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    settings = '{"source": "pop3", "path": "/var/mail/support"}'
    code = main(["--db", url, "connectors", "add", "Post", "--kind", "mailbox",
                 "--settings", settings])  # fmt: skip
    _out, err = capsys.readouterr()
    assert code == 2
    assert "Unknown source 'pop3'. Valid values: eml_folder, mbox, maildir, imap." in err
    settings = f'{{"source": "maildir", "path": "{tmp_path}"}}'
    code = main(["--db", url, "connectors", "add", "Post", "--kind", "mailbox",
                 "--settings", settings])  # fmt: skip
    assert code == 2 and "is not a Maildir" in capsys.readouterr().err


def test_the_case_workflow_erases_mail_by_hand_first_then_automatically(
    sqlite_db: Database,
) -> None:
    fill_demo(sqlite_db, cases=24)
    mbox = demo_systems_folder(sqlite_db) / "mail" / "support.mbox"
    text = mbox.read_text(encoding="utf-8", errors="replace").lower()
    ref, email = next(
        (row.reference, person_email)
        for row in list_cases(sqlite_db, limit=None)
        if (person_email := get_case(sqlite_db, reference=row.reference).requester.email)
        and person_email.lower() in text
    )
    system = "Supportmailbox (demo)"
    by_hand = {"source": "mbox", "path": str(mbox)}  # the default for a real mailbox
    save_connector(sqlite_db, actor="o", name=system, kind="mailbox", settings=by_hand)
    search_case(sqlite_db, actor="o", reference=ref)
    plan = [a for a in plan_changes(sqlite_db, actor="o", reference=ref, operation="erasure")
            if a.system == system]  # fmt: skip
    assert plan and all(a.action == BY_HAND and "Remove by hand" in a.reason for a in plan)

    automatic = {"source": "mbox", "path": str(mbox), "erase_mode": "automatic"}
    save_connector(sqlite_db, actor="o", name=system, kind="mailbox", settings=automatic)
    before = len(mbox_messages(mbox))
    plan = [a for a in plan_changes(sqlite_db, actor="o", reference=ref, operation="erasure")
            if a.system == system]  # fmt: skip
    assert plan and all(a.action == "delete_row" for a in plan)
    approve_plan(sqlite_db, actor="o", reference=ref, operation="erasure")
    done = execute_plan(sqlite_db, actor="o", reference=ref, operation="erasure")
    mine = [a for a in done if a.system == system]
    assert mine and all(a.outcome == "removed" for a in mine)
    assert all(a.detail.startswith("Deleted from support.mbox") for a in mine)
    remaining = mbox_messages(mbox)
    assert len(remaining) == before - len(mine)
    assert not any(email.lower() in m.lower() for m in remaining)


def mbox_messages(path: Path) -> list[str]:
    box = mailbox.mbox(path, create=False)
    try:
        return [m.as_string() for m in box]
    finally:
        box.close()
