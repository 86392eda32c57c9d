"""Loading a case by reference, with a clear error when it does not exist."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.data.models import Case
from app.services.plain_reads import no_such_case, normal_reference


def case_by_reference(session: Session, reference: str) -> Case:
    ref = normal_reference(reference)
    case = session.scalar(select(Case).where(Case.reference == ref))
    if case is None:
        raise no_such_case(ref)
    return case
