"""The register window links systems by id and names recipients; the access letter form leaves
processings out with a tick (issue 12 §2)."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt

from app.data.models import Setting
from app.services.connectors import save_connector
from app.services.letters import letters_of
from app.services.register import list_activities
from app.ui.letters_tab import LettersTab
from app.ui.register_dialog import RegisterDialog

from .helpers import new_case


def _system(ctx, name: str) -> None:
    save_connector(ctx.db, actor="admin", name=name, kind="manual",
                   settings={"instructions": "Look."})  # fmt: skip


def test_a_system_is_ticked_and_saved_as_a_link(qtbot, ctx) -> None:
    _system(ctx, "Webserverlogs (demo)")
    _system(ctx, "Newsletter")
    with ctx.db.session() as session:  # what migration 0008 leaves for the officer
        session.add(Setting(key="register_migration_report", updated_by="migration 0008",
                            value={"unmapped": [{"processing": "Nieuwsbrief",
                                                 "system": "Matomo"}]}))  # fmt: skip
    dialog = RegisterDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "Matomo (Nieuwsbrief)" in dialog.report.text() and dialog.report.isVisible()
    stats = next(i for i in range(dialog.list.count())
                 if dialog.list.item(i).text().startswith("Websitestatistieken"))  # fmt: skip
    dialog.list.setCurrentRow(stats)
    names = [dialog.systems.item(i).text() for i in range(dialog.systems.count())]
    assert names == ["Newsletter", "Webserverlogs (demo)"]
    dialog.systems.item(1).setCheckState(Qt.CheckState.Checked)
    dialog.inputs["recipients"].setPlainText("Wolkenbasis Hosting B.V.")
    dialog.inputs["retention_en"].setPlainText("Log files 5 days")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    saved = next(a for a in list_activities(ctx.db) if a.name.startswith("Websitestatistieken"))
    assert saved.systems == ("Webserverlogs (demo)",) and saved.system_ids
    assert saved.values["recipients"] == "Wolkenbasis Hosting B.V."
    assert saved.values["retention_en"] == "Log files 5 days"
    qtbot.mouseClick(dialog.report_done, Qt.MouseButton.LeftButton)
    assert not dialog.report.isVisible()
    # The Archiefwet is refused at its field, nothing typed is lost.
    dialog.inputs["retention"].setPlainText("Volgens de Archiefwet")
    assert not dialog.save()
    assert "Archiefwet" in dialog.errors.message("retention")
    assert dialog.inputs["retention"].toPlainText() == "Volgens de Archiefwet"


def test_the_access_letter_form_leaves_a_ticked_processing_out(qtbot, ctx) -> None:
    ref = new_case(ctx.db, received=date.today() - timedelta(days=3))
    tab = LettersTab(ctx, ref)
    qtbot.addWidget(tab)
    tab.show()
    dialog = tab.new_letter()
    assert dialog is not None
    dialog.kind.setCurrentIndex(dialog.kind.findData("access"))
    listing = dialog.inputs["leave_out"]
    names = [listing.item(i).text() for i in range(listing.count())]  # type: ignore[attr-defined]
    assert "Nieuwsbrief" in names
    listing.item(names.index("Nieuwsbrief")).setCheckState(Qt.CheckState.Checked)  # type: ignore[attr-defined]
    assert dialog.options()["leave_out"] == "Nieuwsbrief"
    dialog.make_draft()
    assert dialog.created is not None
    [letter] = letters_of(ctx.db, reference=ref)
    assert letter.letter_type == "access"
