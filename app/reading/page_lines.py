"""Where each line of a letter sits on its page: OCR word boxes (Tesseract's TSV) or a PDF's text
layer positions (Poppler's ``pdftotext -bbox-layout``), as fractions of the page.

Fractions, not pixels, so the viewer can draw them on the page image at any size and zoom.
OCR reads a prepared page (turned upright and deskewed); its boxes are mapped back onto the
page as it was scanned, which is what the viewer shows.
"""

from __future__ import annotations

import html
import math
import re
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from app.core.progress import Progress


@dataclass(frozen=True)
class Box:
    """A rectangle on a page: left, top, right, bottom as fractions (0-1) of its size."""

    left: float
    top: float
    right: float
    bottom: float

    def contains(self, other: Box, slack: float = 0.0) -> bool:
        return (
            self.left - slack <= other.left
            and self.top - slack <= other.top
            and other.right <= self.right + slack
            and other.bottom <= self.bottom + slack
        )


@dataclass(frozen=True)
class Word:
    text: str
    box: Box


@dataclass(frozen=True)
class PageLine:
    """One line of text on page ``page`` (0-based), its box and its words' boxes."""

    page: int
    text: str
    box: Box
    words: tuple[Word, ...] = ()

    def word_box(self, text: str) -> Box | None:
        """The box around the words that make up ``text`` ("5251 AB": two words); letters OCR
        takes for digits (O and 0, I, l and 1) count as the same, as the reader repairs them."""
        wanted = text.split()
        if not wanted:
            return None
        names = [w.text for w in self.words]
        for start in range(len(names) - len(wanted) + 1):
            part = names[start : start + len(wanted)]
            pairs = zip(part, wanted, strict=True)
            if all(_ocr_fold(a) == _ocr_fold(b) for a, b in pairs):
                return union(w.box for w in self.words[start : start + len(wanted)])
        return None


def union(boxes: Iterable[Box]) -> Box:
    items = list(boxes)
    return Box(
        min(b.left for b in items),
        min(b.top for b in items),
        max(b.right for b in items),
        max(b.bottom for b in items),
    )


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


def _ocr_fold(word: str) -> str:
    return _fold(word).strip(",.;:").translate(str.maketrans("oil", "011"))


def find_line(lines: Iterable[PageLine], quote: str) -> PageLine | None:
    """The line that holds ``quote`` (the source line of a proposal): the same text first,
    else the line that contains it, else the line contained in it (a quote over two lines)."""
    wanted = _fold(quote).strip("“”\"' …")
    if not wanted:
        return None
    items = list(lines)
    for test in (
        lambda plain: plain == wanted,
        lambda plain: wanted in plain,
        lambda plain: len(plain) > 8 and plain in wanted,
    ):
        for line in items:
            if test(_fold(line.text)):
                return line
    return None


# ---- OCR: Tesseract's TSV ----------------------------------------------------------------------


@dataclass(frozen=True)
class PageGeometry:
    """How a scanned page was prepared for OCR: its size, then turned clockwise by ``rotation``
    and deskewed by ``skew`` degrees (counter-clockwise), each with PIL's ``expand``."""

    width: int
    height: int
    rotation: int = 0
    skew: float = 0.0

    def _sizes(self) -> tuple[tuple[float, float], tuple[float, float], tuple[float, float]]:
        first = (float(self.width), float(self.height))
        second = _expanded(first, -self.rotation)
        return first, second, _expanded(second, self.skew)

    def to_page(self, x: float, y: float) -> tuple[float, float]:
        """A point of the prepared image, as fractions of the page as it was scanned."""
        original, turned, levelled = self._sizes()
        px, py = _unrotate((x, y), levelled, turned, self.skew)
        px, py = _unrotate((px, py), turned, original, -self.rotation)
        return px / original[0], py / original[1]


def _expanded(size: tuple[float, float], degrees: float) -> tuple[float, float]:
    """The size PIL's ``rotate(degrees, expand=True)`` gives (its corners' bounding box)."""
    if not degrees:
        return size
    a = math.radians(degrees)
    w, h = size
    c, s = abs(math.cos(a)), abs(math.sin(a))
    return (math.ceil(round(w * c + h * s, 6)), math.ceil(round(w * s + h * c, 6)))


def _unrotate(
    point: tuple[float, float], size: tuple[float, float], before: tuple[float, float], deg: float
) -> tuple[float, float]:
    """Undo PIL's ``rotate(deg, expand=True)`` (counter-clockwise, about the centre)."""
    if not deg:
        return point
    a = math.radians(deg)
    dx, dy = point[0] - size[0] / 2, point[1] - size[1] / 2
    # Forward: dX = dx cos a + dy sin a, dY = -dx sin a + dy cos a; inverse: rotate by -a.
    ox = dx * math.cos(a) - dy * math.sin(a)
    oy = dx * math.sin(a) + dy * math.cos(a)
    return ox + before[0] / 2, oy + before[1] / 2


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028\u2029\ufeff]")


def lines_from_tsv(tsv: str, *, page: int, geometry: PageGeometry) -> list[PageLine]:
    """The lines of one page from Tesseract's TSV (level 5 rows are words)."""
    grouped: dict[tuple[str, str, str], list[Word]] = {}
    for row in tsv.splitlines()[1:]:
        cells = row.split("\t")
        if len(cells) < 12 or cells[0] != "5":
            continue
        text = _CONTROL.sub("", cells[11]).strip()
        if not text:
            continue
        try:
            left, top, width, height = (int(v) for v in cells[6:10])
        except ValueError:
            continue
        corners = [
            geometry.to_page(x, y) for x in (left, left + width) for y in (top, top + height)
        ]
        box = Box(
            min(c[0] for c in corners),
            min(c[1] for c in corners),
            max(c[0] for c in corners),
            max(c[1] for c in corners),
        )
        grouped.setdefault((cells[2], cells[3], cells[4]), []).append(Word(text, box))
    return [
        PageLine(page, " ".join(w.text for w in words), union(w.box for w in words), tuple(words))
        for words in grouped.values()
    ]


# ---- a PDF's text layer: pdftotext -bbox-layout ------------------------------------------------

_PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', re.DOTALL)
_LINE = re.compile(r"<line [^>]*>(.*?)</line>", re.DOTALL)
_WORD = re.compile(
    r'<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">(.*?)</word>',
    re.DOTALL,
)


def lines_from_bbox_layout(xhtml: str) -> list[PageLine]:
    """The lines of every page from ``pdftotext -bbox-layout`` output."""
    out: list[PageLine] = []
    for number, page in enumerate(_PAGE.finditer(xhtml)):
        width, height = float(page.group(1)) or 1.0, float(page.group(2)) or 1.0
        for line in _LINE.finditer(page.group(3)):
            words = tuple(
                Word(
                    _CONTROL.sub("", html.unescape(m.group(5))).strip(),
                    Box(
                        float(m.group(1)) / width,
                        float(m.group(2)) / height,
                        float(m.group(3)) / width,
                        float(m.group(4)) / height,
                    ),
                )
                for m in _WORD.finditer(line.group(1))
            )
            words = tuple(w for w in words if w.text)
            if words:
                text = " ".join(w.text for w in words)
                out.append(PageLine(number, text, union(w.box for w in words), words))
    return out


def text_layer_lines(
    path: Path, *, max_pages: int, progress: Progress | None = None
) -> tuple[PageLine, ...]:
    """Where the lines of a PDF's text layer sit, by Poppler's ``pdftotext`` in a child
    process; empty when pdftotext is not installed or fails (the text is highlighted anyway)."""
    import shutil

    from app.core.errors import UserError
    from app.reading.tesseract import run_child

    program = shutil.which("pdftotext")
    if program is None:
        return ()
    command = [program, "-bbox-layout", "-enc", "UTF-8", "-f", "1", "-l", str(max_pages)]
    try:
        out = run_child([*command, str(path), "-"], progress=progress, timeout_s=60.0)
    except (subprocess.CalledProcessError, UserError):  # not cancel: that goes on up
        return ()
    return tuple(lines_from_bbox_layout(out.decode("utf-8", "replace")))
