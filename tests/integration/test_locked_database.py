"""A database locked by another program: a clear message, nothing half-written, then it works."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

import app.data.database as database
from app.core.enums import RequestType
from app.core.errors import UserError
from app.core.validation import CaseInput
from app.services.case_queries import count_cases
from app.services.cases import register_case


def test_locked_sqlite_file_gives_a_clear_message(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(database, "SQLITE_BUSY_MS", 300)  # do not wait 5 s in a test
    path = tmp_path / "cases.sqlite3"
    db = database.open_database(f"sqlite:///{path}")
    data = CaseInput(request_types=(RequestType.ACCESS,), received_on=date(2026, 11, 2),
                     last_name="Berg", street="Dorp 1", postcode="1234 AB", city="Ede")  # fmt: skip
    other = sqlite3.connect(path)
    other.execute("BEGIN EXCLUSIVE")  # another program holds the write lock
    try:
        with pytest.raises(UserError, match="busy") as info:
            register_case(db, actor="o", data=data, today=date(2026, 11, 24))
        assert "Nothing was saved" in str(info.value)
    finally:
        other.rollback()
        other.close()
    assert count_cases(db) == 0
    assert register_case(db, actor="o", data=data, today=date(2026, 11, 24)) == "AVG-2026-0001"
    db.dispose()
