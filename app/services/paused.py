"""The dates of paused cases, many at once: since when, days so far, deadlines if resumed today."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.deadlines import DeadlineInput, PausedDates, paused_dates
from app.core.deadlines import Pause as PauseValue
from app.data.models import Case, Pause
from app.services.deadlines import calendar_settings


def paused_dates_for(
    session: Session, case_ids: Iterable[int], today: date
) -> dict[int, PausedDates]:
    """Case id -> its ``PausedDates`` for each of ``case_ids`` whose clock is paused (two
    queries, whatever the number of cases)."""
    ids = list(case_ids)
    if not ids:
        return {}
    cases = {
        cid: (received, notice)
        for cid, received, notice in session.execute(
            select(Case.id, Case.received_on, Case.extension_notice_on).where(
                Case.id.in_(ids), Case.paused.is_(True)
            )
        )
    }
    if not cases:
        return {}
    pauses: dict[int, list[PauseValue]] = defaultdict(list)
    for cid, start, end, reason in session.execute(
        select(Pause.case_id, Pause.start_on, Pause.end_on, Pause.reason)
        .where(Pause.case_id.in_(list(cases)))
        .order_by(Pause.id)
    ):
        pauses[cid].append(PauseValue(start, end, reason))
    cal = calendar_settings(session)
    result: dict[int, PausedDates] = {}
    for cid, (received, notice) in cases.items():
        inp = DeadlineInput(
            received=received,
            promise_weeks=cal.promise_weeks,
            pauses=tuple(pauses[cid]),
            extension_notice_sent_on=notice,
            extra_holidays=cal.extra_holidays,
        )
        found = paused_dates(inp, today)
        if found is not None:
            result[cid] = found
    return result
