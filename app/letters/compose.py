"""Turn a LetterContext into the editable letter text (subject + body) from the templates."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path

from app.core.errors import UserError
from app.core.i18n import _
from app.letters.context import (
    AccessPayload,
    Art17Ground,
    ClarificationPayload,
    ErasurePayload,
    ExtensionPayload,
    FeeOrRefuse,
    KeptItem,
    LetterContext,
    ObjectionPayload,
    RecipientAction,
    RecipientNoticePayload,
    RectificationPayload,
    RefusalPayload,
)
from app.letters.formatting import (
    format_date,
    format_eur,
    request_types_long,
    request_types_short,
)
from app.letters.templates import ComposedLetter, TemplateFiller

Values = dict[str, str | None]
Flags = dict[str, bool]

_ART17_GROUND: dict[str, dict[str, str]] = {
    "nl": {
        Art17Ground.FREEDOM_OF_EXPRESSION: "vrijheid van meningsuiting en informatie",
        Art17Ground.LEGAL_OBLIGATION: "een wettelijke verplichting",
        Art17Ground.PUBLIC_HEALTH: "algemeen belang op het gebied van volksgezondheid",
        Art17Ground.ARCHIVING_RESEARCH: (
            "archivering in het algemeen belang, wetenschappelijk of historisch onderzoek "
            "of statistiek"
        ),
        Art17Ground.LEGAL_CLAIMS: (
            "het instellen, uitoefenen of onderbouwen van een rechtsvordering"
        ),
    },
    "en": {
        Art17Ground.FREEDOM_OF_EXPRESSION: "freedom of expression and information",
        Art17Ground.LEGAL_OBLIGATION: "compliance with a legal obligation",
        Art17Ground.PUBLIC_HEALTH: "public interest in the area of public health",
        Art17Ground.ARCHIVING_RESEARCH: (
            "archiving in the public interest, scientific or historical research or statistics"
        ),
        Art17Ground.LEGAL_CLAIMS: "the establishment, exercise or defence of legal claims",
    },
}

_ACTION_DONE: dict[str, dict[RecipientAction, str]] = {
    "nl": {
        RecipientAction.RECTIFICATION: "verbeterd",
        RecipientAction.ERASURE: "verwijderd",
        RecipientAction.RESTRICTION: "beperkt in gebruik",
    },
    "en": {
        RecipientAction.RECTIFICATION: "rectified",
        RecipientAction.ERASURE: "erased",
        RecipientAction.RESTRICTION: "restricted",
    },
}
_ACTION_NOUN: dict[str, dict[RecipientAction, str]] = {
    "nl": {
        RecipientAction.RECTIFICATION: "rectificatie",
        RecipientAction.ERASURE: "verwijdering",
        RecipientAction.RESTRICTION: "beperking van de verwerking",
    },
    "en": {
        RecipientAction.RECTIFICATION: "rectification",
        RecipientAction.ERASURE: "erasure",
        RecipientAction.RESTRICTION: "restriction of processing",
    },
}
_EMPTY = {"nl": "(leeg)", "en": "(empty)"}


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _bullets(items: Iterable[str]) -> str:
    return "\n".join(f"- {_one_line(item)}" for item in items if item.strip())


def _date(ctx: LetterContext, value: date | None) -> str | None:
    return format_date(value, ctx.lang) if isinstance(value, date) else None


def ground_label(ground: str, lang: str) -> str:
    """An Art. 17(3) code ("b") as words with the article, or free text unchanged."""
    code = ground.strip().lower().removeprefix("art. 17(3)").strip(" ()")
    if code in _ART17_GROUND[lang]:
        label = _ART17_GROUND[lang][code]
        if lang == "nl":
            return f"artikel 17 lid 3 onder {code} AVG ({label})"
        return f"Article 17(3)({code}) GDPR ({label})"
    return _one_line(ground)


def _kept_line(item: KeptItem, lang: str) -> str:
    end = format_date(item.end_date, lang)
    ground = ground_label(item.ground_art17_3, lang)
    if lang == "nl":
        return (
            f"{item.system}: {item.description}. Uitzondering: {ground}. "
            f"Wettelijke regel: {item.statute}. Wij verwijderen deze gegevens uiterlijk {end}."
        )
    return (
        f"{item.system}: {item.description}. Exception: {ground}. "
        f"Statutory rule: {item.statute}. We will erase this data by {end} at the latest."
    )


def _common(ctx: LetterContext) -> tuple[Values, Flags]:
    org = ctx.organisation
    values: Values = {
        "salutation": ctx.salutation,
        "our_reference": ctx.our_reference,
        "their_reference": ctx.their_reference,
        "their_letter_date": _date(ctx, ctx.their_letter_date),
        "letter_date": _date(ctx, ctx.letter_date),
        "received_on": _date(ctx, ctx.received_on),
        "promise_date": _date(ctx, ctx.promise_date),
        "legal_deadline": _date(ctx, ctx.legal_deadline),
        "extended_deadline": _date(ctx, ctx.extended_deadline),
        "handled_by": ctx.handled_by,
        "request_types": request_types_short(ctx.request_types, ctx.lang),
        "request_types_long": request_types_long(ctx.request_types, ctx.lang),
        "subject_name": ctx.addressee.name_line,
        "org_name": org.name,
        "org_phone": org.phone,
        "org_email": org.email,
        "org_website": org.website,
        "org_contact": _contact_line(ctx),
    }
    flags: Flags = {
        "has_their_letter_date": ctx.their_letter_date is not None,
        "has_their_reference": bool(ctx.their_reference and ctx.their_reference.strip()),
        "has_extended_deadline": ctx.extended_deadline is not None,
    }
    return values, flags


def _contact_line(ctx: LetterContext) -> str:
    """E-mail and/or phone when the profile has them; otherwise the postal address."""
    org = ctx.organisation
    ways = [w for w in (org.email.strip(), org.phone.strip()) if w]
    if ways:
        return (" of " if ctx.lang == "nl" else " or ").join(ways)
    postal = f"{org.street}, {org.postcode} {org.city}".strip(", ")
    return f"ons postadres ({postal})" if ctx.lang == "nl" else f"our postal address ({postal})"


def _access(ctx: LetterContext, p: AccessPayload, values: Values, flags: Flags) -> None:
    has_data = not p.no_data_found
    if has_data and not p.data_by_system and not p.processings:
        raise UserError(
            _(
                "The access answer has no data and no processings. Confirm the findings first, "
                "or mark the answer as 'no data found'."
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
    flags["no_data"] = not has_data
    flags["has_processings"] = bool(p.processings)
    flags["has_redactions"] = bool(p.redactions.strip())


def _rectification(
    ctx: LetterContext, p: RectificationPayload, values: Values, flags: Flags
) -> None:
    if not p.changes:
        raise UserError(_("There are no changes to report. Carry out the rectification first."))
    empty = _EMPTY[ctx.lang]
    values["changes_list"] = _bullets(
        f"{c.field} ({c.system}): {_one_line(c.old) or empty} → {_one_line(c.new) or empty}"
        for c in p.changes
    )
    values["recipients_list"] = _bullets(p.recipients_told)
    flags["has_recipients"] = bool(p.recipients_told)


def _erasure(ctx: LetterContext, p: ErasurePayload, values: Values, flags: Flags) -> None:
    if not p.erased and not p.kept:
        raise UserError(_("Nothing was erased or kept. Carry out the erasure first."))
    values["erased_list"] = _bullets(f"{e.system}: {e.description}" for e in p.erased)
    values["kept_list"] = _bullets(_kept_line(k, ctx.lang) for k in p.kept)
    values["recipients_list"] = _bullets(p.recipients_told)
    flags["has_erased"] = bool(p.erased)
    flags["has_kept"] = bool(p.kept)
    flags["has_recipients"] = bool(p.recipients_told)


def _objection(ctx: LetterContext, p: ObjectionPayload, values: Values, flags: Flags) -> None:
    if p.direct_marketing and not p.upheld:
        raise UserError(
            _(
                "An objection to direct marketing must always be upheld (Art. 21(3) GDPR). Mark "
                "the objection as upheld."
            )
        )
    if p.direct_marketing and not p.suppression_listed:
        raise UserError(
            _(
                "Put the person on the suppression list first: after an objection to direct "
                "marketing they must never receive marketing again."
            )
        )
    values["grounds"] = p.grounds.strip()
    flags["direct_marketing"] = p.direct_marketing
    flags["upheld_other"] = p.upheld and not p.direct_marketing
    flags["upheld_other_detail"] = p.upheld and not p.direct_marketing and bool(p.grounds.strip())
    flags["refused"] = not p.upheld


def _refusal(ctx: LetterContext, p: RefusalPayload, values: Values, flags: Flags) -> None:
    asks_fee = p.manifestly_unfounded_or_excessive and p.fee_or_refuse == FeeOrRefuse.FEE
    if asks_fee and (p.fee_eur is None or p.fee_eur <= 0):
        raise UserError(_("Enter the fee in euros, or choose to refuse the request instead."))
    values["reasons"] = p.reasons.strip()
    values["fee"] = format_eur(p.fee_eur, ctx.lang) if asks_fee and p.fee_eur else None
    flags["manifestly_unfounded"] = p.manifestly_unfounded_or_excessive
    flags["fee_asked"] = asks_fee


def _recipient(ctx: LetterContext, p: RecipientNoticePayload, values: Values, flags: Flags) -> None:
    values["recipient_name"] = p.recipient_name
    values["details"] = p.details.strip()
    values["action_done"] = _ACTION_DONE[ctx.lang][p.action]
    values["action_noun"] = _ACTION_NOUN[ctx.lang][p.action]
    for action in RecipientAction:
        flags[f"is_{action.value}"] = p.action == action


def letter_values(ctx: LetterContext) -> tuple[Values, Flags]:
    """All placeholder values and flags for ``ctx`` (exposed for previews and tests)."""
    values, flags = _common(ctx)
    payload = ctx.payload
    if isinstance(payload, ClarificationPayload):
        values["what_needed"] = payload.what_needed.strip()
        values["why"] = payload.why.strip()
        flags["id_copy_needed"] = payload.id_copy_needed
    elif isinstance(payload, ExtensionPayload):
        if ctx.letter_date > ctx.legal_deadline:
            raise UserError(
                _(
                    "An extension can only be given within the first month (Art. 12(3) GDPR); the "
                    "legal deadline has passed. Answer the request instead."
                )
            )
        values["reasons"] = payload.reasons.strip()
        values["new_deadline"] = format_date(payload.new_deadline, ctx.lang)
    elif isinstance(payload, AccessPayload):
        _access(ctx, payload, values, flags)
    elif isinstance(payload, RectificationPayload):
        _rectification(ctx, payload, values, flags)
    elif isinstance(payload, ErasurePayload):
        _erasure(ctx, payload, values, flags)
    elif isinstance(payload, ObjectionPayload):
        _objection(ctx, payload, values, flags)
    elif isinstance(payload, RefusalPayload):
        _refusal(ctx, payload, values, flags)
    elif isinstance(payload, RecipientNoticePayload):
        _recipient(ctx, payload, values, flags)
    return values, flags


def compose_text(ctx: LetterContext, templates_dir: Path | None = None) -> ComposedLetter:
    """The letter's subject and editable body, from ``<templates_dir>/<lang>/<type>.txt``.

    Raises MissingFieldError (a UserError) naming a needed value that is empty.
    """
    values, flags = letter_values(ctx)
    filler = TemplateFiller(ctx.lang, values, flags, templates_dir)
    return filler.compose(str(ctx.letter_type))
