"""The letter reader with the office's own details: the customer number pattern (a setting,
checked when saved) and our organisation profile (never the sender); `case read` on txt and PDF."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from reportlab.pdfgen import canvas

from app.cli import main
from app.core.errors import ValidationError
from app.data.database import Database
from app.services.letter_reading import reader_settings
from app.services.settings import get_setting, set_setting

LETTER = """Ilse Vermeulen
Molenstraat 8
5251 EA Vlijmen
ilse.vermeulen@example.nl

Databalance Services B.V.
Hopbrouwer 18
5253 RE Nieuwkuijk

Vlijmen, 16 november 2026

Geachte heer, mevrouw,

Ik wil inzage in mijn gegevens. Mijn nummer bij u is DB 482913.

Met vriendelijke groet,
Ilse Vermeulen
"""


def test_the_customer_number_pattern_is_checked_when_saved(db: Database) -> None:
    assert get_setting(db, key="customer_number") == {"pattern": ""}
    for bad in ("(a+)+$", "[A-Z", r"\d*\d*\d*\d*"):
        with pytest.raises(ValidationError) as info:
            set_setting(db, actor="o", key="customer_number", value={"pattern": bad})
        assert set(info.value.errors) == {"pattern"}
    assert get_setting(db, key="customer_number") == {"pattern": ""}  # nothing stored
    # Without a pattern a number with no label is not proposed; with one it is.
    assert reader_settings(db).read(LETTER).proposals.subject.customer_number is None
    set_setting(db, actor="o", key="customer_number", value={"pattern": r" DB\d{6} "})
    assert get_setting(db, key="customer_number") == {"pattern": r"DB\d{6}"}
    subject = reader_settings(db).read(LETTER).proposals.subject
    assert subject.customer_number is not None
    assert subject.customer_number.value == "DB482913"


def test_our_organisation_profile_is_the_recipient(db: Database) -> None:
    settings = reader_settings(db)
    assert settings.own is not None and settings.own.city == "Nieuwkuijk"
    subject = settings.read(LETTER).proposals.subject
    assert subject.postcode is not None and subject.postcode.value == "5251 EA"
    assert subject.city is not None and subject.city.value == "Vlijmen"


def _pdf(path: Path, text: str) -> Path:
    pdf = canvas.Canvas(str(path))
    for number, line in enumerate(text.splitlines()):
        pdf.drawString(72, 800 - 15 * number, line)
    pdf.showPage()
    pdf.save()
    return path


@pytest.mark.parametrize("kind", ["txt", "pdf"])
def test_case_read_json_gives_the_proposals(
    kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / f"letter.{kind}"
    if kind == "txt":
        source.write_text(LETTER, encoding="utf-8")
    else:
        _pdf(source, LETTER)
    db = ["--db", f"sqlite:///{tmp_path / 'pd.sqlite3'}"]
    assert main([*db, "settings", "customer_number", '{"pattern": "DB\\\\d{6}"}']) == 0
    capsys.readouterr()
    assert main([*db, "case", "read", str(source), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["request_types"] == ["access"] and data["letter_date"] == "2026-11-16"
    p = data["proposals"]
    values = {key: (item or {}).get("value") for key, item in p["subject"].items()}
    assert values["name"] == "Ilse Vermeulen" and values["street"] == "Molenstraat 8"
    assert (values["postcode"], values["city"], values["country"]) == ("5251 EA", "Vlijmen", "NL")
    assert values["email"] == "ilse.vermeulen@example.nl"
    assert values["customer_number"] == "DB482913"
    assert p["letter_date"]["value"] == "2026-11-16"
    name = p["subject"]["name"]
    assert p["lines"][name["line"]] == name["source"] == "Ilse Vermeulen"
    assert p["request_types"]["access"]["confidence"] > 0
    # The text output lists them too.
    assert main([*db, "case", "read", str(source)]) == 0
    assert "subject.postcode                 5251 EA" in capsys.readouterr().out
