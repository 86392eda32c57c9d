"""Exports (register, yearly report, retention, dossier), the case tabs and the Tools menu."""

from __future__ import annotations

import zipfile
from datetime import date, timedelta

from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu, QMessageBox

from app.core.i18n import _, text_of
from app.demo.fill import fill_demo
from app.services.case_queries import list_cases
from app.services.retention import list_expired
from app.ui.case_detail import CaseDetailView
from app.ui.exports_dialog import CaseExportDialog, ExportsDialog
from app.ui.findings_tab import FindingsTab
from app.ui.letters_tab import LettersTab
from app.ui.main_window import MainWindow


def test_register_export_writes_xlsx_without_personal_data(qtbot, ctx, tmp_path) -> None:
    fill_demo(ctx.db, cases=12, with_systems=False)
    dialog = ExportsDialog(ctx)
    qtbot.addWidget(dialog)
    page = dialog.register_page
    assert not page.personal.isChecked()
    page.start.setDate(page.start.minimumDate())
    target = tmp_path / "register.xlsx"
    assert page.export(target) is not None
    qtbot.waitUntil(lambda: page.runner.task is None, timeout=20000)
    assert target.exists() and not page.result.isHidden()
    assert "12 cases written" in page.result.text.text()
    sheet = load_workbook(target).active
    assert sheet.max_row == 13
    names = {c.requester_name for c in list_cases(ctx.db)}
    cells = {str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None}
    assert not names & cells


def test_yearly_report_is_written_as_pdf(qtbot, ctx, tmp_path) -> None:
    fill_demo(ctx.db, cases=5, with_systems=False)
    dialog = ExportsDialog(ctx)
    qtbot.addWidget(dialog)
    page = dialog.yearly_page
    page.year.setValue(date.today().year)
    target = tmp_path / "jaarverslag.pdf"
    page.export(target)
    qtbot.waitUntil(lambda: page.runner.task is None, timeout=20000)
    assert target.read_bytes().startswith(b"%PDF")
    assert page.result.path == target and "Report saved as" in page.result.text.text()


def test_retention_asks_with_the_count_then_anonymises(qtbot, ctx) -> None:
    fill_demo(ctx.db, cases=20, with_systems=False)
    later = date.today() + timedelta(days=365 * 8)
    ctx.today = lambda: later
    expired = list_expired(ctx.db, today=later)
    assert expired
    dialog = ExportsDialog(ctx)
    qtbot.addWidget(dialog)
    page = dialog.retention_page
    assert page.tree.topLevelItemCount() == len(expired)
    page.tree.topLevelItem(0).setCheckState(0, Qt.CheckState.Unchecked)
    box = page.ask_apply()
    assert box is not None
    count = len(expired) - 1
    assert f"Anonymise {count} case" in box.text()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.runner.task is None, timeout=30000)
    left = list_expired(ctx.db, today=later)
    assert [e.reference for e in left] == [expired[0].reference]
    assert page.tree.topLevelItemCount() == 1
    # The confirmation names what the app cannot reach (issue 11.10).
    reach = text_of(_("Outside Privacy Desk's reach, for you to act on:"), ctx.lang)
    assert reach in page.summary.text()


def test_case_dossier_export_offers_the_file(qtbot, ctx, tmp_path) -> None:
    fill_demo(ctx.db, cases=3, with_systems=False)
    reference = list_cases(ctx.db)[0].reference
    dialog = CaseExportDialog(ctx, reference, "dossier")
    qtbot.addWidget(dialog)
    target = tmp_path / "dossier.zip"
    dialog.export(target)
    qtbot.waitUntil(lambda: dialog.runner.task is None, timeout=20000)
    assert zipfile.is_zipfile(target)
    assert "manifest.json" in zipfile.ZipFile(target).namelist()
    assert dialog.runner.result.path == target
    assert dialog.runner.result.open_folder.isEnabled()


def test_a_case_has_letters_and_systems_tabs(qtbot, ctx) -> None:
    fill_demo(ctx.db, cases=3, with_systems=False)
    reference = list_cases(ctx.db)[0].reference
    detail = CaseDetailView(ctx, reference)
    qtbot.addWidget(detail)
    titles = [detail.tabs.tabText(i) for i in range(detail.tabs.count())]
    assert titles[-2:] == ["Letters", "Systems"]
    assert isinstance(detail.tabs.widget(titles.index("Letters")), LettersTab)
    assert detail.tabs.widget(titles.index("Systems")) is detail.findings_tab
    assert isinstance(detail.findings_tab, FindingsTab)
    assert detail.letters_tab.reference == reference
    assert detail.findings_tab.secrets is ctx.secrets


def test_the_tools_menu_opens_one_dialog_of_each_kind(qtbot, ctx) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    menu = window.menuBar().findChild(QMenu, "toolsMenu")
    names = [a.objectName() for a in menu.actions()]
    assert names == ["systemsAction", "registerAction", "todaysLettersAction", "exportAction"]
    menu.actions()[0].trigger()
    systems = window.tool_dialogs.open["systems"]
    assert systems.isVisible() and systems.secrets is ctx.secrets
    menu.actions()[3].trigger()
    assert window.tool_dialogs.open["exports"].isVisible()
    for dialog in list(window.tool_dialogs.open.values()):
        dialog.close()
    assert window.tool_dialogs.open == {}
