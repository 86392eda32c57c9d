"""The finalise gate's pure rules: which conditions apply to which letter kind, and overrides."""

from __future__ import annotations

import pytest

from app.core.errors import ValidationError
from app.core.finalise_gate import (
    Condition,
    FinaliseGate,
    GateRefused,
    GateSnapshot,
    IdentityNeed,
    apply_overrides,
    parse_overrides,
    unmet_conditions,
)
from app.letters.kinds import LetterKind, letter_kind, letter_kinds, register_letter_kind

# Nothing done yet: two systems, one failed, one manual check open, a weak finding pending,
# an erasure half executed, a representative without authorisation, portability requested.
NOTHING_DONE = GateSnapshot(
    identity_established=False,
    enabled_systems=("CRM", "Mail", "Paper archive", "Portal"),
    searched_systems=frozenset({"Portal"}),
    failed_systems=("Mail",),
    open_manual_checks=("Paper archive",),
    pending_findings=2,
    open_changes={"erasure": 1, "rectification": 1},
    unplanned_records={"erasure": 1},
    representative=True,
    authorisation_present=False,
    portability_requested=True,
    portability_exported=False,
)
ALL_DONE = GateSnapshot(
    identity_established=True,
    enabled_systems=("CRM", "Portal"),
    searched_systems=frozenset({"CRM", "Portal"}),
    representative=True,
    authorisation_present=True,
    portability_requested=True,
    portability_exported=True,
)


def _codes(kind: str, snap: GateSnapshot = NOTHING_DONE, **options: str) -> list[str]:
    gate = letter_kind(kind).gate
    return [u.condition.value for u in unmet_conditions(gate, snap, options)]


def test_the_table_of_issue_12() -> None:
    search = ["systems_searched", "searches_failed", "manual_checks", "findings_reviewed"]
    tail = ["authorisation", "portability_export"]
    assert _codes("access") == ["identity", *search, *tail]
    assert _codes("erasure") == ["identity", *search, "changes_done", *tail]
    assert _codes("rectification") == ["identity", "changes_done", *tail]
    assert _codes("objection") == ["identity", *tail]  # upheld by default (direct marketing)
    assert _codes("objection", direct_marketing="no", upheld="no") == tail
    # A refusal (Art. 12(4), 11(2)/12(6), 12(5)) needs none of the search conditions.
    assert _codes("refusal") == ["authorisation"]
    for kind in ("acknowledgement", "clarification", "extension", "recipient_notice"):
        assert _codes(kind) == [], kind


def test_nothing_is_unmet_when_the_work_is_done() -> None:
    for kind in letter_kinds():
        assert unmet_conditions(kind.gate, ALL_DONE, {}) == [], kind.code


def test_the_messages_name_the_systems_and_what_to_do() -> None:
    unmet = {u.condition: u for u in unmet_conditions(letter_kind("access").gate, NOTHING_DONE)}
    assert unmet[Condition.SYSTEMS_SEARCHED].detail == "CRM"  # failed/manual are listed apart
    assert unmet[Condition.SEARCHES_FAILED].detail == "Mail"
    assert unmet[Condition.MANUAL_CHECKS].detail == "Paper archive"
    assert "Paper archive" in unmet[Condition.MANUAL_CHECKS].message.render("en")
    assert unmet[Condition.IDENTITY].message.msgid == (
        "Identity is not established yet. Record the identity check first."
    )


def test_without_representative_or_portability_those_conditions_do_not_apply() -> None:
    snap = GateSnapshot(identity_established=True)
    assert _codes("access", snap) == []
    assert _codes("refusal", snap) == []


def test_changes_count_unplanned_records_only_for_erasure() -> None:
    snap = GateSnapshot(identity_established=True, unplanned_records={"erasure": 3})
    assert _codes("erasure", snap) == ["changes_done"]
    assert _codes("rectification", snap) == []


def test_overrides_need_a_known_condition_and_a_reason() -> None:
    unmet = unmet_conditions(letter_kind("refusal").gate, NOTHING_DONE)
    assert [u.condition for u in apply_overrides(unmet, {"authorisation": "sent by the person"})]
    with pytest.raises(ValidationError) as blank:
        apply_overrides(unmet, {"authorisation": "  "})
    assert blank.value.errors["override"].msgid.startswith("Give a written reason")
    with pytest.raises(ValidationError) as unknown:
        apply_overrides(unmet, {"nope": "x"})
    assert unknown.value.errors["override"].msgid.startswith("Unknown condition")
    with pytest.raises(ValidationError) as met:
        apply_overrides(unmet, {"authorisation": "x", "identity": "x"})
    assert met.value.errors["override"].msgid.startswith("These conditions are met")


def test_what_is_not_overridden_is_refused_with_the_full_list() -> None:
    unmet = unmet_conditions(letter_kind("access").gate, NOTHING_DONE)
    with pytest.raises(GateRefused) as refused:
        apply_overrides(unmet, {"identity": "known customer, phoned"})
    codes = [u.condition.value for u in refused.value.unmet]
    assert "identity" not in codes and codes[0] == "systems_searched"
    assert len(refused.value.messages) == len(unmet) - 1
    everything = {u.condition.value: "reason" for u in unmet}
    assert len(apply_overrides(unmet, everything)) == len(unmet)


def test_parse_overrides_takes_condition_equals_reason() -> None:
    assert parse_overrides(["identity=asked by phone", "manual_checks=archive = closed"]) == {
        "identity": "asked by phone",
        "manual_checks": "archive = closed",
    }
    with pytest.raises(ValidationError):
        parse_overrides(["just a reason"])


def test_a_new_letter_kind_declares_its_own_gate() -> None:
    kind = LetterKind(
        code="test_gated",
        label="Gated",
        noun="gated",
        template="acknowledgement",
        gate=FinaliseGate(identity=IdentityNeed.ALWAYS, search=True),
    )
    with register_letter_kind(kind):
        assert _codes("test_gated") == [
            "identity",
            "systems_searched",
            "searches_failed",
            "manual_checks",
            "findings_reviewed",
        ]
