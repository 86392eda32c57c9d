"""Connector for any SQL database SQLAlchemy can reach, driven by a TOML mapping file."""

from __future__ import annotations

import hashlib
import logging
import math
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine, RowMapping
from sqlalchemy.exc import ArgumentError, SQLAlchemyError
from sqlalchemy.pool import NullPool

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
from app.connectors.identifier_match import RowMatch, display
from app.connectors.sql_inspect import (
    Access,
    can_write,
    erasure_warnings,
    read_access,
    reflect_tables,
)
from app.connectors.sql_mapping import load_mapping
from app.connectors.sql_model import (
    ColumnErasure,
    SqlMapping,
    TableErasure,
    TableMapping,
    mask_for,
)
from app.connectors.sql_schema_cache import (
    cached_schema,
    forget_engine,
    forget_schema,
    shared_engine,
    store_schema,
)
from app.connectors.sql_search import GraphSearch, Tables, explain_search, sqlite_fold
from app.connectors.sql_values import coerce, first_line
from app.core.errors import Cancelled, ConnectorError, ValidationError
from app.core.i18n import N_, _, join
from app.core.progress import Progress

log = logging.getLogger(__name__)

DEFAULT_TIMEOUT_S = 15.0
_CHANGED_MESSAGE = _(
    "The record changed after the plan was made; search again and make a new plan."
)


# The time budget of the run that opens the next connection in this thread or task; the
# shared engines read it when they connect.
_CONNECT_TIMEOUT: ContextVar[float] = ContextVar("sql_connect_timeout", default=DEFAULT_TIMEOUT_S)


def _connect_args(url: sa.URL, timeout: float) -> dict[str, Any]:
    driver = url.get_driver_name()
    whole = max(1, math.ceil(timeout))
    if url.get_backend_name() == "sqlite":
        return {"timeout": timeout}  # waiting for a lock held by another writer
    if driver in {"psycopg", "psycopg2"}:
        return {"connect_timeout": whole, "options": f"-c statement_timeout={whole * 1000}"}
    if driver in {"pymysql", "mysqldb"}:
        return {"connect_timeout": whole, "read_timeout": whole, "write_timeout": whole}
    if driver == "pyodbc":
        return {"timeout": whole}
    return {}


def _new_engine(url: sa.URL) -> Engine:
    """An engine without a pool: each search opens its own connection, as a hand-written
    script would. The engine itself (its dialect, read from the server once, and its compiled
    SQL) is shared by the connector objects of the process (see ``shared_engine``)."""
    engine = sa.create_engine(url, hide_parameters=True, poolclass=NullPool)

    def timeouts(_d: Any, _r: Any, _a: Any, params: dict[str, Any]) -> None:
        params.update(_connect_args(url, _CONNECT_TIMEOUT.get()))  # the current run's budget

    sa.event.listen(engine, "do_connect", timeouts)
    if url.get_backend_name() == "sqlite":
        # Enforce the database's own foreign keys, as the real application does.
        def on_connect(dbapi: Any, _rec: Any) -> None:
            dbapi.execute("PRAGMA foreign_keys=ON")
            # Names compared regardless of case and accents, as in every connector.
            dbapi.create_function("pd_fold", 1, sqlite_fold, deterministic=True)

        sa.event.listen(engine, "connect", on_connect)
    return engine


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
        self._write_url = self._url
        raw_erase = str(settings.get("erase_url") or "").strip()
        if raw_erase:
            try:
                erase_url = sa.make_url(raw_erase)
            except ArgumentError:
                raise ValidationError(
                    {"erase_url": _("not a database URL; use the same form as 'url'")}
                ) from None
            erase_password = secrets.get("erase_password")
            self._write_url = (
                erase_url.set(password=erase_password) if erase_password else erase_url
            )
        self._mapping_path = Path(mapping_file).expanduser()
        self._mapping: SqlMapping | None = None
        self._access_cache: dict[str, Access] | None = None
        self._tables_cache: Tables | None = None  # for this object's life (one run)
        self._from_cache = False  # the schema came from the process-wide cache
        self._timeout = DEFAULT_TIMEOUT_S

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
                    secret="password",
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
                SettingSpec(
                    "erase_url",
                    N_("Database URL for erasure"),
                    kind="url",
                    secret="erase_password",
                    required=False,
                    help=N_(
                        "A separate login that may change the mapped tables, used only to "
                        "erase and correct; empty: the search login is used"
                    ),
                ),
                SettingSpec(
                    "erase_password", N_("Password for erasure"), kind="secret", required=False
                ),
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
        needed: list[str] = []
        for name, url in (("password", self._url), ("erase_password", self._write_url)):
            if url is self._url and name == "erase_password":
                continue
            if url.get_backend_name() != "sqlite" and url.username and not url.password:
                needed.append(name)
        return tuple(needed)

    def _safe_url(self) -> str:
        return self._url.render_as_string(hide_password=True)

    def _engine(self, progress: Progress, write: bool = False) -> Engine:
        url = self._write_url if write else self._url
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
        self._timeout = DEFAULT_TIMEOUT_S if remaining is None else max(remaining, 0.5)
        _CONNECT_TIMEOUT.set(self._timeout)  # read by the engine when it connects next
        try:
            return shared_engine(url, lambda: _new_engine(url))
        except (ArgumentError, ImportError) as exc:
            raise ConnectorError(
                _(
                    "Cannot use the database URL {safe_url}: {first_line}.",
                    safe_url=self._safe_url(),
                    first_line=first_line(exc),
                )
            ) from exc

    def _reflect(self, conn: Connection) -> Tables:
        """Load every mapped table; ConnectorError lists every table/column the database lacks."""
        problems: list[str] = []
        tables: Tables = {}
        found = reflect_tables(conn, [(tm.schema, tm.name) for tm in self.mapping.tables])
        for tm in self.mapping.tables:
            table = found.get((tm.schema, tm.name))
            if table is None:
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
            for link in tm.links:
                wanted |= {link.column, *(c for c, _ in link.where)}
            if tm.attributes is not None:
                wanted |= {tm.attributes.entity, tm.attributes.key, tm.attributes.value}
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
            for link in tm.links:
                if link.parent in tables and link.parent_column not in tables[link.parent].c:
                    problems.append(
                        _(
                            "table {table} has no column {column}",
                            table=repr(link.parent),
                            column=repr(link.parent_column),
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
    def _connected(
        self, progress: Progress, write: bool = False
    ) -> Iterator[tuple[Engine, Tables, Connection]]:
        """The engine, the mapped tables and one open connection (the search runs on it)."""
        mapping = self.mapping  # a bad mapping file is reported before any connection attempt
        engine = self._engine(progress, write)
        try:
            conn = engine.connect()
        except SQLAlchemyError as exc:
            raise self._cannot_connect(exc) from exc
        with conn:
            try:
                if self._tables_cache is None:
                    cached = cached_schema(self._schema_key())
                    if cached is not None:
                        self._tables_cache, self._access_cache = cached
                        self._from_cache = True
                    else:
                        self._tables_cache = self._reflect(conn)
                        store_schema(self._schema_key(), self._tables_cache, None)
                        log.debug(
                            "connector %s: %d tables reflected", self.name, len(mapping.tables)
                        )
            except SQLAlchemyError as exc:
                raise self._cannot_connect(exc) from exc
            yield engine, self._tables_cache, conn

    def _cannot_connect(self, exc: SQLAlchemyError) -> ConnectorError:
        return ConnectorError(
            _(
                "Cannot connect to {safe_url}: {first_line}. Check that the server is "
                "running and that host, port, database name, user and password are right.",
                safe_url=self._safe_url(),
                first_line=first_line(exc),
            )
        )

    def _schema_key(self) -> tuple[str, str, str]:
        """The system, its address and the mapping's content: a cached schema fits only these."""
        try:
            digest = hashlib.sha256(self._mapping_path.read_bytes()).hexdigest()
        except OSError:
            digest = ""
        return self.name, self._safe_url(), f"{self._mapping_path}|{digest}"

    def forget_schema(self) -> None:
        """Read the tables, indexes and collations (and the server's version) again on the
        next use."""
        forget_schema(self._schema_key())
        forget_engine(self._url)
        forget_engine(self._write_url)
        self._tables_cache, self._access_cache, self._from_cache = None, None, False

    def test_connection(self) -> str:
        self.forget_schema()  # a test always looks at the database as it is now
        progress = Progress(timeout_s=DEFAULT_TIMEOUT_S)
        with self._connected(progress) as (engine, tables, conn):
            problems: list[str] = []
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
                            coerce(column, str(mask_for(cm.mask, "probe")))
                        except ValueError as exc:
                            problems.append(
                                _(
                                    "{column}: the mask value {problem}",
                                    column=".".join((tm.key, cm.column)),
                                    problem=str(exc),
                                )
                            )
            if problems:
                head = _(
                    "The mapping file {file} does not fit the database:",
                    file=self._mapping_path.name,
                )
                raise ConnectorError(join([head, *problems], "\n- "))
            try:
                warnings = self._search_warnings(conn, tables)
                warnings += erasure_warnings(conn, self.mapping, tables)
            except SQLAlchemyError as exc:  # e.g. a login that may not read the catalogue
                warnings = [
                    _("The search plans could not be checked: {error}", error=first_line(exc))
                ]
            version = ".".join(str(p) for p in engine.dialect.server_version_info or ())
            server = f"{engine.dialect.name} {version}".strip()
            columns = sum(len(tm.columns) for tm in self.mapping.tables)
            connected = _(
                "Connected to {server}: {tables} tables and {columns} columns mapped, all present.",
                server=server,
                tables=len(tables),
                columns=columns,
            )
            return join([connected, *(_("Warning: {warning}", warning=w) for w in warnings)], "\n")

    def _access(self, conn: Connection, tables: Tables) -> dict[str, Access]:
        """Indexes and collations per mapped table, read once per connector object."""
        if self._access_cache is None:
            self._access_cache = {
                tm.key: read_access(conn, tm, tables[tm.key]) for tm in self.mapping.tables
            }
            store_schema(self._schema_key(), tables, self._access_cache)
        return self._access_cache

    def _search_warnings(self, conn: Connection, tables: Tables) -> list[str]:
        """Tables a search would read in full (from EXPLAIN), and a search login that writes."""
        warnings = explain_search(conn, self.mapping, tables, self._access(conn, tables))
        if can_write(conn, list(tables.values())):
            warnings.append(
                _(
                    "The search login may change data: give it SELECT only and set a separate "
                    "login for erasure (setting 'erase_url')."
                )
            )
        return warnings

    # -- search -----------------------------------------------------------------------------

    def _finding(self, tm: TableMapping, row: RowMapping, match: RowMatch) -> Finding:
        notes = [match.note]
        if tm.erasure is TableErasure.KEEP and tm.retention is not None:
            notes.append(_("Kept on erasure: {retention}.", retention=tm.retention.describe()))
        return Finding(
            system=self.name,
            record_id=f"{tm.key}:{tm.key_text(row)}",
            fields=tm.row_fields(row),
            categories=tm.categories,
            matched=match.matched,
            strength=match.strength,
            location=tm.label,
            note=join(notes),
            field_categories={c.field: c.category for c in tm.row_columns(row) if c.category},
        )

    def search(self, subject: Subject, progress: Progress) -> list[Finding]:
        try:
            return self._search(subject, progress)
        except SQLAlchemyError:
            if not self._from_cache:
                raise
            # The database changed since its schema was cached (a column renamed or dropped):
            # read it again; a real mismatch is then reported by name.
            log.info("connector %s: query failed on the cached schema; reading it again", self.name)
            self.forget_schema()
            return self._search(subject, progress)

    def _search(self, subject: Subject, progress: Progress) -> list[Finding]:
        findings: list[Finding] = []
        with self._connected(progress) as (_engine, tables, conn):
            access = self._access(conn, tables)
            graph = GraphSearch(conn, self.mapping, tables, access, progress)
            count = len(self.mapping.tables)
            for index, tm in enumerate(self.mapping.tables):
                progress.report(index / (count + 1), _("Searching {label}", label=tm.label))
                graph.direct(tm, subject)
            progress.report(count / (count + 1), _("Following the links"))
            graph.propagate()
            for tm in self.mapping.tables:
                findings += [self._finding(tm, row, m) for row, m in graph.hits[tm.key].values()]
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
            held = [c for c in tm.columns if tm.attributes is None or c.field in old]
            for action in (ColumnErasure.SET_NULL, ColumnErasure.MASK):
                cols = [c for c in held if c.erasure is action]
                if cols:
                    new = {
                        c.field: ""
                        if action is ColumnErasure.SET_NULL
                        else display(mask_for(c.mask, rid))
                        for c in cols
                    }
                    olds = {c.field: old.get(c.field, "") for c in cols}
                    items.append(PlanItem(rid, action.value, tuple(new), "", olds, new))
            reasons: dict[str, list[str]] = {}
            for c in held:  # an attribute row holds one field only
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
                    if tm.attributes is not None and cm.field not in finding.fields:
                        continue  # an attribute row holds one field only
                    old = {cm.field: finding.fields.get(cm.field, "")}
                    if cm.rectifiable:
                        new = {cm.field: correction.new_value}
                        items.append(
                            PlanItem(finding.record_id, "update", (cm.field,), "", old, new)
                        )
                    else:
                        reason = _(
                            "{field} cannot be corrected in this system (not rectifiable)",
                            field=repr(cm.field),
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
        with self._connected(progress, write=True) as (engine, tables, _conn):
            try:
                # One transaction for the whole plan (children before parents), one savepoint
                # per record: a record the database refuses is rolled back alone and reported;
                # the rest is committed together, or nothing is when the commit fails.
                with engine.begin() as conn:
                    results = self._records(conn, tables, groups, operation, progress)
            except SQLAlchemyError as exc:
                error = _(
                    "The database refused to commit the changes: {error}. Nothing was changed "
                    "in this system; search again and make a new plan.",
                    error=first_line(exc),
                )
                if not results:  # refused before any record was reached
                    results = [
                        RecordResult(i.record_id, Outcome.FAILED) for _r, g in groups for i in g
                    ]
                results = [
                    r if r.outcome in {Outcome.KEPT, Outcome.FAILED} and r.detail else
                    RecordResult(r.record_id, Outcome.FAILED, error)
                    for r in results
                ]  # fmt: skip
        done = sum(r.outcome is not Outcome.FAILED for r in results)
        log.info("connector %s: %s %d of %d items done", self.name, operation, done, len(results))
        return results

    def _records(
        self,
        conn: Connection,
        tables: Tables,
        groups: list[tuple[str, list[PlanItem]]],
        operation: str,
        progress: Progress,
    ) -> list[RecordResult]:
        results: list[RecordResult] = []
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
            results += self._record(conn, tables, record_id, items)
        return results

    def erase(self, plan: ChangePlan, progress: Progress) -> list[RecordResult]:
        return self._execute(plan, "erasure", progress)

    def rectify(self, plan: ChangePlan, progress: Progress) -> list[RecordResult]:
        return self._execute(plan, "rectification", progress)

    def _record(
        self, conn: Connection, tables: Tables, record_id: str, items: list[PlanItem]
    ) -> list[RecordResult]:
        """Carry out one record's items in one savepoint, after checking it is still the same."""
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
            with conn.begin_nested():
                stmt = sa.select(table).where(where).with_for_update()
                row = conn.execute(stmt).mappings().first()
                done = self._apply(conn, tm, table, where, row, changes)
        except SQLAlchemyError as exc:
            error = _("The database refused the change: {error}", error=first_line(exc))
            done = {id(i): RecordResult(record_id, Outcome.FAILED, error) for i in changes}
        except ValueError as exc:
            done = {id(i): RecordResult(record_id, Outcome.FAILED, str(exc)) for i in changes}
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
        current = tm.row_fields(row)
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
                        mask = mask_for(cm.mask, rid)
                        values[cm.column] = coerce(column, mask) if isinstance(mask, str) else mask
                    else:
                        try:
                            values[cm.column] = coerce(column, item.new_values[field])
                        except ValueError as exc:
                            raise ValueError(
                                _("'{field}' {problem}", field=field, problem=str(exc))
                            ) from None
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
