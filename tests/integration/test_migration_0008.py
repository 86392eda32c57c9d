"""Migration 0008: the register's free-text system names become links to configured systems.

Runs on SQLite and PostgreSQL: the database goes back to 0007 with the old columns filled as
an office left them, then up again.
"""

from __future__ import annotations

from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import text

from app.data.database import Database
from app.data.migration import alembic_config
from app.services.connectors import save_connector
from app.services.register import list_activities, migration_report

OLD_SUPPORT_RETENTION = (
    "Niet langer dan noodzakelijk voor het doel of vereist op grond van de Archiefwet; fiscale "
    "gegevens 7 jaar (art. 52 AWR)"
)


def test_0008_maps_system_names_to_ids_and_reports_the_rest(db: Database) -> None:
    for name, kind in (("Webserverlogs (demo)", "manual"), ("Newsletter", "manual"),
                       ("Self Service Portal", "manual"), ("CRM", "manual")):  # fmt: skip
        save_connector(db, actor="admin", name=name, kind=kind,
                       settings={"instructions": "Look."})  # fmt: skip
    cfg = alembic_config(db.engine)
    head = ScriptDirectory.from_config(cfg).get_current_head()
    command.downgrade(cfg, "0007")
    with db.engine.begin() as conn:
        conn.execute(text("delete from processing_activity"))
        rows = [
            # The shipped register as revision 0001 put it there, never edited.
            ("Klantondersteuning en Self Service Portal", "Self Service Portal",
             "Toeleveranciers die Databalance helpen", OLD_SUPPORT_RETENTION),
            ("Websitestatistieken (Piwik/Matomo)", "Webserverlogs\nMatomo", "Geen",
             "Ruwe logbestanden 5 dagen voor statistiek, daarna 90 dagen"),
            ("Nieuwsbrief", "Nieuwsbrief", "Geen",
             "Tot afmelding; het e-mailadres wordt bij afmelden verwijderd"),
            # The office's own entry.
            ("Facturatie", "Boekhouding", "Accountantskantoor; Belastingdienst", "7 jaar"),
        ]  # fmt: skip
        for name, systems, recipients, retention in rows:
            conn.execute(
                text(
                    "insert into processing_activity (name, purposes, legal_basis, "
                    "data_categories, subject_categories, recipients, retention, source, "
                    "transfers, automated_decisions, systems, version) values (:n, 'Doel', "
                    "'Grondslag', 'Naam', 'Klanten', :r, :t, '', '', '', :s, 1)"
                ),
                {"n": name, "s": systems, "r": recipients, "t": retention},
            )
    command.upgrade(cfg, "head")
    with db.engine.connect() as conn:
        assert conn.execute(text("select version_num from alembic_version")).scalar() == head
    activities = {a.name: a for a in list_activities(db)}
    # Linked by id: "Webserverlogs" found "Webserverlogs (demo)", "Nieuwsbrief" "Newsletter".
    stats = activities["Websitestatistieken en beveiliging van de website"]
    assert stats.systems == ("Webserverlogs (demo)",)
    assert activities["Nieuwsbrief"].systems == ("Newsletter",)
    support = activities["Klantondersteuning en Self Service Portal"]
    assert support.systems == ("Self Service Portal",)
    # The untouched shipped rows took the new texts: no Archiefwet, all three languages.
    assert "archiefwet" not in support.values["retention"].lower()
    for lang in ("nl", "en", "de"):
        assert support.missing_texts(lang) == ()
    assert support.values["recipient_categories"].startswith("Toeleveranciers")
    # The office's own entry: its free-text recipients become categories to be named.
    billing = activities["Facturatie"]
    assert billing.values["recipients"] == ""
    assert billing.values["recipient_categories"] == "Accountantskantoor; Belastingdienst"
    assert billing.systems == () and billing.values["retention"] == "7 jaar"
    report = migration_report(db)
    assert report is not None
    unmapped = {(u["processing"], u["system"]) for u in report["unmapped"]}
    assert unmapped == {("Websitestatistieken (Piwik/Matomo)", "Matomo"),
                        ("Facturatie", "Boekhouding")}  # fmt: skip
    assert report["systems_without_processing"] == ["CRM"]
    assert "Facturatie" in report["recipients_to_name"]
    # And back: the names return to the free-text column.
    command.downgrade(cfg, "0007")
    with db.engine.connect() as conn:
        back = dict(conn.execute(text("select name, systems from processing_activity")).all())
    assert back["Nieuwsbrief"] == "Newsletter"
    command.upgrade(cfg, "head")
