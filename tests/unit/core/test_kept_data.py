"""Kept data after an erasure: Art. 17(3) ground, event and end date; the legal basis reader."""

from __future__ import annotations

from datetime import date

import pytest

from app.core.errors import ValidationError
from app.core.kept_data import EXPIRES, KeepDecision, Period, expiry_named_in, parse_period
from app.core.legal_basis import basis_points, objection_can_be_refused

TODAY = date(2026, 11, 30)


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("7 years", Period(months=84)),
        ("7 jaar", Period(months=84)),
        ("6 maanden", Period(months=6)),
        ("90 dagen", Period(days=90)),
        ("2 weeks", Period(days=14)),
    ],
)
def test_periods_in_dutch_and_english(text: str, period: Period) -> None:
    assert parse_period(text) == period


@pytest.mark.parametrize("text", ["", "seven years", "0 years", "7"])
def test_a_period_without_number_and_unit_is_refused(text: str) -> None:
    with pytest.raises(ValidationError) as info:
        parse_period(text)
    assert "period" in info.value.errors


def test_the_end_date_runs_from_the_event_not_from_the_letter_date() -> None:
    decision = KeepDecision(
        "b",
        statute="art. 52 AWR",
        event="end_of_financial_year",
        event_on=date(2026, 12, 31),
        period="7 years",
    ).checked(TODAY)
    assert decision.until() == date(2033, 12, 31)
    # A customer relationship that ended on 31 January: 1 month later is 28 February.
    short = KeepDecision(
        "e", statute="art. 3:307 BW", event="x", event_on=date(2027, 1, 31), period="1 month"
    ).checked(TODAY)
    assert short.until() == date(2027, 2, 28)


def test_every_missing_part_of_a_ground_is_named_at_once() -> None:
    with pytest.raises(ValidationError) as info:
        KeepDecision("b").checked(TODAY)
    assert {"statute", "event", "event_on", "period"} <= set(info.value.errors)


@pytest.mark.parametrize("ground", ["", "art. 32", "security", "f"])
def test_a_technical_limit_is_no_ground(ground: str) -> None:
    with pytest.raises(ValidationError, match="no ground"):
        KeepDecision(ground, statute="s", event="e", event_on=TODAY, period="1 year").checked(TODAY)


def test_a_period_that_has_ended_cannot_be_a_reason_to_keep() -> None:
    with pytest.raises(ValidationError) as info:
        KeepDecision(
            "b", statute="s", event="invoice_date", event_on=date(2015, 1, 1), period="7 years"
        ).checked(TODAY)
    assert "period" in info.value.errors


def test_expiry_needs_a_date_that_has_not_passed() -> None:
    assert KeepDecision(EXPIRES, expires_on=date(2027, 2, 26)).checked(TODAY).until() == date(
        2027, 2, 26
    )
    with pytest.raises(ValidationError):
        KeepDecision(EXPIRES).checked(TODAY)
    with pytest.raises(ValidationError):
        KeepDecision(EXPIRES, expires_on=date(2026, 1, 1)).checked(TODAY)


def test_the_expiry_a_connector_names_is_read_from_its_note() -> None:
    note = "Not changed automatically: Log lines cannot be erased one by one; they expire on "
    assert expiry_named_in(note + "2027-02-26 (90 days after the last request).") == date(
        2027, 2, 26
    )
    assert expiry_named_in("Invoices refer to the customer number (7 years)") is None


@pytest.mark.parametrize(
    ("text", "points", "refusable"),
    [
        ("Gerechtvaardigd belang (art. 6 lid 1 sub f AVG)", {"f"}, True),
        ("Legitimate interest (Article 6(1)(f) GDPR)", {"f"}, True),
        ("Taak van algemeen belang (artikel 6 lid 1 onder e AVG)", {"e"}, True),
        ("Uitvoering van de overeenkomst (art. 6 lid 1 sub b AVG)", {"b"}, False),
        ("Toestemming (art. 6 lid 1 sub a AVG)", {"a"}, False),
        ("Gerechtvaardigd belang", {"f"}, True),
        ("", set(), False),
    ],
)
def test_the_legal_basis_decides_whether_art_21_1_can_refuse(
    text: str, points: set[str], refusable: bool
) -> None:
    assert basis_points(text) == points
    assert objection_can_be_refused(text) is refusable
