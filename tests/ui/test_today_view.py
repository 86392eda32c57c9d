"""The Today page: first at start, grouped tasks, mine/all, and a morning walked by keyboard."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from app.core.enums import RequestType
from app.core.todo import Task
from app.core.validation import CaseInput
from app.services.cases import register_case
from app.ui.case_detail import CaseDetailView
from app.ui.main_window import MainWindow
from app.ui.today_view import TodayView
from tests.ui.helpers import new_case


def _theirs(db) -> str:
    return register_case(
        db,
        actor="officer.test",
        data=CaseInput(
            request_types=(RequestType.ACCESS,),
            received_on=date.today(),
            first_name="Piet",
            last_name="Bakker",
            street="Dorp 1",
            postcode="1234 AB",
            city="Ede",
            assigned_to="a.bakker",
        ),
    )


def _settled(qtbot, view: TodayView) -> TodayView:
    """The list is read off the GUI thread: wait until the latest refresh has been shown."""
    qtbot.waitUntil(lambda: not view.is_loading, timeout=10000)
    return view


def _refs(view: TodayView, task: Task) -> list[str]:
    group = view.groups.get(task)
    return [] if group is None else [group.child(i).text(0) for i in range(group.childCount())]


def test_a_morning(qtbot, ctx) -> None:
    ref = new_case(ctx.db, received=date.today())
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    # Start: the to-do list is the page shown first, beside the deadline overview.
    assert window.tabs.currentWidget() is window.today
    assert window.tabs.indexOf(window.today) == 1
    today = _settled(qtbot, window.today)
    assert _refs(today, Task.IDENTITY_UNCHECKED) == [ref]
    assert today.groups[Task.IDENTITY_UNCHECKED].text(0) == "Identity not checked (1)"
    # Walk to the identity task with the keyboard and open it with Enter.
    today.tree.setFocus()
    group = today.groups[Task.IDENTITY_UNCHECKED]
    today.tree.setCurrentItem(group.child(0))
    qtbot.keyClick(today.tree, Qt.Key.Key_Return)
    detail = window.tabs.currentWidget()
    assert isinstance(detail, CaseDetailView) and detail.reference == ref
    assert detail.tabs.currentWidget() is detail.documents  # where the check is recorded
    # Do the task: record the identity check.
    detail.documents.identity_button.click()
    dialog = detail.active_dialog
    dialog.outcome.setCurrentIndex(dialog.outcome.findData("verified"))  # no default outcome
    dialog.ok_button.click()
    # The item disappears from the to-do list; the other tasks of the case stay.
    _settled(qtbot, today)
    assert Task.IDENTITY_UNCHECKED not in today.groups
    assert _refs(today, Task.ACK_NOT_SENT) == [ref]


def test_mine_and_all(qtbot, ctx) -> None:
    mine = new_case(ctx.db, received=date.today())
    theirs = _theirs(ctx.db)
    view = TodayView(ctx)
    qtbot.addWidget(view)
    assert view.mine_only
    assert _refs(_settled(qtbot, view), Task.ACK_NOT_SENT) == [mine]
    view.all_button.click()
    _settled(qtbot, view)
    assert sorted(_refs(view, Task.ACK_NOT_SENT)) == sorted([mine, theirs])
    assert str(ctx.settings.value("today/mine")) == "false"
    assert "tasks in 2 cases" in view.summary.text()
    view.mine_button.click()  # back to mine: the others' tasks are counted, not listed
    _settled(qtbot, view)
    assert _refs(view, Task.ACK_NOT_SENT) == [mine]
    assert view.others > 0
    assert view.summary.text().endswith("more in other officers' cases)")


def test_mine_never_says_nothing_while_others_have_work(qtbot, ctx_nl) -> None:
    """An officer with no cases of their own (the demo opened as a new login) is not told that
    nothing needs a person while other officers' cases are late."""
    theirs = _theirs(ctx_nl.db)
    view = TodayView(ctx_nl)
    qtbot.addWidget(view)
    _settled(qtbot, view)
    assert view.mine_only and view.tree.topLevelItemCount() == 0
    summary = view.summary.text()
    assert summary.startswith("In uw zaken heeft vandaag niets aandacht nodig;")
    others = view.others
    assert f"staan {others} taken open" in summary and others > 0
    view.all_button.click()
    _settled(qtbot, view)
    assert theirs in _refs(view, Task.ACK_NOT_SENT)
    assert len(view.items) == others  # the count was of these very tasks


def test_nothing_to_do(qtbot, ctx) -> None:
    view = TodayView(ctx)
    qtbot.addWidget(view)
    assert view.summary.text() == "Reading the to-do list..."  # the window is not held up
    _settled(qtbot, view)
    assert view.summary.text() == "Nothing needs a person today."
    assert view.tree.topLevelItemCount() == 0


def test_dutch_group_titles(qtbot, ctx_nl) -> None:
    new_case(ctx_nl.db, received=date.today())
    view = TodayView(ctx_nl)
    qtbot.addWidget(view)
    _settled(qtbot, view)
    assert view.groups[Task.IDENTITY_UNCHECKED].text(0) == "Identiteit niet gecontroleerd (1)"
    assert view.mine_button.text() == "&Mijn zaken"


def test_a_letter_sent_by_post_leaves_the_list(qtbot, ctx) -> None:
    from app.services.letters import draft_letter, finalise_letter
    from app.ui.letter_post_dialog import SentByPostDialog

    ref = new_case(ctx.db, received=date.today())
    info = draft_letter(ctx.db, actor="t", reference=ref, letter_type="acknowledgement")
    finalise_letter(ctx.db, actor="t", letter_id=info.id)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    today = _settled(qtbot, window.today)
    assert _refs(today, Task.LETTER_NOT_PRINTED) == [ref]
    today.tree.setCurrentItem(today.groups[Task.LETTER_NOT_PRINTED].child(0))
    qtbot.keyClick(today.tree, Qt.Key.Key_Enter)
    detail = window.tabs.currentWidget()
    assert detail.tabs.currentWidget() is detail.letters_tab
    tab = detail.letters_tab
    assert tab.tree.topLevelItem(0).text(5) == ""
    tab.tree.setCurrentItem(tab.tree.topLevelItem(0))
    assert tab.posted_button.isEnabled()
    dialog = tab.mark_posted()
    assert isinstance(dialog, SentByPostDialog)
    dialog.ok_button.click()
    _settled(qtbot, today)
    assert Task.LETTER_NOT_PRINTED not in today.groups
    assert tab.tree.topLevelItem(0).text(5) != ""


def test_details_read_as_words(qtbot, ctx_nl) -> None:
    """The detail column says what the bare value means: days late, in the officer's language;
    the JSON of `privacy-desk today` keeps the bare value."""
    from datetime import timedelta

    late = new_case(ctx_nl.db, received=date.today() - timedelta(days=60))
    view = TodayView(ctx_nl)
    qtbot.addWidget(view)
    _settled(qtbot, view)
    group = view.groups[Task.ANSWER_OVERDUE]
    row = next(group.child(i) for i in range(group.childCount()) if group.child(i).text(0) == late)
    item = next(i for i in view.items if i.reference == late and i.task is Task.ANSWER_OVERDUE)
    assert item.due is not None
    assert row.text(2) == f"{(date.today() - item.due).days} dagen te laat"
    assert item.to_json()["detail"] == ""


def test_one_day_is_singular(qtbot, ctx_nl) -> None:
    from datetime import timedelta

    from app.core.todo import TodoItem

    view = TodayView(ctx_nl)
    qtbot.addWidget(view)
    _settled(qtbot, view)
    yesterday = date.today() - timedelta(days=1)
    late = TodoItem("AVG-2026-0001", Task.ANSWER_OVERDUE, yesterday, "", "", "demo")
    assert view.detail_text(late) == "1 dag te laat"
    two = TodoItem("AVG-2026-0001", Task.FINDINGS_TO_REVIEW, yesterday, "2", "", "demo")
    assert view.detail_text(two) == "2 vondsten"
    failed = TodoItem("AVG-2026-0001", Task.SYSTEM_FAILED, yesterday, "CRM, Matomo", "", "demo")
    assert view.detail_text(failed) == "CRM, Matomo"
