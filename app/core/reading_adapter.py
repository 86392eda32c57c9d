"""What the intake needs from a letter reading that ``LetterReading`` may not carry yet.

The letter reader (app.core.letter_text) is being extended with the sender, the reminder's
earlier date and its ultimatum. Until those fields exist, the functions here read them from
the reading when present (``getattr``) and otherwise find the few things the intake needs in
the text itself. At the merge, each function becomes a plain field access.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from app.core.letter_text import LetterReading

_NUMBER_WORDS = {
    "zeven": 7, "acht": 8, "tien": 10, "veertien": 14, "twee": 2, "drie": 3, "vier": 4,
    "seven": 7, "eight": 8, "ten": 10, "fourteen": 14, "two": 2, "three": 3, "four": 4,
    "sieben": 7, "zehn": 10, "vierzehn": 14, "zwei": 2, "drei": 3,
}  # fmt: skip
_COUNT = r"(\d{1,3}|" + "|".join(_NUMBER_WORDS) + r")"
# "binnen 14 dagen", "binnen twee weken", "within 14 days", "innerhalb von 14 Tagen"
_WITHIN = re.compile(
    r"\b(?:binnen|within|innerhalb\s+(?:von\s+)?)\s*" + _COUNT + r"\s+"
    r"(dagen|dag|werkdagen|weken|week|days|working\s+days|weeks|tagen|werktagen|wochen)\b",
    re.IGNORECASE,
)
_WEEKS = ("weken", "week", "weeks", "wochen")


@dataclass(frozen=True)
class Proposal:
    """A value found in the letter, with the line it came from."""

    value: str
    line: str = ""


def _field(reading: LetterReading, name: str) -> Any:
    return getattr(reading, name, None)


def quoted_our_reference(reading: LetterReading) -> Proposal | None:
    """Our case reference the letter quotes (AVG-2026-0012), for finding the earlier case."""
    if not reading.our_reference:
        return None
    return Proposal(reading.our_reference, str(reading.evidence.get("our_reference", "")))


def earlier_letter_date(reading: LetterReading) -> date | None:
    """The date of the earlier letter a reminder refers to (when the reader finds it)."""
    value = _field(reading, "earlier_letter_date")
    return value if isinstance(value, date) else None


def ultimatum_date(reading: LetterReading, text: str, *, received_on: date) -> Proposal | None:
    """The date a reminder or notice of default demands an answer by.

    "binnen 14 dagen (na dagtekening)" counts from the letter's date, else from receipt.
    """
    value = _field(reading, "ultimatum_on")
    if isinstance(value, date):
        return Proposal(value.isoformat(), str(reading.evidence.get("ultimatum", "")))
    for line in text.splitlines():
        match = _WITHIN.search(line)
        if match is None:
            continue
        count_text = match.group(1).lower()
        count = int(count_text) if count_text.isdigit() else _NUMBER_WORDS[count_text]
        days = count * 7 if match.group(2).lower() in _WEEKS else count
        if not 1 <= days <= 180:
            continue
        start = reading.letter_date or received_on
        return Proposal((start + timedelta(days=days)).isoformat(), line.strip())
    return None


@dataclass(frozen=True)
class PersonHint:
    """Who the letter is from, as far as the reading says: for finding their open case."""

    last_name: str = ""
    postcode: str = ""
    email: str = ""
    name_line: str = ""


def sender_of(reading: LetterReading) -> PersonHint:
    """The sender the reading proposes; empty where today's reader has no sender yet."""
    sender = _field(reading, "sender")

    def part(name: str) -> str:
        value = getattr(sender, name, None) if sender is not None else _field(reading, name)
        value = getattr(value, "value", value)  # a proposal object with .value
        return value.strip() if isinstance(value, str) else ""

    return PersonHint(
        last_name=part("last_name"),
        postcode=part("postcode"),
        email=part("email"),
        name_line=part("name"),
    )
