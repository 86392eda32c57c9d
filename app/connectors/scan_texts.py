"""What the document-folder connector asks of a store of scan texts (read by OCR elsewhere).

The connector knows no database: the service layer gives it a :class:`ScanTexts` for its
folder (``app.services.document_texts``) that answers from the cache, and queues a scan whose
text is not there yet for reading in the background.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Protocol

from app.core.progress import Progress


class ScanState(StrEnum):
    READY = "ready"  # the text is there (possibly empty: OCR found no text)
    READING = "reading"  # not read yet: queued for the background reader
    FAILED = "failed"  # OCR could not read it (limits, damaged, no Tesseract): ``problem``


@dataclass(frozen=True)
class ScanReading:
    state: ScanState
    text: str = ""
    problem: str = ""  # a stored Message for FAILED (render with restored())


@dataclass(frozen=True)
class FileStamp:
    """A file as the folder lists it: enough to tell it is unchanged without hashing it."""

    path: Path
    relative: str
    size: int
    mtime_ns: int


class ScanTexts(Protocol):
    """The scan texts of one connector's folder."""

    def known(self, stamp: FileStamp) -> ScanReading | None:
        """The cached reading of an unchanged file; None when unknown or changed."""
        ...

    def request(self, stamp: FileStamp, progress: Progress) -> ScanReading:
        """The reading of a scan: from the cache (by content hash), else queued (READING) or,
        where the store reads at once (the command line), read now under ``progress``."""
        ...

    def seen(self, present: Collection[str]) -> None:
        """After a full pass: forget the files not ``present`` (gone); mark the rest used."""
        ...

    def pending_message(self, count: int) -> str:
        """What the officer is told about ``count`` scans still being read."""
        ...
