"""Each letter speaks one language: German letters of every type, and no words of the others.

Every letter kind is rendered in Dutch, English and German from a realistic case (the access
answer with its appendix, the variants that add paragraphs), read back with pdftotext, and the
text is compared with committed lists of frequent words of the two other languages
(tests/fixtures/language_words/<lang>.txt). Proper names, the supervisor's name and statute
citations stay in their own language: they pass through the short allow-list below.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path
from typing import Final

import pytest

from app.core.finalise_gate import Condition
from app.letters import LetterContext, LetterType, compose_text, render_letter
from app.letters.compose import not_done_text, with_not_done
from app.letters.kinds import letter_kinds
from app.letters.payloads import AccessPayload, ObjectionPayload
from app.letters.templates import ComposedLetter
from tests.letter_samples import sample_context

LANGS: Final = ("nl", "en", "de")
WORDS_DIR: Final = Path(__file__).resolve().parents[1] / "fixtures" / "language_words"

# Names that keep their own language in every letter: the Dutch supervisor and its address,
# the Dutch court and statutes cited by name, the people and firms of the sample case.
ALLOWED: Final = (
    "Autoriteit Persoonsgegevens",
    "Postbus 93374",
    "Den Haag",
    "Uitvoeringswet AVG",
    "Algemene wet inzake rijksbelastingen",
    "EU-US Data Privacy Framework",
    "van der Berg",
)

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")


def language_words(lang: str) -> frozenset[str]:
    """The committed list of ``lang``: one lower-case word a line, ``#`` starts a comment."""
    lines = (WORDS_DIR / f"{lang}.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(w for line in lines if (w := line.split("#", 1)[0].strip()))


def pdftotext(pdf: bytes, tmp_path: Path, name: str) -> str:
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True
    )
    return out.stdout.decode("utf-8")


def foreign_words(text: str, lang: str) -> dict[str, set[str]]:
    """Words of the other languages' lists found in ``text`` (the allow-list taken out first)."""
    cleaned = text
    for phrase in ALLOWED:
        pattern = r"\s+".join(re.escape(part) for part in phrase.split())  # across line ends
        cleaned = re.sub(pattern, " ", cleaned, flags=re.IGNORECASE)
    # Words of letters only: a token with a digit (a hash, a reference, a date) is no word.
    words = {w for w in re.findall(r"\w+", cleaned.lower()) if not re.search(r"[\d_]", w)}
    found = {other: words & language_words(other) for other in LANGS if other != lang}
    return {other: hits for other, hits in found.items() if hits}


def _variants(letter_type: LetterType, lang: str) -> dict[str, tuple[LetterContext, str]]:
    """The sample letter and the variants that bring in other paragraphs of its template."""
    ctx = sample_context(letter_type, lang)
    out = {"sample": (ctx, "")}
    if letter_type == LetterType.ACCESS:
        assert isinstance(ctx.payload, AccessPayload)
        empty = AccessPayload(processings=(), data_by_system=(), no_data_found=True)
        out["no data"] = (replace(ctx, payload=empty), "")
        # An answer finalised with every gate condition overridden names what was not done.
        out["not done"] = (ctx, "all")
    if letter_type == LetterType.OBJECTION:
        processing = {"nl": "Klantcontact", "en": "Customer contact", "de": "Kundenkontakt"}
        basis = {
            "nl": "gerechtvaardigd belang (artikel 6, lid 1, onder f, AVG)",
            "en": "legitimate interest (Article 6(1)(f) GDPR)",
            "de": "berechtigtes Interesse (Artikel 6 Abs. 1 Buchst. f DSGVO)",
        }
        refused = ObjectionPayload(
            direct_marketing=False, upheld=False, grounds="Grounds 2026-1.",
            suppression_listed=True, processing=processing[lang], legal_basis=basis[lang],
            restricted=True,
        )  # fmt: skip
        out["refused"] = (replace(ctx, payload=refused), "")
    return out


def _render(ctx: LetterContext, not_done: str) -> bytes:
    composed = compose_text(ctx)
    if not_done:
        details = {c.value: "Paper archive, CRM" for c in Condition}
        paragraphs = not_done_text(ctx.lang, details)
        body = with_not_done(composed.body, ctx.lang, paragraphs)
        composed = ComposedLetter(subject=composed.subject, body=body)
    return render_letter(ctx, composed)


def test_every_registered_kind_has_a_sample_and_templates_in_every_language() -> None:
    from app.letters.templates import templates_root

    assert {k.code for k in letter_kinds()} == {t.value for t in LetterType}
    root = templates_root()
    names = {p.name for p in (root / "nl").glob("*.txt")}
    for lang in LANGS:
        assert {p.name for p in (root / lang).glob("*.txt")} == names, lang


def test_word_lists_are_documented_disjoint_and_large_enough() -> None:
    lists = {lang: language_words(lang) for lang in LANGS}
    for lang, words in lists.items():
        text = (WORDS_DIR / f"{lang}.txt").read_text(encoding="utf-8")
        assert text.startswith("#") and "Source and method" in text, lang
        assert len(words) >= 100, lang
        assert all(w == w.lower() and re.fullmatch(r"[^\W\d_]+", w) for w in words), lang
    for lang in LANGS:
        for other in LANGS:
            if lang < other:
                assert not lists[lang] & lists[other], (lang, other, lists[lang] & lists[other])


def test_the_check_finds_a_foreign_sentence() -> None:
    """The check itself: one stray sentence of another language is found, names are not."""
    assert foreign_words("Wij hebben uw verzoek ontvangen.", "en") == {
        "nl": {"wij", "hebben", "uw", "verzoek", "ontvangen"}
    }
    assert foreign_words("Please see the appendix.", "de") == {"en": {"please", "the", "appendix"}}
    assert foreign_words("Sie haben das Recht.", "nl") == {"de": {"sie", "haben", "das"}}
    assert (
        foreign_words("Autoriteit\nPersoonsgegevens, Postbus 93374, 2509 AJ Den Haag", "de") == {}
    )


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("letter_type", list(LetterType))
def test_letter_has_no_words_of_the_other_languages(
    letter_type: LetterType, lang: str, tmp_path: Path
) -> None:
    for variant, (ctx, not_done) in _variants(letter_type, lang).items():
        text = pdftotext(_render(ctx, not_done), tmp_path, f"{letter_type}-{lang}")
        assert ctx.our_reference in text  # the text was read back at all
        assert not foreign_words(text, lang), f"{letter_type}/{lang}/{variant}: {text}"


# What every German letter must say (DOMAIN.md section 5), in German.
AP_DE: Final = "Autoriteit Persoonsgegevens, Postbus 93374, 2509 AJ Den Haag, Niederlande"
COURT_DE: Final = ("Rechtbank", "innerhalb von sechs Wochen", "Artikel 35", "Uitvoeringswet AVG")
EXPECTED_DE: Final[dict[LetterType, tuple[str, ...]]] = {
    LetterType.ACKNOWLEDGEMENT: (
        "Eingangsbestätigung Ihres Antrags", "am 24. November 2026 haben wir Ihr Schreiben vom "
        "20. November 2026 erhalten", "spätestens am 22. Dezember 2026",
        "spätestens am 24. Dezember 2026 antworten (Artikel 12 Abs. 3 DSGVO)",
        "Auskunft (Artikel 15 DSGVO) und Löschung (Artikel 17 DSGVO)",
        "um weitere zwei Monate verlängern",
    ),
    LetterType.CLARIFICATION: (
        "Wir benötigen weitere Informationen", "Ihre Kundennummer", "ruht die Frist",
        "Bürgerservicenummer (BSN)", "Lichtbild", "unmittelbar nach dieser Prüfung",
    ),
    LetterType.EXTENSION: (
        "sieben Systemen", "bis einschließlich 24. Februar 2027", "Artikel 12 Abs. 3 DSGVO",
        "zwei weitere Monate",
    ),
    LetterType.ACCESS: (
        "Auskunft über Ihre personenbezogenen Daten", "(Artikel 15 DSGVO)",
        "Wir bestätigen, dass wir personenbezogene Daten über Sie verarbeiten",
        "Anlage: Übersicht der personenbezogenen Daten", "Zwecke (a)", "Rechtsgrundlage",
        "Datenkategorien (b)", "Empfänger (c)", "Speicherdauer (d)", "Herkunft (g)",
        "Automatisierte Entscheidungen (h)", "Übermittlungen außerhalb des EWR",
        "Zendesk Inc. (Auftragsverarbeiter)", "Angabe", "Wert", "Kategorie",
        "Kontaktdaten", "49,95 €", "ausgelassen", "teilweise ab", "Berichtigung",
        "Löschung", "Einschränkung", "widersprechen", AP_DE, *COURT_DE,
    ),
    LetterType.RECTIFICATION: (
        "Wir haben Ihre Daten berichtigt", "Anschrift in CRM: Dorpsstraat 1 → Kerkstraat 12 A",
        "Telefon in CRM: (leer) → 06 - 12 34 56 78", "Exact Online B.V.", "Artikel 19 DSGVO",
        AP_DE,
    ),
    LetterType.ERASURE: (
        "Löschung Ihrer personenbezogenen Daten", "Newsletter: E-Mail-Adresse",
        "Artikel 17 Abs. 3 Buchst. b DSGVO (Erfüllung einer rechtlichen Verpflichtung)",
        "bis zum 31. Dezember 2033 auf: 7 Jahre", "Artikel 19 DSGVO", AP_DE, *COURT_DE,
    ),
    LetterType.OBJECTION: (
        "Ihr Widerspruch", "Direktwerbung", "jederzeit widersprechen", "Sperrliste",
        "Artikel 21 Abs. 3 DSGVO", AP_DE,
    ),
    LetterType.REFUSAL: (
        "Wir kommen Ihrem Antrag nur nach, wenn Sie dafür ein angemessenes Entgelt zahlen",
        "elfmal", "offenkundig unbegründet oder exzessiv",
        "Artikel 12 Abs. 5 DSGVO", "25,00 €", "innerhalb von vier Wochen", AP_DE, *COURT_DE,
    ),
    LetterType.RECIPIENT_NOTICE: (
        "Bitte um Löschung personenbezogener Daten (Artikel 19 DSGVO)",
        "Sehr geehrte Damen und Herren,", "von J. van der Berg an Zendesk Inc.",
        "KL-10001", "Bitte löschen Sie diese Daten auch in Ihren eigenen Unterlagen",
        "z. Hd. Privacy Office",
    ),
}  # fmt: skip


@pytest.mark.parametrize("letter_type", list(LetterType))
def test_german_letter_of_every_type(letter_type: LetterType, tmp_path: Path) -> None:
    ctx = sample_context(letter_type, "de")
    raw = pdftotext(_render(ctx, ""), tmp_path, str(letter_type))
    pages = [" ".join(page.split()) for page in raw.split("\f") if page.strip()]
    text = " ".join(pages)
    for expected in EXPECTED_DE[letter_type]:
        assert expected in text, f"{letter_type}: {expected!r} missing"
    for label in ("Ihr Schreiben vom", "Ihr Zeichen", "unser Zeichen", "bearbeitet von", "Datum"):
        assert label in pages[0]
    assert "25. November 2026" in pages[0]
    # An Art. 19 notice goes to a recipient who never wrote to us: no "your letter of".
    assert ("20. November 2026" in pages[0]) == (letter_type != LetterType.RECIPIENT_NOTICE)
    assert "Mit freundlichen Grüßen" in text and "M. (Marieke) de Bruijn" in text
    # German letters continue after the salutation's comma with a small letter.
    salutation = re.search(r"(Sehr geehrte[r]? [^,]+,) (\S+)", text)
    assert salutation is not None and salutation.group(2)[0].islower(), salutation
    for number, page in enumerate(pages, start=1):
        assert f"Seite {number} von {len(pages)}" in page
    if letter_type == LetterType.ACCESS:
        assert len(pages) >= 3  # letter, then the appendix on its own pages


# --- From the command line, on a real database: a German case, its letters and its dossier ----

GERMAN_OPTIONS: Final[dict[str, tuple[str, ...]]] = {
    "acknowledgement": (),
    "clarification": ("--set", "what_needed=Ihre Kundennummer", "--set",
                      "why=Bei uns sind mehrere Personen mit Ihrem Namen gespeichert",
                      "--set", "id_copy_needed=no"),
    "extension": ("--set", "reasons=Ihr Antrag betrifft elf Systeme"),
    "access": (),
    "objection": ("--set", "direct_marketing=yes", "--set", "upheld=yes"),
    "refusal": ("--set", "reasons=Wir verarbeiten keine Daten über Sie"),
    "recipient_notice": ("--set", "recipient_name=Mailing Partners B.V.", "--set",
                         "recipient_street=Postbus 100", "--set", "recipient_postcode=5211 AA",
                         "--set", "recipient_city='s-Hertogenbosch", "--set",
                         "details=E-Mail-Adresse und Name"),
}  # fmt: skip


def _cli(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    from app.cli import main

    code = main(list(argv))
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


def test_a_german_case_gets_german_letters_from_the_cli(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'de.sqlite3'}"
    db = ("--db", url, "--user", "M. Jansen")
    ref = _cli(capsys, *db, "case", "add", "--type", "access", "--type", "objection",
               "--received", "2026-11-24", "--name", "Jan van der Berg", "--salutation", "heer",
               "--street", "Kerkstraat 12", "--postcode", "5253 RE", "--city", "Nieuwkuijk",
               "--email", "jan@example.de", "--lang", "de").strip()  # fmt: skip
    shown = _cli(capsys, *db, "case", "show", ref, "--format", "json")
    assert '"language": "de"' in shown
    _cli(capsys, *db, "case", "identity", ref, "--method", "matched_known_data",
         "--outcome", "verified")  # fmt: skip
    _cli(capsys, *db, "case", "suppress", ref)  # before the direct-marketing objection's answer
    assert set(GERMAN_OPTIONS) == {t.value for t in LetterType} - {"rectification", "erasure"}
    for kind, options in GERMAN_OPTIONS.items():
        out = tmp_path / f"{kind}.pdf"
        _cli(capsys, *db, "letter", ref, "--type", kind, "--out", str(out), *options)
        text = pdftotext(out.read_bytes(), tmp_path, kind)
        flat = " ".join(text.split())
        assert "Seite 1 von" in flat and "Mit freundlichen Grüßen" in flat, kind
        if kind != "recipient_notice":  # the notice greets the recipient (issue 12, section 3)
            assert "Sehr geehrter Herr Van der Berg," in flat, kind
        assert "24. November 2026" in flat or kind == "recipient_notice", kind
        assert not foreign_words(text, "de"), f"{kind}: {foreign_words(text, 'de')}"
    # A Dutch case answered in German for one letter: --lang de.
    nl_ref = _cli(capsys, *db, "case", "add", "--type", "access", "--received", "2026-11-24",
                  "--name", "Els Aa", "--street", "Dorpsstraat 1", "--postcode", "5253AA",
                  "--city", "Nieuwkuijk").strip()  # fmt: skip
    out = tmp_path / "ack.pdf"
    _cli(capsys, *db, "letter", nl_ref, "--type", "acknowledgement", "--lang", "de", "--out",
         str(out))  # fmt: skip
    text = pdftotext(out.read_bytes(), tmp_path, "ack")
    assert "Eingangsbestätigung Ihres Antrags" in text and not foreign_words(text, "de")


def test_cli_refuses_an_unknown_letter_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from app.cli import main

    with pytest.raises(SystemExit):
        main(["--db", f"sqlite:///{tmp_path / 'x.sqlite3'}", "letter", "AVG-2026-0001", "--type",
              "acknowledgement", "--lang", "fr", "--out", str(tmp_path / "x.pdf")])  # fmt: skip
    err = capsys.readouterr().err
    assert "invalid choice: 'fr'" in err and "'de'" in err


# Texts an officer typed into the sample case (notes, a summary, a manual check, file names):
# they stay as typed, in Dutch, in every dossier.
OFFICER_TEXTS: Final = (
    "wil inzage en verwijdering",
    "Geen map van",
    "antwoord IJsselstein-Çelik.pdf",
    "Gebeld met",
    "Zoek map",
    "Papieren archief",
)


@pytest.mark.parametrize("lang", LANGS)
def test_the_dossier_speaks_the_language_asked_for(
    lang: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import zipfile

    from app.data.database import open_database
    from tests.integration.rich_case import make_rich_case

    url = f"sqlite:///{tmp_path / 'dossier.sqlite3'}"
    database = open_database(url)
    ref = make_rich_case(database, tmp_path)
    database.dispose()
    out = tmp_path / "dossier.zip"
    _cli(capsys, "--db", url, "case", "dossier", ref, "--out", str(out), "--lang", lang)
    with zipfile.ZipFile(out) as archive:
        pdf = archive.read(f"{ref}-dossier.pdf")
    text = pdftotext(pdf, tmp_path, "dossier")
    for typed in OFFICER_TEXTS:
        text = re.sub(r"\s+".join(map(re.escape, typed.split())), " ", text)
    assert not foreign_words(text, lang), foreign_words(text, lang)
    if lang == "de":
        flat = " ".join(text.split())
        assert "Vorgangsakte" in flat and "Identität bestätigt" in flat
        assert "Vertreter ohne Vollmacht" in flat  # the stored note, in German


def test_the_demo_has_german_speaking_customers_answered_in_german(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from sqlalchemy import select

    from app.data.database import open_database
    from app.data.models import Case

    url = f"sqlite:///{tmp_path / 'demo.sqlite3'}"
    _cli(capsys, "--db", url, "demo", "--cases", "60", "--no-systems")
    database = open_database(url)
    with database.session() as session:
        languages = list(session.scalars(select(Case.language)))
        german = session.scalars(select(Case.reference).where(Case.language == "de")).first()
    database.dispose()
    assert set(languages) == set(LANGS) and german is not None
    out = tmp_path / "ack.pdf"
    _cli(capsys, "--db", url, "--user", "M. Jansen", "letter", german, "--type",
         "acknowledgement", "--out", str(out))  # fmt: skip
    text = pdftotext(out.read_bytes(), tmp_path, "demo-ack")
    assert "Eingangsbestätigung Ihres Antrags" in text and not foreign_words(text, "de")


def test_the_attention_line_for_a_representative_follows_the_letter(tmp_path: Path) -> None:
    """The line naming the lawyer at the firm: "t.a.v." in Dutch, "Attn." and "z. Hd." else."""
    from datetime import date

    from app.core.enums import Language, RequestType
    from app.core.validation import CaseInput, RepresentativeInput
    from app.data.database import open_database
    from app.services.cases import register_case
    from app.services.letters import render_for_case

    database = open_database(f"sqlite:///{tmp_path / 'rep.sqlite3'}")
    lawyer = RepresentativeInput(
        name="P. Ouwehand", role="lawyer", organisation="Ouwehand Advocaten",
        street="Keizersgracht 100", postcode="1015 AA", city="Amsterdam",
    )  # fmt: skip
    data = CaseInput(
        request_types=(RequestType.ACCESS,), received_on=date.today(), first_name="Jan",
        last_name="Berg", street="Kerkstraat 12", postcode="5253 RE", city="Nieuwkuijk",
        language=Language.DE, representative=lawyer,
    )  # fmt: skip
    ref = register_case(database, actor="officer", data=data)
    lines = {"nl": "t.a.v. P. Ouwehand", "en": "Attn. P. Ouwehand", "de": "z. Hd. P. Ouwehand"}
    for lang, line in lines.items():
        pdf = render_for_case(database, reference=ref, letter_type="acknowledgement", lang=lang,
                              handled_by="M. Jansen")  # fmt: skip
        text = pdftotext(pdf, tmp_path, f"rep-{lang}")
        assert line in text, lang
        assert [other for other in lines.values() if other != line and other in text] == []
    database.dispose()
