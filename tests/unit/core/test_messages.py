"""Every user message the intake and deadline rules raise has a Dutch wording."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from app.connectors.base import ChangePlan, PlanItem, Subject
from app.connectors.document_folder import DocumentFolderConnector
from app.connectors.mail_store import MailStoreConnector
from app.connectors.manual import ManualCheckRequired, ManualConnector
from app.connectors.matomo import MatomoConnector
from app.connectors.sql_database import SqlDatabaseConnector
from app.connectors.tabular_file import TabularFileConnector
from app.connectors.web_logs import WebLogConnector
from app.core.deadlines import DeadlineInput, Pause, check_extension_allowed
from app.core.enums import RequestType
from app.core.errors import UserError, ValidationError
from app.core.messages import CATALOGUE, dutch_dates, localise
from app.core.progress import Progress
from app.core.validation import CaseInput, check_attachment, validate_case_input
from app.demo.sample_systems import create_sample_systems

TODAY = date(2026, 11, 24)


def _validation_messages() -> list[str]:
    bad = [
        CaseInput(
            request_types=(),
            received_on=None,
            last_name="",
            street="",
            postcode="",
            city="",
            email="x@",
            country="Belgium",
        ),
        CaseInput(
            request_types=(RequestType.ACCESS,),
            received_on=date(2027, 1, 1),
            last_name="B",
            street="Dorp 1",
            postcode="1234 SS",
            city="Ede",
            their_letter_date=date(2027, 1, 1),
            birth_date=date(1800, 1, 1),
        ),
        CaseInput(
            request_types=(RequestType.ACCESS,),
            received_on=date(2018, 1, 1),
            last_name="B",
            street="Dorp 1",
            postcode="12",
            city="",
        ),
        CaseInput(request_types=(RequestType.ACCESS,), received_on=TODAY, last_name="B"),
    ]
    messages: list[str] = []
    for inp in bad:
        with pytest.raises(ValidationError) as info:
            validate_case_input(inp, today=TODAY)
        messages += info.value.errors.values()
    return messages


def _extension_messages() -> list[str]:
    base = DeadlineInput(received=date(2026, 3, 5))
    cases = [
        (base, date(2026, 4, 20)),
        (base, date(2026, 3, 1)),
        (
            # While paused: refused only when late even if the clock resumed on the notice date.
            DeadlineInput(received=date(2026, 3, 5), pauses=(Pause(date(2026, 4, 10), None),)),
            date(2026, 4, 20),
        ),
        (
            DeadlineInput(received=date(2026, 3, 5), extension_notice_sent_on=date(2026, 3, 9)),
            date(2026, 3, 10),
        ),
    ]
    out = []
    for inp, notice in cases:
        with pytest.raises(UserError) as info:
            check_extension_allowed(inp, notice)
        out.append(str(info.value))
    return out


def _attachment_messages(tmp_path: Path) -> list[str]:
    out = []
    empty = tmp_path / "leeg.pdf"
    empty.write_bytes(b"")
    other = tmp_path / "brief.docx"
    other.write_bytes(b"PK\x03\x04")
    for path in (empty, other, tmp_path / "weg.pdf"):
        with pytest.raises(ValidationError) as info:
            check_attachment(path)
        out += info.value.errors.values()
    return out


def test_every_raised_message_has_dutch_wording(tmp_path: Path) -> None:
    messages = _validation_messages() + _extension_messages() + _attachment_messages(tmp_path)
    assert len(messages) >= 20
    untranslated = [m for m in messages if localise(m, "nl") == m]
    assert untranslated == []


def test_dynamic_parts_and_dates_carried_over() -> None:
    text = localise(
        "An extension can no longer be granted: the first month ended on 7 April 2026 "
        "(Art. 12(3) AVG). Only a refusal or the answer itself can follow now.",
        "nl",
    )
    assert "7 april 2026" in text and text.startswith("Verlengen kan niet meer")
    assert localise(
        "'1234 XY9' is not a Dutch postcode. Type four digits and two letters, e.g. "
        "5253 RE. For an address abroad, choose the country first.",
        "nl",
    ).startswith("'1234 XY9' is geen Nederlandse postcode")
    assert dutch_dates("on 24 November 2026 and 1 May 2027") == "on 24 november 2026 and 1 mei 2027"


def test_english_and_unknown_messages_unchanged() -> None:
    assert localise("Something new.", "nl") == "Something new."
    assert localise("Check the date of birth.", "en") == "Check the date of birth."
    assert all(nl for _, nl in CATALOGUE)


# ---- connectors: real errors, notes and record results from the shipped connectors ----


def _raised(call: Callable[[], object]) -> list[str]:
    """The user message(s) of the UserError that ``call`` raises (field messages one by one)."""
    with pytest.raises(UserError) as info:
        call()
    if isinstance(info.value, ValidationError):
        return list(info.value.errors.values())
    return [str(info.value)]


def _connector_messages(tmp_path: Path) -> list[str]:
    subject = Subject("AVG-2026-0001", first_name="Anna", last_name="de Vries",
                      emails=("anna@example.nl",), user_ids=("anna",),
                      ip_addresses=("192.168.10.20",))  # fmt: skip
    quick = Progress(timeout_s=2)
    out: list[str] = []
    csv_missing = TabularFileConnector(
        "Lijst", {"path": str(tmp_path / "weg.csv"), "identifier_columns": "email=email"}, {}
    )
    out += _raised(lambda: csv_missing.search(subject, Progress()))
    for settings in (
        {"path": ""},
        {"path": "oud.xls", "identifier_columns": "email=email"},
        {"path": "a.csv"},
        {"path": "a.csv", "identifier_columns": "email"},
        {"path": "a.csv", "identifier_columns": "email=mail"},
        {"path": "a.csv", "identifier_columns": "email=email", "delimiter": ";;"},
        {"path": "a.csv", "identifier_columns": "email=email", "encoding": "klingon"},
    ):
        out += _raised(lambda s=settings: TabularFileConnector("Lijst", s, {}))  # type: ignore[misc]
    listed = tmp_path / "lijst.csv"
    listed.write_text("email\nanna@example.nl\n", encoding="utf-8")
    csv_ok = TabularFileConnector(
        "Lijst", {"path": str(listed), "identifier_columns": "email=email"}, {}
    )
    out.append(csv_ok.test_connection())
    plan = ChangePlan(
        "Lijst", "erasure", (PlanItem("lijst.csv#row9@0123456789abcdef", "delete_row"),)
    )
    out += [r.detail for r in csv_ok.erase(plan, Progress())]
    wrong_column = TabularFileConnector(
        "Lijst", {"path": str(listed), "identifier_columns": "mail=email"}, {}
    )
    out += _raised(wrong_column.test_connection)

    garbage = tmp_path / "mapping.toml"
    garbage.write_text("[[tables\nname = ", encoding="utf-8")
    sql_url = "sqlite:///" + str(tmp_path / "portal.sqlite")
    out += _raised(SqlDatabaseConnector("Portaal", {"url": sql_url, "mapping_file": str(garbage)},
                                        {}).test_connection)  # fmt: skip
    wrong = tmp_path / "wrong.toml"
    wrong.write_text('tabels = 1\n[[tables]]\nname = "klant"\nerasure = "wis"\n', encoding="utf-8")
    out += _raised(SqlDatabaseConnector("Portaal", {"url": sql_url, "mapping_file": str(wrong)},
                                        {}).test_connection)  # fmt: skip
    out += _raised(lambda: SqlDatabaseConnector("Portaal", {}, {}))
    systems = {s.kind: s for s in create_sample_systems(tmp_path / "demo", [])}
    portal = SqlDatabaseConnector("Portaal", systems["sql"].settings, {})
    out.append(portal.test_connection())
    missing_db = dict(systems["sql"].settings, url=sql_url)
    out += _raised(SqlDatabaseConnector("Portaal", missing_db, {}).test_connection)
    gone = ChangePlan("Portaal", "erasure", (PlanItem("customers:999999", "delete_row"),))
    out += [r.detail for r in portal.erase(gone, Progress())]
    stopped = Progress()
    stopped.cancel()
    out += [r.detail for r in portal.erase(gone, stopped)]

    out += _raised(
        WebLogConnector("Logs", {"path": str(tmp_path / "geen-logs")}, {}).test_connection
    )
    out += _raised(lambda: WebLogConnector("Logs", {"path": ""}, {}))
    out += _raised(lambda: WebLogConnector("Logs", {"path": "x", "retention_days": "veel"}, {}))
    logs = tmp_path / "logs"
    logs.mkdir()
    out += _raised(WebLogConnector("Logs", {"path": str(logs)}, {}).test_connection)
    (logs / "access.log").write_text(
        '192.168.10.20 - - [20/Nov/2026:10:00:00 +0100] "GET / HTTP/1.1" 200 512\n',
        encoding="utf-8",
    )
    out += [f.note for f in WebLogConnector("Logs", {"path": str(logs)}, {}).search(subject, quick)]

    documents = DocumentFolderConnector("Map", {"path": str(tmp_path / "geen-map")}, {})
    out += _raised(documents.test_connection)
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "kapot.pdf").write_bytes(b"%PDF-1.4 kapot")
    (folder / "groot.txt").write_text("x" * 5000, encoding="utf-8")
    (folder / "brief.txt").write_text("Mail van anna@example.nl over haar account.", "utf-8")
    readable = DocumentFolderConnector("Map", {"path": str(folder), "max_file_mb": "0.001"}, {})
    out += [f.note for f in readable.search(subject, quick)]
    out.append(readable.test_connection())

    matomo = {"base_url": "http://127.0.0.1:9/", "site_ids": "1", "timeout_s": 2}
    out += _raised(lambda: MatomoConnector("Statistiek", matomo, {}).search(subject, quick))
    closed = MatomoConnector("Statistiek", matomo, {"token_auth": "abc"})
    out += _raised(lambda: closed.search(subject, Progress(timeout_s=2)))
    out += _raised(lambda: MatomoConnector("Statistiek", {"base_url": "stats"}, {}))
    out += _raised(lambda: MatomoConnector("Statistiek", dict(matomo, site_ids="een"), {}))

    mail = tmp_path / "geen-mail"
    out += _raised(MailStoreConnector("Post", {"source": "eml_folder", "path": str(mail)},
                                      {}).test_connection)  # fmt: skip
    out += _raised(lambda: MailStoreConnector("Post", {"source": "imap"}, {}))
    imap = {"source": "imap", "imap_host": "127.0.0.1", "imap_port": 9, "imap_user": "privacy",
            "imap_ssl": False, "timeout_s": 2}  # fmt: skip
    out += _raised(MailStoreConnector("Post", imap, {"imap_password": "x"}).test_connection)
    manual = ManualConnector("Archief", {}, {})
    out.append(manual.test_connection())
    with pytest.raises(ManualCheckRequired) as task:
        manual.search(subject, Progress())
    out.append(task.value.instructions)
    return out


def test_every_connector_message_has_dutch_wording(tmp_path: Path) -> None:
    messages = _connector_messages(tmp_path)
    assert len(messages) >= 35
    untranslated = [m for m in messages if localise(m, "nl") == m]
    assert untranslated == []
    # Nothing English is left over in the composed ones (lists, notes, field messages); the
    # TOML parser's own explanation is quoted as it is.
    for text in (m for m in messages if "not valid TOML" not in m):
        dutch = localise(text, "nl")
        for english in (" the ", " does not ", "Check ", " by hand", "Already "):
            assert english not in dutch, (text, dutch)


def test_connector_details_are_carried_over(tmp_path: Path) -> None:
    missing = tmp_path / "weg.csv"
    [text] = _raised(
        lambda: TabularFileConnector(
            "Lijst", {"path": str(missing), "identifier_columns": "email=email"}, {}
        ).search(Subject("AVG-2026-0001", emails=("a@b.nl",)), Progress())
    )
    assert localise(text, "nl") == (
        f"Het bestand {missing} bestaat niet. Controleer de instelling 'Bestand'."
    )
    note = localise(
        "Log lines cannot be erased one by one; they expire on 2027-02-18 (90 days after the "
        "last request, kept for security only). The address is truncated and cannot be "
        "attributed to one person.",
        "nl",
    )
    assert note.startswith("Logregels kunnen niet één voor één worden verwijderd; ze verlopen op "
                           "2027-02-18 (90 dagen")  # fmt: skip
    assert note.endswith("niet aan één persoon worden toegeschreven.")
    listed = localise(
        "The mapping file m.toml has problems:\n- tables[0] ('klant'): 'primary_key' is missing"
        "\n(and 2 more)",
        "nl",
    )
    assert listed == (
        "Het mappingbestand m.toml bevat fouten:\n- tables[0] ('klant'): 'primary_key' "
        "ontbreekt\n(en nog 2)"
    )
    assert localise("path: choose the CSV or XLSX file", "nl") == (
        "path: kies het CSV- of XLSX-bestand"
    )
    assert localise("The template must contain {user_id}.", "nl") == (
        "Het segment moet {user_id} bevatten."
    )
