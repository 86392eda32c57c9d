"""Business settings an office changes: letter offsets, attachment limit, retention."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.core.enums import RequestType
from app.core.errors import ValidationError
from app.core.validation import CaseInput
from app.data.database import Database
from app.services.cases import register_case
from app.services.letters import render_for_case
from app.services.settings import get_setting, set_setting

MM = 72 / 25.4


def _name_top_mm(pdf: bytes, text: str) -> float:
    """How far from the top of page 1 the line with ``text`` is printed (mm)."""
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    height = float(page.mediabox.height)
    found: list[float] = []

    def visit(chunk: str, cm: list[float], tm: list[float], *_: object) -> None:
        if text in chunk:
            found.append((height - (tm[5] * cm[3] + cm[5])) / MM)

    page.extract_text(visitor_text=visit)
    assert found, f"{text!r} not on page 1"
    return found[0]


@pytest.fixture
def reference(db: Database) -> str:
    return register_case(
        db,
        actor="o",
        data=CaseInput(
            request_types=(RequestType.ACCESS,),
            received_on=date(2026, 11, 2),
            first_name="Zoë",
            last_name="Vensterbank",
            street="Dorp 1",
            postcode="1234 AB",
            city="Ede",
        ),
        today=date(2026, 11, 24),
    )


def test_moving_the_address_down_moves_it_on_paper(db: Database, reference: str) -> None:
    before = _name_top_mm(
        render_for_case(db, reference=reference, letter_type="acknowledgement", handled_by="o"),
        "Vensterbank",
    )
    assert 48 < before < 79  # inside the DL window
    layout = get_setting(db, key="letter_layout")
    set_setting(db, actor="o", key="letter_layout",
                value={**layout, "address_shift_down_mm": 5.0})  # fmt: skip
    after = _name_top_mm(
        render_for_case(db, reference=reference, letter_type="acknowledgement", handled_by="o"),
        "Vensterbank",
    )
    assert after - before == pytest.approx(5.0, abs=0.2)


def test_out_of_range_values_are_refused_and_nothing_changes(db: Database) -> None:
    before = get_setting(db, key="letter_layout")
    with pytest.raises(ValidationError) as info:
        bad = {**before, "address_shift_down_mm": 40, "address_left_mm": "x"}
        set_setting(db, actor="o", key="letter_layout", value=bad)
    assert set(info.value.errors) == {"address_shift_down_mm", "address_left_mm"}
    assert get_setting(db, key="letter_layout") == before
    retention = get_setting(db, key="retention")
    with pytest.raises(ValidationError):
        set_setting(db, actor="o", key="retention",
                    value={**retention, "granted": {"months": 24, "reason": " "}})  # fmt: skip
    with pytest.raises(ValidationError):
        set_setting(db, actor="o", key="attachments", value={"max_mb": 0})


def test_attachment_limit_applies(db: Database, tmp_path: Path) -> None:
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(b"%PDF-1.4\n" + b"0" * (2 * 1024 * 1024))
    set_setting(db, actor="o", key="attachments", value={"max_mb": 1})
    with pytest.raises(ValidationError, match="limit is 1 MB"):
        register_case(db, actor="o", data=CaseInput(
            request_types=(RequestType.ACCESS,), received_on=date(2026, 11, 2), last_name="B",
            street="Dorp 1", postcode="1234 AB", city="Ede"), attachment=scan,
            today=date(2026, 11, 24))  # fmt: skip
