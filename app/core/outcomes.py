"""Decisions on a request: the outcome per request type and the outcome of the whole case."""

from __future__ import annotations

from collections.abc import Mapping

GRANTED = "granted"
PARTLY_REFUSED = "partly_refused"
REFUSED = "refused"
NO_DATA = "no_data"
WITHDRAWN = "withdrawn"

OUTCOMES: tuple[str, ...] = (GRANTED, PARTLY_REFUSED, REFUSED, NO_DATA, WITHDRAWN)


def case_outcome(per_type: Mapping[str, str]) -> str:
    """The case's outcome from its per-type decisions ('' when none is decided yet).

    The retention period and the yearly figures follow it: any refusal makes the case (partly)
    refused; only "no data" answers make it no_data; otherwise it was granted.
    """
    decided = [o for o in per_type.values() if o]
    if not decided:
        return ""
    if all(o == WITHDRAWN for o in decided):
        return WITHDRAWN
    if all(o == REFUSED for o in decided):
        return REFUSED
    if any(o in (REFUSED, PARTLY_REFUSED) for o in decided):
        return PARTLY_REFUSED
    if all(o == NO_DATA for o in decided):
        return NO_DATA
    return GRANTED
