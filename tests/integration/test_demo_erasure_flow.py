"""The demo's own erasure flow ends in a final erasure letter (issue 12 §3), from the CLI."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.data.database import Database, open_database
from app.demo.fill import demo_systems_folder, fill_demo
from app.services.case_detail import get_case
from app.services.case_queries import list_cases
from app.services.changes import actions_of
from app.services.searches import (
    complete_manual_task,
    findings_of,
    manual_tasks_of,
    review_findings,
    search_case,
)
from tests.integration.test_cli import run


@pytest.fixture
def demo(tmp_path: Path) -> tuple[str, str]:
    """A demo database (cases and source systems) and a case whose person is in them."""
    url = f"sqlite:///{tmp_path / 'demo.sqlite3'}"
    db = open_database(url)
    try:
        fill_demo(db, cases=24)
        newsletter = (demo_systems_folder(db) / "newsletter.csv").read_text("utf-8").lower()
        for row in list_cases(db, limit=None):
            email = get_case(db, reference=row.reference).requester.email
            if email and email.lower() in newsletter:
                return url, row.reference
    finally:
        db.dispose()
    raise AssertionError("demo data has nobody on the newsletter")


def _prepare(db: Database, ref: str) -> None:
    """What the officer does in the window: search, review, the paper archive."""
    search_case(db, actor="o", reference=ref)
    pending = [f.id for f in findings_of(db, reference=ref) if f.review == "pending"]
    if pending:
        review_findings(db, actor="o", reference=ref, finding_ids=pending, decision="confirmed")
    for task in manual_tasks_of(db, reference=ref):
        complete_manual_task(
            db, actor="o", reference=ref, task_id=task.id, result="not_found", note="Kast 1.04"
        )


def test_demo_erasure_flow_produces_the_final_letter(
    demo: tuple[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url, ref = demo
    db = open_database(url)
    base = ("--db", url, "--user", "o")
    code, _, err = run(capsys, *base, "case", "identity", ref, "--method", "matched_known_data",
                       "--outcome", "verified")  # fmt: skip
    assert code == 0, err
    _prepare(db, ref)
    for step in ("plan", "approve", "execute"):
        yes = ("--yes",) if step == "execute" else ()
        code, _, err = run(capsys, *base, "case", "erase", ref, step, *yes)
        assert code == 0, err
    letter = (*base, "letter", ref, "--type", "erasure", "--final", "--yes", "--out",
              str(tmp_path / "erasure.pdf"))  # fmt: skip
    code, _, err = run(capsys, *letter)
    assert code != 0 and "Say why the data kept in" in err  # the old "has no end date" is gone
    kept = [a for a in actions_of(db, reference=ref, operation="erasure") if a.outcome == "kept"]
    # The web server logs name the day they expire: no ground needed, no officer step.
    logs = [a for a in kept if a.system.startswith("Webserverlogs")]
    assert logs and all(a.keep_ground == "expires" and a.keep_until for a in logs)
    files = [str(a.id) for a in kept if a.system.startswith("Gedeelde documenten")]
    by_hand = [x for i in files for x in ("--action", i)]
    code, out, err = run(capsys, *base, "case", "erase", ref, "by-hand", *by_hand,
                         "--note", "Bestand uit de gedeelde map verwijderd")  # fmt: skip
    assert code == 0 and out.count("removed_by_hand") == len(files), err
    customer = [str(a.id) for a in kept if "customer number" in a.fields]
    with pytest.raises(SystemExit) as info:  # (f) is no ground of Art. 17(3)
        run(capsys, *base, "case", "erase", ref, "keep", "--action", customer[0],
            "--ground", "f", "--statute", "x")  # fmt: skip
    assert info.value.code == 2
    code, out, err = run(capsys, *base, "case", "erase", ref, "keep", "--action", customer[0],
                         "--ground", "b", "--statute",
                         "artikel 52 Algemene wet inzake rijksbelastingen", "--event",
                         "end_of_financial_year", "--event-on", "2026-12-31",
                         "--period", "7 jaar")  # fmt: skip
    assert code == 0 and "until 2033-12-31" in out, err
    logins = [x for a in kept if "login time" in a.fields for x in ("--action", str(a.id))]
    expires = date.today().replace(year=date.today().year + 1).isoformat()
    code, out, err = run(capsys, *base, "case", "erase", ref, "keep", *logins,
                         "--expires-on", expires)  # fmt: skip
    assert code == 0, err
    code, _, err = run(capsys, *letter)
    assert code == 0, err
    pdf = (tmp_path / "erasure.pdf").read_bytes()
    text = " ".join(
        " ".join((p.extract_text() or "").split()) for p in PdfReader(io.BytesIO(pdf)).pages
    )
    assert "Sommige gegevens moeten wij van de wet nog bewaren" in text
    assert "Self Service Portal: klantnummer. Wij bewaren dit tot 31 december 2033" in text
    assert "7 jaar na het einde van het boekjaar (31 december 2026)" in text
    assert "Gedeelde documenten (demo)" in text and "met de hand verwijderd" in text
    assert "wordt automatisch verwijderd op" in text
    refusal_part = text[text.index("Wat wij nog bewaren") :]
    assert "Webserverlogs" not in refusal_part  # expiring logs are no refusal
    assert "in een dossier tot" in text
    assert "first_name" not in text and "subscribed_on" not in text
    db.dispose()


def test_direct_marketing_objection_from_the_cli(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'dm.sqlite3'}"
    base = ("--db", url, "--user", "o")
    code, out, err = run(capsys, *base, "case", "add", "--type", "objection", "--received",
                         date.today().isoformat(), "--name", "Els Aa", "--street",
                         "Dorpsstraat 1", "--postcode", "5253AA", "--city", "Nieuwkuijk",
                         "--email", "Els@Example.nl")  # fmt: skip
    assert code == 0, err
    ref = out.strip()
    letter = (*base, "letter", ref, "--type", "objection", "--out", str(tmp_path / "o.pdf"))
    code, _, err = run(capsys, *letter)
    assert code != 0 and "suppression list" in err
    code, out, err = run(capsys, *base, "case", "suppress", ref)
    assert code == 0 and "added to the suppression list" in out + err, err
    code, out, err = run(capsys, *base, "case", "suppress", ref)
    assert code == 0 and "already" in out + err
    code, _, err = run(capsys, *base, "suppression", "export", "--out", str(tmp_path / "s.csv"))
    assert code == 0 and "els@example.nl" in (tmp_path / "s.csv").read_text("utf-8")
    code, _, err = run(capsys, *letter)
    assert code == 0, err
    db = open_database(url)
    actions = [e["action"] for e in get_case(db, reference=ref).to_json()["audit"]]
    assert actions.count("suppression_listed") == 1  # audited once
    db.dispose()


def test_fee_refusal_and_objection_on_a_processing_from_the_cli(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    base = ("--db", url, "--user", "o")
    code, out, err = run(capsys, *base, "case", "add", "--type", "objection", "--type", "access",
                         "--received", date.today().isoformat(), "--name", "Els Aa", "--street",
                         "Dorpsstraat 1", "--postcode", "5253AA",
                         "--city", "Nieuwkuijk")  # fmt: skip
    assert code == 0, err
    ref = out.strip()
    out_pdf = tmp_path / "letter.pdf"

    def letter(kind: str, *sets: str) -> tuple[int, str]:
        flat = [x for s in sets for x in ("--set", s)]
        code, _, err = run(capsys, *base, "letter", ref, "--type", kind, *flat,
                           "--out", str(out_pdf))  # fmt: skip
        return code, err

    code, err = letter("refusal", "reasons=Elf keer hetzelfde verzoek.", "fee_or_refuse=fee",
                       "fee_eur=25")  # fmt: skip
    assert code == 2 and "manifestly unfounded or excessive" in err
    code, err = letter("refusal", "reasons=Elf keer hetzelfde verzoek.", "fee_or_refuse=fee",
                       "fee_eur=12,50", "manifestly_unfounded_or_excessive=yes")  # fmt: skip
    assert code == 0, err
    text = " ".join(
        " ".join((p.extract_text() or "").split())
        for p in PdfReader(io.BytesIO(out_pdf.read_bytes())).pages
    )
    assert "Uw verzoek: wij vragen eerst een vergoeding" in text and "€ 12,50" in text
    contract = "Klantondersteuning en Self Service Portal"
    code, err = letter("objection", "direct_marketing=no", "upheld=no", f"processing={contract}",
                       "grounds=Wij hebben de gegevens nodig.")  # fmt: skip
    assert code == 2 and "6(1)(e) or (f)" in err  # a contract basis: Art. 21(1) cannot refuse
    code, err = letter("objection", "direct_marketing=no", "upheld=no",
                       "processing=Websitestatistieken en beveiliging van de website",
                       "grounds=Wij hebben de gegevens nodig om misbruik te zien.")  # fmt: skip
    assert code == 0, err
    text = " ".join(
        " ".join((p.extract_text() or "").split())
        for p in PdfReader(io.BytesIO(out_pdf.read_bytes())).pages
    )
    assert (
        "Uw bezwaar gaat over deze verwerking: Websitestatistieken en beveiliging van de website"
        in text
    )
    assert "Wij wijzen uw bezwaar af." in text
    code, err = letter("objection", "direct_marketing=no", "processing=Bestaat niet")
    assert code == 2 and "no processing 'Bestaat niet'" in err
