"""scripts/demo.sh without a display: stopping the script stops its Xvfb and the app too."""

from __future__ import annotations

import os
import re
import shutil
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _demo_cases(tmp_path: Path) -> int:
    for path in tmp_path.glob("privacy-desk-demo-*/demo.sqlite3"):
        try:
            with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=1) as con:
                return int(con.execute("select count(*) from case_file").fetchone()[0])
        except sqlite3.Error:  # the schema is still being created
            return 0
    return 0


def _descendants(pid: int) -> set[int]:
    """The process ids below ``pid`` (children, grandchildren), read from /proc."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:  # the process ended meanwhile
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found: set[int] = set()
    todo = [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            if child not in found:
                found.add(child)
                todo.append(child)
    return found


def _command(pid: int) -> str:
    try:
        return (Path("/proc") / str(pid) / "cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def _alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("Xvfb") is None, reason="Xvfb is not installed")
@pytest.mark.skipif(not (ROOT / ".venv" / "bin" / "privacy-desk").exists(), reason="no .venv")
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_stopping_demo_sh_stops_xvfb_and_the_app(tmp_path: Path, signum: int) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.update(PRIVACY_DESK_DEMO_SKIP_SETUP="1", HOME=str(tmp_path), TMPDIR=str(tmp_path),
               XDG_DATA_HOME=str(tmp_path / "data"), XDG_CONFIG_HOME=str(tmp_path / "config"),
               QT_QPA_PLATFORM="xcb")  # fmt: skip
    proc = subprocess.Popen(
        ["bash", str(ROOT / "scripts" / "demo.sh"), "--lang", "en"],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    assert proc.stdout is not None
    lines: list[str] = []
    try:
        for line in proc.stdout:  # the script says which display it runs on, then starts the app
            lines.append(line)
            if line.startswith("demo: stop with"):
                break
        output = "".join(lines)
        display = re.search(r"virtual screen :(\d+)", output)
        assert display, output
        assert f"DISPLAY=:{display.group(1)} import -window root" in output
        # Both processes run: Xvfb and the app, whose window is up once the demo fill writes.
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and _demo_cases(tmp_path) == 0:
            assert proc.poll() is None, output + proc.stdout.read()
            time.sleep(0.1)
        below = _descendants(proc.pid)
        commands = {pid: _command(pid) for pid in below}
        assert any("Xvfb" in c for c in commands.values()), commands
        assert any("privacy-desk" in c for c in commands.values()), commands
        proc.send_signal(signum)
        rest = proc.communicate(timeout=60)[0]
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 0, output + rest
    left = {pid: commands[pid] for pid in below if _alive(pid)}
    assert left == {}, f"left running: {left}"
    assert not Path(f"/tmp/.X11-unix/X{display.group(1)}").exists()
    assert list(tmp_path.glob("privacy-desk-demo-*")) == []
