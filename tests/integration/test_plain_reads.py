"""The Core reads of `case show` and `today` equal the ORM reads they replaced (issue 15).

On SQLite and PostgreSQL: a rich closed case (scan, note, findings, erasures, letter,
representative, identifiers), demo cases (paused, extended, every status), links both ways,
holidays and the pause setting changed; every case's detail and the whole to-do list, as the
ORM gave them (tests/integration/orm_oracle.py) and as JSON.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from app.core.enums import RequestType
from app.core.errors import NotFoundError
from app.core.validation import CaseInput
from app.data.database import Database
from app.data.models import Case
from app.demo.cases import create_demo_cases
from app.services.case_detail import get_case
from app.services.case_records import add_note, link_cases
from app.services.cases import register_case
from app.services.deadlines import grant_extension, start_pause
from app.services.settings import set_setting
from app.services.today import todo_items
from tests.integration.orm_oracle import orm_get_case, orm_todo_items
from tests.integration.rich_case import make_rich_case

TODAY = date(2026, 5, 20)


def _register(db: Database, received: date, name: str) -> str:
    return register_case(
        db,
        actor="officer",
        data=CaseInput(
            request_types=(RequestType.ACCESS, RequestType.RECTIFICATION),
            received_on=received,
            first_name="",
            last_name=name,
            street="Kerkstraat 12",
            postcode="5253 RE",
            city="Nieuwkuijk",
            assigned_to="officer",
        ),
        today=received,
    )


def _fill(db: Database, folder: Path) -> list[str]:
    """Every kind of case these reads show, on ``db``; their references."""
    rich = make_rich_case(db, folder)
    create_demo_cases(db, count=60, today=TODAY)
    first = _register(db, TODAY - timedelta(days=40), "Vos")
    reminder = _register(db, TODAY - timedelta(days=3), "Vos")
    link_cases(db, actor="o", reference=reminder, other_reference=first, relation="reminder_of")
    link_cases(db, actor="o", reference=first, other_reference=rich, relation="related")
    start_pause(
        db, actor="o", reference=first, start_on=TODAY - timedelta(days=20), reason="ID?",
        today=TODAY,
    )  # fmt: skip
    extended = _register(db, TODAY - timedelta(days=25), "Ünal")
    grant_extension(
        db, actor="o", reference=extended, notice_sent_on=TODAY - timedelta(days=2),
        reason="Veel systemen", today=TODAY,
    )  # fmt: skip
    add_note(db, actor="o", reference=extended, text="Twee regels\nmet één accent")
    set_setting(db, actor="o", key="extra_holidays", value={"dates": ["2026-05-25"]})
    set_setting(db, actor="o", key="today", value={"pause_no_answer_days": 10})
    with db.session() as session:
        return list(session.scalars(select(Case.reference).order_by(Case.id)))


@pytest.fixture
def filled(db: Database, tmp_path: Path) -> tuple[Database, list[str]]:
    return db, _fill(db, tmp_path)


def test_every_case_detail_equals_the_orm_read(filled: tuple[Database, list[str]]) -> None:
    db, references = filled
    assert len(references) > 60
    seen = set()
    for ref in references:
        for today in (TODAY, TODAY + timedelta(days=45)):
            ours, theirs = (
                get_case(db, reference=ref, today=today),
                orm_get_case(db, reference=ref, today=today),
            )
            assert ours == theirs, ref
            assert ours.to_json() == theirs.to_json(), ref
        seen.update(k for k, v in vars(ours).items() if v not in (None, (), {}, "", False))
    # The data reaches every part of the detail (else the equality above proves little).
    for part in ("representative", "linked", "pauses", "notes", "documents", "identity_checks",
                 "paused_dates", "extended_due_on", "audit"):  # fmt: skip
        assert part in seen, part
    rich = get_case(db, reference=references[0].lower() + " ", today=TODAY)
    assert rich.requester.identifiers and rich.documents[0].created_at.tzinfo is not None
    assert any(e.before for e in rich.audit)  # JSON back as a dict


def test_the_to_do_list_equals_the_orm_read(filled: tuple[Database, list[str]]) -> None:
    db, _references = filled
    for today in (TODAY, TODAY + timedelta(days=30)):
        ours = todo_items(db, today=today)
        assert ours == orm_todo_items(db, today=today)
        assert len({i.task for i in ours}) >= 4, {i.task for i in ours}
        assert todo_items(db, today=today, officer="officer") == orm_todo_items(
            db, today=today, officer="officer"
        )


def test_an_unknown_reference_says_so(db: Database) -> None:
    with pytest.raises(NotFoundError) as caught:
        get_case(db, reference="avg-2026-9999")
    assert "AVG-2026-9999" in str(caught.value)


def test_a_case_with_a_status_this_version_does_not_know_is_shown(tmp_path) -> None:
    from sqlalchemy import text

    from app.cli import main
    from app.data.database import open_database
    from app.services.case_detail import get_case
    from tests.integration.rich_case import make_rich_case

    url = f"sqlite:///{tmp_path / 'cases.sqlite3'}"
    db = open_database(url)
    reference = make_rich_case(db, tmp_path)
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE case_file SET status = 'escalated'"))
    detail = get_case(db, reference=reference)
    assert detail.status == "escalated" and detail.allowed_next == ()
    db.dispose()
    assert main(["--db", url, "case", "show", reference]) == 0
