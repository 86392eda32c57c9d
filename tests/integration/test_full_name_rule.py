"""The person's name: one rule (app.core.validation.full_name) for every reader."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from app.core.enums import RequestType
from app.core.validation import CaseInput
from app.data.database import open_database
from app.data.models import Case
from app.services.case_detail import get_case
from app.services.case_queries import list_cases
from app.services.cases import register_case


def test_every_reader_names_the_person_by_the_same_rule(tmp_path: Path) -> None:
    """The ORM model, the Core case list and the detail view give the same name."""

    db = open_database(f"sqlite:///{tmp_path / 'names.sqlite3'}")
    ref = register_case(
        db,
        actor="test",
        data=CaseInput(
            request_types=(RequestType.ACCESS,),
            received_on=date(2026, 11, 2),
            initials="J.P.",
            name_prefix="van der",
            last_name="Berg",
            street="Hopbrouwer 18",
            postcode="5253 RE",
            city="Nieuwkuijk",
        ),
        today=date(2026, 11, 2),
    )
    with db.session() as session:
        model_name = session.query(Case).one().requester.full_name
    assert model_name == "J.P. van der Berg"
    assert get_case(db, reference=ref).requester.full_name == model_name
    assert [r.requester_name for r in list_cases(db)] == [model_name]
    db.dispose()
