"""Enumerations of the domain; values are stable codes stored in the database."""

from __future__ import annotations

from enum import StrEnum

from app.core.i18n import C_, Labels


class RequestType(StrEnum):
    ACCESS = "access"
    RECTIFICATION = "rectification"
    ERASURE = "erasure"
    RESTRICTION = "restriction"
    PORTABILITY = "portability"
    OBJECTION = "objection"


REQUEST_TYPE_ARTICLE: dict[RequestType, int] = {
    RequestType.ACCESS: 15,
    RequestType.RECTIFICATION: 16,
    RequestType.ERASURE: 17,
    RequestType.RESTRICTION: 18,
    RequestType.PORTABILITY: 20,
    RequestType.OBJECTION: 21,
}

REQUEST_TYPE_LABEL: Labels[RequestType] = Labels(
    {
        RequestType.ACCESS: C_("request type", "access"),
        RequestType.RECTIFICATION: C_("request type", "rectification"),
        RequestType.ERASURE: C_("request type", "erasure"),
        RequestType.RESTRICTION: C_("request type", "restriction"),
        RequestType.PORTABILITY: C_("request type", "portability"),
        RequestType.OBJECTION: C_("request type", "objection"),
    }
)


class CaseStatus(StrEnum):
    REGISTERED = "registered"
    IDENTITY_CHECK = "identity_check"
    IN_PROGRESS = "in_progress"
    ON_HOLD = "on_hold"
    ANSWERED = "answered"
    CLOSED = "closed"
    WITHDRAWN = "withdrawn"
    REFUSED = "refused"


CASE_STATUS_LABEL: Labels[CaseStatus] = Labels(
    {
        CaseStatus.REGISTERED: C_("case status", "registered"),
        CaseStatus.IDENTITY_CHECK: C_("case status", "identity check"),
        CaseStatus.IN_PROGRESS: C_("case status", "in progress"),
        CaseStatus.ON_HOLD: C_("case status", "on hold"),
        CaseStatus.ANSWERED: C_("case status", "answered"),
        CaseStatus.CLOSED: C_("case status", "closed"),
        CaseStatus.WITHDRAWN: C_("case status", "withdrawn"),
        CaseStatus.REFUSED: C_("case status", "refused"),
    }
)


class Channel(StrEnum):
    POST = "post"
    EMAIL = "email"
    WEB_FORM = "web_form"
    IN_PERSON = "in_person"
    PHONE = "phone"


class Language(StrEnum):
    """The language of a case's answer and its letters (templates: resources/letters/<code>)."""

    NL = "nl"
    EN = "en"
    DE = "de"


class IdentityMethod(StrEnum):
    MATCHED_KNOWN_DATA = "matched_known_data"
    EXTRA_INFO_REQUESTED = "extra_info_requested"
    ID_DOCUMENT_SEEN = "id_document_seen"
    REPRESENTATIVE_AUTHORISATION = "representative_authorisation"


class IdentityOutcome(StrEnum):
    VERIFIED = "verified"
    DOUBT = "doubt"
    FAILED = "failed"


class DocumentKind(StrEnum):
    SCAN = "scan"
    LETTER = "letter"
    AUTHORISATION = "authorisation"
    ID_COPY = "id_copy"
    ATTACHMENT = "attachment"
    EXPORT = "export"


class IdentifierKind(StrEnum):
    EMAIL = "email"
    CUSTOMER_NUMBER = "customer_number"
    PHONE = "phone"
    POSTCODE_HOUSE_NUMBER = "postcode_house_number"
    NAME_BIRTH_DATE = "name_birth_date"
    IP_ADDRESS = "ip_address"
    NAME = "name"
    USER_ID = "user_id"
    OTHER = "other"


class LetterStatus(StrEnum):
    """A letter is a draft (editable) until it is final (stored, hashed, never changed)."""

    DRAFT = "draft"
    FINAL = "final"


class FindingReview(StrEnum):
    """The officer's review of a finding; only confirmed findings reach a letter."""

    PENDING = "pending"
    CONFIRMED = "confirmed"
    REJECTED = "rejected"


# A planned change the officer makes by hand in the source system (the connector cannot).
BY_HAND = "by_hand"


class ChangeOutcome(StrEnum):
    """What became of one planned change (``change_action.outcome``)."""

    PLANNED = "planned"  # not executed yet (approved or not)
    REMOVED = "removed"  # erased by the connector
    CHANGED = "changed"  # corrected by the connector
    KEPT = "kept"  # deliberately kept (the reason is in the detail)
    FAILED = "failed"  # the connector could not do it; execute again or do it by hand
    REMOVED_BY_HAND = "removed_by_hand"  # done by a person outside the app: who, when, a note


# A change is done when it reached one of these outcomes (the finalise gate reads it).
CHANGE_DONE: frozenset[str] = frozenset(
    {
        ChangeOutcome.REMOVED,
        ChangeOutcome.CHANGED,
        ChangeOutcome.KEPT,
        ChangeOutcome.REMOVED_BY_HAND,
    }
)
