"""Dates as letters and screens show them ("24 november 2026") and strict ISO date parsing."""

from __future__ import annotations

import re
from datetime import date
from typing import Final

from app.core.errors import ValidationError
from app.core.i18n import _

# Own tables instead of the locale module: locale is process-wide, not thread-safe, and
# depends on which locales the machine has installed.
_MONTHS: Final[dict[str, tuple[str, ...]]] = {
    "nl": (
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ),
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
}
_WEEKDAYS: Final[dict[str, tuple[str, ...]]] = {
    "nl": ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}
_ISO_DATE: Final = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")  # ASCII digits only
_ISO_HINT: Final = "Enter the date as YYYY-MM-DD, for example 2026-11-24."


def _language(lang: str) -> str:
    """Reduce "nl", "nl_NL", "en-GB" and the like to a language we have names for."""
    code = lang.replace("_", "-").split("-", 1)[0].lower()
    if code not in _MONTHS:
        raise ValueError(_("unsupported language {lang}; expected 'nl' or 'en'", lang=repr(lang)))
    return code


def format_date(d: date, lang: str) -> str:
    """ "24 november 2026" in Dutch, "24 November 2026" in English; no leading zero."""
    return f"{d.day} {_MONTHS[_language(lang)][d.month - 1]} {d.year}"


def format_date_long(d: date, lang: str) -> str:
    """The date with its weekday: "dinsdag 24 november 2026" / "Tuesday 24 November 2026"."""
    return f"{_WEEKDAYS[_language(lang)][d.weekday()]} {format_date(d, lang)}"


def parse_iso_date(s: str) -> date:
    """Parse "YYYY-MM-DD" (surrounding spaces allowed) or raise ``ValidationError({"date": ...})``.

    Only the plain calendar form is accepted: "20261124", week dates and times are refused so
    that a typing error never turns into another valid date.
    """
    if not isinstance(s, str):
        raise ValidationError({"date": _("No date given. {ISO_HINT}", ISO_HINT=_ISO_HINT)})
    text = s.strip()
    if not text:
        raise ValidationError({"date": _("The date is empty. {ISO_HINT}", ISO_HINT=_ISO_HINT)})
    match = _ISO_DATE.fullmatch(text)
    if match is None:
        raise ValidationError(
            {
                "date": _(
                    "{text} is not a date in the form YYYY-MM-DD. {ISO_HINT}",
                    text=repr(text),
                    ISO_HINT=_ISO_HINT,
                )
            }
        )
    year, month, day = (int(part) for part in match.groups())
    if year < 1:
        raise ValidationError(
            {
                "date": _(
                    "Year {year} does not exist. {ISO_HINT}",
                    year=format(year, "04d"),
                    ISO_HINT=_ISO_HINT,
                )
            }
        )
    if not 1 <= month <= 12:
        raise ValidationError(
            {
                "date": _(
                    "{text} has month {month}; a month runs from 01 to 12. {ISO_HINT}",
                    text=repr(text),
                    month=month,
                    ISO_HINT=_ISO_HINT,
                )
            }
        )
    try:
        return date(year, month, day)
    except ValueError:
        raise ValidationError(
            {
                "date": (
                    _(
                        "{text} does not exist: {value} {year} has no day {day}. Check the day.",
                        text=repr(text),
                        value=_MONTHS["en"][month - 1],
                        year=year,
                        day=day,
                    )
                )
            }
        ) from None
