"""Small text formatters for letters: addresses per PostNL rules, lists, money, request types."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal

from app.core.dates import format_date
from app.core.enums import REQUEST_TYPE_ARTICLE, REQUEST_TYPE_LABEL, RequestType
from app.core.errors import UserError
from app.core.i18n import C_, _, format_number
from app.core.validation import country_name, normalise_postcode
from app.letters.payloads import PostalAddress

__all__ = [
    "AddressError",
    "country_line",
    "format_address",
    "format_date",
    "format_eur",
    "is_domestic",
    "join_words",
    "request_types_long",
    "request_types_short",
]

MIN_ADDRESS_LINES = 3
MAX_ADDRESS_LINES = 6
_DOMESTIC = {"", "NL", "NLD", "NEDERLAND", "THE NETHERLANDS", "NETHERLANDS", "HOLLAND"}
_TOWN_THEN_POSTCODE = {"GB", "UK", "IE", "IM", "JE", "GG"}
_AND = C_("list", "and")  # "inzage en verwijdering"


class AddressError(UserError):
    """The address cannot be printed in the envelope window as PostNL requires."""


def is_domestic(country: str) -> bool:
    return country.strip().upper() in _DOMESTIC


def country_line(country: str, lang: str) -> str:
    """The country as the last line of an address abroad: "BELGIË", "UNITED KINGDOM"."""
    text = country.strip()
    if len(text) == 2 and text.isalpha():
        text = country_name(text, lang)
    return text.upper()


def format_address(address: PostalAddress, lang: str) -> tuple[str, ...]:
    """The window lines: name, extra lines, street, "1234 AB  TOWN" and, abroad, the COUNTRY.

    Abroad the destination's format is followed: "10115 BERLIN" (postcode, town), but in the
    United Kingdom and Ireland the town and then the postcode or Eircode on its own line.

    Raises AddressError when a line is missing, the Dutch postcode is invalid or the result
    does not have 3 to 6 lines.
    """
    name = " ".join(address.name_line.split())
    street = " ".join(address.street_line.split())
    city = " ".join(address.city.split())
    if not name:
        raise AddressError(_("The address has no name line. Enter the addressee's name."))
    if not street:
        raise AddressError(_("The address has no street line. Enter street and house number."))
    if not city:
        raise AddressError(_("The address has no town. Enter the town or city."))
    lines = [name]
    lines.extend(" ".join(extra.split()) for extra in address.extra_lines if extra.strip())
    lines.append(street)
    if is_domestic(address.country):
        try:
            postcode = normalise_postcode(address.postcode, "NL")
        except ValueError as exc:
            raise AddressError(str(exc)) from None
        # PostNL: two spaces between postcode and town, town in capitals.
        lines.append(f"{postcode}  {city.upper()}")
    else:
        postcode = " ".join(address.postcode.split()).upper()
        if address.country.strip().upper() in _TOWN_THEN_POSTCODE:
            # Royal Mail and An Post: the post town in capitals, then the postcode (Eircode)
            # on a line of its own.
            lines.append(city.upper())
            if postcode:
                lines.append(postcode)
        else:  # DE, BE, FR, ...: postcode before the town, as at home
            lines.append(f"{postcode} {city.upper()}" if postcode else city.upper())
        lines.append(country_line(address.country, lang))
    if len(lines) > MAX_ADDRESS_LINES:
        raise AddressError(
            _(
                "The address has {n} lines; PostNL allows at most {most}. Shorten "
                "it, e.g. combine the 't.a.v.' line with the name.",
                n=len(lines),
                most=MAX_ADDRESS_LINES,
            )
        )
    if len(lines) < MIN_ADDRESS_LINES:
        raise AddressError(
            _(
                "The address has {n} lines; a postal address needs at least {least}. "
                "Complete the address.",
                n=len(lines),
                least=MIN_ADDRESS_LINES,
            )
        )
    return tuple(lines)


def join_words(items: Sequence[str], lang: str) -> str:
    """["a", "b", "c"] -> "a, b en c" (nl) / "a, b and c" (en)."""
    words = [item for item in items if item]
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} {_AND.render(lang)} {words[-1]}"


def request_types_short(codes: Sequence[str], lang: str) -> str:
    """("access", "erasure") -> "inzage en verwijdering"."""
    labels = REQUEST_TYPE_LABEL[lang]
    return join_words([labels[RequestType(code)] for code in codes], lang)


def request_types_long(codes: Sequence[str], lang: str) -> str:
    """("access",) -> "inzage (artikel 15 AVG)" / "access (Article 15 GDPR)"."""
    labels = REQUEST_TYPE_LABEL[lang]
    parts = []
    for code in codes:
        kind = RequestType(code)
        article = REQUEST_TYPE_ARTICLE[kind]
        suffix = C_("letter", "Article {article} GDPR", article=article).render(lang)
        parts.append(f"{labels[kind]} ({suffix})")
    return join_words(parts, lang)


def format_eur(amount: Decimal, lang: str) -> str:
    """Decimal("25") -> "€ 25,00" (nl) / "€25.00" (en)."""
    cents = amount.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return C_("amount in euros", "€{amount}", amount=format_number(float(cents), lang, 2)).render(
        lang
    )
