"""What the SQL connector reads from a source's catalogue: indexes, collations, plans, grants."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from app.connectors.sql_model import ColumnErasure, SqlMapping, TableErasure, TableMapping
from app.core.i18n import Message, _


@dataclass(frozen=True)
class ColumnAccess:
    """How a search can reach a column's values without reading the whole table."""

    indexed: bool = False  # the first column of an index (or the primary key)
    lower_index: bool = False  # an expression index whose first key is lower(column)
    case_insensitive: bool = False  # its collation compares without case (MariaDB *_ci, NOCASE)
    accent_insensitive: bool = False  # ... and without accents (utf8mb4_general_ci, unicode_ci)
    unaccent: str | None = None  # PostgreSQL: the schema-qualified unaccent(), when installed

    @property
    def usable(self) -> bool:
        return self.indexed or self.lower_index


Access = dict[str, ColumnAccess]  # column name -> access
# MariaDB/MySQL collations that compare "ë" equal to "e" (and "E"); language collations such
# as utf8mb4_swedish_ci treat some accented letters as letters of their own, so they are folded.
_ACCENT_FREE_RE = re.compile(r"^utf8(mb[34])?_(general|unicode|unicode_520|uca1400|0900)(_ai)?_ci$")
_IDENTIFIER_RE = re.compile(r"^[a-z_][a-z0-9_]*$")
_LOWER_RE = re.compile(r'^\s*lower\s*\(\s*\(?\s*"?([^"\s():]+)"?\s*\)?\s*(::\s*\w+)?\s*\)', re.I)


def _lower_target(expression: str) -> str | None:
    """The column of `lower(col)` / `lower((col)::text)`, the first key of an index."""
    match = _LOWER_RE.match(expression)
    return match[1] if match else None


def _sqlite(conn: Connection, table: sa.Table) -> Iterator[tuple[str, str, str]]:
    """(kind, column, collation) of each index's first key: kind is 'plain' or 'lower'."""
    prefix = f'"{table.schema}".' if table.schema else ""
    quoted = table.name.replace('"', '""')
    for row in conn.exec_driver_sql(f'PRAGMA {prefix}index_list("{quoted}")').all():
        name = str(row[1]).replace('"', '""')
        keys = conn.exec_driver_sql(f'PRAGMA {prefix}index_xinfo("{name}")').all()
        first = next((k for k in keys if k[0] == 0), None)
        if first is None:
            continue
        if first[2] is not None:
            yield "plain", str(first[2]), str(first[4] or "")
            continue
        master = f'"{table.schema}".sqlite_master' if table.schema else "sqlite_master"
        sql = conn.exec_driver_sql(
            f"SELECT sql FROM {master} WHERE type = 'index' AND name = ?", (row[1],)
        ).scalar()
        inner = str(sql or "").partition("(")[2]
        column = _lower_target(inner)
        if column:
            yield "lower", column, ""


def _postgresql(conn: Connection, table: sa.Table) -> Iterator[tuple[str, str, str]]:
    qualified = conn.dialect.identifier_preparer.format_table(table)
    rows = conn.execute(
        sa.text(
            "SELECT pg_get_indexdef(i.indexrelid, 1, true) FROM pg_index i "
            "WHERE i.indrelid = CAST(:t AS regclass) AND i.indpred IS NULL"
        ),
        {"t": qualified},
    ).scalars()
    for first in rows:
        text = str(first).strip()
        column = _lower_target(text)
        if column:
            yield "lower", column, ""
        else:
            yield "plain", text.strip('"'), ""


def _mysql(conn: Connection, table: sa.Table) -> Iterator[tuple[str, str, str]]:
    collations = {
        str(name): str(coll or "")
        for name, coll in conn.execute(
            sa.text(
                "SELECT COLUMN_NAME, COLLATION_NAME FROM information_schema.COLUMNS "
                "WHERE TABLE_SCHEMA = COALESCE(:s, DATABASE()) AND TABLE_NAME = :t"
            ),
            {"s": table.schema, "t": table.name},
        ).all()
    }
    qualified = conn.dialect.identifier_preparer.format_table(table)
    for row in conn.exec_driver_sql(f"SHOW INDEX FROM {qualified}").mappings():
        if int(row["Seq_in_index"]) == 1 and row["Column_name"]:
            name = str(row["Column_name"])
            yield "plain", name, collations.get(name, "")
    for name, collation in collations.items():
        yield "collation", name, collation


def read_access(conn: Connection, tm: TableMapping, table: sa.Table) -> Access:
    """Which columns an index (or a case-insensitive collation) serves, per the catalogue."""
    access: Access = {}
    dialect = conn.dialect.name
    if dialect == "sqlite":
        found = list(_sqlite(conn, table))
    elif dialect == "postgresql":
        found = list(_postgresql(conn, table))
    elif dialect in {"mysql", "mariadb"}:
        found = list(_mysql(conn, table))
    else:
        indexes = sa.inspect(conn).get_indexes(table.name, schema=table.schema)
        found = [("plain", str(i["column_names"][0]), "") for i in indexes if i["column_names"]]
        found = [f for f in found if f[1] != "None"]
    for pk in list(table.primary_key.columns)[:1]:
        found.append(("plain", pk.name, ""))
    for kind, name, collation in found:
        old = access.get(name, ColumnAccess())
        ci = old.case_insensitive or "_ci" in collation.lower() or collation.upper() == "NOCASE"
        access[name] = ColumnAccess(
            indexed=old.indexed or kind == "plain",
            lower_index=old.lower_index or kind == "lower",
            case_insensitive=ci,
            accent_insensitive=old.accent_insensitive
            or bool(_ACCENT_FREE_RE.match(collation.lower())),
        )
    for column in table.c:  # SQLite: a column declared COLLATE NOCASE
        collation = getattr(column.type, "collation", None) or ""
        if str(collation).upper() == "NOCASE":
            access[column.name] = replace(
                access.get(column.name, ColumnAccess()), case_insensitive=True
            )
    if dialect == "postgresql":
        function = unaccent_function(conn)
        if function is not None:
            for column in table.c:
                access[column.name] = replace(
                    access.get(column.name, ColumnAccess()), unaccent=function
                )
    return access


def unaccent_function(conn: Connection) -> str | None:
    """``schema.unaccent`` when the source has the extension installed (never installed by us)."""
    schema = conn.execute(
        sa.text(
            "SELECT n.nspname FROM pg_extension e "
            "JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'unaccent'"
        )
    ).scalar()
    if schema is None or not _IDENTIFIER_RE.match(str(schema)):
        return None
    return f"{schema}.unaccent"


def reflect_tables(conn: Connection, wanted: list[tuple[str | None, str]]) -> dict[Any, sa.Table]:
    """Columns and primary keys of the wanted tables, a few catalogue queries per schema.

    Only what the connector uses is read (no foreign keys, constraints or comments): a search
    starts with this, so it has to cost little next to the search itself.
    """
    inspector = sa.inspect(conn)
    result: dict[Any, sa.Table] = {}
    by_schema: dict[str | None, list[str]] = {}
    for schema, name in wanted:
        by_schema.setdefault(schema, []).append(name)
    for schema, names in by_schema.items():
        existing = set(inspector.get_table_names(schema=schema))
        present = [n for n in names if n in existing]
        if not present:
            continue
        columns = inspector.get_multi_columns(schema=schema, filter_names=present)
        keys = inspector.get_multi_pk_constraint(schema=schema, filter_names=present)
        primary: dict[str, set[str]] = {
            name: set(key.get("constrained_columns") or ()) for (_s, name), key in keys.items()
        }
        for (_schema, name), cols in columns.items():
            pk = primary.get(name, set())
            table = sa.Table(
                name,
                sa.MetaData(),
                *(
                    sa.Column(
                        c["name"], c["type"], nullable=c["nullable"], primary_key=c["name"] in pk
                    )
                    for c in cols
                ),
                schema=schema,
            )
            result[(schema, name)] = table
    return result


def _walk(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from _walk(value)


def scanned_tables(conn: Connection, stmt: sa.Select[Any]) -> set[str]:
    """The tables the database would read in full for `stmt`, from its own EXPLAIN.

    PostgreSQL is asked with sequential scans discouraged, so that a small test table still
    shows whether an index *could* serve the query; MariaDB's plan counts as a scan only when
    it names no usable index.
    """
    sql = str(stmt.compile(dialect=conn.dialect, compile_kwargs={"literal_binds": True}))
    dialect = conn.dialect.name
    scans: set[str] = set()
    if dialect == "sqlite":
        for row in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql).all():
            match = re.match(r"^SCAN (?:TABLE )?(\S+)", str(row[-1]))
            if match:
                scans.add(match[1])
    elif dialect == "postgresql":
        with conn.begin_nested():
            conn.exec_driver_sql("SET LOCAL enable_seqscan = off")
            plan = conn.exec_driver_sql("EXPLAIN (FORMAT JSON) " + sql).scalar()
        plan = json.loads(plan) if isinstance(plan, str) else plan
        for node in _walk(plan):
            if node.get("Node Type") == "Seq Scan" and node.get("Relation Name"):
                scans.add(str(node["Relation Name"]))
    elif dialect in {"mysql", "mariadb"}:
        plan = json.loads(str(conn.exec_driver_sql("EXPLAIN FORMAT=JSON " + sql).scalar()))
        for node in _walk(plan):
            if node.get("access_type") == "ALL" and not node.get("possible_keys"):
                scans.add(str(node.get("table_name", "?")))
    return scans


def can_write(conn: Connection, tables: list[sa.Table]) -> bool | None:
    """Whether this login may change the mapped tables (None: the database cannot say)."""
    dialect = conn.dialect.name
    if dialect == "sqlite":
        database = conn.engine.url.database or ""
        if not database or database == ":memory:" or database.startswith("file:"):
            return None
        return os.access(Path(database), os.W_OK)
    if dialect == "postgresql":
        preparer = conn.dialect.identifier_preparer
        return any(
            conn.execute(
                sa.text("SELECT has_table_privilege(:t, 'INSERT, UPDATE, DELETE')"),
                {"t": preparer.format_table(t)},
            ).scalar()
            for t in tables
        )
    if dialect in {"mysql", "mariadb"}:
        current = str(conn.execute(sa.text("SELECT DATABASE()")).scalar() or "")
        schemas = {t.schema or current for t in tables}
        names = {t.name for t in tables}
        for line in conn.exec_driver_sql("SHOW GRANTS").scalars():
            match = re.match(r"GRANT (.+?) ON (\S+) TO ", str(line))
            if not match or not re.search(r"ALL PRIVILEGES|INSERT|UPDATE|DELETE", match[1]):
                continue
            target = match[2].replace("`", "")
            db, _, table = target.partition(".")
            if db == "*" or (db in schemas and (table == "*" or table in names)):
                return True
        return False
    return None


def _sqlite_unique(conn: Connection, table: sa.Table) -> list[list[Any]]:
    prefix = f'"{table.schema}".' if table.schema else ""
    quoted = table.name.replace('"', '""')
    result: list[list[Any]] = []
    for row in conn.exec_driver_sql(f'PRAGMA {prefix}index_list("{quoted}")').all():
        if row[2]:
            name = str(row[1]).replace('"', '""')
            keys = conn.exec_driver_sql(f'PRAGMA {prefix}index_info("{name}")').all()
            result.append([k[2] for k in keys])
    return result


def erasure_warnings(
    conn: Connection, mapping: SqlMapping, tables: dict[str, sa.Table]
) -> list[Message]:
    """What the database's own constraints say about the erasure plan, before anyone erases.

    A fixed mask under a UNIQUE index fails for the second person erased; a declared foreign
    key from a table or column outside the mapping points at rows erasure deletes.
    """
    inspector = sa.inspect(conn)
    warnings: list[Message] = []
    for tm in mapping.tables:
        table = tables[tm.key]
        if conn.dialect.name == "sqlite":  # reflection skips UNIQUE written on a column
            unique = _sqlite_unique(conn, table)
        else:
            unique = [
                list(i["column_names"])
                for i in inspector.get_indexes(table.name, schema=table.schema)
                if i.get("unique")
            ]
            unique += [
                list(u["column_names"])
                for u in inspector.get_unique_constraints(table.name, schema=table.schema)
            ]
        for cm in tm.columns:
            fixed = cm.erasure is ColumnErasure.MASK and "{hash}" not in str(cm.mask)
            if fixed and [cm.column] in unique:
                warnings.append(
                    _(
                        "{table}.{column} has a UNIQUE index: the fixed mask {mask} can be "
                        "written only once; use a mask with {{hash}}, e.g. "
                        '"[verwijderd-{{hash}}]" (8 hex digits per record).',
                        table=tm.key,
                        column=cm.column,
                        mask=str(cm.mask),
                    )
                )
    deleted = {
        (t.schema, t.name): t for t in mapping.tables if t.erasure is TableErasure.DELETE_ROW
    }
    covered = {(t.schema, t.name, link.column) for t in mapping.tables for link in t.links}
    for schema in {t.schema for t in mapping.tables}:
        for (_s, name), keys in inspector.get_multi_foreign_keys(schema=schema).items():
            for fk in keys:
                target = (fk.get("referred_schema") or schema, fk["referred_table"])
                if target not in deleted:
                    continue
                for column in fk["constrained_columns"]:
                    if (schema, name, column) not in covered:
                        warnings.append(
                            _(
                                "{table}.{column} refers to rows of {target} that erasure "
                                "deletes, but it is not in the mapping: map {table} with a "
                                "link, or the database refuses the deletion.",
                                table=name,
                                column=column,
                                target=deleted[target].key,
                            )
                        )
    return warnings
