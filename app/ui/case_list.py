"""The Cases page: search and filters above a lazily loaded, SQL-sorted case table."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QByteArray, QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.enums import CaseStatus, RequestType
from app.services.dto import CaseFilter
from app.ui import labels
from app.ui.case_table_model import COLUMNS, REFERENCE_ROLE, CaseTableModel
from app.ui.context import UiContext

SEARCH_DELAY_MS = 250
HEADER_KEY = "caseList/header"
PERIODS = ("any", "7d", "30d", "90d", "this_year", "last_year")


def period_range(period: str, today: date) -> tuple[date | None, date | None]:
    """The received-on range of a period choice."""
    if period == "7d":
        return today - timedelta(days=7), None
    if period == "30d":
        return today - timedelta(days=30), None
    if period == "90d":
        return today - timedelta(days=90), None
    if period == "this_year":
        return date(today.year, 1, 1), None
    if period == "last_year":
        return date(today.year - 1, 1, 1), date(today.year - 1, 12, 31)
    return None, None


class CaseListView(QWidget):
    case_opened = Signal(str)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Down in the search field moves into the results (the first row when none is chosen);
        Enter there then opens the case (``activated``)."""
        if (
            watched is self.search
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Down
            and self.model.rowCount() > 0
        ):
            self.table.setFocus()
            if not self.table.currentIndex().isValid():
                self.table.setCurrentIndex(self.model.index(0, 0))
            return True
        return super().eventFilter(watched, event)

    def __init__(
        self, ctx: UiContext, parent: QWidget | None = None, *, load_when_shown: bool = False
    ) -> None:
        """``load_when_shown``: the first query waits until the list is first shown (the main
        window opens on another page; start-up does not pay for a list nobody looks at)."""
        super().__init__(parent)
        self.ctx = ctx
        self.model = CaseTableModel(ctx.db, lang=ctx.lang, today=ctx.today)

        self.search = QLineEdit()
        self.search.setPlaceholderText(
            self.tr("Search by reference, name, postcode, e-mail or town")
        )
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search cases"))
        self.search.setMinimumWidth(320)
        self.status = QComboBox()
        self.status.setAccessibleName(self.tr("Status filter"))
        self.status.addItem(self.tr("All statuses"), "")
        status_labels = labels.status_labels()
        for status in CaseStatus:
            self.status.addItem(status_labels[status.value], status.value)
        self.type = QComboBox()
        self.type.setAccessibleName(self.tr("Request type filter"))
        self.type.addItem(self.tr("All request types"), "")
        type_labels = labels.type_labels()
        for rtype in RequestType:
            self.type.addItem(type_labels[rtype.value], rtype.value)
        self.period = QComboBox()
        self.period.setAccessibleName(self.tr("Received in period"))
        for code, text in zip(
            PERIODS,
            (
                self.tr("Received: any date"),
                self.tr("Received: last 7 days"),
                self.tr("Received: last 30 days"),
                self.tr("Received: last 3 months"),
                self.tr("Received: this year"),
                self.tr("Received: last year"),
            ),
            strict=True,
        ):
            self.period.addItem(text, code)
        self.open_only = QCheckBox(self.tr("&Open cases only"))
        self.count = QLabel()
        self.count.setProperty("role", "subtle")

        filters = QHBoxLayout()
        filters.setSpacing(8)
        filters.addWidget(self.search, 3)
        filters.addWidget(self.status, 1)
        filters.addWidget(self.type, 1)
        filters.addWidget(self.period, 1)
        filters.addWidget(self.open_only)

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.setAccessibleName(self.tr("Cases"))
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((130, 150, 220, 220, 150, 150, 130)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(self._activated)
        self.search.installEventFilter(self)  # Down moves from the search into the results

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(8)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(self._search_timer.start)
        self.status.currentIndexChanged.connect(self.apply_filter)
        self.type.currentIndexChanged.connect(self.apply_filter)
        self.period.currentIndexChanged.connect(self.apply_filter)
        self.open_only.toggled.connect(self.apply_filter)
        self.model.total_changed.connect(self._show_count)
        self.model.rowsInserted.connect(self._rows_inserted)
        ctx.events.cases_changed.connect(self._cases_changed)

        received = [key for key, _ in COLUMNS].index("received")
        header.setSortIndicator(received, Qt.SortOrder.DescendingOrder)
        self._restore_header()
        # Enabling sorting asks the model to sort (in SQL): that is the first load.
        self._waiting = load_when_shown
        if not load_when_shown:
            self.table.setSortingEnabled(True)

    def ensure_loaded(self) -> None:
        """Make the first load now if it was waiting for the list to be shown."""
        if self._waiting:
            self._waiting = False
            self.table.setSortingEnabled(True)

    def showEvent(self, event: QShowEvent) -> None:
        self.ensure_loaded()
        super().showEvent(event)

    def current_filter(self) -> CaseFilter:
        frm, to = period_range(self.period.currentData(), self.ctx.today())
        status = self.status.currentData()
        return CaseFilter(
            text=self.search.text().strip(),
            statuses=(status,) if status else (),
            request_type=self.type.currentData() or "",
            received_from=frm,
            received_to=to,
            open_only=self.open_only.isChecked(),
        )

    def apply_filter(self) -> None:
        self._search_timer.stop()
        if self._waiting:  # the first load, with this filter (not the empty one, then again)
            self.model.set_filter(self.current_filter(), load=False)
            self.ensure_loaded()
        else:
            self.model.set_filter(self.current_filter())

    def refresh(self) -> None:
        self.model.reload()

    def _cases_changed(self, _reference: str) -> None:
        self.refresh()

    def focus_search(self) -> None:
        self.ensure_loaded()
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _activated(self, index: QModelIndex) -> None:
        reference = index.data(REFERENCE_ROLE)
        if reference:
            self.case_opened.emit(reference)

    def _rows_inserted(self, *_args: object) -> None:
        self._show_count(self.model.total)

    def _show_count(self, total: int) -> None:
        shown = self.model.loaded
        if self.model.more:
            text = self.tr("More than %1 cases found, first %2 loaded (scroll for more)")
            text = text.replace("%1", self.ctx.number(total)).replace("%2", self.ctx.number(shown))
        elif shown < total:
            text = self.tr("%1 cases found, first %2 loaded (scroll for more)")
            text = text.replace("%1", self.ctx.number(total)).replace("%2", self.ctx.number(shown))
        else:
            text = self.tr("%n case(s) found", "", total).replace(
                str(total), self.ctx.number(total)
            )
        self.count.setText(text)

    def _restore_header(self) -> None:
        state = self.ctx.settings.value(HEADER_KEY)
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.table.horizontalHeader().restoreState(state)

    def save_state(self) -> None:
        self.ctx.settings.setValue(HEADER_KEY, self.table.horizontalHeader().saveState())
