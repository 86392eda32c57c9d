"""One e-mail message: parse it, decide whether it concerns the subject, make the finding."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from contextlib import suppress
from email import policy
from email.errors import MessageError
from email.message import EmailMessage, Message
from email.parser import BytesHeaderParser, BytesParser
from email.utils import getaddresses

from app.connectors.base import TEXT_FIELD, Finding, Identifier, MatchStrength
from app.connectors.text_search import (
    ONLY_NAME_NOTE,
    Needle,
    TextMatch,
    best_match,
    find_in_text,
    make_snippet,
    stored_text,
)
from app.core.enums import IdentifierKind
from app.core.i18n import N_, _, join

CATEGORIES = (N_("contact details"), N_("correspondence"))
HAND_NOTE = _(
    "E-mail cannot be erased from Privacy Desk: delete the message by hand in the mail client "
    "(also copies in Sent, Archive and Trash) if erasure is granted."
)
ERASE_NOTE = _("Erasure deletes the message in every folder searched (also Sent).")
HEADER_ERRORS = (MessageError, ValueError, LookupError, UnicodeError, IndexError, TypeError)
_TAG = re.compile(r"<[^>]+>")
# A header line: a field name of printable ASCII without ':' or space, then ':'.
_FIELD = re.compile(rb"^[!-9;-~]+:")
_MAIL_FIELDS = {
    b"from",
    b"to",
    b"cc",
    b"subject",
    b"date",
    b"message-id",
    b"received",
    b"return-path",
    b"delivered-to",
    b"mime-version",
}
SNIFF_BYTES = 8192


def looks_like_mail(head: bytes) -> bool:
    """True when ``head`` (a file's first bytes) starts with an RFC 5322 header block.

    A file of mail saved without the .eml extension (Maildir files, exports) is read; a text
    file that merely mentions an address is not: at least two known mail header fields,
    one of them From, Date, Message-ID or Received, must open the file.
    """
    lines = head.replace(b"\r\n", b"\n").split(b"\n")
    if lines and lines[0].startswith(b"From "):  # an mbox-style first line
        lines = lines[1:]
    names: set[bytes] = set()
    for n, line in enumerate(lines):
        if not line.strip():
            break
        if line[:1] in (b" ", b"\t") and n > 0:
            continue  # a folded continuation line
        if not _FIELD.match(line):
            return False
        names.add(line.split(b":", 1)[0].lower())
    known = names & _MAIL_FIELDS
    return len(known) >= 2 and bool(known & {b"from", b"date", b"message-id", b"received"})


def find_needles(text: str, needles: Sequence[Needle]) -> list[TextMatch]:
    """find_in_text: names match regardless of case and accents there (and stay weak)."""
    return find_in_text(text, needles)


def header(msg: Message, name: str) -> str:
    """A header as text; broken encodings give what can be read instead of an exception."""
    try:
        values = msg.get_all(name) or []
        return ", ".join(str(v) for v in values)
    except HEADER_ERRORS:
        raw = msg.get(name, failobj="")
        return str(raw)


def message_id(raw: bytes) -> str:
    """The Message-ID without angle brackets ('' when there is none); reads the headers only."""
    try:
        msg = BytesHeaderParser(policy=policy.compat32).parsebytes(raw)
        value = msg.get("Message-ID", "")
    except HEADER_ERRORS:
        return ""
    return " ".join(str(value).split()).strip().strip("<>")


def content_key(raw: bytes) -> str:
    """A short fingerprint of a message without a Message-ID (stable while it is unchanged)."""
    return "sha256:" + hashlib.sha256(raw).hexdigest()[:16]


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


def header_matches(raw_headers: bytes, needles: Sequence[Needle]) -> bool:
    """Whether From/To/Cc/Subject (as fetched from a server) name the subject in any way."""
    msg = BytesParser(policy=policy.default).parsebytes(raw_headers + b"\r\n")
    text = "\n".join(header(msg, n) for n in ("From", "To", "Cc", "Subject"))
    return bool(find_needles(text, needles))


def analyse_message(
    raw: bytes,
    needles: Sequence[Needle],
    *,
    system: str,
    location: str,
    fallback_id: str,
    note: str = HAND_NOTE,
) -> Finding | None:
    """A finding when the message is from/to/cc the subject or mentions an identifier."""
    msg = BytesParser(policy=policy.default).parsebytes(raw)
    headers = {name: header(msg, name) for name in ("From", "To", "Cc", "Subject", "Date")}
    addresses = {
        addr.lower()
        for _name, addr in getaddresses([headers["From"], headers["To"], headers["Cc"]])
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
    body = _body_text(msg)
    matches.extend(find_needles(header_text + "\n\n" + body, needles))
    best = best_match(matches)
    if best is None:
        return None
    ident = header(msg, "Message-ID").strip().strip("<>")
    if best.strength is MatchStrength.WEAK:
        note = join([ONLY_NAME_NOTE, note])
    return Finding(
        system=system,
        record_id=ident or fallback_id,
        fields={
            "subject": headers["Subject"],
            "date": headers["Date"],
            "from": headers["From"],
            "to": headers["To"],
            "cc": stored_text(headers["Cc"], needles),
            "snippet": best.snippet,
            # The message in full (the access answer's copy), other people's data withheld.
            TEXT_FIELD: stored_text(body, needles),
        },
        categories=CATEGORIES,
        matched=best.identifier,
        strength=best.strength,
        location=location,
        note=note,
    )


def unreadable(system: str, location: str, fallback_id: str) -> Finding:
    """One unreadable message must not hide the rest; the officer checks it by hand."""
    return Finding(
        system=system,
        record_id=fallback_id,
        fields={"problem": "message could not be read"},
        categories=CATEGORIES,
        matched=Identifier(IdentifierKind.OTHER, "unreadable message"),
        strength=MatchStrength.WEAK,
        location=location,
        note=_("This message could not be read: check it by hand."),
    )
