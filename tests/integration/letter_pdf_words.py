"""Words of a rendered letter with their boxes, read back with poppler's pdftotext -bbox."""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from html import unescape
from pathlib import Path

PT_PER_MM = 72 / 25.4
_WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>'
)
_PAGE = re.compile(r"<page [^>]*>(.*?)</page>", re.S)


@dataclass(frozen=True)
class Word:
    text: str
    left: float  # mm from the left edge
    top: float  # mm from the top edge
    right: float
    bottom: float


def have_pdftotext() -> bool:
    return shutil.which("pdftotext") is not None


def pdf_words(pdf: bytes) -> list[list[Word]]:
    """Per page, every word with its glyph box in mm."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "letter.pdf"
        path.write_bytes(pdf)
        html = subprocess.run(
            ["pdftotext", "-bbox", str(path), "-"], check=True, capture_output=True, text=True
        ).stdout
    pages = []
    for page in _PAGE.findall(html):
        pages.append(
            [
                Word(
                    unescape(m.group(5)),
                    float(m.group(1)) / PT_PER_MM,
                    float(m.group(2)) / PT_PER_MM,
                    float(m.group(3)) / PT_PER_MM,
                    float(m.group(4)) / PT_PER_MM,
                )
                for m in _WORD.finditer(page)
            ]
        )
    return pages


def pdf_text(pdf: bytes) -> str:
    """All text, whitespace normalised (pdftotext, reading order)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "letter.pdf"
        path.write_bytes(pdf)
        text = subprocess.run(
            ["pdftotext", str(path), "-"], check=True, capture_output=True, text=True
        ).stdout
    return " ".join(text.split())


def lines_of(words: list[Word], tolerance: float = 0.8) -> list[str]:
    """The words of a page grouped into lines by their top edge, left to right."""
    rows: list[list[Word]] = []
    for word in sorted(words, key=lambda w: (w.top, w.left)):
        if rows and abs(rows[-1][0].top - word.top) <= tolerance:
            rows[-1].append(word)
        else:
            rows.append([word])
    return [" ".join(w.text for w in sorted(row, key=lambda w: w.left)) for row in rows]
