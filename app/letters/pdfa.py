"""Make a rendered letter PDF/A-2b: XMP identification, sRGB output intent, nothing transparent.

ReportLab embeds the shipped TrueType fonts itself (``app.letters.fonts``); this step adds what
PDF/A (ISO 19005-2, conformance level B) asks on top: XMP metadata that declares part 2 and
conformance B and repeats the document information, and an output intent with an embedded ICC
profile (resources/icc/sRGB.icc, from Debian's icc-profiles-free, Zlib licence). The finalised
letter's SHA-256 is taken of these bytes.
"""

from __future__ import annotations

import io
from functools import cache

import pikepdf

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


def to_pdfa(pdf: bytes, *, lang: str) -> bytes:
    """``pdf`` (from ReportLab) as PDF/A-2b bytes."""
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        profile = doc.make_stream(srgb_profile())
        profile[pikepdf.Name.N] = 3
        intent = pikepdf.Dictionary(
            Type=pikepdf.Name.OutputIntent,
            S=pikepdf.Name.GTS_PDFA1,
            OutputConditionIdentifier=pikepdf.String(OUTPUT_CONDITION),
            Info=pikepdf.String(OUTPUT_CONDITION),
            RegistryName=pikepdf.String("http://www.color.org"),
            DestOutputProfile=profile,
        )
        doc.Root.OutputIntents = pikepdf.Array([intent])
        doc.Root.Lang = pikepdf.String(lang)
        if pikepdf.Name.Trapped in doc.docinfo:  # no XMP twin in the schemas used here
            del doc.docinfo[pikepdf.Name.Trapped]
        with doc.open_metadata(set_pikepdf_as_editor=False) as meta:
            meta.load_from_docinfo(doc.docinfo)
            meta["pdfaid:part"] = PDFA_PART
            meta["pdfaid:conformance"] = PDFA_CONFORMANCE
        out = io.BytesIO()
        doc.save(out, object_stream_mode=pikepdf.ObjectStreamMode.generate)
        return out.getvalue()
