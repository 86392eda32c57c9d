"""Find a data subject's identifiers in free text and cut a snippet around each match."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from app.connectors.base import Identifier, MatchStrength, Subject
from app.connectors.identifier_match import fold, name_pattern
from app.core.enums import IdentifierKind
from app.core.i18n import _
from app.core.withholding import OwnData, withhold_others

ONLY_NAME_NOTE = _("Only the name matched: check it is this person.")

SNIPPET_CONTEXT = 60
_STRENGTH_ORDER = {
    MatchStrength.STRONG: 0,
    MatchStrength.WEAK: 1,
    MatchStrength.NOT_ATTRIBUTABLE: 2,
}


def own_data(needles: Sequence[Needle]) -> OwnData:
    """The subject's identifiers as the withholding of other people's data needs them."""
    values = [n.identifier.value for n in needles]
    names = [n.identifier.value for n in needles if n.identifier.kind.value == "name"]
    return OwnData.of(values, names=names)


def stored_text(text: str, needles: Sequence[Needle]) -> str:
    """A message or document's text to keep in the case base: other people's data withheld."""
    return withhold_others(text.strip(), own_data(needles), None)[0]


@dataclass(frozen=True)
class Needle:
    """One identifier of the subject, compiled for searching text."""

    identifier: Identifier
    strength: MatchStrength
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class TextMatch:
    identifier: Identifier
    strength: MatchStrength
    snippet: str


def strength_rank(strength: MatchStrength) -> int:
    """Lower is stronger; for picking the best match of several."""
    return _STRENGTH_ORDER[strength]


def _email_pattern(email: str) -> re.Pattern[str]:
    # Boundaries so "jan@x.nl" does not match inside "xjan@x.nl" or "jan@x.nl.evil.com".
    return re.compile(
        r"(?<![\w.+%-])" + re.escape(email) + r"(?![\w-]|\.[A-Za-z0-9])", re.IGNORECASE
    )


def _token_pattern(token: str) -> re.Pattern[str]:
    return re.compile(r"(?<![0-9A-Za-z])" + re.escape(token) + r"(?![0-9A-Za-z])", re.IGNORECASE)


def _phone_pattern(phone: str) -> re.Pattern[str] | None:
    digits = re.sub(r"\D", "", phone)
    if len(digits) < 6:
        return None
    # Spaces, dashes, dots or brackets may sit between any two digits.
    body = r"[\s\-.()]*".join(re.escape(d) for d in digits)
    return re.compile(r"(?<!\d)" + body + r"(?!\d)")


def subject_needles(subject: Subject, *, include_name: bool = True) -> list[Needle]:
    """The identifiers worth searching free text for, strongest kinds first."""
    needles: list[Needle] = []
    for email in subject.emails:
        if email.strip():
            needles.append(
                Needle(
                    Identifier(IdentifierKind.EMAIL, email.strip()),
                    MatchStrength.STRONG,
                    _email_pattern(email.strip()),
                )
            )
    for number in subject.customer_numbers:
        if number.strip():
            needles.append(
                Needle(
                    Identifier(IdentifierKind.CUSTOMER_NUMBER, number.strip()),
                    MatchStrength.STRONG,
                    _token_pattern(number.strip()),
                )
            )
    for user_id in subject.user_ids:
        if user_id.strip():
            needles.append(
                Needle(
                    Identifier(IdentifierKind.USER_ID, user_id.strip()),
                    MatchStrength.STRONG,
                    _token_pattern(user_id.strip()),
                )
            )
    for phone in subject.phones:
        pattern = _phone_pattern(phone)
        if pattern is not None:
            needles.append(
                Needle(Identifier(IdentifierKind.PHONE, phone), MatchStrength.WEAK, pattern)
            )
    name = subject.full_name.strip()
    if include_name and len(name.split()) >= 2:
        # A single name part matches far too much to be useful, even as a weak match.
        needles.append(
            Needle(Identifier(IdentifierKind.NAME, name), MatchStrength.WEAK, name_pattern(name))
        )
    return needles


def make_snippet(text: str, start: int, end: int, context: int = SNIPPET_CONTEXT) -> str:
    """The match with some context on each side, whitespace collapsed, ellipses where cut.

    The context never crosses a line break: in a list or CSV export the neighbouring lines are
    other people, whose data must not end up in this person's findings (or access letter).
    """
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end
    left = max(line_start, start - context)
    right = min(line_end, end + context)
    piece = " ".join(text[left:right].split())
    prefix = "…" if left > line_start else ""
    suffix = "…" if right < line_end else ""
    return f"{prefix}{piece}{suffix}"


def find_in_text(text: str, needles: Iterable[Needle]) -> list[TextMatch]:
    """First occurrence of every needle found in ``text``, strongest first.

    Names match regardless of case and accents ("Zoe" finds "ZOË", "Zoë" finds "Zoe"): their
    pattern searches the folded text (:func:`fold` keeps offsets), and stay weak.
    """
    text = unicodedata.normalize("NFC", text)
    folded: str | None = None
    found: list[TextMatch] = []
    for needle in needles:
        if needle.identifier.kind is IdentifierKind.NAME:
            folded = fold(text) if folded is None else folded
            hit = needle.pattern.search(folded)
            if hit is not None:
                found.append(
                    TextMatch(
                        needle.identifier, MatchStrength.WEAK, make_snippet(text, *hit.span())
                    )
                )
            continue
        hit = needle.pattern.search(text)
        if hit is not None:
            found.append(
                TextMatch(needle.identifier, needle.strength, make_snippet(text, *hit.span()))
            )
    found.sort(key=lambda m: strength_rank(m.strength))
    return found


def best_match(matches: Iterable[TextMatch]) -> TextMatch | None:
    ordered = sorted(matches, key=lambda m: strength_rank(m.strength))
    return ordered[0] if ordered else None
