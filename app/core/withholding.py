"""Withholding other people's data in a copy for the data subject (Art. 15(4) GDPR).

A copy of an e-mail or document gives the person's own text in full, but e-mail addresses,
telephone numbers, IP addresses, bank account and customer numbers of other people are
withheld and marked, and so are names the officer lists. A line that names another person's
identifier and none of the data subject's (a row of someone else in an export) is withheld as
a whole; a line about the data subject keeps its text with only the other identifiers marked.
Runs of withheld lines collapse into one mark.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from app.core.i18n import C_

WITHHELD = C_("copy", "[withheld: another person's data]")
# What a connector stores where it withheld data already (the case base keeps no other
# person's data); the letter writes its own mark in its language there.
STORED_MARK = "[[withheld]]"

# Functional mailboxes of an organisation are no person's data.
ROLE_MAILBOXES = frozenset(
    {
        "support", "info", "privacy", "noreply", "no-reply", "helpdesk", "service",
        "klantenservice", "sales", "admin", "contact", "administratie", "facturen", "billing",
        "servicedesk", "avg", "gdpr", "dpo", "fg", "post", "office", "kantoor", "mail",
    }
)  # fmt: skip

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_IBAN = re.compile(r"\b[A-Z]{2}\d{2}[A-Z]{4}\d{7,10}\b")
_PHONE = re.compile(r"(?<![\w.])(?:\+31|0031|0)[1-9](?:[ -]?\d){8}(?![\w.])")
_IPV4 = re.compile(r"(?<![\w.])\d{1,3}(?:\.\d{1,3}){3}(?![\w.])")
_CODE = re.compile(r"\b[A-Z]{2,4}-?\d{5,}\b")  # customer and contract numbers: DB100001
_PATTERNS = (_EMAIL, _IBAN, _PHONE, _IPV4, _CODE)


def _norm(value: str) -> str:
    text = value.strip().lower()
    digits = re.sub(r"\D", "", text)
    if _PHONE.fullmatch(value.strip()) and digits:
        return "tel:" + digits[-9:]
    return text


@dataclass(frozen=True)
class OwnData:
    """What belongs to the data subject (kept) and what the officer wants withheld too."""

    identifiers: frozenset[str] = frozenset()  # e-mail, customer number, phone, IP, ...
    names: tuple[str, ...] = ()  # the person's own name(s): a line naming them is theirs
    keep_addresses: frozenset[str] = frozenset()  # the organisation's own e-mail addresses
    extra_terms: tuple[str, ...] = field(default_factory=tuple)  # officer: others' names

    @classmethod
    def of(
        cls,
        identifiers: Iterable[str],
        names: Iterable[str] = (),
        keep_addresses: Iterable[str] = (),
        extra_terms: Iterable[str] = (),
    ) -> OwnData:
        return cls(
            identifiers=frozenset(_norm(i) for i in identifiers if i.strip()),
            names=tuple(n.strip().lower() for n in names if len(n.strip()) > 2),
            keep_addresses=frozenset(a.strip().lower() for a in keep_addresses if a.strip()),
            extra_terms=tuple(t.strip() for t in extra_terms if len(t.strip()) > 1),
        )

    def owns(self, token: str) -> bool:
        norm = _norm(token)
        if norm in self.identifiers:
            return True
        if "@" in token:
            address = token.lower()
            return address in self.keep_addresses or address.split("@")[0] in ROLE_MAILBOXES
        return False

    def mentioned_in(self, line: str) -> bool:
        low = line.lower()
        digits = re.sub(r"\D", "", line)
        return (
            any(i in low for i in self.identifiers if not i.startswith("tel:"))
            or any(i[4:] in digits for i in self.identifiers if i.startswith("tel:"))
            or any(n in low for n in self.names)
        )


def _spans(line: str, own: OwnData) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(other people's identifiers, officer-listed terms) found in ``line``."""
    idents: list[tuple[int, int]] = []
    for pattern in _PATTERNS:
        for m in pattern.finditer(line):
            overlaps = any(s < m.end() and m.start() < e for s, e in idents)
            if not overlaps and not own.owns(m.group(0)):
                idents.append(m.span())
    terms: list[tuple[int, int]] = []
    for term in own.extra_terms:
        for m in re.finditer(re.escape(term), line, re.IGNORECASE):
            if not any(s < m.end() and m.start() < e for s, e in idents + terms):
                terms.append(m.span())
    return idents, terms


def withhold_others(text: str, own: OwnData, lang: str | None) -> tuple[str, int]:
    """``text`` with other people's data replaced by the mark (in ``lang``; None: the stored
    mark), and how many were withheld (marks already in the text count too)."""
    mark = STORED_MARK if lang is None else WITHHELD.render(lang)
    already = text.count(STORED_MARK)
    text = text.replace(STORED_MARK, mark)
    out: list[str] = []
    count = 0
    for line in text.splitlines():
        idents, terms = _spans(line, own)
        if idents and not own.mentioned_in(line) and line != mark:
            count += 1
            if not out or out[-1] != mark:  # a run of other people's rows: one mark
                out.append(mark)
            continue
        pieces: list[str] = []
        last = 0
        for start, end in sorted(idents + terms):
            pieces.extend((line[last:start], mark))
            last = end
            count += 1
        pieces.append(line[last:])
        out.append("".join(pieces))
    return "\n".join(out), count + already
