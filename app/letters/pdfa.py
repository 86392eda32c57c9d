"""Make a rendered letter PDF/A-2b: XMP identification, sRGB output intent, nothing transparent.

ReportLab embeds the shipped TrueType fonts itself (``app.letters.fonts``); this step adds what
PDF/A (ISO 19005-2, conformance level B) asks on top: XMP metadata that declares part 2 and
conformance B and repeats the document information, and an output intent with an embedded ICC
profile: both from ``app.core.pdfa``, shared with the searchable PDF of a scan. The finalised
letter's SHA-256 is taken of these bytes.

Why in ReportLab's own document and not by rewriting its output (pikepdf did that before):
the rewrite parsed and saved every letter a second time, about half of ReportLab's own
rendering time again. Here the canvas gets the entries just before it writes the file.
"""

from __future__ import annotations

import zlib
from functools import cache
from typing import Any

from reportlab.pdfbase.pdfdoc import (
    PDFArray,
    PDFCatalog,
    PDFDictionary,
    PDFInfo,
    PDFName,
    PDFStream,
    PDFString,
)
from reportlab.pdfgen.canvas import Canvas

from app.core.pdfa import (
    COLOR_REGISTRY,
    OUTPUT_CONDITION,
    OUTPUT_INTENT_SUBTYPE,
    DocumentInfo,
    srgb_profile,
    xmp_packet,
)


@cache
def _compressed_profile() -> bytes:
    return zlib.compress(srgb_profile())


class _PdfaCatalog(PDFCatalog):  # type: ignore[misc]
    """ReportLab's catalog writes only the keys it lists: this one adds /OutputIntents."""

    __NoDefault__ = [*PDFCatalog.__NoDefault__, "OutputIntents"]
    __Refs__ = PDFCatalog.__Refs__  # an intent array is written in place, not referenced


class _PdfaInfo(PDFInfo):  # type: ignore[misc]
    """The document information without /Trapped and an empty /Keywords: entries the XMP
    below has no twin for (PDF/A wants the two to agree)."""

    def format(self, document: Any) -> bytes:
        stamp = document._timeStamp
        entries: dict[str, Any] = {
            "Title": PDFString(self.title),
            "Author": PDFString(self.author),
            "Subject": PDFString(self.subject),
            "Creator": PDFString(self.creator),
            "Producer": PDFString(self.producer),
            "CreationDate": PDFString(_pdf_date(stamp)),
            "ModDate": PDFString(_pdf_date(stamp)),
        }
        if self.keywords:
            entries["Keywords"] = PDFString(self.keywords)
        out: bytes = PDFDictionary(entries).format(document)
        return out


class _PlainStream(PDFStream):  # type: ignore[misc]
    """A stream written as is: ReportLab would add an empty /Filter array for no filters."""

    def format(self, document: Any) -> bytes:
        content: bytes = self.content
        entries = dict(self.dictionary.dict)
        entries["Length"] = len(content)
        head: bytes = PDFDictionary(entries).format(document)
        return head + b"\nstream\n" + content + b"\nendstream\n"


def _pdf_date(stamp: Any) -> str:
    year, month, day, hour, minute, second = stamp.YMDhms
    return (
        f"D:{year:04d}{month:02d}{day:02d}{hour:02d}{minute:02d}{second:02d}"
        f"{stamp.dhh:+03d}'{stamp.dmm:02d}'"
    )


def _xmp_date(stamp: Any) -> str:
    year, month, day, hour, minute, second = stamp.YMDhms
    return (
        f"{year:04d}-{month:02d}-{day:02d}T{hour:02d}:{minute:02d}:{second:02d}"
        f"{stamp.dhh:+03d}:{stamp.dmm:02d}"
    )


def _xmp(info: Any, stamp: Any) -> bytes:
    return xmp_packet(
        DocumentInfo(
            title=info.title,
            author=info.author,
            description=info.subject,
            producer=info.producer,
            creator_tool=info.creator,
            keywords=info.keywords or "",
            when=_xmp_date(stamp),
        )
    )


def mark_pdfa(canvas: Canvas, *, lang: str) -> None:
    """Give ``canvas``'s document what PDF/A-2b asks; call just before ``canvas.save()``."""
    doc = canvas._doc
    old_info = doc.info
    info = _PdfaInfo()
    info.__dict__.update(old_info.__dict__)
    doc.info = info
    catalog = _PdfaCatalog()
    catalog.__dict__.update(doc.Catalog.__dict__)
    doc.Catalog = doc._catalog = catalog
    catalog.Lang = PDFString(lang)
    # Unfiltered, so that a reader that does not parse the PDF still finds the XMP.
    catalog.Metadata = _PlainStream(
        PDFDictionary({"Type": PDFName("Metadata"), "Subtype": PDFName("XML")}),
        _xmp(info, doc._timeStamp),
    )
    profile = PDFStream(
        PDFDictionary({"N": 3, "Filter": PDFName("FlateDecode")}),
        _compressed_profile(),
    )
    intent = PDFDictionary(
        {
            "Type": PDFName("OutputIntent"),
            "S": PDFName(OUTPUT_INTENT_SUBTYPE),
            "OutputConditionIdentifier": PDFString(OUTPUT_CONDITION),
            "Info": PDFString(OUTPUT_CONDITION),
            "RegistryName": PDFString(COLOR_REGISTRY),
            "DestOutputProfile": doc.Reference(profile),
        }
    )
    catalog.OutputIntents = PDFArray([intent])
