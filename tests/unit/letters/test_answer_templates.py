"""The section-3 letters say the same things in every language: same values, same conditions."""

from __future__ import annotations

import re

import pytest

from app.letters.templates import templates_root

ANSWERS = ("erasure", "rectification", "objection", "recipient_notice", "refusal")
_VALUE = re.compile(r"\{(>?[a-z_]+)\}")
_FLAG = re.compile(r"^\?!?([a-z_]+)", re.MULTILINE)


def _shape(lang: str, name: str) -> tuple[set[str], set[str]]:
    text = (templates_root() / lang / f"{name}.txt").read_text(encoding="utf-8")
    return set(_VALUE.findall(text)), set(_FLAG.findall(text))


@pytest.mark.parametrize("name", ANSWERS)
@pytest.mark.parametrize("lang", ["en", "de"])
def test_every_language_has_the_dutch_values_and_conditions(lang: str, name: str) -> None:
    assert _shape(lang, name) == _shape("nl", name)


@pytest.mark.parametrize("lang", ["nl", "en", "de"])
def test_the_art19_notice_never_greets_the_data_subject(lang: str) -> None:
    values, _flags = _shape(lang, "recipient_notice")
    assert "recipient_salutation" in values and "salutation" not in values


@pytest.mark.parametrize("lang", ["nl", "en", "de"])
def test_plain_words_from_the_review(lang: str) -> None:
    objection = (templates_root() / lang / "objection.txt").read_text(encoding="utf-8")
    erasure = (templates_root() / lang / "erasure.txt").read_text(encoding="utf-8")
    assert "geen gelijk" not in objection and "Een deel van uw gegevens" not in erasure
    if lang == "nl":
        assert "Wij wijzen uw bezwaar af." in objection
        assert "Sommige gegevens moeten wij van de wet nog bewaren." in erasure
