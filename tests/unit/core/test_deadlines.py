"""Tests for deadline arithmetic: Regulation 1182/71 months, holiday roll, promise, pauses."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, timedelta

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given
from hypothesis import strategies as st

from app.core.calendar import is_working_day, next_working_day
from app.core.deadlines import (
    DeadlineInput,
    Deadlines,
    ExtensionNotAllowedError,
    Pause,
    add_months_1182,
    check_extension_allowed,
    compute_deadlines,
    days_left,
    deadlines_to_json,
    paused_dates,
    urgency,
)
from app.core.errors import UserError, ValidationError


def legal_for(received: date) -> date:
    legal = compute_deadlines(DeadlineInput(received)).legal
    assert legal is not None
    return legal


# --- DOMAIN.md worked examples -----------------------------------------------------------------


def test_domain_example_easter() -> None:
    received = date(2026, 3, 5)
    assert received.weekday() == 3  # Thursday
    result = compute_deadlines(DeadlineInput(received))
    assert result.legal == date(2026, 4, 7)
    assert result.legal.weekday() == 1  # Tuesday: 5 Apr Easter Sunday, 6 Apr 2e Paasdag
    assert result.refusal == date(2026, 4, 7)
    assert result.effective == date(2026, 4, 7)
    assert result.promise == date(2026, 4, 2)
    assert result.post_by == date(2026, 4, 2)
    assert result.extended is None
    assert result.paused is False
    assert result.paused_days == 0


def test_domain_example_31_january_promise_on_saturday() -> None:
    received = date(2026, 1, 31)
    assert received.weekday() == 5  # Saturday
    result = compute_deadlines(DeadlineInput(received, promise_weeks=4))
    assert add_months_1182(received, 1) == date(2026, 2, 28)
    assert result.legal == date(2026, 3, 2)
    assert result.promise == date(2026, 2, 28)  # not rolled
    assert result.post_by == date(2026, 2, 27)  # Friday before


def test_domain_example_31_august() -> None:
    assert legal_for(date(2026, 8, 31)) == date(2026, 9, 30)
    assert date(2026, 9, 30).weekday() == 2


def test_domain_example_pause_of_ten_days() -> None:
    inp = DeadlineInput(
        date(2026, 3, 5),
        pauses=(Pause(date(2026, 3, 6), date(2026, 3, 16), "identity question"),),
    )
    result = compute_deadlines(inp)
    assert result.paused_days == 10
    assert result.legal == date(2026, 4, 15)
    assert result.legal.weekday() == 2
    # Promise moves by the same 10 days: 2 Apr + 10 = Sun 12 Apr, so post by Fri 10 Apr.
    assert result.promise == date(2026, 4, 12)
    assert result.post_by == date(2026, 4, 10)


# --- Regulation 1182/71 month counting ---------------------------------------------------------


@pytest.mark.parametrize(
    ("received", "months", "expected"),
    [
        (date(2024, 1, 31), 1, date(2024, 2, 29)),  # leap year
        (date(2025, 1, 31), 1, date(2025, 2, 28)),
        (date(2026, 3, 31), 1, date(2026, 4, 30)),
        (date(2026, 12, 31), 1, date(2027, 1, 31)),
        (date(2026, 12, 15), 3, date(2027, 3, 15)),
        (date(2023, 11, 30), 3, date(2024, 2, 29)),
        (date(2026, 11, 30), 3, date(2027, 2, 28)),
        (date(2024, 2, 29), 12, date(2025, 2, 28)),
        (date(2026, 5, 5), 0, date(2026, 5, 5)),
    ],
)
def test_add_months_1182(received: date, months: int, expected: date) -> None:
    assert add_months_1182(received, months) == expected


def test_add_months_rejects_negative() -> None:
    with pytest.raises(ValueError, match="negative"):
        add_months_1182(date(2026, 1, 1), -1)


def test_leap_year_31_january_2024() -> None:
    result = compute_deadlines(DeadlineInput(date(2024, 1, 31)))
    assert result.legal == date(2024, 2, 29)
    assert result.legal.weekday() == 3  # Thursday, a working day: no roll


def test_leap_day_receipt_ends_on_good_friday() -> None:
    # 29 Mar 2024 is Goede Vrijdag, then the weekend and 2e Paasdag 1 Apr.
    assert legal_for(date(2024, 2, 29)) == date(2024, 4, 2)


# --- holidays in the roll ----------------------------------------------------------------------


def test_good_friday_2026() -> None:
    assert legal_for(date(2026, 3, 3)) == date(2026, 4, 7)


def test_good_friday_2027() -> None:
    assert legal_for(date(2027, 2, 26)) == date(2027, 3, 30)


def test_kings_day_on_monday() -> None:
    assert legal_for(date(2026, 3, 27)) == date(2026, 4, 28)
    assert legal_for(date(2026, 3, 25)) == date(2026, 4, 28)  # Sat, Sun, Koningsdag


def test_kings_day_on_saturday_when_27th_is_sunday() -> None:
    # 2025: Koningsdag on Sat 26 Apr, 27 Apr a Sunday; the next working day is Mon 28 Apr.
    assert legal_for(date(2025, 3, 26)) == date(2025, 4, 28)
    assert legal_for(date(2025, 3, 27)) == date(2025, 4, 28)


def test_liberation_day_in_non_lustrum_year() -> None:
    assert legal_for(date(2026, 4, 5)) == date(2026, 5, 6)


def test_ascension_day() -> None:
    assert legal_for(date(2026, 4, 14)) == date(2026, 5, 15)


def test_whit_monday() -> None:
    assert legal_for(date(2026, 4, 25)) == date(2026, 5, 26)
    assert legal_for(date(2026, 4, 23)) == date(2026, 5, 26)  # Sat, Sun, 2e Pinksterdag


@pytest.mark.parametrize(
    ("received", "expected"),
    [
        (date(2026, 11, 25), date(2026, 12, 28)),  # Fri 25 Dec, Sat, Sun
        (date(2025, 11, 25), date(2025, 12, 29)),  # Thu 25, Fri 26, Sat, Sun
        (date(2026, 11, 26), date(2026, 12, 28)),
    ],
)
def test_christmas(received: date, expected: date) -> None:
    legal = legal_for(received)
    assert legal == expected
    assert legal >= date(received.year, 12, 27)


def test_new_year() -> None:
    assert legal_for(date(2026, 12, 1)) == date(2027, 1, 4)


def test_longest_roll_is_easter_on_25_april_2038() -> None:
    # Easter 2038 is 25 April: Goede Vrijdag 23 Apr, weekend, 2e Paasdag 26 Apr and
    # Koningsdag Tue 27 Apr make a five-day roll. (A bound of 4 days would be wrong.)
    assert legal_for(date(2038, 3, 23)) == date(2038, 4, 28)


def test_longest_roll_over_all_days_2018_to_2100() -> None:
    worst: dict[int, list[date]] = {}
    day = date(2018, 1, 1)
    while day <= date(2100, 12, 31):
        worst.setdefault((next_working_day(day) - day).days, []).append(day)
        day += timedelta(days=1)
    assert max(worst) == 5
    assert worst[5] == [date(2038, 4, 23)]
    assert len(worst[4]) > 0  # e.g. Christmas on a Thursday, Goede Vrijdag in most years


def test_extra_holiday_by_decree_moves_the_deadline() -> None:
    extra = frozenset({date(2026, 9, 30)})
    result = compute_deadlines(DeadlineInput(date(2026, 8, 31), extra_holidays=extra))
    assert result.legal == date(2026, 10, 1)


# --- promise -----------------------------------------------------------------------------------


def test_promise_is_capped_at_legal() -> None:
    result = compute_deadlines(DeadlineInput(date(2026, 1, 31), promise_weeks=5))
    assert result.legal == date(2026, 3, 2)
    assert result.promise == date(2026, 3, 2)  # 7 Mar would be later than the law allows
    assert result.post_by == date(2026, 3, 2)


def test_promise_on_a_holiday_is_posted_the_working_day_before() -> None:
    # 30 Mar 2026 + 4 weeks = 27 Apr 2026, Koningsdag (a Monday).
    result = compute_deadlines(DeadlineInput(date(2026, 3, 30)))
    assert result.promise == date(2026, 4, 27)
    assert result.post_by == date(2026, 4, 24)


def test_promise_weeks_must_be_positive() -> None:
    with pytest.raises(ValidationError) as info:
        DeadlineInput(date(2026, 3, 5), promise_weeks=0)
    assert "promise_weeks" in info.value.errors


# --- extension ---------------------------------------------------------------------------------


def test_extension_within_first_month() -> None:
    inp = DeadlineInput(date(2026, 3, 5))
    check_extension_allowed(inp, date(2026, 4, 1))
    result = compute_deadlines(
        DeadlineInput(date(2026, 3, 5), extension_notice_sent_on=date(2026, 4, 1))
    )
    assert result.extended == date(2026, 6, 5)  # Friday
    assert result.effective == date(2026, 6, 5)
    assert result.legal == date(2026, 4, 7)
    assert result.refusal == date(2026, 4, 7)  # a refusal is never extended


def test_extension_on_the_last_day_of_the_first_month() -> None:
    inp = DeadlineInput(date(2026, 3, 5))
    check_extension_allowed(inp, date(2026, 4, 7))  # rolled deadline counts
    result = compute_deadlines(
        DeadlineInput(date(2026, 3, 5), extension_notice_sent_on=date(2026, 4, 7))
    )
    assert result.extended == date(2026, 6, 5)


def test_extended_deadline_is_rolled() -> None:
    # 27 Jan 2026 + 3 months = 27 Apr 2026, Koningsdag.
    result = compute_deadlines(
        DeadlineInput(date(2026, 1, 27), extension_notice_sent_on=date(2026, 2, 10))
    )
    assert result.extended == date(2026, 4, 28)


def test_extension_refused_after_first_month() -> None:
    inp = DeadlineInput(date(2026, 3, 5))
    with pytest.raises(UserError) as info:
        check_extension_allowed(inp, date(2026, 4, 8))
    assert str(info.value) == (
        "An extension can no longer be granted: the first month ended on 7 April 2026 "
        "(Art. 12(3) AVG). Only a refusal or the answer itself can follow now."
    )
    assert isinstance(info.value, ExtensionNotAllowedError)
    late = compute_deadlines(
        DeadlineInput(date(2026, 3, 5), extension_notice_sent_on=date(2026, 4, 8))
    )
    assert late.extended is None
    assert late.effective == date(2026, 4, 7)


def test_extension_refused_before_receipt() -> None:
    with pytest.raises(ExtensionNotAllowedError, match="before the date of receipt"):
        check_extension_allowed(DeadlineInput(date(2026, 3, 5)), date(2026, 3, 4))
    early = compute_deadlines(
        DeadlineInput(date(2026, 3, 5), extension_notice_sent_on=date(2026, 3, 4))
    )
    assert early.extended is None


def test_extension_while_paused_counts_the_clock_as_resumed_on_the_notice_date() -> None:
    # Paused since 6 March: a notice on 20 April would, had the person answered that day,
    # fall within a first month that ends 5 Apr + 45 paused days = 20 May: allowed.
    inp = DeadlineInput(date(2026, 3, 5), pauses=(Pause(date(2026, 3, 6), None),))
    check_extension_allowed(inp, date(2026, 3, 10))
    check_extension_allowed(inp, date(2026, 4, 20))
    # A question sent only after the first month ended cannot open a window again: resumed on
    # 20 April the month ends on 5 Apr + 10 days = 15 April (Wednesday), before the notice.
    late = DeadlineInput(date(2026, 3, 5), pauses=(Pause(date(2026, 4, 10), None),))
    with pytest.raises(ExtensionNotAllowedError, match="ended on 15 April 2026"):
        check_extension_allowed(late, date(2026, 4, 20))
    check_extension_allowed(late, date(2026, 4, 1))  # sent before that question: in time


def test_paused_dates_show_since_days_and_deadlines_if_resumed_today() -> None:
    inp = DeadlineInput(date(2026, 3, 5), pauses=(Pause(date(2026, 3, 6), None),))
    dates = paused_dates(inp, date(2026, 3, 16))
    assert dates is not None
    assert dates.since == date(2026, 3, 6) and dates.days_so_far == 10
    # The domain's worked example: answered on 16 March -> Wed 15 April 2026.
    assert dates.resumed.legal == date(2026, 4, 15) and not dates.resumed.paused
    assert dates.resumed.promise == date(2026, 4, 12)  # 2 Apr + 10 days, a Sunday: not rolled
    assert dates.resumed.post_by == date(2026, 4, 10)
    assert paused_dates(DeadlineInput(date(2026, 3, 5)), date(2026, 3, 16)) is None
    # Earlier closed pauses stay counted; the open one counts from its question to today.
    both = DeadlineInput(
        date(2026, 3, 5),
        pauses=(Pause(date(2026, 3, 6), date(2026, 3, 9)), Pause(date(2026, 3, 20), None)),
    )
    later = paused_dates(both, date(2026, 3, 27))
    assert later is not None and later.days_so_far == 7 and later.resumed.paused_days == 10
    assert later.resumed.legal == date(2026, 4, 15)
    extended = paused_dates(
        replace(inp, extension_notice_sent_on=date(2026, 3, 10)), date(2026, 3, 16)
    )
    assert extended is not None and extended.resumed.extended == date(2026, 6, 15)


def test_extension_refused_when_already_extended() -> None:
    inp = DeadlineInput(date(2026, 3, 5), extension_notice_sent_on=date(2026, 3, 20))
    with pytest.raises(ExtensionNotAllowedError, match="already extended on 20 March 2026"):
        check_extension_allowed(inp, date(2026, 3, 25))


def test_extension_window_includes_paused_days() -> None:
    pauses = (Pause(date(2026, 3, 6), date(2026, 3, 16)),)
    inp = DeadlineInput(date(2026, 3, 5), pauses=pauses)
    check_extension_allowed(inp, date(2026, 4, 15))
    with pytest.raises(ExtensionNotAllowedError, match="ended on 15 April 2026"):
        check_extension_allowed(inp, date(2026, 4, 16))
    result = compute_deadlines(
        DeadlineInput(date(2026, 3, 5), pauses=pauses, extension_notice_sent_on=date(2026, 4, 10))
    )
    assert result.extended == date(2026, 6, 15)  # 5 Jun + 10 days, a Monday


# --- pauses ------------------------------------------------------------------------------------


def test_several_pauses_add_up() -> None:
    pauses = (
        Pause(date(2026, 3, 20), date(2026, 3, 27), "clarification"),
        Pause(date(2026, 3, 6), date(2026, 3, 9), "identity"),
    )
    result = compute_deadlines(DeadlineInput(date(2026, 3, 5), pauses=pauses))
    assert result.paused_days == 10
    assert result.legal == date(2026, 4, 15)


def test_overlapping_pauses_count_each_day_once() -> None:
    pauses = (
        Pause(date(2026, 3, 6), date(2026, 3, 16)),
        Pause(date(2026, 3, 10), date(2026, 3, 20)),
        Pause(date(2026, 3, 11), date(2026, 3, 12)),
    )
    result = compute_deadlines(DeadlineInput(date(2026, 3, 5), pauses=pauses))
    assert result.paused_days == 14
    assert result.legal == date(2026, 4, 20)  # 5 Apr + 14 = Sun 19 Apr


def test_pause_answered_the_same_day_adds_nothing() -> None:
    pauses = (Pause(date(2026, 3, 6), date(2026, 3, 6)),)
    result = compute_deadlines(DeadlineInput(date(2026, 3, 5), pauses=pauses))
    assert result.paused_days == 0
    assert result.legal == date(2026, 4, 7)


def test_open_pause() -> None:
    pauses = (
        Pause(date(2026, 3, 6), date(2026, 3, 9)),
        Pause(date(2026, 3, 20), None, "waiting for ID"),
    )
    result = compute_deadlines(
        DeadlineInput(date(2026, 3, 5), pauses=pauses, extension_notice_sent_on=date(2026, 3, 10))
    )
    assert result.paused is True
    assert result.paused_days == 3  # the open pause is not counted yet
    assert (result.promise, result.post_by, result.legal) == (None, None, None)
    assert (result.extended, result.refusal, result.effective) == (None, None, None)
    assert days_left(result, date(2026, 3, 25)) is None
    assert urgency(result, date(2026, 3, 25)) == "paused"


def test_pause_with_answer_before_question_is_rejected() -> None:
    with pytest.raises(ValidationError) as info:
        Pause(date(2026, 3, 16), date(2026, 3, 6))
    assert "pause_end" in info.value.errors
    assert "16 March 2026" in info.value.errors["pause_end"]


def test_pause_before_receipt_is_rejected() -> None:
    with pytest.raises(ValidationError) as info:
        DeadlineInput(date(2026, 3, 5), pauses=(Pause(date(2026, 3, 1), date(2026, 3, 8)),))
    assert "pause_start" in info.value.errors


# --- days left, urgency, JSON ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("today", "left", "level"),
    [
        (date(2026, 3, 5), 33, "later"),
        (date(2026, 3, 30), 8, "later"),
        (date(2026, 3, 31), 7, "due_soon"),
        (date(2026, 4, 7), 0, "due_soon"),
        (date(2026, 4, 8), -1, "overdue"),
    ],
)
def test_days_left_and_urgency(today: date, left: int, level: str) -> None:
    result = compute_deadlines(DeadlineInput(date(2026, 3, 5)))
    assert days_left(result, today) == left
    assert urgency(result, today) == level


def test_days_left_uses_extended_deadline() -> None:
    result = compute_deadlines(
        DeadlineInput(date(2026, 3, 5), extension_notice_sent_on=date(2026, 3, 20))
    )
    assert days_left(result, date(2026, 4, 8)) == 58
    assert urgency(result, date(2026, 4, 8)) == "later"


def test_deadlines_to_json() -> None:
    result = compute_deadlines(
        DeadlineInput(date(2026, 1, 31), extension_notice_sent_on=date(2026, 2, 2))
    )
    data = deadlines_to_json(result)
    assert data == {
        "promise": "2026-02-28",
        "post_by": "2026-02-27",
        "legal": "2026-03-02",
        "extended": "2026-04-30",
        "refusal": "2026-03-02",
        "effective": "2026-04-30",
        "paused": False,
        "paused_days": 0,
    }
    assert json.loads(json.dumps(data)) == data


def test_deadlines_to_json_paused() -> None:
    paused = Deadlines(None, None, None, None, None, None, paused=True, paused_days=4)
    data = deadlines_to_json(paused)
    assert data["paused"] is True
    assert data["paused_days"] == 4
    assert data["legal"] is None and data["effective"] is None


# --- properties over 2018-2100 -----------------------------------------------------------------

receipts = st.dates(min_value=date(2018, 1, 1), max_value=date(2100, 12, 31))


@st.composite
def closed_pauses(draw: st.DrawFn, received: date) -> tuple[Pause, ...]:
    result = []
    for _ in range(draw(st.integers(min_value=0, max_value=3))):
        start = received + timedelta(days=draw(st.integers(min_value=0, max_value=60)))
        end = start + timedelta(days=draw(st.integers(min_value=0, max_value=30)))
        result.append(Pause(start, end))
    return tuple(result)


@st.composite
def deadline_inputs(draw: st.DrawFn) -> DeadlineInput:
    received = draw(receipts)
    notice = draw(
        st.none() | st.integers(min_value=0, max_value=120).map(lambda n: received + timedelta(n))
    )
    return DeadlineInput(
        received,
        promise_weeks=draw(st.integers(min_value=1, max_value=8)),
        pauses=draw(closed_pauses(received)),
        extension_notice_sent_on=notice,
    )


@given(deadline_inputs())
def test_deadline_properties(inp: DeadlineInput) -> None:
    result = compute_deadlines(inp)
    assert not result.paused
    assert result.legal is not None and result.promise is not None
    assert result.post_by is not None and result.effective is not None
    unrolled = add_months_1182(inp.received, 1) + timedelta(days=result.paused_days)
    assert is_working_day(result.legal)
    assert result.legal >= unrolled
    # 4 days is the usual maximum (Easter, Christmas); 5 happens once, on 23 Apr 2038.
    assert (result.legal - unrolled).days <= 5
    assert inp.received < result.promise <= result.legal
    assert is_working_day(result.post_by)
    assert result.post_by <= result.promise
    assert (result.promise - result.post_by).days <= 5
    assert result.refusal == result.legal
    if result.extended is not None:
        assert result.extended >= result.legal
        assert is_working_day(result.extended)
        assert result.effective == result.extended
    else:
        assert result.effective == result.legal
    notice = inp.extension_notice_sent_on
    assert (result.extended is not None) == (notice is not None and notice <= result.legal)


@given(receipts, st.integers(min_value=0, max_value=36))
def test_add_months_agrees_with_relativedelta(received: date, months: int) -> None:
    # relativedelta clips to the month's last day, exactly as Regulation 1182/71 does.
    assert add_months_1182(received, months) == received + relativedelta(months=months)


@given(receipts)
def test_check_extension_agrees_with_compute(received: date) -> None:
    inp = DeadlineInput(received)
    legal = compute_deadlines(inp).legal
    assert legal is not None
    check_extension_allowed(inp, legal)
    with pytest.raises(ExtensionNotAllowedError):
        check_extension_allowed(inp, legal + timedelta(days=1))
