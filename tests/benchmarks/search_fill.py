"""A case base of any size built by SQL (not by the demo fill): people with common Dutch names,
namesakes and accents, one case each, spread over three years, as fast as executemany allows."""

from __future__ import annotations

import random
from datetime import date, timedelta

from sqlalchemy import Engine, insert

from app.core.validation import fold
from app.data.models import Case, ReferenceCounter, Requester

FIRST = (
    "Jan", "Anna", "Pieter", "Sanne", "Mohamed", "Fatima", "Zoë", "Daan", "Eva", "Noah",
    "Thijs", "Lotte", "Bram", "Iris", "Sem", "Julia", "Ahmed", "Emma", "Luuk", "Sophie",
)  # fmt: skip
PREFIX = ("", "", "", "", "van", "de", "van der", "van den", "ter", "el")
LAST = (
    "Jansen", "de Vries", "Bakker", "Visser", "Smit", "Meijer", "Mulder", "Bos", "Vos",
    "Peters", "Hendriks", "Dekker", "Brouwer", "Dijkstra", "Amrani", "Yılmaz", "Çelik",
    "Müller", "Hoekstra", "Kok",
    *(f"Achternaam{i}" for i in range(4000)),
)  # fmt: skip
TOWNS = ("Amsterdam", "Rotterdam", "Utrecht", "'s-Hertogenbosch", "Nieuwkuijk", "Tilburg")
YEARS = (2024, 2025, 2026)
CHUNK = 20_000


def fill_by_sql(engine: Engine, count: int, *, seed: int = 7, open_every: int = 0) -> None:
    """``count`` cases (one person each) through SQLAlchemy Core, in chunks; with
    ``open_every`` = n, every n-th case is open, due between 20 days ago and 30 days ahead."""
    rng = random.Random(seed)
    per_year = -(-count // len(YEARS))
    with engine.begin() as conn:
        conn.execute(insert(ReferenceCounter), [{"year": y, "last_seq": per_year} for y in YEARS])
    done = 0
    while done < count:
        n = min(CHUNK, count - done)
        people, cases = [], []
        for i in range(done, done + n):
            first, prefix = rng.choice(FIRST), rng.choice(PREFIX)
            # Half the people share 20 common surnames (Jansen: about 1 in 40), half are rare.
            last = rng.choice(LAST[:20]) if rng.random() < 0.5 else rng.choice(LAST[20:])
            town = rng.choice(TOWNS)
            postcode = f"{rng.randint(1000, 9999)} {rng.choice('ABCDEFGH')}{rng.choice('JKLMNP')}"
            email = f"{fold(first)}.{fold(last).replace(' ', '')}{i}@example.nl"
            people.append(
                {"id": i + 1, "first_name": first, "name_prefix": prefix, "last_name": last,
                 "name_key": fold(last)[:200], "street": f"Dorpsstraat {i % 300 + 1}",
                 "postcode": postcode, "city": town, "country": "NL", "email": email}
            )  # fmt: skip
            year = YEARS[i // per_year]
            seq = i % per_year + 1
            reference = f"AVG-{year}-{seq:04d}"
            received = date(year, 1, 1) + timedelta(days=(seq * 365) // (per_year + 1))
            status = "closed"
            if open_every and i % open_every == 0:
                status = rng.choice(("registered", "in_progress", "waiting"))
                received = date.today() - timedelta(days=rng.randint(0, 50))
            name = " ".join(p for p in (first, prefix, last) if p)
            cases.append(
                {"id": i + 1, "reference": reference, "year": year, "seq": seq,
                 "received_on": received, "registered_on": received, "status": status,
                 "requester_id": i + 1, "type_codes": ",access,",
                 "search_text": fold(f"{reference} | {name} | {postcode} | "
                                     f"{postcode.replace(' ', '')} | {email} | {town}"),
                 "legal_due_on": received + timedelta(days=30),
                 "effective_due_on": received + timedelta(days=30)}
            )  # fmt: skip
        with engine.begin() as conn:
            conn.execute(insert(Requester), people)
            conn.execute(insert(Case), cases)
        done += n
