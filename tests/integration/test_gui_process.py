"""The real GUI process: `privacy-desk --demo` cleans up its temporary folder when terminated."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest


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
        deadline = time.monotonic() + 60
        demo_db: list[Path] = []
        while time.monotonic() < deadline and proc.poll() is None:
            demo_db = list(tmp_path.glob("privacy-desk-demo-*/demo.sqlite3"))
            if demo_db:
                break
            time.sleep(0.2)
        assert demo_db, "the demo database never appeared"
        time.sleep(1.0)  # let the window come up and the demo fill start
        proc.send_signal(signum)
        output = proc.communicate(timeout=60)[0].decode(errors="replace")
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 0, output
    assert list(tmp_path.glob("privacy-desk-demo-*")) == []
