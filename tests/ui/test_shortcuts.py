"""Keyboard shortcuts: each case-detail action's key in its tooltip and in Help > shortcuts."""

from __future__ import annotations

from datetime import date

from app.ui.case_detail import CaseDetailView
from app.ui.main_window import MainWindow
from app.ui.shortcuts import mnemonic_of, plain
from tests.ui.helpers import new_case


def test_mnemonic_and_plain_text() -> None:
    assert mnemonic_of("&Edit…") == "E" and mnemonic_of("Deci&sions…") == "S"
    assert mnemonic_of("Save && close") is None and mnemonic_of("No key") is None
    assert plain("Deci&sions…") == "Decisions" and plain("A && B") == "A & B"


def test_case_detail_tooltips_name_the_keys(qtbot, ctx) -> None:
    ref = new_case(ctx.db, received=date.today())
    view = CaseDetailView(ctx, ref)
    qtbot.addWidget(view)
    assert view.edit_button.toolTip() == "Alt+E"
    assert view.decisions_button.toolTip() == "The decision on each request type (Alt+S)"
    view.reload()  # annotating again does not repeat the key
    assert view.decisions_button.toolTip().count("Alt+S") == 1


def test_help_lists_the_shortcuts(qtbot, ctx) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    dialog = window.show_shortcuts()
    qtbot.addWidget(dialog)
    rows = {
        (dialog.tree.topLevelItem(g).child(i).text(0), dialog.tree.topLevelItem(g).child(i).text(1))
        for g in range(dialog.tree.topLevelItemCount())
        for i in range(dialog.tree.topLevelItem(g).childCount())
    }
    assert ("Find case", "Ctrl+F") in rows and ("Today", "Ctrl+3") in rows
    assert ("Edit", "Alt+E") in rows and ("Grant extension", "Alt+G") in rows
    dialog.close()


def test_help_sneltoetsen_in_dutch(qtbot, ctx_nl) -> None:
    window = MainWindow(ctx_nl)
    qtbot.addWidget(window)
    help_menu = window.menuBar().actions()[-1].menu()
    assert "&Sneltoetsen" in [a.text() for a in help_menu.actions()]
    dialog = window.show_shortcuts()
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Sneltoetsen"
    dialog.close()
