"""The CLI as scripts use it: exit codes, JSON shapes, clean failures."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'cli.sqlite3'}"


def test_demo_then_list_json(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, _ = run(capsys, "--db", url, "demo", "--cases", "200", "--no-systems")
    assert code == 0
    code, out, _ = run(capsys, "--db", url, "case", "list", "--format", "json")
    cases = json.loads(out)
    assert code == 0 and len(cases) == 200
    first = cases[0]
    assert {"reference", "received", "types", "status", "requester"} <= set(first)
    assert {"name", "postcode", "city"} <= set(first["requester"])
    statuses = {c["status"] for c in cases}
    assert {"registered", "in_progress", "closed"} <= statuses
    assert any(
        c["days_left"] is not None
        and c["days_left"] < 0
        and c["status"] in ("registered", "in_progress", "identity_check")
        for c in cases
    )  # some overdue


def test_case_add_show_and_bad_input(url: str, capsys: pytest.CaptureFixture[str],
                                     tmp_path: Path) -> None:  # fmt: skip
    code, out, err = run(capsys, "--db", url, "case", "add", "--type", "access", "--type",
                         "erasure", "--received", "2026-11-02", "--name", "Jan van der Berg",
                         "--street", "Kerkstraat 1", "--postcode", "1234ab", "--city", "Utrecht",
                         "--email", "jan@example.nl")  # fmt: skip
    assert code == 0, err
    ref = out.strip()
    assert ref.startswith("AVG-2026-")
    code, out, _ = run(capsys, "--db", url, "case", "show", ref, "--format", "json")
    shown = json.loads(out)
    assert shown["types"] == ["access", "erasure"]
    assert shown["requester"]["postcode"] == "1234 AB"
    assert shown["legal"] == "2026-12-02"
    for bad in (["--postcode", "1234 SS"], ["--received", "2099-01-01"], ["--email", "x@"]):
        args = {"--postcode": "1234AB", "--received": "2026-11-02", "--email": "a@b.nl"}
        args[bad[0]] = bad[1]
        flat = [x for kv in args.items() for x in kv]
        code, out, err = run(capsys, "--db", url, "case", "add", "--type", "access", "--name",
                             "Piet", "--street", "Dorp 1", "--city", "Ede", *flat)  # fmt: skip
        assert code == 2 and out == ""
        assert err.startswith("error: ") and "Traceback" not in err and err.count("\n") == 1
    code, out, _ = run(capsys, "--db", url, "case", "list", "--format", "json")
    assert len(json.loads(out)) == 1  # nothing of the bad calls was stored
    code, _, err = run(capsys, "--db", url, "case", "add", "--received", "2026-11-02",
                       "--name", "Piet", "--street", "Dorp 1", "--city", "Ede",
                       "--postcode", "1234AB")  # fmt: skip
    assert code == 2 and "request type" in err


def test_deadline_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "deadline", "--received", "2026-01-31", "--format", "json")
    data = json.loads(out)
    assert code == 0
    assert (data["legal"], data["promise"], data["post_by"]) == ("2026-03-02", "2026-02-28",
                                                                 "2026-02-27")  # fmt: skip
    assert data["extended"] is None and data["refusal"] == "2026-03-02"
    code, out, _ = run(capsys, "deadline", "--received", "2026-03-05", "--pause",
                       "2026-03-06:2026-03-16")  # fmt: skip
    assert json.loads(out)["legal"] == "2026-04-15"
    code, out, _ = run(capsys, "deadline", "--received", "2026-03-05", "--extended-on",
                       "2026-03-20")  # fmt: skip
    assert json.loads(out)["extended"] == "2026-06-05"
    code, out, _ = run(capsys, "deadline", "--received", "2026-03-05", "--extended-on",
                       "2026-04-20")  # fmt: skip
    late = json.loads(out)
    assert late["extended"] is None and "no longer" in late["extension_refused"]


def test_bad_db_url_and_unknown_case(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--db", "nonsense://", "case", "list")
    assert code == 2 and "database" in err.lower()
    code, _, err = run(capsys, "--db", f"sqlite:///{tmp_path}/x.sqlite3", "case", "show", "AVG-1")
    assert code == 2 and "no case" in err.lower()


def test_console_script_version() -> None:
    result = subprocess.run([sys.executable, "-m", "app", "--version"],
                            capture_output=True, text=True, check=True)  # fmt: skip
    assert result.stdout.startswith("Privacy Desk ")


def test_case_identifiers_replace_and_show(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    address = ["--street", "Dorp 1", "--postcode", "1234AB", "--city", "Ede"]
    code, out, _ = run(capsys, "--db", url, "case", "add", "--type", "access", "--received",
                       "2026-11-02", "--name", "Jan Berg", *address,
                       "--identifier", "customer_number=DB1")  # fmt: skip
    ref = out.strip()
    code, out, _ = run(capsys, "--db", url, "case", "identifiers", ref, "customer_number=DB1",
                       "ip_address=84.91.43.157")  # fmt: skip
    assert code == 0 and "ip_address" in out and "84.91.43.157" in out
    code, out, _ = run(capsys, "--db", url, "case", "identifiers", ref)
    assert out.count("\n") == 2
    code, _, err = run(capsys, "--db", url, "case", "identifiers", ref, "shoe_size=44")
    assert code == 2 and "Unknown identifier kind" in err
    code, _, err = run(capsys, "--db", url, "case", "identifiers", ref, "customer_number=DB1",
                       "ip_address=84.91.43.999")  # fmt: skip
    assert code == 2 and err.startswith("error: ip_address=84.91.43.999: ")
    assert "not an IP address" in err and err.count("\n") == 1
    code, out, _ = run(capsys, "--db", url, "case", "identifiers", ref)
    assert "84.91.43.157" in out  # the refused change left the stored identifiers alone
    code, out, _ = run(capsys, "--db", url, "case", "decide", ref,
                       "access=refused:manifestly_unfounded_or_excessive")  # fmt: skip
    assert code == 0 and "refused  (manifestly_unfounded_or_excessive)" in out
    code, _, err = run(capsys, "--db", url, "case", "decide", ref, "access=granted:excessive")
    assert code == 2 and "ground" in err
