"""Where letterhead text lands on the sheet: line wrapping in the window and the fold check."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth

from app.core.i18n import _
from app.letters.fonts import FontSet, register_fonts
from app.letters.formatting import MAX_ADDRESS_LINES, AddressError
from app.letters.layout import LetterLayout

UNDERLINE_GAP_PT = 1.2  # the rule under the return line


def _metrics(font: str) -> tuple[float, float]:
    """(ascent, descent) of ``font`` as fractions of the font size (descent positive)."""
    face = pdfmetrics.getFont(font).face
    return float(face.ascent) / 1000.0, abs(float(face.descent)) / 1000.0


def text_extent_mm(baseline_mm: float, size_pt: float, font: str) -> tuple[float, float]:
    """(top, bottom) in mm from the top of the sheet of one line set at ``baseline_mm``."""
    ascent, descent = _metrics(font)
    return baseline_mm - ascent * size_pt / mm, baseline_mm + descent * size_pt / mm


def _split_word(word: str, font: str, size: float, width: float) -> list[str]:
    """A word wider than the line, cut into pieces that fit (a very long e-mail address)."""
    pieces: list[str] = []
    current = ""
    for char in word:
        if current and stringWidth(current + char, font, size) > width:
            pieces.append(current)
            current = char
        else:
            current += char
    if current:
        pieces.append(current)
    return pieces


def wrap_line(text: str, font: str, size: float, width: float) -> list[str]:
    """``text`` broken at spaces into lines no wider than ``width`` points."""
    if stringWidth(text, font, size) <= width:
        return [text]
    lines: list[str] = []
    current = ""
    for word in text.split(" "):
        if not word:
            continue
        trial = f"{current} {word}" if current else word
        if stringWidth(trial, font, size) <= width:
            current = trial
            continue
        if current:
            lines.append(current)
        if stringWidth(word, font, size) <= width:
            current = word
        else:
            *full, current = _split_word(word, font, size, width)
            lines.extend(full)
    if current:
        lines.append(current)
    return lines


def wrap_address(
    lines: Sequence[str], layout: LetterLayout, fonts: FontSet | None = None
) -> tuple[str, ...]:
    """The window lines with long ones wrapped to the text width (PostNL: at most 6 lines).

    Raises AddressError naming the count when the wrapped address needs more than 6 lines.
    """
    fonts = fonts or register_fonts()
    width = layout.address_text_width_mm * mm
    out: list[str] = []
    for line in lines:
        out.extend(wrap_line(line, fonts.regular, layout.address_font_size, width))
    if len(out) > MAX_ADDRESS_LINES:
        raise AddressError(
            _(
                "The address needs {n} lines in the envelope window (long lines wrap at {width} "
                "mm); PostNL allows at most {most}. Shorten it: abbreviate the firm name, "
                "combine the 't.a.v.' line with the name or leave out an extra line.",
                n=len(out),
                width=format(layout.address_text_width_mm, "g"),
                most=MAX_ADDRESS_LINES,
            )
        )
    return tuple(out)


def address_baselines(count: int, layout: LetterLayout) -> list[float]:
    """The baseline (mm from the top) of each of ``count`` window lines, centred vertically."""
    leading_mm = layout.address_leading_pt / mm
    top = layout.address_centre_mm - count * leading_mm / 2
    # The baseline sits at about 80% of the line height (ascent of a sans-serif face).
    return [top + (index + 0.8) * leading_mm for index in range(count)]


def letterhead_extents(layout: LetterLayout, fonts: FontSet) -> dict[str, tuple[float, float]]:
    """(top, bottom) in mm of the return line, the fullest address block, the reference row
    and the subject's first line."""
    ret_top, ret_bottom = text_extent_mm(
        layout.return_line_baseline_mm, layout.return_line_font_size, fonts.regular
    )
    ret_bottom = max(ret_bottom, layout.return_line_baseline_mm + UNDERLINE_GAP_PT / mm)
    baselines = address_baselines(MAX_ADDRESS_LINES, layout)  # centred: 6 lines span the most
    addr_top = text_extent_mm(baselines[0], layout.address_font_size, fonts.regular)[0]
    addr_bottom = text_extent_mm(baselines[-1], layout.address_font_size, fonts.regular)[1]
    ref_top = text_extent_mm(
        layout.reference_label_baseline_mm, layout.reference_label_size, fonts.regular
    )[0]
    ref_bottom = text_extent_mm(
        layout.reference_value_baseline_mm, layout.reference_value_size, fonts.regular
    )[1]
    subject_top = layout.body_top_first_mm
    subject_bottom = subject_top + 2 * layout.leading / mm  # a subject of up to two lines
    return {
        "return_line": (ret_top, ret_bottom),
        "address": (addr_top, addr_bottom),
        "reference_row": (ref_top, ref_bottom),
        "subject": (subject_top, subject_bottom),
    }


def fold_problems(layout: LetterLayout, fonts: FontSet | None = None) -> list[str]:
    """The letterhead parts that would lie within the clearance of the first fold."""
    fonts = fonts or register_fonts()
    low = layout.first_fold_mm - layout.fold_clearance_mm
    high = layout.first_fold_mm + layout.fold_clearance_mm
    return [
        part
        for part, (top, bottom) in letterhead_extents(layout, fonts).items()
        if top <= high and bottom >= low
    ]
