"""A final letter's printed state: set by today's print run or when marked "sent by post"."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.dates import format_date
from app.core.enums import LetterStatus
from app.core.errors import NotFoundError, UserError, ValidationError
from app.core.i18n import _
from app.data.database import Database
from app.data.models import Case, Letter
from app.services import audit
from app.services.lookup import case_by_reference

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def mark_printed(session: Session, letter_ids: Iterable[int], at: datetime | None = None) -> int:
    """Letters that went into a print run are printed (the first print counts); returns how many
    letters changed."""
    at = at or datetime.now(UTC)
    changed = 0
    ids = list(letter_ids)
    if not ids:
        return 0
    for letter in session.scalars(select(Letter).where(Letter.id.in_(ids))):
        if letter.status == LetterStatus.FINAL and letter.printed_at is None:
            letter.printed_at = at
            changed += 1
    return changed


def mark_sent_by_post(
    db: Database, *, actor: str, letter_id: int, posted_on: date, today: date | None = None
) -> None:
    """Record that a final letter was posted on ``posted_on`` (printed elsewhere, e.g. a copy)."""
    today = today or date.today()
    if posted_on > today:
        raise ValidationError({"posted_on": _("A letter cannot have been posted in the future.")})
    with db.session() as session:
        letter = session.get(Letter, letter_id)
        if letter is None:
            raise NotFoundError(_("That letter no longer exists."))
        if letter.status != LetterStatus.FINAL:
            raise UserError(_("Only a final letter can be sent. Finalise the draft first."))
        if letter.letter_date is not None and posted_on < letter.letter_date:
            raise ValidationError(
                {"posted_on": _("A letter cannot be posted before its own date.")}
            )
        case = session.get(Case, letter.case_id)
        before = {"printed_at": letter.printed_at}
        letter.printed_at = datetime.combine(posted_on, time(12), AMSTERDAM).astimezone(UTC)
        audit.record(
            session,
            case=case,
            actor=actor,
            action="letter_posted",
            summary=f"{letter.letter_type} letter sent by post on {format_date(posted_on, 'en')}",
            before=before,
            after={"letter_id": letter.id, "posted_on": posted_on},
        )


def mark_case_letters_posted(
    db: Database,
    *,
    actor: str,
    reference: str,
    posted_on: date,
    letter_type: str | None = None,
    today: date | None = None,
) -> int:
    """Mark every final, not yet printed letter of a case (of one type) as sent by post."""
    with db.session() as session:
        case = case_by_reference(session, reference)
        query = select(Letter.id).where(
            Letter.case_id == case.id,
            Letter.status == LetterStatus.FINAL.value,
            Letter.printed_at.is_(None),
        )
        if letter_type:
            query = query.where(Letter.letter_type == letter_type)
        ids = list(session.scalars(query.order_by(Letter.id)))
    if not ids:
        raise UserError(
            _("Case {reference} has no final letter waiting to be posted.", reference=reference)
        )
    for letter_id in ids:
        mark_sent_by_post(db, actor=actor, letter_id=letter_id, posted_on=posted_on, today=today)
    return len(ids)


def printed_of_case(db: Database, *, reference: str) -> dict[int, datetime | None]:
    """Letter id -> when it was printed or posted (None: not yet), for one case's letters."""
    with db.session() as session:
        case = case_by_reference(session, reference)
        rows = session.execute(
            select(Letter.id, Letter.printed_at).where(Letter.case_id == case.id)
        ).all()
        return {int(i): at for i, at in rows}


def printed_at_of(db: Database, *, letter_id: int) -> datetime | None:
    """When the letter was printed or posted (None: not yet)."""
    with db.session() as session:
        letter = session.get(Letter, letter_id)
        if letter is None:
            raise NotFoundError(_("That letter no longer exists."))
        return letter.printed_at
