"""Address lines per PostNL rules, money, lists and request types."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.core.errors import UserError
from app.letters.formatting import (
    AddressError,
    format_address,
    format_eur,
    join_words,
    request_types_long,
    request_types_short,
)
from app.letters.payloads import PostalAddress


def _addr(**kw: object) -> PostalAddress:
    base: dict[str, object] = {
        "name_line": "De heer J. van der Berg",
        "street_line": "Kerkstraat 12 A",
        "postcode": "5211ab",
        "city": "'s-Hertogenbosch",
    }
    base.update(kw)
    return PostalAddress(**base)  # type: ignore[arg-type]


def test_domestic_address_has_two_spaces_and_town_in_capitals() -> None:
    assert format_address(_addr(), "nl") == (
        "De heer J. van der Berg",
        "Kerkstraat 12 A",
        "5211 AB  'S-HERTOGENBOSCH",
    )


@pytest.mark.parametrize("country", ["NL", "nl", "Nederland", ""])
def test_domestic_spellings_print_no_country_line(country: str) -> None:
    assert len(format_address(_addr(country=country), "nl")) == 3


def test_foreign_address_ends_with_country_in_capitals() -> None:
    addr = PostalAddress(
        name_line="Mevrouw Zoë IJsselstein-Çelik",
        street_line="Rue de la Loi 155 bus 3",
        postcode="1040",
        city="Etterbeek",
        country="BE",
    )
    assert format_address(addr, "nl")[-2:] == ("1040 ETTERBEEK", "BELGIË")
    assert format_address(addr, "en")[-1] == "BELGIUM"
    assert format_address(addr, "nl")[0] == "Mevrouw Zoë IJsselstein-Çelik"


def test_country_given_as_a_name_is_capitalised() -> None:
    addr = _addr(country="Deutschland", postcode="10115", city="Berlin")
    assert format_address(addr, "nl")[-1] == "DEUTSCHLAND"


def test_extra_lines_come_between_name_and_street() -> None:
    lines = format_address(_addr(extra_lines=("t.a.v. mr. A. de Vries", "  ")), "nl")
    assert lines[1] == "t.a.v. mr. A. de Vries"
    assert len(lines) == 4


def test_seven_lines_are_refused() -> None:
    addr = _addr(extra_lines=("a", "b", "c", "d"), country="BE", postcode="1000", city="Brussel")
    with pytest.raises(UserError, match="at most 6"):
        format_address(addr, "nl")


def test_six_lines_are_allowed() -> None:
    addr = _addr(extra_lines=("a", "b", "c"))
    assert len(format_address(addr, "nl")) == 6


@pytest.mark.parametrize("postcode", ["1234 SS", "0123 AB", "12345", "ABCD 12"])
def test_bad_dutch_postcode_is_refused(postcode: str) -> None:
    with pytest.raises(AddressError):
        format_address(_addr(postcode=postcode), "nl")


@pytest.mark.parametrize("field", ["name_line", "street_line", "city"])
def test_missing_parts_are_refused(field: str) -> None:
    with pytest.raises(AddressError):
        format_address(_addr(**{field: "  "}), "nl")


def test_euro_amounts() -> None:
    assert format_eur(Decimal("25"), "nl") == "€ 25,00"
    assert format_eur(Decimal("1234.5"), "nl") == "€ 1.234,50"
    assert format_eur(Decimal("1234.5"), "en") == "€1,234.50"


def test_join_words() -> None:
    assert join_words(["a"], "nl") == "a"
    assert join_words(["a", "b", "c"], "nl") == "a, b en c"
    assert join_words(["a", "b"], "en") == "a and b"


def test_request_types() -> None:
    assert request_types_short(("access", "erasure"), "nl") == "inzage en verwijdering"
    assert request_types_long(("objection",), "nl") == "bezwaar (artikel 21 AVG)"
    assert request_types_long(("access", "portability"), "en") == (
        "access (Article 15 GDPR) and portability (Article 20 GDPR)"
    )
