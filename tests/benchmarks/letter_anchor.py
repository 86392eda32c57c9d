"""The anchor of the letter benchmark: raw ReportLab Platypus rendering a letter's own text.

No letterhead, no address window, no database: a SimpleDocTemplate with the subject and one
Paragraph per paragraph of the body, to PDF bytes, in the same embedded TrueType font the
letters use (a letter must carry a Unicode font; Helvetica would make the anchor unfairly cheap).
"""

from __future__ import annotations

import io
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

FONTS = Path(__file__).resolve().parents[2] / "resources" / "fonts"


def _fonts() -> tuple[str, str]:
    if "AnchorSans" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("AnchorSans", str(FONTS / "LiberationSans-Regular.ttf")))
        pdfmetrics.registerFont(TTFont("AnchorSans-Bold", str(FONTS / "LiberationSans-Bold.ttf")))
    return "AnchorSans", "AnchorSans-Bold"


def render_plain(subject: str, body: str) -> bytes:
    regular, bold = _fonts()
    head = ParagraphStyle("head", fontName=bold, fontSize=11, leading=14, spaceAfter=8)
    text = ParagraphStyle("text", fontName=regular, fontSize=10, leading=13.5, spaceAfter=7)
    story = [Paragraph(escape(subject), head), Spacer(1, 12)]
    for para in body.split("\n\n"):
        story.append(Paragraph(escape(para).replace("\n", "<br/>"), text))
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=A4).build(story)
    return out.getvalue()
