"""File > Back up database: runs in the background and says where the copy went."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from app.ui.main_window import MainWindow

from .helpers import new_case


def test_backup_from_the_menu_reports_the_copy_and_a_refusal(qtbot, ctx, tmp_path: Path) -> None:
    new_case(ctx.db, received=date.today())
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    assert window.backup_label.text() == "⚠ No backup made yet"  # a reminder, in words
    window.back_up_to(tmp_path / "copy.sqlite3")
    qtbot.waitUntil(lambda: window.last_message is not None, timeout=10000)
    assert window.last_message.windowTitle() == "Backup written"
    assert "Cases copied: 1\nFile: " in window.last_message.text()
    assert "holds personal data" in window.last_message.text()
    assert (tmp_path / "copy.sqlite3").exists()
    assert window.backup_label.text().startswith("Last backup: ")
    window.last_message.close()

    window.last_message = None
    window.back_up_to(tmp_path / "missing" / "copy.sqlite3")
    qtbot.waitUntil(lambda: window.last_message is not None, timeout=10000)
    assert window.last_message.windowTitle() == "No backup made"
    assert "does not exist" in window.last_message.text()
    window.last_message.close()


def test_an_old_backup_turns_into_a_reminder(qtbot, ctx) -> None:
    from datetime import UTC, datetime, timedelta

    from app.data.models import AuditEvent

    with ctx.db.session() as session:
        session.add(
            AuditEvent(
                actor="o",
                action="database_backed_up",
                summary="Database copied to old.sqlite3 (0 cases)",
                at=datetime.now(UTC) - timedelta(days=8),
            )
        )
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    assert window.backup_label.text().startswith("⚠ Last backup: ")
    assert "color" in window.backup_label.styleSheet()
