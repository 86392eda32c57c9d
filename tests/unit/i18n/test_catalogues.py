"""Zero English in the Dutch product: every message id and every UI string has a Dutch text."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from app.core import i18n
from app.core.code_words import code_word
from app.core.errors import NotFoundError, UserError
from app.core.i18n import C_, P_, Message, _, join, restored, stored, text_of

ROOT = Path(__file__).resolve().parents[3]
LOCALE = ROOT / "resources" / "locale"
KEYWORDS = {"_": None, "N_": None, "P_": (1, 2), "C_": ((1, "c"), 2)}


def _message_ids() -> set[tuple[str | None, str]]:
    """Every (context, message id) in the sources, extracted as pybabel does with babel.cfg."""
    from babel.messages.frontend import parse_mapping_cfg

    with (ROOT / "babel.cfg").open(encoding="utf-8") as cfg:
        method_map, options_map = parse_mapping_cfg(cfg)
    found: set[tuple[str | None, str]] = set()
    for _file, _line, message, _comments, context in extract_from_dir(
        str(ROOT), method_map, options_map, keywords=KEYWORDS
    ):
        msgid = message[0] if isinstance(message, tuple) else message
        found.add((context, msgid))
    return found


def _catalogue(lang: str) -> dict[tuple[str | None, str], str]:
    with (LOCALE / lang / "LC_MESSAGES" / "privacy_desk.po").open("rb") as po:
        catalog = read_po(po)
    out = {}
    for m in catalog:
        if not m.id:
            continue
        msgid = m.id[0] if isinstance(m.id, tuple) else m.id
        text = m.string[0] if isinstance(m.string, tuple) else m.string
        out[(m.context, msgid)] = "" if m.fuzzy else text
    return out


def test_every_message_id_has_a_dutch_text() -> None:
    ids = _message_ids()
    assert len(ids) > 300  # the extraction really ran over the sources
    dutch = _catalogue("nl")
    missing = sorted((c or "", m) for c, m in ids if not dutch.get((c, m)))
    assert missing == [], f"{len(missing)} message ids without Dutch: {missing[:20]}"


# Letters, their appendix, the dossier and the reports exist in German too (issue: letters and
# reports in nl, en and de); the rest of the German catalogue is welcome but not required.
GERMAN_CONTEXTS = {
    "letter", "dossier", "yearly report", "register column", "on time", "month",
    "month abbreviation", "weekday", "request type", "case status", "refusal ground", "outcome",
    "outcome, short", "letter type", "audit action",
}  # fmt: skip


def test_letter_and_report_texts_have_german() -> None:
    german = _catalogue("de")
    wanted = {(c, m) for c, m in _message_ids() if c in GERMAN_CONTEXTS}
    assert len(wanted) > 250
    missing = sorted((c or "", m) for c, m in wanted if not german.get((c, m)))
    assert missing == [], f"{len(missing)} letter/report texts without German: {missing[:20]}"


def test_the_template_is_up_to_date() -> None:
    """resources/locale/privacy_desk.pot holds every id (regenerate it with pybabel extract)."""
    with (LOCALE / "privacy_desk.pot").open("rb") as pot:
        template = {(m.context, m.id[0] if isinstance(m.id, tuple) else m.id) for m in read_po(pot)}
    assert _message_ids() - template == set()


def test_every_qt_string_has_a_dutch_translation() -> None:
    ts = ET.parse(ROOT / "resources" / "translations" / "privacy_desk_nl.ts")
    messages = ts.findall(".//message")
    assert len(messages) > 500
    missing = []
    for message in messages:
        source = message.findtext("source") or ""
        translation = message.find("translation")
        unfinished = translation is None or translation.get("type") in ("unfinished", "obsolete")
        forms = [] if translation is None else translation.findall("numerusform")
        texts = [f.text or "" for f in forms] if forms else [translation.text or ""]  # type: ignore[union-attr]
        if unfinished or not all(t.strip() for t in texts):
            missing.append(source)
    assert missing == [], f"{len(missing)} UI strings without Dutch: {missing[:20]}"


def test_placeholders_of_translations_match_the_source() -> None:
    """A translation that loses or invents a {name} would show the English text instead."""
    import re

    field = re.compile(r"(?<!\{)\{(\w+)\}(?!\})")
    for lang in ("nl", "de"):
        path = LOCALE / lang / "LC_MESSAGES" / "privacy_desk.po"
        if not path.exists():
            continue
        for (_context, msgid), text in _catalogue(lang).items():
            if text:
                assert set(field.findall(text)) == set(field.findall(msgid)), (lang, msgid, text)


def test_messages_render_in_dutch_and_german_from_the_compiled_catalogues() -> None:
    missing = _("There is no case {reference}.", reference="AVG-2026-0001")
    assert missing == "There is no case AVG-2026-0001."
    error = NotFoundError(_("Case {reference} no longer exists.", reference="AVG-2026-0001"))
    assert error.msgid == "Case {reference} no longer exists."
    assert error.render("nl") == "Zaak AVG-2026-0001 bestaat niet meer."
    assert error.render("de") == "Der Vorgang AVG-2026-0001 existiert nicht mehr."
    assert str(error) == "Case AVG-2026-0001 no longer exists."
    assert i18n.format_date(date(2026, 3, 5), "nl") == "5 maart 2026"
    assert i18n.format_date(date(2026, 3, 5), "de") == "5. März 2026"
    assert C_("month", "May").render("de") == "Mai"
    assert text_of(_("contact details"), "de") == "Kontaktdaten"
    assert i18n.translate("contact details", "nl") == "contactgegevens"
    letter = UserError(_("There are no letters to print."))
    assert letter.render("nl") == "Er zijn geen brieven om af te drukken."
    assert letter.render("de") == "Es gibt keine Briefe zum Drucken."


def test_plural_and_joined_messages() -> None:
    one, many = P_("{n} case", "{n} cases", 1), P_("{n} case", "{n} cases", 3)
    assert (one, many) == ("1 case", "3 cases")
    note = join([_("Only the name matched: check it is this person."), _("Unknown field.")])
    assert note == "Only the name matched: check it is this person. Unknown field."
    assert note.render("nl") == (
        "Alleen de naam kwam overeen: controleer of het om deze persoon gaat. Onbekend veld."
    )


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_messages_kept_in_the_database_come_back_in_the_reader_language(lang: str) -> None:
    when = date(2026, 11, 24)
    message = _(
        "Log lines cannot be erased one by one; they expire on {date} ({n} days after the "
        "last request, kept for security only).",
        date=when,
        n=90,
    )
    kept = stored(join([message, _("Unknown field.")]))
    assert kept.startswith('{"')
    back = restored(kept)
    assert back == message + " Unknown field."
    expected = {"nl": "verlopen op 24 november 2026 (90 dagen", "en": "expire on 24 November 2026"}
    assert expected[lang] in back.render(lang)
    # Texts stored before the catalogues existed (and people's own text) come back verbatim.
    assert restored("Oude tekst {x}").render("nl") == "Oude tekst {x}"
    assert stored("plain") == "plain"
    assert isinstance(restored(""), Message)


def test_stored_codes_read_as_codes_in_english_and_as_words_in_dutch() -> None:
    summary = _(
        "Status {old} -> {new}",
        old=code_word("status", "registered"),
        new=code_word("status", "in_progress"),
    )
    assert summary == "Status registered -> in_progress"  # the audit trail as recorded
    back = restored(stored(summary))
    assert back.render("nl") == "Status geregistreerd -> in behandeling"
    assert back.render("de") == "Status erfasst -> in Bearbeitung"
    assert code_word("status", "no_such_code").render("nl") == "no_such_code"


def test_every_tr_string_in_the_sources_is_in_the_dutch_ts(tmp_path: Path) -> None:
    """A tr() string added to app/ui without running lupdate would show English: collect the
    sources with Qt's own lupdate into a copy of the .ts and require nothing new."""
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    if not lupdate.exists():
        pytest.skip("pyside6-lupdate is not installed next to this Python")
    copy = tmp_path / "privacy_desk_nl.ts"
    shutil.copy(ROOT / "resources" / "translations" / "privacy_desk_nl.ts", copy)
    sources = sorted(str(p) for p in (ROOT / "app" / "ui").glob("*.py"))
    subprocess.run([str(lupdate), "-no-obsolete", *sources, "-ts", str(copy)], check=True,
                   capture_output=True)  # fmt: skip
    new = [
        m.findtext("source")
        for m in ET.parse(copy).findall(".//message")
        if (m.find("translation") is not None) and m.find("translation").get("type") == "unfinished"  # type: ignore[union-attr]
    ]
    assert new == [], f"{len(new)} UI strings not in privacy_desk_nl.ts (run lupdate): {new[:10]}"
