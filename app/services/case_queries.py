"""Reading cases: the detail view, and the filtered, sorted, paged case list (in SQL)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from sqlalchemy import and_, func, literal_column, select, table

from app.core.deadlines import compute_deadlines, paused_dates
from app.core.enums import CaseStatus
from app.core.errors import ValidationError
from app.core.i18n import _, restored
from app.core.status import OPEN_STATUSES, allowed_next
from app.core.validation import fold
from app.data import search_index
from app.data.database import Database
from app.data.models import AuditEvent, Case, CaseLink, ReferenceCounter, Requester
from app.services.deadlines import calendar_settings, deadline_input
from app.services.dto import (
    AuditInfo,
    CaseDetail,
    CaseFilter,
    CaseRow,
    DocumentInfo,
    IdentityCheckInfo,
    NoteInfo,
    PauseInfo,
    RepresentativeInfo,
    RequesterInfo,
)
from app.services.lookup import case_by_reference
from app.services.paused import paused_dates_for

NO_FILTER = CaseFilter()
INVERSE_RELATION = {
    "reminder_of": "has_reminder",
    "related": "related",
    "possible_duplicate_of": "has_possible_duplicate",
}


def get_case(db: Database, *, reference: str, today: date | None = None) -> CaseDetail:
    today = today or date.today()
    with db.session() as session:
        case = case_by_reference(session, reference)
        cal = calendar_settings(session)
        deadlines = compute_deadlines(deadline_input(case, cal))
        pause_dates = paused_dates(deadline_input(case, cal), today)
        r = case.requester
        events = session.scalars(
            select(AuditEvent).where(AuditEvent.case_id == case.id).order_by(AuditEvent.id)
        ).all()
        outgoing = session.execute(
            select(Case.reference, CaseLink.relation)
            .join(CaseLink, CaseLink.other_case_id == Case.id)
            .where(CaseLink.case_id == case.id)
        ).all()
        incoming = session.execute(
            select(Case.reference, CaseLink.relation)
            .join(CaseLink, CaseLink.case_id == Case.id)
            .where(CaseLink.other_case_id == case.id)
        ).all()
        # Seen from the other side a relation reads the other way round.
        links = [(ref, rel) for ref, rel in outgoing] + [
            (ref, INVERSE_RELATION.get(rel, rel)) for ref, rel in incoming
        ]
        rep = case.representative
        return CaseDetail(
            id=case.id,
            reference=case.reference,
            received_on=case.received_on,
            registered_on=case.registered_on,
            their_reference=case.their_reference,
            their_letter_date=case.their_letter_date,
            channel=case.channel,
            language=case.language,
            status=case.status,
            allowed_next=tuple(s.value for s in sorted(allowed_next(CaseStatus(case.status)))),
            assigned_to=case.assigned_to,
            summary=case.summary,
            types=tuple(t.code for t in case.request_types),
            outcomes={t.code: t.outcome for t in case.request_types},
            refusal_grounds={t.code: t.refusal_ground for t in case.request_types},
            requester=RequesterInfo(
                salutation=r.salutation,
                initials=r.initials,
                first_name=r.first_name,
                name_prefix=r.name_prefix,
                last_name=r.last_name,
                full_name=r.full_name,
                street=r.street,
                house_number=r.house_number,
                postcode=r.postcode,
                city=r.city,
                country=r.country,
                email=r.email,
                phone=r.phone,
                birth_date=r.birth_date,
                identifiers=tuple((i.kind, i.value) for i in r.identifiers),
            ),
            representative=None
            if rep is None
            else RepresentativeInfo(
                name=rep.name,
                role=rep.role,
                organisation=rep.organisation,
                street=rep.street,
                postcode=rep.postcode,
                city=rep.city,
                country=rep.country,
                email=rep.email,
                authorisation_document_id=rep.authorisation_document_id,
                authorisation_dated=rep.authorisation_dated,
            ),
            promise_on=deadlines.promise,
            post_by_on=deadlines.post_by,
            legal_due_on=deadlines.legal,
            extended_due_on=deadlines.extended,
            refusal_due_on=deadlines.refusal,
            effective_due_on=deadlines.effective,
            paused=deadlines.paused,
            extension_notice_on=case.extension_notice_on,
            extension_reason=case.extension_reason,
            paused_dates=pause_dates,
            acknowledged_on=case.acknowledged_on,
            answered_on=case.answered_on,
            closed_on=case.closed_on,
            outcome=case.outcome,
            version=case.version,
            anonymised=case.anonymised_at is not None,
            linked=tuple((ref, rel) for ref, rel in links),
            last_reminder_on=case.last_reminder_on,
            ultimatum_on=case.ultimatum_on,
            reminder_unknown=case.reminder_unknown,
            pauses=tuple(PauseInfo(p.id, p.start_on, p.end_on, p.reason) for p in case.pauses),
            notes=tuple(NoteInfo(n.author, n.created_at, restored(n.text)) for n in case.notes),
            documents=tuple(
                DocumentInfo(
                    id=d.id,
                    kind=d.kind,
                    filename=d.filename,
                    media_type=d.media_type,
                    sha256=d.sha256,
                    size=d.size,
                    created_at=d.created_at,
                    created_by=d.created_by,
                    final=d.final,
                    masked=d.masked,
                    deleted=d.deleted_at is not None,
                    derived_from_id=d.derived_from_id,
                )
                for d in case.documents
            ),
            identity_checks=tuple(
                IdentityCheckInfo(
                    i.method, i.outcome, i.checked_on, i.checked_by, i.document_type, i.note
                )
                for i in case.identity_checks
            ),
            audit=tuple(
                AuditInfo(e.at, e.actor, e.action, restored(e.summary), e.before, e.after)
                for e in events
            ),
        )


SORT_COLUMNS = {
    "reference": (Case.year, Case.seq),
    "received": (Case.received_on, Case.id),
    "requester": (Requester.last_name, Requester.first_name, Case.id),
    "types": (Case.type_codes, Case.id),
    "status": (Case.status, Case.id),
    "legal": (Case.legal_due_on, Case.id),
    "due": (Case.effective_due_on, Case.id),
    "days_left": (Case.effective_due_on, Case.id),
    "assigned": (Case.assigned_to, Case.id),
}


def _text_condition(needle: str, dialect: str) -> Any:
    """The search for ``needle`` (folded), served by the search index (see app.data.search_index).

    Three characters or more: anywhere in the reference, name, postcode, e-mail or city, through
    the FTS5 trigram table (SQLite) or the pg_trgm index (PostgreSQL). Shorter: a number finds
    the case with that sequence number (AVG-2026-0007 for "7"), letters the surnames that start
    with them; both through b-tree indexes.
    """
    if len(needle) < search_index.MIN_TRIGRAM:
        if needle.isdigit():
            years = select(ReferenceCounter.year).scalar_subquery()
            return and_(Case.year.in_(years), Case.seq == int(needle))
        people = select(Requester.id).where(
            Requester.name_key >= needle, Requester.name_key < needle + "\U0010ffff"
        )
        return Case.requester_id.in_(people)
    if dialect == "sqlite":
        matches: Any = (
            select(literal_column("rowid"))
            .select_from(_FTS)
            .where(
                literal_column(search_index.FTS_TABLE).op("MATCH")(search_index.fts_phrase(needle))
            )
        )
        return Case.id.in_(matches)
    escaped = needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return Case.search_text.like(f"%{escaped}%", escape="\\")


_FTS = table(search_index.FTS_TABLE)


def _filtered(query: Any, flt: CaseFilter, dialect: str) -> Any:
    needle = fold(flt.text)
    if needle:
        query = query.where(_text_condition(needle, dialect))
    if flt.statuses:
        query = query.where(Case.status.in_(flt.statuses))
    if flt.open_only:
        query = query.where(Case.status.in_([s.value for s in OPEN_STATUSES]))
    if flt.request_type:
        query = query.where(Case.type_codes.like(f"%,{flt.request_type},%"))
    if flt.received_from is not None:
        query = query.where(Case.received_on >= flt.received_from)
    if flt.received_to is not None:
        query = query.where(Case.received_on <= flt.received_to)
    return query


def count_cases(db: Database, *, flt: CaseFilter = NO_FILTER) -> int:
    with db.session() as session:
        query = _filtered(select(func.count(Case.id)), flt, db.engine.dialect.name)
        return int(session.scalar(query) or 0)


def list_cases(
    db: Database,
    *,
    flt: CaseFilter = NO_FILTER,
    sort: str = "reference",
    descending: bool = False,
    offset: int = 0,
    limit: int | None = 200,
) -> list[CaseRow]:
    """One page of the case list, filtered and sorted in SQL (scales to 100,000 cases)."""
    if sort not in SORT_COLUMNS:
        raise ValidationError({"sort": _("Unknown sort column '{sort}'.", sort=sort)})
    # Paused cases have no due date: keep them after the dated ones in either direction.
    columns = [(c.desc() if descending else c.asc()).nulls_last() for c in SORT_COLUMNS[sort]]
    query = _row_query().order_by(*columns).offset(offset)
    if limit is not None:
        query = query.limit(limit)
    query = _filtered(query, flt, db.engine.dialect.name)
    with db.session() as session:
        rows = session.execute(query).all()
    return [_row(row) for row in rows]


def _row_query() -> Any:
    return select(
        Case.id,
        Case.reference,
        Case.received_on,
        Requester.first_name,
        Requester.initials,
        Requester.name_prefix,
        Requester.last_name,
        Requester.postcode,
        Requester.city,
        Case.type_codes,
        Case.status,
        Case.promise_on,
        Case.post_by_on,
        Case.legal_due_on,
        Case.extended_due_on,
        Case.effective_due_on,
        Case.paused,
        Case.assigned_to,
        Case.version,
        Case.ultimatum_on,
    ).join(Requester, Requester.id == Case.requester_id)


# Values many rows repeat (dates, type tuples, status, city, officer) are shared between rows
# instead of one object per row: 100,000 listed cases hold a few thousand date objects, not
# half a million. Bounded: emptied when it grows past _SHARED_MAX (the objects stay valid).
_SHARED: dict[Any, Any] = {}
_SHARED_MAX = 50_000


def _shared(value: Any) -> Any:
    if value is None:
        return None
    if len(_SHARED) > _SHARED_MAX:
        _SHARED.clear()
    return _SHARED.setdefault(value, value)


def _row(row: Any) -> CaseRow:
    share = _shared
    return CaseRow(
        id=row.id,
        reference=row.reference,
        received_on=share(row.received_on),
        requester_name=" ".join(
            p for p in (row.first_name or row.initials, row.name_prefix, row.last_name) if p
        ),
        postcode=row.postcode,
        city=share(row.city),
        types=share(tuple(share(t) for t in row.type_codes.split(",") if t)),
        status=share(row.status),
        promise_on=share(row.promise_on),
        post_by_on=share(row.post_by_on),
        legal_due_on=share(row.legal_due_on),
        extended_due_on=share(row.extended_due_on),
        effective_due_on=share(row.effective_due_on),
        paused=row.paused,
        assigned_to=share(row.assigned_to),
        version=row.version,
        ultimatum_on=row.ultimatum_on,
    )


def deadline_groups(
    db: Database, *, today: date, limit: int = 500
) -> dict[str, tuple[int, list[CaseRow]]]:
    """Open cases per urgency (overdue, due_soon, later, paused): the count and the first rows.

    Counted and limited in SQL, so the overview stays fast with many thousands of open cases.
    """
    soon = today + timedelta(days=7)
    conditions = {
        "overdue": and_(Case.paused.is_(False), Case.effective_due_on < today),
        "due_soon": and_(
            Case.paused.is_(False), Case.effective_due_on >= today, Case.effective_due_on <= soon
        ),
        "later": and_(Case.paused.is_(False), Case.effective_due_on > soon),
        "paused": Case.paused.is_(True),
    }
    open_only = Case.status.in_([s.value for s in OPEN_STATUSES])
    result: dict[str, tuple[int, list[CaseRow]]] = {}
    with db.session() as session:
        for name, condition in conditions.items():
            count = session.scalar(select(func.count(Case.id)).where(open_only, condition))
            order = (Case.year, Case.seq) if name == "paused" else (Case.effective_due_on, Case.id)
            query = _row_query().where(open_only, condition).order_by(*order).limit(limit)
            rows = [_row(r) for r in session.execute(query).all()]
            if name == "paused":  # the dates of a paused case, as if the clock resumed today
                found = paused_dates_for(session, [r.id for r in rows], today)
                rows = [replace(r, paused_dates=found.get(r.id)) for r in rows]
            result[name] = (int(count or 0), rows)
    return result


def open_cases_for_overview(db: Database) -> list[CaseRow]:
    """Every open case (for the deadline overview and the start-up banner)."""
    return list_cases(db, flt=CaseFilter(open_only=True), sort="due", limit=None)
