"""Why kept data is kept: the officer records the Art. 17(3) ground (or the expiry) per item."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import select

from app.core.enums import ChangeOutcome
from app.core.errors import UserError, ValidationError
from app.core.i18n import _
from app.core.kept_data import EXPIRES, KeepDecision
from app.data.database import Database
from app.data.models import ChangeAction
from app.services import audit
from app.services.changes import ActionInfo, actions_of
from app.services.lookup import case_by_reference


def record_keep_decision(
    db: Database,
    *,
    actor: str,
    reference: str,
    decision: KeepDecision,
    action_ids: Sequence[int] = (),
    system: str = "",
    today: date | None = None,
) -> list[ActionInfo]:
    """Record why kept erasure items are kept: the given ids, or every kept item of ``system``.

    The end date is computed here (event date plus period, or the expiry date) and stored, so
    the letter and the dossier say the same. Audited; every problem is named at once.
    """
    today = today or date.today()
    if not action_ids and not system.strip():
        raise ValidationError({"action": _("Say which kept item(s): their ids or the system.")})
    clean = decision.checked(today)
    until = clean.until()
    with db.session() as session:
        case = case_by_reference(session, reference)
        query = select(ChangeAction).where(
            ChangeAction.case_id == case.id, ChangeAction.operation == "erasure"
        )
        if action_ids:
            query = query.where(ChangeAction.id.in_(list(action_ids)))
        else:
            query = query.where(ChangeAction.system == system.strip())
        rows = list(session.scalars(query.order_by(ChangeAction.id)))
        if action_ids and len(rows) != len(set(action_ids)):
            missing = sorted(set(action_ids) - {r.id for r in rows})
            raise UserError(
                _(
                    "These ids are no planned erasure of this case: {ids}. See `case erase "
                    "{reference} plan` for the ids.",
                    ids=", ".join(str(i) for i in missing),
                    reference=case.reference,
                )
            )
        rows = [r for r in rows if r.outcome == ChangeOutcome.KEPT]
        if not rows:
            raise UserError(
                _(
                    "There is no kept item to record a reason for. Execute the erasure first; "
                    "only what the systems kept needs a reason."
                )
            )
        before = [{"action_id": r.id, "ground": r.keep_ground} for r in rows]
        for row in rows:
            row.keep_ground = clean.ground
            row.keep_statute = "" if clean.ground == EXPIRES else clean.statute
            row.keep_event = "" if clean.ground == EXPIRES else clean.event
            row.keep_event_on = None if clean.ground == EXPIRES else clean.event_on
            row.keep_period = "" if clean.ground == EXPIRES else clean.period
            row.keep_until = until
        audit.record(
            session,
            case=case,
            actor=actor,
            action="erasure_keep_reason",
            summary=(
                _(
                    "{n} kept item(s): deleted by itself on {until}",
                    n=len(rows),
                    until=until.isoformat(),
                )
                if clean.ground == EXPIRES
                else _(
                    "{n} kept item(s): Art. 17(3)({ground}), {statute}, {period} from {event} "
                    "({event_on}), until {until}",
                    n=len(rows),
                    ground=clean.ground,
                    statute=clean.statute,
                    period=clean.period,
                    event=clean.event,
                    event_on=clean.event_on.isoformat() if clean.event_on else "",
                    until=until.isoformat(),
                )
            ),
            before={"items": before},
            after={
                "action_ids": [r.id for r in rows],
                "ground": clean.ground,
                "statute": clean.statute,
                "event": clean.event,
                "event_on": clean.event_on.isoformat() if clean.event_on else None,
                "period": clean.period,
                "until": until.isoformat(),
            },
        )
        ids = {r.id for r in rows}
    return [a for a in actions_of(db, reference=reference, operation="erasure") if a.id in ids]
