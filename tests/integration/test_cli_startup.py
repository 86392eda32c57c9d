"""`privacy-desk --version` and the CLI parser load no heavy library (fresh processes)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

HEAVY = (
    "openpyxl",
    "pypdf",
    "reportlab",
    "imap_tools",
    "docx",
    "odf",
    "psycopg",
    "pymysql",
    "alembic",
    "sqlalchemy",
    "PySide6",
)

# Imports the CLI, builds the parser, runs `--version` in-process, then names what got loaded.
PROBE = f"""
import sys
import app.cli
from app.cli.parser import build_parser
build_parser()
try:
    app.cli.main(["--version"])
except SystemExit as exc:
    assert exc.code == 0, exc.code
loaded = sorted(m for m in {HEAVY!r} if m in sys.modules)
print("LOADED:" + ",".join(loaded))
"""


def _console_script() -> str:
    name = "privacy-desk.exe" if sys.platform == "win32" else "privacy-desk"
    found = shutil.which(name, path=str(Path(sys.executable).parent))
    if found is None:
        pytest.fail(f"{name} is not installed next to {sys.executable} (pip install -e .)")
    return found


@pytest.mark.parametrize(
    "command",
    [[_console_script(), "--version"], [sys.executable, "-m", "app", "--version"]],
    ids=["console-script", "python-m-app"],
)
def test_version_commands_print_the_version(command: list[str]) -> None:
    result = subprocess.run(command, capture_output=True, text=True, check=True, timeout=60)
    assert result.stdout.startswith("Privacy Desk ")


def test_cli_and_parser_import_no_heavy_library() -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.splitlines()[-1] == "LOADED:"
    assert result.stdout.startswith("Privacy Desk ")


def test_version_run_itself_imports_no_heavy_library() -> None:
    """The real `python -m app --version` process, seen through -X importtime."""
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "app", "--version"],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    imported = {line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines()}
    assert "app.cli" in imported  # the probe sees the run
    # Issue 15: --version is answered before argparse, logging and the parser are imported.
    assert not {"app.cli.parser", "argparse", "logging"} & imported
    assert sorted(m for m in imported if m.split(".")[0] in HEAVY) == []
    assert not any(m.startswith(("app.services", "app.data", "app.letters")) for m in imported)
