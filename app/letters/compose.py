"""Turn a LetterContext into the editable letter text (subject + body) from the templates."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from pathlib import Path

from app.core.finalise_gate import Condition
from app.core.i18n import C_
from app.core.validation import country_name
from app.letters.context import LetterContext
from app.letters.fills import Flags, Values
from app.letters.formatting import format_date, request_types_long, request_types_short
from app.letters.kinds import letter_kind
from app.letters.supervisors import HOME, country_code, in_eea, supervisor_of
from app.letters.templates import ComposedLetter, TemplateFiller, read_template, templates_root


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
        "subject_name": ctx.data_subject_name or ctx.addressee.name_line,
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
    _representative_values(ctx, values, flags)
    _residence_values(ctx, values, flags)
    return values, flags


def client_word(ctx: LetterContext) -> str:
    """ "uw cliënte" / "uw cliënt" / "uw cliënt(e)" / "your client"."""
    rep = ctx.representation
    gender = rep.client_gender if rep is not None else ""
    if gender == "f":
        return C_("representative's client, female", "your client").render(ctx.lang)
    if gender == "m":
        return C_("representative's client, male", "your client").render(ctx.lang)
    return C_("representative's client", "your client").render(ctx.lang)


def _representative_values(ctx: LetterContext, values: Values, flags: Flags) -> None:
    """``representative`` flag; ``client`` ("uw cliënte"), ``client_name`` ("mevrouw C. van
    den Bos"), ``representative_name``, ``authorisation_date`` (received) and
    ``authorisation_dated`` (the date it bears) for letters to a representative (documented in
    docs/adding-a-letter-type.md)."""
    rep = ctx.representation
    flags["representative"] = rep is not None
    received = rep is not None and rep.authorisation_received is not None
    dated = rep is not None and rep.authorisation_dated is not None
    flags["has_authorisation_date"] = received  # on file
    flags["has_authorisation_dated"] = dated  # with the date it bears ("uw machtiging van ...")
    flags["authorisation_undated"] = received and not dated  # only the day it came in
    if rep is None:
        return
    values["client"] = client_word(ctx)
    values["client_name"] = rep.client_name
    values["representative_name"] = rep.representative_name
    values["authorisation_date"] = _date(ctx, rep.authorisation_received)
    values["authorisation_dated"] = _date(ctx, rep.authorisation_dated)


def _residence_values(ctx: LetterContext, values: Values, flags: Flags) -> None:
    """``dutch_resident``, ``foreign_eea`` (with ``own_supervisor``, ``own_supervisor_address``,
        ``own_supervisor_website`` and ``own_country``), ``own_supervisor_forwards`` (Germany: the
    named federal authority forwards to the Land's) and ``outside_eea``."""
    code = country_code(ctx.subject_country)
    flags["dutch_resident"] = code == HOME
    flags["outside_eea"] = not in_eea(code)
    supervisor = supervisor_of(code)
    flags["foreign_eea"] = supervisor is not None
    flags["own_supervisor_forwards"] = supervisor is not None and supervisor.forwards_to_regional
    if supervisor is not None:
        values["own_supervisor"] = supervisor.name
        values["own_supervisor_address"] = supervisor.address
        values["own_supervisor_website"] = supervisor.website_shown
        values["own_country"] = country_name(code, ctx.lang)


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
    composed = filler.compose(kind.template)
    if ctx.representation is None or kind.code == "recipient_notice":
        return composed
    # To a representative: the client is named at the start, and the data are the client's.
    intro = TemplateFiller(ctx.lang, values, flags, templates_root()).compose_part(
        "_representative"
    )
    blocks = composed.body.split("\n\n")
    at = 1 if blocks and blocks[0].strip() == ctx.salutation.strip() else 0
    body = "\n\n".join([*blocks[:at], intro, *blocks[at:]])
    client = values.get("client") or ""
    return ComposedLetter(
        subject=for_representative(composed.subject, ctx.lang, client),
        body=for_representative(body, ctx.lang, client),
    )


# In a letter to a representative "uw gegevens" would be the lawyer's own data: these phrases
# of the shared templates are rewritten to the client's ("{client}" = "uw cliënte").
REPRESENTATIVE_PHRASES: dict[str, tuple[tuple[str, str], ...]] = {
    "nl": (
        ("uw persoonsgegevens", "de persoonsgegevens van {client}"),
        ("Uw persoonsgegevens", "De persoonsgegevens van {client}"),
        ("uw gegevens", "de gegevens van {client}"),
        ("Uw gegevens", "De gegevens van {client}"),
        ("uw identiteitsbewijs", "het identiteitsbewijs van {client}"),
        ("uw identiteit", "de identiteit van {client}"),
        ("persoonsgegevens van u", "persoonsgegevens van {client}"),
        ("gegevens van u", "gegevens van {client}"),
        ("over u", "over {client}"),
    ),
    "en": (
        ("your personal data", "your client's personal data"),
        ("Your personal data", "Your client's personal data"),
        ("your data", "your client's data"),
        ("Your data", "Your client's data"),
        ("your identity document", "your client's identity document"),
        ("your identity", "your client's identity"),
        ("personal data about you", "personal data about your client"),
        ("about you", "about your client"),
        ("the address we hold for you", "the address we hold for your client"),
        ("the address where you are known to us", "the address we hold for your client"),
    ),
    # German: the formal "Ihre" is the lawyer's too; the client is "Ihre Mandantschaft" in the
    # genitive after the noun, with the article the case needs (nominative/accusative, dative,
    # genitive).
    "de": (
        ("Ihre personenbezogenen Daten", "die personenbezogenen Daten Ihrer Mandantschaft"),
        ("Ihren personenbezogenen Daten", "den personenbezogenen Daten Ihrer Mandantschaft"),
        ("Ihrer personenbezogenen Daten", "der personenbezogenen Daten Ihrer Mandantschaft"),
        ("Ihre Daten", "die Daten Ihrer Mandantschaft"),
        ("Ihren Daten", "den Daten Ihrer Mandantschaft"),
        ("Ihrer Daten", "der Daten Ihrer Mandantschaft"),
        ("Ihre Identität", "die Identität Ihrer Mandantschaft"),
        ("Ihr Ausweisdokument", "das Ausweisdokument Ihrer Mandantschaft"),
        ("Ihres Ausweisdokuments", "des Ausweisdokuments Ihrer Mandantschaft"),
        ("über Sie", "über Ihre Mandantschaft"),
        ("unter der Sie bei uns bekannt sind", "unter der Ihre Mandantschaft bei uns bekannt ist"),
    ),
}
_SENTENCE_START = re.compile(r"(^|[.!?:]\s+|\n)(die|den|der|das|des) ", re.MULTILINE)


def for_representative(text: str, lang: str, client: str) -> str:
    """``text`` with the person's "uw gegevens" turned into the client's (see above)."""
    for phrase, replacement in REPRESENTATIVE_PHRASES.get(lang, ()):
        # Whole words only: "uw gegevensbescherming" is no phrase of ours.
        pattern = re.compile(rf"(?<![\w']){re.escape(phrase)}(?![\w'])")
        text = pattern.sub(replacement.replace("{client}", client), text)
    if lang == "de":  # "Ihre Daten ..." opening a sentence became "die Daten ...": capitalise
        text = _SENTENCE_START.sub(lambda m: m.group(1) + m.group(2).capitalize() + " ", text)
    return text


def not_done_text(lang: str, not_done: Mapping[str, str], templates_dir: Path | None = None) -> str:
    """The paragraphs that name what was not done (overridden gate conditions), or "".

    ``not_done`` maps a gate condition (``app.core.finalise_gate.Condition``) to its detail
    (the systems concerned); the words are in ``<lang>/_not_done.txt``.
    """
    if not not_done:
        return ""
    values: Values = {
        "not_searched": not_done.get(Condition.SYSTEMS_SEARCHED.value, ""),
        "search_failed": not_done.get(Condition.SEARCHES_FAILED.value, ""),
        "manual_open": not_done.get(Condition.MANUAL_CHECKS.value, ""),
        "unlinked": not_done.get(Condition.PROCESSING_LINKED.value, ""),
    }
    flags: Flags = {f"not_done_{c.value}": c.value in not_done for c in Condition}
    root = templates_dir if templates_dir is not None else templates_root()
    filler = TemplateFiller(lang, values, flags, root)
    blocks: list[str] = []
    for block in filler.compose_part("_not_done").split("\n\n"):
        if blocks and block.startswith("- ") and blocks[-1].startswith("- "):
            blocks[-1] += "\n" + block  # one bullet list, not a paragraph per bullet
        else:
            blocks.append(block)
    return "\n\n".join(blocks)


# The access answer's "no data" sentence claims a full search; when the officer let the letter
# go without one (a search condition overridden), it says only what the search showed.
FULL_SEARCH_CLAIMS: dict[str, tuple[str, str]] = {
    "nl": (
        "Wij hebben in al onze systemen naar uw gegevens gezocht. Wij verwerken geen "
        "persoonsgegevens van u.",
        "In de systemen die wij hebben doorzocht, hebben wij geen persoonsgegevens van u gevonden.",
    ),
    "en": (
        "We have searched all our systems for your data. We do not process any personal data "
        "about you.",
        "We found no personal data about you in the systems we have searched.",
    ),
    "de": (
        "Wir haben alle unsere Systeme nach Ihren Daten durchsucht. Wir verarbeiten keine "
        "personenbezogenen Daten über Sie.",
        "In den Systemen, die wir durchsucht haben, haben wir keine personenbezogenen Daten über "
        "Sie gefunden.",
    ),
}
SEARCH_CONDITIONS = frozenset(
    {
        Condition.SYSTEMS_SEARCHED.value,
        Condition.SEARCHES_FAILED.value,
        Condition.MANUAL_CHECKS.value,
        Condition.FINDINGS_REVIEWED.value,
    }
)


def without_full_search_claim(body: str, lang: str, overridden: set[str] | frozenset[str]) -> str:
    """``body`` without the claim of a full search when a search condition was overridden."""
    if not overridden & SEARCH_CONDITIONS or lang not in FULL_SEARCH_CLAIMS:
        return body
    claim, honest = FULL_SEARCH_CLAIMS[lang]
    return body.replace(claim, honest)


def with_not_done(body: str, lang: str, paragraphs: str, templates_dir: Path | None = None) -> str:
    """``body`` with ``paragraphs`` before its closing contact paragraph (else at the end)."""
    if not paragraphs:
        return body
    root = templates_dir if templates_dir is not None else templates_root()
    contact = read_template(root, lang, "_contact")
    opening = contact.split("{", 1)[0].strip()
    blocks = body.split("\n\n")
    for index in range(len(blocks) - 1, -1, -1):
        if opening and blocks[index].startswith(opening):
            return "\n\n".join([*blocks[:index], paragraphs, *blocks[index:]])
    return f"{body.rstrip()}\n\n{paragraphs}"
