"""Issue 15: a rejected finding goes back to review (audited) until the letter on it is final;
irreversible CLI steps need --yes without a terminal and change nothing without it."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.errors import UserError, ValidationError
from app.data.database import Database, open_database
from app.demo.fill import fill_demo
from app.services.case_detail import get_case
from app.services.case_queries import list_cases
from app.services.changes import actions_of, plan_changes
from app.services.gate import unmet_for_case
from app.services.letters import draft_letter, finalise_letter, letters_of
from app.services.searches import findings_of, review_findings, search_case, undo_rejections
from app.services.secrets import SecretStore
from tests.integration.test_cli import run


@pytest.fixture
def demo(tmp_path: Path) -> tuple[Database, str, str]:
    url = f"sqlite:///{tmp_path / 'demo.sqlite3'}"
    db = open_database(url)
    fill_demo(db, cases=20)
    reference = next(
        r.reference
        for r in list_cases(db)
        if "erasure" in r.types
        and r.status in ("registered", "identity_check", "in_progress")
        and not any(
            letter.status == "final" and letter.letter_type in ("access", "erasure")
            for letter in letters_of(db, reference=r.reference)
        )
    )
    search_case(db, actor="t", reference=reference, secrets=SecretStore(use_keyring=False))
    yield db, url, reference
    db.dispose()


def _reviews(db: Database, reference: str) -> dict[int, str]:
    return {f.id: f.review for f in findings_of(db, reference=reference)}


def test_a_rejection_goes_back_to_review_and_is_audited(demo) -> None:
    db, _url, ref = demo
    some = sorted(_reviews(db, ref))[:2]
    review_findings(db, actor="t", reference=ref, finding_ids=some, decision="rejected")
    assert undo_rejections(db, actor="anna", reference=ref, finding_ids=some) == 2
    assert all(_reviews(db, ref)[i] == "pending" for i in some)
    [event] = [e for e in get_case(db, reference=ref).audit if e.action == "rejection_undone"]
    assert event.actor == "anna"
    # Only a rejection can be undone; the refusal changes nothing.
    before = _reviews(db, ref)
    with pytest.raises(ValidationError, match="not rejected"):
        undo_rejections(db, actor="t", reference=ref, finding_ids=some)
    assert _reviews(db, ref) == before


def test_no_undo_once_the_letter_on_the_review_is_final(demo) -> None:
    db, _url, ref = demo
    first = min(_reviews(db, ref))
    review_findings(db, actor="t", reference=ref, finding_ids=[first], decision="rejected")
    draft = draft_letter(db, actor="t", reference=ref, letter_type="access")
    unmet = unmet_for_case(db, reference=ref, letter_type="access")
    finalise_letter(
        db, actor="t", letter_id=draft.id,
        overrides={u.condition: "test: handled outside the desk" for u in unmet},
    )  # fmt: skip
    with pytest.raises(UserError, match="final letter"):
        undo_rejections(db, actor="t", reference=ref, finding_ids=[first])
    assert _reviews(db, ref)[first] == "rejected"


def test_cli_undo_reject(demo, capsys: pytest.CaptureFixture[str]) -> None:
    db, url, ref = demo
    first = min(_reviews(db, ref))
    code, _out, err = run(capsys, "--db", url, "case", "review", ref, "--reject", str(first))
    assert code == 0, err
    assert _reviews(db, ref)[first] == "rejected"
    code, out, err = run(capsys, "--db", url, "case", "review", ref, "--undo-reject", str(first))
    assert code == 0, err
    assert "1 rejected finding(s) back to review" in out
    assert _reviews(db, ref)[first] == "pending"
    code, _out, err = run(capsys, "--db", url, "case", "review", ref, "--undo-reject", str(first))
    assert code != 0 and "not rejected" in err


def test_cli_irreversible_steps_need_yes(demo, capsys: pytest.CaptureFixture[str]) -> None:
    db, url, ref = demo
    secrets = SecretStore(use_keyring=False)
    confirmed = [f.id for f in findings_of(db, reference=ref) if f.review != "confirmed"]
    if confirmed:
        review_findings(db, actor="t", reference=ref, finding_ids=confirmed, decision="confirmed")
    plan_changes(db, actor="t", reference=ref, operation="erasure", secrets=secrets)
    # Through the CLI: `approve` crashed before (a local import hid the module's `_`).
    code, out, err = run(capsys, "--db", url, "case", "erase", ref, "approve")
    assert code == 0 and "approved" in out, err
    before = {a.id: a.outcome for a in actions_of(db, reference=ref, operation="erasure")}
    assert before and set(before.values()) == {"planned"}
    # pytest's stdin is no terminal: like a script, it must say --yes.
    code, _out, err = run(capsys, "--db", url, "case", "erase", ref, "execute")
    assert code != 0 and "--yes" in err and f"Case {ref}" not in err
    assert {a.id: a.outcome for a in actions_of(db, reference=ref, operation="erasure")} == before
    status = get_case(db, reference=ref).status
    code, _out, err = run(capsys, "--db", url, "case", "status", ref, "withdrawn")
    assert code != 0 and "--yes" in err
    assert get_case(db, reference=ref).status == status
    code, _out, err = run(capsys, "--db", url, "letter-posted", ref, "--on", "2026-01-05")
    assert code != 0 and "--yes" in err
    code, _out, err = run(capsys, "--db", url, "case", "status", ref, "withdrawn", "--yes")
    assert code == 0, err
    assert get_case(db, reference=ref).status == "withdrawn"
