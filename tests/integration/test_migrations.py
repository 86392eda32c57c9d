"""The models and the Alembic head agree; the app backs up a SQLite file before migrating."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from app.data.database import (
    Database,
    current_revision,
    head_revision,
    migrate,
    open_database,
)
from app.data.migration import alembic_config
from app.data.models import Base
from app.data.search_index import is_unmodelled


def test_models_match_migration_head(db: Database) -> None:
    assert current_revision(db.engine) == head_revision()
    with db.engine.connect() as conn:
        ctx = MigrationContext.configure(
            conn,
            opts={
                "compare_type": True,
                # The search index (FTS5 tables, the pg_trgm index) is made by migration 0012.
                "include_object": lambda _o, name, *_rest: not is_unmodelled(name),
            },
        )
        differences = compare_metadata(ctx, Base.metadata)
    assert differences == []


def test_migrate_backs_up_sqlite_first(tmp_path: Path) -> None:
    path = tmp_path / "cases.sqlite3"
    db = open_database(f"sqlite:///{path}")
    command.downgrade(alembic_config(db.engine), "base")
    assert current_revision(db.engine) is None
    backup = migrate(db.engine)
    assert backup is not None and backup.exists() and backup.stat().st_size > 0
    assert current_revision(db.engine) == head_revision()
    assert migrate(db.engine) is None  # already at head: no second backup
    db.dispose()


def test_defaults_seeded_once(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'x.sqlite3'}"
    from app.services.settings import get_organisation, update_organisation

    db = open_database(url)
    org = get_organisation(db)
    assert org["name"] == "Databalance Services B.V." and org["promise_weeks"] == 4
    update_organisation(
        db, actor="t", expected_version=org["version"], changes={"promise_weeks": 3}
    )
    db.dispose()
    db2 = open_database(url)  # reopening must not reset what the user changed
    assert get_organisation(db2)["promise_weeks"] == 3
    db2.dispose()


def test_upgrade_from_0001_keeps_the_cases(tmp_path: Path) -> None:
    from datetime import date

    from app.core.enums import RequestType
    from app.core.validation import CaseInput
    from app.services.case_detail import get_case
    from app.services.cases import register_case

    path = tmp_path / "old.sqlite3"
    db = open_database(f"sqlite:///{path}")
    ref = register_case(
        db,
        actor="o",
        data=CaseInput(
            request_types=(RequestType.ACCESS,),
            received_on=date(2026, 11, 2),
            last_name="Berg",
            street="Dorp 1",
            postcode="1234 AB",
            city="Ede",
        ),
        today=date(2026, 11, 24),
    )
    command.downgrade(alembic_config(db.engine), "0001")  # as an older version left it
    assert current_revision(db.engine) == "0001"
    db.dispose()
    reopened = open_database(f"sqlite:///{path}")  # what the app does on start
    assert current_revision(reopened.engine) == head_revision()
    assert list(tmp_path.glob("old.sqlite3.*.bak"))
    assert get_case(reopened, reference=ref).requester.last_name == "Berg"
    reopened.dispose()


def test_old_backups_are_pruned(tmp_path: Path) -> None:
    import os
    import time

    from app.data.database import prune_backups

    path = tmp_path / "cases.sqlite3"
    db = open_database(f"sqlite:///{path}")
    old = tmp_path / "cases.sqlite3.20250101T000000Z.bak"
    recent = tmp_path / "cases.sqlite3.20261120T000000Z.bak"
    unrelated = tmp_path / "other.sqlite3.20250101T000000Z.bak"
    for f in (old, recent, unrelated):
        f.write_bytes(b"backup")
    long_ago = time.time() - 40 * 86400
    os.utime(old, (long_ago, long_ago))
    os.utime(unrelated, (long_ago, long_ago))
    assert prune_backups(db.engine) == [old]
    assert not old.exists() and recent.exists() and unrelated.exists()
    db.dispose()


def test_0003_moves_letter_options_from_settings_into_the_letter(db: Database) -> None:
    """Options used to be setting rows 'letter_options:<id>', out of anonymisation's reach."""
    from datetime import date

    from sqlalchemy import select, text

    from app.core.enums import RequestType
    from app.core.validation import CaseInput
    from app.data.models import Letter, Setting
    from app.services.cases import register_case
    from app.services.letters import draft_letter

    ref = register_case(db, actor="o", data=CaseInput(
        request_types=(RequestType.ACCESS,), received_on=date(2026, 11, 2), last_name="Berg",
        street="Dorp 1", postcode="1234 AB", city="Ede"), today=date(2026, 11, 24))  # fmt: skip
    options = {"what_needed": "uw klantnummer", "why": "twee klanten heten Berg"}
    letter_id = draft_letter(db, actor="o", reference=ref, letter_type="clarification",
                             options=options).id  # fmt: skip
    cfg = alembic_config(db.engine)
    command.downgrade(cfg, "0002")  # the options go back to the old place
    with db.engine.connect() as conn:
        stored = conn.execute(text("select key from setting where key like 'letter_options:%'"))
        assert [r[0] for r in stored] == [f"letter_options:{letter_id}"]
    command.upgrade(cfg, "head")
    with db.session() as session:
        letter = session.get(Letter, letter_id)
        assert letter is not None and letter.options == options
        keys = session.scalars(select(Setting.key).where(Setting.key.like("letter_options:%")))
        assert list(keys) == []


def test_revision_graph_read_from_the_files_agrees_with_alembic() -> None:
    """Start-up reads the head from the migration files (no Alembic import): same answer."""
    from alembic.script import ScriptDirectory

    from app.data.migration import revision_graph

    script = ScriptDirectory.from_config(alembic_config())
    known, head = revision_graph()
    assert head == script.get_current_head()
    assert known == {rev.revision for rev in script.walk_revisions()}


def test_opening_a_current_database_does_not_import_alembic(tmp_path: Path) -> None:
    import subprocess
    import sys

    url = f"sqlite:///{tmp_path / 'c.sqlite3'}"
    open_database(url).dispose()  # created and migrated here
    code = (
        "import sys; from app.data.database import open_database; "
        f"open_database({url!r}).dispose(); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('alembic', 'mako')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]", out.stdout


def test_0009_maps_kept_logs_that_name_their_expiry(db: Database) -> None:
    """Kept rows whose stored reason says 'they expire on <date>' become 'expires' on that date;
    other kept rows stay undecided (the letter asks the officer for the Art. 17(3) ground)."""
    import json
    from datetime import date

    from sqlalchemy import text

    from app.core.enums import RequestType
    from app.core.validation import CaseInput
    from app.data.models import ChangeAction
    from app.services.cases import register_case
    from app.services.lookup import case_by_reference

    ref = register_case(db, actor="o", data=CaseInput(
        request_types=(RequestType.ERASURE,), received_on=date(2026, 11, 2), last_name="Berg",
        street="Dorp 1", postcode="1234 AB", city="Ede"), today=date(2026, 11, 24))  # fmt: skip
    with db.session() as session:
        case_id = case_by_reference(session, ref).id
    cfg = alembic_config(db.engine)
    command.downgrade(cfg, "0007")
    logs = json.dumps({"context": None, "msgid": "Log lines cannot be erased one by one; they "
                       "expire on {date} (90 days).", "n": None,
                       "params": {"date": "2027-02-26", "n": 90}, "plural": None})  # fmt: skip
    insert = text(
        "insert into change_action (case_id, system, operation, record_id, action, fields, "
        "reason, old_values, new_values, approved_by, outcome, detail, done_by) values "
        "(:c, :s, 'erasure', :r, 'keep', '[]', :reason, '{}', '{}', 'o', :outcome, :reason, '')"
    )
    with db.engine.begin() as conn:
        conn.execute(insert, {"c": case_id, "s": "Webserverlogs", "r": "log|1", "reason": logs,
                              "outcome": "kept"})  # fmt: skip
        conn.execute(insert, {"c": case_id, "s": "Portal", "r": "customers:1",
                              "reason": "Invoices (7 years)", "outcome": "kept"})  # fmt: skip
        conn.execute(insert, {"c": case_id, "s": "Mail", "r": "m1", "reason": logs,
                              "outcome": "removed"})  # fmt: skip
    command.upgrade(cfg, "head")
    with db.session() as session:
        rows = {
            a.system: (a.keep_ground, a.keep_until)
            for a in session.query(ChangeAction).filter(ChangeAction.case_id == case_id)
        }
    assert rows == {
        "Webserverlogs": ("expires", date(2027, 2, 26)),
        "Portal": ("", None),
        "Mail": ("", None),
    }


def test_0010_gives_old_reminder_links_their_date_and_downgrades(db: Database) -> None:
    """Reminders registered as linked cases before 0010 keep showing on the earlier case."""
    from datetime import date

    from sqlalchemy import text

    from app.core.enums import RequestType
    from app.core.validation import CaseInput
    from app.data.models import Case
    from app.services.case_records import link_cases
    from app.services.cases import register_case

    def letter(day: int, name: str) -> str:
        return register_case(db, actor="o", data=CaseInput(
            request_types=(RequestType.ACCESS,), received_on=date(2026, 11, day), last_name=name,
            street="Dorp 1", postcode="1234 AB", city="Ede"), today=date(2026, 11, 24))  # fmt: skip

    earlier, reminder, other = letter(2, "Berg"), letter(20, "Berg"), letter(3, "Smit")
    link_cases(db, actor="o", reference=reminder, other_reference=earlier, relation="reminder_of")
    cfg = alembic_config(db.engine)
    command.downgrade(cfg, "0007")
    with db.engine.connect() as conn:
        tables = conn.execute(text("select count(*) from case_link")).scalar()
        assert tables == 1
    command.upgrade(cfg, "head")
    with db.session() as session:
        dates = {c.reference: c.last_reminder_on for c in session.query(Case)}
    assert dates == {earlier: date(2026, 11, 20), reminder: None, other: None}
