"""Input rules for a new or edited case: postcode, e-mail, dates, names, attachments."""

from __future__ import annotations

import ipaddress
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Final

from app.core.enums import Channel, IdentifierKind, Language, RequestType
from app.core.errors import ValidationError
from app.core.i18n import C_, Labels, Message, _, message_of

GDPR_START = date(2018, 5, 25)
DEFAULT_MAX_ATTACHMENT_MB = 50

# PostNL: four digits (no leading zero), space, two capitals; SA, SD and SS are never issued.
_NL_POSTCODE = re.compile(r"^\s*([1-9][0-9]{3})\s*([A-Za-z]{2})\s*$")
_FORBIDDEN_LETTERS = {"SA", "SD", "SS"}
# Deliberately simple: one @, a dot in the domain, no spaces. Full RFC 5322 accepts typos.
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$")
_HOUSE_NUMBER = re.compile(r"\s(\d+(?:\s*-?\s*(?:[A-Za-z]{1,3}|\d{1,4}))?)\s*$")

NAME_PARTICLES = (
    "van der", "van den", "van de", "van het", "van 't", "in 't", "in het", "op de",
    "op den", "uit de", "uit den", "de la", "van", "de", "der", "den", "het", "te", "ten",
    "ter", "in",
    "op", "'t", "von", "zu", "le", "la", "du", "da", "di", "dos",
)  # fmt: skip

# Country names for addresses, in the reader's language (the catalogues).
COUNTRIES: Final[Labels[str]] = Labels(
    {
        "NL": C_("country", "Netherlands"),
        "BE": C_("country", "Belgium"),
        "DE": C_("country", "Germany"),
        "FR": C_("country", "France"),
        "LU": C_("country", "Luxembourg"),
        "GB": C_("country", "United Kingdom"),
        "IE": C_("country", "Ireland"),
        "ES": C_("country", "Spain"),
        "IT": C_("country", "Italy"),
        "PL": C_("country", "Poland"),
        "AT": C_("country", "Austria"),
        "CH": C_("country", "Switzerland"),
        "DK": C_("country", "Denmark"),
        "SE": C_("country", "Sweden"),
        "PT": C_("country", "Portugal"),
        "TR": C_("country", "Turkey"),
        "US": C_("country", "United States"),
        "SR": C_("country", "Suriname"),
        "CW": C_("country", "Curaçao"),
    }
)


# Refused in a typed field: every C0/C1 control code (tab and, in a multi-line field, line
# breaks excepted), the Unicode line and paragraph separators, and the bidirectional embedding,
# override and isolate characters that can make "Jan" display as another name.
_SEPARATORS = "\u2028\u2029"
_BIDI = "\u202a-\u202e\u2066-\u2069"
_REFUSED_SINGLE = re.compile(f"[\x00-\x08\x0a-\x1f\x7f-\x9f{_SEPARATORS}{_BIDI}]")
_REFUSED_MULTI = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f{_SEPARATORS}{_BIDI}]")
_BIDI_CHARS = re.compile(f"[{_BIDI}]")
_LINE_BREAKS = re.compile(f"\r\n|[\r\n{_SEPARATORS}]")

# The limit of a field comes from its database column (see app.services.field_limits);
# None means unlimited (a Text column).
Limits = dict[str, int | None]


def text_problem(
    value: str, *, limit: int | None = None, multiline: bool = False
) -> Message | None:
    """Why ``value`` cannot be stored in a field as typed, or None when it can."""
    found = (_REFUSED_MULTI if multiline else _REFUSED_SINGLE).search(value)
    if found is not None:
        char = found.group()
        code = f"U+{ord(char):04X}"
        if _BIDI_CHARS.match(char):
            return _(
                "This field holds an invisible character that changes the direction of the "
                "text ({code}); it can disguise a name. Retype the value without it.",
                code=code,
            )
        if char in "\r\n" + _SEPARATORS:
            return _("This field takes one line. Remove the line break ({code}).", code=code)
        return _(
            "This field holds an invisible control character ({code}), often left by copying "
            "from another program. Retype the value without it.",
            code=code,
        )
    if limit is not None and len(value) > limit:
        return _(
            "This field takes at most {limit} characters; {length} were given. Shorten it.",
            limit=limit,
            length=len(value),
        )
    return None


def check_texts(
    values: dict[str, object], limits: Limits, *, multiline: frozenset[str] = frozenset()
) -> dict[str, str]:
    """Field name -> message for each text in ``values`` that cannot be stored (see above).

    Only names in ``limits`` are checked; a value that is not a string is left to other rules.
    """
    errors: dict[str, str] = {}
    for name, value in values.items():
        if name not in limits or not isinstance(value, str):
            continue
        problem = text_problem(value, limit=limits[name], multiline=name in multiline)
        if problem is not None:
            errors[name] = problem
    return errors


def clean_text(value: str, *, multiline: bool = True, limit: int | None = None) -> str:
    """Text that arrives from a file (a pasted letter, OCR, a connector) made storable.

    Such text is cleaned, not refused: control characters and direction overrides are removed,
    line breaks become ``\\n`` (a space in a one-line field), and a text longer than ``limit``
    is cut with a visible "…".
    """
    text = _BIDI_CHARS.sub("", value)
    text = _LINE_BREAKS.sub("\n" if multiline else " ", text)
    text = (_REFUSED_MULTI if multiline else _REFUSED_SINGLE).sub("", text)
    if not multiline:
        text = text.replace("\t", " ")
    if limit is not None and len(text) > limit:
        text = text[: max(limit - 1, 0)] + "…"
    return text


def country_name(code: str, lang: str = "nl") -> str:
    name = COUNTRIES.texts.get(code.upper())
    return code.upper() if name is None else name.render(lang)


def normalise_postcode(value: str, country: str = "NL") -> str:
    """'1234ab' -> '1234 AB'. Raises ValueError with a message that says what to type."""
    if country.upper() != "NL":
        cleaned = " ".join(value.split())
        if not cleaned:
            raise ValueError(_("Enter the postcode as written on the letter."))
        return cleaned.upper()
    match = _NL_POSTCODE.match(value)
    if not match:
        raise ValueError(
            _(
                "'{value}' is not a Dutch postcode. Type four digits and two letters, e.g. 5253 "
                "RE. For an address abroad, choose the country first.",
                value=value.strip(),
            )
        )
    letters = match.group(2).upper()
    if letters in _FORBIDDEN_LETTERS:
        raise ValueError(
            _(
                "Postcodes ending in {letters} do not exist in the Netherlands (PostNL never "
                "issues SA, SD or SS). Check the letter for a typing error.",
                letters=letters,
            )
        )
    return f"{match.group(1)} {letters}"


def normalise_email(value: str) -> str:
    cleaned = value.strip()
    if cleaned and not _EMAIL.match(cleaned):
        raise ValueError(
            _(
                "'{cleaned}' is not an e-mail address. Use the form name@example.nl, or leave it "
                "empty.",
                cleaned=cleaned,
            )
        )
    return cleaned


MAX_IDENTIFIER_LENGTH = 200


def normalise_identifier(kind: IdentifierKind, value: str) -> str:
    """One identifier as the systems will be searched for it; ValueError says what is wrong."""
    problem = text_problem(value)
    if problem is not None:
        raise ValueError(problem)
    cleaned = " ".join(value.split())
    if not cleaned:
        raise ValueError(_("Enter a value, or remove this line."))
    if len(cleaned) > MAX_IDENTIFIER_LENGTH:
        raise ValueError(
            _(
                "At most {most} characters.",
                most=MAX_IDENTIFIER_LENGTH,
            )
        )
    if kind is IdentifierKind.EMAIL:
        return normalise_email(cleaned)
    if kind is IdentifierKind.IP_ADDRESS:
        try:
            return str(ipaddress.ip_address(cleaned))
        except ValueError:
            raise ValueError(
                _(
                    "'{cleaned}' is not an IP address. Use the form 192.0.2.10 or 2001:db8::10.",
                    cleaned=cleaned,
                )
            ) from None
    if kind is IdentifierKind.PHONE and sum(c.isdigit() for c in cleaned) < 6:
        raise ValueError(_("A phone number has at least 6 digits, e.g. 073 123 45 67."))
    return cleaned


def normalise_identifiers(
    identifiers: Sequence[tuple[IdentifierKind, str]],
    error_key: Callable[[int, IdentifierKind], str] = lambda position, _kind: (
        f"identifier_{position}"
    ),
) -> tuple[tuple[IdentifierKind, str], ...]:
    """All identifiers checked at once, doubles dropped; ValidationError names each bad one.

    Errors are keyed ``identifier_<position>`` unless ``error_key`` says otherwise (the intake
    keys them by kind, as its fields are per kind).
    """
    errors: dict[str, str] = {}
    kept: dict[tuple[IdentifierKind, str], None] = {}
    for position, (kind, value) in enumerate(identifiers):
        try:
            kept[(kind, normalise_identifier(kind, value))] = None
        except ValueError as exc:
            errors[error_key(position, kind)] = message_of(exc)
    if errors:
        raise ValidationError(errors)
    return tuple(kept)


def house_number_of(street: str) -> str:
    """The house number part of 'Hopbrouwer 18' or 'Dorpsstraat 12-A' ('' when none)."""
    match = _HOUSE_NUMBER.search(street.strip())
    if not match:
        return ""
    return match.group(1).replace(" ", "").upper()


def full_name(
    first_name: str | None, initials: str | None, name_prefix: str | None, last_name: str | None
) -> str:
    """The person as letters and lists name them: the given name (else the initials), the
    prefix and the surname, each part only when it has text ("Jan van der Berg", "J. Berg").
    The one rule for it: the models, the Core reads, the register and the intake use it."""
    given = first_name if first_name and not first_name.isspace() else initials
    return " ".join([p for p in (given, name_prefix, last_name) if p and not p.isspace()])


def split_name(full_name: str) -> tuple[str, str, str]:
    """'Jan van der Berg' -> ('Jan', 'van der', 'Berg'). Keeps spelling and diacritics exactly."""
    words = full_name.split()
    if not words:
        return "", "", ""
    if len(words) == 1:
        return "", "", words[0]
    lowered = [w.lower() for w in words]
    for start in range(1, len(words) - 1):
        for particle in NAME_PARTICLES:
            size = len(particle.split())
            if start + size < len(words) and " ".join(lowered[start : start + size]) == particle:
                return (
                    " ".join(words[:start]),
                    " ".join(words[start : start + size]),
                    " ".join(words[start + size :]),
                )
    return " ".join(words[:-1]), "", words[-1]


def fold(text: str) -> str:
    """Case- and accent-insensitive form for searching: 'Zoë IJsselstein' -> 'zoe ijsselstein'."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.casefold().split())


def search_needle(text: str) -> str:
    """What a search looks for: ``fold(text)`` of the text cleaned as any text from outside is
    (``clean_text``: control characters such as a pasted NUL, which PostgreSQL refuses in a
    parameter and which ends an FTS5 phrase), without format characters (a zero-width space, a
    soft hyphen) and lone surrogates (a non-UTF-8 command-line argument) either."""
    cleaned = clean_text(text, multiline=False)
    return fold("".join(c for c in cleaned if unicodedata.category(c) not in ("Cf", "Cs")))


REPRESENTATIVE_ROLES = ("lawyer", "parent", "guardian", "other")
REPRESENTATIVE_TEXT_FIELDS = (
    "name", "organisation", "role", "street", "postcode", "city", "country", "email",
)  # fmt: skip


@dataclass(frozen=True)
class RepresentativeInput:
    """A lawyer, parent or guardian acting for the person, with the authorisation (machtiging)
    as a file to keep with the case (DOMAIN.md section 4); without it the answer must wait."""

    name: str
    role: str = "other"  # lawyer | parent | guardian | other
    organisation: str = ""
    street: str = ""
    postcode: str = ""
    city: str = ""
    country: str = "NL"
    email: str = ""
    authorisation: Path | None = None
    authorisation_dated: date | None = None  # the date the authorisation itself bears

    def validated(
        self, limits: Limits | None = None, today: date | None = None
    ) -> RepresentativeInput:
        """A normalised copy, or ValidationError with every bad field as ``representative_*``.

        The address is optional (letters go to the person then), but when any part of it is
        given it must be complete, checked like the person's own address. ``limits`` gives the
        column length per field (``name``, ``street``, ...).
        """
        errors: dict[str, str] = {}
        updates: dict[str, object] = {}
        texts = {name: getattr(self, name) for name in REPRESENTATIVE_TEXT_FIELDS}
        char_errors = check_texts(texts, dict.fromkeys(REPRESENTATIVE_TEXT_FIELDS))
        if not self.name.strip():
            errors["representative"] = _(
                "Enter the representative's name, or remove the representative."
            )
        if self.role not in REPRESENTATIVE_ROLES:
            errors["representative_role"] = _(
                "Choose the representative's role: lawyer, parent, guardian or other."
            )
        country = (self.country or "NL").strip().upper()
        if not re.fullmatch(r"[A-Z]{2}", country):
            errors["representative_country"] = _(
                "Use a two-letter country code, e.g. NL, BE or DE."
            )
        updates["country"] = country
        if any(x.strip() for x in (self.street, self.postcode, self.city)):
            if not self.street.strip():
                errors["representative_street"] = _("Enter the street and house number.")
            if not self.city.strip():
                errors["representative_city"] = _("Enter the town or city.")
            if "representative_country" not in errors:
                try:
                    updates["postcode"] = normalise_postcode(self.postcode, country)
                except ValueError as exc:
                    errors["representative_postcode"] = message_of(exc)
        try:
            updates["email"] = normalise_email(self.email)
        except ValueError as exc:
            errors["representative_email"] = message_of(exc)
        for name, message in char_errors.items():
            errors["representative" if name == "name" else f"representative_{name}"] = message
        dated = self.authorisation_dated
        if dated is not None and (dated.year < 1900 or (today is not None and dated > today)):
            errors["representative_authorisation_dated"] = _(
                "The authorisation's date cannot be in the future: enter the date written on it."
            )
        if errors:
            raise ValidationError(errors)
        for name in ("name", "organisation", "street", "city"):
            updates[name] = " ".join(str(getattr(self, name)).split())
        result = replace(self, **updates)  # type: ignore[arg-type]
        too_long = check_texts({n: getattr(result, n) for n in texts}, limits or {})
        if too_long:
            raise ValidationError(
                {
                    "representative" if n == "name" else f"representative_{n}": m
                    for n, m in too_long.items()
                }
            )
        return result


@dataclass(frozen=True)
class CaseInput:
    """Everything the intake form or `case add` collects for a new letter."""

    request_types: tuple[RequestType, ...]
    received_on: date | None
    last_name: str
    first_name: str = ""
    name_prefix: str = ""
    initials: str = ""
    salutation: str = ""
    street: str = ""
    postcode: str = ""
    city: str = ""
    country: str = "NL"
    email: str = ""
    phone: str = ""
    birth_date: date | None = None
    their_reference: str = ""
    their_letter_date: date | None = None
    channel: Channel = Channel.POST
    language: Language = Language.NL
    assigned_to: str = ""
    summary: str = ""
    identifiers: tuple[tuple[IdentifierKind, str], ...] = ()
    representative: RepresentativeInput | None = None
    extra: dict[str, str] = field(default_factory=dict)


def validate_received(received: date | None, today: date) -> date:
    if received is None:
        raise ValueError(_("Enter the date the letter reached the mailbox."))
    if received > today:
        raise ValueError(_("The date of receipt cannot be in the future. Check the date stamp."))
    if received < GDPR_START:
        raise ValueError(_("The date of receipt cannot be before 25 May 2018 (the GDPR start)."))
    return received


CASE_TEXT_FIELDS = (
    "last_name", "first_name", "name_prefix", "initials", "salutation", "street", "postcode",
    "city", "country", "email", "phone", "their_reference", "assigned_to", "summary",
)  # fmt: skip
MULTILINE_CASE_FIELDS = frozenset({"summary"})


def validate_case_input(inp: CaseInput, *, today: date, limits: Limits | None = None) -> CaseInput:
    """Return a normalised copy, or raise ValidationError naming every bad field at once.

    Control characters are refused in the value as typed; ``limits`` (the column lengths,
    from the services) are checked on the value as it will be stored.
    """
    errors: dict[str, str] = {}
    updates: dict[str, object] = {}
    char_errors = check_texts(
        {name: getattr(inp, name) for name in CASE_TEXT_FIELDS},
        dict.fromkeys(CASE_TEXT_FIELDS),
        multiline=MULTILINE_CASE_FIELDS,
    )
    if not inp.request_types:
        errors["request_types"] = _("Choose at least one request type (e.g. access or erasure).")
    try:
        validate_received(inp.received_on, today)
    except ValueError as exc:
        errors["received_on"] = message_of(exc)
    if not inp.last_name.strip():
        errors["last_name"] = _("Enter the person's (last) name as written on the letter.")
    country = (inp.country or "NL").strip().upper()
    if not re.fullmatch(r"[A-Z]{2}", country):
        errors["country"] = _("Use a two-letter country code, e.g. NL, BE or DE.")
    else:
        updates["country"] = country
    has_address = any(x.strip() for x in (inp.street, inp.postcode, inp.city))
    if has_address:
        if not inp.street.strip():
            errors["street"] = _("Enter the street and house number.")
        if not inp.city.strip():
            errors["city"] = _("Enter the town or city.")
        if "country" not in errors:
            try:
                updates["postcode"] = normalise_postcode(inp.postcode, country)
            except ValueError as exc:
                errors["postcode"] = message_of(exc)
    elif not inp.email.strip():
        errors["street"] = _("Enter a postal address (or at least an e-mail address) to answer to.")
    try:
        updates["email"] = normalise_email(inp.email)
    except ValueError as exc:
        errors["email"] = message_of(exc)
    if inp.their_letter_date is not None and inp.their_letter_date > today:
        errors["their_letter_date"] = _("The date of their letter cannot be in the future.")
    if inp.birth_date is not None and (inp.birth_date > today or inp.birth_date.year < 1900):
        errors["birth_date"] = _("Check the date of birth.")
    try:
        updates["identifiers"] = normalise_identifiers(
            inp.identifiers, lambda _position, kind: f"identifier_{kind.value}"
        )
    except ValidationError as exc:
        errors.update(exc.errors)
    if inp.representative is not None and not inp.representative.name.strip():
        errors["representative"] = _(
            "Enter the representative's name, or remove the representative."
        )
    errors.update(char_errors)  # the first thing to fix: other rules may trip over the character
    if errors:
        raise ValidationError(errors)
    for name in ("first_name", "name_prefix", "last_name", "initials", "street", "city", "phone"):
        updates[name] = " ".join(str(getattr(inp, name)).split())
    updates["request_types"] = tuple(dict.fromkeys(inp.request_types))  # keep order, no doubles
    result = replace(inp, **updates)  # type: ignore[arg-type]
    too_long = check_texts(
        {n: getattr(result, n) for n in CASE_TEXT_FIELDS},
        limits or {},
        multiline=MULTILINE_CASE_FIELDS,
    )
    if too_long:
        raise ValidationError(too_long)
    return result


# Magic numbers of the accepted scan formats; the extension alone proves nothing.
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "application/pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"II*\x00", "image/tiff"),
    (b"MM\x00*", "image/tiff"),
)


def sniff_media_type(head: bytes) -> str | None:
    for signature, media_type in _SIGNATURES:
        if head.startswith(signature):
            return media_type
    return None


def check_attachment(path: Path, *, max_mb: int = DEFAULT_MAX_ATTACHMENT_MB) -> str:
    """Check size and type WITHOUT reading a huge file; returns the media type."""
    if not path.is_file():
        raise ValidationError(
            {"attachment": _("The file {name} does not exist or is a folder.", name=path.name)}
        )
    size = path.stat().st_size
    if size == 0:
        raise ValidationError(
            {"attachment": _("The file {name} is empty. Scan the letter again.", name=path.name)}
        )
    if size > max_mb * 1024 * 1024:
        raise ValidationError(
            {
                "attachment": _(
                    "The file {name} is {value} MB; the limit is {max_mb} MB. Scan in grey at "
                    "200-300 dpi or split the file, then attach it again.",
                    name=path.name,
                    value=format(size / 1024 / 1024, ".0f"),
                    max_mb=max_mb,
                )
            }
        )
    with path.open("rb") as handle:
        media_type = sniff_media_type(handle.read(16))
    if media_type is None:
        raise ValidationError(
            {
                "attachment": _(
                    "{name} is not a PDF, PNG, JPEG or TIFF file. Save the scan in one of those "
                    "formats and attach it again.",
                    name=path.name,
                )
            }
        )
    return media_type
