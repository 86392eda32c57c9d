"""The dates of paused cases, many at once: since when, days so far, deadlines if resumed today."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date

from sqlalchemy import Connection, select

from app.core.deadlines import DeadlineInput, PausedDates, paused_dates
from app.core.deadlines import Pause as PauseValue
from app.data import plain_tables as t
from app.services.plain_reads import calendar_settings_of

# Core views, not the models: the deadline overview reads these before its first paint, and
# importing the models and the ORM would cost start-up about 100 ms (issue 15).
_cases = t.case_file.c
_pauses = t.pause.c


def paused_dates_for(
    conn: Connection, case_ids: Iterable[int], today: date
) -> dict[int, PausedDates]:
    """Case id -> its ``PausedDates`` for each of ``case_ids`` whose clock is paused (two
    queries, whatever the number of cases; a session's reads pass ``session.connection()``)."""
    ids = list(case_ids)
    if not ids:
        return {}
    cases = {
        cid: (received, notice)
        for cid, received, notice in conn.execute(
            select(_cases.id, _cases.received_on, _cases.extension_notice_on).where(
                _cases.id.in_(ids), _cases.paused.is_(True)
            )
        )
    }
    if not cases:
        return {}
    pauses: dict[int, list[PauseValue]] = defaultdict(list)
    for cid, start, end, reason in conn.execute(
        select(_pauses.case_id, _pauses.start_on, _pauses.end_on, _pauses.reason)
        .where(_pauses.case_id.in_(list(cases)))
        .order_by(_pauses.id)
    ):
        pauses[cid].append(PauseValue(start, end, reason))
    cal = calendar_settings_of(conn)
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
