"""The Art. 30 register of processing activities: list, edit (version-checked), export."""

from __future__ import annotations

import io
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.errors import NotFoundError, StaleDataError, ValidationError
from app.core.i18n import _
from app.core.register_rules import (
    HOME_LANGUAGE,
    LETTER_TEXT_FIELDS,
    REGISTER_LANGUAGES,
    missing_texts,
)
from app.core.spreadsheet import csv_writer
from app.data.database import Database
from app.data.models import ConnectorConfig, ProcessingActivity, ProcessingSystem, Setting
from app.services import audit

REPORT_KEY = "register_migration_report"  # written by migration 0008

# The Dutch texts (the register's own language) and, per letter language, the texts the access
# answer prints ("purposes_en", "retention_de", ...). Systems are linked by id; forms and the
# export name them ("systems": one configured system per line).
FIELDS = (
    "name", "purposes", "legal_basis", "data_categories", "subject_categories", "recipients",
    "recipient_categories", "recipients_unnamed_reason", "retention", "source", "transfers",
    "automated_decisions",
)  # fmt: skip
OTHER_LANGUAGES = tuple(lang for lang in REGISTER_LANGUAGES if lang != HOME_LANGUAGE)
TRANSLATED = tuple(f"{f}_{lang}" for lang in OTHER_LANGUAGES for f in LETTER_TEXT_FIELDS)
ALL_FIELDS = (*FIELDS, *TRANSLATED, "systems")


@dataclass(frozen=True)
class Activity:
    id: int
    version: int
    values: dict[str, str]
    system_ids: tuple[int, ...] = ()

    @property
    def name(self) -> str:
        return self.values["name"]

    @property
    def systems(self) -> tuple[str, ...]:
        return tuple(s.strip() for s in self.values["systems"].splitlines() if s.strip())

    def missing_texts(self, lang: str) -> tuple[str, ...]:
        """Fields an access answer in ``lang`` would lack (the gate names them)."""
        return missing_texts(self.values, _translations_of(self.values), lang)


def _translations_of(values: dict[str, str]) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for lang in OTHER_LANGUAGES:
        texts = {f: values.get(f"{f}_{lang}", "").strip() for f in LETTER_TEXT_FIELDS}
        out[lang] = {f: t for f, t in texts.items() if t}
    return out


def _activity(row: ProcessingActivity, names: dict[int, str]) -> Activity:
    values = {f: getattr(row, f) or "" for f in FIELDS}
    for lang in OTHER_LANGUAGES:
        texts = (row.translations or {}).get(lang) or {}
        for f in LETTER_TEXT_FIELDS:
            values[f"{f}_{lang}"] = str(texts.get(f) or "")
    ids = tuple(link.connector_id for link in row.links)
    values["systems"] = "\n".join(names[i] for i in ids if i in names)
    return Activity(row.id, row.version, values, ids)


def _system_names(session: Session) -> dict[int, str]:
    return {k: v for k, v in session.execute(select(ConnectorConfig.id, ConnectorConfig.name))}


def list_activities(db: Database) -> list[Activity]:
    with db.session() as session:
        names = _system_names(session)
        rows = session.scalars(select(ProcessingActivity).order_by(ProcessingActivity.id))
        return [_activity(r, names) for r in rows]


def list_systems(db: Database) -> list[tuple[int, str]]:
    """The configured systems a processing can be linked to: (id, name)."""
    with db.session() as session:
        return sorted(_system_names(session).items(), key=lambda item: item[1].casefold())


def _validate(values: dict[str, str], new: bool) -> None:
    unknown = set(values) - set(ALL_FIELDS)
    if unknown:
        raise ValidationError({k: _("Unknown field.") for k in sorted(unknown)})
    if new and not values.get("name", "").strip():
        raise ValidationError({"name": _("Give the processing activity a name.")})
    errors: dict[str, str] = {}
    for required in ("purposes", "legal_basis", "retention"):
        if (new or required in values) and not values.get(required, "").strip():
            errors[required] = _("This field is required by Art. 30 AVG.")
    for key in ("retention", *(f"retention_{lang}" for lang in OTHER_LANGUAGES)):
        if "archiefwet" in values.get(key, "").casefold():
            errors[key] = _(
                "The Archiefwet binds public bodies, not a company. Give a period or a "
                "criterion that applies to this processing."
            )
    if errors:
        raise ValidationError(errors)


def _links(session: Session, text: str) -> list[int]:
    """Configured systems named in ``text`` (one per line) -> their ids; unknown is an error."""
    by_name = {name.casefold(): cid for cid, name in _system_names(session).items()}
    ids, unknown = [], []
    for name in (x.strip() for x in text.splitlines()):
        if not name:
            continue
        cid = by_name.get(name.casefold())
        if cid is None:
            unknown.append(name)
        elif cid not in ids:
            ids.append(cid)
    if unknown:
        known = ", ".join(sorted(_system_names(session).values())) or "-"
        raise ValidationError(
            {
                "systems": _(
                    "No configured system is called {names}. Configured systems: {known}.",
                    names=", ".join(unknown),
                    known=known,
                )
            }
        )
    return ids


def save_activity(
    db: Database,
    *,
    actor: str,
    values: dict[str, str],
    activity_id: int | None = None,
    expected_version: int | None = None,
) -> int:
    _validate(values, activity_id is None)
    with db.session() as session:
        plain = {k: v.strip() for k, v in values.items() if k in FIELDS}
        if activity_id is None:
            row = ProcessingActivity(**plain, translations={})
            session.add(row)
            before: dict[str, Any] | None = None
        else:
            found = session.get(ProcessingActivity, activity_id)
            if found is None:
                raise NotFoundError(_("That processing activity no longer exists."))
            row = found
            if expected_version is not None and row.version != expected_version:
                raise StaleDataError(
                    _(
                        "Someone else changed this processing activity meanwhile. Reload it and "
                        "edit again."
                    )
                )
            before = {k: v for k, v in _activity(row, _system_names(session)).values.items()
                      if k in values}  # fmt: skip
            for k, v in plain.items():
                setattr(row, k, v)
        if any(k in values for k in TRANSLATED):
            merged = {
                lang: dict((row.translations or {}).get(lang) or {}) for lang in OTHER_LANGUAGES
            }
            for lang in OTHER_LANGUAGES:
                for f in LETTER_TEXT_FIELDS:
                    key = f"{f}_{lang}"
                    if key in values:
                        if values[key].strip():
                            merged[lang][f] = values[key].strip()
                        else:
                            merged[lang].pop(f, None)
            row.translations = merged
        if "systems" in values:
            wanted = _links(session, values["systems"])
            row.links = [link for link in row.links if link.connector_id in wanted]
            have = {link.connector_id for link in row.links}
            row.links.extend(ProcessingSystem(connector_id=c) for c in wanted if c not in have)
        session.flush()
        audit.record(
            session,
            case=None,
            actor=actor,
            action="register_changed",
            summary=_("Processing activity '{name}' saved", name=row.name),
            before=before,
            after=values,
        )
        return row.id


def migration_report(db: Database) -> dict[str, Any] | None:
    """What the upgrade to linked systems could not map (shown until the officer clears it)."""
    with db.session() as session:
        row = session.get(Setting, REPORT_KEY)
        return None if row is None else dict(row.value)


def clear_migration_report(db: Database, *, actor: str) -> None:
    with db.session() as session:
        row = session.get(Setting, REPORT_KEY)
        if row is not None:
            session.delete(row)
            audit.record(
                session,
                case=None,
                actor=actor,
                action="register_changed",
                summary=_("Register upgrade report read and cleared"),
                before=dict(row.value),
            )


def delete_activity(db: Database, *, actor: str, activity_id: int) -> None:
    with db.session() as session:
        row = session.get(ProcessingActivity, activity_id)
        if row is None:
            raise NotFoundError(_("That processing activity no longer exists."))
        session.delete(row)
        audit.record(
            session,
            case=None,
            actor=actor,
            action="register_changed",
            summary=_("'{name}' removed", name=row.name),
        )


def export_processing_register(db: Database, *, fmt: str) -> bytes:
    """CSV (semicolon, for Dutch Excel) or JSON of the whole register."""
    activities = list_activities(db)
    if fmt == "json":
        return json.dumps([a.values for a in activities], ensure_ascii=False, indent=2).encode()
    if fmt != "csv":
        raise ValidationError({"format": _("Choose csv or json.")})
    buffer = io.StringIO()
    csv_writer(buffer, delimiter=";").write_dicts(list(ALL_FIELDS), (a.values for a in activities))
    return buffer.getvalue().encode("utf-8-sig")
