"""What an overridden finalise gate adds to a letter: the "not done" paragraph, nl and en."""

from __future__ import annotations

import pytest

from app.letters.compose import (
    FULL_SEARCH_CLAIMS,
    not_done_text,
    with_not_done,
    without_full_search_claim,
)
from app.letters.templates import read_template, templates_root

BODY_NL = "Geachte heer,\n\nEerste alinea.\n\nHeeft u vragen? Neem dan contact op met X."


def test_nothing_overridden_adds_nothing() -> None:
    assert not_done_text("nl", {}) == ""
    assert with_not_done(BODY_NL, "nl", "") == BODY_NL


@pytest.mark.parametrize(
    ("lang", "heading", "line"),
    [
        ("nl", "## Wat nog niet is gedaan", "- Wij hebben nog niet in al onze systemen gezocht. "
         "Niet doorzocht: CRM, Mail."),
        ("en", "## What we have not done yet", "- We have not yet searched all our systems. "
         "Not searched: CRM, Mail."),
    ],
)  # fmt: skip
def test_the_paragraph_names_what_was_not_done(lang: str, heading: str, line: str) -> None:
    text = not_done_text(lang, {"systems_searched": "CRM, Mail", "identity": ""})
    assert text.startswith(heading)
    assert line in text
    bullets = [row for row in text.splitlines() if row.startswith("- ")]
    assert len(bullets) == 2  # one list: identity and the systems, nothing else
    assert "\n\n- " not in text.split("\n\n", 2)[2]  # the bullets form one block


def test_it_goes_before_the_contact_paragraph_or_at_the_end() -> None:
    para = not_done_text("nl", {"identity": ""})
    body = with_not_done(BODY_NL, "nl", para)
    assert body.index("Wat nog niet is gedaan") < body.index("Heeft u vragen?")
    edited = "Geachte heer,\n\nDe officer schreef het slot zelf."
    assert with_not_done(edited, "nl", para).endswith(para)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_full_search_claim_is_the_access_templates_own_sentence(lang: str) -> None:
    claim, honest = FULL_SEARCH_CLAIMS[lang]
    assert claim in read_template(templates_root(), lang, "access")
    body = f"Intro.\n\n{claim}\n\nSlot."
    assert (
        without_full_search_claim(body, lang, {"manual_checks"}) == f"Intro.\n\n{honest}\n\nSlot."
    )
    assert without_full_search_claim(body, lang, {"identity"}) == body
