"""The CSV/XLSX connector on real files: search, atomic erasure with backup, corrections, errors."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from app.connectors.base import Correction, MatchStrength, Outcome, Subject
from app.connectors.tabular_file import TabularFileConnector
from app.core.errors import ConnectorError, ValidationError
from app.core.progress import Progress
from app.demo.sample_systems import SamplePerson, create_sample_systems

HEADER = "email;first_name;subscribed_on\r\n"
ROWS = [
    "anna@example.nl;Anna;2025-01-02\r\n",
    '"JAN.DEVRIES@EXAMPLE.COM";"Jan; de tweede";2025-02-03\r\n',
    "piet@example.nl;Piet;2025-03-04\r\n",
    '"multi@example.nl";"Line one\r\nline two";2025-04-05\r\n',
    "zoe@example.nl;Zoë;2025-05-06\r\n",
]
JAN = Subject(
    "2026-0001", first_name="Jan", last_name="de Vries", emails=("jan.devries@example.com",)
)


def write_csv(path: Path, rows: list[str], bom: bool = True) -> bytes:
    data = (b"\xef\xbb\xbf" if bom else b"") + (HEADER + "".join(rows)).encode("utf-8")
    path.write_bytes(data)
    return data


def connector(path: Path, **settings: Any) -> TabularFileConnector:
    values: dict[str, Any] = {"path": str(path), "identifier_columns": "email=email"}
    values.update(settings)
    return TabularFileConnector("Newsletter", values, {})


def backups(path: Path) -> list[Path]:
    return sorted(path.parent.glob(f"{path.name}.*.bak"))


def test_search_detects_delimiter_and_matches_case_insensitively(tmp_path: Path) -> None:
    path = tmp_path / "newsletter.csv"
    write_csv(path, ROWS)
    findings = connector(path, categories="contact details, newsletter").search(JAN, Progress())
    assert len(findings) == 1
    f = findings[0]
    assert f.record_id.startswith("newsletter.csv#row3@")
    assert f.fields == {
        "email": "JAN.DEVRIES@EXAMPLE.COM", "first_name": "Jan; de tweede",
        "subscribed_on": "2025-02-03",
    }  # fmt: skip
    assert f.strength is MatchStrength.STRONG and f.categories == ("contact details", "newsletter")
    assert connector(path).test_connection() == "Read newsletter.csv: 5 rows, 3 columns."


def test_erasure_is_atomic_keeps_a_backup_and_leaves_other_rows_byte_identical(
    tmp_path: Path,
) -> None:
    path = tmp_path / "newsletter.csv"
    original = write_csv(path, ROWS)
    c = connector(path)
    plan = c.plan_erasure(
        c.search(Subject("c", emails=("jan.devries@example.com", "zoe@example.nl")), Progress())
    )
    assert [i.action for i in plan.items] == ["delete_row", "delete_row"]

    results = c.erase(plan, Progress())

    assert [r.outcome for r in results] == [Outcome.REMOVED, Outcome.REMOVED]
    expected = write_csv(tmp_path / "expected.csv", [ROWS[0], ROWS[2], ROWS[3]])
    assert path.read_bytes() == expected  # BOM, CRLF, quoting, multi-line record untouched
    [backup] = backups(path)
    assert backup.read_bytes() == original and backup.name in results[0].detail
    assert "for 7 days" in results[0].detail  # the officer is told it expires
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temp left

    again = c.erase(plan, Progress())
    assert [r.outcome for r in again] == [Outcome.REMOVED, Outcome.REMOVED]
    assert all(r.detail.startswith("Already gone") for r in again)
    assert path.read_bytes() == expected and len(backups(path)) == 1


def test_backups_hold_erased_rows_so_they_expire(tmp_path: Path) -> None:
    path = tmp_path / "newsletter.csv"
    write_csv(path, ROWS)
    c = connector(path, backup_days="7")
    old = tmp_path / "newsletter.csv.20260101T090000.bak"
    old_second = tmp_path / "newsletter.csv.20260101T090000-2.bak"
    fresh = tmp_path / "newsletter.csv.20261120T090000.bak"
    other = tmp_path / "other.csv.20200101T090000.bak"  # another file's backup
    hand_made = tmp_path / "newsletter.csv.old.bak"  # not ours: never touched
    for p in (old, old_second, fresh, other, hand_made):
        p.write_bytes(b"old rows")

    removed = c.prune_backups(now=datetime(2026, 11, 25, 12, 0))

    assert sorted(removed) == sorted([old, old_second])
    assert fresh.exists() and other.exists() and hand_made.exists()
    assert [b for b, _ in c.backups()] == [fresh]
    # Eight days later the fresh one goes too, on any use of the file (here: a search).
    assert c.prune_backups(now=datetime(2026, 11, 28, 9, 0)) == [fresh]


def test_search_deletes_expired_backups(tmp_path: Path) -> None:
    path = tmp_path / "newsletter.csv"
    write_csv(path, ROWS)
    expired = tmp_path / "newsletter.csv.20200101T000000.bak"
    expired.write_bytes(b"rows erased long ago")
    connector(path).search(JAN, Progress())  # default: 7 days
    assert not expired.exists()


def test_no_backup_when_zero_days(tmp_path: Path) -> None:
    path = tmp_path / "newsletter.csv"
    write_csv(path, ROWS)
    c = connector(path, backup_days="0")
    results = c.erase(c.plan_erasure(c.search(JAN, Progress())), Progress())
    assert [r.outcome for r in results] == [Outcome.REMOVED]
    assert "no backup was kept" in results[0].detail
    assert backups(path) == [] and b"JAN.DEVRIES" not in path.read_bytes()


@pytest.mark.parametrize("days", ["-1", "seven", "366", "1.5"])
def test_bad_backup_days_are_refused(tmp_path: Path, days: str) -> None:
    with pytest.raises(ValidationError) as info:
        connector(tmp_path / "x.csv", backup_days=days)
    assert "backup_days" in info.value.errors


def test_erasure_finds_the_row_after_rows_moved_and_never_a_lookalike(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    write_csv(path, ROWS, bom=False)
    c = connector(path)
    plan = c.plan_erasure(c.search(JAN, Progress()))
    # Meanwhile someone adds rows above it, and one row that differs only in the name.
    moved = [
        "new@example.nl;Nieuw;2026-01-01\r\n",
        ROWS[0],
        "jan.devries@example.com;Jan;2025-02-03\r\n",
        *ROWS[1:],
    ]
    write_csv(path, moved, bom=False)

    results = c.erase(plan, Progress())

    assert [r.outcome for r in results] == [Outcome.REMOVED]
    assert path.read_bytes() == (HEADER + "".join(moved[:3] + moved[4:])).encode()


def test_file_changed_during_erasure_is_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    write_csv(path, ROWS)
    c = connector(path)
    plan = c.plan_erasure(c.search(JAN, Progress()))

    def someone_saves_the_file(_fraction: float, _message: str) -> None:
        with path.open("ab") as handle:  # e.g. a colleague saving it in Excel meanwhile
            handle.write(b"late@example.nl;Laat;2026-02-02\r\n")

    results = c.erase(plan, Progress(on_progress=someone_saves_the_file))

    assert [r.outcome for r in results] == [Outcome.FAILED]
    assert "changed by someone else" in results[0].detail
    assert b"JAN.DEVRIES" in path.read_bytes() and backups(path) == []


def test_rectification_changes_only_that_cell(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    write_csv(path, ROWS)
    c = connector(path)
    plan = c.plan_rectification(c.search(JAN, Progress()), [Correction("First_Name", "Jan")])
    assert [(i.action, dict(i.new_values)) for i in plan.items] == [
        ("update", {"first_name": "Jan"})
    ]

    results = c.rectify(plan, Progress())

    assert results[0].outcome is Outcome.CHANGED and "Jan; de tweede -> Jan" in results[0].detail
    rows = list(ROWS)
    rows[1] = "JAN.DEVRIES@EXAMPLE.COM;Jan;2025-02-03\r\n"
    assert path.read_bytes() == b"\xef\xbb\xbf" + (HEADER + "".join(rows)).encode()
    assert len(backups(path)) == 1
    again = c.rectify(plan, Progress())
    assert [(r.outcome, r.detail) for r in again] == [(Outcome.CHANGED, "Already up to date.")]


def make_workbook(path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Klanten"
    ws.append(["Klantnummer", "Naam", "E-mail", "Geboren"])
    ws.append(["DB-1", "Anna Bakker", "anna@example.nl", date(1970, 1, 1)])
    ws.append(["DB-2", "Jan de Vries", "jan.devries@example.com", date(1980, 3, 4)])
    ws.append(["DB-3", "Jan de Vries", "other.jan@example.com", date(1999, 9, 9)])
    ws.append(["DB-4", "Piet Smit", "piet@example.nl", date(1960, 6, 6)])
    totals = wb.create_sheet("Totalen")
    totals["A1"] = "Aantal"
    totals["B1"] = "=COUNTA(Klanten!A2:A100)"
    totals["A2"] = 1234.5
    wb.save(path)


def xlsx_connector(path: Path) -> TabularFileConnector:
    return connector(
        path,
        sheet="Klanten",
        identifier_columns={"E-mail": "email", "Naam": "name", "Geboren": "birth_date"},
    )


def test_xlsx_search_erase_and_other_sheets_intact(tmp_path: Path) -> None:
    path = tmp_path / "klanten.xlsx"
    make_workbook(path)
    c = xlsx_connector(path)
    findings = c.search(
        Subject("c", first_name="Jan", last_name="de Vries", birth_date=date(1980, 3, 4)),
        Progress(),
    )
    assert [(f.fields["Klantnummer"], f.strength) for f in findings] == [
        ("DB-2", MatchStrength.STRONG)
    ]
    assert findings[0].record_id.startswith("klanten.xlsx#row3@")

    results = c.erase(c.plan_erasure(findings), Progress())

    assert [r.outcome for r in results] == [Outcome.REMOVED]
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["Klanten", "Totalen"]
    rows = [list(r) for r in wb["Klanten"].iter_rows(values_only=True)]
    assert [r[0] for r in rows] == ["Klantnummer", "DB-1", "DB-3", "DB-4"]
    assert rows[2][3] == datetime(1999, 9, 9)
    assert wb["Totalen"]["B1"].value == "=COUNTA(Klanten!A2:A100)"
    assert wb["Totalen"]["A2"].value == 1234.5
    assert len(backups(path)) == 1


def test_xlsx_rectification_keeps_cell_types(tmp_path: Path) -> None:
    path = tmp_path / "klanten.xlsx"
    make_workbook(path)
    c = xlsx_connector(path)
    findings = c.search(Subject("c", emails=("jan.devries@example.com",)), Progress())
    plan = c.plan_rectification(findings, [Correction("Geboren", "1980-04-03")])
    assert c.rectify(plan, Progress())[0].outcome is Outcome.CHANGED
    ws = openpyxl.load_workbook(path)["Klanten"]
    assert ws["D3"].value == datetime(1980, 4, 3) and ws["D4"].value == datetime(1999, 9, 9)


def test_bad_files_give_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(ConnectorError, match="does not exist"):
        connector(tmp_path / "missing.csv").search(JAN, Progress())
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"this is not a zip file")
    with pytest.raises(ConnectorError, match=r"broken\.xlsx is not a valid Excel workbook"):
        connector(broken).test_connection()
    latin = tmp_path / "latin.csv"
    latin.write_bytes("email;naam\nzoe@example.nl;Zo\xeb\n".encode("latin-1"))
    with pytest.raises(ConnectorError, match=r"cannot be read as utf-8-sig.*cp1252"):
        connector(latin).test_connection()
    assert "1 rows" in connector(latin, encoding="cp1252").test_connection()
    wrong_column = tmp_path / "cols.csv"
    write_csv(wrong_column, ROWS)
    with pytest.raises(ConnectorError, match=r"no column 'mail'.*email, first_name"):
        connector(wrong_column, identifier_columns="mail=email").test_connection()
    workbook = tmp_path / "k.xlsx"
    make_workbook(workbook)
    with pytest.raises(ConnectorError, match=r"no sheet 'Blad1'.*Klanten, Totalen"):
        connector(workbook, sheet="Blad1").test_connection()
    with pytest.raises(ValidationError, match="unknown identifier 'mail'"):
        connector(wrong_column, identifier_columns={"email": "mail"})
    with pytest.raises(ValidationError, match=r"use a \.csv or \.xlsx file"):
        connector(tmp_path / "old.xls")


def test_sample_systems_register_and_search(tmp_path: Path) -> None:
    person = SamplePerson(
        "Jan", "de Vries", "jan.devries@example.com", "DB-10001", "06-12345678",
        "5253 RE", "18", "Hopbrouwer", "Nieuwkuijk", date(1980, 3, 4),
    )  # fmt: skip
    systems = create_sample_systems(tmp_path / "demo", [person])
    assert [(s.name, s.kind) for s in systems] == [
        ("Self Service Portal", "sql"), ("Newsletter", "tabular_file"),
    ]  # fmt: skip
    newsletter = TabularFileConnector(systems[1].name, systems[1].settings, {})
    found = newsletter.search(Subject("c", emails=(person.email,)), Progress())
    assert [f.fields["first_name"] for f in found] == ["Jan"]
