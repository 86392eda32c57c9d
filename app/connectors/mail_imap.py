"""IMAP: every folder of one account searched read-only, and messages deleted on erasure."""

from __future__ import annotations

import imaplib
import logging
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from imap_tools import AND, OR, MailBox, MailBoxUnencrypted
from imap_tools.errors import (
    MailboxFolderSelectError,
    MailboxLoginError,
    UnexpectedCommandStatusError,
)

from app.connectors.identifier_match import fold
from app.connectors.mail_files import is_trash
from app.connectors.mail_message import header_matches, message_id
from app.connectors.text_search import Needle
from app.core.enums import IdentifierKind
from app.core.errors import ConnectorError
from app.core.i18n import _
from app.core.progress import Progress

log = logging.getLogger(__name__)

IMAP_CHUNK = 20
HEADER_CHUNK = 200
_HEADER_FIELDS = "BODY.PEEK[HEADER.FIELDS (FROM TO CC SUBJECT)]"
_UID = re.compile(rb"UID (\d+)")


@dataclass(frozen=True)
class ImapAccount:
    host: str
    port: int
    user: str
    password: str
    ssl: bool
    timeout: float
    folders: tuple[str, ...]  # empty: every folder

    @property
    def where(self) -> str:
        return f"{self.host}:{self.port}"

    def location(self, folder: str) -> str:
        return f"imap://{self.host}:{self.port}/{folder}"


class ImapSession:
    """Login on enter, logout on exit; every failure becomes a ConnectorError that says why."""

    def __init__(self, account: ImapAccount, timeout: float) -> None:
        self._account = account
        self._timeout = timeout
        self._box: MailBox | MailBoxUnencrypted | None = None

    def __enter__(self) -> MailBox | MailBoxUnencrypted:
        a = self._account
        where = a.where
        try:
            if a.ssl:
                box: MailBox | MailBoxUnencrypted = MailBox(a.host, a.port, timeout=self._timeout)
            else:
                box = MailBoxUnencrypted(a.host, a.port, timeout=self._timeout)
        except TimeoutError as exc:
            raise ConnectorError(
                _("The IMAP server {where} did not answer in time.", where=where)
            ) from exc
        except OSError as exc:
            raise ConnectorError(
                _(
                    "Cannot reach the IMAP server {where} ({exc}). Check server, port and SSL.",
                    where=where,
                    exc=exc,
                )
            ) from exc
        try:
            box.login(a.user, a.password, initial_folder=None)
        except TimeoutError as exc:
            raise ConnectorError(
                _("The IMAP server {where} did not answer in time.", where=where)
            ) from exc
        except MailboxLoginError as exc:
            box.client.shutdown()
            raise ConnectorError(
                _("The IMAP server refused the login. Check the user name and password.")
            ) from exc
        except (OSError, imaplib.IMAP4.error) as exc:
            raise ConnectorError(
                _("The IMAP login at {where} failed ({exc}).", where=where, exc=exc)
            ) from exc
        self._box = box
        return box

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        if self._box is not None:
            try:
                self._box.logout()
            except (OSError, imaplib.IMAP4.error):
                log.info("IMAP logout failed; the connection was already closed")


def translate_errors(exc: Exception) -> ConnectorError:
    if isinstance(exc, UnexpectedCommandStatusError):
        return ConnectorError(_("The IMAP server refused a command: {exc}", exc=exc))
    if isinstance(exc, TimeoutError):
        return ConnectorError(_("The IMAP server did not answer in time (time-out)."))
    return ConnectorError(_("The IMAP connection failed ({exc}). Try again.", exc=exc))


IMAP_ERRORS = (UnexpectedCommandStatusError, TimeoutError, OSError, imaplib.IMAP4.error)


@dataclass(frozen=True)
class Folder:
    name: str
    trash: bool


def folders(box: MailBox | MailBoxUnencrypted, account: ImapAccount) -> list[Folder]:
    """The folders to search: the chosen ones (checked to exist) or every selectable one."""
    listed = [f for f in box.folder.list() if "\\Noselect" not in f.flags]
    listed.sort(key=lambda f: (f.name.upper() != "INBOX", f.name.lower()))  # INBOX first
    trash = {f.name for f in listed if "\\Trash" in f.flags or is_trash(f.name, f.delim)}
    if not account.folders:
        return [Folder(f.name, f.name in trash) for f in listed]
    names = {f.name.lower(): f.name for f in listed}
    chosen: list[Folder] = []
    for wanted in account.folders:
        real = names.get(wanted.lower())
        if real is None:
            raise ConnectorError(_("The IMAP folder '{folder}' does not exist.", folder=wanted))
        chosen.append(Folder(real, real in trash))
    return chosen


def _select(box: MailBox | MailBoxUnencrypted, folder: str, *, readonly: bool) -> None:
    try:
        box.folder.set(folder, readonly=readonly)
    except MailboxFolderSelectError as exc:
        raise ConnectorError(
            _("The IMAP folder '{folder}' does not exist.", folder=folder)
        ) from exc


def _server_terms(needles: Sequence[Needle]) -> list[str]:
    """What the server's TEXT search can narrow down by (it folds ASCII case only)."""
    terms: list[str] = []
    for needle in needles:
        kind, value = needle.identifier.kind, needle.identifier.value
        if kind is IdentifierKind.PHONE:
            continue  # written in too many ways; found in the headers or not at all
        if kind is IdentifierKind.NAME:
            # The longest word as written and without accents (Dovecot folds case, not accents:
            # "Ångström" finds "ÅNGSTRÖM", "angstrom" finds "Angstrom"); names in the headers
            # are matched here in any spelling, see _header_uids.
            word = max(value.split(), key=len)
            if fold(word) != word.lower() and fold(word) not in terms:
                terms.append(fold(word))
            value = word
        if value not in terms:
            terms.append(value)
    return terms


def _header_uids(box: MailBox | MailBoxUnencrypted, needles: Sequence[Needle]) -> list[str]:
    """UIDs whose From/To/Cc/Subject name the subject, matched here (case and accents)."""
    client = box.client
    typ, data = client.uid("SEARCH", "ALL")
    if typ != "OK" or not data or not data[0]:
        return []
    all_uids = data[0].split()
    hits: list[str] = []
    for start in range(0, len(all_uids), HEADER_CHUNK):
        chunk = b",".join(all_uids[start : start + HEADER_CHUNK]).decode()
        typ, rows = client.uid("FETCH", chunk, f"(UID {_HEADER_FIELDS})")
        if typ != "OK":
            continue
        for row in rows:
            if not isinstance(row, tuple):
                continue
            uid = _UID.search(row[0])
            if uid is not None and header_matches(row[1], needles):
                hits.append(uid.group(1).decode())
    return hits


def search_messages(
    account: ImapAccount, needles: Sequence[Needle], progress: Progress, timeout: float
) -> Iterator[tuple[bytes, str, str]]:
    """(raw message, location, fallback id) of every candidate in every folder searched."""
    terms = _server_terms(needles)
    criteria = OR(text=terms) if len(terms) > 1 else AND(text=terms[0]) if terms else None
    charset = "US-ASCII" if all(t.isascii() for t in terms) else "UTF-8"
    names = [n for n in needles if n.identifier.kind in (IdentifierKind.NAME, IdentifierKind.PHONE)]
    with ImapSession(account, timeout) as box:
        try:
            chosen = folders(box, account)
            for n, folder in enumerate(chosen):
                progress.report(n / max(1, len(chosen)), _("Searching IMAP folders"))
                _select(box, folder.name, readonly=True)
                uids = set(box.uids(criteria, charset=charset)) if criteria else set()
                if names:
                    uids.update(_header_uids(box, names))
                ordered = sorted(uids, key=int)
                for start in range(0, len(ordered), IMAP_CHUNK):
                    progress.check()
                    chunk = ordered[start : start + IMAP_CHUNK]
                    for message in box.fetch(uid_list=chunk, mark_seen=False, bulk=True):
                        fallback = f"{folder.name}/uid {message.uid}"
                        yield message.obj.as_bytes(), account.location(folder.name), fallback
        except ConnectorError:
            raise
        except IMAP_ERRORS as exc:
            raise translate_errors(exc) from exc


def folder_counts(account: ImapAccount, timeout: float) -> list[tuple[str, int]]:
    with ImapSession(account, timeout) as box:
        try:
            return [
                (f.name, int(box.folder.status(f.name).get("MESSAGES", 0)))
                for f in folders(box, account)
            ]
        except ConnectorError:
            raise
        except IMAP_ERRORS as exc:
            raise translate_errors(exc) from exc


@dataclass
class ImapErasure:
    """What happened to one record in the account."""

    deleted: list[str]  # folders it was deleted from
    left_in_trash: list[str]
    failed: list[str]  # "folder: reason"


def erase_messages(
    account: ImapAccount,
    records: Sequence[str],
    *,
    include_trash: bool,
    progress: Progress,
    timeout: float,
) -> dict[str, ImapErasure]:
    """Flag every copy of each record \\Deleted and expunge exactly those (UID EXPUNGE)."""
    result = {r: ImapErasure([], [], []) for r in records}
    by_uid_ref: dict[str, dict[str, str]] = {}  # folder -> uid -> record, for "Sent/uid 7"
    for record in records:
        where, sep, uid = record.rpartition("/uid ")
        if sep and uid.isdigit():
            by_uid_ref.setdefault(where, {})[uid] = record
    with ImapSession(account, timeout) as box:
        try:
            uidplus = _has_uidplus(box)
            chosen = folders(box, account)
            for n, folder in enumerate(chosen):
                progress.report(n / max(1, len(chosen)), _("Erasing IMAP messages"))
                _select(box, folder.name, readonly=False)
                found = _find_records(box, records, by_uid_ref.get(folder.name, {}))
                if not found:
                    continue
                if folder.trash and not include_trash:
                    for record in found.values():
                        result[record].left_in_trash.append(folder.name)
                    continue
                problem = _delete_uids(box, sorted(found, key=int), uidplus)
                for record in set(found.values()):
                    target = result[record]
                    if problem:
                        target.failed.append(
                            str(_("{folder}: {problem}", folder=folder.name, problem=problem))
                        )
                    else:
                        target.deleted.append(folder.name)
        except ConnectorError:
            raise
        except IMAP_ERRORS as exc:
            raise translate_errors(exc) from exc
    return result


def _has_uidplus(box: MailBox | MailBoxUnencrypted) -> bool:
    # Asked again after the login: servers (Dovecot) list UIDPLUS only to a logged-in client.
    typ, data = box.client.capability()
    listed = b" ".join(d for d in data if isinstance(d, bytes)) if typ == "OK" else b""
    return b"UIDPLUS" in listed.upper().split()


def _find_records(
    box: MailBox | MailBoxUnencrypted, records: Sequence[str], uid_refs: dict[str, str]
) -> dict[str, str]:
    """uid -> record in the selected folder: by exact Message-ID, or by a "folder/uid" ref."""
    client = box.client
    found: dict[str, str] = {}
    for record in records:
        if "/uid " in record or not record.isascii() or '"' in record:
            continue
        typ, data = client.uid("SEARCH", "HEADER", "Message-ID", f'"{record}"')
        if typ != "OK" or not data or not data[0]:
            continue
        uids = data[0].decode().split()
        typ, rows = client.uid("FETCH", ",".join(uids), "(UID BODY.PEEK[HEADER])")
        for row in rows if typ == "OK" else []:
            if isinstance(row, tuple):
                uid = _UID.search(row[0])
                if uid is not None and message_id(row[1]) == record:  # SEARCH is substring
                    found[uid.group(1).decode()] = record
    if uid_refs:
        typ, data = client.uid("SEARCH", "UID", ",".join(uid_refs))
        existing = data[0].decode().split() if typ == "OK" and data and data[0] else []
        for uid in existing:
            if uid in uid_refs:
                found[uid] = uid_refs[uid]
    return found


def _delete_uids(box: MailBox | MailBoxUnencrypted, uids: list[str], uidplus: bool) -> str:
    """'' when the messages are gone, else why not."""
    client = box.client
    ids = ",".join(uids)
    typ, _data = client.uid("STORE", ids, "+FLAGS.SILENT", "(\\Deleted)")
    if typ != "OK":
        return str(_("the server refused to flag the message as deleted"))
    if uidplus:
        typ, _data = client.uid("EXPUNGE", ids)
        return "" if typ == "OK" else str(_("the server refused UID EXPUNGE"))
    # Without UIDPLUS an EXPUNGE removes every \Deleted message: only when there are no others.
    typ, data = client.uid("SEARCH", "DELETED")
    flagged = set(data[0].decode().split()) if typ == "OK" and data and data[0] else set()
    if flagged - set(uids):
        return str(
            _(
                "flagged as deleted but not expunged: the folder holds other messages marked "
                "deleted; expunge it in the mail client"
            )
        )
    typ, _data = client.expunge()
    return "" if typ == "OK" else str(_("the server refused EXPUNGE"))
