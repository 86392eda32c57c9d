"""Turn a LetterContext into the editable letter text (subject + body) from the templates."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from app.core.i18n import C_
from app.letters.context import LetterContext
from app.letters.fills import Flags, Values
from app.letters.formatting import format_date, request_types_long, request_types_short
from app.letters.kinds import letter_kind
from app.letters.templates import ComposedLetter, TemplateFiller


def _date(ctx: LetterContext, value: date | None) -> str | None:
    return format_date(value, ctx.lang) if isinstance(value, date) else None


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
    if len(ways) == 2:
        return C_("letter", "{first} or {second}", first=ways[0], second=ways[1]).render(ctx.lang)
    if ways:
        return ways[0]
    postal = f"{org.street}, {org.postcode} {org.city}".strip(", ")
    return C_("letter", "our postal address ({address})", address=postal).render(ctx.lang)


def letter_values(ctx: LetterContext) -> tuple[Values, Flags]:
    """All placeholder values and flags for ``ctx`` (exposed for previews and tests)."""
    kind = letter_kind(ctx.letter_type)
    kind.check_payload(ctx.payload)
    values, flags = _common(ctx)
    if kind.fill is not None and ctx.payload is not None:
        kind.fill(ctx, ctx.payload, values, flags)
    return values, flags


def compose_text(ctx: LetterContext, templates_dir: Path | None = None) -> ComposedLetter:
    """The letter's subject and editable body, from ``<templates_dir>/<lang>/<template>.txt``.

    ``templates_dir`` defaults to the kind's own folder, else resources/letters. Raises
    MissingFieldError (a UserError) naming a needed value that is empty.
    """
    kind = letter_kind(ctx.letter_type)
    values, flags = letter_values(ctx)
    root = templates_dir if templates_dir is not None else kind.templates_dir
    filler = TemplateFiller(ctx.lang, values, flags, root)
    return filler.compose(kind.template)
