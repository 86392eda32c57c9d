"""The one atomic-write helper: content, owner-only permissions, nothing left behind on error."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest

from app.core.atomic_file import atomic_write, write_atomically

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_writes_the_content_and_replaces_an_existing_file(tmp_path: Path) -> None:
    target = tmp_path / "register.csv"
    target.write_text("old")
    write_atomically(target, "nieuw;€\r\n".encode())
    assert target.read_bytes() == "nieuw;€\r\n".encode()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["register.csv"]


@posix_only
def test_new_and_replaced_files_are_readable_by_the_owner_only(tmp_path: Path) -> None:
    fresh = tmp_path / "backup.sqlite"
    write_atomically(fresh, b"x")
    assert _mode(fresh) == 0o600
    shared = tmp_path / "report.pdf"
    shared.write_bytes(b"old")
    os.chmod(shared, 0o644)
    with atomic_write(shared) as temp:
        temp.write_bytes(b"%PDF-")
    assert _mode(shared) == 0o600 and shared.read_bytes() == b"%PDF-"


@posix_only
def test_a_chosen_mode_is_applied(tmp_path: Path) -> None:
    target = tmp_path / "klanten.csv"
    write_atomically(target, b"a;b\n", mode=0o640)
    assert _mode(target) == 0o640


def test_the_temporary_file_is_private_and_beside_the_target(tmp_path: Path) -> None:
    target = tmp_path / "deadlines.ics"
    with atomic_write(target) as temp:
        assert temp.parent == tmp_path and temp.name.startswith(".deadlines.ics.")
        assert temp.exists() and not target.exists()  # nothing under the chosen name yet
        if sys.platform != "win32":
            assert _mode(temp) == 0o600  # private from the first byte, not only at the end
        temp.write_text("BEGIN:VCALENDAR")
    assert target.read_text() == "BEGIN:VCALENDAR"


def test_an_error_leaves_the_old_file_and_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "register.xlsx"
    target.write_bytes(b"old content")
    with pytest.raises(RuntimeError, match="export failed"), atomic_write(target) as temp:
        temp.write_bytes(b"half a wor")
        raise RuntimeError("export failed")
    assert target.read_bytes() == b"old content"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["register.xlsx"]


def test_cancelling_with_a_base_exception_cleans_up_too(tmp_path: Path) -> None:
    target = tmp_path / "dossier.zip"
    with pytest.raises(KeyboardInterrupt), atomic_write(target) as temp:
        temp.write_bytes(b"PK")
        raise KeyboardInterrupt
    assert list(tmp_path.iterdir()) == []


def test_a_block_that_removes_its_temporary_file_fails_cleanly(tmp_path: Path) -> None:
    target = tmp_path / "x.csv"
    with pytest.raises(FileNotFoundError), atomic_write(target) as temp:
        temp.unlink()
    assert list(tmp_path.iterdir()) == []


def test_a_missing_folder_is_an_os_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        write_atomically(tmp_path / "nowhere" / "file.txt", b"x")
    assert list(tmp_path.iterdir()) == []
