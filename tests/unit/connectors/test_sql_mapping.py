"""The SQL mapping file: the shipped example loads; every kind of mistake is named clearly."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.connectors.identifier_match import IdentifierRole
from app.connectors.sql_mapping import load_mapping, parse_mapping
from app.connectors.sql_model import ColumnErasure, MappingError, TableErasure
from app.demo.sample_systems import MAPPING_RESOURCE, ssp_mapping_text

SRC = Path("mapping.toml")

MINIMAL = """
[[tables]]
name = "customers"
primary_key = "id"
category = "contact details"
erasure = "delete_row"
[tables.identifiers]
email = "email"
[tables.columns.email]
field = "e-mail"
"""


def problems(text: str) -> str:
    with pytest.raises(MappingError) as info:
        parse_mapping(text, SRC)
    return str(info.value)


def test_shipped_example_loads_with_joins_resolved_parents_first() -> None:
    mapping = load_mapping(MAPPING_RESOURCE)
    keys = [t.key for t in mapping.tables]
    assert keys.index("customers") < keys.index("tickets") < keys.index("remote_sessions")
    assert mapping.depth("remote_sessions") == 2
    tickets = mapping.table("tickets")
    assert tickets.join is not None and tickets.join.parent == "customers"
    assert tickets.erasure is TableErasure.DELETE_ROW
    customers = mapping.table("customers")
    assert customers.identifiers[IdentifierRole.EMAIL] == ("email",)
    kept = customers.column("customer_number")
    assert kept.erasure is ColumnErasure.KEEP and kept.retention is not None
    assert "fiscal" in kept.retention.describe()
    assert customers.column("first_name").mask == "[verwijderd]"
    assert [c.field for c in customers.columns_for_field("E-MAIL ADDRESS")] == ["e-mail address"]


def test_default_schema_is_applied_to_every_table_and_join() -> None:
    mapping = parse_mapping(ssp_mapping_text("crm"), SRC)
    assert {t.key for t in mapping.tables} == {
        "crm.customers", "crm.tickets", "crm.remote_sessions", "crm.portal_logins",
    }  # fmt: skip
    assert mapping.table("crm.tickets").join.parent == "crm.customers"  # type: ignore[union-attr]


def test_minimal_mapping_parses() -> None:
    table = parse_mapping(MINIMAL, SRC).tables[0]
    assert (table.key, table.primary_key, table.label) == ("customers", ("id",), "customers")
    assert table.categories == ("contact details",)
    assert table.key_text({"id": 42}) == "42" and table.key_values("42") == ("42",)


def test_composite_primary_key_and_record_ids_with_colons() -> None:
    text = MINIMAL.replace('primary_key = "id"', 'primary_key = ["id", "list_code"]')
    mapping = parse_mapping(text, SRC)
    table = mapping.tables[0]
    assert table.primary_key == ("id", "list_code")
    key = table.key_text({"id": 7, "list_code": "news:weekly"})
    assert key == '["7","news:weekly"]'
    assert mapping.record(f"customers:{key}") == (table, key)
    assert table.key_values(key) == ("7", "news:weekly")
    for wrong in ('["7"]', "7", '["7", 8]', "{}"):
        with pytest.raises(ValueError):
            table.key_values(wrong)
    with pytest.raises(MappingError):
        mapping.record("orders:1")


@pytest.mark.parametrize("value", ["[]", '["id", "id"]', '["id", ""]', "[1, 2]", "3"])
def test_bad_primary_keys_are_named(value: str) -> None:
    message = problems(MINIMAL.replace('primary_key = "id"', f"primary_key = {value}"))
    assert "'primary_key'" in message


def test_invalid_toml_names_file_and_position() -> None:
    message = problems("[[tables]\nname = 1")
    assert "mapping.toml is not valid TOML" in message and "line 1" in message


def test_missing_file_says_which_setting_to_check(tmp_path: Path) -> None:
    with pytest.raises(MappingError, match=r"does not exist\. Check the 'mapping_file' setting"):
        load_mapping(tmp_path / "nope.toml")


def test_no_tables() -> None:
    assert "no tables" in problems("version = 1")


def test_unknown_key_suggests_the_right_one() -> None:
    message = problems(MINIMAL.replace('primary_key = "id"', 'primary_key = "id"\nprimry = 1'))
    assert "unknown key 'primry' (did you mean 'primary_key'?)" in message


def test_unknown_erasure_strategy_lists_the_choices() -> None:
    message = problems(MINIMAL.replace('"delete_row"', '"drop"'))
    assert "tables[0] ('customers')" in message
    assert "must be one of delete_row, update_columns, keep (found 'drop')" in message


def test_keep_needs_reason_and_statute() -> None:
    message = problems(MINIMAL.replace('"delete_row"', '"keep"'))
    assert "'reason' is missing" in message and "'statute' is missing" in message


def test_update_columns_needs_a_strategy_per_column_and_a_mask_value() -> None:
    text = MINIMAL.replace('"delete_row"', '"update_columns"')
    assert "column 'email'" in problems(text) and "no erasure strategy" in problems(text)
    message = problems(text + 'erasure = "mask"\n')
    assert "needs a fixed value" in message


def test_column_erasure_only_with_update_columns() -> None:
    assert "only used when the table has" in problems(MINIMAL + 'erasure = "set_null"\n')


def test_unknown_identifier_and_unmapped_identifier_column() -> None:
    message = problems(MINIMAL.replace('email = "email"', 'mail = "email"\nphone = "tel"'))
    assert "unknown identifier 'mail'" in message
    assert "'phone' uses column 'tel', which is not under columns" in message


def test_postcode_needs_house_number() -> None:
    text = MINIMAL.replace('email = "email"', 'postcode = "email"')
    assert "'postcode' and 'house_number' only work as a pair" in problems(text)


def test_unsearchable_table_is_refused() -> None:
    text = MINIMAL.replace('[tables.identifiers]\nemail = "email"\n', "")
    assert "no identifiers and no join" in problems(text)


def test_bad_and_unknown_joins_and_loops() -> None:
    child = MINIMAL.replace("customers", "tickets").replace(
        '[tables.identifiers]\nemail = "email"\n', 'join = "customer_id => customers"\n'
    )
    assert "'join' must look like" in problems(MINIMAL + child)
    orphan = child.replace("customer_id => customers", "customer_id -> accounts.id")
    assert "joins to 'accounts', which is not mapped" in problems(MINIMAL + orphan)
    a = child.replace("tickets", "a").replace("customer_id => customers", "b_id -> b.id")
    b = child.replace("tickets", "b").replace("customer_id => customers", "a_id -> a.id")
    assert "form a loop" in problems(MINIMAL + a + b)


def test_duplicate_table_and_field() -> None:
    assert "'customers': is mapped more than once" in problems(MINIMAL + MINIMAL)
    twice = MINIMAL + '[tables.columns.email2]\nfield = "E-mail"\n'
    assert "field name 'e-mail' is used for more than one column" in problems(twice)


def test_all_problems_are_reported_at_once() -> None:
    text = MINIMAL.replace('"delete_row"', '"drop"').replace('email = "email"', 'mail = "x"')
    message = problems(text)
    assert "erasure" in message and "unknown identifier 'mail'" in message


V2_USERS = """
version = 2
[[tables]]
name = "users"
primary_key = "id"
category = "contact details"
erasure = "delete_row"
[tables.identifiers]
name = "name"
[tables.columns.name]
field = "name"
"""


def test_version_2_links_conditions_and_attribute_tables_parse() -> None:
    text = (
        V2_USERS
        + """
[[tables]]
name = "threads"
primary_key = "id"
category = "support history"
erasure = "delete_row"
[tables.columns.kind]
field = "kind"
[[tables.links]]
column = "object_id"
references = "users.id"
where = { object_type = ["T", "U"] }
follow = "both"

[[tables]]
name = "attrs"
primary_key = ["user_id", "attr_id"]
category = "identification"
erasure = "delete_row"
links = [{ column = "user_id", references = "users.id", follow = "up" }]
[tables.attributes]
entity = "user_id"
key = "attr_id"
value = "value"
[[tables.attributes.fields]]
key = 1
field = "first name"
identifier = "first_name"
rectifiable = true
[[tables.attributes.fields]]
key = "last"
field = "last name"
identifier = "last_name"
"""
    )
    mapping = parse_mapping(text, SRC)
    assert mapping.version == 2
    threads = mapping.table("threads")
    (link,) = threads.links
    assert (link.column, link.parent, link.parent_column) == ("object_id", "users", "id")
    assert link.where == (("object_type", ("T", "U")),) and link.up and link.down
    attrs = mapping.table("attrs")
    assert attrs.attributes is not None and attrs.attributes.value == "value"
    assert attrs.attribute_roles == {
        "first name": IdentifierRole.FIRST_NAME,
        "last name": IdentifierRole.LAST_NAME,
    }
    row = {"user_id": 3, "attr_id": "last", "value": "de Vries"}
    assert attrs.row_fields(row) == {"last name": "de Vries"}
    assert attrs.join is not None and not attrs.join.down
    assert mapping.depth("attrs") == 1


def test_version_2_mistakes_each_get_their_own_message() -> None:
    bad = (
        V2_USERS
        + """
[[tables]]
name = "threads"
primary_key = "id"
category = "x"
erasure = "delete_row"
[tables.columns.kind]
field = "kind"
[[tables.links]]
column = "object_id"
references = "users"
follow = "sideways"
where = { object_type = { nested = 1 } }
colum = "typo"

[[tables]]
name = "attrs"
primary_key = ["user_id", "attr_id"]
category = "identification"
erasure = "delete_row"
join = "user_id -> users.id"
[tables.attributes]
entity = "user_id"
key = "attr_id"
[[tables.attributes.fields]]
key = 1
field = "first name"
identifier = "first_name"
[[tables.attributes.fields]]
key = 1
field = "nickname"
identifier = "nick"
"""
    )
    text = problems(bad)
    assert "'references' must look like \"table.column\"" in text
    assert "'follow' must be one of down, up, both (found 'sideways')" in text
    assert "'where' value of 'object_type' must be a value or a list of values" in text
    assert "unknown key 'colum' (did you mean 'column'?)" in text
    assert "attributes: 'value' is missing" in text
    assert "attribute key '1' is mapped more than once" in text
    assert "unknown identifier 'nick'" in text
    assert "'first_name' needs 'last_name' too" in text


def test_version_2_keys_in_a_version_1_file_and_unknown_versions_are_refused() -> None:
    v1 = MINIMAL + '[[tables.links]]\ncolumn = "x"\nreferences = "customers.id"\n'
    assert "'links' needs version = 2 at the top of the file" in problems(v1)
    assert "'version' must be 1 or 2 (found 3)" in problems("version = 3\n" + MINIMAL)


def test_mapping_examples_in_the_docs_all_load() -> None:
    docs = Path(__file__).resolve().parents[3] / "docs"
    for example in sorted((docs / "examples").glob("*.mapping.toml")):
        assert load_mapping(example).tables
    text = (docs / "connectors-sql.md").read_text(encoding="utf-8")
    blocks = text.split("```toml\n")[1:]
    assert len(blocks) >= 5
    for block in blocks:
        parse_mapping(block.split("```", 1)[0], SRC)


def test_json_schema_lists_exactly_the_keys_the_parser_accepts() -> None:
    import json

    from app.connectors import sql_mapping as m

    path = Path(__file__).resolve().parents[3] / "docs" / "sql-mapping.schema.json"
    schema = json.loads(path.read_text(encoding="utf-8"))
    defs = schema["$defs"]
    assert set(schema["properties"]) == m._TOP_KEYS
    assert set(defs["table"]["properties"]) == m._TABLE_KEYS
    assert set(defs["column"]["properties"]) == m._COLUMN_KEYS
    assert set(defs["link"]["properties"]) == m._LINK_KEYS
    assert set(defs["table"]["properties"]["attributes"]["properties"]) == m._ATTRIBUTE_KEYS
    assert set(defs["attribute_field"]["properties"]) == m._COLUMN_KEYS | {"key", "identifier"}
    assert set(defs["role"]["enum"]) == {r.value for r in IdentifierRole}
