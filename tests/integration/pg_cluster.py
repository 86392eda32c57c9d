"""A private PostgreSQL cluster a test may stop and start: initdb/pg_ctl run as user postgres."""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path


def pg_bin() -> Path | None:
    """The newest /usr/lib/postgresql/<version>/bin that has initdb and pg_ctl."""
    found = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4])
    )
    return Path(found[-1]).parent if found else None


def unavailable_reason() -> str | None:
    """Why a private cluster cannot run here, or None."""
    if pg_bin() is None:
        return "no PostgreSQL server binaries under /usr/lib/postgresql/*/bin"
    if os.name != "posix" or os.geteuid() != 0:
        return "starting a cluster as user postgres needs root (runuser)"
    if shutil.which("runuser") is None:
        return "runuser is missing"
    try:
        import pwd

        pwd.getpwnam("postgres")
    except KeyError:
        return "there is no user postgres"
    return None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@dataclass
class Cluster:
    """One initdb'd data directory in a temporary folder owned by postgres."""

    root: Path
    port: int

    @property
    def url(self) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"

    def _as_postgres(self, *args: str) -> None:
        subprocess.run(
            ["runuser", "-u", "postgres", "--", str(pg_bin() / args[0]), *args[1:]],  # type: ignore[operator]
            check=True,
            capture_output=True,
            timeout=120,
            cwd=self.root,
        )

    def start(self) -> None:
        options = f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off"
        self._as_postgres(
            "pg_ctl", "-D", str(self.root / "data"), "-l", str(self.root / "log"),
            "-o", options, "-w", "start",
        )  # fmt: skip

    def stop(self, mode: str = "fast") -> None:
        self._as_postgres("pg_ctl", "-D", str(self.root / "data"), "-m", mode, "-w", "stop")

    def remove(self) -> None:
        try:
            self.stop("immediate")
        except subprocess.CalledProcessError:
            pass  # already stopped
        shutil.rmtree(self.root, ignore_errors=True)


def create_cluster() -> Cluster:
    import pwd

    postgres = pwd.getpwnam("postgres")
    root = Path(tempfile.mkdtemp(prefix="pd-pg-"))
    os.chown(root, postgres.pw_uid, postgres.pw_gid)
    root.chmod(0o700)
    cluster = Cluster(root, _free_port())
    cluster._as_postgres(
        "initdb", "-D", str(root / "data"), "-U", "postgres", "-A", "trust", "--no-sync"
    )
    cluster.start()
    return cluster
