"""The real GUI process: `privacy-desk --demo` cleans up its temporary folder when terminated."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest


def _poll(condition: Callable[[], bool], proc: subprocess.Popen[bytes], seconds: float) -> bool:
    """Wait until ``condition()`` holds (True) or the process ends or time runs out (False)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and proc.poll() is None:
        if condition():
            return True
        time.sleep(0.1)
    return False


def _demo_cases(tmp_path: Path) -> int:
    """Cases in the demo database so far; the demo fill starts once the window is up."""
    for path in tmp_path.glob("privacy-desk-demo-*/demo.sqlite3"):
        try:
            with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=1) as con:
                return int(con.execute("select count(*) from case_file").fetchone()[0])
        except sqlite3.Error:  # the schema is still being created
            return 0
    return 0


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_demo_folder_is_removed_when_the_app_is_terminated(tmp_path: Path, signum: int) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TMPDIR=str(tmp_path),
               HOME=str(tmp_path), XDG_DATA_HOME=str(tmp_path / "data"),
               XDG_CONFIG_HOME=str(tmp_path / "config"))  # fmt: skip
    proc = subprocess.Popen(
        [sys.executable, "-m", "app", "--demo", "--lang", "en"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        # The window is shown and the event loop runs: the demo fill (a task it starts) writes.
        started = _poll(lambda: _demo_cases(tmp_path) > 0, proc, 60)
        assert started, "the demo never started filling its database"
        proc.send_signal(signum)
        output = proc.communicate(timeout=60)[0].decode(errors="replace")
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 0, output
    assert list(tmp_path.glob("privacy-desk-demo-*")) == []


def test_leftovers_are_cleaned_after_the_first_paint_and_fresh_writes_are_left(
    tmp_path: Path,
) -> None:
    """The GUI removes the stale temporary files of killed writes once its window is up (off the
    GUI thread, after the first paint); a younger one, perhaps a write under way, stays."""
    from app.core.atomic_file import STALE_PART_S
    from app.data.database import open_database

    db_path = tmp_path / "cases.sqlite3"
    open_database(f"sqlite:///{db_path}").dispose()
    stale = tmp_path / ".cases.sqlite3.abc123.part"
    fresh = tmp_path / ".export.xlsx.def456.part"
    for part in (stale, fresh):
        part.write_bytes(b"half written")
    old = time.time() - STALE_PART_S - 60
    os.utime(stale, (old, old))
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        HOME=str(tmp_path),
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
    )
    proc = subprocess.Popen(
        [sys.executable, "-m", "app", "--db", f"sqlite:///{db_path}", "--lang", "en"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        cleaned = _poll(lambda: not stale.exists(), proc, 60)
        proc.send_signal(signal.SIGTERM)
        output = proc.communicate(timeout=60)[0].decode(errors="replace")
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert cleaned, f"the stale temporary file was not removed: {output[-1500:]}"
    assert fresh.exists()
    assert proc.returncode == 0, output
