"""Retention rules: period per outcome, fallback to the longest period, end date and expiry."""

from __future__ import annotations

from datetime import date

import pytest

from app.core.errors import ValidationError
from app.core.retention import is_expired, parse_rules, retention_end, rule_for
from app.data.seed import DEFAULT_RETENTION


def test_shipped_default_setting_parses_with_reasons() -> None:
    rules = parse_rules(DEFAULT_RETENTION)
    assert rules["granted"].months == 24
    assert rules["refused"].months == 36
    assert all(rule.reason for rule in rules.values())


def test_retention_end_is_same_date_months_later_clamped_to_month_end() -> None:
    assert retention_end(date(2024, 3, 15), 24) == date(2026, 3, 15)
    assert retention_end(date(2025, 8, 31), 6) == date(2026, 2, 28)
    assert retention_end(date(2023, 8, 31), 6) == date(2024, 2, 29)
    assert retention_end(date(2025, 1, 10), 0) == date(2025, 1, 10)


def test_expired_from_the_end_date_on() -> None:
    closed = date(2024, 1, 10)
    assert not is_expired(closed, 12, date(2025, 1, 9))
    assert is_expired(closed, 12, date(2025, 1, 10))
    assert is_expired(closed, 12, date(2026, 1, 1))


def test_unknown_outcome_gets_the_longest_period_with_a_reason() -> None:
    rules = parse_rules(DEFAULT_RETENTION)
    rule = rule_for("something_new", rules)
    assert rule.months == 36
    assert "something_new" in rule.reason
    assert rule_for("", rules).months == 36


def test_no_rules_at_all_is_a_user_error() -> None:
    with pytest.raises(ValidationError, match="Settings > Retention"):
        rule_for("granted", {})


@pytest.mark.parametrize(
    "value",
    [
        {"granted": {"months": -1, "reason": "x"}},
        {"granted": {"months": "24", "reason": "x"}},
        {"granted": {"months": True, "reason": "x"}},
        {"granted": {"months": 24, "reason": "  "}},
        {"granted": 24},
    ],
)
def test_bad_settings_are_refused_with_the_outcome_named(value: dict[str, object]) -> None:
    with pytest.raises(ValidationError) as info:
        parse_rules(value)
    assert "retention.granted" in info.value.errors
