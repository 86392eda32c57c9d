"""The Art. 30 register of processing activities: list, edit (version-checked), export."""

from __future__ import annotations

import io
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from app.core.errors import NotFoundError, StaleDataError, ValidationError
from app.core.spreadsheet import csv_writer
from app.data.database import Database
from app.data.models import ProcessingActivity
from app.services import audit

FIELDS = (
    "name", "purposes", "legal_basis", "data_categories", "subject_categories", "recipients",
    "retention", "source", "transfers", "automated_decisions", "systems",
)  # fmt: skip


@dataclass(frozen=True)
class Activity:
    id: int
    version: int
    values: dict[str, str]

    @property
    def name(self) -> str:
        return self.values["name"]

    @property
    def systems(self) -> tuple[str, ...]:
        return tuple(s.strip() for s in self.values["systems"].splitlines() if s.strip())


def list_activities(db: Database) -> list[Activity]:
    with db.session() as session:
        rows = session.scalars(select(ProcessingActivity).order_by(ProcessingActivity.id))
        return [Activity(r.id, r.version, {f: getattr(r, f) for f in FIELDS}) for r in rows]


def save_activity(
    db: Database,
    *,
    actor: str,
    values: dict[str, str],
    activity_id: int | None = None,
    expected_version: int | None = None,
) -> int:
    unknown = set(values) - set(FIELDS)
    if unknown:
        raise ValidationError({k: "Unknown field." for k in sorted(unknown)})
    if activity_id is None and not values.get("name", "").strip():
        raise ValidationError({"name": "Give the processing activity a name."})
    for required in ("purposes", "legal_basis"):
        if required in values and not values[required].strip():
            raise ValidationError({required: "This field is required by Art. 30 AVG."})
    with db.session() as session:
        if activity_id is None:
            row = ProcessingActivity(**{k: v.strip() for k, v in values.items()})
            session.add(row)
            before: dict[str, Any] | None = None
        else:
            found = session.get(ProcessingActivity, activity_id)
            if found is None:
                raise NotFoundError("That processing activity no longer exists.")
            row = found
            if expected_version is not None and row.version != expected_version:
                raise StaleDataError(
                    "Someone else changed this processing activity meanwhile. "
                    "Reload it and edit again."
                )
            before = {k: getattr(row, k) for k in values}
            for k, v in values.items():
                setattr(row, k, v.strip())
        session.flush()
        audit.record(
            session,
            case=None,
            actor=actor,
            action="register_changed",
            summary=f"Processing activity '{row.name}' saved",
            before=before,
            after=values,
        )
        return row.id


def delete_activity(db: Database, *, actor: str, activity_id: int) -> None:
    with db.session() as session:
        row = session.get(ProcessingActivity, activity_id)
        if row is None:
            raise NotFoundError("That processing activity no longer exists.")
        session.delete(row)
        audit.record(
            session,
            case=None,
            actor=actor,
            action="register_changed",
            summary=f"'{row.name}' removed",
        )


def export_processing_register(db: Database, *, fmt: str) -> bytes:
    """CSV (semicolon, for Dutch Excel) or JSON of the whole register."""
    activities = list_activities(db)
    if fmt == "json":
        return json.dumps([a.values for a in activities], ensure_ascii=False, indent=2).encode()
    if fmt != "csv":
        raise ValidationError({"format": "Choose csv or json."})
    buffer = io.StringIO()
    csv_writer(buffer, delimiter=";").write_dicts(list(FIELDS), (a.values for a in activities))
    return buffer.getvalue().encode("utf-8-sig")
