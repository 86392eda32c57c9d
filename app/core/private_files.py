"""Files only the user can read: umask 077 for the process, 0600/0700 for what already exists.

The case base, its WAL and shared-memory files, the log, pre-migration backups, exports and
backups hold personal data; on a shared computer nobody else may read them. Windows keeps
per-user folders private by their ACLs; there these functions do nothing.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Final

log = logging.getLogger(__name__)

PRIVATE_UMASK: Final = 0o077
PRIVATE_FILE: Final = 0o600
PRIVATE_DIR: Final = 0o700


def private_umask() -> None:
    """From now on this process creates files 0600 and folders 0700 (POSIX)."""
    if os.name == "posix":
        os.umask(PRIVATE_UMASK)


def make_private(path: Path) -> None:
    """Take read access from group and others on an existing file or folder (POSIX)."""
    if os.name != "posix" or not path.exists():
        return
    mode = PRIVATE_DIR if path.is_dir() else PRIVATE_FILE
    try:
        if path.stat().st_mode & 0o777 != mode:
            path.chmod(mode)
    except OSError as exc:  # not ours (a shared folder): leave it, say so in the log
        log.warning("cannot restrict access to %s: %s", path.name, exc.strerror)
