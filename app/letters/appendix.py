"""The access answer's appendix "Overzicht persoonsgegevens": processings, then data per system."""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, PageBreak, Paragraph, Table, TableStyle

from app.core.dates import format_date
from app.core.printable import printable
from app.letters.compose import client_word, for_representative
from app.letters.context import LetterContext
from app.letters.labels import LABELS
from app.letters.layout import LetterLayout
from app.letters.payloads import AccessPayload, ProcessingInfo, SystemData
from app.letters.styles import LIGHT, RULE, LetterStyles

# Record | item | value | category, in mm; the value column takes what is left.
_DATA_COLUMNS_MM = (26.0, 30.0, 0.0, 28.0)
_LABEL_COLUMN_MM = 48.0


def _p(text: str, style: object, lang: str = "nl") -> Paragraph:
    # Values come from source systems: escape markup and keep line breaks visible; any length
    # lays out (cut with a visible mark; tables split inside a row).
    return Paragraph(escape(printable(text, lang=lang)).replace("\n", "<br/>"), style)


def _processing_table(proc: ProcessingInfo, lang: str, styles: LetterStyles, width: float) -> Table:
    lab = LABELS[lang]
    none = lab["none"]
    rows: list[tuple[str, str]] = [
        (lab["purposes"], proc.purposes),
        (lab["legal_basis"], proc.legal_basis),
        (lab["categories"], proc.categories),
        (lab["recipients"], "; ".join(proc.recipients) or none),
        (lab["retention"], proc.retention),
        (lab["source"], proc.source or lab["from_you"]),
        (lab["automated"], proc.automated_decisions or none),
        (lab["transfers"], proc.transfers or none),
    ]
    data: list[list[object]] = [[_p(proc.name, styles.cell_bold), ""]]
    data.extend(
        [_p(label, styles.cell_bold), _p(value or "-", styles.cell, lang)] for label, value in rows
    )
    label_width = _LABEL_COLUMN_MM * mm
    widths = [label_width, width - label_width]
    table = Table(data, colWidths=widths, repeatRows=1, splitInRow=1)
    table.setStyle(
        TableStyle(
            [
                ("SPAN", (0, 0), (1, 0)),
                ("FONTNAME", (0, 0), (-1, -1), styles.cell.fontName),
                ("BACKGROUND", (0, 0), (1, 0), LIGHT),
                ("GRID", (0, 0), (-1, -1), 0.4, RULE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def _system_table(sd: SystemData, lang: str, styles: LetterStyles, width: float) -> Table:
    lab = LABELS[lang]
    fixed = sum(_DATA_COLUMNS_MM) * mm
    widths = [w * mm if w else width - fixed for w in _DATA_COLUMNS_MM]
    header = [_p(lab[key], styles.cell_bold) for key in ("record", "field", "value", "category")]
    data: list[list[object]] = [header]
    cell = styles.cell
    data.extend(
        [_p(r.record, cell, lang), _p(r.field, cell, lang), _p(r.value, cell, lang),
         _p(r.category, cell, lang)]
        for r in sd.rows
    )  # fmt: skip
    # repeatRows repeats the header on every page the table runs onto; a row taller than a
    # page continues on the next (splitInRow).
    table = Table(data, colWidths=widths, repeatRows=1, splitByRow=1, splitInRow=1)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), styles.cell.fontName),
                ("BACKGROUND", (0, 0), (-1, 0), LIGHT),
                ("LINEBELOW", (0, 0), (-1, 0), 0.6, RULE),
                ("LINEBELOW", (0, 1), (-1, -1), 0.25, RULE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
            ]
        )
    )
    return table


def appendix_flowables(
    ctx: LetterContext, payload: AccessPayload, styles: LetterStyles, layout: LetterLayout
) -> list[Flowable]:
    """Flowables for the appendix, starting on a new page; empty when no data was found."""
    if payload.no_data_found:
        return []
    lab = LABELS[ctx.lang]
    if ctx.representation is not None:  # to a lawyer: "the data of your client", not "your"
        client = client_word(ctx)
        lab = {key: for_representative(text, ctx.lang, client) for key, text in lab.items()}
    width = layout.body_width_mm * mm
    intro = lab["appendix_intro"].format(
        ref=ctx.our_reference, date=format_date(ctx.letter_date, ctx.lang)
    )
    out: list[Flowable] = [
        PageBreak(),
        Paragraph(escape(lab["appendix_title"]), styles.title),
        _p(intro, styles.note),
    ]
    # A heading must not be left alone at a page foot, but long tables may split: so a
    # conditional page break before headings instead of keepWithNext (which would push a
    # whole table that fits on a fresh page to that page and leave a gap).
    heading = styles.heading.clone("appendix_heading", keepWithNext=0)
    section = styles.section.clone("appendix_section", keepWithNext=0)
    room = 35 * mm
    if payload.processings:
        out.append(Paragraph(escape(lab["processings"]), section))
        for proc in payload.processings:
            out.append(CondPageBreak(room))
            out.append(_processing_table(proc, ctx.lang, styles, width))
            out.append(Paragraph("", styles.note))
    if payload.data_by_system:
        out.append(CondPageBreak(room))
        out.append(Paragraph(escape(lab["data"]), section))
        for sd in payload.data_by_system:
            count = lab["rows"].format(n=len(sd.rows))
            out.append(CondPageBreak(room))
            out.append(Paragraph(f"{escape(sd.system)} ({count})", heading))
            if sd.rows:
                out.append(_system_table(sd, ctx.lang, styles, width))
            else:
                out.append(_p(lab["no_rows"], styles.cell))
            out.append(Paragraph("", styles.note))
    return out
