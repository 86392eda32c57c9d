"""Typed, database-free input for composing and rendering one letter."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.core.enums import RequestType
from app.core.i18n import _
from app.letters.payloads import (
    PostalAddress,
    RecipientNoticePayload,
)

LANGUAGES = ("nl", "en", "de")  # a folder resources/letters/<code> for each


_DPO_WORDS = (
    "functionaris gegevensbescherming",
    "functionaris voor de gegevensbescherming",
    "data protection officer",
    "datenschutzbeauftragte",
)


def claims_dpo_title(function: str) -> bool:
    """Whether a function title claims the registered role of FG / DPO (Art. 37 GDPR)."""
    text = " ".join(function.split()).casefold()
    return any(word in text for word in _DPO_WORDS) or text in ("fg", "dpo")


@dataclass(frozen=True)
class Organisation:
    """The controller as it appears in the letterhead and the closing."""

    name: str
    street: str
    postcode: str
    city: str
    country: str = "NL"
    visiting_address: str = ""
    phone: str = ""
    email: str = ""
    website: str = ""
    kvk_number: str = ""
    return_line: str = ""  # empty: built from name, street, postcode and city
    signatory_name: str = ""
    signatory_function: str = ""
    logo_path: str | None = None
    department: str = ""  # e.g. "Afdeling Privacy": first line of the postal address
    dpo_registered: bool = False  # a Functionaris Gegevensbescherming registered with the AP


@dataclass(frozen=True)
class Representation:
    """A letter to a representative (lawyer, parent, guardian) about their client's data."""

    client_name: str  # formal, in the letter's language: "mevrouw C. van den Bos"
    client_gender: str  # "m", "f" or "" (chooses "cliënt", "cliënte" or "cliënt(e)")
    representative_name: str  # as printed: "mr. J. de Boer" / "Mr J. de Boer"
    authorisation_received: date | None = None  # when the authorisation (machtiging) came in
    authorisation_dated: date | None = None  # the date the authorisation itself bears


@dataclass(frozen=True)
class LetterContext:
    """Everything one letter needs. ``addressee`` is the data subject (or their representative)."""

    letter_type: str  # a LetterType or the code of a registered kind (app.letters.kinds)
    lang: str  # "nl" | "en" | "de"
    organisation: Organisation
    addressee: PostalAddress
    salutation: str  # e.g. "Geachte heer Van der Berg,"
    our_reference: str
    letter_date: date
    received_on: date
    request_types: tuple[str, ...]  # RequestType codes
    handled_by: str
    promise_date: date
    legal_deadline: date
    their_reference: str | None = None
    their_letter_date: date | None = None
    extended_deadline: date | None = None
    payload: object | None = None  # the kind's payload type (checked by compose_text)
    representation: Representation | None = None  # set when writing to a representative
    subject_country: str = "NL"  # where the data subject lives (remedies, ID-copy advice)
    data_subject_name: str = ""  # empty: the addressee's name line

    def __post_init__(self) -> None:
        # These are programming errors of the caller, not something the officer can fix.
        if self.lang not in LANGUAGES:
            raise ValueError(
                _(
                    "unsupported letter language {lang}; use one of {known}",
                    lang=repr(self.lang),
                    known=", ".join(LANGUAGES),
                )
            )
        for code in self.request_types:
            RequestType(code)  # raises ValueError on an unknown code

    @property
    def window_address(self) -> PostalAddress:
        """Where the letter goes: the recipient for an Art. 19 notice, else the addressee."""
        if isinstance(self.payload, RecipientNoticePayload):
            return self.payload.recipient_address
        return self.addressee
