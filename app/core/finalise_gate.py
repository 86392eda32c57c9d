"""The finalise gate: which conditions an answer letter needs before it is final (pure rules).

Each letter kind declares its gate (``LetterKind.gate``); the services gather a
:class:`GateSnapshot` of the case and ask :func:`unmet_conditions`. An unmet condition can be
overridden only with a written reason; the letter then names what was not done.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from app.core.errors import UserError, ValidationError
from app.core.i18n import Message, _
from app.core.letter_effects import option_flag


class Condition(StrEnum):
    """One condition of the gate; the value is what ``--override CONDITION=reason`` names."""

    IDENTITY = "identity"  # identity recorded as established
    SYSTEMS_SEARCHED = "systems_searched"  # every enabled system searched
    SEARCHES_FAILED = "searches_failed"  # no system's last search failed
    MANUAL_CHECKS = "manual_checks"  # no manual check open
    FINDINGS_REVIEWED = "findings_reviewed"  # no weak finding pending review
    CHANGES_DONE = "changes_done"  # every planned change executed or removed by hand
    AUTHORISATION = "authorisation"  # the representative's authorisation present
    PORTABILITY_EXPORT = "portability_export"  # the portability export made
    PROCESSING_LINKED = "processing_linked"  # every system with data has a processing (access)
    RECIPIENTS_NAMED = "recipients_named"  # recipients named, or why not recorded (access)
    REGISTER_LANGUAGE = "register_language"  # the register's texts exist in the letter language


class IdentityNeed(StrEnum):
    """When a letter kind needs the identity established."""

    NEVER = "never"
    ALWAYS = "always"
    WHEN_UPHELD = "when_upheld"  # an objection letter that upholds the objection


@dataclass(frozen=True)
class FinaliseGate:
    """What one letter kind needs before it is final (declared on the kind in the registry)."""

    identity: IdentityNeed = IdentityNeed.NEVER
    search: bool = False  # every system searched, none failed, no check or review open
    changes: tuple[str, ...] = ()  # operations whose planned changes must all be done
    authorisation: bool = False  # a registered representative's authorisation is present
    portability_export: bool = False  # the export is made when portability is requested
    register: bool = False  # the processings the access answer prints are complete

    @property
    def empty(self) -> bool:
        return self == NO_GATE


NO_GATE = FinaliseGate()
# Every answer (a refusal too) goes to the representative only with their authorisation.
REFUSAL_GATE = FinaliseGate(authorisation=True)


@dataclass(frozen=True)
class GateSnapshot:
    """The case state the gate reads (the services gather it inside the transaction)."""

    identity_established: bool = False
    enabled_systems: tuple[str, ...] = ()
    searched_systems: frozenset[str] = frozenset()  # systems whose last search finished ok
    failed_systems: tuple[str, ...] = ()  # last search failed, cancelled or timed out
    open_manual_checks: tuple[str, ...] = ()
    pending_findings: int = 0
    open_changes: Mapping[str, int] = field(default_factory=dict)  # operation -> planned/failed
    unplanned_records: Mapping[str, int] = field(default_factory=dict)  # confirmed, no action
    representative: bool = False
    authorisation_present: bool = False
    portability_requested: bool = False  # requested and not decided as refused / no data
    portability_exported: bool = False
    # The access answer's register facts (gathered only for a gate with ``register``):
    unlinked_systems: tuple[str, ...] = ()  # confirmed data, no processing in the answer
    unnamed_recipients: tuple[str, ...] = ()  # processings with only categories, no reason
    missing_texts: tuple[str, ...] = ()  # "processing: field, field" lacking the language


@dataclass(frozen=True)
class Unmet:
    """One unmet condition and the message that says what to do about it."""

    condition: Condition
    message: Message
    detail: str = ""  # names of systems, counts: for the letter's "not done" sentence


def needs_identity(gate: FinaliseGate, options: Mapping[str, str]) -> bool:
    if gate.identity == IdentityNeed.ALWAYS:
        return True
    if gate.identity == IdentityNeed.WHEN_UPHELD:
        # Direct marketing objections are always upheld (Art. 21(3)); see letter_effects.
        direct = option_flag(options, "direct_marketing", default=True)
        return direct or option_flag(options, "upheld", default=True)
    return False


def _names(names: Sequence[str]) -> str:
    return ", ".join(names)


def _search_conditions(snap: GateSnapshot) -> list[Unmet]:
    unmet: list[Unmet] = []
    failed = set(snap.failed_systems)
    manual = set(snap.open_manual_checks)
    not_searched = [
        s
        for s in snap.enabled_systems
        if s not in snap.searched_systems and s not in failed and s not in manual
    ]
    if not_searched:
        names = _names(not_searched)
        unmet.append(
            Unmet(
                Condition.SYSTEMS_SEARCHED,
                _("Not every system was searched: {systems}. Search them first.", systems=names),
                names,
            )
        )
    if snap.failed_systems:
        names = _names(snap.failed_systems)
        unmet.append(
            Unmet(
                Condition.SEARCHES_FAILED,
                _("The search failed in: {systems}. Search these systems again.", systems=names),
                names,
            )
        )
    if snap.open_manual_checks:
        names = _names(snap.open_manual_checks)
        unmet.append(
            Unmet(
                Condition.MANUAL_CHECKS,
                _("A manual check is still open: {systems}. Record its result.", systems=names),
                names,
            )
        )
    if snap.pending_findings:
        unmet.append(
            Unmet(
                Condition.FINDINGS_REVIEWED,
                _(
                    "{n} finding(s) still wait for your review. Confirm or reject them.",
                    n=snap.pending_findings,
                ),
                str(snap.pending_findings),
            )
        )
    return unmet


def _register_conditions(snap: GateSnapshot) -> list[Unmet]:
    unmet: list[Unmet] = []
    if snap.unlinked_systems:
        names = _names(snap.unlinked_systems)
        unmet.append(
            Unmet(
                Condition.PROCESSING_LINKED,
                _(
                    "Data was found in {systems}, but no processing activity in the answer is "
                    "linked to it. Link the system to its processing in the register (or put "
                    "back a processing that was left out).",
                    systems=names,
                ),
                names,
            )
        )
    if snap.unnamed_recipients:
        names = _names(snap.unnamed_recipients)
        unmet.append(
            Unmet(
                Condition.RECIPIENTS_NAMED,
                _(
                    "The register gives only categories of recipients for: {processings}. Name "
                    "the recipients (CJEU C-154/21), or record why naming them is impossible.",
                    processings=names,
                ),
                names,
            )
        )
    if snap.missing_texts:
        names = "; ".join(snap.missing_texts)
        unmet.append(
            Unmet(
                Condition.REGISTER_LANGUAGE,
                _(
                    "The register lacks texts in the letter's language: {missing}. Fill them in "
                    "the register; the letter never falls back to another language.",
                    missing=names,
                ),
                names,
            )
        )
    return unmet


def unmet_conditions(
    gate: FinaliseGate, snap: GateSnapshot, options: Mapping[str, str] | None = None
) -> list[Unmet]:
    """Every condition of ``gate`` that the case in ``snap`` does not meet, in a fixed order."""
    options = options or {}
    unmet: list[Unmet] = []
    if needs_identity(gate, options) and not snap.identity_established:
        unmet.append(
            Unmet(
                Condition.IDENTITY,
                _("Identity is not established yet. Record the identity check first."),
            )
        )
    if gate.search:
        unmet.extend(_search_conditions(snap))
    if gate.register:
        unmet.extend(_register_conditions(snap))
    for operation in gate.changes:
        open_count = snap.open_changes.get(operation, 0)
        unplanned = snap.unplanned_records.get(operation, 0)
        if open_count or unplanned:
            unmet.append(
                Unmet(
                    Condition.CHANGES_DONE,
                    _(
                        "Not every {operation} is done: {open} planned change(s) not executed, "
                        "{unplanned} confirmed record(s) without a plan. Execute the plan, or "
                        "record what was removed by hand.",
                        operation=operation,
                        open=open_count,
                        unplanned=unplanned,
                    ),
                    operation,
                )
            )
    if gate.authorisation and snap.representative and not snap.authorisation_present:
        unmet.append(
            Unmet(
                Condition.AUTHORISATION,
                _(
                    "The representative's authorisation is missing. Add it to the case as a "
                    "document of the kind 'authorisation'."
                ),
            )
        )
    if gate.portability_export and snap.portability_requested and not snap.portability_exported:
        unmet.append(
            Unmet(
                Condition.PORTABILITY_EXPORT,
                _("Portability is requested but no portability export was made. Make it first."),
            )
        )
    return unmet


class GateRefused(UserError):
    """The letter cannot be final yet: ``unmet`` lists every condition still open."""

    def __init__(self, unmet: Sequence[Unmet]) -> None:
        self.unmet = tuple(unmet)
        super().__init__(
            _(
                "This letter cannot be final yet: {n} condition(s) are not met. Do what is "
                "listed, or override a condition with a written reason.",
                n=len(self.unmet),
            )
        )

    @property
    def messages(self) -> tuple[Message, ...]:
        return tuple(u.message for u in self.unmet)


def parse_overrides(items: Sequence[str]) -> dict[str, str]:
    """``["identity=asked by phone", ...]`` (the CLI's --override) -> condition -> reason."""
    out: dict[str, str] = {}
    for item in items:
        code, sep, reason = item.partition("=")
        if not sep:
            raise ValidationError(
                {
                    "override": _(
                        'Write an override as CONDITION=reason, e.g. identity="..."; '
                        "conditions: {known}.",
                        known=", ".join(c.value for c in Condition),
                    )
                }
            )
        out[code.strip()] = reason
    return out


def apply_overrides(unmet: Sequence[Unmet], overrides: Mapping[str, str]) -> list[Unmet]:
    """The unmet conditions that the overrides cover; raises if any stays open or is unclear.

    Every override names a known condition and carries a reason; an override of a condition
    that is met is refused too (the officer should know the state of the case).
    """
    known = {c.value for c in Condition}
    for code, reason in overrides.items():
        if code not in known:
            raise ValidationError(
                {
                    "override": _(
                        "Unknown condition '{code}'. Use one of: {known}.",
                        code=code,
                        known=", ".join(c.value for c in Condition),
                    )
                }
            )
        if not reason.strip():
            raise ValidationError(
                {"override": _("Give a written reason for overriding '{code}'.", code=code)}
            )
    open_codes = {u.condition.value for u in unmet}
    not_open = sorted(set(overrides) - open_codes)
    if not_open:
        raise ValidationError(
            {
                "override": _(
                    "These conditions are met and need no override: {codes}.",
                    codes=", ".join(not_open),
                )
            }
        )
    remaining = [u for u in unmet if u.condition.value not in overrides]
    if remaining:
        raise GateRefused(remaining)
    return list(unmet)
