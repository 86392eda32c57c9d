"""Data kept after an erasure request: the Art. 17(3) ground, statute, event and end date.

A kept item either has a legal ground of Art. 17(3)(a-e) GDPR with the statute and the event its
period runs from (the end date is that event's date plus the period, never the letter date plus a
period), or it expires by itself on a known date (log lines): a technical limit is no legal ground
and the letter states it outside the refusal part.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Final

from app.core.deadlines import add_months_1182
from app.core.errors import ValidationError
from app.core.i18n import C_, Labels, _

EXPIRES: Final = "expires"  # not a ground: the data deletes itself on keep_until
ART17_3_GROUNDS: Final = ("a", "b", "c", "d", "e")

# Events a retention period commonly runs from; any other event is written as the officer gives it.
KEEP_EVENTS: Final = (
    "end_of_customer_relationship",
    "invoice_date",
    "end_of_financial_year",
    "end_of_contract",
    "end_of_dispute",
)
KEEP_EVENT_LABEL: Final[Labels[str]] = Labels(
    {
        "end_of_customer_relationship": C_("keep event", "the end of the customer relationship"),
        "invoice_date": C_("keep event", "the invoice date"),
        "end_of_financial_year": C_("keep event", "the end of the financial year"),
        "end_of_contract": C_("keep event", "the end of the contract"),
        "end_of_dispute": C_("keep event", "the end of the dispute"),
    }
)

_PERIOD: Final = re.compile(
    r"^\s*(\d{1,3})\s*(jaar|jaren|years?|y|maanden|maand|months?|m|weken|week|weeks?|w|"
    r"dagen|dag|days?|d)\s*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Period:
    """A retention period: whole months (years are 12 months) plus days."""

    months: int = 0
    days: int = 0

    def after(self, start: date) -> date:
        """The end date: ``start`` plus the period (31 Jan + 1 month = 28/29 Feb)."""
        return add_months_1182(start, self.months) + timedelta(days=self.days)


def parse_period(text: str) -> Period:
    """'7 jaar', '7 years', '6 maanden', '90 dagen', '2 weeks' -> a Period; else ValidationError."""
    match = _PERIOD.match(text or "")
    if match is None:
        raise ValidationError(
            {
                "period": _(
                    "Give the retention period as a number and a unit, e.g. '7 years', "
                    "'6 months' or '90 days'."
                )
            }
        )
    n, unit = int(match.group(1)), match.group(2).lower()
    if n <= 0:
        raise ValidationError({"period": _("The retention period must be longer than zero.")})
    if unit.startswith(("j", "y")):
        return Period(months=12 * n)
    if unit.startswith("m"):
        return Period(months=n)
    if unit.startswith("w"):
        return Period(days=7 * n)
    return Period(days=n)


@dataclass(frozen=True)
class KeepDecision:
    """Why one kept item is kept: a legal ground (a-e) or "expires" by itself."""

    ground: str  # "a".."e" or EXPIRES
    statute: str = ""  # ground: the statutory rule, e.g. "art. 52 AWR"
    event: str = ""  # ground: a KEEP_EVENTS code or free text ("laatste bestelling")
    event_on: date | None = None  # ground: the date of that event
    period: str = ""  # ground: "7 years"
    expires_on: date | None = None  # expires: the date the data deletes itself

    def until(self) -> date:
        """The end date: the event's date plus the period, or the expiry date."""
        if self.ground == EXPIRES:
            assert self.expires_on is not None  # checked()
            return self.expires_on
        assert self.event_on is not None  # checked()
        return parse_period(self.period).after(self.event_on)

    def checked(self, today: date) -> KeepDecision:
        """The decision with its text trimmed; every problem at once (ValidationError)."""
        errors: dict[str, str] = {}
        ground = self.ground.strip().lower()
        clean = KeepDecision(
            ground=ground,
            statute=" ".join(self.statute.split()),
            event=" ".join(self.event.split()),
            event_on=self.event_on,
            period=self.period.strip(),
            expires_on=self.expires_on,
        )
        if ground == EXPIRES:
            if clean.expires_on is None:
                errors["expires_on"] = _("Give the date on which the data is deleted by itself.")
            elif clean.expires_on < today:
                errors["expires_on"] = _(
                    "That date has passed: data that has expired is no longer kept. Check the "
                    "date, or record the data as removed."
                )
            if errors:
                raise ValidationError(errors)
            return clean
        if ground not in ART17_3_GROUNDS:
            raise ValidationError(
                {
                    "ground": _(
                        "Choose an exception of Art. 17(3) GDPR (a to e), or say that the data "
                        "expires by itself. A technical limit or security logging is no ground."
                    )
                }
            )
        if not clean.statute:
            errors["statute"] = _(
                "Name the statutory rule that makes you keep the data, e.g. 'art. 52 Algemene "
                "wet inzake rijksbelastingen'."
            )
        if not clean.event:
            errors["event"] = _(
                "Say from which event the period runs, e.g. the end of the customer relationship "
                "or the invoice date."
            )
        if clean.event_on is None:
            errors["event_on"] = _("Give the date of that event.")
        try:
            end = parse_period(clean.period).after(clean.event_on or today)
        except ValidationError as exc:
            errors.update(exc.errors)
        else:
            if clean.event_on is not None and end < today:
                errors["period"] = _(
                    "The period ended on {end}: the data may no longer be kept. Erase it instead.",
                    end=end.isoformat(),
                )
        if errors:
            raise ValidationError(errors)
        return clean


def event_label(event: str, lang: str) -> str:
    """A KEEP_EVENTS code in words, or the officer's own words unchanged."""
    labels = KEEP_EVENT_LABEL[lang]
    return labels[event] if event in labels else event


# "they expire on 2027-02-26" (older notes), "Expected to be deleted on 2027-02-26" (web logs).
_EXPIRES_ON: Final = re.compile(
    r"\b(?:expires?|expected to be deleted) on (2\d\d\d-\d\d-\d\d)\b", re.IGNORECASE
)


def expiry_named_in(english: str) -> date | None:
    """The date in a connector's English note ("they expire on 2027-02-26", "Expected to be
    deleted on 2027-02-26"), if it names one."""
    match = _EXPIRES_ON.search(english)
    if match is None:
        return None
    try:
        return date.fromisoformat(match.group(1))
    except ValueError:
        return None
