"""The connector protocol and the value objects that cross it (no Qt, no app database)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any, Final, Protocol, runtime_checkable

from app.core.enums import BY_HAND as BY_HAND  # kept here for the connectors
from app.core.enums import IdentifierKind
from app.core.i18n import N_
from app.core.progress import Progress

# Field and category names of the example mapping file and the demo systems, marked for the
# catalogues: people read them in their language (translate(name, lang)); a name from a
# customer's own mapping file that is not listed is shown as written.
COMMON_NAMES: Final = (
    N_("contact details"),
    N_("customer administration"),
    N_("identification"),
    N_("remote support"),
    N_("support history"),
    N_("technical data"),
    N_("newsletter"),
    N_("browser"),
    N_("city"),
    N_("customer number"),
    N_("date of birth"),
    N_("e-mail address"),
    N_("first name"),
    N_("house number"),
    N_("last name"),
    N_("login IP address"),
    N_("login time"),
    N_("phone number"),
    N_("postcode"),
    N_("session IP address"),
    N_("session minutes"),
    N_("session notes"),
    N_("session started"),
    N_("street"),
    N_("ticket opened"),
    N_("ticket subject"),
    N_("ticket text"),
)
# The whole text of a message or document a finding is about (the access answer's copy gives
# the person's own messages and documents in full).
TEXT_FIELD = N_("full text")


class MatchStrength(StrEnum):
    STRONG = "strong"  # unique identifier: e-mail, customer number, user id
    WEAK = "weak"  # name only, shared IP, phone: officer must review
    NOT_ATTRIBUTABLE = "not_attributable"  # e.g. an IP truncated by two octets


class Capability(StrEnum):
    SEARCH = "search"
    ERASE = "erase"
    RECTIFY = "rectify"
    EXPORT = "export"


class Outcome(StrEnum):
    REMOVED = "removed"
    CHANGED = "changed"
    KEPT = "kept"
    FAILED = "failed"


@dataclass(frozen=True)
class SettingSpec:
    """One setting of a connector kind, for the settings form and validation."""

    name: str
    label: str  # N_-marked in the connector module; the UI shows translate(label, lang)
    kind: str = "text"  # text | path | url | int | bool | secret | choice
    required: bool = True
    default: Any = None
    help: str = ""
    choices: tuple[str, ...] = ()
    choice_labels: tuple[str, ...] = ()  # what the officer sees per choice, in order (N_-marked)
    # For a url: the secret setting that takes a password written inside the address (moved
    # there when saved, never kept in the database); "" when the kind has none.
    secret: str = ""

    def choice_label(self, value: str) -> str:
        """The (untranslated, N_-marked) label of one choice; the value when it has none."""
        labels = dict(zip(self.choices, self.choice_labels, strict=False))
        return labels.get(value, value)


@dataclass(frozen=True)
class ConnectorDescription:
    kind: str
    label: str
    settings: tuple[SettingSpec, ...]
    capabilities: frozenset[Capability]
    help: str = ""


@dataclass(frozen=True)
class Identifier:
    kind: IdentifierKind
    value: str


@dataclass(frozen=True)
class Subject:
    """Everything we know to search for one data subject. Empty fields are not searched."""

    case_reference: str
    first_name: str = ""
    last_name: str = ""  # including particles, e.g. "van der Berg"
    birth_date: date | None = None
    emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    customer_numbers: tuple[str, ...] = ()
    postcode: str = ""  # normalised "1234 AB"
    house_number: str = ""
    ip_addresses: tuple[str, ...] = ()
    user_ids: tuple[str, ...] = ()

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.first_name, self.last_name) if p)


@dataclass(frozen=True)
class Finding:
    """One record in one system that (probably) concerns the subject."""

    system: str  # connector instance name, e.g. "Self Service Portal"
    record_id: str  # stable key within that system: "customers:42", "file.csv#row7", "msg-id"
    fields: Mapping[str, str]  # the personal data found, as display strings
    categories: tuple[str, ...]  # data categories, e.g. ("contact details", "support history")
    matched: Identifier  # the identifier that matched
    strength: MatchStrength
    location: str = ""  # table / file / folder, for the officer
    note: str = ""  # e.g. retention note for logs: "expires 90 days after 2026-11-20"
    # The category of each field where the system knows it (Art. 15(1)(b) per datum).
    field_categories: Mapping[str, str] = field(default_factory=dict)


# BY_HAND (app.core.enums) marks a change a person makes outside the application (mail client,
# paper): it stays open (a task) until the officer records who did it, when and how
# (ChangeOutcome.removed_by_hand). Executing a plan never touches it and never counts it as kept.


@dataclass(frozen=True)
class PlanItem:
    """One intended change to one record, shown to the officer before execution."""

    record_id: str
    action: str  # delete_row | set_null | mask | keep | update | by_hand
    fields: tuple[str, ...] = ()
    reason: str = ""  # for keep: the retention reason / Art. 17(3) ground
    old_values: Mapping[str, str] = field(default_factory=dict)
    new_values: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class ChangePlan:
    system: str
    operation: str  # "erasure" | "rectification"
    items: tuple[PlanItem, ...]


@dataclass(frozen=True)
class RecordResult:
    record_id: str
    outcome: Outcome
    detail: str = ""  # kept: the reason; failed: the error; changed: old -> new summary


@dataclass(frozen=True)
class Correction:
    """A rectification: which field (logical name) gets which new value."""

    field_name: str
    new_value: str


class StillReading(Exception):
    """Raised by search(): some records are still being prepared (e.g. scans read by OCR in
    the background). ``findings`` are those of everything already readable; the system counts
    as searched only once a later search finds nothing left to read."""

    def __init__(self, findings: Sequence[Finding], pending: int, message: str) -> None:
        super().__init__(message)
        self.findings = list(findings)
        self.pending = pending
        self.message = message


@runtime_checkable
class Connector(Protocol):
    """A configured source system. Constructed with (name, settings, secrets)."""

    name: str

    def __init__(
        self, name: str, settings: Mapping[str, Any], secrets: Mapping[str, str]
    ) -> None: ...

    @classmethod
    def describe(cls) -> ConnectorDescription: ...

    def test_connection(self) -> str:
        """Return a short OK message or raise ConnectorError with what to do."""
        ...

    def search(self, subject: Subject, progress: Progress) -> Sequence[Finding]: ...

    # Optional, when Capability.ERASE / RECTIFY is in describe().capabilities:
    # def plan_erasure(self, findings: Sequence[Finding]) -> ChangePlan
    # def erase(self, plan: ChangePlan, progress: Progress) -> Sequence[RecordResult]
    # def plan_rectification(self, findings, corrections: Sequence[Correction]) -> ChangePlan
    # def rectify(self, plan: ChangePlan, progress: Progress) -> Sequence[RecordResult]


ConnectorFactory = Callable[[str, Mapping[str, Any], Mapping[str, str]], Connector]
