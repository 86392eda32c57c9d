"""Failures of the machine (a full disk, a read-only folder) as messages that name the cause."""

from __future__ import annotations

import errno
from pathlib import Path

from app.core.errors import FaultError
from app.core.i18n import _

_NO_SPACE = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
_READ_ONLY = {errno.EROFS}
_NOT_ALLOWED = {errno.EACCES, errno.EPERM}


def os_fault(exc: BaseException, *, target: Path | str | None = None) -> FaultError | None:
    """A FaultError that names what went wrong with a file or folder, or None for other errors.

    ``target`` names the place being written (a default: the file the error names).
    """
    if not isinstance(exc, OSError):
        return None
    place = str(target if target is not None else (exc.filename or "")) or _("a file")
    if exc.errno in _NO_SPACE:
        return FaultError(
            _(
                "The disk is full: {place} could not be written. Nothing was saved there. Free "
                "some space on that disk (or choose another folder) and try again.",
                place=place,
            )
        )
    if exc.errno in _READ_ONLY:
        return FaultError(
            _(
                "{place} is on a read-only disk, so nothing could be written there. Choose a "
                "folder you can write to, or ask your administrator.",
                place=place,
            )
        )
    if exc.errno in _NOT_ALLOWED:
        return FaultError(
            _(
                "You may not write {place} (permission denied). Nothing was saved there. Choose "
                "another folder, or ask your administrator for write access.",
                place=place,
            )
        )
    return None
