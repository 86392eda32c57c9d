"""The SQL connector's mapping file: which tables and columns hold personal data, how to erase."""

from __future__ import annotations

import dataclasses
import difflib
import json
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from app.connectors.identifier_match import IdentifierRole, display, parse_role
from app.core.errors import ConnectorError
from app.core.i18n import Message, _, join


class MappingError(ConnectorError):
    """The mapping file is missing or wrong; the message names the file and the problem."""


class TableErasure(StrEnum):
    DELETE_ROW = "delete_row"
    UPDATE_COLUMNS = "update_columns"  # each column says set_null / mask / keep
    KEEP = "keep"


class ColumnErasure(StrEnum):
    SET_NULL = "set_null"
    MASK = "mask"
    KEEP = "keep"


@dataclass(frozen=True)
class Retention:
    """Why data is kept despite an erasure request (Art. 17(3) AVG) and under which statute."""

    reason: str
    statute: str
    period: str = ""

    def describe(self) -> str:
        extra = f", {self.period}" if self.period else ""
        return f"{self.reason} ({self.statute}{extra})"


@dataclass(frozen=True)
class ColumnMapping:
    column: str
    field: str  # logical field name shown to the officer and used for corrections
    category: str
    erasure: ColumnErasure | None = None  # only for tables with erasure = update_columns
    mask: str | int | float | bool | None = None
    retention: Retention | None = None
    rectifiable: bool = False


@dataclass(frozen=True)
class JoinMapping:
    """`column` of this table refers to `parent_column` of the mapped table `parent` (its key)."""

    column: str
    parent: str
    parent_column: str


@dataclass(frozen=True)
class TableMapping:
    name: str
    schema: str | None
    primary_key: tuple[str, ...]  # one column, or several for a composite key
    label: str
    columns: tuple[ColumnMapping, ...]
    identifiers: Mapping[IdentifierRole, tuple[str, ...]]
    join: JoinMapping | None
    erasure: TableErasure
    retention: Retention | None = None  # for erasure = keep

    @property
    def key(self) -> str:
        """The table's name in record ids and joins: `schema.name` or `name`."""
        return f"{self.schema}.{self.name}" if self.schema else self.name

    def column(self, name: str) -> ColumnMapping:
        return next(c for c in self.columns if c.column == name)

    def key_text(self, row: Mapping[Any, Any]) -> str:
        """The row's key in a record id: `42`, or `["17","news"]` for a composite key."""
        values = [display(row[c]) for c in self.primary_key]
        if len(values) == 1:
            return values[0]
        return json.dumps(values, ensure_ascii=False, separators=(",", ":"))

    def key_values(self, text: str) -> tuple[str, ...]:
        """The key column values of a record id's key text; ValueError when it does not fit."""
        if len(self.primary_key) == 1:
            return (text,)
        try:
            values = json.loads(text)
        except ValueError:
            values = None
        if (
            not isinstance(values, list)
            or len(values) != len(self.primary_key)
            or not all(isinstance(v, str) for v in values)
        ):
            raise ValueError(_("{text} is not a key of {key}", text=repr(text), key=self.key))
        return tuple(values)

    def columns_for_field(self, field_name: str) -> list[ColumnMapping]:
        wanted = field_name.strip().casefold()
        return [c for c in self.columns if c.field.casefold() == wanted]

    @property
    def categories(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(c.category for c in self.columns))


@dataclass(frozen=True)
class SqlMapping:
    source: Path
    tables: tuple[TableMapping, ...]  # parents before children

    def table(self, key: str) -> TableMapping:
        for table in self.tables:
            if table.key == key:
                return table
        raise MappingError(
            _(
                "Table {key} is not in the mapping file {name}.",
                key=repr(key),
                name=self.source.name,
            )
        )

    def record(self, record_id: str) -> tuple[TableMapping, str]:
        """The table and key text of a record id `<table key>:<key text>` (a key may hold ':')."""
        candidates = [t for t in self.tables if record_id.startswith(f"{t.key}:")]
        if not candidates:
            raise MappingError(
                _(
                    "{record_id} is not a record of a table in {name}.",
                    record_id=repr(record_id),
                    name=self.source.name,
                )
            )
        table = max(candidates, key=lambda t: len(t.key))
        return table, record_id[len(table.key) + 1 :]

    def depth(self, key: str) -> int:
        """0 for a table found by its own identifiers, 1 for its children, and so on."""
        table = self.table(key)
        return 0 if table.join is None else 1 + self.depth(table.join.parent)


_TOP_KEYS = {"version", "schema", "tables"}
_TABLE_KEYS = {
    "name",
    "schema",
    "primary_key",
    "label",
    "category",
    "erasure",
    "reason",
    "statute",
    "period",
    "identifiers",
    "join",
    "columns",
}
_COLUMN_KEYS = {
    "field",
    "category",
    "erasure",
    "mask",
    "reason",
    "statute",
    "period",
    "rectifiable",
}
_SINGLE_COLUMN_ROLES = {IdentifierRole.EMAIL, IdentifierRole.PHONE, IdentifierRole.IP_ADDRESS}
_JOIN_RE = re.compile(r"^\s*([^\s>-]+)\s*->\s*(\S+)\.([^.\s]+)\s*$")


class _Problems:
    """Collects every problem so the user can fix the whole file in one go."""

    def __init__(self, source: Path) -> None:
        self.source = source
        self.items: list[Message] = []

    def add(self, where: str, message: str) -> None:
        self.items.append(_("{where}: {problem}", where=where, problem=message))

    def unknown_keys(self, where: str, data: Mapping[str, Any], allowed: set[str]) -> None:
        for key in data:
            if key not in allowed:
                close = difflib.get_close_matches(key, sorted(allowed), n=1)
                if close:
                    problem = _(
                        "unknown key {key} (did you mean {close}?)",
                        key=repr(key),
                        close=repr(close[0]),
                    )
                else:
                    problem = _("unknown key {key}", key=repr(key))
                self.add(where, problem)

    def raise_if_any(self) -> None:
        if self.items:
            head = _("The mapping file {source} has problems:", source=self.source)
            text = join([head, *self.items[:12]], "\n- ")
            if len(self.items) > 12:
                text = join([text, _("(and {n} more)", n=len(self.items) - 12)], "\n")
            raise MappingError(text)


def _text(problems: _Problems, where: str, data: Mapping[str, Any], key: str) -> str:
    value = data.get(key)
    if value is None:
        problems.add(where, _("{key} is missing", key=repr(key)))
        return ""
    if not isinstance(value, str) or not value.strip():
        problems.add(where, _("{key} must be a non-empty text", key=repr(key)))
        return ""
    return value.strip()


def _primary_key(problems: _Problems, where: str, data: Mapping[str, Any]) -> tuple[str, ...]:
    value = data.get("primary_key")
    if isinstance(value, list) and value:
        names = [v.strip() for v in value if isinstance(v, str) and v.strip()]
        if len(names) == len(value) and len(set(names)) == len(names):
            return tuple(names)
    elif value is not None and not isinstance(value, list):
        return (_text(problems, where, data, "primary_key"),)
    if value is None:
        problems.add(where, _("'primary_key' is missing"))
    else:
        problems.add(
            where,
            _(
                "'primary_key' must be a column name, or a list of different column names for a "
                'composite key, e.g. ["customer_id", "list_id"]'
            ),
        )
    return ()


def _retention(problems: _Problems, where: str, data: Mapping[str, Any]) -> Retention:
    period = data.get("period", "")
    return Retention(
        reason=_text(problems, where, data, "reason"),
        statute=_text(problems, where, data, "statute"),
        period=period.strip() if isinstance(period, str) else str(period),
    )


def _column(
    problems: _Problems, where: str, name: str, data: Any, table: Mapping[str, Any]
) -> ColumnMapping | None:
    if not isinstance(data, dict):
        problems.add(where, _('must be a table like { field = "...", category = "..." }'))
        return None
    problems.unknown_keys(where, data, _COLUMN_KEYS)
    category = data.get("category", table.get("category"))
    if not isinstance(category, str) or not category.strip():
        problems.add(where, _("no data category: set 'category' on the column or on the table"))
        category = ""
    rectifiable = data.get("rectifiable", False)
    if not isinstance(rectifiable, bool):
        problems.add(where, _("'rectifiable' must be true or false"))
        rectifiable = False
    field = data.get("field", name)
    if not isinstance(field, str) or not field.strip():
        problems.add(where, _("'field' must be a non-empty text"))
        field = name
    erasure: ColumnErasure | None = None
    mask: str | int | float | bool | None = None
    retention: Retention | None = None
    raw = data.get("erasure")
    if table.get("erasure") == TableErasure.UPDATE_COLUMNS.value:
        choices = ", ".join(e.value for e in ColumnErasure)
        if raw is None:
            problems.add(
                where, _("no erasure strategy; add erasure = one of {choices}", choices=choices)
            )
        elif raw not in {e.value for e in ColumnErasure}:
            problems.add(
                where,
                _("unknown erasure {raw}; use one of {choices}", raw=repr(raw), choices=choices),
            )
        else:
            erasure = ColumnErasure(raw)
        if erasure is ColumnErasure.MASK:
            mask = data.get("mask")
            if not isinstance(mask, str | int | float | bool):
                problems.add(where, _("erasure = 'mask' needs a fixed value: mask = \"...\""))
        if erasure is ColumnErasure.KEEP:
            retention = _retention(problems, where, data)
    elif raw is not None:
        problems.add(
            where, _("a column erasure is only used when the table has erasure = 'update_columns'")
        )
    return ColumnMapping(
        column=name,
        field=field.strip(),
        category=category.strip(),
        erasure=erasure,
        mask=mask,
        retention=retention,
        rectifiable=rectifiable,
    )


def _identifiers(
    problems: _Problems, where: str, data: Any, columns: set[str]
) -> dict[IdentifierRole, tuple[str, ...]]:
    if data is None:
        return {}
    if not isinstance(data, dict):
        problems.add(where, _('must be a table like { email = "email_column" }'))
        return {}
    result: dict[IdentifierRole, tuple[str, ...]] = {}
    for key, value in data.items():
        try:
            role = parse_role(key)
        except ValueError as exc:
            problems.add(where, exc.args[0] if exc.args else str(exc))
            continue
        names = (value,) if isinstance(value, str) else value
        if not isinstance(names, list | tuple) or not all(isinstance(n, str) for n in names):
            problems.add(where, _("{key} must name a column (or a list of columns)", key=repr(key)))
            continue
        if len(names) != 1 and role not in _SINGLE_COLUMN_ROLES:
            problems.add(where, _("{key} must name exactly one column", key=repr(key)))
            continue
        for name in names:
            if name not in columns:
                problems.add(
                    where,
                    _(
                        "{key} uses column {name}, which is not under columns",
                        key=repr(key),
                        name=repr(name),
                    ),
                )
        result[role] = tuple(names)
    roles = set(result)
    if IdentifierRole.FIRST_NAME in roles and IdentifierRole.LAST_NAME not in roles:
        problems.add(where, _("'first_name' needs 'last_name' too"))
    if (IdentifierRole.POSTCODE in roles) != (IdentifierRole.HOUSE_NUMBER in roles):
        problems.add(where, _("'postcode' and 'house_number' only work as a pair"))
    return result


def _table(
    problems: _Problems, index: int, data: Any, default_schema: str | None
) -> TableMapping | None:
    where = f"tables[{index}]"
    if not isinstance(data, dict):
        problems.add(where, _("must be a [[tables]] section"))
        return None
    name = _text(problems, where, data, "name")
    where = f"tables[{index}] ({name!r})" if name else where
    problems.unknown_keys(where, data, _TABLE_KEYS)
    schema = data.get("schema", default_schema)
    if schema is not None and (not isinstance(schema, str) or not schema.strip()):
        problems.add(where, _("'schema' must be a non-empty text"))
        schema = None
    primary_key = _primary_key(problems, where, data)
    label = data.get("label", name)
    raw_erasure = data.get("erasure")
    choices = ", ".join(e.value for e in TableErasure)
    erasure = TableErasure.KEEP
    if raw_erasure not in {e.value for e in TableErasure}:
        problems.add(
            where,
            _(
                "'erasure' must be one of {choices} (found {raw_erasure})",
                choices=choices,
                raw_erasure=repr(raw_erasure),
            ),
        )
    else:
        erasure = TableErasure(raw_erasure)
    retention = _retention(problems, where, data) if erasure is TableErasure.KEEP else None
    raw_columns = data.get("columns")
    columns: list[ColumnMapping] = []
    if not isinstance(raw_columns, dict) or not raw_columns:
        problems.add(where, _("no columns: add [tables.columns.<column>] sections"))
        raw_columns = {}
    for column_name, column_data in raw_columns.items():
        column = _column(
            problems,
            _("{where} column {column}", where=where, column=repr(column_name)),
            column_name,
            column_data,
            data,
        )
        if column is not None:
            columns.append(column)
    fields = [c.field.casefold() for c in columns]
    for field in sorted({f for f in fields if fields.count(f) > 1}):
        problems.add(
            where, _("field name {field} is used for more than one column", field=repr(field))
        )
    identifiers = _identifiers(
        problems, f"{where} identifiers", data.get("identifiers"), set(raw_columns)
    )
    join: JoinMapping | None = None
    raw_join = data.get("join")
    if raw_join is not None:
        match = _JOIN_RE.match(raw_join) if isinstance(raw_join, str) else None
        if match is None:
            problems.add(where, _("'join' must look like \"customer_id -> customers.id\""))
        else:
            join = JoinMapping(match[1], match[2], match[3])
    if not identifiers and join is None:
        problems.add(where, _("no identifiers and no join: the table could never be searched"))
    return TableMapping(
        name=name,
        schema=schema.strip() if isinstance(schema, str) else None,
        primary_key=primary_key,
        label=label if isinstance(label, str) and label.strip() else name,
        columns=tuple(columns),
        identifiers=identifiers,
        join=join,
        erasure=erasure,
        retention=retention,
    )


def _resolve_joins(problems: _Problems, tables: list[TableMapping]) -> tuple[TableMapping, ...]:
    """Point joins at table keys, order tables parents-first, reject unknown parents and loops."""
    by_key = {t.key: t for t in tables}
    by_name: dict[str, list[TableMapping]] = {}
    for t in tables:
        by_name.setdefault(t.name, []).append(t)
    resolved: dict[str, TableMapping] = {}
    for t in tables:
        if t.join is None:
            resolved[t.key] = t
            continue
        parent = by_key.get(t.join.parent)
        if parent is None and len(by_name.get(t.join.parent, [])) == 1:
            parent = by_name[t.join.parent][0]
        if parent is None:
            problems.add(
                _("table {key}", key=repr(t.key)),
                _("joins to {parent}, which is not mapped", parent=repr(t.join.parent)),
            )
            continue
        join = JoinMapping(t.join.column, parent.key, t.join.parent_column)
        resolved[t.key] = dataclasses.replace(t, join=join)
    ordered: list[TableMapping] = []
    placed: set[str] = set()
    while len(placed) < len(resolved):
        ready = [
            t
            for k, t in resolved.items()
            if k not in placed and (t.join is None or t.join.parent in placed)
        ]
        if not ready:
            loop = ", ".join(sorted(k for k in resolved if k not in placed))
            problems.add(
                _("joins"), _("the joins of {loop} form a loop or use an unmapped table", loop=loop)
            )
            break
        ordered.extend(ready)
        placed.update(t.key for t in ready)
    return tuple(ordered)


def parse_mapping(text: str, source: Path) -> SqlMapping:
    """Parse and validate mapping TOML; MappingError lists every problem found."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise MappingError(
            _("The mapping file {source} is not valid TOML: {exc}.", source=source, exc=exc)
        ) from exc
    problems = _Problems(source)
    problems.unknown_keys("top level", data, _TOP_KEYS)
    default_schema = data.get("schema")
    if default_schema is not None and not isinstance(default_schema, str):
        problems.add(_("top level"), _("'schema' must be a text"))
        default_schema = None
    raw_tables = data.get("tables")
    if not isinstance(raw_tables, list) or not raw_tables:
        problems.add(_("top level"), _("no tables: add at least one [[tables]] section"))
        raw_tables = []
    tables = [t for i, d in enumerate(raw_tables) if (t := _table(problems, i, d, default_schema))]
    keys = [t.key for t in tables]
    for key in sorted({k for k in keys if keys.count(k) > 1}):
        problems.add(_("table {key}", key=repr(key)), _("is mapped more than once"))
    problems.raise_if_any()
    ordered = _resolve_joins(problems, tables)
    problems.raise_if_any()
    return SqlMapping(source=source, tables=ordered)


def load_mapping(path: Path) -> SqlMapping:
    """Read a mapping file (UTF-8 TOML); MappingError says what to fix."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise MappingError(
            _(
                "The mapping file {path} does not exist. Check the 'mapping_file' setting.",
                path=path,
            )
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise MappingError(
            _("The mapping file {path} cannot be read: {exc}.", path=path, exc=exc)
        ) from exc
    return parse_mapping(text, path)
