"""Render a composed letter to PDF: window-envelope first page, follow-up pages, page x of y."""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from PIL import Image
from pypdf import PdfReader, PdfWriter
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
)

from app.core.dates import format_date
from app.core.errors import UserError
from app.core.i18n import _
from app.core.printable import printable
from app.letters.appendix import appendix_flowables
from app.letters.context import LetterContext, Organisation, claims_dpo_title
from app.letters.fonts import FontSet, register_fonts
from app.letters.formatting import AddressError, country_line, format_address, is_domestic
from app.letters.geometry import address_baselines, wrap_address
from app.letters.labels import LABELS, LETTERHEAD_LINES
from app.letters.layout import LetterLayout
from app.letters.payloads import AccessPayload
from app.letters.pdfa import mark_pdfa
from app.letters.styles import GREY, LetterStyles, build_styles
from app.letters.templates import ComposedLetter

CREATOR = "Privacy Desk"
SUBJECT_LIMIT = 500  # characters
BODY_LIMIT = 50_000  # characters, about 15 pages
DEFAULT_LAYOUT = LetterLayout()


def _fit_size(text: str, font: str, size: float, width: float, minimum: float) -> float | None:
    """The largest font size <= size (steps of 0.5 pt) at which text fits width, or None."""
    while size >= minimum:
        if stringWidth(text, font, size) <= width:
            return size
        size -= 0.5
    return None


def _postal_town(org: Organisation) -> str:
    if is_domestic(org.country):
        return f"{org.postcode}  {org.city.upper()}"
    return f"{org.postcode} {org.city.upper()}".strip()


def _same_country(ours: str, theirs: str) -> bool:
    if is_domestic(ours) or is_domestic(theirs):
        return is_domestic(ours) == is_domestic(theirs)
    return ours.strip().upper() == theirs.strip().upper()


def return_line(org: Organisation, destination: str = "NL", lang: str = "nl") -> str:
    """The one-line sender address above the window (returns undeliverable post).

    On international mail (``destination`` another country than ours) it ends with our country
    in capitals, so that the foreign post office can send the letter back.
    """
    if org.return_line.strip():
        text = " ".join(org.return_line.split())
    else:
        parts = (org.name, org.street, _postal_town(org))
        text = ", ".join(part for part in parts if part.strip())
    if not _same_country(org.country, destination):
        country = country_line(org.country or "NL", lang)
        if not text.upper().endswith(country):
            text = f"{text}, {country}"
    return text


def address_positions(
    lines: Sequence[str], layout: LetterLayout, font: str
) -> list[tuple[str, float, float]]:
    """(line, baseline from the top in mm, font size) for each window line, centred vertically.

    Lines are expected wrapped already (``wrap_address``); a line still too wide is refused.
    """
    width = layout.address_text_width_mm * mm
    out = []
    baselines = address_baselines(len(lines), layout)
    for index, (line, baseline) in enumerate(zip(lines, baselines, strict=True)):
        if stringWidth(line, font, layout.address_font_size) > width + 0.01:
            raise AddressError(
                _(
                    "Address line {value} is too long for the envelope window ({width} "
                    "mm). Shorten or abbreviate it.",
                    value=index + 1,
                    width=format(layout.address_text_width_mm, "g"),
                )
            )
        out.append((line, baseline, layout.address_font_size))
    return out


def _opaque(path: Path) -> Image.Image:
    """The logo flattened onto white: PDF/A letters carry no transparency (no soft masks)."""
    with Image.open(path) as image:
        image.load()
        if image.mode in ("RGBA", "LA", "P", "PA") and (
            image.mode != "P" or "transparency" in image.info
        ):
            rgba = image.convert("RGBA")
            flat = Image.new("RGB", rgba.size, (255, 255, 255))
            flat.paste(rgba, mask=rgba.getchannel("A"))
            return flat
        return image.convert("RGB") if image.mode not in ("RGB", "L") else image.copy()


class _PageDecorator:
    """Draws the fixed parts of the first and the later pages."""

    def __init__(
        self,
        ctx: LetterContext,
        layout: LetterLayout,
        fonts: FontSet,
        address_lines: Sequence[str],
    ) -> None:
        self.ctx = ctx
        self.layout = layout
        self.fonts = fonts
        self.labels = LABELS[ctx.lang]
        self.address = address_positions(address_lines, layout, fonts.regular)
        self.logo = self._load_logo(ctx.organisation.logo_path)

    @staticmethod
    def _load_logo(path: str | None) -> ImageReader | None:
        if not path:
            return None
        if not Path(path).is_file():
            raise UserError(
                _(
                    "The logo file {name} cannot be found. Choose the logo again in the "
                    "organisation "
                    "profile, or remove it.",
                    name=Path(path).name,
                )
            )
        return ImageReader(_opaque(Path(path)))

    def _y(self, from_top_mm: float) -> float:
        return float((self.layout.page_height_mm - from_top_mm) * mm)

    def first_page(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        canvas.saveState()
        self._letterhead(canvas)
        self._sender_column(canvas)
        self._window(canvas)
        self._reference_row(canvas)
        self._marks(canvas)
        canvas.restoreState()

    def later_page(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        lay, lab = self.layout, self.labels
        text = (
            f"{self.ctx.organisation.name}  ·  {lab['our_reference']} {self.ctx.our_reference}"
            f"  ·  {format_date(self.ctx.letter_date, self.ctx.lang)}"
        )
        canvas.saveState()
        canvas.setFont(self.fonts.regular, 7.5)
        canvas.setFillColor(GREY)
        canvas.drawString(lay.margin_left_mm * mm, self._y(lay.later_header_baseline_mm), text)
        canvas.restoreState()

    def _letterhead(self, canvas: Canvas) -> None:
        lay, org = self.layout, self.ctx.organisation
        x = lay.margin_left_mm * mm
        canvas.setFont(self.fonts.bold, lay.letterhead_name_size)
        canvas.drawString(x, self._y(lay.letterhead_name_baseline_mm), org.name)
        canvas.setFont(self.fonts.regular, 9)
        canvas.setFillColor(GREY)
        canvas.drawString(
            x, self._y(lay.letterhead_name_baseline_mm + 5.5), letterhead_line(self.ctx)
        )
        canvas.setFillColor("black")
        if self.logo is not None:
            img_w, img_h = self.logo.getSize()
            scale = min(lay.logo_max_width_mm * mm / img_w, lay.logo_max_height_mm * mm / img_h)
            w, h = img_w * scale, img_h * scale
            right = (lay.page_width_mm - lay.margin_right_mm) * mm
            canvas.drawImage(self.logo, right - w, self._y(lay.logo_top_mm) - h, w, h)

    def _sender_column(self, canvas: Canvas) -> None:
        """Sender details right of the window: labels in grey, values beside them."""
        lay, org, lab = self.layout, self.ctx.organisation, self.labels
        postal = [org.department, org.street, _postal_town(org)]
        if not is_domestic(org.country):
            postal.append(org.country.upper())
        rows: list[tuple[str, list[str]]] = [(lab["postal_address"], [p for p in postal if p])]
        optional = [
            ("visiting_address", org.visiting_address),
            ("phone", org.phone),
            ("email", org.email),
            ("website", org.website),
            ("kvk", org.kvk_number),
        ]
        rows.extend((lab[key], [value]) for key, value in optional if value.strip())
        size = lay.sender_font_size
        step = size * 1.35
        x = lay.sender_column_left_mm * mm
        value_x = x + lay.sender_label_width_mm * mm
        width = (lay.page_width_mm - lay.margin_right_mm) * mm - value_x
        y = self._y(lay.sender_column_top_mm) - size
        label_room = value_x - x - 1.5 * mm
        for label, values in rows:
            label_size = _fit_size(label, self.fonts.bold, size, label_room, 5.0) or 5.0
            canvas.setFont(self.fonts.bold, label_size)
            canvas.setFillColor(GREY)
            canvas.drawString(x, y, label)
            canvas.setFillColor("black")
            for value in values:
                fitted = _fit_size(value, self.fonts.regular, size, width, 5.5) or 5.5
                canvas.setFont(self.fonts.regular, fitted)
                canvas.drawString(value_x, y, value)
                y -= step
            y -= step * 0.3

    def _window(self, canvas: Canvas) -> None:
        lay = self.layout
        x = lay.address_left_mm * mm
        width = lay.address_width_mm * mm
        text = return_line(self.ctx.organisation, self.ctx.window_address.country, self.ctx.lang)
        size = _fit_size(text, self.fonts.regular, lay.return_line_font_size, width, 4.5) or 4.5
        canvas.setFont(self.fonts.regular, size)
        baseline = self._y(lay.return_line_baseline_mm)
        canvas.drawString(x, baseline, text)
        canvas.setLineWidth(0.3)
        text_width = stringWidth(text, self.fonts.regular, size)
        canvas.line(x, baseline - 1.2, x + text_width, baseline - 1.2)
        for line, from_top, line_size in self.address:
            canvas.setFont(self.fonts.regular, line_size)
            canvas.drawString(x, self._y(from_top), line)

    def _reference_row(self, canvas: Canvas) -> None:
        lay, ctx, lab = self.layout, self.ctx, self.labels
        values = [
            ("their_letter_date", format_date(ctx.their_letter_date, ctx.lang)
             if ctx.their_letter_date else "-"),
            ("their_reference", (ctx.their_reference or "").strip() or "-"),
            ("our_reference", ctx.our_reference),
            ("handled_by", ctx.handled_by.strip() or "-"),
            ("date", format_date(ctx.letter_date, ctx.lang)),
        ]  # fmt: skip
        x = lay.margin_left_mm * mm
        for (key, value), width_mm in zip(values, lay.reference_column_widths_mm, strict=True):
            canvas.setFont(self.fonts.regular, lay.reference_label_size)
            canvas.setFillColor(GREY)
            canvas.drawString(x, self._y(lay.reference_label_baseline_mm), lab[key])
            canvas.setFillColor("black")
            room = width_mm * mm - 2 * mm
            size = _fit_size(value, self.fonts.regular, lay.reference_value_size, room, 6.0) or 6.0
            canvas.setFont(self.fonts.regular, size)
            canvas.drawString(x, self._y(lay.reference_value_baseline_mm), value)
            x += width_mm * mm

    def _marks(self, canvas: Canvas) -> None:
        lay = self.layout
        x0 = lay.mark_left_mm * mm
        canvas.setLineWidth(0.4)
        canvas.setStrokeColor(GREY)
        for from_top in lay.fold_marks_mm:
            canvas.line(x0, self._y(from_top), x0 + lay.fold_mark_length_mm * mm, self._y(from_top))
        if lay.punch_mark_mm is not None:
            y = self._y(lay.punch_mark_mm)
            canvas.line(x0, y, x0 + lay.punch_mark_length_mm * mm, y)


def _numbered_canvas_class(
    draw_footer: Callable[[Canvas, int, int], None], *, pdfa_lang: str | None = None
) -> type[Canvas]:
    """A canvas that defers page output until save() so every page can show the total;
    with ``pdfa_lang`` the file is written as PDF/A-2b in that language."""

    class NumberedCanvas(Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pending: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pending.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pending)
            for number, state in enumerate(self._pending, start=1):
                self.__dict__.update(state)
                draw_footer(self, number, total)
                super().showPage()
            if pdfa_lang is not None:
                mark_pdfa(self, lang=pdfa_lang)
            super().save()

    return NumberedCanvas


_DIGIT_GAP = re.compile(r"(?<=\d)( | - )(?=\d)")


def _no_break(text: str) -> str:
    """Non-breaking spaces where a line break would hurt: "073 - 303 04 00", "€ 25,00"."""
    # Keep double spaces (PostNL "2509 AJ  DEN HAAG"): Paragraph collapses plain whitespace.
    text = text.replace("  ", "\u00a0 ").replace("€ ", "€\u00a0")
    return _DIGIT_GAP.sub(lambda m: m.group(1).replace(" ", "\u00a0"), text)


def _block_flowables(lines: Sequence[str], styles: LetterStyles) -> list[Flowable]:
    out: list[Flowable] = []
    plain: list[str] = []
    for index, line in enumerate(lines):
        marked = _no_break(escape(line.strip()))
        if line.startswith(("## ", "- ")) and plain:
            out.append(Paragraph("<br/>".join(plain), styles.body))
            plain = []
        if line.startswith("## "):
            out.append(Paragraph(marked[3:].strip(), styles.heading))
        elif line.startswith("- "):
            last = index + 1 == len(lines) or not lines[index + 1].startswith("- ")
            style = styles.bullet_last if last else styles.bullet
            out.append(Paragraph(marked[2:].strip(), style, bulletText="•"))
        else:
            plain.append(marked)
    if plain:
        out.append(Paragraph("<br/>".join(plain), styles.body))
    return out


def _body_flowables(text: str, styles: LetterStyles) -> list[Flowable]:
    """Plain text -> flowables: blank line = new paragraph, "- " = bullet, "## " = heading."""
    out: list[Flowable] = []
    for block in re.split(r"\n[ \t]*\n", text.replace("\r\n", "\n")):
        lines = [line.rstrip() for line in block.split("\n") if line.strip()]
        out.extend(_block_flowables(lines, styles))
    # A sentence that introduces a list ("... informed these recipients:") never ends a page
    # with its list on the next one.
    bullets = (styles.bullet, styles.bullet_last)
    for index, flowable in enumerate(out[:-1]):
        following = out[index + 1]
        if (
            isinstance(flowable, Paragraph)
            and flowable.style is styles.body
            and isinstance(following, Paragraph)
            and following.style in bullets
            and flowable.text.rstrip().endswith(":")
        ):
            out[index] = Paragraph(flowable.text, styles.lead_in)
    return out


def check_sender(org: Organisation) -> None:
    """The sender details every letter must carry; UserError names what is missing.

    A signatory by name (no fallback to a login), and the KvK number (Handelsregisterwet art.
    27), e-mail address and telephone number (Art. 12(2) GDPR: make it easy to use a right).
    """
    missing = [
        label
        for label, value in (
            (_("the signatory's name"), org.signatory_name),
            (_("the KvK number"), org.kvk_number),
            (_("the e-mail address"), org.email),
            (_("the telephone number"), org.phone),
        )
        if not value.strip()
    ]
    if missing:
        raise UserError(
            _(
                "The organisation profile lacks {missing}; every letter must show them. Fill "
                "them in under Settings > Organisation, then make the letter again.",
                missing=", ".join(missing),
            )
        )


def signatory_function(org: Organisation, lang: str) -> str:
    """The signatory's function: the profile's words, else "privacyfunctionaris" (or, only
    when one is registered with the AP, "functionaris gegevensbescherming")."""
    own = " ".join(org.signatory_function.split())
    if own and (org.dpo_registered or not claims_dpo_title(own)):
        return own  # an FG title without a registration (an old profile) is not printed
    label = "dpo" if org.dpo_registered else "privacy_officer"
    return LABELS[lang][label]


def letterhead_line(ctx: LetterContext) -> str:
    """The line under the organisation's name: what this letter is about."""
    lines = LETTERHEAD_LINES[ctx.lang]
    if ctx.letter_type in lines:
        return lines[ctx.letter_type]
    if len(ctx.request_types) == 1 and ctx.request_types[0] in lines:
        return lines[ctx.request_types[0]]
    return lines["request"]


def _closing(ctx: LetterContext, styles: LetterStyles, enclosure: str) -> list[Flowable]:
    org, lab = ctx.organisation, LABELS[ctx.lang]
    signatory = " ".join(org.signatory_name.split())
    if not signatory:
        check_sender(org)
    parts: list[Flowable] = [
        Paragraph(escape(lab["closing"]), styles.closing),
        Paragraph(escape(org.name), styles.closing),
        Spacer(1, 16 * mm),  # room for a handwritten signature
        Paragraph(escape(signatory), styles.closing),
        Paragraph(escape(signatory_function(org, ctx.lang)), styles.closing),
    ]
    if enclosure:
        parts.append(Spacer(1, styles.body.leading))
        parts.append(Paragraph(escape(enclosure), styles.closing))
    return parts


def _with_closing(body: list[Flowable], closing: list[Flowable]) -> list[Flowable]:
    """The body and the closing, the closing kept on one page with the last paragraph (and
    any heading just before it), so no page holds only a signature or a lone heading."""
    tail_start = len(body)
    while tail_start > 0:
        tail_start -= 1
        previous = body[tail_start - 1] if tail_start > 0 else None
        keeps = getattr(getattr(previous, "style", None), "keepWithNext", 0)
        if not keeps:
            break
    return [*body[:tail_start], KeepTogether([*body[tail_start:], *closing])]


def render_letter(
    ctx: LetterContext, composed: ComposedLetter, layout: LetterLayout = DEFAULT_LAYOUT
) -> bytes:
    """Render ``composed`` (possibly edited by the officer) for ``ctx`` as PDF bytes.

    Raises AddressError/UserError for an address that does not fit the window rules, a missing
    logo file or signatory.
    """
    fonts = register_fonts()
    styles = build_styles(layout, fonts)
    check_sender(ctx.organisation)
    if not composed.subject.strip():
        raise UserError(_("The letter has no subject. Enter a subject line."))
    lines = wrap_address(format_address(ctx.window_address, ctx.lang), layout, fonts)
    decorator = _PageDecorator(ctx, layout, fonts, lines)
    page_label = LABELS[ctx.lang]["page"]

    def footer(canvas: Canvas, number: int, total: int) -> None:
        canvas.saveState()
        canvas.setFont(fonts.regular, 7.5)
        canvas.setFillColor(GREY)
        right = (layout.page_width_mm - layout.margin_right_mm) * mm
        text = page_label.format(page=number, total=total)
        canvas.drawRightString(right, layout.footer_baseline_mm * mm, text)
        canvas.restoreState()

    width = layout.body_width_mm * mm
    left, bottom = layout.margin_left_mm * mm, layout.margin_bottom_mm * mm
    height = layout.page_height_mm * mm

    def frame(top_mm: float, frame_id: str) -> Frame:
        return Frame(
            left, bottom, width, height - top_mm * mm - bottom, id=frame_id,
            leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0,
        )  # fmt: skip

    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=(layout.page_width_mm * mm, height),
        initialFontName=fonts.regular,  # else the canvas references (unembedded) Helvetica
        title=composed.subject,
        author=ctx.organisation.name,
        subject=f"{ctx.our_reference} {ctx.letter_type}",
        creator=CREATOR,
        producer=CREATOR,
    )
    doc.addPageTemplates(
        [
            PageTemplate(
                "first",
                [frame(layout.body_top_first_mm, "first")],
                onPage=decorator.first_page,
                autoNextPageTemplate="later",
            ),
            PageTemplate(
                "later", [frame(layout.body_top_later_mm, "later")], onPage=decorator.later_page
            ),
        ]
    )
    payload = ctx.payload
    appendix = (
        appendix_flowables(ctx, payload, styles, layout)
        if isinstance(payload, AccessPayload)
        else []
    )
    # Any text lays out (app/core/printable.py): cut with a visible mark.
    subject = printable(composed.subject, limit=SUBJECT_LIMIT, lang=ctx.lang)
    story: list[Flowable] = [Paragraph(escape(subject), styles.subject)]
    body = _body_flowables(printable(composed.body, limit=BODY_LIMIT, lang=ctx.lang), styles)
    enclosure = ""
    if appendix:
        separate = isinstance(payload, AccessPayload) and payload.log_appendix
        enclosure = LABELS[ctx.lang]["enclosures_with_log" if separate else "enclosure"]
    story.extend(_with_closing(body, _closing(ctx, styles, enclosure)))
    story.extend(appendix)
    doc.build(story, canvasmaker=_numbered_canvas_class(footer, pdfa_lang=ctx.lang))
    return buffer.getvalue()


def merge_pdfs(pdfs: Sequence[bytes], *, duplex: bool = False) -> bytes:
    """One PDF of all letters, in order ("print today's letters").

    With ``duplex`` a blank page follows every letter with an odd page count, so that each
    letter starts on a new sheet when printed on both sides.
    """
    if not pdfs:
        raise UserError(_("There are no letters to print."))
    writer = PdfWriter()
    for data in pdfs:
        reader = PdfReader(io.BytesIO(data))
        writer.append(reader)
        if duplex and len(reader.pages) % 2 == 1:
            box = reader.pages[-1].mediabox
            writer.add_blank_page(width=float(box.width), height=float(box.height))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
