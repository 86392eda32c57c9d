"""Switching the UI language keeps the open cases and saves a letter being edited."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from app.services.letters import letters_of
from app.ui.app import GuiController
from app.ui.case_detail import CaseDetailView
from app.ui.letters_tab import LettersTab

from .helpers import new_case


def test_switching_language_keeps_tabs_and_saves_the_draft(qtbot, ctx, gui_app) -> None:
    first = new_case(ctx.db, received=date.today() - timedelta(days=3))
    second = new_case(ctx.db, received=date.today() - timedelta(days=2), last_name="Bakker")
    controller = GuiController(gui_app, ctx, [])
    window = controller.show_window()
    qtbot.addWidget(window)
    window.open_case(first)
    detail = window.open_case(second)
    tab = detail.findChild(LettersTab)
    assert tab is not None
    dialog = tab.new_letter()
    qtbot.mouseClick(
        dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    editor = tab.editor
    assert editor is not None and editor.isVisible()
    editor.body.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(editor.body, " Met dank voor uw geduld.")
    assert editor.dirty

    controller.switch_language("nl")

    new = controller.window
    assert new is not None and new is not window
    qtbot.addWidget(new)
    assert new.open_references() == [first, second]
    current = new.tabs.currentWidget()
    assert isinstance(current, CaseDetailView) and current.reference == second
    assert new.tabs.tabText(0) == "Termijnoverzicht"  # the new window speaks Dutch
    stored = letters_of(ctx.db, reference=second)[0]
    assert stored.body.endswith("Met dank voor uw geduld.")  # typed text was saved, not lost

    controller.switch_language("en")  # back, so later tests see the source language
    assert controller.window is not None and controller.window.open_references() == [first, second]
    qtbot.addWidget(controller.window)
    assert controller.window.tabs.tabText(0) == "Deadline overview"
    ctx.tasks.wait()
