"""From a case to a letter context: organisation, addressee, salutation and the type's payload."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from app.core.deadlines import paused_dates
from app.core.errors import UserError
from app.core.i18n import C_, _
from app.data.models import Case, Document
from app.letters import LetterContext, LetterLayout, Organisation, PostalAddress
from app.letters.context import Representation
from app.letters.kinds import PayloadRequest, letter_kind
from app.letters.payloads import RecipientNoticePayload
from app.letters.salutation import (
    SALUTATION_NEUTRAL,
    NameParts,
    RepresentativeName,
    salutation_for,
)
from app.services.deadlines import calendar_settings, deadline_input, refresh
from app.services.settings import (
    dpo_registered_in,
    normalised_layout,
    stored_layout_problem,
)
from app.services.stored_settings import active_organisation, read_setting


def _organisation(session: Session) -> Organisation:
    org = active_organisation(session)
    return Organisation(
        name=org.name,
        street=org.street,
        postcode=org.postcode,
        city=org.city,
        country=org.country,
        visiting_address=org.visiting_address,
        phone=org.phone,
        email=org.email,
        website=org.website,
        kvk_number=org.kvk_number,
        return_line=org.return_line,
        signatory_name=org.signatory_name,
        signatory_function=org.signatory_function,
        logo_path=org.logo_path,
        department=org.department_line,
        dpo_registered=dpo_registered_in(session),
    )


def layout_of(session: Session) -> LetterLayout:
    """The letter layout with the office's adjustments from the "letter_layout" setting."""
    return layout_from_setting(read_setting(session, "letter_layout"))


def layout_from_setting(stored: dict[str, Any]) -> LetterLayout:
    """The layout from a stored setting, re-checked against the fold rule: offsets stored before
    that rule existed would otherwise put text on the fold unnoticed (UserError names the fix)."""
    problem = stored_layout_problem(stored)
    if problem is not None:
        raise UserError(problem)
    return LetterLayout().with_offsets(**normalised_layout(stored))


def _writes_to_representative(case: Case) -> bool:
    rep = case.representative
    return rep is not None and bool(rep.street.strip())


def _person(case: Case) -> NameParts:
    r = case.requester
    return NameParts(r.salutation, r.initials, r.first_name, r.name_prefix, r.last_name)


def _addressee(case: Case, lang: str = "nl") -> PostalAddress:
    r = case.requester
    rep = case.representative
    if rep is not None and _writes_to_representative(case):
        name = RepresentativeName(rep.name).display(lang)
        return PostalAddress(
            name_line=rep.organisation or name,
            street_line=rep.street,
            postcode=rep.postcode,
            city=rep.city,
            country=rep.country,
            extra_lines=(
                (C_("address line", "Attn. {name}", name=name).render(lang),)
                if rep.organisation
                else ()
            ),
        )
    return PostalAddress(
        name_line=r.full_name,
        street_line=r.street,
        postcode=r.postcode,
        city=r.city,
        country=r.country,
    )


def salutation_of(case: Case, lang: str, without_title: str = SALUTATION_NEUTRAL) -> str:
    """The greeting: the representative when we write to one, else the person."""
    rep = case.representative
    if rep is not None and _writes_to_representative(case):
        return RepresentativeName(rep.name).salutation(lang)
    return salutation_for(_person(case), lang, without_title)


def _representation(session: Session, case: Case, lang: str) -> Representation | None:
    rep = case.representative
    if rep is None or not _writes_to_representative(case):
        return None
    received: date | None = None
    if rep.authorisation_document_id is not None:
        doc = session.get(Document, rep.authorisation_document_id)
        if doc is not None and doc.deleted_at is None:
            received = doc.created_at.date()
    person = _person(case)
    return Representation(
        client_name=person.formal_name(lang) or case.requester.full_name,
        client_gender=person.gender,
        representative_name=RepresentativeName(rep.name).display(lang),
        authorisation_received=received,
        authorisation_dated=rep.authorisation_dated if received is not None else None,
    )


def build_context(
    session: Session,
    case: Case,
    *,
    letter_type: str,
    lang: str,
    letter_date: date,
    handled_by: str,
    options: Mapping[str, str] | None = None,
) -> LetterContext:
    options = options or {}
    kind = letter_kind(letter_type)
    deadlines = refresh(session, case)
    if deadlines.legal is None or deadlines.promise is None:
        # Paused: the dates as if the clock resumed on the letter date (they can only be later).
        pause = paused_dates(deadline_input(case, calendar_settings(session)), letter_date)
        deadlines = deadlines if pause is None else pause.resumed
        if not kind.allowed_while_paused:
            raise UserError(
                _(
                    "Case {reference} is paused: resume the clock (record the answer) first, "
                    "so the letter can name the right dates.",
                    reference=case.reference,
                )
            )
    legal = deadlines.legal or letter_date
    builder = kind.payload_builder()
    payload = (
        None
        if builder is None
        else builder(PayloadRequest(session, case, lang, letter_date, dict(options)))
    )
    # An Art. 19 notice goes to a company that never wrote to us: no "your letter of" row.
    theirs = not isinstance(payload, RecipientNoticePayload)
    return LetterContext(
        letter_type=letter_type,
        lang=lang,
        organisation=_organisation(session),
        addressee=_addressee(case, lang),
        salutation=salutation_of(
            case,
            lang,
            str(read_setting(session, "letter_salutation").get("without_title", "neutral")),
        ),
        our_reference=case.reference,
        letter_date=letter_date,
        received_on=case.received_on,
        request_types=tuple(t.code for t in case.request_types),
        handled_by=handled_by,
        promise_date=deadlines.promise or legal,
        legal_deadline=legal,
        their_reference=(case.their_reference or None) if theirs else None,
        their_letter_date=case.their_letter_date if theirs else None,
        extended_deadline=deadlines.extended,
        payload=payload,
        representation=_representation(session, case, lang),
        subject_country=case.requester.country or "NL",
        data_subject_name=case.requester.full_name,
    )
