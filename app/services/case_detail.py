"""One case in full (the detail view, `case show`), read through Core rows, not the ORM.

`case show` runs from scripts and cron: importing the models and the ORM and loading the case
object by object cost it more than twice a plain query (issue 15). The rows come from
app/data/plain_tables.py, typed as the models are, so the CaseDetail is the one the ORM gave.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Connection, literal_column, select, union_all

from app.core.deadlines import Pause as PauseValue
from app.core.deadlines import compute_deadlines, paused_dates
from app.core.enums import CaseStatus
from app.core.i18n import restored
from app.core.status import allowed_next
from app.core.validation import full_name
from app.data import plain_tables as t
from app.data.database import Database
from app.services.dto import (
    AuditInfo,
    CaseDetail,
    DocumentInfo,
    IdentityCheckInfo,
    NoteInfo,
    PauseInfo,
    RepresentativeInfo,
    RequesterInfo,
)
from app.services.plain_reads import calendar_settings_of, case_row_by_reference, deadline_input_of

INVERSE_RELATION = {
    "reminder_of": "has_reminder",
    "related": "related",
    "possible_duplicate_of": "has_possible_duplicate",
}


def get_case(db: Database, *, reference: str, today: date | None = None) -> CaseDetail:
    today = today or date.today()
    with db.reading() as conn:
        return _detail(conn, reference, today)


def _rows(conn: Connection, table: Any, key: Any, value: int) -> list[Any]:
    """The rows of ``table`` whose ``key`` is ``value``, in the order they were added (as the
    models' relationships order them)."""
    return list(conn.execute(select(table).where(key == value).order_by(table.c.id)))


def _detail(conn: Connection, reference: str, today: date) -> CaseDetail:
    case = case_row_by_reference(conn, reference)
    cid = case.id
    cal = calendar_settings_of(conn)
    pauses = _rows(conn, t.pause, t.pause.c.case_id, cid)
    inp = deadline_input_of(
        case.received_on,
        (PauseValue(p.start_on, p.end_on, p.reason) for p in pauses),
        case.extension_notice_on,
        cal,
    )
    deadlines = compute_deadlines(inp)
    pause_dates = paused_dates(inp, today)
    r = conn.execute(select(t.requester).where(t.requester.c.id == case.requester_id)).one()
    identifiers = _rows(conn, t.requester_identifier, t.requester_identifier.c.requester_id, r.id)
    types = _rows(conn, t.case_request_type, t.case_request_type.c.case_id, cid)
    reps = _rows(conn, t.representative, t.representative.c.case_id, cid)
    rep = reps[0] if reps else None
    notes = _rows(conn, t.note, t.note.c.case_id, cid)
    documents = _rows(conn, t.document, t.document.c.case_id, cid)
    checks = _rows(conn, t.identity_check, t.identity_check.c.case_id, cid)
    events = _rows(conn, t.audit_event, t.audit_event.c.case_id, cid)
    return CaseDetail(
        id=cid,
        reference=case.reference,
        received_on=case.received_on,
        registered_on=case.registered_on,
        their_reference=case.their_reference,
        their_letter_date=case.their_letter_date,
        channel=case.channel,
        language=case.language,
        status=case.status,
        allowed_next=_next_statuses(case.status),
        assigned_to=case.assigned_to,
        summary=case.summary,
        types=tuple(x.code for x in types),
        outcomes={x.code: x.outcome for x in types},
        refusal_grounds={x.code: x.refusal_ground for x in types},
        requester=RequesterInfo(
            salutation=r.salutation,
            initials=r.initials,
            first_name=r.first_name,
            name_prefix=r.name_prefix,
            last_name=r.last_name,
            full_name=full_name(r.first_name, r.initials, r.name_prefix, r.last_name),
            street=r.street,
            house_number=r.house_number,
            postcode=r.postcode,
            city=r.city,
            country=r.country,
            email=r.email,
            phone=r.phone,
            birth_date=r.birth_date,
            identifiers=tuple((i.kind, i.value) for i in identifiers),
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
        linked=_links(conn, cid),
        last_reminder_on=case.last_reminder_on,
        ultimatum_on=case.ultimatum_on,
        reminder_unknown=case.reminder_unknown,
        pauses=tuple(PauseInfo(p.id, p.start_on, p.end_on, p.reason) for p in pauses),
        notes=tuple(NoteInfo(n.author, n.created_at, restored(n.text)) for n in notes),
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
            for d in documents
        ),
        identity_checks=tuple(
            IdentityCheckInfo(
                i.method, i.outcome, i.checked_on, i.checked_by, i.document_type, i.note
            )
            for i in checks
        ),
        audit=tuple(
            AuditInfo(e.at, e.actor, e.action, restored(e.summary), e.before, e.after)
            for e in events
        ),
    )


def _links(conn: Connection, cid: int) -> tuple[tuple[str, str], ...]:
    """The cases linked to this one and how: its own links, then the links to it, each in the
    order they were made; seen from the other side a relation reads the other way round."""
    link, other = t.case_link, t.case_file

    def side(mine: Any, theirs: Any, number: int) -> Any:  # 0: its own links, 1: links to it
        return (
            select(
                other.c.reference,
                link.c.relation,
                literal_column(str(number)).label("side"),
                link.c.id.label("link_id"),
            )
            .join(link, theirs == other.c.id)
            .where(mine == cid)
        )

    outgoing = side(link.c.case_id, link.c.other_case_id, 0)
    incoming = side(link.c.other_case_id, link.c.case_id, 1)
    query = union_all(outgoing, incoming).order_by(
        literal_column("side"), literal_column("link_id")
    )
    return tuple(
        (ref, INVERSE_RELATION.get(rel, rel) if side else rel)
        for ref, rel, side, _id in conn.execute(query)
    )


def _next_statuses(stored: str) -> tuple[str, ...]:
    """The statuses a case may move to; none for a status this version does not know (a row
    written by hand or by a newer version): the case is still shown, nothing is offered."""
    try:
        current = CaseStatus(stored)
    except ValueError:
        return ()
    return tuple(s.value for s in sorted(allowed_next(current)))
