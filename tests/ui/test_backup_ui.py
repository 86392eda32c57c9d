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
    window.back_up_to(tmp_path / "copy.sqlite3")
    qtbot.waitUntil(lambda: window.last_message is not None, timeout=10000)
    assert window.last_message.windowTitle() == "Backup written"
    assert "Cases copied: 1\nFile: " in window.last_message.text()
    assert "holds personal data" in window.last_message.text()
    assert (tmp_path / "copy.sqlite3").exists()
    window.last_message.close()

    window.last_message = None
    window.back_up_to(tmp_path / "missing" / "copy.sqlite3")
    qtbot.waitUntil(lambda: window.last_message is not None, timeout=10000)
    assert window.last_message.windowTitle() == "No backup made"
    assert "does not exist" in window.last_message.text()
    window.last_message.close()
