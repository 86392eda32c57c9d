"""The SQL connector's mapping file: which tables and columns hold personal data, how to erase."""

from __future__ import annotations

import dataclasses
import difflib
import functools
import re
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from app.connectors.identifier_match import IdentifierRole, display, parse_role
from app.connectors.sql_model import (
    AttributeMapping,
    ColumnErasure,
    ColumnMapping,
    Follow,
    JoinMapping,
    MappingError,
    Retention,
    Scalar,
    SqlMapping,
    TableErasure,
    TableMapping,
)
from app.core.i18n import Message, _, join

_TOP_KEYS = {"version", "schema", "tables"}
_V2_TABLE_KEYS = {"links", "attributes"}
_LINK_KEYS = {"column", "references", "where", "follow"}
_ATTRIBUTE_KEYS = {"entity", "key", "value", "fields"}
_REFERENCE_RE = re.compile(r"^\s*(\S+)\.([^.\s]+)\s*$")
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
    *_V2_TABLE_KEYS,
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
    problems: _Problems,
    where: str,
    name: str,
    data: Any,
    table: Mapping[str, Any],
    extra_keys: frozenset[str] = frozenset(),
) -> ColumnMapping | None:
    if not isinstance(data, dict):
        problems.add(where, _('must be a table like { field = "...", category = "..." }'))
        return None
    problems.unknown_keys(where, data, _COLUMN_KEYS | extra_keys)
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


def _where(
    problems: _Problems, where: str, data: Any
) -> tuple[tuple[str, tuple[Scalar, ...]], ...]:
    if data is None:
        return ()
    if not isinstance(data, dict) or not data:
        problems.add(where, _("'where' must be a table like { object_type = \"T\" }"))
        return ()
    result: list[tuple[str, tuple[Scalar, ...]]] = []
    for column, value in data.items():
        values = tuple(value) if isinstance(value, list) else (value,)
        if not values or not all(isinstance(v, str | int | float | bool) for v in values):
            problems.add(
                where,
                _(
                    "'where' value of {column} must be a value or a list of values",
                    column=repr(column),
                ),
            )
            continue
        result.append((column, values))
    return tuple(result)


def _links(problems: _Problems, where: str, data: Mapping[str, Any]) -> list[JoinMapping]:
    links: list[JoinMapping] = []
    raw_join = data.get("join")
    if raw_join is not None:
        match = _JOIN_RE.match(raw_join) if isinstance(raw_join, str) else None
        if match is None:
            problems.add(where, _("'join' must look like \"customer_id -> customers.id\""))
        else:
            links.append(JoinMapping(match[1], match[2], match[3]))
    raw_links = data.get("links")
    if raw_links is None:
        return links
    if not isinstance(raw_links, list):
        problems.add(where, _("'links' must be a list of [[tables.links]] sections"))
        return links
    for index, raw in enumerate(raw_links):
        at = f"{where} links[{index}]"
        if not isinstance(raw, dict):
            problems.add(
                at, _('must be a table like { column = "user_id", references = "users.id" }')
            )
            continue
        problems.unknown_keys(at, raw, _LINK_KEYS)
        column = _text(problems, at, raw, "column")
        ref = raw.get("references")
        match = _REFERENCE_RE.match(ref) if isinstance(ref, str) else None
        if match is None:
            problems.add(at, _('\'references\' must look like "table.column", e.g. "ost_user.id"'))
        follow = raw.get("follow", Follow.DOWN.value)
        if follow not in {f.value for f in Follow}:
            choices = ", ".join(f.value for f in Follow)
            problems.add(
                at,
                _(
                    "'follow' must be one of {choices} (found {follow})",
                    choices=choices,
                    follow=repr(follow),
                ),
            )
            follow = Follow.DOWN.value
        conditions = _where(problems, at, raw.get("where"))
        if column and match is not None:
            links.append(JoinMapping(column, match[1], match[2], conditions, Follow(follow)))
    return links


def _attributes(
    problems: _Problems, where: str, data: Mapping[str, Any]
) -> tuple[AttributeMapping | None, list[ColumnMapping], dict[str, IdentifierRole]]:
    raw = data.get("attributes")
    if not isinstance(raw, dict):
        problems.add(where, _("'attributes' must be a [tables.attributes] section"))
        return None, [], {}
    at = f"{where} attributes"
    problems.unknown_keys(at, raw, _ATTRIBUTE_KEYS)
    spec = AttributeMapping(
        _text(problems, at, raw, "entity"),
        _text(problems, at, raw, "key"),
        _text(problems, at, raw, "value"),
    )
    fields = raw.get("fields")
    if not isinstance(fields, list) or not fields:
        problems.add(at, _("no fields: add [[tables.attributes.fields]] with key and field"))
        return spec, [], {}
    columns: list[ColumnMapping] = []
    roles: dict[str, IdentifierRole] = {}
    for index, item in enumerate(fields):
        here = f"{at} fields[{index}]"
        extra = frozenset({"key", "identifier"})
        column = _column(problems, here, spec.value, item, data, extra)
        if column is None:
            continue
        key = item.get("key")
        if not isinstance(key, str | int) or isinstance(key, bool):
            problems.add(here, _("'key' must be the attribute's id or name, e.g. key = 1"))
            continue
        if "field" not in item:
            problems.add(
                here, _("'field' is missing: the name the officer sees, e.g. \"first name\"")
            )
        columns.append(dataclasses.replace(column, attribute=key))
        identifier = item.get("identifier")
        if identifier is not None:
            try:
                roles[column.field] = parse_role(str(identifier))
            except ValueError as exc:
                problems.add(here, exc.args[0] if exc.args else str(exc))
    keys = [display(c.attribute) for c in columns]
    for key in sorted({k for k in keys if keys.count(k) > 1}):
        problems.add(at, _("attribute key {key} is mapped more than once", key=repr(key)))
    role_list = list(roles.values())
    if IdentifierRole.FIRST_NAME in role_list and IdentifierRole.LAST_NAME not in role_list:
        problems.add(at, _("'first_name' needs 'last_name' too"))
    return spec, columns, roles


def _table(
    problems: _Problems, index: int, data: Any, default_schema: str | None, version: int
) -> TableMapping | None:
    where = f"tables[{index}]"
    if not isinstance(data, dict):
        problems.add(where, _("must be a [[tables]] section"))
        return None
    name = _text(problems, where, data, "name")
    where = f"tables[{index}] ({name!r})" if name else where
    problems.unknown_keys(where, data, _TABLE_KEYS)
    if version < 2:
        for key in sorted(_V2_TABLE_KEYS & set(data)):
            problems.add(where, _("{key} needs version = 2 at the top of the file", key=repr(key)))
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
    columns: list[ColumnMapping] = []
    attributes: AttributeMapping | None = None
    roles: dict[str, IdentifierRole] = {}
    identifiers: dict[IdentifierRole, tuple[str, ...]] = {}
    if "attributes" in data and version >= 2:
        attributes, columns, roles = _attributes(problems, where, data)
        for key in sorted({"columns", "identifiers"} & set(data)):
            problems.add(
                where,
                _(
                    "an attribute table describes its fields under attributes, not under {key}",
                    key=repr(key),
                ),
            )
        if attributes is not None:
            identifiers = {role: (attributes.value,) for role in roles.values()}
    else:
        raw_columns = data.get("columns")
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
        identifiers = _identifiers(
            problems, f"{where} identifiers", data.get("identifiers"), set(raw_columns)
        )
    fields = [c.field.casefold() for c in columns]
    for field in sorted({f for f in fields if fields.count(f) > 1}):
        problems.add(
            where, _("field name {field} is used for more than one column", field=repr(field))
        )
    links = _links(problems, where, data)
    if version < 2 and len(links) > 1:
        problems.add(where, _("a version-1 table has one join"))
    if not identifiers and not links:
        problems.add(where, _("no identifiers and no join: the table could never be searched"))
    return TableMapping(
        name=name,
        schema=schema.strip() if isinstance(schema, str) else None,
        primary_key=primary_key,
        label=label if isinstance(label, str) and label.strip() else name,
        columns=tuple(columns),
        identifiers=identifiers,
        links=tuple(links),
        erasure=erasure,
        retention=retention,
        attributes=attributes,
        attribute_roles=roles,
    )


def _resolve_joins(
    problems: _Problems, tables: list[TableMapping], version: int
) -> tuple[TableMapping, ...]:
    """Point links at table keys, order tables parents-first; version 1 rejects loops."""
    by_key = {t.key: t for t in tables}
    by_name: dict[str, list[TableMapping]] = {}
    for t in tables:
        by_name.setdefault(t.name, []).append(t)
    resolved: dict[str, TableMapping] = {}
    for t in tables:
        links: list[JoinMapping] = []
        for link in t.links:
            parent = by_key.get(link.parent)
            if parent is None and len(by_name.get(link.parent, [])) == 1:
                parent = by_name[link.parent][0]
            if parent is None:
                problems.add(
                    _("table {key}", key=repr(t.key)),
                    _("joins to {parent}, which is not mapped", parent=repr(link.parent)),
                )
                continue
            links.append(dataclasses.replace(link, parent=parent.key))
        resolved[t.key] = dataclasses.replace(t, links=tuple(links))
    if version >= 2:
        mapping = SqlMapping(Path(), tuple(resolved.values()))
        return tuple(sorted(resolved.values(), key=lambda t: mapping.depth(t.key)))
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
    problems.unknown_keys(_("top level"), data, _TOP_KEYS)
    default_schema = data.get("schema")
    if default_schema is not None and not isinstance(default_schema, str):
        problems.add(_("top level"), _("'schema' must be a text"))
        default_schema = None
    version = data.get("version", 1)
    if version not in (1, 2):
        problems.add(
            _("top level"), _("'version' must be 1 or 2 (found {version})", version=repr(version))
        )
        version = 2
    raw_tables = data.get("tables")
    if not isinstance(raw_tables, list) or not raw_tables:
        problems.add(_("top level"), _("no tables: add at least one [[tables]] section"))
        raw_tables = []
    tables = [
        t
        for i, d in enumerate(raw_tables)
        if (t := _table(problems, i, d, default_schema, version))
    ]
    keys = [t.key for t in tables]
    for key in sorted({k for k in keys if keys.count(k) > 1}):
        problems.add(_("table {key}", key=repr(key)), _("is mapped more than once"))
    problems.raise_if_any()
    ordered = _resolve_joins(problems, tables, version)
    problems.raise_if_any()
    return SqlMapping(source=source, tables=ordered, version=version)


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
    return _parsed(text, path)


@functools.lru_cache(maxsize=32)
def _parsed(text: str, source: Path) -> SqlMapping:
    """A mapping already parsed from the same text (the mapping is immutable): a connector
    made for each search run need not parse and check the file again. A mapping with
    mistakes raises each time (exceptions are not cached)."""
    return parse_mapping(text, source)
