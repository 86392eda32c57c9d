"""A folder of documents (.txt, .csv, .pdf, .docx, .odt, scans) searched for a person's identifiers.

Scans (a PDF without text layer, an image) are read by the intake's OCR
(:func:`app.reading.documents.ocr_document`). Given a :class:`ScanTexts` store
(:meth:`DocumentFolderConnector.use_scan_texts`, done by the search service) their text comes
from the cache and a scan not read yet is queued and reported as "being read"
(:class:`~app.connectors.base.StillReading`), so a search never waits for a folder's OCR.
Without a store (a connector used on its own, outside the app's search) a scan is listed for
a check by hand, as it was before OCR.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.connectors.base import (
    TEXT_FIELD,
    Capability,
    ConnectorDescription,
    Finding,
    Identifier,
    MatchStrength,
    SettingSpec,
    StillReading,
    Subject,
)
from app.connectors.scan_texts import FileStamp, ScanState, ScanTexts
from app.connectors.text_search import (
    ONLY_NAME_NOTE,
    find_in_text,
    stored_text,
    subject_needles,
)
from app.core.enums import IdentifierKind
from app.core.errors import ConnectorError, ValidationError
from app.core.i18n import N_, Message, _, join, message_of, restored
from app.core.progress import Progress
from app.reading.archive import DocumentRefused, ReadingLimits
from app.reading.documents import UnreadableDocument
from app.reading.worker import IsolatedReader

log = logging.getLogger(__name__)

DEFAULT_EXTENSIONS = (".txt", ".csv", ".pdf", ".docx", ".odt")
DEFAULT_MAX_FILE_MB = 50
DEFAULT_OCR_CACHE_DAYS = 30
CATEGORIES = (N_("documents"),)
HAND_NOTE = _(
    "Files are not erased from here: remove or redact the file by hand if erasure is granted."
)
OCR_NOTE = _("Read from a scan by OCR: check the spelling in the file itself.")


@dataclass(frozen=True)
class _Read:
    """One file's outcome: its text, a problem (check by hand), or still being read."""

    stamp: FileStamp
    text: str = ""
    from_ocr: bool = False
    problem: str | Message = ""
    pending: bool = False


class DocumentFolderConnector:
    """Search every document below a folder; report each file that mentions the person."""

    kind = "document_folder"

    def __init__(self, name: str, settings: Mapping[str, Any], secrets: Mapping[str, str]) -> None:
        self.name = name
        raw_path = str(settings.get("path") or "").strip()
        if not raw_path:
            raise ValidationError({"path": _("Choose the folder with the documents.")})
        self._path = Path(raw_path).expanduser()
        extensions = settings.get("extensions") or DEFAULT_EXTENSIONS
        if isinstance(extensions, str):
            extensions = extensions.replace(",", " ").split()
        self._extensions = tuple(
            e.lower() if e.startswith(".") else f".{e.lower()}" for e in extensions
        )
        try:
            self._max_bytes = int(
                float(settings.get("max_file_mb") or DEFAULT_MAX_FILE_MB) * 1024 * 1024
            )
        except (TypeError, ValueError) as exc:
            raise ValidationError({"max_file_mb": _("Enter the maximum size in MB.")}) from exc
        try:
            self.ocr_cache_days = int(settings.get("ocr_cache_days") or DEFAULT_OCR_CACHE_DAYS)
        except (TypeError, ValueError) as exc:
            raise ValidationError({"ocr_cache_days": _("Enter a number of days.")}) from exc
        if not 1 <= self.ocr_cache_days <= 3650:
            raise ValidationError({"ocr_cache_days": _("Use {low} to {high}.", low=1, high=3650)})
        # Parsers run in a child process within these limits (global setting, passed in).
        self.reader = IsolatedReader(ReadingLimits.from_setting(settings.get("reading_limits")))
        self._scans: ScanTexts | None = None

    @property
    def folder(self) -> Path:
        return self._path

    def use_scan_texts(self, scans: ScanTexts) -> None:
        """Scans come from this store (read in the background) instead of OCR in the search."""
        self._scans = scans

    @classmethod
    def describe(cls) -> ConnectorDescription:
        return ConnectorDescription(
            kind=cls.kind,
            label=N_("Document folder"),
            settings=(
                SettingSpec("path", N_("Folder"), kind="path"),
                SettingSpec(
                    "extensions",
                    N_("File types"),
                    required=False,
                    default=" ".join(DEFAULT_EXTENSIONS),
                    help=N_("Separated by spaces, e.g. .txt .csv .pdf .docx .odt"),
                ),
                SettingSpec(
                    "max_file_mb",
                    N_("Largest file (MB)"),
                    kind="int",
                    required=False,
                    default=DEFAULT_MAX_FILE_MB,
                    help=N_("Larger files are listed for a check by hand instead of being read."),
                ),
                SettingSpec(
                    "ocr_cache_days",
                    N_("Keep scan texts (days)"),
                    kind="int",
                    required=False,
                    default=DEFAULT_OCR_CACHE_DAYS,
                    help=N_(
                        "Text read from scans by OCR is kept this long after the last search "
                        "of this folder, then removed by the retention purge."
                    ),
                ),
            ),
            capabilities=frozenset({Capability.SEARCH}),
            help=N_(
                "Reads text in documents, including subfolders; scans are read by OCR in the "
                "background."
            ),
        )

    def _files(self) -> list[Path]:
        if not self._path.is_dir():
            raise ConnectorError(
                _(
                    "The folder {path} does not exist or cannot be read. Check the path in the "
                    "connector settings.",
                    path=self._path,
                )
            )
        return sorted(
            p for p in self._path.rglob("*") if p.is_file() and p.suffix.lower() in self._extensions
        )

    def test_connection(self) -> str:
        count = len(self._files())
        return _("{n} document(s) found.", n=count)

    def _stamps(self) -> list[FileStamp]:
        stamps = []
        for path in self._files():
            try:
                stat = path.stat()
            except OSError:  # removed while listing: not there any more
                continue
            relative = path.relative_to(self._path).as_posix()
            stamps.append(FileStamp(path, relative, stat.st_size, stat.st_mtime_ns))
        return stamps

    def _texts(self, progress: Progress) -> Iterator[_Read]:
        """Every file's text (or problem); tells the store which files are there at the end."""
        stamps = self._stamps()
        for n, stamp in enumerate(stamps):
            progress.report(
                n / max(1, len(stamps)),
                _("Document {number} of {total}", number=n + 1, total=len(stamps)),
            )
            yield self._read(stamp, n + 1, progress)
        if self._scans is not None:
            self._scans.seen([s.relative for s in stamps])

    def _read(self, stamp: FileStamp, number: int, progress: Progress) -> _Read:
        if stamp.size > self._max_bytes:
            return _Read(stamp, problem=_("File too large to read"))
        if self._scans is not None:
            cached = self._scans.known(stamp)
            if cached is not None:  # a scan read before and unchanged: not parsed again
                return self._scan_outcome(stamp, cached.state, cached.text, cached.problem)
        try:
            document = self.reader.read(stamp.path, progress=progress)
        except DocumentRefused as exc:
            log.warning("Document %d refused (%s)", number, exc.message.msgid[:40])
            return _Read(stamp, problem=message_of(exc))
        except OSError as exc:
            problem = _("Could not be opened ({reason})", reason=exc.strerror or type(exc).__name__)
            return _Read(stamp, problem=problem)
        except UnreadableDocument as exc:
            cause = type(exc.__cause__ or exc).__name__
            log.warning("Document %d unreadable (%s)", number, cause)
            return _Read(stamp, problem=_("Damaged or unreadable file"))
        if not document.needs_ocr:
            return _Read(stamp, text=document.text, from_ocr=document.from_ocr)
        if self._scans is None:  # on its own, without the app's scan texts: not read here
            return _Read(stamp, problem=_("No text layer (a scan)"))
        reading = self._scans.request(stamp, progress)
        return self._scan_outcome(stamp, reading.state, reading.text, reading.problem)

    @staticmethod
    def _scan_outcome(stamp: FileStamp, state: ScanState, text: str, problem: str) -> _Read:
        if state is ScanState.READING:
            return _Read(stamp, pending=True)
        if state is ScanState.FAILED:
            return _Read(stamp, problem=restored(problem) if problem else _("Not readable by OCR"))
        return _Read(stamp, text=text, from_ocr=True)

    def prepare(self, progress: Progress) -> tuple[int, int]:
        """Go through the folder once, queueing every scan not read yet.

        Returns (scans whose text is there already, scans queued)."""
        reads = list(self._texts(progress))
        return sum(1 for r in reads if r.from_ocr), sum(1 for r in reads if r.pending)

    def search(self, subject: Subject, progress: Progress) -> Sequence[Finding]:
        needles = subject_needles(subject)
        if not needles:
            return []
        findings: list[Finding] = []
        pending = 0
        for read in self._texts(progress):
            if read.pending:
                pending += 1
                continue
            if read.problem:
                findings.append(self._check_by_hand(read.stamp.relative, read.problem))
                continue
            matches = find_in_text(read.text, needles)
            if not matches:
                continue
            best = matches[0]
            notes: list[str] = [OCR_NOTE] if read.from_ocr else []
            if best.strength is MatchStrength.WEAK:
                notes.insert(0, ONLY_NAME_NOTE)
            relative = read.stamp.relative
            findings.append(
                Finding(
                    system=self.name,
                    record_id=relative,
                    fields={
                        "file": relative,
                        "snippet": best.snippet,
                        "also matched": ", ".join(m.identifier.kind.value for m in matches[1:]),
                        TEXT_FIELD: stored_text(read.text, needles),
                    },
                    categories=CATEGORIES,
                    matched=best.identifier,
                    strength=best.strength,
                    location=str(read.stamp.path),
                    note=join([*notes, HAND_NOTE]) if notes else HAND_NOTE,
                )
            )
        progress.report(1.0, _("Documents searched"))
        if pending and self._scans is not None:
            raise StillReading(findings, pending, self._scans.pending_message(pending))
        return findings

    def _check_by_hand(self, relative: str, problem: str | Message) -> Finding:
        # Not a match, but the officer cannot rule it out either: a weak item to review.
        return Finding(
            system=self.name,
            record_id=relative,
            fields={"file": relative, "problem": str(problem).lower()},
            categories=CATEGORIES,
            matched=Identifier(IdentifierKind.OTHER, "unreadable file"),
            strength=MatchStrength.WEAK,
            location=str(self._path / relative),
            note=_("{problem}: check this file by hand.", problem=problem),
        )
