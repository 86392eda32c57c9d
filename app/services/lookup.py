"""Loading a case by reference, with a clear error when it does not exist."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.errors import NotFoundError
from app.core.i18n import _
from app.data.models import Case


def case_by_reference(session: Session, reference: str) -> Case:
    ref = reference.strip().upper()
    case = session.scalar(select(Case).where(Case.reference == ref))
    if case is None:
        raise NotFoundError(
            _("There is no case {ref}. Check the reference (e.g. AVG-2026-0001).", ref=ref)
        )
    return case
