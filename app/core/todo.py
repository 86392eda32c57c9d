"""The officer's to-do rules: from a snapshot of one case, the tasks that need a person today."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Final

from app.core.i18n import N_


class Task(StrEnum):
    """The fixed list of task codes (README, CLI section). Order = the order of the groups."""

    ANSWER_OVERDUE = "answer_overdue"
    PROMISE_PASSED = "promise_passed"
    ULTIMATUM_DUE = "ultimatum_due"
    REMINDER_RECEIVED = "reminder_received"
    ACK_NOT_SENT = "ack_not_sent"
    IDENTITY_UNCHECKED = "identity_unchecked"
    AUTHORISATION_MISSING = "authorisation_missing"
    SEARCH_NOT_RUN = "search_not_run"
    SYSTEM_FAILED = "system_failed"
    MANUAL_CHECK_OPEN = "manual_check_open"
    FINDINGS_TO_REVIEW = "findings_to_review"
    CHANGES_NOT_APPROVED = "changes_not_approved"
    CHANGES_NOT_EXECUTED = "changes_not_executed"
    CHANGES_BY_HAND = "changes_by_hand"
    RECIPIENT_NOTICE_DUE = "recipient_notice_due"
    LETTER_NOT_PRINTED = "letter_not_printed"
    PAUSE_NO_ANSWER = "pause_no_answer"


class Place(StrEnum):
    """Where in the case detail a task is done (the tab the to-do view opens)."""

    OVERVIEW = "overview"
    DOCUMENTS = "documents"
    LETTERS = "letters"
    SYSTEMS = "systems"


TASK_LABEL: Final[dict[Task, str]] = {
    Task.ANSWER_OVERDUE: N_("Answer overdue"),
    Task.PROMISE_PASSED: N_("Promise date passed"),
    Task.ULTIMATUM_DUE: N_("Ultimatum of a reminder"),
    Task.REMINDER_RECEIVED: N_("Reminder received"),
    Task.ACK_NOT_SENT: N_("Acknowledgement not sent"),
    Task.IDENTITY_UNCHECKED: N_("Identity not checked"),
    Task.AUTHORISATION_MISSING: N_("Authorisation missing"),
    Task.SEARCH_NOT_RUN: N_("Systems not searched"),
    Task.SYSTEM_FAILED: N_("A system failed"),
    Task.MANUAL_CHECK_OPEN: N_("Manual checks open"),
    Task.FINDINGS_TO_REVIEW: N_("Findings to review"),
    Task.CHANGES_NOT_APPROVED: N_("Changes not approved"),
    Task.CHANGES_NOT_EXECUTED: N_("Changes not executed"),
    Task.CHANGES_BY_HAND: N_("Changes to do by hand"),
    Task.RECIPIENT_NOTICE_DUE: N_("Art. 19 notices due"),
    Task.LETTER_NOT_PRINTED: N_("Letters not printed"),
    Task.PAUSE_NO_ANSWER: N_("No answer to our question"),
}

TASK_PLACE: Final[dict[Task, Place]] = {
    Task.ANSWER_OVERDUE: Place.LETTERS,
    Task.PROMISE_PASSED: Place.LETTERS,
    Task.ULTIMATUM_DUE: Place.LETTERS,
    Task.REMINDER_RECEIVED: Place.OVERVIEW,
    Task.ACK_NOT_SENT: Place.LETTERS,
    Task.IDENTITY_UNCHECKED: Place.DOCUMENTS,
    Task.AUTHORISATION_MISSING: Place.DOCUMENTS,
    Task.SEARCH_NOT_RUN: Place.SYSTEMS,
    Task.SYSTEM_FAILED: Place.SYSTEMS,
    Task.MANUAL_CHECK_OPEN: Place.SYSTEMS,
    Task.FINDINGS_TO_REVIEW: Place.SYSTEMS,
    Task.CHANGES_NOT_APPROVED: Place.SYSTEMS,
    Task.CHANGES_NOT_EXECUTED: Place.SYSTEMS,
    Task.CHANGES_BY_HAND: Place.SYSTEMS,
    Task.RECIPIENT_NOTICE_DUE: Place.LETTERS,
    Task.LETTER_NOT_PRINTED: Place.LETTERS,
    Task.PAUSE_NO_ANSWER: Place.OVERVIEW,
}

# The CLI command that does the task; "" where it is done in the desktop application only.
TASK_COMMAND: Final[dict[Task, str]] = {
    Task.ANSWER_OVERDUE: "privacy-desk case show {ref}",
    Task.PROMISE_PASSED: "privacy-desk case show {ref}",
    Task.ULTIMATUM_DUE: "privacy-desk case show {ref}",
    Task.REMINDER_RECEIVED: "privacy-desk case show {ref}",
    Task.ACK_NOT_SENT: (
        "privacy-desk letter {ref} --type acknowledgement --final --out {ref}-acknowledgement.pdf"
    ),
    Task.IDENTITY_UNCHECKED: "",
    Task.AUTHORISATION_MISSING: "privacy-desk case attach {ref} FILE --kind authorisation",
    Task.SEARCH_NOT_RUN: "privacy-desk case search {ref}",
    Task.SYSTEM_FAILED: "privacy-desk case search {ref}",
    Task.MANUAL_CHECK_OPEN: "",
    Task.FINDINGS_TO_REVIEW: "privacy-desk case findings {ref}",
    Task.CHANGES_NOT_APPROVED: "privacy-desk case {operation} {ref} approve",
    Task.CHANGES_NOT_EXECUTED: "privacy-desk case {operation} {ref} execute",
    Task.CHANGES_BY_HAND: "",
    Task.RECIPIENT_NOTICE_DUE: (
        "privacy-desk letter {ref} --type recipient_notice --final --out {ref}-notice.pdf"
    ),
    Task.LETTER_NOT_PRINTED: "privacy-desk letters-today --out letters.pdf",
    Task.PAUSE_NO_ANSWER: "privacy-desk case show {ref}",
}

PAUSE_NO_ANSWER_DAYS: Final = 14
"""Default of the setting ``today`` -> ``pause_no_answer_days``."""

OPERATION_COMMAND: Final = {"erasure": "erase", "rectification": "rectify"}


@dataclass(frozen=True, slots=True)
class CaseSnapshot:
    """What the rules need to know of one case; counts are of the rows still needing work.

    ``is_open``: the case is in an open status (registered, identity check, in progress, on
    hold). ``searches_run`` counts search runs of any outcome; ``failed_systems`` names the
    systems whose latest search failed. ``unapproved_operations`` and ``unexecuted_operations``
    name the operations (erasure, rectification) with planned changes not approved, or approved
    but not (successfully) executed. ``changes_by_hand`` counts planned changes in systems
    without automation that are not yet done. ``recipient_notice_due`` is True when data were
    erased or changed and no recipient has been told yet (Art. 19).
    """

    reference: str
    is_open: bool
    received_on: date
    assigned_to: str = ""
    acknowledged_on: date | None = None
    answered_on: date | None = None
    promise_on: date | None = None
    effective_due_on: date | None = None
    paused_since: date | None = None
    has_representative: bool = False
    authorisation_on_file: bool = False
    identity_checked: bool = False
    searches_run: int = 0
    failed_systems: tuple[str, ...] = ()
    manual_checks_open: int = 0
    findings_pending: int = 0
    unapproved_operations: tuple[str, ...] = ()
    unexecuted_operations: tuple[str, ...] = ()
    changes_by_hand: int = 0
    recipient_notice_due: bool = False
    letters_unprinted: int = 0
    reminder_on: date | None = None
    ultimatum_on: date | None = None


@dataclass(frozen=True, slots=True)
class TodoItem:
    """One task for one case: the code, the due date where there is one, and how to do it."""

    reference: str
    task: Task
    due: date | None
    detail: str
    command: str
    assigned_to: str

    @property
    def place(self) -> Place:
        return TASK_PLACE[self.task]

    def to_json(self) -> dict[str, str | None]:
        return {
            "reference": self.reference,
            "task": self.task.value,
            "due": self.due.isoformat() if self.due is not None else None,
            "action": self.command or None,
            "place": self.place.value,
            "detail": self.detail,
            "assigned_to": self.assigned_to,
        }


def _command(task: Task, reference: str, operation: str = "") -> str:
    return TASK_COMMAND[task].format(ref=reference, operation=OPERATION_COMMAND.get(operation, ""))


def tasks_for(
    case: CaseSnapshot, today: date, *, pause_no_answer_days: int = PAUSE_NO_ANSWER_DAYS
) -> list[TodoItem]:
    """The tasks of one case, in the order of ``Task``.

    Rules (each task needs a person; a closed case only still has letters to print and Art. 19
    notices to send):
    - the answer is overdue when the effective deadline has passed and no answer was sent;
    - the promise has passed when the organisation's own date is before today and no answer was
      sent, even while the legal deadline is still ahead (it is the earlier warning);
    - a reminder's ultimatum (the answer date it demands) on an unanswered case is a task due
      on that date, shown from the day the reminder is registered;
    - a reminder linked to an unanswered case asks for attention;
    - work steps (acknowledgement, identity, authorisation, searches, reviews, changes) count
      only while the case is open and not yet answered; their due date is the case's deadline;
    - an open pause whose question has had no answer for ``pause_no_answer_days`` days or more.
    """
    items: list[TodoItem] = []
    ref = case.reference
    due = case.effective_due_on

    def add(task: Task, when: date | None, detail: str = "", operation: str = "") -> None:
        items.append(
            TodoItem(ref, task, when, detail, _command(task, ref, operation), case.assigned_to)
        )

    working = case.is_open and case.answered_on is None
    if working and due is not None and due < today:
        add(Task.ANSWER_OVERDUE, due)
    if working and case.promise_on is not None and case.promise_on < today:
        if due is None or due >= today:
            add(Task.PROMISE_PASSED, case.promise_on)
    if working and case.ultimatum_on is not None:
        add(Task.ULTIMATUM_DUE, case.ultimatum_on, case.ultimatum_on.isoformat())
    if working and case.reminder_on is not None:
        add(Task.REMINDER_RECEIVED, due, case.reminder_on.isoformat())
    if working:
        if case.acknowledged_on is None:
            add(Task.ACK_NOT_SENT, None)
        if not case.identity_checked:
            add(Task.IDENTITY_UNCHECKED, due)
        if case.has_representative and not case.authorisation_on_file:
            add(Task.AUTHORISATION_MISSING, due)
        if case.searches_run == 0:
            add(Task.SEARCH_NOT_RUN, due)
        if case.failed_systems:
            add(Task.SYSTEM_FAILED, due, ", ".join(case.failed_systems))
        if case.manual_checks_open:
            add(Task.MANUAL_CHECK_OPEN, due, str(case.manual_checks_open))
        if case.findings_pending:
            add(Task.FINDINGS_TO_REVIEW, due, str(case.findings_pending))
        for operation in case.unapproved_operations:
            add(Task.CHANGES_NOT_APPROVED, due, operation, operation)
        for operation in case.unexecuted_operations:
            add(Task.CHANGES_NOT_EXECUTED, due, operation, operation)
        if case.changes_by_hand:
            add(Task.CHANGES_BY_HAND, due, str(case.changes_by_hand))
    if case.recipient_notice_due:
        add(Task.RECIPIENT_NOTICE_DUE, due if working else None)
    if case.letters_unprinted:
        add(Task.LETTER_NOT_PRINTED, None, str(case.letters_unprinted))
    if case.is_open and case.paused_since is not None:
        waited = (today - case.paused_since).days
        if waited >= pause_no_answer_days:
            add(Task.PAUSE_NO_ANSWER, None, str(waited))
    return items


def is_mine(assigned_to: str | None, officer: str) -> bool:
    """Is a case in ``officer``'s part of the list ("mine")? Theirs, and the cases assigned to no
    one: a case nobody has taken is everyone's until someone does, so that it never drops out
    of every officer's list at once."""
    return not assigned_to or assigned_to == officer


def todo_list(
    cases: list[CaseSnapshot],
    today: date,
    *,
    officer: str | None = None,
    pause_no_answer_days: int = PAUSE_NO_ANSWER_DAYS,
) -> list[TodoItem]:
    """Every task of ``cases``, grouped by task (order of ``Task``), earliest due date first.

    ``officer``: only that officer's part ("mine": theirs and the unassigned cases, see
    ``is_mine``); None for everyone's.
    """
    items = [
        item
        for case in cases
        if officer is None or is_mine(case.assigned_to, officer)
        for item in tasks_for(case, today, pause_no_answer_days=pause_no_answer_days)
    ]
    order = {task: index for index, task in enumerate(Task)}
    items.sort(key=lambda i: (order[i.task], i.due is None, i.due or today, i.reference))
    return items
