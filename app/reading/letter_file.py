"""The text of an incoming letter's file (.txt or PDF), with messages that say what to do."""

from __future__ import annotations

from pathlib import Path

from app.core.errors import UserError
from app.core.i18n import Message, _
from app.reading.documents import (
    IMAGE_HEADS,
    PasswordProtected,
    UnreadableDocument,
    decode_text,
    read_pdf,
)

MAX_TEXT_MB = 5
MAX_PDF_MB = 50


def letter_text_of_file(path: Path, *, max_pages: int = 5) -> str:
    """The text of a .txt file or of a PDF's text layer (first ``max_pages`` pages)."""
    if not path.is_file():
        raise UserError(_("The file {name} does not exist or is a folder.", name=path.name))
    size = path.stat().st_size
    with path.open("rb") as handle:
        head = handle.read(16)
    if head.startswith(b"%PDF-"):
        if size > MAX_PDF_MB * 1024 * 1024:
            raise UserError(_too_large(path, size, MAX_PDF_MB))
        return _pdf_text(path, max_pages)
    if head.startswith(IMAGE_HEADS):
        raise UserError(
            _(
                "{name} is an image without a text layer. Paste the text from OCR or from the "
                "e-mail instead.",
                name=path.name,
            )
        )
    if size > MAX_TEXT_MB * 1024 * 1024:
        raise UserError(_too_large(path, size, MAX_TEXT_MB))
    data = path.read_bytes()
    if b"\x00" in data[:4096]:
        raise UserError(
            _(
                "{name} is not a text file or a PDF. Save the letter as text (.txt) or PDF.",
                name=path.name,
            )
        )
    return decode_text(data)


def _too_large(path: Path, size: int, most: int) -> Message:
    return _(
        "The file {name} is {value} MB; a letter to read is at most {most} MB. "
        "Check that you chose the right file.",
        name=path.name,
        value=format(size / 1024 / 1024, ".0f"),
        most=most,
    )


def _pdf_text(path: Path, max_pages: int) -> str:
    try:
        reading = read_pdf(path, max_pages=max_pages)
    except PasswordProtected as exc:
        raise UserError(
            _(
                "{name} is protected with a password. Remove the password or paste the text "
                "instead.",
                name=path.name,
            )
        ) from exc
    except UnreadableDocument as exc:
        raise UserError(
            _(
                "{name} could not be read as a PDF (it may be damaged). Open it in a PDF viewer "
                "to check it, or paste the text instead.",
                name=path.name,
            )
        ) from exc
    if not reading.has_text:
        raise UserError(
            _(
                "{name} has no text layer (it is an image of the letter). Paste the text from "
                "OCR or from the e-mail instead.",
                name=path.name,
            )
        )
    return reading.text
