"""Tests for the Dutch holiday calendar of the Algemene termijnenwet."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.calendar import (
    dutch_holidays,
    holiday_name,
    is_working_day,
    next_working_day,
    previous_working_day,
)

# Written down from published calendars, not computed: an independent check of the Easter maths.
KNOWN_HOLIDAYS: dict[int, dict[date, str]] = {
    2026: {
        date(2026, 1, 1): "Nieuwjaarsdag",
        date(2026, 4, 3): "Goede Vrijdag",
        date(2026, 4, 6): "Tweede Paasdag",
        date(2026, 4, 27): "Koningsdag",
        date(2026, 5, 5): "Bevrijdingsdag",
        date(2026, 5, 14): "Hemelvaartsdag",
        date(2026, 5, 25): "Tweede Pinksterdag",
        date(2026, 12, 25): "Eerste Kerstdag",
        date(2026, 12, 26): "Tweede Kerstdag",
    },
    2027: {
        date(2027, 1, 1): "Nieuwjaarsdag",
        date(2027, 3, 26): "Goede Vrijdag",
        date(2027, 3, 29): "Tweede Paasdag",
        date(2027, 4, 27): "Koningsdag",
        date(2027, 5, 5): "Bevrijdingsdag",
        date(2027, 5, 6): "Hemelvaartsdag",
        date(2027, 5, 17): "Tweede Pinksterdag",
        date(2027, 12, 25): "Eerste Kerstdag",
        date(2027, 12, 26): "Tweede Kerstdag",
    },
    2025: {
        date(2025, 1, 1): "Nieuwjaarsdag",
        date(2025, 4, 18): "Goede Vrijdag",
        date(2025, 4, 21): "Tweede Paasdag",
        date(2025, 4, 26): "Koningsdag",  # 27 April 2025 is a Sunday
        date(2025, 5, 5): "Bevrijdingsdag",
        date(2025, 5, 29): "Hemelvaartsdag",
        date(2025, 6, 9): "Tweede Pinksterdag",
        date(2025, 12, 25): "Eerste Kerstdag",
        date(2025, 12, 26): "Tweede Kerstdag",
    },
    2024: {
        date(2024, 1, 1): "Nieuwjaarsdag",
        date(2024, 3, 29): "Goede Vrijdag",
        date(2024, 4, 1): "Tweede Paasdag",
        date(2024, 4, 27): "Koningsdag",
        date(2024, 5, 5): "Bevrijdingsdag",
        date(2024, 5, 9): "Hemelvaartsdag",
        date(2024, 5, 20): "Tweede Pinksterdag",
        date(2024, 12, 25): "Eerste Kerstdag",
        date(2024, 12, 26): "Tweede Kerstdag",
    },
    2019: {
        date(2019, 1, 1): "Nieuwjaarsdag",
        date(2019, 4, 19): "Goede Vrijdag",
        date(2019, 4, 22): "Tweede Paasdag",
        date(2019, 4, 27): "Koningsdag",
        date(2019, 5, 5): "Bevrijdingsdag",
        date(2019, 5, 30): "Hemelvaartsdag",
        date(2019, 6, 10): "Tweede Pinksterdag",
        date(2019, 12, 25): "Eerste Kerstdag",
        date(2019, 12, 26): "Tweede Kerstdag",
    },
}

# Easter Sunday from published tables (Western churches), including the extremes.
KNOWN_EASTER = [
    date(2000, 4, 23),
    date(2008, 3, 23),
    date(2011, 4, 24),
    date(2018, 4, 1),
    date(2024, 3, 31),
    date(2026, 4, 5),
    date(2027, 3, 28),
    date(2038, 4, 25),
]

years = st.integers(min_value=2018, max_value=2100)
days = st.dates(min_value=date(2018, 1, 1), max_value=date(2100, 12, 31))


@pytest.mark.parametrize("year", sorted(KNOWN_HOLIDAYS))
def test_holidays_match_published_calendar(year: int) -> None:
    assert dutch_holidays(year) == KNOWN_HOLIDAYS[year]


@pytest.mark.parametrize("easter_sunday", KNOWN_EASTER)
def test_easter_derived_days(easter_sunday: date) -> None:
    holidays = dutch_holidays(easter_sunday.year)
    assert holidays[easter_sunday - timedelta(days=2)] == "Goede Vrijdag"
    assert holidays[easter_sunday + timedelta(days=1)] == "Tweede Paasdag"
    assert holidays[easter_sunday + timedelta(days=39)] == "Hemelvaartsdag"
    assert holidays[easter_sunday + timedelta(days=50)] == "Tweede Pinksterdag"
    assert easter_sunday not in holidays  # a Sunday anyway


def test_kings_day_moves_to_saturday_when_27_april_is_a_sunday() -> None:
    assert date(2025, 4, 27).weekday() == 6
    assert holiday_name(date(2025, 4, 26)) == "Koningsdag"
    assert holiday_name(date(2025, 4, 27)) is None
    assert holiday_name(date(2014, 4, 26)) == "Koningsdag"  # the first one, also moved
    assert not is_working_day(date(2025, 4, 26))


def test_kings_day_on_a_weekday_stops_work() -> None:
    assert holiday_name(date(2026, 4, 27)) == "Koningsdag"
    assert date(2026, 4, 27).weekday() == 0
    assert not is_working_day(date(2026, 4, 27))
    assert is_working_day(date(2026, 4, 28))


def test_liberation_day_every_year_not_only_lustrum() -> None:
    # 2026 and 2027 are not lustrum years (2025 and 2030 are); the Atw counts 5 May anyway.
    assert date(2026, 5, 5).weekday() == 1
    assert not is_working_day(date(2026, 5, 5))
    assert holiday_name(date(2027, 5, 5)) == "Bevrijdingsdag"
    assert not is_working_day(date(2027, 5, 5))


def test_ascension_day_on_5_may_carries_both_names() -> None:
    # Easter 2016 was 27 March, so Ascension Day fell on 5 May.
    holidays = dutch_holidays(2016)
    assert holidays[date(2016, 5, 5)] == "Bevrijdingsdag en Hemelvaartsdag"
    assert len(holidays) == 8


def test_good_friday_and_christmas_are_not_working_days() -> None:
    assert not is_working_day(date(2026, 4, 3))
    assert not is_working_day(date(2026, 12, 25))
    assert not is_working_day(date(2025, 12, 26))
    assert is_working_day(date(2026, 12, 24))
    assert is_working_day(date(2026, 12, 31))


def test_weekends_are_not_working_days() -> None:
    assert not is_working_day(date(2026, 11, 21))  # Saturday
    assert not is_working_day(date(2026, 11, 22))  # Sunday
    assert is_working_day(date(2026, 11, 23))


def test_extra_days_by_decree() -> None:
    extra = frozenset({date(2026, 11, 24)})
    assert is_working_day(date(2026, 11, 24))
    assert not is_working_day(date(2026, 11, 24), extra)
    assert next_working_day(date(2026, 11, 24), extra) == date(2026, 11, 25)
    assert previous_working_day(date(2026, 11, 24), extra) == date(2026, 11, 23)
    assert holiday_name(date(2026, 11, 24)) is None


def test_next_and_previous_across_easter() -> None:
    assert next_working_day(date(2026, 4, 3)) == date(2026, 4, 7)
    assert previous_working_day(date(2026, 4, 6)) == date(2026, 4, 2)
    assert next_working_day(date(2026, 4, 7)) == date(2026, 4, 7)
    assert previous_working_day(date(2026, 4, 7)) == date(2026, 4, 7)


def test_next_and_previous_across_new_year() -> None:
    assert next_working_day(date(2026, 12, 25)) == date(2026, 12, 28)
    assert next_working_day(date(2027, 1, 1)) == date(2027, 1, 4)
    assert previous_working_day(date(2027, 1, 1)) == date(2026, 12, 31)


def test_dutch_holidays_returns_a_copy() -> None:
    holidays = dutch_holidays(2026)
    holidays.clear()
    assert len(dutch_holidays(2026)) == 9
    assert holiday_name(date(2026, 1, 1)) == "Nieuwjaarsdag"


@given(years)
def test_every_year_has_the_fixed_days(year: int) -> None:
    holidays = dutch_holidays(year)
    assert len(holidays) in (8, 9)
    assert all(d.year == year for d in holidays)
    for fixed in (date(year, 1, 1), date(year, 5, 5), date(year, 12, 25), date(year, 12, 26)):
        assert fixed in holidays
    kings = [d for d, name in holidays.items() if name == "Koningsdag"]
    assert len(kings) == 1
    assert kings[0] in (date(year, 4, 26), date(year, 4, 27))
    assert kings[0].weekday() != 6
    good_friday = next(d for d, name in holidays.items() if name == "Goede Vrijdag")
    assert good_friday.weekday() == 4
    assert date(year, 3, 20) <= good_friday <= date(year, 4, 23)


@given(days)
def test_next_working_day_is_the_first_working_day(d: date) -> None:
    result = next_working_day(d)
    assert result >= d
    assert is_working_day(result)
    assert (result - d).days <= 5
    between = d
    while between < result:
        assert not is_working_day(between)
        between += timedelta(days=1)


@given(days)
def test_previous_working_day_is_the_last_working_day(d: date) -> None:
    result = previous_working_day(d)
    assert result <= d
    assert is_working_day(result)
    between = d
    while between > result:
        assert not is_working_day(between)
        between -= timedelta(days=1)


@given(days)
def test_holiday_name_agrees_with_is_working_day(d: date) -> None:
    if holiday_name(d) is not None:
        assert not is_working_day(d)
    elif d.weekday() < 5:
        assert is_working_day(d)
