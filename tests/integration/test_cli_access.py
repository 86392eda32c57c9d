"""The access answer from the command line: the register linked by name -> id, the gate's
register conditions (exit code 3), leaving a processing out, the log appendix beside the PDF."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.data.database import open_database
from app.services.settings import set_setting
from tests.integration.test_access_answer import DOCS, LOGS, MAIL, PORTAL, _case
from tests.integration.test_cli import run

SUPPORT = "Klantondersteuning en Self Service Portal"
STATS = "Websitestatistieken en beveiliging van de website"


def test_register_set_show_and_the_access_letter(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    db = open_database(url)
    ref = _case(db)
    base = ("--db", url)
    code, _, err = run(capsys, *base, "register", "set", SUPPORT, "--system", "Webserverlogs")
    assert code == 2 and "No configured system is called Webserverlogs" in err
    code, out, err = run(capsys, *base, "register", "set", SUPPORT, "--system", MAIL,
                         "--system", DOCS, "--system", PORTAL,
                         "--field", "recipients=Wolkenbasis Hosting B.V.")  # fmt: skip
    assert code == 0 and out.strip() == SUPPORT, err
    pdf = tmp_path / "access.pdf"
    letter = (*base, "letter", ref, "--type", "access", "--out", str(pdf), "--final", "--yes")
    code, out, err = run(capsys, *letter)
    assert code == 3 and not pdf.exists()
    assert f"processing_linked: Data was found in {LOGS}" in err
    code, out, err = run(capsys, *base, "register", "set", STATS, "--system", LOGS,
                         "--field", "retention_en=")  # fmt: skip
    assert code == 0, err
    code, out, err = run(capsys, *base, "register", "show", "--lang", "en")
    assert code == 0 and f"systems: {LOGS}" in out and "missing for en: retention" in out
    code, out, err = run(capsys, *letter, "--lang", "en")
    assert code == 3 and "register_language" in err and f"{STATS}: retention" in err
    # Left out, the statistics processing no longer needs its English text, but its system
    # then has data without a processing.
    code, out, err = run(capsys, *letter, "--lang", "en", "--set", f"leave_out={STATS}")
    assert code == 3 and "processing_linked" in err and "register_language" not in err
    code, out, err = run(capsys, *letter)  # Dutch: every text is there
    assert code == 3 and "recipients_named" in err and "Ondersteuning op afstand" in err
    # Processings whose systems hold nothing of this person are not in the answer.
    for name in ("Ondersteuning op afstand", "Uitwisseling met toeleveranciers en derden"):
        code, out, err = run(capsys, *base, "register", "set", name, "--system", "SSP-archief")
        assert code == 0, err
    set_setting(db, actor="admin", key="access_copy", value={"log_lines_in_letter": 1})
    code, out, err = run(capsys, *letter)
    assert code == 0, err
    log_pdf = tmp_path / "access-log.pdf"
    assert out.split() == [str(pdf), str(log_pdf)]
    assert pdf.read_bytes().startswith(b"%PDF") and log_pdf.read_bytes().startswith(b"%PDF")
    db.dispose()
