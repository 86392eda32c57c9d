"""Paragraph styles shared by the letter body and the access appendix."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle

from app.letters.fonts import FontSet
from app.letters.layout import LetterLayout

GREY = colors.Color(0.35, 0.35, 0.35)
LIGHT = colors.Color(0.93, 0.93, 0.93)
RULE = colors.Color(0.7, 0.7, 0.7)


@dataclass(frozen=True)
class LetterStyles:
    body: ParagraphStyle
    bullet: ParagraphStyle
    bullet_last: ParagraphStyle  # the last bullet of a list keeps a paragraph's space after
    lead_in: ParagraphStyle  # a paragraph ending in ":" before a list: kept with the list
    heading: ParagraphStyle
    subject: ParagraphStyle
    closing: ParagraphStyle
    title: ParagraphStyle
    section: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    note: ParagraphStyle


def build_styles(layout: LetterLayout, fonts: FontSet) -> LetterStyles:
    size, leading = layout.font_size, layout.leading
    body = ParagraphStyle(
        "body",
        fontName=fonts.regular,
        fontSize=size,
        leading=leading,
        spaceAfter=leading * 0.75,
    )
    cell = ParagraphStyle(
        "cell", parent=body, fontSize=size - 1.5, leading=(size - 1.5) * 1.25, spaceAfter=0
    )
    bullet = ParagraphStyle(
        "bullet",
        parent=body,
        leftIndent=12,
        bulletIndent=2,
        spaceAfter=2,
        bulletFontName=fonts.regular,
        bulletFontSize=size,
    )
    return LetterStyles(
        body=body,
        bullet=bullet,
        bullet_last=ParagraphStyle("bullet_last", parent=bullet, spaceAfter=body.spaceAfter),
        lead_in=ParagraphStyle("lead_in", parent=body, keepWithNext=1),
        heading=ParagraphStyle(
            "heading",
            parent=body,
            fontName=fonts.bold,
            spaceBefore=leading * 0.25,
            spaceAfter=leading * 0.2,
            keepWithNext=1,
        ),
        subject=ParagraphStyle(
            "subject", parent=body, fontName=fonts.bold, fontSize=size + 0.5, spaceAfter=leading
        ),
        closing=ParagraphStyle("closing", parent=body, spaceAfter=0),
        title=ParagraphStyle(
            "title",
            parent=body,
            fontName=fonts.bold,
            fontSize=size + 3,
            leading=(size + 3) * 1.3,
            spaceAfter=leading * 0.5,
        ),
        section=ParagraphStyle(
            "section",
            parent=body,
            fontName=fonts.bold,
            fontSize=size + 1,
            spaceBefore=leading * 0.5,
            spaceAfter=leading * 0.4,
            keepWithNext=1,
        ),
        cell=cell,
        cell_bold=ParagraphStyle("cell_bold", parent=cell, fontName=fonts.bold),
        note=ParagraphStyle("note", parent=cell, textColor=GREY, spaceAfter=leading * 0.5),
    )
