"""Issue 15: every destructive or irreversible action asks first, says concretely what will
happen, and Cancel (the default button, also on Enter and Escape) changes nothing."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from app.demo.fill import fill_demo
from app.services.case_detail import get_case
from app.services.case_queries import list_cases
from app.services.changes import actions_of, approve_plan, plan_changes
from app.services.connectors import list_connectors, save_connector
from app.services.letter_post import printed_of_case
from app.services.letters import draft_letter, finalise_letter, letters_of
from app.services.register import list_activities
from app.services.retention import list_expired
from app.services.searches import findings_of, review_findings, search_case
from app.services.secrets import SecretStore
from app.ui.case_detail import CaseDetailView
from app.ui.changes_dialog import ChangesDialog
from app.ui.connectors_dialog import ConnectorsDialog
from app.ui.exports_dialog import ExportsDialog
from app.ui.findings_tab import FINDING_ROLE, FindingsTab
from app.ui.letter_post_dialog import SentByPostDialog
from app.ui.letters_tab import LettersTab
from app.ui.register_dialog import RegisterDialog

from .helpers import new_case


def _cancel(qtbot, box: QMessageBox | None, *, key: Qt.Key | None = None) -> None:
    """Cancel is the default and the Escape button; the action button names the action."""
    assert box is not None and box.isVisible()
    cancel = box.button(QMessageBox.StandardButton.Cancel)
    assert box.defaultButton() is cancel and box.escapeButton() is cancel
    assert box.button(QMessageBox.StandardButton.Yes).text() not in ("", "&Yes", "Yes")
    if key is None:
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    else:
        qtbot.keyClick(box, key)  # a stray Enter (or Escape) is a Cancel
    assert not box.isVisible()


def test_finalise_cancel_leaves_the_draft(qtbot, ctx) -> None:
    ref = new_case(ctx.db, received=date.today() - timedelta(days=3))
    draft_letter(ctx.db, actor="t", reference=ref, letter_type="acknowledgement")
    tab = LettersTab(ctx, ref)
    qtbot.addWidget(tab)
    tab.show()
    editor = tab.open_letter(letters_of(ctx.db, reference=ref)[0])
    box = editor.ask_finalise()
    assert box is not None and ref in box.text() and "cannot be changed" in box.text()
    _cancel(qtbot, box, key=Qt.Key.Key_Return)
    assert [x.status for x in letters_of(ctx.db, reference=ref)] == ["draft"]


def test_closing_a_case_asks_and_cancel_keeps_the_status(qtbot, ctx) -> None:
    ref = new_case(ctx.db, received=date.today() - timedelta(days=3))
    view = CaseDetailView(ctx, ref)
    qtbot.addWidget(view)
    view.show()
    before = get_case(ctx.db, reference=ref).status
    box = view.ask_status("withdrawn")
    assert box is not None and ref in box.text() and "cannot be undone" in box.text()
    _cancel(qtbot, box, key=Qt.Key.Key_Escape)
    assert get_case(ctx.db, reference=ref).status == before
    box = view.ask_status("withdrawn")
    assert box is not None
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    assert get_case(ctx.db, reference=ref).status == "withdrawn"


def test_deleting_a_system_or_register_entry_cancel_keeps_it(qtbot, ctx) -> None:
    save_connector(ctx.db, actor="t", name="Papieren archief", kind="manual",
                   settings={"instructions": "Kast 1.04"})  # fmt: skip
    dialog = ConnectorsDialog(ctx, SecretStore(use_keyring=False))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.list.setCurrentItem(dialog.list.topLevelItem(0))
    box = dialog.ask_delete()
    assert box is not None and "Papieren archief" in box.text() and "cannot be undone" in box.text()
    _cancel(qtbot, box)
    assert [c.name for c in list_connectors(ctx.db)] == ["Papieren archief"]

    register = RegisterDialog(ctx)
    qtbot.addWidget(register)
    register.show()
    before = [a.id for a in list_activities(ctx.db)]
    box = register.ask_delete()
    assert box is not None and "cannot be undone" in box.text()
    _cancel(qtbot, box)
    assert [a.id for a in list_activities(ctx.db)] == before


def test_retention_cancel_keeps_every_case(qtbot, ctx) -> None:
    fill_demo(ctx.db, cases=20, with_systems=False)
    later = date.today() + timedelta(days=365 * 8)
    ctx.today = lambda: later
    expired = [e.reference for e in list_expired(ctx.db, today=later)]
    assert expired
    dialog = ExportsDialog(ctx)
    qtbot.addWidget(dialog)
    page = dialog.retention_page
    box = page.ask_apply()
    assert box is not None and expired[0] in box.text() and "cannot be undone" in box.text()
    _cancel(qtbot, box)
    assert [e.reference for e in list_expired(ctx.db, today=later)] == expired
    assert len(list_cases(ctx.db)) == 20


def test_execute_cancel_and_rejected_finding_back_to_review(qtbot, ctx) -> None:
    fill_demo(ctx.db, cases=20)
    ref = next(r.reference for r in list_cases(ctx.db) if "erasure" in r.types)
    secrets = SecretStore(use_keyring=False)
    search_case(ctx.db, actor="t", reference=ref, secrets=secrets)
    pending = [f.id for f in findings_of(ctx.db, reference=ref) if f.review != "confirmed"]
    if pending:
        review_findings(ctx.db, actor="t", reference=ref, finding_ids=pending,
                        decision="confirmed")  # fmt: skip
    plan_changes(ctx.db, actor="t", reference=ref, operation="erasure", secrets=secrets)
    approve_plan(ctx.db, actor="t", reference=ref, operation="erasure")
    before = {a.id: a.outcome for a in actions_of(ctx.db, reference=ref, operation="erasure")}
    dialog = ChangesDialog(ctx, ref, "erasure", secrets)
    qtbot.addWidget(dialog)
    dialog.show()
    box = dialog.ask_execute()
    assert ref in box.text() and "cannot be undone" in box.text()
    _cancel(qtbot, box)
    assert dialog.task is None
    assert {a.id: a.outcome for a in actions_of(ctx.db, reference=ref, operation="erasure")} == (
        before
    )

    # A finding rejected earlier (not just now) goes back to review from the Systems tab.
    first = min(f.id for f in findings_of(ctx.db, reference=ref))
    review_findings(ctx.db, actor="t", reference=ref, finding_ids=[first], decision="rejected")
    tab = FindingsTab(ctx, ref, secrets)
    qtbot.addWidget(tab)
    tab.show()
    tab.only_pending.setChecked(False)
    item = next(
        tab.tree.topLevelItem(i).child(j)
        for i in range(tab.tree.topLevelItemCount())
        for j in range(tab.tree.topLevelItem(i).childCount())
        if tab.tree.topLevelItem(i).child(j).data(0, FINDING_ROLE).id == first
    )
    tab.tree.setCurrentItem(item)
    assert tab.unreject_button.isEnabled()
    qtbot.mouseClick(tab.unreject_button, Qt.MouseButton.LeftButton)
    assert {f.id: f.review for f in findings_of(ctx.db, reference=ref)}[first] == "pending"
    assert any(e.action == "rejection_undone" for e in get_case(ctx.db, reference=ref).audit)


def test_sent_by_post_enter_cancels_and_nothing_is_recorded(qtbot, ctx) -> None:
    ref = new_case(ctx.db, received=date.today() - timedelta(days=3))
    draft = draft_letter(ctx.db, actor="t", reference=ref, letter_type="acknowledgement")
    final = finalise_letter(ctx.db, actor="t", letter_id=draft.id)
    dialog = SentByPostDialog(ctx, final.id, final.letter_date, None)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.cancel_button.isDefault() and not dialog.ok_button.isDefault()
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert printed_of_case(ctx.db, reference=ref) == {final.id: None}
