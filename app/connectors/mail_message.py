"""Mailboxes (a folder of .eml files, an mbox file or an IMAP folder), searched read-only."""

from __future__ import annotations

import imaplib
import logging
import mailbox
import re
from collections.abc import Iterator, Mapping, Sequence
from contextlib import suppress
from email import policy
from email.errors import MessageError
from email.message import EmailMessage, Message
from email.parser import BytesParser
from email.utils import getaddresses
from pathlib import Path
from typing import Any

from imap_tools import AND, OR, MailBox, MailBoxUnencrypted
from imap_tools.errors import (
    MailboxFolderSelectError,
    MailboxLoginError,
    UnexpectedCommandStatusError,
)

from app.connectors.base import (
    Capability,
    ConnectorDescription,
    Finding,
    Identifier,
    MatchStrength,
    SettingSpec,
    Subject,
)
from app.connectors.text_search import (
    Needle,
    TextMatch,
    best_match,
    find_in_text,
    make_snippet,
    subject_needles,
)
from app.core.enums import IdentifierKind
from app.core.errors import ConnectorError, ValidationError
from app.core.i18n import N_
from app.core.progress import Progress

log = logging.getLogger(__name__)

SOURCES = ("eml_folder", "mbox", "imap")
DEFAULT_TIMEOUT_S = 30.0
IMAP_CHUNK = 20
CATEGORIES = ("contact details", "correspondence")
HAND_NOTE = (
    "E-mail cannot be erased from Privacy Desk: delete the message by hand in the mail client "
    "(also copies in Sent, Archive and Trash) if erasure is granted."
)
_HEADER_ERRORS = (MessageError, ValueError, LookupError, UnicodeError, IndexError, TypeError)
_TAG = re.compile(r"<[^>]+>")


def _header(msg: Message, name: str) -> str:
    """A header as text; broken encodings give what can be read instead of an exception."""
    try:
        values = msg.get_all(name) or []
        return ", ".join(str(v) for v in values)
    except _HEADER_ERRORS:
        raw = msg.get(name, failobj="")
        return str(raw)


def _part_text(part: Message) -> str:
    # A broken charset or transfer encoding: fall back to decoding the bytes ourselves below.
    with suppress(LookupError, UnicodeError, ValueError, KeyError, MessageError):
        if isinstance(part, EmailMessage):
            content = part.get_content()
            if isinstance(content, str):
                return content
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return ""
    charset = part.get_content_charset() or "utf-8"
    try:
        return payload.decode(charset, errors="replace")
    except LookupError:  # unknown charset name in the message
        return payload.decode("latin-1")


def _body_text(msg: Message) -> str:
    texts: list[str] = []
    for part in msg.walk():
        if part.is_multipart() or part.get_content_maintype() != "text":
            continue
        text = _part_text(part)
        if part.get_content_subtype() == "html":
            text = _TAG.sub(" ", text)
        texts.append(text)
    return "\n".join(texts)


def analyse_message(
    raw: bytes, needles: Sequence[Needle], *, system: str, location: str, fallback_id: str
) -> Finding | None:
    """A finding when the message is from/to/cc the subject or mentions an identifier."""
    msg = BytesParser(policy=policy.default).parsebytes(raw)
    headers = {name: _header(msg, name) for name in ("From", "To", "Cc", "Subject", "Date")}
    addresses = {
        addr.lower()
        for _, addr in getaddresses([headers["From"], headers["To"], headers["Cc"]])
        if addr
    }
    matches: list[TextMatch] = []
    for needle in needles:
        value = needle.identifier.value.lower()
        if needle.identifier.kind is IdentifierKind.EMAIL and value in addresses:
            line = next(
                (
                    f"{name}: {headers[name]}"
                    for name in ("From", "To", "Cc")
                    if value in headers[name].lower()
                ),
                needle.identifier.value,
            )
            matches.append(TextMatch(needle.identifier, needle.strength, make_snippet(line, 0, 0)))
    header_text = "\n".join(f"{k}: {v}" for k, v in headers.items() if k != "Date")
    matches.extend(find_in_text(header_text + "\n\n" + _body_text(msg), needles))
    best = best_match(matches)
    if best is None:
        return None
    message_id = _header(msg, "Message-ID").strip().strip("<>")
    note = HAND_NOTE
    if best.strength is MatchStrength.WEAK:
        note = "Only the name matched: check it is this person. " + HAND_NOTE
    return Finding(
        system=system,
        record_id=message_id or fallback_id,
        fields={
            "subject": headers["Subject"],
            "date": headers["Date"],
            "from": headers["From"],
            "to": headers["To"],
            "snippet": best.snippet,
        },
        categories=CATEGORIES,
        matched=best.identifier,
        strength=best.strength,
        location=location,
        note=note,
    )


class MailStoreConnector:
    """Search e-mail for messages from, to or about the data subject."""

    kind = "mailbox"

    def __init__(self, name: str, settings: Mapping[str, Any], secrets: Mapping[str, str]) -> None:
        self.name = name
        self._source = str(settings.get("source") or "eml_folder")
        if self._source not in SOURCES:
            raise ValidationError({"source": "Choose a folder of .eml files, an mbox or IMAP."})
        self._path = Path(str(settings.get("path") or "")).expanduser()
        if self._source != "imap" and not str(settings.get("path") or "").strip():
            raise ValidationError({"path": "Choose the mail folder or mbox file."})
        self._ssl = bool(settings.get("imap_ssl", True))
        self._host = str(settings.get("imap_host") or "").strip()
        self._user = str(settings.get("imap_user") or "").strip()
        self._folder = str(settings.get("imap_folder") or "INBOX")
        self._password = secrets.get("imap_password", "")
        try:
            self._port = int(settings.get("imap_port") or (993 if self._ssl else 143))
            self._timeout = float(settings.get("timeout_s") or DEFAULT_TIMEOUT_S)
        except (TypeError, ValueError) as exc:
            raise ValidationError({"imap_port": "Enter the port and time-out as numbers."}) from exc
        if self._source == "imap" and not (self._host and self._user):
            raise ValidationError({"imap_host": "Enter the IMAP server and user name."})

    @classmethod
    def describe(cls) -> ConnectorDescription:
        return ConnectorDescription(
            kind=cls.kind,
            label=N_("Mailbox (.eml folder, mbox or IMAP)"),
            settings=(
                SettingSpec(
                    "source",
                    N_("Source"),
                    kind="choice",
                    default="eml_folder",
                    choices=SOURCES,
                    choice_labels=(
                        N_("Folder of .eml files"),
                        N_("mbox file"),
                        N_("IMAP server"),
                    ),
                ),
                SettingSpec("path", N_("Folder or mbox file"), kind="path", required=False),
                SettingSpec("imap_host", N_("IMAP server"), required=False),
                SettingSpec("imap_port", N_("IMAP port"), kind="int", required=False, default=993),
                SettingSpec("imap_user", N_("IMAP user"), required=False),
                SettingSpec("imap_folder", N_("IMAP folder"), required=False, default="INBOX"),
                SettingSpec(
                    "imap_ssl", N_("Use SSL/TLS"), kind="bool", required=False, default=True
                ),
                SettingSpec("imap_password", N_("IMAP password"), kind="secret", required=False),
                SettingSpec(
                    "timeout_s", N_("Time-out (seconds)"), kind="int", required=False, default=30
                ),
            ),
            capabilities=frozenset({Capability.SEARCH}),
            help=N_("Messages are only read, never marked as read or changed; delete by hand."),
        )

    @property
    def _location(self) -> str:
        if self._source == "imap":
            return f"imap://{self._host}:{self._port}/{self._folder}"
        return str(self._path)

    def needed_secrets(self) -> tuple[str, ...]:
        """Only an IMAP account needs a password (not a folder of .eml files or an mbox)."""
        return ("imap_password",) if self._source == "imap" and not self._password else ()

    def test_connection(self) -> str:
        if self._source == "eml_folder":
            count = len(self._eml_files())
            return f"{count} .eml file(s) found."
        if self._source == "mbox":
            box = self._open_mbox()
            try:
                return f"mbox with {len(box)} message(s)."
            finally:
                box.close()
        with self._imap(Progress(timeout_s=self._timeout)) as mb:
            status = mb.folder.status(self._folder)
            return f"Connected; {status.get('MESSAGES', 0)} message(s) in {self._folder}."

    def search(self, subject: Subject, progress: Progress) -> Sequence[Finding]:
        needles = subject_needles(subject)
        if not needles:
            return []
        findings: list[Finding] = []
        for raw, location, fallback_id in self._messages(needles, progress):
            try:
                finding = analyse_message(
                    raw, needles, system=self.name, location=location, fallback_id=fallback_id
                )
            except _HEADER_ERRORS as exc:
                # One unreadable message must not hide the rest; the officer checks it by hand.
                log.warning("A mail message could not be parsed (%s)", type(exc).__name__)
                finding = self._unreadable(location, fallback_id)
            if finding is not None:
                findings.append(finding)
        progress.report(1.0, "Mailbox searched")
        return findings

    def _unreadable(self, location: str, fallback_id: str) -> Finding:
        return Finding(
            system=self.name,
            record_id=fallback_id,
            fields={"problem": "message could not be read"},
            categories=CATEGORIES,
            matched=Identifier(IdentifierKind.OTHER, "unreadable message"),
            strength=MatchStrength.WEAK,
            location=location,
            note="This message could not be read: check it by hand.",
        )

    # -- sources -----------------------------------------------------------------------------

    def _messages(
        self, needles: Sequence[Needle], progress: Progress
    ) -> Iterator[tuple[bytes, str, str]]:
        if self._source == "eml_folder":
            yield from self._eml_messages(progress)
        elif self._source == "mbox":
            yield from self._mbox_messages(progress)
        else:
            yield from self._imap_messages(needles, progress)

    def _eml_files(self) -> list[Path]:
        if not self._path.is_dir():
            raise ConnectorError(
                f"The mail folder {self._path} does not exist. Check the path in the settings."
            )
        return sorted(self._path.rglob("*.eml"))

    def _eml_messages(self, progress: Progress) -> Iterator[tuple[bytes, str, str]]:
        files = self._eml_files()
        for n, path in enumerate(files):
            progress.report(n / max(1, len(files)), "Reading mail files")
            try:
                raw = path.read_bytes()
            except OSError as exc:
                raise ConnectorError(f"Cannot read {path}: {exc.strerror}.") from exc
            relative = str(path.relative_to(self._path))
            yield raw, str(path), relative

    def _open_mbox(self) -> mailbox.mbox:
        if not self._path.is_file():
            raise ConnectorError(
                f"The mbox file {self._path} does not exist. Check the path in the settings."
            )
        return mailbox.mbox(self._path, create=False)

    def _mbox_messages(self, progress: Progress) -> Iterator[tuple[bytes, str, str]]:
        box = self._open_mbox()
        try:
            keys = box.keys()  # one pass over the file to find the message offsets
            for n, key in enumerate(keys):
                progress.report(n / max(1, len(keys)), "Reading mbox")
                yield box.get_bytes(key), str(self._path), f"{self._path.name}#{n + 1}"
        finally:
            box.close()

    # -- IMAP ------------------------------------------------------------------------------

    def _imap(self, progress: Progress) -> _ImapSession:
        remaining = progress.remaining()
        timeout = self._timeout if remaining is None else max(0.05, min(remaining, self._timeout))
        return _ImapSession(self, timeout)

    def _imap_messages(
        self, needles: Sequence[Needle], progress: Progress
    ) -> Iterator[tuple[bytes, str, str]]:
        terms: list[str] = []
        for needle in needles:
            kind, value = needle.identifier.kind, needle.identifier.value
            if kind is IdentifierKind.NAME:
                # Servers match exact substrings; a name wrapped over two lines or with double
                # spaces would be missed, so ask for its longest word and confirm locally.
                value = max(value.split(), key=len)
            if kind is not IdentifierKind.PHONE and value not in terms:
                terms.append(value)
        if not terms:
            return
        # The server narrows the search (TEXT covers headers and body); we confirm locally.
        criteria = OR(text=terms) if len(terms) > 1 else AND(text=terms[0])
        charset = "US-ASCII" if all(t.isascii() for t in terms) else "UTF-8"
        with self._imap(progress) as mb:
            try:
                uids = mb.uids(criteria, charset=charset)
                for start in range(0, len(uids), IMAP_CHUNK):
                    progress.report(start / max(1, len(uids)), "Reading IMAP messages")
                    chunk = uids[start : start + IMAP_CHUNK]
                    for message in mb.fetch(uid_list=chunk, mark_seen=False, bulk=True):
                        fallback = f"{self._folder}/uid {message.uid}"
                        yield message.obj.as_bytes(), self._location, fallback
            except UnexpectedCommandStatusError as exc:
                raise ConnectorError(f"The IMAP server refused a command: {exc}") from exc
            except TimeoutError as exc:
                raise ConnectorError("The IMAP server did not answer in time (time-out).") from exc
            except (OSError, imaplib.IMAP4.error) as exc:
                raise ConnectorError(f"The IMAP connection failed ({exc}). Try again.") from exc


class _ImapSession:
    """Login on enter, logout on exit; every failure becomes a ConnectorError that says why."""

    def __init__(self, owner: MailStoreConnector, timeout: float) -> None:
        self._owner = owner
        self._timeout = timeout
        self._box: MailBox | MailBoxUnencrypted | None = None

    def __enter__(self) -> MailBox | MailBoxUnencrypted:
        o = self._owner
        where = f"{o._host}:{o._port}"
        try:
            if o._ssl:
                box: MailBox | MailBoxUnencrypted = MailBox(o._host, o._port, timeout=self._timeout)
            else:
                box = MailBoxUnencrypted(o._host, o._port, timeout=self._timeout)
        except TimeoutError as exc:
            raise ConnectorError(f"The IMAP server {where} did not answer in time.") from exc
        except OSError as exc:
            raise ConnectorError(
                f"Cannot reach the IMAP server {where} ({exc}). Check server, port and SSL."
            ) from exc
        try:
            box.login(o._user, o._password, initial_folder=o._folder)
        except TimeoutError as exc:
            raise ConnectorError(f"The IMAP server {where} did not answer in time.") from exc
        except MailboxLoginError as exc:
            box.client.shutdown()
            raise ConnectorError(
                "The IMAP server refused the login. Check the user name and password."
            ) from exc
        except MailboxFolderSelectError as exc:
            box.logout()
            raise ConnectorError(f"The IMAP folder '{o._folder}' does not exist.") from exc
        except (OSError, imaplib.IMAP4.error) as exc:
            raise ConnectorError(f"The IMAP login at {where} failed ({exc}).") from exc
        self._box = box
        return box

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        if self._box is not None:
            try:
                self._box.logout()
            except (OSError, imaplib.IMAP4.error):
                log.info("IMAP logout failed; the connection was already closed")
