"""The CLI's messages: English by default (scripts), Dutch or German with --lang; shapes stay."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import main
from app.core.i18n import current_language


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'cli.sqlite3'}"


def test_errors_are_english_by_default_and_dutch_or_german_with_lang(
    url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "--db", url, "case", "show", "AVG-2026-9999")
    assert code == 2
    assert err.startswith("error: There is no case AVG-2026-9999.")
    code, _, err = run(capsys, "--lang", "nl", "--db", url, "case", "show", "AVG-2026-9999")
    assert code == 2
    assert err.startswith("error: ") and "AVG-2026-9999" in err
    assert "There is no case" not in err and "zaak" in err.lower()
    assert current_language() == "en"  # the command's language does not leak out of main()


def test_summaries_follow_lang_and_json_keys_do_not(
    url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "--db", url, "demo", "--cases", "3", "--no-systems")
    assert code == 0
    code, out, _ = run(capsys, "--db", url, "case", "list")
    assert out.rstrip().endswith("3 case(s)")
    code, out, _ = run(capsys, "--lang", "nl", "--db", url, "case", "list")
    assert out.rstrip().endswith("3 zaak/zaken")
    assert out.splitlines()[0].startswith("reference")  # table header: an output shape
    _, english, _ = run(capsys, "--db", url, "case", "list", "--format", "json")
    _, dutch, _ = run(capsys, "--lang", "nl", "--db", url, "case", "list", "--format", "json")
    assert [sorted(c) for c in json.loads(dutch)] == [sorted(c) for c in json.loads(english)]


def test_an_option_error_names_the_format(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--db", url, "deadline", "--received", "31-01-2026"])
    assert "is not a date; use YYYY-MM-DD" in capsys.readouterr().err


def test_case_show_renders_the_audit_summaries_in_the_lang_language(
    url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "--db", url, "demo", "--cases", "1", "--no-systems")
    _, out, _ = run(capsys, "--db", url, "case", "list", "--format", "json")
    reference = json.loads(out)[0]["reference"]
    _, english, _ = run(capsys, "--db", url, "case", "show", reference)
    _, dutch, _ = run(capsys, "--lang", "nl", "--db", url, "case", "show", reference)
    assert "Demo letter received" in english and "Demobrief ontvangen op" in dutch
    _, as_json, _ = run(
        capsys, "--lang", "nl", "--db", url, "case", "show", reference, "--format", "json"
    )
    assert json.loads(as_json)["audit"][0]["summary"].startswith("Demo letter received")
