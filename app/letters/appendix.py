"""The access answer's appendix "Overzicht persoonsgegevens": processings, then data per system."""

from __future__ import annotations

from collections.abc import Sequence
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, PageBreak, Paragraph, Table, TableStyle

from app.core.dates import format_date
from app.core.i18n import format_number
from app.core.printable import printable
from app.letters.compose import client_word, for_representative
from app.letters.context import LetterContext
from app.letters.labels import LABELS
from app.letters.layout import LetterLayout
from app.letters.payloads import AccessPayload, LogLine, ProcessingInfo, SystemData
from app.letters.styles import LIGHT, RULE, LetterStyles

# Item | value | category, in mm; the value column takes what is left.
_DATA_COLUMNS_MM = (34.0, 0.0, 34.0)
# When | request | IP address | browser.
_LOG_COLUMNS_MM = (42.0, 0.0, 26.0, 42.0)
_LABEL_COLUMN_MM = 48.0


def _p(text: str, style: object, lang: str = "nl") -> Paragraph:
    # Values come from source systems: escape markup and keep line breaks visible; any length
    # lays out (cut with a visible mark; tables split inside a row).
    return Paragraph(escape(printable(text, lang=lang)).replace("\n", "<br/>"), style)


def _recipients_text(proc: ProcessingInfo, lab: dict[str, str]) -> str:
    """Named recipients; categories only with the recorded reason why naming is impossible."""
    parts = list(proc.recipients)
    if proc.recipient_categories and not parts:
        parts.append(lab["recipient_categories"].format(categories=proc.recipient_categories))
        if proc.recipients_unnamed_reason:
            parts.append(lab["unnamed_reason"].format(reason=proc.recipients_unnamed_reason))
    return "\n".join(parts) or lab["none"]


def _processing_table(proc: ProcessingInfo, lang: str, styles: LetterStyles, width: float) -> Table:
    lab = LABELS[lang]
    none = lab["none"]
    rows: list[tuple[str, str]] = [
        (lab["purposes"], proc.purposes),
        (lab["legal_basis"], proc.legal_basis),
        (lab["categories"], proc.categories),
        (lab["recipients"], _recipients_text(proc, lab)),
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
    """Record by record: the record's name as a row across the table, then its items."""
    lab = LABELS[lang]
    fixed = sum(_DATA_COLUMNS_MM) * mm
    widths = [w * mm if w else width - fixed for w in _DATA_COLUMNS_MM]
    header = [_p(lab[key], styles.cell_bold) for key in ("field", "value", "category")]
    data: list[list[object]] = [header]
    commands: list[tuple[object, ...]] = []
    cell = styles.cell
    current = None
    shown_category = ""
    for r in sd.rows:
        if r.record != current:
            current, shown_category = r.record, ""
            commands.append(("SPAN", (0, len(data)), (-1, len(data))))
            commands.append(("BACKGROUND", (0, len(data)), (-1, len(data)), LIGHT))
            data.append([_p(r.record, styles.cell_bold, lang), "", ""])
        # The category once per record, again only where it changes.
        category = "" if r.category == shown_category else r.category
        shown_category = r.category
        data.append([_p(r.field, cell, lang), _p(r.value, cell, lang), _p(category, cell, lang)])
    # repeatRows repeats the header on every page the table runs onto; a row taller than a
    # page (a long e-mail) continues on the next (splitInRow).
    table = Table(data, colWidths=widths, repeatRows=1, splitByRow=1, splitInRow=1)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), styles.cell.fontName),
                ("LINEBELOW", (0, 0), (-1, 0), 0.6, RULE),
                ("LINEBELOW", (0, 1), (-1, -1), 0.25, RULE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
                *commands,
            ]
        )
    )
    return table


def log_table(lines: Sequence[LogLine], lang: str, styles: LetterStyles, width: float) -> Table:
    """Every log line: when, what was requested, from which address, with which browser."""
    lab = LABELS[lang]
    fixed = sum(_LOG_COLUMNS_MM) * mm
    widths = [w * mm if w else width - fixed for w in _LOG_COLUMNS_MM]
    header = [_p(lab[key], styles.cell_bold) for key in ("when", "request", "address", "browser")]
    cell = styles.cell
    data: list[list[object]] = [header]
    data.extend(
        [_p(x.when, cell, lang), _p(x.request, cell, lang), _p(x.address, cell, lang),
         _p(x.browser, cell, lang)]
        for x in lines
    )  # fmt: skip
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


def _legend(payload: AccessPayload, lang: str, styles: LetterStyles) -> list[Flowable]:
    if not payload.legend:
        return []
    lab = LABELS[lang]
    out: list[Flowable] = [CondPageBreak(30 * mm), Paragraph(escape(lab["legend"]), styles.heading)]
    for entry in payload.legend:
        text = f"<b>{escape(printable(entry.term, lang=lang))}</b>: " + escape(
            printable(entry.explanation, lang=lang)
        )
        out.append(Paragraph(text, styles.cell, bulletText="•"))
    return out


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
            out.append(CondPageBreak(room))
            out.append(Paragraph(escape(sd.system), heading))
            if sd.rows:
                out.append(_system_table(sd, ctx.lang, styles, width))
            if sd.log_lines and payload.log_appendix:
                n = format_number(len(sd.log_lines), ctx.lang)
                out.append(_p(lab["log_elsewhere"].format(n=n), styles.cell))
            elif sd.log_lines:
                count_text = lab["log_count"].format(n=len(sd.log_lines))
                out.append(Paragraph(escape(count_text), styles.note))
                out.append(log_table(sd.log_lines, ctx.lang, styles, width))
            if not sd.rows and not sd.log_lines:
                out.append(_p(lab["no_rows"], styles.cell))
            out.append(Paragraph("", styles.note))
    out.extend(_legend(payload, ctx.lang, styles))
    return out
