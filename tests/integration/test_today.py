"""The to-do list on a real database: tasks appear and disappear as the work is done; CLI; print."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.cli import main
from app.core.enums import IdentityMethod, IdentityOutcome, RequestType
from app.core.errors import ValidationError
from app.core.validation import CaseInput
from app.data.database import Database
from app.data.models import Letter
from app.services.case_detail import get_case
from app.services.case_documents import record_identity_check
from app.services.cases import edit_case, register_case
from app.services.deadlines import grant_extension, start_pause
from app.services.letter_post import mark_sent_by_post, printed_at_of
from app.services.letters import (
    default_options,
    draft_letter,
    finalise_letter,
    todays_letters_pdf,
)
from app.services.today import todo_items

TODAY = date.today()


def _register(db: Database, *, received: date = TODAY, assigned: str = "officer") -> str:
    return register_case(
        db,
        actor="officer",
        data=CaseInput(
            request_types=(RequestType.ACCESS,),
            received_on=received,
            first_name="Jan",
            last_name="Berg",
            street="Kerkstraat 12",
            postcode="5253 RE",
            city="Nieuwkuijk",
            assigned_to=assigned,
        ),
    )


def _codes(db: Database, ref: str, officer: str | None = None) -> list[str]:
    return [
        i.task.value for i in todo_items(db, today=TODAY, officer=officer) if i.reference == ref
    ]


def _send(db: Database, ref: str, letter_type: str) -> int:
    draft = draft_letter(
        db,
        actor="officer",
        reference=ref,
        letter_type=letter_type,
        options=default_options(letter_type),
    )
    return finalise_letter(db, actor="officer", letter_id=draft.id, today=TODAY).id


def test_tasks_disappear_as_the_work_is_done(db: Database) -> None:
    ref = _register(db)
    assert _codes(db, ref) == ["ack_not_sent", "identity_unchecked", "search_not_run"]
    letter_id = _send(db, ref, "acknowledgement")
    assert _codes(db, ref) == ["identity_unchecked", "search_not_run", "letter_not_printed"]
    record_identity_check(
        db,
        actor="officer",
        reference=ref,
        method=IdentityMethod.MATCHED_KNOWN_DATA,
        outcome=IdentityOutcome.VERIFIED,
        checked_on=TODAY,
        today=TODAY,
    )
    assert _codes(db, ref) == ["search_not_run", "letter_not_printed"]
    assert printed_at_of(db, letter_id=letter_id) is None
    todays_letters_pdf(db, day=TODAY)
    assert printed_at_of(db, letter_id=letter_id) is not None
    assert _codes(db, ref) == ["search_not_run"]


def test_mine_filters_by_the_assigned_officer(db: Database) -> None:
    mine = _register(db, assigned="m.devries")
    theirs = _register(db, assigned="a.bakker")
    nobodys = _register(db, assigned="m.devries")
    version = get_case(db, reference=nobodys).version
    edit_case(  # taken off the officer's name: nobody's now
        db, actor="m.devries", reference=nobodys, expected_version=version,
        changes={"assigned_to": ""},
    )  # fmt: skip
    assert get_case(db, reference=nobodys).assigned_to == ""
    refs = {i.reference for i in todo_items(db, today=TODAY, officer="m.devries")}
    assert mine in refs and theirs not in refs
    # A case assigned to no one is in every officer's part until someone takes it: it never
    # drops out of all the "mine" lists at once.
    assert nobodys in refs
    assert nobodys in {i.reference for i in todo_items(db, today=TODAY, officer="a.bakker")}


def test_sent_by_post_with_a_date_marks_the_letter_printed(db: Database) -> None:
    ref = _register(db)
    letter_id = _send(db, ref, "acknowledgement")
    with pytest.raises(ValidationError):
        mark_sent_by_post(
            db, actor="officer", letter_id=letter_id, posted_on=TODAY + timedelta(days=1)
        )
    mark_sent_by_post(db, actor="officer", letter_id=letter_id, posted_on=TODAY, today=TODAY)
    assert printed_at_of(db, letter_id=letter_id) is not None
    assert "letter_not_printed" not in _codes(db, ref)


def test_paused_case_acknowledgement_and_extension_still_possible(db: Database) -> None:
    received = TODAY - timedelta(days=20)
    ref = _register(db, received=received)
    start_pause(
        db,
        actor="officer",
        reference=ref,
        start_on=received + timedelta(days=2),
        reason="identity question",
        today=TODAY,
    )
    _send(db, ref, "acknowledgement")
    result = grant_extension(
        db, actor="officer", reference=ref, notice_sent_on=TODAY, reason="complex", today=TODAY
    )
    assert result.paused and result.extended is None  # the dates return when the clock runs
    other = _register(db, received=received)
    start_pause(
        db, actor="officer", reference=other, start_on=received, reason="question", today=TODAY
    )
    _send(db, other, "extension")  # the letter records the notice while paused
    with db.session() as session:
        count = session.scalar(select(func.count(Letter.id)))
    assert count == 2


def test_cli_today_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    assert main(["--db", url, "demo", "--cases", "60", "--no-systems"]) == 0
    capsys.readouterr()
    assert main(["--db", url, "today", "--format", "json"]) == 0
    items = json.loads(capsys.readouterr().out)
    assert items and {"reference", "task", "due", "action"} <= set(items[0])
    assert {"ack_not_sent", "search_not_run"} & {i["task"] for i in items}
    assert main(["--db", url, "--user", "a.bakker", "today", "--mine", "--format", "json"]) == 0
    mine = json.loads(capsys.readouterr().out)
    assert mine and {i["assigned_to"] for i in mine} <= {"a.bakker", ""}
    assert "a.bakker" in {i["assigned_to"] for i in mine}
    assert main(["--db", url, "today"]) == 0
    assert "privacy-desk" in capsys.readouterr().out
    # An officer with no cases of their own is told what waits in the others' cases.
    assert main(["--db", url, "--user", "new.officer", "today", "--mine"]) == 0
    told = capsys.readouterr().out
    assert told.startswith("Nothing in your cases needs a person today;")
    assert f"{len(items)} tasks in other officers' cases" in told
    assert main(["--db", url, "--user", "a.bakker", "today", "--mine"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert (
        lines[-1]
        == f"{len(items) - len(mine)} more tasks in other officers' cases (leave out --mine)."
    )
    assert main(["--db", url, "--lang", "nl", "--user", "new.officer", "today", "--mine"]) == 0
    assert capsys.readouterr().out.startswith("In uw zaken heeft vandaag niets aandacht nodig;")


def test_a_paused_case_shows_its_dates(db: Database) -> None:

    received = TODAY - timedelta(days=20)
    ref = _register(db, received=received)
    start_pause(
        db, actor="o", reference=ref, start_on=received + timedelta(days=5), reason="q", today=TODAY
    )
    detail = get_case(db, reference=ref, today=TODAY)
    assert detail.legal_due_on is None and detail.paused_dates is not None
    assert detail.paused_dates.since == received + timedelta(days=5)
    assert detail.paused_dates.days_so_far == 15
    assert detail.paused_dates.resumed.legal is not None
    shown = detail.to_json()
    assert shown["paused_days_so_far"] == 15 and shown["legal_if_resumed_today"] is not None


def test_the_pause_without_answer_setting(db: Database) -> None:
    from app.services.settings import set_setting

    received = TODAY - timedelta(days=30)
    ref = _register(db, received=received)
    start_pause(db, actor="o", reference=ref, start_on=received, reason="q", today=TODAY)
    assert "pause_no_answer" in _codes(db, ref)  # 30 days, the default flags after 14
    set_setting(db, actor="o", key="today", value={"pause_no_answer_days": 31})
    assert "pause_no_answer" not in _codes(db, ref)
    with pytest.raises(ValidationError):
        set_setting(db, actor="o", key="today", value={"pause_no_answer_days": 0})


def test_a_fixed_number_of_queries_whatever_the_number_of_cases(sqlite_db: Database) -> None:
    from sqlalchemy import event

    from app.demo.fill import fill_demo

    def queries() -> int:
        count = [0]

        def tick(*_args: object) -> None:
            count[0] += 1

        event.listen(sqlite_db.engine, "before_cursor_execute", tick)
        try:
            todo_items(sqlite_db, today=TODAY)
        finally:
            event.remove(sqlite_db.engine, "before_cursor_execute", tick)
        return count[0]

    fill_demo(sqlite_db, cases=30, with_systems=False)
    few = queries()
    fill_demo(sqlite_db, cases=120, with_systems=False)
    assert queries() == few <= 16  # grouped queries, not one per case
