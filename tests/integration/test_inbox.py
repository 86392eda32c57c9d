"""The hot-folder inbox, reminders and duplicates on real databases (SQLite, PostgreSQL)."""

from __future__ import annotations

import hashlib
import threading
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from reportlab.pdfgen import canvas
from sqlalchemy import select, text, update

from app.core.enums import RequestType
from app.core.errors import UserError, ValidationError
from app.core.letter_text import read_letter
from app.core.todo import Task
from app.core.validation import CaseInput
from app.data.database import Database
from app.data.models import AuditEvent, Case, CaseLink, Document, InboxItem
from app.services import inbox
from app.services.case_detail import get_case
from app.services.case_queries import count_cases
from app.services.cases import register_case
from app.services.hot_folder import FolderWatch, validate_hot_folder
from app.services.reminders import ConfirmationNeeded, Person, find_earlier_cases
from app.services.reports import compute_yearly_figures
from app.services.settings import set_setting
from app.services.today import todo_items

TODAY = date(2026, 11, 30)
LETTER = """Jan van der Berg
Kerkstraat 12
5253 RE Nieuwkuijk

Nieuwkuijk, 20 november 2026

Geachte heer, mevrouw,

Ik verzoek u om inzage in mijn persoonsgegevens (artikel 15 AVG).
"""
REMINDER = """Jan van der Berg
Kerkstraat 12
5253 RE Nieuwkuijk

Nieuwkuijk, 25 november 2026

Betreft: herinnering, uw kenmerk AVG-2026-0001

Op 20 november heb ik u gevraagd om inzage. Ik heb nog niets gehoord. Ik stel u in gebreke
en verwacht uw antwoord binnen 14 dagen na dagtekening van deze brief.
"""


def person(**kw: object) -> CaseInput:
    base: dict[str, object] = dict(
        request_types=(RequestType.ACCESS,),
        received_on=date(2026, 11, 20),
        first_name="Jan",
        name_prefix="van der",
        last_name="Berg",
        street="Kerkstraat 12",
        postcode="5253 RE",
        city="Nieuwkuijk",
        email="jan@example.nl",
    )
    base.update(kw)
    return CaseInput(**base)  # type: ignore[arg-type]


def letter_pdf(path: Path, content: str) -> Path:
    """A PDF with a text layer (what a scanner with OCR writes), made with ReportLab."""
    sheet = canvas.Canvas(str(path))
    y = 800
    for line in content.splitlines():
        sheet.drawString(60, y, line)
        y -= 16
    sheet.save()
    return path


def arrive(db: Database, folder: Path, name: str, content: str) -> int:
    path = letter_pdf(folder / name, content)
    item_id = inbox.add_arrival(db, path=path)
    assert item_id is not None
    inbox.read_item(db, item_id=item_id)
    return item_id


# ---- the folder watch -------------------------------------------------------------------------


def test_a_file_arrives_once_its_size_is_stable_for_two_seconds(tmp_path: Path) -> None:
    now = [100.0]
    watch = FolderWatch(tmp_path, clock=lambda: now[0])
    scan = tmp_path / "scan-001.pdf"
    scan.write_bytes(b"%PDF-1.4 part")
    (tmp_path / ".scan-002.pdf").write_bytes(b"hidden")
    (tmp_path / "scan-003.pdf.part").write_bytes(b"being written")
    assert watch.poll() == []
    now[0] += 1.5
    with scan.open("ab") as handle:  # the scanner is still writing
        handle.write(b" more")
    assert watch.poll() == []
    now[0] += 1.9
    assert watch.poll() == []  # stable for 1.9 s only
    now[0] += 0.2
    assert watch.poll() == [scan]
    now[0] += 5
    assert watch.poll() == []  # reported once
    scan.unlink()
    assert watch.poll() == []
    scan.write_bytes(b"%PDF-1.4 again")
    now[0] += 1
    watch.poll()
    now[0] += 2
    assert watch.poll() == [scan]  # written again: a new arrival


def test_the_hot_folder_setting_is_validated(db: Database, tmp_path: Path) -> None:
    assert validate_hot_folder({"path": ""}) == ({"path": "", "purge_after_days": 30}, {})
    _value, errors = validate_hot_folder({"path": str(tmp_path / "missing")})
    assert "does not exist" in str(errors["path"])
    _value, errors = validate_hot_folder({"path": "relative/scans"})
    assert "full path" in str(errors["path"])
    with pytest.raises(ValidationError):
        set_setting(db, actor="t", key="hot_folder", value={"path": str(tmp_path / "nope")})
    set_setting(db, actor="t", key="hot_folder", value={"path": str(tmp_path)})
    assert inbox.hot_folder(db) == tmp_path


# ---- inbox items ------------------------------------------------------------------------------


def test_an_arrival_is_read_and_waits_with_its_arrival_as_date_of_receipt(
    db: Database, tmp_path: Path
) -> None:
    path = letter_pdf(tmp_path / "brief.pdf", LETTER)
    arrived = datetime(2026, 11, 29, 23, 30, tzinfo=UTC)
    item_id = inbox.add_arrival(db, path=path, arrived_at=arrived)
    assert item_id is not None
    assert inbox.add_arrival(db, path=path) is None  # the same file once
    entry = inbox.read_item(db, item_id=item_id)
    assert entry.status == inbox.READY
    assert "inzage" in entry.text
    assert entry.received_on == arrived.astimezone().date()  # the computer's own day
    assert [e.id for e in inbox.waiting_items(db)] == [item_id]
    assert count_cases(db) == 0  # nothing registered without an officer


def test_an_unreadable_file_waits_with_the_reason(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(b"%PDF-1.4\nthis is no pdf at all")
    item_id = inbox.add_arrival(db, path=path)
    assert item_id is not None
    entry = inbox.read_item(db, item_id=item_id)
    assert entry.status == inbox.FAILED
    assert entry.to_json()["error"]


def test_registering_moves_the_file_into_the_case_and_out_of_the_folder(
    db: Database, tmp_path: Path
) -> None:
    item_id = arrive(db, tmp_path, "brief.pdf", LETTER)
    original = (tmp_path / "brief.pdf").read_bytes()
    with pytest.raises(UserError, match="Open the letter"):
        inbox.register_item(
            db, item_id=item_id, actor="anna", registration=inbox.Registration(person())
        )
    inbox.claim_item(db, item_id=item_id, actor="anna")
    with pytest.raises(UserError, match="anna is registering"):
        inbox.claim_item(db, item_id=item_id, actor="bram")
    reference = inbox.register_item(
        db, item_id=item_id, actor="anna", registration=inbox.Registration(person()), today=TODAY
    )
    assert not (tmp_path / "brief.pdf").exists()
    detail = get_case(db, reference=reference)
    assert [d.sha256 for d in detail.documents] == [hashlib.sha256(original).hexdigest()]
    assert detail.received_on == date(2026, 11, 20)  # what the officer entered
    with db.session() as session:
        item = session.get(InboxItem, item_id)
        assert item is not None
        assert (item.status, item.case_reference, item.text) == ("registered", reference, "")
    with pytest.raises(UserError, match="already registered"):
        inbox.claim_item(db, item_id=item_id, actor="bram")
    assert inbox.waiting_items(db) == []
    assert inbox.purge_inbox(db) == 1  # registered and gone from the folder
    assert count_cases(db) == 1


def test_a_bad_form_registers_nothing_and_keeps_the_file(db: Database, tmp_path: Path) -> None:
    item_id = arrive(db, tmp_path, "brief.pdf", LETTER)
    inbox.claim_item(db, item_id=item_id, actor="anna")
    with pytest.raises(ValidationError):
        inbox.register_item(
            db,
            item_id=item_id,
            actor="anna",
            registration=inbox.Registration(person(last_name="")),
            today=TODAY,
        )
    assert (tmp_path / "brief.pdf").exists()
    assert inbox.get_item(db, item_id=item_id).status == inbox.CLAIMED
    inbox.release_item(db, item_id=item_id, actor="anna")
    assert inbox.claim_item(db, item_id=item_id, actor="bram").claimed_by == "bram"


def test_a_file_changed_after_arrival_is_not_registered(db: Database, tmp_path: Path) -> None:
    item_id = arrive(db, tmp_path, "brief.pdf", LETTER)
    inbox.claim_item(db, item_id=item_id, actor="anna")
    letter_pdf(tmp_path / "brief.pdf", LETTER + "PS")
    with pytest.raises(UserError, match="changed after it arrived"):
        inbox.register_item(
            db, item_id=item_id, actor="anna", registration=inbox.Registration(person())
        )
    assert count_cases(db) == 0


def test_purge_removes_the_text_of_letters_left_too_long(db: Database, tmp_path: Path) -> None:
    item_id = arrive(db, tmp_path, "brief.pdf", LETTER)
    assert inbox.purge_inbox(db, now=datetime.now(UTC) + timedelta(days=29)) == 0
    assert inbox.purge_inbox(db, now=datetime.now(UTC) + timedelta(days=31)) == 1
    with db.session() as session:
        assert session.get(InboxItem, item_id) is None


# ---- reminders and duplicates ---------------------------------------------------------------


def test_a_reminder_is_a_document_and_event_on_the_earlier_case(
    db: Database, tmp_path: Path
) -> None:
    earlier = register_case(db, actor="t", data=person(), today=TODAY)
    before = get_case(db, reference=earlier)
    figures = compute_yearly_figures(db, 2026, today=TODAY)
    item_id = arrive(db, tmp_path, "herinnering.pdf", REMINDER)
    reading = read_letter(REMINDER)
    found = find_earlier_cases(db, our_reference=reading.our_reference)
    assert [(e.reference, e.found_by) for e in found] == [(earlier, "our_reference")]
    assert reading.proposals.reminder is not None
    ultimatum = reading.proposals.reminder.ultimatum(received_on=date(2026, 11, 27))
    assert ultimatum is not None and ultimatum.value == "2026-12-09"
    assert "binnen 14 dagen" in ultimatum.source
    inbox.claim_item(db, item_id=item_id, actor="anna")
    reference = inbox.register_item(
        db,
        item_id=item_id,
        actor="anna",
        registration=inbox.Registration(
            person(received_on=date(2026, 11, 27)),
            reminder_of=earlier,
            person=Person("Berg", "5253 RE"),
            ultimatum_on=date.fromisoformat(ultimatum.value),
        ),
        today=TODAY,
    )
    assert reference == earlier
    assert count_cases(db) == 1  # no new case
    after = get_case(db, reference=earlier)
    assert after.effective_due_on == before.effective_due_on  # no new legal clock
    assert (after.last_reminder_on, after.ultimatum_on) == (date(2026, 11, 27), date(2026, 12, 9))
    assert len(after.documents) == 1
    assert "reminder_received" in [a.action for a in after.audit]
    assert compute_yearly_figures(db, 2026, today=TODAY).total == figures.total
    items = [i for i in todo_items(db, today=TODAY) if i.reference == earlier]
    ultimatum_items = [i for i in items if i.task is Task.ULTIMATUM_DUE]
    assert [i.due for i in ultimatum_items] == [date(2026, 12, 9)]
    assert Task.REMINDER_RECEIVED in [i.task for i in items]


def test_linking_a_different_persons_case_needs_confirmation(db: Database, tmp_path: Path) -> None:
    other = register_case(
        db,
        actor="t",
        data=person(first_name="Els", name_prefix="", last_name="Smit", postcode="1011 AA",
                    email="els@example.nl"),
        today=TODAY,
    )  # fmt: skip
    with db.session() as session:
        session.execute(update(Case).values(status="closed"))
    item_id = arrive(db, tmp_path, "herinnering.pdf", REMINDER)
    inbox.claim_item(db, item_id=item_id, actor="anna")
    registration = inbox.Registration(
        person(received_on=date(2026, 11, 27)),
        reminder_of=other,
        person=Person("Berg", "5253 RE", "jan@example.nl"),
    )
    with pytest.raises(ConfirmationNeeded, match="do not match"):
        inbox.register_item(db, item_id=item_id, actor="anna", registration=registration)
    assert (tmp_path / "herinnering.pdf").exists()
    assert get_case(db, reference=other).last_reminder_on is None
    assert inbox.get_item(db, item_id=item_id).status == inbox.CLAIMED
    from dataclasses import replace

    inbox.register_item(
        db,
        item_id=item_id,
        actor="anna",
        registration=replace(registration, confirmed_other_person=True),
        today=TODAY,
    )
    events = [a for a in get_case(db, reference=other).audit if a.action == "reminder_received"]
    assert events and events[0].after is not None
    assert events[0].after["confirmed_other_person"] is True


def test_a_reminder_about_an_unknown_request_becomes_a_flagged_case(
    db: Database, tmp_path: Path
) -> None:
    item_id = arrive(db, tmp_path, "herinnering.pdf", REMINDER)
    assert find_earlier_cases(db, our_reference="AVG-2026-0001") == []
    inbox.claim_item(db, item_id=item_id, actor="anna")
    reference = inbox.register_item(
        db,
        item_id=item_id,
        actor="anna",
        registration=inbox.Registration(
            person(received_on=date(2026, 11, 27)),
            reminder_unknown=True,
            ultimatum_on=date(2026, 12, 9),
        ),
        today=TODAY,
    )
    detail = get_case(db, reference=reference)
    assert detail.reminder_unknown and detail.ultimatum_on == date(2026, 12, 9)
    assert "reminder_unknown_request" in [a.action for a in detail.audit]


def test_a_new_letter_of_someone_with_an_open_case_is_a_possible_duplicate(db: Database) -> None:
    first = register_case(db, actor="t", data=person(), today=TODAY)
    found = find_earlier_cases(db, person=Person("berg", "5253re"))
    assert [(e.reference, e.found_by, e.same_person) for e in found] == [
        (first, "same_person", True)
    ]
    assert find_earlier_cases(db, person=Person("Jansen", "5253 RE")) == []
    second = register_case(
        db,
        actor="t",
        data=person(received_on=date(2026, 11, 25), street="", postcode="", city=""),
        today=TODAY,
    )  # matched on the e-mail address
    detail = get_case(db, reference=second)
    assert (first, "possible_duplicate_of") in detail.linked
    assert (second, "has_possible_duplicate") in get_case(db, reference=first).linked
    third = register_case(
        db,
        actor="t",
        data=person(first_name="Els", last_name="Smit", email="els@example.nl"),
        today=TODAY,
    )
    assert get_case(db, reference=third).linked == ()


# ---- two officers on PostgreSQL --------------------------------------------------------------


@pytest.mark.postgres
def test_two_officers_never_register_one_letter_twice(db: Database, tmp_path: Path) -> None:
    if db.engine.dialect.name != "postgresql":
        pytest.skip("the row lock is PostgreSQL's")
    item_id = arrive(db, tmp_path, "brief.pdf", LETTER)
    # Session A claims and holds its transaction open; B's conditional update must wait for it
    # and then find the item taken.
    started = threading.Event()
    timings: dict[str, float] = {}
    rowcounts: dict[str, int] = {}

    def officer_a() -> None:
        with db.engine.connect() as conn, conn.begin():
            result = conn.execute(
                update(InboxItem)
                .where(InboxItem.id == item_id, InboxItem.status == inbox.READY)
                .values(status=inbox.CLAIMED, claimed_by="anna")
            )
            rowcounts["anna"] = result.rowcount
            started.set()
            time.sleep(0.8)

    def officer_b() -> None:
        started.wait(5)
        begun = time.monotonic()
        with db.engine.connect() as conn, conn.begin():
            result = conn.execute(
                update(InboxItem)
                .where(InboxItem.id == item_id, InboxItem.status == inbox.READY)
                .values(status=inbox.CLAIMED, claimed_by="bram")
            )
            rowcounts["bram"] = result.rowcount
        timings["bram"] = time.monotonic() - begun

    threads = [threading.Thread(target=officer_a), threading.Thread(target=officer_b)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert rowcounts == {"anna": 1, "bram": 0}
    assert timings["bram"] >= 0.5  # B waited on A's row lock
    assert inbox.get_item(db, item_id=item_id).claimed_by == "anna"

    # The whole use case from two threads at once: one case, one refusal.
    second = arrive(db, tmp_path, "brief2.pdf", LETTER.replace("20 november", "21 november"))
    outcomes: list[object] = []
    barrier = threading.Barrier(2)

    def register(officer: str) -> None:
        barrier.wait(5)
        try:
            inbox.claim_item(db, item_id=second, actor=officer)
            outcomes.append(
                inbox.register_item(
                    db,
                    item_id=second,
                    actor=officer,
                    registration=inbox.Registration(person()),
                    today=TODAY,
                )
            )
        except UserError as exc:
            outcomes.append(exc)

    workers = [threading.Thread(target=register, args=(name,)) for name in ("anna", "bram")]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(30)
    references = [o for o in outcomes if isinstance(o, str)]
    assert len(references) == 1 and len(outcomes) == 2
    assert count_cases(db) == 1
    with db.session() as session:
        assert (
            session.scalar(text("select count(*) from inbox_item where status='registered'")) == 1
        )
        assert session.scalars(select(AuditEvent.action)).all().count("inbox_registered") == 1
        assert session.scalars(select(CaseLink)).all() == []
        assert len(session.scalars(select(Document)).all()) == 1
