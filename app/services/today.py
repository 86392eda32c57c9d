"""The officer's to-do list: case snapshots gathered in a few grouped queries, then the rules."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Connection, and_, func, or_, select

from app.core.enums import BY_HAND, CaseStatus, FindingReview, IdentityOutcome, LetterStatus
from app.core.status import OPEN_STATUSES
from app.core.todo import (
    PAUSE_NO_ANSWER_DAYS,
    CaseSnapshot,
    TodoItem,
    is_mine,
    tasks_for,
    todo_list,
)
from app.data import plain_tables as t
from app.data.database import Database
from app.services.plain_reads import setting_value

TODAY_SETTING = "today"
OPEN_VALUES = tuple(s.value for s in OPEN_STATUSES)
# Art. 19 notices still matter after the answer went out, until the case is closed.
NOTICE_VALUES = (*OPEN_VALUES, CaseStatus.ANSWERED.value)
CHANGED = ("removed", "changed", "removed_by_hand")  # the last: recorded by hand (main, 0006)
NOT_DONE = ("planned", "failed")


def pause_no_answer_days(conn: Connection) -> int:
    """The setting ``today`` -> ``pause_no_answer_days`` (default 14)."""
    value = setting_value(conn, TODAY_SETTING).get("pause_no_answer_days", PAUSE_NO_ANSWER_DAYS)
    return max(1, int(value))


def _unprinted(conn: Connection) -> dict[int, int]:
    letter = t.letter.c
    query = (
        select(letter.case_id, func.count(letter.id))
        .where(letter.status == LetterStatus.FINAL.value, letter.printed_at.is_(None))
        .group_by(letter.case_id)
    )
    return {int(cid): int(n) for cid, n in conn.execute(query)}


def _unprinted_scope() -> Any:
    letter = t.letter.c
    return (
        select(letter.case_id)
        .where(letter.status == LetterStatus.FINAL.value, letter.printed_at.is_(None))
        .scalar_subquery()
    )


def _counts(conn: Connection, table: Any, *conditions: Any) -> dict[int, int]:
    c = table.c
    query = select(c.case_id, func.count(c.id)).where(*conditions).group_by(c.case_id)
    return {int(cid): int(n) for cid, n in conn.execute(query)}


def _scoped(table: Any, scope: Any) -> Any:
    return table.c.case_id.in_(scope)


def snapshots(conn: Connection) -> list[CaseSnapshot]:
    """One snapshot per case that can have a task; about a dozen queries whatever the count.

    Core rows of app/data/plain_tables.py, not the ORM: `today` runs from cron and scripts
    (issue 15: within 2x of a plain query)."""
    case, pause, rep, link = t.case_file.c, t.pause.c, t.representative.c, t.case_link.c
    check, run, task, finding = t.identity_check.c, t.connector_run.c, t.manual_task.c, t.finding.c
    config, change, notice = t.connector_config.c, t.change_action.c, t.recipient_notice.c
    unprinted = _unprinted(conn)
    active = and_(case.anonymised_at.is_(None), case.status.in_(NOTICE_VALUES))
    scope = select(case.id).where(active).scalar_subquery()
    base = conn.execute(
        select(
            case.id,
            case.reference,
            case.status,
            case.assigned_to,
            case.received_on,
            case.acknowledged_on,
            case.answered_on,
            case.promise_on,
            case.effective_due_on,
            case.last_reminder_on,
            case.ultimatum_on,
        ).where(
            or_(active, case.id.in_(_unprinted_scope())),
            case.anonymised_at.is_(None),
        )
    ).all()
    paused = dict(
        conn.execute(
            select(pause.case_id, func.min(pause.start_on))
            .where(pause.end_on.is_(None), _scoped(t.pause, scope))
            .group_by(pause.case_id)
        ).all()
    )
    reps = dict(
        conn.execute(
            select(rep.case_id, rep.authorisation_document_id).where(
                _scoped(t.representative, scope)
            )
        ).all()
    )
    checked = set(
        conn.scalars(
            select(check.case_id)
            .where(
                check.outcome == IdentityOutcome.VERIFIED.value,
                _scoped(t.identity_check, scope),
            )
            .distinct()
        )
    )
    searches = _counts(
        conn, t.connector_run, run.operation == "search", _scoped(t.connector_run, scope)
    )
    latest: dict[tuple[int, str], str] = {}
    for cid, system, status in conn.execute(
        select(run.case_id, run.system, run.status)
        .where(run.operation == "search", _scoped(t.connector_run, scope))
        .order_by(run.id)
    ):
        latest[(cid, system)] = status
    failed: dict[int, list[str]] = defaultdict(list)
    for (cid, system), status in sorted(latest.items()):
        if status == "failed":
            failed[cid].append(system)
    manual = _counts(conn, t.manual_task, task.result == "", _scoped(t.manual_task, scope))
    pending = _counts(
        conn,
        t.finding,
        finding.review == FindingReview.PENDING.value,
        _scoped(t.finding, scope),
    )
    by_hand_systems = set(conn.scalars(select(config.name).where(config.kind == "manual")))
    unapproved: dict[int, set[str]] = defaultdict(set)
    unexecuted: dict[int, set[str]] = defaultdict(set)
    by_hand: dict[int, int] = defaultdict(int)
    changed: set[int] = set()
    for cid, system, operation, action, approved_at, outcome, count in conn.execute(
        select(
            change.case_id,
            change.system,
            change.operation,
            change.action,
            change.approved_at.is_not(None),
            change.outcome,
            func.count(change.id),
        )
        .where(_scoped(t.change_action, scope))
        .group_by(
            change.case_id,
            change.system,
            change.operation,
            change.action,
            change.approved_at.is_not(None),
            change.outcome,
        )
    ):
        if outcome in CHANGED:
            changed.add(cid)
        elif outcome in NOT_DONE and (action == BY_HAND or system in by_hand_systems):
            by_hand[cid] += int(count)
        elif outcome in NOT_DONE and not approved_at:
            unapproved[cid].add(operation)
        elif outcome in NOT_DONE:
            unexecuted[cid].add(operation)
    noticed = set(
        conn.scalars(select(notice.case_id).where(_scoped(t.recipient_notice, scope)).distinct())
    )
    reminder_case = t.case_file.alias("reminder_case")
    reminders: dict[int, date] = dict(
        conn.execute(
            select(link.other_case_id, func.max(reminder_case.c.received_on))
            .join(reminder_case, reminder_case.c.id == link.case_id)
            .where(link.relation == "reminder_of", link.other_case_id.in_(scope))
            .group_by(link.other_case_id)
        ).all()
    )
    result = []
    for row in base:
        cid = row.id
        result.append(
            CaseSnapshot(
                reference=row.reference,
                is_open=row.status in OPEN_VALUES,
                received_on=row.received_on,
                assigned_to=row.assigned_to,
                acknowledged_on=row.acknowledged_on,
                answered_on=row.answered_on,
                promise_on=row.promise_on,
                effective_due_on=row.effective_due_on,
                paused_since=paused.get(cid),
                has_representative=cid in reps,
                authorisation_on_file=reps.get(cid) is not None,
                identity_checked=cid in checked,
                searches_run=searches.get(cid, 0),
                failed_systems=tuple(failed.get(cid, ())),
                manual_checks_open=manual.get(cid, 0),
                findings_pending=pending.get(cid, 0),
                unapproved_operations=tuple(sorted(unapproved.get(cid, ()))),
                unexecuted_operations=tuple(sorted(unexecuted.get(cid, ()))),
                changes_by_hand=by_hand.get(cid, 0),
                recipient_notice_due=cid in changed and cid not in noticed,
                letters_unprinted=unprinted.get(cid, 0),
                reminder_on=_latest(reminders.get(cid), row.last_reminder_on),
                ultimatum_on=row.ultimatum_on,
            )
        )
    return result


def _latest(first: date | None, second: date | None) -> date | None:
    """The later of two dates where there is one (a reminder linked, or registered on it)."""
    dates = [d for d in (first, second) if d is not None]
    return max(dates) if dates else None


def todo_items(db: Database, *, today: date, officer: str | None = None) -> list[TodoItem]:
    """The to-do list of everyone (``officer`` None) or of one officer's part ("mine": their
    cases and the unassigned ones, see ``app.core.todo.is_mine``)."""
    return todo_part(db, today=today, officer=officer).items


@dataclass(frozen=True)
class TodoPart:
    """One officer's to-do list and how many tasks wait in the other officers' cases (so that
    an empty "mine" never reads as "nothing to do" while others' cases need work)."""

    items: list[TodoItem]
    others: int = 0


def todo_part(db: Database, *, today: date, officer: str | None = None) -> TodoPart:
    """``todo_items`` with the count of the other officers' tasks. Those tasks are counted, not
    kept: at 100,000 cases everyone's list is tens of thousands of items (about 20 MiB held by
    the Today page when it kept them to switch to "All" without reading again)."""
    with db.reading() as conn:
        cases = snapshots(conn)
        days = pause_no_answer_days(conn)
    items = todo_list(cases, today, officer=officer, pause_no_answer_days=days)
    if officer is None:
        return TodoPart(items)
    others = sum(
        len(tasks_for(c, today, pause_no_answer_days=days))
        for c in cases
        if not is_mine(c.assigned_to, officer)
    )
    return TodoPart(items, others)
