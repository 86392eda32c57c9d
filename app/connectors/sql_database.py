"""Connector for any SQL database SQLAlchemy can reach, driven by a TOML mapping file."""

from __future__ import annotations

import logging
import math
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine, RowMapping
from sqlalchemy.exc import ArgumentError, NoSuchTableError, SQLAlchemyError

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
from app.connectors.identifier_match import (
    IdentifierRole,
    RowMatch,
    display,
    match_row,
    normalise_postcode,
    phone_digits,
    stronger,
)
from app.connectors.sql_mapping import (
    ColumnErasure,
    SqlMapping,
    TableErasure,
    TableMapping,
    load_mapping,
)
from app.connectors.sql_values import coerce, first_line, python_type
from app.core.errors import Cancelled, ConnectorError, ValidationError
from app.core.i18n import N_, Message, _, join, message_of
from app.core.progress import Progress

log = logging.getLogger(__name__)

DEFAULT_TIMEOUT_S = 15.0
_IN_CHUNK = 500  # bound parameters per IN list: far below every driver's limit
_PHONE_SEPARATORS = " -().+/"
_CHANGED_MESSAGE = _(
    "The record changed after the plan was made; search again and make a new plan."
)

Tables = dict[str, sa.Table]
_Hits = dict[str, tuple[RowMapping, RowMatch]]


class SqlDatabaseConnector:
    """Searches, erases and rectifies personal data in the tables a mapping file declares."""

    KIND = "sql"

    def __init__(self, name: str, settings: Mapping[str, Any], secrets: Mapping[str, str]) -> None:
        self.name = name
        errors: dict[str, str] = {}
        raw_url = str(settings.get("url") or "").strip()
        mapping_file = str(settings.get("mapping_file") or "").strip()
        if not raw_url:
            errors["url"] = _("enter the database URL, e.g. postgresql+psycopg://user@host/db")
        if not mapping_file:
            errors["mapping_file"] = _("choose the TOML mapping file")
        if errors:
            raise ValidationError(errors)
        try:
            url = sa.make_url(raw_url)
        except ArgumentError:
            raise ValidationError(
                {"url": _("not a database URL; use e.g. postgresql+psycopg://user@host:5432/db")}
            ) from None
        password = secrets.get("password")
        self._url = url.set(password=password) if password else url
        self._mapping_path = Path(mapping_file).expanduser()
        self._mapping: SqlMapping | None = None

    @classmethod
    def describe(cls) -> ConnectorDescription:
        return ConnectorDescription(
            kind=cls.KIND,
            label=N_("SQL database"),
            settings=(
                SettingSpec(
                    "url",
                    N_("Database URL"),
                    kind="url",
                    help=N_(
                        "SQLAlchemy URL without the password, e.g. "
                        "postgresql+psycopg://privacy@db.example.nl:5432/portal, "
                        "mysql+pymysql://privacy@db:3306/portal or sqlite:///C:/data/portal.db"
                    ),
                ),
                SettingSpec(
                    "mapping_file",
                    N_("Mapping file"),
                    kind="path",
                    help=N_("TOML file that lists the tables and columns with personal data"),
                ),
                SettingSpec("password", N_("Password"), kind="secret", required=False),
            ),
            capabilities=frozenset({Capability.SEARCH, Capability.ERASE, Capability.RECTIFY}),
            help=N_(
                "Finds a person through the identifiers and joins declared in the mapping file."
            ),
        )

    @property
    def mapping(self) -> SqlMapping:
        if self._mapping is None:
            self._mapping = load_mapping(self._mapping_path)
        return self._mapping

    # -- connection -------------------------------------------------------------------------

    def needed_secrets(self) -> tuple[str, ...]:
        """A password is needed for a server login without one (never for SQLite)."""
        url = self._url
        if url.get_backend_name() == "sqlite" or not url.username or url.password:
            return ()
        return ("password",)

    def _safe_url(self) -> str:
        return self._url.render_as_string(hide_password=True)

    def _connect_args(self, timeout: float) -> dict[str, Any]:
        driver = self._url.get_driver_name()
        whole = max(1, math.ceil(timeout))
        if self._url.get_backend_name() == "sqlite":
            return {"timeout": timeout}  # waiting for a lock held by another writer
        if driver in {"psycopg", "psycopg2"}:
            return {"connect_timeout": whole, "options": f"-c statement_timeout={whole * 1000}"}
        if driver in {"pymysql", "mysqldb"}:
            return {"connect_timeout": whole, "read_timeout": whole, "write_timeout": whole}
        if driver == "pyodbc":
            return {"timeout": whole}
        return {}

    def _engine(self, progress: Progress) -> Engine:
        url = self._url
        if url.get_backend_name() == "sqlite":
            database = url.database or ""
            # SQLite would silently create an empty database for a mistyped path.
            if database and database != ":memory:" and not database.startswith("file:"):
                if not Path(database).is_file():
                    raise ConnectorError(
                        _(
                            "The SQLite database file {database} does not exist. Check the 'url' "
                            "setting.",
                            database=database,
                        )
                    )
        remaining = progress.remaining()
        timeout = DEFAULT_TIMEOUT_S if remaining is None else max(remaining, 0.5)
        try:
            engine = sa.create_engine(
                url, connect_args=self._connect_args(timeout), hide_parameters=True
            )
        except (ArgumentError, ImportError) as exc:
            raise ConnectorError(
                _(
                    "Cannot use the database URL {safe_url}: {first_line}.",
                    safe_url=self._safe_url(),
                    first_line=first_line(exc),
                )
            ) from exc
        if url.get_backend_name() == "sqlite":
            # Enforce the database's own foreign keys, as the real application does.
            sa.event.listen(
                engine, "connect", lambda dbapi, _rec: dbapi.execute("PRAGMA foreign_keys=ON")
            )
        return engine

    def _reflect(self, conn: Connection) -> Tables:
        """Load every mapped table; ConnectorError lists every table/column the database lacks."""
        problems: list[Message] = []
        tables: Tables = {}
        for tm in self.mapping.tables:
            try:
                table = sa.Table(tm.name, sa.MetaData(), schema=tm.schema, autoload_with=conn)
            except NoSuchTableError:
                if tm.schema:
                    problems.append(
                        _(
                            "table {table} does not exist in schema {schema}",
                            table=repr(tm.name),
                            schema=repr(tm.schema),
                        )
                    )
                else:
                    problems.append(_("table {table} does not exist", table=repr(tm.name)))
                continue
            tables[tm.key] = table
            wanted = {*tm.primary_key, *(c.column for c in tm.columns)}
            if tm.join is not None:
                wanted.add(tm.join.column)
            for column in sorted(wanted - set(table.c.keys())):
                problems.append(
                    _(
                        "table {table} has no column {column} (it has: {columns})",
                        table=repr(tm.key),
                        column=repr(column),
                        columns=", ".join(table.c.keys()),
                    )
                )
        for tm in self.mapping.tables:
            if tm.join and tm.join.parent in tables:
                if tm.join.parent_column not in tables[tm.join.parent].c:
                    problems.append(
                        _(
                            "table {table} has no column {column}",
                            table=repr(tm.join.parent),
                            column=repr(tm.join.parent_column),
                        )
                    )
        if problems:
            head = _(
                "The database {url} does not match the mapping file {file}:",
                url=self._safe_url(),
                file=self._mapping_path.name,
            )
            raise ConnectorError(join([head, *problems], "\n- "))
        return tables

    @contextmanager
    def _connected(self, progress: Progress) -> Iterator[tuple[Engine, Tables]]:
        mapping = self.mapping  # a bad mapping file is reported before any connection attempt
        engine = self._engine(progress)
        try:
            try:
                with engine.connect() as conn:
                    tables = self._reflect(conn)
            except SQLAlchemyError as exc:
                raise ConnectorError(
                    _(
                        "Cannot connect to {safe_url}: {first_line}. Check that the server is "
                        "running and that host, port, database name, user and password are right.",
                        safe_url=self._safe_url(),
                        first_line=first_line(exc),
                    )
                ) from exc
            log.debug("connector %s: %d tables reflected", self.name, len(mapping.tables))
            yield engine, tables
        finally:
            engine.dispose()

    def test_connection(self) -> str:
        progress = Progress(timeout_s=DEFAULT_TIMEOUT_S)
        with self._connected(progress) as (engine, tables):
            problems: list[Message] = []
            for tm in self.mapping.tables:
                table = tables[tm.key]
                for cm in tm.columns:
                    column = table.c[cm.column]
                    if cm.erasure is ColumnErasure.SET_NULL and not column.nullable:
                        problems.append(
                            _(
                                "{column} cannot be emptied (NOT NULL): use erasure = 'mask' with "
                                "a fixed value",
                                column=".".join((tm.key, cm.column)),
                            )
                        )
                    if cm.erasure is ColumnErasure.MASK and isinstance(cm.mask, str):
                        try:
                            coerce(column, cm.mask)
                        except ValueError as exc:
                            problems.append(
                                _(
                                    "{column}: the mask value {problem}",
                                    column=".".join((tm.key, cm.column)),
                                    problem=exc,
                                )
                            )
            if problems:
                head = _(
                    "The mapping file {file} does not fit the database:",
                    file=self._mapping_path.name,
                )
                raise ConnectorError(join([head, *problems], "\n- "))
            version = ".".join(str(p) for p in engine.dialect.server_version_info or ())
            server = f"{engine.dialect.name} {version}".strip()
            columns = sum(len(tm.columns) for tm in self.mapping.tables)
            return _(
                "Connected to {server}: {tables} tables and {columns} columns mapped, all present.",
                server=server,
                tables=len(tables),
                columns=columns,
            )

    # -- search -----------------------------------------------------------------------------

    def _conditions(
        self, tm: TableMapping, table: sa.Table, subject: Subject
    ) -> list[sa.ColumnElement[bool]]:
        """A loose SQL pre-filter with bound parameters only; match_row decides afterwards."""

        def cols(role: IdentifierRole) -> list[sa.ColumnElement[Any]]:
            return [table.c[name] for name in tm.identifiers.get(role, ())]

        def as_text(col: sa.ColumnElement[Any]) -> sa.ColumnElement[Any]:
            return col if python_type(col) is str else sa.cast(col, sa.String)

        def lowered(value: str) -> sa.ColumnElement[Any]:
            return sa.func.lower(sa.literal(value.strip(), sa.String))

        conds: list[sa.ColumnElement[bool]] = []
        for col in cols(IdentifierRole.EMAIL):
            conds += [sa.func.lower(sa.func.trim(col)) == lowered(e) for e in subject.emails]
        for role, values in (
            (IdentifierRole.CUSTOMER_NUMBER, subject.customer_numbers),
            (IdentifierRole.USER_ID, subject.user_ids),
            (IdentifierRole.IP_ADDRESS, subject.ip_addresses),
        ):
            for col in cols(role):
                for value in (v.strip() for v in values if v.strip()):
                    if python_type(col) is int:
                        if value.isdigit():
                            conds.append(col == int(value))
                    else:
                        conds.append(as_text(col) == sa.literal(value, sa.String))
        for col in cols(IdentifierRole.PHONE):
            for phone in subject.phones:
                digits = phone_digits(phone)
                if len(digits) >= 6:
                    expr = as_text(col)
                    for sep in _PHONE_SEPARATORS:
                        expr = sa.func.replace(expr, sep, "")
                    conds.append(expr.like(sa.literal("%" + digits[-9:], sa.String)))
        if subject.postcode and subject.house_number:
            for col in cols(IdentifierRole.POSTCODE):
                pc = normalise_postcode(subject.postcode)
                conds.append(sa.func.upper(sa.func.replace(col, " ", "")) == sa.literal(pc))
        if subject.first_name and subject.last_name:
            for col in cols(IdentifierRole.FULL_NAME):
                conds.append(sa.func.lower(sa.func.trim(col)) == lowered(subject.full_name))
            for first, last in zip(
                cols(IdentifierRole.FIRST_NAME), cols(IdentifierRole.LAST_NAME), strict=False
            ):
                conds.append(
                    sa.and_(
                        sa.func.lower(sa.func.trim(last)) == lowered(subject.last_name),
                        sa.func.lower(sa.func.trim(first)) == lowered(subject.first_name),
                    )
                )
        return conds

    def _search_table(
        self,
        conn: Connection,
        tm: TableMapping,
        tables: Tables,
        subject: Subject,
        found: dict[str, _Hits],
        progress: Progress,
    ) -> _Hits:
        table = tables[tm.key]
        hits: _Hits = {}
        conditions = self._conditions(tm, table, subject)
        if conditions:
            for row in conn.execute(sa.select(table).where(sa.or_(*conditions))).mappings():
                progress.check()
                roles = {role: [row[c] for c in names] for role, names in tm.identifiers.items()}
                match = match_row(roles, subject)
                if match is not None:
                    hits[tm.key_text(row)] = (row, match)
        if tm.join is not None:
            # A child row is the subject's only through its own parent row's match.
            parent_table = self.mapping.table(tm.join.parent)
            by_value: dict[str, tuple[Any, RowMatch, str]] = {}
            for parent_pk, (parent_row, parent_match) in found[tm.join.parent].items():
                value = parent_row[tm.join.parent_column]
                if value is not None:
                    parent_id = f"{parent_table.key}:{parent_pk}"
                    by_value[display(value)] = (value, parent_match, parent_id)
            raw = [v[0] for v in by_value.values()]
            join_col = table.c[tm.join.column]
            for start in range(0, len(raw), _IN_CHUNK):
                stmt = sa.select(table).where(join_col.in_(raw[start : start + _IN_CHUNK]))
                for row in conn.execute(stmt).mappings():
                    progress.check()
                    _value, parent_match, parent_id = by_value[display(row[tm.join.column])]
                    note = join([_("Belongs to {record}.", record=parent_id), parent_match.note])
                    inherited = RowMatch(parent_match.strength, parent_match.matched, note)
                    key = tm.key_text(row)
                    hits[key] = (
                        row,
                        stronger(hits[key][1], inherited) if key in hits else inherited,
                    )
        return hits

    def _finding(self, tm: TableMapping, row: RowMapping, match: RowMatch) -> Finding:
        notes = [match.note]
        if tm.erasure is TableErasure.KEEP and tm.retention is not None:
            notes.append(_("Kept on erasure: {retention}.", retention=tm.retention.describe()))
        return Finding(
            system=self.name,
            record_id=f"{tm.key}:{tm.key_text(row)}",
            fields={c.field: display(row[c.column]) for c in tm.columns},
            categories=tm.categories,
            matched=match.matched,
            strength=match.strength,
            location=tm.label,
            note=join(notes),
            field_categories={c.field: c.category for c in tm.columns if c.category},
        )

    def search(self, subject: Subject, progress: Progress) -> list[Finding]:
        findings: list[Finding] = []
        with self._connected(progress) as (engine, tables), engine.connect() as conn:
            found: dict[str, _Hits] = {}
            count = len(self.mapping.tables)
            for index, tm in enumerate(self.mapping.tables):
                progress.report(index / count, _("Searching {label}", label=tm.label))
                found[tm.key] = self._search_table(conn, tm, tables, subject, found, progress)
                findings += [self._finding(tm, row, m) for row, m in found[tm.key].values()]
        progress.report(1.0, _("Search finished"))
        log.info("connector %s: search found %d records", self.name, len(findings))
        return findings

    # -- planning ---------------------------------------------------------------------------

    def _own(self, findings: Sequence[Finding]) -> list[tuple[TableMapping, Finding]]:
        """This system's findings with their table, children before parents (foreign keys)."""
        result: dict[str, tuple[TableMapping, Finding]] = {}
        for finding in findings:
            if finding.system != self.name:
                raise ValueError(
                    _(
                        "finding {record_id} belongs to another system",
                        record_id=repr(finding.record_id),
                    )
                )
            result[finding.record_id] = (self.mapping.record(finding.record_id)[0], finding)
        return sorted(result.values(), key=lambda tf: -self.mapping.depth(tf[0].key))

    def plan_erasure(self, findings: Sequence[Finding]) -> ChangePlan:
        items: list[PlanItem] = []
        for tm, finding in self._own(findings):
            rid, old = finding.record_id, dict(finding.fields)
            if tm.erasure is TableErasure.DELETE_ROW:
                items.append(PlanItem(rid, "delete_row", tuple(old), old_values=old))
                continue
            if tm.erasure is TableErasure.KEEP and tm.retention is not None:
                reason = tm.retention.describe()
                items.append(PlanItem(rid, "keep", tuple(old), reason, old_values=old))
                continue
            for action in (ColumnErasure.SET_NULL, ColumnErasure.MASK):
                cols = [c for c in tm.columns if c.erasure is action]
                if cols:
                    new = {
                        c.field: "" if action is ColumnErasure.SET_NULL else display(c.mask)
                        for c in cols
                    }
                    olds = {c.field: old.get(c.field, "") for c in cols}
                    items.append(PlanItem(rid, action.value, tuple(new), "", olds, new))
            reasons: dict[str, list[str]] = {}
            for c in tm.columns:
                if c.erasure is ColumnErasure.KEEP and c.retention is not None:
                    reasons.setdefault(c.retention.describe(), []).append(c.field)
            for reason, fields in reasons.items():
                olds = {f: old.get(f, "") for f in fields}
                items.append(PlanItem(rid, "keep", tuple(fields), reason, old_values=olds))
        return ChangePlan(self.name, "erasure", tuple(items))

    def plan_rectification(
        self, findings: Sequence[Finding], corrections: Sequence[Correction]
    ) -> ChangePlan:
        items: list[PlanItem] = []
        for tm, finding in self._own(findings):
            for correction in corrections:
                for cm in tm.columns_for_field(correction.field_name):
                    old = {cm.field: finding.fields.get(cm.field, "")}
                    if cm.rectifiable:
                        new = {cm.field: correction.new_value}
                        items.append(
                            PlanItem(finding.record_id, "update", (cm.field,), "", old, new)
                        )
                    else:
                        reason = (
                            f"'{cm.field}' cannot be corrected in this system (not rectifiable)"
                        )
                        items.append(PlanItem(finding.record_id, "keep", (cm.field,), reason, old))
        return ChangePlan(self.name, "rectification", tuple(items))

    # -- execution --------------------------------------------------------------------------

    def _groups(self, plan: ChangePlan, operation: str) -> list[tuple[str, list[PlanItem]]]:
        if plan.system != self.name or plan.operation != operation:
            raise ValueError(
                _("not an {operation} plan for {name}", operation=operation, name=repr(self.name))
            )
        groups: dict[str, list[PlanItem]] = {}
        for item in plan.items:
            groups.setdefault(item.record_id, []).append(item)

        def depth(record_id: str) -> int:
            try:
                return self.mapping.depth(self.mapping.record(record_id)[0].key)
            except ConnectorError:
                return 0  # reported as an unknown record when it is carried out

        return sorted(groups.items(), key=lambda g: -depth(g[0]))

    def _execute(self, plan: ChangePlan, operation: str, progress: Progress) -> list[RecordResult]:
        groups = self._groups(plan, operation)
        results: list[RecordResult] = []
        with self._connected(progress) as (engine, tables):
            for index, (record_id, items) in enumerate(groups):
                try:
                    progress.report(
                        index / max(1, len(groups)),
                        _("erasure: record {n}", n=index + 1)
                        if operation == "erasure"
                        else _("rectification: record {n}", n=index + 1),
                    )
                except (Cancelled, ConnectorError) as exc:
                    # Report what was done and what was not; a new run finishes the rest.
                    if isinstance(exc, Cancelled):
                        why = _("Cancelled before this record.")
                    else:
                        why = _("{problem} before this record.", problem=exc)
                    for rid, rest in groups[index:]:
                        results += [RecordResult(rid, Outcome.FAILED, why) for _item in rest]
                    break
                results += self._record(engine, tables, record_id, items)
        done = sum(r.outcome is not Outcome.FAILED for r in results)
        log.info("connector %s: %s %d of %d items done", self.name, operation, done, len(results))
        return results

    def erase(self, plan: ChangePlan, progress: Progress) -> list[RecordResult]:
        return self._execute(plan, "erasure", progress)

    def rectify(self, plan: ChangePlan, progress: Progress) -> list[RecordResult]:
        return self._execute(plan, "rectification", progress)

    def _record(
        self, engine: Engine, tables: Tables, record_id: str, items: list[PlanItem]
    ) -> list[RecordResult]:
        """Carry out one record's items in one transaction, after checking it is still the same."""
        kept = {
            id(i): RecordResult(record_id, Outcome.KEPT, i.reason)
            for i in items
            if i.action == "keep"
        }
        changes = [i for i in items if i.action != "keep"]
        if not changes:
            return [kept[id(i)] for i in items]
        try:
            tm, key_text = self.mapping.record(record_id)
            table = tables[tm.key]
            where = sa.and_(
                *(
                    table.c[column] == coerce(table.c[column], text)
                    for column, text in zip(tm.primary_key, tm.key_values(key_text), strict=True)
                )
            )
        except (ConnectorError, ValueError, KeyError) as exc:
            return [
                RecordResult(record_id, Outcome.FAILED, _("Unknown record: {exc}", exc=exc))
                for _item in items
            ]
        try:
            with engine.begin() as conn:
                stmt = sa.select(table).where(where).with_for_update()
                row = conn.execute(stmt).mappings().first()
                done = self._apply(conn, tm, table, where, row, changes)
        except SQLAlchemyError as exc:
            error = _("The database refused the change: {error}", error=first_line(exc))
            done = {id(i): RecordResult(record_id, Outcome.FAILED, error) for i in changes}
        except ValueError as exc:
            done = {
                id(i): RecordResult(record_id, Outcome.FAILED, message_of(exc)) for i in changes
            }
        return [kept.get(id(i)) or done[id(i)] for i in items]

    def _apply(
        self,
        conn: Connection,
        tm: TableMapping,
        table: sa.Table,
        where: sa.ColumnElement[bool],
        row: RowMapping | None,
        changes: list[PlanItem],
    ) -> dict[int, RecordResult]:
        rid = changes[0].record_id
        if row is None:
            gone = _("Already gone: the record no longer exists.")
            outcome = Outcome.REMOVED if changes[0].action != "update" else Outcome.FAILED
            return {id(i): RecordResult(rid, outcome, gone) for i in changes}
        current = {c.field: display(row[c.column]) for c in tm.columns}
        targets = {f: v for i in changes for f, v in i.new_values.items()}
        guard = {f: v for i in changes for f, v in i.old_values.items()}
        if any(current.get(f, v) not in {v, targets.get(f, v)} for f, v in guard.items()):
            return {id(i): RecordResult(rid, Outcome.FAILED, _CHANGED_MESSAGE) for i in changes}
        if any(i.action == "delete_row" for i in changes):
            conn.execute(sa.delete(table).where(where))
            return {id(i): RecordResult(rid, Outcome.REMOVED, _("Row deleted.")) for i in changes}
        values: dict[str, Any] = {}
        results: dict[int, RecordResult] = {}
        for item in changes:
            pending = [f for f, v in item.new_values.items() if current.get(f) != v]
            for field in pending:
                for cm in tm.columns_for_field(field):
                    column = table.c[cm.column]
                    if item.action == "set_null":
                        values[cm.column] = None
                    elif item.action == "mask":
                        mask = cm.mask
                        values[cm.column] = coerce(column, mask) if isinstance(mask, str) else mask
                    else:
                        try:
                            values[cm.column] = coerce(column, item.new_values[field])
                        except ValueError as exc:
                            raise ValueError(_("'{field}' {exc}", field=field, exc=exc)) from None
            if not pending:
                results[id(item)] = RecordResult(rid, Outcome.CHANGED, _("Already done earlier."))
            elif item.action == "update":
                summary = "; ".join(
                    f"{f}: {item.old_values.get(f, '')} -> {item.new_values[f]}" for f in pending
                )
                results[id(item)] = RecordResult(rid, Outcome.CHANGED, summary)
            else:
                results[id(item)] = RecordResult(
                    rid,
                    Outcome.CHANGED,
                    (
                        _("emptied: {fields}", fields=", ".join(pending))
                        if item.action == "set_null"
                        else _("masked: {fields}", fields=", ".join(pending))
                    ),
                )
        if values:
            conn.execute(sa.update(table).where(where).values(values))
        return results
