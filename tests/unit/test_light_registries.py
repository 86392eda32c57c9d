"""The connector and letter registries import no heavy library (they load on first use)."""

from __future__ import annotations

import json
import subprocess
import sys

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

IMPORT = """
import json, sys
import app.connectors.registry as connectors
import app.letters
import app.letters.kinds as letters
names = sorted(connectors.REGISTRY), letters.letter_codes(), letters.letter_kind("access")
"""
REPORT = "print(json.dumps(sorted({m.split('.')[0] for m in sys.modules})))"


def _loaded(code: str) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True, timeout=120
    )
    return set(json.loads(out.stdout))


def test_the_registries_import_no_heavy_library() -> None:
    loaded = _loaded(IMPORT + REPORT)
    assert not loaded & set(HEAVY), sorted(loaded & set(HEAVY))


def test_the_probe_would_see_a_heavy_library() -> None:
    # The check can fail: reading a registered class imports its module and its libraries.
    loaded = _loaded(IMPORT + "connectors.REGISTRY['sql']\n" + REPORT)
    assert "sqlalchemy" in loaded


def test_the_tabular_connector_leaves_openpyxl_to_the_reading_child() -> None:
    # XLSX files are parsed in the child process (app.reading.worker), never in the app.
    loaded = _loaded(IMPORT + "connectors.REGISTRY['tabular_file']\n" + REPORT)
    assert "openpyxl" not in loaded
