"""Limits for untrusted documents: zip archives (docx, odt, xlsx) checked before any parser."""

from __future__ import annotations

import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.core.i18n import Message, _
from app.reading.documents import UnreadableDocument

# Defaults of the "reading_limits" setting (app/data/seed.py): a real office document unpacks
# to a few MB at a ratio of 5 to 20; a zip bomb unpacks to gigabytes at a ratio of 1000.
DEFAULT_MAX_UNPACKED_MB = 100
DEFAULT_MAX_RATIO = 100
DEFAULT_MEMORY_MB = 1024
DEFAULT_TIMEOUT_S = 120
# Very small members (a 200-byte [Content_Types].xml) have high ratios without being a bomb.
_RATIO_FLOOR_BYTES = 1024 * 1024


@dataclass(frozen=True)
class ReadingLimits:
    """How much an untrusted document may unpack to and use while it is parsed."""

    max_unpacked_mb: int = DEFAULT_MAX_UNPACKED_MB
    max_ratio: int = DEFAULT_MAX_RATIO
    memory_mb: int = DEFAULT_MEMORY_MB  # address-space limit of the parsing child (POSIX)
    timeout_s: float = DEFAULT_TIMEOUT_S  # when no Progress with its own time-out is given

    @classmethod
    def from_setting(cls, value: Mapping[str, Any] | None) -> ReadingLimits:
        """From the stored setting; missing or unusable values fall back to the defaults."""
        value = value or {}

        def number(key: str, default: int) -> int:
            try:
                found = int(value.get(key, default))
            except (TypeError, ValueError):
                return default
            return found if found > 0 else default

        return cls(
            max_unpacked_mb=number("max_unpacked_mb", DEFAULT_MAX_UNPACKED_MB),
            max_ratio=number("max_ratio", DEFAULT_MAX_RATIO),
            memory_mb=number("memory_mb", DEFAULT_MEMORY_MB),
            timeout_s=number("timeout_s", DEFAULT_TIMEOUT_S),
        )

    def to_setting(self) -> dict[str, Any]:
        return {
            "max_unpacked_mb": self.max_unpacked_mb,
            "max_ratio": self.max_ratio,
            "memory_mb": self.memory_mb,
            "timeout_s": int(self.timeout_s),
        }


def validate_limits(value: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, str]]:
    """The setting cleaned, and field -> message for values out of range."""
    ranges = {
        "max_unpacked_mb": (1, 10_000),
        "max_ratio": (2, 10_000),
        "memory_mb": (128, 65_536),
        "timeout_s": (1, 3600),
    }
    defaults = ReadingLimits().to_setting()
    clean: dict[str, Any] = {}
    errors: dict[str, str] = {}
    for key, (low, high) in ranges.items():
        try:
            number = int(value.get(key, defaults[key]))
        except (TypeError, ValueError):
            errors[key] = _("Enter a whole number.")
            continue
        if not low <= number <= high:
            errors[key] = _("Use {low} to {high}.", low=low, high=high)
        clean[key] = number
    return clean, errors


class DocumentRefused(UnreadableDocument):
    """The document was not parsed: it would unpack to too much, or its parser overran.

    ``message`` says why in words the officer can act on.
    """

    def __init__(self, message: Message) -> None:
        self.message = message
        super().__init__(message)

    @property
    def msgid(self) -> str:
        return self.message.msgid


def archive_problem(path: Path, limits: ReadingLimits) -> Message | None:
    """Why a zip archive may not be unpacked, or None when it is within the limits.

    Reads the central directory only (no member is decompressed). The sizes there are the
    archive's own claims: a file that lies about them is caught by the child's memory limit.
    """
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return None  # not a zip (or unreadable): the parser reports that in its own words
    total = sum(m.file_size for m in members)
    packed = sum(m.compress_size for m in members)
    limit = limits.max_unpacked_mb * 1024 * 1024
    if total > limit:
        return _(
            "{name} would unpack to {size} MB, more than the {limit} MB allowed for one "
            "document (it may be a 'zip bomb'). It was not opened; check it by hand.",
            name=path.name,
            size=round(total / 1024 / 1024),
            limit=limits.max_unpacked_mb,
        )
    for member in members:
        if member.file_size < _RATIO_FLOOR_BYTES:
            continue
        ratio = member.file_size / max(1, member.compress_size)
        if ratio > limits.max_ratio:
            return _(
                "{name} is compressed {ratio} to 1, more than the {limit} to 1 allowed (it may "
                "be a 'zip bomb'). It was not opened; check it by hand.",
                name=path.name,
                ratio=round(ratio),
                limit=limits.max_ratio,
            )
    if total >= _RATIO_FLOOR_BYTES and total / max(1, packed) > limits.max_ratio:
        return _(
            "{name} is compressed {ratio} to 1, more than the {limit} to 1 allowed (it may be a "
            "'zip bomb'). It was not opened; check it by hand.",
            name=path.name,
            ratio=round(total / max(1, packed)),
            limit=limits.max_ratio,
        )
    return None


def check_archive(path: Path, limits: ReadingLimits) -> None:
    """Raise DocumentRefused when ``path`` is a zip archive beyond ``limits``."""
    problem = archive_problem(path, limits)
    if problem is not None:
        raise DocumentRefused(problem)
