"""`case show` and `today` read through Core: they never import the models or the ORM.

Issue 15: each must stay within 2x the CPU time of a plain SQLAlchemy Core script, and the
models and ``sqlalchemy.orm`` alone cost them a fifth of that. Fresh processes, with
``-X importtime`` naming every module they import.
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date

import pytest

from app.core.enums import RequestType
from app.core.validation import CaseInput
from app.data.database import open_database
from app.services.cases import register_case

NEVER = ("app.data.models", "sqlalchemy.orm")


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str]:
    path = tmp_path_factory.mktemp("reads") / "cases.sqlite3"
    db = open_database(f"sqlite:///{path}")
    ref = register_case(
        db,
        actor="officer",
        data=CaseInput(
            request_types=(RequestType.ACCESS,),
            received_on=date.today(),
            last_name="Berg",
            street="Kerkstraat 12",
            postcode="5253 RE",
            city="Nieuwkuijk",
        ),
    )
    db.dispose()
    return f"sqlite:///{path}", ref


def _imported(args: list[str]) -> tuple[set[str], str]:
    env = {**os.environ, "PRIVACY_DESK_USER": "officer"}
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "app", *args],
        capture_output=True, text=True, env=env, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    names = {
        line.rsplit("|", 1)[1].strip()
        for line in done.stderr.splitlines()
        if line.startswith("import time:") and "|" in line
    }
    return names, done.stdout


def _heavy(names: set[str]) -> set[str]:
    return {n for n in names if any(n == h or n.startswith(h + ".") for h in NEVER)}


@pytest.mark.parametrize("command", [["case", "show"], ["today"], ["today", "--format", "json"]])
def test_read_commands_import_neither_the_models_nor_the_orm(
    database: tuple[str, str], command: list[str]
) -> None:
    url, ref = database
    args = [*command, ref] if command == ["case", "show"] else command
    names, out = _imported(["--db", url, *args])
    assert "sqlalchemy.engine" in names  # the probe sees what the command imports
    assert not _heavy(names), sorted(_heavy(names))
    assert ref in out


def test_a_command_that_writes_still_has_them(database: tuple[str, str]) -> None:
    """The probe can fail: a command through an ORM session imports both."""
    url, ref = database
    names, _out = _imported(["--db", url, "case", "note", ref, "Gebeld"])
    assert _heavy(names) >= set(NEVER)
