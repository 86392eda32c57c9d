"""After start the window checks the audit chain in the background and turns red when broken."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

from pytestqt.qtbot import QtBot

from app.core.enums import RequestType
from app.core.validation import CaseInput
from app.data.database import Database
from app.services.case_records import add_note
from app.services.cases import register_case
from app.ui.context import UiContext
from app.ui.main_window import MainWindow

LETTER = CaseInput(request_types=(RequestType.ACCESS,), received_on=date(2026, 11, 2),
                   last_name="Berg", street="Dorp 1", postcode="1234 AB", city="Ede")  # fmt: skip


def test_an_intact_chain_is_checked_and_remembered(
    qtbot: QtBot, ctx: UiContext, db: Database
) -> None:
    ref = register_case(db, actor="o", data=LETTER, today=date(2026, 11, 24))
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    assert window.audit_status.label.isHidden()  # not started before the window is painted
    with qtbot.waitSignal(window.audit_status.checked, timeout=10000) as blocker:
        window.show()
    assert blocker.args == [True] and not window.audit_status.broken
    assert window.audit_status.label.text() == "Audit trail intact"
    first = window.audit_status.checkpoint()
    assert first is not None and first.seq >= 1
    add_note(db, actor="o", reference=ref, text="later")
    again = MainWindow(ctx)  # the next start checks only what was added since
    qtbot.addWidget(again)
    with qtbot.waitSignal(again.audit_status.checked, timeout=10000) as blocker:
        again.show()
    assert blocker.args == [True]
    second = again.audit_status.checkpoint()
    assert second is not None and second.seq > first.seq


def test_a_forged_event_turns_the_status_red(
    qtbot: QtBot, ctx: UiContext, db: Database, tmp_path: Path
) -> None:
    ref = register_case(db, actor="o", data=LETTER, today=date(2026, 11, 24))
    add_note(db, actor="o", reference=ref, text="real")
    conn = sqlite3.connect(tmp_path / "t.sqlite3")
    conn.execute("UPDATE audit_event SET actor = 'nobody' WHERE action = 'note_added'")
    conn.commit()
    conn.close()
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.audit_status.checked, timeout=10000) as blocker:
        window.show()
    assert blocker.args == [False] and window.audit_status.broken
    label = window.audit_status.label
    assert "broken" in label.text() and "#a4161a" in label.styleSheet()
    assert ref in label.toolTip()
    assert window.banner.isVisibleTo(window) and "does not verify" in window.banner.text.text()
