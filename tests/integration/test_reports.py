"""Reports on real SQLite files: register exports, yearly figures and PDF, dossier, portability."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import statistics
import zipfile
from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import func, select, text

from app.cli import resolve_handler
from app.cli.parser import build_parser
from app.core.dates import format_date
from app.core.enums import (
    DocumentKind,
    IdentityMethod,
    IdentityOutcome,
)
from app.core.errors import Cancelled, UserError, ValidationError
from app.core.i18n import restored
from app.core.progress import Progress
from app.data.database import Database, open_database
from app.data.models import (
    AuditEvent,
    Case,
    CaseRequestType,
    Document,
)
from app.demo.cases import create_demo_cases
from app.services.case_documents import add_document, record_identity_check
from app.services.lookup import case_by_reference
from app.services.reports import (
    case_dossier,
    compute_yearly_figures,
    export_request_register,
    portability_export,
    yearly_report,
)
from tests.integration.rich_case import Person, make_rich_case, new_db, pdf_with_text

TODAY = date(2026, 11, 20)
OPEN = ("registered", "identity_check", "in_progress", "on_hold")


# ---- a bigger register ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Database:
    db = new_db(tmp_path_factory.mktemp("demo"))
    create_demo_cases(db, count=2000, today=TODAY)
    return db


def _period() -> tuple[date, date]:
    return date(2026, 1, 1), date(2026, 12, 31)


def test_register_xlsx_of_2000_cases_is_typed_frozen_filtered(
    demo_db: Database, tmp_path: Path
) -> None:
    start, end = _period()
    out = tmp_path / "register.xlsx"
    fractions: list[float] = []
    count = export_request_register(
        demo_db,
        path=out,
        received_from=start,
        received_to=end,
        fmt="xlsx",
        lang="en",
        today=TODAY,
        progress=Progress(lambda f, _m: fractions.append(f)),
    )
    with demo_db.session() as session:
        expected = dict(
            session.execute(
                select(Case.reference, Case).where(Case.received_on.between(start, end))
            ).all()
        )
    assert count == len(expected) > 1000
    assert fractions[0] == 0.0 and fractions[-1] == 1.0 and len(fractions) >= 3
    sheet = load_workbook(out).active
    header = [c.value for c in sheet[1]]
    assert header[:4] == ["Reference", "Received", "Types", "Status"]
    assert "Name" not in header and "City" not in header  # personal data is off by default
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:O{count + 1}"
    assert all(c.font.bold for c in sheet[1])
    col = {name: i for i, name in enumerate(header)}
    seen = set()
    paused_rows = 0
    for row in sheet.iter_rows(min_row=2):
        case = expected[row[col["Reference"]].value]
        seen.add(case.reference)
        received = row[col["Received"]]
        assert received.is_date and received.value.date() == case.received_on
        answered = row[col["Answered on"]]
        if case.answered_on is None:
            assert answered.value is None and row[col["Days taken"]].value is None
        else:
            assert answered.is_date
            assert row[col["Days taken"]].value == (case.answered_on - case.received_on).days
            due = case.extended_due_on or case.legal_due_on
            assert row[col["On time (legal)"]].value == ("yes" if case.answered_on <= due else "no")
        if case.status in OPEN and case.answered_on is None:
            assert row[col["On time (legal)"]].value in ("open", "no")
        if case.paused:  # its dates stay: since when, and the deadlines if resumed today
            paused_rows += 1
            assert row[col["Paused since"]].is_date and row[col["Days paused"]].value >= 0
            assert row[col["Legal deadline"]].is_date and row[col["Promise"]].is_date
        else:
            assert row[col["Paused since"]].value is None
    assert seen == set(expected)
    assert paused_rows > 0


def test_register_csv_filters_and_personal_data(demo_db: Database, tmp_path: Path) -> None:
    start, end = _period()
    out = tmp_path / "register.csv"
    count = export_request_register(
        demo_db,
        path=out,
        received_from=start,
        received_to=end,
        fmt="csv",
        statuses=("closed", "answered"),
        request_type="erasure",
        with_personal_data=True,
        lang="nl",
        today=TODAY,
    )
    with demo_db.session() as session:
        expected = session.scalar(
            select(func.count(Case.id)).where(
                Case.received_on.between(start, end),
                Case.status.in_(["closed", "answered"]),
                Case.type_codes.like("%,erasure,%"),
            )
        )
        event = session.scalars(
            select(AuditEvent)
            .where(AuditEvent.action == "register_exported")
            .order_by(AuditEvent.id.desc())
        ).first()
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert count == expected == len(rows) > 50
    # Dutch words in a Dutch export, not the stored codes (erasure, closed, answered)
    assert all(
        "verwijdering" in r["Soorten"] and r["Status"] in ("afgesloten", "beantwoord") for r in rows
    )
    assert all(r["Naam"] and r["Woonplaats"] for r in rows)
    assert all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", r["Ontvangen"]) for r in rows)
    assert event is not None and event.after is not None and event.after["with_personal_data"]


def test_cancelled_export_leaves_no_file(demo_db: Database, tmp_path: Path) -> None:
    progress = Progress()
    progress.cancel()
    out = tmp_path / "register.xlsx"
    with pytest.raises(Cancelled):
        export_request_register(
            demo_db, path=out, received_from=date(2025, 1, 1), received_to=TODAY, progress=progress
        )
    assert list(tmp_path.iterdir()) == []


def independent_figures(db: Database, year: int) -> dict[str, object]:
    """The yearly figures recomputed with plain SQL and Python, not through the report code."""
    start, end = date(year, 1, 1), date(year, 12, 31)
    with db.session() as session:
        rows = session.execute(
            text(
                "SELECT id, received_on, status, promise_on, legal_due_on, extended_due_on, "
                "answered_on, paused, effective_due_on, extension_notice_on, outcome "
                "FROM case_file WHERE received_on BETWEEN :s AND :e"
            ),
            {"s": start.isoformat(), "e": end.isoformat()},
        ).all()
        refused_types = set(
            session.execute(
                text(
                    "SELECT DISTINCT t.case_id FROM case_request_type t JOIN case_file c "
                    "ON c.id = t.case_id WHERE c.received_on BETWEEN :s AND :e "
                    "AND t.outcome LIKE '%refus%'"
                ),
                {"s": start.isoformat(), "e": end.isoformat()},
            ).scalars()
        )
        per_type = dict(
            session.execute(
                text(
                    "SELECT t.code, count(*) FROM case_request_type t JOIN case_file c "
                    "ON c.id = t.case_id WHERE c.received_on BETWEEN :s AND :e GROUP BY t.code"
                ),
                {"s": start.isoformat(), "e": end.isoformat()},
            ).all()
        )
        paused = session.scalar(
            text(
                "SELECT count(DISTINCT p.case_id) FROM pause p JOIN case_file c ON c.id = "
                "p.case_id WHERE c.received_on BETWEEN :s AND :e"
            ),
            {"s": start.isoformat(), "e": end.isoformat()},
        )
    d = date.fromisoformat
    answered = [r for r in rows if r.answered_on]
    days = sorted((d(r.answered_on) - d(r.received_on)).days for r in answered)
    within_promise = sum(1 for r in answered if r.answered_on <= r.promise_on)
    within_legal = sum(
        1 for r in answered if r.answered_on <= (r.extended_due_on or r.legal_due_on)
    )
    return {
        "total": len(rows),
        "answered": len(answered),
        "within_promise": within_promise,
        "within_legal": within_legal,
        "median": statistics.median(days),
        "p90": days[-(-len(days) * 9 // 10) - 1],
        "overdue": sum(
            1
            for r in rows
            if r.status in OPEN
            and not r.paused
            and r.effective_due_on
            and d(r.effective_due_on) < TODAY
        ),
        "open": sum(1 for r in rows if r.status in OPEN),
        "extensions": sum(1 for r in rows if r.extension_notice_on),
        "paused": paused,
        "refusals": len(
            {r.id for r in rows if r.status == "refused" or "refus" in r.outcome} | refused_types
        ),
        "per_type": per_type,
    }


def test_yearly_figures_match_an_independent_count_and_appear_in_the_pdf(
    demo_db: Database, tmp_path: Path
) -> None:
    figures = compute_yearly_figures(demo_db, 2026, today=TODAY)
    ind = independent_figures(demo_db, 2026)
    assert figures.total == ind["total"] > 1000
    assert figures.answered == ind["answered"]
    assert figures.within_promise == ind["within_promise"]
    assert figures.within_legal == ind["within_legal"]
    assert figures.median_days == ind["median"]
    assert figures.p90_days == ind["p90"]
    assert figures.overdue_now == ind["overdue"] > 0
    assert figures.open_now == ind["open"]
    assert figures.extensions == ind["extensions"] > 0
    assert figures.paused_cases == ind["paused"] > 0
    assert figures.refusals == ind["refusals"] > 0
    with demo_db.session() as session:
        grounds = dict(
            session.execute(
                text(
                    "SELECT t.refusal_ground, count(*) FROM case_request_type t JOIN case_file c "
                    "ON c.id = t.case_id WHERE c.received_on BETWEEN '2026-01-01' AND "
                    "'2026-12-31' AND t.outcome LIKE '%refus%' GROUP BY t.refusal_ground"
                )
            ).all()
        )
    assert dict(figures.refusal_grounds) == grounds and len(grounds) >= 2
    assert {t.code: t.requests for t in figures.per_type} == ind["per_type"]
    assert sum(n for _, n in figures.per_month) == figures.total
    assert sum(n for _, n in figures.day_buckets) == figures.answered

    out = tmp_path / "yearly.pdf"
    yearly_report(demo_db, year=2026, lang="en", path=out, today=TODAY)
    pages = PdfReader(out).pages
    first = " ".join(pages[0].extract_text().split())
    assert f"{figures.total:,}" in first
    assert f"{figures.answered:,}" in first
    assert f"{100 * ind['within_promise'] / ind['answered']:.1f}%" in first
    assert f"{100 * ind['within_legal'] / ind['answered']:.1f}%" in first
    assert f"{figures.overdue_now} overdue now" in first
    assert f"Half were answered within {figures.median_days:g} days" in first
    assert f"90% within {figures.p90_days:g} days" in first
    everything = " ".join(" ".join(p.extract_text() for p in pages).split())
    assert not re.search(r"AVG-\d{4}-\d{4}", everything)  # no references
    assert "@" not in everything  # no e-mail addresses
    assert not re.search(r"\b\d{4} [A-Z]{2}\b", everything)  # no postcodes
    with demo_db.session() as session:
        names = session.execute(text("SELECT first_name, last_name FROM requester LIMIT 50")).all()
    assert not any(f"{f} {last}" in everything for f, last in names)


def test_dutch_yearly_report_uses_dutch_numbers(demo_db: Database) -> None:
    figures = compute_yearly_figures(demo_db, 2026, today=TODAY)
    pdf = yearly_report(demo_db, year=2026, lang="nl", today=TODAY)
    first = " ".join(PdfReader(io.BytesIO(pdf)).pages[0].extract_text().split())
    assert "jaaroverzicht 2026" in first
    assert f"{figures.total:,}".replace(",", ".") in first
    assert f"{figures.within_legal_pct:.1f}%".replace(".", ",") in first


# ---- dossier and portability ---------------------------------------------------------------


def _squash(value: str) -> str:
    return re.sub(r"\s+", "", value)


TIMELINE_HEADING = {"nl": "Tijdlijn (audit)", "en": "Audit timeline"}
_STAMP = re.compile(r"\d{1,2}[a-z]+\d{4}\d{2}:\d{2}:\d{2}", re.IGNORECASE)  # squashed


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_dossier_zip_hashes_and_timeline_match_the_database(tmp_path: Path, lang: str) -> None:
    db = new_db(tmp_path)
    reference = make_rich_case(db, tmp_path)
    id_copy = pdf_with_text(tmp_path / "id.pdf", ["ID copy"])
    with db.session() as session:  # an ID copy added after the check stays until purged
        case = case_by_reference(session, reference)
    add_document(
        db,
        actor="m.devries",
        reference=reference,
        path=id_copy,
        kind=DocumentKind.ID_COPY,
        masked=True,
    )
    record_identity_check(
        db,
        actor="m.devries",
        reference=reference,
        method=IdentityMethod.ID_DOCUMENT_SEEN,
        outcome=IdentityOutcome.VERIFIED,
        checked_on=date(2023, 4, 3),
        document_type="passport",
        today=date(2023, 4, 3),
    )
    with db.session() as session:
        events = session.execute(
            select(AuditEvent.at, AuditEvent.actor, AuditEvent.action, AuditEvent.summary)
            .where(AuditEvent.case_id == case.id)
            .order_by(AuditEvent.at, AuditEvent.id)
        ).all()
        docs = {
            d.id: d for d in session.scalars(select(Document).where(Document.case_id == case.id))
        }
    out = tmp_path / "dossier.zip"
    manifest = case_dossier(db, reference=reference, path=out, actor="m.devries", lang=lang)

    with zipfile.ZipFile(out) as archive:
        names = set(archive.namelist())
        listed = json.loads(archive.read("manifest.json"))
        assert listed == manifest
        for entry in listed["files"]:
            content = archive.read(entry["path"])
            assert hashlib.sha256(content).hexdigest() == entry["sha256"]
            if "document_id" in entry:
                assert entry["sha256"] == docs[entry["document_id"]].sha256
                assert entry["path"].startswith(f"documents/{entry['document_id']}-")
        pdf = archive.read(f"{reference}-dossier.pdf")
    kept = {i for i, d in docs.items() if d.deleted_at is None}
    deleted = {i for i, d in docs.items() if d.deleted_at is not None}
    assert {e["document_id"] for e in listed["files"] if "document_id" in e} == kept
    assert len(kept) == 2 and len(deleted) == 1  # scan + letter kept, ID copy deleted
    assert names == {f["path"] for f in listed["files"]} | {"manifest.json"}

    text_all = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    flat = _squash(text_all)
    for sha in (d.sha256 for d in docs.values()):
        assert sha in flat  # letters and documents list their SHA-256
    assert "IJsselstein-Çelik" in text_all and "Self Service Portal" in text_all
    timeline = flat[flat.index(_squash(TIMELINE_HEADING[lang])) :]
    position = 0
    for at, actor, action, summary in events:
        local = at.astimezone(ZoneInfo("Europe/Amsterdam"))
        stamp = f"{format_date(local.date(), lang)} {local:%H:%M:%S}"
        # time, actor, the action's name with its stored code (in brackets when it has a
        # name), then the summary as stored, in the dossier's language
        summary = restored(summary).render(lang)
        row = re.compile(
            re.escape(_squash(f"{stamp}{actor}"))
            + r"[^()]*?\(?"
            + re.escape(action)
            + r"\)?"
            + re.escape(_squash(summary))
        )
        found = row.search(timeline, position)
        assert found is not None, f"timeline row missing or out of order: {action}"
        position = found.end()
    assert len(_STAMP.findall(timeline)) == len(events)
    registered = {"nl": "Briefgeregistreerd", "en": "Letterregistered"}[lang]
    assert f"{registered}(case_registered)" in timeline
    with db.session() as session:
        last = session.scalars(
            select(AuditEvent).where(AuditEvent.case_id == case.id).order_by(AuditEvent.id.desc())
        ).first()
    assert last is not None and last.action == "dossier_exported"


DUTCH_HEADINGS = (
    "Betrokkene",
    "Vertegenwoordiger",
    "Verzoek",
    "Beslissingen",
    "Termijnen",
    "Identiteitscontrole",
    "Doorzochte systemen",
    "Brieven",
    "Documenten",
    "Tijdlijn (audit)",
)
ENGLISH_HEADINGS = (
    "Data subject",
    "Representative",
    "Request",
    "Decisions",
    "Dates and deadlines",
    "Identity checks",
    "Systems searched",
    "Letters",
    "Documents",
    "Audit timeline",
)


def _dossier_pdf_text(path: Path, reference: str) -> str:
    with zipfile.ZipFile(path) as archive:
        pdf = archive.read(f"{reference}-dossier.pdf")
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)


def test_dossier_in_dutch_and_in_english(tmp_path: Path) -> None:
    db = new_db(tmp_path)
    reference = make_rich_case(db, tmp_path)
    texts, manifests = {}, {}
    for lang in ("nl", "en"):
        out = tmp_path / f"dossier-{lang}.zip"
        manifests[lang] = case_dossier(
            db, reference=reference, path=out, actor="m.devries", lang=lang
        )
        texts[lang] = _dossier_pdf_text(out, reference)
    nl_lines, en_lines = set(texts["nl"].splitlines()), set(texts["en"].splitlines())
    assert set(DUTCH_HEADINGS) <= nl_lines and not set(ENGLISH_HEADINGS) & nl_lines
    assert set(ENGLISH_HEADINGS) <= en_lines and not set(DUTCH_HEADINGS) & en_lines
    assert texts["nl"].startswith(f"Dossier {reference}")
    assert texts["en"].startswith(f"Case dossier {reference}")
    nl, en = " ".join(texts["nl"].split()), " ".join(texts["en"].split())
    # received 1 March 2023, closed 3 April 2023 (make_rich_case)
    assert "Ontvangen 1 maart 2023" in nl and "Gesloten 3 april 2023" in nl
    assert "Received 1 March 2023" in en and "Closed 3 April 2023" in en
    assert "March" not in nl and "maart" not in en
    # codes as words in the chosen language, the stored code in brackets
    assert "afgesloten (closed)" in nl and "Status closed" in en
    assert "gedeeltelijk afgewezen (partly_refused)" in nl
    assert "partly refused (partly_refused)" in en
    assert "inzage, verwijdering" in nl and "access, erasure" in en
    assert "pagina 1 van" in nl and "page 1 of" in en
    # the manifest is for programs: the same English keys in both languages
    for manifest in manifests.values():
        assert set(manifest) == {"reference", "organisation", "generated_at", "files"}
        assert manifest["files"][0]["kind"] == "dossier"
    with db.session() as session:
        exported = session.scalars(
            select(AuditEvent.after)
            .where(AuditEvent.action == "dossier_exported")
            .order_by(AuditEvent.id)
        ).all()
    assert [e["lang"] for e in exported] == ["nl", "en"]


def test_dossier_defaults_to_the_case_language(tmp_path: Path) -> None:
    db = new_db(tmp_path)
    reference = make_rich_case(db, tmp_path)
    out = tmp_path / "dossier.zip"
    case_dossier(db, reference=reference, path=out, actor="m.devries")
    assert "Betrokkene" in _dossier_pdf_text(out, reference).splitlines()
    with db.session() as session:
        case_by_reference(session, reference).language = "en"
    case_dossier(db, reference=reference, path=out, actor="m.devries")
    assert "Data subject" in _dossier_pdf_text(out, reference).splitlines()
    with pytest.raises(ValidationError):  # German is offered (nl, en, de); French is not
        case_dossier(db, reference=reference, path=out, actor="m.devries", lang="fr")


def test_portability_exports_only_confirmed_findings(tmp_path: Path) -> None:
    db = new_db(tmp_path)
    person = Person()
    reference = make_rich_case(db, tmp_path, person)
    out = tmp_path / "portability.zip"
    assert portability_export(db, reference=reference, path=out, actor="m.devries") == 2
    with zipfile.ZipFile(out) as archive:
        assert sorted(archive.namelist()) == ["README.txt", "data.csv", "data.json"]
        data = json.loads(archive.read("data.json"))
        rows = list(csv.DictReader(io.StringIO(archive.read("data.csv").decode("utf-8-sig"))))
        readme = archive.read("README.txt").decode("utf-8")
    assert data["reference"] == reference
    assert {r["record"] for r in data["records"]} == {"customers:42", "tickets:7"}
    assert "customers:99" not in json.dumps(data)  # the rejected weak match stays out
    first = next(r for r in data["records"] if r["record"] == "customers:42")
    assert first["fields"]["email"] == person.email
    assert first["match"] == "email" and first["match_strength"] == "strong"
    assert len(rows) == 5  # 3 fields + 2 fields, one CSV line per field
    assert {r["field"] for r in rows} == {"email", "name", "customer_number", "subject", "ip"}
    assert next(r for r in rows if r["field"] == "ip")["category"] == "support history; IP address"
    assert "NEDERLANDS" in readme and "ENGLISH" in readme and reference in readme
    for code in ("system", "record", "field", "value", "category", "match"):
        assert f"  {code} " in readme


def test_report_commands_through_argparse(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db_url = "sqlite:///" + str(tmp_path / "cli.sqlite3")
    db = open_database(db_url)
    reference = make_rich_case(db, tmp_path)
    parser = build_parser()

    def run(*argv: str) -> int:
        args = parser.parse_args(["--db", db_url, "--user", "cli-test", *argv])
        return resolve_handler(args)(args)

    assert (
        run(
            "report",
            "register",
            "--from",
            "2023-01-01",
            "--to",
            "2023-12-31",
            "--format",
            "csv",
            "--out",
            str(tmp_path / "r.csv"),
        )
        == 0
    )
    assert reference in (tmp_path / "r.csv").read_text(encoding="utf-8-sig")
    assert (
        run("report", "yearly", "--year", "2023", "--lang", "en", "--out", str(tmp_path / "y.pdf"))
        == 0
    )
    assert (tmp_path / "y.pdf").read_bytes().startswith(b"%PDF-")
    assert run("case", "dossier", reference, "--out", str(tmp_path / "d.zip")) == 0
    assert "Betrokkene" in _dossier_pdf_text(tmp_path / "d.zip", reference).splitlines()
    assert (
        run("case", "dossier", reference, "--lang", "en", "--out", str(tmp_path / "d-en.zip")) == 0
    )
    english = _dossier_pdf_text(tmp_path / "d-en.zip", reference)
    assert "Data subject" in english.splitlines() and "Betrokkene" not in english
    with pytest.raises(SystemExit):  # argparse refuses other languages than nl, en, de
        run("case", "dossier", reference, "--lang", "fr", "--out", str(tmp_path / "x.zip"))
    assert not (tmp_path / "x.zip").exists()
    assert run("case", "portability", reference, "--out", str(tmp_path / "p.zip")) == 0
    capsys.readouterr()
    assert run("retention", "list", "--format", "json") == 0
    listed = json.loads(capsys.readouterr().out)
    assert [e["reference"] for e in listed] == [reference]
    assert listed[0]["retention_end"] == "2026-04-03"
    with pytest.raises(UserError, match="--yes"):  # no terminal to ask: refuse, change nothing
        run("retention", "apply")
    assert run("retention", "apply", "--yes", "--mode", "anonymise") == 0
    assert "1 case(s) anonymised" in capsys.readouterr().out
    assert run("retention", "list", "--format", "json") == 0
    assert json.loads(capsys.readouterr().out) == []
    with db.session() as session:
        actors = set(
            session.scalars(
                select(AuditEvent.actor).where(
                    AuditEvent.action.in_(["dossier_exported", "portability_exported"])
                )
            )
        )
    assert actors == {"cli-test"}


def test_type_outcomes_are_kept_per_type(tmp_path: Path) -> None:
    db = new_db(tmp_path)
    make_rich_case(db, tmp_path)
    with db.session() as session:
        outcomes = dict(
            session.execute(select(CaseRequestType.code, CaseRequestType.outcome)).all()
        )
    figures = compute_yearly_figures(db, 2023, today=TODAY)
    assert outcomes == {"access": "granted", "erasure": "partly_refused"}
    assert ("erasure", "partly_refused", 1) in figures.outcomes
    assert figures.refusals == 1
    assert figures.systems[0].system == "Nieuwsbrief" and figures.systems[0].failed == 1
    assert ("erasure", "Self Service Portal", "removed", 1) in figures.changes
