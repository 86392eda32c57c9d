"""The Core views of app/data/plain_tables.py agree with the models (no drift)."""

from __future__ import annotations

import pytest
from sqlalchemy import JSON, Boolean, Date, DateTime, Integer
from sqlalchemy.sql.expression import TableClause
from sqlalchemy.sql.sqltypes import NullType
from sqlalchemy.types import TypeDecorator, TypeEngine

from app.data import plain_tables
from app.data.models import Base

# The types whose values are converted on the way out: a view column of such a model column
# must carry the type too, else SQLite hands back a string (a date) or an int (a boolean).
CONVERTED = (Date, DateTime, JSON, Boolean)


def _kind(type_: TypeEngine[object]) -> type:
    """The type as the database driver sees it (a TypeDecorator by itself: it converts)."""
    return type(type_)


@pytest.mark.parametrize("view", plain_tables.TABLES, ids=lambda v: v.name)
def test_every_view_column_is_a_model_column_of_the_same_type(view: TableClause) -> None:
    model = Base.metadata.tables[view.name]
    for col in view.c:
        assert col.name in model.c, f"{view.name}.{col.name} is not a column of the model"
        theirs = model.c[col.name].type
        ours = col.type
        if isinstance(theirs, TypeDecorator) or isinstance(theirs, CONVERTED):
            assert _kind(ours) is _kind(theirs), f"{view.name}.{col.name}: {ours!r} != {theirs!r}"
        elif not isinstance(ours, NullType):
            assert isinstance(theirs, type(ours)), f"{view.name}.{col.name}: {ours!r}, {theirs!r}"


def test_every_view_is_listed_once() -> None:
    names = [v.name for v in plain_tables.TABLES]
    assert len(names) == len(set(names))
    declared = {
        name: value for name, value in vars(plain_tables).items() if isinstance(value, TableClause)
    }
    assert set(declared.values()) == set(plain_tables.TABLES)


def test_integer_keys_are_typed() -> None:
    """Ids compared with parameters stay integers on PostgreSQL (no text = integer error)."""
    for view in plain_tables.TABLES:
        for col in view.c:
            if col.name == "id" or col.name.endswith("_id"):
                assert isinstance(col.type, Integer), f"{view.name}.{col.name}"


def test_nullable_names_exactly_the_sort_columns_that_may_be_empty() -> None:
    """The case list says "NULLS LAST" only where a column may be empty (an index on a column
    that never is serves a descending order only without it)."""
    from app.services.case_queries import SORT_COLUMNS

    for columns in SORT_COLUMNS.values():
        for col in columns:
            name = col.table.name
            model = Base.metadata.tables[name].c[col.name]
            assert ((name, col.name) in plain_tables.NULLABLE) is bool(model.nullable), col
    for name, key in plain_tables.NULLABLE:
        assert Base.metadata.tables[name].c[key].nullable, (name, key)
