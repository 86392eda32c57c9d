"""The register of requests as CSV or XLSX, streamed row by row so 10,000+ cases fit in memory."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Final

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from app.core.spreadsheet import csv_writer
from app.core.statistics import on_time
from app.core.status import OPEN_STATUSES
from app.data.models import Case, CaseRequestType, Requester

BATCH: Final = 1000
DATE_FORMAT: Final = "dd-mm-yyyy"
FORMATS: Final = ("csv", "xlsx")

# (key, Dutch header, English header, width in characters, is a date column)
_COLUMNS: Final = (
    ("reference", "Kenmerk", "Reference", 15, False),
    ("received", "Ontvangen", "Received", 11, True),
    ("types", "Soorten", "Types", 26, False),
    ("status", "Status", "Status", 13, False),
    ("promise", "Toezegging", "Promise", 11, True),
    ("legal_deadline", "Wettelijke termijn", "Legal deadline", 11, True),
    ("extended_deadline", "Verlengde termijn", "Extended deadline", 11, True),
    ("answered_on", "Beantwoord op", "Answered on", 11, True),
    ("days_taken", "Dagen", "Days taken", 8, False),
    ("on_time_promise", "Op tijd (toezegging)", "On time (promise)", 10, False),
    ("on_time_legal", "Op tijd (wettelijk)", "On time (legal)", 10, False),
    ("outcomes", "Uitkomst per soort", "Outcome per type", 34, False),
    ("handled_by", "Behandeld door", "Handled by", 14, False),
)
_PERSONAL_COLUMNS: Final = (
    ("name", "Naam", "Name", 26, False),
    ("postcode", "Postcode", "Postcode", 9, False),
    ("city", "Woonplaats", "City", 18, False),
)
_ON_TIME_WORDS: Final = {
    "nl": {"yes": "ja", "no": "nee", "open": "open", "n/a": "n.v.t."},
    "en": {"yes": "yes", "no": "no", "open": "open", "n/a": "n/a"},
}


@dataclass(frozen=True)
class RegisterFilter:
    """Which cases go into the register: received in [received_from, received_to]."""

    received_from: date
    received_to: date
    statuses: tuple[str, ...] = ()
    request_type: str = ""
    with_personal_data: bool = False


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    width: int
    is_date: bool


def columns(*, with_personal_data: bool, lang: str) -> list[Column]:
    """The register columns in order; name, postcode and city only on explicit request."""
    specs = list(_COLUMNS)
    if with_personal_data:
        specs[1:1] = _PERSONAL_COLUMNS  # right after the reference, where people look for it
    return [Column(k, nl if lang == "nl" else en, w, d) for k, nl, en, w, d in specs]


def _query(flt: RegisterFilter) -> Select[Any]:
    cols: list[Any] = [
        Case.id,
        Case.reference,
        Case.received_on,
        Case.status,
        Case.promise_on,
        Case.legal_due_on,
        Case.extended_due_on,
        Case.answered_on,
        Case.assigned_to,
    ]
    if flt.with_personal_data:
        cols += [
            Requester.first_name,
            Requester.initials,
            Requester.name_prefix,
            Requester.last_name,
            Requester.postcode,
            Requester.city,
        ]
    query = select(*cols).where(
        Case.received_on >= flt.received_from, Case.received_on <= flt.received_to
    )
    if flt.with_personal_data:
        query = query.join(Requester, Requester.id == Case.requester_id)
    if flt.statuses:
        query = query.where(Case.status.in_(flt.statuses))
    if flt.request_type:
        query = query.where(Case.type_codes.like(f"%,{flt.request_type},%"))
    return query.order_by(Case.received_on, Case.year, Case.seq)


def count_rows(session: Session, flt: RegisterFilter) -> int:
    query = _query(flt).order_by(None).with_only_columns(func.count(Case.id))
    return int(session.scalar(query) or 0)


def _types_of(session: Session, case_ids: Sequence[int]) -> dict[int, list[tuple[str, str]]]:
    found: dict[int, list[tuple[str, str]]] = defaultdict(list)
    rows = session.execute(
        select(
            CaseRequestType.case_id,
            CaseRequestType.code,
            CaseRequestType.outcome,
            CaseRequestType.refusal_ground,
        )
        .where(CaseRequestType.case_id.in_(case_ids))
        .order_by(CaseRequestType.case_id, CaseRequestType.id)
    )
    for case_id, code, outcome, ground in rows:  # a refusal carries its ground, as a code
        found[case_id].append((code, f"{outcome} ({ground})" if ground else outcome))
    return found


def iter_rows(
    session: Session, flt: RegisterFilter, *, today: date, lang: str = "en"
) -> Iterator[dict[str, Any]]:
    """One dict per case (keys as in ``columns``); dates stay ``date`` objects."""
    words = _ON_TIME_WORDS["nl" if lang == "nl" else "en"]
    open_codes = {s.value for s in OPEN_STATUSES}
    result = session.execute(_query(flt).execution_options(yield_per=BATCH))
    for partition in result.partitions():
        types = _types_of(session, [row.id for row in partition])
        for row in partition:
            case_types = types.get(row.id, [])
            is_open = row.status in open_codes
            effective = row.extended_due_on or row.legal_due_on
            out: dict[str, Any] = {
                "reference": row.reference,
                "received": row.received_on,
                "types": ", ".join(code for code, _ in case_types),
                "status": row.status,
                "promise": row.promise_on,
                "legal_deadline": row.legal_due_on,
                "extended_deadline": row.extended_due_on,
                "answered_on": row.answered_on,
                "days_taken": None
                if row.answered_on is None
                else (row.answered_on - row.received_on).days,
                "on_time_promise": words[
                    on_time(row.answered_on, row.promise_on, is_open=is_open, today=today)
                ],
                "on_time_legal": words[
                    on_time(row.answered_on, effective, is_open=is_open, today=today)
                ],
                "outcomes": "; ".join(f"{code}: {outcome or '-'}" for code, outcome in case_types),
                "handled_by": row.assigned_to,
            }
            if flt.with_personal_data:
                parts = (row.first_name or row.initials, row.name_prefix, row.last_name)
                out["name"] = " ".join(p for p in parts if p)
                out["postcode"] = row.postcode
                out["city"] = row.city
            yield out


Tick = Callable[[int], None]


def write_csv(
    rows: Iterator[dict[str, Any]],
    cols: Sequence[Column],
    path: Path,
    *,
    tick: Tick | None = None,
    delimiter: str = ",",
) -> int:
    """Write UTF-8 CSV with a BOM (Excel then reads accents right); ISO dates. Returns rows."""
    count = 0
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv_writer(handle, delimiter=delimiter)  # quoted, formulas neutralised
        writer.writerow([c.header for c in cols])
        for row in rows:
            writer.writerow([row[c.key] for c in cols])
            count += 1
            if tick is not None and count % BATCH == 0:
                tick(count)
    return count


def text_cell(sheet: Any, value: str) -> WriteOnlyCell:
    """A cell that holds ``value`` as text, exactly: never a formula, whatever it starts with."""
    cell = WriteOnlyCell(sheet, value=value)
    cell.data_type = "s"  # openpyxl makes "=..." a formula; a name is never one
    return cell


def write_xlsx(
    rows: Iterator[dict[str, Any]],
    cols: Sequence[Column],
    path: Path,
    *,
    sheet_title: str,
    tick: Tick | None = None,
) -> int:
    """Write a streamed (write-only) workbook: typed date cells, frozen bold header, autofilter."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=sheet_title[:31])
    # Sheet properties are written with the first row, so they are set before any append.
    sheet.freeze_panes = "A2"
    for index, column in enumerate(cols, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    header_font = Font(bold=True)
    header_fill = PatternFill("solid", fgColor="EEF2F7")
    header_align = Alignment(vertical="top", wrap_text=True)
    header = []
    for column in cols:
        cell = WriteOnlyCell(sheet, value=column.header)
        cell.font = header_font
        cell.fill = header_fill
        cell.alignment = header_align
        header.append(cell)
    sheet.append(header)
    date_keys = {c.key for c in cols if c.is_date}
    count = 0
    for row in rows:
        values: list[Any] = []
        for column in cols:
            value = row[column.key]
            if column.key in date_keys and value is not None:
                cell = WriteOnlyCell(sheet, value=value)
                cell.number_format = DATE_FORMAT
                values.append(cell)
            elif isinstance(value, str):
                values.append(text_cell(sheet, value))
            else:
                values.append(value)
        sheet.append(values)
        count += 1
        if tick is not None and count % BATCH == 0:
            tick(count)
    last = get_column_letter(len(cols))
    sheet.auto_filter.ref = f"A1:{last}{count + 1}"
    workbook.save(path)
    return count
