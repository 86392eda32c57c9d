"""Search all systems, review, erase: the services against the demo's real source systems."""

from __future__ import annotations

import re
import socket
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core.errors import UserError
from app.data.database import Database
from app.demo.fill import demo_systems_folder, fill_demo
from app.services.case_detail import get_case
from app.services.case_queries import list_cases
from app.services.changes import actions_of, approve_plan, execute_plan, plan_changes
from app.services.connectors import save_connector
from app.services.searches import (
    complete_manual_task,
    findings_of,
    manual_tasks_of,
    review_findings,
    search_case,
)
from app.services.secrets import SecretStore


@pytest.fixture
def demo(sqlite_db: Database) -> tuple[Database, str, str]:
    """A demo database with source systems; a case whose person is in portal and newsletter."""
    fill_demo(sqlite_db, cases=24)
    folder = demo_systems_folder(sqlite_db)
    newsletter = (folder / "newsletter.csv").read_text(encoding="utf-8").lower()
    for row in list_cases(sqlite_db, limit=None):
        email = get_case(sqlite_db, reference=row.reference).requester.email
        if email and email.lower() in newsletter:
            return sqlite_db, row.reference, email
    raise AssertionError("demo data has nobody on the newsletter")


def _portal_rows(db: Database, email: str) -> int:
    path = demo_systems_folder(db) / "self_service_portal.sqlite"
    with sqlite3.connect(path) as conn:
        return int(
            conn.execute(
                "select count(*) from customers where lower(email)=lower(?)", (email,)
            ).fetchone()[0]
        )


def test_search_all_systems_and_review(demo: tuple[Database, str, str]) -> None:
    db, ref, email = demo
    results = {r.system: r for r in search_case(db, actor="o", reference=ref)}
    assert results["Self Service Portal"].status == "ok"
    assert results["Newsletter"].status == "ok" and results["Newsletter"].findings
    assert results["Papieren archief"].status == "manual_pending"
    findings = findings_of(db, reference=ref)
    strong = [f for f in findings if f.strength == "strong"]
    assert strong and all(f.review == "confirmed" for f in strong)  # pre-selected
    weak = [f for f in findings if f.strength != "strong"]
    assert all(f.review == "pending" for f in weak)  # waits for the officer
    # Nobody else's e-mail address appears in the confirmed findings.
    for f in strong:
        for value in f.fields.values():
            for address in re.findall(r"[\w.+-]+@[\w.-]+\.\w+", str(value)):
                assert address.lower() in (email.lower(), "support@databalance.example")
    if weak:
        review_findings(db, actor="o", reference=ref, finding_ids=[weak[0].id], decision="rejected")
        assert {f.id: f.review for f in findings_of(db, reference=ref)}[weak[0].id] == "rejected"
    [task] = manual_tasks_of(db, reference=ref)
    with pytest.raises(UserError):
        complete_manual_task(db, actor="o", reference=ref, task_id=task.id, result="found", note="")
    complete_manual_task(db, actor="o", reference=ref, task_id=task.id, result="not_found", note="")
    assert manual_tasks_of(db, reference=ref)[0].result == "not_found"
    # A second search keeps the officer's decisions.
    search_case(db, actor="o", reference=ref)
    if weak:
        assert {f.record_id: f.review for f in findings_of(db, reference=ref)}[
            weak[0].record_id
        ] == "rejected"
    assert any(e.action == "systems_searched" for e in get_case(db, reference=ref).audit)


@pytest.fixture
def silent_server() -> Iterator[int]:
    """Accepts connections and never answers: a hanging system."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(server.accept()[0])
            except TimeoutError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield server.getsockname()[1]
    stop.set()
    thread.join()
    for conn in held:
        conn.close()
    server.close()


def test_failing_and_hanging_systems_do_not_stop_the_others(
    demo: tuple[Database, str, str], silent_server: int, tmp_path: Path
) -> None:
    db, ref, _ = demo
    secrets = SecretStore(use_keyring=False)
    save_connector(
        db,
        actor="o",
        name="Kapotte database",
        kind="sql",
        settings={
            "url": "postgresql+psycopg://nobody@127.0.0.1:1/x",
            "mapping_file": str(demo_systems_folder(db) / "self_service_portal.mapping.toml"),
        },
    )
    save_connector(
        db,
        actor="o",
        name="Trage Matomo",
        kind="matomo",
        timeout_s=5,
        settings={"base_url": f"http://127.0.0.1:{silent_server}/", "site_ids": "1"},
        secrets=secrets,
        secret_values={"token_auth": "t"},
    )
    garbage = tmp_path / "garbage.csv"
    garbage.write_bytes(b"\x00\xff\xfe garbage \x00" * 50)
    save_connector(
        db,
        actor="o",
        name="Rommelbestand",
        kind="tabular_file",
        settings={"path": str(garbage), "identifier_columns": {"email": "email"}},
    )
    before = get_case(db, reference=ref)
    # The silent server never answers: "failed" with a time-out below proves the time-out works.
    results = {r.system: r for r in search_case(db, actor="o", reference=ref, secrets=secrets)}
    assert results["Kapotte database"].status == "failed" and results["Kapotte database"].error
    assert results["Trage Matomo"].status == "failed"
    assert "time" in results["Trage Matomo"].error.lower()
    assert results["Rommelbestand"].status == "failed"
    assert results["Self Service Portal"].status == "ok"
    assert results["Newsletter"].status == "ok"
    after = get_case(db, reference=ref)  # the case itself is unaffected
    assert (after.status, after.version) == (before.status, before.version)


def test_erasure_end_to_end_with_partial_failure_and_rerun(
    demo: tuple[Database, str, str],
) -> None:
    db, ref, email = demo
    search_case(db, actor="o", reference=ref)
    assert _portal_rows(db, email) == 1
    plan = plan_changes(db, actor="o", reference=ref, operation="erasure")
    systems = {a.system for a in plan}
    assert {"Self Service Portal", "Newsletter"} <= systems
    with pytest.raises(UserError, match="not been approved"):
        execute_plan(db, actor="o", reference=ref, operation="erasure")
    approve_plan(db, actor="o", reference=ref, operation="erasure")
    csv_path = demo_systems_folder(db) / "newsletter.csv"
    hidden = csv_path.with_suffix(".hidden")
    csv_path.rename(hidden)  # the newsletter system is unreachable during the first run
    first = execute_plan(db, actor="o", reference=ref, operation="erasure")
    news = [a for a in first if a.system == "Newsletter"]
    portal = [a for a in first if a.system == "Self Service Portal"]
    assert news and all(a.outcome == "failed" for a in news)
    assert portal and all(a.outcome in ("removed", "changed", "kept") for a in portal)
    assert _portal_rows(db, email) == 0  # really gone
    hidden.rename(csv_path)
    done_before = {a.id: a.outcome for a in portal}
    second = execute_plan(db, actor="o", reference=ref, operation="erasure")
    assert all(a.outcome != "failed" for a in second if a.system == "Newsletter")
    assert {a.id: a.outcome for a in second if a.id in done_before} == done_before
    assert email.lower() not in csv_path.read_text(encoding="utf-8").lower()
    with pytest.raises(UserError, match="Nothing is left"):
        execute_plan(db, actor="o", reference=ref, operation="erasure")
    outcomes = {a.outcome for a in actions_of(db, reference=ref, operation="erasure")}
    assert "failed" not in outcomes


def test_access_letter_names_the_category_of_each_datum(demo: tuple[Database, str, str]) -> None:
    import io

    from pypdf import PdfReader

    from app.services.letters import render_for_case

    db, ref, _ = demo
    search_case(db, actor="o", reference=ref)
    portal = [f for f in findings_of(db, reference=ref) if f.record_id.startswith("customers:")]
    assert portal and portal[0].field_categories["customer number"] == "customer administration"
    assert portal[0].field_categories["first name"] == "identification"
    pdf = render_for_case(db, reference=ref, letter_type="access", handled_by="o")
    text = " ".join(
        " ".join((p.extract_text() or "").split()) for p in PdfReader(io.BytesIO(pdf)).pages
    )
    # The letter is Dutch: the field, its value and its category in Dutch words
    assert "klantnummer DB1" in text  # the field, its value ...
    assert "klantadministratie" in text and "identificatie" in text  # ... its category
