"""The shared matching rules: which identifiers make a strong match, and namesakes kept apart."""

from __future__ import annotations

from datetime import date

from app.connectors.base import MatchStrength, Subject
from app.connectors.identifier_match import (
    IdentifierRole as R,
)
from app.connectors.identifier_match import (
    is_truncated,
    match_row,
    normalise_text,
    phone_digits,
    truncated_forms,
)
from app.core.enums import IdentifierKind

ROW = {
    R.EMAIL: ["Jan.deVries@Example.com"],
    R.CUSTOMER_NUMBER: ["DB-10001"],
    R.FIRST_NAME: ["Jan"],
    R.LAST_NAME: ["de Vries"],
    R.PHONE: ["06-12 34 56 78"],
    R.POSTCODE: ["5253 RE"],
    R.HOUSE_NUMBER: ["18"],
    R.BIRTH_DATE: [date(1980, 3, 4)],
}


def test_email_is_case_insensitive_and_strong() -> None:
    m = match_row(ROW, Subject("c", emails=(" jan.devries@example.COM",)))
    assert m is not None and m.strength is MatchStrength.STRONG
    assert m.matched.kind is IdentifierKind.EMAIL


def test_customer_number_is_exact() -> None:
    assert match_row(ROW, Subject("c", customer_numbers=("DB-10001",))) is not None
    assert match_row(ROW, Subject("c", customer_numbers=("db-10001",))) is None


def test_phone_is_weak_and_normalised() -> None:
    assert phone_digits("+31 (0)6-1234 5678") != ""
    m = match_row(ROW, Subject("c", phones=("+31 6 12345678",)))
    assert m is not None and m.strength is MatchStrength.WEAK
    assert m.matched.kind is IdentifierKind.PHONE


def test_address_weak_alone_strong_with_name() -> None:
    alone = match_row(ROW, Subject("c", postcode="5253RE", house_number="18"))
    assert alone is not None and alone.strength is MatchStrength.WEAK
    named = match_row(
        ROW, Subject("c", first_name="jan", last_name="De  Vries", postcode="5253 re",
                     house_number="18")
    )  # fmt: skip
    assert named is not None and named.strength is MatchStrength.STRONG
    assert named.matched.kind is IdentifierKind.POSTCODE_HOUSE_NUMBER


def test_name_weak_and_name_with_birth_date_strong() -> None:
    weak = match_row(ROW, Subject("c", first_name="Jan", last_name="de Vries"))
    assert weak is not None and weak.strength is MatchStrength.WEAK and weak.note
    strong = match_row(
        ROW, Subject("c", first_name="Jan", last_name="de Vries", birth_date=date(1980, 3, 4))
    )
    assert strong is not None and strong.strength is MatchStrength.STRONG
    assert strong.matched.kind is IdentifierKind.NAME_BIRTH_DATE


def test_namesake_with_other_birth_date_or_customer_number_is_excluded() -> None:
    other_birth = Subject("c", first_name="Jan", last_name="de Vries", birth_date=date(1990, 1, 1))
    assert match_row(ROW, other_birth) is None
    other_number = Subject("c", first_name="Jan", last_name="de Vries", customer_numbers=("X1",))
    assert match_row(ROW, other_number) is None


def test_strong_match_with_conflicting_number_is_downgraded() -> None:
    shared_mailbox = Subject("c", emails=("jan.devries@example.com",), customer_numbers=("X1",))
    m = match_row(ROW, shared_mailbox)
    assert m is not None and m.strength is MatchStrength.WEAK
    assert "different customer number" in m.note


def test_names_compare_without_accents_case_or_spacing() -> None:
    assert normalise_text("  Zoë  ÖZTÜRK ") == "zoe ozturk"


def test_nothing_in_common_is_no_match() -> None:
    assert match_row(ROW, Subject("c", emails=("x' OR '1'='1",), first_name="Jan")) is None


def test_truncated_forms_of_ipv4_and_ipv6() -> None:
    assert truncated_forms(" 84.12.33.44 ") == ("84.12.0.0",)
    assert truncated_forms("2A02:0A44:1B2C:3D00:08A1:22FF:FE33:4455") == (
        "2a02:a44:1b2c:3d00::",
        "2a02:a44:1b2c::",
    )
    assert truncated_forms("84.12.0.0") == ()  # already truncated: nothing shorter to look for
    assert truncated_forms("2a02:a44:1b2c::") == ()
    assert truncated_forms("not an address") == ()
    assert is_truncated("84.12.0.0") and is_truncated("2a02:a44:1b2c:3d00::")
    assert not is_truncated("84.12.33.44") and not is_truncated("2a02:a44:1b2c:3d00::1")
    assert not is_truncated("garbage")


def test_a_different_address_held_is_a_reason_for_doubt() -> None:
    from app.connectors.identifier_match import ADDRESS_DOUBT_NOTE

    moved = Subject("c", emails=("jan.devries@example.com",), postcode="1234 AB", house_number="5")
    m = match_row(ROW, moved)
    assert m is not None and m.strength is MatchStrength.STRONG  # still Jan, by his e-mail
    assert m.note == ADDRESS_DOUBT_NOTE
    same = Subject("c", emails=("jan.devries@example.com",), postcode="5253re", house_number="18")
    assert match_row(ROW, same).note == ""  # type: ignore[union-attr]
    abroad = Subject("c", emails=("jan.devries@example.com",))  # no Dutch address to compare
    assert match_row(ROW, abroad).note == ""  # type: ignore[union-attr]
    no_address_held = {k: v for k, v in ROW.items() if k not in (R.POSTCODE, R.HOUSE_NUMBER)}
    assert match_row(no_address_held, moved).note == ""  # type: ignore[union-attr]
