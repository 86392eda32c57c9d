"""Payload builders of the built-in letter kinds: what each letter reports, read from the case.

The letter-kind registry (``app.letters.kinds``) names these functions as
``"app.services.letter_payloads:<name>"`` and loads this module on first use.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.calendar import next_working_day
from app.core.deadlines import add_months_1182, compute_deadlines, resumed_on
from app.core.enums import ChangeOutcome
from app.core.errors import UserError, ValidationError
from app.core.i18n import P_, _
from app.core.kept_data import EXPIRES
from app.core.letter_effects import option_flag
from app.core.outcomes import GRANTED, PARTLY_REFUSED
from app.core.retention import parse_rules, retention_end, rule_for
from app.data.models import (
    Case,
    ChangeAction,
    ConnectorConfig,
    ProcessingActivity,
    ProcessingSystem,
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
from app.letters.fills import readable_field
from app.letters.kinds import PayloadRequest
from app.letters.payloads import ExpiringItem, FeeOrRefuse, ObjectionErasure
from app.services.deadlines import calendar_settings, deadline_input
from app.services.stored_settings import read_setting


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


def _what(actions: list[ChangeAction], lang: str) -> str:
    """The fields of some records of one system in words ("e-mailadres, telefoonnummer")."""
    fields = dict.fromkeys(readable_field(str(f), lang) for a in actions for f in a.fields)
    if fields:
        return ", ".join(fields)
    return P_("{n} record", "{n} records", len({a.record_id for a in actions})).render(lang)


def _by_system(actions: list[ChangeAction]) -> dict[str, list[ChangeAction]]:
    grouped: dict[str, list[ChangeAction]] = {}
    for a in actions:
        grouped.setdefault(a.system, []).append(a)
    return grouped


def _file_kept_until(session: Session, outcome: str, letter_date: date) -> date | None:
    """The request file's own retention date, if the retention setting is there."""
    try:
        rule = rule_for(outcome, parse_rules(read_setting(session, "retention")))
    except UserError:
        return None
    return retention_end(letter_date, rule.months)


def _erasure_payload(session: Session, case: Case, letter_date: date, lang: str) -> ErasurePayload:
    actions = change_actions(session, case, "erasure")
    undecided = [a for a in actions if a.outcome == ChangeOutcome.KEPT and not a.keep_ground]
    if undecided:
        systems = ", ".join(dict.fromkeys(a.system for a in undecided))
        raise UserError(
            _(
                "Say why the data kept in {systems} is kept: an exception of Art. 17(3) GDPR "
                "with the statute and the event its period runs from, or the date it deletes "
                "itself; or record it as removed by hand (`case erase {reference} keep` or "
                "`case erase {reference} by-hand`).",
                systems=systems,
                reference=case.reference,
            )
        )
    erased = [
        ErasedItem(system, _what(rows, lang))
        for system, rows in _by_system(
            [a for a in actions if a.outcome in (ChangeOutcome.REMOVED, ChangeOutcome.CHANGED)]
        ).items()
    ]
    by_hand = [
        ErasedItem(system, _what(rows, lang))
        for system, rows in _by_system(
            [a for a in actions if a.outcome == ChangeOutcome.REMOVED_BY_HAND]
        ).items()
    ]
    kept: list[KeptItem] = []
    expiring: list[ExpiringItem] = []
    groups: dict[tuple[object, ...], list[ChangeAction]] = {}
    for a in actions:
        if a.outcome == ChangeOutcome.KEPT:
            key = (a.system, a.keep_ground, a.keep_statute, a.keep_event, a.keep_event_on)
            groups.setdefault((*key, a.keep_period, a.keep_until), []).append(a)
    for rows in groups.values():
        first = rows[0]
        until = first.keep_until or letter_date  # set together with keep_ground
        if first.keep_ground == EXPIRES:
            expiring.append(ExpiringItem(first.system, _what(rows, lang), until))
        else:
            kept.append(
                KeptItem(
                    system=first.system,
                    description=_what(rows, lang),
                    ground_art17_3=first.keep_ground,
                    statute=first.keep_statute,
                    end_date=until,
                    event=first.keep_event,
                    event_on=first.keep_event_on,
                    period=first.keep_period,
                )
            )
    return ErasurePayload(
        erased=tuple(erased),
        kept=tuple(kept),
        recipients_told=_recipients_told(session, case),
        erased_by_hand=tuple(by_hand),
        expiring=tuple(expiring),
        file_kept_until=_file_kept_until(session, PARTLY_REFUSED if kept else GRANTED, letter_date),
    )


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


_NO_RECIPIENT = frozenset({"", "-", "geen", "none", "keine", "n.v.t.", "n/a"})


def register_recipients(session: Session, systems: set[str]) -> tuple[str, ...]:
    """The recipients the register names for the processings held in ``systems`` (the changed
    systems' names), through the register's links to those systems by id."""
    names: dict[str, None] = {}
    linked = (
        select(ProcessingActivity)
        .join(ProcessingSystem, ProcessingSystem.processing_id == ProcessingActivity.id)
        .join(ConnectorConfig, ConnectorConfig.id == ProcessingSystem.connector_id)
        .where(ConnectorConfig.name.in_(sorted(systems)))
        .order_by(ProcessingActivity.id)
        .distinct()
    )
    for activity in session.scalars(linked):
        for name in re.split(r"[;\n]", activity.recipients):
            if name.strip().strip(".").lower() not in _NO_RECIPIENT:
                names[" ".join(name.split())] = None
    return tuple(names)


def rectification_payload(req: PayloadRequest) -> RectificationPayload:
    session: Session = req.session
    case: Case = req.case
    done = [a for a in change_actions(session, case, "rectification") if a.outcome == "changed"]
    changes = tuple(
        Change(
            field=str(f),
            old=str(a.old_values.get(f, "")),
            new=str(a.new_values.get(f, "")),
            system=a.system,
        )
        for a in done
        for f in a.fields
    )
    told = _recipients_told(session, case)
    registered = register_recipients(session, {a.system for a in done})
    return RectificationPayload(
        changes,
        recipients_told=told,
        recipients_to_tell=tuple(r for r in registered if r not in told),
        no_recipients_confirmed=option_flag(req.options, "no_recipients"),
    )


def erasure_payload(req: PayloadRequest) -> ErasurePayload:
    return _erasure_payload(req.session, req.case, req.letter_date, req.lang)


def _processing(session: Session, name: str) -> ProcessingActivity | None:
    if not name.strip():
        return None
    found = session.scalar(
        select(ProcessingActivity).where(ProcessingActivity.name == name.strip())
    )
    if found is None:
        known = ", ".join(session.scalars(select(ProcessingActivity.name)).all())
        raise ValidationError(
            {
                "processing": _(
                    "There is no processing '{name}' in the register. Choose one of: {known}.",
                    name=name.strip(),
                    known=known or "-",
                )
            }
        )
    return found


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
    activity = _processing(session, options.get("processing", ""))
    erasure = options.get("erasure", "") or ""
    try:
        chosen = ObjectionErasure(erasure) if erasure else None
    except ValueError:
        raise ValidationError(
            {"erasure": _("Choose 'erase' or 'keep' for the data used for the processing.")}
        ) from None
    return ObjectionPayload(
        direct_marketing=direct,
        upheld=True if direct else option_flag(options, "upheld", default=True),
        grounds=options.get("grounds", ""),
        suppression_listed=listed or (direct and not case.requester.email),
        processing=activity.name if activity is not None else "",
        legal_basis=activity.legal_basis if activity is not None else "",
        stopped=options.get("stopped", ""),
        erasure=chosen,
        restricted=option_flag(options, "restricted", default=True),
    )


def refusal_payload(req: PayloadRequest) -> RefusalPayload:
    options = req.options
    try:
        choice = FeeOrRefuse(options.get("fee_or_refuse", "") or FeeOrRefuse.REFUSE.value)
    except ValueError:
        raise ValidationError({"fee_or_refuse": _("Choose 'refuse' or 'fee'.")}) from None
    fee: Decimal | None = None
    raw = (options.get("fee_eur", "") or "").replace("€", "").strip().replace(",", ".")
    if raw:
        try:
            fee = Decimal(raw)
        except InvalidOperation:
            raise ValidationError(
                {"fee_eur": _("Enter the fee as an amount in euros, e.g. 25 or 12,50.")}
            ) from None
    return RefusalPayload(
        reasons=options.get("reasons", ""),
        manifestly_unfounded_or_excessive=option_flag(options, "manifestly_unfounded_or_excessive"),
        fee_or_refuse=choice,
        fee_eur=fee,
        art41_interest=(options.get("art41_interest", "") or "").strip().lower(),
        necessity=options.get("necessity", ""),
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
        processor=option_flag(options, "processor"),
        subject_name=req.case.requester.full_name,
    )
