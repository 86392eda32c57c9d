"""Systems tab: search all demo systems with live rows, review findings, hand checks, erasure."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from app.demo.fill import demo_systems_folder, fill_demo
from app.services.case_queries import list_cases
from app.services.changes import actions_of
from app.services.connectors import list_connectors
from app.services.searches import findings_of, manual_tasks_of, search_case
from app.services.secrets import SecretStore
from app.ui.changes_dialog import ChangesDialog
from app.ui.findings_tab import FINDING_ROLE, FindingsTab


@pytest.fixture
def demo(ctx) -> str:
    """A demo database with sample systems; returns the reference of an erasure case."""
    fill_demo(ctx.db, cases=20)
    rows = list_cases(ctx.db)
    return next(r.reference for r in rows if "erasure" in r.types)


def _tab(qtbot, ctx, reference: str) -> FindingsTab:
    tab = FindingsTab(ctx, reference, SecretStore(use_keyring=False))
    qtbot.addWidget(tab)
    tab.show()
    return tab


def _search(qtbot, tab: FindingsTab) -> None:
    assert tab.search()
    assert not tab.search_button.isEnabled() and tab.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: not tab.searching, timeout=30000)


def test_search_all_systems_shows_a_row_per_system_and_fills_the_findings(qtbot, ctx, demo) -> None:
    tab = _tab(qtbot, ctx, demo)
    assert "No findings yet" in tab.tree.topLevelItem(0).text(0)
    _search(qtbot, tab)
    systems = {c.name for c in list_connectors(ctx.db) if c.enabled}
    rows = {tab.progress_tree.topLevelItem(i).text(0): tab.progress_tree.topLevelItem(i)
            for i in range(tab.progress_tree.topLevelItemCount())}  # fmt: skip
    assert set(rows) == systems
    assert rows["Papieren archief"].text(2) == "manual check"
    assert rows["Self Service Portal"].text(2) == "ok"
    assert int(rows["Self Service Portal"].text(3)) > 0
    assert all(tab.bars[name].value() == 1000 for name in systems)
    stored = findings_of(ctx.db, reference=demo)
    shown = [
        tab.tree.topLevelItem(i).child(j).data(0, FINDING_ROLE).id
        for i in range(tab.tree.topLevelItemCount())
        for j in range(tab.tree.topLevelItem(i).childCount())
    ]
    assert sorted(shown) == sorted(f.id for f in stored)
    assert tab.search_state.text().startswith(f"{len(systems)} systems searched")
    assert tab.pages.tabText(1) == "Manual checks (1)"
    assert tab.runs.topLevelItemCount() == len(systems)


def test_confirming_a_weak_finding_changes_its_review_in_the_database(qtbot, ctx, demo) -> None:
    tab = _tab(qtbot, ctx, demo)
    _search(qtbot, tab)
    tab.only_pending.setChecked(True)
    weak = next(f for f in findings_of(ctx.db, reference=demo) if f.review == "pending")
    assert weak.strength == "weak"
    target = None
    for i in range(tab.tree.topLevelItemCount()):
        parent = tab.tree.topLevelItem(i)
        for j in range(parent.childCount()):
            child = parent.child(j)
            assert child.data(0, FINDING_ROLE).review == "pending"  # the filter works
            if child.data(0, FINDING_ROLE).id == weak.id:
                target = child
    assert target is not None
    assert target.text(1) == "weak match – review" and target.text(2) == "to review"
    tab.tree.setCurrentItem(target)
    assert tab.fields.topLevelItemCount() == len(weak.fields)
    qtbot.mouseClick(tab.confirm_button, Qt.MouseButton.LeftButton)
    after = {f.id: f for f in findings_of(ctx.db, reference=demo)}
    assert after[weak.id].review == "confirmed"
    assert after[weak.id].reviewed_by == ctx.actor
    shown_ids = {
        tab.tree.topLevelItem(i).child(j).data(0, FINDING_ROLE).id
        for i in range(tab.tree.topLevelItemCount())
        for j in range(tab.tree.topLevelItem(i).childCount())
    }
    assert weak.id not in shown_ids  # no longer "to review"


def test_manual_check_needs_a_note_when_found(qtbot, ctx, demo) -> None:
    tab = _tab(qtbot, ctx, demo)
    _search(qtbot, tab)
    tab.pages.setCurrentIndex(1)
    assert tab.task_button.isEnabled()
    tab.task_result.setCurrentIndex(tab.task_result.findData("found"))
    assert not tab.complete_task()
    assert "Describe what was found" in tab.task_errors.message("note")
    qtbot.keyClicks(tab.task_note, "Ordner 2019, klantdossier")
    assert tab.complete_task()
    task = manual_tasks_of(ctx.db, reference=demo)[0]
    assert task.result == "found" and task.done_by == ctx.actor
    assert any(f.record_id == f"manual:{task.id}" for f in findings_of(ctx.db, reference=demo))
    assert not tab.task_button.isEnabled()


def test_erasure_plan_approve_execute_removes_the_portal_rows(qtbot, ctx, demo) -> None:
    search_case(ctx.db, actor="t", reference=demo)
    dialog = ChangesDialog(ctx, demo, "erasure", SecretStore(use_keyring=False))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.summary.text() == "No plan yet."
    assert not dialog.approve_button.isEnabled() and not dialog.execute_button.isEnabled()
    assert dialog.make_plan()
    planned = actions_of(ctx.db, reference=demo, operation="erasure")
    deletes = [a for a in planned if a.system == "Self Service Portal" and a.action == "delete_row"]
    assert deletes, "the demo case has portal rows to delete"
    assert "not approved yet" in dialog.summary.text()
    qtbot.mouseClick(dialog.approve_button, Qt.MouseButton.LeftButton)
    assert dialog.execute_button.isEnabled()
    box = dialog.ask_execute()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.task is None, timeout=30000)
    outcomes = {a.id: a.outcome for a in actions_of(ctx.db, reference=demo, operation="erasure")}
    assert all(outcomes[a.id] == "removed" for a in deletes)
    shown = {}
    for i in range(dialog.tree.topLevelItemCount()):
        parent = dialog.tree.topLevelItem(i)
        for j in range(parent.childCount()):
            child = parent.child(j)
            shown[child.data(0, Qt.ItemDataRole.UserRole).id] = child.text(4)
    assert all(shown[a.id] == "removed" for a in deletes)
    assert any(text == "kept" for text in shown.values())  # e.g. logs, with their reason
    portal = demo_systems_folder(ctx.db) / "self_service_portal.sqlite"
    with sqlite3.connect(Path(portal)) as conn:
        for action in deletes:
            table, key = action.record_id.split(":")
            count = conn.execute(f"SELECT COUNT(*) FROM {table} WHERE id = ?", (int(key),))
            assert count.fetchone()[0] == 0, action.record_id
    assert not dialog.execute_button.isEnabled()  # nothing left to do


def test_rectification_plans_the_typed_correction(qtbot, ctx, demo) -> None:
    search_case(ctx.db, actor="t", reference=demo)
    dialog = ChangesDialog(ctx, demo, "rectification", SecretStore(use_keyring=False))
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.make_plan()  # no value typed yet
    assert dialog.error.isVisible()
    assert "city" in dialog.field_names
    dialog.corrections.cellWidget(0, 0).setCurrentText("city")
    qtbot.keyClicks(dialog.corrections.cellWidget(0, 1), "Utrecht")
    assert dialog.make_plan()
    updates = [a for a in dialog.plan_actions if a.action == "update"]
    assert updates and all(a.new_values.get("city") == "Utrecht" for a in updates)


def test_a_missing_token_is_asked_for_once_and_kept_in_memory(qtbot, ctx, demo) -> None:
    from app.services.connectors import save_connector
    from tests.fakes.matomo_server import FakeMatomo

    fake = FakeMatomo(token="t0ken", sites={1: "www.example.nl"}).start()
    try:
        save_connector(ctx.db, actor="o", name="Statistieken", kind="matomo",
                       settings={"base_url": fake.base_url, "site_ids": "1"})  # fmt: skip
        tab = _tab(qtbot, ctx, demo)
        asked: list[tuple[str, str]] = []
        tab.ask_secret = lambda system, field: asked.append((system, field)) or "t0ken"
        _search(qtbot, tab)
        assert len(asked) == 1 and asked[0][0] == "Statistieken" and "token" in asked[0][1].lower()
        rows = {tab.progress_tree.topLevelItem(i).text(0): tab.progress_tree.topLevelItem(i)
                for i in range(tab.progress_tree.topLevelItemCount())}  # fmt: skip
        assert rows["Statistieken"].text(2) == "ok"
        assert tab.secrets.get("Statistieken", "token_auth") == "t0ken"
        _search(qtbot, tab)  # known now: not asked again
        assert len(asked) == 1
    finally:
        fake.stop()


def test_a_planned_change_is_recorded_as_removed_by_hand_with_a_note(qtbot, ctx, demo) -> None:
    search_case(ctx.db, actor="t", reference=demo)
    dialog = ChangesDialog(ctx, demo, "erasure", SecretStore(use_keyring=False))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.make_plan()
    assert not dialog.by_hand_button.isEnabled()  # nothing selected
    child = dialog.tree.topLevelItem(0).child(0)
    action = child.data(0, Qt.ItemDataRole.UserRole)
    dialog.tree.setCurrentItem(child)
    assert dialog.by_hand_button.isEnabled()
    qtbot.mouseClick(dialog.by_hand_button, Qt.MouseButton.LeftButton)  # no note: refused
    assert dialog.error.isVisibleTo(dialog) and "note is required" in dialog.error.text()
    qtbot.keyClicks(dialog.by_hand_note, "Deleted the mailbox folder by hand")
    qtbot.mouseClick(dialog.by_hand_button, Qt.MouseButton.LeftButton)
    stored = {a.id: a for a in actions_of(ctx.db, reference=demo, operation="erasure")}
    assert stored[action.id].outcome == "removed_by_hand"
    assert stored[action.id].done_by == ctx.actor
    assert stored[action.id].detail == "Deleted the mailbox folder by hand"
    shown = dialog.tree.topLevelItem(0).child(0)
    assert shown.text(4) == "removed by hand"


def test_a_rejection_can_be_undone(qtbot, ctx, demo) -> None:
    tab = _tab(qtbot, ctx, demo)
    _search(qtbot, tab)
    weak = next(f for f in findings_of(ctx.db, reference=demo) if f.review == "pending")
    target = next(
        tab.tree.topLevelItem(i).child(j)
        for i in range(tab.tree.topLevelItemCount())
        for j in range(tab.tree.topLevelItem(i).childCount())
        if tab.tree.topLevelItem(i).child(j).data(0, FINDING_ROLE).id == weak.id
    )
    tab.tree.setCurrentItem(target)
    assert not tab.undo_button.isVisible()
    qtbot.mouseClick(tab.reject_button, Qt.MouseButton.LeftButton)
    assert {f.id: f.review for f in findings_of(ctx.db, reference=demo)}[weak.id] == "rejected"
    assert tab.undo_button.isVisible()
    assert tab.undo_rejection() == 1
    assert {f.id: f.review for f in findings_of(ctx.db, reference=demo)}[weak.id] == "pending"
    assert not tab.undo_button.isVisible()


def test_why_kept_records_an_art_17_3_ground_or_the_expiry(qtbot, ctx, demo) -> None:
    """Issue 12 §3: a kept item gets its ground, statute, event and end date in the window."""
    from datetime import date

    from PySide6.QtCore import QDate

    from app.services.changes import approve_plan, execute_plan, plan_changes

    search_case(ctx.db, actor="t", reference=demo)
    plan_changes(ctx.db, actor="t", reference=demo, operation="erasure")
    approve_plan(ctx.db, actor="t", reference=demo, operation="erasure")
    execute_plan(ctx.db, actor="t", reference=demo, operation="erasure")
    dialog = ChangesDialog(ctx, demo, "erasure", SecretStore(use_keyring=False))
    qtbot.addWidget(dialog)
    dialog.show()
    items = [
        dialog.tree.topLevelItem(i).child(j)
        for i in range(dialog.tree.topLevelItemCount())
        for j in range(dialog.tree.topLevelItem(i).childCount())
    ]
    kept = next(
        i
        for i in items
        if i.data(0, Qt.ItemDataRole.UserRole).outcome == "kept"
        and not i.data(0, Qt.ItemDataRole.UserRole).keep_ground
    )
    action = kept.data(0, Qt.ItemDataRole.UserRole)
    dialog.tree.setCurrentItem(kept)
    assert dialog.keep_button.isEnabled()
    keep = dialog.ask_keep_reason()
    assert keep is not None
    keep.ground.setCurrentIndex(keep.ground.findData("b"))
    assert not keep.save()  # statute, event and period are missing: nothing stored
    assert keep.error.isVisibleTo(keep)
    assert {a.id: a.keep_ground for a in actions_of(ctx.db, reference=demo)}[action.id] == ""
    keep.statute.setText("art. 52 Algemene wet inzake rijksbelastingen")
    keep.event_box.setCurrentIndex(keep.event_box.findData("end_of_financial_year"))
    keep.event_on.setDate(QDate(2026, 12, 31))
    keep.period.setText("7 jaar")
    assert keep.save()
    stored = {a.id: a for a in actions_of(ctx.db, reference=demo, operation="erasure")}[action.id]
    assert (stored.keep_ground, stored.keep_event, stored.keep_until) == (
        "b",
        "end_of_financial_year",
        date(2033, 12, 31),
    )
    shown = next(
        dialog.tree.topLevelItem(i).child(j)
        for i in range(dialog.tree.topLevelItemCount())
        for j in range(dialog.tree.topLevelItem(i).childCount())
        if dialog.tree.topLevelItem(i).child(j).data(0, Qt.ItemDataRole.UserRole).id == action.id
    )
    assert "17(3)(b)" in shown.text(3) and "2033" in shown.text(3)


def test_scans_being_read_are_shown_until_read_then_found(qtbot, ctx, tmp_path: Path) -> None:
    """A document folder with a scan: the row says "scans being read", the reading's progress
    shows above it, and the search after the reading finds the person in the scan."""
    from datetime import date

    from app.reading import ocr
    from app.reading import tesseract as tess
    from app.services.cases import register_case
    from app.services.connectors import save_connector
    from app.services.document_texts import BackgroundReader
    from tests.integration.connectors.test_document_scans import EMAIL, complaint
    from tests.integration.test_cases import person

    if tess.find_tesseract() is None or ocr.find_pdftoppm() is None:
        pytest.skip("Tesseract or pdftoppm is not installed")
    folder = tmp_path / "share"
    folder.mkdir()
    complaint(folder / "klacht.pdf")
    save_connector(
        ctx.db, actor="t", name="Share", kind="document_folder", settings={"path": str(folder)}
    )
    ref = register_case(
        ctx.db,
        actor="t",
        data=person(first_name="Annelies", name_prefix="", last_name="Verbrugge", email=EMAIL),
        today=date(2026, 11, 24),
    )
    ctx.scan_reader = BackgroundReader(ctx.db)
    try:
        tab = _tab(qtbot, ctx, ref)
        _search(qtbot, tab)
        row = tab.progress_tree.topLevelItem(0)
        assert row.text(2) == "scans being read" and "being read" in row.text(4)
        assert tab.reading_state.isVisible() and tab.stop_reading_button.isVisible()
        assert (
            "1 scan(s) being read" in tab.reading_state.text() or "scan" in tab.reading_state.text()
        )
        qtbot.waitUntil(lambda: not tab.stop_reading_button.isVisible(), timeout=180000)
        assert "search again" in tab.reading_state.text()
        _search(qtbot, tab)
        assert tab.progress_tree.topLevelItem(0).text(2) == "ok"
        assert [f.record_id for f in findings_of(ctx.db, reference=ref)] == ["klacht.pdf"]
    finally:
        ctx.scan_reader.close()
