"""Make a rendered letter PDF/A-2b: XMP identification, sRGB output intent, nothing transparent.

ReportLab embeds the shipped TrueType fonts itself (``app.letters.fonts``); this step adds what
PDF/A (ISO 19005-2, conformance level B) asks on top: XMP metadata that declares part 2 and
conformance B and repeats the document information, and an output intent with an embedded ICC
profile (resources/icc/sRGB.icc, from Debian's icc-profiles-free, Zlib licence). The finalised
letter's SHA-256 is taken of these bytes.

Why in ReportLab's own document and not by rewriting its output (pikepdf did that before):
the rewrite parsed and saved every letter a second time, about half of ReportLab's own
rendering time again. Here the canvas gets the entries just before it writes the file.
"""

from __future__ import annotations

import zlib
from functools import cache
from typing import Any
from xml.sax.saxutils import escape

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

from app.core.errors import AppError
from app.core.i18n import _
from app.core.resources import resource_path

PDFA_PART = "2"
PDFA_CONFORMANCE = "B"
OUTPUT_CONDITION = "sRGB IEC61966-2.1"


@cache
def srgb_profile() -> bytes:
    path = resource_path("icc", "sRGB.icc")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise AppError(_("the sRGB colour profile is missing: {path}", path=path)) from exc
    return data


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


def xmp_packet(info: Any, stamp: Any) -> bytes:
    """The XMP metadata: PDF/A identification and the document information's twins."""
    when = _xmp_date(stamp)
    keywords = (
        f"<pdf:Keywords>{escape(info.keywords)}</pdf:Keywords>" if info.keywords else ""
    )  # fmt: skip
    return f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{escape(info.title)}</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>{escape(info.author)}</rdf:li></rdf:Seq></dc:creator>
   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">{escape(info.subject)}</rdf:li></rdf:Alt></dc:description>
   <pdf:Producer>{escape(info.producer)}</pdf:Producer>{keywords}
   <xmp:CreatorTool>{escape(info.creator)}</xmp:CreatorTool>
   <xmp:CreateDate>{when}</xmp:CreateDate>
   <xmp:ModifyDate>{when}</xmp:ModifyDate>
   <pdfaid:part>{PDFA_PART}</pdfaid:part>
   <pdfaid:conformance>{PDFA_CONFORMANCE}</pdfaid:conformance>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>""".encode()  # noqa: E501


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
        xmp_packet(info, doc._timeStamp),
    )
    profile = PDFStream(
        PDFDictionary({"N": 3, "Filter": PDFName("FlateDecode")}),
        _compressed_profile(),
    )
    intent = PDFDictionary(
        {
            "Type": PDFName("OutputIntent"),
            "S": PDFName("GTS_PDFA1"),
            "OutputConditionIdentifier": PDFString(OUTPUT_CONDITION),
            "Info": PDFString(OUTPUT_CONDITION),
            "RegistryName": PDFString("http://www.color.org"),
            "DestOutputProfile": doc.Reference(profile),
        }
    )
    catalog.OutputIntents = PDFArray([intent])
