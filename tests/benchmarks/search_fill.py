"""A case base of any size built by SQL (not by the demo fill): people with common Dutch names,
namesakes and accents, one case each, spread over three years, as fast as executemany allows."""

from __future__ import annotations

import random
from datetime import date, timedelta

from sqlalchemy import Engine, insert, text

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


def fill_postgresql_by_sql(engine: Engine, count: int, *, chunk: int = 250_000) -> None:
    """The same kind of case base on PostgreSQL, generated inside the server (generate_series):
    one INSERT per table and chunk, no rows through Python. Choices come from hashes of the row
    number, so the base is the same on every run (not row for row the same as ``fill_by_sql``,
    but with the same shares: Jansen about 1 in 40, postcodes 1000-9999, one e-mail each).

    The pg_trgm index is dropped during the fill and made again after it (much faster than
    keeping it up to date row by row)."""
    from app.data import search_index

    per_year = -(-count // len(YEARS))
    lasts = list(LAST)
    arrays = {
        "first": list(FIRST),
        "ffirst": [fold(f) for f in FIRST],
        "prefix": list(PREFIX),
        "common": lasts[:20],
        "fcommon": [fold(n) for n in lasts[:20]],
        "rare": lasts[20:],
        "frare": [fold(n) for n in lasts[20:]],
        "town": list(TOWNS),
        "ftown": [fold(t) for t in TOWNS],
    }
    with engine.begin() as conn:
        search_index.drop_pg_index(conn)
        conn.execute(insert(ReferenceCounter), [{"year": y, "last_seq": per_year} for y in YEARS])
    source = text(
        """
        WITH n AS (SELECT i, (i / :per_year) AS y, (i % :per_year) + 1 AS seq,
                          abs(hashint8extended(i, 1)) AS h1, abs(hashint8extended(i, 2)) AS h2,
                          abs(hashint8extended(i, 3)) AS h3, abs(hashint8extended(i, 4)) AS h4
                   FROM generate_series(CAST(:start AS bigint), :stop - 1) AS i),
        p AS (SELECT i, y, seq,
                     1 + h1 % 20 AS f, 1 + (h1 / 20) % 10 AS px, (h2 % 2 = 0) AS is_common,
                     1 + (h2 / 2) % 20 AS lc, 1 + (h2 / 40) % 4000 AS lr,
                     1 + h3 % 6 AS t, 1000 + (h3 / 6) % 9000 AS pc,
                     substr('ABCDEFGH', 1 + CAST(h4 % 8 AS int), 1)
                     || substr('JKLMNP', 1 + CAST((h4 / 8) % 6 AS int), 1) AS pl
              FROM n),
        q AS (SELECT p.*, 2024 + y AS year,
                     (CAST(:first AS text[]))[f] AS first,
                     (CAST(:ffirst AS text[]))[f] AS ffirst,
                     (CAST(:prefix AS text[]))[px] AS prefix,
                     CASE WHEN is_common THEN (CAST(:common AS text[]))[lc]
                          ELSE (CAST(:rare AS text[]))[lr] END AS last,
                     CASE WHEN is_common THEN (CAST(:fcommon AS text[]))[lc]
                          ELSE (CAST(:frare AS text[]))[lr] END AS flast,
                     (CAST(:town AS text[]))[t] AS town,
                     (CAST(:ftown AS text[]))[t] AS ftown,
                     pc || ' ' || pl AS postcode
              FROM p),
        r AS (SELECT q.*, 'AVG-' || year || '-'
                     || CASE WHEN seq < 1000 THEN lpad(CAST(seq AS text), 4, '0')
                        ELSE CAST(seq AS text) END AS reference,
                     DATE '2024-01-01' + make_interval(years => CAST(y AS int)) AS y0,
                     ffirst || '.' || replace(flast, ' ', '') || i || '@example.nl' AS email
              FROM q)
        """
    )
    requesters = text(
        source.text
        + """
        INSERT INTO requester (id, salutation, initials, first_name, name_prefix, last_name,
                               name_key, street, house_number, postcode, city, country, email,
                               phone)
        SELECT i + 1, '', '', first, prefix, last, flast,
               'Dorpsstraat ' || (i % 300 + 1), '', postcode, town, 'NL', email, ''
        FROM r
        """
    )
    cases = text(
        source.text
        + """
        INSERT INTO case_file (id, reference, year, seq, received_on, registered_on,
                               their_reference, channel, language, status, assigned_to, summary,
                               requester_id, search_text, type_codes, legal_due_on,
                               effective_due_on, paused, extension_reason, outcome,
                               created_at, updated_at, version, reminder_unknown)
        SELECT i + 1, reference, year, seq, rd, rd, '', 'post', 'nl', 'closed', '', '', i + 1,
               lower(reference) || ' | ' || concat_ws(' ', ffirst, nullif(prefix, ''), flast)
               || ' | ' || lower(postcode) || ' | ' || lower(replace(postcode, ' ', ''))
               || ' | ' || email || ' | ' || ftown,
               ',access,', rd + 30, rd + 30, false, '', '', now(), now(), 1, false
        FROM (SELECT r.*, CAST(y0 AS date) + CAST((seq * 365) / (:per_year + 1) AS int) AS rd
              FROM r) AS s
        """
    )
    done = 0
    while done < count:
        stop = min(count, done + chunk)
        params = arrays | {"per_year": per_year, "start": done, "stop": stop}
        with engine.begin() as conn:
            conn.execute(requesters, params)
            conn.execute(cases, params)
        done = stop
    with engine.begin() as conn:
        for table_name in ("requester", "case_file"):
            conn.execute(
                text(
                    f"SELECT setval(pg_get_serial_sequence('{table_name}', 'id'), "
                    f"(SELECT max(id) FROM {table_name}))"
                )
            )
        conn.execute(text("SET maintenance_work_mem = '256MB'"))
        reason = search_index.create_pg_index(conn)
        if reason:
            raise RuntimeError(f"the pg_trgm index could not be made: {reason}")
