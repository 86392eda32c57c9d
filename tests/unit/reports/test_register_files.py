"""Register files from rows: typed XLSX dates, frozen header, autofilter, CSV with ISO dates."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from app.reports.register_export import columns, write_csv, write_xlsx


def _rows(n: int) -> Iterator[dict[str, Any]]:
    for i in range(n):
        yield {
            "reference": f"AVG-2026-{i + 1:04d}",
            "received": date(2026, 1, 5) if i % 2 else date(2026, 2, 3),
            "types": "access, erasure",
            "status": "answered",
            "promise": date(2026, 2, 2),
            "legal_deadline": date(2026, 2, 5),
            "extended_deadline": None,
            "answered_on": date(2026, 1, 30),
            "days_taken": 25,
            "on_time_promise": "yes",
            "on_time_legal": "yes",
            "outcomes": "access: granted; erasure: partly_refused",
            "handled_by": "m.devries",
            "paused_since": date(2026, 1, 7) if i % 3 == 0 else None,
            "paused_days": 12 if i % 3 == 0 else None,
            "name": "Zoë IJsselstein-Çelik",
            "postcode": "5253 RE",
            "city": "Nieuwkuijk",
        }


def test_personal_columns_only_on_request() -> None:
    plain = [c.key for c in columns(with_personal_data=False, lang="en")]
    personal = [c.key for c in columns(with_personal_data=True, lang="en")]
    assert {"name", "postcode", "city"}.isdisjoint(plain)
    assert personal[:4] == ["reference", "name", "postcode", "city"]
    assert columns(with_personal_data=False, lang="nl")[0].header == "Kenmerk"


def test_xlsx_has_real_dates_frozen_bold_header_filter_and_widths(tmp_path: Path) -> None:
    cols = columns(with_personal_data=True, lang="en")
    ticks: list[int] = []
    path = tmp_path / "r.xlsx"
    count = write_xlsx(_rows(2500), cols, path, sheet_title="Register", tick=ticks.append)
    assert count == 2500
    assert ticks == [1000, 2000]
    sheet = load_workbook(path).active
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:{sheet.cell(1, len(cols)).column_letter}2501"
    assert sheet.cell(1, 1).font.bold
    assert [sheet.cell(1, i + 1).value for i in range(len(cols))] == [c.header for c in cols]
    received = sheet.cell(2, [c.key for c in cols].index("received") + 1)
    assert received.is_date and received.value.date() == date(2026, 2, 3)
    assert received.number_format == "dd-mm-yyyy"
    assert sheet.cell(2, [c.key for c in cols].index("extended_deadline") + 1).value is None
    assert sheet.cell(2, [c.key for c in cols].index("days_taken") + 1).value == 25
    paused = sheet.cell(2, [c.key for c in cols].index("paused_since") + 1)
    assert paused.is_date and paused.value.date() == date(2026, 1, 7)
    # XlsxWriter stores the width Excel shows for that many characters (15 -> 15.71).
    assert cols[0].width <= sheet.column_dimensions["A"].width < cols[0].width + 1
    assert sheet.cell(2, 2).value == "Zoë IJsselstein-Çelik"


def test_csv_has_iso_dates_and_survives_accents(tmp_path: Path) -> None:
    cols = columns(with_personal_data=True, lang="nl")
    path = tmp_path / "r.csv"
    assert write_csv(_rows(3), cols, path) == 3
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")  # BOM: Excel reads UTF-8 right
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][0] == "Kenmerk"
    assert rows[2][4] == "2026-01-05"
    assert rows[1][1] == "Zoë IJsselstein-Çelik"
    assert rows[1][[c.key for c in cols].index("extended_deadline")] == ""
