"""Write a file atomically: a private temporary file beside it, synced, then renamed over it."""

from __future__ import annotations

import glob
import os
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

OWNER_ONLY = 0o600  # exports, backups and calendars hold personal data


@contextmanager
def atomic_write(path: Path, *, mode: int = OWNER_ONLY) -> Iterator[Path]:
    """Yield a temporary path in ``path``'s folder; when the block succeeds it replaces ``path``.

    The block writes the temporary file by name (any library that writes to a path will do).
    Then the file gets ``mode``, is synced to disk, renamed over ``path`` in one step and the
    folder is synced, so a crash leaves either the old file or the new one, never half of one.
    When the block fails, the temporary file is removed and ``path`` is untouched. Raises
    OSError when the folder cannot be written.
    """
    folder = path.parent
    handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    os.close(handle)
    temp = Path(name)
    try:
        yield temp
        os.chmod(temp, mode)
        _sync_file(temp)
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    _sync_folder(folder)


def write_atomically(path: Path, data: bytes, *, mode: int = OWNER_ONLY) -> None:
    """Replace ``path`` by ``data`` atomically (see ``atomic_write``)."""
    with atomic_write(path, mode=mode) as temp:
        temp.write_bytes(data)


def _sync_file(path: Path) -> None:
    # Read-write: Windows refuses to flush a handle opened for reading only.
    descriptor = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable; POSIX only (Windows cannot open a folder to sync it)."""
    if not hasattr(os, "O_DIRECTORY"):
        return
    descriptor = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


# A temporary file younger than this may belong to a write still running in another process.
STALE_PART_S = 600


def leftover_parts(
    folder: Path, name: str | None = None, *, now: float | None = None
) -> list[Path]:
    """Temporary files of killed ``atomic_write`` calls in ``folder`` (for ``name`` or any file).

    Only files older than STALE_PART_S: a younger one may be a write still under way.
    """
    limit = (time.time() if now is None else now) - STALE_PART_S
    pattern = f".{'*' if name is None else glob.escape(name)}.*.part"
    try:
        return sorted(p for p in folder.glob(pattern) if p.is_file() and p.stat().st_mtime < limit)
    except OSError:
        return []
