"""Start the GUI: application, language, database (or a demo), error hook and main window."""

from __future__ import annotations

import gc
import logging
import shutil
import signal
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from app import PRODUCT_NAME
from app.core.errors import UserError
from app.core.i18n import text_of
from app.core.log_file import LOG_FILE_NAME, setup_logging
from app.core.private_files import private_umask
from app.core.progress import Progress
from app.data.database import Database, data_dir, open_database
from app.ui.compat import guard_none_refcount
from app.ui.context import UiContext
from app.ui.errors import ErrorDialog, ErrorReporter, ui_text, user_message
from app.ui.main_window import MainWindow
from app.ui.style import STYLE_SHEET, icon
from app.ui.tasks import TaskRunner
from app.ui.translation import DEFAULT_LANGUAGE, LANGUAGE_KEY, LANGUAGES, install_translators

if TYPE_CHECKING:
    from app.services.document_texts import BackgroundReader

log = logging.getLogger(__name__)

DEMO_CASES = 300


def log_file() -> Path:
    return data_dir() / LOG_FILE_NAME


def create_application() -> QApplication:
    guard_none_refcount()
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    app.setApplicationName(PRODUCT_NAME)
    app.setOrganizationName("PrivacyDesk")
    app.setApplicationDisplayName(PRODUCT_NAME)
    app.setStyle("Fusion")
    app.setStyleSheet(STYLE_SHEET)
    app.setWindowIcon(icon("privacy-desk"))
    return app


def chosen_language(lang: str | None, settings: QSettings) -> str:
    """The --lang argument wins, then the stored choice, then Dutch."""
    stored = settings.value(LANGUAGE_KEY)
    for candidate in (lang, stored):
        if isinstance(candidate, str) and candidate in LANGUAGES:
            return candidate
    return DEFAULT_LANGUAGE


class GuiController:
    """Owns the main window; rebuilds it when the language changes (live switch)."""

    def __init__(self, app: QApplication, ctx: UiContext, translators: list[QTranslator]) -> None:
        self.app = app
        self.ctx = ctx
        self.translators = translators
        self.window: MainWindow | None = None

    def show_window(self) -> MainWindow:
        window = MainWindow(self.ctx)
        window.language_changed.connect(self.switch_language)
        self.window = window
        window.show()
        return window

    def switch_language(self, lang: str) -> None:
        """Rebuild the window in ``lang``; open dialogs close first (drafts are saved), and the
        same cases are reopened in their tabs."""
        old = self.window
        references: list[str] = []
        current = 0
        if old is not None:
            if not old.close_dialogs():
                return  # e.g. a draft that could not be saved: its dialog says why
            references, current = old.open_references(), old.tabs.currentIndex()
            old.save_state()
        self.translators = install_translators(self.app, lang, self.translators)
        self.ctx.lang = lang
        window = self.show_window()
        for reference in references:
            window.open_case(reference)
        window.tabs.setCurrentIndex(min(current, window.tabs.count() - 1))
        if old is not None:
            old.hide()
            old.deleteLater()

    def fill_demo(self, db: Database) -> None:
        window = self.window

        from app.demo.fill import fill_demo  # only the demo needs it

        def work(progress: Progress) -> str:
            progress.report(0.05)
            return fill_demo(db, cases=DEMO_CASES)

        def done(message: str) -> None:
            log.info("demo data ready")
            self.ctx.events.cases_changed.emit("")
            if window is not None:
                window.show_deadline_banner(window.overview.counts)
                window.statusBar().showMessage(ui_text(message), 8000)

        self.ctx.tasks.run(
            work,
            title=QCoreApplication.translate("GuiController", "Creating demo cases…"),
            parent=window,
            on_done=done,
        )


def _quit_on_termination(app: QApplication) -> None:
    """SIGTERM/SIGINT end the event loop, so the clean-up after it runs (demo folder, database).

    Python runs signal handlers only when it gets control; a short timer gives it that while
    Qt's event loop waits. A signal that arrives before the loop runs is kept until it does.
    """

    def stop(signum: int, _frame: object) -> None:
        log.info("signal %d: quitting", signum)
        # Queued, not direct: a signal during start-up (before the event loop runs) would make
        # a direct quit() a no-op and the window would stay open; a zero timer fires once the
        # loop runs.
        QTimer.singleShot(0, app.quit)

    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, stop)
    heartbeat = QTimer(app)
    heartbeat.timeout.connect(lambda: None)
    heartbeat.start(250)


def run_gui(db_url: str | None, demo: bool, actor: str, lang: str | None) -> int:
    """Start the desktop application; returns the process exit code."""
    gc.disable()  # until the first paint (see app.cli.main); also for the bundle's GUI entry
    try:
        return _run_gui(db_url, demo, actor, lang)
    finally:
        gc.enable()  # also after a start that ended before its first paint


def _run_gui(db_url: str | None, demo: bool, actor: str, lang: str | None) -> int:
    private_umask()  # also when started without app.cli.main (the frozen bundle's GUI entry)
    app = create_application()
    settings = QSettings()
    language = chosen_language(lang, settings)
    translators = install_translators(app, language, [])
    path = setup_logging(log_file())  # the CLI has done it already; a direct call does it here
    controller: GuiController | None = None
    reporter = ErrorReporter(path, lambda: controller.window if controller else None)
    reporter.install()

    demo_dir: Path | None = None
    try:
        if demo:
            demo_dir = Path(tempfile.mkdtemp(prefix="privacy-desk-demo-"))
            db = open_database(f"sqlite:///{demo_dir / 'demo.sqlite3'}")
        else:
            db = open_database(db_url)
    except UserError as exc:
        QMessageBox.critical(
            None,
            QCoreApplication.translate("GuiController", "The database cannot be opened"),
            user_message(exc),
        )
        return 2
    except Exception as exc:  # a bug or an unexpected server answer: details for support
        log.exception("opening the database failed")
        details = f"{type(exc).__name__}: {exc}"
        ErrorDialog(None, details, path).exec()
        return 1

    for notice in db.notices:  # e.g. restored from the pre-upgrade backup: the officer must know
        title = QCoreApplication.translate("GuiController", "Database")
        QMessageBox.information(None, title, text_of(notice, language))
    ctx = UiContext(
        db=db,
        actor=actor,
        lang=language,
        settings=settings,
        reporter=reporter,
        tasks=TaskRunner(reporter),
    )
    from app.services.connector_addresses import url_passwords_left

    if url_passwords_left(db):  # passwords older versions left in connector addresses
        from app.services.connectors import move_url_passwords

        moved = move_url_passwords(db, lambda: ctx.secrets)
        if moved is not None:
            title = QCoreApplication.translate("GuiController", "Database")
            QMessageBox.information(None, title, text_of(moved, language))
    controller = GuiController(app, ctx, translators)
    _quit_on_termination(app)
    window = controller.show_window()
    from app.ui import first_paint

    def purge_scan_texts(_progress: Progress) -> int:
        from app.services.document_texts import purge_document_texts

        return purge_document_texts(db)  # texts of scans gone or changed, or kept long enough

    def clean(_progress: Progress) -> int:
        from app.services.traces import clean_leftovers

        # Temporary files of erasures or exports killed half-way, and drafts of finalisations
        # that were killed. Only what is old enough to be stale is touched (STALE_PART_S, the
        # markers' own check), so this may run beside the officer's first actions; it loads the
        # class of every configured connector, which is why it waits for the first paint.
        return len(clean_leftovers(db))

    def scan_reader(_progress: Progress) -> BackgroundReader:
        from app.services.document_texts import BackgroundReader

        return BackgroundReader(db)  # its module (and the models) load off the GUI thread

    def keep_scan_reader(reader: BackgroundReader) -> None:
        ctx.scan_reader = reader

    first_paint.after_first_paint(window, gc.enable)  # start-up is over (see above)
    # A case's search hands scans to the reader; no case can be open before the first paint.
    first_paint.after_first_paint(
        window,
        lambda: ctx.tasks.run(
            scan_reader, title="", parent=window, quiet=True, on_done=keep_scan_reader
        ),
    )
    # Files on a network share can be slow to look at: after the first paint, off the GUI thread.
    first_paint.after_first_paint(
        window,
        lambda: ctx.tasks.run(clean, title="", parent=window, quiet=True),
    )
    first_paint.after_first_paint(
        window,
        lambda: ctx.tasks.run(purge_scan_texts, title="", parent=window, quiet=True),
    )

    if first_paint.wanted():
        first_paint.install(window)
    if demo:
        controller.fill_demo(db)
    try:
        code = app.exec()
    finally:
        ctx.tasks.cancel_all()
        ctx.tasks.wait()
        if ctx.scan_reader is not None:
            ctx.scan_reader.close()  # a scan half read is read again next time
        db.dispose()
        if demo_dir is not None:
            shutil.rmtree(demo_dir, ignore_errors=True)
    return int(code)
