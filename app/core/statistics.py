"""Pure figures for reports: median, percentile, on-time verdicts, shares and day buckets."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Final

from app.core.i18n import _, format_number

ON_TIME_YES: Final = "yes"
ON_TIME_NO: Final = "no"
ON_TIME_OPEN: Final = "open"
ON_TIME_NOT_APPLICABLE: Final = "n/a"

# Outcome codes that are a (partial) refusal; any other code containing "refus" counts too.
REFUSAL_OUTCOMES: Final = frozenset(
    {"refused", "partly_refused", "partly", "manifestly_unfounded", "excessive"}
)

# Upper bounds (inclusive) of the handling-day buckets; the last bucket is open-ended.
DAY_BUCKET_BOUNDS: Final = (7, 14, 21, 28, 35, 60, 91)


def median(values: Sequence[float]) -> float | None:
    """The middle value (mean of the two middle values for an even count); None when empty."""
    if not values:
        return None
    ordered = sorted(values)
    mid = len(ordered) // 2
    if len(ordered) % 2:
        return float(ordered[mid])
    return (ordered[mid - 1] + ordered[mid]) / 2


def percentile(values: Sequence[float], pct: float) -> float | None:
    """Nearest-rank percentile: the smallest value with at least ``pct``% of values at or below.

    Nearest rank always returns an observed value (a whole number of days here), which is what
    a reader of "90% of requests were answered within N days" expects; no interpolation.
    """
    if not 0 < pct <= 100:
        raise ValueError(_("percentile must be in (0, 100], got {pct}", pct=pct))
    if not values:
        return None
    ordered = sorted(values)
    rank = math.ceil(pct / 100 * len(ordered))
    return float(ordered[max(rank, 1) - 1])


def share(part: int, whole: int) -> float | None:
    """``part`` as a percentage of ``whole``; None when there is nothing to divide by."""
    if whole <= 0:
        return None
    return 100.0 * part / whole


def on_time(answered_on: date | None, due_on: date | None, *, is_open: bool, today: date) -> str:
    """Verdict of one case against one deadline: "yes", "no", "open" or "n/a".

    - answered: "yes" when on or before the deadline, else "no"; without a deadline (the clock
      stood still) "open".
    - not answered and still open: "no" once the deadline has passed (it can no longer be met),
      otherwise "open".
    - not answered and no longer open (withdrawn, closed without answer): "n/a".
    """
    if answered_on is not None:
        if due_on is None:
            return ON_TIME_OPEN
        return ON_TIME_YES if answered_on <= due_on else ON_TIME_NO
    if not is_open:
        return ON_TIME_NOT_APPLICABLE
    if due_on is not None and today > due_on:
        return ON_TIME_NO
    return ON_TIME_OPEN


def is_refusal(outcome: str) -> bool:
    """True for an outcome code that refuses the request in whole or in part."""
    return outcome in REFUSAL_OUTCOMES or "refus" in outcome


def bucket_labels(bounds: Sequence[int] = DAY_BUCKET_BOUNDS) -> list[str]:
    """Labels such as "0-7", "8-14", ..., "> 91" for ``bucket_counts``."""
    labels: list[str] = []
    low = 0
    for high in bounds:
        labels.append(f"{low}-{high}")
        low = high + 1
    labels.append(f"> {bounds[-1]}")
    return labels


def bucket_counts(values: Iterable[int], bounds: Sequence[int] = DAY_BUCKET_BOUNDS) -> list[int]:
    """How many values fall in each bucket (``len(bounds) + 1`` counts, last one open-ended)."""
    counts = [0] * (len(bounds) + 1)
    for value in values:
        index = len(bounds)
        for i, high in enumerate(bounds):
            if value <= high:
                index = i
                break
        counts[index] += 1
    return counts


def format_share(value: float | None, lang: str = "en") -> str:
    """ "87.5%" / "87,5%"; "–" when there is nothing to count."""
    if value is None:
        return "–"
    return f"{format_number(value, lang, 1, grouping=False)}%"


def format_days(value: float | None, lang: str = "en") -> str:
    """Whole days without a decimal, halves (a median of two values) with one."""
    if value is None:
        return "–"
    if value == int(value):
        return str(int(value))
    return format_number(value, lang, 1, grouping=False)
