"""The searchable PDF of a scan: the upright page images with Tesseract's invisible text layer.

Why Tesseract's own ``pdf`` renderer and not OCRmyPDF: the pages are already prepared (turned,
deskewed) for reading, and Tesseract writes each page's image with the recognised words as
invisible text (render mode 3) in the same child process that reads it, so the searchable PDF
costs no second OCR pass. OCRmyPDF's PDF/A conversion runs Ghostscript (AGPL); we do not ship
or require it. Instead the merged file is marked as PDF/A-2b the way the standard asks (XMP
metadata with ``pdfaid``, an sRGB output intent, a document ID) with pypdf, from the same parts
as the letters (``app.core.pdfa``: the XMP packet and the shipped sRGB profile). Tesseract
embeds its one font (GlyphLessFont), so nothing else is needed for PDF/A-2b; it is not checked
by a validator here (veraPDF needs Java), which is why the result is called a searchable PDF in
the case and PDF/A only in its metadata.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from app.core.pdfa import (
    COLOR_REGISTRY,
    OUTPUT_CONDITION,
    OUTPUT_INTENT_SUBTYPE,
    DocumentInfo,
    srgb_profile,
    xmp_packet,
)

PRODUCER = "Privacy Desk (Tesseract OCR)"
JPEG_QUALITY = 80


def _xmp(title: str, when: datetime) -> bytes:
    return xmp_packet(
        DocumentInfo(
            title=title,
            producer=PRODUCER,
            creator_tool=PRODUCER,
            when=when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        )
    )


def merge_pages(pages: Sequence[Path], *, title: str, when: datetime | None = None) -> bytes:
    """One PDF of Tesseract's one-page PDFs, in order, marked PDF/A-2b."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import (
        ArrayObject,
        DecodedStreamObject,
        DictionaryObject,
        NameObject,
        NumberObject,
        TextStringObject,
    )

    when = when or datetime.now(UTC)
    writer = PdfWriter()
    for page in pages:
        for sheet in PdfReader(page).pages:
            writer.add_page(sheet)
    for sheet in writer.pages:  # Tesseract stores the page losslessly: JPEG is a tenth
        for image in sheet.images:
            if image.image is not None and image.image.mode in ("L", "RGB"):
                image.replace(image.image, quality=JPEG_QUALITY)
    stamp = when.strftime("D:%Y%m%d%H%M%SZ")
    writer.add_metadata(
        {"/Title": title, "/Producer": PRODUCER, "/Creator": PRODUCER, "/CreationDate": stamp,
         "/ModDate": stamp}
    )  # fmt: skip
    metadata = DecodedStreamObject()
    metadata.set_data(_xmp(title, when))
    metadata.update({NameObject("/Type"): NameObject("/Metadata"),
                     NameObject("/Subtype"): NameObject("/XML")})  # fmt: skip
    profile = DecodedStreamObject()
    profile.set_data(srgb_profile())
    profile.update({NameObject("/N"): NumberObject(3)})
    intent = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/OutputIntent"),
            NameObject("/S"): NameObject("/" + OUTPUT_INTENT_SUBTYPE),
            NameObject("/OutputConditionIdentifier"): TextStringObject(OUTPUT_CONDITION),
            NameObject("/Info"): TextStringObject(OUTPUT_CONDITION),
            NameObject("/RegistryName"): TextStringObject(COLOR_REGISTRY),
            NameObject("/DestOutputProfile"): writer._add_object(profile),
        }
    )
    root = writer._root_object
    root[NameObject("/Metadata")] = writer._add_object(metadata)
    root[NameObject("/OutputIntents")] = ArrayObject([writer._add_object(intent)])
    writer.generate_file_identifiers()  # PDF/A wants the trailer's /ID
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def searchable_name(original: str) -> str:
    """``scan.tiff`` -> ``scan (OCR).pdf``: beside the original, clearly derived."""
    stem = Path(original).stem or "scan"
    return f"{stem} (OCR).pdf"
