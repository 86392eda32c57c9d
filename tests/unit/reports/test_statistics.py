"""Pure report figures: median, nearest-rank percentile, on-time verdicts, buckets, shares."""

from __future__ import annotations

import math
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.statistics import (
    bucket_counts,
    bucket_labels,
    format_days,
    format_share,
    is_refusal,
    median,
    on_time,
    percentile,
    share,
)

TODAY = date(2026, 11, 20)


def test_median_odd_even_and_empty() -> None:
    assert median([5, 1, 3]) == 3
    assert median([4, 1, 3, 2]) == 2.5
    assert median([]) is None


def test_percentile_nearest_rank() -> None:
    values = list(range(1, 11))  # 1..10
    assert percentile(values, 90) == 9
    assert percentile(values, 100) == 10
    assert percentile(values, 50) == 5
    assert percentile([7], 90) == 7
    assert percentile([], 90) is None
    with pytest.raises(ValueError):
        percentile(values, 0)


@given(st.lists(st.integers(min_value=0, max_value=400), min_size=1, max_size=200))
def test_percentile_is_an_observed_value_with_enough_values_below(values: list[int]) -> None:
    p90 = percentile(values, 90)
    assert p90 in values
    at_or_below = sum(1 for v in values if v <= p90)
    assert at_or_below >= math.ceil(0.9 * len(values))
    assert sum(1 for v in values if v < p90) < math.ceil(0.9 * len(values))


def test_on_time_verdicts() -> None:
    due = date(2026, 3, 10)
    assert on_time(date(2026, 3, 10), due, is_open=False, today=TODAY) == "yes"
    assert on_time(date(2026, 3, 11), due, is_open=False, today=TODAY) == "no"
    assert on_time(None, due, is_open=True, today=date(2026, 3, 10)) == "open"
    assert on_time(None, due, is_open=True, today=date(2026, 3, 11)) == "no"
    assert on_time(None, due, is_open=False, today=TODAY) == "n/a"
    assert on_time(None, None, is_open=True, today=TODAY) == "open"  # paused: no due date


def test_buckets_cover_every_value_once() -> None:
    values = [0, 7, 8, 14, 28, 29, 91, 92, 400]
    counts = bucket_counts(values)
    assert len(counts) == len(bucket_labels())
    assert sum(counts) == len(values)
    assert counts[0] == 2  # 0 and 7
    assert counts[-1] == 2  # 92 and 400
    assert bucket_labels()[0] == "0-7" and bucket_labels()[-1] == "> 91"


def test_share_and_formatting() -> None:
    assert share(1, 4) == 25.0
    assert share(3, 0) is None
    assert format_share(87.456, "nl") == "87,5%"
    assert format_share(87.456, "en") == "87.5%"
    assert format_share(None) == "–"
    assert format_days(20.0) == "20"
    assert format_days(20.5, "nl") == "20,5"


def test_refusal_outcomes() -> None:
    assert is_refusal("refused") and is_refusal("partly_refused")
    assert is_refusal("manifestly_unfounded")
    assert not is_refusal("granted") and not is_refusal("") and not is_refusal("withdrawn")
