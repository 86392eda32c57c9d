"""Dates as letters write them: "16 november 2026", "November 16, 2026", "den 16.11.2026",
"16. November 2026", "2nd November 2026", "16-11-2026", and the date line of a letter. Pure."""

from __future__ import annotations

import re
from datetime import date

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("januari", "january", "januar", "j\u00e4nner", "jan"),
            ("februari", "february", "februar", "feb"),
            ("maart", "march", "m\u00e4rz", "maerz", "mrt", "mar", "m\u00e4r"),
            ("april", "apr"),
            ("mei", "may", "mai"),
            ("juni", "june", "jun"),
            ("juli", "july", "jul"),
            ("augustus", "august", "aug"),
            ("september", "sep", "sept"),
            ("oktober", "october", "okt", "oct"),
            ("november", "nov"),
            ("december", "dezember", "dec", "dez"),
        ),
        start=1,
    )
    for name in names
}
# Every month name and abbreviation, longest first (a regular expression alternation).
MONTH_PATTERN = "|".join(sorted(_MONTHS, key=len, reverse=True))
_MONTH = MONTH_PATTERN
_DATE_FORMS = (
    re.compile(
        rf"(?P<d>\d{{1,2}})(?:\.|st|nd|rd|th|e|ste|de)?\s+(?:of\s+)?(?P<m>{_MONTH})\.?,?\s+"
        rf"(?P<y>\d{{4}})",
        re.IGNORECASE,
    ),
    re.compile(
        rf"(?P<m>{_MONTH})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})",
        re.IGNORECASE,
    ),
    re.compile(r"(?P<d>\d{1,2})[-./](?P<n>\d{1,2})[-./](?P<y>\d{4})"),
    re.compile(r"(?P<y>\d{4})-(?P<n>\d{2})-(?P<d>\d{2})"),
)
# A date line: the date alone, after "Datum:"/"Date:", or after a place ("Utrecht, 3 maart 2026").
_DATE_LINE_PREFIX = re.compile(
    r"^\s*(?:(?:datum|dated|date|gedateerd|verzonden|sent|gesendet)\s*:?\s*"
    r"|[A-Za-zÀ-ÿ'. -]{2,40}(?:,|(?=\s+(?:den\s+)?\d)))?\s*(?:den\s+)?"
    r"(?:(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|monday|tuesday|wednesday"
    r"|thursday|friday|saturday|sunday|montag|dienstag|mittwoch|donnerstag|freitag|samstag"
    r"|sonntag),?\s+(?:the\s+)?)?",
    re.IGNORECASE,
)
_TIME_SUFFIX = re.compile(r",?\s+(?:om\s+|at\s+|um\s+)?\d{1,2}[:.]\d{2}(?:\s*(?:uur|Uhr|[ap]m))?$")


def parse_date(text: str) -> date | None:
    """A date written alone ("16 november 2026", "November 16, 2026", "16.11.2026", "2nd
    November 2026"), or None."""
    text = _TIME_SUFFIX.sub("", text.strip().rstrip("."))
    for form in _DATE_FORMS:
        match = form.fullmatch(text)
        if not match:
            continue
        parts = match.groupdict()
        month = int(parts["n"]) if parts.get("n") else _MONTHS[parts["m"].lower()]
        try:
            return date(int(parts["y"]), month, int(parts["d"]))
        except ValueError:
            return None
    return None


def date_line_value(line: str) -> date | None:
    """The date of a date line: the date alone, after "Datum:"/"Date:", after a place
    ("Utrecht, 3 maart 2026", "Essen, den 16.11.2026") or a weekday; None for other lines."""
    if len(line) > 70:
        return None
    whole = parse_date(line)
    return whole if whole is not None else parse_date(_DATE_LINE_PREFIX.sub("", line, count=1))
