"""Payload builders of the built-in letter kinds: what each letter reports, read from the case.

The letter-kind registry (``app.letters.kinds``) names these functions as
``"app.services.letter_payloads:<name>"`` and loads this module on first use.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.calendar import next_working_day
from app.core.deadlines import add_months_1182, compute_deadlines, resumed_on
from app.core.errors import UserError
from app.core.i18n import C_, _, restored
from app.core.letter_effects import option_flag
from app.data.models import (
    Case,
    ChangeAction,
    RecipientNotice,
    SuppressionEntry,
)
from app.letters import (
    Change,
    ClarificationPayload,
    ErasedItem,
    ErasurePayload,
    ExtensionPayload,
    KeptItem,
    ObjectionPayload,
    PostalAddress,
    RecipientAction,
    RecipientNoticePayload,
    RectificationPayload,
    RefusalPayload,
)
from app.letters.kinds import PayloadRequest
from app.services.deadlines import calendar_settings, deadline_input

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
        if a.outcome in ("removed", "changed", "removed_by_hand"):
            if a.outcome == "removed":
                verb = C_("erasure outcome", "erased").render(lang)
            elif a.outcome == "changed":
                verb = C_("erasure outcome", "made unrecognisable").render(lang)
            else:
                verb = C_("erasure outcome", "removed by hand").render(lang)
            erased.append(ErasedItem(a.system, f"{what} ({verb})"))
        elif a.outcome == "kept":
            reason, detail = restored(a.reason), restored(a.detail)
            end = _end_date(reason + " " + detail, letter_date)
            if end is None:
                raise UserError(
                    _(
                        "{system}: the kept data ({what}) has no end date. Add the retention "
                        "period to the system's mapping (e.g. '7 jaar'), or write the letter "
                        "by hand.",
                        system=a.system,
                        what=what,
                    )
                )
            ground, _sep, statute = reason.partition(" (")
            kept.append(
                KeptItem(a.system, what, ground or reason, statute.rstrip(")") or reason, end)
            )
    return ErasurePayload(tuple(erased), tuple(kept), _recipients_told(session, case))


def clarification_payload(req: PayloadRequest) -> ClarificationPayload:
    return ClarificationPayload(
        what_needed=req.options.get("what_needed", ""),
        why=req.options.get("why", ""),
        id_copy_needed=option_flag(req.options, "id_copy_needed"),
    )


def extension_payload(req: PayloadRequest) -> ExtensionPayload:
    session: Session = req.session
    case: Case = req.case
    inp = deadline_input(case, calendar_settings(session))
    if case.extended_due_on is None and inp.open_pause is not None:  # as if resumed that day
        trial = replace(resumed_on(inp, req.letter_date), extension_notice_sent_on=req.letter_date)
        if (extended_if_resumed := compute_deadlines(trial).extended) is not None:
            return ExtensionPayload(
                reasons=req.options.get("reasons", "") or case.extension_reason,
                new_deadline=extended_if_resumed,
            )
    extended = case.extended_due_on or next_working_day(
        add_months_1182(case.received_on, 3)
        + timedelta(days=sum(((p.end_on or p.start_on) - p.start_on).days for p in case.pauses)),
        inp.extra_holidays,
    )
    return ExtensionPayload(
        reasons=req.options.get("reasons", "") or case.extension_reason, new_deadline=extended
    )


def rectification_payload(req: PayloadRequest) -> RectificationPayload:
    session: Session = req.session
    case: Case = req.case
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


def erasure_payload(req: PayloadRequest) -> ErasurePayload:
    return _erasure_payload(req.session, req.case, req.letter_date, req.lang)


def objection_payload(req: PayloadRequest) -> ObjectionPayload:
    session: Session = req.session
    case: Case = req.case
    options = req.options
    direct = option_flag(options, "direct_marketing", default=True)
    listed = False
    if case.requester.email:
        digest = hashlib.sha256(case.requester.email.strip().lower().encode()).hexdigest()
        listed = (
            session.scalar(select(SuppressionEntry).where(SuppressionEntry.email_sha256 == digest))
            is not None
        )
    return ObjectionPayload(
        direct_marketing=direct,
        upheld=True if direct else option_flag(options, "upheld", default=True),
        grounds=options.get("grounds", ""),
        suppression_listed=listed or (direct and not case.requester.email),
    )


def refusal_payload(req: PayloadRequest) -> RefusalPayload:
    return RefusalPayload(
        reasons=req.options.get("reasons", ""),
        manifestly_unfounded_or_excessive=option_flag(
            req.options, "manifestly_unfounded_or_excessive"
        ),
    )


def recipient_notice_payload(req: PayloadRequest) -> RecipientNoticePayload:
    options = req.options
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
