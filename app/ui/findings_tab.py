"""The Systems tab of a case: search every system with live progress, review findings."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt, QThreadPool, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.connectors.registry import describe
from app.core.enums import FindingReview
from app.core.errors import UserError
from app.core.i18n import translate
from app.services.connectors import list_connectors
from app.services.searches import (
    FindingInfo,
    ManualTaskInfo,
    SystemResult,
    complete_manual_task,
    findings_of,
    manual_tasks_of,
    review_findings,
    runs_of,
    search_case,
    undo_rejections,
)
from app.services.secrets import SecretStore
from app.ui import labels
from app.ui.changes_dialog import ChangesDialog
from app.ui.context import UiContext
from app.ui.errors import ui_language, ui_text, user_message
from app.ui.findings_support import (
    AMBER,
    FINDING_ROLE,
    GREEN,
    GREY,
    REVIEW_COLOURS,
    STATUS_COLOURS,
    STRENGTH_COLOURS,
    SearchJob,
    SearchSignals,
    paint,
    review_labels,
    run_status_labels,
    strength_labels,
)
from app.ui.passphrase_dialog import ensure_unlocked
from app.ui.widgets import FieldErrors, error_label, with_error


class FindingsTab(QWidget):
    """Search, then review: only confirmed findings go into the access letter."""

    # The shared task runner shows a modal progress dialog; the search has its own live rows
    # per system and an inline Cancel, so it runs its own job on the same thread pool.
    def __init__(
        self,
        ctx: UiContext,
        reference: str,
        secrets: SecretStore,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.reference = reference
        self.secrets = secrets
        self.cancel_event: threading.Event | None = None
        self.rows: dict[str, QTreeWidgetItem] = {}
        self.bars: dict[str, QProgressBar] = {}
        self.changes: ChangesDialog | None = None
        self.signals = SearchSignals(self)
        self.signals.progressed.connect(self._progressed)
        self.signals.finished.connect(self._searched)
        self.signals.failed.connect(self._search_failed)

        self.search_button = QPushButton(self.tr("&Search all systems"))
        self.search_button.clicked.connect(self.search)
        self.cancel_button = QPushButton(self.tr("Cancel search"))
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        self.search_state = QLabel()
        self.search_state.setWordWrap(True)
        # Scans of document folders read in the background after a search (ctx.scan_reader).
        self.reading_state = QLabel()
        self.reading_state.setWordWrap(True)
        self.stop_reading_button = QPushButton(self.tr("Stop reading scans"))
        self.stop_reading_button.clicked.connect(self.stop_reading)
        self.reading_timer = QTimer(self)
        self.reading_timer.setInterval(500)
        self.reading_timer.timeout.connect(self.show_reading)
        reading_row = QHBoxLayout()
        reading_row.addWidget(self.reading_state, 1)
        reading_row.addWidget(self.stop_reading_button)
        self.reading_state.hide()
        self.stop_reading_button.hide()
        self.erasure_button = QPushButton(self.tr("&Erasure…"))
        self.erasure_button.clicked.connect(lambda: self.open_changes("erasure"))
        self.rectify_button = QPushButton(self.tr("&Rectification…"))
        self.rectify_button.clicked.connect(lambda: self.open_changes("rectification"))
        top = QHBoxLayout()
        top.addWidget(self.search_button)
        top.addWidget(self.cancel_button)
        top.addWidget(self.search_state, 1)
        top.addWidget(self.erasure_button)
        top.addWidget(self.rectify_button)

        self.progress_tree = QTreeWidget()
        self.progress_tree.setRootIsDecorated(False)
        self.progress_tree.setAccessibleName(self.tr("Search progress per system"))
        self.progress_tree.setHeaderLabels(
            [self.tr("System"), self.tr("Progress"), self.tr("Status"), self.tr("Found"),
             self.tr("Message")]
        )  # fmt: skip
        header = self.progress_tree.header()
        header.resizeSection(0, 220)
        header.resizeSection(1, 160)
        header.resizeSection(2, 110)
        header.resizeSection(3, 60)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.progress_tree.setMaximumHeight(190)
        self.progress_tree.hide()

        self.pages = QTabWidget()
        self.pages.addTab(self._findings_page(), self.tr("Findings"))
        self.pages.addTab(self._manual_page(), self.tr("Manual checks"))
        self.pages.addTab(self._history_page(), self.tr("Search history"))

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(reading_row)
        layout.addWidget(self.progress_tree)
        layout.addWidget(self.pages, 1)
        ctx.events.cases_changed.connect(self._changed)
        self.reload()

    # ---- layout -----------------------------------------------------------------------------

    def _findings_page(self) -> QWidget:
        page = QWidget()
        explain = QLabel(
            self.tr(
                "Only confirmed findings go into the access letter and into erasure or "
                "rectification. Strong matches are confirmed in advance; weak matches (for "
                "example a name only) wait for your review."
            )
        )
        explain.setWordWrap(True)
        explain.setProperty("role", "subtle")
        self.only_pending = QCheckBox(self.tr("Show only findings to &review"))
        self.only_pending.toggled.connect(lambda _on: self.show_findings())
        self.counts = QLabel()
        self.tree = QTreeWidget()
        self.tree.setAccessibleName(self.tr("Findings"))
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setHeaderLabels(
            [self.tr("System / record"), self.tr("Match"), self.tr("Review"),
             self.tr("Matched on"), self.tr("Location")]
        )  # fmt: skip
        header = self.tree.header()
        for column, width in enumerate((250, 150, 90, 230)):
            header.resizeSection(column, width)
        self.tree.itemSelectionChanged.connect(self._selected)
        self.fields = QTreeWidget()
        self.fields.setRootIsDecorated(False)
        self.fields.setAccessibleName(self.tr("Fields of the finding"))
        self.fields.setHeaderLabels([self.tr("Field"), self.tr("Value")])
        self.fields.header().resizeSection(0, 150)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setProperty("role", "subtle")
        side = QWidget()
        sl = QVBoxLayout(side)
        sl.setContentsMargins(0, 0, 0, 0)
        sl.addWidget(self.fields, 1)
        sl.addWidget(self.note)
        splitter = QSplitter()
        splitter.addWidget(self.tree)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([900, 380])
        self.review_error = error_label()
        self.confirm_button = QPushButton(self.tr("&Confirm selected"))
        self.confirm_button.clicked.connect(lambda: self.review(FindingReview.CONFIRMED))
        self.reject_button = QPushButton(self.tr("Re&ject selected"))
        self.reject_button.clicked.connect(lambda: self.review(FindingReview.REJECTED))
        row = QHBoxLayout()
        row.addWidget(self.only_pending)
        row.addWidget(self.counts, 1)
        row.addWidget(self.confirm_button)
        row.addWidget(self.reject_button)
        # A rejection is undone with one click: the findings go back to how they were reviewed.
        self.undo_button = QPushButton(self.tr("&Undo rejection"))
        self.undo_button.setToolTip(self.tr("Put the findings just rejected back as they were"))
        self.undo_button.clicked.connect(self.undo_rejection)
        self.undo_button.hide()
        self.last_rejected: dict[int, str] = {}  # finding id -> its review before
        row.addWidget(self.undo_button)
        # Any rejected finding goes back to review until a letter resting on it is final.
        self.unreject_button = QPushButton(self.tr("&Back to review"))
        self.unreject_button.setObjectName("unrejectButton")
        self.unreject_button.setToolTip(
            self.tr("Undo the rejection of the selected findings: they are to review again "
                    "(possible until the access, erasure or rectification letter is final)")
        )  # fmt: skip
        self.unreject_button.clicked.connect(self.unreject_selected)
        self.unreject_button.setEnabled(False)
        row.addWidget(self.unreject_button)
        layout = QVBoxLayout(page)
        layout.addWidget(explain)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.review_error)
        layout.addLayout(row)
        return page

    def _manual_page(self) -> QWidget:
        page = QWidget()
        self.tasks = QTreeWidget()
        self.tasks.setRootIsDecorated(False)
        self.tasks.setAccessibleName(self.tr("Manual checks"))
        self.tasks.setHeaderLabels(
            [self.tr("System"), self.tr("What to do"), self.tr("Result"), self.tr("Done by")]
        )
        self.tasks.header().resizeSection(0, 180)
        self.tasks.header().resizeSection(1, 380)
        self.tasks.currentItemChanged.connect(lambda *_: self._task_selected())
        self.task_result = QComboBox()
        self.task_result.addItem(self.tr("Nothing found"), "not_found")
        self.task_result.addItem(self.tr("Data found"), "found")
        self.task_note = QPlainTextEdit()
        self.task_note.setFixedHeight(64)
        self.task_note.setTabChangesFocus(True)
        self.task_note.setPlaceholderText(
            self.tr("What was found, and where (required when found)")
        )
        self.task_errors = FieldErrors()
        note_error = error_label()
        self.task_errors.add("note", self.task_note, note_error)
        self.task_error = error_label()
        self.task_button = QPushButton(self.tr("Record &result"))
        self.task_button.clicked.connect(self.complete_task)
        form = QFormLayout()
        form.addRow(self.tr("Result:"), self.task_result)
        form.addRow(self.tr("Note:"), with_error(self.task_note, note_error))
        layout = QVBoxLayout(page)
        layout.addWidget(self.tasks, 1)
        layout.addLayout(form)
        layout.addWidget(self.task_error)
        layout.addWidget(self.task_button, 0, Qt.AlignmentFlag.AlignRight)
        return page

    def _history_page(self) -> QWidget:
        page = QWidget()
        self.runs = QTreeWidget()
        self.runs.setRootIsDecorated(False)
        self.runs.setAccessibleName(self.tr("Search history"))
        self.runs.setHeaderLabels(
            [self.tr("When"), self.tr("System"), self.tr("Operation"), self.tr("Status"),
             self.tr("Records"), self.tr("Error")]
        )  # fmt: skip
        self.runs.header().resizeSection(0, 170)
        self.runs.header().resizeSection(1, 200)
        layout = QVBoxLayout(page)
        layout.addWidget(self.runs)
        return page

    # ---- data -------------------------------------------------------------------------------

    def _changed(self, reference: str) -> None:
        if reference in ("", self.reference) and self.cancel_event is None:
            self.reload()

    def reload(self) -> None:
        try:
            self.findings = findings_of(self.ctx.db, reference=self.reference)
            manual = manual_tasks_of(self.ctx.db, reference=self.reference)
            runs = runs_of(self.ctx.db, reference=self.reference)
        except UserError as exc:
            self.search_state.setText(user_message(exc))
            return
        self.show_findings()
        self._show_tasks(manual)
        self.runs.clear()
        statuses = run_status_labels()
        for run in reversed(runs):
            # Connectors report in English; the catalogue gives the officer's language.
            error = ui_text(run.error) if run.error else ""
            item = QTreeWidgetItem(
                [labels.local_time_text(run.started_at, self.ctx.lang), run.system, run.operation,
                 labels.label(statuses, run.status), str(run.findings_count), error]
            )  # fmt: skip
            paint(item, 3, STATUS_COLOURS.get(run.status, GREY))
            item.setToolTip(5, error)
            self.runs.addTopLevelItem(item)

    def show_findings(self) -> None:
        selected = {f.id for f in self.selected_findings()}
        self.tree.clear()
        strengths, reviews, idents = strength_labels(), review_labels(), labels.identifier_labels()
        only_pending = self.only_pending.isChecked()
        systems: dict[str, QTreeWidgetItem] = {}
        pending = confirmed = 0
        for f in self.findings:
            pending += f.review == FindingReview.PENDING
            confirmed += f.review == FindingReview.CONFIRMED
            if only_pending and f.review != FindingReview.PENDING:
                continue
            parent = systems.get(f.system)
            if parent is None:
                parent = QTreeWidgetItem([f.system])
                font = QFont(parent.font(0))
                font.setBold(True)
                parent.setFont(0, font)
                parent.setFlags(parent.flags() & ~Qt.ItemFlag.ItemIsSelectable)
                systems[f.system] = parent
                self.tree.addTopLevelItem(parent)
                parent.setFirstColumnSpanned(True)
            matched = labels.label(idents, f.matched_kind)
            if f.matched_value:
                matched += f": {f.matched_value}"
            item = QTreeWidgetItem(
                [f.record_id, labels.label(strengths, f.strength), labels.label(reviews, f.review),
                 matched, f.location]
            )  # fmt: skip
            item.setData(0, FINDING_ROLE, f)
            for column, text in enumerate((f.record_id, "", "", matched, f.location)):
                if text:
                    item.setToolTip(column, text)
            paint(item, 1, STRENGTH_COLOURS.get(f.strength, GREY))
            paint(
                item, 2, REVIEW_COLOURS.get(f.review, GREY), bold=f.review == FindingReview.PENDING
            )
            parent.addChild(item)
            item.setSelected(f.id in selected)
        for parent in systems.values():
            parent.setText(
                0, f"{parent.text(0)} · " + self.tr("%n record(s)", "", parent.childCount())
            )
            parent.setExpanded(True)
        self.counts.setText(
            self.tr("%1 confirmed · %2 to review · %3 in total")
            .replace("%1", str(confirmed))
            .replace("%2", str(pending))
            .replace("%3", str(len(self.findings)))
        )
        if not self.findings:
            empty = QTreeWidgetItem([self.tr("No findings yet: search all systems first.")])
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.tree.addTopLevelItem(empty)
        self._selected()

    def selected_findings(self) -> list[FindingInfo]:
        result = []
        for item in self.tree.selectedItems():
            info = item.data(0, FINDING_ROLE)
            if isinstance(info, FindingInfo):
                result.append(info)
        return result

    def _selected(self) -> None:
        chosen = self.selected_findings()
        self.confirm_button.setEnabled(bool(chosen))
        self.reject_button.setEnabled(bool(chosen))
        self.unreject_button.setEnabled(any(f.review == FindingReview.REJECTED for f in chosen))
        self.fields.clear()
        self.note.clear()
        if len(chosen) != 1:
            return
        f = chosen[0]
        for name, value in f.fields.items():
            item = QTreeWidgetItem([translate(str(name), ui_language()), str(value)])
            item.setToolTip(1, str(value))
            self.fields.addTopLevelItem(item)
        categories = ", ".join(translate(c, ui_language()) for c in f.categories)
        parts = [self.tr("Categories: %1").replace("%1", categories or "—")]
        if f.note:
            parts.append(ui_text(f.note))
        if f.reviewed_by:
            parts.append(self.tr("Reviewed by %1").replace("%1", f.reviewed_by))
        self.note.setText("\n".join(parts))

    def _show_tasks(self, tasks: list[ManualTaskInfo]) -> None:
        self.tasks.clear()
        results = {"": self.tr("open"), "found": self.tr("data found"),
                   "not_found": self.tr("nothing found")}  # fmt: skip
        for task in tasks:
            # Typed instructions stay as typed; only the connector's default text is translated.
            instructions = ui_text(task.instructions)
            item = QTreeWidgetItem(
                [task.system, instructions, labels.label(results, task.result), task.done_by]
            )
            item.setData(0, FINDING_ROLE, task)
            item.setToolTip(1, instructions)
            paint(item, 2, AMBER if not task.result else GREEN, bold=not task.result)
            self.tasks.addTopLevelItem(item)
        open_tasks = sum(1 for t in tasks if not t.result)
        title = self.tr("Manual checks")
        if open_tasks:
            title += f" ({open_tasks})"
        self.pages.setTabText(1, title)
        first = self.tasks.topLevelItem(0)
        if first is not None and self.tasks.currentItem() is None:
            self.tasks.setCurrentItem(first)
        self._task_selected()

    def _task_selected(self) -> None:
        item = self.tasks.currentItem()
        task = None if item is None else item.data(0, FINDING_ROLE)
        self.task_button.setEnabled(isinstance(task, ManualTaskInfo) and not task.result)

    # ---- actions ----------------------------------------------------------------------------

    def review(self, decision: str) -> int:
        chosen = self.selected_findings()
        if not chosen:
            return 0
        self.review_error.hide()
        try:
            changed = review_findings(
                self.ctx.db,
                actor=self.ctx.actor,
                reference=self.reference,
                finding_ids=[f.id for f in chosen],
                decision=decision,
            )
        except UserError as exc:
            self.review_error.setText(user_message(exc))
            self.review_error.show()
            return 0
        rejected = decision == FindingReview.REJECTED
        self.last_rejected = (
            {f.id: f.review for f in chosen if f.review != decision} if rejected else {}
        )
        self.undo_button.setVisible(bool(self.last_rejected))
        self.ctx.events.cases_changed.emit(self.reference)
        self.reload()
        return changed

    def undo_rejection(self) -> int:
        """Give the findings of the last rejection their earlier review back (audited)."""
        before, self.last_rejected = self.last_rejected, {}
        self.undo_button.hide()
        by_review: dict[str, list[int]] = {}
        for finding_id, review in before.items():
            by_review.setdefault(review, []).append(finding_id)
        changed = 0
        try:
            # Back to review through the service (it refuses once a letter on them is final);
            # those confirmed before are confirmed again.
            changed = undo_rejections(
                self.ctx.db, actor=self.ctx.actor, reference=self.reference,
                finding_ids=sorted(before),
            )  # fmt: skip
            confirmed = sorted(i for i, r in before.items() if r == FindingReview.CONFIRMED)
            if confirmed:
                review_findings(
                    self.ctx.db, actor=self.ctx.actor, reference=self.reference,
                    finding_ids=confirmed, decision=FindingReview.CONFIRMED,
                )  # fmt: skip
        except UserError as exc:
            self.review_error.setText(user_message(exc))
            self.review_error.show()
        self.ctx.events.cases_changed.emit(self.reference)
        self.reload()
        return changed

    def unreject_selected(self) -> int:
        """Put the selected rejected findings back to review (audited); returns how many."""
        ids = [f.id for f in self.selected_findings() if f.review == FindingReview.REJECTED]
        if not ids:
            return 0
        self.review_error.hide()
        try:
            changed = undo_rejections(
                self.ctx.db, actor=self.ctx.actor, reference=self.reference, finding_ids=ids
            )
        except UserError as exc:
            self.review_error.setText(user_message(exc))
            self.review_error.show()
            return 0
        self.last_rejected = {}
        self.undo_button.hide()
        self.ctx.events.cases_changed.emit(self.reference)
        self.reload()
        return changed

    def complete_task(self) -> bool:
        item = self.tasks.currentItem()
        task = None if item is None else item.data(0, FINDING_ROLE)
        if not isinstance(task, ManualTaskInfo):
            return False
        self.task_errors.clear()
        self.task_error.hide()
        try:
            complete_manual_task(
                self.ctx.db,
                actor=self.ctx.actor,
                reference=self.reference,
                task_id=task.id,
                result=str(self.task_result.currentData()),
                note=self.task_note.toPlainText(),
            )
        except UserError as exc:
            errors = getattr(exc, "errors", None)
            rest = (
                self.task_errors.show(errors)
                if isinstance(errors, dict)
                else {"": user_message(exc)}
            )
            if rest:
                self.task_error.setText("\n".join(rest.values()))
                self.task_error.show()
            return False
        self.task_note.clear()
        self.ctx.events.cases_changed.emit(self.reference)
        self.reload()
        return True

    def ask_secret(self, system: str, field: str) -> str | None:
        """Ask for a password or token that is not stored (no OS keyring on this computer)."""
        text, ok = QInputDialog.getText(
            self,
            self.tr("Password needed"),
            self.tr("%1 needs its %2.\n%3")
            .replace("%1", system)
            .replace("%2", field)
            .replace("%3", self.secrets.note),
            QLineEdit.EchoMode.Password,
        )
        return text if ok and text else None

    def _complete_secrets(self) -> None:
        """Before searching: ask for each missing secret once; a refusal lets that system fail."""
        if self.secrets.needs_passphrase and self.secrets.file_path.exists():
            ensure_unlocked(self.secrets, self)  # the stored passwords are in the locked file
        for info in list_connectors(self.ctx.db, secrets=self.secrets):
            if not info.enabled:
                continue
            specs = {
                spec.name: translate(spec.label, self.ctx.lang)
                for spec in describe(info.kind).settings
            }
            for field in info.missing_secrets:
                value = self.ask_secret(info.name, specs.get(field, field))
                if value and ensure_unlocked(self.secrets, self):
                    self.secrets.set(info.name, field, value)

    def search(self) -> bool:
        """Start searching every enabled system; progress rows update live."""
        if self.cancel_event is not None:
            return False
        self._complete_secrets()
        self.cancel_event = threading.Event()
        self.rows.clear()
        self.bars.clear()
        self.progress_tree.clear()
        self.progress_tree.show()
        self.search_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.search_state.setText(self.tr("Searching…"))
        db, actor, reference, secrets = self.ctx.db, self.ctx.actor, self.reference, self.secrets
        event, emit = self.cancel_event, self.signals.progressed.emit
        reader = self.ctx.scan_reader

        def progressed(system: str, fraction: float, message: str) -> None:
            # Rendered here: a Qt signal carries a plain str, not the Message with its id.
            emit(system, fraction, ui_text(message))

        def work() -> list[SystemResult]:
            return search_case(
                db, actor=actor, reference=reference, secrets=secrets, on_progress=progressed,
                cancel=event, scan_reader=reader,
            )  # fmt: skip

        QThreadPool.globalInstance().start(SearchJob(work, self.signals))
        return True

    def cancel(self) -> None:
        if self.cancel_event is not None:
            self.cancel_event.set()
            self.cancel_button.setEnabled(False)
            self.search_state.setText(self.tr("Cancelling…"))

    @property
    def searching(self) -> bool:
        return self.cancel_event is not None

    def _row(self, system: str) -> QTreeWidgetItem:
        item = self.rows.get(system)
        if item is None:
            item = QTreeWidgetItem([system, "", run_status_labels()["running"], "", ""])
            self.progress_tree.addTopLevelItem(item)
            bar = QProgressBar()
            bar.setRange(0, 1000)
            bar.setTextVisible(False)
            bar.setAccessibleName(self.tr("Progress of %1").replace("%1", system))
            self.progress_tree.setItemWidget(item, 1, bar)
            self.rows[system], self.bars[system] = item, bar
        return item

    def _progressed(self, system: str, fraction: float, message: str) -> None:
        item = self._row(system)
        self.bars[system].setValue(int(fraction * 1000))
        statuses = run_status_labels()
        if fraction >= 1.0 and message in statuses:
            item.setText(2, statuses[message])
            paint(item, 2, STATUS_COLOURS.get(message, GREY), bold=message != "ok")
        elif message:
            item.setText(4, ui_text(message))

    def _finish_search(self) -> None:
        self.cancel_event = None
        self.search_button.setEnabled(True)
        self.cancel_button.setEnabled(False)

    def _searched(self, results: list[SystemResult]) -> None:
        cancelled = self.cancel_event is not None and self.cancel_event.is_set()
        self._finish_search()
        statuses = run_status_labels()
        for result in results:
            item = self._row(result.system)
            self.bars[result.system].setValue(1000)
            item.setText(2, labels.label(statuses, result.status))
            paint(item, 2, STATUS_COLOURS.get(result.status, GREY), bold=result.status != "ok")
            item.setText(3, str(len(result.findings)) if result.status in ("ok", "reading") else "")
            error = ui_text(result.error) if result.error else ""
            item.setText(4, error)
            item.setToolTip(4, error)
        failed = sum(1 for r in results if r.status == "failed")
        found = sum(len(r.findings) for r in results)
        text = self.tr("%n system(s) searched", "", len(results)) + " · "
        text += self.tr("%n record(s) found", "", found)
        if failed:
            text += " · " + self.tr("%n system(s) failed", "", failed)
        if cancelled:
            text += " · " + self.tr("cancelled")
        self.search_state.setText(text)
        if any(r.status == "reading" for r in results):
            self.show_reading()
        self.ctx.events.cases_changed.emit(self.reference)
        self.reload()

    def show_reading(self) -> int:
        """How many scans are still being read; shown above the progress rows until done."""
        reader = self.ctx.scan_reader
        state = None if reader is None else reader.state()
        if state is None or not state.pending:
            self.reading_timer.stop()
            self.stop_reading_button.hide()
            if self.reading_state.isVisible():
                self.reading_state.setText(
                    self.tr("All scans are read: search again to include them.")
                )
            return 0
        text = self.tr("%n scan(s) being read (OCR)", "", state.pending)
        if state.current:
            text += " · " + state.current + f" {int(state.fraction * 100)} %"
        self.reading_state.setText(text)
        self.reading_state.show()
        self.stop_reading_button.show()
        self.reading_timer.start()
        return state.pending

    def stop_reading(self) -> None:
        if self.ctx.scan_reader is not None:
            self.ctx.scan_reader.cancel()
        self.reading_timer.stop()
        self.stop_reading_button.hide()
        self.reading_state.setText(
            self.tr("Reading the scans was stopped; a new search starts it again.")
        )

    def _search_failed(self, exc: BaseException) -> None:
        self._finish_search()
        self.progress_tree.setVisible(bool(self.rows))
        if isinstance(exc, UserError):
            self.search_state.setText(user_message(exc))
            return
        self.search_state.setText(self.tr("The search failed."))
        self.ctx.reporter.report(exc, self)

    def open_changes(self, operation: str) -> ChangesDialog:
        if self.changes is not None:
            self.changes.close()
        dialog = ChangesDialog(self.ctx, self.reference, operation, self.secrets, self)
        self.changes = dialog
        dialog.show()
        return dialog
