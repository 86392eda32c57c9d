"""Connector for a CSV or XLSX list (newsletter, export): search rows, erase or correct them."""

from __future__ import annotations

import codecs
import csv
import glob
import io
import logging
import re
import shutil
import stat
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from app.connectors.base import (
    Capability,
    ChangePlan,
    ConnectorDescription,
    Correction,
    Finding,
    Outcome,
    PlanItem,
    RecordResult,
    SettingSpec,
    Subject,
)
from app.connectors.identifier_match import IdentifierRole, display, match_row, parse_role
from app.connectors.tabular_rows import (
    LineFeed,
    Row,
    Sheet,
    fingerprint,
    parse_mapping_setting,
    row_fields,
    typed_like,
)
from app.core.atomic_file import atomic_write, leftover_parts
from app.core.errors import ConnectorError, ValidationError
from app.core.i18n import N_, Message, _, message_of
from app.core.progress import Progress
from app.reading.archive import DocumentRefused, ReadingLimits, archive_problem
from app.reading.documents import UnreadableDocument
from app.reading.workbook import decode_rows
from app.reading.worker import IsolatedReader

log = logging.getLogger(__name__)

CSV_SUFFIXES = {".csv", ".tsv", ".txt"}
XLSX_SUFFIXES = {".xlsx", ".xlsm"}
_RECORD_RE = re.compile(r"#row(\d+)@([0-9a-f]{16})$")
# A backup still holds what was erased: it is kept for a short, configurable time only.
DEFAULT_BACKUP_DAYS = 7
MAX_BACKUP_DAYS = 365
_STAMP_FORMAT = "%Y%m%dT%H%M%S"


class TabularFileConnector:
    """One CSV or XLSX file (one sheet) with one person per row."""

    KIND = "tabular_file"

    def __init__(self, name: str, settings: Mapping[str, Any], secrets: Mapping[str, str]) -> None:
        self.name = name
        path_text = str(settings.get("path") or "").strip()
        if not path_text:
            raise ValidationError({"path": _("choose the CSV or XLSX file")})
        self.path = Path(path_text).expanduser()
        suffix = self.path.suffix.lower()
        if suffix not in CSV_SUFFIXES | XLSX_SUFFIXES:
            raise ValidationError(
                {
                    "path": _(
                        "{name}: use a .csv or .xlsx file (old .xls: save as .xlsx)",
                        name=self.path.name,
                    )
                }
            )
        self.is_xlsx = suffix in XLSX_SUFFIXES
        raw = parse_mapping_setting(settings.get("identifier_columns") or {}, "identifier_columns")
        if not raw:
            raise ValidationError({"identifier_columns": _("name at least one column, e.g. email")})
        try:
            self.identifier_columns = {column: parse_role(kind) for column, kind in raw.items()}
        except ValueError as exc:
            raise ValidationError({"identifier_columns": message_of(exc)}) from None
        categories = settings.get("categories") or ()
        if isinstance(categories, str):
            categories = [c.strip() for c in categories.split(",")]
        elif isinstance(categories, Mapping):
            categories = list(categories.values())
        self.categories = tuple(dict.fromkeys(str(c) for c in categories if str(c).strip()))
        self.categories = self.categories or (N_("personal data"),)
        self.delimiter = str(settings.get("delimiter") or "")
        if len(self.delimiter) > 1 and self.delimiter != "\\t":
            raise ValidationError({"delimiter": _("one character, e.g. , or ;")})
        self.delimiter = "\t" if self.delimiter == "\\t" else self.delimiter
        self.encoding = str(settings.get("encoding") or "utf-8-sig")
        try:
            codecs.lookup(self.encoding)
        except LookupError:
            raise ValidationError(
                {"encoding": _("unknown encoding {encoding}", encoding=repr(self.encoding))}
            ) from None
        self.sheet = str(settings.get("sheet") or "").strip()
        days = str(settings.get("backup_days", "") or "").strip() or str(DEFAULT_BACKUP_DAYS)
        if not days.isdigit() or int(days) > MAX_BACKUP_DAYS:
            raise ValidationError(
                {
                    "backup_days": _(
                        "a whole number of days from 0 to {most}, e.g. 7",
                        most=MAX_BACKUP_DAYS,
                    )
                }
            )
        self.backup_days = int(days)
        self.limits = ReadingLimits.from_setting(settings.get("reading_limits"))
        # openpyxl reads and rewrites the untrusted workbook in a child process (memory limit,
        # killed on time-out or cancel), never in the app's own process.
        self.reader = IsolatedReader(self.limits)

    @classmethod
    def describe(cls) -> ConnectorDescription:
        return ConnectorDescription(
            kind=cls.KIND,
            label=N_("CSV or Excel file"),
            settings=(
                SettingSpec("path", N_("File"), kind="path", help=N_(".csv or .xlsx")),
                SettingSpec(
                    "identifier_columns",
                    N_("Identifier columns"),
                    help=N_(
                        "column=kind pairs, e.g. 'email=email, klantnr=customer_number'; "
                        "kinds: email, customer_number, user_id, phone, ip_address, name, "
                        "first_name, last_name, postcode, house_number, birth_date"
                    ),
                ),
                SettingSpec("categories", N_("Data categories"), required=False, default=""),
                SettingSpec(
                    "delimiter", N_("Delimiter (CSV)"), required=False, help=N_("empty: detect")
                ),
                SettingSpec("encoding", N_("Encoding (CSV)"), required=False, default="utf-8-sig"),
                SettingSpec(
                    "sheet", N_("Sheet (XLSX)"), required=False, help=N_("empty: first sheet")
                ),
                SettingSpec(
                    "backup_days",
                    N_("Keep backups (days)"),
                    required=False,
                    default=str(DEFAULT_BACKUP_DAYS),
                    help=N_("a backup holds the erased rows; 0 keeps no backup"),
                ),
            ),
            capabilities=frozenset({Capability.SEARCH, Capability.ERASE, Capability.RECTIFY}),
            help=N_(
                "Every change keeps a backup copy <file>.<time>.bak next to the file for the "
                "number of days set; older backups are deleted whenever the file is used."
            ),
        )

    # -- reading ----------------------------------------------------------------------------

    def _stat(self) -> tuple[int, int]:
        st = self.path.stat()
        return st.st_mtime_ns, st.st_size

    def _load(self, progress: Progress | None = None) -> Sheet:
        self.prune_backups()
        try:
            stat = self._stat()
            sheet = self._load_xlsx(stat, progress) if self.is_xlsx else self._load_csv(stat)
        except FileNotFoundError:
            raise ConnectorError(
                _("The file {path} does not exist. Check the 'path' setting.", path=self.path)
            ) from None
        except PermissionError as exc:
            raise ConnectorError(
                _(
                    "No permission to read {path}: {strerror}.",
                    path=self.path,
                    strerror=exc.strerror,
                )
            ) from exc
        missing = [c for c in self.identifier_columns if sheet.column(c) is None]
        if missing:
            raise ConnectorError(
                _(
                    "{name} has no column {items}; its columns are: {items2}. Check "
                    "'identifier_columns'.",
                    name=self.path.name,
                    items=", ".join(map(repr, missing)),
                    items2=", ".join(h for h in sheet.header if h),
                )
            )
        return sheet

    def _load_csv(self, stat: tuple[int, int]) -> Sheet:
        data = self.path.read_bytes()
        try:
            text = data.decode(self.encoding)
        except UnicodeDecodeError:
            raise ConnectorError(
                _(
                    "{name} cannot be read as {encoding}. Set the 'encoding' setting to the file's "
                    "encoding (e.g. cp1252 for older Excel exports).",
                    name=self.path.name,
                    encoding=self.encoding,
                )
            ) from None
        if "\x00" in text:
            raise ConnectorError(_("{name} is not a text (CSV) file.", name=self.path.name))
        delimiter = self.delimiter
        if not delimiter:
            try:
                delimiter = csv.Sniffer().sniff(text[:65536], delimiters=",;\t|").delimiter
            except csv.Error:
                delimiter = ","  # a single column has no delimiter to detect
        feed = LineFeed(text)
        records: list[tuple[list[str], str]] = []
        try:
            for values in csv.reader(feed, delimiter=delimiter, strict=True):
                records.append((values, "".join(feed.consumed)))
                feed.consumed.clear()
        except csv.Error as exc:
            raise ConnectorError(
                _(
                    "{name} is not a valid CSV file (record {value}): {exc}.",
                    name=self.path.name,
                    value=len(records) + 1,
                    exc=exc,
                )
            ) from exc
        if not records:
            raise ConnectorError(_("{name} is empty: it needs a header row.", name=self.path.name))
        rows = [Row(n, v, raw) for n, (v, raw) in enumerate(records[1:], start=2)]
        return Sheet(
            header=[h.strip() for h in records[0][0]],
            rows=rows,
            stat=stat,
            bom=self.encoding.lower().replace("_", "-") == "utf-8-sig"
            and data.startswith(codecs.BOM_UTF8),
            delimiter=delimiter,
            header_raw=records[0][1],
        )

    def _load_xlsx(self, stat: tuple[int, int], progress: Progress | None) -> Sheet:
        problem = archive_problem(self.path, self.limits)  # a zip bomb is never unpacked
        if problem is not None:
            raise ConnectorError(problem)
        try:
            answer = self.reader.read_sheet(self.path, sheet=self.sheet, progress=progress)
        except DocumentRefused as exc:
            raise ConnectorError(exc.message) from exc
        except UnreadableDocument as exc:
            raise ConnectorError(
                _(
                    "{name} is not a valid Excel workbook (.xlsx): {exc}.",
                    name=self.path.name,
                    exc=exc,
                )
            ) from exc
        if answer.get("missing_sheet"):
            raise ConnectorError(
                _(
                    "{name} has no sheet {sheet}; its sheets are: {items}. Check the 'sheet' "
                    "setting.",
                    name=self.path.name,
                    sheet=repr(self.sheet),
                    items=", ".join(answer["sheets"]),
                )
            )
        rows = decode_rows(answer["rows"])
        if not rows:
            raise ConnectorError(
                _(
                    "The sheet {title} in {name} is empty.",
                    title=repr(answer["title"]),
                    name=self.path.name,
                )
            )
        return Sheet(
            header=[display(h).strip() for h in rows[0]],
            rows=[Row(n, v) for n, v in enumerate(rows[1:], start=2) if any(map(display, v))],
            stat=stat,
        )

    def test_connection(self) -> str:
        sheet = self._load()
        return _(
            "Read {file}: {rows} rows, {columns} columns.",
            file=self.path.name,
            rows=len(sheet.rows),
            columns=len(sheet.header),
        )

    # -- search -----------------------------------------------------------------------------

    def _record_id(self, row: Row) -> str:
        return f"{self.path.name}#row{row.number}@{fingerprint(row.values)}"

    def search(self, subject: Subject, progress: Progress) -> list[Finding]:
        progress.report(0.0, _("Reading {name}", name=self.path.name))
        sheet = self._load(progress)
        columns = {sheet.column(c): role for c, role in self.identifier_columns.items()}
        findings: list[Finding] = []
        location = f"{self.path.name} / {self.sheet}" if self.sheet else self.path.name
        for index, row in enumerate(sheet.rows):
            if index % 500 == 0:
                progress.report(index / max(1, len(sheet.rows)), _("Searching"))
            roles: dict[IdentifierRole, list[Any]] = {}
            for col, role in columns.items():
                if col is not None and col < len(row.values):
                    roles.setdefault(role, []).append(row.values[col])
            match = match_row(roles, subject)
            if match is None:
                continue
            findings.append(
                Finding(
                    system=self.name,
                    record_id=self._record_id(row),
                    fields=row_fields(sheet.header, row.values),
                    categories=self.categories,
                    matched=match.matched,
                    strength=match.strength,
                    location=location,
                    note=match.note,
                )
            )
        progress.report(1.0, _("Search finished"))
        log.info("connector %s: search found %d rows", self.name, len(findings))
        return findings

    # -- planning ---------------------------------------------------------------------------

    def _own(self, findings: Sequence[Finding]) -> list[Finding]:
        for finding in findings:
            if finding.system != self.name:
                raise ValueError(
                    _(
                        "finding {record_id} belongs to another system",
                        record_id=repr(finding.record_id),
                    )
                )
        return list({f.record_id: f for f in findings}.values())

    def plan_erasure(self, findings: Sequence[Finding]) -> ChangePlan:
        items = [
            PlanItem(f.record_id, "delete_row", tuple(f.fields), old_values=dict(f.fields))
            for f in self._own(findings)
        ]
        return ChangePlan(self.name, "erasure", tuple(items))

    def plan_rectification(
        self, findings: Sequence[Finding], corrections: Sequence[Correction]
    ) -> ChangePlan:
        items: list[PlanItem] = []
        for finding in self._own(findings):
            by_fold = {name.casefold(): name for name in finding.fields}
            for correction in corrections:
                column = by_fold.get(correction.field_name.strip().casefold())
                if column is not None:
                    old = {column: finding.fields[column]}
                    new = {column: correction.new_value}
                    items.append(PlanItem(finding.record_id, "update", (column,), "", old, new))
        return ChangePlan(self.name, "rectification", tuple(items))

    # -- execution --------------------------------------------------------------------------

    @staticmethod
    def _locate(
        record_id: str, sheet: Sheet, taken: set[int], alt: Callable[[Row], str]
    ) -> Row | None:
        """The row a record id means: its own number if unchanged, else the nearest same row."""
        match = _RECORD_RE.search(record_id)
        if match is None:
            raise ValueError(_("{record_id} is not a row of this file", record_id=repr(record_id)))
        number, wanted = int(match[1]), match[2]
        candidates = [r for r in sheet.rows if r.number not in taken and alt(r) == wanted]
        candidates.sort(key=lambda r: abs(r.number - number))
        return candidates[0] if candidates else None

    def erase(self, plan: ChangePlan, progress: Progress) -> list[RecordResult]:
        self._check_plan(plan, "erasure")
        sheet = self._load(progress)
        taken: set[int] = set()
        results: list[tuple[PlanItem, Row | None]] = []
        for index, item in enumerate(plan.items):
            progress.report(index / max(1, len(plan.items)), _("Finding the rows"))
            row = self._locate(item.record_id, sheet, taken, lambda r: fingerprint(r.values))
            if row is not None:
                taken.add(row.number)
            results.append((item, row))
        if not taken:
            gone = _("Already gone: the row is no longer in the file.")
            return [RecordResult(i.record_id, Outcome.REMOVED, gone) for i, _row in results]
        keep = [r for r in sheet.rows if r.number not in taken]
        progress.check()  # last chance to cancel: after this the file is replaced
        try:
            backup = self._rewrite(sheet, keep, removed=sorted(taken))
        except (OSError, ConnectorError) as exc:
            error = (
                message_of(exc)
                if isinstance(exc, ConnectorError)
                else _("Cannot write: {error}", error=exc)
            )
            return [
                RecordResult(i.record_id, Outcome.FAILED if r else Outcome.REMOVED, error)
                for i, r in results
            ]
        log.info("connector %s: removed %d rows", self.name, len(taken))
        done = self._backup_note(backup)
        gone = _("Already gone: the row is no longer in the file.")
        return [RecordResult(i.record_id, Outcome.REMOVED, done if r else gone) for i, r in results]

    def rectify(self, plan: ChangePlan, progress: Progress) -> list[RecordResult]:
        self._check_plan(plan, "rectification")
        sheet = self._load(progress)
        groups: dict[str, list[PlanItem]] = {}
        for item in plan.items:
            groups.setdefault(item.record_id, []).append(item)
        results: dict[int, RecordResult] = {}
        changed: list[Row] = []
        pending: set[int] = set()
        taken: set[int] = set()
        for record_id, items in groups.items():
            progress.check()
            new = {k: v for i in items for k, v in i.new_values.items()}
            old = {k: v for i in items for k, v in i.old_values.items()}
            cols = {name: sheet.column(name) for name in new}
            missing = [name for name, col in cols.items() if col is None]
            if missing:
                error = f"{self.path.name} has no column {', '.join(missing)} any more."
                results.update(
                    {id(i): RecordResult(record_id, Outcome.FAILED, error) for i in items}
                )
                continue

            def undone(
                row: Row, cols: Mapping[str, int | None] = cols, new: Any = new, old: Any = old
            ) -> str:
                """The row's fingerprint before this correction, if the correction is in it."""
                values = list(row.values) + [None] * len(cols)
                for name, col in cols.items():
                    assert col is not None
                    if display(values[col]) != display(typed_like(values[col], new[name])):
                        return ""
                    values[col] = old.get(name, "")
                return fingerprint(values[: len(row.values)])

            row = self._locate(record_id, sheet, taken, lambda r: fingerprint(r.values))
            if row is None:
                row = self._locate(record_id, sheet, taken, undone)
                detail, outcome = _("Already up to date."), Outcome.CHANGED
                if row is None:
                    detail = _("The row changed or is gone; search again.")
                    outcome = Outcome.FAILED
                else:
                    taken.add(row.number)
                results.update({id(i): RecordResult(record_id, outcome, detail) for i in items})
                continue
            taken.add(row.number)
            for name, value in new.items():
                col = cols[name]
                assert col is not None
                row.values += [None] * (col + 1 - len(row.values))
                row.values[col] = typed_like(row.values[col], value)
            for item in items:
                summary = "; ".join(
                    f"{k}: {item.old_values.get(k, '')} -> {v}" for k, v in item.new_values.items()
                )
                results[id(item)] = RecordResult(record_id, Outcome.CHANGED, summary)
                pending.add(id(item))
            changed.append(row)
        if changed:
            progress.check()  # last chance to cancel: after this the file is replaced
            try:
                self._rewrite(sheet, sheet.rows, updated=changed)
            except (OSError, ConnectorError) as exc:
                error = (
                    message_of(exc)
                    if isinstance(exc, ConnectorError)
                    else _("Cannot write: {error}", error=exc)
                )
                for i in plan.items:
                    if id(i) in pending:
                        results[id(i)] = RecordResult(i.record_id, Outcome.FAILED, error)
        return [results[id(i)] for i in plan.items]

    def _check_plan(self, plan: ChangePlan, operation: str) -> None:
        if plan.system != self.name or plan.operation != operation:
            raise ValueError(
                _("not an {operation} plan for {name}", operation=operation, name=repr(self.name))
            )

    # -- writing ----------------------------------------------------------------------------

    def _rewrite(
        self,
        sheet: Sheet,
        rows: Sequence[Row],
        removed: Sequence[int] = (),
        updated: Sequence[Row] = (),
    ) -> Path | None:
        """Write the new content to a temp file, back up the old file, then swap atomically."""
        if self._stat() != sheet.stat:
            raise ConnectorError(
                _(
                    "{name} was changed by someone else meanwhile; nothing was written. Search "
                    "again.",
                    name=self.path.name,
                )
            )
        backup: Path | None = None
        # The file belongs to the source system: the new version keeps the old one's permissions.
        with atomic_write(self.path, mode=stat.S_IMODE(self.path.stat().st_mode)) as tmp:
            if not self.is_xlsx:
                tmp.write_bytes(self._csv_bytes(sheet, rows, {r.number for r in updated}))
            else:
                try:
                    self.reader.rewrite_sheet(
                        self.path,
                        tmp,
                        sheet=self.sheet,
                        removed=removed,
                        updated=[(row.number, row.values) for row in updated],
                    )
                except UnreadableDocument as exc:
                    raise ConnectorError(
                        _(
                            "{name} could not be rewritten: {exc}. Nothing was changed.",
                            name=self.path.name,
                            exc=exc,
                        )
                    ) from exc
            if self.backup_days > 0:
                backup = self._backup()
        return backup

    def _backup_note(self, backup: Path | None) -> Message:
        if backup is None:
            return _("Removed; no backup was kept ('Keep backups' is 0 days).")
        return _(
            "Removed; the previous file is kept as {backup} for {n} days (it still holds the old "
            "data), then deleted.",
            backup=backup.name,
            n=self.backup_days,
        )

    def backups(self) -> list[tuple[Path, datetime]]:
        """This file's backups made by Privacy Desk, with the moment each was made."""
        pattern = re.compile(rf"{re.escape(self.path.name)}\.(\d{{8}}T\d{{6}})(?:-\d+)?\.bak")
        found: list[tuple[Path, datetime]] = []
        try:
            candidates = list(self.path.parent.glob(f"{glob.escape(self.path.name)}.*.bak"))
        except OSError:
            return found
        for candidate in candidates:
            match = pattern.fullmatch(candidate.name)
            if match is not None:
                found.append((candidate, datetime.strptime(match[1], _STAMP_FORMAT)))
        return sorted(found, key=lambda item: item[1])

    def prune_backups(self, now: datetime | None = None) -> list[Path]:
        """Delete backups older than the setting allows; a failure is logged, never raised."""
        limit = (now or datetime.now()) - timedelta(days=self.backup_days)
        removed: list[Path] = []
        for backup, made in self.backups():
            if made <= limit:
                try:
                    backup.unlink()
                except OSError as exc:
                    log.warning("connector %s: cannot delete old backup: %s", self.name, exc)
                else:
                    removed.append(backup)
        if removed:
            log.info("connector %s: deleted %d old backup(s)", self.name, len(removed))
        return removed

    def forget_copies(self) -> tuple[list[Path], list[str]]:
        """Delete every backup of this file now, whatever its age, and killed writes' temp files.

        Called when a case is anonymised or deleted: a backup is a whole snapshot of the file
        and may hold the person, so it cannot wait for its expiry. Returns (removed, problems).
        """
        removed: list[Path] = []
        problems: list[str] = []
        for path in [b for b, _made in self.backups()] + self.stale_temporaries():
            try:
                path.unlink(missing_ok=True)
            except OSError as exc:
                problems.append(f"{path}: {exc.strerror or type(exc).__name__}")
            else:
                removed.append(path)
        return removed, problems

    def stale_temporaries(self, now: float | None = None) -> list[Path]:
        """Temporary files of erasures that were killed while writing this file."""
        return leftover_parts(self.path.parent, self.path.name, now=now)

    def _backup(self) -> Path:
        stamp = datetime.now().strftime(_STAMP_FORMAT)
        backup = self.path.with_name(f"{self.path.name}.{stamp}.bak")
        counter = 1
        while backup.exists():
            counter += 1
            backup = self.path.with_name(f"{self.path.name}.{stamp}-{counter}.bak")
        shutil.copy2(self.path, backup)
        return backup

    def _csv_bytes(self, sheet: Sheet, rows: Sequence[Row], updated: set[int]) -> bytes:
        """The untouched records byte for byte; only updated records are written anew."""
        parts = [sheet.header_raw]
        for row in rows:
            if row.number in updated:
                ending = re.search(r"(\r\n|\r|\n)?$", row.raw)
                buffer = io.StringIO()
                csv.writer(
                    buffer, delimiter=sheet.delimiter, lineterminator=ending[0] if ending else ""
                ).writerow([display(v) for v in row.values])
                parts.append(buffer.getvalue())
            else:
                parts.append(row.raw)
        encoding = (
            "utf-8" if self.encoding.lower().replace("_", "-") == "utf-8-sig" else self.encoding
        )
        body = "".join(parts).encode(encoding)
        return (codecs.BOM_UTF8 if sheet.bom else b"") + body
