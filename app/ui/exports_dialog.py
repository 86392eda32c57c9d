"""Exports: the register of requests, the yearly report, retention, and one case's dossier/ZIP."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import UserError
from app.core.i18n import text_of
from app.core.progress import Progress
from app.core.retention import MODE_ANONYMISE, MODE_DELETE
from app.services import reports, retention
from app.services.traces import confirmation_lines
from app.ui import labels
from app.ui.confirm import ask_before
from app.ui.context import UiContext
from app.ui.errors import user_message
from app.ui.tasks import Task
from app.ui.widgets import error_label, make_date_edit, pydate, qdate


def _ask_path(parent: QWidget, title: str, suggested: str, pattern: str) -> Path | None:
    name, _f = QFileDialog.getSaveFileName(parent, title, str(Path.home() / suggested), pattern)
    return Path(name) if name else None


class ResultRow(QWidget):
    """After an export: what was written, with buttons to open the file or its folder."""

    def __init__(self) -> None:
        super().__init__()
        self.path: Path | None = None
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.open_file = QPushButton(self.tr("Open &file"))
        self.open_file.clicked.connect(lambda: self._open(self.path))
        self.open_folder = QPushButton(self.tr("Open f&older"))
        self.open_folder.clicked.connect(
            lambda: self._open(None if self.path is None else self.path.parent)
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.open_file)
        layout.addWidget(self.open_folder)
        self.hide()

    def show_result(self, text: str, path: Path) -> None:
        self.path = path
        self.text.setText(text)
        self.show()

    @staticmethod
    def _open(path: Path | None) -> None:
        if path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class ExportRun:
    """Runs one export in the background; shows its result or its error (composition)."""

    def __init__(self, ctx: UiContext, owner: QWidget) -> None:
        self.ctx = ctx
        self.owner = owner
        self.task: Task | None = None
        self.error = error_label()
        self.result = ResultRow()

    def run(self, work: Callable[[Progress], Any], title: str, done: Callable[[Any], None]) -> Task:
        self.error.hide()
        self.result.hide()

        def finished(value: Any) -> None:
            self.task = None
            done(value)

        self.task = self.ctx.tasks.run(
            work, title=title, parent=self.owner, on_done=finished, on_error=self._failed
        )
        return self.task

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def _failed(self, exc: BaseException) -> bool:
        self.task = None
        if isinstance(exc, UserError):
            self.show_error(user_message(exc))
            return True
        return False  # cancellation is silent; a bug gets the error dialog


class _ExportPage(QWidget):
    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.runner = ExportRun(ctx, self)
        self.error = self.runner.error
        self.result = self.runner.result

    def run(self, work: Callable[[Progress], Any], title: str, done: Callable[[Any], None]) -> Task:
        return self.runner.run(work, title, done)


class RegisterExportPage(_ExportPage):
    def __init__(self, ctx: UiContext) -> None:
        super().__init__(ctx)
        today = ctx.today()
        self.start = make_date_edit(ctx.locale, maximum=today)
        self.start.setDate(qdate(date(today.year, 1, 1)))
        self.end = make_date_edit(ctx.locale, maximum=today)
        self.end.setDate(self.end.maximumDate())
        self.status = QComboBox()
        self.status.addItem(self.tr("All statuses"), "")
        for code, text in labels.status_labels().items():
            self.status.addItem(text, code)
        self.kind = QComboBox()
        self.kind.addItem(self.tr("All request types"), "")
        for code, text in labels.type_labels().items():
            self.kind.addItem(text, code)
        self.fmt = QComboBox()
        self.fmt.addItem(self.tr("Excel workbook (.xlsx)"), "xlsx")
        self.fmt.addItem(self.tr("CSV (semicolons, for Excel)"), "csv")
        self.personal = QCheckBox(self.tr("Include &personal data (names, postcodes, towns)"))
        self.personal.setChecked(False)
        hint = QLabel(self.tr("Without personal data the export can be shared for reporting. "
                              "Every export is recorded in the history."))  # fmt: skip
        hint.setWordWrap(True)
        hint.setProperty("role", "subtle")
        self.button = QPushButton(self.tr("&Export…"))
        self.button.clicked.connect(lambda: self.export())
        form = QFormLayout()
        form.addRow(self.tr("Received from:"), self.start)
        form.addRow(self.tr("Received until:"), self.end)
        form.addRow(self.tr("Status:"), self.status)
        form.addRow(self.tr("Request type:"), self.kind)
        form.addRow(self.tr("Format:"), self.fmt)
        form.addRow("", self.personal)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.error)
        layout.addWidget(self.result)
        layout.addStretch(1)
        layout.addWidget(self.button)

    def export(self, path: Path | None = None) -> Task | None:
        fmt = str(self.fmt.currentData())
        path = path or _ask_path(self, self.tr("Export register"), f"register.{fmt}",
                                 f"*.{fmt}")  # fmt: skip
        if path is None:
            return None
        db, actor, lang, today = self.ctx.db, self.ctx.actor, self.ctx.lang, self.ctx.today()
        start, end = pydate(self.start.date()), pydate(self.end.date())
        status, kind = str(self.status.currentData()), str(self.kind.currentData())
        personal = self.personal.isChecked()

        def work(progress: Progress) -> int:
            return reports.export_request_register(
                db, path=path, received_from=start, received_to=end, fmt=fmt,
                statuses=(status,) if status else (), request_type=kind,
                with_personal_data=personal, lang=lang, actor=actor, today=today,
                progress=progress,
            )  # fmt: skip

        def done(count: int) -> None:
            self.result.show_result(
                self.tr("%n case(s) written to %1", "", count).replace("%1", str(path)), path
            )

        return self.run(work, self.tr("Exporting the register…"), done)


class YearlyReportPage(_ExportPage):
    def __init__(self, ctx: UiContext) -> None:
        super().__init__(ctx)
        today = ctx.today()
        self.year = QSpinBox()
        self.year.setRange(2018, today.year)
        self.year.setValue(today.year - 1 if today.month < 4 else today.year)
        self.language = QComboBox()
        for code, text in labels.language_labels().items():
            self.language.addItem(text, code)
        self.language.setCurrentIndex(max(0, self.language.findData(ctx.lang)))
        hint = QLabel(self.tr("Figures only: the report contains no personal data."))
        hint.setProperty("role", "subtle")
        self.button = QPushButton(self.tr("Make &report…"))
        self.button.clicked.connect(lambda: self.export())
        form = QFormLayout()
        form.addRow(self.tr("Year:"), self.year)
        form.addRow(self.tr("Language:"), self.language)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.error)
        layout.addWidget(self.result)
        layout.addStretch(1)
        layout.addWidget(self.button)

    def export(self, path: Path | None = None) -> Task | None:
        year, lang = self.year.value(), str(self.language.currentData())
        path = path or _ask_path(self, self.tr("Yearly report"), f"yearly-report-{year}.pdf",
                                 "*.pdf")  # fmt: skip
        if path is None:
            return None
        db, today = self.ctx.db, self.ctx.today()

        def work(progress: Progress) -> bytes:
            return reports.yearly_report(
                db, year=year, lang=lang, path=path, today=today, progress=progress
            )

        def done(_pdf: bytes) -> None:
            self.result.show_result(self.tr("Report saved as %1").replace("%1", str(path)), path)

        return self.run(work, self.tr("Making the yearly report…"), done)


class RetentionPage(_ExportPage):
    """Closed cases past their retention: select, then anonymise or delete after a confirmation."""

    def __init__(self, ctx: UiContext) -> None:
        super().__init__(ctx)
        self.confirm: QMessageBox | None = None
        self.tree = QTreeWidget()
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels([self.tr("Case"), self.tr("Closed on"), self.tr("Outcome"),
                                   self.tr("Retention ended"), self.tr("Reason")])  # fmt: skip
        self.tree.header().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.mode = QComboBox()
        self.mode.addItem(self.tr("Anonymise (keep the figures)"), MODE_ANONYMISE)
        self.mode.addItem(self.tr("Delete completely"), MODE_DELETE)
        self.summary = QLabel()
        self.summary.setWordWrap(True)  # the confirmation names copies the officer must handle
        self.apply_button = QPushButton(self.tr("&Apply to the checked cases…"))
        self.apply_button.clicked.connect(self.ask_apply)
        reload_button = QPushButton(self.tr("Re&load"))
        reload_button.clicked.connect(self.reload)
        row = QHBoxLayout()
        row.addWidget(self.summary, 1)
        row.addWidget(reload_button)
        row.addWidget(self.mode)
        row.addWidget(self.apply_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.error)
        layout.addLayout(row)
        self.reload()

    def reload(self) -> None:
        self.tree.clear()
        try:
            expired = retention.list_expired(self.ctx.db, today=self.ctx.today())
        except UserError as exc:
            self.error.setText(user_message(exc))
            self.error.show()
            return
        for case in expired:
            item = QTreeWidgetItem(
                [case.reference, labels.date_text(case.closed_on, self.ctx.lang), case.outcome,
                 labels.date_text(case.retention_end, self.ctx.lang), case.reason]
            )  # fmt: skip
            item.setCheckState(0, Qt.CheckState.Checked)
            self.tree.addTopLevelItem(item)
        self.summary.setText(self.tr("%n case(s) past their retention period", "", len(expired)))
        self.apply_button.setEnabled(bool(expired))

    def checked(self) -> list[str]:
        items = (self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount()))
        return [
            it.text(0)
            for it in items
            if it is not None and it.checkState(0) == Qt.CheckState.Checked
        ]

    def ask_apply(self) -> QMessageBox | None:
        refs = self.checked()
        if not refs:
            self.error.setText(self.tr("Check the cases to handle first."))
            self.error.show()
            return None
        if self.mode.currentData() == MODE_DELETE:
            text = self.tr("Delete %n case(s) completely? This cannot be undone.", "", len(refs))
        else:
            text = self.tr(
                "Anonymise %n case(s)? All personal data of these cases is removed; this cannot "
                "be undone.", "", len(refs)
            )  # fmt: skip
        shown = ", ".join(refs[:10]) + (" …" if len(refs) > 10 else "")
        text += "\n\n" + self.tr("Cases: %1").replace("%1", shown)
        deleting = self.mode.currentData() == MODE_DELETE
        self.confirm = ask_before(
            self, title=self.tr("Retention"), text=text,
            action=self.tr("&Delete cases") if deleting else self.tr("&Anonymise cases"),
            on_yes=lambda: self.apply(refs), name="confirmRetention",
        )  # fmt: skip
        return self.confirm

    def apply(self, refs: list[str]) -> Task:
        db, actor, today, mode = (
            self.ctx.db,
            self.ctx.actor,
            self.ctx.today(),
            self.mode.currentData(),
        )

        def work(progress: Progress) -> retention.RetentionResult:
            return retention.apply_retention(
                db, actor=actor, references=refs, mode=str(mode), today=today, progress=progress
            )

        def done(result: retention.RetentionResult) -> None:
            self.reload()
            lines = [self.tr("%n case(s) done", "", len(result.references))]
            lines += [text_of(m, self.ctx.lang) for m in confirmation_lines(result.copies)]
            self.summary.setText("\n".join(lines))
            self.ctx.events.cases_changed.emit("")

        return self.run(work, self.tr("Applying retention…"), done)


class ExportsDialog(QDialog):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export"))
        self.resize(760, 520)
        self.tabs = QTabWidget()
        self.register_page = RegisterExportPage(ctx)
        self.yearly_page = YearlyReportPage(ctx)
        self.retention_page = RetentionPage(ctx)
        self.tabs.addTab(self.register_page, self.tr("Register of requests"))
        self.tabs.addTab(self.yearly_page, self.tr("Yearly report"))
        self.tabs.addTab(self.retention_page, self.tr("Retention"))
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(row)


class CaseExportDialog(QDialog):
    """Dossier ZIP (the whole case file) or portability ZIP (Art. 20) of one case."""

    def __init__(
        self, ctx: UiContext, reference: str, kind: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.reference = reference
        self.kind = kind
        self.runner = ExportRun(ctx, self)
        if kind == "dossier":
            self.setWindowTitle(self.tr("Export dossier – %1").replace("%1", reference))
            text = self.tr(
                "A ZIP with the case file as PDF, every stored document and a manifest with "
                "their SHA-256. It contains personal data: store it safely."
            )
        else:
            self.setWindowTitle(self.tr("Portability export – %1").replace("%1", reference))
            text = self.tr(
                "A ZIP with the confirmed findings in a structured, machine-readable form "
                "(Art. 20 GDPR), for the data subject. Only confirmed findings are included."
            )
        intro = QLabel(text)
        intro.setWordWrap(True)
        self.button = QPushButton(self.tr("Choose file and &export…"))
        self.button.clicked.connect(lambda: self.export())
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.button)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.runner.error)
        layout.addWidget(self.runner.result)
        layout.addStretch(1)
        layout.addLayout(row)
        self.setMinimumWidth(560)

    def export(self, path: Path | None = None) -> Task | None:
        stamp = self.ctx.today().isoformat()
        suggested = f"{self.reference}-{self.kind}-{stamp}.zip"
        path = path or _ask_path(self, self.windowTitle(), suggested, "*.zip")
        if path is None:
            return None
        db, actor, reference, kind = self.ctx.db, self.ctx.actor, self.reference, self.kind
        lang = self.ctx.lang  # the dossier PDF in the language the officer works in

        def work(progress: Progress) -> Any:
            if kind == "dossier":
                return reports.case_dossier(
                    db, reference=reference, path=path, actor=actor, progress=progress, lang=lang
                )
            return reports.portability_export(
                db, reference=reference, path=path, actor=actor, progress=progress
            )

        def done(_value: Any) -> None:
            self.runner.result.show_result(self.tr("Saved as %1").replace("%1", str(path)), path)
            self.ctx.events.cases_changed.emit(reference)

        return self.runner.run(work, self.tr("Exporting…"), done)
