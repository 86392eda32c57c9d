"""The SQL connector's search: index-friendly predicates and the walk along the mapping's links."""

from __future__ import annotations

import threading
import weakref
from collections.abc import Iterable, Mapping
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, RowMapping
from sqlalchemy.ext.compiler import compiles

from app.connectors.base import Subject
from app.connectors.identifier_match import (
    ACCENTED,
    FOLDED,
    IdentifierRole,
    RowMatch,
    display,
    fold,
    match_row,
    normalise_email,
    normalise_postcode,
    phone_digits,
    stronger,
)
from app.connectors.sql_inspect import Access, ColumnAccess, scanned_tables
from app.connectors.sql_model import JoinMapping, SqlMapping, TableMapping
from app.connectors.sql_values import python_type
from app.core.i18n import N_, Message, _, join
from app.core.progress import Progress

BELONGS_TO = N_("Belongs to {record}.")
FOUND_THROUGH = N_("Found through {record}.")
IN_CHUNK = 500  # bound parameters per IN list: far below every driver's limit
_PHONE_SEPARATORS = " -().+/"

Tables = dict[str, sa.Table]
Hits = dict[str, tuple[RowMapping, RowMatch]]
Pred = sa.ColumnElement[bool]


def _as_text(col: sa.ColumnElement[Any]) -> sa.ColumnElement[Any]:
    return col if python_type(col) is str else sa.cast(col, sa.String)


def text_in(
    col: sa.ColumnElement[Any], access: ColumnAccess, written: Iterable[str], lowered: set[str]
) -> Pred | None:
    """Case-insensitive equality that an index can serve.

    With an index on lower(col): that expression. With a plain index or a case-insensitive
    collation: the column as stored against the value as written and lower-cased (complete
    under a *_ci collation). With neither the table is read in full anyway, so the complete
    lower(trim(col)) comparison costs nothing more.
    """
    lowered = {v for v in lowered if v}
    if not lowered:
        return None
    if access.lower_index:
        return sa.func.lower(col).in_(sorted(lowered))
    if access.indexed or access.case_insensitive:
        forms = sorted({w.strip() for w in written if w.strip()} | lowered)
        return _as_text(col).in_(forms)
    return sa.func.lower(sa.func.trim(_as_text(col))).in_(sorted(lowered))


class folded_name(sa.sql.expression.FunctionElement[str]):
    """A name column folded like :func:`fold` (case and accents), per database.

    PostgreSQL: translate() of the accented Latin letters of :data:`ACCENTED` (the table
    fold() itself produces, so SQL and Python agree), then lower(); SQLite: the function
    ``pd_fold`` the connector registers on each connection; MariaDB/MySQL: the column compared
    under utf8mb4_unicode_ci, which ignores case and accents.
    """

    type = sa.String()
    name = "folded_name"
    inherit_cache = True


@compiles(folded_name)
def _folded_default(element: folded_name, compiler: Any, **kw: Any) -> str:
    return f"lower(trim({compiler.process(element.clauses, **kw)}))"


@compiles(folded_name, "postgresql")
def _folded_postgresql(element: folded_name, compiler: Any, **kw: Any) -> str:
    accented = compiler.render_literal_value(ACCENTED, sa.String())
    plain = compiler.render_literal_value(FOLDED, sa.String())
    return f"lower(translate(trim({compiler.process(element.clauses, **kw)}), {accented}, {plain}))"


@compiles(folded_name, "sqlite")
def _folded_sqlite(element: folded_name, compiler: Any, **kw: Any) -> str:
    return f"pd_fold(trim({compiler.process(element.clauses, **kw)}))"


@compiles(folded_name, "mysql")
@compiles(folded_name, "mariadb")
def _folded_mysql(element: folded_name, compiler: Any, **kw: Any) -> str:
    column = compiler.process(element.clauses, **kw)
    return f"(CONVERT(trim({column}) USING utf8mb4) COLLATE utf8mb4_unicode_ci)"


def sqlite_fold(value: Any) -> str | None:
    """``pd_fold`` for SQLite connections (registered by the connector)."""
    return None if value is None else fold(str(value))


def name_in(col: sa.ColumnElement[Any], access: ColumnAccess, value: str) -> Pred | None:
    """A name column equal to ``value`` regardless of case and accents, on every database.

    "Zoe" finds "Zoë", "ZOË" and "zoë" and the reverse. Only a MariaDB/MySQL column whose
    collation already ignores case and accents (utf8mb4_general_ci, unicode_ci, ...) is
    compared as stored, which its index serves; elsewhere the name is folded in SQL and the
    table read in full. That is a choice: the index-speed goal is for the strong identifiers
    (e-mail, customer number, phone), which keep their index-served predicates and run in a
    query of their own (see :func:`conditions`); a name match is weak anyway.
    """
    value = " ".join(value.split())
    if not value:
        return None
    if access.accent_insensitive:
        return _as_text(col).in_(sorted({value, fold(value)}))
    if access.unaccent is not None:
        schema, _dot, function = access.unaccent.partition(".")
        unaccent = getattr(getattr(sa.func, schema), function)
        folded = sa.func.lower(unaccent(sa.func.trim(_as_text(col))))
        return folded.in_([sa.func.lower(unaccent(sa.literal(v))) for v in {value, fold(value)}])
    return folded_name(_as_text(col)).in_([fold(value)])


def _phone_forms(phone: str) -> list[str]:
    digits = phone_digits(phone)
    forms = {phone.strip(), digits}
    if digits.startswith("0") and len(digits) >= 9:
        rest = digits[1:]
        forms |= {"+31" + rest, "+31 " + rest, "0031" + rest, f"{digits[:2]}-{digits[2:]}"}
        forms |= {f"{digits[:3]}-{digits[3:]}", f"+31 {rest[:1]} {rest[1:]}"}
    return sorted(forms)


def role_predicate(
    role: IdentifierRole, col: sa.ColumnElement[Any], access: ColumnAccess, subject: Subject
) -> Pred | None:
    """A loose pre-filter for one identifier column; match_row decides afterwards."""
    if role is IdentifierRole.EMAIL:
        return text_in(col, access, subject.emails, {normalise_email(e) for e in subject.emails})
    given = {
        IdentifierRole.CUSTOMER_NUMBER: subject.customer_numbers,
        IdentifierRole.USER_ID: subject.user_ids,
        IdentifierRole.IP_ADDRESS: subject.ip_addresses,
    }.get(role)
    if given is not None:
        values = sorted({v.strip() for v in given if v.strip()})
        if python_type(col) is int:
            numbers = [int(v) for v in values if v.isdigit()]
            return col.in_(numbers) if numbers else None
        if not values:
            return None
        if access.lower_index and not access.indexed:
            # Only an index on lower(col) (RT's Users.Name): let it find the candidates and
            # keep the comparison exact.
            lowered = sorted({v.lower() for v in values})
            return sa.and_(sa.func.lower(col).in_(lowered), _as_text(col).in_(values))
        return _as_text(col).in_(values)
    if role is IdentifierRole.PHONE:
        phones = [p for p in subject.phones if len(phone_digits(p)) >= 6]
        if not phones:
            return None
        if access.indexed:
            return _as_text(col).in_(sorted({f for p in phones for f in _phone_forms(p)}))
        conds = []
        for phone in phones:
            expr = _as_text(col)
            for sep in _PHONE_SEPARATORS:
                expr = sa.func.replace(expr, sep, "")
            conds.append(expr.like(sa.literal("%" + phone_digits(phone)[-9:], sa.String)))
        return sa.or_(*conds)
    if role is IdentifierRole.POSTCODE:
        if not (subject.postcode and subject.house_number):
            return None
        pc = normalise_postcode(subject.postcode)
        if access.indexed:
            forms = {pc, f"{pc[:4]} {pc[4:]}", pc.lower(), f"{pc[:4]} {pc[4:]}".lower()}
            return _as_text(col).in_(sorted(forms))
        return sa.func.upper(sa.func.replace(col, " ", "")) == sa.literal(pc)
    names = {
        IdentifierRole.FULL_NAME: subject.full_name,
        IdentifierRole.FIRST_NAME: subject.first_name,
        IdentifierRole.LAST_NAME: subject.last_name,
    }
    if role in names and subject.first_name and subject.last_name:
        return name_in(col, access, names[role])
    return None


_NAME_ROLES = frozenset(
    {IdentifierRole.FULL_NAME, IdentifierRole.FIRST_NAME, IdentifierRole.LAST_NAME}
)


def conditions(
    tm: TableMapping,
    table: sa.Table,
    access: Access,
    subject: Subject,
    by_name: bool | None = None,
) -> list[Pred]:
    """The predicates that find the subject's rows by this table's own identifiers.

    ``by_name=False``: only the strong and other index-served identifiers; ``by_name=True``: only
    the name predicates (folded, usually a full read); None: both.
    """
    conds: list[Pred] = []

    def pred(role: IdentifierRole, name: str) -> Pred | None:
        if by_name is not None and (role in _NAME_ROLES) is not by_name:
            return None
        return role_predicate(role, table.c[name], access.get(name, ColumnAccess()), subject)

    if tm.attributes is not None:
        key_col = table.c[tm.attributes.key]
        for field, role in tm.attribute_roles.items():
            if role in {IdentifierRole.HOUSE_NUMBER, IdentifierRole.BIRTH_DATE}:
                continue  # only confirms a match found otherwise
            found = pred(role, tm.attributes.value)
            key = next(c.attribute for c in tm.columns if c.field == field)
            if found is not None:
                conds.append(sa.and_(key_col == key, found))
        return conds
    for role, names in tm.identifiers.items():
        if role in {IdentifierRole.FIRST_NAME, IdentifierRole.HOUSE_NUMBER}:
            continue  # first name goes with the last name; house number with the postcode
        if role in {IdentifierRole.BIRTH_DATE}:
            continue
        for index, name in enumerate(names):
            found = pred(role, name)
            if found is None:
                continue
            if role is IdentifierRole.LAST_NAME:
                firsts = tm.identifiers.get(IdentifierRole.FIRST_NAME, ())
                first = pred(IdentifierRole.FIRST_NAME, firsts[index]) if firsts else None
                found = sa.and_(found, first) if first is not None else found
            conds.append(found)
    return conds


def row_filter(tm: TableMapping, table: sa.Table) -> list[Pred]:
    """Rows an attribute table maps at all (the attributes the mapping names)."""
    if tm.attributes is None:
        return []
    return [table.c[tm.attributes.key].in_([c.attribute for c in tm.columns])]


def link_filter(link: JoinMapping, table: sa.Table) -> list[Pred]:
    return [table.c[column].in_(values) for column, values in link.where]


def _link_applies(link: JoinMapping, row: RowMapping) -> bool:
    return all(display(row[c]) in {display(v) for v in vs} for c, vs in link.where)


# The statements that follow a link, built once per reflected table (the schema cache keeps
# the tables; another schema or mapping gives new table objects): a search run then neither
# builds them nor computes their cache key again. The values are an expanding parameter.
_follow_statements: weakref.WeakKeyDictionary[sa.Table, dict[Any, sa.Select[Any]]] = (
    weakref.WeakKeyDictionary()
)
_follow_lock = threading.Lock()


def _follow_statement(
    target: TableMapping, table: sa.Table, column: str, link: JoinMapping | None
) -> sa.Select[Any]:
    """Rows of ``table`` whose ``column`` is in the parameter ``values``, within the link's
    conditions (``link``: followed down to this child) and the rows the mapping covers."""
    key = (target.key, column, link)
    with _follow_lock:
        known = _follow_statements.setdefault(table, {})
        stmt = known.get(key)
        if stmt is None:
            extra = link_filter(link, table) if link is not None else []
            extra += row_filter(target, table)
            values: sa.BindParameter[Any] = sa.bindparam("values", expanding=True)
            stmt = known[key] = sa.select(table).where(table.c[column].in_(values), *extra)
        return stmt


class GraphSearch:
    """Finds rows by their own identifiers, then follows the links until nothing new is found.

    A row inherits the strength of the row it was reached from: a ticket reached from an
    e-mail row that matched strongly is strong and names that row; reached only from a name
    match it stays weak. A row reached along several paths keeps the strongest.
    """

    def __init__(
        self,
        conn: Connection,
        mapping: SqlMapping,
        tables: Tables,
        access: Mapping[str, Access],
        progress: Progress,
    ) -> None:
        self.conn = conn
        self.mapping = mapping
        self.tables = tables
        self.access = access
        self.progress = progress
        self.hits: dict[str, Hits] = {t.key: {} for t in mapping.tables}
        self._pending: dict[str, set[str]] = {t.key: set() for t in mapping.tables}

    def _merge(self, tm: TableMapping, row: RowMapping, match: RowMatch) -> None:
        key = tm.key_text(row)
        old = self.hits[tm.key].get(key)
        new = match if old is None else stronger(old[1], match)
        if old is None or new.strength is not old[1].strength:
            self.hits[tm.key][key] = (row, new)
            self._pending[tm.key].add(key)

    def _rows(self, stmt: sa.Select[Any], params: dict[str, Any] | None = None) -> list[RowMapping]:
        rows = []
        for row in self.conn.execute(stmt, params).mappings():
            self.progress.check()
            rows.append(row)
        return rows

    def direct(self, tm: TableMapping, subject: Subject) -> None:
        """The table's rows found by its own identifiers: strong ones first, then names.

        Two queries, so that a name compared without accents (which no index serves) never
        turns the index lookup of an e-mail or customer number into a full read.
        """
        for by_name in (False, True):
            self._direct(tm, subject, by_name)

    def _direct(self, tm: TableMapping, subject: Subject, by_name: bool) -> None:
        table = self.tables[tm.key]
        conds = conditions(tm, table, self.access.get(tm.key, {}), subject, by_name)
        if not conds:
            return
        if tm.attributes is None:
            for row in self._rows(sa.select(table).where(sa.or_(*conds))):
                roles = {role: [row[c] for c in names] for role, names in tm.identifiers.items()}
                match = match_row(roles, subject)
                if match is not None:
                    self._merge(tm, row, match)
            return
        entity = table.c[tm.attributes.entity]
        # A polymorphic attribute table (RT's ObjectCustomFieldValues: ObjectType + ObjectId)
        # names its entity by the id *and* the columns its links are conditioned on: ticket 10's
        # rows are not user 10's.
        kinds = sorted(
            {c for link in tm.links if link.column == entity.name for c, _v in link.where}
        )

        def entity_key(row: Any) -> tuple[str, ...]:
            return tuple(display(row[c]) for c in (entity.name, *kinds))

        stmt = sa.select(entity, *(table.c[c] for c in kinds)).where(sa.or_(*conds))
        hits = list(self.conn.execute(stmt).mappings())
        wanted = {entity_key(row) for row in hits}
        found = list(dict.fromkeys(row[entity.name] for row in hits))
        by_entity: dict[tuple[str, ...], list[RowMapping]] = {}
        for start in range(0, len(found), IN_CHUNK):
            stmt = sa.select(table).where(
                entity.in_(found[start : start + IN_CHUNK]), *row_filter(tm, table)
            )
            for row in self._rows(stmt):
                if entity_key(row) in wanted:
                    by_entity.setdefault(entity_key(row), []).append(row)
        for rows in by_entity.values():
            held: dict[IdentifierRole, list[Any]] = {}
            for row in rows:
                for cm in tm.row_columns(row):
                    if cm.field in tm.attribute_roles:
                        held.setdefault(tm.attribute_roles[cm.field], []).append(row[cm.column])
            match = match_row(held, subject)
            if match is not None:
                for row in rows:
                    self._merge(tm, row, match)

    def _follow(
        self,
        target: TableMapping,
        column: str,
        sources: dict[str, tuple[Any, RowMatch, str]],
        link: JoinMapping | None,
        verb: str,
    ) -> None:
        """Rows of `target` whose `column` holds one of the sources' values inherit their match.
        ``link`` is the child's link followed down to `target`, None when going up."""
        table = self.tables[target.key]
        raw = [v[0] for v in sources.values()]
        stmt = _follow_statement(target, table, column, link)
        for start in range(0, len(raw), IN_CHUNK):
            for row in self._rows(stmt, {"values": raw[start : start + IN_CHUNK]}):
                source = sources.get(display(row[column]))
                if source is None:
                    continue  # a collation matched another spelling: not this row's parent
                _, match, source_id = source
                said = Message(verb, {"record": source_id})
                note = join([said, match.note]) if match.note else said
                self._merge(target, row, RowMatch(match.strength, match.matched, note))

    def propagate(self) -> None:
        order = [t.key for t in self.mapping.tables]
        while True:
            key = next((k for k in order if self._pending[k]), None)
            if key is None:
                return
            tm = self.mapping.table(key)
            rows = [self.hits[key][pk] + (f"{key}:{pk}",) for pk in self._pending.pop(key)]
            self._pending[key] = set()
            for child in self.mapping.tables:
                for link in child.links:
                    if link.parent == key and link.down:
                        sources = self._sources(rows, link.parent_column, None)
                        self._follow(child, link.column, sources, link, BELONGS_TO)
            for link in tm.links:
                if link.up:
                    parent = self.mapping.table(link.parent)
                    sources = self._sources(rows, link.column, link)
                    self._follow(parent, link.parent_column, sources, None, FOUND_THROUGH)

    @staticmethod
    def _sources(
        rows: list[tuple[RowMapping, RowMatch, str]], column: str, link: JoinMapping | None
    ) -> dict[str, tuple[Any, RowMatch, str]]:
        by_value: dict[str, tuple[Any, RowMatch, str]] = {}
        for row, match, record_id in rows:
            value = row[column]
            if value is None or (link is not None and not _link_applies(link, row)):
                continue
            old = by_value.get(display(value))
            if old is None or stronger(old[1], match) is not old[1]:
                by_value[display(value)] = (value, match, record_id)
        return by_value


_PROBE = Subject(
    "probe", first_name="Probe", last_name="Example", emails=("probe@example.invalid",),
    phones=("0612345678",), customer_numbers=("0",), user_ids=("0",),
    ip_addresses=("192.0.2.1",), postcode="1234AB", house_number="1",
)  # fmt: skip


def explain_search(
    conn: Connection, mapping: SqlMapping, tables: Tables, access: Mapping[str, Access]
) -> list[str]:
    """EXPLAIN every query a search runs; name each table read in full and the index to ask."""
    queries: list[tuple[str, list[str], sa.Select[Any]]] = []  # table key, columns, query
    name_scans: list[str] = []
    for tm in mapping.tables:
        table = tables[tm.key]
        conds = conditions(tm, table, access[tm.key], _PROBE, by_name=False)
        searched = sorted(
            {c for role, cols in tm.identifiers.items() if role not in _NAME_ROLES for c in cols}
        )
        if conds:
            queries.append((tm.key, searched, sa.select(table).where(sa.or_(*conds))))
        by_name = conditions(tm, table, access[tm.key], _PROBE, by_name=True)
        name_cols = sorted(
            {c for r, cols in tm.identifiers.items() if r in _NAME_ROLES for c in cols}
        )
        by_name_query = sa.select(table).where(sa.or_(*by_name)) if by_name else None
        if by_name_query is None:
            pass
        elif all(access[tm.key].get(c, ColumnAccess()).accent_insensitive for c in name_cols):
            queries.append((tm.key, name_cols, by_name_query))  # an index would serve it
        else:
            name_scans += sorted(scanned_tables(conn, by_name_query))
        for link in tm.links:
            # the queries _follow runs: with the link's condition and the attribute key filter
            ends = [(tm.key, link.column, link_filter(link, table))] if link.down else []
            ends += [(link.parent, link.parent_column, [])] if link.up else []
            for key, column, extra in ends:
                col = tables[key].c[column]
                probe: Any = 0 if python_type(col) is int else "0"
                extra = extra + row_filter(mapping.table(key), tables[key])
                stmt = sa.select(tables[key]).where(col.in_([probe]), *extra)
                queries.append((key, [column], stmt))
    warnings: list[str] = []
    for key, columns, stmt in queries:
        tm = mapping.table(key)
        missing = [c for c in columns if not access[key].get(c, ColumnAccess()).usable]
        scans = scanned_tables(conn, stmt)
        if tm.attributes is not None and missing and columns == [tm.attributes.value]:
            scans.add(tm.name)  # the key index still reads every row of a searched attribute
        for name in sorted(scans):
            warnings.append(
                _(
                    "A search reads all of table {table} (no index serves it); ask the "
                    "database administrator for an index on {table} ({columns}).",
                    table=name,
                    columns=", ".join(missing or columns),
                )
            )
    for name in dict.fromkeys(name_scans):
        warnings.append(
            _(
                "A search by name reads all of table {table}: names are compared regardless of "
                "case and accents, which an ordinary index cannot serve. The e-mail, customer "
                "number and phone searches are not slowed by it.",
                table=name,
            )
        )
    return list(dict.fromkeys(warnings))
