"""What is attached to a case after intake: notes, links to other cases, search identifiers."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from sqlalchemy import select

from app.core.enums import IdentifierKind
from app.core.errors import StaleDataError, UserError, ValidationError
from app.core.i18n import _
from app.core.validation import normalise_identifiers, text_problem
from app.data.database import Database
from app.data.models import CaseLink, Note, RequesterIdentifier
from app.services import audit
from app.services.field_limits import NOTE_LIMIT
from app.services.lookup import case_by_reference

POSSIBLE_DUPLICATE = "possible_duplicate_of"  # set by the intake (app.services.reminders)


def add_note(db: Database, *, actor: str, reference: str, text: str) -> None:
    if not text.strip():
        raise ValidationError({"note": _("The note is empty.")})
    problem = text_problem(text, limit=NOTE_LIMIT, multiline=True)
    if problem is not None:
        raise ValidationError({"note": problem})
    with db.session() as session:
        case = case_by_reference(session, reference)
        case.notes.append(Note(author=actor, text=text.strip()))
        audit.record(
            session, case=case, actor=actor, action="note_added", summary=text.strip()[:200]
        )


LINK_RELATIONS = ("reminder_of", "related")


def link_cases(
    db: Database, *, actor: str, reference: str, other_reference: str, relation: str = "related"
) -> None:
    """Link e.g. a reminder (herinnering) to the earlier request it refers to."""
    if relation not in LINK_RELATIONS:
        raise ValidationError({"relation": _("Choose 'reminder_of' or 'related'.")})
    with db.session() as session:
        case = case_by_reference(session, reference)
        other = case_by_reference(session, other_reference)
        if case.id == other.id:
            raise ValidationError({"other_reference": _("A case cannot be linked to itself.")})
        between = ((CaseLink.case_id == case.id) & (CaseLink.other_case_id == other.id)) | (
            (CaseLink.case_id == other.id) & (CaseLink.other_case_id == case.id)
        )
        links = list(session.scalars(select(CaseLink).where(between)))
        # The intake's automatic "possible duplicate" flag gives way to the officer's own link.
        for flagged in [link for link in links if link.relation == POSSIBLE_DUPLICATE]:
            session.delete(flagged)
            links.remove(flagged)
        exists = links[0].id if links else None
        if exists is not None:
            raise UserError(
                _(
                    "{reference} and {reference2} are already linked.",
                    reference=case.reference,
                    reference2=other.reference,
                )
            )
        session.add(CaseLink(case_id=case.id, other_case_id=other.id, relation=relation))
        audit.record(
            session,
            case=case,
            actor=actor,
            action="case_linked",
            summary=_(
                "Linked to {reference} ({relation})", reference=other.reference, relation=relation
            ),
            after={"other": other.reference, "relation": relation},
        )
        audit.record(
            session,
            case=other,
            actor=actor,
            action="case_linked",
            summary=_(
                "{reference} linked to this case ({relation})",
                reference=case.reference,
                relation=relation,
            ),
            after={"other": case.reference, "relation": relation},
        )


def set_identifiers(
    db: Database,
    *,
    actor: str,
    reference: str,
    identifiers: Sequence[tuple[IdentifierKind, str]],
    expected_version: int | None = None,
) -> int:
    """Replace the identifiers the systems are searched by; returns the case's version.

    All values are checked at once (errors keyed ``identifier_<position>``); doubles are
    dropped. The audit names the kinds, not the values: the trail outlives the person's data.
    """
    cleaned = normalise_identifiers(list(identifiers))
    with db.session() as session:
        case = case_by_reference(session, reference)
        if expected_version is not None and case.version != expected_version:
            raise StaleDataError(
                _(
                    "Case {reference} was changed meanwhile. Reload it and try again.",
                    reference=case.reference,
                )
            )
        before = [(i.kind, i.value) for i in case.requester.identifiers]
        after = [(k.value, v) for k, v in cleaned]
        if before == after:
            return case.version
        case.requester.identifiers = [RequesterIdentifier(kind=k, value=v) for k, v in after]
        case.updated_at = datetime.now(UTC)  # the search input changed: a new version
        audit.record(
            session,
            case=case,
            actor=actor,
            action="identifiers_changed",
            summary=_("Identifiers changed"),
            before={"identifiers": [k for k, _ in before]},
            after={"identifiers": [k for k, _ in after]},
        )
        session.flush()
        return case.version
