"""Faults against the real thing: each gets a message naming the cause, nothing is half-saved.

A PostgreSQL cluster of our own is stopped mid-session; SQLite fills up (max_page_count, and a
1 MB tmpfs where mounting is allowed); a database file is deleted, replaced, damaged or made
read-only (the app then runs without the root's right to ignore file modes).
"""

from __future__ import annotations

import gc
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, event

from app.core.enums import RequestType
from app.core.errors import FaultError, UserError
from app.core.validation import CaseInput
from app.data.database import Database, open_database
from app.services.case_records import add_note
from app.services.cases import register_case
from tests.integration import pg_cluster
from tests.integration.hostile_input import counts, run_cli

TODAY = date(2026, 11, 30)
PDF = b"%PDF-1.4\n" + b"0" * 400_000 + b"\n%%EOF\n"  # a 400 KB "scan"


def _case(db: Database, attachment: Path | None = None) -> str:
    data = CaseInput(
        request_types=(RequestType.ACCESS,),
        received_on=date(2026, 11, 2),
        last_name="Berg",
        street="Kerkstraat 1",
        postcode="1234 AB",
        city="Utrecht",
    )
    return register_case(db, actor="t", data=data, attachment=attachment, today=TODAY)


def _cli_add(url: str, *extra: str) -> tuple[int, str, str]:
    return run_cli(
        "--db", url, "case", "add", "--type", "access", "--received", "2026-11-02",
        "--name", "Jan Berg", "--street", "Kerkstraat 1", "--postcode", "1234AB",
        "--city", "Utrecht", *extra,
    )  # fmt: skip


def _assert_cli_fault(result: tuple[int, str, str], *words: str) -> None:
    code, _out, err = result
    assert code != 0
    assert err.startswith("error: ") and "unexpected" not in err, err
    for word in words:
        assert word in err, err


# -- the database file deleted, replaced or damaged while the app runs ------------------------


def test_deleted_database_file_refuses_saves_instead_of_losing_them(tmp_path: Path) -> None:
    path = tmp_path / "cases.sqlite3"
    db = open_database(f"sqlite:///{path}")
    try:
        _case(db)
        path.unlink()  # the open connection still writes happily into the deleted inode
        with pytest.raises(FaultError) as exc:
            _case(db)
        assert exc.value.msgid.startswith("The database file {path} was deleted, moved or")
        with pytest.raises(FaultError):  # every session start says it, reads too
            counts(db)
    finally:
        db.dispose()


def test_replaced_database_file_is_detected_before_commit(tmp_path: Path) -> None:
    path = tmp_path / "cases.sqlite3"
    db = open_database(f"sqlite:///{path}")
    other = tmp_path / "other.sqlite3"
    try:
        reference = _case(db)
        shutil.copy(path, other)
        with pytest.raises(FaultError), db.session() as session:
            session.connection()  # the session has begun: only the commit check is left
            os.replace(other, path)
        assert reference
    finally:
        db.dispose()


def test_damaged_database_file_is_named_in_cli(tmp_path: Path) -> None:
    path = tmp_path / "cases.sqlite3"
    path.write_bytes(os.urandom(64 * 1024))
    _assert_cli_fault(_cli_add(f"sqlite:///{path}"), "damaged", "backup")
    with pytest.raises(FaultError):
        open_database(f"sqlite:///{path}")


# -- full disks -----------------------------------------------------------------------------


@pytest.fixture
def page_limit() -> Iterator[dict[str, int]]:
    """Every SQLite connection this process opens gets `PRAGMA max_page_count` (a full file)."""
    limit: dict[str, int] = {}

    def on_connect(dbapi_conn: Any, _record: Any) -> None:
        if "pages" in limit and "sqlite" in type(dbapi_conn).__module__:
            dbapi_conn.execute(f"PRAGMA max_page_count={limit['pages']}")

    event.listen(Engine, "connect", on_connect)
    yield limit
    event.remove(Engine, "connect", on_connect)


def test_full_sqlite_database_saves_nothing(tmp_path: Path, page_limit: dict[str, int]) -> None:
    path = tmp_path / "cases.sqlite3"
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(PDF)
    db = open_database(f"sqlite:///{path}")
    try:
        reference = _case(db)
        db.engine.dispose()
        page_limit["pages"] = path.stat().st_size // 4096 + 20  # room for a note, not a scan
        before = counts(db)
        with pytest.raises(FaultError) as exc:
            _case(db, attachment=scan)
        assert exc.value.msgid.startswith("The database {path} is full")
        assert counts(db) == before
        add_note(db, actor="t", reference=reference, text="still works for small changes")
        _assert_cli_fault(_cli_add(f"sqlite:///{path}", "--attach", str(scan)), "is full")
        assert counts(db)["Case"] == before["Case"]
    finally:
        db.dispose()


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A real 1 MB tmpfs (skipped where mounting is not allowed)."""
    mount = tmp_path / "disk"
    mount.mkdir()
    if sys.platform != "linux" or shutil.which("mount") is None:
        pytest.skip("a tmpfs needs Linux and mount")
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount)], capture_output=True
    )
    if done.returncode != 0:
        pytest.skip(f"mounting a tmpfs is not allowed here: {done.stderr.decode().strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_full_disk_under_the_database_and_the_document_store(
    small_disk: Path, tmp_path: Path
) -> None:
    url = f"sqlite:///{small_disk / 'cases.sqlite3'}"
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(PDF)
    db = open_database(url)
    try:
        _case(db)
        before = counts(db)
        # Documents are kept in the database: a scan that does not fit any more is refused.
        (small_disk / "filler").write_bytes(b"\0" * (small_disk_free(small_disk) - 64 * 1024))
        with pytest.raises(FaultError) as exc:
            _case(db, attachment=scan)
        assert "full" in exc.value.msgid or "disk error" in exc.value.msgid
        assert counts(db) == before
        _assert_cli_fault(_cli_add(url, "--attach", str(scan)), "full")
        assert counts(db) == before
    finally:
        db.dispose()


def small_disk_free(mount: Path) -> int:
    stat = os.statvfs(mount)
    return stat.f_bavail * stat.f_frsize


# openpyxl leaves its half-run sheet writer behind when the save fails; it is garbage here.
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_full_export_target_is_named(small_disk: Path, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'cases.sqlite3'}"
    db = open_database(url)
    try:
        for _ in range(3):
            _case(db)
    finally:
        db.dispose()
    (small_disk / "filler").write_bytes(b"\0" * small_disk_free(small_disk))
    result = run_cli(
        "--db", url, "report", "register", "--from", "2026-01-01", "--to", "2026-12-31",
        "--out", str(small_disk / "register.xlsx"),
    )  # fmt: skip
    _assert_cli_fault(result, "The disk is full", "register")
    assert not (small_disk / "register.xlsx").exists()
    assert not [p for p in small_disk.iterdir() if p.name != "filler"]  # no half-written file
    gc.collect()  # openpyxl's leftovers go now, under this test's warning filter


# -- read-only ------------------------------------------------------------------------------

# Root ignores file modes; without these capabilities it is held to them like anyone else.
UNPRIVILEGED = ["setpriv", "--bounding-set=-dac_override,-dac_read_search,-fowner,-chown", "--"]


@pytest.mark.skipif(
    os.name != "posix" or shutil.which("setpriv") is None, reason="needs setpriv (util-linux)"
)
def test_read_only_database_is_named_and_changes_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "shared"
    folder.mkdir()
    url = f"sqlite:///{folder / 'cases.sqlite3'}"
    db = open_database(url)
    try:
        _case(db)
        before = counts(db)
    finally:
        db.dispose()
    nobody = 65534
    for item in [folder, *folder.iterdir()]:
        os.chown(item, nobody, nobody)
        item.chmod(0o755 if item.is_dir() else 0o644)  # others may read, not write
    script = bin_path("privacy-desk")
    done = subprocess.run(
        [*UNPRIVILEGED, script, "--db", url, "case", "add", "--type", "access", "--received",
         "2026-11-02", "--name", "Jan Berg", "--email", "jan@example.nl"],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode != 0
    # The notice that the file was opened read-only, then the refusal naming the cause.
    assert done.stderr.startswith("note: The database") and "read-only" in done.stderr
    error = [line for line in done.stderr.splitlines() if line.startswith("error: ")]
    assert len(error) == 1 and error[0].startswith("error: The database"), done.stderr
    assert "unexpected" not in done.stderr
    listed = subprocess.run(
        [*UNPRIVILEGED, script, "--db", url, "case", "list"],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    # Opened read-only (issue 11 a): the officer can still read the cases.
    assert listed.returncode == 0, listed.stderr
    db = open_database(url)
    try:
        assert counts(db) == before
    finally:
        db.dispose()


def bin_path(name: str) -> str:
    return str(Path(sys.executable).with_name(name))


# -- PostgreSQL stopped mid-session -----------------------------------------------------------


@pytest.fixture(scope="module")
def cluster() -> Iterator[pg_cluster.Cluster]:
    reason = pg_cluster.unavailable_reason()
    if reason is not None:
        pytest.skip(reason)
    made = pg_cluster.create_cluster()
    try:
        yield made
    finally:
        made.remove()


@pytest.mark.postgres
def test_postgres_stopped_mid_session(cluster: pg_cluster.Cluster) -> None:
    db = open_database(cluster.url)
    try:
        _case(db)
        before = counts(db)
        cluster.stop()
        try:
            with pytest.raises(FaultError) as exc:
                _case(db)
            assert exc.value.msgid.startswith("The database server {server} does not answer")
            assert str(cluster.port) in str(exc.value)
            _assert_cli_fault(_cli_add(cluster.url), "does not answer", str(cluster.port))
        finally:
            cluster.start()
        assert counts(db) == before  # nothing half-saved; the same Database works again
        _case(db)
        assert counts(db)["Case"] == before["Case"] + 1
    finally:
        db.dispose()


@pytest.mark.postgres
def test_postgres_stopped_inside_a_transaction(cluster: pg_cluster.Cluster) -> None:
    db = open_database(cluster.url)
    try:
        before = counts(db)
        with pytest.raises(FaultError), db.session() as session:
            session.connection()
            cluster.stop("immediate")  # the server dies under an open transaction
            session.execute(__import__("sqlalchemy").text("SELECT 1"))
        cluster.start()
        assert counts(db) == before
    finally:
        db.dispose()


def test_gui_reporter_shows_a_fault_as_a_message(qtbot: Any, tmp_path: Path) -> None:
    """The GUI's reporter names the cause (no bug dialog) for a fault and a full disk."""
    from app.ui.errors import ErrorReporter

    reporter = ErrorReporter(tmp_path / "log", lambda: None)
    shown = reporter.report(FaultError("The disk is full"))
    assert shown is not None and shown.objectName() == "userMessage"
    shown.close()
    full = OSError(28, "No space left on device", str(tmp_path / "register.xlsx"))
    shown = reporter.report(full)
    assert shown is not None and shown.objectName() == "userMessage"
    assert "The disk is full" in shown.text()  # type: ignore[attr-defined]
    shown.close()
    assert issubclass(FaultError, UserError)
