"""Dates as letters and screens show them ("24 november 2026") and strict ISO date parsing."""

from __future__ import annotations

import re
from datetime import date
from typing import Final

from app.core import i18n
from app.core.errors import ValidationError
from app.core.i18n import C_, LANGUAGES, _, translate_context

# Month and weekday names come from the gettext catalogues (context "month" / "weekday"),
# not from the locale module: locale is process-wide, not thread-safe, and depends on which
# locales the machine has installed.
_WEEKDAYS: Final = (
    C_("weekday", "Monday"),
    C_("weekday", "Tuesday"),
    C_("weekday", "Wednesday"),
    C_("weekday", "Thursday"),
    C_("weekday", "Friday"),
    C_("weekday", "Saturday"),
    C_("weekday", "Sunday"),
)
_ISO_DATE: Final = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")  # ASCII digits only
_ISO_HINT: Final = _("Enter the date as YYYY-MM-DD, for example 2026-11-24.")


def _language(lang: str) -> str:
    """Reduce "nl", "nl_NL", "en-GB" and the like to a language we have names for."""
    code = lang.replace("_", "-").split("-", 1)[0].lower()
    if code not in LANGUAGES:
        raise ValueError(
            _(
                "unsupported language {lang}; expected one of {known}",
                lang=repr(lang),
                known=LANGUAGES,
            )
        )
    return code


def format_date(d: date, lang: str) -> str:
    """ "24 november 2026" in Dutch, "24 November 2026" in English; no leading zero."""
    return i18n.format_date(d, _language(lang))


def format_date_long(d: date, lang: str) -> str:
    """The date with its weekday: "dinsdag 24 november 2026" / "Tuesday 24 November 2026"."""
    code = _language(lang)
    weekday = translate_context("weekday", _WEEKDAYS[d.weekday()], code)
    return f"{weekday} {format_date(d, code)}"


def parse_iso_date(s: str) -> date:
    """Parse "YYYY-MM-DD" (surrounding spaces allowed) or raise ``ValidationError({"date": ...})``.

    Only the plain calendar form is accepted: "20261124", week dates and times are refused so
    that a typing error never turns into another valid date.
    """
    if not isinstance(s, str):
        raise ValidationError({"date": _("No date given. {hint}", hint=_ISO_HINT)})
    text = s.strip()
    if not text:
        raise ValidationError({"date": _("The date is empty. {hint}", hint=_ISO_HINT)})
    match = _ISO_DATE.fullmatch(text)
    if match is None:
        raise ValidationError(
            {
                "date": _(
                    "{text} is not a date in the form YYYY-MM-DD. {hint}",
                    text=repr(text),
                    hint=_ISO_HINT,
                )
            }
        )
    year, month, day = (int(part) for part in match.groups())
    if year < 1:
        raise ValidationError(
            {
                "date": _(
                    "Year {year} does not exist. {hint}",
                    year=format(year, "04d"),
                    hint=_ISO_HINT,
                )
            }
        )
    if not 1 <= month <= 12:
        raise ValidationError(
            {
                "date": _(
                    "{text} has month {month}; a month runs from 01 to 12. {hint}",
                    text=repr(text),
                    month=month,
                    hint=_ISO_HINT,
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
                        "{text} does not exist: {month_name} {year} has no day {day}. Check the "
                        "day.",
                        text=repr(text),
                        month_name=i18n.MONTHS[month - 1],
                        year=year,
                        day=day,
                    )
                )
            }
        ) from None
