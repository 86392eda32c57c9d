"""The demo's own cases reach every letter kind of the registry, finalised, in nl, en and de.

Only services are called (what the officer does in the window), never a direct database edit:
search, review, the paper archive, identity, changes planned and executed, kept items explained,
then the letter is drafted and finalised. Each variant's finalised PDF is read back.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from pypdf import PdfReader

from app.connectors.base import Correction
from app.core.enums import IdentityMethod, IdentityOutcome
from app.core.kept_data import EXPIRES, KeepDecision
from app.data.database import Database, open_database
from app.demo.fill import fill_demo
from app.letters.kinds import letter_codes
from app.services.case_detail import get_case
from app.services.case_documents import document_content, record_identity_check
from app.services.case_queries import list_cases
from app.services.cases import edit_case
from app.services.changes import (
    actions_of,
    approve_plan,
    execute_plan,
    plan_changes,
    record_removed_by_hand,
    suppress,
)
from app.services.deadlines import end_pause
from app.services.kept_data import record_keep_decision
from app.services.letters import draft_letter, finalise_letter
from app.services.searches import (
    complete_manual_task,
    findings_of,
    manual_tasks_of,
    review_findings,
    search_case,
)

pytestmark = pytest.mark.slow  # three demo databases, every kind finalised in each

TODAY = date.today()
OPEN = {"registered", "acknowledged", "identity_check", "in_progress", "on_hold"}


@pytest.fixture(scope="module", params=["nl", "en", "de"])
def demo(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Database, str]]:
    """One demo database (24 cases and the sample systems) per letter language."""
    folder = tmp_path_factory.mktemp(f"demo-{request.param}")
    db = open_database(f"sqlite:///{folder / 'demo.sqlite3'}")
    fill_demo(db, cases=24)
    yield db, str(request.param)
    db.dispose()


class Flow:
    """The officer's steps on the demo, through the services only."""

    def __init__(self, db: Database, lang: str) -> None:
        self.db, self.lang = db, lang
        self.used: set[str] = set()

    def case(
        self, *, types: tuple[str, ...] = (), recent: bool = False, email: bool = False
    ) -> str:
        """An open demo case not used yet; its request types set to ``types`` (edit_case)."""
        for row in list_cases(self.db, limit=None):
            detail = get_case(self.db, reference=row.reference)
            if row.reference in self.used or detail.status not in OPEN:
                continue
            if recent and detail.received_on < TODAY - timedelta(days=25):
                continue
            if email and not detail.requester.email:
                continue
            self.used.add(row.reference)
            if detail.paused:
                end_pause(self.db, actor="o", reference=row.reference, end_on=TODAY, today=TODAY)
            if types and set(detail.types) != set(types):
                version = get_case(self.db, reference=row.reference).version
                edit_case(self.db, actor="o", reference=row.reference, expected_version=version,
                          changes={"request_types": list(types)})  # fmt: skip
            return row.reference
        raise AssertionError(f"no open demo case left for {types}")

    def identify(self, ref: str) -> None:
        record_identity_check(self.db, actor="o", reference=ref, outcome=IdentityOutcome.VERIFIED,
                              method=IdentityMethod.MATCHED_KNOWN_DATA,
                              checked_on=TODAY)  # fmt: skip

    def search(self, ref: str) -> None:
        """Search every demo system, confirm what was found, close the paper-archive check."""
        search_case(self.db, actor="o", reference=ref)
        pending = [f.id for f in findings_of(self.db, reference=ref) if f.review == "pending"]
        if pending:
            review_findings(self.db, actor="o", reference=ref, finding_ids=pending,
                            decision="confirmed")  # fmt: skip
        for task in manual_tasks_of(self.db, reference=ref):
            complete_manual_task(self.db, actor="o", reference=ref, task_id=task.id,
                                 result="not_found", note="")  # fmt: skip

    def found_case(self, types: tuple[str, ...]) -> str:
        """A demo case whose person the systems hold (searched, confirmed, identified)."""
        while True:
            ref = self.case(types=types)
            self.search(ref)
            if findings_of(self.db, reference=ref, confirmed_only=True):
                self.identify(ref)
                return ref

    def erase(self, ref: str) -> None:
        plan_changes(self.db, actor="o", reference=ref, operation="erasure")
        approve_plan(self.db, actor="o", reference=ref, operation="erasure")
        execute_plan(self.db, actor="o", reference=ref, operation="erasure")
        kept = [
            a
            for a in actions_of(self.db, reference=ref, operation="erasure")
            if a.outcome in ("kept", "planned") and not a.keep_ground
        ]
        by_hand = [a for a in kept if a.outcome == "planned"]
        for action in by_hand:
            record_removed_by_hand(self.db, actor="o", reference=ref, action_id=action.id,
                                   note="In de map verwijderd")  # fmt: skip
        rest = [a for a in kept if a.outcome == "kept"]
        fiscal = [a.id for a in rest if "customer number" in a.fields]
        tax = KeepDecision("b", statute="art. 52 Algemene wet inzake rijksbelastingen",
                           event="end_of_financial_year", event_on=date(TODAY.year, 12, 31),
                           period="7 years")  # fmt: skip
        if fiscal:
            record_keep_decision(self.db, actor="o", reference=ref, action_ids=fiscal,
                                 decision=tax)  # fmt: skip
        others = [a.id for a in rest if a.id not in fiscal]
        if others:
            expires = KeepDecision(EXPIRES, expires_on=TODAY + timedelta(days=31))
            record_keep_decision(self.db, actor="o", reference=ref, action_ids=others,
                                 decision=expires)  # fmt: skip

    def letter(self, ref: str, kind: str, options: dict[str, str] | None = None) -> str:
        """Draft and finalise; the stored PDF's text, whitespace folded."""
        draft = draft_letter(self.db, actor="o", reference=ref, letter_type=kind,
                             lang=self.lang, options=options)  # fmt: skip
        final = finalise_letter(self.db, actor="o", letter_id=draft.id)
        assert final.status == "final" and final.document_id is not None
        _name, _type, pdf = document_content(self.db, document_id=final.document_id)
        pages = PdfReader(io.BytesIO(pdf)).pages
        return " ".join(" ".join((p.extract_text() or "").split()) for p in pages)


# Words each finalised letter must carry: a sentence or citation only that variant has.
EXPECT: dict[str, dict[str, str]] = {
    "acknowledgement": {"nl": "bevestigen wij dat", "en": "we hereby confirm its receipt",
                        "de": "bestätigen wir den Eingang"},
    "clarification": {"nl": "meerdere personen met uw naam", "en": "several people with your name",
                      "de": "mehrere Personen mit Ihrem Namen"},
    "extension": {"nl": "Wij verlengen de termijn", "en": "extending the time limit",
                  "de": "Wir verlängern die Frist"},
    "access": {"nl": "Overzicht persoonsgegevens", "en": "Overview of personal data",
               "de": "Übersicht der personenbezogenen Daten"},
    "rectification": {"nl": "→ Van Rijn-Demo", "en": "→ Van Rijn-Demo", "de": "→ Van Rijn-Demo"},
    "erasure": {"nl": "artikel 17 AVG", "en": "Article 17 GDPR", "de": "Artikel 17 DSGVO"},
    "objection_upheld": {"nl": "artikel 21 lid 3 AVG", "en": "Article 21(3) GDPR",
                         "de": "Artikel 21 Abs. 3 DSGVO"},
    "objection_refused": {"nl": "Wij wijzen uw bezwaar af", "en": "Article 21(1) GDPR",
                          "de": "Wir weisen Ihren Widerspruch zurück"},
    "refusal": {"nl": "uw verzoek is al beantwoord", "en": "we answered it already",
                "de": "Wir haben Ihren Antrag bereits beantwortet"},
    "refusal_fee": {"nl": "€ 25,00", "en": "€25.00", "de": "25,00 €"},
    "refusal_art41": {"nl": "artikel 41 lid 1 onder e", "en": "Article 41(1)(e)",
                      "de": "Artikel 41 Abs. 1 Buchst. e"},
    "recipient_notice": {"nl": "Geachte heer, mevrouw", "en": "Dear Sir or Madam",
                         "de": "Sehr geehrte Damen und Herren"},
}  # fmt: skip
NECESSITY = {
    "nl": "het lopende onderzoek zou anders worden geschaad",
    "en": "the ongoing investigation would otherwise be harmed",
    "de": "die laufende Untersuchung sonst beeinträchtigt würde",
}


def produce(db: Database, lang: str) -> dict[str, str]:
    """Every variant made once on this language's demo: variant -> finalised letter text."""
    flow = Flow(db, lang)
    out: dict[str, str] = {}
    ex = {
        "nl": ("uw klantnummer", "wij vinden meerdere personen met uw naam"),
        "en": ("your customer number", "we hold several people with your name"),
        "de": ("Ihre Kundennummer", "Bei uns sind mehrere Personen mit Ihrem Namen gespeichert"),
    }[lang]
    reasons = {"reasons": {"nl": "uw verzoek is al beantwoord", "en": "we answered it already",
                           "de": "Wir haben Ihren Antrag bereits beantwortet"}[lang]}  # fmt: skip

    ref = flow.case(types=("objection",), email=True)
    out["acknowledgement"] = flow.letter(ref, "acknowledgement")
    flow.identify(ref)
    suppress(db, actor="o", reference=ref, email=get_case(db, reference=ref).requester.email,
             today=TODAY)  # fmt: skip
    out["objection_upheld"] = flow.letter(ref, "objection", {"direct_marketing": "yes"})

    ref = flow.case(types=("access",))
    out["clarification"] = flow.letter(ref, "clarification",
                                       {"what_needed": ex[0], "why": ex[1]})  # fmt: skip

    ref = flow.case(types=("access",), recent=True)
    out["extension"] = flow.letter(ref, "extension", {"reasons": ex[1]})

    ref = flow.found_case(("access",))
    out["access"] = flow.letter(ref, "access")

    ref = flow.found_case(("erasure",))
    flow.erase(ref)
    out["erasure"] = flow.letter(ref, "erasure")
    out["recipient_notice"] = flow.letter(ref, "recipient_notice", {
        "recipient_name": "Pakketdienst Maasland B.V. (demo)", "recipient_street": "Postbus 10",
        "recipient_postcode": "5211 AA", "recipient_city": "'s-Hertogenbosch",
        "action": "erasure", "details": "naam, adres"})  # fmt: skip

    ref = flow.found_case(("rectification",))
    corrections = [Correction("last name", "Van Rijn-Demo")]
    plan_changes(db, actor="o", reference=ref, operation="rectification", corrections=corrections)
    approve_plan(db, actor="o", reference=ref, operation="rectification")
    execute_plan(db, actor="o", reference=ref, operation="rectification")
    out["rectification"] = flow.letter(ref, "rectification")

    ref2 = flow.case(types=("objection",))
    out["objection_refused"] = flow.letter(ref2, "objection", {
        "direct_marketing": "no", "upheld": "no",
        "processing": "Websitestatistieken en beveiliging van de website",
        "grounds": "beveiliging van onze systemen"})  # fmt: skip

    ref3 = flow.case(types=("restriction",))
    out["refusal"] = flow.letter(ref3, "refusal", reasons)
    ref3 = flow.case(types=("access",))
    out["refusal_fee"] = flow.letter(ref3, "refusal", {
        **reasons, "manifestly_unfounded_or_excessive": "yes", "fee_or_refuse": "fee",
        "fee_eur": "25"})  # fmt: skip
    ref3 = flow.case(types=("access",))
    out["refusal_art41"] = flow.letter(ref3, "refusal", {
        **reasons, "art41_interest": "e",
        "necessity": NECESSITY[lang]})  # fmt: skip
    return out


@pytest.fixture(scope="module")
def produced(demo: tuple[Database, str]) -> dict[str, str]:
    return produce(*demo)


VARIANTS = sorted(EXPECT)


def test_the_variants_cover_every_registered_kind() -> None:
    assert {v.split("_")[0] if v.startswith(("objection", "refusal")) else v
            for v in VARIANTS} == set(letter_codes())  # fmt: skip


@pytest.mark.parametrize("variant", VARIANTS)
def test_the_demo_produces_the_letter(produced: dict[str, str], demo: tuple[Database, str],
                                      variant: str) -> None:  # fmt: skip
    _db, lang = demo
    text = produced[variant]
    assert EXPECT[variant][lang] in text, text[:600]
    if variant == "refusal_art41":
        assert NECESSITY[lang] in text
    if variant == "recipient_notice":  # greets the recipient, names the person
        assert "Pakketdienst Maasland" in text
