"""The customer number's pattern (a setting such as ``DB\\d{6}``): checked when saved, applied
safely.

Python's ``re`` has no time-out, so a pattern that backtracks without end (``(a+)+$``) could hang
the app on a long line. Two limits make that impossible: a pattern may only use a small,
linear subset of the syntax (literals, classes, ``\\d \\w \\s``, quantifiers on a single
character or class, at most :data:`MAX_OPEN_QUANTIFIERS` of them open-ended or ranged, and no
quantified groups or back-references), and it is only ever tried on words of at most
:data:`MAX_CANDIDATE` characters. Pure: no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from app.core.i18n import _

MAX_PATTERN = 60  # characters of the pattern
MAX_CANDIDATE = 32  # characters of a word the pattern is tried on
MAX_OPEN_QUANTIFIERS = 3  # * + ? {m,n} with m != n
MAX_CANDIDATES = 5000  # words of one letter that are tried

# One atom: an escape, a character class, a group opening or closing, an alternation, an
# anchor, or a single literal character.
_ATOM = re.compile(
    r"\\[dDwWsSbB]|\\.|\[(?:\\.|[^\]\\])+\]|\(\?:|\(|\)|\||\^|\$|\.|[^\\\[\]()|^$.*+?{}]"
)
_QUANTIFIER = re.compile(r"\*|\+|\?|\{(\d{1,2})(?:,(\d{0,2}))?\}")


def check_pattern(pattern: str) -> re.Pattern[str]:
    """The compiled pattern, or ValueError saying in plain words what to change."""
    text = pattern.strip()
    if not text:
        raise ValueError(_("Enter a pattern, e.g. DB\\d{{6}} (DB and six digits)."))
    if len(text) > MAX_PATTERN:
        raise ValueError(
            _("The pattern is longer than {most} characters. Keep it short.", most=MAX_PATTERN)
        )
    open_quantifiers = 0
    position = 0
    last_atom = ""
    while position < len(text):
        quantifier = _QUANTIFIER.match(text, position)
        if quantifier:
            if last_atom in ("", "(", "(?:", "|", "^", "$"):
                raise ValueError(
                    _("The pattern has a repeat sign (* + ? {{}}) with nothing before it.")
                )
            if last_atom == ")":
                raise ValueError(
                    _(
                        "Repeating a group, as in (AB)+, is not allowed: it can make reading "
                        "a letter hang. Repeat single characters, e.g. DB\\d{{6}}."
                    )
                )
            low, high = quantifier.group(1), quantifier.group(2)
            if low is None or (high is not None and high != low):
                open_quantifiers += 1
            position = quantifier.end()
            last_atom = "quantifier"
            continue
        atom = _ATOM.match(text, position)
        if atom is None or re.fullmatch(r"\\[1-9]", atom.group()):
            raise ValueError(
                _(
                    "The pattern cannot be used at '{part}'. Use letters, digits, \\d, [A-Z] "
                    "and counts like {{6}}.",
                    part=text[position : position + 10],
                )
            )
        last_atom = atom.group()
        position = atom.end()
    if open_quantifiers > MAX_OPEN_QUANTIFIERS:
        raise ValueError(
            _(
                "The pattern has more than {most} open repeats (*, +, ?, {{m,n}}). Give exact "
                "counts, e.g. \\d{{6}}.",
                most=MAX_OPEN_QUANTIFIERS,
            )
        )
    try:
        compiled = re.compile(text)
    except re.error as exc:
        raise ValueError(
            _("The pattern is not valid: {problem}. Example: DB\\d{{6}}.", problem=str(exc))
        ) from exc
    if compiled.fullmatch(""):
        raise ValueError(
            _("The pattern matches an empty text; it must need at least one character.")
        )
    return compiled


def candidates(line: str) -> Iterator[tuple[str, int]]:
    """Words of a line to try a pattern on (at most MAX_CANDIDATE characters), with their
    start, and each word joined to the next one when a scan split it ("DB 907713")."""
    words = [(m.group().strip(".,;:()"), m.start()) for m in re.finditer(r"\S+", line)]
    for index, (word, start) in enumerate(words):
        if 0 < len(word) <= MAX_CANDIDATE:
            yield word, start
        if index + 1 < len(words):
            joined = word + words[index + 1][0]
            if len(joined) <= MAX_CANDIDATE and word.isalpha() and len(word) <= 4:
                yield joined, start


def find_customer_numbers(lines: list[str], pattern: re.Pattern[str]) -> Iterator[tuple[str, int]]:
    """(number, line index) for every word that matches the pattern whole."""
    tried = 0
    for index, line in enumerate(lines):
        for word, _start in candidates(line):
            tried += 1
            if tried > MAX_CANDIDATES:
                return
            if pattern.fullmatch(word):
                yield word, index
