"""The Art. 6(1) points a processing's legal basis names, read from the register's words."""

from __future__ import annotations

import re
from typing import Final

# "art. 6 lid 1 sub f", "artikel 6 lid 1 onder f", "Article 6(1)(f)", "Art. 6 Abs. 1 lit. f"
_CITED: Final = re.compile(
    r"\b(?:art(?:ikel|icle)?\.?)\s*6\s*(?:\(1\)\s*\(?|lid\s*1\s*(?:sub|onder|,)?\s*|"
    r"abs\.?\s*1\s*(?:lit\.?|buchst\.?)?\s*|\.1\.?\s*)([a-f])\b",
    re.IGNORECASE,
)
# The bases by their name, in the register's languages.
_NAMED: Final = (
    ("a", re.compile(r"\b(toestemming|consent|einwilligung)\b", re.I)),
    ("b", re.compile(r"\b(overeenkomst|contract|vertrag)", re.I)),
    ("c", re.compile(r"\b(wettelijke verplichting|legal obligation|rechtlichen pflicht)", re.I)),
    ("d", re.compile(r"\b(vitaal belang|vital interest|lebenswichtig)", re.I)),
    (
        "e",
        re.compile(
            r"\b(algemeen belang|openbaar gezag|public (task|interest)|official authority|"
            r"öffentlichen interesse|öffentlicher gewalt)",
            re.I,
        ),
    ),
    ("f", re.compile(r"\b(gerechtvaardigd(e)? belang|legitimate interest|berechtigte)", re.I)),
)
OBJECTION_BASES: Final = frozenset({"e", "f"})  # Art. 21(1) applies only to these


def basis_points(text: str) -> frozenset[str]:
    """The points of Art. 6(1) named in ``text`` (cited, else by name); empty if none."""
    cited = {m.group(1).lower() for m in _CITED.finditer(text or "")}
    if cited:
        return frozenset(cited)
    return frozenset(point for point, pattern in _NAMED if pattern.search(text or ""))


def objection_can_be_refused(text: str) -> bool:
    """True when the basis is Art. 6(1)(e) or (f): only then may Art. 21(1) refuse."""
    points = basis_points(text)
    return bool(points) and points <= OBJECTION_BASES
