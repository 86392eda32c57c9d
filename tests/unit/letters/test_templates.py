"""The template engine: placeholders, conditions, includes and missing values."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from app.core.errors import UserError
from app.letters.kinds import BUILTIN_KINDS, LetterKind, LetterType
from app.letters.templates import MissingFieldError, TemplateError, TemplateFiller, templates_root


def _write(root: Path, name: str, text: str, lang: str = "nl") -> None:
    (root / lang).mkdir(parents=True, exist_ok=True)
    (root / lang / f"{name}.txt").write_text(text, encoding="utf-8")


def test_fills_subject_and_paragraphs(tmp_path: Path) -> None:
    _write(tmp_path, "t", "subject: Over {topic}\n\n{salutation}\n\nTekst over {topic}.\n")
    filler = TemplateFiller("nl", {"topic": "inzage", "salutation": "Beste Jan,"}, {}, tmp_path)
    letter = filler.compose("t")
    assert letter.subject == "Over inzage"
    assert letter.body == "Beste Jan,\n\nTekst over inzage."


@pytest.mark.parametrize("value", [None, "", "   "])
def test_missing_value_names_the_field(tmp_path: Path, value: str | None) -> None:
    _write(tmp_path, "t", "subject: S\n\nUiterlijk op {promise_date}.\n")
    filler = TemplateFiller("nl", {"promise_date": value}, {}, tmp_path)
    with pytest.raises(MissingFieldError) as info:
        filler.compose("t")
    assert info.value.field == "promise_date"
    assert "promise_date" in str(info.value)
    assert isinstance(info.value, UserError)


def test_unknown_placeholder_is_a_missing_field(tmp_path: Path) -> None:
    _write(tmp_path, "t", "subject: S {nope}\n\nx\n")
    with pytest.raises(MissingFieldError, match="nope"):
        TemplateFiller("nl", {}, {}, tmp_path).compose("t")


def test_conditions_keep_or_drop_paragraphs(tmp_path: Path) -> None:
    _write(tmp_path, "t", "subject: S\n\n?yes Ja.\n\n?!yes Nee.\n\n?no {absent}\n\nEinde.\n")
    body = TemplateFiller("nl", {}, {"yes": True, "no": False}, tmp_path).compose("t").body
    # The dropped paragraph's placeholder is never evaluated, so no MissingFieldError.
    assert body == "Ja.\n\nEinde."


def test_unknown_flag_is_a_template_defect(tmp_path: Path) -> None:
    _write(tmp_path, "t", "subject: S\n\n?mystery Tekst.\n")
    with pytest.raises(TemplateError, match="mystery"):
        TemplateFiller("nl", {}, {}, tmp_path).compose("t")


def test_include_inserts_partial_paragraphs(tmp_path: Path) -> None:
    _write(tmp_path, "_part", "## Kop\n\nDeel {x}.\n")
    _write(tmp_path, "t", "subject: S\n\nBegin.\n\n?show {>part}\n\nEinde.\n")
    filler = TemplateFiller("nl", {"x": "één"}, {"show": True}, tmp_path)
    assert filler.compose("t").body == "Begin.\n\n## Kop\n\nDeel één.\n\nEinde."
    hidden = TemplateFiller("nl", {"x": "één"}, {"show": False}, tmp_path)
    assert hidden.compose("t").body == "Begin.\n\nEinde."


def test_values_are_not_rescanned(tmp_path: Path) -> None:
    _write(tmp_path, "t", "subject: S\n\nNaam: {name}\n")
    filler = TemplateFiller("nl", {"name": "{secret} & <b>"}, {}, tmp_path)
    assert filler.compose("t").body == "Naam: {secret} & <b>"


def test_template_without_subject_line_is_rejected(tmp_path: Path) -> None:
    _write(tmp_path, "t", "Geen onderwerp\n\nTekst\n")
    with pytest.raises(TemplateError, match="subject"):
        TemplateFiller("nl", {}, {}, tmp_path).compose("t")


def test_missing_template_file_is_reported(tmp_path: Path) -> None:
    with pytest.raises(TemplateError, match="missing"):
        TemplateFiller("nl", {}, {}, tmp_path).compose("acknowledgement")


LANGS = ("nl", "en")


def _names(pattern: str, text: str) -> set[str]:
    return set(re.findall(pattern, text, re.MULTILINE))


@pytest.mark.parametrize("kind", BUILTIN_KINDS, ids=lambda kind: kind.code)
def test_shipped_templates_exist_and_agree_between_languages(kind: LetterKind) -> None:
    root = templates_root()
    texts = {
        lang: (root / lang / f"{kind.template}.txt").read_text("utf-8") for lang in ("nl", "en")
    }
    for text in texts.values():
        assert text.startswith("subject: ")
    # Both languages use the same placeholders, flags and partials, so one context fills both.
    for pattern in (r"\{([a-z_>]+)\}", r"^\?!?([a-z_]+) "):
        assert _names(pattern, texts["nl"]) == _names(pattern, texts["en"]), pattern


def test_partials_exist_in_both_languages() -> None:
    root = templates_root()
    for lang in ("nl", "en"):
        for part in ("_appeal", "_complaint", "_contact"):
            assert (root / lang / f"{part}.txt").is_file()


def test_value_ending_in_a_full_stop_does_not_double_it(tmp_path: Path) -> None:
    _write(tmp_path, "t", "subject: S\n\nVerstrekt aan {name}. Ook aan {name}, toen.\n")
    body = TemplateFiller("nl", {"name": "Zendesk Inc."}, {}, tmp_path).compose("t").body
    assert body == "Verstrekt aan Zendesk Inc. Ook aan Zendesk Inc., toen."


def test_every_built_in_letter_type_is_declared_in_the_registry() -> None:
    assert [kind.code for kind in BUILTIN_KINDS] == [t.value for t in LetterType]
