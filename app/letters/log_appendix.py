"""The separate appendix "Loggegevens": every log line of an access answer beyond the threshold."""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
)

from app.core.dates import format_date
from app.letters.appendix import log_table
from app.letters.context import LetterContext
from app.letters.fonts import register_fonts
from app.letters.formatting import format_address
from app.letters.labels import LABELS
from app.letters.layout import LetterLayout
from app.letters.payloads import AccessPayload
from app.letters.renderer import CREATOR, _numbered_canvas_class, _PageDecorator
from app.letters.styles import GREY, build_styles


def render_log_appendix(ctx: LetterContext, payload: AccessPayload, layout: LetterLayout) -> bytes:
    """The log lines as their own PDF (the letter says how many and where they are)."""
    fonts = register_fonts()
    styles = build_styles(layout, fonts)
    lab = LABELS[ctx.lang]
    decorator = _PageDecorator(ctx, layout, fonts, format_address(ctx.window_address, ctx.lang))
    width = layout.body_width_mm * mm
    left, bottom = layout.margin_left_mm * mm, layout.margin_bottom_mm * mm
    height = layout.page_height_mm * mm

    def footer(canvas: Canvas, number: int, total: int) -> None:
        canvas.saveState()
        canvas.setFont(fonts.regular, 7.5)
        canvas.setFillColor(GREY)
        right = (layout.page_width_mm - layout.margin_right_mm) * mm
        canvas.drawRightString(
            right, layout.footer_baseline_mm * mm, lab["page"].format(page=number, total=total)
        )
        canvas.restoreState()

    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=(layout.page_width_mm * mm, height),
        initialFontName=fonts.regular,
        title=lab["log_title"],
        author=ctx.organisation.name,
        subject=f"{ctx.our_reference} {ctx.letter_type} log",
        creator=CREATOR,
        producer=CREATOR,
    )
    frame = Frame(
        left, bottom, width, height - layout.body_top_later_mm * mm - bottom, id="later",
        leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0,
    )  # fmt: skip
    doc.addPageTemplates([PageTemplate("later", [frame], onPage=decorator.later_page)])
    intro = lab["log_intro"].format(
        ref=ctx.our_reference, date=format_date(ctx.letter_date, ctx.lang)
    )
    story: list[Flowable] = [
        Paragraph(escape(lab["log_title"]), styles.title),
        Paragraph(escape(intro), styles.note),
    ]
    heading = styles.heading.clone("log_heading", keepWithNext=0)
    for sd in payload.data_by_system:
        if not sd.log_lines:
            continue
        story.append(CondPageBreak(35 * mm))
        count = lab["log_count"].format(n=len(sd.log_lines))
        story.append(Paragraph(f"{escape(sd.system)} ({escape(count)})", heading))
        story.append(log_table(sd.log_lines, ctx.lang, styles, width))
    doc.build(story, canvasmaker=_numbered_canvas_class(footer, pdfa_lang=ctx.lang))  # archived too
    return buffer.getvalue()
