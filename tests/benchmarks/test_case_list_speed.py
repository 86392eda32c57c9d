"""Benchmark: 100,000 demo cases, time to the first painted page of the case list, filter, sort."""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import pytest

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        os.environ.get("PRIVACY_DESK_BENCH") != "1",
        reason="benchmark: fills 100,000 cases (about a minute); run with PRIVACY_DESK_BENCH=1",
    ),
]

CASES = 100_000
ROUNDS = 5


def _median(label: str, action: Callable[[], object], rounds: int = ROUNDS) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    median = statistics.median(times)
    print(f"{label:<46} median {median * 1000:8.1f} ms  (min {min(times) * 1000:.1f}, "
          f"max {max(times) * 1000:.1f}, n={rounds})")  # fmt: skip
    return median


def test_case_list_with_100000_cases(qtbot, tmp_path: Path) -> None:
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtWidgets import QApplication

    from app.data.database import open_database
    from app.demo.cases import create_demo_cases
    from app.ui.app import create_application
    from app.ui.context import UiContext
    from app.ui.errors import ErrorReporter
    from app.ui.main_window import MainWindow
    from app.ui.tasks import TaskRunner
    from app.ui.translation import install_translators

    app = create_application()
    install_translators(app, "nl", [])
    db = open_database("sqlite:///" + str(tmp_path / "bench.sqlite3"))
    start = time.perf_counter()
    create_demo_cases(db, count=CASES)
    print(f"\ncreate_demo_cases({CASES:,}): {time.perf_counter() - start:.1f} s")

    reporter = ErrorReporter(tmp_path / "log", lambda: None)
    ctx = UiContext(
        db=db, actor="bench", lang="nl",
        settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat),
        reporter=reporter, tasks=TaskRunner(reporter),
    )  # fmt: skip
    windows: list[MainWindow] = []

    def open_window_and_paint_case_list() -> None:
        window = MainWindow(ctx)
        window.tabs.setCurrentWidget(window.cases)
        window.show()
        window.cases.table.viewport().repaint()
        QApplication.processEvents()
        assert window.cases.model.rowCount() > 0
        windows.append(window)

    _median("main window + first painted case page", open_window_and_paint_case_list, rounds=3)
    window = windows[-1]
    for other in windows[:-1]:
        other.close()
        other.deleteLater()
    view = window.cases
    assert view.model.total == CASES

    def search(text: str) -> Callable[[], None]:
        def run() -> None:
            view.search.setText(text)
            view.apply_filter()
            view.table.viewport().repaint()

        return run

    _median("search 'jansen' (LIKE on 100k)", search("jansen"))
    _median("search postcode '5253'", search("5253"))
    view.search.clear()
    view.apply_filter()
    _median("filter open only", lambda: view.open_only.toggle())
    _median("filter type 'erasure'", lambda: (
        view.type.setCurrentIndex(view.type.findData("erasure")), view.type.setCurrentIndex(0)
    ))  # fmt: skip
    for column, name in ((0, "reference"), (2, "data subject"), (5, "legal deadline")):
        _median(
            f"sort by {name} (both directions)",
            lambda c=column: (
                view.table.sortByColumn(c, Qt.SortOrder.AscendingOrder),
                view.table.sortByColumn(c, Qt.SortOrder.DescendingOrder),
            ),
        )
    _median("fetch next page of 200", lambda: view.model.fetchMore(view.table.rootIndex()))
    _median("deadline overview refresh", window.overview.refresh, rounds=3)
    window.close()
    db.dispose()
