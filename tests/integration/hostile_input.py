"""Hostile text for intake, edits and notes: strategies and one driver per use case.

Each driver calls a service (or `app.cli.main()`) with fuzzed text and checks the two rules of
issue 11 item 4: a refusal is a UserError (never another exception), and a refused call writes
nothing (row counts and the case's version unchanged). Used by tests/integration (a few hundred
examples) and tests/benchmarks (100k).
"""

from __future__ import annotations

import contextlib
import io
from dataclasses import dataclass
from datetime import date
from typing import Any

from hypothesis import strategies as st
from sqlalchemy import func, select

from app.core.enums import IdentifierKind, RequestType
from app.core.errors import UserError
from app.core.validation import CaseInput, RepresentativeInput, text_problem
from app.data.database import Database
from app.data.models import (
    AuditEvent,
    Case,
    Note,
    Representative,
    Requester,
    RequesterIdentifier,
)
from app.services.case_records import add_note
from app.services.cases import edit_case, register_case
from app.services.field_limits import CASE_LIMITS

TODAY = date(2026, 11, 30)
# The characters a fuzz run found trouble with, plus their harmless neighbours.
NASTY = "\x00\x01\x08\t\n\x0b\x0c\r\x1b\x1f\x7f\x80\x85\x9f\u2028\u2029\u202a\u202e\u2066\u2069"
NASTY += "\u200b\ufeff\ufffd=+-@'\"<>&;%éŸ€𝄞 "


def hostile_text(max_size: int = 40) -> st.SearchStrategy[str]:
    """Mostly plain, often nasty, sometimes far longer than any column."""
    return st.one_of(
        st.text(alphabet="abcdefghij KLM-'.", max_size=max_size),
        st.text(alphabet=NASTY + "abc", max_size=max_size),
        st.text(max_size=max_size),
        st.integers(min_value=1, max_value=700).map(lambda n: "x" * n),
    )


@st.composite
def case_inputs(draw: st.DrawFn) -> CaseInput:
    representative = None
    if draw(st.booleans()):
        representative = RepresentativeInput(
            name=draw(hostile_text()) or "Mr. R", street=draw(hostile_text()), city="Utrecht"
        )
    return CaseInput(
        request_types=(RequestType.ACCESS,),
        received_on=date(2026, 11, 2),
        last_name=draw(hostile_text()) or "Berg",
        first_name=draw(hostile_text()),
        name_prefix=draw(hostile_text(8)),
        initials=draw(hostile_text(8)),
        street=draw(st.one_of(st.just("Kerkstraat 1"), hostile_text())),
        postcode=draw(st.one_of(st.just("1234 AB"), hostile_text(10))),
        city=draw(st.one_of(st.just("Utrecht"), hostile_text())),
        email=draw(st.one_of(st.just(""), st.just("jan@example.nl"), hostile_text(12))),
        phone=draw(st.one_of(st.just(""), hostile_text(12))),
        their_reference=draw(hostile_text()),
        summary=draw(st.text(alphabet=NASTY + "abc\n", max_size=80)),
        identifiers=tuple(
            (IdentifierKind.CUSTOMER_NUMBER, value)
            for value in draw(st.lists(hostile_text(), max_size=2))
        ),
        representative=representative,
    )


EDIT_FIELDS = ("last_name", "first_name", "street", "city", "their_reference", "summary", "phone")


@dataclass
class Tally:
    """What a run did: calls accepted and refused."""

    accepted: int = 0
    refused: int = 0


def counts(db: Database) -> dict[str, int]:
    with db.session() as session:
        return {
            model.__name__: session.scalar(select(func.count()).select_from(model)) or 0
            for model in (Case, Requester, RequesterIdentifier, Representative, Note, AuditEvent)
        }


def case_state(db: Database, reference: str) -> tuple[Any, ...]:
    with db.session() as session:
        case = session.scalars(select(Case).where(Case.reference == reference)).one()
        r = case.requester
        return (case.version, case.summary, case.their_reference, r.last_name, r.street, r.city)


def assert_storable(db: Database, reference: str) -> None:
    """What was accepted holds no refused character and fits its column (and so the newest
    note)."""
    with db.session() as session:
        case = session.scalars(select(Case).where(Case.reference == reference)).one()
        r = case.requester
        for name, limit in CASE_LIMITS.items():
            value = getattr(case if hasattr(case, name) else r, name)
            problem = text_problem(value, limit=limit, multiline=name == "summary")
            assert problem is None, (name, problem)
        newest = session.scalar(
            select(Note.text).where(Note.case_id == case.id).order_by(Note.id.desc()).limit(1)
        )
        assert newest is None or text_problem(newest, multiline=True) is None


def drive_intake(db: Database, data: CaseInput, tally: Tally) -> str | None:
    before = counts(db)
    try:
        reference = register_case(db, actor="fuzz", data=data, today=TODAY)
    except UserError:
        assert counts(db) == before, "a refused intake wrote rows"
        tally.refused += 1
        return None
    assert_storable(db, reference)
    tally.accepted += 1
    return reference


def drive_edit(db: Database, reference: str, changes: dict[str, str], tally: Tally) -> None:
    before_counts, before = counts(db), case_state(db, reference)
    try:
        edit_case(
            db,
            actor="fuzz",
            reference=reference,
            expected_version=before[0],
            changes=changes,
            today=TODAY,
        )
    except UserError:
        assert case_state(db, reference) == before, "a refused edit changed the case"
        assert counts(db) == before_counts
        tally.refused += 1
        return
    assert_storable(db, reference)
    tally.accepted += 1


def drive_note(db: Database, reference: str, text: str, tally: Tally) -> None:
    before = counts(db)
    try:
        add_note(db, actor="fuzz", reference=reference, text=text)
    except UserError:
        assert counts(db) == before, "a refused note wrote rows"
        tally.refused += 1
        return
    assert_storable(db, reference)
    tally.accepted += 1


def run_cli(*argv: str) -> tuple[int, str, str]:
    """`app.cli.main()` in this process; returns (exit code, stdout, stderr)."""
    from app.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


def drive_cli(url: str, db: Database, reference: str, name: str, note: str, tally: Tally) -> None:
    """`case add` and `case note` with hostile text: exit 0, or a one-line refusal; no rows."""
    before = counts(db)
    code, _out, err = run_cli(
        "--db", url, "case", "add", "--type", "access", "--received", "2026-11-02",
        f"--name={name}", "--street=Kerkstraat 1", "--postcode=1234 AB", "--city=Utrecht",
    )  # fmt: skip
    _check_cli(code, err, db, before, tally)
    before = counts(db)
    code, _out, err = run_cli("--db", url, "case", "note", reference, "--", note)
    _check_cli(code, err, db, before, tally)


def _check_cli(code: int, err: str, db: Database, before: dict[str, int], tally: Tally) -> None:
    assert "unexpected" not in err, err
    if code == 0:
        tally.accepted += 1
        return
    assert code == 2 and err.startswith("error: "), (code, err)
    assert counts(db) == before, "a refused command wrote rows"
    tally.refused += 1
