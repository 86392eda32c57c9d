"""The cells of one XLSX sheet as JSON-safe values, for the reading child and its parent.

The child (:mod:`app.reading.worker`) parses the untrusted workbook with openpyxl and sends the
sheet back as JSON; the cell types a spreadsheet has beyond JSON's (dates, times, durations)
travel tagged, so the parent gets back the very values openpyxl gave the child.
"""

from __future__ import annotations

import zipfile
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

_TAG = "$cell"


def encode_cell(value: Any) -> Any:
    """A cell value as JSON: str, int, float, bool and None as they are, the rest tagged."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, datetime):
        return {_TAG: "datetime", "v": value.isoformat()}
    if isinstance(value, date):
        return {_TAG: "date", "v": value.isoformat()}
    if isinstance(value, time):
        return {_TAG: "time", "v": value.isoformat()}
    if isinstance(value, timedelta):
        return {_TAG: "timedelta", "v": [value.days, value.seconds, value.microseconds]}
    return str(value)


def decode_cell(value: Any) -> Any:
    if not isinstance(value, dict):
        return value
    kind, raw = value.get(_TAG), value["v"]
    if kind == "datetime":
        return datetime.fromisoformat(str(raw))
    if kind == "date":
        return date.fromisoformat(str(raw))
    if kind == "time":
        return time.fromisoformat(str(raw))
    if kind == "timedelta":
        days, seconds, micro = (int(x) for x in raw)
        return timedelta(days=days, seconds=seconds, microseconds=micro)
    raise TypeError(kind)  # not an answer of this version's child


def decode_rows(rows: Sequence[Sequence[Any]]) -> list[list[Any]]:
    return [[decode_cell(v) for v in row] for row in rows]


def sheet_answer(path: Path, sheet: str) -> dict[str, Any]:
    """The child's answer for one workbook: every sheet name, the chosen sheet's title and rows.

    ``{"error": "unreadable", "detail": ...}`` for a file that is not a workbook; a missing
    sheet is answered with ``"missing_sheet": true`` and the sheet names.
    """
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = openpyxl.load_workbook(path, keep_vba=path.suffix.lower() == ".xlsm")
    except (InvalidFileException, zipfile.BadZipFile, KeyError) as exc:
        return {"error": "unreadable", "detail": str(exc)}
    names = list(workbook.sheetnames)
    if sheet and sheet not in names:
        return {"sheets": names, "missing_sheet": True}
    ws = workbook[sheet] if sheet else workbook.worksheets[0]
    rows = [[encode_cell(v) for v in r] for r in ws.iter_rows(min_row=1, values_only=True)]
    return {"sheets": names, "title": ws.title, "rows": rows}


def rewrite_answer(path: Path, sheet: str, change: dict[str, Any]) -> dict[str, Any]:
    """Apply an erasure or correction to the workbook in the child and save it as
    ``change["target"]``: ``change["updated"]`` is a list of [row number, encoded values],
    ``change["removed"]`` the row numbers to delete. Macros of an .xlsm are kept."""
    import openpyxl

    workbook = openpyxl.load_workbook(path, keep_vba=path.suffix.lower() == ".xlsm")
    ws = workbook[sheet] if sheet else workbook.worksheets[0]
    for number, values in change.get("updated", []):
        for col, value in enumerate(values, start=1):
            ws.cell(row=int(number), column=col).value = decode_cell(value)
    for number in sorted((int(n) for n in change.get("removed", [])), reverse=True):
        ws.delete_rows(number)
    workbook.save(str(change["target"]))
    return {"saved": True}
