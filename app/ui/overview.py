"""Deadline overview: open cases grouped by urgency (colour, icon and words), calendar export."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.deadlines import URGENCY_DUE_SOON, URGENCY_LATER, URGENCY_OVERDUE, URGENCY_PAUSED
from app.core.progress import Progress
from app.services.calendar_export import write_deadlines_ics
from app.services.case_queries import deadline_groups
from app.services.dto import CaseRow
from app.ui import labels
from app.ui.context import UiContext
from app.ui.style import (
    URGENCIES,
    background,
    foreground,
    urgency_icon,
    urgency_labels,
)
from app.ui.tasks import Task

# A group shows at most this many rows: the Cases page pages through all of them.
MAX_ROWS_PER_GROUP = 500
REFERENCE_ROLE = Qt.ItemDataRole.UserRole
HEADER_KEY = "overview/header"


@dataclass(frozen=True)
class _Shared:
    """What every row of one refresh uses: worked out once, not per row."""

    today: date
    urgency_names: dict[str, str]
    status_names: dict[str, str]
    foregrounds: dict[str, QBrush]
    days_tip: str


class DeadlineOverview(QWidget):
    case_opened = Signal(str)
    counts_changed = Signal(dict)
    export_finished = Signal(str)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.counts: dict[str, int] = dict.fromkeys(URGENCIES, 0)
        self.groups: dict[str, QTreeWidgetItem] = {}

        title = QLabel(self.tr("Deadline overview"))
        title.setProperty("role", "heading")
        self.summary = QLabel()
        self.summary.setProperty("role", "subtle")
        self.export_button = QPushButton(self.tr("E&xport to calendar (.ics)…"))
        self.export_button.setToolTip(
            self.tr("Save the deadlines of all open cases as a calendar file (references only)")
        )
        self.export_button.clicked.connect(self.choose_export_file)
        self.refresh_button = QPushButton(self.tr("&Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        top = QHBoxLayout()
        heading = QVBoxLayout()
        heading.addWidget(title)
        heading.addWidget(self.summary)
        top.addLayout(heading, 1)
        top.addWidget(self.refresh_button, 0, Qt.AlignmentFlag.AlignBottom)
        top.addWidget(self.export_button, 0, Qt.AlignmentFlag.AlignBottom)

        self.tree = QTreeWidget()
        self.tree.setAccessibleName(self.tr("Open cases by urgency"))
        self.tree.setColumnCount(7)
        self.tree.setHeaderLabels(
            [
                self.tr("Reference"),
                self.tr("Urgency"),
                self.tr("Data subject"),
                self.tr("Status"),
                self.tr("Post by (promise)"),
                self.tr("Legal deadline"),
                self.tr("Days left"),
            ]
        )
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.tree.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((190, 150, 230, 150, 170, 170, 140)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        state = ctx.settings.value(HEADER_KEY)
        if state:
            header.restoreState(state)
        self.tree.itemActivated.connect(self._activated)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)
        ctx.events.cases_changed.connect(self._cases_changed)
        ctx.events.settings_changed.connect(self.refresh)
        self.refresh()

    def _cases_changed(self, _reference: str) -> None:
        self.refresh()

    def refresh(self) -> None:
        # Counted and limited per group in SQL: fast with thousands of open cases.
        groups = deadline_groups(self.ctx.db, today=self.ctx.today(), limit=MAX_ROWS_PER_GROUP)
        grouped: dict[str, list[CaseRow]] = {u: groups[u][1] for u in URGENCIES}
        totals = {u: groups[u][0] for u in URGENCIES}
        expanded = {u: item.isExpanded() for u, item in self.groups.items()}
        self.tree.clear()
        self.groups.clear()
        names = urgency_labels()
        bold = QFont(self.tree.font())
        bold.setBold(True)
        shared = _Shared(
            today=self.ctx.today(),
            urgency_names=names,
            status_names=labels.status_labels(),
            foregrounds={u: QBrush(foreground(u)) for u in URGENCIES},
            days_tip=self.tr("Counted to the legal deadline (extended when granted)"),
        )
        for urgency in URGENCIES:
            cases = grouped[urgency]
            total = totals[urgency]
            self.counts[urgency] = total
            group = QTreeWidgetItem([f"{names[urgency]} ({self.ctx.number(total)})"])
            group.setIcon(0, urgency_icon(urgency))
            group.setFont(0, bold)
            group.setFirstColumnSpanned(False)
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            group.setData(0, Qt.ItemDataRole.AccessibleTextRole, names[urgency])
            for column in range(self.tree.columnCount()):
                group.setBackground(column, QBrush(background(urgency)))
            self.tree.addTopLevelItem(group)
            self.groups[urgency] = group
            group.addChildren([self._item(row, urgency, shared) for row in cases])
            if total > len(cases):
                more = QTreeWidgetItem(
                    [
                        self.tr("… and %1 more: see the Cases page").replace(
                            "%1", self.ctx.number(total - len(cases))
                        )
                    ]
                )
                more.setFlags(Qt.ItemFlag.ItemIsEnabled)
                group.addChild(more)
            group.setExpanded(expanded.get(urgency, urgency != URGENCY_LATER or total < 50))
        self.summary.setText(self.summary_text())
        self.counts_changed.emit(dict(self.counts))

    def _item(self, row: CaseRow, urgency: str, shared: _Shared) -> QTreeWidgetItem:
        lang = self.ctx.lang
        names = shared.urgency_names
        status = shared.status_names
        left = row.days_left(shared.today)
        if row.paused and row.paused_dates is not None:
            pd = row.paused_dates  # since when, and the dates if the clock resumed today
            post_by = (
                self.tr("paused since %1 (%2 days)")
                .replace("%1", labels.date_text(pd.since, lang))
                .replace("%2", self.ctx.number(pd.days_so_far))
            )
            legal = self.tr("%1 if resumed today").replace(
                "%1", labels.date_text(pd.resumed.effective, lang)
            )
        elif row.paused:
            post_by = legal = self.tr("clock paused")
        else:
            post_by = labels.date_text(row.post_by_on, lang)
            legal = labels.date_text(row.effective_due_on, lang)
            if row.extended_due_on is not None:
                legal = self.tr("%1 (extended)").replace("%1", legal)
        if row.ultimatum_on is not None and not row.paused:
            legal = (
                self.tr("%1 · ultimatum %2")
                .replace("%1", legal)
                .replace("%2", labels.date_text(row.ultimatum_on, lang))
            )
        item = QTreeWidgetItem(
            [
                row.reference,
                names[urgency],
                row.requester_name,
                labels.label(status, row.status),
                post_by,
                legal,
                labels.days_left_text(left),
            ]
        )
        item.setData(0, REFERENCE_ROLE, row.reference)
        item.setIcon(1, urgency_icon(urgency))
        colour = shared.foregrounds[urgency]
        item.setForeground(1, colour)
        item.setForeground(6, colour)
        item.setTextAlignment(6, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        item.setToolTip(6, shared.days_tip)
        if row.ultimatum_on is not None:
            item.setToolTip(
                5,
                self.tr("A reminder demands an answer by %1").replace(
                    "%1", labels.date_text(row.ultimatum_on, lang)
                ),
            )
        return item

    def summary_text(self) -> str:
        c = self.counts
        return (
            self.tr("%1 overdue · %2 due within 7 days · %3 due later · %4 paused")
            .replace("%1", self.ctx.number(c[URGENCY_OVERDUE]))
            .replace("%2", self.ctx.number(c[URGENCY_DUE_SOON]))
            .replace("%3", self.ctx.number(c[URGENCY_LATER]))
            .replace("%4", self.ctx.number(c[URGENCY_PAUSED]))
        )

    def references_in(self, urgency: str) -> list[str]:
        group = self.groups[urgency]
        children = (group.child(i) for i in range(group.childCount()))
        return [ref for c in children if c is not None and (ref := c.data(0, REFERENCE_ROLE))]

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        reference = item.data(0, REFERENCE_ROLE)
        if reference:
            self.case_opened.emit(reference)

    # ---- calendar export ------------------------------------------------------------------

    def choose_export_file(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export deadlines to a calendar file"),
            str(Path.home() / "privacy-desk-deadlines.ics"),
            self.tr("iCalendar files (*.ics)"),
        )
        if name:
            self.export_ics(Path(name))

    def export_ics(self, path: Path) -> Task:
        """Write the file in the background; the status line reports the result."""
        db, lang = self.ctx.db, self.ctx.lang
        step = self.tr("Collecting open deadlines…")

        def work(progress: Progress) -> int:
            progress.report(0.1, step)
            return write_deadlines_ics(db, path=path, lang=lang)

        def done(count: int) -> None:
            self.export_finished.emit(
                self.tr("%1 deadlines written to %2")
                .replace("%1", self.ctx.number(count))
                .replace("%2", str(path))
            )

        return self.ctx.tasks.run(
            work, title=self.tr("Exporting deadlines…"), parent=self, on_done=done
        )

    def save_state(self) -> None:
        self.ctx.settings.setValue(HEADER_KEY, self.tree.header().saveState())
