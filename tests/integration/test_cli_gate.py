"""The finalise gate from the command line: exit code 3 with the list, overrides, identity."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from app.data.database import open_database
from app.services.case_detail import get_case
from tests.integration.test_cli import run

RECEIVED = date.today().isoformat()


@pytest.fixture
def url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'cli.sqlite3'}"


def _add(capsys: pytest.CaptureFixture[str], url: str, *types: str) -> str:
    flat = [x for t in types for x in ("--type", t)]
    code, out, err = run(capsys, "--db", url, "case", "add", *flat, "--received", RECEIVED,
                         "--name", "Els Aa", "--street", "Dorpsstraat 1", "--postcode", "5253AA",
                         "--city", "Nieuwkuijk", "--email", "els@example.nl")  # fmt: skip
    assert code == 0, err
    return out.strip()


def _connector(capsys: pytest.CaptureFixture[str], url: str) -> None:
    settings = json.dumps({"instructions": "Look in cabinet 1.04."})
    code, _, err = run(capsys, "--db", url, "connectors", "add", "Paper archive",
                       "--kind", "manual", "--settings", settings)  # fmt: skip
    assert code == 0, err


def test_final_refuses_with_exit_3_and_the_list_then_the_work_is_done(
    url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _connector(capsys, url)
    ref = _add(capsys, url, "access")
    out_pdf = tmp_path / "access.pdf"
    letter = ("--db", url, "letter", ref, "--type", "access", "--out", str(out_pdf), "--final")
    code, out, err = run(capsys, *letter)
    assert code == 3 and out == "" and not out_pdf.exists()
    lines = err.splitlines()
    assert lines[0].startswith("error: This letter cannot be final yet: 2 condition(s)")
    assert lines[1].startswith("  identity: Identity is not established yet.")
    assert lines[2].startswith("  systems_searched: Not every system was searched: Paper archive")
    db = open_database(url)
    assert get_case(db, reference=ref).status == "registered"
    # Bad input stays exit code 2.
    code, _, err = run(capsys, "--db", url, "case", "identity", ref, "--method",
                       "id_document_seen", "--outcome", "verified")  # fmt: skip
    assert code == 2 and "document" in err
    code, out, err = run(capsys, "--db", url, "case", "identity", ref, "--method",
                         "matched_known_data", "--outcome", "verified")  # fmt: skip
    assert code == 0, err
    code, _, err = run(capsys, "--db", url, "case", "search", ref)
    code, _, err = run(capsys, *letter)
    assert code == 3 and "manual_checks: A manual check is still open: Paper archive" in err
    # No draft is left behind by a refusal.
    assert not any(e.action == "letter_drafted" for e in get_case(db, reference=ref).audit)
    code, _, err = run(capsys, *letter, "--override", "manual_checks")
    assert code == 2 and "CONDITION=reason" in err
    code, _, err = run(capsys, *letter, "--override", "identity=no reason needed")
    assert code == 2 and "need no override" in err
    override = ("--override", "manual_checks=The archive is closed until 15 December")
    # Finalising cannot be undone: without a terminal it needs --yes, and changes nothing.
    code, out, err = run(capsys, *letter, *override)
    assert code != 0 and "--yes" in err and not out_pdf.exists()
    assert get_case(db, reference=ref).status != "answered"
    code, out, err = run(capsys, *letter, *override, "--yes")
    assert code == 0, err
    assert out_pdf.read_bytes().startswith(b"%PDF")
    detail = get_case(db, reference=ref)
    assert detail.status == "answered"
    [event] = [e for e in detail.audit if e.action == "gate_overridden"]
    assert "The archive is closed until 15 December" in event.summary
    db.dispose()


def test_override_only_with_final(
    url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ref = _add(capsys, url, "access")
    code, _, err = run(capsys, "--db", url, "letter", ref, "--type", "access", "--out",
                       str(tmp_path / "a.pdf"), "--override", "identity=x")  # fmt: skip
    assert code == 2 and "--final" in err


def test_erasure_by_hand_and_portability_decision(
    url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _connector(capsys, url)
    ref = _add(capsys, url, "erasure", "portability")
    run(capsys, "--db", url, "case", "identity", ref, "--method", "matched_known_data",
        "--outcome", "verified")  # fmt: skip
    run(capsys, "--db", url, "case", "search", ref)
    db = open_database(url)
    from app.services.searches import complete_manual_task, manual_tasks_of

    [task] = manual_tasks_of(db, reference=ref)
    complete_manual_task(db, actor="o", reference=ref, task_id=task.id, result="found",
                         note="Folder with two letters")  # fmt: skip
    code, out, err = run(capsys, "--db", url, "case", "erase", ref, "plan")
    assert code == 0, err
    action_id = int(out.split()[0])  # the table starts with the change's id
    code, _, err = run(capsys, "--db", url, "case", "erase", ref, "by-hand",
                       "--action", str(action_id))  # fmt: skip
    assert code == 2 and "note" in err
    code, out, err = run(capsys, "--db", url, "case", "erase", ref, "by-hand", "--action",
                         str(action_id), "--note", "Shredded the folder")  # fmt: skip
    assert code == 0 and "removed_by_hand" in out, err
    erasure = ("--db", url, "letter", ref, "--type", "erasure", "--final", "--yes",
               "--out", str(tmp_path / "e.pdf"))  # fmt: skip
    code, _, err = run(capsys, *erasure)
    assert code == 3 and "portability_export" in err
    code, _, err = run(capsys, "--db", url, "case", "decide-portability", ref, "granted")
    assert code == 3 and "portability_export" in err
    run(capsys, "--db", url, "case", "portability", ref, "--out", str(tmp_path / "p.zip"))
    code, out, err = run(capsys, "--db", url, "case", "decide-portability", ref, "granted")
    assert code == 0, err
    code, _, err = run(capsys, *erasure)
    assert code == 0, err
    assert get_case(db, reference=ref).outcomes == {"erasure": "granted", "portability": "granted"}
    db.dispose()
