"""Mail removed by hand: an open task until the officer records it, then the letter renders."""

from __future__ import annotations

import mailbox
from datetime import date
from email.message import EmailMessage
from pathlib import Path

import pytest

from app.cli import main
from app.connectors.base import BY_HAND
from app.core.enums import IdentityMethod, IdentityOutcome, RequestType
from app.core.errors import UserError
from app.core.finalise_gate import GateRefused
from app.core.todo import Task
from app.core.validation import CaseInput
from app.data.database import Database, open_database
from app.data.models import Letter
from app.services.case_detail import get_case
from app.services.case_documents import record_identity_check
from app.services.cases import register_case
from app.services.changes import (
    actions_of,
    approve_plan,
    execute_plan,
    plan_changes,
    record_removed_by_hand,
)
from app.services.connectors import save_connector
from app.services.gate import unmet_for_case
from app.services.letters import draft_letter, finalise_letter
from app.services.searches import search_case
from app.services.today import todo_items

TODAY = date.today()
EMAIL = "zoe.by.hand@example.nl"


def _mbox(path: Path) -> None:
    box = mailbox.mbox(path, create=True)
    try:
        for n, sender in enumerate((EMAIL, "other@example.nl", EMAIL)):
            msg = EmailMessage()
            msg["From"] = sender
            msg["To"] = "support@example.com"
            msg["Subject"] = f"Vraag {n}"
            msg["Message-ID"] = f"<m{n}@example.nl>"
            msg.set_content("Hallo.")
            box.add(msg)
        box.flush()
    finally:
        box.close()


def _case(db: Database, mbox: Path) -> str:
    save_connector(db, actor="admin", name="Support", kind="mailbox",
                   settings={"source": "mbox", "path": str(mbox)})  # fmt: skip
    ref = register_case(
        db,
        actor="officer",
        data=CaseInput(
            request_types=(RequestType.ERASURE,), received_on=TODAY, first_name="Zoë",
            last_name="Byhand", street="Dorpsstraat 1", postcode="5253 AA", city="Nieuwkuijk",
            email=EMAIL,
        ),
    )  # fmt: skip
    record_identity_check(db, actor="officer", reference=ref, outcome=IdentityOutcome.VERIFIED,
                          method=IdentityMethod.MATCHED_KNOWN_DATA, checked_on=TODAY)  # fmt: skip
    search_case(db, actor="officer", reference=ref)
    return ref


def _tasks(db: Database, ref: str) -> dict[Task, str]:
    return {i.task: i.detail for i in todo_items(db, today=TODAY) if i.reference == ref}


def test_mail_removed_by_hand_stays_open_until_recorded_then_the_letter_renders(
    db: Database, tmp_path: Path
) -> None:
    mbox = tmp_path / "support.mbox"
    _mbox(mbox)
    before = mbox.read_bytes()
    ref = _case(db, mbox)
    plan = plan_changes(db, actor="officer", reference=ref, operation="erasure")
    assert len(plan) == 2 and all(a.action == BY_HAND for a in plan)
    assert all("Remove by hand" in a.reason and a.outcome == "planned" for a in plan)
    approve_plan(db, actor="officer", reference=ref, operation="erasure")
    # Executing does not turn them into "kept" (which counted as done before).
    with pytest.raises(UserError, match="Only changes by hand are left"):
        execute_plan(db, actor="officer", reference=ref, operation="erasure")
    assert all(a.outcome == "planned" for a in actions_of(db, reference=ref))
    assert mbox.read_bytes() == before  # nothing was touched
    assert [u.condition.value for u in unmet_for_case(db, reference=ref, letter_type="erasure")]\
        == ["changes_done"]  # fmt: skip
    tasks = _tasks(db, ref)
    assert tasks.get(Task.CHANGES_BY_HAND) == "2"
    assert Task.CHANGES_NOT_EXECUTED not in tasks  # the task is by hand, not "execute"
    with pytest.raises(UserError, match="Carry out the erasure first"):
        draft_letter(db, actor="officer", reference=ref, letter_type="erasure")

    first, second = plan
    record_removed_by_hand(db, actor="clerk", reference=ref, action_id=first.id,
                           note="Deleted in Thunderbird, also from Sent")  # fmt: skip
    assert _tasks(db, ref).get(Task.CHANGES_BY_HAND) == "1"
    draft = draft_letter(db, actor="officer", reference=ref, letter_type="erasure")
    with pytest.raises(GateRefused):
        finalise_letter(db, actor="officer", letter_id=draft.id, today=TODAY)
    record_removed_by_hand(db, actor="clerk", reference=ref, action_id=second.id,
                           note="Deleted in Thunderbird")  # fmt: skip
    assert Task.CHANGES_BY_HAND not in _tasks(db, ref)
    assert unmet_for_case(db, reference=ref, letter_type="erasure") == []
    fresh = draft_letter(db, actor="officer", reference=ref, letter_type="erasure")
    finalise_letter(db, actor="officer", letter_id=fresh.id, today=TODAY)
    with db.session() as session:
        letter = session.get(Letter, fresh.id)
        assert letter is not None
        assert "met de hand verwijderd" in letter.body
    done = actions_of(db, reference=ref)
    assert {a.outcome for a in done} == {"removed_by_hand"} and {a.done_by for a in done} == {
        "clerk"
    }
    assert get_case(db, reference=ref).status == "answered"


def test_the_cli_records_a_mail_removal_by_hand(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mbox = tmp_path / "support.mbox"
    _mbox(mbox)
    url = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    db = open_database(url)
    ref = _case(db, mbox)
    assert main(["--db", url, "case", "erase", ref, "plan"]) == 0
    assert main(["--db", url, "case", "erase", ref, "approve"]) == 0
    capsys.readouterr()
    assert main(["--db", url, "case", "erase", ref, "execute", "--yes"]) == 2
    assert "Only changes by hand are left (2)" in capsys.readouterr().err
    ids = [a.id for a in actions_of(db, reference=ref)]
    for action_id in ids:
        code = main(["--db", url, "case", "erase", ref, "by-hand", "--action", str(action_id),
                     "--note", "Deleted in the mail client"])  # fmt: skip
        assert code == 0
    assert "removed_by_hand" in capsys.readouterr().out
    assert unmet_for_case(db, reference=ref, letter_type="erasure") == []
