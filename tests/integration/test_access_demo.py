"""The demo's own flow gives an access answer fit to send, in Dutch and English, without any
edit to the database: searches, review, identity, the manual check, then the letter."""

from __future__ import annotations

import re
import subprocess
from datetime import date
from pathlib import Path

from app.core.enums import IdentityMethod, IdentityOutcome
from app.data.database import Database
from app.demo.fill import fill_demo
from app.services.case_documents import record_identity_check
from app.services.case_queries import list_cases
from app.services.gate import unmet_for_case
from app.services.letters import draft_letter, finalise_letter, preview_letter
from app.services.searches import (
    complete_manual_task,
    findings_of,
    manual_tasks_of,
    review_findings,
    search_case,
)
from tests.integration.test_access_answer import DUTCH_WORDS, ENGLISH_WORDS, _appendix, _words

WANTED = {"Supportmailbox (demo)", "Webserverlogs (demo)", "Self Service Portal"}


def test_the_demo_flow_produces_the_access_answer(sqlite_db: Database, tmp_path: Path) -> None:
    db = sqlite_db
    fill_demo(db, cases=8)
    ref = ""
    for row in list_cases(db, limit=None):
        search_case(db, actor="officer", reference=row.reference)
        found = {f.system for f in findings_of(db, reference=row.reference, confirmed_only=True)}
        if WANTED <= found:
            ref = row.reference
            break
    assert ref, "no demo person in mailbox, web logs and portal"
    record_identity_check(db, actor="officer", reference=ref, outcome=IdentityOutcome.VERIFIED,
                          method=IdentityMethod.MATCHED_KNOWN_DATA,
                          checked_on=date.today())  # fmt: skip
    for task in manual_tasks_of(db, reference=ref):
        complete_manual_task(db, actor="officer", reference=ref, task_id=task.id,
                             result="not_found", note="")  # fmt: skip
    pending = [f.id for f in findings_of(db, reference=ref) if f.review == "pending"]
    if pending:
        review_findings(db, actor="officer", reference=ref, finding_ids=pending,
                        decision="rejected")  # fmt: skip
    for lang in ("en", "nl"):
        assert unmet_for_case(db, reference=ref, letter_type="access", lang=lang) == []
        draft = draft_letter(db, actor="officer", reference=ref, letter_type="access", lang=lang)
        if lang == "nl":
            finalise_letter(db, actor="officer", letter_id=draft.id)
        path = tmp_path / f"access-{lang}.pdf"
        path.write_bytes(preview_letter(db, letter_id=draft.id))
        text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                              check=True, text=True).stdout  # fmt: skip
        flat = " ".join(text.split())
        assert not re.search(r"\d{4}-\d{2}-\d{2}", flat)
        assert "demo-systems" not in flat
        assert "snippet" not in flat and "also matched" not in flat
        assert "Webserverlogs (demo)" not in flat and "Supportmailbox" not in flat
        appendix = _appendix(text, lang)
        words = DUTCH_WORDS if lang == "en" else ENGLISH_WORDS
        assert _words(appendix, words) == []
        assert ("Website statistics and website security" if lang == "en"
                else "Websitestatistieken en beveiliging van de website") in appendix  # fmt: skip
