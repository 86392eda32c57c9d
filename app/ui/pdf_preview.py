"""PDF preview widget, page rendering for the printer, and the print/save dialog for a PDF."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import UserError
from app.ui.errors import user_message
from app.ui.widgets import error_label

PRINT_DPI = 300


def load_pdf(data: bytes) -> tuple[QPdfDocument, QByteArray, QBuffer]:
    """A loaded document plus the byte array and buffer it reads from (keep all three alive)."""
    raw = QByteArray(data)
    buffer = QBuffer(raw)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    return document, raw, buffer


def page_size_px(document: QPdfDocument, page: int, dpi: int) -> QSize:
    points = document.pagePointSize(page)  # 1 pt = 1/72 inch
    return QSize(
        max(1, round(points.width() * dpi / 72)), max(1, round(points.height() * dpi / 72))
    )


def render_pages(data: bytes, *, dpi: int = PRINT_DPI) -> list[QImage]:
    """Every page of the PDF as an image at ``dpi``; raises ValueError for an unreadable PDF."""
    document, _raw, buffer = load_pdf(data)
    try:
        if document.status() != QPdfDocument.Status.Ready or document.pageCount() < 1:
            raise ValueError(QCoreApplication.translate("pdf_preview", "the PDF cannot be read"))
        images = []
        for page in range(document.pageCount()):
            image = document.render(page, page_size_px(document, page, dpi))
            if image.isNull():
                raise ValueError(
                    QCoreApplication.translate(
                        "pdf_preview", "page %1 could not be rendered"
                    ).replace("%1", str(page + 1))
                )
            images.append(_on_white(image))
        return images
    finally:
        document.close()
        buffer.close()


def _on_white(image: QImage) -> QImage:
    """Qt renders PDF pages with a transparent background; paper is white."""
    page = QImage(image.size(), QImage.Format.Format_RGB32)
    page.fill(Qt.GlobalColor.white)
    painter = QPainter(page)
    try:
        painter.drawImage(0, 0, image)
    finally:
        painter.end()
    return page


def paint_pages(printer: QPrinter, images: list[QImage]) -> None:
    """Each image fills one printer page (the letter's own margins are in the image)."""
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError(QCoreApplication.translate("pdf_preview", "the printer could not be started"))
    try:
        for number, image in enumerate(images):
            if number:
                printer.newPage()
            target: QRect = printer.pageLayout().fullRectPixels(printer.resolution())
            target.moveTo(0, 0)
            scaled = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRect(target.topLeft(), scaled), image)
    finally:
        painter.end()


def print_pdf(printer: QPrinter, data: bytes) -> int:
    """Print the PDF at full page; returns the number of pages sent."""
    printer.setFullPage(True)
    images = render_pages(data, dpi=min(PRINT_DPI, max(72, printer.resolution())))
    paint_pages(printer, images)
    return len(images)


class PdfPreview(QWidget):
    """Shows PDF bytes; the byte array and buffer are kept as attributes while shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = QPdfDocument(self)
        self.pdf_bytes = QByteArray()
        self.pdf_buffer = QBuffer()
        self.data = b""
        self.view = QPdfView()
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setAccessibleName(self.tr("Letter preview"))
        self.view.setDocument(self.document)
        self.placeholder = QLabel(self.tr("No preview yet."))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setProperty("role", "subtle")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.placeholder)
        self.stack.addWidget(self.view)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

    def show_pdf(self, data: bytes) -> bool:
        """Load and show ``data``; False (with a message) when the PDF cannot be read."""
        # The document stays attached to the view (detaching makes Qt warn); the old buffer is
        # released only after the document has moved on to the new one.
        old_buffer = self.pdf_buffer
        self.pdf_bytes = QByteArray(data)
        self.pdf_buffer = QBuffer(self.pdf_bytes)
        self.pdf_buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self.pdf_buffer)
        old_buffer.close()
        if self.document.status() == QPdfDocument.Status.Error or self.document.pageCount() < 1:
            self.data = b""
            self.show_message(self.tr("This PDF cannot be shown."))
            return False
        self.data = data
        self.stack.setCurrentWidget(self.view)
        return True

    def show_message(self, text: str) -> None:
        self.placeholder.setText(text)
        self.stack.setCurrentWidget(self.placeholder)

    def page_count(self) -> int:
        return self.document.pageCount() if self.data else 0


def save_pdf_as(parent: QWidget, data: bytes, suggested: str) -> Path | None:
    """Ask for a file name and write the PDF; returns the path, or None when cancelled."""
    name, _filter = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("PdfPreview", "Save as PDF"),
        str(Path.home() / suggested),
        QCoreApplication.translate("PdfPreview", "PDF files (*.pdf)"),
    )
    if not name:
        return None
    path = Path(name)
    if path.suffix.lower() != ".pdf":
        path = path.with_suffix(".pdf")
    path.write_bytes(data)
    return path


def ask_and_print(parent: QWidget, data: bytes, on_error: Callable[[str], None]) -> QPrintDialog:
    """Open the print dialog (non-blocking); prints when the officer confirms."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def accepted() -> None:
        try:
            print_pdf(printer, data)
        except (OSError, ValueError) as exc:
            on_error(
                QCoreApplication.translate("PdfPreview", "Printing failed: %1").replace(
                    "%1", str(exc)
                )
            )

    dialog.accepted.connect(accepted)
    QDialog.open(dialog)  # the print dialog's own open() wants a slot to call
    return dialog


class PdfDialog(QDialog):
    """A PDF to check, print or save; ``fetch(duplex)`` makes the PDF (for today's letters)."""

    printed = Signal()

    def __init__(
        self,
        parent: QWidget | None,
        *,
        title: str,
        suggested_name: str,
        fetch: Callable[[bool], bytes] | None = None,
        data: bytes = b"",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(820, 900)
        self._fetch = fetch
        self._suggested = suggested_name
        self.print_dialog: QPrintDialog | None = None
        self.preview = PdfPreview()
        self.error = error_label()
        self.info = QLabel()
        self.info.setProperty("role", "subtle")
        self.duplex = QCheckBox(
            self.tr("&Double-sided (a blank page after letters with an odd number of pages)")
        )
        self.duplex.setVisible(fetch is not None)
        self.duplex.toggled.connect(lambda _on: self.reload())
        self.print_button = QPushButton(self.tr("&Print…"))
        self.print_button.clicked.connect(self.print_pdf)
        self.save_button = QPushButton(self.tr("&Save as PDF…"))
        self.save_button.clicked.connect(self.save_pdf)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.info, 1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.duplex)
        layout.addWidget(self.error)
        layout.addWidget(self.preview, 1)
        layout.addLayout(buttons)
        if data:
            self.show_data(data)
        else:
            self.reload()

    def reload(self) -> None:
        if self._fetch is None:
            return
        self.error.hide()
        try:
            data = self._fetch(self.duplex.isChecked())
        except UserError as exc:
            self.show_data(b"")
            self.preview.show_message(user_message(exc))
            return
        self.show_data(data)

    def show_data(self, data: bytes) -> None:
        shown = bool(data) and self.preview.show_pdf(data)
        self.print_button.setEnabled(shown)
        self.save_button.setEnabled(shown)
        pages = self.preview.page_count()
        self.info.setText(self.tr("%n page(s)", "", pages) if shown else "")

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def print_pdf(self) -> None:
        if self.preview.data:
            self.print_dialog = ask_and_print(self, self.preview.data, self._show_error)
            self.print_dialog.accepted.connect(self.printed)

    def save_pdf(self) -> None:
        if not self.preview.data:
            return
        try:
            path = save_pdf_as(self, self.preview.data, self._suggested)
        except OSError as exc:
            self._show_error(self.tr("The file could not be written: %1").replace("%1", str(exc)))
            return
        if path is not None:
            self.info.setText(self.tr("Saved as %1").replace("%1", str(path)))
