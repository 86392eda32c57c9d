"""The figures of the yearly (period) report, computed with SQL aggregates and streamed rows."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any, Final

from sqlalchemy import and_, func, select
from sqlalchemy import case as sql_case
from sqlalchemy.orm import Session

from app.core.enums import RequestType
from app.core.statistics import (
    ON_TIME_NO,
    ON_TIME_YES,
    bucket_counts,
    bucket_labels,
    is_refusal,
    median,
    on_time,
    percentile,
    share,
)
from app.core.status import OPEN_STATUSES
from app.data.models import Case, CaseRequestType, ChangeAction, ConnectorRun, Pause

BATCH: Final = 2000


@dataclass(frozen=True)
class TypeFigures:
    """Requests of one type and how many of their cases were answered on time."""

    code: str
    requests: int
    answered: int
    within_promise: int
    within_legal: int


@dataclass(frozen=True)
class SystemFigures:
    """Searches in one source system for the cases of the period."""

    system: str
    searches: int
    failed: int
    findings: int


@dataclass(frozen=True)
class YearlyFigures:
    """Everything the yearly report shows; no personal data and no case references.

    The population is the cases *received* in [period_start, period_end]. "Answered" means an
    answer date is recorded (a refusal is an answer). On-time shares are over answered cases
    that have that deadline; the legal deadline is the extended one when an extension was
    granted. "Now" figures (open, overdue) are as of ``today``.
    """

    period_start: date
    period_end: date
    today: date
    total: int
    answered: int
    judged_promise: int
    within_promise: int
    judged_legal: int
    within_legal: int
    median_days: float | None
    p90_days: float | None
    open_now: int
    overdue_now: int
    extensions: int
    paused_cases: int
    pauses: int
    refusals: int
    withdrawn: int
    per_type: tuple[TypeFigures, ...]
    per_month: tuple[tuple[str, int], ...]  # ("2026-01", count)
    per_status: tuple[tuple[str, int], ...]
    day_buckets: tuple[tuple[str, int], ...]
    outcomes: tuple[tuple[str, str, int], ...]  # (type code, outcome, count); "" = none yet
    systems: tuple[SystemFigures, ...]
    changes: tuple[tuple[str, str, str, int], ...]  # (operation, system, outcome, count)
    # Refused request types per ground (REFUSAL_GROUNDS code, "" = not recorded), most first.
    refusal_grounds: tuple[tuple[str, int], ...] = ()

    @property
    def within_promise_pct(self) -> float | None:
        return share(self.within_promise, self.judged_promise)

    @property
    def within_legal_pct(self) -> float | None:
        return share(self.within_legal, self.judged_legal)


def _months(start: date, end: date) -> list[str]:
    keys: list[str] = []
    year, month = start.year, start.month
    while (year, month) <= (end.year, end.month):
        keys.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return keys


def _type_order(code: str) -> tuple[int, str]:
    known = [t.value for t in RequestType]
    return (known.index(code), code) if code in known else (len(known), code)


def compute_figures(
    session: Session,
    *,
    start: date,
    end: date,
    today: date,
    tick: Callable[[float], None] | None = None,
) -> YearlyFigures:
    """Compute the figures of cases received from ``start`` to ``end`` (inclusive)."""
    in_period = and_(Case.received_on >= start, Case.received_on <= end)
    total = int(session.scalar(select(func.count(Case.id)).where(in_period)) or 0)
    open_codes = {s.value for s in OPEN_STATUSES}
    month_counts: Counter[str] = Counter()
    status_counts: Counter[str] = Counter()
    verdicts: dict[int, tuple[bool, str, str]] = {}  # case id -> (answered, promise, legal)
    days: list[int] = []
    counts = Counter[str]()
    refused_cases: set[int] = set()
    query = select(
        Case.id,
        Case.received_on,
        Case.status,
        Case.promise_on,
        Case.legal_due_on,
        Case.extended_due_on,
        Case.answered_on,
        Case.paused,
        Case.effective_due_on,
        Case.extension_notice_on,
        Case.outcome,
    ).where(in_period)
    seen = 0
    for partition in session.execute(query.execution_options(yield_per=BATCH)).partitions():
        for row in partition:
            month_counts[f"{row.received_on.year:04d}-{row.received_on.month:02d}"] += 1
            status_counts[row.status] += 1
            is_open = row.status in open_codes
            effective = row.extended_due_on or row.legal_due_on
            promise = on_time(row.answered_on, row.promise_on, is_open=is_open, today=today)
            legal = on_time(row.answered_on, effective, is_open=is_open, today=today)
            answered = row.answered_on is not None
            verdicts[row.id] = (answered, promise, legal)
            if answered:
                counts["answered"] += 1
                days.append((row.answered_on - row.received_on).days)
                counts["judged_promise"] += promise in (ON_TIME_YES, ON_TIME_NO)
                counts["within_promise"] += promise == ON_TIME_YES
                counts["judged_legal"] += legal in (ON_TIME_YES, ON_TIME_NO)
                counts["within_legal"] += legal == ON_TIME_YES
            if is_open:
                counts["open_now"] += 1
                due = row.effective_due_on
                counts["overdue_now"] += (not row.paused) and due is not None and due < today
            counts["extensions"] += row.extension_notice_on is not None
            counts["withdrawn"] += row.status == "withdrawn" or row.outcome == "withdrawn"
            if row.status == "refused" or is_refusal(row.outcome):
                refused_cases.add(row.id)
        seen += len(partition)
        if tick is not None and total:
            tick(0.6 * seen / total)

    type_counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    outcome_counts: Counter[tuple[str, str]] = Counter()
    ground_counts: Counter[str] = Counter()
    type_query = (
        select(
            CaseRequestType.case_id,
            CaseRequestType.code,
            CaseRequestType.outcome,
            CaseRequestType.refusal_ground,
        )
        .join(Case, Case.id == CaseRequestType.case_id)
        .where(in_period)
    )
    for type_part in session.execute(type_query.execution_options(yield_per=BATCH)).partitions():
        for type_row in type_part:
            case_id, code, outcome = type_row.case_id, type_row.code, type_row.outcome
            answered, promise, legal = verdicts.get(case_id, (False, "", ""))
            entry = type_counts[code]
            entry[0] += 1
            entry[1] += answered
            entry[2] += answered and promise == ON_TIME_YES
            entry[3] += answered and legal == ON_TIME_YES
            outcome_counts[(code, outcome)] += 1
            if is_refusal(outcome):
                refused_cases.add(case_id)
                ground_counts[type_row.refusal_ground or ""] += 1
    if tick is not None:
        tick(0.8)

    pause_row = session.execute(
        select(func.count(Pause.id), func.count(func.distinct(Pause.case_id)))
        .join(Case, Case.id == Pause.case_id)
        .where(in_period)
    ).one()
    systems = _systems(session, in_period)
    changes = _changes(session, in_period)
    if tick is not None:
        tick(1.0)
    return YearlyFigures(
        period_start=start,
        period_end=end,
        today=today,
        total=total,
        answered=counts["answered"],
        judged_promise=counts["judged_promise"],
        within_promise=counts["within_promise"],
        judged_legal=counts["judged_legal"],
        within_legal=counts["within_legal"],
        median_days=median(days),
        p90_days=percentile(days, 90),
        open_now=counts["open_now"],
        overdue_now=counts["overdue_now"],
        extensions=counts["extensions"],
        paused_cases=int(pause_row[1] or 0),
        pauses=int(pause_row[0] or 0),
        refusals=len(refused_cases),
        withdrawn=counts["withdrawn"],
        per_type=tuple(
            TypeFigures(code, *type_counts[code]) for code in sorted(type_counts, key=_type_order)
        ),
        per_month=tuple((key, month_counts[key]) for key in _months(start, end)),
        per_status=tuple(sorted(status_counts.items())),
        day_buckets=tuple(zip(bucket_labels(), bucket_counts(days), strict=True)),
        outcomes=tuple(
            (code, outcome, n)
            for (code, outcome), n in sorted(
                outcome_counts.items(), key=lambda item: (_type_order(item[0][0]), item[0][1])
            )
        ),
        systems=systems,
        changes=changes,
        refusal_grounds=tuple(sorted(ground_counts.items(), key=lambda item: (-item[1], item[0]))),
    )


def _systems(session: Session, in_period: Any) -> tuple[SystemFigures, ...]:
    failed = func.sum(sql_case((ConnectorRun.status == "failed", 1), else_=0))
    rows = session.execute(
        select(
            ConnectorRun.system,
            func.count(ConnectorRun.id),
            failed,
            func.coalesce(func.sum(ConnectorRun.findings_count), 0),
        )
        .join(Case, Case.id == ConnectorRun.case_id)
        .where(in_period, ConnectorRun.operation == "search")
        .group_by(ConnectorRun.system)
        .order_by(ConnectorRun.system)
    ).all()
    return tuple(SystemFigures(s, int(n), int(f or 0), int(k or 0)) for s, n, f, k in rows)


def _changes(session: Session, in_period: Any) -> tuple[tuple[str, str, str, int], ...]:
    """Executed erasures and rectifications per system and outcome (planned ones excluded)."""
    rows = session.execute(
        select(
            ChangeAction.operation,
            ChangeAction.system,
            ChangeAction.outcome,
            func.count(ChangeAction.id),
        )
        .join(Case, Case.id == ChangeAction.case_id)
        .where(in_period, ChangeAction.outcome != "planned")
        .group_by(ChangeAction.operation, ChangeAction.system, ChangeAction.outcome)
        .order_by(ChangeAction.operation, ChangeAction.system, ChangeAction.outcome)
    ).all()
    return tuple((op, system, outcome, int(n)) for op, system, outcome, n in rows)
