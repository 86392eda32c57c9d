"""Who writes and to whom, on a real database: the sender's details, the 'handled by' name,
the salutation setting and a representative's letter (issue 12, section 4)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from app.cli import main
from app.core.dates import format_date
from app.core.enums import RequestType
from app.core.errors import ValidationError
from app.core.i18n import text_of
from app.core.validation import CaseInput, RepresentativeInput
from app.data.database import Database, open_database
from app.data.models import Organisation
from app.services.cases import register_case
from app.services.letters import draft_letter, render_for_case
from app.services.settings import (
    get_organisation,
    sender_problems,
    set_officer_name,
    set_setting,
    update_organisation,
)
from tests.integration.letter_pdf_words import have_pdftotext, pdf_text

TODAY = date(2026, 11, 24)


def _case(db: Database, **changes: object) -> str:
    fields: dict[str, object] = {
        "request_types": (RequestType.ACCESS,),
        "received_on": date(2026, 11, 20),
        "initials": "Y.",
        "name_prefix": "van der",
        "last_name": "Vos",
        "street": "Kerkstraat 12",
        "postcode": "5253 RE",
        "city": "Nieuwkuijk",
        **changes,
    }
    return register_case(db, actor="officer", data=CaseInput(**fields), today=TODAY)  # type: ignore[arg-type]


def test_the_seed_profile_is_complete(db: Database) -> None:
    profile = get_organisation(db)
    assert sender_problems(profile, dpo_registered=False) == {}
    assert profile["kvk_number"] and profile["email"] and profile["phone"]
    assert profile["signatory_name"] and "privacy officer" not in profile["signatory_name"].lower()


@pytest.mark.parametrize(
    ("field", "value", "needle"),
    [
        ("kvk_number", "", "Handelsregisterwet"),
        ("kvk_number", "1234", "8 digits"),
        ("email", "", "e-mail address"),
        ("phone", " ", "telephone number"),
        ("signatory_name", "", "signs the letters"),
        ("signatory_function", "Functionaris Gegevensbescherming", "registered"),
        ("signatory_function", "Data Protection Officer", "registered"),
    ],
)
def test_saving_a_profile_without_what_letters_need_is_refused(
    db: Database, field: str, value: str, needle: str
) -> None:
    before = get_organisation(db)
    with pytest.raises(ValidationError) as info:
        update_organisation(
            db, actor="officer", expected_version=before["version"], changes={field: value}
        )
    assert needle in text_of(info.value.errors[field], "en")
    assert text_of(info.value.errors[field], "nl") != text_of(info.value.errors[field], "en")
    assert get_organisation(db) == before  # nothing stored


def test_fg_title_is_allowed_once_the_registration_is_recorded(db: Database) -> None:
    set_setting(db, actor="officer", key="sender", value={"dpo_registered": True})
    version = get_organisation(db)["version"]
    update_organisation(
        db,
        actor="officer",
        expected_version=version,
        changes={"signatory_function": "Functionaris gegevensbescherming"},
    )
    assert get_organisation(db)["signatory_function"] == "Functionaris gegevensbescherming"


@pytest.mark.skipif(not have_pdftotext(), reason="poppler-utils not installed")
def test_handled_by_is_never_the_login(db: Database) -> None:
    reference = _case(db, salutation="heer")
    pdf = render_for_case(db, reference=reference, letter_type="acknowledgement", handled_by="root")
    text = pdf_text(pdf)
    assert "root" not in text
    assert "M. de Bruijn" in text  # the signatory stands in for an officer without a name
    set_officer_name(db, actor="root", login="root", name="P. Jansen")
    text = pdf_text(
        render_for_case(db, reference=reference, letter_type="acknowledgement", handled_by="root")
    )
    assert "P. Jansen" in text and "root" not in text
    # An old database without a signatory and an officer without a name: refused, and said why.
    with db.session() as session:
        org = session.query(Organisation).one()
        org.signatory_name = ""
    with pytest.raises(ValidationError) as info:
        render_for_case(db, reference=reference, letter_type="acknowledgement", handled_by="nobody")
    assert "nobody" in text_of(info.value.errors["officer_name"], "en")


@pytest.mark.skipif(not have_pdftotext(), reason="poppler-utils not installed")
def test_cli_letter_does_not_print_the_login(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    code = main(["--db", url, "--user", "root", "case", "add", "--type", "access",
                 "--received", "2026-11-20", "--name", "Els Aa", "--street", "Dorpsstraat 1",
                 "--postcode", "5253AA", "--city", "Nieuwkuijk"])  # fmt: skip
    reference = capsys.readouterr().out.strip()
    assert code == 0
    out = tmp_path / "ack.pdf"
    code = main(["--db", url, "--user", "root", "letter", reference, "--type",
                 "acknowledgement", "--out", str(out)])  # fmt: skip
    assert code == 0, capsys.readouterr().err
    text = pdf_text(out.read_bytes())
    assert "behandeld door" in text and "root" not in text
    open_database(url).engine.dispose()


def test_salutation_without_title_follows_the_setting(db: Database) -> None:
    reference = _case(db)
    body = draft_letter(
        db, actor="officer", reference=reference, letter_type="acknowledgement"
    ).body
    assert body.startswith("Geachte heer, mevrouw,\n")
    set_setting(db, actor="officer", key="letter_salutation", value={"without_title": "full_name"})
    body = draft_letter(
        db, actor="officer", reference=reference, letter_type="acknowledgement"
    ).body
    assert body.startswith("Geachte Y. van der Vos,\n")
    with pytest.raises(ValidationError):
        set_setting(db, actor="officer", key="letter_salutation", value={"without_title": "x"})
    body = draft_letter(
        db, actor="officer", reference=reference, letter_type="acknowledgement", lang="en"
    ).body
    assert body.startswith("Dear Y. van der Vos,\n")


def test_a_letter_to_a_lawyer_names_the_client_and_the_authorisation(
    db: Database, tmp_path: Path
) -> None:
    machtiging = tmp_path / "machtiging.pdf"
    machtiging.write_bytes(
        b"%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n"
        b"2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n"
    )
    lawyer = RepresentativeInput(
        name="mr. J. de Boer",
        role="lawyer",
        organisation="Advocatenkantoor De Boer",
        street="Keizersgracht 100",
        postcode="1015 AA",
        city="Amsterdam",
        authorisation=machtiging,
    )
    reference = _case(
        db, salutation="mevrouw", initials="C.", name_prefix="van den", last_name="Bos",
        representative=lawyer,
    )  # fmt: skip
    nl = draft_letter(db, actor="officer", reference=reference, letter_type="acknowledgement")
    assert nl.body.startswith(
        "Geachte mr. De Boer,\n\nU schrijft ons namens uw cliënte, mevrouw C."
    )
    received = format_date(date.today(), "nl")  # the authorisation came in when registered
    assert f"machtiging, die wij op {received} hebben ontvangen" in nl.body
    assert "uw gegevens" not in nl.body and "adres waarop u bij ons bekend bent" not in nl.body
    en = draft_letter(
        db, actor="officer", reference=reference, letter_type="acknowledgement", lang="en"
    )
    assert en.body.startswith("Dear Mr De Boer,\n\nYou are writing to us on behalf of your client,")
    assert "Ms C. van den Bos" in en.body and "mr." not in en.body
    if have_pdftotext():
        text = pdf_text(
            render_for_case(
                db, reference=reference, letter_type="acknowledgement", lang="en",
                handled_by="officer",
            )
        )  # fmt: skip
        assert "Attn. Mr J. de Boer" in text and "mr." not in text


def test_cli_sets_the_greeting_style_and_fg_registration(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    assert (
        main(["--db", url, "settings", "letter_salutation", '{"without_title": "full_name"}']) == 0
    )
    assert '"full_name"' in capsys.readouterr().out
    assert main(["--db", url, "settings", "sender", '{"dpo_registered": "yes"}']) == 2
    assert "true or false" in capsys.readouterr().err
    assert main(["--db", url, "settings", "sender", '{"dpo_registered": true}']) == 0
    open_database(url).engine.dispose()


def _machtiging(tmp_path: Path) -> Path:
    path = tmp_path / "machtiging.pdf"
    path.write_bytes(
        b"%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n"
        b"2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n"
    )
    return path


DATED = {
    "nl": "uw machtiging van 12 november 2026",
    "en": "your authorisation dated 12 November 2026",
    "de": "Ihrer Vollmacht vom 12. November 2026",
}
RECEIVED = {"nl": "die wij op", "en": "which we received on", "de": "erhalten haben"}


@pytest.mark.parametrize("lang", ["nl", "en", "de"])
def test_a_letter_to_a_lawyer_gives_the_date_the_authorisation_bears(
    db: Database, tmp_path: Path, lang: str
) -> None:
    lawyer = RepresentativeInput(
        name="mr. J. de Boer", role="lawyer", street="Keizersgracht 100", postcode="1015 AA",
        city="Amsterdam", authorisation=_machtiging(tmp_path),
        authorisation_dated=date(2026, 11, 12),
    )  # fmt: skip
    reference = _case(db, salutation="mevrouw", initials="C.", last_name="Bos",
                      representative=lawyer)  # fmt: skip
    body = draft_letter(
        db, actor="officer", reference=reference, letter_type="acknowledgement", lang=lang
    ).body
    assert DATED[lang] in body and RECEIVED[lang] not in body
    if have_pdftotext():
        text = " ".join(
            pdf_text(
                render_for_case(db, reference=reference, letter_type="acknowledgement",
                                lang=lang, handled_by="officer")
            ).split()
        )  # fmt: skip
        assert DATED[lang] in text and RECEIVED[lang] not in text


def test_the_authorisation_date_from_the_cli_and_when_attached_later(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    base = ["--db", url, "case", "add", "--type", "access", "--received", "2026-11-20",
            "--name", "Cor Bos", "--street", "Dorpsstraat 3", "--postcode", "5253RE",
            "--city", "Nieuwkuijk", "--rep-name", "mr. J. de Boer", "--rep-role", "lawyer",
            "--rep-street", "Keizersgracht 100", "--rep-postcode", "1015 AA",
            "--rep-city", "Amsterdam"]  # fmt: skip
    file = _machtiging(tmp_path)
    code = main([*base, "--rep-authorisation", str(file), "--rep-authorisation-date", "2026-11-12"])
    out, err = capsys.readouterr()
    assert code == 0, err
    dated_ref = out.strip()
    code = main([*base, "--rep-authorisation", str(file), "--rep-authorisation-date", "2099-01-01"])
    assert code == 2 and "future" in capsys.readouterr().err  # nothing stored, says what to do
    # Registered without a date: the letter says when it came in; attaching it dated fixes that.
    code = main([*base, "--rep-authorisation", str(file)])
    undated_ref = capsys.readouterr().out.strip()
    assert code == 0
    pdf = tmp_path / "ack.pdf"

    def letter(reference: str) -> str:
        code = main(["--db", url, "letter", reference, "--type", "acknowledgement",
                     "--lang", "de", "--out", str(pdf)])  # fmt: skip
        assert code == 0, capsys.readouterr().err
        return " ".join(pdf_text(pdf.read_bytes()).split())

    if have_pdftotext():
        assert DATED["de"] in letter(dated_ref)
        assert RECEIVED["de"] in letter(undated_ref) and "Vollmacht vom" not in letter(undated_ref)
    assert main(["--db", url, "case", "attach", undated_ref, str(file),
                 "--kind", "scan", "--dated", "2026-11-12"]) == 2  # fmt: skip
    assert "Only an authorisation" in capsys.readouterr().err
    assert main(["--db", url, "case", "attach", undated_ref, str(file),
                 "--kind", "authorisation", "--dated", "2026-11-12"]) == 0  # fmt: skip
    capsys.readouterr()
    if have_pdftotext():
        assert DATED["de"] in letter(undated_ref)
    open_database(url).engine.dispose()
