"""Subsets of two schemas we did not design: osTicket 1.18 and phpList 3 (no FKs).

Written from the projects' documentation and knowledge of them, NOT loaded from their published
DDL files (install-mysql.sql, phpList's structure): table, column and index names may differ
from the real ones. The real published schema loaded in the tests is Request Tracker's
(tests/fixtures/schemas/request-tracker5, see request_tracker.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

import sqlalchemy as sa

NOW = datetime(2026, 3, 1, 12, 0, 0)


def osticket_metadata(schema: str | None) -> sa.MetaData:
    """The tables and indexes as osTicket's install-mysql.sql creates them (no foreign keys)."""
    md = sa.MetaData(schema=schema)
    u = sa.Integer
    sa.Table(
        "ost_user", md,
        sa.Column("id", u, primary_key=True, autoincrement=False),
        sa.Column("org_id", u, nullable=False, server_default="0"),
        sa.Column("default_email_id", u, nullable=False),
        sa.Column("status", u, nullable=False, server_default="0"),
        sa.Column("name", sa.String(128), nullable=False),
        sa.Column("created", sa.DateTime, nullable=False),
        sa.Column("updated", sa.DateTime, nullable=False),
        sa.Index("org_id", "org_id"), sa.Index("default_email_id", "default_email_id"),
        sa.Index("name", "name"),
    )  # fmt: skip
    sa.Table(
        "ost_user_email", md,
        sa.Column("id", u, primary_key=True, autoincrement=False),
        sa.Column("user_id", u, nullable=False),
        sa.Column("flags", u, nullable=False, server_default="0"),
        sa.Column("address", sa.String(255), nullable=False),
        sa.Index("address", "address", unique=True), sa.Index("user_email_lookup", "user_id"),
    )  # fmt: skip
    sa.Table(
        "ost_ticket", md,
        sa.Column("ticket_id", u, primary_key=True, autoincrement=False),
        sa.Column("number", sa.String(20)),
        sa.Column("user_id", u, nullable=False, server_default="0"),
        sa.Column("user_email_id", u, nullable=False, server_default="0"),
        sa.Column("dept_id", u, nullable=False, server_default="0"),
        sa.Column("staff_id", u, nullable=False, server_default="0"),
        sa.Column("ip_address", sa.String(64), nullable=False, server_default=""),
        sa.Column("created", sa.DateTime, nullable=False),
        sa.Index("ost_ticket_user_id", "user_id"), sa.Index("ost_ticket_staff_id", "staff_id"),
    )  # fmt: skip
    sa.Table(
        "ost_task", md,
        sa.Column("id", u, primary_key=True, autoincrement=False),
        sa.Column("object_id", u, nullable=False, server_default="0"),
        sa.Column("object_type", sa.String(1), nullable=False),
        sa.Column("number", sa.String(20)),
        sa.Column("staff_id", u, nullable=False, server_default="0"),
        sa.Column("created", sa.DateTime, nullable=False),
        sa.Index("object", "object_id", "object_type"),
    )  # fmt: skip
    sa.Table(
        "ost_thread", md,
        sa.Column("id", u, primary_key=True, autoincrement=False),
        sa.Column("object_id", u, nullable=False),
        sa.Column("object_type", sa.String(1), nullable=False),
        sa.Column("extra", sa.Text),
        sa.Column("created", sa.DateTime, nullable=False),
        sa.Index("ost_thread_object_id", "object_id"),
        sa.Index("ost_thread_object_type", "object_type"),
    )  # fmt: skip
    sa.Table(
        "ost_thread_entry", md,
        sa.Column("id", u, primary_key=True, autoincrement=False),
        sa.Column("pid", u, nullable=False, server_default="0"),
        sa.Column("thread_id", u, nullable=False, server_default="0"),
        sa.Column("staff_id", u, nullable=False, server_default="0"),
        sa.Column("user_id", u, nullable=False, server_default="0"),
        sa.Column("type", sa.String(1), nullable=False, server_default=""),
        sa.Column("poster", sa.String(128), nullable=False, server_default=""),
        sa.Column("title", sa.String(255)),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("ip_address", sa.String(64), nullable=False, server_default=""),
        sa.Column("created", sa.DateTime, nullable=False),
        # osTicket indexes pid, thread_id, staff_id and type, but not user_id.
        sa.Index("pid", "pid"), sa.Index("thread_id", "thread_id"),
        sa.Index("ost_thread_entry_staff_id", "staff_id"), sa.Index("type", "type"),
    )  # fmt: skip
    sa.Table(
        "ost_form_entry", md,
        sa.Column("id", u, primary_key=True, autoincrement=False),
        sa.Column("form_id", u, nullable=False),
        sa.Column("object_id", u),
        sa.Column("object_type", sa.String(1), nullable=False, server_default="T"),
        sa.Column("created", sa.DateTime, nullable=False),
        sa.Index("object_lookup", "object_id", "object_type"),
    )  # fmt: skip
    sa.Table(
        "ost_form_entry_values", md,
        sa.Column("entry_id", u, primary_key=True, autoincrement=False),
        sa.Column("field_id", u, primary_key=True, autoincrement=False),
        sa.Column("value", sa.Text),
        sa.Column("value_id", u),
    )  # fmt: skip
    return md


@dataclass
class Helpdesk:
    """Who owns which row, written down while seeding (independent of the connector)."""

    person: int = 1
    namesakes: tuple[int, ...] = (2, 3, 4)
    owner: dict[str, int] = field(default_factory=dict)  # "table:key" -> user id (0: staff)


def fill_osticket(conn: sa.Connection, md: sa.MetaData) -> Helpdesk:
    """Jan de Vries (two addresses), three namesakes, and a staff task whose id is a ticket id."""
    t = {tb.name: tb for tb in md.tables.values()}
    hd = Helpdesk()
    rows: dict[str, list[dict[str, object]]] = {n: [] for n in t}

    def add(table: str, owner: int, key: str, **values: object) -> None:
        rows[table].append(values)
        hd.owner[f"{table}:{key}"] = owner

    email_id, ticket_id, thread_id, entry_id = 100, 500, 900, 3000
    for user in (hd.person, *hd.namesakes):
        addresses = ["jan@example.com", "jan.work@example.org"] if user == hd.person else [
            f"jdevries{user}@mail.example.net"]  # fmt: skip
        add("ost_user", user, str(user), id=user, default_email_id=email_id + 1,
            name="Jan de Vries", created=NOW, updated=NOW)  # fmt: skip
        for address in addresses:
            email_id += 1
            add("ost_user_email", user, str(email_id), id=email_id, user_id=user, address=address)
        for _ in range(2 if user == hd.person else 1):
            ticket_id += 1
            thread_id += 1
            add("ost_ticket", user, str(ticket_id), ticket_id=ticket_id, number=f"T{ticket_id}",
                user_id=user, ip_address="198.51.100.7", created=NOW)  # fmt: skip
            add("ost_thread", user, str(thread_id), id=thread_id, object_id=ticket_id,
                object_type="T", created=NOW)  # fmt: skip
            for staff, author in ((0, "Jan de Vries"), (7, "Support desk")):
                entry_id += 1
                add("ost_thread_entry", user, str(entry_id), id=entry_id, thread_id=thread_id,
                    staff_id=staff, user_id=0 if staff else user, type="R" if staff else "M",
                    poster=author, title="Printer", body="Text", created=NOW)  # fmt: skip
        form = 700 + user
        add("ost_form_entry", user, str(form), id=form, form_id=1, object_id=user,
            object_type="U", created=NOW)  # fmt: skip
        add("ost_form_entry_values", user, f'["{form}","3"]', entry_id=form, field_id=3,
            value=f"06-1234567{user}")  # fmt: skip
        add("ost_form_entry_values", user, f'["{form}","4"]', entry_id=form, field_id=4,
            value="VIP")  # fmt: skip
    # A staff task whose id equals the person's first ticket id; its thread is 'A', not 'T'.
    rows["ost_task"].append({"id": 501, "object_type": "T", "number": "TSK1", "staff_id": 7,
                             "created": NOW})  # fmt: skip
    add("ost_thread", 0, "990", id=990, object_id=501, object_type="A", created=NOW)
    add("ost_thread_entry", 0, "3990", id=3990, thread_id=990, staff_id=7, user_id=0, type="N",
        poster="Support desk", title="Check Jan de Vries", body="Call", created=NOW)  # fmt: skip
    # A ticket-form entry whose object id (a ticket id) equals the person's user id.
    add("ost_form_entry", 0, "799", id=799, form_id=2, object_id=1, object_type="T", created=NOW)
    for name, table in t.items():
        if rows[name]:
            conn.execute(sa.insert(table), rows[name])
    return hd


def phplist_metadata(schema: str | None) -> sa.MetaData:
    """phpList 3's subscriber tables (phplist_user_user_attribute holds names as rows)."""
    md = sa.MetaData(schema=schema)
    sa.Table(
        "phplist_user_user", md,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("email", sa.String(255), nullable=False),
        sa.Column("confirmed", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("entered", sa.DateTime),
        sa.Column("uniqid", sa.String(255)),
        sa.Index("phplist_email", "email", unique=True),
    )  # fmt: skip
    sa.Table(
        "phplist_user_attribute", md,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("name", sa.String(255), nullable=False),
        sa.Column("type", sa.String(30)),
    )  # fmt: skip
    sa.Table(
        "phplist_user_user_attribute", md,
        sa.Column("attributeid", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("userid", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("value", sa.Text),
        sa.Index("phplist_attr_userid", "userid"),
    )  # fmt: skip
    sa.Table(
        "phplist_user_user_history", md,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("userid", sa.Integer, nullable=False),
        sa.Column("ip", sa.String(255)),
        sa.Column("date", sa.DateTime),
        sa.Column("summary", sa.String(255)),
        sa.Index("phplist_history_userid", "userid"),
    )  # fmt: skip
    sa.Table(
        "phplist_listuser", md,
        sa.Column("userid", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("listid", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("entered", sa.DateTime),
    )  # fmt: skip
    return md


def fill_phplist(conn: sa.Connection, md: sa.MetaData) -> None:
    """Subscriber 1 is Fatima El Amrani; 2-4 are her namesakes; 5 is someone else."""
    t = {tb.name: tb for tb in md.tables.values()}
    conn.execute(sa.insert(t["phplist_user_attribute"]), [
        {"id": 1, "name": "First Name", "type": "textline"},
        {"id": 2, "name": "Last Name", "type": "textline"},
        {"id": 3, "name": "Phone", "type": "textline"},
    ])  # fmt: skip
    people = [(1, "f.elamrani@example.com", "Fatima", "El Amrani")]
    people += [(i, f"fea{i}@example.net", "Fatima", "El Amrani") for i in (2, 3, 4)]
    people += [(5, "p.jansen@example.org", "Piet", "Jansen")]
    for uid, email, first, last in people:
        conn.execute(sa.insert(t["phplist_user_user"]).values(
            id=uid, email=email, confirmed=True, entered=NOW, uniqid=f"u{uid}"))  # fmt: skip
        conn.execute(sa.insert(t["phplist_user_user_attribute"]), [
            {"attributeid": 1, "userid": uid, "value": first},
            {"attributeid": 2, "userid": uid, "value": last},
            {"attributeid": 3, "userid": uid, "value": f"+31 6 1111000{uid}"},
        ])  # fmt: skip
        conn.execute(sa.insert(t["phplist_user_user_history"]).values(
            id=10 + uid, userid=uid, ip="203.0.113.9", date=NOW, summary="subscribed"))  # fmt: skip
        conn.execute(sa.insert(t["phplist_listuser"]).values(userid=uid, listid=1, entered=NOW))
