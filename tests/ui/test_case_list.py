"""The case list: lazy pages, SQL sorting and filtering, opening a case, Dutch dates."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QModelIndex, Qt
from sqlalchemy import text

from app.core.enums import CaseStatus, RequestType
from app.demo.cases import create_demo_cases
from app.services.cases import change_status
from app.services.dto import CaseFilter
from app.ui.case_list import CaseListView
from app.ui.case_table_model import PAGE_SIZE, CaseTableModel
from app.ui.main_window import MainWindow
from tests.benchmarks.search_fill import fill_by_sql

from .helpers import new_case


def test_rows_load_lazily_in_pages(qtbot, ctx) -> None:
    create_demo_cases(ctx.db, count=450)
    model = CaseTableModel(ctx.db, lang="en")
    model.reload()
    assert model.total == 450
    assert model.rowCount() == PAGE_SIZE
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 450
    assert not model.canFetchMore(QModelIndex())
    assert len({model.row_at(i).reference for i in range(450)}) == 450


def test_sorting_runs_in_sql_over_all_rows(qtbot, ctx) -> None:
    create_demo_cases(ctx.db, count=300)
    view = CaseListView(ctx)
    qtbot.addWidget(view)
    view.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    first = view.model.row_at(0).reference
    view.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    last = view.model.row_at(0).reference
    assert first < last
    # The newest reference comes first even though it was never in the first loaded page.
    assert last.endswith("0300") or last > first


def test_filters_status_type_open_only_and_search(qtbot, ctx) -> None:
    today = date.today()
    a = new_case(ctx.db, received=today, last_name="Bakker")
    b = new_case(ctx.db, received=today, last_name="Visser", types=(RequestType.ERASURE,))
    change_status(ctx.db, actor="t", reference=b, new_status=CaseStatus.WITHDRAWN)
    view = CaseListView(ctx)
    qtbot.addWidget(view)
    assert view.model.total == 2
    view.type.setCurrentIndex(view.type.findData("erasure"))
    assert [view.model.row_at(0).reference] == [b] and view.model.total == 1
    view.type.setCurrentIndex(0)
    view.open_only.setChecked(True)
    assert view.model.total == 1 and view.model.row_at(0).reference == a
    view.open_only.setChecked(False)
    view.status.setCurrentIndex(view.status.findData("withdrawn"))
    assert view.model.total == 1 and view.model.row_at(0).reference == b
    view.status.setCurrentIndex(0)
    qtbot.keyClicks(view.search, "5253re")
    qtbot.waitUntil(lambda: view.model.case_filter.text == "5253re", timeout=2000)
    assert view.model.total == 2
    assert "2 cases found" in view.count.text()


def test_enter_opens_the_case_detail(qtbot, ctx) -> None:
    ref = new_case(ctx.db, received=date.today())
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    window.tabs.setCurrentWidget(window.cases)
    table = window.cases.table
    table.setFocus()
    table.setCurrentIndex(window.cases.model.index(0, 0))
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert window.tabs.currentWidget().reference == ref
    window.open_case(ref)  # opening again focuses the existing tab
    assert window.tabs.count() == 5  # overview, today, cases, to register + the case


def test_dates_read_as_words(qtbot, ctx) -> None:
    new_case(ctx.db, received=date(2026, 3, 5))
    model = CaseTableModel(ctx.db, lang="en", today=lambda: date(2026, 3, 10))
    model.reload()
    assert model.index(0, 1).data() == "5 March 2026"
    assert model.index(0, 5).data() == "7 April 2026"  # Easter: 5 and 6 April are not working days
    assert model.index(0, 6).data() == "28 days left"


def test_ctrl_f_then_down_then_enter_opens_a_case(qtbot, ctx) -> None:
    from PySide6.QtGui import QKeySequence

    ref = new_case(ctx.db, received=date.today())
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.today.tree.setFocus()
    qtbot.keySequence(window.today.tree, QKeySequence(QKeySequence.StandardKey.Find))
    cases = window.cases
    assert window.tabs.currentWidget() is cases  # Ctrl+F from the start page: the search
    qtbot.keyClick(cases.search, Qt.Key.Key_Down)
    assert cases.table.hasFocus() and cases.table.currentIndex().row() == 0
    qtbot.keyClick(cases.table, Qt.Key.Key_Return)
    assert window.tabs.currentWidget().reference == ref


def test_a_common_search_says_more_than_and_still_scrolls_to_the_last(qtbot, ctx) -> None:
    fill_by_sql(ctx.db.engine, 600)
    with ctx.db.engine.connect() as conn:
        expected = [
            r[0]
            for r in conn.execute(
                text(
                    "SELECT reference FROM case_file WHERE search_text LIKE '%jansen%' "
                    "ORDER BY received_on DESC, id DESC"
                )
            )
        ]
    assert len(expected) > 6
    model = CaseTableModel(ctx.db, lang="en", page_size=4, search_cap=5)
    model.set_filter(CaseFilter(text="jansen"))
    assert (model.total, model.more, model.rowCount()) == (5, True, 4)
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert [model.row_at(i).reference for i in range(model.rowCount())] == expected
    assert (model.total, model.more) == (len(expected), False)
    view = CaseListView(ctx)
    qtbot.addWidget(view)
    qtbot.keyClicks(view.search, "jansen")
    qtbot.waitUntil(lambda: view.model.case_filter.text == "jansen", timeout=5000)
    assert view.model.total == len(expected) and not view.model.more  # under the usual cap
    assert f"{len(expected)} cases found" in view.count.text()


def test_a_list_waiting_to_be_shown_loads_once_with_its_first_filter(qtbot, ctx) -> None:
    """The main window's list loads when first shown; a filter set before that (the overview
    opening the list on a search) is its first and only load, not the empty filter and then
    the filter."""
    create_demo_cases(ctx.db, count=30)
    view = CaseListView(ctx, load_when_shown=True)
    qtbot.addWidget(view)
    loads: list[int] = []
    view.model.total_changed.connect(loads.append)
    assert view.model.rowCount() == 0 and loads == []  # nothing read before it is needed
    view.open_only.setChecked(True)  # a filter change while waiting
    assert len(loads) == 1
    rows = [view.model.row_at(i) for i in range(view.model.rowCount())]
    assert rows and loads[0] == len(rows) < 30  # loaded with the filter: open cases only
    view.show()
    qtbot.waitExposed(view)
    assert len(loads) == 1  # showing it does not load again
    view.open_only.setChecked(False)
    assert len(loads) == 2
