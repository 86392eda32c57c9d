"""The SQL connector's mapping as values: tables, columns, links, attribute tables, erasure."""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from app.connectors.identifier_match import IdentifierRole, display
from app.core.errors import ConnectorError
from app.core.i18n import _


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


def mask_for(mask: str | int | float | bool | None, record_id: str) -> str | int | float | bool:
    """The mask written into one record: `{hash}` becomes 8 hex digits of the record id, so a
    column under a UNIQUE index gets a different mask per record (`[verwijderd-{hash}]`)."""
    if isinstance(mask, str) and "{hash}" in mask:
        digest = hashlib.sha256(record_id.encode("utf-8")).hexdigest()[:8]
        return mask.replace("{hash}", digest)
    return "" if mask is None else mask


@dataclass(frozen=True)
class ColumnMapping:
    column: str
    field: str  # logical field name shown to the officer and used for corrections
    category: str
    erasure: ColumnErasure | None = None  # only for tables with erasure = update_columns
    mask: str | int | float | bool | None = None
    retention: Retention | None = None
    rectifiable: bool = False
    attribute: Scalar | None = None  # attribute tables: the key value of the rows it describes


Scalar = str | int | float | bool


class Follow(StrEnum):
    """Which way a link carries a match (version 2); version-1 joins are all `down`."""

    DOWN = "down"  # found parent rows find the rows of this table that point to them
    UP = "up"  # found rows of this table find the parent row they point to
    BOTH = "both"


@dataclass(frozen=True)
class JoinMapping:
    """`column` of this table refers to `parent_column` of the mapped table `parent` (its key).

    `where` limits the rows of this table the link applies to (e.g. object_type = 'T' in a
    polymorphic thread table); a list of values means any of them.
    """

    column: str
    parent: str
    parent_column: str
    where: tuple[tuple[str, tuple[Scalar, ...]], ...] = ()
    follow: Follow = Follow.DOWN

    @property
    def down(self) -> bool:
        return self.follow is not Follow.UP

    @property
    def up(self) -> bool:
        return self.follow is not Follow.DOWN


@dataclass(frozen=True)
class AttributeMapping:
    """A name/value table: `key` says which attribute a row holds, `value` holds it."""

    entity: str  # the column that says whose row it is (e.g. the subscriber id)
    key: str
    value: str


@dataclass(frozen=True)
class TableMapping:
    name: str
    schema: str | None
    primary_key: tuple[str, ...]  # one column, or several for a composite key
    label: str
    columns: tuple[ColumnMapping, ...]
    identifiers: Mapping[IdentifierRole, tuple[str, ...]]
    links: tuple[JoinMapping, ...]
    erasure: TableErasure
    retention: Retention | None = None  # for erasure = keep
    attributes: AttributeMapping | None = None
    # attribute tables: the role of each identifier field (field name -> role)
    attribute_roles: Mapping[str, IdentifierRole] = dataclasses.field(default_factory=dict)

    @property
    def join(self) -> JoinMapping | None:
        """The first link (a version-1 table has at most one)."""
        return self.links[0] if self.links else None

    def row_columns(self, row: Mapping[Any, Any]) -> list[ColumnMapping]:
        """The mapped columns that hold data in this row (attribute tables: the row's field)."""
        if self.attributes is None:
            return list(self.columns)
        held = display(row[self.attributes.key])
        return [c for c in self.columns if display(c.attribute) == held]

    def row_fields(self, row: Mapping[Any, Any]) -> dict[str, str]:
        return {c.field: display(row[c.column]) for c in self.row_columns(row)}

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
    version: int = 1

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

    def depth(self, key: str, _seen: frozenset[str] = frozenset()) -> int:
        """0 for a table that refers to no other, 1 for its children, and so on (loops cut)."""
        seen = _seen | {key}
        parents = [j.parent for j in self.table(key).links if j.parent not in seen]
        return max((1 + self.depth(p, seen) for p in parents), default=0)
