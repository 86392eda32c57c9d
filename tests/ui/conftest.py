"""UI test fixtures: a real SQLite file per test and a UI context (English or Dutch)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from app.data.database import Database, open_database
from app.ui.app import create_application
from app.ui.compat import guard_none_refcount
from app.ui.context import UiContext
from app.ui.errors import ErrorReporter
from app.ui.tasks import TaskRunner
from app.ui.translation import install_translators

guard_none_refcount()  # before any widget exists; see app/ui/compat.py

# Qt warnings fail tests through pytest-qt (qt_log_level_fail, qt_log_ignore in pyproject.toml).


@pytest.fixture
def gui_app(qapp: QApplication) -> QApplication:
    return create_application()


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database("sqlite:///" + str(tmp_path / "t.sqlite3"))
    yield database
    database.dispose()


def _context(tmp_path: Path, db: Database, lang: str) -> UiContext:
    settings = QSettings(str(tmp_path / "ui-settings.ini"), QSettings.Format.IniFormat)
    reporter = ErrorReporter(tmp_path / "privacy-desk.log", lambda: None)
    return UiContext(
        db=db, actor="officer.test", lang=lang, settings=settings, reporter=reporter,
        tasks=TaskRunner(reporter),
    )  # fmt: skip


@pytest.fixture
def ctx(gui_app: QApplication, db: Database, tmp_path: Path) -> Iterator[UiContext]:
    """An English UI (the source language) on a fresh database."""
    translators = install_translators(gui_app, "en", [])
    context = _context(tmp_path, db, "en")
    yield context
    context.tasks.cancel_all()
    context.tasks.wait()
    install_translators(gui_app, "en", translators)


@pytest.fixture
def ctx_nl(gui_app: QApplication, db: Database, tmp_path: Path) -> Iterator[UiContext]:
    """The Dutch UI, as the officers use it."""
    translators = install_translators(gui_app, "nl", [])
    context = _context(tmp_path, db, "nl")
    yield context
    context.tasks.cancel_all()
    context.tasks.wait()
    install_translators(gui_app, "en", translators)
