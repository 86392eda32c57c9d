"""Case documents and identity checks: stored with SHA-256; ID copies deleted after the check."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import inspect
from sqlalchemy.orm import Session

from app.core.audit_chain import DELETED_DOCUMENTS
from app.core.code_words import code_word
from app.core.enums import DocumentKind, IdentityMethod, IdentityOutcome
from app.core.errors import NotFoundError, ValidationError
from app.core.i18n import P_, _, join
from app.core.validation import check_attachment, text_problem
from app.data.database import Database
from app.data.models import Case, Document, IdentityCheck
from app.services import audit, audit_chain
from app.services.field_limits import DOCUMENT_TYPE_LIMIT
from app.services.lookup import case_by_reference
from app.services.stored_settings import read_setting


@dataclass(frozen=True)
class ScanFile:
    """A letter's file, read and checked: what is stored as a case's scan."""

    content: bytes
    media_type: str
    filename: str


def read_checked_file(path: Path, *, max_mb: int) -> tuple[bytes, str]:
    media_type = check_attachment(path, max_mb=max_mb)
    return path.read_bytes(), media_type


def new_document(
    *,
    content: bytes,
    filename: str,
    media_type: str,
    kind: DocumentKind,
    actor: str,
    masked: bool = False,
    final: bool = True,
) -> Document:
    return Document(
        kind=kind.value,
        filename=filename,
        media_type=media_type,
        sha256=hashlib.sha256(content).hexdigest(),
        size=len(content),
        content=content,
        masked=masked,
        final=final,
        delete_after_check=kind == DocumentKind.ID_COPY,
        created_by=actor,
    )


def add_document(
    db: Database,
    *,
    actor: str,
    reference: str,
    path: Path,
    kind: DocumentKind = DocumentKind.SCAN,
    masked: bool = False,
    authorisation_dated: date | None = None,
) -> int:
    """Attach a file (checked for size and type before it is read). Returns the document id.

    ``authorisation_dated`` (an authorisation only) is the date the machtiging bears; letters
    to the representative then say "uw machtiging van [datum]".
    """
    if authorisation_dated is not None:
        if kind != DocumentKind.AUTHORISATION:
            raise ValidationError(
                {"dated": _("Only an authorisation (machtiging) has a date to record here.")}
            )
        if authorisation_dated > date.today() or authorisation_dated.year < 1900:
            raise ValidationError(
                {
                    "dated": _(
                        "The authorisation's date cannot be in the future: enter the date "
                        "written on it."
                    )
                }
            )
    if kind == DocumentKind.ID_COPY and not masked:
        raise ValidationError(
            {
                "masked": _(
                    "An ID copy may only be kept masked: black out the BSN and the photo, then "
                    "confirm that it is masked."
                )
            }
        )
    with db.session() as session:
        case = case_by_reference(session, reference)
        max_mb = int(read_setting(session, "attachments").get("max_mb", 50))
        content, media_type = read_checked_file(path, max_mb=max_mb)
        doc = store_document(
            session,
            case=case,
            actor=actor,
            content=content,
            filename=path.name,
            media_type=media_type,
            kind=kind,
            masked=masked,
        )
        rep = case.representative
        if authorisation_dated is not None and rep is None:
            raise ValidationError(
                {"dated": _("This case has no representative whose authorisation this is.")}
            )
        if kind == DocumentKind.AUTHORISATION and rep is not None:
            if authorisation_dated is not None:
                before = rep.authorisation_dated
                rep.authorisation_document_id = doc.id
                rep.authorisation_dated = authorisation_dated
                audit.record(
                    session,
                    case=case,
                    actor=actor,
                    action="authorisation_received",
                    summary=_(
                        "Authorisation (machtiging) of the representative received, dated {date}",
                        date=authorisation_dated,
                    ),
                    before={"authorisation_dated": before.isoformat() if before else None},
                    after={
                        "document_id": doc.id,
                        "sha256": doc.sha256,
                        "authorisation_dated": authorisation_dated.isoformat(),
                    },
                )
            elif rep.authorisation_document_id is None:
                rep.authorisation_document_id = doc.id
                audit.record(
                    session,
                    case=case,
                    actor=actor,
                    action="authorisation_received",
                    summary=_("Authorisation (machtiging) of the representative received"),
                    after={"document_id": doc.id, "sha256": doc.sha256},
                )
        return doc.id


def store_document(
    session: Session,
    *,
    case: Case,
    actor: str,
    content: bytes,
    filename: str,
    media_type: str,
    kind: DocumentKind,
    masked: bool = False,
) -> Document:
    """Store bytes as a final document with its SHA-256 and audit it (caller's transaction)."""
    doc = new_document(
        content=content,
        filename=filename,
        media_type=media_type,
        kind=kind,
        actor=actor,
        masked=masked,
    )
    if "documents" in inspect(case).unloaded:
        # Appending would first load every document of the case, with its content.
        doc.case_id = case.id
        session.add(doc)
    else:
        case.documents.append(doc)
    session.flush()
    audit.record(
        session,
        case=case,
        actor=actor,
        action="document_added",
        summary=_(
            "{kind} '{filename}' stored ({size} bytes)",
            kind=code_word("document", kind.value),
            filename=filename,
            size=doc.size,
        ),
        after={"document_id": doc.id, "sha256": doc.sha256, "kind": kind.value},
    )
    return doc


def store_searchable_pdf(
    session: Session, *, case: Case, actor: str, scan_sha256: str, content: bytes, filename: str
) -> Document | None:
    """The searchable PDF OCR made of a stored scan: a new document linked to the scan.

    The scan keeps the SHA-256 it had on receipt; the searchable PDF has its own.
    """
    from sqlalchemy import select

    original = session.scalar(
        select(Document)
        .where(Document.case_id == case.id, Document.sha256 == scan_sha256)
        .order_by(Document.id.desc())
        .limit(1)
    )
    if original is None:
        return None
    doc = store_document(
        session,
        case=case,
        actor=actor,
        content=content,
        filename=filename,
        media_type="application/pdf",
        kind=DocumentKind.SCAN,
    )
    doc.derived_from_id = original.id
    audit.record(
        session,
        case=case,
        actor=actor,
        action="searchable_pdf_made",
        summary=_(
            "Searchable PDF of scan {id} made by OCR and stored as document {new}",
            id=original.id,
            new=doc.id,
        ),
        after={"document_id": doc.id, "derived_from": original.id, "sha256": doc.sha256},
    )
    session.flush()
    return doc


def document_content(db: Database, *, document_id: int) -> tuple[str, str, bytes]:
    """(filename, media type, bytes) of a stored document."""
    with db.session() as session:
        doc = session.get(Document, document_id)
        if doc is None or doc.content is None:
            raise NotFoundError(_("That document no longer exists (it may have been deleted)."))
        return doc.filename, doc.media_type, doc.content


def record_identity_check(
    db: Database,
    *,
    actor: str,
    reference: str,
    method: IdentityMethod,
    outcome: IdentityOutcome,
    checked_on: date,
    document_type: str = "",
    note: str = "",
    today: date | None = None,
) -> int:
    """Record how identity was checked; deletes any ID copy of the case (DOMAIN.md §4).

    Returns the number of ID copies deleted.
    """
    today = today or date.today()
    if checked_on > today:
        raise ValidationError({"checked_on": _("The check cannot be in the future.")})
    for name, value, limit in (
        ("document_type", document_type, DOCUMENT_TYPE_LIMIT),
        ("note", note, None),
    ):
        problem = text_problem(value, limit=limit, multiline=name == "note")
        if problem is not None:
            raise ValidationError({name: problem})
    if method == IdentityMethod.ID_DOCUMENT_SEEN and not document_type.strip():
        raise ValidationError({"document_type": _("Say which document was seen (e.g. passport).")})
    with db.session() as session:
        case = case_by_reference(session, reference)
        case.identity_checks.append(
            IdentityCheck(
                method=method.value,
                outcome=outcome.value,
                checked_on=checked_on,
                checked_by=actor,
                document_type=document_type.strip(),
                note=note.strip(),
            )
        )
        removed = []
        for doc in case.documents:
            if doc.delete_after_check and doc.deleted_at is None:
                doc.content = None
                doc.deleted_at = datetime.now(UTC)
                doc.deleted_reason = "ID copy deleted after the identity check"
                removed.append(doc)
        deleted = len(removed)
        audit.record(
            session,
            case=case,
            actor=actor,
            action="identity_checked",
            # A message with the codes: English as before, the words in a Dutch or German dossier.
            summary=join(
                [
                    _(
                        "Identity {outcome} by {method}",
                        outcome=code_word("id_outcome", outcome.value),
                        method=code_word("id_method", method.value),
                    ),
                    P_("{n} ID copy deleted", "{n} ID copies deleted", deleted) if deleted else "",
                ],
                "; ",
            ),
            after={
                "method": method.value,
                "outcome": outcome.value,
                "checked_on": checked_on,
                "document_type": document_type.strip(),
                "id_copies_deleted": deleted,
                DELETED_DOCUMENTS: audit_chain.deleted_documents(removed),
            },
        )
        return deleted
