"""Text made printable in any layout: capped per field with a visible mark, long words breakable."""

from __future__ import annotations

import re
from typing import Final

ZERO_WIDTH_SPACE: Final = "\u200b"
# The longest run of non-space characters printed without a break opportunity, and the chunk
# size it is cut into: longer than any e-mail address or SHA-256, short enough for any column.
LONG_WORD: Final = 120
CHUNK: Final = 60
FIELD_LIMIT: Final = 5000  # characters of one field in a table cell (about 1.5 pages)
CUT_MARKS: Final = {"nl": "…[afgekapt]", "en": "…[cut off]", "de": "…[gekürzt]"}

_LONG_WORD_RE: Final = re.compile(r"[^\s" + ZERO_WIDTH_SPACE + r"]{" + str(LONG_WORD + 1) + ",}")


def cut_mark(lang: str) -> str:
    return CUT_MARKS.get(lang, CUT_MARKS["nl"])


def _chunked(match: re.Match[str]) -> str:
    word = match.group(0)
    return ZERO_WIDTH_SPACE.join(word[i : i + CHUNK] for i in range(0, len(word), CHUNK))


def breakable(text: str) -> str:
    """Insert zero-width break opportunities into words longer than ``LONG_WORD`` characters."""
    return _LONG_WORD_RE.sub(_chunked, text)


def printable(text: str, *, limit: int | None = FIELD_LIMIT, lang: str = "nl") -> str:
    """``text`` cut to ``limit`` characters with a visible mark, its long words made breakable.

    Linear in the length of ``text``: only the first ``limit`` characters are looked at.
    """
    if limit is not None and len(text) > limit:
        text = text[:limit] + cut_mark(lang)
    return breakable(text)
