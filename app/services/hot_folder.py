"""The hot folder: a folder the scanner writes to, watched by polling (network shares too).

A file counts as arrived once its size has not changed for ``STABLE_S`` seconds (a scanner
writing over the network can take a while). Polling, not change notifications: those are
unreliable on network shares (SMB, NFS) where scanners usually write. Hidden and temporary
files (``.name``, ``~name``, ``*.part``, ``*.tmp``) are ignored; so is anything that is not a
file the intake can read.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.core.i18n import _

SETTING = "hot_folder"
STABLE_S = 2.0
PURGE_AFTER_DAYS = 30  # a letter left unregistered this long loses the text read from it
SUFFIXES = (".pdf", ".png", ".jpg", ".jpeg", ".tif", ".tiff")  # what a scanner writes
_TEMPORARY = (".part", ".tmp", ".crdownload", ".partial")


def validate_hot_folder(value: dict[str, Any]) -> tuple[dict[str, Any], dict[str, str]]:
    """The setting ``hot_folder`` -> ``path``: empty (off) or a folder we can read and empty."""
    raw = str(value.get("path", "") or "").strip()
    try:
        days = int(value.get("purge_after_days", PURGE_AFTER_DAYS))
    except (TypeError, ValueError):
        days = 0
    if not 1 <= days <= 365:
        return {"path": raw}, {"purge_after_days": _("Use {low} to {high}.", low=1, high=365)}
    checked, errors = _check_folder(raw)
    return {"path": checked, "purge_after_days": days}, errors


def _check_folder(raw: str) -> tuple[str, dict[str, str]]:
    if not raw:
        return "", {}
    folder = Path(os.path.expandvars(os.path.expanduser(raw)))
    if not folder.is_absolute():
        return raw, {"path": _("Give the full path of the folder the scanner writes to.")}
    if not folder.is_dir():
        return raw, {
            "path": _(
                "The folder {path} does not exist (or is a file). Create it, or check that the "
                "network share is connected.",
                path=str(folder),
            )
        }
    if not os.access(folder, os.R_OK | os.W_OK | os.X_OK):
        return raw, {
            "path": _(
                "Privacy Desk cannot read and remove files in {path}. Give your account "
                "permission to change files there.",
                path=str(folder),
            )
        }
    return str(folder), {}


def hot_folder_of(value: dict[str, Any]) -> Path | None:
    raw = str(value.get("path", "") or "").strip()
    return Path(raw) if raw else None


def is_candidate(path: Path) -> bool:
    name = path.name
    if name.startswith((".", "~")) or name.lower().endswith(_TEMPORARY):
        return False
    return path.suffix.lower() in SUFFIXES


@dataclass
class _Seen:
    size: int
    mtime_ns: int
    since: float  # when this size and time were first seen


class FolderWatch:
    """Which files in ``folder`` have arrived: call :meth:`poll` every second or so.

    Each arrived file is reported once; a file removed and written again is reported again.
    """

    def __init__(
        self,
        folder: Path,
        *,
        stable_s: float = STABLE_S,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.folder = folder
        self.stable_s = stable_s
        self.clock = clock
        self._seen: dict[Path, _Seen] = {}
        self._reported: dict[Path, tuple[int, int]] = {}

    def poll(self) -> list[Path]:
        """The files that have arrived since the last poll (size stable long enough)."""
        now = self.clock()
        present: set[Path] = set()
        arrived: list[Path] = []
        try:
            entries = list(os.scandir(self.folder))
        except OSError:  # the share is gone for a moment: try again at the next poll
            return []
        for entry in entries:
            path = Path(entry.path)
            try:
                if not entry.is_file() or not is_candidate(path):
                    continue
                stat = entry.stat()
            except OSError:
                continue
            present.add(path)
            key = (stat.st_size, stat.st_mtime_ns)
            seen = self._seen.get(path)
            if seen is None or (seen.size, seen.mtime_ns) != key:
                self._seen[path] = _Seen(stat.st_size, stat.st_mtime_ns, now)
                continue
            if self._reported.get(path) == key or stat.st_size == 0:
                continue
            if now - seen.since >= self.stable_s:
                self._reported[path] = key
                arrived.append(path)
        for gone in set(self._seen) - present:
            self._seen.pop(gone, None)
            self._reported.pop(gone, None)
        return sorted(arrived)
