"""What PDF/A-2b (ISO 19005-2, level B) asks of every file the desk archives, whoever writes it.

Two writers make PDF/A here: ReportLab for the letters (``app.letters.pdfa``) and pypdf for the
searchable PDF of a scan (``app.reading.searchable_pdf``). Both take from this module the same
identification (part 2, conformance B), the same XMP packet (the document information's twins)
and the same output intent: the sRGB profile shipped in resources/icc/sRGB.icc (from Debian's
icc-profiles-free, Zlib licence). Nothing here knows a PDF library.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Final
from xml.sax.saxutils import escape

from app.core.errors import AppError
from app.core.i18n import _
from app.core.resources import resource_path

PDFA_PART: Final = "2"
PDFA_CONFORMANCE: Final = "B"
OUTPUT_CONDITION: Final = "sRGB IEC61966-2.1"
OUTPUT_INTENT_SUBTYPE: Final = "GTS_PDFA1"  # the one subtype PDF/A readers look for
COLOR_REGISTRY: Final = "http://www.color.org"


@cache
def srgb_profile() -> bytes:
    """The ICC profile of the output intent (the shipped file, read once)."""
    path = resource_path("icc", "sRGB.icc")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise AppError(_("the sRGB colour profile is missing: {path}", path=path)) from exc


@dataclass(frozen=True)
class DocumentInfo:
    """The document information a PDF/A file repeats in its XMP: the two must agree.
    ``when`` is an XMP date ("2026-12-01T09:30:00+01:00")."""

    title: str
    producer: str
    creator_tool: str
    when: str
    author: str | None = None  # None: not in the document information either
    description: str | None = None
    keywords: str = ""  # empty: left out in both


def xmp_packet(info: DocumentInfo) -> bytes:
    """The XMP metadata: PDF/A identification and the twins of the document information (an
    entry the information has not is left out here; PDF/A wants the two to agree)."""
    fields = [
        "   <dc:format>application/pdf</dc:format>",
        f'   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{escape(info.title)}'
        "</rdf:li></rdf:Alt></dc:title>",
    ]
    if info.author is not None:
        fields.append(f"   <dc:creator><rdf:Seq><rdf:li>{escape(info.author)}</rdf:li></rdf:Seq>"
                      "</dc:creator>")  # fmt: skip
    if info.description is not None:
        fields.append(
            f'   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">'
            f"{escape(info.description)}</rdf:li></rdf:Alt></dc:description>"
        )
    fields.append(f"   <pdf:Producer>{escape(info.producer)}</pdf:Producer>")
    if info.keywords:
        fields.append(f"   <pdf:Keywords>{escape(info.keywords)}</pdf:Keywords>")
    fields += [
        f"   <xmp:CreatorTool>{escape(info.creator_tool)}</xmp:CreatorTool>",
        f"   <xmp:CreateDate>{info.when}</xmp:CreateDate>",
        f"   <xmp:ModifyDate>{info.when}</xmp:ModifyDate>",
        f"   <pdfaid:part>{PDFA_PART}</pdfaid:part>",
        f"   <pdfaid:conformance>{PDFA_CONFORMANCE}</pdfaid:conformance>",
    ]
    body = "\n".join(fields)
    return f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
{body}
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>""".encode()
