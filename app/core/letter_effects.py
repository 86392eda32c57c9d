"""What a finalised letter does to its case: status moves, pauses and recorded decisions (pure)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from app.core.enums import CaseStatus
from app.core.outcomes import (
    COMPELLING_GROUNDS_ART_21,
    GRANTED,
    KEPT_UNDER_ART_17_3,
    MANIFESTLY_UNFOUNDED_OR_EXCESSIVE,
    NO_DATA,
    PARTLY_REFUSED,
    REFUSED,
    STATED_IN_REFUSAL_LETTER,
    WITHHELD_FROM_ACCESS,
)
from app.core.status import allowed_next

Decision = tuple[str, str]  # (outcome, refusal ground)


class DecisionRule(StrEnum):
    """Which decision per request type a sent letter communicates."""

    NONE = "none"
    ACCESS = "access"  # access: granted, no data, or partly withheld (portability: own action)
    ERASURE = "erasure"  # granted, or partly refused when data was kept (Art. 17(3))
    RECTIFICATION = "rectification"  # granted, or partly refused when a change was kept
    OBJECTION = "objection"  # upheld (always for direct marketing) or refused (Art. 21(1))
    REFUSAL = "refusal"  # every request type refused


@dataclass(frozen=True)
class LetterEffect:
    """The effect of one letter kind on its case when the letter is finalised."""

    acknowledges: bool = False  # sets the acknowledgement date
    answers: bool = False  # sets the answer date; registered/in progress -> answered
    refuses: bool = False  # sets the answer date; -> refused where the status allows it
    pauses_clock: bool = False  # starts a pause (waiting for the person); -> on hold
    extends_deadline: bool = False  # records the extension notice (Art. 12(3))
    notifies_recipient: bool = False  # records an Art. 19 notice to a recipient
    decides: DecisionRule = DecisionRule.NONE


NO_EFFECT = LetterEffect()


@dataclass(frozen=True)
class CaseState:
    """What the rules need to know about the case before the letter is finalised."""

    status: CaseStatus
    acknowledged: bool = False
    open_pause: bool = False


@dataclass(frozen=True)
class CaseChange:
    """What to do to the case: set dates, start a pause, move the status (in this order)."""

    acknowledge: bool = False
    answer: bool = False
    start_pause: bool = False
    moves: tuple[CaseStatus, ...] = ()


def case_change(effect: LetterEffect, state: CaseState) -> CaseChange:
    """The change a finalised letter with ``effect`` makes to a case in ``state``."""
    status = state.status
    if effect.acknowledges:
        return CaseChange(acknowledge=not state.acknowledged)
    if effect.refuses:
        moves = (CaseStatus.REFUSED,) if CaseStatus.REFUSED in allowed_next(status) else ()
        return CaseChange(answer=True, moves=moves)
    if effect.answers:
        if status in (CaseStatus.REGISTERED, CaseStatus.IDENTITY_CHECK):
            return CaseChange(answer=True, moves=(CaseStatus.IN_PROGRESS, CaseStatus.ANSWERED))
        if status == CaseStatus.IN_PROGRESS:
            return CaseChange(answer=True, moves=(CaseStatus.ANSWERED,))
        return CaseChange(answer=True)
    if effect.pauses_clock and not state.open_pause:
        moves = (CaseStatus.ON_HOLD,) if CaseStatus.ON_HOLD in allowed_next(status) else ()
        return CaseChange(start_pause=True, moves=moves)
    return CaseChange()


def option_flag(options: Mapping[str, str], name: str, default: bool = False) -> bool:
    """A yes/no letter option as typed in the form or on the command line ("yes", "ja", "1")."""
    value = options.get(name)
    if value is None or value == "":
        return default
    return str(value).strip().lower() in ("1", "true", "yes", "ja", "on")


@dataclass(frozen=True)
class DecisionFacts:
    """The facts of the case a decision rule reads (the services collect them)."""

    request_codes: frozenset[str]
    options: Mapping[str, str]
    confirmed_findings: int = 0  # confirmed findings (access)
    change_outcomes: frozenset[str] = frozenset()  # outcomes of the erasure/rectification
    withheld: bool = False  # access: other people's data withheld from the copy


def decisions(rule: DecisionRule, facts: DecisionFacts) -> dict[str, Decision]:
    """The decision per request type (only the case's own types) that a sent letter says."""
    codes = facts.request_codes
    options = facts.options
    decided: dict[str, Decision] = {}
    if rule == DecisionRule.ACCESS:
        if not facts.confirmed_findings:
            access: Decision = (NO_DATA, "")
        elif facts.withheld or options.get("redactions"):
            access = (PARTLY_REFUSED, WITHHELD_FROM_ACCESS)
        else:
            access = (GRANTED, "")
        decided = {"access": access}
    elif rule in (DecisionRule.ERASURE, DecisionRule.RECTIFICATION):
        operation = rule.value
        if "kept" not in facts.change_outcomes:
            decided = {operation: (GRANTED, "")}
        else:
            ground = KEPT_UNDER_ART_17_3 if operation == "erasure" else STATED_IN_REFUSAL_LETTER
            decided = {operation: (PARTLY_REFUSED, ground)}
    elif rule == DecisionRule.OBJECTION:
        # Direct marketing objections are always upheld (Art. 21(3)); others as decided.
        direct = option_flag(options, "direct_marketing", default=True)
        upheld = direct or option_flag(options, "upheld", default=True)
        decided = {"objection": (GRANTED, "") if upheld else (REFUSED, COMPELLING_GROUNDS_ART_21)}
    elif rule == DecisionRule.REFUSAL:
        unfounded = option_flag(options, "manifestly_unfounded_or_excessive")
        ground = MANIFESTLY_UNFOUNDED_OR_EXCESSIVE if unfounded else STATED_IN_REFUSAL_LETTER
        decided = {c: (REFUSED, ground) for c in codes}
    return {c: d for c, d in decided.items() if c in codes}
