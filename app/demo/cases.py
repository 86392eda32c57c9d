"""Realistic demo cases: Dutch names and addresses, all types and statuses, some overdue."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import func, insert, select

from app.core.code_words import code_word
from app.core.deadlines import DeadlineInput, compute_deadlines
from app.core.deadlines import Pause as PauseValue
from app.core.enums import CaseStatus, Language, RequestType
from app.core.i18n import _, stored
from app.core.outcomes import MANIFESTLY_UNFOUNDED_OR_EXCESSIVE, STATED_IN_REFUSAL_LETTER
from app.core.validation import fold
from app.data.database import Database
from app.data.models import (
    AuditEvent,
    Case,
    CaseRequestType,
    Pause,
    ReferenceCounter,
    Requester,
    RequesterIdentifier,
)
from app.demo import DEMO_OFFICER, OTHER_OFFICERS
from app.services import audit_chain
from app.services.cases import format_reference
from app.services.deadlines import calendar_settings

FIRST_NAMES = (
    "Jan", "Pieter", "Sanne", "Emma", "Daan", "Sophie", "Lucas", "Julia", "Noah", "Zoë", "Fleur",
    "Bram", "Anouk", "Thijs", "Lotte", "Mohamed", "Fatima", "Yusuf", "Aylin", "Priya", "Wim",
    "Henk", "Ingrid", "Joke", "Kees", "Marieke", "Ruud", "Femke", "Sven", "Noor", "Jesse", "Eline",
    "Özlem", "Chantal", "Gerrit", "Anneke", "Bas", "Iris", "Stijn", "Maaike",
)  # fmt: skip
PREFIXES = ("", "", "", "van", "de", "van der", "van den", "van de", "ter", "den")
LAST_NAMES = (
    "Jansen", "Bakker", "Visser", "Smit", "Meijer", "Mulder", "Bos", "Vos", "Peters", "Hendriks",
    "Dijkstra", "Berg", "Dekker", "Brink", "Leeuwen", "Wijk", "Kok", "Veen", "Heuvel", "Vliet",
    "IJsselstein-Çelik", "Yılmaz", "El Amrani", "Bosch", "Graaf", "Linden", "Hoekstra", "Koster",
    "Prins", "Huisman", "Scholten", "Postma", "Kuipers", "Verbeek", "Brouwer", "Groot", "Sluis",
)  # fmt: skip
STREETS = (
    "Kerkstraat", "Dorpsstraat", "Molenweg", "Stationsweg", "Hoofdstraat", "Schoolstraat",
    "Julianastraat", "Beatrixlaan", "Wilhelminapark", "Eikenlaan", "Lindelaan", "Parallelweg",
    "Nieuwstraat", "Marktplein", "Hopbrouwer", "Burgemeester Smitsstraat", "Ceintuurbaan",
)  # fmt: skip
# (town, postcode range): real ranges so addresses look right on a letter.
TOWNS = (
    ("Amsterdam", 1011, 1109), ("Rotterdam", 3011, 3089), ("Den Haag", 2491, 2599),
    ("Utrecht", 3511, 3585), ("Eindhoven", 5611, 5658), ("'s-Hertogenbosch", 5211, 5249),
    ("Nieuwkuijk", 5253, 5253), ("Tilburg", 5011, 5049), ("Groningen", 9711, 9747),
    ("Zwolle", 8011, 8047), ("Maastricht", 6211, 6229), ("Leeuwarden", 8911, 8939),
    ("Vlijmen", 5251, 5251), ("Drunen", 5151, 5152), ("Breda", 4811, 4839),
)  # fmt: skip
LETTERS = "ABCDEFGHJKLMNPRSTVWXZ"
TYPE_MIXES = (
    (RequestType.ACCESS,), (RequestType.ACCESS,), (RequestType.ACCESS,),
    (RequestType.ACCESS, RequestType.PORTABILITY), (RequestType.ERASURE,),
    (RequestType.ERASURE, RequestType.OBJECTION, RequestType.RESTRICTION),
    (RequestType.RECTIFICATION,), (RequestType.OBJECTION,), (RequestType.ERASURE,),
    (RequestType.RESTRICTION,),
)  # fmt: skip


@dataclass(frozen=True)
class DemoPerson:
    first_name: str
    name_prefix: str
    last_name: str
    street: str
    postcode: str
    city: str
    email: str
    customer_number: str
    phone: str


def _postcode(rng: random.Random, low: int, high: int) -> str:
    letters = rng.choice(LETTERS) + rng.choice(LETTERS)
    while letters in ("SA", "SD", "SS"):
        letters = rng.choice(LETTERS) + rng.choice(LETTERS)
    return f"{rng.randint(low, high)} {letters}"


def _answer_language(draw: float) -> str:
    """85 % Dutch, 10 % English, 5 % German (one draw, so the rest of the demo stays the same)."""
    if draw < 0.85:
        return Language.NL.value
    return Language.EN.value if draw < 0.95 else Language.DE.value


def _mail_slug(text: str) -> str:
    return "".join(c for c in fold(text) if c.isalnum())


# Refused demo requests: mostly "reasons in the letter" (identity), some unfounded or excessive.
_DEMO_GROUNDS = (
    STATED_IN_REFUSAL_LETTER,
    STATED_IN_REFUSAL_LETTER,
    MANIFESTLY_UNFOUNDED_OR_EXCESSIVE,
)


def make_person(rng: random.Random, index: int) -> DemoPerson:
    first = rng.choice(FIRST_NAMES)
    prefix = rng.choice(PREFIXES)
    last = rng.choice(LAST_NAMES)
    town, low, high = rng.choice(TOWNS)
    domain = rng.choice(("gmail.com", "hotmail.nl", "ziggo.nl", "kpnmail.nl", "outlook.com"))
    return DemoPerson(
        first_name=first,
        name_prefix=prefix,
        last_name=last,
        street=f"{rng.choice(STREETS)} {rng.randint(1, 220)}{rng.choice(['', '', '', 'A', 'B'])}",
        postcode=_postcode(rng, low, high),
        city=town,
        email=f"{_mail_slug(first)}.{_mail_slug(prefix + last)}{index}@{domain}",
        customer_number=f"DB{100000 + index}",
        phone=f"06-{rng.randint(10000000, 99999999)}",
    )


def _status_for(rng: random.Random, age_days: int) -> str:
    """Older cases are mostly done; a few stay open past their deadline (overdue)."""
    if age_days > 45:
        return rng.choices(
            ["closed", "answered", "refused", "withdrawn", "in_progress", "registered"],
            weights=[60, 20, 6, 4, 6, 4],
        )[0]
    if age_days > 20:
        return rng.choices(
            ["in_progress", "answered", "identity_check", "on_hold", "closed", "registered"],
            weights=[35, 25, 10, 10, 10, 10],
        )[0]
    return rng.choices(
        ["registered", "identity_check", "in_progress", "on_hold"], weights=[45, 20, 25, 10]
    )[0]


def create_demo_cases(
    db: Database,
    *,
    count: int,
    actor: str = DEMO_OFFICER,
    today: date | None = None,
    seed: int = 2026,
    progress: Callable[[int], None] | None = None,
) -> list[DemoPerson]:
    """Insert ``count`` demo cases in bulk; returns the people (for demo source systems)."""
    today = today or date.today()
    rng = random.Random(seed)
    people: list[DemoPerson] = []
    batch = 2000
    with db.session() as session:
        cal = calendar_settings(session)
        counters = {c.year: c for c in session.scalars(select(ReferenceCounter))}
        span = min(420, max(60, count // 3))
        for start in range(0, count, batch):
            size = min(batch, count - start)
            received = sorted(today - timedelta(days=rng.randint(0, span)) for _ in range(size))
            persons = [make_person(rng, start + i) for i in range(size)]
            people.extend(persons)
            requester_ids = session.scalars(
                insert(Requester).returning(Requester.id, sort_by_parameter_order=True),
                [
                    {
                        "salutation": "",
                        "first_name": p.first_name,
                        "name_prefix": p.name_prefix,
                        "last_name": p.last_name,
                        "name_key": fold(p.last_name)[:200],
                        "street": p.street,
                        "house_number": p.street.split()[-1],
                        "postcode": p.postcode,
                        "city": p.city,
                        "country": "NL",
                        "email": p.email if rng.random() < 0.8 else "",
                        "phone": p.phone if rng.random() < 0.3 else "",
                    }
                    for p in persons
                ],
            ).all()
            identifiers = [
                {"requester_id": rid, "kind": "customer_number", "value": p.customer_number}
                for rid, p in zip(requester_ids, persons, strict=True)
                if rng.random() < 0.6
            ]
            if identifiers:  # an empty executemany would insert one row of defaults
                session.execute(insert(RequesterIdentifier), identifiers)
            case_rows: list[dict[str, Any]] = []
            extras: list[tuple[list[str], str, date, PauseValue | None]] = []
            for rid, person, rec in zip(requester_ids, persons, received, strict=True):
                counter = counters.get(rec.year)
                if counter is None:
                    counter = ReferenceCounter(year=rec.year, last_seq=0)
                    session.add(counter)
                    counters[rec.year] = counter
                counter.last_seq += 1
                reference = format_reference(rec.year, counter.last_seq)
                age = (today - rec).days
                status = _status_for(rng, age)
                pause = None
                if status == "on_hold":
                    pause = PauseValue(rec + timedelta(days=min(age, rng.randint(1, 4))), None)
                elif age > 30 and rng.random() < 0.15:
                    s = rec + timedelta(days=rng.randint(1, 5))
                    pause = PauseValue(s, s + timedelta(days=rng.randint(3, 12)))
                extended_on = (
                    rec + timedelta(days=rng.randint(10, 25))
                    if age > 30 and status in ("in_progress", "answered", "closed")
                    and rng.random() < 0.08
                    else None
                )  # fmt: skip
                deadlines = compute_deadlines(
                    DeadlineInput(
                        received=rec,
                        promise_weeks=cal.promise_weeks,
                        pauses=() if pause is None else (pause,),
                        extension_notice_sent_on=extended_on,
                        extra_holidays=cal.extra_holidays,
                    )
                )
                codes = [t.value for t in rng.choice(TYPE_MIXES)]
                done = status in ("answered", "closed", "refused")
                answered = None
                if done:
                    due = deadlines.effective or rec + timedelta(days=30)
                    answered = min(
                        today, rec + timedelta(days=rng.randint(3, (due - rec).days + 4))
                    )
                name = " ".join(
                    x for x in (person.first_name, person.name_prefix, person.last_name) if x
                )
                case_rows.append(
                    {
                        "reference": reference,
                        "year": rec.year,
                        "seq": counter.last_seq,
                        "received_on": rec,
                        "registered_on": min(
                            today, rec + timedelta(days=rng.choice([0, 0, 0, 1, 3]))
                        ),
                        "their_reference": ""
                        if rng.random() < 0.7
                        else f"REF-{rng.randint(1000, 9999)}",
                        "channel": "post",
                        # Mostly Dutch, some English, a few German-speaking customers.
                        "language": _answer_language(rng.random()),
                        "status": status,
                        "assigned_to": rng.choice([*OTHER_OFFICERS, DEMO_OFFICER]),
                        "requester_id": rid,
                        "search_text": fold(
                            f"{reference} | {name} | {person.postcode} | "
                            f"{person.postcode.replace(' ', '')} | {person.email} | {person.city}"
                        ),
                        "type_codes": "," + ",".join(codes) + ",",
                        "promise_on": deadlines.promise,
                        "post_by_on": deadlines.post_by,
                        "legal_due_on": deadlines.legal,
                        "extended_due_on": deadlines.extended,
                        "effective_due_on": deadlines.effective,
                        "paused": deadlines.paused,
                        "extension_notice_on": extended_on,
                        "extension_reason": "Complex verzoek: veel systemen" if extended_on else "",
                        "acknowledged_on": min(today, rec + timedelta(days=2)) if age > 2 else None,
                        "answered_on": answered,
                        "closed_on": min(today, (answered or rec) + timedelta(days=7))
                        if status == "closed"
                        else None,
                        "outcome": {
                            "closed": "granted",
                            "refused": "refused",
                            "withdrawn": "withdrawn",
                        }.get(status, ""),
                        "version": 1,
                    }
                )
                extras.append((codes, status, rec, pause))
            case_ids = session.scalars(
                insert(Case).returning(Case.id, sort_by_parameter_order=True), case_rows
            ).all()
            now = datetime.now(UTC)
            type_rows, audit_rows, pause_rows = [], [], []
            for cid, (codes, status, rec, pause) in zip(case_ids, extras, strict=True):
                for code in codes:
                    outcome = "granted" if status in ("answered", "closed") else ""
                    outcome = "refused" if status == "refused" else outcome
                    ground = ""
                    if outcome == "refused":  # as the refusal letter would have recorded it
                        ground = _DEMO_GROUNDS[(cid + len(code)) % len(_DEMO_GROUNDS)]
                    type_rows.append(
                        {"case_id": cid, "code": code, "outcome": outcome, "refusal_ground": ground}
                    )
                audit_rows.append(
                    {
                        "case_id": cid,
                        "at": now,
                        "actor": actor,
                        "action": "case_registered",
                        "summary": stored(_("Demo letter received {date}", date=rec.isoformat())),
                        "after": {"types": codes, "status": "registered"},
                    }
                )
                if status != CaseStatus.REGISTERED.value:
                    audit_rows.append(
                        {
                            "case_id": cid,
                            "at": now,
                            "actor": actor,
                            "action": "status_changed",
                            "summary": stored(
                                _(
                                    "Status {old} -> {new}",
                                    old=code_word("status", CaseStatus.REGISTERED.value),
                                    new=code_word("status", status),
                                )
                            ),
                            "before": {"status": "registered"},
                            "after": {"status": status},
                        }
                    )
                if pause is not None:
                    pause_rows.append(
                        {"case_id": cid, "start_on": pause.start, "end_on": pause.end,
                         "reason": "Vraag om aanvullende gegevens verstuurd"}
                    )  # fmt: skip
            session.execute(insert(CaseRequestType), type_rows)  # never empty: >= 1 type each
            # This transaction holds the write lock (SQLite) and sees no other writer's unsealed
            # rows (PostgreSQL): the unsealed rows above the old maximum are the ones just added.
            floor = session.scalar(select(func.max(AuditEvent.id))) or 0
            session.execute(insert(AuditEvent), audit_rows)
            audit_chain.track_ids(
                session,
                session.scalars(
                    select(AuditEvent.id).where(AuditEvent.id > floor, AuditEvent.hash.is_(None))
                ),
            )
            if pause_rows:
                session.execute(insert(Pause), pause_rows)
            session.flush()
            if progress is not None:
                progress(start + size)
    return people
