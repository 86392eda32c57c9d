"""One bad value stored before intake refused it never breaks an export, nor reaches the log."""

from __future__ import annotations

import csv
import logging
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import text

from app.core.enums import RequestType
from app.core.spreadsheet import REPLACEMENT
from app.core.validation import CaseInput
from app.data.database import Database
from app.services.cases import register_case
from tests.integration.hostile_input import run_cli

TODAY = date(2026, 11, 30)
# An escape sequence, a NUL and a vertical tab: openpyxl refuses all three in a cell.
STORED_NAME = "Jansen\x1b[2J\x00Piet\x0b"


def _case_with_bad_name(db: Database, name: str) -> str:
    good = CaseInput(
        request_types=(RequestType.ACCESS,),
        received_on=date(2026, 11, 2),
        last_name="Goed",
        street="Kerkstraat 1",
        postcode="1234 AB",
        city="Utrecht",
    )
    register_case(db, actor="t", data=good, today=TODAY)
    reference = register_case(db, actor="t", data=good, today=TODAY)
    with db.engine.begin() as conn:  # as an older version stored it, before the field check
        conn.execute(
            text(
                "UPDATE requester SET last_name = :name, city = :name WHERE id = "
                "(SELECT requester_id FROM case_file WHERE reference = :ref)"
            ),
            {"name": name, "ref": reference},
        )
    return reference


def test_xlsx_export_replaces_control_characters_visibly_and_logs_no_name(
    sqlite_db: Database, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    _case_with_bad_name(sqlite_db, STORED_NAME)
    out = tmp_path / "register.xlsx"
    caplog.set_level(logging.DEBUG)
    code, _out, err = run_cli(
        "--db", str(sqlite_db.engine.url), "report", "register", "--from", "2026-01-01",
        "--to", "2026-12-31", "--out", str(out), "--with-personal-data", "--lang", "en",
    )  # fmt: skip
    assert code == 0, err
    workbook = load_workbook(out, read_only=True)
    sheet = workbook.active
    assert sheet is not None
    cells = [str(c) for row in sheet.iter_rows(values_only=True) for c in row if c is not None]
    workbook.close()
    shown = f"Jansen{REPLACEMENT}[2J{REPLACEMENT}Piet{REPLACEMENT}"
    assert any(shown in c for c in cells), cells
    assert any("Goed" in c for c in cells)  # the other case is exported as well
    logged = "\n".join(r.getMessage() + str(r.exc_info or "") for r in caplog.records)
    assert "Jansen" not in logged and "Piet" not in logged


def test_csv_export_has_the_bad_value_replaced_too(sqlite_db: Database, tmp_path: Path) -> None:
    _case_with_bad_name(sqlite_db, STORED_NAME)
    out = tmp_path / "register.csv"
    code, _out, err = run_cli(
        "--db", str(sqlite_db.engine.url), "report", "register", "--from", "2026-01-01",
        "--to", "2026-12-31", "--out", str(out), "--with-personal-data", "--format", "csv",
    )  # fmt: skip
    assert code == 0, err
    with out.open(encoding="utf-8-sig", newline="") as handle:
        values = [v for row in csv.reader(handle) for v in row]
    assert not any("\x00" in v or "\x1b" in v for v in values)
    assert any(v.startswith("Jansen" + REPLACEMENT) for v in values), values
