"""The tamper-evident audit chain: seal new events on commit, verify the chain and documents."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Final

from sqlalchemy import Table, bindparam, event, select, text, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from app.core.audit_chain import (
    DELETED_DOCUMENTS,
    GENESIS,
    REDACTED,
    REMOVED,
    TOMBSTONE,
    EventFields,
    canonical_time,
    content_digest,
    event_hash,
)
from app.core.errors import UserError
from app.core.i18n import N_, Message, _, text_of
from app.data.database import Database
from app.data.models import AuditEvent, Case, Document
from app.services.audit_key import chain_key, chain_setting

log = logging.getLogger(__name__)

_PENDING_OBJECTS: Final = "audit_chain_pending"
_PENDING_IDS: Final = "audit_chain_pending_ids"
_SEALED: Final = "audit_chain_sealed"
_FLOOR: Final = "audit_chain_removed_head"  # the last place of events removed in this session
# One advisory lock for every chain writer on a PostgreSQL server (held until commit).
PG_LOCK_KEY: Final = 0x5044_4155  # "PDAU"
TOMBSTONE_ACTIONS: Final = ("case_anonymised", "case_deleted")
# Events whose ``after`` records document hashes (added, or deleted by policy) or tombstones.
RECORD_ACTIONS: Final = (
    *TOMBSTONE_ACTIONS,
    "document_added",
    "identity_checked",
    "id_copy_purged",
)
_CHUNK: Final = 500


@dataclass(frozen=True)
class ChainHead:
    seq: int
    hash: str

    def short(self) -> str:
        return f"#{self.seq} {self.hash}"


def track(session: Session, event_row: AuditEvent) -> None:
    """Chain this (new) event when the session commits."""
    session.info.setdefault(_PENDING_OBJECTS, []).append(event_row)


def track_ids(session: Session, ids: Iterable[int]) -> None:
    """Chain events inserted in bulk (their ids) when the session commits."""
    session.info.setdefault(_PENDING_IDS, []).extend(ids)


def chain_head(session: Session) -> ChainHead | None:
    row = session.execute(
        select(AuditEvent.chain_seq, AuditEvent.hash)
        .where(AuditEvent.chain_seq.is_not(None))
        .order_by(AuditEvent.chain_seq.desc())
        .limit(1)
    ).first()
    if row is None or row[0] is None or row[1] is None:
        return None
    return ChainHead(int(row[0]), str(row[1]))


def _lock(session: Session) -> None:
    """Serialise chain writers: two officers never chain onto the same head.

    SQLite needs nothing more: the events were inserted first, so this transaction already
    holds the database's only write lock until it commits.
    """
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": PG_LOCK_KEY})


def _fields(row: Any) -> EventFields:
    return EventFields(row.id, row.case_id, row.at, row.actor, row.action, row.content_hash)


_COLUMNS: Final = (
    AuditEvent.id,
    AuditEvent.case_id,
    AuditEvent.at,
    AuditEvent.actor,
    AuditEvent.action,
    AuditEvent.summary,
    AuditEvent.before,
    AuditEvent.after,
)


def seal(session: Session) -> ChainHead | None:
    """Give this transaction's new events their place, content hash and keyed hash."""
    objects: list[AuditEvent] = session.info.pop(_PENDING_OBJECTS, [])
    ids: list[int] = session.info.pop(_PENDING_IDS, [])
    if not objects and not ids:
        return None
    session.flush()
    wanted = sorted({o.id for o in objects if o.id is not None} | set(ids))
    _lock(session)
    started = bool(chain_setting(session).get("key_id"))
    key = chain_key(session)
    assert key is not None
    head = chain_head(session)
    floor: ChainHead | None = session.info.pop(_FLOOR, None)
    if floor is not None and (head is None or floor.seq > head.seq):
        head = floor  # the newest events were just removed (retention): never reuse a place
    rows: list[Any] = []
    if not started and head is None:
        # The first chained commit after the upgrade: earlier events first, in order of id.
        rows = list(
            session.execute(
                select(*_COLUMNS).where(AuditEvent.hash.is_(None)).order_by(AuditEvent.id)
            )
        )
        mine = set(wanted)
        legacy = sum(1 for r in rows if r.id not in mine)
        if legacy:
            log.warning("audit chain started: %d earlier events chained in order of id", legacy)
    else:
        for start in range(0, len(wanted), _CHUNK):
            chunk = wanted[start : start + _CHUNK]
            rows += session.execute(
                select(*_COLUMNS).where(AuditEvent.id.in_(chunk), AuditEvent.hash.is_(None))
            )
        rows.sort(key=lambda r: r.id)
    seq, prev = (head.seq, head.hash) if head else (0, GENESIS)
    params = []
    for row in rows:
        seq += 1
        digest = content_digest(row.summary, row.before, row.after)
        fields = EventFields(row.id, row.case_id, row.at, row.actor, row.action, digest)
        value = event_hash(key, seq, prev, fields)
        params.append({"b_id": row.id, "b_seq": seq, "b_prev": prev, "b_c": digest, "b_h": value})
        prev = value
    if not params:
        return head
    table = AuditEvent.__table__
    assert isinstance(table, Table)
    session.execute(
        update(table)
        .where(table.c.id == bindparam("b_id"))
        .values(
            chain_seq=bindparam("b_seq"),
            prev_hash=bindparam("b_prev"),
            content_hash=bindparam("b_c"),
            hash=bindparam("b_h"),
        ),
        params,
    )
    by_id = {p["b_id"]: p for p in params}
    for obj in objects:  # keep the loaded objects equal to their rows, without a new UPDATE
        p = by_id.get(obj.id)
        if p is not None:
            set_committed_value(obj, "chain_seq", p["b_seq"])
            set_committed_value(obj, "prev_hash", p["b_prev"])
            set_committed_value(obj, "content_hash", p["b_c"])
            set_committed_value(obj, "hash", p["b_h"])
    new_head = ChainHead(seq, prev)
    session.info[_SEALED] = new_head
    return new_head


@event.listens_for(Session, "before_commit")
def _seal_before_commit(session: Session) -> None:
    seal(session)


@event.listens_for(Session, "after_commit")
def _log_head(session: Session) -> None:
    head = session.info.pop(_SEALED, None)
    if head is not None:
        log.info("audit chain head %s", head.short())


@event.listens_for(Session, "after_soft_rollback")
def _forget_pending(session: Session, previous: Any) -> None:
    if getattr(previous, "parent", None) is not None:
        return  # a savepoint or a failed flush rolled back: the outer transaction goes on
    for name in (_PENDING_OBJECTS, _PENDING_IDS, _SEALED, _FLOOR):
        session.info.pop(name, None)


# --- tombstones: what retention leaves of a case's events -------------------------------------


def check_event(key: bytes, row: Any) -> bool:
    """Does a stored event (with its chain columns) still match its keyed hash and content?"""
    if row.hash is None or row.chain_seq is None or row.prev_hash is None:
        return False
    if content_digest(row.summary, row.before, row.after) != row.content_hash:
        return False
    return bool(event_hash(key, row.chain_seq, row.prev_hash, _fields(row)) == row.hash)


def _case_events(session: Session, case_id: int) -> list[AuditEvent]:
    session.flush()
    return list(
        session.scalars(
            select(AuditEvent)
            .where(AuditEvent.case_id == case_id, AuditEvent.hash.is_not(None))
            .order_by(AuditEvent.chain_seq)
        )
    )


def _checked(session: Session, events: Sequence[AuditEvent], reference: str) -> None:
    key = chain_key(session)
    assert key is not None
    for row in events:
        if not check_event(key, row):
            raise UserError(
                _(
                    "The audit trail of case {ref} is broken (event {id}); nothing was changed. "
                    "Run `privacy-desk audit verify` and restore the database from a backup.",
                    ref=reference,
                    id=str(row.id),
                )
            )


def redaction_tombstone(session: Session, case_id: int, reference: str) -> dict[str, Any]:
    """Empty the content of a case's events (anonymisation); returns the tombstone to record."""
    events = _case_events(session, case_id)
    _checked(session, events, reference)
    entries = []
    for row in events:
        entries.append({"id": row.id, "seq": row.chain_seq, "hash": row.hash})
        row.before = None
        row.after = None
        row.summary = row.action
    return {REDACTED: entries}


def removal_tombstone(session: Session, case_id: int, reference: str) -> dict[str, Any]:
    """The chain entries of a case's events, recorded before the rows are deleted."""
    events = _case_events(session, case_id)
    _checked(session, events, reference)
    if events:
        last = events[-1]
        assert last.chain_seq is not None and last.hash is not None
        floor = session.info.get(_FLOOR)
        if floor is None or last.chain_seq > floor.seq:
            session.info[_FLOOR] = ChainHead(last.chain_seq, last.hash)
    return {
        REMOVED: [
            {"id": r.id, "seq": r.chain_seq, "prev": r.prev_hash, "hash": r.hash} for r in events
        ]
    }


def deleted_documents(documents: Iterable[Document]) -> list[dict[str, Any]]:
    """What a deletion event records of documents deleted by policy, so verify accepts them."""
    return [{"id": d.id, "sha256": d.sha256} for d in documents]


# --- verification --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    """The first thing verify found broken: an event (id, case, time) or a document."""

    message: str
    event_id: int | None = None
    document_id: int | None = None
    reference: str = ""
    at: datetime | None = None


@dataclass
class Verification:
    events: int = 0
    documents: int = 0
    head: ChainHead | None = None
    problems: list[Problem] = field(default_factory=list)
    # None: every event was checked from the first; else only those after this position,
    # the last one a check found intact (app/services/audit_checkpoint.py).
    since: ChainHead | None = None

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass
class _Records:
    redacted: dict[int, str] = field(default_factory=dict)  # event id -> hash
    removed: dict[int, dict[str, Any]] = field(default_factory=dict)  # seq -> entry
    deleted_docs: set[tuple[int, str]] = field(default_factory=set)
    added_docs: dict[int, str] = field(default_factory=dict)  # document id -> sha256


def _records(session: Session) -> _Records:
    found = _Records()
    rows = session.execute(
        select(AuditEvent.action, AuditEvent.after).where(
            AuditEvent.action.in_(RECORD_ACTIONS), AuditEvent.hash.is_not(None)
        )
    )
    for action, after in rows:
        if not isinstance(after, dict):
            continue
        tomb = after.get(TOMBSTONE)
        if action in TOMBSTONE_ACTIONS and isinstance(tomb, dict):
            for entry in tomb.get(REDACTED, []):
                found.redacted[int(entry["id"])] = str(entry["hash"])
            for entry in tomb.get(REMOVED, []):
                found.removed[int(entry["seq"])] = entry
        for doc in after.get(DELETED_DOCUMENTS, []) or []:
            found.deleted_docs.add((int(doc["id"]), str(doc["sha256"])))
        if action == "document_added" and "document_id" in after and "sha256" in after:
            found.added_docs[int(after["document_id"])] = str(after["sha256"])
    return found


def _event_problem(row: Any, message: str) -> Problem:
    return Problem(message, event_id=row.id, reference=row.reference or "", at=row.at)


def _verify_events(
    session: Session, key: bytes, result: Verification, records: _Records, since: ChainHead | None
) -> None:
    query = (
        select(
            *_COLUMNS,
            AuditEvent.chain_seq,
            AuditEvent.prev_hash,
            AuditEvent.content_hash,
            AuditEvent.hash,
            Case.reference,
        )
        .outerjoin(Case, Case.id == AuditEvent.case_id)
        .order_by(AuditEvent.chain_seq, AuditEvent.id)
    )
    seq, prev = 1, GENESIS
    at_checkpoint = since is not None  # the checkpoint row must still carry the hash seen
    if since is not None:
        query = query.where(AuditEvent.chain_seq >= since.seq)
        removed = records.removed.get(since.seq)
        if removed is not None and removed.get("hash") == since.hash:  # deleted by retention
            seq, prev, at_checkpoint = since.seq + 1, since.hash, False
    unchained = None
    for row in session.execute(query.execution_options(yield_per=1000)):
        if row.chain_seq is None:
            unchained = unchained or row
            continue
        if since is not None and at_checkpoint:
            at_checkpoint = False
            if row.chain_seq != since.seq or row.hash != since.hash:
                result.problems.append(
                    _event_problem(row, _("The event last checked was changed or removed."))
                )
                return
            seq, prev = since.seq + 1, row.hash
            continue
        while seq < row.chain_seq:
            entry = records.removed.get(seq)
            if entry is None or entry.get("prev") != prev:
                result.problems.append(
                    _event_problem(row, _("Events before this one are missing (deleted)."))
                )
                return
            prev, seq = str(entry["hash"]), seq + 1
        if row.chain_seq != seq or row.prev_hash != prev:
            result.problems.append(
                _event_problem(row, _("This event is out of place: moved, inserted or renumbered."))
            )
            return
        digest = content_digest(row.summary, row.before, row.after)
        if digest != row.content_hash:
            redacted = records.redacted.get(row.id) == row.hash and _fields(row).is_redacted_form(
                row.summary, row.before, row.after
            )
            if not redacted:
                result.problems.append(_event_problem(row, _("The content of this event changed.")))
                return
        if event_hash(key, seq, prev, _fields(row)) != row.hash:
            result.problems.append(
                _event_problem(row, _("The keyed hash of this event does not match (forged)."))
            )
            return
        result.events += 1
        prev, seq = row.hash, seq + 1
    if at_checkpoint:  # the chain is shorter than when it was last checked: cut off
        result.problems.append(Problem(_("The events up to the last check are missing.")))
        return
    if unchained is not None:
        result.problems.append(
            _event_problem(unchained, _("This event is not in the chain (added outside the app)."))
        )


def _verify_documents(
    session: Session, result: Verification, records: _Records, case_id: int | None
) -> None:
    query = (
        select(Document.id, Document.sha256, Document.content, Document.filename, Case.reference)
        .outerjoin(Case, Case.id == Document.case_id)
        .order_by(Document.id)
    )
    if case_id is not None:
        query = query.where(Document.case_id == case_id)
    deleted_ids = {doc_id for doc_id, _sha in records.deleted_docs}
    rows = session.execute(query.execution_options(yield_per=8))
    for doc_id, sha, content, filename, reference in rows:
        result.documents += 1
        recorded = records.added_docs.get(doc_id)
        msgid = None
        if recorded is None and doc_id not in deleted_ids:
            msgid = N_("Document {id} ({name}) is not in the audit trail (added outside).")
        elif recorded is not None and recorded != sha:
            msgid = N_("The stored SHA-256 of document {id} ({name}) was changed.")
        elif content is None and (doc_id, sha) not in records.deleted_docs:
            msgid = N_("Document {id} ({name}) was removed without a deletion event.")
        elif content is not None and hashlib.sha256(content).hexdigest() != sha:
            msgid = N_("Document {id} ({name}) changed: its SHA-256 does not match.")
        if msgid is not None:
            message = Message(msgid, {"id": str(doc_id), "name": filename})
            result.problems.append(Problem(message, document_id=doc_id, reference=reference or ""))


def verify(
    db: Database,
    *,
    since: ChainHead | None = None,
    documents: bool = True,
    case_id: int | None = None,
) -> Verification:
    """Check the chain (from ``since`` on, or all of it) and every stored document's SHA-256.

    ``case_id`` limits the document check to one case (a dossier); the chain is always whole.
    """
    start_chain(db)
    result = Verification(since=since)
    with db.session() as session:
        key = chain_key(session, create=False)
        result.head = chain_head(session)
        if key is None:
            return result  # no chain yet: nothing was ever sealed
        records = _records(session)
        _verify_events(session, key, result, records, since)
        if documents:
            _verify_documents(session, result, records, case_id)
    return result


def describe(problem: Problem, lang: str | None = None) -> str:
    """The problem in ``lang``, naming the event (id, case, time) or document."""
    where = []
    if problem.event_id is not None:
        where.append(f"event {problem.event_id}")
    if problem.document_id is not None:
        where.append(f"document {problem.document_id}")
    if problem.reference:
        where.append(problem.reference)
    if problem.at is not None:
        where.append(canonical_time(problem.at))
    return f"{text_of(problem.message, lang)} ({', '.join(where)})"


def start_chain(db: Database) -> None:
    """Chain the events written before the chain existed (once, right after the upgrade)."""
    if db.read_only:
        return
    with db.session() as session:
        if chain_setting(session).get("key_id"):
            return
        ids = list(session.scalars(select(AuditEvent.id).where(AuditEvent.hash.is_(None))))
        if ids:
            track_ids(session, ids)


def current_head(db: Database) -> ChainHead | None:
    with db.session() as session:
        return chain_head(session)


def log_head(db: Database, when: str) -> ChainHead | None:
    """Write the head to the log (at start), so a copy exists outside the database."""
    head = current_head(db)
    log.info("audit chain head at %s: %s", when, head.short() if head else "(empty)")
    return head
