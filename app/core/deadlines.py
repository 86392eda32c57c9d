"""Deadline arithmetic for a request: legal month, own promise, extension, pauses (Art. 12 AVG)."""

from __future__ import annotations

from calendar import monthrange
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Final

from app.core.calendar import next_working_day, previous_working_day
from app.core.errors import UserError, ValidationError
from app.core.i18n import _

DUE_SOON_DAYS: Final = 7
"""A deadline at most this many days away counts as "due_soon"."""

LEGAL_MONTHS: Final = 1
EXTENDED_MONTHS: Final = 3  # one month plus the two further months of Art. 12(3)

URGENCY_OVERDUE: Final = "overdue"
URGENCY_DUE_SOON: Final = "due_soon"
URGENCY_LATER: Final = "later"
URGENCY_PAUSED: Final = "paused"


class ExtensionNotAllowedError(UserError):
    """An extension notice that the rules of Art. 12(3) AVG do not allow on that date."""


@dataclass(frozen=True, slots=True)
class Pause:
    """The clock stops from ``start`` (question sent) until ``end`` (answer received).

    ``end`` is None while the answer is still awaited (an open pause). A closed pause counts
    ``end - start`` days, so a question sent on 6 March and answered on 16 March pauses 10 days.
    """

    start: date
    end: date | None
    reason: str = ""

    def __post_init__(self) -> None:
        if self.end is not None and self.end < self.start:
            raise ValidationError(
                {
                    "pause_end": (
                        _(
                            "The answer date ({date}) is before the question date "
                            "({date2}). "
                            "Correct one of the two dates.",
                            date=self.end,
                            date2=self.start,
                        )
                    )
                }
            )

    @property
    def is_open(self) -> bool:
        """True while the person's answer has not arrived."""
        return self.end is None


@dataclass(frozen=True, slots=True)
class DeadlineInput:
    """Everything the deadlines of one request depend on.

    ``promise_weeks`` is the organisation's own promise (Databalance: 4) and must be at least 1.
    ``extra_holidays`` are days off set by decree on top of the Algemene termijnenwet.
    A pause cannot start before the date of receipt: a question answers a letter already received.
    """

    received: date
    promise_weeks: int = 4
    pauses: tuple[Pause, ...] = ()
    extension_notice_sent_on: date | None = None
    extra_holidays: frozenset[date] = frozenset()

    def __post_init__(self) -> None:
        if self.promise_weeks < 1:
            raise ValidationError(
                {"promise_weeks": _("The promised handling time must be at least 1 week.")}
            )
        for pause in self.pauses:
            if pause.start < self.received:
                raise ValidationError(
                    {
                        "pause_start": (
                            _(
                                "The question date ({date}) is before the date of receipt "
                                "({date2}). Correct the question date.",
                                date=pause.start,
                                date2=self.received,
                            )
                        )
                    }
                )

    @property
    def open_pause(self) -> Pause | None:
        """The pause still waiting for an answer (the earliest one if there are several)."""
        open_pauses = [p for p in self.pauses if p.is_open]
        return min(open_pauses, key=lambda p: p.start) if open_pauses else None


@dataclass(frozen=True, slots=True)
class Deadlines:
    """The computed dates of one request; every date is None while the clock is paused.

    - ``legal``: one month after receipt plus paused days, rolled to a working day (Art. 12(3)).
    - ``promise``: the organisation's own date, not rolled, never later than ``legal``.
    - ``post_by``: the working day on or before ``promise`` on which the answer must be posted.
    - ``extended``: three months after receipt plus paused days, rolled; only when an extension
      notice was sent within the first month, else None.
    - ``refusal``: the date by which a refusal must be sent (Art. 12(4)); always the one-month
      date, an extension never moves it.
    - ``effective``: the deadline that counts now: ``extended`` when granted, else ``legal``.
    - ``paused_days``: the days of all closed pauses (an open pause is not counted yet).
    """

    promise: date | None
    post_by: date | None
    legal: date | None
    extended: date | None
    refusal: date | None
    effective: date | None
    paused: bool
    paused_days: int


def add_months_1182(received: date, months: int) -> date:
    """End of a period of ``months`` months starting on ``received`` (Regulation 1182/71, art. 3).

    The day of receipt does not count; the period ends on the same date ``months`` months later,
    or on that month's last day when that date does not exist (31 January -> 28/29 February).
    The result is unrolled: a weekend or holiday is not moved here.
    """
    if months < 0:
        raise ValueError(_("months must not be negative, got {months}", months=months))
    month_index = received.month - 1 + months
    year = received.year + month_index // 12
    month = month_index % 12 + 1
    last_day = monthrange(year, month)[1]
    return date(year, month, min(received.day, last_day))


def _paused_days(pauses: tuple[Pause, ...]) -> int:
    """Days covered by the closed pauses; overlapping pauses count each day once.

    Pauses should not overlap (one question waits at a time), but a day on which the clock
    already stood still cannot stop it a second time, so the union is counted.
    """
    total = 0
    counted_until: date | None = None
    for start, end in sorted((p.start, p.end) for p in pauses if p.end is not None):
        if counted_until is not None:
            start = max(start, counted_until)  # skip days an earlier pause already counted
            end = max(end, counted_until)
        total += (end - start).days
        counted_until = end
    return total


def _legal_deadline(inp: DeadlineInput, paused_days: int) -> date:
    unrolled = add_months_1182(inp.received, LEGAL_MONTHS) + timedelta(days=paused_days)
    return next_working_day(unrolled, inp.extra_holidays)


def compute_deadlines(inp: DeadlineInput) -> Deadlines:
    """Compute all deadlines of a request (see ``Deadlines`` for the meaning of each date).

    Choices made here:
    - Pauses move the unrolled end date by the paused days; the holiday roll comes after that
      (DOMAIN.md section 3). Several pauses add up; days where pauses overlap count once.
      Every closed pause counts, whenever it lies: only real questions should be recorded.
    - While a pause is open every date is None and ``paused`` is True: the end date is unknown
      until the answer arrives, so the UI shows "paused" instead of a date. This includes
      ``refusal``, which moves with the same clock.
    - An extension counts only when its notice was sent between receipt and the legal
      one-month deadline (both inclusive); a later or earlier notice is ignored here.
      ``check_extension_allowed`` is the place that rejects such a notice with a message.
    - The promise is capped at the legal deadline, so it is never later than the law allows.
    """
    paused_days = _paused_days(inp.pauses)
    if inp.open_pause is not None:
        return Deadlines(
            promise=None,
            post_by=None,
            legal=None,
            extended=None,
            refusal=None,
            effective=None,
            paused=True,
            paused_days=paused_days,
        )
    shift = timedelta(days=paused_days)
    legal = _legal_deadline(inp, paused_days)
    promise = min(inp.received + timedelta(weeks=inp.promise_weeks) + shift, legal)
    post_by = previous_working_day(promise, inp.extra_holidays)
    extended: date | None = None
    notice = inp.extension_notice_sent_on
    if notice is not None and inp.received <= notice <= legal:
        extended = next_working_day(
            add_months_1182(inp.received, EXTENDED_MONTHS) + shift, inp.extra_holidays
        )
    return Deadlines(
        promise=promise,
        post_by=post_by,
        legal=legal,
        extended=extended,
        refusal=legal,
        effective=extended if extended is not None else legal,
        paused=False,
        paused_days=paused_days,
    )


def check_extension_allowed(inp_without_extension: DeadlineInput, notice_sent_on: date) -> None:
    """Raise ``ExtensionNotAllowedError`` (a ``UserError``) when the notice date is not allowed.

    Refused when:
    - the request was already extended (Art. 12(3) allows one extension of two months);
    - a pause is open: the end of the first month is unknown until the person answers, so the
      answer must be recorded first (the clock then runs again and the extension can follow);
    - the notice is dated before the date of receipt (a typing error);
    - the notice is dated after the legal one-month deadline (pauses included): the first month
      has ended and only a refusal or the answer itself can follow.
    Whether the notice date lies in the future is for the caller to check: it knows today.
    """
    inp = inp_without_extension
    if inp.extension_notice_sent_on is not None:
        raise ExtensionNotAllowedError(
            _(
                "This request was already extended on {date}. The AVG allows one "
                "extension of two months (Art. 12(3) AVG).",
                date=inp.extension_notice_sent_on,
            )
        )
    open_pause = inp.open_pause
    if open_pause is not None:
        raise ExtensionNotAllowedError(
            _(
                "An extension cannot be recorded while the request is paused (waiting for an "
                "answer since {date}). Record the answer first; the first month then "
                "continues and the extension can still be sent before it ends.",
                date=open_pause.start,
            )
        )
    if notice_sent_on < inp.received:
        raise ExtensionNotAllowedError(
            _(
                "The extension notice date ({date}) is before the date of receipt "
                "({date2}). Check the date of the notice.",
                date=notice_sent_on,
                date2=inp.received,
            )
        )
    check_within_first_month(notice_sent_on, _legal_deadline(inp, _paused_days(inp.pauses)))


def check_within_first_month(notice_sent_on: date, legal_deadline: date) -> None:
    """Art. 12(3): an extension is noticed within the first month (by the legal deadline)."""
    if notice_sent_on > legal_deadline:
        raise ExtensionNotAllowedError(
            _(
                "An extension can no longer be granted: the first month ended on {date} "
                "(Art. 12(3) AVG). Only a refusal or the answer itself can follow now.",
                date=legal_deadline,
            )
        )


def days_left(deadlines: Deadlines, today: date) -> int | None:
    """Calendar days from ``today`` to the effective deadline; negative when overdue.

    None while paused. The effective deadline (legal or extended) is used, not the promise:
    overdue here means the law is broken, not only the organisation's own promise.
    """
    if deadlines.paused or deadlines.effective is None:
        return None
    return (deadlines.effective - today).days


def urgency(deadlines: Deadlines, today: date) -> str:
    """One of "overdue", "due_soon" (0 to 7 days left, today included), "later", "paused"."""
    return urgency_for_days_left(days_left(deadlines, today))


def urgency_for_days_left(left: int | None) -> str:
    """The urgency rule itself, for callers that already know the days left (None: paused)."""
    if left is None:
        return URGENCY_PAUSED
    if left < 0:
        return URGENCY_OVERDUE
    if left <= DUE_SOON_DAYS:
        return URGENCY_DUE_SOON
    return URGENCY_LATER


def deadlines_to_json(d: Deadlines) -> dict[str, str | int | bool | None]:
    """A JSON-ready dict: dates as ISO strings (or None), ``paused`` and ``paused_days`` as is."""

    def iso(value: date | None) -> str | None:
        return value.isoformat() if value is not None else None

    return {
        "promise": iso(d.promise),
        "post_by": iso(d.post_by),
        "legal": iso(d.legal),
        "extended": iso(d.extended),
        "refusal": iso(d.refusal),
        "effective": iso(d.effective),
        "paused": d.paused,
        "paused_days": d.paused_days,
    }
