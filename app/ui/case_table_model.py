"""The case list as a lazily paged Qt table model; filtering and sorting run in SQL."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from app.core.deadlines import URGENCY_LATER
from app.core.status import OPEN_STATUSES
from app.data.database import Database
from app.services.case_queries import SEARCH_CAP, list_cases, search_cases
from app.services.dto import CaseFilter, CaseRow
from app.ui import labels
from app.ui.style import foreground, urgency_of

PAGE_SIZE = 200
OPEN_CODES = frozenset(s.value for s in OPEN_STATUSES)

Index = QModelIndex | QPersistentModelIndex

# (key, sort key of list_cases)
COLUMNS: tuple[tuple[str, str], ...] = (
    ("reference", "reference"),
    ("received", "received"),
    ("requester", "requester"),
    ("types", "types"),
    ("status", "status"),
    ("legal", "due"),  # the deadline that counts now: extended when granted
    ("days_left", "days_left"),
)

REFERENCE_ROLE = Qt.ItemDataRole.UserRole
ROW_ROLE = Qt.ItemDataRole.UserRole + 1


def column_titles() -> list[str]:
    return [
        QCoreApplication.translate("CaseTableModel", "Reference"),
        QCoreApplication.translate("CaseTableModel", "Received"),
        QCoreApplication.translate("CaseTableModel", "Data subject"),
        QCoreApplication.translate("CaseTableModel", "Request types"),
        QCoreApplication.translate("CaseTableModel", "Status"),
        QCoreApplication.translate("CaseTableModel", "Legal deadline"),
        QCoreApplication.translate("CaseTableModel", "Days left"),
    ]


class CaseTableModel(QAbstractTableModel):
    """Rows arrive in pages of PAGE_SIZE through canFetchMore/fetchMore, so 100,000 cases open
    as fast as 200; a new filter or sort order starts again from the first page."""

    total_changed = Signal(int)

    def __init__(
        self,
        db: Database,
        *,
        lang: str,
        today: Callable[[], date] = date.today,
        page_size: int = PAGE_SIZE,
        search_cap: int = SEARCH_CAP,
    ) -> None:
        super().__init__()
        self._db = db
        self._lang = lang
        self._today = today
        self._page_size = page_size
        self._search_cap = search_cap  # a search counts up to this, then says "more than"
        self._rows: list[CaseRow] = []
        self._total = 0
        self._more = False  # a search matched more than _total cases (not counted further)
        self._filter = CaseFilter()
        self._sort = "received"
        self._descending = True
        self._titles = column_titles()
        self._status = labels.status_labels()

    # ---- our API ------------------------------------------------------------------------

    @property
    def total(self) -> int:
        """Cases matching the filter (loaded or not); with ``more``, at least this many."""
        return self._total

    @property
    def more(self) -> bool:
        """True when a search matched more cases than ``total`` (counted up to a cap)."""
        return self._more

    @property
    def loaded(self) -> int:
        return len(self._rows)

    @property
    def case_filter(self) -> CaseFilter:
        return self._filter

    @property
    def sort_order(self) -> tuple[str, bool]:
        return self._sort, self._descending

    def set_filter(self, flt: CaseFilter, *, load: bool = True) -> None:
        """Filter by ``flt``; ``load=False`` keeps the rows until the next (first) load."""
        self._filter = flt
        if load:
            self.reload()

    def reload(self) -> None:
        """Count again and show the first page (after a filter change or an operation)."""
        self.beginResetModel()
        page = search_cases(
            self._db,
            flt=self._filter,
            sort=self._sort,
            descending=self._descending,
            limit=self._page_size,
            cap=self._search_cap,
        )
        self._rows, self._total, self._more = page.rows, page.total, page.more
        self.endResetModel()
        self.total_changed.emit(self._total)

    def row_at(self, row: int) -> CaseRow:
        return self._rows[row]

    def row_of(self, reference: str) -> int:
        """The row of a loaded case, or -1."""
        for number, case in enumerate(self._rows):
            if case.reference == reference:
                return number
        return -1

    def _page(self, offset: int) -> list[CaseRow]:
        return list_cases(
            self._db,
            flt=self._filter,
            sort=self._sort,
            descending=self._descending,
            offset=offset,
            limit=self._page_size,
        )

    # ---- Qt model -----------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and (self._more or len(self._rows) < self._total)

    def fetchMore(self, parent: Index) -> None:
        if parent.isValid():
            return
        page = self._page(len(self._rows))
        if not page:
            self._total = len(self._rows)  # cases were removed meanwhile, or the last was shown
            self._more = False
            return
        start = len(self._rows)
        self.beginInsertRows(QModelIndex(), start, start + len(page) - 1)
        self._rows.extend(page)
        if self._more and len(self._rows) >= self._total:
            self._total = len(self._rows)  # still "more than": counted as far as loaded
            self._more = len(page) == self._page_size
        self.endInsertRows()

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._titles[section]
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort = COLUMNS[column][1]
        self._descending = order == Qt.SortOrder.DescendingOrder
        self.reload()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        case = self._rows[index.row()]
        key = COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(case, key)
        if role == REFERENCE_ROLE:
            return case.reference
        if role == ROW_ROLE:
            return case
        if role == Qt.ItemDataRole.ToolTipRole and key in ("legal", "days_left"):
            return self._deadline_tip(case)
        if role == Qt.ItemDataRole.ForegroundRole and key == "days_left":
            urgency = urgency_of(case, self._today())
            return None if urgency == URGENCY_LATER else foreground(urgency)
        if role == Qt.ItemDataRole.TextAlignmentRole and key == "days_left":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, case: CaseRow, key: str) -> str:
        if key == "reference":
            return case.reference
        if key == "received":
            return labels.date_text(case.received_on, self._lang)
        if key == "requester":
            return case.requester_name
        if key == "types":
            return labels.types_text(case.types)
        if key == "status":
            return labels.label(self._status, case.status)
        if key == "legal":
            if case.paused:
                return QCoreApplication.translate("CaseTableModel", "paused")
            return labels.date_text(case.effective_due_on, self._lang)
        if case.status not in OPEN_CODES:
            return ""  # a finished case has no days left
        return labels.days_left_text(case.days_left(self._today()))

    def _deadline_tip(self, case: CaseRow) -> str:
        if case.paused:
            return QCoreApplication.translate(
                "CaseTableModel", "The clock is paused until the data subject answers."
            )
        parts = []
        if case.post_by_on is not None:
            parts.append(
                QCoreApplication.translate("CaseTableModel", "Post by (own promise): %1").replace(
                    "%1", labels.date_text(case.post_by_on, self._lang)
                )
            )
        if case.legal_due_on is not None:
            parts.append(
                QCoreApplication.translate("CaseTableModel", "Legal deadline: %1").replace(
                    "%1", labels.date_text(case.legal_due_on, self._lang)
                )
            )
        if case.extended_due_on is not None:
            parts.append(
                QCoreApplication.translate("CaseTableModel", "Extended to: %1").replace(
                    "%1", labels.date_text(case.effective_due_on, self._lang)
                )
            )
        return "\n".join(parts)
