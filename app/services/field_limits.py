"""Field length limits taken from the database columns, so they are written down only once."""

from __future__ import annotations

from collections.abc import Iterable

from app.core.validation import CASE_TEXT_FIELDS, REPRESENTATIVE_TEXT_FIELDS, Limits
from app.data.models import (
    Base,
    Case,
    IdentityCheck,
    Note,
    Organisation,
    Representative,
    Requester,
)


def column_limits(model: type[Base], names: Iterable[str]) -> Limits:
    """Field -> the length of the model's column of that name (None for a Text column)."""
    columns = model.__table__.columns
    return {name: getattr(columns[name].type, "length", None) for name in names}


def _case_limits() -> Limits:
    requester_names = [n for n in CASE_TEXT_FIELDS if n in Requester.__table__.columns]
    case_names = [n for n in CASE_TEXT_FIELDS if n not in requester_names]
    return {**column_limits(Requester, requester_names), **column_limits(Case, case_names)}


CASE_LIMITS: Limits = _case_limits()
REPRESENTATIVE_LIMITS: Limits = column_limits(Representative, REPRESENTATIVE_TEXT_FIELDS)
NOTE_LIMIT: int | None = column_limits(Note, ["text"])["text"]
ORGANISATION_TEXT_FIELDS = tuple(
    name
    for name, column in Organisation.__table__.columns.items()
    if getattr(column.type, "length", None) is not None and name != "id"
)
ORGANISATION_LIMITS: Limits = column_limits(Organisation, ORGANISATION_TEXT_FIELDS)
DOCUMENT_TYPE_LIMIT: int | None = column_limits(IdentityCheck, ["document_type"])["document_type"]
