"""The register texts an access answer prints, per language; recipients by name (C-154/21)."""

from __future__ import annotations

from app.core.finalise_gate import (
    Condition,
    FinaliseGate,
    GateSnapshot,
    unmet_conditions,
)
from app.core.register_rules import (
    REGISTER_LANGUAGES,
    missing_texts,
    named_recipients,
    recipients_unnamed,
)
from app.data.seed import DEFAULT_REGISTER

DUTCH = {
    "name": "Nieuwsbrief",
    "purposes": "Nieuws sturen",
    "legal_basis": "Toestemming",
    "data_categories": "E-mailadres",
    "retention": "Tot afmelden",
    "source": "Van u",
}


def test_a_text_missing_in_the_letter_language_is_named_never_borrowed() -> None:
    assert missing_texts(DUTCH, {}, "nl") == ()
    english = {
        "name": "Newsletter",
        "purposes": "Sending news",
        "legal_basis": "Consent",
        "data_categories": "E-mail address",
        "retention": "Until you unsubscribe",
    }
    assert missing_texts(DUTCH, {"en": english}, "en") == ("source",)
    assert missing_texts(DUTCH, {"en": {**english, "source": "From you"}}, "en") == ()
    assert "retention" in missing_texts({**DUTCH, "retention": ""}, {}, "nl")


def test_recipients_by_name_or_the_reason_why_not() -> None:
    assert named_recipients("Exact Online B.V.\nZendesk Inc.; PostNL") == (
        "Exact Online B.V.",
        "Zendesk Inc.",
        "PostNL",
    )
    assert recipients_unnamed("", "Toeleveranciers", "")
    assert not recipients_unnamed("", "Toeleveranciers", "De lijst wisselt per week")
    assert not recipients_unnamed("Exact Online B.V.", "Toeleveranciers", "")
    assert not recipients_unnamed("", "", "")  # no recipients at all


def test_the_shipped_register_is_complete_in_three_languages_without_archiefwet() -> None:
    for entry in DEFAULT_REGISTER:
        assert "archiefwet" not in str(entry).lower()
        assert entry["retention"].strip()
        for lang in REGISTER_LANGUAGES:
            assert missing_texts(entry, entry["translations"], lang) == (), (entry["name"], lang)


def test_the_gate_lists_the_register_conditions_of_an_access_answer() -> None:
    snap = GateSnapshot(
        identity_established=True,
        unlinked_systems=("Mailbox",),
        unnamed_recipients=("Support",),
        missing_texts=("Support: retention",),
    )
    gate = FinaliseGate(register=True)
    assert [u.condition for u in unmet_conditions(gate, snap)] == [
        Condition.PROCESSING_LINKED,
        Condition.RECIPIENTS_NAMED,
        Condition.REGISTER_LANGUAGE,
    ]
    assert unmet_conditions(FinaliseGate(), snap) == []  # only where the kind asks for it
