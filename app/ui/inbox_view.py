"""The "Te registreren" page: letters from the scanner's hot folder, read and waiting.

The folder (setting ``hot_folder``) is polled every second; a file whose size has been stable
for 2 s is added to the inbox and read in the background (text layer or OCR with its
searchable PDF), one at a time so the machine stays usable. Opening a letter claims it in the
database (a colleague sees who has it) and opens the intake dialog beside the scan.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import UserError
from app.core.progress import Progress
from app.services.hot_folder import FolderWatch
from app.ui.context import UiContext
from app.ui.errors import show_message, user_message
from app.ui.labels import local_time_text

# The inbox service is imported where it is used: it loads the models, and the view is built
# before the first paint but fills itself only after it (issue 15).
if TYPE_CHECKING:  # imported when a letter is opened: it loads the letter reader
    from app.services.inbox import InboxEntry
    from app.ui.intake_dialog import IntakeDialog

ITEM_ROLE = Qt.ItemDataRole.UserRole
POLL_MS = 1000


class InboxView(QWidget):
    """The waiting letters; Enter or double click opens one to register it."""

    case_registered = Signal(str)
    count_changed = Signal(int)

    def __init__(
        self, ctx: UiContext, parent: QWidget | None = None, *, configure: bool = True
    ) -> None:
        """``configure=False``: the hot folder is read later, by a call of ``configure`` (the
        main window does it after its first paint)."""
        super().__init__(parent)
        self.ctx = ctx
        self.watch: FolderWatch | None = None
        self.folder: Path | None = None
        self.queue: list[int] = []
        self.reading: int | None = None
        self.intake: IntakeDialog | None = None
        self.message: object = None

        title = QLabel(self.tr("Letters to register"))
        title.setProperty("role", "heading")
        self.folder_label = QLabel()
        self.folder_label.setObjectName("hot_folder")
        self.folder_label.setProperty("role", "subtle")
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_button = QPushButton(self.tr("&Register…"))
        self.open_button.setObjectName("open_inbox_item")
        self.open_button.clicked.connect(self.open_selected)
        self.refresh_button = QPushButton(self.tr("Re&fresh"))
        self.refresh_button.clicked.connect(self.refresh)
        top = QHBoxLayout()
        heading = QVBoxLayout()
        heading.addWidget(title)
        heading.addWidget(self.folder_label)
        top.addLayout(heading, 1)
        top.addWidget(self.refresh_button, 0, Qt.AlignmentFlag.AlignBottom)
        top.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignBottom)

        self.tree = QTreeWidget()
        self.tree.setObjectName("inbox_items")
        self.tree.setAccessibleName(self.tr("Letters to register"))
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels(
            [self.tr("Arrived"), self.tr("File"), self.tr("State"), self.tr("The letter says")]
        )
        for column, width in enumerate((170, 260, 200)):
            self.tree.header().resizeSection(column, width)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.itemActivated.connect(lambda item, _col: self.open_item(item.data(0, ITEM_ROLE)))
        self.tree.itemDoubleClicked.connect(
            lambda item, _col: self.open_item(item.data(0, ITEM_ROLE))
        )

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)

        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.poll)
        ctx.events.settings_changed.connect(self.configure)
        ctx.events.cases_changed.connect(lambda _ref: self.refresh())
        if configure:
            self.configure()

    # ---- the folder -----------------------------------------------------------------------

    def configure(self) -> None:
        """(Re)read the hot-folder setting; start polling when there is a folder."""
        from app.services import inbox  # after the first paint: it loads the models (issue 15)

        folder = inbox.hot_folder(self.ctx.db)
        if folder != self.folder:
            self.folder = folder
            self.watch = FolderWatch(folder) if folder is not None else None
        if folder is None:
            self.folder_label.setText(
                self.tr("No hot folder is set: choose the scanner's folder in Settings.")
            )
            self.timer.stop()
        else:
            self.folder_label.setText(self.tr("Hot folder: %1").replace("%1", str(folder)))
            self.timer.start()
        inbox.purge_inbox(self.ctx.db)  # registered or left too long: nothing personal stays
        self.queue = inbox.to_read(self.ctx.db)  # left half-read when the app stopped
        self.refresh()
        self._read_next()

    def poll(self) -> list[Path]:
        """Add the files that have arrived; their reading is queued."""
        from app.services import inbox

        if self.watch is None:
            return []
        arrived = self.watch.poll()
        for path in arrived:
            try:
                item_id = inbox.add_arrival(self.ctx.db, path=path)
            except OSError:  # removed again before we could read it
                continue
            if item_id is not None:
                self.queue.append(item_id)
        if arrived:
            self.refresh()
            self._read_next()
        return arrived

    def _read_next(self) -> None:
        if self.reading is not None or not self.queue:
            return
        item_id = self.queue.pop(0)
        self.reading = item_id

        def work(progress: Progress) -> object:
            from app.services import inbox

            return inbox.read_item(self.ctx.db, item_id=item_id, progress=progress)

        def finished(_result: object = None) -> None:
            self.reading = None
            self.refresh()
            self._read_next()

        def failed(exc: BaseException) -> bool:
            finished()
            return isinstance(exc, UserError)

        self.ctx.tasks.run(
            work,
            title=self.tr("Reading a letter from the hot folder…"),
            parent=self,
            on_done=finished,
            on_error=failed,
            quiet=True,  # the officer did not ask: no progress dialog
        )

    # ---- the list -------------------------------------------------------------------------

    def refresh(self) -> None:
        from app.services import inbox

        entries = inbox.waiting_items(self.ctx.db)
        selected = self.selected_id()
        self.tree.clear()
        states = {
            inbox.READING: self.tr("being read…"),
            inbox.READY: self.tr("ready to register"),
            inbox.FAILED: self.tr("could not be read"),
            inbox.CLAIMED: self.tr("being registered by %1"),
        }
        for entry in entries:
            state = states.get(entry.status, entry.status).replace("%1", entry.claimed_by)
            item = QTreeWidgetItem(
                [
                    local_time_text(entry.arrived_at, self.ctx.lang),
                    entry.filename,
                    state,
                    self._summary(entry),
                ]
            )
            item.setData(0, ITEM_ROLE, entry.id)
            self.tree.addTopLevelItem(item)
            if entry.id == selected:
                self.tree.setCurrentItem(item)
        first = self.tree.topLevelItem(0)
        if self.tree.currentItem() is None and first is not None:
            self.tree.setCurrentItem(first)
        self.open_button.setEnabled(self.tree.topLevelItemCount() > 0)
        self.count_changed.emit(len(entries))

    def _summary(self, entry: InboxEntry) -> str:
        from app.services import inbox

        if entry.status not in (inbox.READY, inbox.CLAIMED) or not entry.text:
            return ""
        found = inbox.proposals_of(self.ctx.db, entry)
        reading = found.reading
        parts: list[str] = []
        if reading.is_reminder:
            parts.append(self.tr("reminder"))
        if reading.request_types:
            parts.append(", ".join(t.value for t in reading.request_types))
        for earlier in found.earlier:
            parts.append(self.tr("earlier case %1").replace("%1", earlier.reference))
        return "; ".join(parts)

    def selected_id(self) -> int | None:
        item = self.tree.currentItem()
        return None if item is None else int(item.data(0, ITEM_ROLE))

    def open_selected(self) -> IntakeDialog | None:
        item_id = self.selected_id()
        return None if item_id is None else self.open_item(item_id)

    def open_item(self, item_id: int) -> IntakeDialog | None:
        """Claim the letter for this officer and open it beside the intake form."""
        from app.services import inbox

        try:
            entry = inbox.claim_item(self.ctx.db, item_id=item_id, actor=self.ctx.actor)
        except UserError as exc:
            self.message = show_message(self, self.tr("Letter not available"), user_message(exc))
            self.refresh()
            return None
        from app.ui.intake_dialog import IntakeDialog

        dialog = IntakeDialog(self.ctx, self.window(), entry=entry)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.case_registered.connect(self.case_registered)
        dialog.finished.connect(lambda _result: self.refresh())
        self.intake = dialog
        dialog.open()
        self.refresh()
        return dialog
