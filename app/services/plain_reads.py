"""Settings, calendar and case look-ups on a Core connection, for reads without the ORM.

The twins of ``stored_settings.read_setting``, ``deadlines.calendar_settings`` and
``lookup.case_by_reference`` for the commands that only read (``case show``, ``today``, see
app/data/plain_tables.py); the ORM versions build on the same pieces here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Connection, Row, select

from app.core.deadlines import DeadlineInput
from app.core.deadlines import Pause as PauseValue
from app.core.errors import NotFoundError
from app.core.i18n import _
from app.data import plain_tables as t
from app.data.seed import DEFAULT_SETTINGS


@dataclass(frozen=True)
class CalendarSettings:
    promise_weeks: int
    extra_holidays: frozenset[date]


def no_organisation() -> NotFoundError:
    return NotFoundError(_("No organisation profile is set up. Open Settings > Organisation."))


def no_such_case(ref: str) -> NotFoundError:
    return NotFoundError(
        _("There is no case {ref}. Check the reference (e.g. AVG-2026-0001).", ref=ref)
    )


def setting_value(conn: Connection, key: str) -> dict[str, Any]:
    """The stored value of setting ``key``, or its default (as ``read_setting``)."""
    row = conn.execute(select(t.setting.c.value).where(t.setting.c.key == key)).first()
    if row is None:
        return dict(DEFAULT_SETTINGS.get(key, {}))
    return dict(row.value)


def holidays_of(value: dict[str, Any]) -> frozenset[date]:
    """The extra holidays in the value of the setting ``extra_holidays``."""
    return frozenset(date.fromisoformat(d) for d in value.get("dates", []))


def calendar_settings_of(conn: Connection) -> CalendarSettings:
    weeks = conn.scalar(
        select(t.organisation.c.promise_weeks).where(t.organisation.c.active.is_(True)).limit(1)
    )
    if weeks is None:
        raise no_organisation()
    return CalendarSettings(int(weeks), holidays_of(setting_value(conn, "extra_holidays")))


def deadline_input_of(
    received_on: date,
    pauses: Iterable[PauseValue],
    extension_notice_on: date | None,
    cal: CalendarSettings,
) -> DeadlineInput:
    return DeadlineInput(
        received=received_on,
        promise_weeks=cal.promise_weeks,
        pauses=tuple(pauses),
        extension_notice_sent_on=extension_notice_on,
        extra_holidays=cal.extra_holidays,
    )


def normal_reference(reference: str) -> str:
    return reference.strip().upper()


def case_row_by_reference(conn: Connection, reference: str) -> Row[Any]:
    """The case's row (every column of ``plain_tables.case_file``), or NotFoundError."""
    ref = normal_reference(reference)
    row = conn.execute(select(t.case_file).where(t.case_file.c.reference == ref)).first()
    if row is None:
        raise no_such_case(ref)
    return row
