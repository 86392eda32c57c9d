"""The `demo` use case: demo cases plus sample source systems that hold some of those people."""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path

from sqlalchemy.engine import make_url

from app.core.i18n import _
from app.data.database import Database, data_dir
from app.demo.cases import DemoPerson, create_demo_cases
from app.demo.sample_files import create_sample_files
from app.demo.sample_systems import SamplePerson, create_sample_systems
from app.services.connectors import save_connector

SYSTEM_PEOPLE = 80  # people of the demo cases who also appear in the sample systems


def demo_systems_folder(db: Database) -> Path:
    """Beside a SQLite file; in the user data folder for a server database."""
    url = make_url(db.url)
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        return Path(url.database).resolve().parent / "demo-systems"
    return data_dir() / "demo-systems"


def _sample_people(people: list[DemoPerson]) -> list[SamplePerson]:
    rng = random.Random(11)
    return [
        SamplePerson(
            first_name=p.first_name,
            last_name=" ".join(x for x in (p.name_prefix, p.last_name) if x),
            email=p.email,
            customer_number=p.customer_number,
            phone=p.phone,
            postcode=p.postcode,
            house_number=p.street.split()[-1],
            street=p.street,
            city=p.city,
            birth_date=date(rng.randint(1945, 2004), rng.randint(1, 12), rng.randint(1, 28)),
        )
        for p in people[:SYSTEM_PEOPLE]
    ]


def install_demo_systems(db: Database, people: list[DemoPerson], *, actor: str = "demo") -> int:
    folder = demo_systems_folder(db)
    samples = _sample_people(people)
    systems = [(s.name, s.kind, dict(s.settings)) for s in create_sample_systems(folder, samples)]
    triples = [(f"{s.first_name} {s.last_name}", s.email, s.customer_number) for s in samples]
    systems += [(s.name, s.kind, dict(s.settings)) for s in create_sample_files(folder, triples)]
    for name, kind, settings in systems:
        save_connector(db, actor=actor, name=name, kind=kind, settings=settings)
    save_connector(
        db,
        actor=actor,
        name="Papieren archief",
        kind="manual",
        settings={"instructions": "Zoek in de archiefkast (kamer 1.04) op naam en klantnummer."},
    )
    return len(systems) + 1


def fill_demo(
    db: Database, *, cases: int, with_systems: bool = True, today: date | None = None
) -> str:
    people = create_demo_cases(db, count=cases, today=today)
    if with_systems and people:
        count = install_demo_systems(db, people)
        return _(
            "{n} demo cases added to {database}; {systems} sample systems in {folder}",
            n=len(people),
            database=db.display_url,
            systems=count,
            folder=demo_systems_folder(db),
        )
    return _("{n} demo cases added to {database}", n=len(people), database=db.display_url)
