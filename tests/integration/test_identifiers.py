"""Identifiers the systems are searched by: checked, kept after intake, versioned, audited."""

from __future__ import annotations

from datetime import date

import pytest

from app.core.enums import IdentifierKind as K
from app.core.errors import StaleDataError, ValidationError
from app.data.database import Database
from app.data.models import Case
from app.services.case_detail import get_case
from app.services.case_records import set_identifiers
from app.services.cases import register_case
from app.services.searches import subject_of
from tests.integration.test_cases import TODAY, person


def test_identifiers_are_normalised_deduplicated_versioned_and_audited(db: Database) -> None:
    ref = register_case(
        db, actor="t", data=person(identifiers=((K.CUSTOMER_NUMBER, " DB-1 "),)), today=TODAY
    )
    detail = get_case(db, reference=ref)
    assert detail.requester.identifiers == (("customer_number", "DB-1"),)

    version = set_identifiers(
        db,
        actor="officer",
        reference=ref,
        identifiers=[
            (K.CUSTOMER_NUMBER, "DB-1"),
            (K.IP_ADDRESS, " 2001:DB8:0:0::10 "),
            (K.IP_ADDRESS, "84.91.43.157"),
            (K.IP_ADDRESS, "84.91.43.157"),  # a double is dropped
            (K.EMAIL, "jan.oud@example.nl"),
            (K.USER_ID, "jberg"),
        ],
        expected_version=detail.version,
    )

    after = get_case(db, reference=ref)
    assert after.version == version == detail.version + 1
    assert after.requester.identifiers == (
        ("customer_number", "DB-1"), ("ip_address", "2001:db8::10"),
        ("ip_address", "84.91.43.157"), ("email", "jan.oud@example.nl"), ("user_id", "jberg"),
    )  # fmt: skip
    event = [e for e in after.audit if e.action == "identifiers_changed"][-1]
    assert event.actor == "officer"
    assert event.after == {
        "identifiers": ["customer_number", "ip_address", "ip_address", "email", "user_id"]
    }
    assert "84.91" not in str(event.before) + str(event.after)  # kinds only, never the values

    # What the connectors are given: the extra e-mail next to the letter's, and the IP addresses.
    with db.session() as session:
        case = session.query(Case).filter_by(reference=ref).one()
        subject = subject_of(case)
    assert subject.emails == ("jan@example.nl", "jan.oud@example.nl")
    assert subject.ip_addresses == ("2001:db8::10", "84.91.43.157")
    assert subject.customer_numbers == ("DB-1",) and subject.user_ids == ("jberg",)

    # Saving the same list again is not a change: no new version, no audit line.
    assert set_identifiers(
        db, actor="o", reference=ref, identifiers=[(K.CUSTOMER_NUMBER, "DB-1")] * 1
        + [(K.IP_ADDRESS, "2001:db8::10"), (K.IP_ADDRESS, "84.91.43.157"),
           (K.EMAIL, "jan.oud@example.nl"), (K.USER_ID, "jberg")],
    ) == version  # fmt: skip


def test_bad_identifiers_are_all_named_and_nothing_is_stored(db: Database) -> None:
    ref = register_case(db, actor="t", data=person(), today=TODAY)
    before = get_case(db, reference=ref)
    with pytest.raises(ValidationError) as info:
        set_identifiers(
            db,
            actor="o",
            reference=ref,
            identifiers=[
                (K.IP_ADDRESS, "84.91.43.999"),
                (K.CUSTOMER_NUMBER, "DB-2"),
                (K.EMAIL, "jan@"),
                (K.PHONE, "12-34"),
                (K.OTHER, "   "),
            ],
        )
    errors = info.value.errors
    assert set(errors) == {"identifier_0", "identifier_2", "identifier_3", "identifier_4"}
    assert "not an IP address" in errors["identifier_0"]
    assert "e-mail" in errors["identifier_2"] and "6 digits" in errors["identifier_3"]
    after = get_case(db, reference=ref)
    assert after.requester.identifiers == () and after.version == before.version


def test_stale_identifier_edit_is_refused(db: Database) -> None:
    ref = register_case(db, actor="t", data=person(), today=TODAY)
    version = get_case(db, reference=ref).version
    set_identifiers(db, actor="a", reference=ref, identifiers=[(K.USER_ID, "x")])
    with pytest.raises(StaleDataError, match="changed meanwhile"):
        set_identifiers(
            db,
            actor="b",
            reference=ref,
            identifiers=[(K.USER_ID, "y")],
            expected_version=version,
        )
    assert get_case(db, reference=ref).requester.identifiers == (("user_id", "x"),)


def test_intake_checks_identifiers_too(db: Database) -> None:
    with pytest.raises(ValidationError) as info:
        register_case(
            db,
            actor="t",
            data=person(identifiers=((K.IP_ADDRESS, "not-an-ip"),), received_on=date(2026, 11, 2)),
            today=TODAY,
        )
    assert "identifier_ip_address" in info.value.errors


def test_decisions_by_hand_take_a_refusal_ground(db: Database) -> None:
    from app.core.enums import RequestType
    from app.services.cases import set_outcomes

    ref = register_case(
        db,
        actor="t",
        data=person(request_types=(RequestType.ACCESS, RequestType.OBJECTION)),
        today=TODAY,
    )
    set_outcomes(
        db,
        actor="o",
        reference=ref,
        outcomes={"access": "granted", "objection": "refused"},
        grounds={"objection": "compelling_grounds_art_21"},
    )
    detail = get_case(db, reference=ref)
    assert detail.refusal_grounds == {"access": "", "objection": "compelling_grounds_art_21"}
    assert "objection: refused (compelling_grounds_art_21)" in detail.audit[-1].summary
    with pytest.raises(ValidationError) as info:
        set_outcomes(
            db,
            actor="o",
            reference=ref,
            outcomes={"access": "granted", "objection": "refused"},
            grounds={"access": "stated_in_refusal_letter", "objection": "because"},
        )
    assert set(info.value.errors) == {"ground_access", "ground_objection"}
    assert get_case(db, reference=ref).refusal_grounds["objection"] == "compelling_grounds_art_21"
