"""Register the shipped TTF fonts with ReportLab so that every PDF embeds them."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from app.core.i18n import _
from app.core.resources import resource_path

REGULAR = "PDSans"
BOLD = "PDSans-Bold"
ITALIC = "PDSans-Italic"
_FILES = {
    REGULAR: "LiberationSans-Regular.ttf",
    BOLD: "LiberationSans-Bold.ttf",
    ITALIC: "LiberationSans-Italic.ttf",
}


@dataclass(frozen=True)
class FontSet:
    regular: str = REGULAR
    bold: str = BOLD
    italic: str = ITALIC


def register_fonts() -> FontSet:
    """Register regular, bold and italic once per process (ReportLab keeps a registry)."""
    registered = set(pdfmetrics.getRegisteredFontNames())
    for name, filename in _FILES.items():
        if name not in registered:
            path = resource_path("fonts", filename)
            if not path.is_file():
                raise FileNotFoundError(
                    _("font file missing from the installation: {path}", path=path)
                )
            pdfmetrics.registerFont(TTFont(name, str(path)))
    # Paragraph markup (<b>, <i>) looks fonts up through this family mapping.
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, ITALIC)
    addMapping(REGULAR, 1, 1, BOLD)
    return FontSet()
