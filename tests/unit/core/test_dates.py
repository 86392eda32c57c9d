"""Tests for date formatting in letters and strict ISO date parsing."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.dates import format_date, format_date_long, parse_iso_date
from app.core.errors import UserError, ValidationError


def test_format_date_dutch() -> None:
    assert format_date(date(2026, 11, 24), "nl") == "24 november 2026"
    assert format_date(date(2026, 3, 5), "nl") == "5 maart 2026"  # no leading zero
    assert format_date(date(2026, 5, 1), "nl") == "1 mei 2026"


def test_format_date_english() -> None:
    assert format_date(date(2026, 11, 24), "en") == "24 November 2026"
    assert format_date(date(2026, 3, 5), "en") == "5 March 2026"


def test_format_date_long() -> None:
    assert format_date_long(date(2026, 11, 24), "nl") == "dinsdag 24 november 2026"
    assert format_date_long(date(2026, 11, 24), "en") == "Tuesday 24 November 2026"
    assert format_date_long(date(2026, 4, 5), "nl") == "zondag 5 april 2026"


@pytest.mark.parametrize(
    ("month", "nl", "en"),
    [
        (1, "januari", "January"),
        (2, "februari", "February"),
        (3, "maart", "March"),
        (4, "april", "April"),
        (5, "mei", "May"),
        (6, "juni", "June"),
        (7, "juli", "July"),
        (8, "augustus", "August"),
        (9, "september", "September"),
        (10, "oktober", "October"),
        (11, "november", "November"),
        (12, "december", "December"),
    ],
)
def test_every_month_name(month: int, nl: str, en: str) -> None:
    assert format_date(date(2027, month, 9), "nl") == f"9 {nl} 2027"
    assert format_date(date(2027, month, 9), "en") == f"9 {en} 2027"


def test_language_variants() -> None:
    assert format_date(date(2026, 11, 24), "nl_NL") == "24 november 2026"
    assert format_date(date(2026, 11, 24), "en-GB") == "24 November 2026"
    assert format_date(date(2026, 11, 24), "NL") == "24 november 2026"


def test_unknown_language_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="unsupported language"):
        format_date(date(2026, 11, 24), "fr")


@given(st.dates())
def test_format_has_no_leading_zero_and_lower_case_dutch_month(d: date) -> None:
    text = format_date(d, "nl")
    day, month, year = text.split(" ")
    assert day == str(d.day)
    assert month == month.lower()
    assert year == str(d.year)
    assert format_date_long(d, "nl").endswith(text)


def test_parse_iso_date() -> None:
    assert parse_iso_date("2026-11-24") == date(2026, 11, 24)
    assert parse_iso_date("  2024-02-29 ") == date(2024, 2, 29)


@given(st.dates())
def test_parse_round_trips_isoformat(d: date) -> None:
    assert parse_iso_date(d.isoformat()) == d


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("24-11-2026", "YYYY-MM-DD"),
        ("20261124", "YYYY-MM-DD"),
        ("2026-11-24T10:00", "YYYY-MM-DD"),
        ("2026-W48-2", "YYYY-MM-DD"),
        ("2026-1-5", "YYYY-MM-DD"),
        ("２０２６-11-24", "YYYY-MM-DD"),  # full-width digits
        ("2026-13-01", "month 13"),
        ("2026-00-10", "month 0"),
        ("2026-02-30", "February 2026 has no day 30"),
        ("2025-02-29", "February 2025 has no day 29"),
        ("2026-04-00", "April 2026 has no day 0"),
        ("0000-01-01", "Year 0000"),
    ],
)
def test_parse_rejects_bad_input(text: str, fragment: str) -> None:
    with pytest.raises(ValidationError) as info:
        parse_iso_date(text)
    assert set(info.value.errors) == {"date"}
    assert fragment in info.value.errors["date"]
    assert isinstance(info.value, UserError)


def test_parse_rejects_non_string() -> None:
    with pytest.raises(ValidationError) as info:
        parse_iso_date(None)  # type: ignore[arg-type]
    assert "No date given" in info.value.errors["date"]
