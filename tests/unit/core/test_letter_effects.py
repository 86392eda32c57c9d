"""What a finalised letter does to its case: the pure rules, without a database."""

from __future__ import annotations

from datetime import date

import pytest

from app.core.deadlines import ExtensionNotAllowedError, check_within_first_month
from app.core.enums import CaseStatus
from app.core.letter_effects import (
    NO_EFFECT,
    CaseChange,
    CaseState,
    DecisionFacts,
    DecisionRule,
    LetterEffect,
    case_change,
    decisions,
    option_flag,
)
from app.letters.kinds import letter_kind

ANSWER = LetterEffect(answers=True)


def test_acknowledgement_sets_the_date_once() -> None:
    effect = letter_kind("acknowledgement").effect
    assert case_change(effect, CaseState(CaseStatus.REGISTERED)) == CaseChange(acknowledge=True)
    assert case_change(effect, CaseState(CaseStatus.REGISTERED, acknowledged=True)) == CaseChange()


@pytest.mark.parametrize(
    ("status", "moves"),
    [
        (CaseStatus.REGISTERED, (CaseStatus.IN_PROGRESS, CaseStatus.ANSWERED)),
        (CaseStatus.IDENTITY_CHECK, (CaseStatus.IN_PROGRESS, CaseStatus.ANSWERED)),
        (CaseStatus.IN_PROGRESS, (CaseStatus.ANSWERED,)),
        (CaseStatus.ANSWERED, ()),
        (CaseStatus.CLOSED, ()),
    ],
)
def test_an_answer_moves_the_case_to_answered(
    status: CaseStatus, moves: tuple[CaseStatus, ...]
) -> None:
    assert case_change(ANSWER, CaseState(status)) == CaseChange(answer=True, moves=moves)


def test_a_refusal_refuses_where_the_status_allows_it() -> None:
    effect = letter_kind("refusal").effect
    assert case_change(effect, CaseState(CaseStatus.IN_PROGRESS)).moves == (CaseStatus.REFUSED,)
    change = case_change(effect, CaseState(CaseStatus.CLOSED))
    assert change.answer and change.moves == ()


def test_a_clarification_pauses_the_clock_unless_a_pause_is_open() -> None:
    effect = letter_kind("clarification").effect
    change = case_change(effect, CaseState(CaseStatus.IN_PROGRESS))
    assert change == CaseChange(start_pause=True, moves=(CaseStatus.ON_HOLD,))
    assert case_change(effect, CaseState(CaseStatus.ON_HOLD, open_pause=True)) == CaseChange()


def test_notices_change_no_status() -> None:
    for code in ("extension", "recipient_notice"):
        assert case_change(letter_kind(code).effect, CaseState(CaseStatus.IN_PROGRESS)) == (
            CaseChange()
        )
    assert case_change(NO_EFFECT, CaseState(CaseStatus.REGISTERED)) == CaseChange()


def _facts(*codes: str, **kwargs: object) -> DecisionFacts:
    options = kwargs.pop("options", {})
    return DecisionFacts(request_codes=frozenset(codes), options=options, **kwargs)  # type: ignore[arg-type]


def test_access_decision_follows_the_findings_and_redactions() -> None:
    assert decisions(DecisionRule.ACCESS, _facts("access", "erasure")) == {
        "access": ("no_data", "")
    }
    granted = decisions(DecisionRule.ACCESS, _facts("access", "portability", confirmed_findings=3))
    # Portability is decided by its own action (issue 12), never as a side effect of access.
    assert granted == {"access": ("granted", "")}
    partly = decisions(
        DecisionRule.ACCESS, _facts("access", confirmed_findings=1, options={"redactions": "x"})
    )
    assert partly == {"access": ("partly_refused", "withheld_from_access")}


def test_erasure_and_rectification_decisions_follow_kept_records() -> None:
    facts = _facts("erasure", change_outcomes=frozenset({"removed"}))
    assert decisions(DecisionRule.ERASURE, facts) == {"erasure": ("granted", "")}
    kept = _facts("erasure", change_outcomes=frozenset({"removed", "kept"}))
    assert decisions(DecisionRule.ERASURE, kept) == {
        "erasure": ("partly_refused", "kept_under_art_17_3")
    }
    rect = _facts("rectification", change_outcomes=frozenset({"kept"}))
    assert decisions(DecisionRule.RECTIFICATION, rect) == {
        "rectification": ("partly_refused", "stated_in_refusal_letter")
    }
    # A case without the request type gets no decision for it.
    assert decisions(DecisionRule.ERASURE, _facts("access")) == {}


def test_objection_direct_marketing_is_always_upheld() -> None:
    refused = {"direct_marketing": "no", "upheld": "no"}
    assert decisions(DecisionRule.OBJECTION, _facts("objection", options=refused)) == {
        "objection": ("refused", "compelling_grounds_art_21")
    }
    forced = {"direct_marketing": "yes", "upheld": "no"}
    assert decisions(DecisionRule.OBJECTION, _facts("objection", options=forced)) == {
        "objection": ("granted", "")
    }


def test_refusal_refuses_every_request_type_with_its_ground() -> None:
    facts = _facts("access", "erasure", options={"manifestly_unfounded_or_excessive": "ja"})
    assert decisions(DecisionRule.REFUSAL, facts) == {
        "access": ("refused", "manifestly_unfounded_or_excessive"),
        "erasure": ("refused", "manifestly_unfounded_or_excessive"),
    }
    assert decisions(DecisionRule.REFUSAL, _facts("access"))["access"] == (
        "refused",
        "stated_in_refusal_letter",
    )
    assert decisions(DecisionRule.NONE, _facts("access")) == {}


def test_option_flag_reads_yes_in_both_languages() -> None:
    assert option_flag({"a": "ja"}, "a") and option_flag({"a": "Yes"}, "a")
    assert not option_flag({"a": "nee"}, "a")
    assert option_flag({}, "a", default=True) and option_flag({"a": ""}, "a", default=True)


def test_the_first_month_rule_exists_once() -> None:
    check_within_first_month(date(2026, 4, 7), date(2026, 4, 7))
    with pytest.raises(ExtensionNotAllowedError, match="first month ended on 7 April 2026"):
        check_within_first_month(date(2026, 4, 8), date(2026, 4, 7))
