"""The values and flags each built-in letter kind adds to its template, from its payload."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from app.core.deadlines import check_within_first_month
from app.core.errors import UserError, ValidationError
from app.core.i18n import C_, N_, P_, Labels, _, format_number, translate
from app.core.kept_data import event_label, parse_period
from app.core.legal_basis import objection_can_be_refused
from app.letters.formatting import format_date, format_eur
from app.letters.payloads import (
    ART41_INTERESTS,
    AccessPayload,
    Art17Ground,
    ClarificationPayload,
    ErasurePayload,
    ExpiringItem,
    ExtensionPayload,
    FeeOrRefuse,
    KeptItem,
    ObjectionErasure,
    ObjectionPayload,
    RecipientAction,
    RecipientNoticePayload,
    RectificationPayload,
    RefusalPayload,
)

if TYPE_CHECKING:
    from app.letters.context import LetterContext

Values = dict[str, str | None]
Flags = dict[str, bool]

_ART17_GROUND: Labels[str] = Labels(
    {
        Art17Ground.FREEDOM_OF_EXPRESSION: C_("letter", "freedom of expression and information"),
        Art17Ground.LEGAL_OBLIGATION: C_("letter", "compliance with a legal obligation"),
        Art17Ground.PUBLIC_HEALTH: C_("letter", "public interest in the area of public health"),
        Art17Ground.ARCHIVING_RESEARCH: C_(
            "letter",
            "archiving in the public interest, scientific or historical research or statistics",
        ),
        Art17Ground.LEGAL_CLAIMS: C_(
            "letter", "the establishment, exercise or defence of legal claims"
        ),
    }
)
_ACTION_DONE: Labels[RecipientAction] = Labels(
    {
        RecipientAction.RECTIFICATION: C_("recipient action done", "rectified"),
        RecipientAction.ERASURE: C_("recipient action done", "erased"),
        RecipientAction.RESTRICTION: C_("recipient action done", "restricted"),
    }
)
_ACTION_NOUN: Labels[RecipientAction] = Labels(
    {
        RecipientAction.RECTIFICATION: C_("recipient action", "rectification"),
        RecipientAction.ERASURE: C_("recipient action", "erasure"),
        RecipientAction.RESTRICTION: C_("recipient action", "restriction of processing"),
    }
)


# Column names a source system commonly uses, as words a person understands (then translated).
_COLUMN_WORDS: dict[str, str] = {
    "email": N_("e-mail address"),
    "e_mail": N_("e-mail address"),
    "mail": N_("e-mail address"),
    "phone": N_("phone number"),
    "telephone": N_("phone number"),
    "first_name": N_("first name"),
    "last_name": N_("last name"),
    "name": N_("name"),
    "street": N_("street"),
    "postcode": N_("postcode"),
    "zip": N_("postcode"),
    "city": N_("city"),
    "subscribed_on": N_("date of subscription"),
    "subject": N_("subject"),
    "date": N_("date"),
    "from": N_("sender"),
    "to": N_("addressee"),
    "snippet": N_("text"),
}


def readable_field(name: str, lang: str) -> str:
    """A field or column name as words in ``lang`` ("first_name" -> "voornaam"), never code."""
    key = name.strip()
    words = _COLUMN_WORDS.get(key.lower(), key.replace("_", " "))
    return translate(words, lang)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _bullets(items: Iterable[str]) -> str:
    return "\n".join(f"- {_one_line(item)}" for item in items if item.strip())


def ground_label(ground: str, lang: str) -> str:
    """An Art. 17(3) code ("b") as words with the article, or free text unchanged."""
    code = ground.strip().lower().removeprefix("art. 17(3)").strip(" ()")
    labels = _ART17_GROUND[lang]
    if code in labels:
        return C_(
            "letter", "Article 17(3)({code}) GDPR ({label})", code=code, label=labels[code]
        ).render(lang)
    return _one_line(ground)


def period_words(period: str, lang: str) -> str:
    """'7 years' / '90 dagen' in the letter's language ("7 jaar", "90 days")."""
    parsed = parse_period(period)
    if parsed.months and parsed.months % 12 == 0 and not parsed.days:
        n = parsed.months // 12
        return P_("{n} year", "{n} years", n).render(lang)
    if parsed.months and not parsed.days:
        return P_("{n} month", "{n} months", parsed.months).render(lang)
    return P_("{n} day", "{n} days", parsed.days).render(lang)


def _kept_line(item: KeptItem, lang: str) -> str:
    end = format_date(item.end_date, lang)
    ground = ground_label(item.ground_art17_3, lang)
    if item.event and item.event_on is not None and item.period:
        return C_(
            "letter",
            "{system}: {description}. We keep this until {end}: {period} after {event} "
            "({event_on}). Exception: {ground}. Law: {statute}.",
            system=item.system,
            description=item.description,
            ground=ground,
            statute=item.statute,
            period=period_words(item.period, lang),
            event=event_label(item.event, lang),
            event_on=format_date(item.event_on, lang),
            end=end,
        ).render(lang)
    return C_(
        "letter",
        "{system}: {description}. Exception: {ground}. Statutory rule: {statute}. We will erase "
        "this data by {end} at the latest.",
        system=item.system,
        description=item.description,
        ground=ground,
        statute=item.statute,
        end=end,
    ).render(lang)


def _expiring_line(item: ExpiringItem, lang: str) -> str:
    return C_(
        "letter",
        "{system}: {description} (deleted automatically on {date}).",
        system=item.system,
        description=item.description,
        date=format_date(item.expires_on, lang),
    ).render(lang)


def fill_clarification(
    ctx: LetterContext, p: ClarificationPayload, values: Values, flags: Flags
) -> None:
    values["what_needed"] = p.what_needed.strip()
    values["why"] = p.why.strip()
    flags["id_copy_needed"] = p.id_copy_needed
    # BSN and the KopieID app are Dutch: advice about them is for Dutch residents only.
    dutch = flags.get("dutch_resident", True)
    flags["id_copy_dutch"] = p.id_copy_needed and dutch
    flags["id_copy_abroad"] = p.id_copy_needed and not dutch
    flags["no_id_copy_dutch"] = not p.id_copy_needed and dutch
    flags["no_id_copy_abroad"] = not p.id_copy_needed and not dutch


def fill_extension(ctx: LetterContext, p: ExtensionPayload, values: Values, flags: Flags) -> None:
    check_within_first_month(ctx.letter_date, ctx.legal_deadline)
    values["reasons"] = p.reasons.strip()
    values["new_deadline"] = format_date(p.new_deadline, ctx.lang)


def fill_access(ctx: LetterContext, p: AccessPayload, values: Values, flags: Flags) -> None:
    has_data = not p.no_data_found
    if has_data and not p.data_by_system and not p.processings:
        raise UserError(
            _(
                "The access answer has no data and no processings. Confirm the findings first, or "
                "mark the answer as 'no data found'."
            )
        )
    if not has_data and p.data_by_system:
        raise UserError(
            _(
                "The answer says 'no data found' but data rows are attached. Remove the rows or "
                "clear 'no data found'."
            )
        )
    values["processing_list"] = _bullets(f"{proc.name}: {proc.purposes}" for proc in p.processings)
    values["system_list"] = _bullets(
        f"{sd.system} ({len(sd.rows)})" for sd in p.data_by_system if sd.rows
    )
    values["redactions"] = _one_line(p.redactions)
    values["log_lines"] = format_number(p.log_line_count, ctx.lang)
    flags["no_data"] = not has_data
    flags["has_processings"] = bool(p.processings)
    # Only when something was withheld: then it is a partial refusal (EDPB 01/2022 §193).
    flags["has_redactions"] = p.partly_refused or bool(p.redactions.strip())
    flags["has_redaction_note"] = bool(p.redactions.strip())
    flags["log_appendix"] = p.log_appendix


def fill_rectification(
    ctx: LetterContext, p: RectificationPayload, values: Values, flags: Flags
) -> None:
    if not p.changes:
        raise UserError(_("There are no changes to report. Carry out the rectification first."))
    if p.no_recipients_confirmed and (p.recipients_told or p.recipients_to_tell):
        raise UserError(
            _(
                "You confirmed that the data went to no one, but these recipients are known: "
                "{names}. Clear the confirmation, or correct the register.",
                names=", ".join((*p.recipients_told, *p.recipients_to_tell)),
            )
        )
    if not p.no_recipients_confirmed and not p.recipients_told and not p.recipients_to_tell:
        raise ValidationError(
            {
                "no_recipients": _(
                    "Say whether these data went to anyone (Art. 19): confirm that they went to "
                    "no one, or name the recipients in the register for this system."
                )
            }
        )
    empty = C_("letter", "(empty)").render(ctx.lang)
    values["changes_list"] = _bullets(
        C_(
            "letter",
            "{field} in {system}: {old} → {new}",
            field=readable_field(c.field, ctx.lang),
            system=c.system,
            old=_one_line(c.old) or empty,
            new=_one_line(c.new) or empty,
        ).render(ctx.lang)
        for c in p.changes
    )
    values["recipients_list"] = _bullets(p.recipients_told)
    values["recipients_to_tell_list"] = _bullets(p.recipients_to_tell)
    flags["has_recipients"] = bool(p.recipients_told)
    flags["has_recipients_to_tell"] = bool(p.recipients_to_tell)
    flags["no_recipients"] = p.no_recipients_confirmed


def fill_erasure(ctx: LetterContext, p: ErasurePayload, values: Values, flags: Flags) -> None:
    if not p.erased and not p.kept and not p.erased_by_hand and not p.expiring:
        raise UserError(_("Nothing was erased or kept. Carry out the erasure first."))
    values["erased_list"] = _bullets(f"{e.system}: {e.description}" for e in p.erased)
    values["by_hand_list"] = _bullets(f"{e.system}: {e.description}" for e in p.erased_by_hand)
    values["kept_list"] = _bullets(_kept_line(k, ctx.lang) for k in p.kept)
    values["expiring_list"] = _bullets(_expiring_line(x, ctx.lang) for x in p.expiring)
    values["recipients_list"] = _bullets(p.recipients_told)
    values["file_kept_until"] = (
        format_date(p.file_kept_until, ctx.lang) if p.file_kept_until else None
    )
    flags["has_erased"] = bool(p.erased)
    flags["has_by_hand"] = bool(p.erased_by_hand)
    flags["has_any_erased"] = bool(p.erased or p.erased_by_hand)
    flags["has_kept"] = bool(p.kept)
    flags["kept_by_legal_duty"] = bool(p.kept) and all(
        k.ground_art17_3 == Art17Ground.LEGAL_OBLIGATION for k in p.kept
    )
    flags["kept_by_exception"] = bool(p.kept) and not flags["kept_by_legal_duty"]
    flags["has_expiring"] = bool(p.expiring)
    flags["nothing_left"] = not p.kept and not p.expiring
    flags["has_recipients"] = bool(p.recipients_told)
    flags["has_file_date"] = p.file_kept_until is not None


def fill_objection(ctx: LetterContext, p: ObjectionPayload, values: Values, flags: Flags) -> None:
    if p.direct_marketing and not p.upheld:
        raise UserError(
            _(
                "An objection to direct marketing must always be upheld (Art. 21(3) GDPR). "
                "Mark the objection as upheld."
            )
        )
    if p.direct_marketing and not p.suppression_listed:
        raise UserError(
            _(
                "Put the person on the suppression list first: after an objection to direct "
                "marketing they must never receive marketing again."
            )
        )
    if not p.direct_marketing and not p.processing.strip():
        raise ValidationError(
            {"processing": _("Choose the processing the objection is about (from the register).")}
        )
    if not p.upheld and not objection_can_be_refused(p.legal_basis):
        raise ValidationError(
            {
                "upheld": _(
                    "An objection can be refused under Art. 21(1) GDPR only for processing based "
                    "on Art. 6(1)(e) or (f). '{processing}' is based on: {basis}. Uphold the "
                    "objection, or correct the legal basis in the register.",
                    processing=p.processing,
                    basis=p.legal_basis or "-",
                )
            }
        )
    if not p.upheld and not p.grounds.strip():
        raise ValidationError(
            {"grounds": _("Give the compelling legitimate grounds that override the objection.")}
        )
    if p.upheld and not p.direct_marketing and not p.stopped.strip():
        raise ValidationError({"stopped": _("Say what stopped because of the objection.")})
    values["grounds"] = p.grounds.strip()
    values["processing"] = _one_line(p.processing)
    values["legal_basis"] = _one_line(p.legal_basis)
    values["stopped"] = _one_line(p.stopped).rstrip(".")
    flags["direct_marketing"] = p.direct_marketing
    flags["has_processing"] = bool(p.processing.strip())
    flags["upheld_other"] = p.upheld and not p.direct_marketing
    flags["upheld_other_detail"] = p.upheld and not p.direct_marketing and bool(p.grounds.strip())
    flags["refused"] = not p.upheld
    flags["will_erase"] = p.upheld and p.erasure == ObjectionErasure.ERASE
    flags["keeps_data"] = p.upheld and p.erasure == ObjectionErasure.KEEP_FOR_OTHER_PURPOSES
    flags["restricted"] = p.restricted and not p.direct_marketing
    flags["restricted_upheld"] = p.restricted and p.upheld and not p.direct_marketing
    flags["restricted_refused"] = p.restricted and not p.upheld


def fill_refusal(ctx: LetterContext, p: RefusalPayload, values: Values, flags: Flags) -> None:
    wants_fee = p.fee_or_refuse == FeeOrRefuse.FEE
    if wants_fee and not p.manifestly_unfounded_or_excessive:
        raise ValidationError(
            {
                "fee_or_refuse": _(
                    "A fee may be asked only for a manifestly unfounded or excessive request "
                    "(Art. 12(5)(a) GDPR). Tick that box with the reasons, or refuse instead."
                )
            }
        )
    if wants_fee and (p.fee_eur is None or p.fee_eur <= 0):
        raise ValidationError(
            {"fee_eur": _("Enter the fee in euros, or choose to refuse the request instead.")}
        )
    interests = dict(ART41_INTERESTS)
    if p.art41_interest and p.art41_interest not in interests:
        raise ValidationError(
            {"art41_interest": _("Choose an interest of art. 41(1) UAVG (a to j).")}
        )
    if p.art41_interest and not p.necessity.strip():
        raise ValidationError(
            {
                "necessity": _(
                    "Explain why restricting the right is necessary and proportionate to protect "
                    "that interest (art. 41(2) UAVG)."
                )
            }
        )
    values["refusal_subject"] = (
        C_("letter subject", "Your request: we ask for a fee first")
        if wants_fee
        else C_("letter subject", "We will not carry out your request")
    ).render(ctx.lang)
    values["reasons"] = p.reasons.strip()
    values["fee"] = format_eur(p.fee_eur, ctx.lang) if wants_fee and p.fee_eur else None
    values["art41_point"] = p.art41_interest or None
    values["art41_interest"] = (
        translate(interests[p.art41_interest], ctx.lang) if p.art41_interest else None
    )
    values["necessity"] = p.necessity.strip() or None
    flags["manifestly_unfounded"] = p.manifestly_unfounded_or_excessive
    flags["fee_asked"] = wants_fee
    flags["has_art41"] = bool(p.art41_interest)


def fill_recipient_notice(
    ctx: LetterContext, p: RecipientNoticePayload, values: Values, flags: Flags
) -> None:
    values["recipient_name"] = p.recipient_name
    # The letter goes to a company: greet it as such, never as the data subject.
    values["recipient_salutation"] = C_("letter", "Dear Sir or Madam,").render(ctx.lang)
    if p.subject_name.strip():
        values["subject_name"] = _one_line(p.subject_name)
    values["details"] = p.details.strip()
    values["action_done"] = _ACTION_DONE[ctx.lang][p.action]
    values["action_noun"] = _ACTION_NOUN[ctx.lang][p.action]
    flags["processor"] = p.processor
    flags["recipient"] = not p.processor
    for action in RecipientAction:
        flags[f"is_{action.value}"] = p.action == action and not p.processor
        flags[f"instruct_{action.value}"] = p.action == action and p.processor
