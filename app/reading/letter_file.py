"""The text of an incoming letter's file (.txt, PDF, or a scan read by OCR), with messages."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from app.core.errors import UserError
from app.core.i18n import Message, _
from app.core.progress import Progress
from app.reading.archive import DocumentRefused
from app.reading.documents import (
    IMAGE_HEADS,
    PasswordProtected,
    UnreadableDocument,
    decode_text,
)
from app.reading.page_lines import PageLine, text_layer_lines
from app.reading.worker import IsolatedReader

if TYPE_CHECKING:
    from app.reading.ocr import OcrResult

MAX_TEXT_MB = 5
MAX_PDF_MB = 50
MAX_IMAGE_MB = 100


@dataclass(frozen=True)
class LetterScan:
    """A letter file read for the intake: its text and, for a scan, its searchable PDF."""

    text: str
    searchable_pdf: bytes | None = None
    from_ocr: bool = False
    # Where the lines sit on the pages (OCR word boxes or the PDF's text positions); empty
    # for a text file, or when the positions could not be had.
    lines: tuple[PageLine, ...] = ()


def read_letter_file(
    path: Path, *, max_pages: int = 5, progress: Progress | None = None
) -> LetterScan:
    """Like :func:`letter_text_of_file`; a scan read by OCR also gives its searchable PDF.

    The searchable PDF covers the pages read (``max_pages``); the original stays untouched.
    """
    holder: list[OcrResult] = []
    text = letter_text_of_file(path, max_pages=max_pages, progress=progress, _ocr=holder)
    if holder:
        return LetterScan(text, holder[0].pdf, from_ocr=True, lines=holder[0].lines)
    with path.open("rb") as handle:
        is_pdf = handle.read(5) == b"%PDF-"
    lines = text_layer_lines(path, max_pages=max_pages, progress=progress) if is_pdf else ()
    return LetterScan(text, lines=lines)


def letter_text_of_file(
    path: Path,
    *,
    max_pages: int = 5,
    progress: Progress | None = None,
    reader: IsolatedReader | None = None,
    _ocr: list[OcrResult] | None = None,
) -> str:
    """The text of a .txt file or of a PDF's text layer (first ``max_pages`` pages).

    A PDF is parsed in a child process (memory limit, killed on time-out or cancel; see
    :mod:`app.reading.worker`). A scan (an image, or a PDF without text layer) is read by OCR;
    without Tesseract the error says how to install it.
    """
    if not path.is_file():
        raise UserError(_("The file {name} does not exist or is a folder.", name=path.name))
    size = path.stat().st_size
    with path.open("rb") as handle:
        head = handle.read(16)
    if head.startswith(b"%PDF-"):
        if size > MAX_PDF_MB * 1024 * 1024:
            raise UserError(_too_large(path, size, MAX_PDF_MB))
        return _pdf_text(path, max_pages, progress, reader or IsolatedReader(), _ocr)
    if head.startswith(IMAGE_HEADS):
        if size > MAX_IMAGE_MB * 1024 * 1024:
            raise UserError(
                _(
                    "The file {name} is {mb} MB; a scanned letter to read is at most {limit} MB. "
                    "Check that you chose the right file.",
                    name=path.name,
                    mb=round(size / 1024 / 1024),
                    limit=MAX_IMAGE_MB,
                )
            )
        return _ocr_text(path, max_pages, progress, is_pdf=False, ocr_out=_ocr)
    if size > MAX_TEXT_MB * 1024 * 1024:
        raise UserError(_too_large(path, size, MAX_TEXT_MB))
    data = path.read_bytes()
    text = "" if b"\x00" in data[:4096] else decode_text(data)
    if not text or _looks_binary(text):
        raise UserError(
            _(
                "{name} is not a text file or a PDF. Save the letter as text (.txt) or PDF.",
                name=path.name,
            )
        )
    return text


def _looks_binary(text: str) -> bool:
    """Bytes that only decoded because a single-byte code page accepts anything (a damaged
    image, a program): more than 2% control characters in the first 4,096 characters."""
    sample = text[:4096]
    odd = sum(
        1 for ch in sample if (ord(ch) < 32 and ch not in "\t\n\r\f") or 0x7F <= ord(ch) < 0xA0
    )
    return odd > len(sample) * 0.02


def _too_large(path: Path, size: int, most: int) -> Message:
    return _(
        "The file {name} is {value} MB; a letter to read is at most {most} MB. "
        "Check that you chose the right file.",
        name=path.name,
        value=format(size / 1024 / 1024, ".0f"),
        most=most,
    )


def _pdf_text(
    path: Path,
    max_pages: int,
    progress: Progress | None,
    reader: IsolatedReader,
    ocr_out: list[OcrResult] | None,
) -> str:
    try:
        reading = reader.read(path, max_pages=max_pages, progress=progress)
    except PasswordProtected as exc:
        raise UserError(
            _(
                "{name} is protected with a password. Remove the password or paste the text "
                "instead.",
                name=path.name,
            )
        ) from exc
    except DocumentRefused as exc:  # the child ran out of memory or crashed
        raise UserError(exc.message) from exc
    except UnreadableDocument as exc:
        raise _damaged_pdf(path) from exc
    if not reading.has_text:
        return _ocr_text(path, max_pages, progress, is_pdf=True, ocr_out=ocr_out)
    return reading.text


def _damaged_pdf(path: Path) -> UserError:
    return UserError(
        _(
            "{name} could not be read as a PDF (it may be damaged). Open it in a PDF viewer "
            "to check it, or paste the text instead.",
            name=path.name,
        )
    )


def _ocr_text(
    path: Path,
    max_pages: int,
    progress: Progress | None,
    *,
    is_pdf: bool,
    ocr_out: list[OcrResult] | None = None,
) -> str:
    """The text OCR reads in a scan; a blank result says so instead of returning nothing.

    With ``ocr_out`` the searchable PDF is made in the same runs, and the result (with it and
    the lines' positions) is appended to it.
    """
    from app.reading import ocr

    try:
        result = ocr.ocr_file(
            path,
            progress=progress,
            is_pdf=is_pdf,
            max_pages=max_pages,
            searchable=ocr_out is not None,
        )
    except UnreadableDocument as exc:
        raise _damaged_pdf(path) from exc
    if not result.text.strip():
        raise UserError(
            _(
                "{name} has no text layer and OCR found no text in it (a blank page, or a scan "
                "too faint to read). Paste the text from the e-mail instead.",
                name=path.name,
            )
        )
    if ocr_out is not None:
        ocr_out.append(result)
    return result.text
