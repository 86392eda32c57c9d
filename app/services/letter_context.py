"""From a case to a letter context: organisation, addressee, salutation and the type's payload."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from dateutil.relativedelta import relativedelta
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.deadlines import add_months_1182
from app.core.errors import UserError
from app.core.i18n import C_, _, restored, translate
from app.data.models import (
    Case,
    ChangeAction,
    Finding,
    ProcessingActivity,
    RecipientNotice,
    SuppressionEntry,
)
from app.letters import (
    AccessPayload,
    Change,
    ClarificationPayload,
    DataRow,
    ErasedItem,
    ErasurePayload,
    ExtensionPayload,
    KeptItem,
    LetterContext,
    LetterLayout,
    LetterType,
    ObjectionPayload,
    Organisation,
    PostalAddress,
    ProcessingInfo,
    RecipientAction,
    RecipientNoticePayload,
    RectificationPayload,
    RefusalPayload,
    SystemData,
)
from app.services.deadlines import calendar_settings, deadline_input, refresh
from app.services.settings import active_organisation, normalised_layout, read_setting


def option_flag(options: Mapping[str, str], name: str, default: bool = False) -> bool:
    value = options.get(name)
    if value is None or value == "":
        return default
    return str(value).strip().lower() in ("1", "true", "yes", "ja", "on")


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


def _addressee(case: Case) -> PostalAddress:
    r = case.requester
    rep = case.representative
    if rep is not None and rep.street:
        return PostalAddress(
            name_line=rep.organisation or rep.name,
            street_line=rep.street,
            postcode=rep.postcode,
            city=rep.city,
            country=rep.country,
            extra_lines=(f"t.a.v. {rep.name}",) if rep.organisation else (),
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


_PERIOD = re.compile(r"(\d+)\s*(jaar|jaren|years?|maanden|maand|months?|dagen|dag|days?)", re.I)
_ISO = re.compile(r"\b(20\d\d-\d\d-\d\d)\b")


def _end_date(text: str, start: date) -> date | None:
    """The end of a retention named in text: an ISO date, or 'N years/months/days' from start."""
    iso = _ISO.search(text)
    if iso:
        return date.fromisoformat(iso.group(1))
    match = _PERIOD.search(text)
    if not match:
        return None
    n, unit = int(match.group(1)), match.group(2).lower()
    if unit.startswith(("jaar", "jaren", "year")):
        end: date = start + relativedelta(years=n)
    elif unit.startswith(("maand", "month")):
        end = start + relativedelta(months=n)
    else:
        end = start + timedelta(days=n)
    return end


def _access_payload(
    session: Session, case: Case, options: Mapping[str, str], lang: str
) -> AccessPayload:
    findings = session.scalars(
        select(Finding)
        .where(Finding.case_id == case.id, Finding.review == "confirmed")
        .order_by(Finding.system, Finding.id)
    ).all()
    systems: dict[str, list[DataRow]] = {}
    for f in findings:
        # Category and field names a connector gives (contact details, first seen) are in the
        # catalogues; names from a customer's own mapping file come through as they are.
        record_categories = ", ".join(translate(str(c), lang) for c in f.categories)
        per_field = f.field_categories or {}
        for field, value in f.fields.items():
            systems.setdefault(f.system, []).append(
                DataRow(
                    record=f.location or f.record_id,
                    field=translate(str(field), lang),
                    value=str(value),
                    category=translate(str(per_field[field]), lang)
                    if per_field.get(field)
                    else record_categories,
                )
            )
    found_systems = set(systems)
    activities = session.scalars(select(ProcessingActivity).order_by(ProcessingActivity.id)).all()

    def relevant(a: ProcessingActivity) -> bool:
        holders = {s.strip() for s in a.systems.splitlines() if s.strip()}
        return not found_systems or bool(holders & found_systems) or not holders

    processings = tuple(
        ProcessingInfo(
            name=a.name,
            purposes=a.purposes,
            legal_basis=a.legal_basis,
            categories=a.data_categories,
            recipients=tuple(x.strip() for x in re.split(r"[;\n]", a.recipients) if x.strip()),
            retention=a.retention,
            source=a.source,
            automated_decisions=a.automated_decisions,
            transfers=a.transfers,
        )
        for a in activities
        if relevant(a)
    )
    return AccessPayload(
        processings=processings if found_systems else (),
        data_by_system=tuple(SystemData(s, tuple(rows)) for s, rows in systems.items()),
        redactions=options.get("redactions", ""),
        no_data_found=not found_systems,
    )


def change_actions(session: Session, case: Case, operation: str) -> list[ChangeAction]:
    return list(
        session.scalars(
            select(ChangeAction)
            .where(ChangeAction.case_id == case.id, ChangeAction.operation == operation)
            .order_by(ChangeAction.system, ChangeAction.id)
        )
    )


def _recipients_told(session: Session, case: Case) -> tuple[str, ...]:
    rows = session.scalars(select(RecipientNotice).where(RecipientNotice.case_id == case.id))
    return tuple(dict.fromkeys(r.recipient for r in rows))


def _erasure_payload(session: Session, case: Case, letter_date: date, lang: str) -> ErasurePayload:
    erased, kept = [], []
    for a in change_actions(session, case, "erasure"):
        what = ", ".join(a.fields) or a.record_id
        if a.outcome in ("removed", "changed"):
            verb = "gewist" if a.outcome == "removed" else "onherkenbaar gemaakt"
            if lang != "nl":
                verb = "erased" if a.outcome == "removed" else "made unrecognisable"
            erased.append(ErasedItem(a.system, f"{what} ({verb})"))
        elif a.outcome == "kept":
            reason, detail = restored(a.reason), restored(a.detail)
            end = _end_date(reason + " " + detail, letter_date)
            if end is None:
                raise UserError(
                    _(
                        "{system}: the kept data ({what}) has no end date. Add the retention "
                        "period to "
                        "the system's mapping (e.g. '7 jaar'), or write the letter by hand.",
                        system=a.system,
                        what=what,
                    )
                )
            ground, _sep, statute = reason.partition(" (")
            kept.append(
                KeptItem(a.system, what, ground or reason, statute.rstrip(")") or reason, end)
            )
    return ErasurePayload(tuple(erased), tuple(kept), _recipients_told(session, case))


def _payload(
    session: Session,
    case: Case,
    letter_type: LetterType,
    lang: str,
    letter_date: date,
    options: Mapping[str, str],
) -> object:
    if letter_type == LetterType.ACCESS:
        return _access_payload(session, case, options, lang)
    if letter_type == LetterType.CLARIFICATION:
        return ClarificationPayload(
            what_needed=options.get("what_needed", ""),
            why=options.get("why", ""),
            id_copy_needed=option_flag(options, "id_copy_needed"),
        )
    if letter_type == LetterType.EXTENSION:
        cal = calendar_settings(session)
        inp = deadline_input(case, cal)
        from app.core.calendar import next_working_day

        extended = case.extended_due_on or next_working_day(
            add_months_1182(case.received_on, 3)
            + timedelta(
                days=sum(((p.end_on or p.start_on) - p.start_on).days for p in case.pauses)
            ),
            inp.extra_holidays,
        )
        return ExtensionPayload(
            reasons=options.get("reasons", "") or case.extension_reason, new_deadline=extended
        )
    if letter_type == LetterType.RECTIFICATION:
        changes = tuple(
            Change(
                field=f,
                old=str(a.old_values.get(f, "")),
                new=str(a.new_values.get(f, "")),
                system=a.system,
            )
            for a in change_actions(session, case, "rectification")
            if a.outcome == "changed"
            for f in a.fields
        )
        return RectificationPayload(changes, _recipients_told(session, case))
    if letter_type == LetterType.ERASURE:
        return _erasure_payload(session, case, letter_date, lang)
    if letter_type == LetterType.OBJECTION:
        direct = option_flag(options, "direct_marketing", default=True)
        listed = False
        if case.requester.email:
            import hashlib

            digest = hashlib.sha256(case.requester.email.strip().lower().encode()).hexdigest()
            listed = (
                session.scalar(
                    select(SuppressionEntry).where(SuppressionEntry.email_sha256 == digest)
                )
                is not None
            )
        return ObjectionPayload(
            direct_marketing=direct,
            upheld=True if direct else option_flag(options, "upheld", default=True),
            grounds=options.get("grounds", ""),
            suppression_listed=listed or (direct and not case.requester.email),
        )
    if letter_type == LetterType.REFUSAL:
        return RefusalPayload(
            reasons=options.get("reasons", ""),
            manifestly_unfounded_or_excessive=option_flag(
                options, "manifestly_unfounded_or_excessive"
            ),
        )
    if letter_type == LetterType.RECIPIENT_NOTICE:
        return RecipientNoticePayload(
            recipient_name=options.get("recipient_name", ""),
            recipient_address=PostalAddress(
                name_line=options.get("recipient_name", ""),
                street_line=options.get("recipient_street", ""),
                postcode=options.get("recipient_postcode", ""),
                city=options.get("recipient_city", ""),
                country=options.get("recipient_country", "NL") or "NL",
            ),
            action=RecipientAction(options.get("action", "erasure") or "erasure"),
            details=options.get("details", ""),
        )
    return None


def build_context(
    session: Session,
    case: Case,
    *,
    letter_type: LetterType,
    lang: str,
    letter_date: date,
    handled_by: str,
    options: Mapping[str, str] | None = None,
) -> LetterContext:
    options = options or {}
    deadlines = refresh(session, case)
    if deadlines.legal is None or deadlines.promise is None:
        if letter_type not in (LetterType.CLARIFICATION, LetterType.REFUSAL):
            raise UserError(
                _(
                    "Case {reference} is paused: resume the clock (record the answer) first, so "
                    "the "
                    "letter can name the right dates.",
                    reference=case.reference,
                )
            )
    legal = deadlines.legal or letter_date
    return LetterContext(
        letter_type=letter_type,
        lang=lang,
        organisation=_organisation(session),
        addressee=_addressee(case),
        salutation=salutation_of(case, lang),
        our_reference=case.reference,
        letter_date=letter_date,
        received_on=case.received_on,
        request_types=tuple(t.code for t in case.request_types),
        handled_by=handled_by,
        promise_date=deadlines.promise or legal,
        legal_deadline=legal,
        their_reference=case.their_reference or None,
        their_letter_date=case.their_letter_date,
        extended_deadline=deadlines.extended,
        payload=_payload(session, case, letter_type, lang, letter_date, options),  # type: ignore[arg-type]
    )
