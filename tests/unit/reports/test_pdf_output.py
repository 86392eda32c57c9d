"""Report PDFs: fonts embedded (no Helvetica), page x of y, both languages, no personal data."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.letters.kinds import letter_kinds, letter_noun
from app.reports.dossier import (
    DocumentEntry,
    DossierData,
    TimelineEntry,
    local_time,
    render_dossier_pdf,
    safe_filename,
)
from app.reports.dossier_text import TEXT, coded, known_codes, number, word
from app.reports.yearly_figures import SystemFigures, TypeFigures, YearlyFigures
from app.reports.yearly_report import render_yearly_pdf


def _fonts(pdf: bytes) -> set[str]:
    names: set[str] = set()
    for page in PdfReader(BytesIO(pdf)).pages:
        for font in page["/Resources"]["/Font"].values():
            obj = font.get_object()
            names.add(str(obj["/BaseFont"]))
            assert "/ToUnicode" in obj or obj["/Subtype"] != "/TrueType"
    return names


def _text(pdf: bytes) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(BytesIO(pdf)).pages)


def figures() -> YearlyFigures:
    return YearlyFigures(
        period_start=date(2026, 1, 1),
        period_end=date(2026, 12, 31),
        today=date(2026, 11, 20),
        total=1234,
        answered=1000,
        judged_promise=1000,
        within_promise=873,
        judged_legal=1000,
        within_legal=991,
        median_days=17.5,
        p90_days=29.0,
        open_now=200,
        overdue_now=7,
        extensions=12,
        paused_cases=30,
        pauses=31,
        refusals=44,
        withdrawn=9,
        per_type=(
            TypeFigures("access", 700, 600, 550, 590),
            TypeFigures("erasure", 534, 400, 323, 401),
        ),
        per_month=tuple((f"2026-{m:02d}", 100 + m) for m in range(1, 13)),
        per_status=(("answered", 1000), ("in_progress", 234)),
        day_buckets=(("0-7", 100), ("8-14", 900)),
        outcomes=(
            ("access", "granted", 560),
            ("access", "refused", 40),
            ("erasure", "partly_refused", 4),
        ),
        systems=(SystemFigures("Self Service Portal", 900, 3, 1500),),
        changes=(
            ("erasure", "Self Service Portal", "removed", 380),
            ("erasure", "Nieuwsbrief", "kept", 2),
        ),
    )


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("nl", ["jaaroverzicht 2026", "1.234", "87,3%", "99,1%", "17,5", "29", "pagina 1 van"]),
        ("en", ["annual report 2026", "1,234", "87.3%", "99.1%", "17.5", "29", "page 1 of"]),
    ],
)
def test_yearly_pdf_shows_the_figures_in_both_languages(lang: str, expected: list[str]) -> None:
    pdf = render_yearly_pdf(
        figures(), organisation="Databalance Services B.V.", promise_weeks=4, lang=lang
    )
    text = _text(pdf)
    for item in expected:
        assert item in text
    assert "Self Service Portal" in text and "380" in text
    assert _fonts(pdf) == {"/AAAAAA+LiberationSans", "/AAAAAA+LiberationSans-Bold"}
    first_page = PdfReader(BytesIO(pdf)).pages[0].extract_text()
    assert "1.234" in first_page or "1,234" in first_page  # the board summary is page 1


def test_yearly_pdf_with_no_requests_says_so() -> None:
    empty = YearlyFigures(
        period_start=date(2026, 1, 1),
        period_end=date(2026, 3, 31),
        today=date(2026, 11, 20),
        total=0,
        answered=0,
        judged_promise=0,
        within_promise=0,
        judged_legal=0,
        within_legal=0,
        median_days=None,
        p90_days=None,
        open_now=0,
        overdue_now=0,
        extensions=0,
        paused_cases=0,
        pauses=0,
        refusals=0,
        withdrawn=0,
        per_type=(),
        per_month=(("2026-01", 0), ("2026-02", 0), ("2026-03", 0)),
        per_status=(),
        day_buckets=(),
        outcomes=(),
        systems=(),
        changes=(),
    )
    text = _text(render_yearly_pdf(empty, organisation="X", promise_weeks=4, lang="en"))
    assert "No requests were received in this period." in text
    assert "report 1 January 2026 – 31 March 2026" in " ".join(text.split())


def test_dossier_pdf_escapes_markup_and_lists_timeline() -> None:
    now = datetime(2026, 11, 20, 13, 0, tzinfo=UTC)
    data = DossierData(
        reference="AVG-2026-0001",
        organisation="Org",
        generated_at=now,
        requester=[("Name", "Zoë <b>IJsselstein</b> & Co")],
        representative=[],
        request=[("Status", "answered")],
        dates=[("Received", "2026-11-02")],
        pauses=[],
        identity_checks=[],
        notes=[],
        systems=[],
        manual_tasks=[],
        recipient_notices=[],
        letters=[],
        documents=[
            DocumentEntry(3, "scan", "a.pdf", "application/pdf", 10, "ab" * 32, now, False, "")
        ],
        timeline=[TimelineEntry("2026-11-20 14:00:00", "m.devries", "case_registered", "x < y")],
    )
    text = _text(render_dossier_pdf(data))
    assert "Zoë <b>IJsselstein</b> & Co" in text
    assert "case_registered" in text and "x < y" in text
    assert "ab" * 32 in text.replace("\n", "")


def test_safe_filename_removes_folders_and_odd_characters() -> None:
    assert safe_filename("../../etc/passwd") == "passwd"
    assert safe_filename(r"C:\scans\brief Zoë.pdf") == "brief Zoë.pdf"
    assert safe_filename("a:b*c?.pdf") == "a_b_c_.pdf"
    assert safe_filename("...") == "document"


def _small_dossier(lang: str) -> DossierData:
    now = datetime(2026, 11, 24, 13, 5, 9, tzinfo=UTC)
    return DossierData(
        reference="AVG-2026-0002",
        organisation="Org",
        generated_at=now,
        requester=[("Name", "J. Jansen")],
        representative=[],
        request=[("Status", "registered")],
        dates=[("Received", "2 November 2026")],
        pauses=[],
        identity_checks=[],
        notes=[],
        systems=[],
        manual_tasks=[],
        recipient_notices=[],
        letters=[],
        documents=[],
        timeline=[
            TimelineEntry(local_time(now, lang), "m.devries", "case_registered", "as stored"),
            TimelineEntry(local_time(now, lang), "m.devries", "brand_new_action", "kept raw"),
        ],
        lang=lang,
    )


@pytest.mark.parametrize(
    ("lang", "expected", "absent"),
    [
        (
            "nl",
            [
                "Dossier AVG-2026-0002",
                "gemaakt op 24 november 2026 14:05:09",
                "Tijdlijn (audit)",
                "Brief geregistreerd (case_registered)",
                "Nog geen beslissing vastgelegd.",
                "Geen identiteitscontrole vastgelegd.",
                "pagina 1 van 1",
                "vertrouwelijk",
            ],
            ["Audit timeline", "Letter registered", "page 1 of", "No letters."],
        ),
        (
            "en",
            [
                "Case dossier AVG-2026-0002",
                "generated 24 November 2026 14:05:09",
                "Audit timeline",
                "Letter registered (case_registered)",
                "No decision recorded yet.",
                "No identity check recorded.",
                "page 1 of 1",
                "confidential",
            ],
            ["Tijdlijn", "Brief geregistreerd", "pagina", "Geen brieven."],
        ),
    ],
)
def test_dossier_pdf_fixed_texts_follow_the_language(
    lang: str, expected: list[str], absent: list[str]
) -> None:
    pdf = render_dossier_pdf(_small_dossier(lang))
    text = " ".join(_text(pdf).split())
    for item in expected:
        assert item in text
    for item in absent:
        assert item not in text
    assert "brand_new_action kept raw" in text  # an action without a name is shown as stored
    assert "(brand_new_action)" not in text
    assert PdfReader(BytesIO(pdf)).trailer["/Root"]["/Lang"] == lang
    assert _fonts(pdf) == {"/AAAAAA+LiberationSans", "/AAAAAA+LiberationSans-Bold"}


def test_local_time_is_amsterdam_time_in_both_languages() -> None:
    winter = datetime(2026, 1, 31, 23, 30, tzinfo=UTC)  # already 1 February in Amsterdam
    summer = datetime(2026, 7, 1, 12, 0, 5, tzinfo=UTC)
    assert local_time(winter, "nl") == "1 februari 2026 00:30:00"
    assert local_time(winter, "en") == "1 February 2026 00:30:00"
    assert local_time(summer, "nl") == "1 juli 2026 14:00:05"


def test_dossier_word_tables_cover_both_languages() -> None:
    assert set(TEXT["nl"]) == set(TEXT["en"])
    for kind in ("status", "type", "outcome", "action", "run", "review", "change"):
        assert known_codes(kind, "nl") == known_codes(kind, "en"), kind
    # Letter kinds are named by the letter-kind registry (app.letters.kinds).
    assert all(kind.noun for kind in letter_kinds())
    assert letter_noun("extension", "en") == "extension notice"
    assert letter_noun("no_such_letter", "nl") == "no_such_letter"
    assert coded("status", "in_progress", "nl") == "in behandeling (in_progress)"
    assert coded("outcome", "", "en") == "not decided yet"
    assert word("identifier", "something_new", "nl") == "something_new"
    assert number(1234567, "nl") == "1.234.567" and number(1234567, "en") == "1,234,567"


# Audit actions that never belong to a case, so they never appear in a dossier timeline.
_NOT_CASE_ACTIONS = {
    "register_exported",
    "register_changed",
    "organisation_changed",
    "setting_changed",
    "connector_saved",
    "connector_deleted",
}


def test_every_case_audit_action_has_a_name_in_both_languages() -> None:
    source = "\n".join(p.read_text(encoding="utf-8") for p in Path("app/services").glob("*.py"))
    actions = set(re.findall(r'action="([a-z_]+)"', source))
    for suffix in re.findall(r'action=f"\{operation\}_([a-z]+)"', source):
        actions |= {f"erasure_{suffix}", f"rectification_{suffix}"}
    assert "case_registered" in actions and "erasure_executed" in actions  # the scan works
    for lang in ("nl", "en"):
        missing = actions - _NOT_CASE_ACTIONS - known_codes("action", lang)
        assert not missing, f"audit actions without a {lang} name in dossier_text: {missing}"
