"""Decisions on a request: the outcome per request type and the outcome of the whole case."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from app.core.i18n import C_, Labels

GRANTED = "granted"
PARTLY_REFUSED = "partly_refused"
REFUSED = "refused"
NO_DATA = "no_data"
WITHDRAWN = "withdrawn"

OUTCOMES: tuple[str, ...] = (GRANTED, PARTLY_REFUSED, REFUSED, NO_DATA, WITHDRAWN)

# Why a request was refused in whole or in part; recorded from the answer letter that said so.
MANIFESTLY_UNFOUNDED_OR_EXCESSIVE = "manifestly_unfounded_or_excessive"  # Art. 12(5)
STATED_IN_REFUSAL_LETTER = "stated_in_refusal_letter"  # e.g. identity not established
KEPT_UNDER_ART_17_3 = "kept_under_art_17_3"  # erasure: a legal duty or other exception
COMPELLING_GROUNDS_ART_21 = "compelling_grounds_art_21"  # objection: Art. 21(1)
WITHHELD_FROM_ACCESS = "withheld_from_access"  # Art. 15(4) AVG / art. 41 UAVG
NOT_RECORDED = ""  # a decision entered by hand

REFUSAL_GROUNDS: tuple[str, ...] = (
    MANIFESTLY_UNFOUNDED_OR_EXCESSIVE,
    STATED_IN_REFUSAL_LETTER,
    KEPT_UNDER_ART_17_3,
    COMPELLING_GROUNDS_ART_21,
    WITHHELD_FROM_ACCESS,
)

# The words for each ground, with the article that allows it (reports, dossier and the UI).
REFUSAL_GROUND_LABEL: Final[Labels[str]] = Labels(
    {
        "manifestly_unfounded_or_excessive": C_(
            "refusal ground", "manifestly unfounded or excessive (Art. 12(5))"
        ),
        "stated_in_refusal_letter": C_(
            "refusal ground", "other reason, stated in the refusal letter"
        ),
        "kept_under_art_17_3": C_("refusal ground", "kept under an exception (Art. 17(3))"),
        "compelling_grounds_art_21": C_(
            "refusal ground", "compelling legitimate grounds (Art. 21(1))"
        ),
        "withheld_from_access": C_(
            "refusal ground", "partly withheld: rights of others (Art. 15(4), art. 41 UAVG)"
        ),
        "": C_("refusal ground", "ground not recorded (decision entered by hand)"),
    }
)


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
