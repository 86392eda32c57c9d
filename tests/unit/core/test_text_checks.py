"""The one field check (control characters, direction overrides, length) and clean_text."""

from __future__ import annotations

import errno

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.errors import FaultError
from app.core.faults import os_fault
from app.core.spreadsheet import REPLACEMENT, csv_field, sheet_text
from app.core.validation import check_texts, clean_text, text_problem

REFUSED_EVERYWHERE = [chr(c) for c in [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20)]]
REFUSED_EVERYWHERE += [chr(c) for c in range(0x7F, 0xA0)]  # DEL and the C1 codes
REFUSED_EVERYWHERE += ["\u2028", "\u2029", *map(chr, range(0x202A, 0x202F))]
REFUSED_EVERYWHERE += [chr(c) for c in range(0x2066, 0x206A)]


@pytest.mark.parametrize("char", REFUSED_EVERYWHERE)
def test_every_refused_character_is_named(char: str) -> None:
    for multiline in (False, True):
        problem = text_problem(f"Jan{char}sen", multiline=multiline)
        assert problem is not None
        assert f"U+{ord(char):04X}" in str(problem)


def test_line_breaks_only_in_multi_line_fields_and_tabs_everywhere() -> None:
    assert text_problem("a\tb") is None
    assert text_problem("a\r\nb\nc", multiline=True) is None
    problem = text_problem("a\nb")
    assert problem is not None and problem.msgid.startswith("This field takes one line")


def test_direction_override_has_its_own_message() -> None:
    problem = text_problem("Jan \u202enesnaJ")
    assert problem is not None and "direction" in problem.msgid


def test_length_counts_characters_not_bytes() -> None:
    assert text_problem("é" * 200, limit=200) is None
    problem = text_problem("é" * 201, limit=200)
    assert problem is not None and problem.msgid.startswith("This field takes at most")
    assert "201" in str(problem)


def test_check_texts_keys_by_field_and_skips_unknown_names() -> None:
    errors = check_texts(
        {"last_name": "x" * 5, "city": "U\x00", "other": "\x00", "age": 3},
        {"last_name": 4, "city": None, "age": None},
    )
    assert set(errors) == {"last_name", "city"}


@given(st.text())
def test_clean_text_always_gives_storable_text(value: str) -> None:
    for multiline in (True, False):
        cleaned = clean_text(value, multiline=multiline, limit=50)
        assert text_problem(cleaned, limit=50, multiline=multiline) is None


def test_clean_text_keeps_letters_and_marks_a_cut() -> None:
    assert clean_text("Geachte\u2028heer,\r\n\x00bedankt\u202e") == "Geachte\nheer,\nbedankt"
    assert clean_text("a\nb", multiline=False) == "a b"
    assert clean_text("abcdef", limit=4) == "abc…"


def test_sheet_text_replaces_what_a_cell_cannot_hold_visibly() -> None:
    assert sheet_text("Jan\x00\x1b[2J\tB\nC") == f"Jan{REPLACEMENT}{REPLACEMENT}[2J\tB\nC"
    assert csv_field("=1+\x07") == f"'=1+{REPLACEMENT}"


@pytest.mark.parametrize(
    ("number", "words"),
    [
        (errno.ENOSPC, "The disk is full"),
        (errno.EROFS, "read-only disk"),
        (errno.EACCES, "permission denied"),
    ],
)
def test_os_faults_name_the_cause_and_the_place(number: int, words: str) -> None:
    fault = os_fault(OSError(number, "x", "/exports/register.xlsx"))
    assert isinstance(fault, FaultError)
    assert words in str(fault) and "/exports/register.xlsx" in str(fault)


def test_other_errors_are_no_faults() -> None:
    assert os_fault(OSError(errno.ENOENT, "gone")) is None
    assert os_fault(ValueError("x")) is None
