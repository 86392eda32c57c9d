"""The payloads of the built-in letter kinds: what each letter reports (typed, database-free)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from app.core.i18n import N_


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
    """``field`` of each change is a readable label (never a column name); recipients: Art. 19.

    ``recipients_told`` were notified already; ``recipients_to_tell`` are named in the register
    for the changed systems and are told now; ``no_recipients_confirmed``: the officer confirmed
    the data went to no one (only then may the letter say so).
    """

    changes: tuple[Change, ...]
    recipients_told: tuple[str, ...] = ()
    recipients_to_tell: tuple[str, ...] = ()
    no_recipients_confirmed: bool = False


@dataclass(frozen=True)
class ErasedItem:
    system: str
    description: str


@dataclass(frozen=True)
class KeptItem:
    """Kept under Art. 17(3): the ground, the statute, and the event the period runs from."""

    system: str
    description: str
    ground_art17_3: str  # an Art17Ground code ("b")
    statute: str  # e.g. "artikel 52 Algemene wet inzake rijksbelastingen"
    end_date: date  # the event's date plus the period
    event: str = ""  # a KEEP_EVENTS code ("end_of_financial_year") or the officer's words
    event_on: date | None = None
    period: str = ""  # "7 years"


@dataclass(frozen=True)
class ExpiringItem:
    """Data that deletes itself on a known date (log lines): no refusal, stated apart."""

    system: str
    description: str
    expires_on: date


@dataclass(frozen=True)
class ErasurePayload:
    erased: tuple[ErasedItem, ...] = ()
    kept: tuple[KeptItem, ...] = ()
    recipients_told: tuple[str, ...] = ()  # Art. 19: recipients asked to erase as well
    erased_by_hand: tuple[ErasedItem, ...] = ()  # removed by a person (mail, documents, paper)
    expiring: tuple[ExpiringItem, ...] = ()
    file_kept_until: date | None = None  # the request file itself (its retention date)


class ObjectionErasure(StrEnum):
    """After an upheld objection: are the data used for that processing erased too?"""

    ERASE = "erase"
    KEEP_FOR_OTHER_PURPOSES = "keep"


@dataclass(frozen=True)
class ObjectionPayload:
    direct_marketing: bool
    upheld: bool
    grounds: str = ""  # refused: the compelling legitimate grounds; upheld: more detail
    suppression_listed: bool = False
    processing: str = ""  # the processing objected to (from the register)
    legal_basis: str = ""  # its basis, as the register states it
    stopped: str = ""  # upheld: what stopped
    erasure: ObjectionErasure | None = None  # upheld: erased, or kept for other purposes
    restricted: bool = False  # the processing was restricted during the assessment (18(1)(d))


# The interests of art. 41(1) UAVG (Art. 23(1) GDPR) for which a right may be restricted.
ART41_INTERESTS: tuple[tuple[str, str], ...] = (
    ("a", N_("national security")),
    ("b", N_("national defence")),
    ("c", N_("public security")),
    ("d", N_("the prevention, investigation, detection or prosecution of criminal offences")),
    (
        "e",
        N_("another important objective of general public interest, such as a financial interest"),
    ),
    ("f", N_("the protection of judicial independence and judicial proceedings")),
    ("g", N_("the prevention and prosecution of breaches of ethics for regulated professions")),
    ("h", N_("a monitoring, inspection or regulatory function of an official authority")),
    ("i", N_("the protection of the data subject or the rights and freedoms of others")),
    ("j", N_("the enforcement of civil law claims")),
)


@dataclass(frozen=True)
class RefusalPayload:
    reasons: str
    manifestly_unfounded_or_excessive: bool = False
    fee_or_refuse: FeeOrRefuse = FeeOrRefuse.REFUSE
    fee_eur: Decimal | None = None  # required when fee_or_refuse is FEE
    art41_interest: str = ""  # a code of ART41_INTERESTS: the right is restricted by law
    necessity: str = ""  # required with art41_interest: why the restriction is necessary


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
    processor: bool = False  # our processor: the letter is an instruction (Art. 28(3))
    subject_name: str = ""  # the data subject (else the addressee's name line)


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
