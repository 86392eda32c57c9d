"""A connector kind declared only here (records in a JSON file), used through the services."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from app.connectors import registry
from app.connectors.base import (
    Capability,
    ConnectorDescription,
    Finding,
    Identifier,
    MatchStrength,
    SettingSpec,
    Subject,
)
from app.core.enums import IdentifierKind, RequestType
from app.core.errors import ConnectorError, UserError
from app.core.i18n import N_
from app.core.progress import Progress
from app.core.validation import CaseInput
from app.data.database import Database
from app.services import connectors as connector_services
from app.services.cases import register_case
from app.services.connectors import list_connectors, save_connector
from app.services.searches import findings_of, search_case

KIND = "json_records"


class JsonRecordsConnector:
    """A list of records ({"email": ..., other fields}) in one JSON file; found by e-mail."""

    def __init__(self, name: str, settings: Mapping[str, Any], secrets: Mapping[str, str]) -> None:
        self.name = name
        self.path = Path(str(settings.get("path") or ""))
        self.category = str(settings.get("category") or "contact details")

    @classmethod
    def describe(cls) -> ConnectorDescription:
        return ConnectorDescription(
            kind=KIND,
            label=N_("JSON records file"),
            settings=(
                SettingSpec("path", N_("JSON file"), kind="path", help=N_("a list of records")),
                SettingSpec("category", N_("Data category"), required=False, default=""),
            ),
            capabilities=frozenset({Capability.SEARCH}),
            help=N_("Finds records by e-mail address."),
        )

    def _records(self) -> list[dict[str, str]]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise ConnectorError(f"{self.path} cannot be read: {exc}") from exc
        return [{str(k): str(v) for k, v in row.items()} for row in data]

    def test_connection(self) -> str:
        return f"{len(self._records())} records"

    def search(self, subject: Subject, progress: Progress) -> Sequence[Finding]:
        wanted = {e.lower() for e in subject.emails}
        found = []
        for number, row in enumerate(self._records()):
            progress.check()
            email = row.get("email", "").lower()
            if email in wanted:
                found.append(
                    Finding(
                        system=self.name,
                        record_id=f"{self.path.name}#{number}",
                        fields=row,
                        categories=(self.category,),
                        matched=Identifier(IdentifierKind.EMAIL, email),
                        strength=MatchStrength.STRONG,
                        location=self.path.name,
                    )
                )
        return found


@pytest.fixture
def json_kind() -> Iterator[type[JsonRecordsConnector]]:
    with registry.register_connector_kind(JsonRecordsConnector) as cls:
        yield cls  # type: ignore[misc]
    assert KIND not in registry.REGISTRY  # the registry is clean again


def records_file(folder: Path) -> Path:
    path = folder / "members.json"
    path.write_text(
        json.dumps(
            [
                {"email": "els@example.nl", "member_since": "2019"},
                {"email": "other@example.nl", "member_since": "2021"},
            ]
        ),
        encoding="utf-8",
    )
    return path


def test_a_kind_declared_in_a_test_is_configured_tested_and_searched(
    db: Database, tmp_path: Path, json_kind: type[JsonRecordsConnector]
) -> None:
    assert registry.describe(KIND).label == "JSON records file"
    assert KIND in [d.kind for d in registry.kinds()]
    with pytest.raises(UserError):
        save_connector(db, actor="o", name="Leden", kind=KIND, settings={})  # path is required
    save_connector(
        db, actor="o", name="Leden", kind=KIND, settings={"path": str(records_file(tmp_path))}
    )
    assert [(c.name, c.kind) for c in list_connectors(db)] == [("Leden", KIND)]
    assert connector_services.test_connector(db, name="Leden") == "2 records"

    reference = register_case(
        db,
        actor="o",
        data=CaseInput(
            request_types=(RequestType.ACCESS,),
            received_on=date.today(),
            first_name="Els",
            last_name="Jansen",
            email="els@example.nl",
        ),
    )
    results = search_case(db, actor="o", reference=reference)
    assert [(r.system, r.status, len(r.findings)) for r in results] == [("Leden", "ok", 1)]
    (finding,) = findings_of(db, reference=reference)
    assert finding.system == "Leden" and finding.fields["member_since"] == "2019"
    assert finding.categories == ("contact details",)


def test_an_unregistered_kind_is_refused(db: Database) -> None:
    with pytest.raises(UserError):
        save_connector(db, actor="o", name="Leden", kind=KIND, settings={"path": "x"})
