"""A folder of documents (.txt, .csv, .pdf, .docx, .odt) searched for a person's identifiers."""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
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
    Subject,
)
from app.connectors.text_search import (
    ONLY_NAME_NOTE,
    find_in_text,
    stored_text,
    subject_needles,
)
from app.core.enums import IdentifierKind
from app.core.errors import ConnectorError, ValidationError
from app.core.i18n import N_, _, join, message_of
from app.core.progress import Progress
from app.reading.archive import DocumentRefused, ReadingLimits
from app.reading.documents import UnreadableDocument
from app.reading.worker import IsolatedReader

log = logging.getLogger(__name__)

DEFAULT_EXTENSIONS = (".txt", ".csv", ".pdf", ".docx", ".odt")
DEFAULT_MAX_FILE_MB = 50
CATEGORIES = (N_("documents"),)
HAND_NOTE = _(
    "Files are not erased from here: remove or redact the file by hand if erasure is granted."
)


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
        # Parsers run in a child process within these limits (global setting, passed in).
        self.reader = IsolatedReader(ReadingLimits.from_setting(settings.get("reading_limits")))

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
            ),
            capabilities=frozenset({Capability.SEARCH}),
            help=N_(
                "Reads text in documents, including subfolders. Scans without text are listed."
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

    def search(self, subject: Subject, progress: Progress) -> Sequence[Finding]:
        needles = subject_needles(subject)
        if not needles:
            return []
        files = self._files()
        findings: list[Finding] = []
        for n, path in enumerate(files):
            progress.report(
                n / max(1, len(files)),
                _("Document {number} of {total}", number=n + 1, total=len(files)),
            )
            relative = str(path.relative_to(self._path))
            size = path.stat().st_size
            if size > self._max_bytes:
                findings.append(self._check_by_hand(relative, _("File too large to read")))
                continue
            try:
                document = self.reader.read(path, progress=progress)
            except DocumentRefused as exc:
                log.warning("Document %d refused (%s)", n + 1, exc.message.msgid[:40])
                findings.append(self._check_by_hand(relative, message_of(exc)))
                continue
            except OSError as exc:
                problem = _(
                    "Could not be opened ({reason})", reason=exc.strerror or type(exc).__name__
                )
                findings.append(self._check_by_hand(relative, problem))
                continue
            except UnreadableDocument as exc:
                cause = type(exc.__cause__ or exc).__name__
                log.warning("Document %d unreadable (%s)", n + 1, cause)
                findings.append(self._check_by_hand(relative, _("Damaged or unreadable file")))
                continue
            if document.needs_ocr:
                findings.append(self._check_by_hand(relative, _("No text layer (a scan)")))
                continue
            matches = find_in_text(document.text, needles)
            if not matches:
                continue
            best = matches[0]
            note = HAND_NOTE
            if best.strength is MatchStrength.WEAK:
                note = join([ONLY_NAME_NOTE, HAND_NOTE])
            findings.append(
                Finding(
                    system=self.name,
                    record_id=relative,
                    fields={
                        "file": relative,
                        "snippet": best.snippet,
                        "also matched": ", ".join(m.identifier.kind.value for m in matches[1:]),
                        TEXT_FIELD: stored_text(document.text, needles),
                    },
                    categories=CATEGORIES,
                    matched=best.identifier,
                    strength=best.strength,
                    location=str(path),
                    note=note,
                )
            )
        progress.report(1.0, _("Documents searched"))
        return findings

    def _check_by_hand(self, relative: str, problem: str) -> Finding:
        # Not a match, but the officer cannot rule it out either: a weak item to review.
        return Finding(
            system=self.name,
            record_id=relative,
            fields={"file": relative, "problem": problem.lower()},
            categories=CATEGORIES,
            matched=Identifier(IdentifierKind.OTHER, "unreadable file"),
            strength=MatchStrength.WEAK,
            location=str(self._path / relative),
            note=_("{problem}: check this file by hand.", problem=problem),
        )
