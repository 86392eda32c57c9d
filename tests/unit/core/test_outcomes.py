"""The case outcome follows the decisions per request type."""

from __future__ import annotations

from app.core.outcomes import case_outcome


def test_case_outcome_rules() -> None:
    assert case_outcome({}) == ""
    assert case_outcome({"access": ""}) == ""
    assert case_outcome({"access": "granted", "erasure": "granted"}) == "granted"
    assert case_outcome({"access": "granted", "erasure": "refused"}) == "partly_refused"
    assert case_outcome({"erasure": "partly_refused"}) == "partly_refused"
    assert case_outcome({"access": "refused", "objection": "refused"}) == "refused"
    assert case_outcome({"access": "no_data"}) == "no_data"
    assert case_outcome({"access": "no_data", "objection": "granted"}) == "granted"
    assert case_outcome({"access": "withdrawn"}) == "withdrawn"
