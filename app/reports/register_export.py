"""The register of requests as CSV or XLSX, streamed row by row so 10,000+ cases fit in memory."""

from __future__ import annotations

import contextlib
import io
import shutil
import tempfile
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Final

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from app.core.deadlines import PausedDates
from app.core.i18n import C_, LANGUAGES, Labels
from app.core.spreadsheet import csv_writer, sheet_text
from app.core.statistics import on_time
from app.core.status import OPEN_STATUSES
from app.core.validation import full_name
from app.data.models import Case, CaseRequestType, Requester
from app.reports.dossier_text import word

BATCH: Final = 1000
DATE_FORMAT: Final = "dd-mm-yyyy"
FORMATS: Final = ("csv", "xlsx")

# (key, header, width in characters, is a date column); headers in the export's language
_COLUMNS: Final = (
    ("reference", C_("register column", "Reference"), 15, False),
    ("received", C_("register column", "Received"), 11, True),
    ("types", C_("register column", "Types"), 26, False),
    ("status", C_("register column", "Status"), 13, False),
    ("promise", C_("register column", "Promise"), 11, True),
    ("legal_deadline", C_("register column", "Legal deadline"), 11, True),
    ("extended_deadline", C_("register column", "Extended deadline"), 11, True),
    ("answered_on", C_("register column", "Answered on"), 11, True),
    ("days_taken", C_("register column", "Days taken"), 8, False),
    ("on_time_promise", C_("register column", "On time (promise)"), 10, False),
    ("on_time_legal", C_("register column", "On time (legal)"), 10, False),
    ("outcomes", C_("register column", "Outcome per type"), 34, False),
    ("handled_by", C_("register column", "Handled by"), 14, False),
    # A paused case: since when and how long so far; its deadlines above are then the dates
    # as they would be if the clock resumed on the day of the export.
    ("paused_since", C_("register column", "Paused since"), 11, True),
    ("paused_days", C_("register column", "Days paused"), 8, False),
)
PausedDatesOf = Callable[[Sequence[int]], Mapping[int, PausedDates]]
_PERSONAL_COLUMNS: Final = (
    ("name", C_("register column", "Name"), 26, False),
    ("postcode", C_("register column", "Postcode"), 9, False),
    ("city", C_("register column", "City"), 18, False),
)
_ON_TIME_WORDS: Final = Labels(
    {
        "yes": C_("on time", "yes"),
        "no": C_("on time", "no"),
        "open": C_("on time", "open"),
        "n/a": C_("on time", "n/a"),
    }
)


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
    return [Column(k, header.render(lang), w, d) for k, header, w, d in specs]


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


_Types = dict[int, list[tuple[str, tuple[str, str]]]]


def _types_of(session: Session, case_ids: Sequence[int]) -> _Types:
    found: _Types = defaultdict(list)
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
        found[case_id].append((code, (outcome or "", ground or "")))
    return found


def _outcome(code: str, decided: tuple[str, str], lang: str, codes: bool) -> str:
    """ "erasure: partly_refused (kept_under_art_17_3)" / "verwijdering: gedeeltelijk ..." """
    outcome, ground = decided
    if codes:
        text = f"{outcome} ({ground})" if ground else outcome
        return f"{code}: {text or '-'}"
    text = word("outcome", outcome, lang) if outcome else "-"
    if ground:
        text = f"{text} ({word('refusal_ground', ground, lang)})"
    return f"{word('type', code, lang)}: {text}"


def iter_rows(
    session: Session,
    flt: RegisterFilter,
    *,
    today: date,
    lang: str = "en",
    paused_dates_of: PausedDatesOf | None = None,
) -> Iterator[dict[str, Any]]:
    """One dict per case (keys as in ``columns``); dates stay ``date`` objects.

    ``paused_dates_of`` gives the dates of the paused cases among a batch of case ids (the
    services know the calendar settings); without it a paused case has no deadlines.
    """
    words = _ON_TIME_WORDS[lang if lang in LANGUAGES else "en"]
    # English keeps the stored codes (closed, granted), which scripts may compare; any other
    # language gets the words from its catalogue (afgesloten, toegewezen).
    codes = lang == "en"
    open_codes = {s.value for s in OPEN_STATUSES}
    result = session.execute(_query(flt).execution_options(yield_per=BATCH))
    for partition in result.partitions():
        types = _types_of(session, [row.id for row in partition])
        no_dates = [row.id for row in partition if row.legal_due_on is None]
        paused = paused_dates_of(no_dates) if paused_dates_of and no_dates else {}
        for row in partition:
            case_types = types.get(row.id, [])
            is_open = row.status in open_codes
            pause = paused.get(row.id)
            promise, legal, extended = row.promise_on, row.legal_due_on, row.extended_due_on
            if pause is not None:
                r = pause.resumed
                promise, legal, extended = r.promise, r.legal, r.extended
            effective = extended or legal
            out: dict[str, Any] = {
                "reference": row.reference,
                "received": row.received_on,
                "types": ", ".join(
                    code if codes else word("type", code, lang) for code, _ in case_types
                ),
                "status": row.status if codes else word("status", row.status, lang),
                "promise": promise,
                "legal_deadline": legal,
                "extended_deadline": extended,
                "answered_on": row.answered_on,
                "days_taken": None
                if row.answered_on is None
                else (row.answered_on - row.received_on).days,
                "on_time_promise": words[
                    on_time(row.answered_on, promise, is_open=is_open, today=today)
                ],
                "on_time_legal": words[
                    on_time(row.answered_on, effective, is_open=is_open, today=today)
                ],
                "outcomes": "; ".join(
                    _outcome(code, outcome, lang, codes) for code, outcome in case_types
                ),
                "handled_by": row.assigned_to,
                "paused_since": None if pause is None else pause.since,
                "paused_days": None if pause is None else pause.days_so_far,
            }
            if flt.with_personal_data:
                out["name"] = full_name(
                    row.first_name, row.initials, row.name_prefix, row.last_name
                )
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


def write_xlsx(
    rows: Iterator[dict[str, Any]],
    cols: Sequence[Column],
    path: Path,
    *,
    sheet_title: str,
    tick: Tick | None = None,
) -> int:
    """Write a streamed workbook: typed date cells, frozen bold header, autofilter.

    XlsxWriter in constant-memory mode writes each row to disk as it comes (memory stays flat
    for any number of cases). Every text goes through ``write_string``: a name such as
    ``=HYPERLINK(...)`` or ``+31 6 ...`` is a text cell holding exactly that value, never a
    formula and never with a visible prefix (``write`` would guess the type from the text).
    """
    import xlsxwriter  # only an export needs it (start-up and the CLI parser stay light)

    # The rows spill into temporary files in a private folder beside the target (same disk),
    # removed whatever happens; the finished zip is built in memory and written here, so a full
    # disk is one clear OSError and leaves nothing behind.
    from xlsxwriter.exceptions import FileCreateError

    spill = Path(tempfile.mkdtemp(prefix=".xlsx-", dir=path.parent))
    try:
        buffer = io.BytesIO()
        options = {"constant_memory": True, "strings_to_formulas": False, "tmpdir": str(spill)}
        workbook = xlsxwriter.Workbook(buffer, options)
        try:
            count = _fill_sheet(workbook, rows, cols, sheet_title=sheet_title, tick=tick)
        except BaseException:
            with contextlib.suppress(Exception):
                workbook.close()  # the first error is the one to tell
            raise
        try:
            workbook.close()
        except FileCreateError as exc:  # its spill files hit a full or read-only disk
            cause = exc.args[0] if exc.args else None
            if isinstance(cause, OSError):
                raise cause from None
            raise
    finally:
        shutil.rmtree(spill, ignore_errors=True)
    with path.open("wb") as handle:
        handle.write(buffer.getbuffer())
    return count


def _fill_sheet(
    workbook: Any,
    rows: Iterator[dict[str, Any]],
    cols: Sequence[Column],
    *,
    sheet_title: str,
    tick: Tick | None,
) -> int:
    sheet = workbook.add_worksheet(sheet_title[:31])
    header_format = workbook.add_format(
        {"bold": True, "bg_color": "#EEF2F7", "valign": "top", "text_wrap": True}
    )
    date_format = workbook.add_format({"num_format": DATE_FORMAT})
    for index, column in enumerate(cols):
        sheet.set_column(index, index, column.width)
    sheet.freeze_panes(1, 0)
    for index, column in enumerate(cols):
        sheet.write_string(0, index, sheet_text(column.header), header_format)
    kinds = [(i, c.key, c.is_date) for i, c in enumerate(cols)]
    write_string, write_number = sheet.write_string, sheet.write_number
    write_datetime, write_boolean = sheet.write_datetime, sheet.write_boolean
    count = 0
    for row in rows:
        count += 1
        for index, key, is_date in kinds:
            value = row[key]
            if value is None:
                continue
            if is_date:
                write_datetime(count, index, value, date_format)
            elif isinstance(value, str):
                if value:
                    write_string(count, index, sheet_text(value))
            elif isinstance(value, bool):
                write_boolean(count, index, value)
            elif isinstance(value, int | float):
                write_number(count, index, value)
            else:
                write_string(count, index, sheet_text(str(value)))
        if tick is not None and count % BATCH == 0:
            tick(count)
    sheet.autofilter(0, 0, count, len(cols) - 1)
    return count
