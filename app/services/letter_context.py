"""From a case to a letter context: organisation, addressee, salutation and the type's payload."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from app.core.deadlines import paused_dates
from app.core.errors import UserError
from app.core.i18n import C_, _
from app.data.models import Case
from app.letters import LetterContext, LetterLayout, Organisation, PostalAddress
from app.letters.kinds import PayloadRequest, letter_kind
from app.letters.payloads import RecipientNoticePayload
from app.services.deadlines import calendar_settings, deadline_input, refresh
from app.services.settings import normalised_layout
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
    )


def layout_of(session: Session) -> LetterLayout:
    """The letter layout with the office's adjustments from the "letter_layout" setting."""
    return layout_from_setting(read_setting(session, "letter_layout"))


def layout_from_setting(stored: dict[str, Any]) -> LetterLayout:
    base = LetterLayout()
    values = normalised_layout(stored)
    down, ref = values["address_shift_down_mm"], values["reference_row_shift_down_mm"]
    marks = values["fold_marks"]
    return replace(
        base,
        address_left_mm=values["address_left_mm"],
        address_width_mm=values["address_width_mm"],
        window_top_mm=base.window_top_mm + down,
        window_bottom_mm=base.window_bottom_mm + down,
        return_line_baseline_mm=base.return_line_baseline_mm + down,
        address_centre_mm=base.address_centre_mm + down,
        reference_label_baseline_mm=base.reference_label_baseline_mm + ref,
        reference_value_baseline_mm=base.reference_value_baseline_mm + ref,
        body_top_first_mm=base.body_top_first_mm + max(0.0, ref),
        fold_marks_mm=base.fold_marks_mm if marks else (),
        punch_mark_mm=base.punch_mark_mm if marks else None,
    )


def _addressee(case: Case, lang: str) -> PostalAddress:
    r = case.requester
    rep = case.representative
    if rep is not None and rep.street:
        # "t.a.v." / "Attn." / "z. Hd.": the line for the person at the firm, in the letter's words.
        attention = C_("address line", "Attn. {name}", name=rep.name).render(lang)
        return PostalAddress(
            name_line=rep.organisation or rep.name,
            street_line=rep.street,
            postcode=rep.postcode,
            city=rep.city,
            country=rep.country,
            extra_lines=(attention,) if rep.organisation else (),
        )
    return PostalAddress(
        name_line=r.full_name,
        street_line=r.street,
        postcode=r.postcode,
        city=r.city,
        country=r.country,
    )


def salutation_of(case: Case, lang: str) -> str:
    r = case.requester
    rep = case.representative
    if rep is not None and rep.street:
        return C_("letter", "Dear {name},", name=rep.name).render(lang)
    surname = " ".join(p for p in (r.name_prefix, r.last_name) if p)
    if r.salutation in ("heer", "mevrouw") and surname:
        # Without a first name before it, the prefix is written with a capital: "heer Van der Berg".
        formal = surname[0].upper() + surname[1:]
        if r.salutation == "heer":
            return C_("letter", "Dear Mr {name},", name=formal).render(lang)
        return C_("letter", "Dear Ms {name},", name=formal).render(lang)
    return C_("letter", "Dear {name},", name=r.full_name).render(lang)


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
        salutation=salutation_of(case, lang),
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
    )
