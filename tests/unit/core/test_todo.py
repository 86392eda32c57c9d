"""The to-do rules: which tasks a case snapshot needs, their due dates and actions (no database)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from app.core.todo import CaseSnapshot, Place, Task, tasks_for, todo_list

TODAY = date(2026, 11, 30)
DONE = CaseSnapshot(
    reference="AVG-2026-0001",
    is_open=True,
    received_on=date(2026, 11, 20),
    assigned_to="m.devries",
    acknowledged_on=date(2026, 11, 21),
    promise_on=date(2026, 12, 18),
    effective_due_on=date(2026, 12, 21),
    identity_checked=True,
    searches_run=3,
)


def codes(case: CaseSnapshot, today: date = TODAY) -> list[str]:
    return [item.task.value for item in tasks_for(case, today)]


def test_a_case_with_every_step_done_needs_nobody() -> None:
    assert codes(DONE) == []


def test_each_open_step_is_a_task_with_the_case_deadline() -> None:
    case = replace(
        DONE,
        acknowledged_on=None,
        identity_checked=False,
        has_representative=True,
        searches_run=0,
        manual_checks_open=1,
        findings_pending=4,
        unapproved_operations=("erasure",),
        unexecuted_operations=("rectification",),
        changes_by_hand=2,
    )
    items = tasks_for(case, TODAY)
    assert [i.task for i in items] == [
        Task.ACK_NOT_SENT,
        Task.IDENTITY_UNCHECKED,
        Task.AUTHORISATION_MISSING,
        Task.SEARCH_NOT_RUN,
        Task.MANUAL_CHECK_OPEN,
        Task.FINDINGS_TO_REVIEW,
        Task.CHANGES_NOT_APPROVED,
        Task.CHANGES_NOT_EXECUTED,
        Task.CHANGES_BY_HAND,
    ]
    by_task = {i.task: i for i in items}
    assert by_task[Task.ACK_NOT_SENT].due is None
    assert by_task[Task.IDENTITY_UNCHECKED].due == date(2026, 12, 21)
    assert by_task[Task.IDENTITY_UNCHECKED].place is Place.DOCUMENTS
    assert by_task[Task.FINDINGS_TO_REVIEW].place is Place.SYSTEMS
    assert by_task[Task.ACK_NOT_SENT].command == (
        "privacy-desk letter AVG-2026-0001 --type acknowledgement --final "
        "--out AVG-2026-0001-acknowledgement.pdf"
    )
    assert (
        by_task[Task.CHANGES_NOT_APPROVED].command
        == "privacy-desk case erase AVG-2026-0001 approve"
    )
    assert by_task[Task.CHANGES_NOT_EXECUTED].command == (
        "privacy-desk case rectify AVG-2026-0001 execute"
    )
    assert codes(replace(case, authorisation_on_file=True)).count("authorisation_missing") == 0


def test_a_failed_system_names_the_systems() -> None:
    items = tasks_for(replace(DONE, failed_systems=("Portal", "CRM")), TODAY)
    assert [(i.task, i.detail) for i in items] == [(Task.SYSTEM_FAILED, "Portal, CRM")]


def test_a_broken_promise_is_flagged_while_the_legal_deadline_is_ahead() -> None:
    # AVG-2026-0088: under "within 7 days" while its promise had already passed.
    case = replace(DONE, promise_on=date(2026, 11, 27), effective_due_on=date(2026, 12, 3))
    items = tasks_for(case, TODAY)
    assert [(i.task, i.due) for i in items] == [(Task.PROMISE_PASSED, date(2026, 11, 27))]
    assert codes(replace(case, promise_on=TODAY)) == []  # the promise day itself is not passed


def test_an_overdue_answer_replaces_the_promise_warning() -> None:
    case = replace(DONE, promise_on=date(2026, 11, 20), effective_due_on=date(2026, 11, 27))
    assert codes(case) == ["answer_overdue"]
    assert codes(replace(case, answered_on=date(2026, 11, 26))) == []


def test_an_answered_or_closed_case_only_keeps_printing_and_art_19() -> None:
    case = replace(
        DONE,
        is_open=False,
        answered_on=date(2026, 11, 25),
        acknowledged_on=None,
        identity_checked=False,
        searches_run=0,
        findings_pending=2,
        effective_due_on=date(2026, 11, 1),
        recipient_notice_due=True,
        letters_unprinted=2,
    )
    items = tasks_for(case, TODAY)
    assert [(i.task, i.due, i.detail) for i in items] == [
        (Task.RECIPIENT_NOTICE_DUE, None, ""),
        (Task.LETTER_NOT_PRINTED, None, "2"),
    ]


def test_a_reminder_on_an_unanswered_case() -> None:
    items = tasks_for(replace(DONE, reminder_on=date(2026, 11, 29)), TODAY)
    assert [(i.task, i.detail) for i in items] == [(Task.REMINDER_RECEIVED, "2026-11-29")]


def test_a_pause_without_answer_for_n_days() -> None:
    case = replace(DONE, paused_since=date(2026, 11, 16), effective_due_on=None, promise_on=None)
    assert codes(case) == ["pause_no_answer"]  # 14 days: the default
    assert tasks_for(case, TODAY)[0].detail == "14"
    assert codes(case, date(2026, 11, 29)) == []
    assert [i.task for i in tasks_for(case, TODAY, pause_no_answer_days=30)] == []


def test_todo_list_groups_by_task_then_due_date_and_filters_mine() -> None:
    a = replace(DONE, reference="AVG-2026-0002", identity_checked=False)
    b = replace(
        DONE,
        reference="AVG-2026-0003",
        identity_checked=False,
        assigned_to="a.bakker",
        effective_due_on=date(2026, 12, 5),
        acknowledged_on=None,
    )
    items = todo_list([a, b], TODAY)
    assert [(i.task.value, i.reference) for i in items] == [
        ("ack_not_sent", "AVG-2026-0003"),
        ("identity_unchecked", "AVG-2026-0003"),  # due 5 Dec, before 21 Dec
        ("identity_unchecked", "AVG-2026-0002"),
    ]
    mine = todo_list([a, b], TODAY, officer="m.devries")
    assert [i.reference for i in mine] == ["AVG-2026-0002"]


def test_json_of_an_item() -> None:
    item = tasks_for(replace(DONE, identity_checked=False), TODAY)[0]
    assert item.to_json() == {
        "reference": "AVG-2026-0001",
        "task": "identity_unchecked",
        "due": "2026-12-21",
        "action": None,
        "place": "documents",
        "detail": "",
        "assigned_to": "m.devries",
    }


def test_every_task_has_a_label_place_and_command_entry() -> None:
    from app.core.todo import TASK_COMMAND, TASK_LABEL, TASK_PLACE

    assert set(TASK_LABEL) == set(TASK_PLACE) == set(TASK_COMMAND) == set(Task)
