"""`privacy-desk connectors test` prints the SQL connector's scan and login warnings."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.cli import main


def test_connectors_test_names_scanned_tables_and_a_writing_login(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("HOME", str(tmp_path))
    db = f"sqlite:///{tmp_path / 'cases.sqlite3'}"
    assert main(["--db", db, "demo", "--cases", "3"]) == 0
    capsys.readouterr()
    assert main(["--db", db, "connectors", "test", "Self Service Portal"]) == 0
    out = capsys.readouterr().out
    assert "4 tables and 20 columns mapped, all present" in out
    # The demo portal has no indexes besides its keys: each scan is named with its columns.
    assert "reads all of table tickets" in out and "(customer_id)" in out
    assert "The search login may change data" in out
