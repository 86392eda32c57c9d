"""Input rules: postcodes, e-mail, names, dates, attachments."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from app.core.enums import RequestType
from app.core.errors import ValidationError
from app.core.validation import (
    CaseInput,
    check_attachment,
    fold,
    house_number_of,
    normalise_email,
    normalise_postcode,
    split_name,
    validate_case_input,
)

TODAY = date(2026, 11, 24)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1234ab", "1234 AB"),
        ("5253 RE", "5253 RE"),
        (" 5253re ", "5253 RE"),
        ("9999  zz", "9999 ZZ"),
    ],
)
def test_dutch_postcode_normalised(raw: str, expected: str) -> None:
    assert normalise_postcode(raw) == expected


@pytest.mark.parametrize("letters", ["SS", "SA", "SD", "ss"])
def test_postcode_letters_never_issued_are_refused(letters: str) -> None:
    with pytest.raises(ValueError, match="do not exist"):
        normalise_postcode(f"1234 {letters}")


@pytest.mark.parametrize("raw", ["0123 AB", "123 AB", "12345", "ABCD 12", ""])
def test_malformed_postcode_says_what_to_type(raw: str) -> None:
    with pytest.raises(ValueError, match="four digits and two letters"):
        normalise_postcode(raw)


def test_foreign_postcode_kept() -> None:
    assert normalise_postcode("b-1000", "BE") == "B-1000"
    assert normalise_postcode("SW1A 1AA", "GB") == "SW1A 1AA"


def test_email() -> None:
    assert normalise_email(" a.b@example.nl ") == "a.b@example.nl"
    assert normalise_email("") == ""
    for bad in ("a@b", "no at sign", "a@@b.nl", "a b@c.nl"):
        with pytest.raises(ValueError):
            normalise_email(bad)


@pytest.mark.parametrize(
    ("name", "parts"),
    [
        ("Jan van der Berg", ("Jan", "van der", "Berg")),
        ("Zoë IJsselstein-Çelik", ("Zoë", "", "IJsselstein-Çelik")),
        ("Anna Maria de Vries", ("Anna Maria", "de", "Vries")),
        ("Madonna", ("", "", "Madonna")),
        ("Piet van 't Hek", ("Piet", "van 't", "Hek")),
    ],
)
def test_split_name_keeps_spelling(name: str, parts: tuple[str, str, str]) -> None:
    assert split_name(name) == parts
    assert " ".join(p for p in parts if p) == name


def test_fold_ignores_case_and_accents() -> None:
    assert fold("Zoë IJsselstein-Çelik") == "zoe ijsselstein-celik"


def test_house_number() -> None:
    assert house_number_of("Hopbrouwer 18") == "18"
    assert house_number_of("Dorpsstraat 12-A") == "12-A"
    assert house_number_of("Kerkstraat 7b") == "7B"


def _input(**kw: object) -> CaseInput:
    base: dict[str, object] = dict(
        request_types=(RequestType.ACCESS,),
        received_on=date(2026, 11, 20),
        first_name="Jan",
        name_prefix="van der",
        last_name="Berg",
        street="Kerkstraat 1",
        postcode="1234ab",
        city="Utrecht",
    )
    base.update(kw)
    return CaseInput(**base)  # type: ignore[arg-type]


def test_valid_input_is_normalised() -> None:
    result = validate_case_input(_input(), today=TODAY)
    assert result.postcode == "1234 AB"
    assert result.last_name == "Berg"


def test_all_errors_reported_at_once() -> None:
    with pytest.raises(ValidationError) as info:
        validate_case_input(
            _input(request_types=(), received_on=date(2026, 12, 1), postcode="1234 SS", email="x@"),
            today=TODAY,
        )
    assert set(info.value.errors) == {"request_types", "received_on", "postcode", "email"}
    assert "future" in info.value.errors["received_on"]


def test_received_before_gdpr_refused() -> None:
    with pytest.raises(ValidationError, match="25 May 2018"):
        validate_case_input(_input(received_on=date(2018, 5, 24)), today=TODAY)


def test_foreign_address_needs_country_code() -> None:
    result = validate_case_input(_input(country="be", postcode="1000", city="Brussel"), today=TODAY)
    assert result.country == "BE"
    with pytest.raises(ValidationError) as info:
        validate_case_input(_input(country="Belgium"), today=TODAY)
    assert "country" in info.value.errors


def test_attachment_type_and_size(tmp_path: Path) -> None:
    pdf = tmp_path / "scan.pdf"
    pdf.write_bytes(b"%PDF-1.4\n%test\n")
    assert check_attachment(pdf) == "application/pdf"
    png = tmp_path / "scan.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 20)
    assert check_attachment(png) == "image/png"
    docx = tmp_path / "letter.pdf"  # wrong content behind a PDF name
    docx.write_bytes(b"PK\x03\x04 not a pdf")
    with pytest.raises(ValidationError, match="not a PDF, PNG, JPEG or TIFF"):
        check_attachment(docx)
    huge = tmp_path / "huge.pdf"
    with huge.open("wb") as handle:  # sparse 2 GB file: costs no disk, never read
        handle.write(b"%PDF-")
        handle.truncate(2 * 1024**3)
    with pytest.raises(ValidationError, match="limit is 50 MB"):
        check_attachment(huge)
    with pytest.raises(ValidationError, match="empty"):
        empty = tmp_path / "empty.pdf"
        empty.write_bytes(b"")
        check_attachment(empty)


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        (("Jan", "J.", "van der", "Berg"), "Jan van der Berg"),
        (("", "J.P.", "de", "Vries"), "J.P. de Vries"),
        (("  ", "J.", " ", "Berg"), "J. Berg"),  # blank parts left out, the initials given
        ((None, None, None, "Öztürk"), "Öztürk"),
        (("Zoë", "", "", ""), "Zoë"),
        (("", "", "", ""), ""),
    ],
)
def test_full_name_is_one_rule(parts: tuple[str | None, ...], expected: str) -> None:
    from app.core.validation import full_name

    assert full_name(*parts) == expected
