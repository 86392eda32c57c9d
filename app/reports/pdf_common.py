"""Shared ReportLab pieces for reports: embedded fonts, styles, tables and "page x of y"."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import Any, Final
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.fonts import addMapping
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Table, TableStyle

from app.core.printable import FIELD_LIMIT, printable
from app.core.resources import resource_path

REGULAR: Final = "PDReport"
BOLD: Final = "PDReport-Bold"
ITALIC: Final = "PDReport-Italic"

# Shipped fonts first; DejaVu from the system as a fallback for a source checkout without them.
_FONT_CANDIDATES: Final = (
    (
        "LiberationSans-Regular.ttf",
        "LiberationSans-Bold.ttf",
        "LiberationSans-Italic.ttf",
    ),
    ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf"),
)
_SYSTEM_FONT_DIRS: Final = (
    Path("/usr/share/fonts/truetype/dejavu"),
    Path("/usr/share/fonts/truetype/liberation2"),
    Path("/usr/share/fonts/truetype/liberation"),
)

INK: Final = colors.HexColor("#1f2937")
MUTED: Final = colors.HexColor("#6b7280")
ACCENT: Final = colors.HexColor("#1d4ed8")
ACCENT_LIGHT: Final = colors.HexColor("#93c5fd")
RULE: Final = colors.HexColor("#d1d5db")
HEADER_BG: Final = colors.HexColor("#eef2f7")

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN: Final = 18 * mm
FRAME_WIDTH: Final = PAGE_WIDTH - 2 * MARGIN


def _find_font_files() -> tuple[Path, Path, Path]:
    folders = [resource_path("fonts"), *_SYSTEM_FONT_DIRS]
    for names in _FONT_CANDIDATES:
        for folder in folders:
            paths = tuple(folder / n for n in names)
            if all(p.is_file() for p in paths):
                return paths[0], paths[1], paths[2]
    raise FileNotFoundError(
        "No TTF fonts found for reports: expected LiberationSans in resources/fonts or DejaVu "
        "in /usr/share/fonts/truetype/dejavu."
    )


def register_fonts() -> None:
    """Register the report fonts once per process; TTF fonts are embedded in every PDF."""
    if REGULAR in pdfmetrics.getRegisteredFontNames():
        return
    regular, bold, italic = _find_font_files()
    pdfmetrics.registerFont(TTFont(REGULAR, str(regular)))
    pdfmetrics.registerFont(TTFont(BOLD, str(bold)))
    pdfmetrics.registerFont(TTFont(ITALIC, str(italic)))
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, ITALIC)
    addMapping(REGULAR, 1, 1, BOLD)


@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle
    subtitle: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_right: ParagraphStyle
    cell_head_right: ParagraphStyle
    figure: ParagraphStyle
    figure_label: ParagraphStyle


def make_styles() -> Styles:
    register_fonts()
    body = ParagraphStyle("body", fontName=REGULAR, fontSize=9.5, leading=12.5, textColor=INK)
    return Styles(
        title=ParagraphStyle("title", parent=body, fontName=BOLD, fontSize=18, leading=22),
        subtitle=ParagraphStyle(
            "subtitle", parent=body, fontSize=10.5, leading=14, textColor=MUTED
        ),
        h1=ParagraphStyle(
            "h1",
            parent=body,
            fontName=BOLD,
            fontSize=13,
            leading=16,
            spaceBefore=10,
            spaceAfter=5,
            textColor=ACCENT,
        ),
        h2=ParagraphStyle(
            "h2", parent=body, fontName=BOLD, fontSize=10.5, leading=13, spaceBefore=7, spaceAfter=3
        ),
        body=body,
        small=ParagraphStyle("small", parent=body, fontSize=7.5, leading=9.5, textColor=MUTED),
        cell=ParagraphStyle("cell", parent=body, fontSize=8, leading=10),
        cell_bold=ParagraphStyle("cell_bold", parent=body, fontName=BOLD, fontSize=8, leading=10),
        cell_right=ParagraphStyle(
            "cell_right", parent=body, fontSize=8, leading=10, alignment=TA_RIGHT
        ),
        cell_head_right=ParagraphStyle(
            "cell_head_right",
            parent=body,
            fontName=BOLD,
            fontSize=8,
            leading=10,
            alignment=TA_RIGHT,
        ),
        figure=ParagraphStyle(
            "figure", parent=body, fontName=BOLD, fontSize=20, leading=23, textColor=ACCENT
        ),
        figure_label=ParagraphStyle(
            "figure_label", parent=body, fontSize=8.5, leading=10.5, textColor=MUTED
        ),
    )


def para(
    text: str, style: ParagraphStyle, *, limit: int | None = FIELD_LIMIT, lang: str = "nl"
) -> Paragraph:
    """A paragraph of plain text (escaped: user text never becomes markup).

    Any text lays out: cut at ``limit`` characters with a visible mark.
    """
    return Paragraph(escape(printable(text, limit=limit, lang=lang)), style)


def data_table(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    styles: Styles,
    col_widths: Sequence[float],
    *,
    right_align_from: int | None = None,
) -> Table:
    """A ruled table with a repeated bold header; cells wrap, numbers can align right."""
    cells: list[list[Any]] = [
        [
            para(h, styles.cell_head_right)
            if right_align_from is not None and i >= right_align_from
            else para(h, styles.cell_bold)
            for i, h in enumerate(header)
        ]
    ]
    for row in rows:
        cells.append(
            [
                para(value, styles.cell_right)
                if right_align_from is not None and i >= right_align_from
                else para(value, styles.cell)
                for i, value in enumerate(row)
            ]
        )
    # splitInRow: a cell taller than a page continues on the next one (no LayoutError).
    table = Table(cells, colWidths=list(col_widths), repeatRows=1, hAlign="LEFT", splitInRow=1)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), REGULAR),  # Table's default is Helvetica (not embedded)
                ("BACKGROUND", (0, 0), (-1, 0), HEADER_BG),
                ("LINEBELOW", (0, 0), (-1, 0), 0.6, INK),
                ("LINEBELOW", (0, 1), (-1, -1), 0.25, RULE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def key_value_table(rows: Sequence[tuple[str, str]], styles: Styles, label_width: float) -> Table:
    """Label/value pairs, e.g. the dates of a case."""
    cells = [[para(k, styles.cell_bold), para(v, styles.cell)] for k, v in rows]
    widths = [label_width, FRAME_WIDTH - label_width]
    table = Table(cells, colWidths=widths, hAlign="LEFT", splitInRow=1)  # as in data_table
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), REGULAR),  # Table's default is Helvetica (not embedded)
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def _numbered_canvas(footer_left: str, page_word: str, of_word: str) -> type[Canvas]:
    """A canvas that knows the page count when it saves, for "page x of y" footers."""

    class NumberedCanvas(Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._draw_footer(total)
                super().showPage()
            super().save()

        def _draw_footer(self, total: int) -> None:
            self.saveState()
            self.setFont(REGULAR, 7.5)
            self.setFillColor(MUTED)
            self.setStrokeColor(RULE)
            self.line(MARGIN, 13 * mm, PAGE_WIDTH - MARGIN, 13 * mm)
            self.drawString(MARGIN, 9 * mm, footer_left)
            label = f"{page_word} {self._pageNumber} {of_word} {total}"
            self.drawRightString(PAGE_WIDTH - MARGIN, 9 * mm, label)
            self.restoreState()

    return NumberedCanvas


def build_pdf(
    story: list[Flowable],
    *,
    title: str,
    footer_left: str,
    lang: str,
    author: str = "Privacy Desk",
) -> bytes:
    """Lay out the story on A4 with margins and a "page x of y" footer; returns PDF bytes."""
    register_fonts()
    buffer = BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=20 * mm,
        title=title,
        author=author,
        creator="Privacy Desk",
        lang=lang,
        initialFontName=REGULAR,  # else every page declares Helvetica, which is never embedded
    )
    page_word, of_word = ("pagina", "van") if lang == "nl" else ("page", "of")
    doc.build(story, canvasmaker=_numbered_canvas(footer_left, page_word, of_word))
    return buffer.getvalue()
