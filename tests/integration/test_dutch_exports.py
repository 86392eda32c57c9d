"""A register export, yearly report and dossier in Dutch or German contain no English codes."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from datetime import date
from pathlib import Path

from pypdf import PdfReader

from app.demo.cases import create_demo_cases
from app.services.reports import case_dossier, export_request_register, yearly_report
from tests.integration.rich_case import make_rich_case, new_db

TODAY = date(2026, 11, 20)
# The stored codes that must not reach a Dutch reader (they are English words).
CODES = re.compile(
    r"\b(closed|granted|answered|registered|in_progress|in progress|identity_check|on_hold|"
    r"refused|partly_refused|partly refused|withdrawn|no_data|manifestly_unfounded|excessive|"
    r"access|erasure|rectification|objection|portability|restriction|confirmed|rejected|"
    r"removed|kept|failed|planned|yes|no|n/a)\b"
)
# The dossier names a code's word and then, for an auditor, the stored code in brackets.
STORED_CODE = re.compile(r"\([a-z0-9_]+\)")


def _pdf_text(data: bytes) -> str:
    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(data)).pages)


def test_dutch_register_yearly_report_and_dossier_have_no_english_codes(tmp_path: Path) -> None:
    db = new_db(tmp_path)
    create_demo_cases(db, count=300, today=TODAY)
    reference = make_rich_case(db, tmp_path)

    out = tmp_path / "register.csv"
    export_request_register(
        db, path=out, received_from=date(2023, 1, 1), received_to=TODAY, fmt="csv", lang="nl",
        today=TODAY,
    )  # fmt: skip
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    values = " ".join(v for r in rows for k, v in r.items() if k not in ("Kenmerk",))
    assert CODES.findall(values) == []
    assert "afgesloten" in {r["Status"] for r in rows}
    assert "toegewezen" in values and "inzage" in values
    english = tmp_path / "register-en.csv"
    export_request_register(
        db, path=english, received_from=date(2023, 1, 1), received_to=TODAY, fmt="csv", lang="en",
        today=TODAY,
    )  # fmt: skip
    assert {"closed", "granted", "access"} <= set(CODES.findall(english.read_text("utf-8-sig")))

    report = _pdf_text(yearly_report(db, year=2026, lang="nl", today=TODAY))
    assert CODES.findall(report) == []
    assert "toegewezen" in report and "Verzoeken per soort" in report
    assert CODES.findall(_pdf_text(yearly_report(db, year=2026, lang="en", today=TODAY)))

    dossier_zip = tmp_path / "dossier.zip"
    case_dossier(db, reference=reference, path=dossier_zip, actor="m.devries", lang="nl")
    with zipfile.ZipFile(dossier_zip) as archive:
        dossier = _pdf_text(archive.read(f"{reference}-dossier.pdf"))
    words = STORED_CODE.sub("", dossier)
    assert CODES.findall(words) == []
    assert "gedeeltelijk afgewezen" in dossier and "Tijdlijn (audit)" in dossier


def test_german_register_yearly_report_and_dossier(tmp_path: Path) -> None:
    db = new_db(tmp_path)
    create_demo_cases(db, count=120, today=TODAY)
    reference = make_rich_case(db, tmp_path)

    out = tmp_path / "register-de.csv"
    export_request_register(
        db, path=out, received_from=date(2023, 1, 1), received_to=TODAY, fmt="csv", lang="de",
        today=TODAY,
    )  # fmt: skip
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0])[:4] == ["Zeichen", "Eingegangen", "Arten", "Status"]
    values = " ".join(v for r in rows for k, v in r.items() if k != "Zeichen")
    assert CODES.findall(values) == []
    assert "abgeschlossen" in {r["Status"] for r in rows} and "stattgegeben" in values

    report = _pdf_text(yearly_report(db, year=2026, lang="de", today=TODAY))
    assert CODES.findall(report) == []
    assert "Anträge betroffener Personen (DSGVO): Jahresbericht 2026" in report
    assert "1. Januar 2026" in report

    dossier_zip = tmp_path / "dossier-de.zip"
    case_dossier(db, reference=reference, path=dossier_zip, actor="m.devries", lang="de")
    with zipfile.ZipFile(dossier_zip) as archive:
        dossier = _pdf_text(archive.read(f"{reference}-dossier.pdf"))
    assert CODES.findall(STORED_CODE.sub("", dossier)) == []
    assert "Prüfung des Prüfprotokolls" in dossier and "März 2023" in dossier


def test_demo_audit_summaries_read_in_the_readers_language(tmp_path: Path) -> None:
    from sqlalchemy import select

    from app.core.i18n import restored
    from app.data.models import AuditEvent

    db = new_db(tmp_path)
    create_demo_cases(db, count=20, today=TODAY)
    with db.session() as session:
        summaries = [restored(s) for s in session.scalars(select(AuditEvent.summary))]
    assert any(s.startswith("Demo letter received 20") for s in summaries)  # English as stored
    dutch = {s.render("nl").split(" 20")[0] for s in summaries}
    assert "Demobrief ontvangen op" in dutch
    assert not any("registered ->" in s.render("nl") for s in summaries)
