"""Pause, resume and extend on a real database: dates recomputed, refusals explained, audited."""

from __future__ import annotations

from datetime import date

import pytest

from app.core.enums import RequestType
from app.core.errors import UserError, ValidationError
from app.core.validation import CaseInput
from app.data.database import Database
from app.services.case_detail import get_case
from app.services.case_queries import list_cases
from app.services.cases import register_case
from app.services.deadlines import end_pause, grant_extension, start_pause
from app.services.dto import CaseFilter
from app.services.settings import get_organisation, set_setting, update_organisation

TODAY = date(2026, 11, 24)


def _case(db: Database, received: date) -> str:
    return register_case(
        db,
        actor="o",
        data=CaseInput(
            request_types=(RequestType.ACCESS,),
            received_on=received,
            last_name="Berg",
            street="Dorp 1",
            postcode="1234 AB",
            city="Ede",
        ),
        today=TODAY,
    )


def test_pause_moves_the_deadline_by_the_paused_days(db: Database) -> None:
    ref = _case(db, date(2026, 3, 5))
    start_pause(
        db,
        actor="o",
        reference=ref,
        start_on=date(2026, 3, 6),
        reason="Vraag om klantnummer verstuurd",
        today=TODAY,
    )
    paused = get_case(db, reference=ref)
    assert paused.paused and paused.legal_due_on is None and paused.status == "on_hold"
    assert list_cases(db, flt=CaseFilter(text=ref))[0].paused
    with pytest.raises(UserError, match="already paused"):
        start_pause(
            db, actor="o", reference=ref, start_on=date(2026, 3, 7), reason="x", today=TODAY
        )
    end_pause(db, actor="o", reference=ref, end_on=date(2026, 3, 16), today=TODAY)
    resumed = get_case(db, reference=ref)
    assert resumed.legal_due_on == date(2026, 4, 15)  # DOMAIN.md worked example
    assert resumed.status == "in_progress" and not resumed.paused
    actions = [e.action for e in resumed.audit]
    assert actions.count("pause_started") == 1 and actions.count("pause_ended") == 1
    ended = next(e for e in resumed.audit if e.action == "pause_ended")
    assert ended.after is not None and ended.after["paused_days"] == 10


def test_extension_within_first_month_and_refused_after(db: Database) -> None:
    ref = _case(db, date(2026, 3, 5))
    with pytest.raises(UserError, match="no longer") as info:
        grant_extension(
            db,
            actor="o",
            reference=ref,
            notice_sent_on=date(2026, 4, 8),
            reason="Complex",
            today=TODAY,
        )
    assert "7 April 2026" in str(info.value)  # says when the first month ended
    with pytest.raises(ValidationError):
        grant_extension(
            db, actor="o", reference=ref, notice_sent_on=date(2026, 3, 20), reason="  ", today=TODAY
        )
    result = grant_extension(
        db,
        actor="o",
        reference=ref,
        notice_sent_on=date(2026, 4, 7),
        reason="Veel systemen",
        today=TODAY,
    )
    assert result.extended == date(2026, 6, 5)
    detail = get_case(db, reference=ref)
    assert detail.extended_due_on == date(2026, 6, 5) and detail.effective_due_on == date(
        2026, 6, 5
    )
    assert detail.refusal_due_on == date(2026, 4, 7)  # a refusal is never extended
    assert [e for e in detail.audit if e.action == "extension_granted"]
    with pytest.raises(UserError, match="already been extended"):
        grant_extension(
            db,
            actor="o",
            reference=ref,
            notice_sent_on=date(2026, 3, 20),
            reason="again",
            today=TODAY,
        )


def test_extra_holiday_and_promise_weeks_recompute_stored_dates(db: Database) -> None:
    ref = _case(db, date(2026, 8, 31))
    assert get_case(db, reference=ref).legal_due_on == date(2026, 9, 30)
    set_setting(db, actor="o", key="extra_holidays", value={"dates": ["2026-09-30"]})
    assert list_cases(db, flt=CaseFilter(text=ref))[0].legal_due_on == date(2026, 10, 1)
    org = get_organisation(db)
    update_organisation(
        db, actor="o", expected_version=org["version"], changes={"promise_weeks": 2}
    )
    assert get_case(db, reference=ref).promise_on == date(2026, 9, 14)
