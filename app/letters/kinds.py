"""The letter-kind registry: every letter type declared once (payload, options, effect, labels).

A letter kind says which payload it carries and who builds it from the case (``build_payload``,
a services function, given as ``"module:function"`` so that this module stays light and loads
it on first use), which values its template gets from the payload (``fill``), which options the
officer gives (and with which widget), its labels (marked with ``N_``; shown with
``translate(label, lang)``), its template name, what it does to the case when it is
finalised (``effect``, pure rules in ``app.core.letter_effects``) and what must be done before
it may be final (``gate``, pure rules in ``app.core.finalise_gate``).

This module imports no heavy library (no ReportLab, no SQLAlchemy): the CLI parser and the
forms read it. Adding a letter type: declare a ``LetterKind`` below (or call
``register_letter_kind`` from a test), write its templates, see docs/adding-a-letter-type.md.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from enum import StrEnum
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from app.core.errors import ValidationError
from app.core.finalise_gate import NO_GATE, REFUSAL_GATE, FinaliseGate, IdentityNeed
from app.core.i18n import N_, _, translate
from app.core.letter_effects import NO_EFFECT, DecisionRule, LetterEffect
from app.letters.fills import (
    Flags,
    Values,
    fill_access,
    fill_clarification,
    fill_erasure,
    fill_extension,
    fill_objection,
    fill_recipient_notice,
    fill_rectification,
    fill_refusal,
)
from app.letters.payloads import (
    ART41_INTERESTS,
    AccessPayload,
    ClarificationPayload,
    ErasurePayload,
    ExtensionPayload,
    FeeOrRefuse,
    ObjectionErasure,
    ObjectionPayload,
    RecipientAction,
    RecipientNoticePayload,
    RectificationPayload,
    RefusalPayload,
)

if TYPE_CHECKING:
    from app.letters.context import LetterContext


class LetterType(StrEnum):
    """The codes of the built-in kinds below (a registered kind may use any other code)."""

    ACKNOWLEDGEMENT = "acknowledgement"
    CLARIFICATION = "clarification"
    EXTENSION = "extension"
    ACCESS = "access"
    RECTIFICATION = "rectification"
    ERASURE = "erasure"
    OBJECTION = "objection"
    REFUSAL = "refusal"
    RECIPIENT_NOTICE = "recipient_notice"


class OptionWidget(StrEnum):
    """How the new-letter form asks for an option (the CLI takes every option as --set)."""

    LINE = "line"  # one line of text
    TEXT = "text"  # a few lines of text
    FLAG = "flag"  # yes/no, stored as "yes"/"no"
    CHOICE = "choice"  # one of ``choices``
    PROCESSING = "processing"  # the name of a processing activity in the register
    PROCESSINGS = "processings"  # entries of the processing register, one per line


@dataclass(frozen=True)
class LetterOption:
    """One detail the officer gives for a letter (the form asks for it; the CLI takes --set)."""

    name: str
    label: str  # N_-marked; translate(label, lang) where it is shown
    widget: OptionWidget = OptionWidget.LINE
    default: str = ""  # a flag's default is "yes" or ""
    choices: tuple[tuple[str, str], ...] = ()  # (code, N_-marked label) for CHOICE


@dataclass(frozen=True)
class PayloadRequest:
    """What a payload builder gets: the open session and the case (services types), and more."""

    session: Any  # sqlalchemy.orm.Session (this module does not import SQLAlchemy)
    case: Any  # app.data.models.Case
    lang: str
    letter_date: date
    options: Mapping[str, str]


PayloadBuilder = Callable[[PayloadRequest], object]
Fill = Callable[["LetterContext", Any, Values, Flags], None]


@dataclass(frozen=True)
class LetterKind:
    """One letter type, declared once; everything else reads it from the registry."""

    code: str  # stored in letter.letter_type; the CLI's --type
    label: str  # N_-marked title, e.g. "Extension notice"
    noun: str  # N_-marked name in running text and the dossier, e.g. "extension notice"
    template: str  # resources/letters/<lang>/<template>.txt (or in ``templates_dir``)
    payload_type: type | None = None  # None: the letter carries no payload
    build_payload: PayloadBuilder | str | None = None  # "module:function" loads on first use
    fill: Fill | None = None  # adds the payload's values and flags for the template
    options: tuple[LetterOption, ...] = ()
    examples: Mapping[str, Mapping[str, str]] = field(default_factory=dict)  # lang -> options
    effect: LetterEffect = NO_EFFECT
    gate: FinaliseGate = NO_GATE  # what must be done before the letter is final
    allowed_while_paused: bool = False  # the letter names no deadline (the clock may be paused)
    templates_dir: Path | None = None  # None: resources/letters

    @property
    def option_names(self) -> tuple[str, ...]:
        return tuple(option.name for option in self.options)

    def example_options(self, lang: str) -> dict[str, str]:
        """Reasonable example options (selftest, demo, the form's first values)."""
        return dict(self.examples.get(lang) or self.examples.get("en") or {})

    def payload_builder(self) -> PayloadBuilder | None:
        """The builder, imported on first use when it is given as "module:function"."""
        builder = self.build_payload
        if isinstance(builder, str):
            module, _sep, name = builder.partition(":")
            found: PayloadBuilder = getattr(importlib.import_module(module), name)
            return found
        return builder

    def check_payload(self, payload: object) -> None:
        """A payload of the wrong type is a programming error of the caller (ValueError)."""
        expected = self.payload_type
        if expected is None:
            if payload is not None:
                raise ValueError(
                    _("a {letter_type} letter takes no payload", letter_type=self.code)
                )
        elif not isinstance(payload, expected):
            raise ValueError(
                _(
                    "a {letter_type} letter needs a {kind}, got {got}",
                    letter_type=self.code,
                    kind=expected.__name__,
                    got=type(payload).__name__,
                )
            )


_REASONS = LetterOption("reasons", N_("Reasons"), OptionWidget.TEXT)


def _answer_gate(
    *,
    identity: IdentityNeed = IdentityNeed.ALWAYS,
    search: bool = False,
    changes: tuple[str, ...] = (),
) -> FinaliseGate:
    """The gate of an answer that grants (a refusal has ``REFUSAL_GATE``): issue 12 §1."""
    return FinaliseGate(
        identity=identity,
        search=search,
        changes=changes,
        authorisation=True,
        portability_export=True,
    )


BUILTIN_KINDS: tuple[LetterKind, ...] = (
    LetterKind(
        code=LetterType.ACKNOWLEDGEMENT.value,
        label=N_("Acknowledgement of receipt"),
        noun=N_("acknowledgement of receipt"),
        template="acknowledgement",
        effect=LetterEffect(acknowledges=True),
        allowed_while_paused=True,  # the dates as if the clock resumed on the letter date
    ),
    LetterKind(
        code=LetterType.CLARIFICATION.value,
        label=N_("Request for identification or clarification"),
        noun=N_("request for identification or clarification"),
        template="clarification",
        payload_type=ClarificationPayload,
        build_payload="app.services.letter_payloads:clarification_payload",
        fill=fill_clarification,
        options=(
            LetterOption("what_needed", N_("What we need from them"), OptionWidget.TEXT),
            LetterOption("why", N_("Why we need it"), OptionWidget.TEXT),
            LetterOption(
                "id_copy_needed",
                N_("A (masked) copy of an ID document is truly needed"),
                OptionWidget.FLAG,
            ),
        ),
        examples={
            "nl": {
                "what_needed": "uw klantnummer of het e-mailadres waarmee u bij ons bekend bent",
                "why": "wij vinden meerdere personen met uw naam",
            },
            "en": {
                "what_needed": "your customer number or the e-mail address you use with us",
                "why": "we hold several people with your name",
            },
            "de": {
                "what_needed": "Ihre Kundennummer oder die E-Mail-Adresse, die Sie bei uns nutzen",
                "why": "Bei uns sind mehrere Personen mit Ihrem Namen gespeichert",
            },
        },
        effect=LetterEffect(pauses_clock=True),
        allowed_while_paused=True,
    ),
    LetterKind(
        code=LetterType.EXTENSION.value,
        label=N_("Extension notice"),
        noun=N_("extension notice"),
        template="extension",
        payload_type=ExtensionPayload,
        build_payload="app.services.letter_payloads:extension_payload",
        fill=fill_extension,
        options=(_REASONS,),
        examples={
            "nl": {"reasons": "uw verzoek betreft veel systemen"},
            "en": {"reasons": "your request covers many systems"},
            "de": {"reasons": "Ihr Antrag betrifft viele Systeme"},
        },
        effect=LetterEffect(extends_deadline=True),
        allowed_while_paused=True,  # Art. 12(3) while paused: core/deadlines.py
    ),
    LetterKind(
        code=LetterType.ACCESS.value,
        label=N_("Access answer (with data overview)"),
        noun=N_("access answer"),
        template="access",
        payload_type=AccessPayload,
        build_payload="app.services.access_answer:access_payload",
        fill=fill_access,
        options=(
            LetterOption(
                "leave_out",
                N_("Processing activities that do not apply to this person (one per line)"),
                OptionWidget.PROCESSINGS,
            ),
            LetterOption(
                "withhold",
                N_("Names of other people to withhold (one per line)"),
                OptionWidget.TEXT,
            ),
            LetterOption(
                "redactions", N_("Redactions (other people's data left out)"), OptionWidget.TEXT
            ),
        ),
        effect=LetterEffect(answers=True, decides=DecisionRule.ACCESS),
        gate=replace(_answer_gate(search=True), register=True),
    ),
    LetterKind(
        code=LetterType.RECTIFICATION.value,
        label=N_("Rectification done"),
        noun=N_("rectification done"),
        template="rectification",
        payload_type=RectificationPayload,
        build_payload="app.services.letter_payloads:rectification_payload",
        fill=fill_rectification,
        options=(
            LetterOption(
                "no_recipients",
                N_("I confirm: these data were given to no one (no Art. 19 notice needed)"),
                OptionWidget.FLAG,
            ),
        ),
        effect=LetterEffect(answers=True, decides=DecisionRule.RECTIFICATION),
        gate=_answer_gate(changes=("rectification",)),
    ),
    LetterKind(
        code=LetterType.ERASURE.value,
        label=N_("Erasure done or partly refused"),
        noun=N_("erasure done or partly refused"),
        template="erasure",
        payload_type=ErasurePayload,
        build_payload="app.services.letter_payloads:erasure_payload",
        fill=fill_erasure,
        effect=LetterEffect(answers=True, decides=DecisionRule.ERASURE),
        gate=_answer_gate(search=True, changes=("erasure",)),
    ),
    LetterKind(
        code=LetterType.OBJECTION.value,
        label=N_("Objection upheld or refused"),
        noun=N_("objection upheld or refused"),
        template="objection",
        payload_type=ObjectionPayload,
        build_payload="app.services.letter_payloads:objection_payload",
        fill=fill_objection,
        options=(
            LetterOption(
                "direct_marketing",
                N_("The objection is against direct marketing"),
                OptionWidget.FLAG,
                default="yes",
            ),
            LetterOption(
                "processing", N_("Processing objected to (register)"), OptionWidget.PROCESSING
            ),
            LetterOption("upheld", N_("The objection is upheld"), OptionWidget.FLAG, default="yes"),
            LetterOption("stopped", N_("What stopped (when upheld)"), OptionWidget.TEXT),
            LetterOption(
                "erasure",
                N_("The data used for it (when upheld)"),
                OptionWidget.CHOICE,
                default=ObjectionErasure.ERASE.value,
                choices=(
                    (ObjectionErasure.ERASE.value, N_("are erased")),
                    (
                        ObjectionErasure.KEEP_FOR_OTHER_PURPOSES.value,
                        N_("are kept for other purposes"),
                    ),
                ),
            ),
            LetterOption(
                "restricted",
                N_("Use was restricted during the assessment (Art. 18(1)(d))"),
                OptionWidget.FLAG,
                default="yes",
            ),
            LetterOption("grounds", N_("Compelling grounds (when not upheld)"), OptionWidget.TEXT),
        ),
        effect=LetterEffect(answers=True, decides=DecisionRule.OBJECTION),
        gate=_answer_gate(identity=IdentityNeed.WHEN_UPHELD),
    ),
    LetterKind(
        code=LetterType.REFUSAL.value,
        label=N_("Refusal"),
        noun=N_("refusal"),
        template="refusal",
        payload_type=RefusalPayload,
        build_payload="app.services.letter_payloads:refusal_payload",
        fill=fill_refusal,
        options=(
            _REASONS,
            LetterOption(
                "manifestly_unfounded_or_excessive",
                N_("Manifestly unfounded or excessive (Art. 12(5))"),
                OptionWidget.FLAG,
            ),
            LetterOption(
                "fee_or_refuse",
                N_("What we do"),
                OptionWidget.CHOICE,
                default=FeeOrRefuse.REFUSE.value,
                choices=(
                    (FeeOrRefuse.REFUSE.value, N_("refuse the request")),
                    (FeeOrRefuse.FEE.value, N_("ask a reasonable fee (Art. 12(5)(a))")),
                ),
            ),
            LetterOption("fee_eur", N_("Fee in euros (when a fee is asked)")),
            LetterOption(
                "art41_interest",
                N_("Right restricted by law: interest of art. 41(1) UAVG"),
                OptionWidget.CHOICE,
                choices=(("", N_("none")), *ART41_INTERESTS),
            ),
            LetterOption(
                "necessity",
                N_("Why that restriction is necessary (art. 41(2) UAVG)"),
                OptionWidget.TEXT,
            ),
        ),
        examples={
            "nl": {"reasons": "wij verwerken geen gegevens van u"},
            "en": {"reasons": "we do not process your data"},
            "de": {"reasons": "Wir verarbeiten keine Daten über Sie"},
        },
        effect=LetterEffect(refuses=True, decides=DecisionRule.REFUSAL),
        gate=REFUSAL_GATE,
        allowed_while_paused=True,
    ),
    LetterKind(
        code=LetterType.RECIPIENT_NOTICE.value,
        label=N_("Notice to a recipient (Art. 19)"),
        noun=N_("notice to a recipient (Art. 19)"),
        template="recipient_notice",
        payload_type=RecipientNoticePayload,
        build_payload="app.services.letter_payloads:recipient_notice_payload",
        fill=fill_recipient_notice,
        options=(
            LetterOption("recipient_name", N_("Recipient")),
            LetterOption("recipient_street", N_("Street and number / PO box")),
            LetterOption("recipient_postcode", N_("Postcode")),
            LetterOption("recipient_city", N_("Town")),
            LetterOption("recipient_country", N_("Country code"), default="NL"),
            LetterOption(
                "action",
                N_("What the recipient must do"),
                OptionWidget.CHOICE,
                default=RecipientAction.ERASURE.value,
                choices=(
                    (RecipientAction.ERASURE.value, N_("erase the data")),
                    (RecipientAction.RECTIFICATION.value, N_("correct the data")),
                    (RecipientAction.RESTRICTION.value, N_("restrict the processing")),
                ),
            ),
            LetterOption("details", N_("Which data"), OptionWidget.TEXT),
            LetterOption(
                "processor",
                N_("The recipient is our processor (the letter instructs it, Art. 28(3))"),
                OptionWidget.FLAG,
            ),
        ),
        examples={
            lang: {
                "recipient_name": "Mailing Partners B.V.",
                "recipient_street": "Postbus 100",
                "recipient_postcode": "5211 AA",
                "recipient_city": "'s-Hertogenbosch",
                "action": "erasure",
                "details": details,
            }
            for lang, details in (
                ("nl", "e-mailadres en naam"),
                ("en", "e-mail address and name"),
                ("de", "E-Mail-Adresse und Name"),
            )
        },
        effect=LetterEffect(notifies_recipient=True),
    ),
)

_KINDS: dict[str, LetterKind] = {kind.code: kind for kind in BUILTIN_KINDS}


def letter_kinds() -> tuple[LetterKind, ...]:
    """Every registered kind, built-in ones first, in the order of the forms."""
    return tuple(_KINDS.values())


def letter_noun(code: str, lang: str) -> str:
    """The name of a letter kind in running text (the dossier); an unknown code as it is."""
    kind = _KINDS.get(code)
    return code if kind is None else translate(kind.noun, lang)


def letter_codes() -> tuple[str, ...]:
    """The codes of every registered kind (the CLI's --type choices)."""
    return tuple(_KINDS)


def letter_kind(code: str) -> LetterKind:
    """The kind with ``code``; an unknown code is the officer's (or script's) mistake."""
    try:
        return _KINDS[str(code)]
    except KeyError:
        known = ", ".join(_KINDS)
        raise ValidationError(
            {"letter_type": _("Unknown letter type. Use one of: {known}.", known=known)}
        ) from None


class Registration:
    """Undo of one ``register_letter_kind``; also a context manager (``with ...:``)."""

    def __init__(self, kind: LetterKind) -> None:
        self.kind = kind

    def undo(self) -> None:
        if _KINDS.get(self.kind.code) is self.kind:
            del _KINDS[self.kind.code]

    def __enter__(self) -> LetterKind:
        return self.kind

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.undo()


def register_letter_kind(kind: LetterKind) -> Registration:
    """Add ``kind`` to the registry (a plug-in, a test); the result undoes it."""
    if kind.code in _KINDS:
        raise ValueError(_("letter kind {code} is registered already", code=repr(kind.code)))
    _KINDS[kind.code] = kind
    return Registration(kind)
