"""Names match regardless of case and accents in every connector, and a name match is weak."""

from __future__ import annotations

import mailbox
import os
import uuid
from collections.abc import Iterator
from email.message import EmailMessage
from pathlib import Path

import pytest
import sqlalchemy as sa

from app.connectors.base import Finding, MatchStrength, Subject
from app.connectors.document_folder import DocumentFolderConnector
from app.connectors.identifier_match import find_name, fold
from app.connectors.mail_store import MailStoreConnector
from app.connectors.sql_database import SqlDatabaseConnector
from app.connectors.sql_inspect import read_access
from app.connectors.tabular_file import TabularFileConnector
from app.core.enums import IdentifierKind
from app.core.progress import Progress

# (name the officer typed, name as stored in the system): both directions, both cases
PAIRS = [("Zoe Jansen", "ZOË JANSEN"), ("Zoë Jansen", "zoe jansen"), ("Zoë Jansen", "Zoë Jansen")]


def _subject(name: str) -> Subject:
    first, last = name.split()
    return Subject("2026-0001", first, last)


def _names(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.matched.kind is IdentifierKind.NAME]


def _weak_name_hits(findings: list[Finding], expected: int) -> None:
    hits = _names(findings)
    assert len(hits) == expected, findings
    assert all(f.strength is MatchStrength.WEAK for f in hits)


def test_the_shared_helper() -> None:
    assert fold("ZOË Ångström") == "zoe angstrom"
    assert find_name("Beste ZOË\n  Jansen,", "zoe jansen") == (6, 18)
    assert find_name("Zoëjansen", "Zoe Jansen") is None  # whole words only
    assert find_name("Zoe Janssen", "Zoë Jansen") is None


def _mail(sender_name: str) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = f"{sender_name} <someone.{uuid.uuid4().hex[:6]}@example.nl>"
    msg["To"] = "support@example.com"
    msg["Subject"] = "Vraag"
    msg["Message-ID"] = f"<{uuid.uuid4().hex}@example.nl>"
    msg.set_content(f"Groet, {sender_name}")
    return msg


@pytest.mark.parametrize(("typed", "stored"), PAIRS)
def test_mbox_maildir_and_eml(tmp_path: Path, typed: str, stored: str) -> None:
    box = mailbox.mbox(tmp_path / "support.mbox", create=True)
    box.add(_mail(stored))
    box.flush()
    box.close()
    maildir = mailbox.Maildir(tmp_path / "Maildir", create=True)
    maildir.add(_mail(stored))
    (tmp_path / "eml").mkdir()
    (tmp_path / "eml" / "1.eml").write_bytes(bytes(_mail(stored)))
    sources = {
        "mbox": str(tmp_path / "support.mbox"),
        "maildir": str(tmp_path / "Maildir"),
        "eml_folder": str(tmp_path / "eml"),
    }
    for source, path in sources.items():
        conn = MailStoreConnector("Mail", {"source": source, "path": path}, {})
        _weak_name_hits(list(conn.search(_subject(typed), Progress())), 1)


@pytest.mark.parametrize(("typed", "stored"), PAIRS)
def test_document_folder_and_csv(tmp_path: Path, typed: str, stored: str) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "brief.txt").write_text(f"Beste {stored},\nDank.", encoding="utf-8")
    docs = DocumentFolderConnector("Docs", {"path": str(tmp_path / "docs")}, {})
    _weak_name_hits(list(docs.search(_subject(typed), Progress())), 1)
    first, last = stored.split()
    csv = tmp_path / "list.csv"
    csv.write_text(f"first,last\n{first},{last}\nPiet,Pieters\n", encoding="utf-8")
    tab = TabularFileConnector("List", {
        "path": str(csv), "identifier_columns": {"first": "first_name", "last": "last_name"},
        "categories": ["contact details"], "delimiter": ",", "encoding": "utf-8",
    }, {})  # fmt: skip
    _weak_name_hits(list(tab.search(_subject(typed), Progress())), 1)


MAPPING = """
version = 1
{schema}
[[tables]]
name = "{table}"
label = "People"
primary_key = "id"
category = "contact details"
erasure = "delete_row"

[tables.identifiers]
first_name = "first_name"
last_name = "last_name"

[tables.columns.first_name]
field = "first name"

[tables.columns.last_name]
field = "last name"
"""


def _server(env: str, ddl: str) -> Iterator[tuple[str, str | None]]:
    url = os.environ.get(env)
    if not url:
        pytest.skip(f"set {env}")
    schema = f"pd_names_{uuid.uuid4().hex[:8]}"
    admin = sa.create_engine(url)
    with admin.begin() as conn:
        conn.execute(sa.text(f"CREATE {ddl} {schema}"))
    try:
        yield url, schema
    finally:
        with admin.begin() as conn:
            extra = " CASCADE" if ddl == "SCHEMA" else ""
            conn.execute(sa.text(f"DROP {ddl} {schema}{extra}"))
        admin.dispose()


@pytest.fixture(
    params=[
        "sqlite",
        pytest.param("postgresql", marks=pytest.mark.postgres),
        pytest.param("mariadb", marks=pytest.mark.mariadb),
    ]
)
def database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[str, str | None]]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'people.sqlite'}", None
    elif request.param == "postgresql":
        yield from _server("PRIVACY_DESK_TEST_PG_URL", "SCHEMA")
    else:
        yield from _server("PRIVACY_DESK_TEST_MARIADB_URL", "DATABASE")


@pytest.mark.parametrize("indexed", [False, True])
def test_sql_on_every_database(
    database: tuple[str, str | None], tmp_path: Path, indexed: bool
) -> None:
    """Indexed or not, every spelling is found: the index speed is for the strong identifiers."""
    url, schema = database
    _people(url, schema, f"people_{'ix' if indexed else 'scan'}", indexed, tmp_path)
    _assert_every_spelling(url, schema, f"people_{'ix' if indexed else 'scan'}", tmp_path)


STORED = ["ZOË", "zoe", "Zoë", "Zoe", "zoë", "Zoey"]


def _people(url: str, schema: str | None, table: str, indexed: bool, tmp_path: Path) -> None:
    md = sa.MetaData(schema=schema)
    people = sa.Table(
        table, md, sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("first_name", sa.String(60), index=indexed),
        sa.Column("last_name", sa.String(60), index=indexed),
    )  # fmt: skip
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        md.create_all(conn)
        rows = [{"id": n, "first_name": f, "last_name": "Jansen"} for n, f in enumerate(STORED, 1)]
        conn.execute(people.insert(), rows)
    engine.dispose()
    mapping = tmp_path / f"{table}.toml"
    mapping.write_text(MAPPING.format(schema=f'schema = "{schema}"' if schema else "",
                                      table=table), encoding="utf-8")  # fmt: skip


def _assert_every_spelling(
    url: str, schema: str | None, table: str, tmp_path: Path, *, scans: bool | None = None
) -> SqlDatabaseConnector:
    mapping = tmp_path / f"{table}.toml"
    conn = SqlDatabaseConnector("People", {"url": url, "mapping_file": str(mapping)}, {})
    for typed in ("Zoe Jansen", "ZOË JANSEN", "zoë jansen", "ZOE JANSEN"):
        found = list(conn.search(_subject(typed), Progress(timeout_s=30)))
        got = sorted(f.fields["first name"] for f in found)
        assert got == sorted(STORED[:5]), (typed, got)
        assert all(f.strength is MatchStrength.WEAK for f in found)  # namesakes, never strong
    report = conn.test_connection()
    if scans is None:  # MariaDB's utf8mb4_general_ci ignores accents: an index serves names
        scans = sa.make_url(url).get_backend_name() != "mysql"
        index_advice = f"ask the database administrator for an index on {table}" in report
        assert index_advice is (not scans and table.endswith("scan")), report
    assert (f"A search by name reads all of table {table}" in report) is scans, report
    return conn


@pytest.mark.postgres
@pytest.mark.parametrize("indexed", [False, True])
def test_postgresql_with_unaccent(tmp_path: Path, indexed: bool) -> None:
    """With the unaccent extension installed in the source, it is used (and found where it is)."""
    for url, schema in _server("PRIVACY_DESK_TEST_PG_URL", "SCHEMA"):
        assert schema is not None
        engine = sa.create_engine(url)
        with engine.begin() as c:
            c.execute(sa.text(f"CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA {schema}"))
        engine.dispose()
        table = f"people_un_{'ix' if indexed else 'scan'}"
        _people(url, schema, table, indexed, tmp_path)
        connector = _assert_every_spelling(url, schema, table, tmp_path)
        engine = sa.create_engine(url)
        with engine.connect() as c:
            reflected = sa.Table(table, sa.MetaData(), schema=schema, autoload_with=c)
            access = read_access(c, connector.mapping.tables[0], reflected)
        engine.dispose()
        assert access["first_name"].unaccent == f"{schema}.unaccent"


@pytest.mark.mariadb
def test_mariadb_binary_collation_is_folded(tmp_path: Path) -> None:
    """A _bin column does not ignore accents itself: the connector folds it."""
    for url, schema in _server("PRIVACY_DESK_TEST_MARIADB_URL", "DATABASE"):
        engine = sa.create_engine(url)
        with engine.begin() as c:
            c.execute(sa.text(
                f"CREATE TABLE {schema}.people_bin (id INT PRIMARY KEY, "
                "first_name VARCHAR(60) COLLATE utf8mb4_bin, "
                "last_name VARCHAR(60) COLLATE utf8mb4_bin, INDEX (last_name))"
            ))  # fmt: skip
            rows = [{"i": n, "f": f} for n, f in enumerate(STORED, 1)]
            c.execute(sa.text(f"INSERT INTO {schema}.people_bin VALUES (:i, :f, 'Jansen')"), rows)
        engine.dispose()
        mapping = tmp_path / "people_bin.toml"
        mapping.write_text(
            MAPPING.format(schema=f'schema = "{schema}"', table="people_bin"), encoding="utf-8"
        )
        _assert_every_spelling(url, schema, "people_bin", tmp_path, scans=True)
