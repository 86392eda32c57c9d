"""Identifier normalisation and the row-matching rules shared by the table-shaped connectors."""

from __future__ import annotations

import ipaddress
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from app.connectors.base import Identifier, MatchStrength, Subject
from app.core.enums import IdentifierKind
from app.core.i18n import _


class IdentifierRole(StrEnum):
    """What a column holds, as far as finding a person is concerned."""

    EMAIL = "email"
    CUSTOMER_NUMBER = "customer_number"
    USER_ID = "user_id"
    PHONE = "phone"
    IP_ADDRESS = "ip_address"
    FULL_NAME = "name"  # one column with "first last"
    FIRST_NAME = "first_name"
    LAST_NAME = "last_name"
    POSTCODE = "postcode"
    HOUSE_NUMBER = "house_number"
    BIRTH_DATE = "birth_date"


ROLE_NAMES = ", ".join(r.value for r in IdentifierRole)


# How tools keep an address after anonymising it: IPv4 with the last two bytes zeroed (Matomo's
# setting in the privacy statement), IPv6 cut to its /64 or /48 prefix.
_TRUNCATION_PREFIXES = {4: (16,), 6: (64, 48)}


def truncated_forms(ip: str) -> tuple[str, ...]:
    """The anonymised forms of ``ip`` other than itself (empty for text that is no address)."""
    try:
        addr = ipaddress.ip_address(ip.strip())
    except ValueError:
        return ()
    forms = (
        str(ipaddress.ip_network(f"{addr}/{prefix}", strict=False).network_address)
        for prefix in _TRUNCATION_PREFIXES[addr.version]
    )
    return tuple(form for form in dict.fromkeys(forms) if form != str(addr))


def is_truncated(ip: str) -> bool:
    """True for an address that is already in an anonymised form (its host part is zero)."""
    try:
        addr = ipaddress.ip_address(ip.strip())
    except ValueError:
        return False
    return any(
        addr == ipaddress.ip_network(f"{addr}/{prefix}", strict=False).network_address
        for prefix in _TRUNCATION_PREFIXES[addr.version]
    )


def parse_role(value: str) -> IdentifierRole:
    """Return the role for a configured string; ValueError names the allowed values."""
    try:
        return IdentifierRole(value.strip().lower())
    except ValueError:
        raise ValueError(
            _(
                "unknown identifier {value}; use one of: {roles}",
                value=repr(value),
                roles=ROLE_NAMES,
            )
        ) from None


def normalise_email(value: str) -> str:
    return value.strip().casefold()


def normalise_text(value: str) -> str:
    """Case-, accent- and whitespace-insensitive form of a name."""
    decomposed = unicodedata.normalize("NFKD", value.casefold())
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.split())


def fold(text: str) -> str:
    """Case and accents folded, one character for one character (offsets stay valid).

    "Zoë", "ZOË" and "Zoe" all become "zoe"; a character whose base is not one character
    (e.g. the ligature "ﬁ") is only lower-cased. The one rule for names in every connector.
    """
    out: list[str] = []
    for char in text:
        if char.isascii():
            out.append(char.lower())
            continue
        base = "".join(
            c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c)
        )
        lowered = base.lower() if base else char.lower()
        out.append(lowered if len(lowered) == 1 else char)
    return "".join(out)


def _accent_table() -> tuple[str, str]:
    """(accented letters, their folded letters) of Latin-1 and Latin Extended-A, for SQL."""
    accented, plain = [], []
    for code in range(0xC0, 0x180):
        char = chr(code)
        folded = fold(char)
        if folded != char and folded.isascii() and folded.isalpha():
            accented.append(char)
            plain.append(folded)
    return "".join(accented), "".join(plain)


# translate(col, ACCENTED, FOLDED) in SQL folds what fold() folds for these letters.
ACCENTED, FOLDED = _accent_table()


def name_pattern(full_name: str) -> re.Pattern[str]:
    """A pattern for a name in text passed through :func:`fold` (any case, any accents).

    Any run of whitespace between the parts: names wrap across lines in letters and mails.
    A name match is always weak: the callers give it MatchStrength.WEAK.
    """
    parts = [re.escape(fold(p)) for p in full_name.split()]
    return re.compile(r"(?<!\w)" + r"\s+".join(parts) + r"(?!\w)")


def find_name(text: str, full_name: str) -> tuple[int, int] | None:
    """Where ``full_name`` occurs in ``text`` regardless of case and accents (NFC text)."""
    hit = name_pattern(full_name).search(fold(text))
    return None if hit is None else hit.span()


def phone_digits(value: str) -> str:
    """Digits of a phone number with the Dutch country code folded to a leading zero."""
    digits = re.sub(r"\D", "", value)
    if value.strip().startswith("+31") or digits.startswith("0031"):
        digits = "0" + digits.removeprefix("00").removeprefix("31")
    return digits


def normalise_postcode(value: str) -> str:
    return re.sub(r"\s", "", value).upper()


def normalise_house_number(value: str) -> str:
    return re.sub(r"[\s\-]", "", value).lower()


def parse_date(value: Any) -> date | None:
    """A date from a date, datetime or ISO / dd-mm-yyyy string; None if it is none of those."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value or "").strip()
    for fmt in ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def display(value: Any) -> str:
    """The stable display string of a stored value (also used to detect changed records)."""
    if value is None:
        return ""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, bytes):
        return value.hex()
    return str(value)


@dataclass(frozen=True)
class RowMatch:
    strength: MatchStrength
    matched: Identifier
    note: str = ""


_STRONG_ORDER = (IdentifierKind.EMAIL, IdentifierKind.CUSTOMER_NUMBER, IdentifierKind.USER_ID)
_NAME_ONLY_NOTE = _("Matched on weak identifiers only: check that this is the same person.")
# One whole sentence per combination of contradicting identifiers, so each can be translated.
_CONFLICT_NOTES = {
    ("customer number",): _("The record holds a different customer number: check the person."),
    ("user id",): _("The record holds a different user id: check the person."),
    ("birth date",): _("The record holds a different birth date: check the person."),
    ("customer number", "user id"): _(
        "The record holds a different customer number and user id: check the person."
    ),
    ("customer number", "birth date"): _(
        "The record holds a different customer number and birth date: check the person."
    ),
    ("user id", "birth date"): _(
        "The record holds a different user id and birth date: check the person."
    ),
    ("customer number", "user id", "birth date"): _(
        "The record holds a different customer number and user id and birth date: check the person."
    ),
}
# DOMAIN section 4: the postal default is to answer only to the address already held.
ADDRESS_DOUBT_NOTE = _(
    "The address held here differs from the one in the letter: a reason for doubt. Answer only "
    "to the known address, or ask the person to confirm their identity."
)


def _values(row: Mapping[IdentifierRole, Sequence[Any]], role: IdentifierRole) -> list[str]:
    return [display(v).strip() for v in row.get(role, ()) if display(v).strip()]


def _row_full_name(row: Mapping[IdentifierRole, Sequence[Any]]) -> str:
    full = _values(row, IdentifierRole.FULL_NAME)
    if full:
        return normalise_text(full[0])
    first = _values(row, IdentifierRole.FIRST_NAME)
    last = _values(row, IdentifierRole.LAST_NAME)
    if first and last:
        return normalise_text(f"{first[0]} {last[0]}")
    return ""


def _exact(values: Iterable[str], wanted: Iterable[str]) -> str | None:
    wanted_set = {w.strip() for w in wanted if w.strip()}
    return next((v for v in values if v in wanted_set), None)


def _first_hit(
    values: Iterable[str], wanted: Mapping[str, str], norm: Callable[[str], str]
) -> str | None:
    """The subject's own spelling of the first value that matches after normalisation."""
    return next((wanted[norm(v)] for v in values if norm(v) in wanted), None)


def _contradictions(row: Mapping[IdentifierRole, Sequence[Any]], subject: Subject) -> list[str]:
    """Unique identifiers that the subject gave and that this row holds with another value."""
    found: list[str] = []
    for role, given, label in (
        (IdentifierRole.CUSTOMER_NUMBER, subject.customer_numbers, "customer number"),
        (IdentifierRole.USER_ID, subject.user_ids, "user id"),
    ):
        held = _values(row, role)
        if held and any(g.strip() for g in given) and _exact(held, given) is None:
            found.append(label)
    held_dates = [d for d in (parse_date(v) for v in row.get(IdentifierRole.BIRTH_DATE, ())) if d]
    if subject.birth_date and held_dates and subject.birth_date not in held_dates:
        found.append("birth date")
    return found


def _same_address(row: Mapping[IdentifierRole, Sequence[Any]], subject: Subject) -> bool | None:
    """Whether the record holds the letter's postcode + house number (None: nothing to compare)."""
    if not (subject.postcode and subject.house_number):
        return None
    postcodes = {normalise_postcode(v) for v in _values(row, IdentifierRole.POSTCODE)}
    numbers = {normalise_house_number(v) for v in _values(row, IdentifierRole.HOUSE_NUMBER)}
    postcodes.discard("")
    numbers.discard("")
    if not postcodes or not numbers:
        return None  # the system holds no address to compare with
    return (
        normalise_postcode(subject.postcode) in postcodes
        and normalise_house_number(subject.house_number) in numbers
    )


def match_row(row: Mapping[IdentifierRole, Sequence[Any]], subject: Subject) -> RowMatch | None:
    """Apply the matching rules to one record's identifier values; None when it is not the subject.

    STRONG: e-mail (case-insensitive), customer number, user id, name + birth date, name +
    postcode/house number. WEAK: phone, postcode/house number, name, IP address. A record whose
    customer number, user id or birth date contradicts what the subject gave is another person
    (excluded when it matched weakly, downgraded to WEAK with a note when it matched strongly).
    """
    strong: dict[IdentifierKind, str] = {}
    weak: dict[IdentifierKind, str] = {}
    emails = {normalise_email(e): e.strip() for e in subject.emails if e.strip()}
    hit = _first_hit(_values(row, IdentifierRole.EMAIL), emails, normalise_email)
    if hit:
        strong[IdentifierKind.EMAIL] = hit
    for role, kind, given in (
        (IdentifierRole.CUSTOMER_NUMBER, IdentifierKind.CUSTOMER_NUMBER, subject.customer_numbers),
        (IdentifierRole.USER_ID, IdentifierKind.USER_ID, subject.user_ids),
    ):
        exact = _exact(_values(row, role), given)
        if exact is not None:
            strong[kind] = exact
    name = normalise_text(subject.full_name) if subject.first_name and subject.last_name else ""
    name_hit = bool(name) and _row_full_name(row) == name
    if name_hit and subject.birth_date is not None:
        dates = {parse_date(v) for v in row.get(IdentifierRole.BIRTH_DATE, ())}
        if subject.birth_date in dates:
            value = f"{subject.full_name}, {subject.birth_date.isoformat()}"
            strong[IdentifierKind.NAME_BIRTH_DATE] = value
    same_address = _same_address(row, subject)
    if same_address:
        address = f"{subject.postcode} {subject.house_number}"
        if name_hit:
            strong[IdentifierKind.POSTCODE_HOUSE_NUMBER] = address
        else:
            weak[IdentifierKind.POSTCODE_HOUSE_NUMBER] = address
    phones = {phone_digits(p): p.strip() for p in subject.phones if phone_digits(p)}
    phone_hit = _first_hit(_values(row, IdentifierRole.PHONE), phones, phone_digits)
    if phone_hit:
        weak[IdentifierKind.PHONE] = phone_hit
    if name_hit:
        weak[IdentifierKind.NAME] = subject.full_name
    ip = _exact(_values(row, IdentifierRole.IP_ADDRESS), subject.ip_addresses)
    if ip is not None:
        weak[IdentifierKind.IP_ADDRESS] = ip

    conflicts = _contradictions(row, subject)
    if strong:
        order = (
            *_STRONG_ORDER,
            IdentifierKind.NAME_BIRTH_DATE,
            IdentifierKind.POSTCODE_HOUSE_NUMBER,
        )
        kind = next(k for k in order if k in strong)
        if conflicts:
            note = _CONFLICT_NOTES[tuple(conflicts)]
            return RowMatch(MatchStrength.WEAK, Identifier(kind, strong[kind]), note)
        doubt = ADDRESS_DOUBT_NOTE if same_address is False else ""
        return RowMatch(MatchStrength.STRONG, Identifier(kind, strong[kind]), doubt)
    if weak and not conflicts:
        weak_order = (
            IdentifierKind.POSTCODE_HOUSE_NUMBER,
            IdentifierKind.PHONE,
            IdentifierKind.NAME,
            IdentifierKind.IP_ADDRESS,
        )
        kind = next(k for k in weak_order if k in weak)
        return RowMatch(MatchStrength.WEAK, Identifier(kind, weak[kind]), _NAME_ONLY_NOTE)
    return None


def stronger(a: RowMatch, b: RowMatch) -> RowMatch:
    """The better of two matches for the same record (STRONG wins; first one on a tie)."""
    rank = {MatchStrength.STRONG: 2, MatchStrength.WEAK: 1, MatchStrength.NOT_ATTRIBUTABLE: 0}
    return b if rank[b.strength] > rank[a.strength] else a
