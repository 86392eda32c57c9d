"""Every user message the intake, deadline and connector code raises has a Dutch wording."""

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
from app.core.i18n import Message, text_of, verbatim
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
        out.append(info.value.message)
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
    untranslated = [m for m in messages if text_of(m, "nl") == m]
    assert untranslated == []


def test_dynamic_parts_and_dates_carried_over() -> None:
    inp = DeadlineInput(received=date(2026, 3, 5))
    with pytest.raises(UserError) as info:
        check_extension_allowed(inp, date(2026, 4, 20))
    assert info.value.msgid.startswith("An extension can no longer be granted")
    text = info.value.render("nl")
    assert "7 april 2026" in text and text.startswith("Verlengen kan niet meer")
    assert "7 April 2026" in str(info.value)  # the English text for logs
    with pytest.raises(ValidationError) as bad:
        validate_case_input(
            CaseInput(request_types=(RequestType.ACCESS,), received_on=TODAY, last_name="B",
                      street="Dorp 1", postcode="1234 XY9", city="Ede"),
            today=TODAY,
        )  # fmt: skip
    dutch = bad.value.messages("nl")["postcode"]
    assert dutch.startswith("'1234 XY9' is geen Nederlandse postcode")


def test_english_and_verbatim_messages_unchanged() -> None:
    assert text_of("Something new.", "nl") == "Something new."
    assert text_of(verbatim("Server said: no"), "nl") == "Server said: no"
    message = Message("Check the date of birth.")
    assert message.render("en") == "Check the date of birth." == message


# ---- connectors: real errors, notes and record results from the shipped connectors ----


def _raised(call: Callable[[], object]) -> list[str]:
    """The user message(s) of the UserError that ``call`` raises (field messages one by one)."""
    with pytest.raises(UserError) as info:
        call()
    if isinstance(info.value, ValidationError):
        return list(info.value.errors.values())
    return [info.value.message]


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
    # Its own time budget: starting the reading child may take seconds on a busy machine.
    out += [f.note for f in readable.search(subject, Progress(timeout_s=60))]
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
    untranslated = [m for m in messages if text_of(m, "nl") == m]
    assert untranslated == []
    # Nothing English is left over in the composed ones (lists, notes, field messages); the
    # TOML parser's own explanation is quoted as it is.
    for text in (m for m in messages if "not valid TOML" not in m):
        dutch = text_of(text, "nl")
        for english in (" the ", " does not ", "Check ", " by hand", "Already "):
            assert english not in dutch, (text, dutch)


def test_connector_details_are_carried_over(tmp_path: Path) -> None:
    missing = tmp_path / "weg.csv"
    [text] = _raised(
        lambda: TabularFileConnector(
            "Lijst", {"path": str(missing), "identifier_columns": "email=email"}, {}
        ).search(Subject("AVG-2026-0001", emails=("a@b.nl",)), Progress())
    )
    assert text_of(text, "nl") == (
        f"Het bestand {missing} bestaat niet. Controleer de instelling 'Bestand'."
    )
    logs = tmp_path / "logs"
    logs.mkdir()
    (logs / "access.log").write_text(
        '192.168.10.0 - - [20/Nov/2026:10:00:00 +0100] "GET / HTTP/1.1" 200 512\n',
        encoding="utf-8",
    )
    subject = Subject("AVG-2026-0001", ip_addresses=("192.168.10.20",))
    notes = [f.note for f in WebLogConnector("Logs", {"path": str(logs)}, {}).search(
        subject, Progress(timeout_s=2))]  # fmt: skip
    for note in notes:
        dutch = text_of(note, "nl")
        assert dutch.startswith("Logregels kunnen niet één voor één worden verwijderd"), dutch
        assert "november 2026" in dutch or "februari 2027" in dutch
    mapping = tmp_path / "m.toml"
    mapping.write_text("".join(f'[[tables]]\nname = "t{i}"\n' for i in range(14)), encoding="utf-8")
    sql_url = "sqlite:///" + str(tmp_path / "portal.sqlite")
    [listed] = _raised(
        SqlDatabaseConnector("Portaal", {"url": sql_url, "mapping_file": str(mapping)},
                             {}).test_connection
    )  # fmt: skip
    dutch = text_of(listed, "nl")
    assert dutch.startswith(f"Het mappingbestand {mapping} bevat fouten:\n- tables[0] ('t0'): ")
    assert "geen identifiers en geen join" in dutch and dutch.endswith(" more)") is False
    assert "\n(en nog " in dutch
    [field] = _raised(lambda: TabularFileConnector("Lijst", {"path": ""}, {}))
    assert text_of(field, "nl") == "kies het CSV- of XLSX-bestand"
    [template] = _raised(
        lambda: MatomoConnector(
            "Statistiek", {"base_url": "http://x/", "site_ids": "1", "segment_template": "x"}, {}
        )
    )
    assert text_of(template, "nl") == "Het segment moet {user_id} bevatten."
