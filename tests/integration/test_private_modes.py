"""No traces for others: everything the app writes is 0600 in 0700 folders (POSIX)."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from alembic import command

from app.data.database import open_database
from app.data.migration import alembic_config

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")

CLI = "import sys; from app.cli import main; sys.exit(main())"


def _cli(env: dict[str, str], *argv: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", CLI, *argv], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def _env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PRIVACY_DESK_DB"}
    env.update(XDG_DATA_HOME=str(tmp_path / "xdg"), HOME=str(tmp_path / "home"))
    env["PRIVACY_DESK_KEYRING"] = "memory"
    return env


def _modes(paths: list[Path]) -> dict[str, str]:
    return {str(p): oct(stat.S_IMODE(p.stat().st_mode)) for p in paths}


def _not_private(root: Path) -> dict[str, str]:
    wrong = {}
    for path in [root, *root.rglob("*")]:
        expected = 0o700 if path.is_dir() else 0o600
        if stat.S_IMODE(path.stat().st_mode) != expected:
            wrong[str(path.relative_to(root.parent))] = oct(stat.S_IMODE(path.stat().st_mode))
    return wrong


def test_a_fresh_data_dir_case_export_and_backup_are_private(tmp_path: Path) -> None:
    env = _env(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    ref = _cli(env, "case", "add", "--type", "access", "--received", "2026-11-02",
               "--name", "Jan Berg", "--street", "Dorp 1", "--postcode", "1234 AB",
               "--city", "Ede")  # fmt: skip
    assert ref
    for fmt in ("xlsx", "csv"):
        target = str(out / f"register.{fmt}")
        _cli(env, "report", "register", "--from", "2026-01-01", "--to", "2026-12-31",
             "--format", fmt, "--out", target, "--with-personal-data")  # fmt: skip
    _cli(env, "backup", "--out", str(out / "backup.sqlite3"))
    _cli(env, "register", "export", "--out", str(out / "art30.csv"))
    data = tmp_path / "xdg"
    created = sorted(p.name for p in data.rglob("*"))
    assert "privacy-desk.sqlite3" in created and "privacy-desk.log" in created
    assert _not_private(data) == {}
    exports = sorted(out.iterdir())
    assert len(exports) == 4
    assert set(_modes(exports).values()) == {"0o600"}


def test_an_old_database_and_its_backup_become_private_on_start(tmp_path: Path) -> None:
    folder = tmp_path / "shared"
    folder.mkdir()
    path = folder / "cases.sqlite3"
    db = open_database(f"sqlite:///{path}")
    command.downgrade(alembic_config(db.engine), "0001")  # as an older version left it
    db.dispose()
    path.chmod(0o644)  # as an older version (or a copy) created it
    env = _env(tmp_path)
    _cli(env, "--db", f"sqlite:///{path}", "case", "list")
    files = list(folder.iterdir())
    assert any(p.name.endswith(".bak") for p in files)  # the pre-migration backup
    assert set(_modes(files).values()) == {"0o600"}, _modes(files)


def test_an_old_data_folder_and_log_become_private_on_start(tmp_path: Path) -> None:
    env = _env(tmp_path)
    data = tmp_path / "xdg" / "PrivacyDesk"
    data.mkdir(parents=True, mode=0o755)
    data.chmod(0o755)
    log = data / "privacy-desk.log"
    log.write_text("2026-11-01 INFO app: started\n")
    log.chmod(0o644)
    _cli(env, "case", "list")
    assert _modes([data, log]) == {str(data): "0o700", str(log): "0o600"}
