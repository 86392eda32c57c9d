"""Hostile text at intake, edits, notes and the CLI: refused at the field, nothing half-saved."""

from __future__ import annotations

import os
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select, text

from app.core.enums import RequestType
from app.core.errors import ValidationError
from app.core.validation import CaseInput, RepresentativeInput
from app.data.database import Database, open_database
from app.data.models import Case
from app.services.case_detail import get_case
from app.services.case_records import add_note
from app.services.cases import edit_case, register_case
from app.services.settings import get_organisation, update_organisation
from tests.integration.hostile_input import (
    EDIT_FIELDS,
    TODAY,
    Tally,
    case_inputs,
    counts,
    drive_cli,
    drive_edit,
    drive_intake,
    drive_note,
    hostile_text,
)

EXAMPLES = int(os.environ.get("PRIVACY_DESK_FUZZ_EXAMPLES", "150"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def _plain_case(db: Database) -> str:
    data = CaseInput(
        request_types=(RequestType.ACCESS,),
        received_on=date(2026, 11, 2),
        last_name="Berg",
        street="Kerkstraat 1",
        postcode="1234 AB",
        city="Utrecht",
    )
    return register_case(db, actor="t", data=data, today=TODAY)


def _first_case(db: Database) -> str:
    """The database's first case (made on the first example): examples share the fixture."""
    with db.session() as session:
        found = session.scalar(select(Case.reference).order_by(Case.id).limit(1))
    return found or _plain_case(db)


@pytest.mark.parametrize(
    ("field", "value", "msgid_start"),
    [
        ("last_name", "Jan\x00", "This field holds an invisible control character"),
        ("last_name", "Berg\u202egreB", "This field holds an invisible character that changes"),
        ("city", "Utrecht\nZeist", "This field takes one line"),
        ("street", "K" * 301, "This field takes at most"),
        ("their_reference", "r" * 101, "This field takes at most"),
        ("summary", "ok\u0085", "This field holds an invisible control character"),
    ],
)
def test_each_bad_value_is_refused_at_its_field(
    db: Database, field: str, value: str, msgid_start: str
) -> None:
    reference = _plain_case(db)
    before = counts(db)
    version = get_case(db, reference=reference).version
    with pytest.raises(ValidationError) as exc:
        edit_case(
            db, actor="t", reference=reference, expected_version=version, changes={field: value}
        )
    assert set(exc.value.errors) == {field}
    assert exc.value.errors[field].msgid.startswith(msgid_start)  # type: ignore[attr-defined]
    assert counts(db) == before
    assert get_case(db, reference=reference).version == version


def test_multi_line_fields_keep_tabs_and_line_breaks(db: Database) -> None:
    reference = _plain_case(db)
    add_note(db, actor="t", reference=reference, text="Called back.\n\tShe asks for a copy.")
    version = get_case(db, reference=reference).version
    edit_case(
        db, actor="t", reference=reference, expected_version=version,
        changes={"summary": "Line one\r\nLine two"},
    )  # fmt: skip
    assert get_case(db, reference=reference).summary == "Line one\r\nLine two"


def test_representative_identifier_and_organisation_refuse_control_characters(
    db: Database,
) -> None:
    data = CaseInput(
        request_types=(RequestType.ACCESS,),
        received_on=date(2026, 11, 2),
        last_name="Berg",
        email="jan@example.nl",
        representative=RepresentativeInput(name="Mr.\x1b[31m Evil"),
    )
    before = counts(db)
    with pytest.raises(ValidationError) as exc:
        register_case(db, actor="t", data=data, today=TODAY)
    assert set(exc.value.errors) == {"representative"}
    long_organisation = RepresentativeInput(name="Mr. Good", organisation="o" * 201)
    with pytest.raises(ValidationError) as exc:
        register_case(db, actor="t", data=replace(data, representative=long_organisation))
    assert set(exc.value.errors) == {"representative_organisation"}
    assert counts(db) == before
    with pytest.raises(ValidationError) as exc:
        from app.core.enums import IdentifierKind

        register_case(
            db, actor="t", today=TODAY,
            data=CaseInput(
                request_types=(RequestType.ACCESS,), received_on=date(2026, 11, 2),
                last_name="Berg", email="jan@example.nl",
                identifiers=((IdentifierKind.CUSTOMER_NUMBER, "DB\x00100"),),
            ),
        )  # fmt: skip
    assert "identifier_customer_number" in exc.value.errors
    organisation = get_organisation(db)
    with pytest.raises(ValidationError) as exc:
        update_organisation(
            db, actor="t", expected_version=organisation["version"],
            changes={"name": "Acme\u2066 BV", "kvk_number": "1" * 21},
        )  # fmt: skip
    assert set(exc.value.errors) == {"name", "kvk_number"}
    assert get_organisation(db)["version"] == organisation["version"]


@FUZZ
@given(data=case_inputs())
def test_fuzzed_intake(db: Database, data: CaseInput) -> None:
    drive_intake(db, data, Tally())


@FUZZ
@given(changes=st.dictionaries(st.sampled_from(EDIT_FIELDS), hostile_text(), min_size=1))
def test_fuzzed_edits(db: Database, changes: dict[str, str]) -> None:
    reference = _first_case(db)
    drive_edit(db, reference, changes, Tally())


@FUZZ
@given(note=st.one_of(hostile_text(), st.text(min_size=1, max_size=200)))
def test_fuzzed_notes(db: Database, note: str) -> None:
    reference = _first_case(db)
    drive_note(db, reference, note, Tally())


CLI_EXAMPLES = int(os.environ.get("PRIVACY_DESK_FUZZ_CLI_EXAMPLES", "100"))


def test_fuzzed_cli_in_process(tmp_path: Path) -> None:
    """`case add` and `case note` through `app.cli.main()`: no 'unexpected', no partial rows."""
    url = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    db = open_database(url)
    reference = _plain_case(db)
    tally = Tally()

    @settings(
        max_examples=CLI_EXAMPLES,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow],
    )
    @given(name=hostile_text(), note=hostile_text())
    def run(name: str, note: str) -> None:
        drive_cli(url, db, reference, name, note, tally)

    try:
        run()
    finally:
        db.dispose()
    assert tally.refused > 0 and tally.accepted > 0, tally


def test_values_stored_before_the_fix_are_still_shown(sqlite_db: Database) -> None:
    """A control character stored by an older version stays readable (it is not re-validated
    until the field is edited)."""
    reference = _plain_case(sqlite_db)
    with sqlite_db.engine.begin() as conn:
        conn.execute(text("UPDATE requester SET last_name = :v"), {"v": "Be\x00rg\x1b"})
    assert get_case(sqlite_db, reference=reference).requester.last_name == "Be\x00rg\x1b"


def test_reasons_and_status_notes_refuse_control_characters(db: Database) -> None:
    from app.core.enums import CaseStatus
    from app.services.cases import change_status
    from app.services.deadlines import start_pause

    reference = _plain_case(db)
    before = counts(db)
    with pytest.raises(ValidationError) as exc:
        change_status(
            db, actor="t", reference=reference, new_status=CaseStatus.IN_PROGRESS, note="ok\x00"
        )
    assert set(exc.value.errors) == {"note"}
    with pytest.raises(ValidationError) as exc:
        start_pause(
            db, actor="t", reference=reference, start_on=date(2026, 11, 3),
            reason="ID asked\u202e", today=TODAY,
        )  # fmt: skip
    assert set(exc.value.errors) == {"reason"}
    assert counts(db) == before


def test_postgresql_refusal_no_check_caught_is_still_a_user_error(db: Database) -> None:
    """The last line of defence: PostgreSQL's DataError becomes a message, nothing is saved."""
    from app.core.errors import UserError
    from app.data.models import Note

    if db.engine.dialect.name != "postgresql":
        pytest.skip("SQLite stores any text; the field checks are the defence there")
    reference = _plain_case(db)
    before = counts(db)
    with pytest.raises(UserError) as exc, db.session() as session:
        case = session.query(Case).filter_by(reference=reference).one()
        case.notes.append(Note(author="t", text="NUL \x00 byte"))
    assert exc.value.msgid.startswith("A value could not be stored")
    assert counts(db) == before
