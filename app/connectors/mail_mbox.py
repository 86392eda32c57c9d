"""mbox files: read message by message, and remove messages under the mailbox lock."""

from __future__ import annotations

import errno
import fcntl
import logging
import os
import platform
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import BinaryIO

from app.core.atomic_file import atomic_write
from app.core.errors import ConnectorError
from app.core.i18n import _

log = logging.getLogger(__name__)

LOCK_WAIT_S = 30.0
RESCUE_WAIT_S = 0.3  # how long a delivery that waited for our lock gets to finish writing
_STAMP_FORMAT = "%Y%m%dT%H%M%S"


@dataclass(frozen=True)
class Segment:
    """One message in the file: the "From " line up to the next one (bytes [start, end))."""

    start: int
    end: int
    body_start: int  # after the "From " line: the message as a mail parser reads it


def segments(data: bytes) -> list[Segment]:
    """The messages of an mbox (as Python's ``mailbox`` splits them: at every "From " line)."""
    starts: list[int] = []
    pos = 0
    while pos < len(data):
        if data.startswith(b"From ", pos):
            starts.append(pos)
        nl = data.find(b"\n", pos)
        if nl == -1:
            break
        pos = nl + 1
    out: list[Segment] = []
    for n, start in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(data)
        nl = data.find(b"\n", start)
        out.append(Segment(start, end, end if nl == -1 else min(end, nl + 1)))
    return out


def message_bytes(data: bytes, seg: Segment) -> bytes:
    """The message without its "From " line and the blank line that ends it in the file."""
    raw = data[seg.body_start : seg.end]
    if raw.endswith(b"\n\n"):
        raw = raw[:-1]
    return raw


def read_messages(path: Path) -> Iterator[bytes]:
    if not path.is_file():
        raise ConnectorError(
            _("The mbox file {path} does not exist. Check the path in the settings.", path=path)
        )
    data = path.read_bytes()
    for seg in segments(data):
        yield message_bytes(data, seg)


def _flock(handle: BinaryIO, deadline: float) -> None:
    """fcntl (POSIX) and flock locks, as Postfix, Dovecot and Python's mailbox take them."""
    for lock in (fcntl.lockf, fcntl.flock):
        while True:
            try:
                lock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as exc:
                if exc.errno not in (errno.EAGAIN, errno.EACCES) or time.monotonic() > deadline:
                    raise ConnectorError(
                        _(
                            "The mbox file is locked by another program (the mail server?). "
                            "Try again later."
                        )
                    ) from exc
                time.sleep(0.05)


def _unlock(handle: BinaryIO) -> None:
    fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
    fcntl.lockf(handle.fileno(), fcntl.LOCK_UN)


@contextmanager
def dot_lock(path: Path, deadline: float) -> Iterator[None]:
    """``<mbox>.lock`` made with a hard link (safe on NFS), as ``mailbox`` and procmail do."""
    lock = path.with_name(path.name + ".lock")
    temp = path.with_name(f"{path.name}.{int(time.time())}.{platform.node()}.{os.getpid()}")
    try:
        temp.write_bytes(b"")
    except OSError as exc:
        raise ConnectorError(
            _("Cannot lock the mbox file: the folder {folder} is not writable.", folder=path.parent)
        ) from exc
    try:
        while True:
            try:
                os.link(temp, lock)
                break
            except FileExistsError:
                if time.monotonic() > deadline:
                    raise ConnectorError(
                        _("The mbox file is locked ({lock} exists). Try again later.", lock=lock)
                    ) from None
                time.sleep(0.05)
    finally:
        temp.unlink(missing_ok=True)
    try:
        yield
    finally:
        lock.unlink(missing_ok=True)


def remove_messages(
    path: Path,
    choose: Callable[[bytes], bool],
    *,
    backup_days: int,
    lock_wait_s: float = LOCK_WAIT_S,
) -> tuple[int, Path | None]:
    """Remove every message for which ``choose(message)`` is true; returns (count, backup).

    Under the dot-lock and the fcntl/flock locks the file is read, the other messages are
    written byte for byte to a new file that replaces the old one in one rename. A delivery
    that opened the old file and waited for our lock appends to the old file once we let go:
    those bytes are moved to the end of the new file before the dot-lock is released.
    """
    deadline = time.monotonic() + lock_wait_s
    with dot_lock(path, deadline), path.open("r+b") as old:
        _flock(old, deadline)
        try:
            data = old.read()
            info = os.fstat(old.fileno())
            keep: list[Segment] = []
            removed = 0
            found = segments(data)
            for seg in found:
                if choose(message_bytes(data, seg)):
                    removed += 1
                else:
                    keep.append(seg)
            if not removed:
                return 0, None
            with atomic_write(path, mode=info.st_mode & 0o7777) as temp:
                with temp.open("wb") as out:
                    out.write(data[: found[0].start])  # anything before the first "From "
                    for seg in keep:
                        out.write(data[seg.start : seg.end])
                if os.geteuid() == 0:
                    os.chown(temp, info.st_uid, info.st_gid)
                backup = _link_backup(path, backup_days)
        finally:
            _unlock(old)
        _rescue_late_delivery(path, old, len(data), time.monotonic() + lock_wait_s)
    return removed, backup


def _rescue_late_delivery(path: Path, old: BinaryIO, size: int, deadline: float) -> None:
    # A delivery agent that opened the old file before the rename and waited on its lock writes
    # there as soon as we unlock it; give it a moment, lock it again and move what it wrote.
    time.sleep(RESCUE_WAIT_S)
    _flock(old, deadline)
    try:
        old.seek(size)
        late = old.read()
        if not late:
            return
        with path.open("ab") as new:
            _flock(new, deadline)
            try:
                new.write(late)
                new.flush()
                os.fsync(new.fileno())
            finally:
                _unlock(new)
        log.info("Moved %d byte(s) delivered during the rewrite to the new mbox", len(late))
    finally:
        _unlock(old)


def _link_backup(path: Path, backup_days: int) -> Path | None:
    """The old file stays as ``<mbox>.<time>.bak`` (a hard link: no copy) when days > 0."""
    if backup_days <= 0:
        return None
    stamp = datetime.now().strftime(_STAMP_FORMAT)
    backup = path.with_name(f"{path.name}.{stamp}.bak")
    counter = 1
    while backup.exists():
        counter += 1
        backup = path.with_name(f"{path.name}.{stamp}-{counter}.bak")
    os.link(path, backup)
    return backup


def prune_backups(path: Path, backup_days: int, now: datetime | None = None) -> list[Path]:
    """Delete this mbox's backups older than ``backup_days``; failures are logged."""
    limit = (now or datetime.now()) - timedelta(days=backup_days)
    gone: list[Path] = []
    if not path.parent.is_dir():
        return gone
    for candidate in path.parent.glob(f"{path.name}.*.bak"):
        stamp = candidate.name[len(path.name) + 1 : -4].split("-", 1)[0]
        try:
            made = datetime.strptime(stamp, _STAMP_FORMAT)
        except ValueError:
            continue
        if made < limit:
            with suppress(OSError):
                candidate.unlink()
                gone.append(candidate)
    return gone
