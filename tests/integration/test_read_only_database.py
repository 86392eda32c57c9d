"""Issue 11 (a): a SQLite database we may not write is opened read-only, not refused.

The officer can list and show cases and export to a folder of their own; every write is
refused with a message naming the cause, and the file is not touched (no WAL, no journal).
CI runs as root, which ignores file modes: the app runs under setpriv without the
capabilities that let root do so, as the permission tests in test_faults.py do.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from app.core.enums import RequestType
from app.core.errors import FaultError
from app.core.validation import CaseInput
from app.data.database import open_database, sqlite_read_only_cause
from app.services.case_records import add_note
from app.services.cases import register_case
from tests.integration.hostile_input import counts

UNPRIVILEGED = ["setpriv", "--bounding-set=-dac_override,-dac_read_search,-fowner,-chown", "--"]
NOBODY = 65534
ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(
    os.name != "posix" or shutil.which("setpriv") is None or os.geteuid() != 0,
    reason="needs setpriv (util-linux) and root to drop root's file-mode override",
)


def _script() -> str:
    return str(Path(sys.executable).with_name("privacy-desk"))


def _run(*argv: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRIVACY_DESK_LANG": "en"}
    return subprocess.run(
        [*UNPRIVILEGED, _script(), *argv], capture_output=True, text=True, timeout=180, env=env
    )


def _filled(folder: Path) -> tuple[str, str]:
    folder.mkdir()
    url = f"sqlite:///{folder / 'cases.sqlite3'}"
    db = open_database(url)
    try:
        data = CaseInput(
            request_types=(RequestType.ACCESS,), received_on=date(2026, 11, 2),
            last_name="Berg", street="Kerkstraat 1", postcode="1234 AB", city="Utrecht",
        )  # fmt: skip
        reference = register_case(db, actor="t", data=data, today=date(2026, 11, 3))
        add_note(db, actor="t", reference=reference, text="first")
    finally:
        db.dispose()
    return url, reference


def _digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}


def _lock(folder: Path, *, folder_too: bool) -> None:
    """Owned by someone else; others may read, not write (the file, or the folder as well)."""
    for item in [folder, *folder.iterdir()]:
        os.chown(item, NOBODY, NOBODY)
        if item.is_dir():
            item.chmod(0o555 if folder_too else 0o777)
        else:
            item.chmod(0o444)


@pytest.mark.parametrize("folder_too", [False, True], ids=["file-0444", "folder-read-only"])
def test_a_read_only_database_can_be_read_and_refuses_every_write(
    tmp_path: Path, folder_too: bool
) -> None:
    folder = tmp_path / "shared"
    url, reference = _filled(folder)
    _lock(folder, folder_too=folder_too)
    before = _digest(folder)
    out = tmp_path / "mine"  # the officer's own folder (owned by root: writable for root)
    out.mkdir()

    listed = _run("--db", url, "case", "list")
    assert listed.returncode == 0, listed.stderr
    assert reference in listed.stdout
    assert "opened read-only" in listed.stderr and "read-only for you" in listed.stderr
    shown = _run("--db", url, "case", "show", reference)
    assert shown.returncode == 0 and "Berg" in shown.stdout, shown.stderr
    exported = _run("--db", url, "report", "register", "--from", "2026-01-01", "--to", "2026-12-31",
                    "--out", str(out / "register.xlsx"))  # fmt: skip
    assert exported.returncode == 0, exported.stderr
    assert (out / "register.xlsx").read_bytes().startswith(b"PK")

    added = _run("--db", url, "case", "add", "--type", "access", "--received", "2026-11-02",
                 "--name", "Jan Berg", "--email", "jan@example.nl")  # fmt: skip
    noted = _run("--db", url, "case", "note", reference, "--", "second")
    for refused in (added, noted):
        assert refused.returncode != 0
        assert refused.stderr.count("error: ") == 1 and "unexpected" not in refused.stderr
        assert "is open read-only" in refused.stderr and "Nothing was saved" in refused.stderr
        assert "read-only for you" in refused.stderr  # the cause
    assert _digest(folder) == before  # not a byte written, no WAL or journal left beside it

    for item in [folder, *folder.iterdir()]:  # writable again: everything is still there
        os.chown(item, 0, 0)
        item.chmod(0o700 if item.is_dir() else 0o600)
    db = open_database(url)
    try:
        assert not db.read_only
        assert counts(db)["Case"] == 1 and counts(db)["Note"] == 1
    finally:
        db.dispose()


def test_a_read_only_database_that_needs_an_upgrade_says_so(tmp_path: Path) -> None:
    folder = tmp_path / "old"
    url, _reference = _filled(folder)
    import sqlite3

    conn = sqlite3.connect(folder / "cases.sqlite3")
    conn.execute("UPDATE alembic_version SET version_num = '0006'")
    conn.commit()
    conn.close()
    _lock(folder, folder_too=True)
    done = _run("--db", url, "case", "list")
    assert done.returncode != 0
    assert "must be upgraded" in done.stderr and "read-only for you" in done.stderr
    assert "unexpected" not in done.stderr


def test_the_cause_is_found_without_writing(tmp_path: Path) -> None:
    folder = tmp_path / "probe"
    url, _reference = _filled(folder)
    assert sqlite_read_only_cause(url) is None  # root, and ours
    probe = subprocess.run(
        [*UNPRIVILEGED, sys.executable, "-c",
         "import sys; from app.data.database import sqlite_read_only_cause as c; "
         "print(c(sys.argv[1]))", url],
        capture_output=True, text=True, timeout=60, cwd=ROOT,
    )  # fmt: skip
    assert probe.stdout.strip() == "None"
    _lock(folder, folder_too=False)
    probe = subprocess.run(
        probe.args,
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )
    assert "the file is read-only for you" in probe.stdout


def test_writes_are_refused_before_any_sql(tmp_path: Path) -> None:
    """In-process (as the GUI does): the service gets a FaultError, not a database error."""
    folder = tmp_path / "inproc"
    url, reference = _filled(folder)
    from app.data.database import Database

    db = Database(url, read_only_cause=sqlite_read_only_cause(url) or _cause())
    try:
        with pytest.raises(FaultError) as exc:
            add_note(db, actor="t", reference=reference, text="refused")
        assert "is open read-only" in str(exc.value)
        assert counts(db)["Note"] == 1
    finally:
        db.dispose()


def _cause() -> object:
    from app.core.i18n import _

    return _("the file is read-only for you")
