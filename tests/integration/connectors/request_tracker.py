"""Request Tracker 5.0.3's published schema (Debian's request-tracker5) with generated people."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import Connection

SCHEMAS = Path(__file__).resolve().parents[2] / "fixtures" / "schemas" / "request-tracker5"
PERSON = 10  # Zoë de Vries, zoe.devries@example.com
NAMESAKES = (11, 12)  # "Zoe de Vries" and "ZOË DE VRIES" with other addresses
STAFF = 20


def statements(kind: str) -> list[str]:
    """RT's own DDL file for the server, split into statements (comments dropped)."""
    name = "schema.Pg" if kind == "postgresql" else "schema.mysql"
    text = (SCHEMAS / name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if not line.lstrip().startswith("--")]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]


def load_schema(conn: Connection, kind: str, schema: str) -> int:
    """Create RT's tables in `schema` (a PostgreSQL schema / a MariaDB database)."""
    if kind == "postgresql":
        conn.exec_driver_sql(f"SET search_path TO {schema}")
    else:
        conn.exec_driver_sql(f"USE {schema}")
    ddl = statements(kind)
    for statement in ddl:
        conn.exec_driver_sql(statement.replace("%", "%%"))
    return sum(s.upper().startswith("CREATE TABLE") for s in ddl)


@dataclass
class Helpdesk:
    """Which generated record belongs to whom (record ids as the connector names them)."""

    owner: dict[str, int] = field(default_factory=dict)

    def of(self, *people: int) -> set[str]:
        return {r for r, o in self.owner.items() if o in people}


def fill(conn: Connection, kind: str) -> Helpdesk:
    """People, namesakes, staff and their tickets, history, mails and custom fields."""
    pg = kind == "postgresql"

    def t(name: str) -> str:
        return name.lower() if pg else name

    hd = Helpdesk()

    def insert(table: str, owner: int | None, **values: object) -> None:
        columns = ", ".join(values)
        params = ", ".join(f":{c}" for c in values)
        conn.execute(sa.text(f"INSERT INTO {table} ({columns}) VALUES ({params})"), values)
        if owner is not None:
            hd.owner[f"{t(table)}:{values['id']}"] = owner

    people = [
        (PERSON, "zoe.devries@example.com", "zoe.devries@example.com", "Zoë de Vries", "0612"),
        (11, "zvries", "z.devries@elders.example", "Zoe de Vries", None),
        (12, "zoe.dv", "zoe@vries-bakkerij.example", "ZOË DE VRIES", None),
        (STAFF, "agent", "agent@helpdesk.example", "Agent Smith", None),
        (1, "RT_System", None, "The RT System itself", None),
    ]  # fmt: skip
    for uid, login, email, real, mobile in people:
        owner = uid if uid in (PERSON, *NAMESAKES) else None
        insert("Users", owner, id=uid, Name=login, EmailAddress=email, RealName=real,
               MobilePhone=mobile, Address1="Dorpsstraat 1" if uid == PERSON else None,
               City="Utrecht", Creator=1, LastUpdatedBy=1)  # fmt: skip
    tickets = [(100, PERSON, "My invoice"), (101, PERSON, "Change of address"),
               (102, 11, "Order missing"), (103, STAFF, "Internal: printer broken")]  # fmt: skip
    for tid, creator, subject in tickets:
        owner = creator if creator != STAFF else None
        insert("Tickets", owner, id=tid, EffectiveId=tid, Queue=1, Type="ticket", Owner=STAFF,
               Subject=subject, Status="open", Creator=creator, LastUpdatedBy=creator)  # fmt: skip
    transactions = [
        (1000, "RT::Ticket", 100, "Create", PERSON, PERSON),
        (1001, "RT::Ticket", 100, "Correspond", STAFF, PERSON),  # staff reply on her ticket
        (1002, "RT::Ticket", 101, "Create", PERSON, PERSON),
        (1003, "RT::Ticket", 102, "Create", 11, 11),
        (1004, "RT::Queue", 100, "Set", STAFF, None),  # queue 100, not ticket 100
        (1005, "RT::Group", 101, "AddMember", STAFF, None),  # group 101, not ticket 101
        (1006, "RT::Ticket", 103, "Comment", STAFF, None),  # the staff's internal ticket
        (1007, "RT::User", PERSON, "Set", PERSON, PERSON),  # her own user record changed
        (1008, "RT::User", 11, "Set", 11, 11),
    ]
    for xid, otype, oid, kind_, creator, owner in transactions:
        insert("Transactions", owner, id=xid, ObjectType=otype, ObjectId=oid, Type=kind_,
               OldValue="old@example.com" if xid == 1007 else None, Creator=creator)  # fmt: skip
    attachments = [(5000, 1000, PERSON, "Hello, this is Zoë about invoice 2026-17."),
                   (5001, 1001, PERSON, "Dear Zoë, we corrected the invoice."),
                   (5002, 1003, 11, "Where is my order?"),
                   (5003, 1004, None, "Queue settings changed."),
                   (5004, 1006, None, "Printer toner is empty.")]  # fmt: skip
    for aid, xid, owner, body in attachments:
        insert("Attachments", owner, id=aid, TransactionId=xid, Parent=0, Subject="Re",
               ContentType="text/plain", Content=body, Creator=1)  # fmt: skip
    values = [
        (7000, 1, "RT::User", PERSON, "C-1001", PERSON),  # customer number
        (7001, 2, "RT::User", PERSON, "+31 6 12345678", PERSON),  # phone
        (7002, 1, "RT::User", 11, "C-2002", 11),
        (7003, 3, "RT::Ticket", PERSON, "high", None),  # ticket 10's severity, not user 10's
        (7004, 1, "RT::Ticket", PERSON, "C-9999", None),  # field 1 of ticket 10, not of user 10
    ]
    for vid, cf, otype, oid, content, owner in values:
        insert("ObjectCustomFieldValues", owner, id=vid, CustomField=cf, ObjectType=otype,
               ObjectId=oid, Content=content, Creator=1, LastUpdatedBy=1)  # fmt: skip
    attributes = [
        (8000, "Pref-RT::Ticket-Display", "RT::User", PERSON, "compact", PERSON),
        (8001, "SavedSearch", "RT::User", 11, "Queue = 'General'", 11),
        (8002, "BrandedSubjectTag", "RT::System", PERSON, "[example.com]", None),
    ]
    for atid, name, otype, oid, content, owner in attributes:
        insert("Attributes", owner, id=atid, Name=name, ObjectType=otype, ObjectId=oid,
               Content=content, Creator=1, LastUpdatedBy=1)  # fmt: skip
    return hd
