"""Rows of a CSV or XLSX file as the tabular connector reads them, and cell value helpers."""

from __future__ import annotations

import hashlib
import io
import json
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from app.connectors.identifier_match import display
from app.core.errors import ValidationError
from app.core.i18n import _


def fingerprint(values: Sequence[Any]) -> str:
    """Short content hash of a row: finds the planned row again even after rows moved."""
    text = json.dumps([display(v) for v in values], ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@dataclass
class Row:
    number: int  # spreadsheet row number; the header is row 1
    values: list[Any]
    raw: str = ""  # CSV only: the record's exact text, line ending included


@dataclass
class Sheet:
    header: list[str]
    rows: list[Row]
    stat: tuple[int, int]  # (mtime_ns, size) when read: refuse to overwrite a file changed since
    bom: bool = False
    delimiter: str = ","
    header_raw: str = ""

    def column(self, name: str) -> int | None:
        wanted = name.strip().casefold()
        return next((i for i, h in enumerate(self.header) if h.strip().casefold() == wanted), None)


class LineFeed:
    """Feeds csv.reader line by line and remembers the text each record consumed."""

    def __init__(self, text: str) -> None:
        self._lines = io.StringIO(text, newline="")
        self.consumed: list[str] = []

    def __iter__(self) -> Iterator[str]:
        return self

    def __next__(self) -> str:
        line = self._lines.readline()
        if not line:
            raise StopIteration
        self.consumed.append(line)
        return line


def parse_mapping_setting(value: Any, setting: str) -> dict[str, str]:
    """A mapping given as a dict or as text 'column=value, column=value'."""
    if isinstance(value, Mapping):
        return {str(k).strip(): str(v).strip() for k, v in value.items()}
    if isinstance(value, str):
        result: dict[str, str] = {}
        for part in filter(None, (p.strip() for p in re.split(r"[,;\n]", value))):
            column, sep, kind = part.partition("=")
            if not sep:
                raise ValidationError(
                    {setting: _("write 'column=kind', not {part}", part=repr(part))}
                )
            result[column.strip()] = kind.strip()
        return result
    raise ValidationError({setting: _("give a list of 'column=kind' pairs")})


def row_fields(header: Sequence[str], values: Sequence[Any]) -> dict[str, str]:
    """Column name -> display value; short rows count as empty cells."""
    return {h: display(values[i]) if i < len(values) else "" for i, h in enumerate(header) if h}


def typed_like(old: Any, text: str) -> Any:
    """Keep a spreadsheet cell's type when the new text allows it (CSV cells stay text)."""
    if isinstance(old, bool) or old is None or isinstance(old, str):
        return text
    try:
        if isinstance(old, int):
            return int(text)
        if isinstance(old, float):
            return float(text)
        if isinstance(old, datetime):
            return datetime.fromisoformat(text)
        if isinstance(old, date):
            return date.fromisoformat(text)
    except ValueError:
        return text
    return text
