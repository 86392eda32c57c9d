"""Portability (Art. 20) is decided by its own action, after the export is made."""

from __future__ import annotations

from app.core.errors import ValidationError
from app.core.finalise_gate import FinaliseGate, GateRefused, IdentityNeed, unmet_conditions
from app.core.i18n import _
from app.core.outcomes import GRANTED, NO_DATA, REFUSED, STATED_IN_REFUSAL_LETTER
from app.data.database import Database
from app.services import audit
from app.services.cases import set_outcomes
from app.services.gate import gate_snapshot
from app.services.lookup import case_by_reference

PORTABILITY_OUTCOMES = (GRANTED, NO_DATA, REFUSED)

# Granting portability needs what any granted answer needs, and the export itself.
PORTABILITY_GATE = FinaliseGate(
    identity=IdentityNeed.ALWAYS, authorisation=True, portability_export=True
)


def decide_portability(
    db: Database, *, actor: str, reference: str, outcome: str, note: str = ""
) -> int:
    """Record the portability decision: granted (export made), no data, or refused (why).

    Returns the case's new version. Granted passes the same gate as an answer letter.
    """
    if outcome not in PORTABILITY_OUTCOMES:
        raise ValidationError(
            {"outcome": _("Choose one of: {choices}.", choices=", ".join(PORTABILITY_OUTCOMES))}
        )
    if outcome == REFUSED and not note.strip():
        raise ValidationError({"note": _("Say why portability is refused.")})
    with db.session() as session:
        case = case_by_reference(session, reference)
        if "portability" not in {t.code for t in case.request_types}:
            raise ValidationError({"outcome": _("This case has no portability request.")})
        if outcome == GRANTED:
            unmet = unmet_conditions(PORTABILITY_GATE, gate_snapshot(session, case))
            if unmet:
                raise GateRefused(unmet)
        if note.strip():
            audit.record(
                session,
                case=case,
                actor=actor,
                action="portability_decided",
                summary=f"Portability {outcome}: {note.strip()}",
                after={"outcome": outcome, "note": note.strip()},
            )
    grounds = {"portability": STATED_IN_REFUSAL_LETTER} if outcome == REFUSED else None
    return set_outcomes(
        db, actor=actor, reference=reference, outcomes={"portability": outcome}, grounds=grounds
    )
