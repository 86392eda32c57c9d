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


def write_odt(path: Path, subject: str, body: str) -> None:
    """The letter's text as an OpenDocument text file (the LibreOffice side of the batch test):
    the subject in bold, one paragraph per paragraph of the body, in Liberation Sans 10 pt."""
    import zipfile

    paras = [f'<text:p text:style-name="Head">{escape(subject)}</text:p>']
    for para in body.split("\n\n"):
        lines = "<text:line-break/>".join(escape(line) for line in para.split("\n"))
        paras.append(f'<text:p text:style-name="Text">{lines}</text:p>')
    ns = (
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
        'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"'
    )
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ns} office:version="1.3">'
        '<office:font-face-decls><style:font-face style:name="Liberation Sans" '
        "svg:font-family=\"'Liberation Sans'\"/></office:font-face-decls>"
        "<office:automatic-styles>"
        '<style:style style:name="Head" style:family="paragraph"><style:paragraph-properties '
        'fo:margin-bottom="0.3cm"/><style:text-properties style:font-name="Liberation Sans" '
        'fo:font-size="11pt" fo:font-weight="bold"/></style:style>'
        '<style:style style:name="Text" style:family="paragraph"><style:paragraph-properties '
        'fo:margin-bottom="0.25cm"/><style:text-properties style:font-name="Liberation Sans" '
        'fo:font-size="10pt"/></style:style>'
        f"</office:automatic-styles><office:body><office:text>{''.join(paras)}"
        "</office:text></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
        'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
        'manifest:version="1.3"><manifest:file-entry manifest:full-path="/" '
        'manifest:media-type="application/vnd.oasis.opendocument.text"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    with zipfile.ZipFile(path, "w") as odt:  # "mimetype" first and stored, as ODF requires
        odt.writestr("mimetype", "application/vnd.oasis.opendocument.text", zipfile.ZIP_STORED)
        odt.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)
        odt.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
