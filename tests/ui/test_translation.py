"""Dutch is the default UI language: key widgets speak Dutch, every string is translated."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

from app.core.resources import resource_path
from app.ui.case_table_model import CaseTableModel
from app.ui.intake_dialog import IntakeDialog
from app.ui.main_window import MainWindow
from app.ui.style import URGENCY_OVERDUE

from .helpers import new_case, received_for

OWN_MODULES = {
    "case_detail.py", "case_dialogs.py", "case_form.py", "case_list.py", "case_panels.py",
    "case_table_model.py", "errors.py", "intake_dialog.py", "labels.py", "main_window.py",
    "overview.py", "settings_dialog.py", "style.py", "tasks.py", "widgets.py", "app.py",
}  # fmt: skip


def test_key_widgets_show_dutch_text(qtbot, ctx_nl) -> None:
    new_case(ctx_nl.db, received=received_for(date.today(), -20, -3))
    window = MainWindow(ctx_nl)
    qtbot.addWidget(window)
    window.show()
    assert window.tabs.tabText(0) == "Termijnoverzicht"
    assert window.tabs.tabText(1) == "Vandaag"
    assert window.tabs.tabText(2) == "Zaken"
    assert window.new_action.text() == "&Nieuwe brief…"
    assert window.overview.groups[URGENCY_OVERDUE].text(0) == "Te laat (1)"
    assert window.banner.text.text() == "1 zaak te laat"
    assert window.cases.open_only.text() == "Alleen &open zaken"
    dialog = IntakeDialog(ctx_nl, window)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Nieuwe brief"
    assert dialog.save_button.text() == "Zaak op&slaan"
    assert dialog.form.type_boxes["access"].text() == "&inzage (art. 15)"


def test_dates_are_written_the_dutch_way(qtbot, ctx_nl) -> None:
    new_case(ctx_nl.db, received=date(2026, 11, 24))
    model = CaseTableModel(ctx_nl.db, lang="nl", today=lambda: date(2026, 11, 30))
    model.reload()
    assert model.index(0, 1).data() == "24 november 2026"
    assert model.index(0, 4).data() == "geregistreerd"
    assert model.index(0, 6).data() == "nog 24 dagen"


def test_every_string_has_a_dutch_translation() -> None:
    """Every string of the case register, intake and deadline screens is translated."""
    tree = ET.parse(resource_path("translations", "privacy_desk_nl.ts"))
    checked = 0
    unfinished = []
    for message in tree.iter("message"):
        files = {Path(loc.get("filename", "")).name for loc in message.iter("location")}
        if not files & OWN_MODULES:
            continue
        checked += 1
        if message.find("translation").get("type") in ("unfinished", "vanished", "obsolete"):
            unfinished.append(message.findtext("source"))
    assert unfinished == []
    assert checked > 250
    assert resource_path("translations", "privacy_desk_nl.qm").stat().st_size > 10_000
