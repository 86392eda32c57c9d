"""Text made printable in any layout: one field is cut at a limit, with a visible mark."""

from __future__ import annotations

from typing import Final

# Characters of one field in a table cell: about 1.5 pages. ReportLab breaks a word longer than
# its column itself, but in time that grows with the square of the word's length, and a row
# taller than a page needs splitting: the cap keeps both bounded, so layout stays linear.
FIELD_LIMIT: Final = 5000
CUT_MARKS: Final = {"nl": "…[afgekapt]", "en": "…[cut off]", "de": "…[gekürzt]"}


def cut_mark(lang: str) -> str:
    return CUT_MARKS.get(lang, CUT_MARKS["nl"])


def printable(text: str, *, limit: int | None = FIELD_LIMIT, lang: str = "nl") -> str:
    """``text`` cut to ``limit`` characters with a visible mark (only the start is looked at)."""
    if limit is not None and len(text) > limit:
        return text[:limit] + cut_mark(lang)
    return text
