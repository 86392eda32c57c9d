"""The `demo` use case: demo cases plus sample source systems that hold some of those people."""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path

from sqlalchemy.engine import make_url

from app.core.i18n import _
from app.data.database import Database, data_dir
from app.demo import DEMO_OFFICER
from app.demo.cases import DemoPerson, create_demo_cases
from app.demo.sample_files import (
    SHARED_DOCUMENTS,
    SUPPORT_MAILBOX,
    WEB_LOGS,
    create_sample_files,
)
from app.demo.sample_systems import (
    NEWSLETTER_NAME,
    SSP_NAME,
    SamplePerson,
    create_sample_systems,
)
from app.services.connectors import save_connector
from app.services.register import list_activities, save_activity

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


def install_demo_systems(
    db: Database, people: list[DemoPerson], *, actor: str = DEMO_OFFICER
) -> int:
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
        name=PAPER_ARCHIVE,
        kind="manual",
        settings={"instructions": "Zoek in de archiefkast (kamer 1.04) op naam en klantnummer."},
    )
    link_demo_register(db, [name for name, _kind, _settings in systems], actor=actor)
    return len(systems) + 1


PAPER_ARCHIVE = "Papieren archief"
# Which shipped processing (app/data/seed.py, by its Dutch name) holds the data of which demo
# system, and the demo's (fictitious) named recipients: the demo's own flow must be able to
# produce an access answer without editing the register by hand.
_DEMO_REGISTER: dict[str, tuple[tuple[str, ...], str]] = {
    "Klantondersteuning en Self Service Portal": (
        (SSP_NAME, SUPPORT_MAILBOX, SHARED_DOCUMENTS, PAPER_ARCHIVE),
        "Wolkenbasis Hosting B.V. (demo), Utrecht",
    ),
    "Ondersteuning op afstand": ((SSP_NAME,), "SchermSamen B.V. (demo), Eindhoven"),
    "Websitestatistieken en beveiliging van de website": ((WEB_LOGS,), ""),
    "Nieuwsbrief": ((NEWSLETTER_NAME,), ""),
    "Uitwisseling met toeleveranciers en derden": (
        (SSP_NAME,),
        "Pakketdienst Maasland B.V. (demo), 's-Hertogenbosch",
    ),
}


def link_demo_register(db: Database, installed: list[str], *, actor: str = DEMO_OFFICER) -> None:
    """Link the shipped processings to the demo's systems (by id) and name their recipients."""
    present = set(installed) | {PAPER_ARCHIVE}
    for activity in list_activities(db):
        entry = _DEMO_REGISTER.get(activity.name)
        if entry is None:
            continue
        systems, recipients = entry
        values = {"systems": "\n".join(dict.fromkeys([*activity.systems, *(
            s for s in systems if s in present)]))}  # fmt: skip
        if recipients and not activity.values["recipients"].strip():
            values["recipients"] = recipients
        save_activity(
            db, actor=actor, values=values, activity_id=activity.id,
            expected_version=activity.version,
        )  # fmt: skip


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
