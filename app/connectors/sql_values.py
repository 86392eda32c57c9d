"""Values of the SQL connector: officer input to column types, and safe driver messages."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

import sqlalchemy as sa

from app.core.i18n import _


def python_type(column: sa.ColumnElement[Any]) -> type | None:
    try:
        return column.type.python_type
    except NotImplementedError:
        return None


def coerce(column: sa.ColumnElement[Any], text: str) -> Any:
    """Convert a display string to the column's Python type; ValueError says what was expected."""
    kind = python_type(column)
    value = text.strip()
    if kind is bool:
        if value.lower() in {"1", "true", "yes", "ja"}:
            return True
        if value.lower() in {"0", "false", "no", "nee"}:
            return False
        raise ValueError(_("expects yes or no"))
    try:
        if kind is int:
            return int(value)
        if kind is float:
            return float(value)
        if kind is Decimal:
            return Decimal(value)
        if kind is datetime:
            return datetime.fromisoformat(value)
        if kind is date:
            return date.fromisoformat(value)
    except (ValueError, InvalidOperation):
        names: dict[type | None, str] = {
            int: "a whole number",
            float: "a number",
            Decimal: "a number",
        }
        wanted = names.get(kind, "a date (YYYY-MM-DD)" if kind is date else "a date and time")
        raise ValueError(_("expects {wanted}", wanted=wanted)) from None
    return text


def first_line(exc: BaseException) -> str:
    """The driver's own message without SQL text or parameters (which may hold personal data)."""
    orig = getattr(exc, "orig", None) or exc
    lines = str(orig).strip().splitlines()
    return lines[0].strip() if lines else type(orig).__name__
