"""The values and flags each built-in letter kind adds to its template, from its payload."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from app.core.deadlines import check_within_first_month
from app.core.errors import UserError
from app.core.i18n import C_, Labels, _, format_number
from app.letters.formatting import format_date, format_eur
from app.letters.payloads import (
    AccessPayload,
    Art17Ground,
    ClarificationPayload,
    ErasurePayload,
    ExtensionPayload,
    FeeOrRefuse,
    KeptItem,
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


def _kept_line(item: KeptItem, lang: str) -> str:
    end = format_date(item.end_date, lang)
    ground = ground_label(item.ground_art17_3, lang)
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


def fill_clarification(
    ctx: LetterContext, p: ClarificationPayload, values: Values, flags: Flags
) -> None:
    values["what_needed"] = p.what_needed.strip()
    values["why"] = p.why.strip()
    flags["id_copy_needed"] = p.id_copy_needed


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
    empty = C_("letter", "(empty)").render(ctx.lang)
    values["changes_list"] = _bullets(
        f"{c.field} ({c.system}): {_one_line(c.old) or empty} → {_one_line(c.new) or empty}"
        for c in p.changes
    )
    values["recipients_list"] = _bullets(p.recipients_told)
    flags["has_recipients"] = bool(p.recipients_told)


def fill_erasure(ctx: LetterContext, p: ErasurePayload, values: Values, flags: Flags) -> None:
    if not p.erased and not p.kept:
        raise UserError(_("Nothing was erased or kept. Carry out the erasure first."))
    values["erased_list"] = _bullets(f"{e.system}: {e.description}" for e in p.erased)
    values["kept_list"] = _bullets(_kept_line(k, ctx.lang) for k in p.kept)
    values["recipients_list"] = _bullets(p.recipients_told)
    flags["has_erased"] = bool(p.erased)
    flags["has_kept"] = bool(p.kept)
    flags["has_recipients"] = bool(p.recipients_told)


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
    values["grounds"] = p.grounds.strip()
    flags["direct_marketing"] = p.direct_marketing
    flags["upheld_other"] = p.upheld and not p.direct_marketing
    flags["upheld_other_detail"] = p.upheld and not p.direct_marketing and bool(p.grounds.strip())
    flags["refused"] = not p.upheld


def fill_refusal(ctx: LetterContext, p: RefusalPayload, values: Values, flags: Flags) -> None:
    asks_fee = p.manifestly_unfounded_or_excessive and p.fee_or_refuse == FeeOrRefuse.FEE
    if asks_fee and (p.fee_eur is None or p.fee_eur <= 0):
        raise UserError(_("Enter the fee in euros, or choose to refuse the request instead."))
    values["reasons"] = p.reasons.strip()
    values["fee"] = format_eur(p.fee_eur, ctx.lang) if asks_fee and p.fee_eur else None
    flags["manifestly_unfounded"] = p.manifestly_unfounded_or_excessive
    flags["fee_asked"] = asks_fee


def fill_recipient_notice(
    ctx: LetterContext, p: RecipientNoticePayload, values: Values, flags: Flags
) -> None:
    values["recipient_name"] = p.recipient_name
    values["details"] = p.details.strip()
    values["action_done"] = _ACTION_DONE[ctx.lang][p.action]
    values["action_noun"] = _ACTION_NOUN[ctx.lang][p.action]
    for action in RecipientAction:
        flags[f"is_{action.value}"] = p.action == action
