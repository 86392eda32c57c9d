"""CLI `inbox scan|list|register` on a real SQLite file and a real hot folder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import main
from tests.integration.test_inbox import LETTER, REMINDER, letter_pdf


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_scan_list_and_register_from_the_hot_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    folder = tmp_path / "scanner"
    folder.mkdir()
    code, _out, err = run(capsys, "--db", url, "inbox", "scan")
    assert code != 0 and "No hot folder is set" in err
    setting = json.dumps({"path": str(folder)})
    assert run(capsys, "--db", url, "settings", "hot_folder", setting)[0] == 0
    letter_pdf(folder / "scan-0001.pdf", LETTER)
    letter_pdf(folder / "scan-0002.pdf", REMINDER)
    code, out, _err = run(capsys, "--db", url, "inbox", "scan")
    assert code == 0 and "2 new file(s)" in out
    code, out, _err = run(capsys, "--db", url, "inbox", "list", "--format", "json")
    items = json.loads(out)
    assert [i["file"] for i in items] == ["scan-0001.pdf", "scan-0002.pdf"]
    assert items[0]["reading"]["request_types"] == ["access"]
    assert items[1]["reading"]["is_reminder"] and items[1]["earlier_cases"] == []
    assert "text" not in items[0]
    first = str(items[0]["id"])
    code, out, _err = run(
        capsys, "--db", url, "inbox", "register", first, "--type", "access",
        "--name", "Jan van der Berg", "--street", "Kerkstraat 12", "--postcode", "5253 RE",
        "--city", "Nieuwkuijk",
    )  # fmt: skip
    reference = out.strip()
    assert code == 0 and reference.startswith("AVG-"), _err
    assert not (folder / "scan-0001.pdf").exists()
    code, _out, err = run(capsys, "--db", url, "inbox", "register", first, "--name", "X")
    assert code != 0 and "already registered" in err
    code, out, _err = run(capsys, "--db", url, "inbox", "list", "--format", "json")
    items = json.loads(out)
    assert [e["reference"] for e in items[0]["earlier_cases"]] == [reference]  # quoted ref
    code, out, _err = run(
        capsys, "--db", url, "inbox", "register", str(items[0]["id"]), "--reminder-of", reference
    )
    assert code == 0 and out.strip().splitlines()[-1] == reference
    assert "Ultimatum from the letter" in out
    code, out, _err = run(capsys, "--db", url, "case", "show", reference, "--format", "json")
    shown = json.loads(out)
    assert shown["last_reminder_on"] is not None and shown["ultimatum_on"] == "2026-12-09"
    assert len(shown["documents"]) == 2
    code, out, _err = run(capsys, "--db", url, "case", "list", "--format", "json")
    assert len(json.loads(out)) == 1  # the reminder is no new case
    code, out, _err = run(capsys, "--db", url, "inbox", "list")
    assert "No letters waiting" in out
