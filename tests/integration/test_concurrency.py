"""Several officers at once: references stay unique and gap-free; stale saves are refused."""

from __future__ import annotations

import threading
from datetime import date

import pytest

from app.core.enums import RequestType
from app.core.errors import StaleDataError
from app.core.validation import CaseInput
from app.data.database import Database
from app.services.case_detail import get_case
from app.services.case_queries import list_cases
from app.services.cases import edit_case, register_case

TODAY = date(2026, 11, 24)


def _letter(n: int, received: date) -> CaseInput:
    return CaseInput(request_types=(RequestType.ACCESS,), received_on=received,
                     last_name=f"Persoon {n}", street=f"Dorp {n}", postcode="1234 AB",
                     city="Ede")  # fmt: skip


@pytest.mark.parametrize("received", [date(2026, 11, 2), date(2025, 12, 30)])
def test_simultaneous_registrations_get_unique_sequential_references(
    db: Database, received: date
) -> None:
    officers, each = 6, 5
    start = threading.Barrier(officers)
    refs: list[str] = []
    errors: list[BaseException] = []
    lock = threading.Lock()

    def officer(k: int) -> None:
        start.wait()  # everyone starts together, also racing for the year's first number
        for i in range(each):
            try:
                ref = register_case(db, actor=f"officer{k}", data=_letter(k * 10 + i, received),
                                    today=TODAY)  # fmt: skip
            except BaseException as exc:  # collected: the assertion below names it
                with lock:
                    errors.append(exc)
                return
            with lock:
                refs.append(ref)

    threads = [threading.Thread(target=officer, args=(k,)) for k in range(officers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert errors == []
    year = received.year
    assert sorted(refs) == [f"AVG-{year}-{n:04d}" for n in range(1, officers * each + 1)]
    assert len(list_cases(db, limit=None)) == officers * each
    from app.services.audit_chain import verify

    result = verify(db)  # the race for the year's counter (a savepoint) left no event unsealed
    assert result.ok, result.problems


def test_two_officers_editing_the_same_case(db: Database) -> None:
    ref = register_case(db, actor="a", data=_letter(1, TODAY), today=TODAY)
    seen_by_a = get_case(db, reference=ref).version
    seen_by_b = get_case(db, reference=ref).version
    edit_case(db, actor="anna", reference=ref, expected_version=seen_by_a,
              changes={"city": "Vlijmen"}, today=TODAY)  # fmt: skip
    with pytest.raises(StaleDataError, match="changed by anna"):
        edit_case(db, actor="bert", reference=ref, expected_version=seen_by_b,
                  changes={"city": "Drunen"}, today=TODAY)  # fmt: skip
    assert get_case(db, reference=ref).requester.city == "Vlijmen"  # nothing overwritten


def test_racing_flushes_become_a_clear_stale_message(db: Database) -> None:
    """Two sessions load the same version; the second flush is refused, not a crash."""
    from sqlalchemy import select

    from app.data.models import Case

    ref = register_case(db, actor="a", data=_letter(1, TODAY), today=TODAY)
    with pytest.raises(StaleDataError, match="same moment"):
        with db.session() as first:
            mine = first.scalar(select(Case).where(Case.reference == ref))
            assert mine is not None
            mine.summary = "first"
            with db.session() as second:  # commits while the first is still open
                theirs = second.scalar(select(Case).where(Case.reference == ref))
                assert theirs is not None
                theirs.summary = "second"
    assert get_case(db, reference=ref).summary == "second"


def test_two_officers_writing_events_at_once_keep_one_chain(db: Database) -> None:
    """Each officer has his own connection pool; the chain never forks and verifies."""
    from sqlalchemy import func, select

    from app.data.models import AuditEvent
    from app.services.audit_chain import verify
    from app.services.case_records import add_note

    refs = [register_case(db, actor="a", data=_letter(n, TODAY), today=TODAY) for n in (1, 2)]
    second = Database(db.url)  # the other officer's own engine
    officers, each = [db, second], 25
    start = threading.Barrier(len(officers))
    errors: list[BaseException] = []

    def officer(k: int) -> None:
        start.wait()
        for i in range(each):
            try:
                add_note(officers[k], actor=f"officer{k}", reference=refs[k], text=f"note {i}")
            except BaseException as exc:  # collected: the assertion below names it
                errors.append(exc)
                return

    threads = [threading.Thread(target=officer, args=(k,)) for k in range(len(officers))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    second.dispose()
    assert errors == []
    result = verify(db)
    assert result.ok, result.problems
    with db.session() as session:
        count = session.scalar(select(func.count(AuditEvent.id)))
        seqs = list(session.scalars(select(AuditEvent.chain_seq).order_by(AuditEvent.chain_seq)))
    assert result.head is not None and result.head.seq == count == result.events
    assert seqs == list(range(1, count + 1))
    assert count >= 2 * each + 2


_NOTES_SCRIPT = """
import sys, time
from app.data.database import Database
from app.services.case_records import add_note
db = Database(sys.argv[1])
time.sleep(max(0.0, float(sys.argv[5]) - time.time()))  # both start writing together
for i in range(int(sys.argv[3])):
    add_note(db, actor=sys.argv[2], reference=sys.argv[4], text=f"note {i}")
db.dispose()
"""


def test_two_processes_writing_events_at_once_keep_one_chain(db: Database) -> None:
    """Two officers' programs (separate processes) on one database: one chain that verifies."""
    import subprocess
    import sys
    import time

    from app.services.audit_chain import verify

    refs = [register_case(db, actor="a", data=_letter(n, TODAY), today=TODAY) for n in (1, 2)]
    each, start_at = 30, time.time() + 4
    args = [[_NOTES_SCRIPT, db.url, f"officer{k}", str(each), refs[k], str(start_at)]
            for k in range(2)]  # fmt: skip
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", *args[k]],
            stderr=subprocess.PIPE,
            text=True,
        )
        for k in range(2)
    ]
    for proc in procs:
        _, err = proc.communicate(timeout=180)
        assert proc.returncode == 0, err
    result = verify(db)
    assert result.ok, result.problems
    assert result.head is not None and result.head.seq == result.events >= 2 * each + 2
