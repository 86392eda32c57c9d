"""Today (Vandaag): per case what needs a person, grouped by task, one click to where it is done."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.todo import Task, TodoItem
from app.services.today import TodoPart, todo_part
from app.ui import labels
from app.ui.context import UiContext

REFERENCE_ROLE = Qt.ItemDataRole.UserRole
PLACE_ROLE = Qt.ItemDataRole.UserRole + 1
MINE_KEY = "today/mine"


def task_labels() -> dict[Task, str]:
    """The group titles (context "TodayView", Dutch in privacy_desk_nl.ts)."""

    return {
        Task.ANSWER_OVERDUE: QCoreApplication.translate("TodayView", "Answer overdue"),
        Task.PROMISE_PASSED: QCoreApplication.translate("TodayView", "Promise date passed"),
        Task.ULTIMATUM_DUE: QCoreApplication.translate("TodayView", "Ultimatum of a reminder"),
        Task.REMINDER_RECEIVED: QCoreApplication.translate("TodayView", "Reminder received"),
        Task.ACK_NOT_SENT: QCoreApplication.translate("TodayView", "Acknowledgement not sent"),
        Task.IDENTITY_UNCHECKED: QCoreApplication.translate("TodayView", "Identity not checked"),
        Task.AUTHORISATION_MISSING: QCoreApplication.translate(
            "TodayView", "Authorisation missing"
        ),
        Task.SEARCH_NOT_RUN: QCoreApplication.translate("TodayView", "Systems not searched"),
        Task.SYSTEM_FAILED: QCoreApplication.translate("TodayView", "A system failed"),
        Task.MANUAL_CHECK_OPEN: QCoreApplication.translate("TodayView", "Manual checks open"),
        Task.FINDINGS_TO_REVIEW: QCoreApplication.translate("TodayView", "Findings to review"),
        Task.CHANGES_NOT_APPROVED: QCoreApplication.translate("TodayView", "Changes not approved"),
        Task.CHANGES_NOT_EXECUTED: QCoreApplication.translate("TodayView", "Changes not executed"),
        Task.CHANGES_BY_HAND: QCoreApplication.translate("TodayView", "Changes to do by hand"),
        Task.RECIPIENT_NOTICE_DUE: QCoreApplication.translate("TodayView", "Art. 19 notices due"),
        Task.LETTER_NOT_PRINTED: QCoreApplication.translate("TodayView", "Letters not printed"),
        Task.PAUSE_NO_ANSWER: QCoreApplication.translate("TodayView", "No answer to our question"),
    }


class _TodoTree(QTreeWidget):
    """Enter on a task opens it, like a double click (itemActivated is platform-dependent)."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        item = self.currentItem()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and item is not None:
            self.itemActivated.emit(item, 0)
            return
        super().keyPressEvent(event)


class TodayView(QWidget):
    """The to-do list; ``task_opened(reference, place)`` asks the window to open the case."""

    task_opened = Signal(str, str)
    loaded = Signal()  # the list shows the latest state (after each refresh that was asked)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.items: list[TodoItem] = []  # what the list shows ("mine" or all)
        self.others = 0  # with "mine": the tasks in other officers' cases (counted, not kept)
        self.groups: dict[Task, QTreeWidgetItem] = {}
        # The list is read off the GUI thread; a refresh asked while one runs is done after it.
        self._loading = False
        self._again = False

        title = QLabel(self.tr("Today"))
        title.setProperty("role", "heading")
        self.summary = QLabel()
        self.summary.setProperty("role", "subtle")
        self.mine_button = QRadioButton(self.tr("&Mine"))
        self.mine_button.setToolTip(
            self.tr("The cases assigned to you and the ones assigned to no one yet")
        )
        self.all_button = QRadioButton(self.tr("A&ll"))
        self.scope = QButtonGroup(self)
        self.scope.addButton(self.mine_button)
        self.scope.addButton(self.all_button)
        mine = str(ctx.settings.value(MINE_KEY, "true")).lower() == "true"
        (self.mine_button if mine else self.all_button).setChecked(True)
        self.mine_button.toggled.connect(self._scope_changed)
        self.refresh_button = QPushButton(self.tr("Re&fresh"))
        self.refresh_button.clicked.connect(self.refresh)
        top = QHBoxLayout()
        heading = QVBoxLayout()
        heading.addWidget(title)
        heading.addWidget(self.summary)
        top.addLayout(heading, 1)
        for widget in (self.mine_button, self.all_button, self.refresh_button):
            top.addWidget(widget, 0, Qt.AlignmentFlag.AlignBottom)

        self.tree = _TodoTree()
        self.tree.setAccessibleName(self.tr("What needs a person today"))
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels(
            [self.tr("Reference"), self.tr("Due"), self.tr("Detail"), self.tr("Assigned to")]
        )
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setUniformRowHeights(True)
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.tree.itemActivated.connect(self._activated)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)
        ctx.events.cases_changed.connect(lambda _ref: self.refresh())
        self.refresh()

    @property
    def mine_only(self) -> bool:
        return self.mine_button.isChecked()

    def _scope_changed(self) -> None:
        self.ctx.settings.setValue(MINE_KEY, "true" if self.mine_only else "false")
        self.refresh()

    @property
    def is_loading(self) -> bool:
        return self._loading

    def refresh(self) -> None:
        """Read the to-do list again in the background; the old list stays until it is read."""
        if self._loading:
            self._again = True
            return
        self._loading = True
        self._again = False
        if not self.items:
            self.summary.setText(self.tr("Reading the to-do list..."))
        db, today = self.ctx.db, self.ctx.today()
        officer = self.ctx.actor if self.mine_only else None
        self.ctx.tasks.run(
            lambda _progress: todo_part(db, today=today, officer=officer),
            title=self.tr("Reading the to-do list"),
            parent=self,
            on_done=self._read,
            on_error=self._failed,
            quiet=True,
        )

    def _read(self, part: TodoPart) -> None:
        self._loading = False
        if self._again:  # something changed while reading: this list may be stale
            self.refresh()
            return
        self.items, self.others = part.items, part.others
        self._fill()
        self.loaded.emit()

    def _failed(self, _error: BaseException) -> bool:
        self._loading = False
        if self._again:
            self.refresh()
            return True
        return False  # reported by the task runner (a clear message, never a silent empty list)

    def _fill(self) -> None:
        current = self.tree.currentItem()
        keep = None if current is None else current.data(0, REFERENCE_ROLE)
        self.tree.clear()
        self.groups = {}
        names = task_labels()
        # Once per fill, not per task (22,000 tasks in "All" at 100,000 cases).
        words, today = self._detail_words(), self.ctx.today()
        tip = self.tr("Enter or double click: open the case where this is done")
        bold = QFont(self.tree.font())
        bold.setBold(True)
        for item in self.items:
            group = self.groups.get(item.task)
            if group is None:
                group = QTreeWidgetItem(self.tree, [names[item.task]])
                group.setFont(0, bold)
                group.setFirstColumnSpanned(True)
                group.setExpanded(True)
                self.groups[item.task] = group
            due = labels.date_text(item.due, self.ctx.lang) if item.due else ""
            detail = self.detail_text(item, words, today)
            row = QTreeWidgetItem(group, [item.reference, due, detail, item.assigned_to])
            row.setData(0, REFERENCE_ROLE, item.reference)
            row.setData(0, PLACE_ROLE, item.place.value)
            row.setToolTip(0, tip)
        for task, group in self.groups.items():
            group.setText(0, f"{names[task]} ({group.childCount()})")
        self.summary.setText(self._summary())
        self._select_first(keep)

    def _detail_words(self) -> dict[Task, tuple[str, str]]:
        """Per task, the detail's words for one and for more ("%1 day late", "%1 days late")."""
        return {
            Task.ANSWER_OVERDUE: (self.tr("%1 day late"), self.tr("%1 days late")),
            Task.PROMISE_PASSED: (self.tr("promised %1 day ago"), self.tr("promised %1 days ago")),
            Task.MANUAL_CHECK_OPEN: (self.tr("%1 check open"), self.tr("%1 checks open")),
            Task.FINDINGS_TO_REVIEW: (self.tr("%1 finding"), self.tr("%1 findings")),
            Task.CHANGES_BY_HAND: (self.tr("%1 change"), self.tr("%1 changes")),
            Task.LETTER_NOT_PRINTED: (self.tr("%1 letter"), self.tr("%1 letters")),
            Task.PAUSE_NO_ANSWER: (
                self.tr("%1 day without an answer"),
                self.tr("%1 days without an answer"),
            ),
        }

    def detail_text(
        self,
        item: TodoItem,
        words: dict[Task, tuple[str, str]] | None = None,
        today: date | None = None,
    ) -> str:
        """The task's detail in words ("12 days late", "3 findings"); the JSON of ``today``
        keeps the bare value. ``words`` (``_detail_words()``) and ``today`` are passed when many
        are made at once."""
        task, raw = item.task, item.detail
        today = today if today is not None else self.ctx.today()
        words = words if words is not None else self._detail_words()

        def count(n: int | str, one: str, many: str) -> str:  # "1 day", "2 days"
            return (one if int(n) == 1 else many).replace("%1", str(n))

        if task in (Task.ANSWER_OVERDUE, Task.PROMISE_PASSED) and item.due is not None:
            return count((today - item.due).days, *words[task])
        if not raw:
            return ""
        if task is Task.REMINDER_RECEIVED:
            received = labels.date_text(date.fromisoformat(raw), self.ctx.lang)
            return self.tr("reminder of %1").replace("%1", received)
        if task is Task.ULTIMATUM_DUE:
            return ""  # its date is the due date beside it
        if task in (Task.CHANGES_NOT_APPROVED, Task.CHANGES_NOT_EXECUTED):
            return labels.type_labels().get(raw, raw)
        if task in words and raw.isdigit():
            return count(raw, *words[task])
        return raw  # a failed system's name, as it is

    def _summary(self) -> str:
        cases = len({i.reference for i in self.items})
        others = self.others  # in other officers' cases ("mine" only)
        if self.items:
            text = (
                self.tr("%1 tasks in %2 cases")
                .replace("%1", str(len(self.items)))
                .replace("%2", str(cases))
            )
        elif others:  # never "nothing" while someone's cases need a person
            return self.tr(
                "Nothing in your cases needs a person today; %1 tasks in other officers' cases "
                "(choose All to see them)."
            ).replace("%1", str(others))
        else:
            return self.tr("Nothing needs a person today.")
        if others:
            text += " " + self.tr("(%1 more in other officers' cases)").replace("%1", str(others))
        return text

    def _select_first(self, reference: object) -> None:
        first: QTreeWidgetItem | None = None
        for group in self.groups.values():
            for index in range(group.childCount()):
                child = group.child(index)
                if child is None:
                    continue
                if first is None:
                    first = child
                if reference is not None and child.data(0, REFERENCE_ROLE) == reference:
                    self.tree.setCurrentItem(child)
                    return
        if first is not None:
            self.tree.setCurrentItem(first)

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        reference = item.data(0, REFERENCE_ROLE)
        if reference:
            self.task_opened.emit(str(reference), str(item.data(0, PLACE_ROLE)))
