"""The payloads of the built-in letter kinds: what each letter reports (typed, database-free)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum


@dataclass(frozen=True)
class PostalAddress:
    """An address for the window; country "NL", "Nederland" or "" means domestic."""

    name_line: str
    street_line: str
    postcode: str
    city: str
    country: str = "NL"
    extra_lines: tuple[str, ...] = ()  # e.g. "t.a.v. mr. A. de Vries" or a representative


class Art17Ground(StrEnum):
    """The exceptions of Art. 17(3) GDPR that allow keeping data after an erasure request."""

    FREEDOM_OF_EXPRESSION = "a"
    LEGAL_OBLIGATION = "b"
    PUBLIC_HEALTH = "c"
    ARCHIVING_RESEARCH = "d"
    LEGAL_CLAIMS = "e"


class RecipientAction(StrEnum):
    RECTIFICATION = "rectification"
    ERASURE = "erasure"
    RESTRICTION = "restriction"


class FeeOrRefuse(StrEnum):
    FEE = "fee"
    REFUSE = "refuse"


@dataclass(frozen=True)
class ProcessingInfo:
    """One processing activity from the Art. 30 register, as an access answer reports it.

    Every text is in the letter's language (the register holds Dutch, English and German).
    """

    name: str
    purposes: str
    legal_basis: str
    categories: str
    recipients: tuple[str, ...] = ()  # by name (Art. 15(1)(c), CJEU C-154/21)
    retention: str = ""
    source: str = ""  # empty: collected from the person
    automated_decisions: str = ""  # empty: none
    transfers: str = ""  # empty: no transfer outside the EEA
    recipient_categories: str = ""  # only with the reason why naming is impossible
    recipients_unnamed_reason: str = ""


@dataclass(frozen=True)
class DataRow:
    """One item of the copy: ``record`` names the record as the person knows it ("E-mail of
    15 November 2026"), ``field`` and ``category`` are in the letter's language."""

    record: str
    field: str
    value: str
    category: str = ""


@dataclass(frozen=True)
class LogLine:
    """One line of a log, readable: the time in the letter's language, what was asked."""

    when: str
    request: str
    address: str = ""
    browser: str = ""


@dataclass(frozen=True)
class SystemData:
    system: str
    rows: tuple[DataRow, ...]
    log_lines: tuple[LogLine, ...] = ()


@dataclass(frozen=True)
class LegendEntry:
    term: str
    explanation: str


@dataclass(frozen=True)
class AccessPayload:
    processings: tuple[ProcessingInfo, ...] = ()
    data_by_system: tuple[SystemData, ...] = ()
    redactions: str = ""  # the officer's words on what was withheld and why
    no_data_found: bool = False
    withheld: int = 0  # how many passages were withheld as other people's data
    legend: tuple[LegendEntry, ...] = ()
    log_lines_in_letter: int = 200  # more log lines than this go to a separate appendix

    @property
    def log_line_count(self) -> int:
        return sum(len(sd.log_lines) for sd in self.data_by_system)

    @property
    def log_appendix(self) -> bool:
        """The log lines are too many for the letter: they go to a separate appendix PDF."""
        return self.log_line_count > self.log_lines_in_letter

    @property
    def partly_refused(self) -> bool:
        return self.withheld > 0


@dataclass(frozen=True)
class Change:
    field: str
    old: str
    new: str
    system: str


@dataclass(frozen=True)
class RectificationPayload:
    changes: tuple[Change, ...]
    recipients_told: tuple[str, ...] = ()


@dataclass(frozen=True)
class ErasedItem:
    system: str
    description: str


@dataclass(frozen=True)
class KeptItem:
    system: str
    description: str
    ground_art17_3: str  # an Art17Ground code ("b") or free text
    statute: str  # e.g. "artikel 52 Algemene wet inzake rijksbelastingen (7 jaar)"
    end_date: date


@dataclass(frozen=True)
class ErasurePayload:
    erased: tuple[ErasedItem, ...] = ()
    kept: tuple[KeptItem, ...] = ()
    recipients_told: tuple[str, ...] = ()  # Art. 19: recipients asked to erase as well


@dataclass(frozen=True)
class ObjectionPayload:
    direct_marketing: bool
    upheld: bool
    grounds: str = ""  # refused: the compelling legitimate grounds; upheld: what stops
    suppression_listed: bool = False


@dataclass(frozen=True)
class RefusalPayload:
    reasons: str
    manifestly_unfounded_or_excessive: bool = False
    fee_or_refuse: FeeOrRefuse = FeeOrRefuse.REFUSE
    fee_eur: Decimal | None = None  # required when fee_or_refuse is FEE


@dataclass(frozen=True)
class ClarificationPayload:
    what_needed: str
    why: str
    id_copy_needed: bool = False


@dataclass(frozen=True)
class ExtensionPayload:
    reasons: str
    new_deadline: date


@dataclass(frozen=True)
class RecipientNoticePayload:
    """Art. 19 notice: the letter goes to ``recipient_address``, about the data subject
    ``LetterContext.addressee``."""

    recipient_name: str
    recipient_address: PostalAddress
    action: RecipientAction
    details: str


Payload = (
    AccessPayload
    | RectificationPayload
    | ErasurePayload
    | ObjectionPayload
    | RefusalPayload
    | ClarificationPayload
    | ExtensionPayload
    | RecipientNoticePayload
)
