"""The text of one document file: PDF text layer, DOCX, ODT, plain text; scans through OCR."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from app.core.errors import AppError, ConnectorError, UserError
from app.core.progress import Progress
from app.reading.errors import (  # re-exported: importable from here as before
    PasswordProtected as PasswordProtected,
)
from app.reading.errors import (
    UnreadableDocument as UnreadableDocument,
)

# Magic numbers of the image formats a scanner or phone produces (PNG, JPEG, TIFF both orders).
IMAGE_HEADS = (b"\x89PNG", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".tif", ".tiff")


class DocumentFormat(StrEnum):
    TEXT = "text"
    PDF = "pdf"
    DOCX = "docx"
    ODT = "odt"
    IMAGE = "image"


_BY_SUFFIX = {".pdf": DocumentFormat.PDF, ".docx": DocumentFormat.DOCX, ".odt": DocumentFormat.ODT}


@dataclass(frozen=True)
class DocumentText:
    """What reading a document gave: its text, or ``needs_ocr`` when it has no text layer."""

    text: str
    format: DocumentFormat
    pages: int = 0  # PDF pages read (0 for other formats)
    needs_ocr: bool = False  # an image or a scanned PDF: no text until OCR reads it
    from_ocr: bool = False  # the text was read by OCR (an image or a PDF without text layer)

    @property
    def has_text(self) -> bool:
        return bool(self.text.strip())


def detect_format(path: Path, head: bytes | None = None) -> DocumentFormat:
    """The format by the file's first bytes where they say it, else by its name."""
    if head is None:
        with path.open("rb") as handle:
            head = handle.read(16)
    suffix = path.suffix.lower()
    if head.startswith(b"%PDF-"):
        return DocumentFormat.PDF
    if head.startswith(IMAGE_HEADS):
        return DocumentFormat.IMAGE
    if suffix in _BY_SUFFIX:
        return _BY_SUFFIX[suffix]
    if suffix in IMAGE_SUFFIXES:
        return DocumentFormat.IMAGE
    return DocumentFormat.TEXT


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM), else Windows-1252, which decodes nearly any byte."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Older Windows exports; 'replace' covers the few bytes cp1252 leaves undefined.
        return data.decode("cp1252", errors="replace")


@contextmanager
def _parsing() -> Iterator[None]:
    """Parser errors become UnreadableDocument; cancel, time-out and OS errors pass unchanged."""
    try:
        yield
    except (AppError, OSError, UnreadableDocument):
        raise
    except Exception as exc:  # the parsers raise many different types on damaged files
        raise UnreadableDocument(f"{type(exc).__name__}: {exc}") from exc


def _check(progress: Progress | None) -> None:
    if progress is not None:
        progress.check()


def read_pdf(
    path: Path, *, max_pages: int | None = None, progress: Progress | None = None
) -> DocumentText:
    """The text layer of the first ``max_pages`` pages (all when None); a scan needs OCR."""
    with _parsing():
        from pypdf import PdfReader

        reader = PdfReader(path)
        if reader.is_encrypted and not reader.decrypt(""):
            raise PasswordProtected(path.name)
        pages = list(reader.pages if max_pages is None else reader.pages[:max_pages])
    texts: list[str] = []
    for page in pages:
        _check(progress)
        with _parsing():
            texts.append(page.extract_text() or "")
    text = "\n".join(texts)
    return DocumentText(
        text, DocumentFormat.PDF, pages=len(pages), needs_ocr=bool(pages) and not text.strip()
    )


def read_docx(path: Path, *, progress: Progress | None = None) -> DocumentText:
    """Paragraphs, table rows (cells separated by tabs), headers and footers of a Word file."""
    with _parsing():
        import docx

        document = docx.Document(str(path))
        parts = [p.text for p in document.paragraphs]
        for table in document.tables:
            _check(progress)
            for row in table.rows:
                parts.append("\t".join(cell.text for cell in row.cells))
        for section in document.sections:
            parts.extend(p.text for p in section.header.paragraphs)
            parts.extend(p.text for p in section.footer.paragraphs)
    return DocumentText("\n".join(parts), DocumentFormat.DOCX)


def read_odt(path: Path, *, progress: Progress | None = None) -> DocumentText:
    """Headings and paragraphs of an OpenDocument text."""
    with _parsing():
        from odf import teletype, text
        from odf.opendocument import load

        document = load(str(path))
        parts: list[str] = []
        for kind in (text.H, text.P):
            _check(progress)
            parts.extend(teletype.extractText(e) for e in document.getElementsByType(kind))
    return DocumentText("\n".join(parts), DocumentFormat.ODT)


def read_text_file(path: Path) -> DocumentText:
    return DocumentText(decode_text(path.read_bytes()), DocumentFormat.TEXT)


def read_image(path: Path) -> DocumentText:
    """An image has no text layer: reported as ``needs_ocr``, never as empty text."""
    if not path.is_file():
        raise FileNotFoundError(path)
    return DocumentText("", DocumentFormat.IMAGE, needs_ocr=True)


def read_document(
    path: Path,
    *,
    max_pages: int | None = None,
    progress: Progress | None = None,
    ocr: bool = False,
) -> DocumentText:
    """Read any supported file; raises UnreadableDocument when damaged, OSError when unopenable.

    With ``ocr`` an image or a PDF without text layer is read by OCR (app.reading.ocr); without
    Tesseract it stays ``needs_ocr`` and the missing OCR is logged once, so a batch goes on.
    """
    form = detect_format(path)
    readers: dict[DocumentFormat, Callable[[], DocumentText]] = {
        DocumentFormat.PDF: lambda: read_pdf(path, max_pages=max_pages, progress=progress),
        DocumentFormat.DOCX: lambda: read_docx(path, progress=progress),
        DocumentFormat.ODT: lambda: read_odt(path, progress=progress),
        DocumentFormat.IMAGE: lambda: read_image(path),
        DocumentFormat.TEXT: lambda: read_text_file(path),
    }
    document = readers[form]()
    if ocr and document.needs_ocr:
        return ocr_document(path, document, max_pages=max_pages, progress=progress)
    return document


def ocr_document(
    path: Path,
    document: DocumentText,
    *,
    max_pages: int | None = None,
    progress: Progress | None = None,
) -> DocumentText:
    """``document`` (which needs OCR) with the text OCR read; unchanged when OCR is missing."""
    from app.reading import ocr
    from app.reading.tesseract import announce_unavailable, find_tesseract

    tesseract = find_tesseract()
    if tesseract is None:
        announce_unavailable()
        return document
    try:
        result = ocr.ocr_file(
            path,
            progress=progress,
            tesseract=tesseract,
            is_pdf=document.format is DocumentFormat.PDF,
            max_pages=max_pages,
        )
    except ConnectorError:  # the caller's time-out
        raise
    except UserError as exc:  # beyond the limits, a damaged image: this file only
        raise UnreadableDocument(exc.msgid) from exc
    return DocumentText(
        result.text,
        document.format,
        pages=len(result.pages) if document.format is DocumentFormat.PDF else 0,
        needs_ocr=False,
        from_ocr=True,
    )
