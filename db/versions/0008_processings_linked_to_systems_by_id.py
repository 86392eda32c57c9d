"""processings linked to systems by id; named recipients; texts per letter language

The register named its systems in free text (``processing_activity.systems``, one name per
line), so "Webserverlogs" never matched the configured "Webserverlogs (demo)". Each name is
now mapped to the configured system (``connector_config.id``) it means: the same name, then
the same name without letters case or a bracketed suffix such as "(demo)", then a Dutch or
English synonym ("Nieuwsbrief" / "Newsletter"). What cannot be mapped is logged and kept in
the setting ``register_migration_report``, which the register window and ``register show``
print until the officer has linked the systems.

Recipients (CJEU C-154/21): the free text in ``recipients`` described categories ("Geen" meant
none), so it moves to ``recipient_categories`` and the officer names the recipients. Rows that
are still the shipped default of revision 0001 take the new shipped texts in Dutch, English and
German, without the "Archiefwet" retention (it binds public bodies, not a B.V.).

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-30 23:30:00
"""

from __future__ import annotations

import json
import logging
import re
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

log = logging.getLogger("alembic.runtime.migration")

REPORT_KEY = "register_migration_report"
_NO_RECIPIENTS = {"", "-", "geen", "none", "keine", "n.v.t.", "nvt"}
_SYNONYMS = {
    "nieuwsbrief": "newsletter",
    "webserverlogs": "web server logs",
    "supportmailbox": "support mailbox",
    "papieren archief": "paper archive",
    "gedeelde documenten": "shared documents",
}
# The shipped register of revision 0001, by name -> its retention text then: a row that still
# has both was never edited and takes the new shipped texts.
_OLD_SHIPPED = {
    "Klantondersteuning en Self Service Portal": "Archiefwet; fiscale gegevens 7 jaar",
    "Remote ondersteuning": "Sessiegegevens zolang de klantrelatie duurt",
    "Websitestatistieken (Piwik/Matomo)": "Ruwe logbestanden 5 dagen voor statistiek",
    "Nieuwsbrief": "Tot afmelding; het e-mailadres wordt bij afmelden verwijderd",
    "Uitwisseling met toeleveranciers en derden": "daarna volgens de Archiefwet",
}
_RENAMED = {
    "Remote ondersteuning": "Ondersteuning op afstand",
    "Websitestatistieken (Piwik/Matomo)": "Websitestatistieken en beveiliging van de website",
}


def _key(name: str) -> str:
    text = re.sub(r"\s*\([^)]*\)\s*$", "", name).strip().casefold()
    return " ".join(text.split())


def _match(name: str, connectors: dict[int, str]) -> int | None:
    for wanted in (name.strip(), name.strip().casefold()):
        for cid, cname in connectors.items():
            if cname == wanted or cname.casefold() == wanted:
                return cid
    key = _key(name)
    keys = {key, _SYNONYMS.get(key, key)}
    keys |= {k for k, v in _SYNONYMS.items() if v == key}
    found = [cid for cid, cname in connectors.items() if _key(cname) in keys]
    return found[0] if len(found) == 1 else None


def _shipped() -> dict[str, dict[str, Any]]:
    from app.data.seed import DEFAULT_REGISTER

    return {str(entry["name"]): entry for entry in DEFAULT_REGISTER}


def upgrade() -> None:
    op.create_table(
        "processing_system",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("processing_id", sa.Integer(), nullable=False),
        sa.Column("connector_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["connector_id"],
            ["connector_config.id"],
            name=op.f("fk_processing_system_connector_id_connector_config"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["processing_id"],
            ["processing_activity.id"],
            name=op.f("fk_processing_system_processing_id_processing_activity"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_processing_system")),
        sa.UniqueConstraint("processing_id", "connector_id", name="uq_processing_system_pair"),
    )
    with op.batch_alter_table("processing_system", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_processing_system_connector_id"), ["connector_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_processing_system_processing_id"), ["processing_id"], unique=False
        )
    with op.batch_alter_table("processing_activity", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("recipient_categories", sa.Text(), nullable=False, server_default="")
        )
        batch_op.add_column(
            sa.Column("recipients_unnamed_reason", sa.Text(), nullable=False, server_default="")
        )
        batch_op.add_column(sa.Column("translations", sa.JSON(), nullable=True))

    conn = op.get_bind()
    found = conn.execute(sa.text("select id, name from connector_config")).all()
    connectors = {int(r[0]): str(r[1]) for r in found}
    rows = conn.execute(
        sa.text("select id, name, systems, recipients, retention from processing_activity")
    ).all()
    shipped = _shipped()
    unmapped: list[dict[str, str]] = []
    to_name: list[str] = []
    linked: set[int] = set()
    for pid, name, systems, recipients, retention in rows:
        for system in (s.strip() for s in (systems or "").splitlines()):
            if not system:
                continue
            cid = _match(system, connectors)
            if cid is None:
                unmapped.append({"processing": name, "system": system})
                continue
            exists = conn.execute(
                sa.text(
                    "select 1 from processing_system where processing_id=:p and connector_id=:c"
                ),
                {"p": pid, "c": cid},
            ).first()
            if exists is None:
                conn.execute(
                    sa.text(
                        "insert into processing_system (processing_id, connector_id) "
                        "values (:p, :c)"
                    ),
                    {"p": pid, "c": cid},
                )
            linked.add(cid)
        marker = _OLD_SHIPPED.get(name)
        new = shipped.get(_RENAMED.get(name, name))
        if marker is not None and new is not None and marker in (retention or ""):
            values = {
                k: new.get(k, "")
                for k in (
                    "name", "purposes", "legal_basis", "data_categories", "subject_categories",
                    "recipients", "recipient_categories", "recipients_unnamed_reason",
                    "retention", "source", "transfers", "automated_decisions",
                )
            }  # fmt: skip
            values["translations"] = json.dumps(new.get("translations", {}), ensure_ascii=False)
            values["id"] = pid
            conn.execute(
                sa.text(
                    "update processing_activity set name=:name, purposes=:purposes, "
                    "legal_basis=:legal_basis, data_categories=:data_categories, "
                    "subject_categories=:subject_categories, recipients=:recipients, "
                    "recipient_categories=:recipient_categories, "
                    "recipients_unnamed_reason=:recipients_unnamed_reason, "
                    "retention=:retention, source=:source, transfers=:transfers, "
                    "automated_decisions=:automated_decisions, translations=:translations "
                    "where id=:id"
                ),
                values,
            )
            if values["recipient_categories"]:
                to_name.append(str(values["name"]))
            continue
        text = (recipients or "").strip()
        if text.casefold().strip(".") in _NO_RECIPIENTS:
            conn.execute(
                sa.text(
                    "update processing_activity set recipients='', recipient_categories='', "
                    "translations='{}' where id=:id"
                ),
                {"id": pid},
            )
        else:
            # Free text described categories: the officer names the recipients (C-154/21).
            conn.execute(
                sa.text(
                    "update processing_activity set recipients='', recipient_categories=:r, "
                    "translations='{}' where id=:id"
                ),
                {"id": pid, "r": text},
            )
            to_name.append(str(name))
    not_linked = sorted(name for cid, name in connectors.items() if cid not in linked)
    if unmapped or to_name or (rows and not_linked):
        report = {
            "at": datetime.now(UTC).isoformat(timespec="seconds"),
            "unmapped": unmapped,
            "systems_without_processing": not_linked if rows else [],
            "recipients_to_name": to_name,
        }
        if unmapped:
            log.warning("Register: %d system name(s) not mapped to a configured system", len(unmapped))
        conn.execute(sa.text("delete from setting where key=:k"), {"k": REPORT_KEY})
        conn.execute(
            sa.table(
                "setting",
                sa.column("key", sa.String()),
                sa.column("value", sa.JSON()),
                sa.column("updated_at", sa.DateTime()),
                sa.column("updated_by", sa.String()),
            ).insert(),
            [
                {
                    "key": REPORT_KEY,
                    "value": report,
                    "updated_at": datetime.now(UTC).replace(tzinfo=None),
                    "updated_by": "migration 0008",
                }
            ],
        )
    with op.batch_alter_table("processing_activity", schema=None) as batch_op:
        batch_op.alter_column("translations", existing_type=sa.JSON(), nullable=False)
        batch_op.drop_column("systems")


def downgrade() -> None:
    with op.batch_alter_table("processing_activity", schema=None) as batch_op:
        batch_op.add_column(sa.Column("systems", sa.Text(), nullable=False, server_default=""))
    conn = op.get_bind()
    links = conn.execute(
        sa.text(
            "select l.processing_id, c.name from processing_system l join connector_config c "
            "on c.id = l.connector_id order by l.id"
        )
    ).all()
    names: dict[int, list[str]] = {}
    for pid, cname in links:
        names.setdefault(int(pid), []).append(str(cname))
    for pid, listed in names.items():
        conn.execute(
            sa.text("update processing_activity set systems=:s where id=:id"),
            {"s": "\n".join(listed), "id": pid},
        )
    # Named recipients go back into the one free-text column.
    conn.execute(
        sa.text(
            "update processing_activity set recipients=recipient_categories "
            "where recipients='' and recipient_categories<>''"
        )
    )
    with op.batch_alter_table("processing_activity", schema=None) as batch_op:
        batch_op.drop_column("translations")
        batch_op.drop_column("recipients_unnamed_reason")
        batch_op.drop_column("recipient_categories")
    with op.batch_alter_table("processing_system", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_processing_system_processing_id"))
        batch_op.drop_index(batch_op.f("ix_processing_system_connector_id"))
    op.drop_table("processing_system")
