"""Tabs of the case detail: documents with a preview, notes, and the audit timeline."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt, Signal
from PySide6.QtGui import QPixmap, QResizeEvent
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import UserError
from app.core.i18n import text_of
from app.services.case_documents import document_content
from app.services.case_records import add_note
from app.services.dto import CaseDetail, DocumentInfo
from app.ui import labels
from app.ui.context import UiContext
from app.ui.errors import ui_text, user_message
from app.ui.widgets import error_label

DOC_ROLE = Qt.ItemDataRole.UserRole


def _size_text(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / 1024 / 1024:.1f} MB"
    return f"{max(1, size // 1024)} kB"


class DocumentsPanel(QWidget):
    """The case's documents; selecting one previews it (PDF pages or a scaled image)."""

    add_requested = Signal()
    identity_requested = Signal()

    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Documents"))
        self.list.currentItemChanged.connect(lambda item, _prev: self.preview(item))
        self.add_button = QPushButton(self.tr("&Add document…"))
        self.add_button.clicked.connect(self.add_requested)
        self.identity_button = QPushButton(self.tr("Record &identity check…"))
        self.identity_button.clicked.connect(self.identity_requested)
        hint = QLabel(self.tr("Recording the identity check deletes the ID copies of the case."))
        hint.setWordWrap(True)
        hint.setProperty("role", "subtle")
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(self.list, 1)
        ll.addWidget(self.add_button)
        ll.addWidget(self.identity_button)
        ll.addWidget(hint)

        self.stack = QStackedWidget()
        self.placeholder = QLabel(self.tr("Select a document to see it here."))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setProperty("role", "subtle")
        self.pdf_view = QPdfView()
        self.pdf_view.setPageMode(QPdfView.PageMode.MultiPage)
        self.pdf_view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.image = QLabel()
        self.image.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.image_scroll = QScrollArea()
        self.image_scroll.setWidgetResizable(True)
        self.image_scroll.setWidget(self.image)
        for widget in (self.placeholder, self.pdf_view, self.image_scroll):
            self.stack.addWidget(widget)
        # Qt reads the PDF lazily from the buffer: both must live as long as the view shows it.
        self.pdf_document = QPdfDocument(self)
        self.pdf_bytes = QByteArray()
        self.pdf_buffer = QBuffer()
        self.pixmap = QPixmap()

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([320, 700])
        layout = QHBoxLayout(self)
        layout.addWidget(splitter)

    def show_documents(self, detail: CaseDetail) -> None:
        current = self.list.currentItem()
        keep = current.data(DOC_ROLE).id if current is not None else None
        self.list.clear()
        kinds = labels.document_kind_labels()
        for doc in detail.documents:
            text = f"{labels.label(kinds, doc.kind)}: {doc.filename}\n"
            text += (
                f"{labels.local_time_text(doc.created_at, self.ctx.lang)} · {_size_text(doc.size)}"
            )
            if doc.deleted:
                text += " · " + self.tr("deleted after the identity check")
            elif doc.kind == "id_copy" and doc.masked:
                text += " · " + self.tr("masked")
            item = QListWidgetItem(text)
            item.setData(DOC_ROLE, doc)
            self.list.addItem(item)
            if doc.id == keep:
                self.list.setCurrentItem(item)
        if not detail.documents:
            self.placeholder.setText(self.tr("This case has no documents yet."))
            self.stack.setCurrentWidget(self.placeholder)
        elif self.list.currentItem() is None:
            self.list.setCurrentRow(0)

    def preview(self, item: QListWidgetItem | None) -> None:
        doc: DocumentInfo | None = None if item is None else item.data(DOC_ROLE)
        if doc is None:
            self.stack.setCurrentWidget(self.placeholder)
            return
        if doc.deleted:
            self.placeholder.setText(self.tr("This ID copy was deleted after the identity check."))
            self.stack.setCurrentWidget(self.placeholder)
            return
        try:
            _name, media_type, content = document_content(self.ctx.db, document_id=doc.id)
        except UserError as exc:
            self.placeholder.setText(user_message(exc))
            self.stack.setCurrentWidget(self.placeholder)
            return
        if media_type == "application/pdf":
            self.pdf_document.close()
            self.pdf_buffer.close()
            self.pdf_bytes = QByteArray(content)
            self.pdf_buffer = QBuffer(self.pdf_bytes)
            self.pdf_buffer.open(QIODevice.OpenModeFlag.ReadOnly)
            self.pdf_document.load(self.pdf_buffer)
            if self.pdf_document.status() == QPdfDocument.Status.Error:
                self.placeholder.setText(
                    self.tr("This PDF cannot be shown (it may be damaged). It is kept unchanged.")
                )
                self.stack.setCurrentWidget(self.placeholder)
                return
            self.pdf_view.setDocument(self.pdf_document)
            self.stack.setCurrentWidget(self.pdf_view)
            return
        self.pixmap = QPixmap()
        if not self.pixmap.loadFromData(content):
            self.placeholder.setText(self.tr("This image cannot be shown. It is kept unchanged."))
            self.stack.setCurrentWidget(self.placeholder)
            return
        self._scale_image()
        self.stack.setCurrentWidget(self.image_scroll)

    def _scale_image(self) -> None:
        if self.pixmap.isNull():
            return
        width = max(200, self.image_scroll.viewport().width() - 8)
        self.image.setPixmap(
            self.pixmap.scaledToWidth(
                min(width, self.pixmap.width()), Qt.TransformationMode.SmoothTransformation
            )
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._scale_image()


class NotesPanel(QWidget):
    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.reference = ""
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setAccessibleName(self.tr("Notes"))
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(self.tr("Write a note (visible to every officer)…"))
        self.text.setFixedHeight(80)
        self.text.setTabChangesFocus(True)
        self.error = error_label()
        self.add_button = QPushButton(self.tr("Add &note"))
        self.add_button.clicked.connect(self.add)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.text)
        layout.addWidget(self.error)
        layout.addLayout(row)

    def show_notes(self, detail: CaseDetail) -> None:
        self.reference = detail.reference
        self.list.clear()
        for note in reversed(detail.notes):
            when = labels.local_time_text(note.created_at, self.ctx.lang)
            self.list.addItem(f"{note.author} · {when}\n{text_of(note.text, self.ctx.lang)}")
        if not detail.notes:
            self.list.addItem(self.tr("No notes yet."))

    def add(self) -> None:
        self.error.hide()
        try:
            add_note(
                self.ctx.db, actor=self.ctx.actor, reference=self.reference,
                text=self.text.toPlainText(),
            )  # fmt: skip
        except UserError as exc:
            self.error.setText(user_message(exc))
            self.error.show()
            return
        self.text.clear()
        self.ctx.events.cases_changed.emit(self.reference)


class TimelinePanel(QWidget):
    """The audit trail, newest first, in Europe/Amsterdam local time."""

    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.tree = QTreeWidget()
        self.tree.setRootIsDecorated(False)
        self.tree.setAccessibleName(self.tr("History"))
        self.tree.setHeaderLabels([self.tr("When"), self.tr("Who"), self.tr("What"),
                                   self.tr("Details")])  # fmt: skip
        header = self.tree.header()
        for column, width in enumerate((190, 120, 170)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree)

    def show_events(self, detail: CaseDetail) -> None:
        self.tree.clear()
        actions = labels.action_labels()
        for event in reversed(detail.audit):
            item = QTreeWidgetItem(
                [
                    labels.local_time_text(event.at, self.ctx.lang),
                    event.actor,
                    labels.label(actions, event.action),
                    ui_text(event.summary),
                ]
            )
            item.setToolTip(3, ui_text(event.summary))
            self.tree.addTopLevelItem(item)
