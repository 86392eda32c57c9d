"""The access answer read back from its PDFs: a readable copy, the register by id, the gate.

Issue 12 §2. The findings below have the shape the connectors give them (mail, document, web
log, database record); each PDF is read back with pdftotext.
"""

from __future__ import annotations

import io
import re
import subprocess
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from app.core.enums import IdentifierKind, IdentityMethod, IdentityOutcome, RequestType
from app.core.errors import UserError
from app.core.validation import CaseInput
from app.data.database import Database
from app.data.models import ConnectorRun, Document, Finding
from app.services.case_detail import get_case
from app.services.case_documents import record_identity_check
from app.services.cases import register_case
from app.services.connectors import save_connector
from app.services.gate import unmet_for_case
from app.services.letters import (
    draft_letter,
    finalise_letter,
    log_appendix_for_case,
    render_for_case,
)
from app.services.lookup import case_by_reference
from app.services.register import list_activities, save_activity
from app.services.settings import set_setting

TODAY = date.today()
EMAIL = "els.aa@example.nl"
OTHER = "piet.puk@example.com"
MESSAGE_ID = "6a39464972e51ce2@mail.example"
MAIL_PATH = "/srv/mail/support.mbox"
DOC_PATH = "/srv/share/klachten/klacht-els.docx"
MAIL_BODY = "Goedemiddag,\n\nIk begrijp de factuur niet. Kunt u mij bellen?\n\nEls Aa"
LOG_LINES = "\n".join(
    f"2026-10-18T05:{m:02d}:00+00:00\t84.91.43.157\tGET /nieuwsbrief/afmelden?email={EMAIL} "
    f"HTTP/1.1\t200\tMozilla/5.0 Firefox/132.0"
    for m in (48, 49, 50)
)
MAIL, DOCS, LOGS, PORTAL = "Supportmailbox", "Gedeelde documenten", "Webserverlogs (demo)", "SSP"
# Words of one language's fixed texts that must not appear in the other language's appendix
# (none of them occurs in the data of these cases, which is copied as it is).
DUTCH_WORDS = ("doelen", "grondslag", "bewaartermijn", "ontvangers", "verwerkingen", "bijlage",
               "waarde", "weggelaten", "uitleg", "soorten", "geen", "uzelf", "tekst", "onderwerp",
               "logregels", "opgevraagde", "datum en tijd", "ingeschreven")  # fmt: skip
ENGLISH_WORDS = ("purposes", "legal basis", "recipients", "retention", "none", "value",
                 "category", "withheld", "subject", "explanation", "appendix", "overview",
                 "processing", "date and time", "requested", "from you")  # fmt: skip


def _pdftext(pdf: bytes, tmp_path: Path, name: str = "letter") -> str:
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                         check=True, text=True).stdout  # fmt: skip
    return out


def _appendix(text: str, lang: str) -> str:
    marker = "Bijlage: Overzicht persoonsgegevens" if lang == "nl" else "Appendix: Overview"
    return text[text.rindex(marker) :]


def _words(text: str, words: tuple[str, ...]) -> list[str]:
    low = " ".join(text.lower().split())
    return [w for w in words if re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", low)]


def _case(db: Database, *, with_others: bool = True) -> str:
    for name in (MAIL, DOCS, LOGS, PORTAL):
        save_connector(db, actor="admin", name=name, kind="manual",
                       settings={"instructions": "Look in the system."})  # fmt: skip
    save_connector(db, actor="admin", name="SSP-archief", kind="manual",
                   settings={"instructions": "Old archive."}, enabled=False)  # fmt: skip
    ref = register_case(db, actor="officer", data=CaseInput(
        request_types=(RequestType.ACCESS,), received_on=TODAY, first_name="Els", last_name="Aa",
        street="Dorpsstraat 1", postcode="5253 AA", city="Nieuwkuijk", email=EMAIL,
        identifiers=((IdentifierKind.CUSTOMER_NUMBER, "DB100000"),)))  # fmt: skip
    record_identity_check(db, actor="officer", reference=ref, outcome=IdentityOutcome.VERIFIED,
                          method=IdentityMethod.MATCHED_KNOWN_DATA, checked_on=TODAY)  # fmt: skip
    cc = f"Piet Puk <{OTHER}>" if with_others else ""
    document = "Klacht over storing\nVan: Els Aa, els.aa@example.nl\n"
    document += "Sinds 2026-11-02 werkt de back-up niet."
    if with_others:
        document += f"\nCollega: Piet Puk, {OTHER}, DB100001"
    findings = [
        Finding(system=MAIL, record_id=MESSAGE_ID, location=MAIL_PATH, fields={
            "subject": "Vraag over factuur (DB100000)", "date": "Tue, 13 Oct 2026 18:49:34 +0000",
            "from": f"Els Aa <{EMAIL}>", "to": "support@databalance.example", "cc": cc,
            "snippet": f"From: Els Aa <{EMAIL}>", "full text": MAIL_BODY},
            categories=["contact details", "correspondence"]),
        Finding(system=DOCS, record_id="klachten/klacht-els.docx", location=DOC_PATH, fields={
            "file": "klachten/klacht-els.docx", "snippet": "Van: Els Aa", "also matched": "name",
            "full text": document}, categories=["documents"]),
        Finding(system=LOGS, record_id=f"access.log|email={EMAIL}", location="/var/log/access.log",
                fields={"requests": "3", "first seen": "2026-10-18 05:48:00+00:00",
                        "last seen": "2026-10-18 05:50:00+00:00",
                        "sample requests": "/nieuwsbrief/afmelden", "IP addresses": "84.91.43.157",
                        "log lines": LOG_LINES},
                categories=["online identifiers", "website usage"]),
        Finding(system=PORTAL, record_id="tickets:145", location="Support tickets", fields={
            "ticket opened": "2026-03-05T10:15:00", "ticket subject": "VPN traag",
            "ticket text": "Thuiswerken via VPN is traag."}, categories=["support history"]),
    ]  # fmt: skip
    with db.session() as session:
        case = case_by_reference(session, ref)
        for f in findings:
            f.case_id = case.id
            f.matched_kind, f.matched_value, f.strength = "email", EMAIL, "strong"
            f.review = "confirmed"
            session.add(f)
        for name in (MAIL, DOCS, LOGS, PORTAL):
            session.add(ConnectorRun(case_id=case.id, system=name, status="ok",
                                     finished_at=datetime.now(UTC)))  # fmt: skip
    return ref


def _link(db: Database, links: dict[str, str], **extra: dict[str, str]) -> None:
    """Link processings (by Dutch name) to systems; others to no system found here."""
    for activity in list_activities(db):
        values = {"systems": links.get(activity.name, "SSP-archief")}
        values.update(extra.get(activity.name, {}))
        save_activity(db, actor="admin", values=values, activity_id=activity.id)


@pytest.fixture
def linked(db: Database) -> tuple[Database, str]:
    ref = _case(db)
    _link(db, {
        "Klantondersteuning en Self Service Portal": f"{MAIL}\n{DOCS}\n{PORTAL}",
        "Websitestatistieken en beveiliging van de website": LOGS,
    }, **{"Klantondersteuning en Self Service Portal": {
        "recipients": "Wolkenbasis Hosting B.V., Utrecht"}})  # fmt: skip
    return db, ref


def _letter(db: Database, ref: str, lang: str, **options: str) -> bytes:
    return render_for_case(db, reference=ref, letter_type="access", lang=lang, options=options,
                           handled_by="officer")  # fmt: skip


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_copy_is_the_data_readable(
    linked: tuple[Database, str], lang: str, tmp_path: Path
) -> None:
    db, ref = linked
    assert unmet_for_case(db, reference=ref, letter_type="access", lang=lang) == []
    text = _pdftext(_letter(db, ref, lang), tmp_path)
    flat = " ".join(text.split())
    # No server path, file path, message id, internal id or search metadata; no ISO dates.
    paths_and_ids = ("/srv/", "/var/log", "klachten/", MESSAGE_ID, "tickets:145", "snippet",
              "also matched", "sample requests", "Webserverlogs", "Supportmailbox")  # fmt: skip
    for banned in paths_and_ids:
        assert banned not in flat, banned
    assert not re.search(r"\d{4}-\d{2}-\d{2}", flat)
    # Records named as a person knows them; dates and times in the letter's language.
    if lang == "nl":
        assert "E-mail van 13 oktober 2026" in flat and "13 oktober 2026, 20:49" in flat
        assert "Document klacht-els.docx" in flat and "Supportverzoeken, 5 maart 2026" in flat
        assert "18 oktober 2026, 07:48" in flat and "Sinds 2 november 2026 werkt" in flat
    else:
        assert "E-mail of 13 October 2026" in flat and "13 October 2026, 20:49" in flat
        assert "Support tickets, 5 March 2026" in flat and "18 October 2026, 07:50" in flat
    # The own message in full, every log line, a legend.
    assert "Ik begrijp de factuur niet. Kunt u mij bellen?" in flat
    assert flat.count("/nieuwsbrief/afmelden?email=") + flat.count("afmelden?email=els") >= 3
    assert ("Uitleg van begrippen" if lang == "nl" else "Explanation of terms") in flat
    # Other people's data withheld and marked; the letter says so and gives the remedies.
    assert OTHER not in flat and "DB100001" not in flat and "Piet Puk" not in flat
    marker = (
        "[weggelaten: gegevens van een ander]"
        if lang == "nl"
        else "[withheld: another person's data]"
    )
    assert marker in flat
    assert ("gedeeltelijk af" if lang == "nl" else "partly refuse") in flat
    assert ("zes weken" if lang == "nl" else "six weeks") in flat
    # Named recipients; the processings in the letter's language.
    assert "Wolkenbasis Hosting B.V., Utrecht" in flat
    appendix = _appendix(text, lang)
    if lang == "en":
        assert "Customer support and Self Service Portal" in flat
        assert _words(appendix, DUTCH_WORDS) == []
    else:
        assert _words(appendix, ENGLISH_WORDS) == []


def test_no_redaction_paragraph_when_nothing_was_withheld(db: Database, tmp_path: Path) -> None:
    ref = _case(db, with_others=False)
    _link(db, {
        "Klantondersteuning en Self Service Portal": f"{MAIL}\n{DOCS}\n{PORTAL}",
        "Websitestatistieken en beveiliging van de website": LOGS,
    }, **{"Klantondersteuning en Self Service Portal": {
        "recipients": "Wolkenbasis B.V."}})  # fmt: skip
    flat = " ".join(_pdftext(_letter(db, ref, "nl"), tmp_path).split())
    assert "weggelaten" not in flat and "Gegevens van anderen" not in flat
    assert "gedeeltelijk" not in flat and "zes weken" not in flat
    assert "Autoriteit Persoonsgegevens" in flat  # the complaint paragraph instead
    draft = draft_letter(db, actor="officer", reference=ref, letter_type="access")
    finalise_letter(db, actor="officer", letter_id=draft.id, today=TODAY)
    assert get_case(db, reference=ref).outcomes == {"access": "granted"}


def test_withheld_data_makes_the_answer_a_partial_refusal(linked: tuple[Database, str]) -> None:
    db, ref = linked
    draft = draft_letter(db, actor="officer", reference=ref, letter_type="access")
    finalise_letter(db, actor="officer", letter_id=draft.id, today=TODAY)
    assert get_case(db, reference=ref).outcomes == {"access": "partly_refused"}


def test_log_lines_beyond_the_setting_go_to_a_separate_appendix(
    linked: tuple[Database, str], tmp_path: Path
) -> None:
    db, ref = linked
    # 3 lines: in the letter itself.
    assert log_appendix_for_case(db, reference=ref, letter_type="access", lang="nl",
                                 handled_by="officer") is None  # fmt: skip
    set_setting(db, actor="admin", key="access_copy", value={"log_lines_in_letter": 2})
    flat = " ".join(_pdftext(_letter(db, ref, "nl"), tmp_path).split())
    assert "3 bezoeken" in flat and "aparte bijlage 'Loggegevens'" in flat
    assert "De 3 logregels staan in de aparte bijlage" in flat
    assert "Bijlagen: Overzicht persoonsgegevens; Loggegevens" in flat
    assert "afmelden?email=" not in flat  # the lines are not in the letter itself
    draft = draft_letter(db, actor="officer", reference=ref, letter_type="access")
    info = finalise_letter(db, actor="officer", letter_id=draft.id, today=TODAY)
    with db.session() as session:
        stored = {d.filename: d.content for d in session.query(Document).all()}
    name = f"{ref}-access-{TODAY.isoformat()}-{info.id}-log.pdf"
    assert name in stored and stored[name] is not None
    log_text = " ".join(_pdftext(stored[name], tmp_path, "log").split())
    assert "Bijlage: Loggegevens" in log_text and ref in log_text
    assert log_text.count("84.91.43.157") == 3 and "18 oktober 2026, 07:50" in log_text
    import pikepdf  # the appendix is archived with the letter: PDF/A-2b like the letter

    with pikepdf.open(io.BytesIO(stored[name])) as pdf:
        meta = pdf.open_metadata()
        assert meta["pdfaid:part"] == "2" and meta["pdfaid:conformance"] == "B"
        assert len(pdf.Root.OutputIntents) == 1
    assert not re.search(r"\d{4}-\d{2}-\d{2}", log_text)


def test_the_register_gate_of_the_access_answer(db: Database, tmp_path: Path) -> None:
    ref = _case(db)

    def unmet(lang: str = "nl", **options: str) -> dict[str, str]:
        found = unmet_for_case(db, reference=ref, letter_type="access", options=options,
                               lang=lang)  # fmt: skip
        return {u.condition.value: u.detail for u in found}

    # Nothing linked: every system with data lacks a processing; the shipped register gives
    # categories of recipients only.
    first = unmet()
    assert set(first["processing_linked"].split(", ")) == {MAIL, DOCS, LOGS, PORTAL}
    assert "Klantondersteuning en Self Service Portal" in first["recipients_named"]
    # The name of a system does not link it: "Webserverlogs" is not "Webserverlogs (demo)".
    with pytest.raises(UserError):
        save_activity(db, actor="admin", values={"systems": "Webserverlogs"},
                      activity_id=list_activities(db)[2].id)  # fmt: skip
    _link(db, {"Klantondersteuning en Self Service Portal": f"{MAIL}\n{DOCS}\n{PORTAL}",
               "Websitestatistieken en beveiliging van de website": LOGS})  # fmt: skip
    second = unmet()
    assert "processing_linked" not in second
    assert second["recipients_named"] == "Klantondersteuning en Self Service Portal"
    # A recorded reason why naming is impossible meets the condition, and the letter says it.
    support = next(a for a in list_activities(db) if a.name.startswith("Klantondersteuning"))
    reason = "De leverancier wisselt per storing; de lijst staat op onze website."
    save_activity(db, actor="admin", values={"recipients_unnamed_reason": reason},
                  activity_id=support.id)  # fmt: skip
    assert unmet() == {}
    assert "register_language" in unmet("en")  # the reason has no English text yet
    texts = {"recipients_unnamed_reason_en": "It changes.",
             "recipients_unnamed_reason_de": "Er wechselt."}  # fmt: skip
    save_activity(db, actor="admin", values=texts, activity_id=support.id)
    assert unmet() == {} and unmet("en") == {} and unmet("de") == {}
    flat = " ".join(_pdftext(_letter(db, ref, "nl"), tmp_path).split())
    assert "Soorten ontvangers: Toeleveranciers" in flat and reason in flat
    # A missing English text blocks the English letter only.
    save_activity(db, actor="admin", values={"retention_en": ""}, activity_id=support.id)
    assert unmet() == {}
    assert unmet("en") == {"register_language": "Klantondersteuning en Self Service Portal: "
                                                 "retention"}  # fmt: skip
    # Leaving out the only processing of systems with data brings the link condition back.
    assert "processing_linked" in unmet(leave_out="Klantondersteuning en Self Service Portal")
    with pytest.raises(UserError, match="not a processing activity"):
        unmet(leave_out="Nieuwsbrieven")


def test_a_processing_left_out_is_not_in_the_letter(
    linked: tuple[Database, str], tmp_path: Path
) -> None:
    db, ref = linked
    # The newsletter is linked to no system with this person's data: not in the answer.
    before = " ".join(_pdftext(_letter(db, ref, "nl"), tmp_path).split())
    assert "Nieuwsbrief" not in before
    assert "Websitestatistieken en beveiliging van de website" in before
    after = " ".join(_pdftext(_letter(db, ref, "nl", leave_out="Websitestatistieken en "
                                      "beveiliging van de website"), tmp_path).split())  # fmt: skip
    assert "Websitestatistieken" not in after.split("2. Uw gegevens")[0]
