"""A folder of documents (.txt, .csv, .pdf, .docx, .odt) searched for a person's identifiers."""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from app.connectors.base import (
    Capability,
    ConnectorDescription,
    Finding,
    Identifier,
    MatchStrength,
    Progress,
    SettingSpec,
    Subject,
)
from app.connectors.text_search import ONLY_NAME_NOTE, find_in_text, subject_needles
from app.core.enums import IdentifierKind
from app.core.errors import Cancelled, ConnectorError, ValidationError
from app.core.i18n import N_, Message, _, join

log = logging.getLogger(__name__)

DEFAULT_EXTENSIONS = (".txt", ".csv", ".pdf", ".docx", ".odt")
DEFAULT_MAX_FILE_MB = 50
CATEGORIES = (N_("documents"),)
HAND_NOTE = _(
    "Files are not erased from here: remove or redact the file by hand if erasure is granted."
)


class NoTextLayer(Exception):
    """A PDF with pages but no extractable text: a scan."""


def _read_text_file(path: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Older Windows exports; cp1252 decodes nearly any byte, and 'replace' covers the rest.
        return data.decode("cp1252", errors="replace")


def _read_pdf(path: Path, progress: Progress) -> str:
    from pypdf import PdfReader

    reader = PdfReader(path)
    texts = []
    for page in reader.pages:
        progress.check()
        texts.append(page.extract_text() or "")
    text = "\n".join(texts)
    if reader.pages and not text.strip():
        raise NoTextLayer()
    return text


def _read_docx(path: Path, progress: Progress) -> str:
    import docx

    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        progress.check()
        for row in table.rows:
            parts.append("\t".join(cell.text for cell in row.cells))
    for section in document.sections:
        parts.extend(p.text for p in section.header.paragraphs)
        parts.extend(p.text for p in section.footer.paragraphs)
    return "\n".join(parts)


def _read_odt(path: Path, progress: Progress) -> str:
    from odf import teletype, text
    from odf.opendocument import load

    document = load(str(path))
    parts: list[str] = []
    for kind in (text.H, text.P):
        progress.check()
        parts.extend(teletype.extractText(e) for e in document.getElementsByType(kind))
    return "\n".join(parts)


def extract_text(path: Path, progress: Progress) -> str:
    """The text of one document; raises NoTextLayer for scans and the parser's error if corrupt."""
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        return _read_pdf(path, progress)
    if suffix == ".docx":
        return _read_docx(path, progress)
    if suffix == ".odt":
        return _read_odt(path, progress)
    return _read_text_file(path)


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

    @classmethod
    def describe(cls) -> ConnectorDescription:
        return ConnectorDescription(
            kind=cls.kind,
            label="Document folder",
            settings=(
                SettingSpec("path", "Folder", kind="path"),
                SettingSpec(
                    "extensions",
                    "File types",
                    required=False,
                    default=" ".join(DEFAULT_EXTENSIONS),
                    help="Separated by spaces, e.g. .txt .csv .pdf .docx .odt",
                ),
                SettingSpec(
                    "max_file_mb",
                    "Largest file (MB)",
                    kind="int",
                    required=False,
                    default=DEFAULT_MAX_FILE_MB,
                    help="Larger files are listed for a check by hand instead of being read.",
                ),
            ),
            capabilities=frozenset({Capability.SEARCH}),
            help="Reads text in documents, including subfolders. Scans without text are listed.",
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
                text = extract_text(path, progress)
            except (Cancelled, ConnectorError):
                raise
            except NoTextLayer:
                findings.append(self._check_by_hand(relative, _("No text layer (a scan)")))
                continue
            except OSError as exc:
                problem = _(
                    "Could not be opened ({reason})", reason=exc.strerror or type(exc).__name__
                )
                findings.append(self._check_by_hand(relative, problem))
                continue
            except Exception as exc:  # the parsers raise many different types on corrupt files
                log.warning("Document %d unreadable (%s)", n + 1, type(exc).__name__)
                findings.append(self._check_by_hand(relative, _("Damaged or unreadable file")))
                continue
            matches = find_in_text(text, needles)
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

    def _check_by_hand(self, relative: str, problem: Message) -> Finding:
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
