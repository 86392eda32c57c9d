"""Demo source systems: a Self Service Portal SQLite database with mapping, a newsletter CSV."""

from __future__ import annotations

import csv
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from app.core.resources import resource_path

SSP_NAME = "Self Service Portal"
NEWSLETTER_NAME = "Newsletter"
MAPPING_RESOURCE = resource_path("connectors", "ssp_mapping.example.toml")  # frozen-safe
_NOW = datetime(2026, 11, 2, 9, 0)

_FIRST = [
    "Anna",
    "Bram",
    "Carla",
    "Daan",
    "Eva",
    "Femke",
    "Gijs",
    "Hanna",
    "Iris",
    "Joost",
    "Kees",
    "Lotte",
    "Mohammed",
    "Noor",
    "Pieter",
    "Renée",
    "Sanne",
    "Tim",
    "Yara",
    "Zoë",
]
_LAST = [
    "de Jong",
    "Jansen",
    "de Vries",
    "van den Berg",
    "Bakker",
    "Visser",
    "Smit",
    "Meijer",
    "de Boer",
    "Mulder",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "El Amrani",
    "Öztürk",
]
_PLACES = [
    ("5253 RE", "Nieuwkuijk", "Hopbrouwer"),
    ("5211 AB", "'s-Hertogenbosch", "Markt"),
    ("3511 LX", "Utrecht", "Oudegracht"),
    ("1012 JS", "Amsterdam", "Damrak"),
    ("5038 EA", "Tilburg", "Piusstraat"),
    ("6511 KL", "Nijmegen", "Grote Markt"),
]
_TICKETS = [
    ("Wachtwoord vergeten", "Ik kan niet meer inloggen op het portaal."),
    ("Factuur klopt niet", "Op de factuur staat een licentie die ik heb opgezegd."),
    ("Back-up mislukt", "De nachtelijke back-up geeft sinds maandag een foutmelding."),
    ("Printer offline", "De netwerkprinter op kantoor reageert niet meer."),
    ("Nieuwe gebruiker", "Graag een account aanmaken voor een nieuwe collega."),
    ("VPN traag", "Thuiswerken via VPN is erg traag sinds de update."),
]
_AGENTS = [
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Firefox/132.0",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) Safari/605.1.15",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/130.0 Edg/130.0",
]


@dataclass(frozen=True)
class SamplePerson:
    first_name: str
    last_name: str
    email: str
    customer_number: str
    phone: str
    postcode: str
    house_number: str
    street: str
    city: str
    birth_date: date


@dataclass(frozen=True)
class SampleSystem:
    """What to register as a connector: instance name, connector kind, settings."""

    name: str
    kind: str
    settings: dict[str, Any] = field(default_factory=dict)


def ssp_metadata(schema: str | None = None) -> sa.MetaData:
    """The portal's tables; portable across SQLite, PostgreSQL and MariaDB."""
    md = sa.MetaData(schema=schema)
    customers = sa.Table(
        "customers",
        md,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("customer_number", sa.String(20), nullable=False, unique=True),
        sa.Column("first_name", sa.String(60), nullable=False),
        sa.Column("last_name", sa.String(80), nullable=False),
        sa.Column("email", sa.String(120)),
        sa.Column("phone", sa.String(30)),
        sa.Column("street", sa.String(80)),
        sa.Column("house_number", sa.String(10)),
        sa.Column("postcode", sa.String(7)),
        sa.Column("city", sa.String(60)),
        sa.Column("birth_date", sa.Date),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    tickets = sa.Table(
        "tickets",
        md,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("customer_id", sa.Integer, sa.ForeignKey(customers.c.id), nullable=False),
        sa.Column("opened_at", sa.DateTime, nullable=False),
        sa.Column("subject", sa.String(200), nullable=False),
        sa.Column("description", sa.Text),
        sa.Column("status", sa.String(20), nullable=False),
    )
    sa.Table(
        "remote_sessions",
        md,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("ticket_id", sa.Integer, sa.ForeignKey(tickets.c.id), nullable=False),
        sa.Column("started_at", sa.DateTime, nullable=False),
        sa.Column("duration_minutes", sa.Integer, nullable=False),
        sa.Column("technician", sa.String(60), nullable=False),
        sa.Column("client_ip", sa.String(45)),
        sa.Column("notes", sa.Text),
    )
    sa.Table(
        "portal_logins",
        md,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("customer_id", sa.Integer, sa.ForeignKey(customers.c.id), nullable=False),
        sa.Column("logged_in_at", sa.DateTime, nullable=False),
        sa.Column("ip_address", sa.String(45)),
        sa.Column("user_agent", sa.String(200)),
    )
    return md


def ssp_mapping_text(schema: str | None = None) -> str:
    """The shipped example mapping, optionally pointed at a schema (tests on shared servers)."""
    text = MAPPING_RESOURCE.read_text(encoding="utf-8")
    return f'schema = "{schema}"\n{text}' if schema else text


def _invented_people(rng: random.Random, people: Sequence[SamplePerson]) -> list[SamplePerson]:
    """People not in the list, among them namesakes of the first listed people."""
    taken = {p.customer_number for p in people}
    numbers = (f"DB-{n}" for n in range(20001, 30000) if f"DB-{n}" not in taken)
    result: list[SamplePerson] = []

    def invent(first: str, last: str, index: int) -> SamplePerson:
        postcode, city, street = rng.choice(_PLACES)
        local = f"{first}.{last}".lower().replace(" ", "").replace("'", "")
        return SamplePerson(
            first_name=first,
            last_name=last,
            email=f"{local}{index}@example.nl",
            customer_number=next(numbers),
            phone=f"06-{rng.randrange(10_000_000, 99_999_999)}",
            postcode=postcode,
            house_number=str(rng.randrange(1, 180)),
            street=street,
            city=city,
            birth_date=date(1950, 1, 1) + timedelta(days=rng.randrange(0, 365 * 55)),
        )

    for index, person in enumerate(people[:3]):
        result.append(invent(person.first_name, person.last_name, 100 + index))
    for index in range(14):
        result.append(invent(rng.choice(_FIRST), rng.choice(_LAST), index))
    return result


def _ip(rng: random.Random) -> str:
    first = rng.choice([31, 62, 77, 84, 145, 188, 213])
    return f"{first}.{rng.randrange(1, 255)}.{rng.randrange(0, 255)}.{rng.randrange(1, 255)}"


def _insert(conn: Connection, table: sa.Table, **values: Any) -> int:
    key = conn.execute(table.insert().values(**values)).inserted_primary_key
    assert key is not None
    return int(key[0])


def fill_ssp(
    conn: Connection, md: sa.MetaData, people: Sequence[SamplePerson], rng_seed: int = 7
) -> list[SamplePerson]:
    """Insert the listed and the invented people with tickets, sessions and logins.

    Returns everyone in the database, listed people first.
    """
    rng = random.Random(rng_seed)
    everyone = [*people, *_invented_people(rng, people)]
    tables = {t.name: t for t in md.tables.values()}
    office_ip = _ip(rng)  # shared by two customers: an IP alone never identifies one person
    for index, person in enumerate(everyone):
        customer_id = _insert(
            conn,
            tables["customers"],
            customer_number=person.customer_number,
            first_name=person.first_name,
            last_name=person.last_name,
            email=person.email,
            phone=person.phone,
            street=person.street,
            house_number=person.house_number,
            postcode=person.postcode,
            city=person.city,
            birth_date=person.birth_date,
            created_at=_NOW - timedelta(days=rng.randrange(30, 2000)),
        )
        for number in range(1 + index % 3 + (index < len(people))):
            subject, text = rng.choice(_TICKETS)
            opened = _NOW - timedelta(days=rng.randrange(1, 700), minutes=rng.randrange(600))
            ticket_id = _insert(
                conn,
                tables["tickets"],
                customer_id=customer_id,
                opened_at=opened,
                subject=subject,
                description=f"{text} Klantnummer {person.customer_number}.",
                status="closed" if number else "open",
            )
            if rng.random() < 0.6:
                conn.execute(
                    tables["remote_sessions"]
                    .insert()
                    .values(
                        ticket_id=ticket_id,
                        started_at=opened + timedelta(hours=2),
                        duration_minutes=rng.randrange(5, 90),
                        technician=rng.choice(["M. de Wit", "S. Koster"]),
                        client_ip=_ip(rng),
                        notes="Sessie gestart op verzoek van de klant.",
                    )
                )
        for _ in range(rng.randrange(1, 5)):
            conn.execute(
                tables["portal_logins"]
                .insert()
                .values(
                    customer_id=customer_id,
                    logged_in_at=_NOW - timedelta(days=rng.randrange(0, 30), minutes=index),
                    ip_address=office_ip if index in {1, len(everyone) - 1} else _ip(rng),
                    user_agent=rng.choice(_AGENTS),
                )
            )
    return everyone


def write_newsletter(path: Path, everyone: Sequence[SamplePerson], listed: int) -> None:
    """Newsletter subscribers: every other listed person plus some others, e-mail only."""
    rows = [p for i, p in enumerate(everyone) if (i % 2 == 0 if i < listed else i % 3 == 0)]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["email", "first_name", "subscribed_on"])
        for index, person in enumerate(rows):
            # Some people typed their address in capitals: matching must not care.
            email = person.email.upper() if index % 4 == 3 else person.email
            subscribed = (_NOW - timedelta(days=40 * index + 3)).date().isoformat()
            writer.writerow([email, person.first_name, subscribed])


def create_sample_systems(
    folder: Path, people: Sequence[SamplePerson], rng_seed: int = 7
) -> list[SampleSystem]:
    """Write the demo systems into `folder` (replacing earlier ones) and return their configs."""
    folder.mkdir(parents=True, exist_ok=True)
    db_path = folder / "self_service_portal.sqlite"
    mapping_path = folder / "self_service_portal.mapping.toml"
    csv_path = folder / "newsletter.csv"
    db_path.unlink(missing_ok=True)
    md = ssp_metadata()
    engine = sa.create_engine(f"sqlite:///{db_path}")
    try:
        with engine.begin() as conn:
            md.create_all(conn)
            everyone = fill_ssp(conn, md, people, rng_seed)
    finally:
        engine.dispose()
    mapping_path.write_text(ssp_mapping_text(), encoding="utf-8")
    write_newsletter(csv_path, everyone, len(people))
    return [
        SampleSystem(
            SSP_NAME, "sql", {"url": f"sqlite:///{db_path}", "mapping_file": str(mapping_path)}
        ),
        SampleSystem(
            NEWSLETTER_NAME,
            "tabular_file",
            {
                "path": str(csv_path),
                "identifier_columns": {"email": "email"},
                "categories": ["contact details", "newsletter"],
                "delimiter": ",",
                "encoding": "utf-8-sig",
            },
        ),
    ]
