"""SQLAlchemy 2 models of cases, people, documents, audit trail, settings and organisation."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import (
    DeclarativeBase,
    Mapped,
    deferred,
    mapped_column,
    relationship,
    validates,
)

from app.core.enums import FindingReview, LetterStatus
from app.core.validation import fold, full_name
from app.data.types import UTCDateTime, utcnow

# Compared byte-wise on PostgreSQL, so that a prefix range or LIKE 'ab%' can use the b-tree.
NAME_KEY = String(200).with_variant(String(200, collation="C"), "postgresql")

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {datetime: UTCDateTime(), dict[str, Any]: JSON(), list[Any]: JSON()}


class Organisation(Base):
    """The controller's profile; one row is the active one (``active``)."""

    __tablename__ = "organisation"
    id: Mapped[int] = mapped_column(primary_key=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    name: Mapped[str] = mapped_column(String(200))
    department_line: Mapped[str] = mapped_column(String(200), default="")
    street: Mapped[str] = mapped_column(String(200))
    postcode: Mapped[str] = mapped_column(String(20))
    city: Mapped[str] = mapped_column(String(100))
    country: Mapped[str] = mapped_column(String(2), default="NL")
    visiting_address: Mapped[str] = mapped_column(String(300), default="")
    phone: Mapped[str] = mapped_column(String(50), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    website: Mapped[str] = mapped_column(String(200), default="")
    kvk_number: Mapped[str] = mapped_column(String(20), default="")
    return_line: Mapped[str] = mapped_column(String(300), default="")
    signatory_name: Mapped[str] = mapped_column(String(200), default="")
    signatory_function: Mapped[str] = mapped_column(String(200), default="")
    default_language: Mapped[str] = mapped_column(String(2), default="nl")
    promise_weeks: Mapped[int] = mapped_column(Integer, default=4)
    logo_path: Mapped[str | None] = mapped_column(String(500), default=None)
    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = {"version_id_col": version}


class Setting(Base):
    """Business settings (key -> JSON value); UI state lives in QSettings instead."""

    __tablename__ = "setting"
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[dict[str, Any]] = mapped_column(JSON)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_by: Mapped[str] = mapped_column(String(100), default="")


class ReferenceCounter(Base):
    """Last sequence number handed out per year, locked while a reference is issued."""

    __tablename__ = "reference_counter"
    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    last_seq: Mapped[int] = mapped_column(Integer, default=0)


class Requester(Base):
    __tablename__ = "requester"
    id: Mapped[int] = mapped_column(primary_key=True)
    salutation: Mapped[str] = mapped_column(String(40), default="")  # "heer", "mevrouw", ""
    initials: Mapped[str] = mapped_column(String(40), default="")
    first_name: Mapped[str] = mapped_column(String(200), default="")
    name_prefix: Mapped[str] = mapped_column(String(60), default="")  # tussenvoegsel: "van der"
    last_name: Mapped[str] = mapped_column(String(200), default="")
    # The folded surname, for searches under three characters (kept by ``_fold_last_name``).
    name_key: Mapped[str] = mapped_column(NAME_KEY, default="", server_default="", index=True)
    street: Mapped[str] = mapped_column(String(300), default="")  # incl. house number
    house_number: Mapped[str] = mapped_column(String(20), default="")
    postcode: Mapped[str] = mapped_column(String(20), default="")
    city: Mapped[str] = mapped_column(String(200), default="")
    country: Mapped[str] = mapped_column(String(2), default="NL")
    email: Mapped[str] = mapped_column(String(300), default="")
    phone: Mapped[str] = mapped_column(String(50), default="")
    birth_date: Mapped[date | None] = mapped_column(Date, default=None)
    identifiers: Mapped[list[RequesterIdentifier]] = relationship(
        back_populates="requester", cascade="all, delete-orphan", order_by="RequesterIdentifier.id"
    )

    @validates("last_name")
    def _fold_last_name(self, _key: str, value: str) -> str:
        self.name_key = fold(value or "")[:200]
        return value

    @property
    def full_name(self) -> str:
        return full_name(self.first_name, self.initials, self.name_prefix, self.last_name)


class RequesterIdentifier(Base):
    """A typed identifier of the person: customer number, user id, IP address, ..."""

    __tablename__ = "requester_identifier"
    id: Mapped[int] = mapped_column(primary_key=True)
    requester_id: Mapped[int] = mapped_column(ForeignKey("requester.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(40))
    value: Mapped[str] = mapped_column(String(300))
    requester: Mapped[Requester] = relationship(back_populates="identifiers")


class Case(Base):
    __tablename__ = "case_file"
    __table_args__ = (UniqueConstraint("year", "seq", name="uq_case_file_year_seq"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    reference: Mapped[str] = mapped_column(String(30), unique=True)
    year: Mapped[int] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(Integer)
    received_on: Mapped[date] = mapped_column(Date, index=True)
    registered_on: Mapped[date] = mapped_column(Date)
    their_reference: Mapped[str] = mapped_column(String(100), default="")
    their_letter_date: Mapped[date | None] = mapped_column(Date, default=None)
    channel: Mapped[str] = mapped_column(String(20), default="post")
    language: Mapped[str] = mapped_column(String(2), default="nl")
    status: Mapped[str] = mapped_column(String(20), index=True)
    assigned_to: Mapped[str] = mapped_column(String(100), default="")
    summary: Mapped[str] = mapped_column(Text, default="")
    requester_id: Mapped[int] = mapped_column(ForeignKey("requester.id"), index=True)
    search_text: Mapped[str] = mapped_column(Text, default="")  # folded ref/name/postcode/e-mail
    type_codes: Mapped[str] = mapped_column(String(120), default="")  # ",access,erasure," filter
    # Deadlines, recomputed from received_on, pauses and extension on every change (sortable).
    promise_on: Mapped[date | None] = mapped_column(Date, default=None)
    post_by_on: Mapped[date | None] = mapped_column(Date, default=None)
    legal_due_on: Mapped[date | None] = mapped_column(Date, default=None)
    extended_due_on: Mapped[date | None] = mapped_column(Date, default=None)
    effective_due_on: Mapped[date | None] = mapped_column(Date, default=None, index=True)
    paused: Mapped[bool] = mapped_column(Boolean, default=False)
    extension_notice_on: Mapped[date | None] = mapped_column(Date, default=None)
    extension_reason: Mapped[str] = mapped_column(Text, default="")
    acknowledged_on: Mapped[date | None] = mapped_column(Date, default=None)
    answered_on: Mapped[date | None] = mapped_column(Date, default=None)
    closed_on: Mapped[date | None] = mapped_column(Date, default=None)
    outcome: Mapped[str] = mapped_column(String(40), default="")
    anonymised_at: Mapped[datetime | None] = mapped_column(default=None)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)
    # Reminders (herinnering, ingebrekestelling) registered on this case as a document + event:
    # the latest one's date of receipt, and the latest ultimatum a reminder set (a deadline).
    last_reminder_on: Mapped[date | None] = mapped_column(Date, default=None)
    ultimatum_on: Mapped[date | None] = mapped_column(Date, default=None)
    # A reminder whose earlier request could not be found: registered as a new case, flagged.
    reminder_unknown: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())

    requester: Mapped[Requester] = relationship()
    request_types: Mapped[list[CaseRequestType]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="CaseRequestType.id"
    )
    representative: Mapped[Representative | None] = relationship(
        back_populates="case", cascade="all, delete-orphan", uselist=False
    )
    notes: Mapped[list[Note]] = relationship(cascade="all, delete-orphan", order_by="Note.id")
    pauses: Mapped[list[Pause]] = relationship(cascade="all, delete-orphan", order_by="Pause.id")
    identity_checks: Mapped[list[IdentityCheck]] = relationship(
        cascade="all, delete-orphan", order_by="IdentityCheck.id"
    )
    documents: Mapped[list[Document]] = relationship(
        cascade="all, delete-orphan", order_by="Document.id"
    )
    __mapper_args__ = {"version_id_col": version}


class CaseRequestType(Base):
    __tablename__ = "case_request_type"
    __table_args__ = (UniqueConstraint("case_id", "code", name="uq_case_request_type_case_code"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id", ondelete="CASCADE"))
    code: Mapped[str] = mapped_column(String(20))
    outcome: Mapped[str] = mapped_column(String(40), default="")  # granted, partly, refused, ...
    # Why it was (partly) refused, a REFUSAL_GROUNDS code; "" = not refused or not recorded.
    refusal_ground: Mapped[str] = mapped_column(String(40), default="", server_default="")
    case: Mapped[Case] = relationship(back_populates="request_types")


class CaseLink(Base):
    """A relation between cases, e.g. a reminder (herinnering) that belongs to an earlier case."""

    __tablename__ = "case_link"
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id", ondelete="CASCADE"))
    other_case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id", ondelete="CASCADE"))
    relation: Mapped[str] = mapped_column(String(40), default="related")


class Representative(Base):
    __tablename__ = "representative"
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(200))
    organisation: Mapped[str] = mapped_column(String(200), default="")
    role: Mapped[str] = mapped_column(String(40), default="other")  # lawyer, parent, guardian
    street: Mapped[str] = mapped_column(String(300), default="")
    postcode: Mapped[str] = mapped_column(String(20), default="")
    city: Mapped[str] = mapped_column(String(200), default="")
    country: Mapped[str] = mapped_column(String(2), default="NL")
    email: Mapped[str] = mapped_column(String(300), default="")
    authorisation_document_id: Mapped[int | None] = mapped_column(
        ForeignKey("document.id", ondelete="SET NULL"), default=None
    )
    # The date the authorisation (machtiging) bears, read from it by the officer (0013).
    authorisation_dated: Mapped[date | None] = mapped_column(Date, default=None)
    case: Mapped[Case] = relationship(back_populates="representative")


class IdentityCheck(Base):
    """How identity was established. An ID copy itself is never kept after the check."""

    __tablename__ = "identity_check"
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id", ondelete="CASCADE"))
    method: Mapped[str] = mapped_column(String(40))
    outcome: Mapped[str] = mapped_column(String(20))
    checked_on: Mapped[date] = mapped_column(Date)
    checked_by: Mapped[str] = mapped_column(String(100))
    document_type: Mapped[str] = mapped_column(String(60), default="")  # passport, id card, ...
    note: Mapped[str] = mapped_column(Text, default="")


class Note(Base):
    __tablename__ = "note"
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id", ondelete="CASCADE"))
    author: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    text: Mapped[str] = mapped_column(Text)


class Pause(Base):
    """The clock stops while waiting for the person (identity or clarification question)."""

    __tablename__ = "pause"
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id", ondelete="CASCADE"))
    start_on: Mapped[date] = mapped_column(Date)
    end_on: Mapped[date | None] = mapped_column(Date, default=None)
    reason: Mapped[str] = mapped_column(Text, default="")


class Document(Base):
    """A stored file with its SHA-256; never changed once final (a new version is a new row)."""

    __tablename__ = "document"
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(20))
    filename: Mapped[str] = mapped_column(String(300))
    media_type: Mapped[str] = mapped_column(String(100))
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)
    content: Mapped[bytes | None] = deferred(mapped_column(LargeBinary, default=None))
    final: Mapped[bool] = mapped_column(Boolean, default=True)
    masked: Mapped[bool] = mapped_column(Boolean, default=False)  # ID copy: BSN/photo blacked out
    delete_after_check: Mapped[bool] = mapped_column(Boolean, default=False)
    deleted_at: Mapped[datetime | None] = mapped_column(default=None)
    deleted_reason: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by: Mapped[str] = mapped_column(String(100), default="")
    # A document made from another: the searchable PDF that OCR made of a scan (own SHA-256).
    derived_from_id: Mapped[int | None] = mapped_column(
        ForeignKey("document.id", ondelete="SET NULL"), default=None
    )


class AuditEvent(Base):
    """Who did what when, with before/after; written in the same transaction as the change."""

    __tablename__ = "audit_event"
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int | None] = mapped_column(
        ForeignKey("case_file.id", ondelete="CASCADE"), index=True, default=None
    )
    at: Mapped[datetime] = mapped_column(default=utcnow)
    actor: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(60))
    summary: Mapped[str] = mapped_column(Text, default="")
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)
    # The keyed hash chain (app/services/audit_chain.py): set when the transaction commits.
    chain_seq: Mapped[int | None] = mapped_column(Integer, unique=True, default=None)
    prev_hash: Mapped[str | None] = mapped_column(String(64), default=None)
    content_hash: Mapped[str | None] = mapped_column(String(64), default=None)
    hash: Mapped[str | None] = mapped_column(String(64), default=None)


class Letter(Base):
    """A response letter: a draft text until final; the final PDF is a Document."""

    __tablename__ = "letter"
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id", ondelete="CASCADE"))
    letter_type: Mapped[str] = mapped_column(String(30))
    language: Mapped[str] = mapped_column(String(2))
    subject: Mapped[str] = mapped_column(Text)
    body: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(10), default=LetterStatus.DRAFT)
    letter_date: Mapped[date | None] = mapped_column(Date, default=None)
    document_id: Mapped[int | None] = mapped_column(
        ForeignKey("document.id", ondelete="SET NULL"), default=None
    )
    recipient_name: Mapped[str] = mapped_column(String(200), default="")  # Art. 19 notices
    # What the officer filled in for this letter (reasons, what was asked, recipient address):
    # part of the letter, so it goes wherever the letter goes (anonymisation, deletion).
    options: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by: Mapped[str] = mapped_column(String(100), default="")
    finalised_at: Mapped[datetime | None] = mapped_column(default=None)
    finalised_by: Mapped[str] = mapped_column(String(100), default="")
    # Set when it was in "Print today's letters" or marked "sent by post" (a final letter only).
    printed_at: Mapped[datetime | None] = mapped_column(default=None)


class ProcessingActivity(Base):
    """One entry of the Art. 30 register of processing activities."""

    __tablename__ = "processing_activity"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    purposes: Mapped[str] = mapped_column(Text, default="")
    legal_basis: Mapped[str] = mapped_column(Text, default="")
    data_categories: Mapped[str] = mapped_column(Text, default="")
    subject_categories: Mapped[str] = mapped_column(Text, default="")
    recipients: Mapped[str] = mapped_column(Text, default="")
    retention: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(Text, default="")
    transfers: Mapped[str] = mapped_column(Text, default="")
    automated_decisions: Mapped[str] = mapped_column(Text, default="")
    # Recipients by name (CJEU C-154/21), one per line; the categories only where the officer
    # recorded why naming them is impossible (``recipients_unnamed_reason``).
    recipient_categories: Mapped[str] = mapped_column(Text, default="", server_default="")
    recipients_unnamed_reason: Mapped[str] = mapped_column(Text, default="", server_default="")
    # The texts in the other letter languages: {"en": {"purposes": ...}, "de": {...}}; the
    # columns above hold the Dutch (the register's own language).
    translations: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    version: Mapped[int] = mapped_column(Integer, default=1)
    links: Mapped[list[ProcessingSystem]] = relationship(
        cascade="all, delete-orphan", order_by="ProcessingSystem.id"
    )
    __mapper_args__ = {"version_id_col": version}


class ProcessingSystem(Base):
    """A processing activity holds its data in a configured system (linked by id, not name)."""

    __tablename__ = "processing_system"
    __table_args__ = (
        UniqueConstraint("processing_id", "connector_id", name="uq_processing_system_pair"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    processing_id: Mapped[int] = mapped_column(
        ForeignKey("processing_activity.id", ondelete="CASCADE"), index=True
    )
    connector_id: Mapped[int] = mapped_column(
        ForeignKey("connector_config.id", ondelete="CASCADE"), index=True
    )


class ConnectorConfig(Base):
    """A configured source system; secrets are in the OS keyring, never here."""

    __tablename__ = "connector_config"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str] = mapped_column(String(40))
    settings: Mapped[dict[str, Any]] = mapped_column(JSON)
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    timeout_s: Mapped[int] = mapped_column(Integer, default=120)


class DocumentOcrText(Base):
    """The text OCR read from one scan (image-only PDF or image) in a document folder.

    Personal data: kept only while the file is unchanged and searched, removed when the file
    is gone, with its connector (cascade) and by the retention purge (``ocr_cache_days``).
    ``size`` and ``mtime_ns`` tell an unchanged file without hashing it; ``sha256`` lets a copy
    or a renamed file reuse a text already read. ``status``: ready, failed (``error`` says why).
    """

    __tablename__ = "document_ocr_text"
    __table_args__ = (UniqueConstraint("connector_id", "path"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    connector_id: Mapped[int] = mapped_column(
        ForeignKey("connector_config.id", ondelete="CASCADE"), index=True
    )
    path: Mapped[str] = mapped_column(String(1000))  # relative to the connector's folder
    size: Mapped[int] = mapped_column(BigInteger)
    mtime_ns: Mapped[int] = mapped_column(BigInteger)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    status: Mapped[str] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text, default="")
    error: Mapped[str] = mapped_column(Text, default="")
    read_at: Mapped[datetime] = mapped_column(default=utcnow)
    used_at: Mapped[datetime] = mapped_column(default=utcnow)


class ConnectorRun(Base):
    """One search (or erasure/rectification execution) in one system for one case."""

    __tablename__ = "connector_run"
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id", ondelete="CASCADE"))
    system: Mapped[str] = mapped_column(String(200))
    operation: Mapped[str] = mapped_column(String(20), default="search")
    status: Mapped[str] = mapped_column(String(20))  # ok|failed|cancelled|manual_pending|reading
    error: Mapped[str] = mapped_column(Text, default="")
    findings_count: Mapped[int] = mapped_column(Integer, default=0)
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(default=None)
    actor: Mapped[str] = mapped_column(String(100), default="")


class Finding(Base):
    __tablename__ = "finding"
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id", ondelete="CASCADE"))
    run_id: Mapped[int | None] = mapped_column(
        ForeignKey("connector_run.id", ondelete="SET NULL"), default=None
    )
    system: Mapped[str] = mapped_column(String(200))
    record_id: Mapped[str] = mapped_column(String(500))
    location: Mapped[str] = mapped_column(String(500), default="")
    fields: Mapped[dict[str, Any]] = mapped_column(JSON)
    categories: Mapped[list[Any]] = mapped_column(JSON)
    field_categories: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)
    matched_kind: Mapped[str] = mapped_column(String(40))
    matched_value: Mapped[str] = mapped_column(String(300))
    strength: Mapped[str] = mapped_column(String(20))
    note: Mapped[str] = mapped_column(Text, default="")
    review: Mapped[str] = mapped_column(String(20), default=FindingReview.PENDING)
    reviewed_by: Mapped[str] = mapped_column(String(100), default="")
    reviewed_at: Mapped[datetime | None] = mapped_column(default=None)


class ChangeAction(Base):
    """One planned and (later) executed change to one record: erasure or rectification."""

    __tablename__ = "change_action"
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id", ondelete="CASCADE"))
    system: Mapped[str] = mapped_column(String(200))
    operation: Mapped[str] = mapped_column(String(20))  # erasure | rectification
    record_id: Mapped[str] = mapped_column(String(500))
    action: Mapped[str] = mapped_column(String(20))
    fields: Mapped[list[Any]] = mapped_column(JSON)
    reason: Mapped[str] = mapped_column(Text, default="")
    old_values: Mapped[dict[str, Any]] = mapped_column(JSON)
    new_values: Mapped[dict[str, Any]] = mapped_column(JSON)
    approved_by: Mapped[str] = mapped_column(String(100), default="")
    approved_at: Mapped[datetime | None] = mapped_column(default=None)
    outcome: Mapped[str] = mapped_column(String(20), default="planned")  # a ChangeOutcome
    detail: Mapped[str] = mapped_column(Text, default="")
    executed_at: Mapped[datetime | None] = mapped_column(default=None)
    # Who did it when it was done by hand (outcome removed_by_hand); "" for the connectors.
    done_by: Mapped[str] = mapped_column(String(100), default="", server_default="")
    # Why kept data is kept (outcome kept): an Art. 17(3) ground "a".."e" with the statute and
    # the event its period runs from, or "expires" (deletes itself on keep_until); "" = not said.
    keep_ground: Mapped[str] = mapped_column(String(20), default="", server_default="")
    keep_statute: Mapped[str] = mapped_column(Text, default="", server_default="")
    keep_event: Mapped[str] = mapped_column(String(200), default="", server_default="")
    keep_event_on: Mapped[date | None] = mapped_column(Date, default=None)
    keep_period: Mapped[str] = mapped_column(String(60), default="", server_default="")
    keep_until: Mapped[date | None] = mapped_column(Date, default=None)


class ManualTask(Base):
    """A check in a system without automation (paper archive); completed by hand."""

    __tablename__ = "manual_task"
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id", ondelete="CASCADE"))
    system: Mapped[str] = mapped_column(String(200))
    instructions: Mapped[str] = mapped_column(Text, default="")
    result: Mapped[str] = mapped_column(String(30), default="")  # found | not_found | done
    note: Mapped[str] = mapped_column(Text, default="")
    done_by: Mapped[str] = mapped_column(String(100), default="")
    done_at: Mapped[datetime | None] = mapped_column(default=None)


class RecipientNotice(Base):
    """Art. 19: a recipient told of a rectification, erasure or restriction."""

    __tablename__ = "recipient_notice"
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id", ondelete="CASCADE"))
    recipient: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(20))
    method: Mapped[str] = mapped_column(String(40))  # letter, e-mail, portal
    notified_on: Mapped[date] = mapped_column(Date)
    notified_by: Mapped[str] = mapped_column(String(100))


class SuppressionEntry(Base):
    """Direct-marketing objection: never mail this address again (kept beyond the case)."""

    __tablename__ = "suppression_entry"
    id: Mapped[int] = mapped_column(primary_key=True)
    email_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    email: Mapped[str] = mapped_column(String(300), default="")  # cleared when case anonymised
    added_on: Mapped[date] = mapped_column(Date)
    case_reference: Mapped[str] = mapped_column(String(30), default="")


class InboxItem(Base):
    """A file the scanner put in the hot folder, waiting for an officer ("Te registreren").

    Holds personal data (the text read from the letter): cleared when registered, purged with
    the retention rules when left. ``status``: reading, ready, failed, claimed, registered.
    ``claimed_by``/``claimed_at`` are set by a conditional update, so two officers on one
    PostgreSQL database never register the same letter twice.
    """

    __tablename__ = "inbox_item"
    __table_args__ = (UniqueConstraint("path", "sha256"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    path: Mapped[str] = mapped_column(String(1000))
    filename: Mapped[str] = mapped_column(String(300))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    arrived_at: Mapped[datetime] = mapped_column(default=utcnow)
    status: Mapped[str] = mapped_column(String(20), default="reading", index=True)
    text: Mapped[str] = mapped_column(Text, default="")
    searchable_pdf: Mapped[bytes | None] = deferred(mapped_column(LargeBinary, default=None))
    error: Mapped[str] = mapped_column(Text, default="")
    claimed_by: Mapped[str] = mapped_column(String(100), default="")
    claimed_at: Mapped[datetime | None] = mapped_column(default=None)
    case_reference: Mapped[str] = mapped_column(String(30), default="")
    registered_at: Mapped[datetime | None] = mapped_column(default=None)
