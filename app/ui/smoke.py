"""Open, paint, translate and close the real main window once (used by `selftest`)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from app.core.errors import AppError
from app.data.database import Database
from app.ui.app import GuiController, create_application
from app.ui.context import UiContext
from app.ui.errors import ErrorReporter
from app.ui.tasks import TaskRunner
from app.ui.translation import install_translators


class SmokeTestFailed(AppError):
    """The window did not show, paint or close as it should."""


def open_main_window(db: Database, folder: Path, *, actor: str) -> str:
    """Build the main window as run_gui does, show it, switch to Dutch, and close it.

    Settings go to an INI file in the test folder, so the user's own window layout and
    language choice are neither read nor overwritten.
    """
    qt_app = create_application()
    settings = QSettings(str(folder / "ui-settings.ini"), QSettings.Format.IniFormat)
    reporter = ErrorReporter(folder / "selftest-ui.log", lambda: None)
    translators = install_translators(qt_app, "en", [])
    ctx = UiContext(
        db=db,
        actor=actor,
        lang="en",
        settings=settings,
        reporter=reporter,
        tasks=TaskRunner(reporter),
    )
    controller = GuiController(qt_app, ctx, translators)
    try:
        window = controller.show_window()
        qt_app.processEvents()
        if not window.isVisible():
            raise SmokeTestFailed("the main window did not become visible")
        shot = window.grab()  # paints every widget once: fonts, styles, icons
        if shot.isNull():
            raise SmokeTestFailed("the main window could not be painted")
        size = f"{shot.width()}x{shot.height()}"
        controller.switch_language("nl")  # the default UI language: loads the .qm files
        qt_app.processEvents()
        current = controller.window
        if current is None or not current.isVisible():
            raise SmokeTestFailed("the Dutch main window did not become visible")
        current.close()
        qt_app.processEvents()
        if current.isVisible():
            raise SmokeTestFailed("the main window did not close")
    finally:
        ctx.tasks.cancel_all()
        ctx.tasks.wait()
        for translator in controller.translators:
            qt_app.removeTranslator(translator)
        if controller.window is not None:
            controller.window.deleteLater()
        qt_app.processEvents()
    platform_name = qt_app.platformName()
    return f"{platform_name}, {size}, en and nl"
