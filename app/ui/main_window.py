"""The main window: deadline overview first, the case list, case tabs, menus and status bar."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMenuBar,
    QMessageBox,
    QSystemTrayIcon,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app import PRODUCT_NAME, __version__
from app.core.deadlines import URGENCY_DUE_SOON, URGENCY_OVERDUE
from app.core.errors import UserError
from app.core.progress import Progress
from app.ui import labels
from app.ui.audit_status import AuditChainStatus
from app.ui.case_list import CaseListView
from app.ui.context import UiContext
from app.ui.errors import show_message, user_message
from app.ui.first_paint import after_first_paint
from app.ui.inbox_view import InboxView
from app.ui.overview import DeadlineOverview
from app.ui.style import icon
from app.ui.today_view import TodayView
from app.ui.translation import LANGUAGE_KEY
from app.ui.widgets import Banner

if TYPE_CHECKING:  # the dialogs and the case view are imported when first opened (start-up)
    from app.services.backup import BackupResult
    from app.ui.case_detail import CaseDetailView
    from app.ui.intake_dialog import IntakeDialog
    from app.ui.settings_dialog import SettingsDialog
    from app.ui.shortcuts import ShortcutsDialog

FIXED_TABS = 4  # deadline overview, today, cases, letters to register: case tabs follow
GEOMETRY_KEY = "mainWindow/geometry"
STATE_KEY = "mainWindow/state"


BACKUP_REMINDER_DAYS = 7  # the status bar turns red when the last backup is older


class ToolDialogs:
    """Keeps one instance per Tools dialog alive while it is open (non-modal windows)."""

    def __init__(self, window: QWidget, ctx: UiContext) -> None:
        self.window = window
        self.ctx = ctx
        self.open: dict[str, QDialog] = {}

    def show(self, key: str, factory: Callable[[], QDialog]) -> QDialog:
        existing = self.open.get(key)
        if existing is not None and existing.isVisible():
            existing.raise_()
            existing.activateWindow()
            return existing
        dialog = factory()
        dialog.finished.connect(lambda _r, k=key: self.open.pop(k, None))
        self.open[key] = dialog
        dialog.show()
        return dialog

    def systems(self) -> QDialog:
        from app.ui.connectors_dialog import ConnectorsDialog

        ctx = self.ctx
        return self.show("systems", lambda: ConnectorsDialog(ctx, ctx.secrets, self.window))

    def register(self) -> QDialog:
        from app.ui.register_dialog import RegisterDialog

        return self.show("register", lambda: RegisterDialog(self.ctx, self.window))

    def exports(self) -> QDialog:
        from app.ui.exports_dialog import ExportsDialog

        return self.show("exports", lambda: ExportsDialog(self.ctx, self.window))

    def todays_letters(self) -> QDialog:
        from app.services.letters import todays_letters_pdf
        from app.ui.pdf_preview import PdfDialog

        ctx = self.ctx
        return self.show(
            "today",
            lambda: PdfDialog(
                self.window,
                title=QCoreApplication.translate("FeatureHooks", "Today's letters"),
                suggested_name=f"letters-{ctx.today().isoformat()}.pdf",
                fetch=lambda duplex: todays_letters_pdf(ctx.db, day=ctx.today(), duplex=duplex),
            ),
        )


class MainWindow(QMainWindow):
    language_changed = Signal(str)

    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.tray: QSystemTrayIcon | None = None
        self.intake: IntakeDialog | None = None
        self.message: QWidget | None = None
        self.last_message: QMessageBox | None = None  # the latest backup result or refusal
        self.tool_dialogs = ToolDialogs(self, ctx)
        self.setWindowTitle(PRODUCT_NAME)
        self.setWindowIcon(icon("privacy-desk"))
        self.setObjectName("mainWindow")

        self.banner = Banner()
        self.banner.icon.setPixmap(icon("urgency-overdue").pixmap(20, 20))
        self.overview = DeadlineOverview(ctx)
        self.cases = CaseListView(ctx, load_when_shown=True)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.setTabsClosable(True)
        self.tabs.setMovable(False)
        self.tabs.addTab(self.overview, icon("urgency-due-soon"), self.tr("Deadline overview"))
        self.tabs.addTab(self.cases, icon("cases"), self.tr("Cases"))
        self.today = TodayView(ctx)  # beside the overview, and the page shown at start
        self.tabs.insertTab(1, self.today, icon("cases"), self.tr("Today"))
        self.inbox = InboxView(
            ctx, configure=False
        )  # the scanner's hot folder: letters to register
        self.tabs.addTab(self.inbox, icon("cases"), self.tr("To register"))
        self.inbox.count_changed.connect(self._inbox_count)
        self.inbox.case_registered.connect(self.case_registered)
        self._inbox_count(self.inbox.tree.topLevelItemCount())
        self.tabs.setCurrentWidget(self.today)
        for fixed in range(FIXED_TABS):  # these pages stay; only case tabs can be closed
            self.tabs.tabBar().setTabButton(
                fixed, self.tabs.tabBar().ButtonPosition.RightSide, None
            )
        self.tabs.tabCloseRequested.connect(self.close_tab)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(8, 8, 8, 0)
        layout.setSpacing(6)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)

        self.overview.case_opened.connect(self.open_case)
        self.cases.case_opened.connect(self.open_case)
        self.today.task_opened.connect(self.open_task)
        self.overview.export_finished.connect(self._show_status)
        self._build_menus()
        self._build_status_bar()
        self.audit_status = AuditChainStatus(ctx, self, self.banner)
        self.statusBar().addPermanentWidget(self.audit_status.label)
        # Checked off the GUI thread once the window has been painted (start-up stays quick).
        after_first_paint(self, self.audit_status.start)
        after_first_paint(self, self.inbox.configure)  # the hot folder: reading it can wait
        self._restore()
        self.show_deadline_banner(self.overview.counts)

    def _show_status(self, text: str) -> None:
        self.statusBar().showMessage(text, 10000)

    # ---- menus ----------------------------------------------------------------------------

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        self.new_action = QAction(icon("new-letter"), self.tr("&New letter…"), self)
        self.new_action.setShortcut(QKeySequence("Ctrl+N"))
        self.new_action.setStatusTip(self.tr("Register an incoming letter as a new case"))
        self.new_action.triggered.connect(self.new_letter)
        export = QAction(self.tr("&Export deadlines to calendar…"), self)
        export.triggered.connect(self.overview.choose_export_file)
        backup = QAction(self.tr("&Back up database…"), self)
        backup.setStatusTip(self.tr("Write a checked copy of all cases to a file"))
        backup.triggered.connect(self.choose_backup_file)
        settings = QAction(self.tr("&Settings…"), self)
        settings.setShortcut(QKeySequence("Ctrl+,"))
        settings.triggered.connect(self.open_settings)
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.close)
        for item in (self.new_action, export, backup, None, settings, None, quit_action):
            if item is None:
                file_menu.addSeparator()
            else:
                file_menu.addAction(item)

        view = bar.addMenu(self.tr("&View"))
        show_overview = QAction(self.tr("&Deadline overview"), self)
        show_overview.setShortcut(QKeySequence("Ctrl+1"))
        show_overview.triggered.connect(lambda: self.tabs.setCurrentWidget(self.overview))
        show_cases = QAction(self.tr("&Cases"), self)
        show_cases.setShortcut(QKeySequence("Ctrl+2"))
        show_cases.triggered.connect(lambda: self.tabs.setCurrentWidget(self.cases))
        show_today = QAction(self.tr("&Today"), self)
        show_today.setShortcut(QKeySequence("Ctrl+3"))
        show_today.triggered.connect(lambda: self.tabs.setCurrentWidget(self.today))
        find = QAction(self.tr("&Find case…"), self)
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.triggered.connect(self.find_case)
        refresh = QAction(self.tr("&Refresh"), self)
        refresh.setShortcut(QKeySequence.StandardKey.Refresh)
        refresh.triggered.connect(lambda: self.ctx.events.cases_changed.emit(""))
        for action in (show_overview, show_cases, show_today, find, refresh):
            view.addAction(action)
        view.addSeparator()
        language = view.addMenu(self.tr("&Language"))
        group = QActionGroup(self)
        for code, name in (("nl", "Nederlands"), ("en", "English")):
            action = QAction(name, self, checkable=True)
            action.setChecked(code == self.ctx.lang)
            action.triggered.connect(lambda _c=False, c=code: self.choose_language(c))
            group.addAction(action)
            language.addAction(action)

        self._build_tools_menu(bar)
        help_menu = bar.addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About Privacy Desk"), self)
        about.triggered.connect(self.about)
        help_menu.addAction(about)
        keys = QAction(self.tr("&Keyboard shortcuts"), self)
        keys.setShortcut(QKeySequence("F1"))
        keys.triggered.connect(self.show_shortcuts)
        help_menu.insertAction(about, keys)

        toolbar = self.addToolBar(self.tr("Main"))
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.addAction(self.new_action)

    def _build_tools_menu(self, bar: QMenuBar) -> None:
        """Systems…, Processing register…, Print today's letters… and Export…"""
        # Context "FeatureHooks" (of the former feature_hooks.py) keeps the catalogues' entries.
        menu = QMenu(QCoreApplication.translate("FeatureHooks", "&Tools"), bar)
        menu.setObjectName("toolsMenu")
        bar.addMenu(menu)
        dialogs = self.tool_dialogs
        entries = (
            (
                "systemsAction",
                QCoreApplication.translate("FeatureHooks", "&Systems…"),
                dialogs.systems,
            ),
            (
                "registerAction",
                QCoreApplication.translate("FeatureHooks", "Processing &register…"),
                dialogs.register,
            ),
            (
                "todaysLettersAction",
                QCoreApplication.translate("FeatureHooks", "&Print today's letters…"),
                dialogs.todays_letters,
            ),
            (
                "exportAction",
                QCoreApplication.translate("FeatureHooks", "&Export…"),
                dialogs.exports,
            ),
        )
        for name, text, slot in entries:
            action = QAction(text, self)
            action.setObjectName(name)
            action.triggered.connect(lambda _checked=False, s=slot: s())
            menu.addAction(action)

    def _build_status_bar(self) -> None:
        self.db_label = QLabel(self.tr("Database: %1").replace("%1", self.ctx.db.display_url))
        self.db_label.setToolTip(self.ctx.db.display_url)
        self.actor_label = QLabel(self.tr("Signed in as %1").replace("%1", self.ctx.actor))
        self.backup_label = QLabel()
        self.backup_label.setObjectName("backupStatus")
        self.statusBar().addPermanentWidget(self.backup_label)
        self.statusBar().addPermanentWidget(self.db_label)
        self.statusBar().addPermanentWidget(self.actor_label)
        self.show_backup_status()

    def show_backup_status(self) -> None:
        """For a SQLite case base: when it was last backed up; a reminder after a week."""
        if self.ctx.db.engine.dialect.name != "sqlite":
            self.backup_label.hide()  # a server database is backed up on the server
            return
        from app.services.backup import last_backup

        when = last_backup(self.ctx.db)
        if when is None:
            text, stale = self.tr("No backup made yet"), True
        else:
            moment = when if when.tzinfo else when.replace(tzinfo=UTC)
            text = self.tr("Last backup: %1").replace(
                "%1", labels.local_time_text(moment, self.ctx.lang)
            )
            stale = datetime.now(UTC) - moment > timedelta(days=BACKUP_REMINDER_DAYS)
        self.backup_label.setText(("⚠ " if stale else "") + text)
        self.backup_label.setToolTip(self.tr("File > Back up database… writes a checked copy"))
        self.backup_label.setStyleSheet("color: #a4161a;" if stale else "")

    # ---- actions --------------------------------------------------------------------------

    def new_letter(self) -> IntakeDialog:
        from app.ui.intake_dialog import IntakeDialog

        dialog = IntakeDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.case_registered.connect(self.case_registered)
        self.intake = dialog
        dialog.open()
        return dialog

    def _inbox_count(self, count: int) -> None:
        index = self.tabs.indexOf(self.inbox)
        text = self.tr("To register")
        self.tabs.setTabText(index, f"{text} ({count})" if count else text)

    def case_registered(self, reference: str) -> None:
        """The case opens; a new case is offered its acknowledgement letter."""
        dialog = self.sender()
        reminder = bool(getattr(dialog, "linked_reminder", False))
        self.statusBar().showMessage(self.tr("Registered %1").replace("%1", reference), 10000)
        detail = self.open_case(reference)
        if reminder:
            text = self.tr(
                "The reminder is stored on %1 (a document and an event; no new case). Write "
                "this reference on the letter."
            )
            self.message = show_message(
                self, self.tr("Reminder registered"), text.replace("%1", reference),
                icon=QMessageBox.Icon.Information,
            )  # fmt: skip
            return
        detail.show_place("letters")
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("Case registered"),
            self.tr("The letter is registered as %1. Write this reference on the letter.").replace(
                "%1", reference
            )
            + "\n\n"
            + self.tr("Write the acknowledgement of receipt now?"),
            QMessageBox.StandardButton.NoButton,
            self,
        )
        box.setObjectName("userMessage")
        write = box.addButton(self.tr("&Write acknowledgement…"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("&Later"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(write)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def chosen(button: object) -> None:
            if button is write:
                self.offer_acknowledgement(reference)

        box.buttonClicked.connect(chosen)
        box.open()
        self.message = box

    def offer_acknowledgement(self, reference: str) -> None:
        """The new-letter dialog of the case, set to the acknowledgement of receipt."""
        detail = self.open_case(reference)
        detail.show_place("letters")
        dialog = detail.letters_tab.new_letter()
        if dialog is not None:
            index = dialog.kind.findData("acknowledgement")
            if index >= 0:
                dialog.kind.setCurrentIndex(index)

    def open_case(self, reference: str) -> CaseDetailView:
        from app.ui.case_detail import CaseDetailView

        for index in range(FIXED_TABS, self.tabs.count()):
            widget = self.tabs.widget(index)
            if isinstance(widget, CaseDetailView) and widget.reference == reference:
                self.tabs.setCurrentIndex(index)
                return widget
        detail = CaseDetailView(self.ctx, reference)
        index = self.tabs.addTab(detail, reference)
        self.tabs.setCurrentIndex(index)
        return detail

    def open_task(self, reference: str, place: str) -> CaseDetailView:
        """Open the case on the tab where the task is done (a ``Place`` of app.core.todo)."""
        detail = self.open_case(reference)
        detail.show_place(place)
        return detail

    def open_references(self) -> list[str]:
        """The cases open in tabs, left to right."""
        from app.ui.case_detail import CaseDetailView

        views = (self.tabs.widget(i) for i in range(FIXED_TABS, self.tabs.count()))
        return [v.reference for v in views if isinstance(v, CaseDetailView)]

    def close_dialogs(self) -> bool:
        """Close every open dialog (a letter editor saves its draft); False if one stays open."""
        for dialog in self.findChildren(QDialog):
            if dialog.isVisible() and not dialog.close():
                return False
        return True

    def close_tab(self, index: int) -> None:
        if index < FIXED_TABS:
            return
        widget = self.tabs.widget(index)
        self.tabs.removeTab(index)
        if widget is not None:
            widget.deleteLater()

    def find_case(self) -> None:
        self.tabs.setCurrentWidget(self.cases)
        self.cases.focus_search()

    def open_settings(self) -> SettingsDialog:
        from app.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.language_chosen.connect(self.choose_language)
        dialog.open()
        return dialog

    def choose_backup_file(self) -> None:
        suggested = Path.home() / f"privacy-desk-{date.today().isoformat()}.sqlite3"
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Back up database"),
            str(suggested),
            self.tr("SQLite database (*.sqlite3)"),
        )
        if name:
            self.back_up_to(Path(name))

    def back_up_to(self, target: Path) -> None:
        """Copy the case base in the background; say where it went and that it holds data."""

        from app.services.backup import backup_database

        def work(_progress: Progress) -> BackupResult:
            return backup_database(self.ctx.db, actor=self.ctx.actor, target=target)

        def done(result: BackupResult) -> None:
            self.show_backup_status()
            text = self.tr(
                "Cases copied: %1\nFile: %2 (%3 MB)\n\nThe backup holds personal data: keep it "
                "safe, and delete it under the same retention as the cases."
            )
            size = f"{result.size_bytes / 1_000_000:.1f}"
            message = text.replace("%1", str(result.cases)).replace("%2", str(result.path))
            self.last_message = show_message(
                self,
                self.tr("Backup written"),
                message.replace("%3", size),
                icon=QMessageBox.Icon.Information,
            )

        def failed(exc: BaseException) -> bool:
            if not isinstance(exc, UserError):
                return False  # a bug: the error reporter shows it
            self.last_message = show_message(self, self.tr("No backup made"), user_message(exc))
            return True

        self.ctx.tasks.run(
            work,
            title=self.tr("Backing up the database…"),
            parent=self,
            on_done=done,
            on_error=failed,
        )

    def choose_language(self, lang: str) -> None:
        self.ctx.settings.setValue(LANGUAGE_KEY, lang)
        if lang != self.ctx.lang:
            self.language_changed.emit(lang)

    def show_shortcuts(self) -> ShortcutsDialog:
        """Help > Keyboard shortcuts: the menus' keys and the case detail's Alt keys."""
        from app.ui.case_detail import CaseDetailView
        from app.ui.shortcuts import ShortcutsDialog, annotate_tooltips, menu_shortcuts

        menus = [a.menu() for a in self.menuBar().actions()]
        window = menu_shortcuts([m for m in menus if isinstance(m, QMenu)])
        sample = CaseDetailView(self.ctx, "")  # the buttons of a case, without a case
        detail = annotate_tooltips(sample)
        sample.deleteLater()
        dialog = ShortcutsDialog({self.tr("Window"): window, self.tr("Case detail"): detail}, self)
        dialog.show()
        return dialog

    def about(self) -> None:
        text = self.tr(
            "<b>%1</b> %2<br><br>Registers GDPR requests that arrive by post, watches their "
            "deadlines and keeps the case file.<br><br>Database: %3"
        )
        text = text.replace("%1", PRODUCT_NAME).replace("%2", __version__)
        text = text.replace("%3", self.ctx.db.display_url)
        self.message = show_message(
            self, self.tr("About Privacy Desk"), text, icon=QMessageBox.Icon.Information
        )

    # ---- start-up notice ------------------------------------------------------------------

    def deadline_notice(self, counts: dict[str, int]) -> str:
        overdue, soon = counts.get(URGENCY_OVERDUE, 0), counts.get(URGENCY_DUE_SOON, 0)
        parts = []
        if overdue:
            parts.append(self.tr("%n case(s) overdue", "", overdue))
        if soon:
            parts.append(self.tr("%n due this week", "", soon))
        return ", ".join(parts)

    def show_deadline_banner(self, counts: dict[str, int]) -> None:
        text = self.deadline_notice(counts)
        if not text:
            return
        self.banner.show_message(text)
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = QSystemTrayIcon(icon("privacy-desk"), self)
            self.tray.setToolTip(PRODUCT_NAME)
            self.tray.show()
            self.tray.showMessage(PRODUCT_NAME, text, QSystemTrayIcon.MessageIcon.Warning, 8000)

    # ---- state ----------------------------------------------------------------------------

    def _restore(self) -> None:
        geometry = self.ctx.settings.value(GEOMETRY_KEY)
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        state = self.ctx.settings.value(STATE_KEY)
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)

    def save_state(self) -> None:
        self.ctx.settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        self.ctx.settings.setValue(STATE_KEY, self.saveState())
        self.cases.save_state()
        self.overview.save_state()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        if self.tray is not None:
            self.tray.hide()
        super().closeEvent(event)
