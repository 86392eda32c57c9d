"""The PDF/A parts both writers share (app.core.pdfa): the XMP packet and the sRGB profile."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from app.core.pdfa import DocumentInfo, srgb_profile, xmp_packet

NS = {
    "x": "adobe:ns:meta/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "dc": "http://purl.org/dc/elements/1.1/",
    "pdf": "http://ns.adobe.com/pdf/1.3/",
    "xmp": "http://ns.adobe.com/xap/1.0/",
    "pdfaid": "http://www.aiim.org/pdfa/ns/id/",
}


def _description(packet: bytes) -> ET.Element:
    text = packet.decode("utf-8")
    body = text[text.index("<x:xmpmeta") : text.index("</x:xmpmeta>") + len("</x:xmpmeta>")]
    found = ET.fromstring(body).find("rdf:RDF/rdf:Description", NS)
    assert found is not None
    return found


def test_xmp_declares_pdfa_2b_and_escapes_what_it_repeats() -> None:
    info = DocumentInfo(
        title="Uw verzoek <inzage> & meer",
        author="Databalance Services B.V.",
        description="AVG-2026-0088 access",
        producer="Privacy Desk",
        creator_tool="Privacy Desk",
        when="2026-12-01T09:30:00+01:00",
    )
    d = _description(xmp_packet(info))
    assert d.findtext("pdfaid:part", namespaces=NS) == "2"
    assert d.findtext("pdfaid:conformance", namespaces=NS) == "B"
    assert d.findtext("dc:title/rdf:Alt/rdf:li", namespaces=NS) == "Uw verzoek <inzage> & meer"
    assert d.findtext("dc:creator/rdf:Seq/rdf:li", namespaces=NS) == "Databalance Services B.V."
    assert d.findtext("xmp:CreateDate", namespaces=NS) == "2026-12-01T09:30:00+01:00"
    assert d.find("pdf:Keywords", NS) is None  # empty keywords: left out in both


def test_xmp_leaves_out_what_the_document_information_has_not() -> None:
    info = DocumentInfo(title="scan", producer="P", creator_tool="P", when="2026-12-01T08:30:00Z")
    d = _description(xmp_packet(info))
    assert d.find("dc:creator", NS) is None and d.find("dc:description", NS) is None
    empty = DocumentInfo(title="t", producer="P", creator_tool="P", when="x", author="")
    assert _description(xmp_packet(empty)).find("dc:creator", NS) is not None  # present, empty


def test_the_output_intent_profile_is_the_shipped_srgb() -> None:
    profile = srgb_profile()
    assert profile[36:40] == b"acsp"  # an ICC profile's signature
    assert profile[16:20] == b"RGB "
